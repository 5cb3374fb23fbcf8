//! Hostile input: the quote finder must never panic, and every span it
//! reports must lie inside the text on character boundaries.

use proptest::prelude::*;
use storyline_quote::{EntityKind, Known, KnownName, find_with};
use storyline_testkit::{SPACED, stitched};

/// Pieces that exercise every rule: quotation marks of each style, cues,
/// names with titles and roles, bodies and places, pronouns, appositives,
/// datelines, paragraph breaks and multi-byte text.
const PIECES: &[&str] = &[
    " ",
    "\n\n",
    ",",
    ".",
    ":",
    "\"",
    "\u{201c}",
    "\u{201d}",
    "'",
    "\u{2019}",
    "\u{2014}",
    "(",
    ")",
    "[",
    "]",
    "said",
    "told reporters",
    "asked",
    "denied that",
    "according to",
    "called it",
    "on Thursday",
    "that",
    "he",
    "she",
    "who",
    "it",
    "the",
    "Mayor Ana Ruiz",
    "Sergeant Liv Aronsen of Oldmere police",
    "the island council",
    "the Citadel leader",
    "the Citadel",
    "Estravia",
    "Tilde [Estravia], March 3 :",
    "TILDE, Estravia (Wire) \u{2013}",
    "Progressive presidential candidate Omar Ali\u{2019}s",
    "the United Provinces",
    "Ana Ruiz Says",
    "the ad shows footage of Ana",
    "Mr.",
    "U.S.",
    "Quote:",
    "We will rebuild",
    "é",
    "日本語",
    "🚢",
    "\u{301}",
];

fn known() -> Known {
    let mut known = Known::new();
    for (name, kind) in [
        ("Ana Ruiz", EntityKind::Person),
        ("Citadel", EntityKind::Org),
        ("Estravia", EntityKind::Place),
        ("Oldmere", EntityKind::Place),
    ] {
        known.add(KnownName {
            canonical: name.into(),
            kind,
            ..KnownName::default()
        });
    }
    known
}

fn check(text: &str, known: &Known) -> Result<(), TestCaseError> {
    for q in find_with(text, known) {
        prop_assert!(q.start <= q.end && q.end <= text.len());
        prop_assert!(text.is_char_boundary(q.start) && text.is_char_boundary(q.end));
        for &(a, b) in &q.spans {
            prop_assert!(a <= b && b <= text.len());
            prop_assert!(text.is_char_boundary(a) && text.is_char_boundary(b));
        }
        let _ = q.words(text);
    }
    Ok(())
}

proptest! {
    // No regression files: the crate keeps no proptest state in the tree.
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn never_panics_on_any_string(s in any::<String>()) {
        check(&s, &known())?;
    }

    #[test]
    fn never_panics_on_stitched_news(s in stitched(PIECES, SPACED)) {
        check(&s, &known())?;
        check(&s, &Known::new())?;
    }
}
