//! Splits text into lowercased word tokens, keeping the case and position
//! facts that entity detection needs (capitalised, sentence-initial, after
//! punctuation).
//!
//! One pass over the characters, no allocation beyond the caller's buffer;
//! the number of tokens is bounded by the caller.

use std::hash::Hasher;

use rustc_hash::FxHasher;

use crate::hash::mix64;

/// The token starts with an uppercase letter.
pub(crate) const CAP: u8 = 1;
/// Every letter of the token is uppercase and it has at least two letters.
pub(crate) const UPPER: u8 = 2;
/// The token opens a sentence, a line or the text.
pub(crate) const START: u8 = 4;
/// Punctuation (not just spaces) separates the token from the previous one.
pub(crate) const BREAK: u8 = 8;
/// The token contains a digit.
pub(crate) const DIGIT: u8 = 16;

/// Longest token kept, in characters; longer runs are URLs or junk.
const MAX_CHARS: usize = 32;

/// The word being assembled.
#[derive(Default)]
struct Word {
    chars: u32,
    letters: u32,
    uppers: u32,
    digits: u32,
    flags: u8,
    /// Starts with a capital: with three characters or fewer ("Mr", "U"),
    /// a following full stop does not end the sentence.
    abbrev: bool,
}

/// The scanner's state between characters.
struct Scan<'b, F> {
    word: Option<Word>,
    pending: u8,
    last_abbrev: bool,
    emitted: usize,
    limit: usize,
    buf: &'b mut String,
    f: F,
}

impl<F: FnMut(&str, u64, u8)> Scan<'_, F> {
    /// The current word, opened with its first character's case.
    #[inline]
    fn open(&mut self, upper: bool) -> &mut Word {
        let pending = &mut self.pending;
        self.word.get_or_insert_with(|| {
            let flags = *pending | if upper { CAP } else { 0 };
            *pending = 0;
            Word {
                flags,
                abbrev: upper,
                ..Word::default()
            }
        })
    }

    /// Adds a run of ASCII letters and digits (with `uppers` capitals and
    /// `digits` digits) to the current word.
    #[inline]
    fn push_ascii(&mut self, run: &str, uppers: u32, digits: u32) {
        let Some(&first) = run.as_bytes().first() else {
            return;
        };
        let n = run.len();
        let w = self.open(first.is_ascii_uppercase());
        let room = (MAX_CHARS as u32).saturating_sub(w.chars) as usize;
        w.digits += digits;
        w.letters += n as u32 - digits;
        w.uppers += uppers;
        w.chars = w.chars.saturating_add(n as u32);
        let start = self.buf.len();
        self.buf.push_str(run.get(..n.min(room)).unwrap_or(""));
        if uppers > 0
            && let Some(tail) = self.buf.get_mut(start..)
        {
            tail.make_ascii_lowercase();
        }
    }

    /// Adds one (non-ASCII) letter or digit to the current word.
    #[inline]
    fn push(&mut self, c: char) {
        let w = self.open(c.is_uppercase());
        w.chars = w.chars.saturating_add(1);
        if c.is_alphabetic() {
            w.letters += 1;
            w.uppers += u32::from(c.is_uppercase());
        } else {
            w.digits += 1;
        }
        if w.chars as usize <= MAX_CHARS {
            self.buf.extend(c.to_lowercase());
        }
    }

    /// Ends the current word, handing it on when it is worth keeping.
    #[inline]
    fn finish(&mut self) {
        if let Some(w) = self.word.take() {
            self.last_abbrev = w.abbrev && w.chars <= 3;
            let chars = w.chars as usize;
            if chars <= MAX_CHARS && (chars >= 2 || w.digits > 0) && self.emitted < self.limit {
                let mut flags = w.flags;
                if w.letters >= 2 && w.uppers == w.letters {
                    flags |= UPPER;
                }
                if w.digits > 0 {
                    flags |= DIGIT;
                }
                (self.f)(self.buf, token_hash(self.buf), flags);
                self.emitted += 1;
            }
            self.buf.clear();
        }
    }

    /// A separator character: ends the word and notes sentence breaks.
    #[inline]
    fn separator(&mut self, c: char) {
        self.finish();
        match c {
            '\n' | '!' | '?' => self.pending |= START | BREAK,
            // "Mr. Smith", "U.S. forces": no new sentence after a short capitalised word.
            '.' if self.last_abbrev => self.pending |= BREAK,
            '.' => self.pending |= START | BREAK,
            c if c.is_whitespace() => {}
            _ => self.pending |= BREAK,
        }
        self.last_abbrev = false;
    }
}

/// Byte classes for the ASCII fast path.
const LOWER_CLASS: u8 = 0;
const UPPER_CLASS: u8 = 1;
const DIGIT_CLASS: u8 = 2;
const SPACE_CLASS: u8 = 3;
const OTHER_CLASS: u8 = 4;

static CLASS: [u8; 256] = {
    let mut t = [OTHER_CLASS; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = if b.is_ascii_lowercase() {
            LOWER_CLASS
        } else if b.is_ascii_uppercase() {
            UPPER_CLASS
        } else if b.is_ascii_digit() {
            DIGIT_CLASS
        } else if b == b' ' || b == b'\t' || b == b'\r' {
            SPACE_CLASS
        } else {
            OTHER_CLASS
        };
        i += 1;
    }
    t
};

/// The hash of a lowercased token, as the scanner reports it.
#[inline]
pub(crate) fn token_hash(token: &str) -> u64 {
    let mut h = FxHasher::default();
    h.write(token.as_bytes());
    mix64(h.finish())
}

/// Calls `f(lowercased_token, hash, flags)` for at most `limit` tokens of
/// `text`; `hash` is a well-mixed 64-bit hash of the lowercased token.
///
/// Possessive `'s` is dropped, inner apostrophes are removed ("O'Brien" ->
/// "obrien"), a full stop between digits stays ("5.9"). ASCII text takes a
/// byte-wise fast path.
pub(crate) fn for_each_token(
    text: &str,
    limit: usize,
    buf: &mut String,
    f: impl FnMut(&str, u64, u8),
) {
    buf.clear();
    let mut s = Scan {
        word: None,
        pending: START,
        last_abbrev: false,
        emitted: 0,
        limit,
        buf,
        f,
    };
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() && s.emitted < limit {
        let b = bytes[i];
        let class = CLASS[b as usize];
        if class <= DIGIT_CLASS {
            // The common case: a run of ASCII letters and digits in one go.
            let start = i;
            let (mut uppers, mut digits) = (0u32, 0u32);
            while let Some(&c) = bytes.get(i) {
                let class = CLASS[c as usize];
                if class > DIGIT_CLASS {
                    break;
                }
                uppers += u32::from(class == UPPER_CLASS);
                digits += u32::from(class == DIGIT_CLASS);
                i += 1;
            }
            // ASCII positions are character boundaries.
            s.push_ascii(text.get(start..i).unwrap_or(""), uppers, digits);
            continue;
        }
        if class == SPACE_CLASS {
            s.finish();
            s.last_abbrev = false;
            i += 1;
            continue;
        }
        let (c, len) = if b < 0x80 {
            (b as char, 1)
        } else {
            match text.get(i..).and_then(|t| t.chars().next()) {
                Some(c) => (c, c.len_utf8()),
                None => break,
            }
        };
        i += len;
        if c.is_alphanumeric() {
            s.push(c);
            continue;
        }
        if s.word.is_some() && (c == '\'' || c == '’') {
            let next = text.get(i..).and_then(|t| t.chars().next());
            match next {
                Some(n) if n.is_alphabetic() => {
                    let after = text.get(i + n.len_utf8()..).and_then(|t| t.chars().next());
                    let possessive =
                        (n == 's' || n == 'S') && !after.is_some_and(char::is_alphanumeric);
                    if possessive {
                        i += 1;
                        s.finish();
                    } else if let Some(w) = s.word.as_mut() {
                        // "O'Brien": one word, written without the mark.
                        w.abbrev = false;
                    }
                }
                _ => s.finish(),
            }
            continue;
        }
        if c == '.'
            && s.word.as_ref().is_some_and(|w| w.digits > 0)
            && bytes.get(i).is_some_and(u8::is_ascii_digit)
        {
            // "5.9": the point stays inside the figure.
            if let Some(w) = s.word.as_mut() {
                w.chars = w.chars.saturating_add(1);
            }
            s.buf.push('.');
            continue;
        }
        s.separator(c);
    }
    s.finish();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<(String, u8)> {
        let mut out = Vec::new();
        let mut buf = String::new();
        for_each_token(text, 1000, &mut buf, |t, _, f| out.push((t.to_string(), f)));
        out
    }

    #[test]
    fn words_case_and_sentences() {
        let t = toks("Mr. Dunmore met Ana O'Neill's team. They won 5.9 points!");
        let words: Vec<&str> = t.iter().map(|(w, _)| w.as_str()).collect();
        assert_eq!(
            words,
            [
                "mr", "dunmore", "met", "ana", "oneill", "team", "they", "won", "5.9", "points"
            ]
        );
        assert!(t[0].1 & START != 0);
        assert!(t[1].1 & START == 0, "no sentence break after Mr.");
        assert!(t[1].1 & CAP != 0);
        assert!(t[6].1 & START != 0);
        assert!(t[8].1 & DIGIT != 0);
    }

    #[test]
    fn breaks_and_upper() {
        let t = toks("NASA, Boeing\nlaunch");
        assert!(t[0].1 & UPPER != 0);
        assert!(t[1].1 & BREAK != 0);
        assert!(t[2].1 & START != 0);
    }

    #[test]
    fn limits_and_odd_input() {
        let mut n = 0;
        let mut buf = String::new();
        for_each_token("a bb cc dd ee", 2, &mut buf, |_, _, _| n += 1);
        assert_eq!(n, 2);
        let long = "x".repeat(100);
        assert!(toks(&long).is_empty());
        assert!(toks("’ ' . \u{0} é").is_empty());
        let t = toks("İstanbul ÉTÉ");
        assert_eq!(t.len(), 2);
    }
}
