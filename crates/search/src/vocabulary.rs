//! The index's common words, and the word pairs indexed for them.
//!
//! A phrase query checks word positions in every document holding all of
//! its words, so a phrase of common words (`"said on Monday"`, `"prime
//! minister"`) costs time in proportion to the collection: 46 ms for a
//! pair of words found in every one of 700,000 documents. Search engines
//! index such phrases as single terms. Indexing every adjacent pair of
//! words doubled the index here (its term dictionary alone grew by 134 MB
//! on 100,000 articles), so only pairs of two *common* words are indexed
//! (as Lucene's CommonGrams does): a phrase that holds a rarer word is
//! cheap already, since the rarer word's few documents are the only ones
//! whose positions are checked.
//!
//! Which words are common depends on the collection, so the list is drawn
//! from the first articles indexed and kept in the index itself, as one
//! document that no query matches: a searcher reads the list of its own
//! snapshot, so queries and documents always agree on it. A list drawn
//! from few articles is drawn again (and the index rebuilt) once the store
//! has grown several times past them; see [`Vocabulary::stale`].

use std::collections::{HashMap, HashSet};

use rustc_hash::FxHashSet;
use tantivy::tokenizer::{TextAnalyzer, Token, TokenStream, Tokenizer};

/// Articles the list is drawn from, at most.
pub(crate) const SAMPLE: usize = 2_000;

/// Fewest articles a list is drawn from: fewer say little about which
/// words are common, and phrases over so few documents are cheap anyway.
const MIN_BASIS: usize = 250;

/// A list drawn from fewer than [`SAMPLE`] articles is drawn again once
/// the store holds this many times as many (at least [`MIN_BASIS`]), so
/// the index is rebuilt at most a few times, while it is small.
const GROWTH: u64 = 4;

/// A word is common when at least this share of the sampled articles
/// holds it. A phrase with a rarer word checks positions in at most this
/// share of the documents. Measured 2026-12-06: on 1,645 real articles
/// (fundus, Multi-News, AllSides) the index was 1.58 times their text
/// without pairs, 1.94 at 5% and 1,000 words, 1.77 at 10% and 300, 1.70 at
/// 15% and 200; on 100,000 synthetic ones 1.13, 1.37, 1.27, 1.23, with
/// phrase queries equally fast.
const SHARE: f64 = 0.15;

/// Most words in the list (the most widespread first): bounds the number
/// of distinct pairs, which is what the term dictionary pays for.
const MAX_WORDS: usize = 200;

/// What joins the two words of a pair term: the text analyzer splits
/// words on it, so no word holds one.
const JOIN: char = '_';

/// In a document's pair text, a break between two runs of pairs: it
/// takes a position, so the pairs on either side of it are not adjacent.
const GAP: &str = "|";

/// The kind field's value of the document that holds the list.
pub(crate) const KIND: &str = "vocabulary";

/// The common words of one index, and how many articles they were drawn from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Vocabulary {
    words: FxHashSet<String>,
    /// Articles the list was drawn from (0: none drawn yet).
    basis: usize,
}

impl Vocabulary {
    /// The words at least [`SHARE`] of `texts` hold (as `analyzer` reads
    /// them), the [`MAX_WORDS`] most widespread; none when there are fewer
    /// than [`MIN_BASIS`] texts.
    pub(crate) fn draw<'a>(
        analyzer: &mut TextAnalyzer,
        texts: impl IntoIterator<Item = &'a str>,
    ) -> Vocabulary {
        let mut df: HashMap<String, usize> = HashMap::new();
        let mut seen: HashSet<String> = HashSet::new();
        let mut basis = 0;
        for text in texts {
            basis += 1;
            seen.clear();
            analyzer.token_stream(text).process(&mut |t| {
                if !seen.contains(&t.text) {
                    seen.insert(t.text.clone());
                }
            });
            for w in seen.drain() {
                *df.entry(w).or_default() += 1;
            }
        }
        if basis < MIN_BASIS {
            return Vocabulary {
                words: FxHashSet::default(),
                basis,
            };
        }
        let least = ((basis as f64 * SHARE).ceil() as usize).max(2);
        let mut common: Vec<(String, usize)> =
            df.into_iter().filter(|&(_, n)| n >= least).collect();
        // Ties by word, so the same sample always gives the same list.
        common.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        common.truncate(MAX_WORDS);
        Vocabulary {
            words: common.into_iter().map(|(w, _)| w).collect(),
            basis,
        }
    }

    /// Whether the list should be drawn again (and the index rebuilt) now
    /// that the store holds `stored` articles: it was drawn from fewer
    /// than [`SAMPLE`] and the store has grown [`GROWTH`] times past them.
    pub(crate) fn stale(&self, stored: u64) -> bool {
        self.basis < SAMPLE && stored >= GROWTH * self.basis.max(MIN_BASIS) as u64
    }

    /// Articles the list was drawn from.
    pub(crate) fn basis(&self) -> usize {
        self.basis
    }

    /// How many common words there are.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether there are none (no pairs are indexed).
    pub(crate) fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The pair terms of one text, for the `pairs` field: a term for
    /// every two adjacent common words (`said_on on_monday`), runs of them
    /// apart by a [`GAP`]. `None` when there is none.
    pub(crate) fn pairs(&self, analyzer: &mut TextAnalyzer, text: &str) -> Option<String> {
        if self.is_empty() {
            return None;
        }
        let mut out = String::new();
        // The previous word and its position, when it was a common one.
        let mut prev = String::new();
        let mut prev_at: Option<usize> = None;
        // Whether the last thing written is a pair that a next one continues.
        let mut run_at: Option<usize> = None;
        let mut stream = analyzer.token_stream(text);
        while stream.advance() {
            let t = stream.token();
            if !self.words.contains(t.text.as_str()) {
                prev_at = None;
                continue;
            }
            if prev_at.is_some_and(|p| p + 1 == t.position) {
                if !out.is_empty() {
                    out.push(' ');
                    if run_at.is_none_or(|r| r + 1 != t.position) {
                        out.push_str(GAP);
                        out.push(' ');
                    }
                }
                out.push_str(&prev);
                out.push(JOIN);
                out.push_str(&t.text);
                run_at = Some(t.position);
            }
            prev.clear();
            prev.push_str(&t.text);
            prev_at = Some(t.position);
        }
        (!out.is_empty()).then_some(out)
    }

    /// A phrase as pair terms (space-separated, for the pair field), when
    /// every word of it is common and it has two or more; `None` when it
    /// must be matched word by word.
    pub(crate) fn phrase(&self, analyzer: &mut TextAnalyzer, phrase: &str) -> Option<String> {
        let mut words: Vec<(usize, String)> = Vec::new();
        analyzer
            .token_stream(phrase)
            .process(&mut |t| words.push((t.position, t.text.clone())));
        let consecutive = words.windows(2).all(|w| w[0].0 + 1 == w[1].0);
        if words.len() < 2 || !consecutive || !words.iter().all(|(_, w)| self.words.contains(w)) {
            return None;
        }
        let terms: Vec<String> = words.windows(2).map(|w| pair(&w[0].1, &w[1].1)).collect();
        Some(terms.join(" "))
    }

    /// The list as stored in its document: the basis, then one word a line.
    pub(crate) fn to_stored(&self) -> String {
        let mut words: Vec<&str> = self.words.iter().map(String::as_str).collect();
        words.sort_unstable();
        let mut out = self.basis.to_string();
        for w in words {
            out.push('\n');
            out.push_str(w);
        }
        out
    }

    /// Reads [`to_stored`](Self::to_stored)'s form back; `None` if it is not that.
    pub(crate) fn from_stored(text: &str) -> Option<Vocabulary> {
        let mut lines = text.lines();
        let basis = lines.next()?.parse().ok()?;
        Some(Vocabulary {
            words: lines.filter(|w| !w.is_empty()).map(str::to_owned).collect(),
            basis,
        })
    }
}

/// The tokenizer of the `pairs` field: terms split on spaces, each
/// [`GAP`] taking a position of its own without being indexed.
#[derive(Debug, Clone, Default)]
pub(crate) struct PairTokenizer {
    token: Token,
}

/// [`PairTokenizer`]'s stream over one text.
pub(crate) struct PairStream<'a> {
    words: std::str::SplitAsciiWhitespace<'a>,
    token: &'a mut Token,
    at: usize,
}

impl Tokenizer for PairTokenizer {
    type TokenStream<'a> = PairStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> PairStream<'a> {
        self.token.reset();
        PairStream {
            words: text.split_ascii_whitespace(),
            token: &mut self.token,
            at: 0,
        }
    }
}

impl TokenStream for PairStream<'_> {
    fn advance(&mut self) -> bool {
        for w in self.words.by_ref() {
            let at = self.at;
            self.at += 1;
            if w != GAP {
                self.token.text.clear();
                self.token.text.push_str(w);
                self.token.position = at;
                return true;
            }
        }
        false
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

/// The pair term of two adjacent words.
fn pair(a: &str, b: &str) -> String {
    let mut t = String::with_capacity(a.len() + b.len() + 1);
    t.push_str(a);
    t.push(JOIN);
    t.push_str(b);
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema;

    fn analyzer() -> TextAnalyzer {
        let index = tantivy::Index::create_in_ram(schema::build().0);
        schema::register(&index);
        index.tokenizers().get(schema::TEXT).unwrap()
    }

    fn sample() -> Vec<String> {
        (0..400)
            .map(|i| {
                format!(
                    "The minister said on Monday that report {i} was late. Zürich{}",
                    i % 3
                )
            })
            .collect()
    }

    #[test]
    fn common_words_are_those_of_many_articles() {
        let mut a = analyzer();
        let texts = sample();
        let v = Vocabulary::draw(&mut a, texts.iter().map(String::as_str));
        assert_eq!(v.basis(), 400);
        for w in ["the", "minister", "said", "on", "monday", "zurich0"] {
            assert!(v.words.contains(w), "{w}");
        }
        // In one article each.
        assert!(!v.words.contains("17"));
        assert_eq!(Vocabulary::from_stored(&v.to_stored()), Some(v));
    }

    #[test]
    fn too_few_articles_give_no_list_and_a_redraw_later() {
        let mut a = analyzer();
        let v = Vocabulary::draw(&mut a, ["a b c"; 10]);
        assert!(v.words.is_empty());
        assert!(v.pairs(&mut a, "a b c").is_none());
        assert!(!v.stale(999) && v.stale(1_000));
        let full = Vocabulary {
            words: FxHashSet::default(),
            basis: SAMPLE,
        };
        assert!(!full.stale(u64::MAX));
    }

    #[test]
    fn pairs_join_adjacent_common_words_only() {
        let mut a = analyzer();
        let texts = sample();
        let v = Vocabulary::draw(&mut a, texts.iter().map(String::as_str));
        let p = v
            .pairs(&mut a, "The minister said on Monday: Drummond said on")
            .unwrap();
        assert_eq!(p, "the_minister minister_said said_on on_monday | said_on");
        let mut got = Vec::new();
        PairTokenizer::default()
            .token_stream(&p)
            .process(&mut |t| got.push((t.position, t.text.clone())));
        let want = [
            (0, "the_minister"),
            (1, "minister_said"),
            (2, "said_on"),
            (3, "on_monday"),
            (5, "said_on"),
        ];
        assert_eq!(got, want.map(|(p, t)| (p, t.to_string())));
        assert_eq!(
            v.phrase(&mut a, "Said on MONDAY").as_deref(),
            Some("said_on on_monday")
        );
        assert_eq!(v.phrase(&mut a, "said Drummond"), None);
        assert_eq!(v.phrase(&mut a, "monday"), None);
    }
}
