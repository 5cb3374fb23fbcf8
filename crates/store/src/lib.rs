//! The store of articles: an embedded SQLite file by default, or a
//! PostgreSQL database when one machine is not enough.
//!
//! Both run the same queries through one connection type (`db.rs`), with
//! the same schema versions (`schema.rs`); what follows holds for both,
//! except where it names SQLite.
//!
//! One file holds everything ingest has kept: each [`Article`] with the raw
//! record body it came from (so it can be re-cleaned when extraction learns
//! more), keyed by a [`content_hash`] so that re-ingesting the same input adds
//! nothing, plus the per-outlet line counts the furniture stage learns
//! boilerplate from.
//!
//! Writes go in batches, one transaction each ([`Store::insert_batch`]): a
//! process killed between batches loses nothing committed, one killed during a
//! batch loses only that batch, and a re-run completes it because rows already
//! stored are skipped as duplicates. The line counts a batch's new articles
//! add go in the same transaction, as increments, so several writers on one
//! file add up and the counts always match the articles stored.
//!
//! Raw bodies are kept zstd-compressed and read back through one capped
//! decompression (`raw.rs`). Readers that must not write open the file with
//! [`Store::open_read_only`], which also works in a directory the user
//! cannot write.
//!
//! What is computed once per article (its facts) and once per change of
//! a storyline (its brief, entities and who said what) is kept too
//! (`facts.rs`), so that every reader shows the same results without
//! recomputing them.
//!
//! It also lists the sources `storyline watch` polls, with their polling
//! state ([`SourceRow`]), and holds the queue that distributed workers
//! share ([`WorkItem`], `queue.rs`).
//!
//! [`Article`]: storyline_model::Article

mod catalog;
mod db;
mod error;
mod facts;
mod hash;
mod queue;
mod raw;
mod row;
mod schema;
mod sources;
mod store;
mod stories;
#[cfg(test)]
mod testdb;

pub use catalog::Placement;
pub use db::{DbError, FromCol};
pub use error::StoreError;
pub use facts::{BriefWrite, FactsInput, StoredBrief, StoredQuote, StoryEntity};
pub use hash::content_hash;
pub use queue::{ItemCounts, MAX_ATTEMPTS, QueueStatus, WorkItem, WorkerRow};
pub use raw::pack_state_with;
pub use row::{ArticleLines, ArticleSummary, ArticleText, Inserted, NewArticle, StoredArticle};
pub use schema::SCHEMA_VERSION;
pub use sources::{DEFAULT_INTERVAL_SECS, MAX_URL, Poll, SourceKind, SourceRow, canonical_url};
pub use store::{Store, exists, is_postgres_url, shown};
pub use stories::{ClusterWrite, Membership, StoryInput, StoryMember, StoryRow};
