//! storyline-testkit: generators of hostile input for the stages' property
//! tests (`crates/*/tests/robustness.rs`).
//!
//! Each stage's test lists the pieces its own code reacts to (dates, quote
//! marks, bylines, markup); how those pieces are strung together into a
//! text, and which publication days a test may be handed, is the same for
//! every stage and lives here once. A dev-dependency only.
//!
//! [`postgres`] gives each test its own database on a throwaway server.

pub mod postgres;

use std::ops::Range;

use jiff::civil::Date;
use proptest::prelude::*;

/// Pieces joined by single spaces.
pub const SPACED: &[&str] = &[" "];
/// Pieces run together (words glued to marks).
pub const GLUED: &[&str] = &[""];
/// Most texts spaced, some glued.
pub const MIXED: &[&str] = &[" ", " ", ""];

/// Up to 59 of `pieces`, in any order and repeated, joined by one
/// separator drawn from `seps` for the whole text.
pub fn stitched(
    pieces: &'static [&'static str],
    seps: &'static [&'static str],
) -> impl Strategy<Value = String> {
    (
        prop::collection::vec(prop::sample::select(pieces), 0..60),
        prop::sample::select(seps),
    )
        .prop_map(|(v, sep)| v.join(sep))
}

/// Mostly [`stitched`] pieces ([`MIXED`]), `weight` to 1 against any
/// string at all.
pub fn text(pieces: &'static [&'static str], weight: u32) -> impl Strategy<Value = String> {
    prop_oneof![weight => stitched(pieces, MIXED), 1 => any::<String>()]
}

/// A day anywhere in jiff's calendar, its first and last years included,
/// often one of the `recent` years, or none. Invalid dates (30 February)
/// come out as none.
pub fn day(recent: Range<i16>) -> impl Strategy<Value = Option<Date>> {
    let year = prop_oneof![Just(-9999i16), Just(9999i16), -9999i16..=9999, recent];
    prop::option::of((year, 1i8..=12, 1i8..=31))
        .prop_map(|o| o.and_then(|(y, m, d)| Date::new(y, m, d).ok()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;

    #[test]
    fn texts_are_made_of_the_pieces() {
        let mut runner = TestRunner::deterministic();
        for _ in 0..50 {
            let s = stitched(&["ab", "cd"], GLUED)
                .new_tree(&mut runner)
                .map(|t| t.current())
                .unwrap_or_default();
            assert!(
                s.len().is_multiple_of(2)
                    && s.split_inclusive(['b', 'd'])
                        .all(|p| p == "ab" || p == "cd")
            );
            let s = stitched(&["x"], SPACED)
                .new_tree(&mut runner)
                .map(|t| t.current())
                .unwrap_or_default();
            assert!(s.split(' ').all(|p| p == "x" || p.is_empty()));
        }
    }

    #[test]
    fn days_are_valid_or_none() {
        let mut runner = TestRunner::deterministic();
        let mut some = 0;
        for _ in 0..200 {
            if let Ok(Some(d)) = day(2020..2027).new_tree(&mut runner).map(|t| t.current()) {
                assert!((-9999..=9999).contains(&d.year()));
                some += 1;
            }
        }
        assert!(some > 0);
    }
}
