//! Stable hashing: the same input hashes the same in every process and on
//! every platform, so ETags and synthetic articles survive restarts.

/// FNV-1a over bytes, finished with a SplitMix64 mix so that nearby inputs
/// spread over all 64 bits.
pub(crate) fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    mix(h)
}

/// SplitMix64's finaliser.
pub(crate) fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// Two values hashed into one, order-sensitive.
pub(crate) fn combine(a: u64, b: u64) -> u64 {
    mix(a.rotate_left(23) ^ b)
}

/// A small deterministic generator of choices, seeded by a hash.
#[derive(Debug, Clone)]
pub(crate) struct Dice {
    state: u64,
}

impl Dice {
    /// A generator seeded by `seed`.
    pub(crate) fn new(seed: u64) -> Dice {
        Dice { state: mix(seed) }
    }

    /// The next 64 random bits.
    pub(crate) fn next(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        mix(self.state)
    }

    /// A number in `0..n` (`0` when `n` is zero).
    pub(crate) fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        (self.next() % n as u64) as usize
    }

    /// True with probability `p`.
    pub(crate) fn chance(&mut self, p: f64) -> bool {
        ((self.next() >> 11) as f64 / (1u64 << 53) as f64) < p
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_stable_and_spread() {
        assert_eq!(hash_bytes(b"feed"), hash_bytes(b"feed"));
        assert_ne!(hash_bytes(b"feed-1"), hash_bytes(b"feed-2"));
        assert_ne!(combine(1, 2), combine(2, 1));
        let mut d = Dice::new(7);
        let rolls: Vec<usize> = (0..100).map(|_| d.below(10)).collect();
        assert!(rolls.iter().all(|&r| r < 10));
        assert!(rolls.iter().collect::<std::collections::HashSet<_>>().len() > 5);
        assert_eq!(Dice::new(3).below(0), 0);
    }
}
