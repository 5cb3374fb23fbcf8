//! The watch loop: rounds of polling the sources that are due, reading
//! their new entries, fetching the pages of entries that carry only a
//! summary, and handing the articles to the sink, until stopped.
//!
//! A round commits its articles before it records the polls that found
//! them: killed in between, the next run polls those sources again and
//! finds the articles already stored (by canonical URL, or by content
//! hash), so nothing is lost and nothing is stored twice.

use std::collections::HashSet;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use storyline_fetch::{Body, FetchError, Fetched, Fetcher, Kind, Request};
use storyline_model::{Body as RawBody, Record};
use storyline_store::{Poll, SourceKind, SourceRow, Store};
use tokio::sync::Semaphore;
use tokio::task::JoinSet;

use crate::canonical::canonical;
use crate::schedule::{Outcome, Schedule};
use crate::{Sink, WatchError};

/// Most sources polled in one round; the rest wait for the next.
const MAX_PER_ROUND: usize = 2_000;

/// Most sitemaps taken from one sitemap index.
const MAX_INDEXED: usize = 100;

/// How watching behaves.
#[derive(Debug, Clone)]
pub struct Options {
    /// Polling intervals and back-off.
    pub schedule: Schedule,
    /// The HTTP client's limits, politeness and address policy.
    pub fetch: storyline_fetch::Config,
    /// Requests in flight at once over all hosts (each host still gets its
    /// own, lower, limit from the fetcher).
    pub concurrency: usize,
    /// One round, then return (for cron).
    pub once: bool,
    /// An entry whose text is shorter than this many characters carries a
    /// summary, not the article: its page is fetched.
    pub page_min_chars: usize,
    /// The shortest time from one round's start to the next: sources that
    /// fall due meanwhile are polled together, so that placing articles
    /// and saving the clusterer's state happen a few times a minute, not
    /// once per source.
    pub pace: Duration,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            schedule: Schedule::default(),
            fetch: storyline_fetch::Config::default(),
            concurrency: 32,
            once: false,
            page_min_chars: 600,
            pace: Duration::from_secs(5),
        }
    }
}

/// What one round did, for its one-line report.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Round {
    /// The round's number in this run, from 1.
    pub number: u64,
    /// Sources polled.
    pub polled: usize,
    /// Of those, answered `304 Not Modified`.
    pub unchanged: usize,
    /// Of those, failed (fetch or parse).
    pub failed: usize,
    /// Entries read from the answers.
    pub entries: usize,
    /// New articles stored.
    pub new_articles: u64,
    /// Pages fetched for entries that carried only a summary.
    pub pages: usize,
    /// Stories after placing the new articles (when anything was stored).
    pub stories: Option<u64>,
    /// Sources failing now, this round's included.
    pub failing: usize,
    /// Sitemaps that sitemap indexes listed, added as sources.
    pub added: usize,
    /// One line per problem, naming the source or page and the reason.
    pub problems: Vec<String>,
}

/// Watches the store's sources until `stop` is set (or one round, with
/// [`Options::once`]), calling `report` after every round.
pub async fn watch(
    store: &mut Store,
    sink: &mut dyn Sink,
    options: &Options,
    stop: &AtomicBool,
    report: &mut dyn FnMut(&Round),
) -> Result<(), WatchError> {
    let fetcher = Fetcher::new(options.fetch.clone())?;
    let gate = Arc::new(Semaphore::new(options.concurrency.max(1)));
    // Polls in flight carry over from round to round: a source that hangs
    // holds up nobody, its answer (or its timeout) is read when it comes.
    let mut inflight: JoinSet<Polled> = JoinSet::new();
    let mut busy: HashSet<i64> = HashSet::new();
    let mut number = 0;
    loop {
        if stop.load(Ordering::Relaxed) {
            return Ok(());
        }
        let started = tokio::time::Instant::now();
        let due: Vec<SourceRow> = store
            .due_sources(unix_now(), MAX_PER_ROUND)?
            .into_iter()
            .filter(|s| !busy.contains(&s.id))
            .collect();
        if due.is_empty() && inflight.is_empty() {
            if options.once {
                report(&Round {
                    number,
                    failing: failing(store)?,
                    ..Round::default()
                });
                return Ok(());
            }
            tokio::time::sleep(Duration::from_millis(500)).await;
            continue;
        }
        for source in due {
            busy.insert(source.id);
            spawn_poll(&mut inflight, &fetcher, &gate, source);
        }
        // Take what answers within the pace (everything, for one round).
        let deadline = (!options.once).then(|| started + options.pace);
        let polled = collect(&mut inflight, deadline).await;
        if polled.is_empty() {
            continue;
        }
        for p in &polled {
            busy.remove(&p.source.id);
        }
        number += 1;
        let mut round = poll(store, sink, &fetcher, options, polled).await?;
        round.number = number;
        round.failing = failing(store)?;
        report(&round);
        if options.once {
            return Ok(());
        }
        let next = started + options.pace;
        while tokio::time::Instant::now() < next && !stop.load(Ordering::Relaxed) {
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }
}

/// Starts polling `source` in the background.
fn spawn_poll(
    inflight: &mut JoinSet<Polled>,
    fetcher: &Fetcher,
    gate: &Arc<Semaphore>,
    source: SourceRow,
) {
    let request = Request {
        url: source.url.clone(),
        etag: source.etag.clone(),
        last_modified: source.last_modified.clone(),
        kind: Kind::Feed,
    };
    let (fetcher, gate) = (fetcher.clone(), Arc::clone(gate));
    inflight.spawn(async move {
        let _permit = gate.acquire_owned().await;
        let result = fetcher.get(&request).await;
        Polled { source, result }
    });
}

/// The tasks of `set` that finish by `deadline` (all of them when there is
/// none); the others stay in the set. A task that panicked or was
/// cancelled gives nothing: a poll's source stays due and is polled again,
/// a page's entry waits for the next poll.
async fn collect<T: 'static>(
    set: &mut JoinSet<T>,
    deadline: Option<tokio::time::Instant>,
) -> Vec<T> {
    let mut done = Vec::new();
    loop {
        let next = match deadline {
            Some(d) => match tokio::time::timeout_at(d, set.join_next()).await {
                Ok(n) => n,
                Err(_) => break,
            },
            None => set.join_next().await,
        };
        match next {
            Some(Ok(t)) => done.push(t),
            Some(Err(_)) => {}
            None => break,
        }
    }
    done
}

/// Sources whose latest poll failed.
fn failing(store: &Store) -> Result<usize, WatchError> {
    Ok(store.sources()?.iter().filter(|s| s.failures > 0).count())
}

/// What became of one source's poll before its articles are stored.
struct Polled {
    source: SourceRow,
    result: Result<Fetched, FetchError>,
}

/// An entry to store, and the source (its index in the round) it came from.
struct Entry {
    from: usize,
    record: Record,
    /// Its canonical URL, when it has one.
    url: Option<String>,
}

/// One round over `due`.
async fn poll(
    store: &mut Store,
    sink: &mut dyn Sink,
    fetcher: &Fetcher,
    options: &Options,
    polled: Vec<Polled>,
) -> Result<Round, WatchError> {
    let mut round = Round {
        polled: polled.len(),
        ..Round::default()
    };

    // Read the answers; count per source what is new.
    let mut seen: HashSet<String> = HashSet::new();
    let mut entries: Vec<Entry> = Vec::new();
    let mut outcomes: Vec<Result<Outcome, (String, Option<Duration>)>> = Vec::new();
    let mut validators: Vec<(Option<String>, Option<String>)> = Vec::new();
    for (i, p) in polled.iter().enumerate() {
        validators.push((None, None));
        match &p.result {
            Ok(Fetched::NotModified(h)) => {
                round.unchanged += 1;
                outcomes.push(Ok(Outcome {
                    items: 0,
                    new: 0,
                    asked: asked(h, None),
                }));
            }
            Ok(Fetched::Body(body)) => {
                validators[i] = (body.etag.clone(), body.last_modified.clone());
                match read_feed(body, &p.source.url) {
                    Ok((records, more)) => {
                        // A sitemap index: its sitemaps become sources.
                        for m in more.iter().filter_map(|m| canonical(m)).take(MAX_INDEXED) {
                            if store.add_source(&m, SourceKind::Sitemap, None, unix_now())? {
                                round.added += 1;
                            }
                        }
                        let items = records.len() as u64;
                        let mut new = 0;
                        for r in records {
                            match r {
                                Ok(record) => {
                                    let url = record.hints.url.as_deref().and_then(canonical);
                                    if let Some(u) = &url {
                                        if seen.contains(u) || store.has_url(u)? {
                                            continue;
                                        }
                                        seen.insert(u.clone());
                                        new += 1;
                                    }
                                    entries.push(Entry {
                                        from: i,
                                        record,
                                        url,
                                    });
                                }
                                Err(e) => round.problems.push(e.to_string()),
                            }
                        }
                        round.entries += items as usize;
                        outcomes.push(Ok(Outcome {
                            items,
                            new,
                            asked: asked(&body.hints, ttl(&body.bytes)),
                        }));
                    }
                    Err(e) => outcomes.push(Err((e, None))),
                }
            }
            Err(e) => outcomes.push(Err((e.to_string(), e.retry_after()))),
        }
    }

    // Whole articles: fetch the page of every entry that carries only a
    // summary (or nothing), politely, in parallel.
    let needs: Vec<usize> = entries
        .iter()
        .enumerate()
        .filter(|(_, e)| e.url.is_some() && short(&e.record, options.page_min_chars))
        .map(|(i, _)| i)
        .collect();
    // A page still on its way after a while waits for the next poll: its
    // entry is not stored, and its source keeps no validators, so that the
    // next poll lists the entry again instead of answering 304.
    let deadline = (!options.once).then(|| tokio::time::Instant::now() + options.pace * 3);
    let pages = fetch_pages(
        fetcher,
        options.concurrency,
        needs
            .iter()
            .map(|&i| (i, entries[i].url.clone().unwrap_or_default()))
            .collect(),
        deadline,
    )
    .await;
    let mut skip = vec![false; entries.len()];
    let answered: HashSet<usize> = pages.iter().map(|(i, _)| *i).collect();
    let mut unfinished: HashSet<usize> = HashSet::new();
    for &i in &needs {
        if !answered.contains(&i) {
            skip[i] = true;
            unfinished.insert(entries[i].from);
        }
    }
    for (i, page) in pages {
        match page {
            Ok(Fetched::Body(body)) => {
                round.pages += 1;
                // A redirect may lead to an article already stored.
                let landed = canonical(&body.final_url);
                if let Some(u) = &landed
                    && Some(u) != entries[i].url.as_ref()
                    && (seen.contains(u) || store.has_url(u)?)
                {
                    skip[i] = true;
                    continue;
                }
                let e = &mut entries[i];
                match page_text(&body) {
                    Ok(html) => {
                        e.record.body = RawBody::Html(html);
                        e.record.hints.extra.remove(storyline_model::PENDING);
                        e.record.source = body.final_url.clone();
                        e.record.hints.url = landed.or(e.url.clone());
                    }
                    Err(why) => round.problems.push(why),
                }
            }
            Ok(Fetched::NotModified(_)) => {}
            Err(e) => round.problems.push(e.to_string()),
        }
    }
    let records: Vec<Record> = entries
        .into_iter()
        .zip(skip)
        .filter(|(_, s)| !s)
        .map(|(e, _)| e.record)
        .collect();
    if !records.is_empty() {
        let (new, problems) = sink.store(records);
        round.new_articles = new;
        round.problems.extend(problems);
        match sink.place() {
            Ok(n) => round.stories = Some(n),
            Err(e) => round.problems.push(e),
        }
    }

    // Only now, with the articles committed, the polls are recorded.
    let now = unix_now();
    for (n, ((p, outcome), (etag, last_modified))) in
        polled.iter().zip(outcomes).zip(validators).enumerate()
    {
        let (etag, last_modified) = if unfinished.contains(&n) {
            (None, None)
        } else {
            (etag, last_modified)
        };
        let s = &p.source;
        // A source's first poll starts it at the minimum; the schedule then
        // follows what it brings.
        let current = if s.polls == 0 {
            options.schedule.min
        } else {
            Duration::from_secs(u64::try_from(s.interval_secs).unwrap_or(0))
        };
        let poll = match outcome {
            Ok(o) => {
                let (interval, wait) = options.schedule.after_success(current, &o);
                Poll {
                    at: now,
                    ok: true,
                    not_modified: matches!(p.result, Ok(Fetched::NotModified(_))),
                    etag,
                    last_modified,
                    interval_secs: secs(interval),
                    next_poll_at: now.saturating_add(secs(wait)),
                    error: None,
                    new_items: o.new,
                }
            }
            Err((error, retry_after)) => {
                round.failed += 1;
                round.problems.push(error.clone());
                let failures = u32::try_from(s.failures)
                    .unwrap_or(u32::MAX)
                    .saturating_add(1);
                let wait =
                    options
                        .schedule
                        .after_failure(failures, retry_after, jitter(&s.url, now));
                Poll {
                    at: now,
                    ok: false,
                    not_modified: false,
                    etag: None,
                    last_modified: None,
                    interval_secs: s.interval_secs,
                    next_poll_at: now.saturating_add(secs(wait)),
                    error: Some(error),
                    new_items: 0,
                }
            }
        };
        store.record_poll(s.id, &poll)?;
    }
    Ok(round)
}

/// Fetches pages in parallel; returns (index, result) in no set order.
async fn fetch_pages(
    fetcher: &Fetcher,
    concurrency: usize,
    pages: Vec<(usize, String)>,
    deadline: Option<tokio::time::Instant>,
) -> Vec<(usize, Result<Fetched, FetchError>)> {
    let gate = Arc::new(Semaphore::new(concurrency.max(1)));
    let mut tasks = JoinSet::new();
    for (i, url) in pages {
        let (fetcher, gate) = (fetcher.clone(), Arc::clone(&gate));
        tasks.spawn(async move {
            let _permit = gate.acquire_owned().await;
            let request = Request {
                url,
                etag: None,
                last_modified: None,
                kind: Kind::Page,
            };
            (i, fetcher.get(&request).await)
        });
    }
    // Dropping the set cancels the pages still on their way.
    collect(&mut tasks, deadline).await
}

/// What a source's answer lists: a feed's or a news sitemap's entries
/// (told apart by content, not by the declared type), and the sitemaps a
/// sitemap index lists; or why it is neither.
fn read_feed(body: &Body, url: &str) -> Result<Listing, String> {
    use storyline_source::sitemap::{self, Sitemap};
    if sitemap::is_sitemap(&body.bytes) {
        return match sitemap::read(&body.bytes, url) {
            Ok(Sitemap::Articles(r)) => Ok((r.into_iter().map(Ok).collect(), Vec::new())),
            Ok(Sitemap::Index(more)) => Ok((Vec::new(), more)),
            Err(e) => Err(e.to_string()),
        };
    }
    let records = storyline_source::feed_records(&body.bytes, url);
    // A document that is not a feed at all is one error for the source.
    if let [Err(e)] = records.as_slice() {
        return Err(e.to_string());
    }
    Ok((records, Vec::new()))
}

/// A source's entries, and the further sitemaps an index lists.
type Listing = (
    Vec<Result<Record, storyline_source::SourceError>>,
    Vec<String>,
);

/// A fetched page's text, decoded from the charset its `Content-Type` or
/// its markup declares (or the one detected); the error names the URL.
pub fn page_text(body: &Body) -> Result<String, String> {
    let declared = body
        .content_type
        .as_deref()
        .and_then(storyline_source::charset::charset_param);
    storyline_source::charset::decode(&body.bytes, declared, &body.final_url)
        .map_err(|e| e.to_string())
}

/// Whether an entry carries too little text to be the article.
fn short(record: &Record, min_chars: usize) -> bool {
    let text = match &record.body {
        RawBody::Text(t) => t.as_str(),
        RawBody::Html(h) => h.as_str(),
    };
    // Markup counts for little; a rough visible length is enough here.
    let mut visible = 0usize;
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag && !c.is_whitespace() => visible += 1,
            _ => {}
        }
        if visible >= min_chars {
            return false;
        }
    }
    true
}

/// The longest wait an answer asks for: `Cache-Control: max-age`,
/// `Expires`, `Retry-After`, or the feed's `<ttl>`.
fn asked(h: &storyline_fetch::Hints, ttl: Option<Duration>) -> Option<Duration> {
    let expires = h.expires.and_then(|t| {
        let left = t.as_second().saturating_sub(unix_now());
        (left > 0).then(|| Duration::from_secs(left as u64))
    });
    [h.max_age, expires, h.retry_after, ttl]
        .into_iter()
        .flatten()
        .max()
}

/// An RSS `<ttl>` (minutes) near the start of a feed.
fn ttl(bytes: &[u8]) -> Option<Duration> {
    let head = &bytes[..bytes.len().min(16 << 10)];
    let at = head.windows(5).position(|w| w == b"<ttl>")? + 5;
    let digits: Vec<u8> = head[at..]
        .iter()
        .copied()
        .skip_while(u8::is_ascii_whitespace)
        .take_while(u8::is_ascii_digit)
        .take(6)
        .collect();
    let minutes: u64 = std::str::from_utf8(&digits).ok()?.parse().ok()?;
    Some(Duration::from_secs(minutes * 60))
}

/// A spread in `0.0..1.0` that differs between sources and rounds.
fn jitter(url: &str, now: i64) -> f64 {
    // FNV-1a: deterministic, no random source needed.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in url.bytes().chain(now.to_le_bytes()) {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    (h >> 11) as f64 / (1u64 << 53) as f64
}

fn secs(d: Duration) -> i64 {
    i64::try_from(d.as_secs()).unwrap_or(i64::MAX)
}

/// Seconds since the epoch, now.
pub(crate) fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, secs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_summary_is_short_an_article_is_not() {
        let rec = |body: RawBody| Record {
            source: "f#1".into(),
            body,
            hints: Default::default(),
        };
        assert!(short(&rec(RawBody::Text(String::new())), 600));
        assert!(short(
            &rec(RawBody::Html("<p>One line of summary.</p>".into())),
            600
        ));
        let long = format!("<p>{}</p>", "word ".repeat(400));
        assert!(!short(&rec(RawBody::Html(long)), 600));
    }

    #[test]
    fn a_feeds_ttl_is_read_in_minutes() {
        assert_eq!(
            ttl(b"<rss><channel><ttl>60</ttl>"),
            Some(Duration::from_secs(3600))
        );
        assert_eq!(ttl(b"<rss><channel><ttl>x</ttl>"), None);
        assert_eq!(ttl(b"<rss/>"), None);
    }

    #[test]
    fn jitter_is_a_fraction_that_varies() {
        let a = jitter("http://a.example/feed", 1);
        let b = jitter("http://b.example/feed", 1);
        assert!((0.0..1.0).contains(&a) && (0.0..1.0).contains(&b));
        assert_ne!(a, b);
    }
}
