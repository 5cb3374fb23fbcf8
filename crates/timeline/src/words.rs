//! Content words of a sentence, for telling whether two reports tell the
//! same development, and the verbs that make a sentence a report.

/// Lowercased content words (letters and digits, at least three
/// characters, not function words), sorted and deduplicated.
pub fn content(sentence: &str) -> Vec<String> {
    lowered_set(
        sentence
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 3),
    )
}

/// Capitalised words after a sentence's first word (names, mostly),
/// lowercased, sorted and deduplicated; month and day names left out.
pub fn names(sentence: &str) -> Vec<String> {
    lowered_set(
        sentence
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .skip(1)
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase) && w.chars().count() >= 2),
    )
}

/// `words` lowercased, without function words, sorted and deduplicated.
fn lowered_set<'a>(words: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut out: Vec<String> = words
        .map(str::to_lowercase)
        .filter(|w| !function(w))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Shared entries of two sorted lists.
pub fn shared(a: &[String], b: &[String]) -> usize {
    a.iter().filter(|w| b.binary_search(w).is_ok()).count()
}

/// A sentence as an entry shows it: spaces collapsed, without a leading
/// list bullet or a dateline ("HARWICK, March 3 (Agency) -", "Moscow,
/// January 20 :").
pub fn tidy(sentence: &str) -> String {
    let mut s = sentence.trim_start_matches(['•', '·', '*', '-', '–', '—', ' ']);
    // A dateline: a few words naming a month, ended by " : " or " - ".
    for sep in [" : ", " - ", " – ", " — "] {
        if let Some(i) = s.find(sep) {
            let head = &s[..i];
            let words = head.split_whitespace().count();
            let dated = head
                .split(|c: char| !c.is_alphabetic())
                .any(storyline_timex::is_month_name);
            if words <= 7 && dated {
                s = &s[i + sep.len()..];
                break;
            }
        }
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Overlap of two sorted word lists: shared words over the smaller list.
pub fn overlap(a: &[String], b: &[String]) -> f32 {
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let small = a.len().min(b.len());
    if small == 0 {
        0.0
    } else {
        shared as f32 / small as f32
    }
}

/// Whether a sentence reads like a report of something done or said: it
/// has a common reporting or action verb, a past-tense-looking word, or a
/// modal ("will meet").
pub fn has_action(sentence: &str) -> bool {
    sentence.split(|c: char| !c.is_alphabetic()).any(|w| {
        let lower = w.to_lowercase();
        let n = lower.chars().count();
        VERBS.contains(&lower.as_str())
            || (n > 4 && lower.ends_with("ed") && !NOT_VERBS.contains(&lower.as_str()))
    })
}

/// Common verbs of news reports that do not end in -ed.
const VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "met",
    "meets",
    "meet",
    "held",
    "holds",
    "made",
    "makes",
    "took",
    "takes",
    "gave",
    "gives",
    "won",
    "wins",
    "lost",
    "loses",
    "went",
    "goes",
    "came",
    "comes",
    "began",
    "begins",
    "begun",
    "left",
    "leaves",
    "sent",
    "sends",
    "spoke",
    "speaks",
    "wrote",
    "writes",
    "set",
    "sets",
    "put",
    "puts",
    "hit",
    "hits",
    "fell",
    "falls",
    "rose",
    "rises",
    "ran",
    "runs",
    "sought",
    "seeks",
    "brought",
    "brings",
    "struck",
    "strikes",
    "broke",
    "breaks",
    "chose",
    "chooses",
    "became",
    "becomes",
    "will",
    "would",
    "shall",
    "can",
    "could",
    "may",
    "might",
    "must",
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "had",
    "plans",
    "agrees",
    "meets",
    "signs",
    "visits",
    "calls",
    "warns",
    "votes",
    "opens",
    "closes",
    "ends",
    "starts",
    "confirms",
    "announces",
];

/// Words ending in -ed that are rarely verbs.
const NOT_VERBS: &[&str] = &[
    "united", "indeed", "hundred", "limited", "red", "bed", "need", "speed", "seed",
];

/// Whether a lowercase word says nothing about which development a
/// sentence reports: a function word of [`FUNCTION`], a weekday or a
/// month's full name.
fn function(w: &str) -> bool {
    FUNCTION.contains(&w) || storyline_lexicon::is_weekday(w) || storyline_lexicon::is_month_name(w)
}

/// Words too common to tell two reports apart (weekdays and months aside).
const FUNCTION: &[&str] = &[
    "the",
    "and",
    "for",
    "that",
    "with",
    "was",
    "were",
    "are",
    "has",
    "have",
    "had",
    "his",
    "her",
    "its",
    "their",
    "they",
    "this",
    "these",
    "those",
    "from",
    "but",
    "not",
    "been",
    "will",
    "would",
    "said",
    "says",
    "who",
    "which",
    "what",
    "when",
    "where",
    "after",
    "before",
    "about",
    "into",
    "than",
    "then",
    "also",
    "more",
    "most",
    "over",
    "such",
    "some",
    "any",
    "all",
    "one",
    "two",
    "our",
    "out",
    "him",
    "she",
    "there",
    "here",
    "can",
    "could",
    "may",
    "might",
    "should",
    "did",
    "does",
    "its",
    "new",
    "per",
    "via",
    "upon",
    "while",
    "during",
    "on",
    "week",
    "month",
    "year",
    "day",
    "today",
    "yesterday",
    "last",
    "earlier",
    "later",
];

/// Words that, opening a sentence, stand for someone or something named
/// in the sentence before ("He canceled the hearing", "It passed the
/// Senate in April").
const LEANING: &[&str] = &[
    "he", "her", "his", "it", "its", "she", "that", "their", "these", "they", "this", "those",
];

/// Whether a sentence opens on a word that leans on the sentence before
/// it: read alone, the reader cannot tell whom it means.
pub fn leans(sentence: &str) -> bool {
    let s = sentence.trim_start();
    let first = &s[..s.find(|c: char| !c.is_alphabetic()).unwrap_or(s.len())];
    LEANING.iter().any(|w| w.eq_ignore_ascii_case(first))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_opening_on_a_pronoun_leans_on_the_one_before() {
        assert!(leans("He canceled the hearing on Wednesday."));
        assert!(leans("It passed the council 9-2 in April."));
        assert!(!leans("Ada Moss canceled the hearing on Wednesday."));
        assert!(!leans("Theresa Lund canceled the hearing."));
        assert!(!leans("Hearings resume on Monday."));
    }

    #[test]
    fn content_words_and_overlap() {
        let a = content("The ferry crews walked out on Monday over overtime.");
        let b = content("Ferry crews walked out, the union said on Monday.");
        assert_eq!(a, ["crews", "ferry", "overtime", "walked"]);
        assert!(overlap(&a, &b) >= 0.6);
        assert_eq!(overlap(&a, &[]), 0.0);
        assert!(has_action("Crews walked out."));
        assert!(has_action("Talks will resume."));
        assert!(!has_action("Friday, 24 January 2025, 17:04"));
        assert_eq!(
            tidy("• HARWICK, March 3 (Wire) - Crews  walked out."),
            "Crews walked out."
        );
        assert_eq!(
            tidy("Crews walked out - again."),
            "Crews walked out - again."
        );
        assert_eq!(
            names("Crews of Nordvik Ferries met Ingrid Solheim in March."),
            ["ferries", "ingrid", "nordvik", "solheim"]
        );
    }
}
