//! A text laid out once for every reader of quotes: its tokens, its paired
//! quotation marks, which tokens stand outside a quotation, and its
//! sentences (a wire dateline left out of the first).

use crate::marks::{Quoted, pair};
use crate::sentence::{after_dateline, split};
use crate::token::{Tok, tokenize};

/// What the English and the other-language readers both start from.
pub struct Layout {
    /// The text's tokens.
    pub toks: Vec<Tok>,
    /// Its quotations, in text order.
    pub quotes: Vec<Quoted>,
    /// Per token: whether it lies outside every quotation.
    pub outside: Vec<bool>,
    /// Sentences as token ranges, datelines skipped.
    pub sents: Vec<(usize, usize)>,
}

impl Layout {
    /// Lays out `text`; `None` when it has no tokens.
    pub fn read(text: &str) -> Option<Layout> {
        let toks = tokenize(text);
        if toks.is_empty() {
            return None;
        }
        let quotes = pair(text, &toks);
        let mut outside = vec![true; toks.len()];
        for q in &quotes {
            for o in outside.iter_mut().take(q.close + 1).skip(q.open) {
                *o = false;
            }
        }
        let sents = split(text, &toks, &quotes)
            .into_iter()
            .map(|(a, b)| (after_dateline(text, &toks, a, b), b))
            .collect();
        Some(Layout {
            toks,
            quotes,
            outside,
            sents,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_tokens_are_not_outside() {
        let t = "The mayor said \u{201c}the pier will hold\u{201d} on Monday.";
        let l = Layout::read(t).expect("tokens");
        assert_eq!(l.quotes.len(), 1);
        let q = &l.quotes[0];
        assert!(l.outside[..q.open].iter().all(|&o| o));
        assert!(l.outside[q.open..=q.close].iter().all(|&o| !o));
        assert_eq!(l.sents.len(), 1);
        assert!(Layout::read("").is_none());
    }
}
