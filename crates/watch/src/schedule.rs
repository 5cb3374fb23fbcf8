//! When a source is polled next: adaptive intervals, the source's own
//! hints, and back-off after failures that never gives up.
//!
//! A poll that brings something new puts the source back at the minimum
//! interval: news tends to come in runs. Each poll that brings nothing new
//! (all of it known, or `304 Not Modified`) lengthens the interval by a
//! tenth, so a quiet feed drifts towards the maximum (Media Cloud's fetcher
//! slows a feed when what it returns is already known) while a feed that
//! publishes every few minutes is not overshot by much. The next poll also
//! waits for what the feed asks: RSS
//! `<ttl>`, `Cache-Control: max-age`, `Expires`, `Retry-After`. A failing
//! source is backed off exponentially, up to hours, and keeps being tried:
//! it is never dropped.

use std::time::Duration;

/// The polling bounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Schedule {
    /// The shortest interval between two polls of one source.
    pub min: Duration,
    /// The longest interval between two polls of a healthy source.
    pub max: Duration,
    /// The first back-off after a failure; it doubles with each further one.
    pub backoff: Duration,
    /// The longest back-off.
    pub max_backoff: Duration,
}

impl Default for Schedule {
    fn default() -> Self {
        Schedule {
            min: Duration::from_secs(30),
            max: Duration::from_secs(24 * 3600),
            backoff: Duration::from_secs(5 * 60),
            max_backoff: Duration::from_secs(6 * 3600),
        }
    }
}

/// What one poll found.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Outcome {
    /// Items in the answer (0 for a `304 Not Modified`).
    pub items: u64,
    /// Items not seen before.
    pub new: u64,
    /// The longest wait the source asked for (`ttl`, `max-age`, `Expires`,
    /// `Retry-After`), if any.
    pub asked: Option<Duration>,
}

impl Schedule {
    /// The interval after a successful poll of a source polled every
    /// `current`, and how long to wait before the next poll (the interval,
    /// or longer when the source asks).
    pub fn after_success(&self, current: Duration, o: &Outcome) -> (Duration, Duration) {
        let interval = if o.new == 0 {
            current.clamp(self.min, self.max).mul_f64(1.1)
        } else {
            self.min
        }
        .clamp(self.min, self.max);
        let wait = o.asked.map_or(interval, |a| interval.max(a.min(self.max)));
        (interval, wait)
    }

    /// How long to wait after the `failures`-th failure in a row (1 for the
    /// first), `jitter` in `0.0..1.0` spreading sources that fail together;
    /// a wait the source asked for (`Retry-After`) is honoured up to the
    /// longest back-off.
    pub fn after_failure(&self, failures: u32, asked: Option<Duration>, jitter: f64) -> Duration {
        let doubled = self
            .backoff
            .saturating_mul(1u32 << failures.saturating_sub(1).min(16));
        let base = doubled.min(self.max_backoff);
        let spread = base.mul_f64(0.8 + 0.4 * jitter.clamp(0.0, 1.0));
        let wait = asked.map_or(spread, |a| spread.max(a));
        wait.min(self.max_backoff)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn news_brings_a_feed_to_the_minimum_and_quiet_polls_slow_it() {
        let s = Schedule::default();
        let news = Outcome {
            items: 50,
            new: 1,
            asked: None,
        };
        let (i, w) = s.after_success(Duration::from_secs(600), &news);
        assert_eq!((i, w), (s.min, s.min));
        let quiet = Outcome::default();
        let (i, _) = s.after_success(Duration::from_secs(600), &quiet);
        assert_eq!(i, Duration::from_secs(660));
        let (i, _) = s.after_success(s.max, &quiet);
        assert_eq!(i, s.max, "never above the maximum");
        let (i, _) = s.after_success(Duration::ZERO, &quiet);
        assert!(i >= s.min, "never below the minimum");
    }

    #[test]
    fn a_source_asking_for_more_time_gets_it() {
        let s = Schedule::default();
        let o = Outcome {
            items: 5,
            new: 5,
            asked: Some(Duration::from_secs(1800)),
        };
        let (i, w) = s.after_success(Duration::from_secs(600), &o);
        assert_eq!(i, s.min);
        assert_eq!(w, Duration::from_secs(1800));
        // ... but never beyond the maximum.
        let o = Outcome {
            asked: Some(Duration::from_secs(90 * 86_400)),
            ..o
        };
        assert_eq!(s.after_success(Duration::from_secs(600), &o).1, s.max);
    }

    #[test]
    fn failures_back_off_for_hours_and_keep_trying() {
        let s = Schedule::default();
        let w1 = s.after_failure(1, None, 0.5);
        let w2 = s.after_failure(2, None, 0.5);
        let w9 = s.after_failure(9, None, 0.5);
        assert_eq!(w1, Duration::from_secs(300));
        assert_eq!(w2, Duration::from_secs(600));
        assert_eq!(w9, s.max_backoff, "capped, never dropped");
        let far = s.after_failure(1000, None, 0.0);
        assert!(
            far <= s.max_backoff && far >= s.max_backoff.mul_f64(0.8),
            "{far:?}"
        );
        // Jitter spreads by a fifth either way.
        assert!(s.after_failure(1, None, 0.0) < s.after_failure(1, None, 1.0));
        // Retry-After is honoured.
        let asked = Some(Duration::from_secs(3600));
        assert_eq!(s.after_failure(1, asked, 0.5), Duration::from_secs(3600));
    }
}
