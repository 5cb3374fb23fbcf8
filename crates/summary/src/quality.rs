//! Quality: which sentences may stand in a summary at all.
//!
//! Page furniture ("Click here", bylines, photo credits, share buttons),
//! headlines and captions (lines without a sentence end), questions,
//! truncated teasers ("..."), and sentences too short or too long to carry
//! one fact are dropped before scoring, so they can neither be picked nor
//! pull the story's centroid.

use crate::Config;

/// Lowercase phrases that mark furniture anywhere in a sentence, beside the
/// lexicon's [`storyline_lexicon::FURNITURE_PHRASES`].
const FURNITURE: &[&str] = &[
    "follow him on",
    "follow her on",
    "this article has been",
    "associated press contributed",
    "photo credit",
    "image caption",
    "image copyright",
    "related coverage",
    "share on",
    "email this",
    "javascript",
    ".com/",
    "(ap photo",
    "(reuters)",
    "(associated press)",
    "[…]",
    "[...]",
    "listen:",
    "download the",
    "sponsored content",
    "sponsored post",
    "sponsored links",
    "paid post",
    "media playback",
    "media caption",
    "toggle caption",
    "enlarge this image",
    "autoplay",
    "continue reading",
    "please sign in",
    "licensing requests",
    "from wikipedia, the free encyclopedia",
    "is pictured",
    "are pictured",
];

/// Lowercase openings of bylines and credits.
const OPENINGS: &[&str] = &[
    "photos:",
    "caption:",
    "editor's note",
    "filed under",
    "update:",
    "published:",
    "warning:",
    "message:",
    "close ",
    "embed ",
];

/// Lowercase first words of sentences that lean on a context the summary
/// will not have ("He said...", "But the plan...").
const DANGLING: &[&str] = &[
    "he",
    "she",
    "they",
    "it",
    "this",
    "that",
    "that's",
    "these",
    "those",
    "his",
    "her",
    "their",
    "its",
    "him",
    "them",
    "and",
    "but",
    "or",
    "so",
    "also",
    "yet",
    "then",
    "still",
    "we",
    "i",
    "you",
    "our",
    "my",
    "it's",
    "here",
    "here's",
    "there's",
    "thus",
    "hence",
    "instead",
    "otherwise",
    "besides",
    "meanwhile",
    "such",
    "both",
    "neither",
    "either",
    "another",
    "other",
    "others",
    "moreover",
    "furthermore",
    "additionally",
    "indeed",
    "however",
    "while",
    "though",
    "although",
    "because",
    "which",
    "who",
    "whose",
    "where",
];

/// Whether the sentence `text` of `words` words may be a summary sentence.
pub fn keep(text: &str, words: usize, config: &Config) -> bool {
    if words < config.min_words || words > config.max_words {
        return false;
    }
    let Some(last) = storyline_sentence::final_mark(text) else {
        return false;
    };
    // Headlines, captions and fragments have no sentence end; questions and
    // teasers ("...") do not state a fact.
    if !matches!(last, '.' | '!') || text.ends_with("...") || text.ends_with("..\"") {
        return false;
    }
    let first = text.chars().next().unwrap_or(' ');
    if !(first.is_uppercase()
        || first.is_ascii_digit()
        || matches!(first, '"' | '\u{201c}' | '\'' | '\u{2018}'))
    {
        return false;
    }
    // A quotation opened but not closed (or closed but not opened) is one
    // sentence of a longer quote: it reads as a fragment on its own.
    if !balanced(text) {
        return false;
    }
    // A short sentence that leans on the one before ("This is his time to
    // act.") says nothing on its own.
    if words < SHORT_ALONE && dangling(text) {
        return false;
    }
    plain(text)
}

/// Below this many words, a sentence that opens with a leaning word
/// ([`dangling`]) is dropped rather than ranked lower.
const SHORT_ALONE: usize = 10;

/// Whether the text is neither furniture nor shouting (mostly capitals).
pub(crate) fn plain(text: &str) -> bool {
    let lower = text.to_lowercase();
    if storyline_lexicon::is_furniture(&lower)
        || FURNITURE.iter().any(|f| lower.contains(f))
        || OPENINGS.iter().any(|o| lower.starts_with(o))
        || byline(text)
        || credit(text)
    {
        return false;
    }
    // Mostly capitals: a shouted headline or a label.
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    let upper = text.chars().filter(|c| c.is_uppercase()).count();
    letters > 0 && upper * 2 <= letters
}

/// Whether the text holds a photo credit run into it ("... floor on
/// Wednesday. | Jane Doe/HERALD"): a name, a slash and an agency in
/// capitals. "Israel/Palestine" and "US/UK" are prose.
fn credit(text: &str) -> bool {
    text.split_whitespace().any(|w| {
        let w = w.trim_end_matches([',', '.', ')', ';']);
        let Some((name, agency)) = w.split_once('/') else {
            return false;
        };
        name.chars().next().is_some_and(char::is_uppercase)
            && name.chars().any(char::is_lowercase)
            && name
                .chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
            && agency.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && agency.chars().all(|c| c.is_uppercase() || c == '.')
    })
}

/// Whether the text opens with a byline ("By Jane Doe, staff writer"):
/// "By" and a name. "By Friday, ...", "By contrast, ..." and "By 2050, ..."
/// are prose.
fn byline(text: &str) -> bool {
    let mut words = text.split_whitespace();
    if !words.next().is_some_and(|w| w.eq_ignore_ascii_case("by")) {
        return false;
    }
    let Some(next) = words.next() else {
        return false;
    };
    let name: String = next
        .chars()
        .take_while(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    next.chars().next().is_some_and(char::is_uppercase)
        && !storyline_lexicon::is_weekday(&name)
        && !storyline_lexicon::is_month(&name)
}

/// Whether the sentence `text` of `words` words is a teaser cut off with
/// "..." (feeds and snippets end so): not fit to quote, but its words are
/// the article's and may tell what it is about.
pub fn teaser(text: &str, words: usize, config: &Config) -> bool {
    if words < config.min_words || words > config.max_words {
        return false;
    }
    storyline_sentence::cut_off(text) && plain(text)
}

/// Whether the sentence's double quotation marks can stand alone: one that
/// opens with a mark must close it (curly marks pair up, straight ones come
/// in even numbers), and the first mark must not be a closing one. Other
/// stray marks are left alone: wire copy mixes its quote styles.
pub fn balanced(text: &str) -> bool {
    let (mut open, mut close, mut straight) = (0usize, 0usize, 0usize);
    for c in text.chars() {
        match c {
            '\u{201c}' => open += 1,
            '\u{201d}' => close += 1,
            '"' => straight += 1,
            _ => {}
        }
    }
    let starts = text.starts_with(['"', '\u{201c}']);
    if starts && (open > close || straight % 2 == 1) {
        return false;
    }
    // The first mark closes a quotation: this is the tail of one that
    // began in an earlier sentence ("The town is waiting," he added.).
    let mut prev = ' ';
    for c in text.chars() {
        match c {
            '\u{201d}' => return false,
            '\u{201c}' => return true,
            '"' => {
                return prev.is_whitespace() || matches!(prev, '(' | '[' | '\u{2014}' | '\u{2013}');
            }
            _ => prev = c,
        }
    }
    true
}

/// Whether the writer speaks in the first or second person outside
/// quotation marks ("As I wrote last week, ..."): commentary rather than
/// a report. Quoted speech is the people in the story talking. The words
/// are the lexicon's [`storyline_lexicon::PERSONAL`].
pub fn personal(text: &str) -> bool {
    let mut quoted = false;
    let mut word = String::new();
    // A word right after a full stop is a letter of an abbreviation
    // ("F.B.I."), and "I." a numeral ("World War I."), not the pronoun.
    let (mut prev, mut dotted) = (' ', false);
    for c in text.chars().chain(std::iter::once(' ')) {
        if c.is_alphabetic() || c == '\'' || c == '\u{2019}' {
            if word.is_empty() {
                dotted = prev == '.';
            }
            word.push(if c == '\u{2019}' { '\'' } else { c });
            prev = c;
            continue;
        }
        prev = c;
        // "US" in capitals is the country, not "us".
        // A lower-case "i" is a letter ("i.e."), never the pronoun.
        let other = quoted || dotted || (c == '.' && word == "I") || word == "US" || word == "i";
        if !other && storyline_lexicon::is_personal(&word.to_lowercase()) {
            return true;
        }
        word.clear();
        match c {
            '"' => quoted = !quoted,
            '\u{201c}' => quoted = true,
            '\u{201d}' => quoted = false,
            _ => {}
        }
    }
    false
}

/// Whether the sentence opens with a word that leans on the sentences
/// before it ("He said...", "But the plan..."): such sentences are kept
/// (they often carry the facts) but rank lower.
pub fn dangling(text: &str) -> bool {
    let first: String = text
        .chars()
        .skip_while(|c| !c.is_alphanumeric())
        .take_while(|c| c.is_alphanumeric() || *c == '\'' || *c == '\u{2019}')
        .take(16)
        .flat_map(char::to_lowercase)
        .map(|c| if c == '\u{2019}' { '\'' } else { c })
        .collect();
    DANGLING.contains(&first.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(s: &str) -> bool {
        keep(s, s.split_whitespace().count(), &Config::default())
    }

    #[test]
    fn keeps_plain_statements() {
        assert!(ok("The council approved the new bridge budget on Tuesday."));
        assert!(ok(
            "\"We will build it,\" the mayor said on Tuesday evening."
        ));
    }

    #[test]
    fn drops_furniture_and_fragments() {
        assert!(!ok("This is his time to act."));
        assert!(!ok("The town is waiting,\" the mayor added on Friday."));
        assert!(!ok(
            "We will rebuild the wall\u{201d}, the mayor said on Friday."
        ));
        assert!(!ok("But it did not happen that way."));
        assert!(!ok("Click here to read the full story about the bridge."));
        assert!(!ok(
            "By Jane Doe and John Roe, staff writers for the paper."
        ));
        assert!(!ok("Will the bridge ever be built in this town of ours?"));
        assert!(!ok("The mayor said the bridge would be built by next..."));
        assert!(!ok("A bridge too far for the town council"));
        assert!(!ok("Too short."));
        assert!(!ok(
            "The mayor walks to the pier on Wednesday. | Jane Doe/HARBOUR POST Council backs the budget."
        ));
        assert!(ok(
            "The Velmora/Oldmere ferry and the US/UK talks resumed on Wednesday."
        ));
        assert!(!ok(
            "and then the council voted again on the bridge budget."
        ));
    }

    #[test]
    fn drops_one_sentence_of_a_longer_quote() {
        // The first sentence of a two-sentence quotation never closes it.
        assert!(!ok(
            "\u{201c}The bridge will open in the spring of next year."
        ));
        assert!(!ok("\"The bridge will open in the spring of next year."));
        assert!(ok(
            "\u{201c}The bridge will open in spring,\u{201d} the mayor said on Monday."
        ));
        // Stray marks elsewhere are left alone.
        assert!(ok("The mayor called the bridge \"a gift to the town."));
        assert!(balanced("") && balanced("No quotes at all here."));
    }

    #[test]
    fn prose_opening_with_by_is_no_byline() {
        assert!(!ok("By Jane Doe, staff writer at the Portville Post."));
        assert!(ok(
            "By Friday, the council had approved the new bridge budget."
        ));
        assert!(ok(
            "By contrast, the old bridge cost half as much to build."
        ));
        assert!(ok(
            "By 2030 the town expects twice as many ferry passengers."
        ));
        // A sponsor of a bill is news, not an advertisement.
        assert!(ok(
            "The council passed a harbour bill sponsored by the mayor."
        ));
        assert!(!ok(
            "This sponsored content is brought to you by the harbour."
        ));
    }

    #[test]
    fn the_writers_own_voice_is_personal() {
        assert!(personal(
            "As I wrote last week, the bridge is a waste of money."
        ));
        assert!(personal("Let's be clear about what the council has done."));
        assert!(personal("The council has let us down again."));
        // Quoted speech is the people in the story talking.
        assert!(!personal(
            "\u{201c}We will build it,\u{201d} the mayor said on Tuesday."
        ));
        assert!(!personal("\"Give us the bridge,\" the crowd shouted."));
        assert!(!personal("The US and Canada signed the river treaty."));
        assert!(!personal(
            "The F.B.I. agent and the U.S. consul met the mayor."
        ));
        assert!(!personal("The pier was built before World War I."));
        assert!(!personal(
            "The cheap kind of pier, i.e. a wooden one, rots in a decade."
        ));
        assert!(personal("The council has let us down."));
        assert!(!personal(
            "The council approved the bridge budget on Tuesday."
        ));
    }

    #[test]
    fn teasers_are_cut_off_sentences() {
        let c = Config::default();
        let t = |s: &str| teaser(s, s.split_whitespace().count(), &c);
        assert!(t("The council said the new bridge over the river would..."));
        assert!(t(
            "\u{201c}We will build the bridge over the river by\u{2026}"
        ));
        assert!(!t("The council said the new bridge would open in May."));
        assert!(!t("Click here to read more about the bridge..."));
        assert!(!t("Too short..."));
    }
}
