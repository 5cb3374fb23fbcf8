//! The pipeline shared by `ingest` and `extract`: source -> extract, in
//! batches, with extraction spread over all cores.

use std::borrow::Cow;
use std::path::PathBuf;

use rayon::prelude::*;
use storyline_extract::{Article, Body, Extractor, Record};
use storyline_source::{Input, Limits};

use crate::progress::Progress;

/// How many records are extracted and committed together. Large enough to
/// keep every core busy, small enough that a kill loses little.
pub const BATCH: usize = 256;

/// What became of one record.
pub enum Outcome {
    /// A new article, with the content hash of the record it came from.
    Article {
        record: Box<Record>,
        article: Box<Article>,
        hash: String,
    },
    /// Already stored: skipped before extraction.
    Known,
}

/// Counts for the run's summary.
#[derive(Debug, Default, Clone, Copy, serde::Serialize)]
pub struct Tally {
    pub records: u64,
    pub errors: u64,
}

/// Reads every input, extracts each record and hands the outcomes to
/// `sink` a batch at a time. Errors are reported through `progress` and
/// counted; they never stop the run.
pub fn run(
    inputs: &[PathBuf],
    progress: &Progress,
    known: &(dyn Fn(&str) -> bool + Sync),
    sink: impl FnMut(Vec<Outcome>) -> anyhow::Result<()>,
) -> anyhow::Result<Tally> {
    run_range(inputs, None, progress, known, sink)
}

/// [`run`], for only the records numbered `first..end` of each input
/// (counting from 0) when a range is given: a work item that is part of a
/// WARC file. Records before the range are read but not extracted.
pub fn run_range(
    inputs: &[PathBuf],
    range: Option<(u64, u64)>,
    progress: &Progress,
    known: &(dyn Fn(&str) -> bool + Sync),
    mut sink: impl FnMut(Vec<Outcome>) -> anyhow::Result<()>,
) -> anyhow::Result<Tally> {
    let (first, end) = range.unwrap_or((0, u64::MAX));
    let extractor = Extractor::new();
    let limits = Limits::default();
    let mut tally = Tally::default();
    let mut pending: Vec<Record> = Vec::with_capacity(BATCH);
    let mut flush = |pending: &mut Vec<Record>, tally: &mut Tally| -> anyhow::Result<()> {
        let batch: Vec<Result<Outcome, String>> = pending
            .par_drain(..)
            .map(|record| outcome(&extractor, record, known))
            .collect();
        let mut ok = Vec::with_capacity(batch.len());
        for r in batch {
            match r {
                Ok(o) => ok.push(o),
                Err(e) => {
                    tally.errors += 1;
                    progress.error(&e);
                }
            }
        }
        progress.inc(ok.len() as u64);
        sink(ok)
    };
    for input in storyline_source::expand(inputs) {
        let input = match input {
            Ok(i) => i,
            Err(e) => {
                tally.errors += 1;
                progress.error(&e.to_string());
                continue;
            }
        };
        if let Input::Path(p) = &input {
            progress.message(&p.display().to_string());
        }
        for (n, record) in storyline_source::read(&input, &limits).enumerate() {
            let n = n as u64;
            if n < first {
                continue;
            }
            if n >= end {
                break;
            }
            match record {
                Ok(r) => {
                    tally.records += 1;
                    pending.push(r);
                    if pending.len() >= BATCH {
                        flush(&mut pending, &mut tally)?;
                    }
                }
                Err(e) => {
                    tally.errors += 1;
                    progress.error(&e.to_string());
                }
            }
        }
    }
    flush(&mut pending, &mut tally)?;
    Ok(tally)
}

/// What becomes of one record: [`Outcome::Known`] when its content is
/// stored already (nothing extracted), else its article, or why it has
/// none.
pub fn outcome(
    extractor: &Extractor,
    record: Record,
    known: &(dyn Fn(&str) -> bool + Sync),
) -> Result<Outcome, String> {
    let hash = storyline_store::content_hash(&record);
    if known(&hash) {
        return Ok(Outcome::Known);
    }
    let article = extractor.extract(&record).map_err(|e| e.to_string())?;
    // The raw page is kept to clean it again; its inline code, which no
    // extraction reads, is half its compressed bytes.
    let mut record = record;
    if let Body::Html(html) = &record.body
        && let Cow::Owned(kept) = storyline_extract::kept_page(html)
    {
        record.body = Body::Html(kept);
    }
    Ok(Outcome::Article {
        record: Box::new(record),
        article: Box::new(article),
        hash,
    })
}
