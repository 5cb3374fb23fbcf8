//! Where the articles a round finds go: the caller extracts, stores and
//! places them, as `ingest` does, so that both share one path.

use storyline_model::Record;

/// Takes the records a round found and places the new articles in stories.
pub trait Sink {
    /// Extracts and stores `records` (committed before returning); returns
    /// how many were new articles, and one message per record that failed.
    fn store(&mut self, records: Vec<Record>) -> (u64, Vec<String>);
    /// Places the stored articles that wait for a story; returns how many
    /// stories there are, or why it failed.
    fn place(&mut self) -> Result<u64, String>;
}
