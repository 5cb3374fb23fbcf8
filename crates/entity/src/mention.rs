//! A name found in raw text.

use crate::label::Kind;

/// One name in a text: its byte span, its kind and its text.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Mention {
    /// First byte in the text.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Person, organisation, place or other.
    pub kind: Kind,
    /// The name as written (`text[start..end]`).
    pub text: String,
}
