//! `storyline ingest`: inputs in, clean articles stored.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use crate::ingest;
use crate::intake::{Intake, Known};
use crate::progress::Progress;

/// What one run did, printed at the end.
#[derive(Debug, Default, serde::Serialize)]
struct Summary {
    records: u64,
    stored: u64,
    duplicates: u64,
    errors: u64,
    recleaned: u64,
    seconds: f64,
    articles_per_second: f64,
    total_in_db: u64,
    stories: u64,
}

pub fn run(db: &Path, inputs: &[PathBuf], quiet: bool, json: bool) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let mut intake = Intake::open(db)?;
    let progress = Progress::new(!quiet && !json);
    let mut summary = Summary::default();
    let known = Known::open(db)?;
    let tally = ingest::run(inputs, &progress, &|hash| known.knows(hash), |batch| {
        let added = intake.add(batch)?;
        summary.stored += added.stored;
        summary.duplicates += added.duplicates;
        Ok(())
    })?;
    progress.finish();

    // Boilerplate learned late applies to the outlet's earlier articles too.
    summary.recleaned = intake.finish()?;
    summary.records = tally.records;
    summary.errors = tally.errors;
    summary.seconds = started.elapsed().as_secs_f64();
    summary.articles_per_second = tally.records as f64 / summary.seconds.max(1e-9);
    summary.total_in_db = intake.store_mut().count()?;
    // New articles join the stories in one more clustering round (with any
    // that an interrupted run stored but did not place). Re-cleaned texts
    // keep the places their first reading gave them.
    let store = intake.store_mut();
    let placed = storyline_story::update(store)?;
    crate::cmd::stories::tell_rebuilt(store, &placed);
    summary.stories = placed.stories;
    if json {
        jsonln!(serde_json::to_string(&summary)?);
    } else if !quiet {
        eprintln!(
            "{} records: {} stored, {} already known, {} errors ({:.0} articles/s); {} articles, {} stories in {}",
            summary.records,
            summary.stored,
            summary.duplicates,
            summary.errors,
            summary.articles_per_second,
            summary.total_in_db,
            summary.stories,
            storyline_report::screen::escaped(&storyline_store::shown(db))
        );
    }
    Ok(if tally.errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
