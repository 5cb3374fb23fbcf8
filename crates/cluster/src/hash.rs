//! Small deterministic hashing helpers.
//!
//! Everything that decides an assignment must hash the same way in every
//! run and on every machine (the property tests check determinism), so no
//! randomly seeded hashers are used anywhere in the crate.

use std::hash::Hasher;

use rustc_hash::FxHasher;

/// The SplitMix64 finaliser: spreads the bits of `x` over the whole word.
///
/// Used to turn small ids and packed values into well-mixed keys.
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

/// A stable 64-bit hash of a document's content, used to order articles
/// with equal timestamps independently of their input order.
pub(crate) fn content_hash(title: &str, text: &str, id: &str) -> u64 {
    let mut h = FxHasher::default();
    h.write(title.as_bytes());
    h.write_u8(0xff);
    h.write(text.as_bytes());
    h.write_u8(0xff);
    h.write(id.as_bytes());
    mix64(h.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mixing_is_stable_and_spreads() {
        assert_eq!(mix64(1), mix64(1));
        assert_ne!(mix64(1), mix64(2));
        assert_ne!(combine(1, 2), combine(2, 1));
        assert_ne!(content_hash("a", "b", "c"), content_hash("ab", "", "c"));
    }
}
