//! Hostile input: tagging and linking must never panic, every mention must
//! lie inside its text on character boundaries, and the linker must cope
//! with mentions whose offsets are wrong.

use proptest::prelude::*;
use storyline_entity::chunk::chunks;
use storyline_entity::tokenizer::{sentences, tokens};
use storyline_entity::{Kind, Mention, Model, Tagger, find, link};
use storyline_testkit::{GLUED, SPACED, stitched};

/// Pieces that exercise the tokenizer, the features, the gazetteers and
/// the linker: capitalised runs, titles and roles, honorifics,
/// possessives, hyphens, initials, nationality words, places, all-caps
/// headlines, numbers, sentence ends and multi-byte text.
const PIECES: &[&str] = &[
    " ",
    "\n",
    "\n\n",
    ".",
    ",",
    "'s",
    "\u{2019}s",
    "\"",
    "(",
    ")",
    "-",
    "\u{2014}",
    "President",
    "Foreign Minister",
    "Mayor",
    "Mr.",
    "Dr.",
    "Ilse Varn",
    "Varn",
    "Omar Ali",
    "O'Neill",
    "Jean-Luc",
    "J. R.",
    "Estravia",
    "Estravian",
    "Paris",
    "London",
    "Russian",
    "the Kremlin leader",
    "the 72-year-old Estravian leader",
    "the Citadel",
    "Northwire Inc.",
    "United Provinces",
    "Harbour Authority",
    "GREYHAVEN",
    "NEWS",
    "said",
    "met",
    "in",
    "on Monday",
    "the",
    "of",
    "and",
    "12",
    "1,500",
    "U.S.",
    "é",
    "Ærø",
    "İstanbul",
    "日本語",
    "🚢",
    "\u{301}",
    "\u{0}",
];

fn kind() -> impl Strategy<Value = Kind> {
    prop::sample::select(vec![
        Kind::Person,
        Kind::Organisation,
        Kind::Place,
        Kind::Other,
    ])
}

/// Mentions with any offsets at all, as a careless caller might pass.
fn wild_mentions() -> impl Strategy<Value = Vec<Mention>> {
    prop::collection::vec(
        (0usize..400, 0usize..400, kind(), any::<String>()).prop_map(|(start, end, kind, text)| {
            Mention {
                start,
                end,
                kind,
                text,
            }
        }),
        0..8,
    )
}

fn check_find(text: &str) -> Result<Vec<Mention>, TestCaseError> {
    let found = find(text);
    for m in &found {
        prop_assert!(m.start < m.end && m.end <= text.len());
        prop_assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
        prop_assert_eq!(text.get(m.start..m.end), Some(m.text.as_str()));
    }
    for t in tokens(text) {
        prop_assert!(t.start <= t.end && t.end <= text.len());
        prop_assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
    }
    for s in sentences(text) {
        for t in s {
            prop_assert!(t.start <= t.end && t.end <= text.len());
        }
    }
    Ok(found)
}

fn check_link(docs: &[(&str, &[Mention])]) -> Result<(), TestCaseError> {
    for e in link(docs) {
        for &(d, s, end) in &e.mentions {
            prop_assert!(d < docs.len());
            let text = docs[d].0;
            prop_assert!(s <= end && end <= text.len());
            prop_assert!(text.is_char_boundary(s) && text.is_char_boundary(end));
        }
    }
    Ok(())
}

proptest! {
    // No regression files: the crate keeps no proptest state in the tree.
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn never_panics_on_any_string(s in any::<String>()) {
        let found = check_find(&s)?;
        check_link(&[(&s, &found)])?;
    }

    #[test]
    fn never_panics_on_stitched_news(a in stitched(PIECES, SPACED), b in stitched(PIECES, GLUED), c in stitched(PIECES, SPACED)) {
        let fa = check_find(&a)?;
        let fb = check_find(&b)?;
        let fc = check_find(&c)?;
        check_link(&[(&a, &fa), (&b, &fb), (&c, &fc)])?;
    }

    #[test]
    fn linker_survives_wrong_offsets(a in stitched(PIECES, SPACED), b in any::<String>(), ma in wild_mentions(), mb in wild_mentions()) {
        check_link(&[(&a, &ma), (&b, &mb)])?;
        let mut fa = find(&a);
        fa.extend(ma);
        check_link(&[(&a, &fa), (&b, &mb), ("", &fa)])?;
    }

    #[test]
    fn tagger_takes_any_tokens(toks in prop::collection::vec(prop_oneof![prop::sample::select(PIECES).prop_map(str::to_string), any::<String>()], 0..40)) {
        let toks: Vec<&str> = toks.iter().map(String::as_str).collect();
        let tagger = Tagger::new();
        prop_assert_eq!(tagger.tag(&toks).len(), toks.len());
        let (x, y) = toks.split_at(toks.len() / 2);
        let doc = tagger.tag_document(&[x, &[], y]);
        prop_assert_eq!(doc.len(), 3);
    }

    #[test]
    fn chunks_take_any_tags(tags in prop::collection::vec(prop_oneof![
        prop::sample::select(vec!["O", "B-PER", "I-PER", "E-PER", "S-LOC", "I-ORG", "B-", "I-", "S", "B-MISC", "E-ORG", ""]).prop_map(str::to_string),
        any::<String>(),
    ], 0..30)) {
        for c in chunks(&tags) {
            prop_assert!(c.start <= c.end && c.end <= tags.len());
        }
    }

    #[test]
    fn model_bytes_give_errors_not_panics(bytes in prop::collection::vec(any::<u8>(), 0..256), cut in any::<prop::sample::Index>()) {
        let _ = Model::from_bytes(&bytes);
        let _ = Tagger::from_bytes(&bytes);
        // A real model's bytes, cut short anywhere.
        let good = Model::empty(4).to_bytes();
        let _ = Model::from_bytes(&good[..cut.index(good.len() + 1)]);
    }
}
