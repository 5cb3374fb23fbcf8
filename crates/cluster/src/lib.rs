//! Online story clustering for a time-ordered news stream.
//!
//! Each article is handled once, as it arrives:
//!
//! 1. **Features** (`features`): TF-IDF vectors over stemmed title and body
//!    terms and over capitalised-name runs, with document frequencies kept
//!    as the stream goes.
//! 2. **Near-duplicates** (`dedup`): MinHash over word shingles with LSH
//!    banding; a copy joins its original's story, is counted once, and its
//!    copy group stays visible in [`Assignment::duplicate_of`].
//! 3. **Candidates** (`index`): an inverted index from the heaviest terms
//!    and entities of each active story; only stories sharing evidence with
//!    the article are scored, never all of them.
//! 4. **Assignment**: the best candidate by a weighted mix of cosines,
//!    decayed by the time gap, is joined when it clears a threshold;
//!    otherwise a new story opens.
//! 5. **Merges**: when the article shows two stories to be one, the newer
//!    merges into the older.
//! 6. **Ageing out**: stories idle beyond the window leave memory; a story
//!    keeps only truncated sparse centroids, never article texts.
//!
//! Results are deterministic for a given input order (no random seeds);
//! [`stream_order`] and [`Clusterer::add_batch`] also make the order of
//! articles with equal timestamps irrelevant.

mod assignment;
mod clusterer;
mod config;
mod dedup;
mod doc;
mod features;
mod hash;
mod index;
mod labels;
mod memory;
mod order;
mod stopwords;
mod story;
mod story_info;
mod tokens;
mod vocab;

pub use assignment::Assignment;
pub use clusterer::Clusterer;
pub use config::Config;
pub use doc::Doc;
pub use labels::Labels;
pub use memory::Memory;
pub use order::stream_order;
pub use story_info::StoryInfo;
