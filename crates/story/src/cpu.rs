//! The process's CPU time, all threads together: what a budget on
//! background work counts (wall time would count the time other work held
//! the cores, and one thread's time would miss the pool's).

use std::time::{Duration, Instant};

/// CPU time this process has used so far, all threads; `None` where the
/// platform offers no such clock.
#[cfg(unix)]
fn process_time() -> Option<Duration> {
    use rustix::time::{ClockId, clock_gettime};
    let t = clock_gettime(ClockId::ProcessCPUTime);
    let secs = u64::try_from(t.tv_sec).ok()?;
    let nanos = u32::try_from(t.tv_nsec).ok()?;
    Some(Duration::new(secs, nanos))
}

#[cfg(not(unix))]
fn process_time() -> Option<Duration> {
    None
}

/// The CPU time `f` took in this process (its wall time where there is no
/// process clock), and its result. Work that other threads did meanwhile
/// counts too: a budget measured this way errs on the safe side.
pub(crate) fn timed<T>(f: impl FnOnce() -> T) -> (Duration, T) {
    let (cpu, wall) = (process_time(), Instant::now());
    let out = f();
    let spent = match (cpu, process_time()) {
        (Some(a), Some(b)) => b.saturating_sub(a),
        _ => wall.elapsed(),
    };
    (spent, out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn busy_work_is_counted() {
        let (spent, n) = timed(|| (0..3_000_000u64).fold(0u64, |a, x| a.wrapping_add(x * x)));
        assert!(n > 0);
        assert!(spent > Duration::ZERO);
    }
}
