//! Request counts per host: what a client did to the newsroom, for checking
//! its politeness (gaps between requests, bursts, parallel requests) and
//! its use of conditional GET.

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use serde::Serialize;

/// The most distinct hosts tracked; later ones count under [`OTHER_HOST`].
const MAX_HOSTS: usize = 20_000;
/// Where requests for hosts beyond [`MAX_HOSTS`] are counted.
pub const OTHER_HOST: &str = "(other)";
/// The most request starts remembered for the sliding window.
const MAX_WINDOW: usize = 100_000;

/// What one host (or all of them together) saw.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct HostStats {
    /// Requests started.
    pub requests: u64,
    /// Responses by status code.
    pub statuses: BTreeMap<u16, u64>,
    /// Response body bytes sent (after compression).
    pub bytes_sent: u64,
    /// The shortest time between two consecutive request starts, in
    /// milliseconds; `None` before the second request.
    pub min_gap_ms: Option<f64>,
    /// The most request starts seen within any one second.
    pub max_per_second: u64,
    /// Requests whose response has not finished (or never will: `hang.xml`).
    pub in_flight: u64,
    /// The most requests in flight at once.
    pub max_in_flight: u64,
    /// Feed polls that found the feed as the previous poll of it did (no
    /// item appeared in between): the polls a client could have had
    /// answered `304 Not Modified`.
    pub unchanged_polls: u64,
    /// Of those, the ones answered 304.
    pub unchanged_304: u64,
}

/// Everything the newsroom counted, per host and in total. Requests for
/// `/_stats` and `/_items` are not counted.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Stats {
    /// All hosts together.
    pub total: HostStats,
    /// Per host name as the request's `Host` header gave it, without the port.
    pub hosts: BTreeMap<String, HostStats>,
}

/// One host's counts with what the sliding measures need.
#[derive(Debug, Default)]
struct Tracker {
    stats: HostStats,
    last_start: Option<Instant>,
    window: VecDeque<Instant>,
}

impl Tracker {
    fn start(&mut self, now: Instant) {
        let s = &mut self.stats;
        s.requests += 1;
        if let Some(last) = self.last_start {
            let gap = now.saturating_duration_since(last).as_secs_f64() * 1_000.0;
            s.min_gap_ms = Some(s.min_gap_ms.map_or(gap, |m| m.min(gap)));
        }
        self.last_start = Some(now);
        while self
            .window
            .front()
            .is_some_and(|&t| now.saturating_duration_since(t) >= Duration::from_secs(1))
        {
            self.window.pop_front();
        }
        if self.window.len() >= MAX_WINDOW {
            self.window.pop_front();
        }
        self.window.push_back(now);
        s.max_per_second = s.max_per_second.max(self.window.len() as u64);
        s.in_flight += 1;
        s.max_in_flight = s.max_in_flight.max(s.in_flight);
    }
}

/// The newsroom's counters.
#[derive(Debug, Default)]
pub(crate) struct Book {
    inner: Mutex<BookInner>,
}

#[derive(Debug, Default)]
struct BookInner {
    total: Tracker,
    hosts: HashMap<String, Tracker>,
}

impl BookInner {
    fn both(&mut self, host: &str, f: impl Fn(&mut HostStats)) {
        f(&mut self.total.stats);
        if let Some(t) = self.hosts.get_mut(host) {
            f(&mut t.stats);
        }
    }
}

impl Book {
    fn lock(&self) -> std::sync::MutexGuard<'_, BookInner> {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Counts the start of a request for `host`; the returned visit counts
    /// the rest and ends the request when dropped.
    pub fn start(self: &Arc<Book>, host: &str) -> Visit {
        let now = Instant::now();
        let mut inner = self.lock();
        let host = if inner.hosts.contains_key(host) || inner.hosts.len() < MAX_HOSTS {
            host.to_string()
        } else {
            OTHER_HOST.to_string()
        };
        inner.total.start(now);
        inner.hosts.entry(host.clone()).or_default().start(now);
        Visit {
            book: Arc::clone(self),
            host,
        }
    }

    /// Counts a poll of one of `host`'s feeds that had not changed since
    /// its previous poll, and whether it was answered 304.
    pub fn unchanged_poll(&self, host: &str, answered_304: bool) {
        self.lock().both(host, |s| {
            s.unchanged_polls += 1;
            s.unchanged_304 += u64::from(answered_304);
        });
    }

    /// A copy of the counts.
    pub fn snapshot(&self) -> Stats {
        let inner = self.lock();
        Stats {
            total: inner.total.stats.clone(),
            hosts: inner
                .hosts
                .iter()
                .map(|(h, t)| (h.clone(), t.stats.clone()))
                .collect(),
        }
    }
}

/// One counted request.
#[derive(Debug)]
pub(crate) struct Visit {
    book: Arc<Book>,
    host: String,
}

impl Visit {
    /// Counts the response's status.
    pub fn status(&self, code: u16) {
        self.book
            .lock()
            .both(&self.host, |s| *s.statuses.entry(code).or_default() += 1);
    }

    /// Counts body bytes sent.
    pub fn sent(&self, bytes: u64) {
        self.book.lock().both(&self.host, |s| s.bytes_sent += bytes);
    }
}

impl Drop for Visit {
    fn drop(&mut self) {
        self.book
            .lock()
            .both(&self.host, |s| s.in_flight = s.in_flight.saturating_sub(1));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_per_host_and_in_total() {
        let book = Arc::new(Book::default());
        {
            let a = book.start("a");
            let b = book.start("b");
            a.status(200);
            a.sent(10);
            b.status(304);
            let s = book.snapshot();
            assert_eq!(s.total.in_flight, 2);
            assert_eq!(s.hosts["a"].in_flight, 1);
        }
        let c = book.start("a");
        c.status(200);
        drop(c);
        let s = book.snapshot();
        assert_eq!(s.total.requests, 3);
        assert_eq!(s.total.statuses[&200], 2);
        assert_eq!(s.total.statuses[&304], 1);
        assert_eq!(s.hosts["a"].requests, 2);
        assert_eq!(s.hosts["a"].bytes_sent, 10);
        assert_eq!(s.hosts["a"].max_per_second, 2);
        assert!(s.hosts["a"].min_gap_ms.is_some());
        assert_eq!(s.hosts["b"].min_gap_ms, None);
        assert_eq!(s.total.in_flight, 0);
        assert_eq!(s.total.max_in_flight, 2);
    }
}
