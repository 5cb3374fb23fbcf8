//! What the clusterer says about each article it is given: its story (the
//! event) and that story's storyline.

/// Where an article went.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Assignment {
    /// The story it joined or opened (after any merges it caused).
    pub story: u64,
    /// Whether it opened that story.
    pub new_story: bool,
    /// When it is a near-duplicate: the id of its copy group's original.
    pub duplicate_of: Option<String>,
    /// Merges this article caused, as (from story, into story); `into` is
    /// always the older story.
    pub merged: Vec<(u64, u64)>,
    /// Its similarity to the story it joined (0 for a new story, 1 for a copy).
    pub score: f32,
    /// The storyline its story belongs to: the developing story, events
    /// linked over weeks. A storyline's id is the id of its first story.
    pub storyline: u64,
    /// Storyline links this article caused, as (from storyline, into
    /// storyline); `into` is always the older.
    pub storyline_merged: Vec<(u64, u64)>,
}
