//! The one error type of the store.
//!
//! Every variant names the database file, because a user with several stores
//! needs to know which one is at fault; messages are a single line.

use std::path::PathBuf;

/// What can go wrong with a store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file could not be opened or configured.
    #[error("cannot open store {}: {source}", path.display())]
    Open {
        /// The database file (or server URL).
        path: PathBuf,
        /// What the database said.
        source: crate::DbError,
    },
    /// The file was written by a newer storyline; we refuse to touch it
    /// rather than silently misread or downgrade it.
    #[error(
        "store {} has schema version {found}, newer than the {known} this build knows; use a newer storyline",
        path.display()
    )]
    TooNew {
        /// The database file (or server URL).
        path: PathBuf,
        /// The version found in the file.
        found: i64,
        /// The newest version this build can migrate to.
        known: u32,
    },
    /// The file's schema is older than this build's and the store was
    /// opened read-only, so it could not be migrated.
    #[error(
        "store {} has schema version {found}, older than the {known} this build reads; it must be opened for writing once to be upgraded",
        path.display()
    )]
    Outdated {
        /// The database file (or server URL).
        path: PathBuf,
        /// The version found in the file.
        found: i64,
        /// The version this build reads.
        known: u32,
    },
    /// A schema migration failed; the file is left at the previous version.
    #[error("store {}: migration to schema version {version} failed: {source}", path.display())]
    Migrate {
        /// The database file (or server URL).
        path: PathBuf,
        /// The version being migrated to.
        version: u32,
        /// What the database said.
        source: crate::DbError,
    },
    /// A query or statement failed.
    #[error("store {}: {op} failed: {source}", path.display())]
    Sql {
        /// The database file (or server URL).
        path: PathBuf,
        /// What the store was doing, in a few words.
        op: &'static str,
        /// What the database said.
        source: crate::DbError,
    },
    /// An article's `extra` fields could not be serialised to JSON.
    #[error("store {}: cannot encode extra fields of {source_name}: {source}", path.display())]
    Encode {
        /// The database file (or server URL).
        path: PathBuf,
        /// The article's [`Article::source`](storyline_model::Article::source).
        source_name: String,
        /// What serde_json said.
        source: serde_json::Error,
    },
    /// A stored row holds something this build cannot read back.
    #[error("store {}: article {id} is corrupt: {detail}", path.display())]
    Corrupt {
        /// The database file (or server URL).
        path: PathBuf,
        /// The row id of the article.
        id: i64,
        /// What is wrong with it.
        detail: String,
    },
}
