//! Compress: a sentence without its trailing elaboration.
//!
//! News sentences often end with a participial phrase that elaborates on
//! the main clause (", sparking fears of ...", ", citing people familiar
//! with ...", ", adding that ..."). The main clause reads as a sentence on
//! its own and carries the fact; the phrase costs words a summary can spend
//! on the next fact. Only that one shape is cut, and conservatively: the
//! phrase must open right after a comma with a verb's -ing form, run to the
//! sentence's end without further commas or quotation marks, and leave a
//! main clause long enough to stand alone. Every kept word is the source's.

/// Words ending in "-ing" that open a phrase carrying the sentence's own
/// content (prepositions, and participles that state a toll or a result
/// the reader needs), nouns ending a list ("roads, housing"), or adjectives
/// opening a noun phrase ("acting director").
const KEEP: &[&str] = &[
    "according",
    "including",
    "during",
    "following",
    "regarding",
    "concerning",
    "excluding",
    "notwithstanding",
    "pending",
    "considering",
    "barring",
    "killing",
    "injuring",
    "wounding",
    "leaving",
    "acting",
    "leading",
    "working",
    "existing",
    "remaining",
    "ongoing",
    "upcoming",
    "sitting",
    "ranking",
    "outgoing",
    "incoming",
    "presiding",
    "founding",
    "visiting",
    "governing",
    "missing",
    "opposing",
    "competing",
    "striking",
    "housing",
    "funding",
    "spending",
    "training",
    "building",
    "clothing",
    "nothing",
    "something",
    "anything",
    "everything",
    "morning",
    "evening",
    "meeting",
    "hearing",
    "ruling",
    "warning",
    "timing",
    "polling",
    "shooting",
    "bombing",
    "lending",
    "pricing",
    "testing",
    "voting",
    "boxing",
    "swimming",
    "skiing",
    "sibling",
    "string",
    "spring",
    "thing",
    "king",
    "ring",
    "wing",
    "sing",
];

/// Words that open an introductory phrase ("In a memo from the agency,
/// ..."): a main clause that opens so and has no other comma is that
/// phrase alone, not a clause.
const INTRO: &[&str] = &[
    "in", "at", "on", "from", "after", "before", "during", "with", "for", "by", "under", "amid",
    "despite", "since", "as", "while", "when", "if", "although", "though", "because", "to",
];

/// Shortest main clause left standing, in words.
const MIN_MAIN: usize = 8;

/// Shortest phrase worth cutting, in words.
const MIN_CUT: usize = 3;

/// The sentence without a trailing participial phrase, when it has one
/// that may go; `None` when the sentence stays whole.
pub fn trim(text: &str) -> Option<String> {
    let body = text.strip_suffix('.')?;
    // The phrase is what follows the last comma; it runs to the end.
    let comma = body.rfind(',')?;
    let phrase = body[comma + 1..].trim_start();
    if phrase.contains(['"', '\u{201c}', '\u{201d}', ';', ':', '(', ')']) {
        return None;
    }
    let first = phrase.split_whitespace().next()?;
    let lower = first.to_lowercase();
    if lower.len() <= 5 || !lower.ends_with("ing") || !lower.chars().all(char::is_alphabetic) {
        return None;
    }
    if KEEP.contains(&lower.as_str()) || first.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    if phrase.split_whitespace().count() < MIN_CUT {
        return None;
    }
    let main = body[..comma].trim_end();
    // The main clause must stand alone and be closed: no quotation or
    // bracket left open by the cut.
    if main.split_whitespace().count() < MIN_MAIN || !closed(main) {
        return None;
    }
    let opens = main
        .split_whitespace()
        .next()
        .map(str::to_lowercase)
        .is_some_and(|w| INTRO.contains(&w.as_str()));
    if opens && !main.contains(',') {
        return None;
    }
    Some(format!("{main}."))
}

/// Whether every quotation mark and bracket opened in `text` is closed.
fn closed(text: &str) -> bool {
    let count = |c: char| text.matches(c).count();
    count('\u{201c}') == count('\u{201d}')
        && count('"') % 2 == 0
        && count('(') == count(')')
        && crate::quality::balanced(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trailing_participle_goes() {
        assert_eq!(
            trim(
                "Ferry traffic across the bay resumed on Monday after a week of storms, \
                 bringing relief to island shops."
            )
            .as_deref(),
            Some("Ferry traffic across the bay resumed on Monday after a week of storms.")
        );
        assert_eq!(
            trim(
                "The harbour master closed the north pier to all boats on Sunday, \
                 citing damage to its pilings."
            )
            .as_deref(),
            Some("The harbour master closed the north pier to all boats on Sunday.")
        );
    }

    #[test]
    fn content_and_fragments_stay() {
        // A toll, a preposition, a list, a quotation, a short main clause.
        for s in [
            "A storm hit the coast town of Portville late on Sunday, killing three fishermen.",
            "The ferry carried forty passengers on Sunday morning, according to the port authority.",
            "The council will spend the money on roads, bridges, housing and the old harbour wall.",
            "The mayor said the town would \"rebuild the pier, making it stronger than before.\"",
            "The ferry sank, bringing grief to the town.",
            "The ferry sank near the north pier on Sunday.",
            "The ferry sank near the north pier on Sunday, leaving.",
            "In a letter to the harbour board of the town (the port's owners), acting director Ann Lee resigned.",
            "In a letter to the harbour board of the northern town of Portville, pleading for more money.",
            "Harbour master: \u{201c}The north pier of the town will stay shut all winter, blocking the ferry.",
        ] {
            assert_eq!(trim(s), None, "{s}");
        }
    }
}
