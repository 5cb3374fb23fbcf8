//! Scanner: cuts text into word, number and punctuation tokens.
//!
//! Every token carries byte offsets into the input (always on char
//! boundaries), its word class from the [`lexicon`](crate::lexicon), and
//! whether white space or a line break came before it, so the grammar can
//! tell "3:15" from "3 : 15" without looking at the text again.

use crate::lexicon::{self, Lex};

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// A run of letters.
    Word,
    /// A run of ASCII digits.
    Number,
    /// Any other single non-space character.
    Punct(char),
}

/// One token of the input.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Token {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// Letters, digits or punctuation.
    pub shape: Shape,
    /// Word class (words only; `Lex::None` otherwise).
    pub lex: Lex,
    /// Numeric value of a number token (saturated), or 0.
    pub num: u32,
    /// Number of digits of a number token.
    pub digits: u8,
    /// The first letter is upper case.
    pub cap: bool,
    /// White space comes right before this token.
    pub space: bool,
    /// A line break comes before this token (after the previous one).
    pub newline: bool,
}

impl Token {
    /// True when this is the punctuation character `c`.
    pub fn is(&self, c: char) -> bool {
        self.shape == Shape::Punct(c)
    }
}

/// Cuts `text` into tokens. Linear in the input; one allocation for the list.
pub(crate) fn scan(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let mut chars = text.char_indices().peekable();
    let mut space = true;
    let mut newline = true;
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            space = true;
            if c == '\n' || c == '\r' {
                newline = true;
            }
            continue;
        }
        let mut end = start + c.len_utf8();
        let mut tok = Token {
            start,
            end,
            shape: Shape::Punct(c),
            lex: Lex::None,
            num: 0,
            digits: 0,
            cap: false,
            space,
            newline,
        };
        if c.is_ascii_digit() {
            let mut num: u32 = u32::from(c as u8 - b'0');
            let mut digits: u8 = 1;
            while let Some(&(i, d)) = chars.peek() {
                if !d.is_ascii_digit() {
                    break;
                }
                num = num
                    .saturating_mul(10)
                    .saturating_add(u32::from(d as u8 - b'0'));
                digits = digits.saturating_add(1);
                end = i + 1;
                chars.next();
            }
            tok.shape = Shape::Number;
            tok.num = num;
            tok.digits = digits;
        } else if c.is_alphabetic() {
            while let Some(&(i, d)) = chars.peek() {
                if !d.is_alphabetic() {
                    break;
                }
                end = i + d.len_utf8();
                chars.next();
            }
            tok.shape = Shape::Word;
            tok.cap = c.is_uppercase();
            tok.lex = lexicon::classify(&text[start..end]);
        } else if c == '’' {
            // Curly apostrophes behave like straight ones ("the ’80s").
            tok.shape = Shape::Punct('\'');
        }
        tok.end = end;
        out.push(tok);
        space = false;
        newline = false;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_words_numbers_and_marks() {
        let t = scan("On 3:15 p.m., Jan. 5th");
        let shapes: Vec<Shape> = t.iter().map(|t| t.shape).collect();
        assert_eq!(shapes[0], Shape::Word);
        assert_eq!(shapes[1], Shape::Number);
        assert_eq!(shapes[2], Shape::Punct(':'));
        assert_eq!(t[3].num, 15);
        assert!(!t[3].space);
        assert!(t[1].space);
        assert!(t[0].cap);
    }

    #[test]
    fn survives_odd_input() {
        let t = scan("ünïcode 99999999999999 ’80s\u{0}");
        assert_eq!(t[1].num, u32::MAX);
        assert!(t[2].is('\''));
    }
}
