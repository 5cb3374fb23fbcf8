//! `storyline index`: builds or brings up to date the full-text search
//! index kept beside the database (`<db>.search/`): every article stored
//! since the last run, their quotes, and the storylines.

use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, bail};
use rayon::prelude::*;
use serde_json::json;
use storyline_model::Published;
use storyline_search::{ArticleDoc, Index, QuoteDoc, SearchError, StoryDoc, Writer};
use storyline_store::{ArticleText, Store};
use storyline_story::Storyline;

use crate::cmd::articles::open_existing;

/// Articles read from the store at a time (their quotes are found in
/// parallel, a page at a time).
const PAGE: usize = 1_000;

/// Articles per commit: a commit writes a segment, so not too many.
const BATCH: usize = 10_000;

/// Writer threads and heap for a bulk build (the server's writer is smaller).
const THREADS: usize = 2;
const HEAP: usize = 100_000_000;

/// What a run did.
#[derive(Default)]
struct Tally {
    articles: u64,
    quotes: u64,
    stories: u64,
    /// Bytes of title and text indexed.
    text_bytes: u64,
}

pub fn run(db: &Path, rebuild: bool, json: bool) -> anyhow::Result<ExitCode> {
    let store = open_existing(db)?;
    let dir = storyline_search::beside(db);
    if rebuild && dir.is_dir() {
        std::fs::remove_dir_all(&dir)
            .with_context(|| format!("cannot remove the old index {}", dir.display()))?;
    }
    let index = match Index::open(&dir) {
        Ok(i) => i,
        Err(e @ (SearchError::Incompatible { .. } | SearchError::Open { .. })) => {
            bail!("{e} (`storyline index --rebuild` builds it anew)")
        }
        Err(e) => return Err(e.into()),
    };
    let started = Instant::now();
    let from = index.indexed_through();
    let mut writer = index.writer_with(THREADS, HEAP)?;
    let mut tally = Tally::default();
    let mut after = from.unwrap_or(0);
    let mut since_commit = 0;
    loop {
        let page = store.texts_after(after, PAGE)?;
        let Some(last) = page.last().map(|a| a.id) else {
            break;
        };
        let quotes: Vec<Vec<Said>> = page.par_iter().map(quotes_of).collect();
        for (a, said) in page.iter().zip(&quotes) {
            let doc = article_doc(a);
            writer.add_article(&doc)?;
            for s in said {
                writer.add_quote(&QuoteDoc {
                    article: &doc,
                    text: &s.text,
                    speaker: s.speaker.as_deref(),
                })?;
            }
            tally.articles += 1;
            tally.quotes += said.len() as u64;
            tally.text_bytes += (a.text.len() + a.title.as_deref().map_or(0, str::len)) as u64;
        }
        after = last;
        since_commit += page.len();
        if since_commit >= BATCH {
            writer.commit(after)?;
            since_commit = 0;
        }
    }
    tally.stories = put_stories(&store, &mut writer)?;
    writer.commit(after)?;
    writer.finish()?;
    let seconds = started.elapsed().as_secs_f64();
    let size = index.size_bytes();
    // The ratio means something for a whole build only.
    let ratio =
        (from.is_none() && tally.text_bytes > 0).then(|| size as f64 / tally.text_bytes as f64);
    if json {
        jsonln!(json!({
            "articles": tally.articles, "quotes": tally.quotes, "stories": tally.stories,
            "seconds": (seconds * 100.0).round() / 100.0, "index_bytes": size,
            "text_bytes": tally.text_bytes, "ratio": ratio, "through": after,
            "index": dir.display().to_string(),
        }));
    } else {
        outln!(
            "indexed {} articles, {} quotes, {} stories in {seconds:.1} s",
            tally.articles,
            tally.quotes,
            tally.stories
        );
        let mb = |b: u64| b as f64 / 1e6;
        match ratio {
            Some(r) => outln!(
                "index {}: {:.1} MB for {:.1} MB of text ({r:.2}x)",
                dir.display(),
                mb(size),
                mb(tally.text_bytes)
            ),
            None => outln!("index {}: {:.1} MB", dir.display(), mb(size)),
        }
    }
    Ok(ExitCode::SUCCESS)
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

/// An article's quotes, found from its text as `storyline article` finds
/// them. The one place that says where quotes come from: once ingest
/// stores each article's facts, this reads them instead.
fn quotes_of(a: &ArticleText) -> Vec<Said> {
    let text = &a.text;
    storyline_story::quotes_of_article(text, a.lang.as_deref().unwrap_or(""))
        .iter()
        .map(|q| Said {
            text: q.words(text),
            speaker: q.speaker_name.clone(),
        })
        .collect()
}

/// Replaces every story doc with the storylines stored now: the latest
/// development's headline, and every event's headline as the text.
fn put_stories(store: &Store, writer: &mut Writer) -> anyhow::Result<u64> {
    writer.delete_stories();
    let mut n = 0;
    for line in Storyline::all(store)? {
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
