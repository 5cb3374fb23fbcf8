//! Splits raw news text into sentences of tokens, CoNLL style.
//!
//! Words keep internal hyphens, apostrophes, ampersands and dots (`Rolls-Royce`,
//! `O'Neill`, `AT&T`, `U.S.`), numbers keep their separators (`1,200`, `3:30`),
//! a possessive `'s` is its own token, and every other punctuation mark
//! stands alone. A trailing dot stays on known abbreviations and initials.
//! Sentences end after `.`, `!` or `?` when the next token looks like a
//! sentence start, at blank lines, and at line breaks that do not look like
//! a hard-wrapped sentence. Offsets are byte offsets into the text, always
//! on character boundaries.

/// One token: bytes `start..end` of the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// Sentences longer than this are cut, bounding the work per sentence.
pub const MAX_SENTENCE_TOKENS: usize = 200;

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "gen", "col", "lt", "sgt", "capt", "maj",
    "gov", "sen", "rep", "rev", "inc", "corp", "co", "ltd", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs", "etc", "mt", "ft", "adm", "cmdr",
    "pres", "messrs", "ave", "bros", "dept", "est", "fig", "approx",
];

/// Abbreviations that precede a name, so never end a sentence.
const PRENOMINAL: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "gen", "col", "lt", "sgt", "capt", "maj", "gov", "sen",
    "rep", "rev", "adm", "cmdr", "pres", "messrs", "no", "vs", "mt", "ft",
];

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '\u{0300}'..='\u{036F}' | '\u{00AD}')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}')
}

/// Whether `word` (without its dot) keeps a trailing dot.
fn keeps_dot(word: &str) -> bool {
    let mut chars = word.chars();
    let first = chars.next();
    if first.is_some_and(char::is_alphabetic) && chars.next().is_none() {
        return true; // an initial
    }
    if word.contains('.') && !word.ends_with('.') {
        return true; // U.S, e.g
    }
    word.len() <= 8 && ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
}

fn is_prenominal(word: &str) -> bool {
    let w = word.strip_suffix('.').unwrap_or(word);
    let single = w.chars().count() == 1;
    single || PRENOMINAL.iter().any(|a| a.eq_ignore_ascii_case(w))
}

/// Splits `text` into tokens (no sentence breaks).
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let end_of = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    let mut i = 0;
    while i < chars.len() {
        let (b, c) = chars[i];
        if c.is_whitespace() || c.is_control() {
            i += 1;
            continue;
        }
        if !is_word_char(c) {
            // Runs of one punctuation mark stay together (`--`, `...`).
            let mut j = i + 1;
            while j < chars.len() && chars[j].1 == c && j - i < 8 {
                j += 1;
            }
            out.push(Token {
                start: b,
                end: end_of(j),
            });
            i = j;
            continue;
        }
        let mut j = i + 1;
        while j < chars.len() {
            let c = chars[j].1;
            if is_word_char(c) {
                j += 1;
                continue;
            }
            let prev = chars[j - 1].1;
            let next = chars.get(j + 1).map(|&(_, c)| c);
            let joins = match c {
                '-' | '&' | '.' | '/' => next.is_some_and(is_word_char),
                _ if is_apostrophe(c) => next.is_some_and(char::is_alphabetic),
                ',' | ':' => prev.is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit()),
                _ => false,
            };
            if !joins {
                break;
            }
            j += 1;
        }
        let mut end = end_of(j);
        // A trailing dot stays on abbreviations and initials.
        if j < chars.len() && chars[j].1 == '.' && keeps_dot(&text[b..end]) {
            j += 1;
            end = end_of(j);
        }
        // A possessive 's is its own token.
        let word = &text[b..end];
        let split = word.len() > 2
            && (word.ends_with("'s") || word.ends_with("'S") || word.ends_with("\u{2019}s"));
        if split {
            let cut = if word.ends_with("\u{2019}s") {
                end - 4
            } else {
                end - 2
            };
            out.push(Token { start: b, end: cut });
            out.push(Token { start: cut, end });
        } else {
            out.push(Token { start: b, end });
        }
        i = j;
    }
    out
}

/// Splits `text` into sentences of tokens.
pub fn sentences(text: &str) -> Vec<Vec<Token>> {
    let toks = tokens(text);
    let mut out: Vec<Vec<Token>> = Vec::new();
    let mut cur: Vec<Token> = Vec::new();
    for (k, &t) in toks.iter().enumerate() {
        if let Some(&last) = cur.last() {
            let gap = text.get(last.end..t.start).unwrap_or("");
            let newlines = gap.matches('\n').count();
            let word = text.get(t.start..t.end).unwrap_or("");
            let first = word.chars().next().unwrap_or(' ');
            let last_word = text.get(last.start..last.end).unwrap_or("");
            let opener = first.is_uppercase()
                || first.is_numeric()
                || matches!(first, '"' | '\u{201C}' | '\'' | '\u{2018}' | '(' | '[');
            // The last token that is not a closing quote or bracket.
            let core = cur
                .iter()
                .rev()
                .map(|t| text.get(t.start..t.end).unwrap_or(""))
                .find(|w| !matches!(*w, "\"" | "\u{201D}" | "'" | "\u{2019}" | ")" | "]"))
                .unwrap_or("");
            let final_mark = matches!(core, "." | "!" | "?" | "..." | "\u{2026}")
                || core.starts_with("!!")
                || core.starts_with("??");
            // A quote glued to the full stop closes the sentence; one after
            // a space opens the next.
            let closer_pending = gap.is_empty()
                && matches!(word, "\"" | "\u{201D}" | "'" | "\u{2019}" | ")" | "]")
                && final_mark
                && !matches!(last_word, "\"" | "\u{201D}");
            let abbrev_end = core.len() > 2
                && core.ends_with('.')
                && !is_prenominal(core)
                && newlines == 0
                && first.is_uppercase()
                && toks.get(k + 1).is_some_and(|n| {
                    // "U.S. President ..." keeps going; "... in the U.S. The" breaks.
                    let nw = text.get(n.start..n.end).unwrap_or("");
                    nw.chars().next().is_some_and(char::is_lowercase)
                        && matches!(
                            word,
                            "The" | "He" | "She" | "It" | "They" | "We" | "I" | "But"
                        )
                });
            let wrapped = newlines == 1 && first.is_lowercase();
            let brk = (newlines >= 2)
                || (newlines == 1 && !wrapped)
                || (final_mark && opener && !closer_pending)
                || abbrev_end
                || cur.len() >= MAX_SENTENCE_TOKENS;
            if brk {
                out.push(std::mem::take(&mut cur));
            }
        }
        cur.push(t);
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<Vec<&str>> {
        sentences(text)
            .iter()
            .map(|s| s.iter().map(|t| &text[t.start..t.end]).collect())
            .collect()
    }

    #[test]
    fn splits_words_like_conll() {
        let t =
            "Mr. Oskar Vell's firm, Vell-Harrow & Co., paid $1,200 (about 3:30 p.m.) in the U.S.";
        assert_eq!(
            words(t),
            vec![vec![
                "Mr.",
                "Oskar",
                "Vell",
                "'s",
                "firm",
                ",",
                "Vell-Harrow",
                "&",
                "Co.",
                ",",
                "paid",
                "$",
                "1,200",
                "(",
                "about",
                "3:30",
                "p.m.",
                ")",
                "in",
                "the",
                "U.S."
            ]]
        );
    }

    #[test]
    fn splits_sentences() {
        let t = "Dana Roe left Orvik. \"It was time,\" she said! Then Gen. Tal spoke.\n\nNEW HEADLINE HERE\nNext line";
        let w = words(t);
        assert_eq!(w.len(), 5, "{w:?}");
        assert_eq!(
            w[1],
            vec!["\"", "It", "was", "time", ",", "\"", "she", "said", "!"]
        );
        assert_eq!(w[2][..3], ["Then", "Gen.", "Tal"]);
    }

    #[test]
    fn offsets_are_char_boundaries_on_odd_text() {
        let t = "Zoë’s café—naïve “quotes” … 東京 \u{0}\u{301}x ’s";
        for s in sentences(t) {
            for tok in s {
                assert!(t.get(tok.start..tok.end).is_some_and(|w| !w.is_empty()));
            }
        }
        assert!(sentences("").is_empty());
        let long = "word ".repeat(1000);
        assert!(
            sentences(&long)
                .iter()
                .all(|s| s.len() <= MAX_SENTENCE_TOKENS)
        );
    }
}
