//! Feature templates: which facts about a token and its neighbours the model weighs.
//!
//! A feature is a template id combined with the hashes it looks at (the
//! word, its shape, the word before, ...), folded into `2^bits` buckets.
//! Collisions are tolerated; they cost a little accuracy and save storing
//! any strings. Document-level hints (does this capitalised word also occur
//! in lowercase in the same article?) help with sentence-initial words and
//! with all-caps headlines.

use std::collections::HashSet;

use crate::gazetteer::{self, Gazetteer};
use crate::hash::combine;
use crate::word::{self, Word};

/// Sentence-level context for the extractor: whether it is all caps.
fn is_headline(words: &[Word]) -> bool {
    let mut letters = 0;
    for w in words {
        if w.has(word::HAS_ALPHA) {
            if !w.has(word::ALL_CAPS) {
                return false;
            }
            letters += 1;
        }
    }
    letters >= 2
}

/// Facts gathered over a whole document before tagging it.
#[derive(Clone, Debug, Default)]
pub struct DocContext {
    /// Lowercase-form hashes of words seen starting with a lowercase letter.
    seen_lower: HashSet<u64>,
    /// Lowercase-form hashes of capitalised words seen inside a sentence
    /// (not first, not in an all-caps line).
    seen_cap_inside: HashSet<u64>,
}

impl DocContext {
    /// Gathers the context of a document's sentences of analysed words.
    pub(crate) fn gather(sentences: &[Vec<Word>]) -> DocContext {
        let mut ctx = DocContext::default();
        for words in sentences {
            let headline = is_headline(words);
            for (i, w) in words.iter().enumerate() {
                if w.has(word::INIT_LOWER) {
                    ctx.seen_lower.insert(w.lower);
                } else if i > 0 && !headline && w.has(word::INIT_CAP) {
                    ctx.seen_cap_inside.insert(w.lower);
                }
            }
        }
        ctx
    }
}

/// Turns analysed words into feature bucket indices.
pub(crate) struct Extractor {
    shift: u32,
}

const NONE: u64 = 0x4E4F_4E45;
const START: u64 = 0x5354_4152;
const END: u64 = 0x454E_4400;

impl Extractor {
    /// An extractor for `2^bits` buckets (`bits` in 1..=31).
    pub(crate) fn new(bits: u32) -> Extractor {
        Extractor {
            shift: 64 - bits.clamp(1, 31),
        }
    }

    /// Appends the features of every token of one sentence to `out`;
    /// `offsets[i]..offsets[i + 1]` are token `i`'s features.
    pub(crate) fn sentence(
        &self,
        words: &[Word],
        doc: &DocContext,
        out: &mut Vec<u32>,
        offsets: &mut Vec<usize>,
    ) {
        out.clear();
        offsets.clear();
        offsets.push(0);
        let headline = is_headline(words);
        let at = |i: isize| -> Option<&Word> { if i < 0 { None } else { words.get(i as usize) } };
        let lower_at = |i: isize| at(i).map_or(if i < 0 { START } else { END }, |w| w.lower);
        let short_at = |i: isize| at(i).map_or(if i < 0 { START } else { END }, |w| w.short);
        for (i, w) in words.iter().enumerate() {
            let ii = i as isize;
            let mut push = |template: u64, a: u64, b: u64| {
                let h = combine(combine(template, a), b);
                out.push((h >> self.shift) as u32);
            };
            let (p1, n1, p2, n2) = (
                lower_at(ii - 1),
                lower_at(ii + 1),
                lower_at(ii - 2),
                lower_at(ii + 2),
            );
            let (sp1, sn1) = (short_at(ii - 1), short_at(ii + 1));
            push(0, NONE, NONE);
            push(1, w.lower, NONE);
            push(2, w.raw, NONE);
            push(3, w.shape, NONE);
            push(4, w.short, NONE);
            for (k, &h) in w.prefix.iter().enumerate() {
                if h != 0 {
                    push(5 + k as u64, h, NONE);
                }
            }
            for (k, &h) in w.suffix.iter().enumerate() {
                if h != 0 {
                    push(9 + k as u64, h, NONE);
                }
            }
            push(13, p1, NONE);
            push(14, n1, NONE);
            push(15, p2, NONE);
            push(16, n2, NONE);
            push(17, sp1, NONE);
            push(18, sn1, NONE);
            push(19, combine(sp1, w.short), sn1);
            push(20, p1, w.lower);
            push(21, w.lower, n1);
            push(22, p1, w.short);
            push(23, w.short, n1);
            push(24, u64::from(i == 0), w.short);
            push(25, u64::from(headline), w.short);
            if headline {
                push(26, w.lower, NONE);
            }
            push(27, p2, p1);
            push(28, w.suffix[2].max(w.suffix[0]), w.short);
            for bit in 0..gazetteer::CLASSES {
                let b = 1u16 << bit;
                if w.gaz & b != 0 {
                    push(29, u64::from(bit), NONE);
                    push(30, u64::from(bit), w.short);
                }
                if at(ii - 1).is_some_and(|p| p.gaz & b != 0) {
                    push(31, u64::from(bit), w.short);
                }
                if at(ii + 1).is_some_and(|p| p.gaz & b != 0) {
                    push(32, u64::from(bit), w.short);
                }
            }
            if w.has(word::INIT_CAP) {
                let lower_seen = doc.seen_lower.contains(&w.lower);
                let cap_seen = doc.seen_cap_inside.contains(&w.lower);
                push(33, u64::from(lower_seen), u64::from(i == 0 || headline));
                push(34, u64::from(cap_seen), u64::from(i == 0 || headline));
            }
            offsets.push(out.len());
        }
    }
}

/// Analyses a sentence's tokens.
pub(crate) fn analyse(tokens: &[&str], gaz: &Gazetteer) -> Vec<Word> {
    tokens.iter().map(|t| Word::new(t, gaz)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn features_are_in_range_and_deterministic() {
        let g = Gazetteer::new();
        let words = analyse(&["Mayor", "Ilse", "Varn", "visited", "Qorth", "."], &g);
        let doc = DocContext::gather(std::slice::from_ref(&words));
        let ex = Extractor::new(12);
        let (mut a, mut oa) = (Vec::new(), Vec::new());
        let (mut b, mut ob) = (Vec::new(), Vec::new());
        ex.sentence(&words, &doc, &mut a, &mut oa);
        ex.sentence(&words, &doc, &mut b, &mut ob);
        assert_eq!(a, b);
        assert_eq!(oa.len(), words.len() + 1);
        assert!(a.iter().all(|&f| f < 1 << 12));
        ex.sentence(&[], &doc, &mut a, &mut oa);
        assert!(a.is_empty());
    }
}
