//! Hostile input: building a timeline must never panic, whatever the texts
//! and publication days (calendar edges included), and every report must
//! point at a sentence inside its article on character boundaries.

use jiff::civil::Date;
use proptest::prelude::*;
use storyline_testkit::{day, text};
use storyline_timeline::{Article, build};

/// Pieces that make candidate developments: dates of every grain,
/// relative days, report verbs, bylines and time stamps (furniture),
/// quotations, sentence ends, paragraph breaks and multi-byte text.
const PIECES: &[&str] = &[
    " ",
    "\n",
    "\n\n",
    ".",
    ",",
    "\"",
    "\u{201c}",
    "\u{201d}",
    "On Monday",
    "on Tuesday",
    "next Tuesday",
    "last week",
    "yesterday",
    "on March 3",
    "March 3, 2025",
    "in January",
    "in the third quarter",
    "this summer",
    "in 2024",
    "in the 1990s",
    "for three years",
    "every week",
    "now",
    "Dec. 31",
    "29 February",
    "the council",
    "the harbour",
    "Mayor Ana Ruiz",
    "said",
    "announced",
    "voted",
    "closed",
    "will reopen",
    "was arrested",
    "By Liv Aronsen",
    "Updated 10:45 a.m.",
    "Published: Jan 9, 2025",
    "It is over.",
    "The",
    "a",
    "of",
    "é",
    "日本語",
    "🚢",
    "\u{301}",
];

fn check(docs: &[(String, Option<Date>)]) -> Result<(), TestCaseError> {
    let articles: Vec<Article> = docs
        .iter()
        .map(|(t, d)| Article {
            text: t,
            published: *d,
        })
        .collect();
    for e in build(&articles) {
        let _ = e.when();
        let _ = e.span_days();
        prop_assert!(!e.reports.is_empty());
        for r in &e.reports {
            prop_assert!(r.article < docs.len());
            let text = &docs[r.article].0;
            prop_assert!(r.start <= r.end && r.end <= text.len());
            prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        }
    }
    Ok(())
}

proptest! {
    // No regression files: the crate keeps no proptest state in the tree.
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn never_panics_on_any_string(s in any::<String>(), d in day(2020..2027)) {
        check(&[(s, d)])?;
    }

    #[test]
    fn never_panics_on_stitched_stories(docs in prop::collection::vec((text(PIECES, 3), day(2020..2027)), 0..6)) {
        check(&docs)?;
    }
}
