//! What the story layer computes once and keeps in the store: each
//! article's facts, and each storyline's brief with its linked entities and
//! who said what. The commands, the web app and the API read these instead
//! of computing them again on every request.
//!
//! Briefs are kept at [`DEFAULT_WORDS`]; the store forgets a storyline's
//! brief when its membership changes, and [`keep_stored`] (run after every
//! clustering update) computes what is missing. A reader that finds no
//! brief (a read-only copy of an older file, or a storyline whose brief is
//! being recomputed) gets it computed live.

use rayon::prelude::*;
use storyline_model::Published;
use storyline_report::Story;
use storyline_store::{BriefWrite, Store, StoredQuote, StoryEntity};

use crate::brief::brief_known;
use crate::{StoryError, StoryView, Storyline, brief, kind, of_article};

/// The summary length, in words, of the briefs kept in the store: the
/// digest's default.
pub const DEFAULT_WORDS: usize = 120;

/// Articles whose facts are computed and written together.
const FACTS_CHUNK: usize = 256;

/// Storylines briefed and written together: with each read as a sample
/// (at most [`crate::MAX_READ`] texts), this bounds the texts held at once.
const BRIEFS_CHUNK: usize = 64;

/// One article's facts as stored: [`of_article`] as JSON text.
pub fn facts_json(text: &str, lang: Option<&str>, published: Option<&str>) -> String {
    of_article(
        text,
        lang.unwrap_or(""),
        published.and_then(Published::parse),
    )
    .to_string()
}

/// What [`keep_stored`] computed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Kept {
    /// Articles whose facts were computed (stored before facts were, or
    /// whose text was cleaned again).
    pub facts: u64,
    /// Storylines briefed (new or changed ones).
    pub briefs: u64,
}

/// Computes and stores what is missing: the facts of articles without
/// them, and the brief of every storyline without one. Nothing on a
/// read-only store.
pub fn keep_stored(store: &mut Store) -> Result<Kept, StoryError> {
    if store.is_read_only() {
        return Ok(Kept::default());
    }
    Ok(Kept {
        facts: fill_facts(store)?,
        briefs: refresh_briefs(store)?,
    })
}

/// Computes the facts of every article that has none, a chunk at a time
/// spread over the cores; returns how many were stored.
pub fn fill_facts(store: &mut Store) -> Result<u64, StoryError> {
    let mut n = 0;
    loop {
        let inputs = store.articles_without_facts(FACTS_CHUNK)?;
        if inputs.is_empty() {
            break;
        }
        let rows: Vec<(i64, String, String)> = inputs
            .into_par_iter()
            .map(|a| {
                let f = facts_json(&a.text, a.lang.as_deref(), a.published.as_deref());
                (a.article_id, f, a.text)
            })
            .collect();
        let stored = store.put_facts(&rows)?;
        n += stored;
        // Every text changed under us (another writer is re-cleaning):
        // its own update computes them.
        if stored == 0 {
            break;
        }
    }
    Ok(n)
}

/// Briefs every storyline that has no brief, spread over the cores;
/// returns how many were stored.
pub fn refresh_briefs(store: &mut Store) -> Result<u64, StoryError> {
    let round = store.cluster_round()?;
    let ids = store.storylines_without_brief()?;
    let mut n = 0;
    for chunk in ids.chunks(BRIEFS_CHUNK) {
        let mut views = Vec::with_capacity(chunk.len());
        for &id in chunk {
            if let Some((id, events)) = store.storyline(id)? {
                let line = Storyline { id, events };
                views.push((id, StoryView::load_sampled(store, &line)?));
            }
        }
        let built: Vec<BriefWrite> = views
            .into_par_iter()
            .map(|(id, view)| build(id, view))
            .collect();
        match store.write_briefs(round, &built)? {
            Some(_) => n += built.len() as u64,
            // Another process placed articles since: its update briefs them.
            None => break,
        }
    }
    Ok(n)
}

/// Storyline `id`'s brief at [`DEFAULT_WORDS`]: the stored one, else
/// computed live (and not stored); `None` when there is no such storyline.
pub fn stored_brief(store: &Store, id: i64) -> Result<Option<Story>, StoryError> {
    if let Some(story) = read_brief(store, id, DEFAULT_WORDS)? {
        return Ok(Some(story));
    }
    let Some((id, events)) = store.storyline(id)? else {
        return Ok(None);
    };
    let view = StoryView::load_sampled(store, &Storyline { id, events })?;
    Ok(Some(brief(view, DEFAULT_WORDS)))
}

/// The stored brief of storyline `id` when it was briefed at `words` and
/// reads back; `None` otherwise (the caller computes it).
pub(crate) fn read_brief(
    store: &Store,
    id: i64,
    words: usize,
) -> Result<Option<Story>, StoryError> {
    Ok(store
        .story_brief(id)?
        .filter(|b| b.words == words as u64)
        // A brief this build cannot read is computed again, never shown wrong.
        .and_then(|b| serde_json::from_str(&b.brief).ok()))
}

/// A storyline's brief and index rows, from the view its brief reads
/// ([`StoryView::load_sampled`]): a big storyline's entities and quotes are
/// those of its sampled articles, as its brief's are.
fn build(id: i64, view: StoryView) -> BriefWrite {
    let entities = view.entities();
    let said = view.said(&entities);
    let entities = entities
        .iter()
        .map(|e| StoryEntity {
            name: e.canonical.clone(),
            kind: e.kind.conll().to_string(),
            mentions: e.mentions.len() as u64,
        })
        .collect();
    let quotes = said
        .iter()
        .filter_map(|s| {
            let first = view.members.get(s.reports.first()?.0)?;
            let mut articles = Vec::with_capacity(s.reports.len());
            for r in &s.reports {
                if let Some(m) = view.members.get(r.0)
                    && !articles.contains(&m.article_id)
                {
                    articles.push(m.article_id);
                }
            }
            Some(StoredQuote {
                storyline_id: id,
                article_id: first.article_id,
                speaker: s.speaker.clone(),
                text: s.text.clone(),
                kind: kind(s.kind).to_string(),
                articles,
                published: first.published.clone(),
            })
        })
        .collect();
    let story = brief_known(view, DEFAULT_WORDS, Some(said));
    BriefWrite {
        storyline_id: id,
        words: DEFAULT_WORDS as u64,
        // Serialising plain data cannot fail; an empty brief would read
        // back as unreadable and be computed live.
        brief: serde_json::to_string(&story).unwrap_or_default(),
        entities,
        quotes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn live(store: &Store, id: i64) -> Story {
        let (id, events) = store.storyline(id).unwrap().unwrap();
        brief(
            StoryView::load_storyline(store, &Storyline { id, events }).unwrap(),
            DEFAULT_WORDS,
        )
    }

    fn json(s: &Story) -> String {
        serde_json::to_string(s).unwrap()
    }

    #[test]
    fn an_update_stores_facts_and_briefs_that_read_as_computed_live() {
        let store = crate::fixture::harbour();
        let line = Storyline::all(&store).unwrap()[0].id;
        let stored = store.story_brief(line).unwrap().expect("briefed");
        assert_eq!(stored.words, DEFAULT_WORDS as u64);
        let story = stored_brief(&store, line).unwrap().unwrap();
        assert_eq!(json(&story), json(&live(&store, line)));
        assert_eq!(stored.brief, json(&story));
        // The facts of every article are stored, as computed.
        let (_, members) = store
            .story(store.stories().unwrap()[0].id)
            .unwrap()
            .unwrap();
        for m in &members {
            let a = store.article(m.article_id).unwrap().unwrap();
            let f = store.article_facts(m.article_id).unwrap().expect("facts");
            let want = facts_json(
                &a.article.text,
                a.article.lang.as_ref().map(|l| l.code.as_str()),
                a.article.published.as_deref(),
            );
            assert_eq!(f, want);
        }
        // Who said what, with the storyline's names.
        let quotes = store.story_quotes(line).unwrap();
        assert!(
            quotes
                .iter()
                .any(|q| q.speaker.as_deref() == Some("Ilsa Brandt") && q.articles.len() >= 2),
            "{quotes:?}"
        );
        let by = store.quotes_by("ilsa brandt").unwrap();
        assert!(!by.is_empty() && by.iter().all(|q| q.storyline_id == line));
        let ents = store.story_entities(line).unwrap();
        assert!(ents.iter().any(|e| e.name == "Ilsa Brandt"), "{ents:?}");
        assert_eq!(store.entity_stories("Ilsa Brandt").unwrap()[0].0, line);
        let top = store.top_entities(Some("PER"), 5).unwrap();
        assert!(
            top.iter().any(|t| t.0 == "Ilsa Brandt" && t.2 == 1),
            "{top:?}"
        );
        assert_eq!(
            stored_brief(&store, line + 1000).unwrap().map(|s| s.id),
            None
        );
    }

    #[test]
    fn a_brief_is_recomputed_when_its_story_changes_and_only_then() {
        let mut store = crate::fixture::harbour();
        let line = Storyline::all(&store).unwrap()[0].id;
        let g = store.brief_generation().unwrap();
        let first = store.story_brief(line).unwrap().unwrap();
        // Nothing new: nothing briefed again.
        assert_eq!(crate::update(&mut store).unwrap().stories, 1);
        assert_eq!(store.brief_generation().unwrap(), g);
        assert_eq!(store.story_brief(line).unwrap().unwrap(), first);
        // A fourth report joins the story: its brief is written again.
        let more = crate::fixture::article(
            Some("gull.example"),
            Some("2031-03-05T12:00:00Z"),
            "Velmora harbour repairs begin",
            "Repairs to the northern pier of Velmora harbour began on Wednesday after the storm. \
             Mayor Ilsa Brandt said: \"We will rebuild the northern pier before the autumn fleet returns.\" \
             Forty boats waited in the harbour of Velmora.",
        );
        let raw = storyline_model::Body::Text(more.text.clone());
        store
            .insert_batch(&[storyline_store::NewArticle {
                article: &more,
                hash: "more",
                raw: &raw,
                lines: None,
                facts: None,
            }])
            .unwrap();
        crate::update(&mut store).unwrap();
        let lines = Storyline::all(&store).unwrap();
        let changed = store.briefs_built_after(g).unwrap();
        assert!(!changed.is_empty());
        for l in &lines {
            let b = stored_brief(&store, l.id).unwrap().unwrap();
            assert_eq!(json(&b), json(&live(&store, l.id)));
        }
        // The new article got its facts at the update.
        let id = store.contains_hash("more").unwrap().unwrap();
        assert!(store.article_facts(id).unwrap().is_some());
        // A rebuild forgets every brief and writes them again; none is
        // left for a storyline that is gone.
        let g = store.brief_generation().unwrap();
        crate::rebuild(&mut store).unwrap();
        let lines: Vec<i64> = Storyline::all(&store)
            .unwrap()
            .iter()
            .map(|l| l.id)
            .collect();
        assert_eq!(store.briefs_built_after(g).unwrap(), lines);
        assert!(store.storylines_without_brief().unwrap().is_empty());
    }

    #[test]
    fn a_text_cleaned_again_loses_its_facts_and_brief_until_the_next_update() {
        let mut store = crate::fixture::harbour();
        let line = Storyline::all(&store).unwrap()[0].id;
        let (_, members) = store
            .story(store.stories().unwrap()[0].id)
            .unwrap()
            .unwrap();
        let id = members[0].article_id;
        let text = store.article(id).unwrap().unwrap().article.text;
        store
            .update_text(id, &text.replace("Tuesday", "Monday"))
            .unwrap();
        assert_eq!(store.article_facts(id).unwrap(), None);
        assert_eq!(store.story_brief(line).unwrap(), None);
        // Read meanwhile: computed live.
        let live_now = json(&live(&store, line));
        assert_eq!(
            json(&stored_brief(&store, line).unwrap().unwrap()),
            live_now
        );
        let kept = keep_stored(&mut store).unwrap();
        assert_eq!(
            kept,
            Kept {
                facts: 1,
                briefs: 1
            }
        );
        assert_eq!(store.story_brief(line).unwrap().unwrap().brief, live_now);
    }

    #[test]
    fn a_read_only_store_without_briefs_computes_them_live() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("news.db");
        let line;
        {
            let mut store = Store::open(&path).unwrap();
            let a = crate::fixture::article(
                Some("tidings.example"),
                Some("2031-03-04"),
                "Pier closed",
                "The northern pier of Velmora closed on Tuesday after a storm, the harbour board said.",
            );
            let raw = storyline_model::Body::Text(a.text.clone());
            store
                .insert_batch(&[storyline_store::NewArticle {
                    article: &a,
                    hash: "h",
                    raw: &raw,
                    lines: None,
                    facts: None,
                }])
                .unwrap();
            crate::update(&mut store).unwrap();
            line = Storyline::all(&store).unwrap()[0].id;
            // As a file from before briefs were stored.
            store.update_text(1, "The northern pier of Velmora closed on Tuesday after a storm, the harbour board said.").unwrap();
            assert_eq!(store.story_brief(line).unwrap(), None);
        }
        let mut ro = Store::open_read_only(&path).unwrap();
        let story = stored_brief(&ro, line).unwrap().unwrap();
        assert_eq!(json(&story), json(&live(&ro, line)));
        assert_eq!(keep_stored(&mut ro).unwrap(), Kept::default());
        let d = crate::digest(
            &ro,
            &crate::Options {
                since: None,
                words: DEFAULT_WORDS,
                limit: 5,
            },
        )
        .unwrap();
        assert_eq!(json(&d.stories[0]), json(&story));
    }
}
