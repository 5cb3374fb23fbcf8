//! English function words and news boilerplate that carry no story identity.
//!
//! IDF would down-weight them anyway, but early in a stream document
//! frequencies are still unreliable; dropping them outright keeps the first
//! stories clean and the vectors short.

use crate::tokens::token_hash;

/// Sorted (a test checks); the hot path tests hashes, see [`Table`].
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

/// Buckets of the stopword hash table (a power of two, well above the
/// list), two slots each.
const BUCKETS: usize = 1024;

/// The stopwords' token hashes in a small table of two-slot buckets:
/// checking a token reads one bucket of a 16 KiB table that stays in
/// cache and compares both slots without a branch, instead of probing
/// the large vocabulary. Every bucket has room for this list's hashes (a
/// test checks), so no overflow needs searching on the hot path.
pub(crate) struct Table {
    slots: [[u64; 2]; BUCKETS],
}

static TABLE: std::sync::LazyLock<Table> = std::sync::LazyLock::new(|| {
    let mut slots = [[0u64; 2]; BUCKETS];
    for w in WORDS {
        let h = token_hash(w).max(1);
        let bucket = &mut slots[h as usize % BUCKETS];
        // A full bucket would lose the word (the test below fails first).
        if let Some(s) = bucket.iter_mut().find(|s| **s == 0) {
            *s = h;
        }
    }
    Table { slots }
});

/// The stopword hash table, for loops that test many tokens (one
/// initialisation check instead of one per token).
#[inline]
pub(crate) fn stopword_hashes() -> &'static Table {
    &TABLE
}

impl Table {
    /// Whether a token with this hash (see [`token_hash`]) is a stopword.
    #[inline]
    pub(crate) fn contains(&self, hash: u64) -> bool {
        let h = hash.max(1);
        let [a, b] = self.slots[h as usize % BUCKETS];
        // `|` rather than `||`: both compares and no branch on the answer.
        (a == h) | (b == h)
    }
}

/// Whether `word` (already lowercased) is a stopword.
#[cfg(test)]
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
        assert!(
            WORDS
                .iter()
                .all(|w| stopword_hashes().contains(token_hash(w)))
        );
        assert!(!stopword_hashes().contains(token_hash("earthquake")));
    }
}
