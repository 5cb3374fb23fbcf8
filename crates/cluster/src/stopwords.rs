//! English function words and news boilerplate that carry no story identity.
//!
//! IDF would down-weight them anyway, but early in a stream document
//! frequencies are still unreliable; dropping them outright keeps the first
//! stories clean and the vectors short.

#[cfg(test)]
use crate::tokens::token_hash;

/// Sorted (a test checks), so that a word is found by binary search.
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

/// `token_hash` at compile time (a test checks that they agree).
const fn const_token_hash(b: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let n = b.len();
    let mut h = (n as u64).wrapping_mul(K);
    let mut i = 0;
    while i + 8 <= n {
        let mut w = 0u64;
        let mut j = 0;
        while j < 8 {
            w |= (b[i + j] as u64) << (8 * j);
            j += 1;
        }
        h = (h.rotate_left(23) ^ w).wrapping_mul(K);
        i += 8;
    }
    let rest = n - i;
    if rest > 0 {
        let w = if rest >= 4 {
            let (mut lo, mut hi, mut j) = (0u64, 0u64, 0);
            while j < 4 {
                lo |= (b[i + j] as u64) << (8 * j);
                hi |= (b[n - 4 + j] as u64) << (8 * j);
                j += 1;
            }
            lo | hi << 32
        } else {
            b[i] as u64 | (b[i + rest / 2] as u64) << 8 | (b[n - 1] as u64) << 16
        };
        h = (h.rotate_left(23) ^ w).wrapping_mul(K);
    }
    crate::hash::mix64(h)
}

/// The stopwords' token hashes in a small table of two-slot buckets,
/// built at compile time: checking a token reads one bucket of a 16 KiB
/// table that stays in cache and compares both slots without a branch,
/// instead of probing the large vocabulary. Building fails should a
/// bucket overflow (none does for this list).
static TABLE: [[u64; 2]; BUCKETS] = {
    let mut slots = [[0u64; 2]; BUCKETS];
    let mut i = 0;
    while i < WORDS.len() {
        let h = const_token_hash(WORDS[i].as_bytes());
        let h = if h == 0 { 1 } else { h };
        let bucket = &mut slots[h as usize % BUCKETS];
        if bucket[0] == 0 {
            bucket[0] = h;
        } else if bucket[1] == 0 {
            bucket[1] = h;
        } else {
            panic!("a stopword bucket overflows");
        }
        i += 1;
    }
    slots
};

/// Whether a token with this hash (see `token_hash`) is a stopword.
#[inline]
pub(crate) fn is_stop_hash(hash: u64) -> bool {
    let h = hash.max(1);
    let [a, b] = TABLE[h as usize % BUCKETS];
    // `|` rather than `||`: both compares and no branch on the answer.
    (a == h) | (b == h)
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
        for w in WORDS {
            assert_eq!(const_token_hash(w.as_bytes()), token_hash(w), "{w}");
            assert!(is_stop_hash(token_hash(w)));
        }
        assert!(!is_stop_hash(token_hash("earthquake")));
    }
}
