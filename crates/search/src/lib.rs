//! storyline-search: full-text search over articles, quotes and stories.
//!
//! One [tantivy](https://docs.rs/tantivy) index holds a document per
//! stored article, per attributed quote and per story ([`ArticleDoc`],
//! [`QuoteDoc`], [`StoryDoc`]). A [`Query`] is free text in tantivy's
//! syntax (BM25-ranked words, `"phrases"`, `AND`/`OR`/`NOT`, `+`/`-`) plus
//! filters on outlet, language, speaker, publication day and kind, typed
//! inline (`outlet:"AP News" from:2025-01-01`). [`Index::search`] groups the
//! top documents by story, through the caller's article-to-story map
//! (membership changes as stories merge, so the index does not hold it),
//! and gives each shown hit a [`Snippet`] with the matched words marked.
//!
//! Writing is batched: a [`Writer`] adds documents and
//! [`commit`](Writer::commit)s them together, which makes them searchable at
//! once (the reader reloads) and records the highest article id indexed, so
//! after a restart [`Index::indexed_through`] says where to go on from.
//! Stored text is lz4-compressed: snippets read stored text for every hit
//! shown, and lz4 reads it back several times faster than zstd. Measured on
//! 100,000 synthetic articles (`scripts/search_corpus.py`, 204 MB of text):
//! the index was 1.11 times the text with lz4 (0.86 with zstd, whose slower
//! reads cost a third more per query); the pair terms of common words (see
//! `vocabulary.rs`) take it to 1.23.
//!
//! [`catch_up`] keeps the index following the store (new articles with
//! the quotes their stored facts hold), [`put_stories`] its story documents.
//!
//! Files: `follow.rs` (the store into the index), `schema.rs` (fields, analyzers), `doc.rs` (what goes in),
//! `index.rs` (opening, the writer, the commit payload), `writer.rs`,
//! `query.rs` (the user's query and filters), `hits.rs` (running a query,
//! grouping, snippets), `vocabulary.rs` (common words, and the word pairs
//! indexed so that their phrases are looked up), `error.rs`.

mod doc;
mod error;
mod follow;
mod hits;
mod index;
mod query;
mod schema;
mod vocabulary;
mod writer;

#[cfg(test)]
mod fixture;

pub use doc::{ArticleDoc, MAX_TEXT, QuoteDoc, StoryDoc};
pub use error::SearchError;
pub use follow::{Caught, catch_up, put_stories};
pub use hits::{Group, Hit, Kind, Results, SNIPPET_CHARS, Snippet};
pub use index::{Index, WRITER_HEAP, beside};
pub use query::{DEFAULT_HITS_PER_GROUP, DEFAULT_LIMIT, MAX_LIMIT, MAX_QUERY, Query};
pub use writer::Writer;
