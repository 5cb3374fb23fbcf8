//! English function words and news boilerplate that carry no story identity.
//!
//! IDF would down-weight them anyway, but early in a stream document
//! frequencies are still unreliable; dropping them outright keeps the first
//! stories clean and the vectors short.

use crate::tokens::token_hash;

/// Sorted so that membership is a binary search.
const WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "ago",
    "all",
    "almost",
    "along",
    "also",
    "although",
    "always",
    "am",
    "among",
    "an",
    "and",
    "another",
    "any",
    "anyone",
    "anything",
    "are",
    "around",
    "as",
    "at",
    "back",
    "be",
    "became",
    "because",
    "become",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "cannot",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "done",
    "down",
    "during",
    "each",
    "either",
    "else",
    "enough",
    "even",
    "ever",
    "every",
    "few",
    "for",
    "from",
    "further",
    "get",
    "gets",
    "getting",
    "go",
    "goes",
    "going",
    "got",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "last",
    "least",
    "less",
    "let",
    "like",
    "made",
    "make",
    "many",
    "may",
    "me",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "myself",
    "never",
    "new",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "often",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "others",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "per",
    "put",
    "rather",
    "really",
    "said",
    "same",
    "say",
    "saying",
    "says",
    "see",
    "seen",
    "several",
    "shall",
    "she",
    "should",
    "since",
    "so",
    "some",
    "something",
    "still",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "thus",
    "to",
    "told",
    "too",
    "took",
    "toward",
    "towards",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "via",
    "was",
    "way",
    "we",
    "well",
    "were",
    "what",
    "whatever",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "yet",
    "you",
    "your",
    "yours",
    "yourself",
];

/// Slots of the stopword hash table (a power of two, well above the list).
const SLOTS: usize = 1024;

/// The stopwords' token hashes in a small open-addressed table: checking a
/// token costs one or two reads of a 8 KiB table that stays in cache,
/// instead of a probe of the large vocabulary.
static HASHES: std::sync::LazyLock<Box<[u64; SLOTS]>> = std::sync::LazyLock::new(|| {
    let mut t = Box::new([0u64; SLOTS]);
    for w in WORDS {
        let h = token_hash(w).max(1);
        let mut i = h as usize % SLOTS;
        while t[i] != 0 {
            i = (i + 1) % SLOTS;
        }
        t[i] = h;
    }
    t
});

/// Whether a token with this hash (see [`token_hash`]) is a stopword.
#[inline]
pub(crate) fn is_stopword_hash(hash: u64) -> bool {
    let h = hash.max(1);
    let t = &**HASHES;
    let mut i = h as usize % SLOTS;
    loop {
        match t[i] {
            0 => return false,
            x if x == h => return true,
            _ => i = (i + 1) % SLOTS,
        }
    }
}

/// Whether `word` (already lowercased) is a stopword.
pub(crate) fn is_stopword(word: &str) -> bool {
    WORDS.binary_search(&word).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_is_sorted_and_found() {
        assert!(WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_stopword("the"));
        assert!(is_stopword("said"));
        assert!(!is_stopword("earthquake"));
        assert!(WORDS.iter().all(|w| is_stopword_hash(token_hash(w))));
        assert!(!is_stopword_hash(token_hash("earthquake")));
    }
}
