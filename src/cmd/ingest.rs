//! `storyline ingest`: inputs in, clean articles stored.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use storyline_extract::outlet::name_matches_domain;
use storyline_furniture::{Observation, OutletLines};
use storyline_store::{ArticleLines, NewArticle, Store};

use crate::ingest::{self, Outcome};
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
    let mut store = Store::open(db)?;
    // The counts on file decide what is stripped in this run. Each new
    // article adds its own lines to the file's counts as it is stored, so
    // that other writers' articles are counted too and nothing is counted
    // twice; the in-memory copy only learns this run's.
    let (lines, outlets) = store.load_outlet_lines()?;
    let mut learned = OutletLines::load(lines, outlets);
    let progress = Progress::new(!quiet && !json);
    let mut summary = Summary::default();
    let mut touched = BTreeSet::new();
    let mut before = BTreeMap::new();

    // Hashes already stored are looked up on a second connection, read-only
    // in spirit, so extraction threads can skip known records cheaply.
    let reader = std::sync::Mutex::new(Store::open(db)?);
    let known = |hash: &str| {
        reader
            .lock()
            .ok()
            .and_then(|s| s.contains_hash(hash).ok().flatten())
            .is_some()
    };
    let tally = ingest::run(inputs, &progress, &known, |batch| {
        let mut items = Vec::with_capacity(batch.len());
        let mut kept = Vec::with_capacity(batch.len());
        for outcome in batch {
            match outcome {
                Outcome::Known => summary.duplicates += 1,
                Outcome::Article {
                    record,
                    mut article,
                    hash,
                } => {
                    // A name from a text copy joins the outlet's domain when one is known.
                    if let Some(name) = article.outlet.as_deref().filter(|o| !o.contains('.')) {
                        let domain = learned
                            .article_counts()
                            .map(|(o, _)| o)
                            .find(|o| name_matches_domain(name, o))
                            .map(str::to_string);
                        if let Some(d) = domain {
                            article.extra.entry("outlet_name").or_insert(name.into());
                            article.outlet = Some(d);
                        }
                    }
                    // A text-less article (waiting for its page) teaches no boilerplate.
                    let seen = match article.outlet.clone().filter(|_| !article.text.is_empty()) {
                        Some(outlet) => {
                            if !touched.contains(&outlet) {
                                before.insert(outlet.clone(), learned.learned_fingerprint(&outlet));
                            }
                            // Worked out once: counted here, and on file with the article.
                            let seen = Observation::new(&outlet, &article.text);
                            if let Some(seen) = &seen {
                                learned.add(seen);
                            }
                            article.text = learned.strip(&outlet, &article.text);
                            touched.insert(outlet);
                            seen
                        }
                        None => None,
                    };
                    kept.push((record, article, hash, seen));
                }
            }
        }
        for (record, article, hash, seen) in &kept {
            items.push(NewArticle {
                article,
                hash,
                raw: &record.body,
                lines: seen.as_ref().map(|s| ArticleLines {
                    outlet: s.outlet(),
                    hashes: s.lines(),
                }),
            });
        }
        for inserted in store.insert_batch(&items)? {
            if inserted.is_new() {
                summary.stored += 1;
            } else {
                summary.duplicates += 1;
            }
        }
        Ok(())
    })?;
    progress.finish();

    // Boilerplate learned late applies to the outlet's earlier articles too.
    summary.recleaned = reclean(&mut store, &learned, &before, &touched)?;

    summary.records = tally.records;
    summary.errors = tally.errors;
    summary.seconds = started.elapsed().as_secs_f64();
    summary.articles_per_second = tally.records as f64 / summary.seconds.max(1e-9);
    summary.total_in_db = store.count()?;
    // New articles join the stories in one more clustering round (with any
    // that an interrupted run stored but did not place). Re-cleaned texts
    // keep the places their first reading gave them.
    let placed = storyline_story::update(&mut store)?;
    crate::cmd::stories::tell_rebuilt(&store, &placed);
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
            storyline_report::screen::escaped(&db.display().to_string())
        );
    }
    Ok(if tally.errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Strips newly learned boilerplate from the stored articles of the outlets
/// whose learned set changed in this run; returns how many changed.
fn reclean(
    store: &mut Store,
    learned: &OutletLines,
    before: &BTreeMap<String, u64>,
    touched: &BTreeSet<String>,
) -> anyhow::Result<u64> {
    let mut n = 0;
    for outlet in touched {
        let now = learned.learned_fingerprint(outlet);
        if now == 0 || before.get(outlet).copied().unwrap_or(0) == now {
            continue;
        }
        let texts = store
            .texts_of_outlet(outlet)
            .with_context(|| format!("reading {outlet}'s articles to re-clean"))?;
        for (id, text) in texts {
            let clean = learned.strip(outlet, &text);
            if clean != text && !clean.trim().is_empty() {
                store.update_text(id, &clean)?;
                n += 1;
            }
        }
    }
    Ok(n)
}
