//! Hostile input: summarising must never panic, whatever the articles,
//! times, outlets and word budget, and the summary must keep its budget
//! and cite only articles it was given.

use proptest::prelude::*;
use storyline_summary::{Source, summarize};
use storyline_testkit::text;

/// Pieces that exercise candidate sentences, grouping, scoring and the
/// headline: repeated content words across outlets, attributions,
/// quotations, pronoun and conjunction openers, numbers, datelines,
/// bylines, sentence ends, line breaks and multi-byte text.
const PIECES: &[&str] = &[
    " ",
    "\n",
    "\n\n",
    ".",
    "?",
    "!",
    ",",
    "\"",
    "\u{201c}",
    "\u{201d}",
    "The harbour council voted to close the port",
    "after the storm",
    "said",
    "officials said on Monday",
    "He",
    "But",
    "And",
    "It",
    "Mayor Ana Ruiz",
    "told reporters",
    "\u{201c}We will rebuild,\u{201d} she said.",
    "12 people were hurt",
    "at least 1,500",
    "GREYHAVEN, Estravia (Northwire) \u{2013} ",
    "By Liv Aronsen",
    "Read more:",
    "the",
    "of",
    "a",
    "storm",
    "port",
    "é",
    "日本語",
    "🚢",
    "\u{301}",
];

/// (title, text, time, outlet) of one article.
type Raw = (String, String, Option<i64>, Option<String>);

fn raw() -> impl Strategy<Value = Raw> {
    let time = prop::option::of(prop_oneof![
        Just(i64::MIN),
        Just(i64::MAX),
        Just(0),
        1_700_000_000i64..1_700_600_000,
        any::<i64>(),
    ]);
    let outlet = prop::option::of(prop_oneof![
        prop::sample::select(vec!["Northwire", "northwire ", "Harbour Post", ""])
            .prop_map(str::to_string),
        any::<String>(),
    ]);
    (text(PIECES, 4), text(PIECES, 4), time, outlet)
}

fn check(raws: &[Raw], words: usize) -> Result<(), TestCaseError> {
    let sources: Vec<Source> = raws
        .iter()
        .enumerate()
        .map(|(i, (title, text, time, outlet))| Source {
            id: if i % 2 == 0 { "a" } else { "" },
            title,
            text,
            time: *time,
            outlet: outlet.as_deref(),
        })
        .collect();
    let s = summarize(&sources, words);
    prop_assert!(
        s.words() <= words,
        "{} words over a budget of {words}",
        s.words()
    );
    for sentence in &s.sentences {
        prop_assert!(!sentence.sources.is_empty());
        prop_assert!(sentence.sources.iter().all(|&i| i < raws.len()));
    }
    let _ = s.text();
    Ok(())
}

proptest! {
    // No regression files: the crate keeps no proptest state in the tree.
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn never_panics_on_any_strings(a in any::<String>(), b in any::<String>(), words in 0usize..300) {
        let raws = vec![(a.clone(), b.clone(), None, None), (b, a, Some(0), Some("x".to_string()))];
        check(&raws, words)?;
    }

    #[test]
    fn never_panics_on_stitched_stories(raws in prop::collection::vec(raw(), 0..6), words in 0usize..300) {
        check(&raws, words)?;
    }
}
