//! Hostile and large inputs: the cleaner must never panic and stay fast.

use proptest::prelude::*;
use storyline_furniture::{OutletLines, clean, line_hash};

/// Pieces that exercise every rule: furniture words, dates, bylines,
/// bullets, colons, multi-byte text, odd whitespace.
const PIECES: &[&str] = &[
    "\n",
    "\n\n",
    "\r\n",
    " ",
    "\t",
    "\u{a0}",
    "\u{200b}",
    "\u{feff}",
    "Advertisement:",
    "Related",
    "RECENT NEWS",
    "22:41",
    "By JANE DOE and JOHN ROE",
    "Friday, 24 January 2025, 17:04",
    "ROMANENKOFriday, 3 March 2025",
    "Published: 03.03.2025",
    "Source: Reuters",
    "Source:",
    "• ",
    "1. ",
    "Background:",
    "Укр Рус Eng",
    "Support Us",
    "Photo: Getty Images",
    "The port reopened on Monday, officials said.",
    "Ferry line to reopen in spring",
    "“quoted”",
    "é",
    "ß",
    "İ",
    "🚢",
    "日本語の文章。",
    "\u{301}",
    ":",
    ".",
    "|",
    ">",
    "© 2025",
    "All rights reserved",
    "a",
    "Zz",
    "2025-01-24T17:04",
];

fn stitched() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..80).prop_map(|v| v.concat())
}

proptest! {
    // No regression files: the crate keeps no proptest state in the tree.
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn never_panics_on_any_string(s in any::<String>()) {
        let c = clean(&s);
        // Everything kept or dropped came from the input.
        prop_assert!(c.text.split_whitespace().count() <= s.split_whitespace().count());
    }

    #[test]
    fn never_panics_on_stitched_furniture(s in stitched()) {
        let c = clean(&s);
        prop_assert!(c.text.split_whitespace().count() <= s.split_whitespace().count());
        prop_assert!(!c.text.contains("\n\n\n"));
        let mut lines = OutletLines::new();
        for _ in 0..3 {
            lines.observe("x", &s);
        }
        let _ = lines.strip("x", &s);
        let _ = line_hash(&s);
    }

    #[test]
    fn cleaning_is_idempotent_on_its_own_text(s in stitched()) {
        let once = clean(&s).text;
        let twice = clean(&once).text;
        // A second pass may find less, never more, to keep.
        prop_assert!(twice.split_whitespace().count() <= once.split_whitespace().count());
    }
}

/// A megabyte of realistic page text, of one giant line, of tiny lines and
/// of date lines: each is cleaned without blowing up. Speed is measured by
/// `cargo bench -p storyline-furniture`, not asserted here.
#[test]
fn a_megabyte_of_each_shape_is_cleaned() {
    for (label, input) in shapes() {
        let c = clean(&input);
        assert!(c.text.len() <= input.len() * 2, "{label}");
    }
}

fn shapes() -> Vec<(&'static str, String)> {
    let page = "Menu\nAdvertisement:\nFerry line to reopen in spring\nBy JANE DOE | March 3, 2025\n\
                The harbour authority said on Tuesday that the ferry line would reopen in April, weeks later than hoped.\n\n\
                Local traders welcomed the news but asked for a firmer date.\nRelated\nPier repairs start next week\n22:41\n";
    let mut big = String::new();
    while big.len() < 1 << 20 {
        big.push_str(page);
    }
    vec![
        ("pages", big),
        ("one line", "word, ".repeat((1 << 20) / 6)),
        ("tiny lines", "a\n".repeat(1 << 19)),
        (
            "dates",
            "Friday, 24 January 2025, 17:04\n".repeat((1 << 20) / 31),
        ),
    ]
}
