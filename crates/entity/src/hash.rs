//! Small deterministic hashing helpers for feature keys.
//!
//! The model stores no strings: every feature is a 64-bit hash of a template
//! id and the word pieces it looks at, folded into a fixed number of buckets.
//! The hash must be the same on every machine and in every run (the trainer
//! promises identical bytes for identical data), so nothing here is seeded.

/// The SplitMix64 finaliser: spreads the bits of `x` over the whole word.
#[inline]
pub(crate) fn mix64(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// Combines a running hash with one more value, order-sensitively.
#[inline]
pub(crate) fn combine(h: u64, v: u64) -> u64 {
    mix64(h.rotate_left(23) ^ v)
}

/// An incremental FNV-1a style hash over characters.
///
/// Incremental so that the hash of every prefix of a word comes for free
/// while its characters are walked once.
#[derive(Clone, Copy, Debug)]
pub(crate) struct CharHash(u64);

impl CharHash {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;

    /// An empty hash.
    #[inline]
    pub(crate) fn new() -> Self {
        CharHash(Self::OFFSET)
    }

    /// Adds one character.
    #[inline]
    pub(crate) fn push(&mut self, c: char) {
        self.0 = (self.0 ^ u64::from(u32::from(c))).wrapping_mul(Self::PRIME);
    }

    /// The well-mixed value so far.
    #[inline]
    pub(crate) fn finish(self) -> u64 {
        mix64(self.0)
    }
}

/// The hash of a whole string, character by character (as [`CharHash`]).
pub(crate) fn str_hash(s: &str) -> u64 {
    let mut h = CharHash::new();
    s.chars().for_each(|c| h.push(c));
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_stable_and_order_sensitive() {
        assert_eq!(str_hash("Orlan"), str_hash("Orlan"));
        assert_ne!(str_hash("ab"), str_hash("ba"));
        assert_ne!(combine(1, 2), combine(2, 1));
        let mut h = CharHash::new();
        "Kesh".chars().for_each(|c| h.push(c));
        assert_eq!(h.finish(), str_hash("Kesh"));
    }
}
