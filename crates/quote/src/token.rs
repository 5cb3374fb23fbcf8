//! Tokens: words, punctuation, quotation marks and paragraph breaks, with
//! byte offsets into the article.
//!
//! Every later stage works on this one token list, so the text is walked
//! once. Offsets always sit on char boundaries because they come from
//! `char_indices`.

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tk {
    /// Letters/digits, with inner apostrophes, hyphens and dots (`don't`,
    /// `U.S`, `72-year-old`); a known abbreviation keeps its final dot.
    Word,
    /// One punctuation character that is not a quotation mark.
    Punct(char),
    /// A quotation mark; `'\u{2033}'` stands for a doubled ASCII apostrophe
    /// (`''`) and `'\u{2036}'` for a doubled backtick.
    Mark(char),
    /// One or more line breaks.
    Para,
}

/// Stand-in char for `''` (two ASCII apostrophes used as a double mark).
pub const APOS2: char = '\u{2033}';
/// Stand-in char for ``` `` ``` (two backticks opening a quote).
pub const TICK2: char = '\u{2036}';

/// One token.
#[derive(Clone, Copy, Debug)]
pub struct Tok {
    /// Byte offset of the first char.
    pub s: usize,
    /// Byte offset just past the last char.
    pub e: usize,
    /// The kind.
    pub k: Tk,
    /// For words: the first char is upper case.
    pub cap: bool,
}

impl Tok {
    /// The token's text.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.s..self.e).unwrap_or("")
    }

    /// Whether this is a word.
    pub fn is_word(&self) -> bool {
        self.k == Tk::Word
    }

    /// Whether this is the punctuation char `c`.
    pub fn is_punct(&self, c: char) -> bool {
        self.k == Tk::Punct(c)
    }

    /// Whether this ends a sentence: a paragraph break, a full stop, a
    /// question or an exclamation mark.
    pub fn ends_sentence(&self) -> bool {
        matches!(self.k, Tk::Para | Tk::Punct('.' | '!' | '?'))
    }
}

/// Titles and other words whose final dot is not a sentence end.
const ABBREV: &[&str] = &[
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "st", "jr", "sr", "lt", "col", "sgt",
    "prof", "rev", "pres", "no", "vs", "v", "inc", "corp", "co", "ltd", "jan", "feb", "mar", "apr",
    "aug", "sept", "sep", "oct", "nov", "dec", "u.s", "u.n", "u.k", "d.c", "e.g", "i.e", "a.m",
    "p.m", "capt", "cmdr", "adm", "maj", "supt", "atty", "ft", "mt", "messrs",
];

fn is_abbrev(word: &str) -> bool {
    if word.chars().count() == 1 {
        return word.chars().all(|c| c.is_uppercase());
    }
    word.len() <= 8 && ABBREV.iter().any(|a| a.eq_ignore_ascii_case(word))
}

fn is_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201C}'
            | '\u{201D}'
            | '\u{201E}'
            | '\u{00AB}'
            | '\u{00BB}'
            | '\u{2018}'
            | '\u{2019}'
            | '\''
            | '\u{201A}'
            | '\u{2039}'
            | '\u{203A}'
            | '\u{201F}'
    )
}

/// The word at token `i` of `toks` over `text`, or `""` when that token is
/// punctuation or past the end.
pub fn word_at<'a>(text: &'a str, toks: &[Tok], i: usize) -> &'a str {
    toks.get(i)
        .filter(|t| t.is_word())
        .map(|t| t.text(text))
        .unwrap_or("")
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Tok> {
    let mut out = Vec::with_capacity(text.len() / 5 + 4);
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c == '\n' || c == '\r' || c == '\u{2029}' {
            let mut e = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                if d.is_whitespace() {
                    if d == '\n' || d == '\r' {
                        e = j + 1;
                    }
                    it.next();
                } else {
                    break;
                }
            }
            if !matches!(out.last(), Some(Tok { k: Tk::Para, .. })) {
                out.push(Tok {
                    s: i,
                    e,
                    k: Tk::Para,
                    cap: false,
                });
            }
            continue;
        }
        if c.is_whitespace() {
            continue;
        }
        if c.is_alphanumeric() {
            let mut e = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                if d.is_alphanumeric() {
                    e = j + d.len_utf8();
                    it.next();
                    continue;
                }
                if matches!(
                    d,
                    '\'' | '\u{2019}' | '-' | '.' | '&' | '\u{2010}' | '\u{2011}'
                ) {
                    // Joins only when a letter or digit follows.
                    let after = text.get(j + d.len_utf8()..).and_then(|r| r.chars().next());
                    if after.is_some_and(|a| a.is_alphanumeric()) {
                        e = j + d.len_utf8();
                        it.next();
                        continue;
                    }
                }
                break;
            }
            if let Some(&(j, '.')) = it.peek()
                && is_abbrev(text.get(i..e).unwrap_or(""))
            {
                e = j + 1;
                it.next();
            }
            out.push(Tok {
                s: i,
                e,
                k: Tk::Word,
                cap: c.is_uppercase(),
            });
            continue;
        }
        if c == '\'' || c == '`' {
            if let Some(&(j, d)) = it.peek()
                && d == c
            {
                it.next();
                let k = Tk::Mark(if c == '\'' { APOS2 } else { TICK2 });
                out.push(Tok {
                    s: i,
                    e: j + 1,
                    k,
                    cap: false,
                });
                continue;
            }
            if c == '`' {
                out.push(Tok {
                    s: i,
                    e: i + 1,
                    k: Tk::Mark('\u{2018}'),
                    cap: false,
                });
                continue;
            }
        }
        let e = i + c.len_utf8();
        let k = if is_mark(c) {
            Tk::Mark(c)
        } else {
            Tk::Punct(c)
        };
        out.push(Tok {
            s: i,
            e,
            k,
            cap: false,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_marks_and_abbreviations() {
        let t = "Mr. O'Neil said: \u{201C}U.S. talks.\u{201D}\n\nNext";
        let toks = tokenize(t);
        let texts: Vec<&str> = toks.iter().map(|k| k.text(t)).collect();
        assert_eq!(
            texts,
            [
                "Mr.", "O'Neil", "said", ":", "\u{201C}", "U.S.", "talks", ".", "\u{201D}", "\n\n",
                "Next"
            ]
        );
        assert_eq!(toks[9].k, Tk::Para);
        assert!(toks[1].cap);
    }

    #[test]
    fn doubled_apostrophes_are_one_mark() {
        let t = "''Yes,'' she said";
        let toks = tokenize(t);
        assert_eq!(toks[0].k, Tk::Mark(APOS2));
        assert_eq!(toks[3].k, Tk::Mark(APOS2));
    }
}
