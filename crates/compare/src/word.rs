//! Words: tokens with byte offsets, content words and their plain forms.
//!
//! A token is a word (letters, digits and inner apostrophes), a number
//! (digits with inner `,` or `.` between digits) or one punctuation mark.
//! Content words are lowercase words that are not function words, with a
//! light plural strip so "deaths" meets "death" and "talks" meets "talk".

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters (maybe with digits and inner apostrophes).
    Word,
    /// Digits, maybe with inner `,` or `.` ("1,200", "1.5").
    Number,
    /// One character that is neither (punctuation, symbols).
    Mark,
}

/// A token of a sentence.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Token<'a> {
    /// The token's text.
    pub text: &'a str,
    /// Byte offset in the text it came from.
    pub start: usize,
    /// What it is.
    pub kind: Kind,
}

impl Token<'_> {
    /// Whether this is the one-character mark `c`.
    pub fn is(&self, c: char) -> bool {
        self.kind == Kind::Mark && self.text.starts_with(c)
    }

    /// Lowercase text, at most 24 characters (words we compare are short).
    pub fn lower(&self) -> String {
        self.text
            .chars()
            .take(24)
            .flat_map(char::to_lowercase)
            .collect()
    }

    /// Whether the word begins with a capital letter.
    pub fn capital(&self) -> bool {
        self.kind == Kind::Word && self.text.starts_with(char::is_uppercase)
    }
}

/// Tokens of `text`, at most `max`.
pub(crate) fn tokens(text: &str, max: usize) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let byte = |k: usize| chars.get(k).map_or(text.len(), |&(b, _)| b);
    let mut i = 0;
    while i < chars.len() && out.len() < max {
        let (b, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let (kind, mut j) = if c.is_ascii_digit() {
            (Kind::Number, i + 1)
        } else if c.is_alphanumeric() {
            (Kind::Word, i + 1)
        } else {
            (Kind::Mark, i + 1)
        };
        if kind != Kind::Mark {
            while j < chars.len() {
                let d = chars[j].1;
                let inner = |k: usize| chars.get(k).map(|&(_, x)| x);
                let ok = match kind {
                    Kind::Number => {
                        d.is_ascii_digit()
                            || (matches!(d, ',' | '.')
                                && inner(j + 1).is_some_and(|x| x.is_ascii_digit()))
                    }
                    _ => {
                        d.is_alphanumeric()
                            || (matches!(d, '\'' | '\u{2019}')
                                && inner(j + 1).is_some_and(char::is_alphabetic))
                    }
                };
                if !ok {
                    break;
                }
                j += 1;
            }
        }
        // "19th", "5pm", "3D": digits glued to letters are a word, not a figure.
        let kind = if kind == Kind::Number && chars.get(j).is_some_and(|&(_, x)| x.is_alphabetic())
        {
            while j < chars.len() && chars[j].1.is_alphanumeric() {
                j += 1;
            }
            Kind::Word
        } else {
            kind
        };
        if let Some(t) = text.get(b..byte(j)) {
            out.push(Token {
                text: t,
                start: b,
                kind,
            });
        }
        i = j;
    }
    out
}

/// Words that carry no content here beyond the shared function words
/// and weekdays (`storyline_lexicon`): contractions and other time words.
const STOP: &[&str] = &[
    "saying",
    "tell",
    "added",
    "went",
    "go",
    "it's",
    "that's",
    "he's",
    "she's",
    "they're",
    "we're",
    "there's",
    "don't",
    "didn't",
    "doesn't",
    "isn't",
    "wasn't",
    "won't",
    "can't",
    "week",
    "year",
    "day",
    "today",
    "yesterday",
    "tomorrow",
    "time",
    "cent",
];

/// Whether a lowercase word is a function word.
pub(crate) fn stop(lower: &str) -> bool {
    let lower = lower.replace('\u{2019}', "'");
    storyline_lexicon::is_function_word(&lower)
        || storyline_lexicon::is_weekday(&lower)
        || STOP.contains(&lower.as_str())
}

/// The plain form of a lowercase word: possessive and plural endings off.
pub(crate) fn stem(lower: &str) -> String {
    let w = lower
        .strip_suffix("'s")
        .or_else(|| lower.strip_suffix("\u{2019}s"))
        .unwrap_or(lower);
    let n = w.chars().count();
    if n > 4
        && let Some(base) = w.strip_suffix("ies")
    {
        return format!("{base}y");
    }
    if n > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        return w[..w.len() - 1].to_string();
    }
    w.to_string()
}

/// The root of a lowercase word, for matching content across outlets:
/// the plain form with "-ing" and "-ed" off, then a final "e" and a
/// doubled final consonant, so "prohibits", "prohibited" and "prohibiting"
/// meet, as do "require", "requires" and "required". Roots are keys, not
/// words to show.
pub(crate) fn root(lower: &str) -> String {
    let mut w = stem(lower);
    let n = w.chars().count();
    if n > 5 && w.ends_with("ing") {
        w.truncate(w.len() - 3);
    } else if n > 4 && w.ends_with("ed") && !w.ends_with("eed") {
        w.truncate(w.len() - 2);
    }
    if w.chars().count() > 4 && w.ends_with('e') {
        w.pop();
    }
    let mut tail = w.chars().rev();
    if let (Some(a), Some(b)) = (tail.next(), tail.next())
        && a == b
        && w.chars().count() > 4
        && a.is_ascii_alphabetic()
        && !matches!(a, 'l' | 's' | 'z' | 'e' | 'o')
    {
        w.pop();
    }
    w
}

/// The content key of a token, if it is a content word or a number.
pub(crate) fn content(t: &Token) -> Option<String> {
    match t.kind {
        Kind::Mark => None,
        Kind::Number => Some(t.text.replace(',', "")),
        Kind::Word => {
            let lower = t.lower();
            if lower.chars().count() < 2 || stop(&lower) {
                return None;
            }
            Some(root(&lower))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_numbers_and_words() {
        let t = tokens(
            "At least 1,200 people's homes ($1.5m) in COVID-19 on the 19th.",
            100,
        );
        let texts: Vec<&str> = t.iter().map(|t| t.text).collect();
        assert_eq!(
            texts,
            vec![
                "At", "least", "1,200", "people's", "homes", "(", "$", "1.5m", ")", "in", "COVID",
                "-", "19", "on", "the", "19th", "."
            ]
        );
        assert_eq!(t[2].kind, Kind::Number);
        assert_eq!(t[7].kind, Kind::Word);
        assert_eq!(t[12].kind, Kind::Number);
        assert_eq!(tokens("a b c", 2).len(), 2);
    }

    #[test]
    fn stems() {
        assert_eq!(stem("deaths"), "death");
        assert_eq!(stem("casualties"), "casualty");
        assert_eq!(stem("putin's"), "putin");
        assert_eq!(stem("congress"), "congress");
        assert_eq!(stem("virus"), "virus");
        assert_eq!(stem("é's"), "é");
        for w in ["prohibits", "prohibited", "prohibiting", "prohibit"] {
            assert_eq!(root(w), "prohibit", "{w}");
        }
        for w in ["require", "requires", "required", "requiring"] {
            assert_eq!(root(w), "requir", "{w}");
        }
        assert_eq!(root("planned"), "plan");
        assert_eq!(root("killed"), "kill");
    }
}
