//! Online story clustering for a time-ordered news stream.
//!
//! Each article is handled once, as it arrives:
//!
//! 1. **Features**: TF-IDF vectors over stemmed title and body terms and
//!    over entity keys (capitalised-name runs, as single words and whole
//!    names, and figures), with document frequencies kept as the stream
//!    goes. Whether a capitalised word is a name is learnt from how the
//!    stream writes it (mostly capitalised mid-sentence, or not).
//! 2. **Near-duplicates**: MinHash over word shingles with LSH banding; a
//!    copy joins its original's story, is counted once, and its copy group
//!    stays visible in [`Assignment::duplicate_of`]. A text that keeps
//!    recurring after its story went quiet is boilerplate and stands alone.
//! 3. **Candidates**: an inverted index from the heaviest terms and
//!    entities of each active story; only stories sharing evidence with the
//!    article are scored, never all of them (and, for an undated article,
//!    the story of the article just before it, its place being its clock).
//! 4. **Assignment**: a weighted mix of per-kind similarities, decayed by
//!    the time gap to the story (a day of grace, then exponential; a strong
//!    content match outweighs the gap within the window), picks the story;
//!    below the threshold a new story opens. An undated article is placed
//!    at the stream clock with a floored decay, and its place in the stream
//!    stands in for time against undated stories.
//! 5. **Merges**: when the article shows two stories to be one, the newer
//!    merges into the older.
//! 6. **Ageing out**: stories idle beyond the window leave memory; a story
//!    keeps only truncated sparse centroids, never article texts.
//!
//! Results are deterministic for a given input order (no random seeds);
//! [`stream_order`] and [`Clusterer::add_batch`] also make the order of
//! articles with equal timestamps irrelevant. The one configuration is
//! [`Config::default`]; [`Labels`] turns a stream of assignments into final
//! story labels for every article.

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
mod query;
mod snapshot;
mod stopwords;
mod story;
mod story_info;
mod storyline;
mod tokens;
mod vocab;
mod word_table;

pub use assignment::Assignment;
pub use clusterer::Clusterer;
pub use config::Config;
pub use doc::Doc;
pub use labels::Labels;
pub use memory::Memory;
pub use order::stream_order;
pub use snapshot::SnapshotError;
pub use story_info::StoryInfo;
