//! Hostile input: comparing outlets must never panic, whatever the texts,
//! times, outlet names and quotes (even quotes naming articles that do not
//! exist), and every sentence span must lie inside its title or text on
//! character boundaries.

use proptest::prelude::*;
use storyline_compare::{Article, Comparison, Conflict, QuoteRef, Span, compare};
use storyline_testkit::text;

/// Pieces that exercise exclusives, figures and denials: shared and
/// one-sided content words, numbers in every form (words, digits,
/// thousands, decimals, ranges, hedges), casualty and money nouns, denial
/// cues, attributions, quotations, sentence ends and multi-byte text.
const PIECES: &[&str] = &[
    " ",
    "\n",
    "\n\n",
    ".",
    ",",
    "\"",
    "\u{201c}",
    "\u{201d}",
    "The harbour council voted to close the port",
    "after the storm",
    "at least 12 people were killed",
    "12",
    "twelve",
    "1,500",
    "1.5 million",
    "$3 billion",
    "40%",
    "10-15",
    "about",
    "more than",
    "nearly",
    "dozens",
    "killed",
    "injured",
    "evacuated",
    "denied",
    "rejected claims that",
    "said it was false that",
    "did not",
    "officials said",
    "Mayor Ana Ruiz said",
    "according to police",
    "exclusively",
    "the",
    "of",
    "é",
    "日本語",
    "🚢",
    "\u{301}",
    "99999999999999999999999",
    "1e308",
    "0.000",
];

/// (outlet, time, title, text) of one article.
type Raw = (String, Option<i64>, String, String);

fn raw() -> impl Strategy<Value = Raw> {
    let outlet = prop_oneof![
        prop::sample::select(vec!["Northwire", " northWIRE ", "Harbour Post", ""])
            .prop_map(str::to_string),
        any::<String>(),
    ];
    let time = prop::option::of(prop_oneof![
        Just(i64::MIN),
        Just(i64::MAX),
        1_700_000_000i64..1_700_600_000,
        any::<i64>(),
    ]);
    (outlet, time, text(PIECES, 4), text(PIECES, 4))
}

/// (article index, speaker, text) of one quote; indices may be out of range.
type RawQuote = (usize, Option<String>, String);

fn raw_quote() -> impl Strategy<Value = RawQuote> {
    (
        prop_oneof![4 => 0usize..6, 1 => any::<usize>()],
        prop::option::of(prop_oneof![
            Just("Ana Ruiz".to_string()),
            Just(String::new()),
            any::<String>()
        ]),
        text(PIECES, 4),
    )
}

fn check_span(raws: &[Raw], s: &Span) -> Result<(), TestCaseError> {
    prop_assert!(s.article < raws.len());
    let (_, _, title, text) = &raws[s.article];
    let within = if s.title { title } else { text };
    prop_assert!(s.start <= s.end && s.end <= within.len());
    prop_assert!(within.is_char_boundary(s.start) && within.is_char_boundary(s.end));
    Ok(())
}

fn check(raws: &[Raw], quotes: &[RawQuote]) -> Result<Comparison, TestCaseError> {
    let articles: Vec<Article> = raws
        .iter()
        .map(|(outlet, time, title, text)| Article {
            outlet,
            time: *time,
            title,
            text,
        })
        .collect();
    let quotes: Vec<QuoteRef> = quotes
        .iter()
        .map(|(article, speaker, text)| QuoteRef {
            article: *article,
            speaker: speaker.as_deref(),
            text,
        })
        .collect();
    let c = compare(&articles, &quotes);
    for cov in &c.coverage {
        prop_assert!(cov.articles.iter().all(|&i| i < raws.len()));
    }
    for e in &c.exclusives {
        check_span(raws, &e.sentence)?;
    }
    for conflict in &c.conflicts {
        match conflict {
            Conflict::Figure(f) => {
                for side in &f.sides {
                    check_span(raws, &side.sentence)?;
                }
            }
            Conflict::Denial(d) => {
                check_span(raws, &d.claim.sentence)?;
                check_span(raws, &d.denial.sentence)?;
            }
        }
    }
    for q in &c.quotes {
        prop_assert!(q.only.iter().all(|item| item.article < raws.len()));
    }
    Ok(c)
}

proptest! {
    // No regression files: the crate keeps no proptest state in the tree.
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn never_panics_on_any_strings(a in any::<String>(), b in any::<String>(), q in any::<String>()) {
        let raws = vec![
            ("One".to_string(), Some(1), a.clone(), b.clone()),
            ("Two".to_string(), None, b, a),
        ];
        check(&raws, &[(0, None, q.clone()), (1, Some(q.clone()), q)])?;
    }

    #[test]
    fn never_panics_on_stitched_stories(
        raws in prop::collection::vec(raw(), 0..6),
        quotes in prop::collection::vec(raw_quote(), 0..8),
    ) {
        check(&raws, &quotes)?;
    }
}
