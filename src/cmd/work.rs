//! Distributed work: `storyline enqueue` adds inputs to the queue in the
//! database, `storyline worker` processes take them under leases and
//! store their articles, one of them places articles into stories, and
//! `storyline status` shows how it goes.
//!
//! The database is the coordinator (PostgreSQL when workers run on several
//! machines; SQLite works for several on one). What a worker is doing
//! lives in its lease: a worker killed at any moment stops renewing it,
//! and another takes the item once it runs out. Articles are keyed by
//! their content hash, so doing part of an item twice stores nothing
//! twice. Each worker also stands by as the placer: the one holding the
//! placer lock places new articles into stories, in rounds, with the same
//! streaming clusterer as `ingest`; when it dies another takes over.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::Context;
use storyline_store::{ItemCounts, Store, WorkItem};
use storyline_story::Placer;

use crate::ingest;
use crate::intake::{Intake, Known};
use crate::progress::Progress;

/// `storyline worker` options.
#[derive(clap::Args, Debug, Clone)]
pub struct WorkerOptions {
    /// This worker's name in `status` (default: host name and process id).
    #[arg(long)]
    pub name: Option<String>,
    /// Seconds a lease lasts; it is renewed every third of it. A killed
    /// worker's item is taken again by another after at most this long.
    #[arg(long, default_value_t = 30)]
    pub lease: u64,
    /// Stop once the queue is empty and every article is placed, instead
    /// of waiting for more work.
    #[arg(long)]
    pub until_empty: bool,
    /// Never stand as the placer (another process places).
    #[arg(long)]
    pub no_place: bool,
    /// Only place, never take items: a placer (or its standby) of its own.
    #[arg(long, conflicts_with = "no_place")]
    pub place_only: bool,
    /// One line per item (and per placing round) on stderr, not only
    /// errors.
    #[arg(long, short)]
    pub verbose: bool,
    /// Threads extracting pages (default: one per core). One worker
    /// process per core with `--threads 1` scales by processes alone.
    #[arg(long)]
    pub threads: Option<usize>,
    /// Allow fetching queued URLs from loopback, private, link-local and
    /// metadata addresses (refused by default: a queued URL could
    /// otherwise make a worker fetch internal services).
    #[arg(long)]
    pub allow_private: bool,
}

fn now_ms() -> i64 {
    jiff::Timestamp::now().as_millisecond()
}

/// `storyline enqueue`: each input (a file, or every file under a
/// directory) becomes one item, or, with `--records-per-item N`, a WARC
/// file becomes items of N records each.
pub fn enqueue(db: &Path, inputs: &[PathBuf], per_item: Option<u64>) -> anyhow::Result<ExitCode> {
    let mut store = Store::open(db)?;
    let (mut added, mut known, mut errors) = (0u64, 0u64, 0u64);
    // URLs: one item each, fetched by whichever worker takes it.
    let (urls, files): (Vec<&PathBuf>, Vec<&PathBuf>) =
        inputs.iter().partition(|p| p.to_str().is_some_and(is_url));
    for url in urls {
        let raw = url.to_string_lossy();
        let Some(target) = storyline_watch::canonical(&raw) else {
            eprintln!(
                "storyline: {}: not an http(s) URL that can be fetched",
                storyline_report::screen::escaped(&raw)
            );
            errors += 1;
            continue;
        };
        if store.enqueue(&target, None, now_ms())? {
            added += 1;
        } else {
            known += 1;
        }
    }
    let files: Vec<PathBuf> = files.into_iter().cloned().collect();
    for input in storyline_source::expand(&files) {
        let path = match input {
            Ok(storyline_source::Input::Path(p)) => p,
            Ok(other) => {
                eprintln!(
                    "storyline: {other:?}: only files can be queued (workers read them by path)"
                );
                errors += 1;
                continue;
            }
            Err(e) => {
                eprintln!("storyline: {e}");
                errors += 1;
                continue;
            }
        };
        // Workers on other machines read the same path: make it absolute.
        let path = std::fs::canonicalize(&path).unwrap_or(path);
        let target = path.to_string_lossy().into_owned();
        let ranges = match per_item {
            Some(n) if n > 0 && is_warc(&path) => {
                let total = count_records(&path)
                    .with_context(|| format!("counting the records of {target}"))?;
                (0..total.div_ceil(n))
                    .map(|i| Some((i * n, ((i + 1) * n).min(total))))
                    .collect()
            }
            _ => vec![None],
        };
        for range in ranges {
            if store.enqueue(&target, range, now_ms())? {
                added += 1;
            } else {
                known += 1;
            }
        }
    }
    eprintln!("{added} items queued, {known} already queued, {errors} errors");
    Ok(if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Whether a queued target is a page to fetch rather than a file to read.
fn is_url(target: &str) -> bool {
    let t = target.get(..8).unwrap_or(target).to_ascii_lowercase();
    t.starts_with("http://") || t.starts_with("https://")
}

fn is_warc(p: &Path) -> bool {
    let name = p.to_string_lossy().to_ascii_lowercase();
    name.ends_with(".warc") || name.ends_with(".warc.gz")
}

/// How many records a WARC file holds (read once, nothing extracted).
fn count_records(p: &Path) -> anyhow::Result<u64> {
    let input = storyline_source::Input::Path(p.to_owned());
    let limits = storyline_source::Limits::default();
    Ok(storyline_source::read(&input, &limits).count() as u64)
}

/// What the threads of one worker share.
struct Shared {
    me: String,
    lease_ms: i64,
    /// The item being worked on, for the heartbeat (0: none).
    current: AtomicI64,
    /// Set by the heartbeat when the current item's lease was lost.
    lost: AtomicBool,
    /// Set when the worker is to stop.
    stop: AtomicBool,
    /// Whether this process holds the placer lock now.
    placing: AtomicBool,
    /// The last error of a helper thread, for the log.
    note: Mutex<Option<String>>,
}

/// `storyline worker`.
pub fn worker(db: &Path, o: &WorkerOptions) -> anyhow::Result<ExitCode> {
    let me = o.name.clone().unwrap_or_else(|| {
        let host = std::fs::read_to_string("/proc/sys/kernel/hostname")
            .map(|h| h.trim().to_string())
            .unwrap_or_else(|_| "host".into());
        format!("{host}:{}", std::process::id())
    });
    let shared = Arc::new(Shared {
        me,
        lease_ms: i64::try_from(o.lease.max(1) * 1000).unwrap_or(30_000),
        current: AtomicI64::new(0),
        lost: AtomicBool::new(false),
        stop: AtomicBool::new(false),
        placing: AtomicBool::new(false),
        note: Mutex::new(None),
    });
    if let Some(n) = o.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global()
            .context("setting the extraction threads")?;
    }
    // Opening first migrates the schema, once, before the threads connect.
    retry(&shared, || Store::open(db).map(drop).map_err(Into::into))?;
    let beat = {
        let (db, s) = (db.to_owned(), Arc::clone(&shared));
        std::thread::spawn(move || heartbeat(&db, &s))
    };
    let placer = (!o.no_place).then(|| {
        let (db, s) = (db.to_owned(), Arc::clone(&shared));
        let (until_empty, verbose) = (o.until_empty, o.verbose);
        std::thread::spawn(move || place_loop(&db, &s, until_empty, verbose))
    });
    // With --place-only the placer thread does the work.
    let result = if o.place_only {
        Ok(())
    } else {
        take_loop(db, &shared, o)
    };
    // A taker that stopped without --until-empty stopped on an error: stop
    // its placer too. Otherwise the placer stops on its own once everything
    // is placed (or never, without --until-empty).
    if !o.place_only && !o.until_empty {
        shared.stop.store(true, Ordering::SeqCst);
    }
    if let Some(p) = placer {
        let _ = p.join();
    }
    shared.stop.store(true, Ordering::SeqCst);
    let _ = beat.join();
    result.map(|()| ExitCode::SUCCESS)
}

/// Runs `f` until it succeeds, waiting a little longer each time (the
/// database restarting, the network gone), unless the worker is stopping.
fn retry<T>(s: &Shared, mut f: impl FnMut() -> anyhow::Result<T>) -> anyhow::Result<T> {
    let mut wait = Duration::from_millis(200);
    let started = Instant::now();
    loop {
        match f() {
            Ok(v) => return Ok(v),
            Err(e) if s.stop.load(Ordering::SeqCst) => return Err(e),
            // A database that stays away for ten minutes is not restarting.
            Err(e) if started.elapsed() > Duration::from_secs(600) => return Err(e),
            Err(e) => {
                note(s, &format!("{e:#}; retrying"));
                std::thread::sleep(wait);
                wait = (wait * 2).min(Duration::from_secs(5));
            }
        }
    }
}

fn note(s: &Shared, msg: &str) {
    let mut last = s.note.lock().unwrap_or_else(|p| p.into_inner());
    // The same message again and again (a database down) once is enough.
    if last.as_deref() != Some(msg) {
        eprintln!(
            "storyline worker {}: {}",
            s.me,
            storyline_report::screen::escaped(msg)
        );
        *last = Some(msg.to_string());
    }
}

/// Takes items and ingests them until told to stop (or, with
/// `--until-empty`, until none waits or runs).
fn take_loop(db: &Path, s: &Shared, o: &WorkerOptions) -> anyhow::Result<()> {
    let mut conn: Option<(Intake, Known, Store)> = None;
    let mut pages: Option<Pages> = None;
    loop {
        if s.stop.load(Ordering::SeqCst) {
            return Ok(());
        }
        let (intake, known, store) = match &mut conn {
            Some(c) => c,
            None => {
                let c = retry(s, || {
                    Ok((Intake::open(db)?, Known::open(db)?, Store::open(db)?))
                })?;
                conn.insert(c)
            }
        };
        let claimed = store.claim(&s.me, now_ms(), s.lease_ms);
        let item = match claimed {
            Ok(Some(item)) => item,
            Ok(None) => {
                let open = store.queue_open();
                let _ = store.worker_seen(&s.me, now_ms());
                match open {
                    Ok(false) if o.until_empty => return Ok(()),
                    Ok(_) => {}
                    Err(e) => {
                        note(s, &e.to_string());
                        conn = None;
                    }
                }
                std::thread::sleep(Duration::from_millis(500));
                continue;
            }
            Err(e) => {
                note(s, &e.to_string());
                conn = None;
                std::thread::sleep(Duration::from_millis(500));
                continue;
            }
        };
        s.lost.store(false, Ordering::SeqCst);
        s.current.store(item.id, Ordering::SeqCst);
        let started = Instant::now();
        let done = if is_url(&item.target) {
            match &pages {
                Some(p) => Ok(p),
                None => Pages::new(o.allow_private).map(|p| &*pages.insert(p)),
            }
            .map_err(|e| Failure::Input(format!("{e:#}")))
            .and_then(|p| fetch_and_store(intake, known, &item, s, p))
        } else {
            work(intake, known, &item, s)
        };
        s.current.store(0, Ordering::SeqCst);
        match done {
            Ok(Some(counts)) => {
                if o.verbose {
                    eprintln!(
                        "{}: {} records, {} stored, {} known, {} errors in {:.1} s",
                        storyline_report::screen::escaped(&item_name(&item)),
                        counts.records,
                        counts.stored,
                        counts.duplicates,
                        counts.errors,
                        started.elapsed().as_secs_f64()
                    );
                }
                if let Err(e) = store.complete(&s.me, item.id, &counts, now_ms()) {
                    // The lease runs out and the item is done again; its
                    // articles are stored already, so that costs only time.
                    note(s, &e.to_string());
                    conn = None;
                }
            }
            // The lease was lost: another worker has the item now.
            Ok(None) => note(
                s,
                &format!("{}: lease lost, left to another worker", item_name(&item)),
            ),
            Err(Failure::Input(e)) => {
                note(s, &format!("{}: {e}", item_name(&item)));
                if let Err(e) = store.fail_item(&s.me, item.id, &e) {
                    note(s, &e.to_string());
                    conn = None;
                }
            }
            Err(Failure::Store(e)) => {
                // The database went away mid-item: connect again; the item
                // is taken again when its lease runs out.
                note(s, &format!("{e:#}"));
                conn = None;
            }
        }
    }
}

fn item_name(item: &WorkItem) -> String {
    match (item.first, item.end) {
        (Some(a), Some(b)) => format!("{} records {a}..{b}", item.target),
        _ => item.target.clone(),
    }
}

enum Failure {
    /// The input itself cannot be read: failing the item is the answer.
    Input(String),
    /// The database failed: another try will do.
    Store(anyhow::Error),
}

/// Ingests one item; `None` when its lease was lost on the way.
fn work(
    intake: &mut Intake,
    known: &Known,
    item: &WorkItem,
    s: &Shared,
) -> Result<Option<ItemCounts>, Failure> {
    let path = PathBuf::from(&item.target);
    if !path.is_file() {
        return Err(Failure::Input("no such file on this worker".into()));
    }
    let range = item.first.zip(item.end);
    let progress = Progress::new(false);
    let mut counts = ItemCounts::default();
    let mut lost = false;
    let tally = ingest::run_range(
        std::slice::from_ref(&path),
        range,
        &progress,
        &|hash| known.knows(hash),
        |batch| {
            if s.lost.load(Ordering::SeqCst) {
                lost = true;
                anyhow::bail!("lease lost");
            }
            let added = intake.add(batch)?;
            counts.stored += added.stored;
            counts.duplicates += added.duplicates;
            Ok(())
        },
    );
    if lost {
        return Ok(None);
    }
    let tally = tally.map_err(Failure::Store)?;
    intake.finish().map_err(Failure::Store)?;
    counts.records = tally.records;
    counts.errors = tally.errors;
    Ok(Some(counts))
}

/// What fetches the queued URLs: the fetcher `watch` uses (size and time
/// caps, redirects followed, internal addresses refused unless allowed,
/// robots.txt honoured, one request at a time per host) on a runtime of
/// its own.
struct Pages {
    runtime: tokio::runtime::Runtime,
    fetcher: storyline_fetch::Fetcher,
    extractor: storyline_extract::Extractor,
}

impl Pages {
    fn new(allow_private: bool) -> anyhow::Result<Pages> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .context("starting the fetcher's runtime")?;
        let config = storyline_fetch::Config {
            allow_private,
            ..storyline_fetch::Config::default()
        };
        // The client is built inside the runtime it will run on.
        let fetcher = runtime
            .block_on(async { storyline_fetch::Fetcher::new(config) })
            .context("starting the fetcher")?;
        Ok(Pages {
            runtime,
            fetcher,
            extractor: storyline_extract::Extractor::new(),
        })
    }
}

/// Fetches one queued URL and stores its article. A page that cannot be
/// fetched (refused, not found, too large, not HTML) fails the item with
/// the reason; `status` lists it.
fn fetch_and_store(
    intake: &mut Intake,
    known: &Known,
    item: &WorkItem,
    s: &Shared,
    pages: &Pages,
) -> Result<Option<ItemCounts>, Failure> {
    use storyline_fetch::{Fetched, Request};
    let got = pages
        .runtime
        .block_on(pages.fetcher.get(&Request::page(item.target.clone())))
        .map_err(|e| Failure::Input(e.to_string()))?;
    let Fetched::Body(body) = got else {
        return Err(Failure::Input(
            "answered 304 to a request without validators".into(),
        ));
    };
    let html = storyline_watch::page_text(&body).map_err(Failure::Input)?;
    let record = storyline_model::Record {
        source: body.final_url.clone(),
        body: storyline_model::Body::Html(html),
        hints: storyline_model::Hints {
            url: storyline_watch::canonical(&body.final_url).or(Some(item.target.clone())),
            ..storyline_model::Hints::default()
        },
    };
    if s.lost.load(Ordering::SeqCst) {
        return Ok(None);
    }
    let outcome =
        ingest::outcome(&pages.extractor, record, &|h| known.knows(h)).map_err(Failure::Input)?;
    let added = intake.add(vec![outcome]).map_err(Failure::Store)?;
    intake.finish().map_err(Failure::Store)?;
    Ok(Some(ItemCounts {
        records: 1,
        stored: added.stored,
        duplicates: added.duplicates,
        errors: 0,
    }))
}

/// Renews the lease of the item in hand every third of the lease, on a
/// connection of its own (extraction may keep the main thread busy).
fn heartbeat(db: &Path, s: &Shared) {
    let every = Duration::from_millis(u64::try_from(s.lease_ms / 3).unwrap_or(10_000));
    let mut store: Option<Store> = None;
    // Due at once (an Instant that far back may not exist just after boot).
    let mut last = Instant::now()
        .checked_sub(every)
        .unwrap_or_else(Instant::now);
    while !s.stop.load(Ordering::SeqCst) {
        std::thread::sleep(Duration::from_millis(100));
        if last.elapsed() < every {
            continue;
        }
        last = Instant::now();
        let id = s.current.load(Ordering::SeqCst);
        let st = match &mut store {
            Some(st) => st,
            None => match Store::open(db) {
                Ok(st) => store.insert(st),
                Err(_) => continue,
            },
        };
        let result = if id == 0 {
            st.worker_seen(&s.me, now_ms()).map(|()| true)
        } else {
            st.heartbeat(&s.me, id, now_ms() + s.lease_ms)
        };
        match result {
            Ok(false) if id != 0 && s.current.load(Ordering::SeqCst) == id => {
                s.lost.store(true, Ordering::SeqCst)
            }
            Ok(_) => {}
            Err(_) => store = None,
        }
    }
}

/// Stands by as the placer; while holding the lock, places new articles
/// in rounds. With `until_empty`, stops once the queue is drained and
/// nothing is left to place.
fn place_loop(db: &Path, s: &Shared, until_empty: bool, verbose: bool) {
    let mut placer = Placer::new();
    let mut store: Option<Store> = None;
    while !s.stop.load(Ordering::SeqCst) {
        let st = match &mut store {
            Some(st) => st,
            None => match Store::open(db).and_then(|st| st.name_session(&s.me).map(|()| st)) {
                Ok(st) => store.insert(st),
                Err(e) => {
                    note(s, &format!("placer: {e}"));
                    std::thread::sleep(Duration::from_secs(1));
                    continue;
                }
            },
        };
        // The lease (SQLite) outlives a round; the advisory lock
        // (PostgreSQL) lasts as long as this connection.
        let held = match st.try_placer(&s.me, now_ms(), 4 * s.lease_ms) {
            Ok(h) => h,
            Err(e) => {
                note(s, &format!("placer: {e}"));
                store = None;
                std::thread::sleep(Duration::from_secs(1));
                continue;
            }
        };
        if held && !s.placing.swap(true, Ordering::SeqCst) {
            note(s, "now the placer");
        }
        if !held {
            s.placing.store(false, Ordering::SeqCst);
            if until_empty && drained(st) {
                return;
            }
            std::thread::sleep(Duration::from_secs(1));
            continue;
        }
        let before = Instant::now();
        let unplaced = st.unplaced_count().unwrap_or(0);
        let result = placer.place_rounds(st).and_then(|_| {
            let placed_in = before.elapsed();
            let kept = storyline_story::keep_stored(st)?;
            Ok((placed_in, kept))
        });
        match result {
            Ok((placed_in, kept)) => {
                if verbose && unplaced > 0 {
                    let briefs_in = before.elapsed() - placed_in;
                    eprintln!(
                        "placed {unplaced} articles in {:.2} s ({:.0}/s); {} briefs and {} articles' facts in {:.2} s",
                        placed_in.as_secs_f64(),
                        unplaced as f64 / placed_in.as_secs_f64().max(1e-9),
                        kept.briefs,
                        kept.facts,
                        briefs_in.as_secs_f64()
                    );
                }
            }
            Err(e) => {
                note(s, &format!("placer: {e}"));
                // A fresh connection, and a fresh read of the saved state.
                store = None;
                placer = Placer::new();
                s.placing.store(false, Ordering::SeqCst);
                std::thread::sleep(Duration::from_secs(1));
                continue;
            }
        }
        if let Some(st) = &mut store
            && until_empty
            && drained(st)
        {
            let _ = st.release_placer(&s.me);
            return;
        }
        // Rounds of a few seconds' worth of articles, not one per batch.
        let rest = Duration::from_millis(500).saturating_sub(before.elapsed());
        std::thread::sleep(rest);
    }
    if let Some(st) = &mut store {
        let _ = st.release_placer(&s.me);
    }
}

/// Nothing waits in the queue or runs, and every article is placed.
fn drained(st: &Store) -> bool {
    matches!(st.queue_open(), Ok(false)) && matches!(st.unplaced_count(), Ok(0))
}

/// `storyline status`: the queue, the workers, throughput and failures.
pub fn status(db: &Path, json: bool) -> anyhow::Result<ExitCode> {
    let store = Store::open_read_only(db)?;
    let now = now_ms();
    let s = store.queue_status(now)?;
    let articles = store.count()?;
    let unplaced = store.unplaced_count()?;
    if json {
        let v = serde_json::json!({
            "queue": s,
            "articles": articles,
            "unplaced": unplaced,
        });
        jsonln!(v);
        return Ok(ExitCode::SUCCESS);
    }
    outln!(
        "queue: {} waiting, {} running, {} stalled (lease ran out), {} done, {} failed",
        s.queued,
        s.running,
        s.stalled,
        s.done,
        s.failed
    );
    outln!(
        "done so far: {} records read, {} articles stored, {} errors; {} articles in the database, {} waiting to be placed",
        s.records,
        s.stored,
        s.errors,
        articles,
        unplaced
    );
    if !s.workers.is_empty() {
        outln!("workers:");
    }
    for w in &s.workers {
        let ago = (now - w.seen_ms).max(0) as f64 / 1000.0;
        let rate = w.records as f64 / (w.busy_ms.max(1) as f64 / 1000.0);
        let state = if ago < 60.0 { "alive" } else { "silent" };
        outln!(
            "  {}  {state}, seen {ago:.0} s ago; {} items, {} records, {} stored, {rate:.0} records/s while busy",
            w.name,
            w.items,
            w.records,
            w.stored
        );
    }
    if let Some(p) = &s.placer {
        outln!("placer: {p}");
    }
    if !s.failures.is_empty() {
        outln!("failed items (latest first):");
    }
    for (target, error) in &s.failures {
        outln!("  {target}: {error}");
    }
    Ok(ExitCode::SUCCESS)
}
