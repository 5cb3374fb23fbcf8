//! Hostile input: the splitter must never panic, and every span it reports
//! must lie inside the text, on character boundaries, in order.

use proptest::prelude::*;
use storyline_sentence::{dateline, final_mark, prefix, sentences, split};
use storyline_testkit::{GLUED, stitched};

/// Pieces that exercise every rule: end marks, closing quotes and
/// brackets, abbreviations and initials, quotations that close later,
/// line breaks, datelines with dashes and colons, and multi-byte text.
const PIECES: &[&str] = &[
    " ",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    ".",
    "!",
    "?",
    "\u{2026}",
    "...",
    ",",
    ":",
    "\"",
    "'",
    "\u{201c}",
    "\u{201d}",
    "\u{2018}",
    "\u{2019}",
    "(",
    ")",
    "[",
    "]",
    "\u{2014}",
    "\u{2013}",
    " -- ",
    " - ",
    "Gov.",
    "Jan.",
    "Jan. 5",
    "U.S.",
    "officials",
    "Mr.",
    "J.",
    "A.",
    "It is over.",
    "We go home,",
    "she said.",
    "The",
    "harbour",
    "closed",
    "12",
    "3.5",
    "GREYHAVEN, Estravia, Nov 9 (Northwire) \u{2013} ",
    "TILDE (Wire) \u{2014} ",
    "(Wire) -- ",
    "Tilde [Estravia], March 3 (Agency): ",
    "Oldmere:",
    "é",
    "日本語。",
    "🚢",
    "\u{301}",
    "\u{0}",
];

fn check(text: &str, max: usize) -> Result<(), TestCaseError> {
    for spans in [sentences(text), split(text, max)] {
        let mut last = 0;
        for &(a, b) in &spans {
            prop_assert!(
                last <= a && a <= b && b <= text.len(),
                "{a}..{b} after {last}"
            );
            prop_assert!(text.is_char_boundary(a) && text.is_char_boundary(b));
            last = b;
            if let Some(s) = text.get(a..b) {
                let _ = final_mark(s);
                let _ = dateline(s);
            }
        }
    }
    prop_assert!(split(text, max).len() <= max);
    let p = prefix(text, max);
    prop_assert!(p.len() <= max && text.starts_with(p));
    let d = dateline(text);
    prop_assert!(d <= text.len() && text.is_char_boundary(d));
    let _ = final_mark(text);
    Ok(())
}

proptest! {
    // No regression files: the crate keeps no proptest state in the tree.
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn never_panics_on_any_string(s in any::<String>(), max in 0usize..8) {
        check(&s, max)?;
    }

    #[test]
    fn never_panics_on_stitched_news(s in stitched(PIECES, GLUED), max in 0usize..40) {
        check(&s, max)?;
    }

    #[test]
    fn never_panics_on_spaced_pieces(v in prop::collection::vec(prop::sample::select(PIECES), 0..60), max in 0usize..200) {
        check(&v.join(" "), max)?;
    }
}
