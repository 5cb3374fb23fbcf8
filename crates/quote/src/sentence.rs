//! Sentences as token ranges. Quoted stretches are opaque: a quote holding
//! several sentences stays inside the one sentence that carries its
//! attribution (`“A. B,” he said.`).

use crate::cue::is_cue_word;
use crate::marks::Quoted;
use crate::token::{Tk, Tok};

/// Splits tokens into sentences `[first, end)`; paragraph breaks outside
/// quotes always end a sentence and belong to none.
pub fn split(text: &str, toks: &[Tok], quotes: &[Quoted]) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(toks.len() / 16 + 1);
    let mut first = 0;
    let mut q = 0;
    let mut i = 0;
    while i < toks.len() {
        // Jump over a quoted stretch, then decide whether it ends a sentence.
        if let Some(quote) = quotes.get(q)
            && quote.open == i
        {
            q += 1;
            let close = quote.close.min(toks.len() - 1).max(i);
            let inner_end = close
                .checked_sub(1)
                .and_then(|c| toks.get(c))
                .is_some_and(|t| matches!(t.k, Tk::Punct('.') | Tk::Punct('!') | Tk::Punct('?')));
            i = close + 1;
            let opened_sentence = quote.open == first;
            if (inner_end || !quote.closed) && (!opened_sentence || ends_after(text, toks, i)) {
                push(&mut out, first, i);
                first = i;
            }
            continue;
        }
        let t = toks[i];
        match t.k {
            Tk::Para => {
                push(&mut out, first, i);
                first = i + 1;
            }
            Tk::Punct('.') | Tk::Punct('!') | Tk::Punct('?') | Tk::Punct('\u{2026}') => {
                let next = toks.get(i + 1);
                let boundary = match next {
                    None => true,
                    Some(n) => match n.k {
                        Tk::Word => n.cap || n.text(text).starts_with(|c: char| c.is_ascii_digit()),
                        Tk::Mark(_) | Tk::Para => true,
                        _ => false,
                    },
                };
                if boundary {
                    push(&mut out, first, i + 1);
                    first = i + 1;
                }
            }
            // `... in the U.S. The next ...`: a place abbreviation ends the
            // sentence when a clear sentence opener follows.
            Tk::Word if t.text(text).ends_with('.') && t.text(text).len() <= 5 => {
                let w = t.text(text);
                let place = ["u.s.", "u.n.", "u.k.", "d.c."]
                    .iter()
                    .any(|p| p.eq_ignore_ascii_case(w));
                // Not a quotation mark: `the U.S. “does not ...”` runs on.
                let opener = toks.get(i + 1).is_some_and(|n| match n.k {
                    Tk::Word => [
                        "the", "he", "she", "they", "it", "but", "we", "i", "a", "an", "this",
                        "that", "and", "in", "there",
                    ]
                    .iter()
                    .any(|x| n.cap && x.eq_ignore_ascii_case(n.text(text))),
                    _ => false,
                });
                if place && opener {
                    push(&mut out, first, i + 1);
                    first = i + 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    push(&mut out, first, toks.len());
    out
}

/// After a sentence-opening quote that ends with terminal punctuation: a
/// new sentence starts unless an attribution (`Trump said`) follows at once.
fn ends_after(text: &str, toks: &[Tok], i: usize) -> bool {
    let Some(n) = toks.get(i) else { return true };
    match n.k {
        Tk::Para | Tk::Mark(_) => true,
        // Look past an appositive: `” Graham, a former candidate, told`.
        Tk::Word if n.cap => !toks[i..]
            .iter()
            .take(14)
            .take_while(|t| t.is_word() || t.is_punct(',') || t.is_punct('.'))
            .any(|t| is_cue_word(t.text(text))),
        _ => false,
    }
}

fn push(out: &mut Vec<(usize, usize)>, first: usize, end: usize) {
    if end > first {
        out.push((first, end));
    }
}

/// The first token of sentence `[first, end)` after a leading wire dateline
/// ("TILDE, Estravia (Agency) – ", "Tilde [Estravia], March 3 : "), which
/// is no part of what anyone said.
pub fn after_dateline(text: &str, toks: &[Tok], first: usize, end: usize) -> usize {
    let (Some(a), Some(b)) = (
        toks.get(first),
        end.checked_sub(1).and_then(|e| toks.get(e)),
    ) else {
        return first;
    };
    let cut = text.get(a.s..b.e).map_or(0, storyline_sentence::dateline);
    if cut == 0 {
        return first;
    }
    (first..end)
        .find(|&k| toks[k].s >= a.s + cut)
        .unwrap_or(first)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::marks::pair;
    use crate::token::tokenize;

    #[test]
    fn datelines_are_skipped() {
        let t = "Tilde [Estravia], March 3 : Rain fell, the agency reported.";
        let toks = tokenize(t);
        let first = after_dateline(t, &toks, 0, toks.len());
        assert_eq!(toks[first].text(t), "Rain");
        let plain = "Rain fell, the agency reported.";
        let toks = tokenize(plain);
        assert_eq!(after_dateline(plain, &toks, 0, toks.len()), 0);
    }

    #[test]
    fn quotes_are_opaque() {
        let t = "\u{201C}One. Two,\u{201D} he said. Mr. Smith left.\n\nNew one.";
        let toks = tokenize(t);
        let q = pair(t, &toks);
        let s = split(t, &toks, &q);
        let texts: Vec<&str> = s
            .iter()
            .map(|&(a, b)| &t[toks[a].s..toks[b - 1].e])
            .collect();
        assert_eq!(
            texts,
            [
                "\u{201C}One. Two,\u{201D} he said.",
                "Mr. Smith left.",
                "New one."
            ]
        );
    }

    #[test]
    fn place_abbreviation_ends_a_sentence() {
        let t = "She moved to the U.S. The farm stayed. The U.S. Senate met.";
        let toks = tokenize(t);
        let q = pair(t, &toks);
        assert_eq!(split(t, &toks, &q).len(), 3);
    }
}
