//! The one error type of the search index.
//!
//! Every variant names what it is about (the index directory, or the
//! query the user typed) in one line, so a server can show it as it is.

use std::path::PathBuf;

/// What can go wrong with the search index or a query.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// The index directory could not be created, opened or read.
    #[error("cannot open search index {}: {source}", dir.display())]
    Open {
        /// The index directory.
        dir: PathBuf,
        /// What tantivy (or the file system) said.
        source: tantivy::TantivyError,
    },
    /// The directory holds an index this build cannot use: another
    /// version's schema or format. Delete the directory and index again.
    #[error("search index {} was built by another version ({reason}); delete it and run `storyline index` again", dir.display())]
    Incompatible {
        /// The index directory.
        dir: PathBuf,
        /// What differs.
        reason: String,
    },
    /// The user's query could not be read.
    #[error("cannot read query {query:?}: {reason}")]
    Query {
        /// The query as typed (cut to a readable length).
        query: String,
        /// What is wrong with it.
        reason: String,
    },
    /// Reading what to index from the database failed.
    #[error(transparent)]
    Store(#[from] storyline_store::StoreError),
    /// Reading the stories to index failed.
    #[error(transparent)]
    Story(#[from] storyline_story::StoryError),
    /// Indexing, committing or searching failed.
    #[error("search index {}: {op}: {source}", dir.display())]
    Index {
        /// The index directory (`:memory:` for an in-memory index).
        dir: PathBuf,
        /// The step that failed.
        op: &'static str,
        /// What tantivy said.
        source: tantivy::TantivyError,
    },
}

impl SearchError {
    /// A query error for `query` (cut to 200 characters for the message).
    pub(crate) fn query(query: &str, reason: impl Into<String>) -> SearchError {
        let query = match query.char_indices().nth(200) {
            Some((i, _)) => format!("{}...", &query[..i]),
            None => query.to_owned(),
        };
        SearchError::Query {
            query,
            reason: reason.into(),
        }
    }
}
