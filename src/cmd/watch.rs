//! `storyline watch`: follow sources live. Wires the watch loop
//! (storyline-watch) to the same extraction, storage and story placement
//! that `ingest` uses.

use std::io::IsTerminal;
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use anyhow::{Context, bail};
use rayon::prelude::*;
use storyline_extract::Extractor;
use storyline_report::screen::escaped;
use storyline_source::opml;
use storyline_source::{Input, Limits, Record};
use storyline_store::{SourceKind, Store};
use storyline_story::Placer;
use storyline_watch::{Round, Schedule, Sink};

use crate::cmd::sources;
use crate::ingest::Outcome;
use crate::intake::{Intake, Known};

/// `storyline watch`'s options.
#[derive(clap::Args, Debug)]
pub struct Options {
    /// Feed or news sitemap URLs to add to the watched sources, or OPML
    /// files whose feeds to add. Without any, the sources already kept in
    /// the database are watched (see `storyline sources`).
    pub sources: Vec<String>,
    /// One round over the sources that are due, then exit (for cron).
    #[arg(long)]
    pub once: bool,
    /// Allow fetching from loopback, private, link-local and metadata
    /// addresses (refused by default: a feed could otherwise make storyline
    /// fetch internal services).
    #[arg(long)]
    pub allow_private: bool,
    /// Map a host name (or `*.suffix`) to an address, as `HOST=IP`; for
    /// tests and local simulators.
    #[arg(long, value_name = "HOST=IP")]
    pub resolve: Vec<String>,
    /// Seconds between two requests to one host.
    #[arg(long, default_value_t = 1.0, value_name = "SECS")]
    pub host_interval: f64,
    /// Shortest polling interval of a source, in seconds.
    #[arg(long, default_value_t = 30, value_name = "SECS")]
    pub min_interval: u64,
    /// Longest polling interval of a healthy source, in seconds.
    #[arg(long, default_value_t = 86_400, value_name = "SECS")]
    pub max_interval: u64,
    /// Seconds a request may take, headers and body.
    #[arg(long, default_value_t = 30, value_name = "SECS")]
    pub timeout: u64,
    /// Shortest time between the starts of two rounds, in seconds.
    #[arg(long, default_value_t = 5.0, value_name = "SECS")]
    pub pace: f64,
    /// No per-round lines on stderr (failing sources are still reported).
    #[arg(long, short)]
    pub quiet: bool,
    /// Print each round as a JSON object on stdout.
    #[arg(long)]
    pub json: bool,
}

pub fn run(db: &Path, o: &Options) -> anyhow::Result<ExitCode> {
    // A run of days: before any thread starts.
    storyline_story::heap::few_heaps();
    let mut store = Store::open(db)?;
    let now = sources::now();
    let mut bad = 0;
    for s in &o.sources {
        if let Err(e) = add_source(&mut store, s, now) {
            bad += 1;
            eprintln!("storyline: {}", escaped(&format!("{e:#}")));
        }
    }
    if store.sources()?.is_empty() {
        bail!(
            "no sources to watch in {}: give feed URLs or OPML files, or add them with `storyline sources add`",
            storyline_store::shown(db)
        );
    }
    let mut fetch = storyline_fetch::Config {
        allow_private: o.allow_private,
        per_host_interval: Duration::from_secs_f64(o.host_interval.max(0.0)),
        timeout: Duration::from_secs(o.timeout.max(1)),
        // A source that asks for a long wait is polled again when its turn
        // comes, not waited for within the round.
        retries: 1,
        retry_after_cap: Duration::from_secs(5),
        connect_timeout: Duration::from_secs(o.timeout.clamp(1, 10)),
        ..storyline_fetch::Config::default()
    };
    for r in &o.resolve {
        let (host, ip) = r
            .split_once('=')
            .with_context(|| format!("--resolve {r}: expected HOST=IP"))?;
        let ip: IpAddr = ip
            .parse()
            .with_context(|| format!("--resolve {r}: {ip} is not an IP address"))?;
        fetch.resolve.push((host.to_string(), ip));
    }
    let options = storyline_watch::Options {
        schedule: Schedule {
            min: Duration::from_secs(o.min_interval.max(1)),
            max: Duration::from_secs(o.max_interval.max(o.min_interval.max(1))),
            ..Schedule::default()
        },
        fetch,
        once: o.once,
        pace: Duration::from_secs_f64(o.pace.max(0.0)),
        ..storyline_watch::Options::default()
    };
    let mut sink = WatchSink {
        intake: Intake::open(db)?,
        known: Known::open(db)?,
        extractor: Extractor::new(),
        placer: Placer::new(),
    };
    let stop = Arc::new(AtomicBool::new(false));
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    // Ctrl-C ends the watch after the round in progress has committed; a
    // second one ends it at once.
    {
        let stop = Arc::clone(&stop);
        runtime.spawn(async move {
            if tokio::signal::ctrl_c().await.is_ok() {
                stop.store(true, Ordering::Relaxed);
                eprintln!("storyline: stopping after this round (Ctrl-C again to quit now)");
                if tokio::signal::ctrl_c().await.is_ok() {
                    std::process::exit(130);
                }
            }
        });
    }
    let live = std::io::stderr().is_terminal() && !o.quiet && !o.json;
    let (quiet, json) = (o.quiet, o.json);
    let mut report = |r: &Round| print_round(r, quiet, json, live);
    runtime.block_on(storyline_watch::watch(
        &mut store,
        &mut sink,
        &options,
        &stop,
        &mut report,
    ))?;
    // The briefs the budget left for later are computed before a clean
    // exit, so that readers find them stored.
    if let Err(e) = storyline_story::keep_stored(sink.intake.store_mut()) {
        eprintln!("storyline: briefing the changed storylines: {e}");
    }
    Ok(if bad > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Adds a source given on the command line: an OPML file's feeds, or a URL,
/// in the form `storyline sources` stores them, so that a feed given either
/// way is one source.
fn add_source(store: &mut Store, s: &str, now: i64) -> anyhow::Result<()> {
    let path = PathBuf::from(s);
    if !s.contains("://") && path.exists() {
        let input = Input::Path(path);
        for o in opml::read(&input, &Limits::default())? {
            match sources::canonical(&o.url) {
                Ok(url) => {
                    store.add_source(&url, SourceKind::Feed, o.title.as_deref(), now)?;
                }
                Err(why) => sources::error(&format!("{s}: {}", o.url), &why),
            }
        }
        return Ok(());
    }
    match sources::canonical(s) {
        Ok(url) => {
            store.add_source(&url, SourceKind::Feed, None, now)?;
            Ok(())
        }
        Err(why) => bail!("{s}: neither an OPML file nor a feed URL ({why})"),
    }
}

/// One line per round; failing sources are always said.
fn print_round(r: &Round, quiet: bool, json: bool, live: bool) {
    if json {
        let v = serde_json::json!({
            "round": r.number, "polled": r.polled, "unchanged": r.unchanged,
            "failed": r.failed, "entries": r.entries, "new_articles": r.new_articles,
            "pages": r.pages, "stories": r.stories, "failing": r.failing,
            "added_sources": r.added, "problems": r.problems,
        });
        println!("{v}");
        return;
    }
    for p in &r.problems {
        eprintln!("storyline: {}", escaped(p));
    }
    if quiet {
        return;
    }
    if r.polled == 0 {
        eprintln!("storyline: no source is due yet ({} failing)", r.failing);
        return;
    }
    let stories = r
        .stories
        .map(|n| format!(", {n} stories"))
        .unwrap_or_default();
    let line = format!(
        "round {}: {} sources polled ({} unchanged, {} failed), {} new articles ({} pages fetched){stories}; {} sources failing",
        r.number, r.polled, r.unchanged, r.failed, r.new_articles, r.pages, r.failing
    );
    if live {
        // On a terminal the status line is rewritten in place.
        eprint!("\r\x1b[2K{}", escaped(&line));
        if !r.problems.is_empty() || r.polled == 0 {
            eprintln!();
        }
    } else {
        eprintln!("{}", escaped(&line));
    }
}

/// The watch loop's sink: extraction in parallel, then `ingest`'s intake.
struct WatchSink {
    intake: Intake,
    known: Known,
    extractor: Extractor,
    placer: Placer,
}

impl Sink for WatchSink {
    fn store(&mut self, records: Vec<Record>) -> (u64, Vec<String>) {
        let extractor = &self.extractor;
        let known = &self.known;
        let results: Vec<Result<Outcome, String>> = records
            .into_par_iter()
            .map(|record| crate::ingest::outcome(extractor, record, &|h| known.knows(h)))
            .collect();
        let mut problems = Vec::new();
        let mut ok = Vec::with_capacity(results.len());
        for r in results {
            match r {
                Ok(o) => ok.push(o),
                Err(e) => problems.push(e),
            }
        }
        let stored = match self.intake.add(ok).and_then(|n| {
            self.intake.finish()?;
            Ok(n)
        }) {
            Ok(n) => n.stored,
            Err(e) => {
                problems.push(format!("{e:#}"));
                0
            }
        };
        (stored, problems)
    }

    fn place(&mut self) -> Result<u64, String> {
        let placed = self
            .placer
            .place(self.intake.store_mut())
            .map(|p| p.stories)
            .map_err(|e| e.to_string());
        if std::env::var_os("STORYLINE_HEAP_LOG").is_some()
            && let Some((used, free, mapped)) = storyline_story::heap::usage()
        {
            let mb = |b: usize| b as f64 / 1e6;
            let m = self.placer.memory().unwrap_or_default();
            eprintln!(
                "heap: {:.1} MB in use ({:.1} mapped apart), {:.1} MB free but kept; clusterer {:.1} MB (vocabulary {:.1}, stories {:.1}, index {:.1}, duplicates {:.1}, scratch {:.1}); outlet lines {}",
                mb(used),
                mb(mapped),
                mb(free),
                mb(m.total()),
                mb(m.vocabulary),
                mb(m.stories),
                mb(m.index),
                mb(m.duplicates),
                mb(m.scratch),
                self.intake.learned_lines(),
            );
        }
        placed
    }
}
