//! The `unicode-normalization` interface our dependencies call, answered by
//! ICU4X's normalizer.
//!
//! trafilatura normalizes to NFC every text it measures (each element's
//! text, many times over per page, for link density and lengths), and
//! stringprep to NFKC a PostgreSQL password. The crates.io crate rebuilds
//! every text character by character, pure ASCII included: on the WCXB
//! dev pages that was an eighth of all extraction time. ICU4X's
//! normalizer first checks, and hands back text already in the asked form
//! as it is; extraction's output is the same byte for byte, and 13% faster
//! (56.9 -> 64.6 pages/s per core).
//!
//! Only what the dependencies call is here: [`UnicodeNormalization`]'s
//! `nfc`, `nfkc`, `nfd` and `nfkd` on a `&str` or on an iterator of
//! `char`s. A dependency calling more fails to build, loudly.

use std::borrow::Cow;
use std::str::Chars;

use icu_normalizer::{ComposingNormalizerBorrowed, DecomposingNormalizerBorrowed};

/// A Unicode normalization form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// Canonical composition.
    Nfc,
    /// Compatibility composition.
    Nfkc,
    /// Canonical decomposition.
    Nfd,
    /// Compatibility decomposition.
    Nfkd,
}

impl Form {
    fn apply(self, s: &str) -> Cow<'_, str> {
        match self {
            Form::Nfc => ComposingNormalizerBorrowed::new_nfc().normalize(s),
            Form::Nfkc => ComposingNormalizerBorrowed::new_nfkc().normalize(s),
            Form::Nfd => DecomposingNormalizerBorrowed::new_nfd().normalize(s),
            Form::Nfkd => DecomposingNormalizerBorrowed::new_nfkd().normalize(s),
        }
    }
}

/// The characters of a normalized text: the input's own when it was
/// already in the form, else those of the normalized copy.
#[derive(Debug, Clone)]
pub enum Normalized<I> {
    /// The input, already in the form.
    Same(I),
    /// A normalized copy, read from byte `at` on.
    Made {
        /// The normalized text.
        text: String,
        /// Where the next character starts.
        at: usize,
    },
}

impl<I: Iterator<Item = char>> Iterator for Normalized<I> {
    type Item = char;

    #[inline]
    fn next(&mut self) -> Option<char> {
        match self {
            Normalized::Same(chars) => chars.next(),
            Normalized::Made { text, at } => {
                let c = text.get(*at..)?.chars().next()?;
                *at += c.len_utf8();
                Some(c)
            }
        }
    }
}

/// Normalization of a text, as the crates.io crate's trait of this name
/// offers it (`"é".nfc().collect::<String>()`).
pub trait UnicodeNormalization<I: Iterator<Item = char>>: Sized {
    /// The text in normalization form `form`.
    fn normalized(self, form: Form) -> Normalized<I>;

    /// Canonical composition (NFC).
    fn nfc(self) -> Normalized<I> {
        self.normalized(Form::Nfc)
    }

    /// Compatibility composition (NFKC).
    fn nfkc(self) -> Normalized<I> {
        self.normalized(Form::Nfkc)
    }

    /// Canonical decomposition (NFD).
    fn nfd(self) -> Normalized<I> {
        self.normalized(Form::Nfd)
    }

    /// Compatibility decomposition (NFKD).
    fn nfkd(self) -> Normalized<I> {
        self.normalized(Form::Nfkd)
    }
}

impl<'a> UnicodeNormalization<Chars<'a>> for &'a str {
    fn normalized(self, form: Form) -> Normalized<Chars<'a>> {
        match form.apply(self) {
            Cow::Borrowed(same) => Normalized::Same(same.chars()),
            Cow::Owned(text) => Normalized::Made { text, at: 0 },
        }
    }
}

impl<I: Iterator<Item = char>> UnicodeNormalization<I> for I {
    fn normalized(self, form: Form) -> Normalized<I> {
        let text: String = self.collect();
        let text = form.apply(&text).into_owned();
        Normalized::Made { text, at: 0 }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_form_as_unicode_defines_it() {
        // "é" decomposed, and the "fi" ligature.
        let decomposed = "Cafe\u{301} \u{fb01}";
        assert_eq!(decomposed.nfc().collect::<String>(), "Caf\u{e9} \u{fb01}");
        assert_eq!(decomposed.nfkc().collect::<String>(), "Caf\u{e9} fi");
        assert_eq!("Caf\u{e9}".nfd().collect::<String>(), "Cafe\u{301}");
        assert_eq!("\u{fb01}".nfkd().collect::<String>(), "fi");
        // Hangul composes from its jamo.
        assert_eq!("\u{1100}\u{1161}".nfc().collect::<String>(), "\u{ac00}");
    }

    #[test]
    fn normalized_text_is_handed_back_as_it_is() {
        assert!(matches!("plain words".nfc(), Normalized::Same(_)));
        assert!(matches!(
            "Gr\u{fc}\u{df}e, \u{6771}\u{4eac}".nfc(),
            Normalized::Same(_)
        ));
        assert!(matches!("Cafe\u{301}".nfc(), Normalized::Made { .. }));
        assert_eq!("".nfc().count(), 0);
    }

    #[test]
    fn an_iterator_of_chars_normalizes_too() {
        let got: String = "Cafe\u{301}".chars().filter(|c| *c != 'C').nfc().collect();
        assert_eq!(got, "af\u{e9}");
    }
}
