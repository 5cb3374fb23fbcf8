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

/// Buckets of the stopword hash table (a power of two, well above the
/// list), two slots each.
const BUCKETS: usize = 1024;

/// The stopwords' token hashes in a small table of two-slot buckets:
/// checking a token reads one bucket of a 16 KiB table that stays in
/// cache and compares both slots without a branch, instead of probing
/// the large vocabulary. Hashes that find their bucket full (none, for
/// this list: a test checks) go to a short list searched after.
pub(crate) struct Table {
    slots: Box<[[u64; 2]; BUCKETS]>,
    overflow: Vec<u64>,
}

static TABLE: std::sync::LazyLock<Table> = std::sync::LazyLock::new(|| {
    let mut slots = Box::new([[0u64; 2]; BUCKETS]);
    let mut overflow = Vec::new();
    for w in WORDS {
        let h = token_hash(w).max(1);
        let bucket = &mut slots[h as usize % BUCKETS];
        match bucket.iter_mut().find(|s| **s == 0) {
            Some(s) => *s = h,
            None => overflow.push(h),
        }
    }
    Table { slots, overflow }
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
        // `|` rather than `||`: both compares and no branch on the answer
        // (the overflow list is empty for this list).
        (a == h) | (b == h) | (!self.overflow.is_empty() && self.overflow.contains(&h))
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
        assert!(
            WORDS
                .iter()
                .all(|w| stopword_hashes().contains(token_hash(w)))
        );
        assert!(!stopword_hashes().contains(token_hash("earthquake")));
        assert!(TABLE.overflow.is_empty());
    }
}
