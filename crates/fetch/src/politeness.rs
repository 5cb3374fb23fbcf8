//! The per-host gate: a bounded number of requests in flight per host, and
//! request starts spaced at least an interval apart.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tokio::time::Instant;

/// Gate count past which idle gates are dropped.
const PRUNE_AT: usize = 1024;

/// One host's gate.
#[derive(Debug)]
struct Gate {
    slots: Arc<Semaphore>,
    /// The earliest instant the next request may start.
    next: Mutex<Instant>,
}

/// Gates for every host seen; cheap to share.
#[derive(Debug)]
pub(crate) struct Politeness {
    gates: Mutex<HashMap<String, Arc<Gate>>>,
    interval: Duration,
    concurrency: usize,
}

/// Held while a request is in flight; dropping it frees the host's slot.
#[derive(Debug)]
pub(crate) struct Turn {
    _permit: OwnedSemaphorePermit,
}

impl Politeness {
    /// Gates allowing `concurrency` requests per host (at least one), with
    /// starts `interval` apart.
    pub fn new(interval: Duration, concurrency: usize) -> Politeness {
        Politeness {
            gates: Mutex::new(HashMap::new()),
            interval,
            concurrency: concurrency.max(1),
        }
    }

    fn gate(&self, host: &str) -> Arc<Gate> {
        let mut gates = self.gates.lock().unwrap_or_else(|e| e.into_inner());
        if gates.len() >= PRUNE_AT {
            let now = Instant::now();
            // A gate nobody holds whose next start is already due carries no
            // state worth keeping.
            gates.retain(|_, g| {
                Arc::strong_count(g) > 1 || *g.next.lock().unwrap_or_else(|e| e.into_inner()) > now
            });
        }
        gates
            .entry(host.to_ascii_lowercase())
            .or_insert_with(|| {
                Arc::new(Gate {
                    slots: Arc::new(Semaphore::new(self.concurrency)),
                    // A process that starts (or restarts after a kill) does
                    // not know when the host last heard from the one before:
                    // its first request waits one interval too.
                    next: Mutex::new(Instant::now() + self.interval),
                })
            })
            .clone()
    }

    /// Waits until `host` has a free slot and its next start is due, then
    /// books the start after this one.
    pub async fn wait_turn(&self, host: &str) -> Turn {
        let gate = self.gate(host);
        let permit = gate
            .slots
            .clone()
            .acquire_owned()
            .await
            .expect("the semaphore is never closed");
        let start = {
            let mut next = gate.next.lock().unwrap_or_else(|e| e.into_inner());
            let start = (*next).max(Instant::now());
            // A request reaches the host a little after its turn, and not
            // always equally late (a new connection, a busy scheduler): the
            // margin keeps the host's own view of the gaps at the interval.
            let margin = (self.interval / 10).max(Duration::from_millis(25));
            *next = start + self.interval + margin.min(self.interval);
            start
        };
        tokio::time::sleep_until(start).await;
        Turn { _permit: permit }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn starts_are_spaced_per_host() {
        let p = Arc::new(Politeness::new(Duration::from_millis(500), 4));
        let t0 = Instant::now();
        let mut starts = Vec::new();
        for _ in 0..3 {
            let _turn = p.wait_turn("a.test").await;
            starts.push(Instant::now() - t0);
        }
        // Even the first waits an interval: a restarted process does not
        // know when the host last heard from it.
        assert_eq!(starts[0], Duration::from_millis(500));
        assert!(starts[1] >= Duration::from_millis(1000));
        assert!(starts[2] >= Duration::from_millis(1500));
        // Another host is not held back by the first.
        let t1 = Instant::now();
        let _turn = p.wait_turn("B.test").await;
        assert_eq!(Instant::now() - t1, Duration::from_millis(500));
    }

    #[tokio::test(start_paused = true)]
    async fn concurrency_limits_requests_in_flight() {
        let p = Arc::new(Politeness::new(Duration::ZERO, 1));
        let first = p.wait_turn("a.test").await;
        let p2 = p.clone();
        let waiter = tokio::spawn(async move {
            let _t = p2.wait_turn("a.test").await;
        });
        tokio::time::sleep(Duration::from_millis(50)).await;
        assert!(!waiter.is_finished());
        drop(first);
        waiter.await.unwrap();
    }

    #[tokio::test(start_paused = true)]
    async fn concurrent_waiters_still_start_apart() {
        let p = Arc::new(Politeness::new(Duration::from_millis(200), 3));
        let t0 = Instant::now();
        let mut tasks = Vec::new();
        for _ in 0..3 {
            let p = p.clone();
            tasks.push(tokio::spawn(async move {
                let _t = p.wait_turn("a.test").await;
                Instant::now() - t0
            }));
        }
        let mut starts = Vec::new();
        for t in tasks {
            starts.push(t.await.unwrap());
        }
        starts.sort();
        assert!(starts[1] - starts[0] >= Duration::from_millis(200));
        assert!(starts[2] - starts[1] >= Duration::from_millis(200));
    }
}
