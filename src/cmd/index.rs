//! `storyline index`: builds or brings up to date the full-text search
//! index kept beside the database (`<db>.search/`): every article stored
//! since the last run, their quotes (from their stored facts), and the
//! storylines (`storyline_search::catch_up`, as `serve` runs it live).

use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, bail};
use serde_json::json;
use storyline_search::{Index, SearchError};

use crate::cmd::articles::open_existing;

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
    let index = match Index::open_or_renew(&dir) {
        Ok((i, renewed)) => {
            if let Some(notice) = renewed {
                eprintln!("storyline: {}", storyline_report::screen::escaped(&notice));
            }
            i
        }
        Err(e @ SearchError::Open { .. }) => {
            bail!("{e} (`storyline index --rebuild` builds it anew)")
        }
        Err(e) => return Err(e.into()),
    };
    let started = Instant::now();
    let from = index.indexed_through();
    let mut writer = index.writer_with(THREADS, HEAP)?;
    let caught = storyline_search::catch_up(&index, &mut writer, &store)?;
    let stories = storyline_search::put_stories(&store, &mut writer, None)?;
    writer.commit(caught.through)?;
    writer.finish()?;
    let tally = Tally {
        articles: caught.articles,
        quotes: caught.quotes,
        stories,
        text_bytes: caught.text_bytes,
    };
    let after = caught.through;
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
