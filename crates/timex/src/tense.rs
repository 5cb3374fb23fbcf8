//! Tense: which way an expression without a year leans, from the verbs
//! around it.
//!
//! "on Friday" in "will meet on Friday" is the coming Friday; in "met on
//! Friday" the last one. We look for a cue word within the sentence,
//! nearest first (backwards, then forwards), a bounded number of tokens.

use crate::anchor::Lean;
use crate::scanner::{Shape, Token};

/// How far to look for a cue, in tokens.
const BACK: usize = 12;
const AHEAD: usize = 8;

/// The lean the sentence suggests for the phrase at tokens `first..end`,
/// or `None` when no cue is near.
pub(crate) fn lean(text: &str, toks: &[Token], first: usize, end: usize) -> Option<Lean> {
    let mut i = first;
    let mut steps = 0;
    while i > 0 && steps < BACK {
        i -= 1;
        steps += 1;
        let t = &toks[i];
        if ends_sentence(t) {
            break;
        }
        if let Some(l) = cue(text, toks, i) {
            return Some(l);
        }
        if t.newline {
            break;
        }
    }
    let stop = end.saturating_add(AHEAD).min(toks.len());
    for i in end..stop {
        let t = &toks[i];
        if ends_sentence(t) || t.newline {
            break;
        }
        if let Some(l) = cue(text, toks, i) {
            return Some(l);
        }
    }
    None
}

fn ends_sentence(t: &Token) -> bool {
    t.is('.') || t.is('!') || t.is('?') || t.is(';')
}

/// The lean a single word signals.
fn cue(text: &str, toks: &[Token], i: usize) -> Option<Lean> {
    let t = &toks[i];
    if t.shape != Shape::Word {
        return None;
    }
    let w = text.get(t.start..t.end)?;
    if w.len() > 12 || !w.is_ascii() {
        return None;
    }
    let mut buf = [0u8; 12];
    for (b, c) in buf.iter_mut().zip(w.bytes()) {
        *b = c.to_ascii_lowercase();
    }
    let w = std::str::from_utf8(&buf[..w.len()]).ok()?;
    match w {
        "will" | "shall" | "plans" | "plan" | "planned" | "planning" | "scheduled" | "expected"
        | "expects" | "expect" | "due" | "upcoming" | "hopes" | "intends" | "aims" | "tomorrow"
        | "next" | "coming" | "until" | "would" | "could" | "soon" | "likely" | "set"
        | "tentatively" => return Some(Lean::Future),
        "ll" if i > 0 && toks[i - 1].is('\'') => return Some(Lean::Future),
        "was" | "were" | "had" | "did" | "said" | "told" | "met" | "held" | "made" | "took"
        | "gave" | "came" | "went" | "began" | "fell" | "rose" | "won" | "lost" | "saw" | "ago"
        | "last" | "earlier" | "yesterday" | "since" | "sold" | "paid" | "left" | "spoke"
        | "wrote" | "got" | "became" | "kept" | "led" => {
            return Some(Lean::Past);
        }
        _ => {}
    }
    (w.len() >= 5 && w.ends_with("ed") && !w.ends_with("eed")).then_some(Lean::Past)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scanner::scan;

    fn lean_of(s: &str, word: &str) -> Option<Lean> {
        let toks = scan(s);
        let i = toks
            .iter()
            .position(|t| &s[t.start..t.end] == word)
            .unwrap();
        lean(s, &toks, i, i + 1)
    }

    #[test]
    fn finds_cues() {
        assert_eq!(
            lean_of("She will visit on Friday.", "Friday"),
            Some(Lean::Future)
        );
        assert_eq!(
            lean_of("She visited on Friday.", "Friday"),
            Some(Lean::Past)
        );
        assert_eq!(
            lean_of("On Friday she arrived.", "Friday"),
            Some(Lean::Past)
        );
        assert_eq!(
            lean_of("They'll talk on Friday.", "Friday"),
            Some(Lean::Future)
        );
        assert_eq!(lean_of("A visit. On Friday", "Friday"), None);
    }
}
