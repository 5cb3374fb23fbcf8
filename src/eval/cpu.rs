//! The calling thread's CPU time, for speeds stated per core: wall time
//! on a shared host counts the time other work held the core.

use std::time::Duration;

/// CPU time the calling thread has used so far; `None` where the platform
/// offers no per-thread clock.
#[cfg(unix)]
pub fn thread_time() -> Option<Duration> {
    use rustix::time::{ClockId, clock_gettime};
    let t = clock_gettime(ClockId::ThreadCPUTime);
    let secs = u64::try_from(t.tv_sec).ok()?;
    let nanos = u32::try_from(t.tv_nsec).ok()?;
    Some(Duration::new(secs, nanos))
}

/// CPU time the calling thread has used so far; `None` where the platform
/// offers no per-thread clock.
#[cfg(not(unix))]
pub fn thread_time() -> Option<Duration> {
    None
}

/// CPU time `f` takes on this thread (zero where it cannot be told), and
/// its result.
pub fn timed<T>(f: impl FnOnce() -> T) -> (Duration, T) {
    let before = thread_time();
    let out = f();
    let spent = match (before, thread_time()) {
        (Some(a), Some(b)) => b.saturating_sub(a),
        _ => Duration::ZERO,
    };
    (spent, out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn busy_work_takes_cpu_time() {
        let (spent, sum) = timed(|| (0..2_000_000u64).map(std::hint::black_box).sum::<u64>());
        assert!(sum > 0);
        if thread_time().is_some() {
            assert!(spent > Duration::ZERO);
        }
    }
}
