//! The public view of a live story.

/// A live story, as [`Clusterer::stories`](crate::Clusterer::stories) shows it.
#[derive(Debug, Clone)]
pub struct StoryInfo<'a> {
    /// The story id.
    pub id: u64,
    /// Distinct articles (near-duplicate copies not counted).
    pub articles: u32,
    /// Near-duplicate copies.
    pub duplicates: u32,
    /// First publication time of a dated member (unix seconds).
    pub first: Option<i64>,
    /// Last publication time of a dated member (unix seconds).
    pub last: Option<i64>,
    /// The heaviest centroid terms, in a surface form seen in the stream.
    pub keywords: Vec<&'a str>,
}
