//! Which articles of a big story are read.

/// Most articles of one story read for its summary, quotes and timeline: a
/// story of hundreds of reports says what it says in far fewer.
pub const MAX_READ: usize = 60;

/// Member indices read for analysis: all of a small story; of a big one,
/// an even spread over time.
pub fn sample(n: usize) -> Vec<usize> {
    if n <= MAX_READ {
        return (0..n).collect();
    }
    (0..MAX_READ).map(|i| i * n / MAX_READ).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_stories_are_read_whole_big_ones_evenly() {
        assert_eq!(sample(3), [0, 1, 2]);
        let big = sample(600);
        assert_eq!(big.len(), MAX_READ);
        assert_eq!((big[0], big[1], big[59]), (0, 10, 590));
    }
}
