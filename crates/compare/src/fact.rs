//! Facts: whether a sentence states a checkable fact in a reporter's voice.
//!
//! Only such a sentence may be an outlet's exclusive. It must be a whole
//! declarative sentence ([`informative`]: a full sentence that ends in a
//! full stop, not page furniture, a byline or a photo caption) with a
//! finite verb and a main clause ([`fragment`] says when it has neither).
//! It must be the outlet's own report, not commentary ([`opinion`]): no
//! first or second person, questions or exclamations outside quotation
//! marks, no imperative opening, no "should" or "must" of the writer's
//! own, no evaluative or hedging words, and not mostly someone's quoted
//! words (whom an outlet quotes is listed apart). A sentence that opens
//! with a pronoun ("He quipped...") leans on the one before, so it cannot
//! stand alone as a detail either.

use crate::word::{Kind, Token, tokens};
use storyline_lexicon::{is_month, is_personal, is_weekday};

/// Lowercase phrases that mark page furniture rather than reporting, beside
/// the lexicon's [`storyline_lexicon::FURNITURE_PHRASES`].
const FURNITURE: &[&str] = &[
    "this article",
    "editor's note",
    "sponsored",
    "breaking news",
    "news alerts",
    "embed",
    "caption",
    "in this image",
    "pictured",
    ", left,",
    ", right,",
    ", center,",
    ", centre,",
    "from left",
    "(l-r)",
    "as he appeared",
    "as she appeared",
    "handout photo",
    "editor's picks",
    "(left)",
    "(right)",
    "(center)",
    "(l)",
    "(r)",
];

/// Lowercase openings of bylines and credits.
const OPENINGS: &[&str] = &[
    "by ",
    "reporting by",
    "editing by",
    "writing by",
    "details:",
];

/// Whether a sentence has the shape of a reported fact: a full sentence
/// of reasonable length, ending in a full stop, opening with a capital, a
/// digit or a quotation mark, not furniture, not shouted.
pub(crate) fn informative(text: &str) -> bool {
    let words = text.split_whitespace().count();
    if !(6..=70).contains(&words) {
        return false;
    }
    let Some(last) = storyline_sentence::final_mark(text) else {
        return false;
    };
    if last != '.' || text.ends_with("...") || text.ends_with(". . .") || text.contains("..\"") {
        return false;
    }
    let first = text.chars().next().unwrap_or(' ');
    if !(first.is_uppercase() || first.is_ascii_digit() || matches!(first, '"' | '\u{201c}')) {
        return false;
    }
    let lower = text.to_lowercase().replace('\u{2019}', "'");
    if storyline_lexicon::is_furniture(&lower)
        || FURNITURE.iter().any(|f| lower.contains(f))
        || OPENINGS.iter().any(|o| lower.starts_with(o))
    {
        return false;
    }
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    let upper = text.chars().filter(|c| c.is_uppercase()).count();
    // A bracket that never opens or closes: a piece cut from a longer text.
    if text.matches('(').count() != text.matches(')').count() {
        return false;
    }
    // Semicolons between names are a credits list, not a sentence.
    letters > 0 && upper * 2 <= letters && text.matches(';').count() < 3 && !caption_date(text)
}

/// Whether a sentence dates itself as a photo caption does: a weekday,
/// then a month, a day and a year ("Sunday, Feb. 26, 2017"), or a full
/// date that opens or closes it ("... in Alderton on March 4, 2030.").
fn caption_date(text: &str) -> bool {
    let toks = tokens(text, crate::story::MAX_TOKENS);
    let year = |t: &Token| t.kind == Kind::Number && t.text.len() == 4;
    let n = toks.len();
    // Month, day, maybe a comma, year, full stop.
    let closes = n >= 4
        && toks.get(n - 1).is_some_and(|t| t.is('.'))
        && toks.get(n - 2).is_some_and(year)
        && toks
            .get(n.saturating_sub(6)..n - 2)
            .is_some_and(|w| w.iter().any(|m| is_month(&m.lower())));
    // A caption may open with its date: "March 4, 2030 Crews in Alderton".
    let opens = toks.first().is_some_and(|m| is_month(&m.lower()))
        && toks.get(1).is_some_and(|d| d.kind == Kind::Number)
        && toks.iter().skip(2).take(2).any(year);
    closes
        || opens
        || toks.iter().enumerate().any(|(i, t)| {
            is_weekday(&t.lower())
                && toks
                    .iter()
                    .skip(i + 1)
                    .take(4)
                    .any(|m| is_month(&m.lower()))
                && toks.iter().skip(i + 2).take(8).any(year)
        })
}

/// The sentence with quoted words blanked out, and the share of its
/// letters that were quoted. `None` when its quotation marks do not pair
/// up (a piece of a quotation cut from a longer one).
fn unquoted(text: &str) -> Option<(String, f32)> {
    let straight = text.matches('"').count();
    let open = text.matches('\u{201c}').count();
    let close = text.matches('\u{201d}').count();
    if straight % 2 == 1 || open != close {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let (mut inside, mut quoted, mut letters) = (false, 0usize, 0usize);
    for c in text.chars() {
        match c {
            '"' => inside = !inside,
            '\u{201c}' => inside = true,
            '\u{201d}' => inside = false,
            _ => {}
        }
        if c.is_alphabetic() {
            letters += 1;
            if inside {
                quoted += 1;
            }
        }
        out.push(if inside { ' ' } else { c });
    }
    let share = if letters == 0 {
        0.0
    } else {
        quoted as f32 / letters as f32
    };
    Some((out, share))
}

/// Share of a sentence's letters in quotation marks above which it is
/// someone's words rather than the outlet's report.
const QUOTED: f32 = 0.4;

/// Words that open an imperative ("Don't blame...", "Imagine...").
const IMPERATIVE: &[&str] = &[
    "don't", "do", "let", "let's", "imagine", "consider", "remember", "look", "think", "note",
    "take", "try", "make", "go", "stop", "forget", "ask", "keep", "just", "please", "check", "see",
    "watch", "read", "get", "meet", "join", "find", "never", "be", "picture", "listen",
];

/// Words that open a sentence with a pronoun standing for someone or
/// something named before.
const PRONOUNS: &[&str] = &[
    "he", "she", "they", "it", "this", "that", "these", "those", "his", "her", "their", "its",
    "him", "them", "such", "it's", "that's", "he's", "she's", "they're", "they've", "he'd",
    "she'd", "they'd",
];

/// Pronouns that stand as a subject after an opening phrase ("In June,
/// he said..."): whom they stand for is in another sentence.
const SUBJECTS: &[&str] = &["he", "she", "they", "it"];

/// Words of the writer's judgement or hedging: a sentence in the
/// writer's voice that uses them is commentary.
const EVALUATIVE: &[&str] = &[
    "absurd",
    "amazing",
    "appalling",
    "apparently",
    "arguably",
    "astonishing",
    "awful",
    "beautiful",
    "bizarre",
    "breathtaking",
    "brilliant",
    "brutal",
    "clearly",
    "cool",
    "coolest",
    "countless",
    "cranky",
    "crazy",
    "dastardly",
    "debacle",
    "deplorable",
    "disastrous",
    "disconcerting",
    "disgraceful",
    "disgusting",
    "dreadful",
    "eloquent",
    "eloquently",
    "embarrassing",
    "famously",
    "fantastic",
    "fiasco",
    "finally",
    "frankly",
    "fun",
    "gifted",
    "glamorous",
    "gleeful",
    "glorious",
    "gorgeous",
    "hilarious",
    "honestly",
    "horrible",
    "hypocritical",
    "iconic",
    "idiotic",
    "incredible",
    "incredibly",
    "infamous",
    "insane",
    "interesting",
    "laughable",
    "magnificent",
    "masterful",
    "memorable",
    "memorably",
    "nonsense",
    "notorious",
    "obviously",
    "outrageous",
    "pathetic",
    "perhaps",
    "pretty",
    "probably",
    "remarkable",
    "ridiculous",
    "ridiculously",
    "sadly",
    "shameful",
    "shameless",
    "shocking",
    "somehow",
    "stunning",
    "stupid",
    "surely",
    "terrible",
    "unbelievable",
    "unfortunately",
    "valiant",
    "valiantly",
    "whopping",
    "wonderful",
];

/// Phrases of the writer's speculation or judgement ("may have gone too far",
/// "for better or worse").
const SPECULATION: &[&str] = &[
    "for better or worse",
    "get away with",
    "gets away with",
    "time-honored",
    "time-honoured",
    "may have",
    "might have",
    "must have",
    "may well",
    "would seem",
    "seems to",
    "seem to",
    "appears to",
    "too far",
];

/// Modal words of obligation: the writer's own "should" is commentary.
const MODALS: &[&str] = &["should", "must", "ought", "shouldn't", "mustn't"];

/// Reporting verbs: with one, a "should" or "must" is someone's reported
/// demand ("she said the city must pay"), not the writer's.
const REPORTING: &[&str] = &[
    "said",
    "says",
    "told",
    "according",
    "argued",
    "argues",
    "urged",
    "urges",
    "warned",
    "warns",
    "wrote",
    "added",
    "insisted",
    "demanded",
    "demands",
    "stated",
    "ruled",
    "announced",
    "called",
    "asked",
    "claimed",
    "claims",
    "contended",
    "suggested",
    "believes",
    "believe",
];

/// Whether the sentence is commentary rather than a report: see the
/// module overview. Quoted words are the people in the story talking, so
/// only the unquoted words are judged, and a sentence made mostly of
/// quoted words (or with unpaired quotation marks) is not the outlet's
/// report at all.
pub(crate) fn opinion(text: &str) -> bool {
    let Some((plain, share)) = unquoted(text) else {
        return true;
    };
    if share > QUOTED || text.starts_with(['"', '\u{201c}']) {
        return true;
    }
    let toks = tokens(&plain, 12);
    let lower = |t: &Token| t.lower().replace('\u{2019}', "'");
    let first = toks.iter().find(|t| t.kind == Kind::Word).map(lower);
    // "In 2012, he was...": the subject after a short opening phrase.
    let after_opening = toks
        .iter()
        .take(8)
        .position(|t| t.is(','))
        .and_then(|c| toks.get(c + 1))
        .map(lower);
    first.is_none_or(|w| PRONOUNS.contains(&w.as_str()))
        || after_opening.is_some_and(|w| SUBJECTS.contains(&w.as_str()))
        || voice(&plain)
}

/// Whether the writer's own words comment rather than report: the voice
/// checks of [`opinion`] on the words outside quotation marks, for a
/// sentence that may well quote someone (a claim, a denial).
pub(crate) fn commentary(text: &str) -> bool {
    unquoted(text).is_some_and(|(plain, _)| voice(&plain))
}

/// The voice checks on a sentence's unquoted words: a question or an
/// exclamation, an imperative opening, the first or second person,
/// evaluative words, or a "should" or speculation of the writer's own.
fn voice(plain: &str) -> bool {
    if plain.contains('?') || plain.contains('!') {
        return true;
    }
    let toks = tokens(plain, crate::story::MAX_TOKENS);
    let words: Vec<String> = toks
        .iter()
        .filter(|t| t.kind == Kind::Word)
        .map(|t| t.lower().replace('\u{2019}', "'"))
        .collect();
    if words
        .first()
        .is_some_and(|w| IMPERATIVE.contains(&w.as_str()))
    {
        return true;
    }
    // "US" in capitals is the country, not "us".
    let personal = toks
        .iter()
        .filter(|t| t.kind == Kind::Word && t.text != "US")
        .any(|t| is_personal(&t.lower()));
    if personal || words.iter().any(|w| EVALUATIVE.contains(&w.as_str())) {
        return true;
    }
    // Phrases match whole words: " may have " in " ... may have ... ".
    let joined = format!(" {} ", words.join(" "));
    let speculates = SPECULATION
        .iter()
        .any(|p| joined.contains(&format!(" {p} ")));
    (speculates || words.iter().any(|w| MODALS.contains(&w.as_str())))
        && !words.iter().any(|w| REPORTING.contains(&w.as_str()))
}

/// Auxiliaries, copulas and modals: each makes a clause finite.
const AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "am", "has", "have", "had", "will", "would", "can", "could", "may",
    "might", "shall", "did", "does", "do", "isn't", "aren't", "wasn't", "weren't", "hasn't",
    "haven't", "hadn't", "won't", "wouldn't", "can't", "couldn't", "didn't", "doesn't", "don't",
    "should", "must",
];

/// Common verbs whose past or present form has no regular ending.
const FINITE: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "took",
    "made",
    "went",
    "came",
    "gave",
    "saw",
    "found",
    "left",
    "met",
    "won",
    "lost",
    "fell",
    "rose",
    "began",
    "ran",
    "held",
    "paid",
    "sent",
    "spent",
    "struck",
    "broke",
    "brought",
    "bought",
    "built",
    "chose",
    "drove",
    "fled",
    "flew",
    "fought",
    "got",
    "grew",
    "hit",
    "kept",
    "knew",
    "led",
    "let",
    "put",
    "quit",
    "set",
    "shot",
    "shut",
    "sold",
    "sought",
    "spoke",
    "stood",
    "stole",
    "swore",
    "taught",
    "thought",
    "threw",
    "wrote",
    "became",
    "beat",
    "cut",
    "hung",
    "hid",
    "withdrew",
    "sank",
    "sat",
    "felt",
    "heard",
    "meant",
    "shook",
    "won",
    "plans",
    "wants",
    "faces",
    "remains",
    "includes",
    "shows",
    "seeks",
    "calls",
    "leads",
    "holds",
    "makes",
    "takes",
    "gives",
    "expects",
    "needs",
    "requires",
    "allows",
    "comes",
    "goes",
    "runs",
    "stands",
    "lives",
    "works",
    "owns",
    "controls",
    "means",
    "becomes",
    "denies",
    "accuses",
    "claims",
    "warns",
    "estimates",
    "reports",
    "represents",
    "serves",
];

/// Words ending in "-ed" that are not verbs.
const NOT_PAST: &[&str] = &["hundred", "kindred", "sacred", "naked", "wicked", "rugged"];

/// Whether a token is a finite verb, as far as spelling tells.
fn finite(toks: &[Token], i: usize) -> bool {
    let Some(t) = toks.get(i) else {
        return false;
    };
    if t.kind != Kind::Word {
        return false;
    }
    let w = t.lower().replace('\u{2019}', "'");
    if AUXILIARIES.contains(&w.as_str()) || FINITE.contains(&w.as_str()) {
        return true;
    }
    // "it's", "Kellogg's been": a contracted "is" or "has" after a pronoun.
    if matches!(
        w.as_str(),
        "it's" | "he's" | "she's" | "that's" | "there's" | "who's"
    ) {
        return true;
    }
    if i > 0 && t.capital() {
        return false;
    }
    let n = w.chars().count();
    if n >= 5 && w.ends_with("ed") && !w.ends_with("eed") && !NOT_PAST.contains(&w.as_str()) {
        return true;
    }
    // "Pell says the", "the council which meets on": a verb after its
    // subject and before more words ("the Kessock crews." ends a noun).
    let prev = i.checked_sub(1).and_then(|k| toks.get(k));
    let next = toks.get(i + 1);
    n >= 4
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
        && !w.contains('\'')
        && next.is_some_and(|n| n.kind == Kind::Word)
        && prev.is_some_and(|p| {
            p.capital()
                || matches!(
                    p.lower().as_str(),
                    "who" | "which" | "that" | "it" | "he" | "she"
                )
        })
}

/// Words that open a subordinate clause or a phrase: without a comma the
/// sentence never reaches a main clause ("During his visit to the city.").
const SUBORDINATE: &[&str] = &[
    "during",
    "after",
    "before",
    "while",
    "when",
    "whenever",
    "because",
    "although",
    "though",
    "if",
    "unless",
    "until",
    "despite",
    "amid",
    "following",
    "with",
    "without",
    "as",
    "not",
    "including",
    "like",
    "unlike",
    "except",
    "since",
    "whereas",
    "whether",
];

/// Whether the sentence is a fragment: no finite verb, or only a
/// subordinate opening with no main clause after it.
pub(crate) fn fragment(text: &str) -> bool {
    let toks = tokens(text, crate::story::MAX_TOKENS);
    if !(0..toks.len()).any(|i| finite(&toks, i)) {
        return true;
    }
    let first = toks.first().map(Token::lower).unwrap_or_default();
    SUBORDINATE.contains(&first.as_str()) && !toks.iter().any(|t| t.is(','))
}

/// Whether a sentence may stand as an outlet's exclusive fact: it is
/// read alone, so it must also stand alone as a summary's sentences do (no
/// opening "And" or "For that," leaning on the sentence before it).
pub(crate) fn fact(text: &str) -> bool {
    informative(text)
        && !opinion(text)
        && !fragment(text)
        && storyline_summary::standalone::faults(text).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_is_not_informative() {
        assert!(!informative(
            "By Jane Roe and Jim Doe, staff writers at the paper."
        ));
        assert!(!informative(
            "Will the bridge ever be finished by the city council?"
        ));
        assert!(!informative(
            "The mayor said the bridge would be finished by..."
        ));
        assert!(informative(
            "The mayor said the bridge would be finished by May."
        ));
        assert!(!informative(
            "Mayor Jo Pell, center, cuts the ribbon at the east end of the bridge."
        ));
        assert!(!informative(
            "Mayor Jo Pell cuts the ribbon in Alderton on Monday, March 4, 2030."
        ));
        assert!(!informative(
            "Mayor Jo Pell cuts the ribbon at the bridge in Alderton on March 4, 2030."
        ));
        assert!(informative(
            "Mayor Jo Pell cut the ribbon on March 4, 2030, and the bridge opened."
        ));
        assert!(!informative(
            "March 4, 2030 Crews in orange vests paint the rails of the Alderton bridge."
        ));
        assert!(!informative(
            "4), much like the steel used in the Alderton bridge and its rails."
        ));
        assert!(!informative(
            "Design, Ola Finn; steel, Alder Works; paint, Kessock Coatings; lights, Tam Oduya."
        ));
    }

    #[test]
    fn opinion_is_not_fact() {
        for s in [
            "We should all be ashamed of how the council treated the ferry crews.",
            "Don't blame the ferry crews for the delays at Alderton this winter.",
            "Why would anyone trust the council with another bridge after this?",
            "You have to admire the stubbornness of the Alderton council.",
            "The council must scrap the toll and apologise to every commuter now.",
            "It was a remarkable day for the people of Alderton and their bridge.",
            "The toll plan is an absurd way to pay for the Alderton repairs.",
            "Perhaps the mayor never meant to finish the bridge at Alderton.",
            "\"This bridge is the best thing that ever happened to our town,\" Pell said.",
            "What a day it was for the town of Alderton and its bridge!",
            "He cut the ribbon at the east end of the Alderton bridge on Monday.",
            "On Monday, she cut the ribbon at the east end of the Alderton bridge.",
            "It's half a bridge and half a toll booth, built by Pell for Alderton.",
            "For the people of Alderton, Mayor Pell may finally have gone too far.",
            "The new Alderton bridge is a beautiful sweep of steel over the river.",
            // From a real digest's "only here" lines, in our words.
            "The whole ribbon-cutting was a fiasco from the first speech to the last.",
            "For better or worse, opening a bridge with a brass band has become a local rite.",
            "For that, Mayor Pell has the Alderton ferry strike of 2029 to thank.",
            "And while the toll has the backing of 64% of drivers, the ferry has 30%.",
        ] {
            assert!(!fact(s), "{s}");
        }
    }

    #[test]
    fn commentary_allows_quotes() {
        assert!(!commentary(
            "\"We never spoke about the toll,\" Mayor Jo Pell said on Monday."
        ));
        assert!(commentary(
            "Ask yourself this: would Pell have denied the call if it never happened?"
        ));
    }

    #[test]
    fn fragments_are_not_fact() {
        for s in [
            "During her visit to Alderton to open the new bridge in March.",
            "Not the finest hour for the council of the town of Alderton.",
            "A bridge of steel and stone over the Alder river near the old mill.",
        ] {
            assert!(fragment(s), "{s}");
            assert!(!fact(s), "{s}");
        }
    }

    #[test]
    fn reported_facts_are_fact() {
        for s in [
            "Engineers found corroded cables that raised the repair bill to $4 million.",
            "Mayor Jo Pell said the city must repay the $4 million loan by 2031.",
            "The Alderton bridge reopened to traffic on Monday after eight months of repairs.",
            "Pell says the toll will end in June, when the loan of $4 million is repaid.",
            "In March, the council voted 7 to 2 to close the bridge for repairs.",
            "Contractor Ilo Brandt is paid by the county, not the city.",
        ] {
            assert!(fact(s), "{s}");
        }
    }
}
