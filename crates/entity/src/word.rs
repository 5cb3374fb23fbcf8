//! What the tagger knows about one token before looking at its neighbours.
//!
//! Each token is walked once: its lowercase form, exact form, word shape
//! (`Xxxx`, `dd-dd`), prefixes and suffixes are all hashed on the way, so
//! feature extraction later only combines numbers and never allocates.

use crate::gazetteer::Gazetteer;
use crate::hash::{CharHash, combine};

/// Starts with an uppercase letter.
pub(crate) const INIT_CAP: u16 = 1;
/// Has letters, all of them uppercase.
pub(crate) const ALL_CAPS: u16 = 1 << 1;
/// Has a digit.
pub(crate) const HAS_DIGIT: u16 = 1 << 2;
/// Has a letter.
pub(crate) const HAS_ALPHA: u16 = 1 << 3;
/// Starts with a lowercase letter.
pub(crate) const INIT_LOWER: u16 = 1 << 4;
/// Has a hyphen.
pub(crate) const HAS_HYPHEN: u16 = 1 << 5;
/// No letters or digits at all.
pub(crate) const PUNCT: u16 = 1 << 6;

/// How many prefixes and suffixes are hashed.
pub(crate) const AFFIXES: usize = 4;
/// Characters beyond this are ignored for the shape (bounds the work).
const MAX_SHAPE_CHARS: usize = 32;

/// The hashed facts about one token.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Word {
    /// Lowercase form, digits folded to `0`.
    pub lower: u64,
    /// Exact form.
    pub raw: u64,
    /// Shape with runs capped at four (`Xxxx`, `dddd-dd`).
    pub shape: u64,
    /// Shape with runs collapsed (`Xx`, `d-d`, `X.X.`).
    pub short: u64,
    /// Lowercase prefixes of 1..=4 characters (0 when the word is shorter).
    pub prefix: [u64; AFFIXES],
    /// Lowercase suffixes of 1..=4 characters (0 when the word is shorter).
    pub suffix: [u64; AFFIXES],
    /// `INIT_CAP`, `ALL_CAPS`, ... bits.
    pub flags: u16,
    /// Gazetteer classes the lowercase form belongs to.
    pub gaz: u16,
}

/// Folds typographic variants to their plain form so that `’s` and `'s`
/// or `–` and `-` look alike to the model.
#[inline]
pub(crate) fn fold(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '`' | '\u{00B4}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' => '"',
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        _ => c,
    }
}

#[inline]
fn lower(c: char) -> char {
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else {
        c.to_lowercase().next().unwrap_or(c)
    }
}

#[inline]
fn shape_class(c: char) -> char {
    if c.is_uppercase() {
        'X'
    } else if c.is_alphabetic() {
        'x'
    } else if c.is_numeric() {
        'd'
    } else {
        c
    }
}

impl Word {
    /// Analyses one token.
    pub(crate) fn new(token: &str, gaz: &Gazetteer) -> Word {
        let mut lower_h = CharHash::new();
        let mut raw_h = CharHash::new();
        let mut shape_h = CharHash::new();
        let mut short_h = CharHash::new();
        let mut prefix = [0u64; AFFIXES];
        let (mut last_class, mut run) = ('\0', 0usize);
        let (mut upper, mut letters, mut n) = (0usize, 0usize, 0usize);
        let mut flags = 0u16;
        for c in token.chars().map(fold) {
            raw_h.push(c);
            let l = if c.is_numeric() { '0' } else { lower(c) };
            lower_h.push(l);
            if n < AFFIXES {
                prefix[n] = combine(lower_h.finish(), 0x5052);
            }
            let class = shape_class(c);
            if n < MAX_SHAPE_CHARS {
                if class == last_class {
                    run += 1;
                } else {
                    short_h.push(class);
                    run = 1;
                }
                if run <= 4 {
                    shape_h.push(class);
                }
                last_class = class;
            }
            match class {
                'X' => {
                    upper += 1;
                    letters += 1;
                    if n == 0 {
                        flags |= INIT_CAP;
                    }
                }
                'x' => {
                    letters += 1;
                    if n == 0 {
                        flags |= INIT_LOWER;
                    }
                }
                'd' => flags |= HAS_DIGIT,
                '-' => flags |= HAS_HYPHEN,
                _ => {}
            }
            n += 1;
        }
        if letters > 0 {
            flags |= HAS_ALPHA;
            if upper == letters {
                flags |= ALL_CAPS;
            }
        } else if flags & HAS_DIGIT == 0 {
            flags |= PUNCT;
        }
        let mut suffix = [0u64; AFFIXES];
        let mut suffix_h = CharHash::new();
        for (i, c) in token.chars().rev().map(fold).take(AFFIXES).enumerate() {
            suffix_h.push(if c.is_numeric() { '0' } else { lower(c) });
            suffix[i] = combine(suffix_h.finish(), 0x5355);
        }
        let lower = lower_h.finish();
        Word {
            lower,
            raw: raw_h.finish(),
            shape: shape_h.finish(),
            short: short_h.finish(),
            prefix,
            suffix,
            flags,
            gaz: gaz.classes(lower),
        }
    }

    /// Whether any of `bits` is set.
    #[inline]
    pub(crate) fn has(&self, bits: u16) -> bool {
        self.flags & bits != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_and_flags() {
        let g = Gazetteer::new();
        let a = Word::new("Ana", &g);
        let b = Word::new("Kellinor", &g);
        assert_eq!(a.short, b.short);
        assert_ne!(a.shape, b.shape);
        assert!(a.has(INIT_CAP) && !a.has(ALL_CAPS));
        assert!(Word::new("NATO", &g).has(ALL_CAPS));
        assert!(Word::new("--", &g).has(PUNCT));
        assert_eq!(Word::new("1997", &g).lower, Word::new("2024", &g).lower);
        assert_eq!(Word::new("Zed’s", &g).raw, Word::new("Zed's", &g).raw);
        // Never panics on odd input.
        let _ = Word::new("", &g);
        let _ = Word::new("\u{0130}\u{0301}𝔘", &g);
    }
}
