//! What pages read from the database beyond the catalogue: a storyline's
//! stored brief, and the people, organisations and quotes stored with
//! stories (computed once, when a story changes, by ingest and watch).

use std::collections::HashMap;

use storyline_report::Story;
use storyline_store::Store;

use crate::ServeError;

/// The brief of storyline `id` (headline, cited summary, quotes, timeline,
/// coverage, sources): the stored one, else computed live.
pub fn brief(store: &Store, id: i64) -> Result<Option<Story>, ServeError> {
    Ok(storyline_story::stored_brief(store, id)?)
}

/// The headlines of storylines `ids` from their stored briefs; a storyline
/// without one is left out (the caller shows its working title).
pub fn headlines(store: &Store, ids: &[i64]) -> Result<HashMap<i64, String>, ServeError> {
    let mut out = HashMap::with_capacity(ids.len());
    for &id in ids {
        if let Some(b) = store.story_brief(id)?
            && let Ok(story) = serde_json::from_str::<Story>(&b.brief)
            && !story.headline.trim().is_empty()
        {
            out.insert(id, story.headline);
        }
    }
    Ok(out)
}

/// One quote as person pages and the API list it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct QuoteRow {
    /// The storyline it was said in.
    pub story: i64,
    /// The first article that reported it.
    pub article: i64,
    /// Every article that reported it.
    pub articles: Vec<i64>,
    /// Who said it, when attributed.
    pub speaker: Option<String>,
    /// What was said.
    pub text: String,
    /// `direct`, `mixed` or `indirect`.
    pub kind: String,
    /// When the first report was published.
    pub published: Option<String>,
}

impl From<storyline_store::StoredQuote> for QuoteRow {
    fn from(q: storyline_store::StoredQuote) -> QuoteRow {
        QuoteRow {
            story: q.storyline_id,
            article: q.article_id,
            articles: q.articles,
            speaker: q.speaker,
            text: q.text,
            kind: q.kind,
            published: q.published,
        }
    }
}

/// One person or organisation as the entity list shows it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct EntityRow {
    /// The canonical name.
    pub name: String,
    /// `person`, `organization`, `place` or `other`.
    pub kind: String,
    /// Storylines it appears in (or, for one story's list, its mentions).
    pub stories: u64,
}

/// Our kind names for the tagger's.
fn kind_name(k: &str) -> &'static str {
    match k {
        "PER" => "person",
        "ORG" => "organization",
        "LOC" => "place",
        _ => "other",
    }
}

fn kind_code(k: &str) -> Option<&'static str> {
    match k {
        "person" => Some("PER"),
        "organization" => Some("ORG"),
        "place" => Some("LOC"),
        "other" => Some("MISC"),
        _ => None,
    }
}

/// The storylines `name` appears in, with its mentions in each.
pub fn entity_lines(store: &Store, name: &str) -> Result<Vec<(i64, u64)>, ServeError> {
    Ok(store.entity_stories(name)?)
}

/// What `speaker` said, oldest first.
pub fn quotes_by(store: &Store, speaker: &str) -> Result<Vec<QuoteRow>, ServeError> {
    Ok(store
        .quotes_by(speaker)?
        .into_iter()
        .map(QuoteRow::from)
        .collect())
}

/// Storyline `id`'s quotes, as the story tells them.
pub fn line_quotes(store: &Store, id: i64) -> Result<Vec<QuoteRow>, ServeError> {
    Ok(store
        .story_quotes(id)?
        .into_iter()
        .map(QuoteRow::from)
        .collect())
}

/// The people and organisations of storyline `id`, most mentioned first.
pub fn line_entities(store: &Store, id: i64) -> Result<Vec<EntityRow>, ServeError> {
    Ok(store
        .story_entities(id)?
        .into_iter()
        .map(|e| EntityRow {
            kind: kind_name(&e.kind).to_string(),
            name: e.name,
            stories: e.mentions,
        })
        .collect())
}

/// The people and organisations in most storylines, of `kind` when given
/// (`person`, `organization`, `place`, `other`).
pub fn top_entities(
    store: &Store,
    kind: Option<&str>,
    limit: usize,
) -> Result<Vec<EntityRow>, ServeError> {
    Ok(store
        .top_entities(kind.and_then(kind_code), limit)?
        .into_iter()
        .map(|(name, kind, stories)| EntityRow {
            name,
            kind: kind_name(&kind).to_string(),
            stories,
        })
        .collect())
}
