//! The index following the store: every article stored since the last
//! commit, with the quotes its stored facts hold, added in batches; and
//! story documents replaced as storylines change. `storyline index` runs
//! it once; `storyline serve` runs it after every change it sees.

use rayon::prelude::*;
use storyline_model::Published;
use storyline_store::{ArticleText, Store};
use storyline_story::Storyline;

use crate::vocabulary;
use crate::{ArticleDoc, Index, QuoteDoc, SearchError, StoryDoc, Writer};

/// Articles read from the store at a time.
const PAGE: usize = 1_000;

/// Articles per commit: a commit writes a segment, so not too many.
const BATCH: usize = 10_000;

/// What one catch-up added.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Caught {
    /// Articles indexed.
    pub articles: u64,
    /// Quotes indexed.
    pub quotes: u64,
    /// Bytes of title and text indexed.
    pub text_bytes: u64,
    /// The highest article id now indexed (0 when none).
    pub through: i64,
    /// Whether the index was rebuilt from the first article, with its
    /// common words drawn anew (see `vocabulary.rs`): its story documents
    /// are gone too, so the caller puts them all back.
    pub rebuilt: bool,
}

/// Indexes every article stored after [`Index::indexed_through`], with its
/// quotes, committing every few thousand; the last batch is committed too,
/// so everything read is searchable when this returns.
///
/// An empty index first draws its common words from the store's first
/// articles. An index whose words were drawn from few articles, in a store
/// that has since grown several times larger, is rebuilt with words drawn
/// anew, in one commit, so searches see the old index until the new one is
/// whole ([`Caught::rebuilt`]).
pub fn catch_up(index: &Index, writer: &mut Writer, store: &Store) -> Result<Caught, SearchError> {
    let mut c = Caught {
        through: index.indexed_through().unwrap_or(0),
        ..Caught::default()
    };
    let basis = writer.vocabulary().basis();
    // Counting the store's articles is skipped once the list is final.
    let draw = if c.through == 0 {
        true
    } else if basis < vocabulary::SAMPLE && writer.vocabulary().stale(store.count()?) {
        writer.delete_all()?;
        writer.mark_stories(None);
        c.through = 0;
        c.rebuilt = true;
        true
    } else {
        false
    };
    if draw {
        let sample = store.texts_after(0, vocabulary::SAMPLE)?;
        if sample.len() > basis || c.rebuilt {
            writer.draw_vocabulary(sample.iter().map(|a| a.text.as_str()))?;
        }
    }
    let mut since_commit = 0;
    loop {
        let page = store.texts_after(c.through, PAGE)?;
        let Some(last) = page.last().map(|a| a.id) else {
            break;
        };
        let stored: Vec<Option<String>> = page
            .iter()
            .map(|a| store.article_facts(a.id))
            .collect::<Result<_, _>>()?;
        let quotes: Vec<Vec<Said>> = page
            .par_iter()
            .zip(stored.par_iter())
            .map(|(a, f)| quotes_of(a, f.as_deref()))
            .collect();
        for (a, said) in page.iter().zip(&quotes) {
            let quotes: Vec<QuoteDoc<'_>> = said
                .iter()
                .map(|s| QuoteDoc {
                    text: &s.text,
                    speaker: s.speaker.as_deref(),
                })
                .collect();
            writer.add_article(&article_doc(a), &quotes)?;
            c.articles += 1;
            c.quotes += said.len() as u64;
            c.text_bytes += (a.text.len() + a.title.as_deref().map_or(0, str::len)) as u64;
        }
        c.through = last;
        since_commit += page.len();
        if since_commit >= BATCH && !c.rebuilt {
            writer.commit(c.through)?;
            since_commit = 0;
        }
    }
    if since_commit > 0 || c.rebuilt {
        writer.commit(c.through)?;
    }
    Ok(c)
}

/// Replaces the story documents of storylines `ids` (those that no longer
/// exist are removed); `None` replaces every story document, unless the
/// index's stories are marked with the store's brief generation already
/// (nothing changed since). The writer is marked with that generation;
/// commit after.
pub fn put_stories(
    store: &Store,
    writer: &mut Writer,
    ids: Option<&[i64]>,
) -> Result<u64, SearchError> {
    let generation = store.brief_generation()?;
    if ids.is_none() && writer.stories_mark() == Some(generation) {
        return Ok(0);
    }
    writer.mark_stories(Some(generation));
    let lines: Vec<Storyline> = match ids {
        None => {
            writer.delete_stories();
            Storyline::all(store)?
        }
        Some(ids) => {
            let mut found = Vec::with_capacity(ids.len());
            for &id in ids {
                writer.delete_story(id);
                if let Some(l) = Storyline::of(store, id)?
                    && l.id == id
                {
                    found.push(l);
                }
            }
            found
        }
    };
    let mut n = 0;
    for line in &lines {
        let row = line.row();
        let titles: Vec<&str> = line
            .events
            .iter()
            .filter_map(|e| e.title.as_deref())
            .collect();
        writer.put_story(&StoryDoc {
            id: line.id,
            title: row.title.as_deref(),
            summary: &titles.join("\n"),
            outlets: &row.outlets,
            published: row.last_published.as_deref().and_then(Published::parse),
        })?;
        n += 1;
    }
    Ok(n)
}

/// An article as the index takes it.
fn article_doc(a: &ArticleText) -> ArticleDoc<'_> {
    ArticleDoc {
        id: a.id,
        title: a.title.as_deref(),
        text: &a.text,
        outlet: a.outlet.as_deref(),
        outlet_name: a.outlet_name.as_deref(),
        lang: a.lang.as_deref(),
        published: a.published.as_deref().and_then(Published::parse),
        url: a.url.as_deref(),
    }
}

/// One attributed statement.
struct Said {
    text: String,
    speaker: Option<String>,
}

/// An article's quotes: from its stored facts (computed once, at ingest);
/// from its text when none are stored (a database from before facts).
fn quotes_of(a: &ArticleText, facts: Option<&str>) -> Vec<Said> {
    if let Some(v) = facts.and_then(|f| serde_json::from_str::<serde_json::Value>(f).ok())
        && let Some(qs) = v.get("quotes").and_then(|q| q.as_array())
    {
        return qs
            .iter()
            .filter_map(|q| {
                Some(Said {
                    text: q.get("text")?.as_str()?.to_string(),
                    speaker: q
                        .get("speaker")
                        .and_then(|s| s.as_str())
                        .map(str::to_string),
                })
            })
            .collect();
    }
    let text = &a.text;
    storyline_story::quotes_of_article(text, a.lang.as_deref().unwrap_or(""))
        .iter()
        .map(|q| Said {
            text: q.words(text),
            speaker: q.speaker_name.clone(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use storyline_model::Article;

    use super::*;
    use crate::Query;

    /// Stores `n` more articles, each a sentence of common words and a
    /// word of its own.
    fn add(store: &mut Store, from: usize, n: usize) {
        let articles: Vec<Article> = (from..from + n)
            .map(|i| Article {
                source: format!("{i}.txt"),
                outlet: None,
                url: None,
                title: Some(format!("Report {i}")),
                author: None,
                published: None,
                lang: None,
                text: format!(
                    "The port said on Monday that the ferry runs again. Word{i} ends it."
                ),
                extra: Default::default(),
            })
            .collect();
        store.insert_texts(&articles).unwrap();
    }

    /// Documents `q` matches (up to 2,000: a page that far down reads them all).
    fn found(index: &Index, q: &str) -> usize {
        let mut q = Query::parse(q).unwrap();
        (q.offset, q.limit) = (200, crate::MAX_LIMIT);
        let r = index.search(&q, &|_| None).unwrap();
        assert!(r.total_exact);
        r.total
    }

    #[test]
    fn common_words_are_drawn_then_drawn_again_as_the_store_grows() {
        let mut store = Store::open_in_memory().unwrap();
        let index = Index::in_memory().unwrap();
        let mut writer = index.writer().unwrap();
        // Too few to say which words are common: no pairs yet.
        add(&mut store, 0, 100);
        let c = catch_up(&index, &mut writer, &store).unwrap();
        assert!(!c.rebuilt && c.articles == 100);
        let words = index.vocabulary(&index.reader.searcher()).unwrap();
        assert_eq!((words.basis(), words.len()), (100, 0));
        // Not yet four times as many: the index only grows.
        add(&mut store, 100, 200);
        let c = catch_up(&index, &mut writer, &store).unwrap();
        assert!(!c.rebuilt && c.articles == 200);
        assert_eq!(found(&index, "\"said on monday\""), 300);
        // Four times the 250 a list needs: rebuilt, with a list, in one commit.
        add(&mut store, 300, 700);
        let c = catch_up(&index, &mut writer, &store).unwrap();
        assert!(c.rebuilt && c.articles == 1_000 && c.through == 1_000);
        let words = index.vocabulary(&index.reader.searcher()).unwrap();
        assert_eq!(words.basis(), 1_000);
        assert!(words.len() > 5);
        assert_eq!(writer.vocabulary(), &*words);
        assert_eq!(found(&index, "\"said on monday\""), 1_000);
        assert_eq!(found(&index, "\"Monday said\""), 0);
        assert_eq!(found(&index, "\"word7 ends\""), 1);
        // Then only new articles are added.
        add(&mut store, 1_000, 10);
        let c = catch_up(&index, &mut writer, &store).unwrap();
        assert!(!c.rebuilt && c.articles == 10);
        assert_eq!(found(&index, "\"said on monday\""), 1_010);
    }
}
