//! Compress: a sentence without its trailing elaboration.
//!
//! News sentences often end with a participial phrase that elaborates on
//! the main clause (", sparking fears of ...", ", citing people familiar
//! with ...", ", adding that ..."). The main clause reads as a sentence on
//! its own and carries the fact; the phrase costs words a summary can spend
//! on the next fact. Only that one shape is cut, and conservatively: the
//! phrase must open right after a comma with one of a short list of
//! participles of speech, comment and framing (`CUT`; never an outcome
//! such as "ending the strike"), run to the sentence's end without further
//! commas or quotation marks, and leave a main clause long enough to stand
//! alone. Every kept word is the source's.

/// The participles that open an elaboration: speech, comment and
/// reaction ("saying ...", "citing ...", "sparking fears ...") and framing
/// ("marking the first ...", "capping a week ..."). Only these are cut: an
/// open list would also cut outcomes that carry the news ("..., ending the
/// strike", "..., killing three", "..., bringing the toll to 40").
const CUT: &[&str] = &[
    "saying",
    "adding",
    "noting",
    "telling",
    "explaining",
    "claiming",
    "arguing",
    "asserting",
    "contending",
    "insisting",
    "stressing",
    "acknowledging",
    "suggesting",
    "describing",
    "calling",
    "pointing",
    "citing",
    "praising",
    "touting",
    "criticizing",
    "criticising",
    "defending",
    "urging",
    "underscoring",
    "highlighting",
    "spotlighting",
    "reflecting",
    "echoing",
    "signaling",
    "signalling",
    "sparking",
    "fueling",
    "fuelling",
    "marking",
    "capping",
    "aiming",
    "outlining",
];

/// Words that open an introductory phrase ("In a memo from the agency,
/// ..."): a main clause that opens so and has no other comma is that
/// phrase alone, not a clause.
pub(crate) const INTRO: &[&str] = &[
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
    if !CUT.contains(&first) {
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
                 sparking hopes of a busy winter for island shops."
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
        // An outcome, a toll, a preposition, a list, a quotation, a short
        // main clause, a capital.
        for s in [
            "Dock workers in Portville voted on Friday to accept the new pay offer, ending a six-week strike.",
            "A storm hit the coast town of Portville late on Sunday, killing three fishermen.",
            "The harbour master closed the north pier to all boats on Sunday, Saying nothing more.",
            "The ferry carried forty passengers on Sunday morning, according to the port authority.",
            "The council will spend the money on roads, bridges, housing and the old harbour wall.",
            "The mayor said the town would \"rebuild the pier, making it stronger than before.\"",
            "The ferry sank, citing grief in the town.",
            "The ferry sank near the north pier on Sunday.",
            "The ferry sank near the north pier on Sunday, saying.",
            "In a letter to the harbour board of the town (the port's owners), acting director Ann Lee resigned.",
            "In a letter to the harbour board of the northern town of Portville, pleading for more money.",
            "Harbour master: \u{201c}The north pier of the town will stay shut all winter, blocking the ferry.",
        ] {
            assert_eq!(trim(s), None, "{s}");
        }
    }
}
