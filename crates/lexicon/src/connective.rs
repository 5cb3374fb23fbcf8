//! Connectives: the openings that lean on the sentence before.
//!
//! "However, ...", "Third, ...", "But ...", "That's why ...": a sentence
//! that opens so continues an argument it does not itself contain, and
//! reads as a non sequitur when quoted alone.

/// Single words that open a sentence as a connective, sorted. Some of them
/// only do so before a comma ("First, ..." but "First lady ..."): the
/// caller decides.
pub const CONNECTIVES: &[&str] = &[
    "accordingly",
    "additionally",
    "again",
    "also",
    "and",
    "anyway",
    "besides",
    "but",
    "consequently",
    "fifth",
    "finally",
    "first",
    "fourth",
    "furthermore",
    "hence",
    "however",
    "indeed",
    "instead",
    "lastly",
    "likewise",
    "meanwhile",
    "moreover",
    "nevertheless",
    "next",
    "nonetheless",
    "nor",
    "or",
    "otherwise",
    "plus",
    "regardless",
    "second",
    "secondly",
    "similarly",
    "so",
    "still",
    "then",
    "therefore",
    "third",
    "thirdly",
    "thus",
    "yet",
];

/// Multi-word openings that lean on the sentence before, sorted; a
/// trailing comma is part of the opening ("In fact, ..." but "In fact
/// sheets ...").
pub const CONNECTIVE_PHRASES: &[&str] = &[
    "after all,",
    "after that,",
    "all the same,",
    "as a result,",
    "as such,",
    "at the same time,",
    "because of that",
    "because of this",
    "by contrast,",
    "by then,",
    "despite that,",
    "despite this,",
    "either way,",
    "even so,",
    "even then,",
    "for example,",
    "for instance,",
    "for that,",
    "for this,",
    "having said that",
    "if not,",
    "if so,",
    "if that is",
    "if this is",
    "if true,",
    "in addition,",
    "in any case,",
    "in contrast,",
    "in fact,",
    "in other words,",
    "in response,",
    "in short,",
    "in sum,",
    "in the meantime,",
    "in turn,",
    "not only that",
    "of course,",
    "on the contrary,",
    "on the other hand",
    "on top of that,",
    "that being said",
    "that is because",
    "that is why",
    "that said,",
    "that's because",
    "that's why",
    "this is because",
    "this is why",
    "to be sure,",
    "to that end,",
    "well,",
    "what is more",
    "what's more",
    "which is why",
    "with that,",
    "yes,",
];

/// Whether a lower-case word is one of [`CONNECTIVES`].
pub fn is_connective(lower: &str) -> bool {
    CONNECTIVES.binary_search(&lower).is_ok()
}

/// The [`CONNECTIVE_PHRASES`] entry that a lower-case text (straight
/// apostrophes) opens with, followed by a word boundary.
pub fn connective_phrase(lower: &str) -> Option<&'static str> {
    CONNECTIVE_PHRASES.iter().copied().find(|p| {
        lower.strip_prefix(p).is_some_and(|rest| {
            p.ends_with(',') || rest.is_empty() || rest.starts_with(|c: char| !c.is_alphanumeric())
        })
    })
}
