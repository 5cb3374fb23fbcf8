//! The article as the clusterer sees it.

/// One article as the clusterer sees it.
#[derive(Clone, Copy, Debug)]
pub struct Doc<'a> {
    /// A unique id (kept only while the article is in the active window).
    pub id: &'a str,
    /// Publication time in unix seconds; `None` when unknown, in which case
    /// the stream clock (the latest time seen) and the article's place in
    /// the stream stand in for it.
    pub time: Option<i64>,
    /// The headline (may be empty).
    pub title: &'a str,
    /// The main text.
    pub text: &'a str,
    /// The outlet, when known (carried for callers; not used for scoring).
    pub outlet: Option<&'a str>,
}

impl<'a> Doc<'a> {
    /// An article without an outlet.
    pub fn new(id: &'a str, time: Option<i64>, title: &'a str, text: &'a str) -> Self {
        Doc {
            id,
            time,
            title,
            text,
            outlet: None,
        }
    }
}
