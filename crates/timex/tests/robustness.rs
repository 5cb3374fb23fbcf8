//! Hostile input: the temporal tagger must never panic, with or without an
//! anchor (even one at the edge of the calendar), and every expression it
//! reports must lie inside the text on character boundaries, in order.

use jiff::civil::Date;
use proptest::prelude::*;
use storyline_testkit::{MIXED, day, stitched};
use storyline_timex::{Period, find, is_month_name};

/// Pieces that exercise the grammar: months and weekdays (full, short,
/// dotted), numbers and ordinals, relative words, parts of the day, clock
/// times, durations, sets, seasons, quarters, decades, ranges, tense cues
/// and multi-byte text.
const PIECES: &[&str] = &[
    " ",
    "\n",
    ",",
    ".",
    "-",
    "/",
    "'",
    "\u{2013}",
    "January",
    "Feb.",
    "sept",
    "May",
    "March 3",
    "Dec. 31, 1999",
    "29 February",
    "Monday",
    "Tue.",
    "next Tuesday",
    "last week",
    "this month",
    "yesterday",
    "today",
    "tomorrow",
    "tonight",
    "now",
    "morning",
    "afternoon",
    "3 p.m.",
    "10:45",
    "25:99",
    "noon",
    "2025",
    "1998",
    "'90s",
    "the 1990s",
    "0",
    "00",
    "31",
    "32",
    "99999999999999999999",
    "-9999",
    "first",
    "third",
    "21st",
    "two",
    "twelve",
    "hundred",
    "nearly three years",
    "a decade ago",
    "ago",
    "earlier",
    "later",
    "from",
    "to",
    "until",
    "between",
    "and",
    "every week",
    "daily",
    "each",
    "summer",
    "spring",
    "Q3",
    "the third quarter",
    "fiscal",
    "half",
    "century",
    "weekend",
    "said",
    "will",
    "had",
    "on",
    "in",
    "the",
    "of",
    "2025-01-23",
    "20250123",
    "é",
    "日本語",
    "🚢",
    "\u{301}",
];

fn check(text: &str, anchor: Option<Date>) -> Result<(), TestCaseError> {
    let mut last = 0;
    for t in find(text, anchor) {
        prop_assert!(last <= t.start && t.start < t.end && t.end <= text.len());
        prop_assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        last = t.end;
        let _ = t.kind.as_str();
        if let Some(p) = t.period() {
            let _ = (p.first_day(), p.last_day());
        }
        let _ = t.day();
    }
    for word in text.split_whitespace() {
        let _ = is_month_name(word);
    }
    Ok(())
}

proptest! {
    // No regression files: the crate keeps no proptest state in the tree.
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn never_panics_on_any_string(s in any::<String>(), a in day(1990..2030)) {
        check(&s, a)?;
    }

    #[test]
    fn never_panics_on_stitched_news(s in stitched(PIECES, MIXED), a in day(1990..2030)) {
        check(&s, a)?;
        check(&s, None)?;
    }

    #[test]
    fn period_parse_never_panics(s in "[0-9X]{0,5}(-[0-9WQHXSUFAWI]{0,3}){0,3}", t in any::<String>()) {
        for v in [s.as_str(), t.as_str()] {
            if let Some(p) = Period::parse(v) {
                let _ = (p.first_day(), p.last_day());
            }
        }
    }
}
