//! The simulated clock: real time since start-up, scaled by the speed,
//! added to the simulated start.

use std::time::{Duration, Instant};

use jiff::{SignedDuration, Timestamp};

/// The longest real offset anything is scheduled at (about 100 years).
pub(crate) const FOREVER: Duration = Duration::from_secs(100 * 365 * 86_400);

/// Maps between real and simulated time.
#[derive(Debug, Clone)]
pub(crate) struct Clock {
    /// When the newsroom started, for measuring.
    real_start: Instant,
    /// When the newsroom started, on the wall clock.
    wall_start: Timestamp,
    /// The simulated time at start-up.
    sim_start: Timestamp,
    /// Simulated seconds per real second.
    speed: f64,
}

impl Clock {
    /// A clock starting now at simulated time `sim_start`.
    pub fn new(sim_start: Timestamp, speed: f64) -> Clock {
        Clock {
            real_start: Instant::now(),
            wall_start: Timestamp::now(),
            sim_start,
            speed,
        }
    }

    /// Real time since start-up.
    pub fn elapsed(&self) -> Duration {
        self.real_start.elapsed()
    }

    /// The simulated time now.
    pub fn sim_now(&self) -> Timestamp {
        self.sim_at(self.elapsed())
    }

    /// The simulated time at real offset `offset`.
    pub fn sim_at(&self, offset: Duration) -> Timestamp {
        let secs = offset.as_secs_f64() * self.speed;
        SignedDuration::try_from_secs_f64(secs)
            .ok()
            .and_then(|d| self.sim_start.checked_add(d).ok())
            .unwrap_or(Timestamp::MAX)
    }

    /// The real offset at which simulated time reaches `at` (zero for
    /// times before the start).
    pub fn offset_of(&self, at: Timestamp) -> Duration {
        let sim = at.duration_since(self.sim_start).as_secs_f64();
        if sim <= 0.0 {
            return Duration::ZERO;
        }
        Duration::try_from_secs_f64(sim / self.speed)
            .unwrap_or(FOREVER)
            .min(FOREVER)
    }

    /// The wall-clock time at real offset `offset`.
    pub fn wall_at(&self, offset: Duration) -> Timestamp {
        SignedDuration::try_from(offset)
            .ok()
            .and_then(|d| self.wall_start.checked_add(d).ok())
            .unwrap_or(Timestamp::MAX)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_both_ways() {
        let start: Timestamp = "2025-10-06T00:00:00Z".parse().unwrap();
        let c = Clock::new(start, 3600.0);
        let at: Timestamp = "2025-10-06T02:00:00Z".parse().unwrap();
        assert_eq!(c.offset_of(at), Duration::from_secs(2));
        assert_eq!(c.sim_at(Duration::from_secs(2)), at);
        assert_eq!(
            c.offset_of("2025-10-05T00:00:00Z".parse().unwrap()),
            Duration::ZERO
        );
        assert!(c.sim_now() >= start);
        let slow = Clock::new(start, 1e-9);
        assert_eq!(slow.offset_of(at), FOREVER);
    }
}
