//! Sentences: byte spans of the sentences of a text.
//!
//! A line break always ends a sentence (headlines, captions and paragraphs
//! sit on lines of their own). Within a line a sentence ends at `.`, `!`,
//! `?` or `…` (with any closing quotes or brackets) followed by white space
//! and a capital, a digit or an opening quote, unless the full stop closes
//! an abbreviation ("Gov.", "Jan. 5", "U.S. officials") or an initial.

/// The longest prefix of `s` of at most `max` bytes that ends on a char boundary.
pub(crate) fn prefix(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while end > 0 && !s.is_char_boundary(end) {
        end -= 1;
    }
    s.get(..end).unwrap_or("")
}

/// Byte spans of at most `max` sentences of `text`, trimmed, in order.
pub(crate) fn split(text: &str, max: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0usize;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if out.len() >= max {
            return out;
        }
        let end = match c {
            '\n' | '\r' | '\u{2028}' | '\u{2029}' => Some(i),
            '.' | '!' | '?' | '\u{2026}' => {
                let mut j = i + c.len_utf8();
                let mut run = 1usize;
                while let Some(&(k, q)) = iter.peek() {
                    if matches!(q, '.' | '!' | '?' | '\u{2026}') {
                        run += 1;
                    } else if !is_closer(q) {
                        break;
                    }
                    j = k + q.len_utf8();
                    iter.next();
                }
                let rest = text.get(j..).unwrap_or("");
                let next = rest.trim_start_matches([' ', '\t', '\u{a0}']);
                let spaced = next.len() < rest.len();
                let opens = next.chars().next().is_none_or(|n| {
                    n.is_uppercase() || n.is_ascii_digit() || is_opener(n) || n == '\n'
                });
                let lone_stop = c == '.' && run == 1;
                let abbrev = lone_stop && abbreviation(text.get(start..i).unwrap_or(""), next);
                (spaced && opens && !abbrev).then_some(j)
            }
            _ => None,
        };
        if let Some(end) = end {
            push(text, start, end, &mut out);
            start = end;
        }
    }
    if out.len() < max {
        push(text, start, text.len(), &mut out);
    }
    out
}

fn push(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let Some(s) = text.get(start..end) else {
        return;
    };
    let lead = s.len() - s.trim_start().len();
    let body = s.trim();
    if !body.is_empty() {
        out.push((start + lead, start + lead + body.len()));
    }
}

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | ')' | ']' | '\u{201d}' | '\u{2019}' | '\u{bb}'
    )
}

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '(' | '[' | '\u{201c}' | '\u{2018}' | '\u{ab}'
    )
}

/// Titles and months that are never the last word of a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt", "adm",
    "maj", "rev", "st", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "no", "vs", "v", "ft", "mt", "atty", "supt", "cmdr", "pres", "gov",
];

/// Words that usually open a sentence: after an ambiguous abbreviation
/// ("U.S.", an initial) they signal that it ended there.
const STARTERS: &[&str] = &[
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "but", "and", "in", "this", "that",
    "there", "his", "her", "their", "its", "if", "when", "while", "after", "as", "so", "now",
];

/// Whether the full stop after `before` (the sentence so far) closes an
/// abbreviation rather than the sentence, given what follows (`next`).
fn abbreviation(before: &str, next: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || is_opener(c))
        .next()
        .unwrap_or("");
    let lower: String = word.chars().take(8).flat_map(char::to_lowercase).collect();
    if ABBREVIATIONS.contains(&lower.as_str()) {
        // "No. 1" is a number sign; "... said no. The ..." ends.
        return lower != "no" || next.starts_with(|c: char| c.is_ascii_digit());
    }
    let next_word: String = next
        .chars()
        .take_while(|c| c.is_alphabetic())
        .take(12)
        .flat_map(char::to_lowercase)
        .collect();
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let initial = letters == 1 && word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    let dotted = word.contains('.') && word.chars().all(|c| c == '.' || c.is_alphabetic());
    (initial || dotted) && !STARTERS.contains(&next_word.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(t: &str) -> Vec<&str> {
        split(t, 100)
            .into_iter()
            .filter_map(|(a, b)| t.get(a..b))
            .collect()
    }

    #[test]
    fn splits_sentences_not_abbreviations() {
        let t = "Gov. Lee met Mr. Ode on Jan. 5 in the U.S. capital. They spoke.\n\"Why?\" he asked. J. R. Ode left.";
        assert_eq!(
            texts(t),
            vec![
                "Gov. Lee met Mr. Ode on Jan. 5 in the U.S. capital.",
                "They spoke.",
                "\"Why?\" he asked.",
                "J. R. Ode left.",
            ]
        );
    }

    #[test]
    fn caps_and_odd_text() {
        assert_eq!(split("A. B. C. D. E.", 2).len(), 1);
        assert_eq!(split("One. Two. Three.", 2).len(), 2);
        for t in ["", ".", "...", "é. É", "\u{2026}\n", " . . A", "x.\u{a0}Y"] {
            let _ = split(t, 10);
        }
        assert_eq!(prefix("éé", 3), "é");
    }
}
