//! storyline-lexicon: the English word lists the analysis stages share.
//!
//! Function words (articles, pronouns, auxiliaries, reporting verbs) carry
//! no content when comparing sentences; month and weekday names mark dates,
//! not places or people; first- and second-person words in a writer's own
//! voice mark commentary; verb forms tell a clause from a fragment, and
//! connectives mark a sentence that leans on the one before; page-furniture
//! phrases mark a line as the page's own, and an embedded social post's
//! marks a line as the poster's; role and title words mark a person's
//! description, not their name, and a common given name hints at whom a
//! pronoun stands for. Each stage may
//! add words of its own, but the core lists live here once. Lookups take
//! lower-case words.

mod connective;
mod embed;
mod furniture;
mod given;
mod role;
mod verb;

pub use connective::{CONNECTIVE_PHRASES, CONNECTIVES, connective_phrase, is_connective};
pub use embed::{is_social_embed, social_embed_lines};
pub use furniture::{
    FURNITURE_OPENINGS, FURNITURE_PHRASES, WEB_ARCHIVE_NOTES, is_furniture, is_web_archive_note,
};
pub use given::{GivenSex, given_name_sex};
pub use role::{is_role_word, name_start};
pub use verb::{
    AUXILIARIES, IRREGULAR_VERBS, REGULAR_VERBS, SPEECH_VERBS, is_past, is_speech_verb, is_verb,
};

/// Function words and reporting verbs, sorted for binary search.
pub const FUNCTION_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "according",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "back",
    "be",
    "because",
    "been",
    "before",
    "being",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "dr",
    "during",
    "each",
    "even",
    "for",
    "from",
    "further",
    "get",
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
    "him",
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
    "just",
    "like",
    "made",
    "make",
    "many",
    "may",
    "me",
    "might",
    "more",
    "most",
    "mr",
    "mrs",
    "ms",
    "much",
    "must",
    "my",
    "new",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "out",
    "over",
    "own",
    "per",
    "said",
    "same",
    "say",
    "says",
    "she",
    "should",
    "since",
    "so",
    "some",
    "still",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "told",
    "too",
    "under",
    "until",
    "up",
    "us",
    "very",
    "was",
    "way",
    "we",
    "well",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "yet",
    "you",
    "your",
];

/// Month names, in full and abbreviated, sorted.
pub const MONTHS: &[&str] = &[
    "apr",
    "april",
    "aug",
    "august",
    "dec",
    "december",
    "feb",
    "february",
    "jan",
    "january",
    "jul",
    "july",
    "jun",
    "june",
    "mar",
    "march",
    "may",
    "nov",
    "november",
    "oct",
    "october",
    "sep",
    "sept",
    "september",
];

/// Weekday names, sorted.
pub const WEEKDAYS: &[&str] = &[
    "friday",
    "monday",
    "saturday",
    "sunday",
    "thursday",
    "tuesday",
    "wednesday",
];

/// Days named relative to the writer's own day, sorted.
pub const RELATIVE_DAYS: &[&str] = &["today", "tomorrow", "tonight", "yesterday"];

/// First- and second-person words (straight apostrophes), sorted: in a
/// report's own voice, outside quotation marks, they mark commentary
/// rather than news.
pub const PERSONAL: &[&str] = &[
    "i",
    "i'd",
    "i'll",
    "i'm",
    "i've",
    "let's",
    "me",
    "mine",
    "my",
    "myself",
    "our",
    "ours",
    "ourselves",
    "us",
    "we",
    "we'd",
    "we'll",
    "we're",
    "we've",
    "y'all",
    "you",
    "you'd",
    "you'll",
    "you're",
    "you've",
    "your",
    "yours",
    "yourself",
    "yourselves",
];

/// Whether a lower-case word is a function word.
pub fn is_function_word(lower: &str) -> bool {
    FUNCTION_WORDS.binary_search(&lower).is_ok()
}

/// Whether a lower-case word names a month ("march", "sept").
pub fn is_month(lower: &str) -> bool {
    MONTHS.binary_search(&lower).is_ok()
}

/// Whether a lower-case word is a month's full name ("march", "may"), not
/// an abbreviation ("mar", "sept").
pub fn is_month_name(lower: &str) -> bool {
    // Every abbreviation is three letters or "sept"; the only full names
    // that short are "may", "june" and "july".
    is_month(lower) && (lower.len() > 4 || matches!(lower, "may" | "june" | "july"))
}

/// Whether a lower-case word names a weekday.
pub fn is_weekday(lower: &str) -> bool {
    WEEKDAYS.binary_search(&lower).is_ok()
}

/// Whether a lower-case word names a day only its writer's own day places
/// ("Wednesday", "tomorrow"): read weeks later, it points at the wrong day.
pub fn is_relative_day(lower: &str) -> bool {
    is_weekday(lower) || RELATIVE_DAYS.binary_search(&lower).is_ok()
}

/// Whether a lower-case word is in the first or second person ("we",
/// "your"); a curly apostrophe reads as a straight one.
pub fn is_personal(lower: &str) -> bool {
    if lower.contains('\u{2019}') {
        return PERSONAL
            .binary_search(&lower.replace('\u{2019}', "'").as_str())
            .is_ok();
    }
    PERSONAL.binary_search(&lower).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_lowercase_and_unique() {
        for list in [
            FUNCTION_WORDS,
            MONTHS,
            WEEKDAYS,
            PERSONAL,
            AUXILIARIES,
            IRREGULAR_VERBS,
            REGULAR_VERBS,
            SPEECH_VERBS,
            CONNECTIVES,
            CONNECTIVE_PHRASES,
        ] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
            assert!(list.iter().all(|w| w.chars().all(|c| !c.is_uppercase())));
        }
    }

    #[test]
    fn lookups() {
        assert!(is_function_word("the") && is_function_word("said"));
        assert!(!is_function_word("harbour") && !is_function_word("The"));
        assert!(is_month("sept") && is_month("may") && !is_month("monday"));
        assert!(is_weekday("monday") && !is_weekday("mondays"));
        assert!(
            is_relative_day("tuesday") && is_relative_day("tonight") && !is_relative_day("week")
        );
        assert!(is_month_name("may") && is_month_name("june") && !is_month_name("jun"));
        assert_eq!(MONTHS.iter().filter(|m| is_month_name(m)).count(), 12);
        assert!(!is_month_name("sept") && !is_month_name("mayday"));
        assert!(is_personal("we") && is_personal("y\u{2019}all") && !is_personal("they"));
    }

    #[test]
    fn verbs() {
        for w in [
            "is", "wasn't", "they're", "swam", "written", "voted", "plans", "carries", "pushes",
            "argue",
        ] {
            assert!(is_verb(w), "{w}");
        }
        for w in [
            "harbour", "hundred", "indeed", "ferries", "glass", "bus", "quickly",
        ] {
            assert!(!is_verb(w), "{w}");
        }
    }

    #[test]
    fn connectives() {
        assert!(is_connective("however") && is_connective("third") && !is_connective("the"));
        assert_eq!(
            connective_phrase("that's why the ferry"),
            Some("that's why")
        );
        assert_eq!(connective_phrase("in fact, the ferry"), Some("in fact,"));
        assert_eq!(connective_phrase("in fact sheets the ferry"), None);
        assert_eq!(connective_phrase("that's whyever"), None);
    }
}
