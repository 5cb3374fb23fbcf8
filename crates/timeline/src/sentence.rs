//! Sentence boundaries in news text, as byte spans.
//!
//! A sentence ends at a line break or at `.`, `!` or `?` (with any closing
//! quotes or brackets) followed by a space and a capital, a digit or an
//! opening quote; a full stop after a short capitalised word or a single
//! letter ("Mr.", "U.S.", "Jan.") does not end one.

/// Byte spans of the sentences of `text`, trimmed, in order.
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let end = match c {
            '\n' => Some(i),
            '.' | '!' | '?' => {
                // Closing quotes and brackets belong to the sentence.
                let mut j = i + c.len_utf8();
                while let Some(&(k, q)) = chars.peek() {
                    if matches!(q, '"' | '\'' | '”' | '’' | ')' | '»' | '.' | '!' | '?') {
                        j = k + q.len_utf8();
                        chars.next();
                    } else {
                        break;
                    }
                }
                let rest = text.get(j..).unwrap_or("");
                let next = rest.trim_start_matches([' ', '\t']);
                let spaced = next.len() < rest.len();
                let opens = next.chars().next().is_none_or(|n| {
                    n.is_uppercase()
                        || n.is_ascii_digit()
                        || matches!(n, '"' | '“' | '‘' | '\'' | '(' | '\n' | '«')
                });
                (spaced && opens && !(c == '.' && abbreviation(text.get(start..i).unwrap_or(""))))
                    .then_some(j)
            }
            _ => None,
        };
        if let Some(end) = end {
            push(text, start, end, &mut out);
            start = end;
        }
    }
    push(text, start, text.len(), &mut out);
    out
}

/// Whether the word before a full stop is an abbreviation: a single letter,
/// or a short capitalised word ("Mr", "Gen", "Jan"), or dotted ("U.S").
fn abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“')
        .next()
        .unwrap_or("");
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let capital = word.chars().next().is_some_and(char::is_uppercase);
    word.contains('.')
        || letters == 1
        || (capital && letters <= 3 && word.chars().all(char::is_alphabetic))
}

fn push(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let Some(s) = text.get(start..end) else {
        return;
    };
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    if !trimmed.is_empty() {
        out.push((start + lead, start + lead + trimmed.len()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(t: &str) -> Vec<&str> {
        sentences(t).into_iter().map(|(a, b)| &t[a..b]).collect()
    }

    #[test]
    fn splits_on_ends_not_abbreviations() {
        assert_eq!(
            split(
                "Mr. Haldane arrived at 9 a.m. on Monday. He left. \"Why?\" she asked.\nNext line"
            ),
            [
                "Mr. Haldane arrived at 9 a.m. on Monday.",
                "He left.",
                "\"Why?\" she asked.",
                "Next line"
            ]
        );
        assert_eq!(
            split("The U.S. Navy said so. Then it left."),
            ["The U.S. Navy said so.", "Then it left."]
        );
        assert_eq!(
            split("He said: \"It is over.\" Talks ended."),
            ["He said: \"It is over.\"", "Talks ended."]
        );
        assert!(split("").is_empty());
        assert_eq!(split("... «» ?"), ["...", "«» ?"]);
    }
}
