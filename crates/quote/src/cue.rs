//! Cues: the words that mark a statement as someone's (`said`, `told`,
//! `according to`, `warned`, `has learned`, ...).
//!
//! The lexicon lists verbs of saying, reporting and stance in their
//! inflected forms; the list was chosen by how often each word really
//! introduces an attribution in news prose.

use crate::token::{Tk, Tok};

/// How a cue relates to its source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueKind {
    /// A verb: the source is its subject (`X said`, `said X`).
    Verb,
    /// `according to X`: the source follows.
    According,
}

/// Verbs whose object is the person addressed (`told reporters that ...`).
const ADDRESS: &[&str] = &[
    "told", "tells", "tell", "telling", "assured", "reminded", "warned", "informed", "urged",
];

/// Inflected forms of verbs that introduce a statement.
const VERBS: &[&str] = &[
    "say",
    "says",
    "said",
    "saying",
    "tell",
    "tells",
    "told",
    "telling",
    "add",
    "adds",
    "added",
    "adding",
    "note",
    "notes",
    "noted",
    "noting",
    "write",
    "writes",
    "wrote",
    "writing",
    "ask",
    "asks",
    "asked",
    "asking",
    "argue",
    "argues",
    "argued",
    "arguing",
    "claim",
    "claims",
    "claimed",
    "claiming",
    "insist",
    "insists",
    "insisted",
    "insisting",
    "warn",
    "warns",
    "warned",
    "warning",
    "deny",
    "denies",
    "denied",
    "denying",
    "explain",
    "explains",
    "explained",
    "explaining",
    "announce",
    "announces",
    "announced",
    "announcing",
    "acknowledge",
    "acknowledges",
    "acknowledged",
    "acknowledging",
    "admit",
    "admits",
    "admitted",
    "admitting",
    "report",
    "reports",
    "reported",
    "reporting",
    "state",
    "states",
    "stated",
    "stating",
    "declare",
    "declares",
    "declared",
    "declaring",
    "tweet",
    "tweets",
    "tweeted",
    "tweeting",
    "suggest",
    "suggests",
    "suggested",
    "suggesting",
    "urge",
    "urges",
    "urged",
    "urging",
    "reply",
    "replies",
    "replied",
    "replying",
    "respond",
    "responds",
    "responded",
    "responding",
    "recall",
    "recalls",
    "recalled",
    "recalling",
    "conclude",
    "concludes",
    "concluded",
    "concluding",
    "predict",
    "predicts",
    "predicted",
    "predicting",
    "stress",
    "stresses",
    "stressed",
    "stressing",
    "emphasize",
    "emphasized",
    "emphasised",
    "contend",
    "contends",
    "contended",
    "assert",
    "asserts",
    "asserted",
    "asserting",
    "concede",
    "concedes",
    "conceded",
    "conceding",
    "confirm",
    "confirms",
    "confirmed",
    "confirming",
    "reveal",
    "reveals",
    "revealed",
    "revealing",
    "complain",
    "complains",
    "complained",
    "complaining",
    "continued",
    "cautioned",
    "observed",
    "remarked",
    "joked",
    "quipped",
    "boasted",
    "bragged",
    "vow",
    "vows",
    "vowed",
    "vowing",
    "promise",
    "promises",
    "promised",
    "promising",
    "pledged",
    "proposed",
    "countered",
    "maintained",
    "maintains",
    "mentioned",
    "indicated",
    "indicates",
    "estimated",
    "estimates",
    "accuse",
    "accuses",
    "accused",
    "accusing",
    "criticize",
    "criticizes",
    "criticized",
    "criticizing",
    "criticised",
    "blasted",
    "blasts",
    "slammed",
    "slams",
    "praised",
    "praises",
    "praising",
    "defended",
    "defends",
    "defending",
    "described",
    "describes",
    "describing",
    "call",
    "calls",
    "called",
    "calling",
    "show",
    "shows",
    "showed",
    "showing",
    "found",
    "finds",
    "learned",
    "learnt",
    "cited",
    "citing",
    "cites",
    "quoted",
    "quoting",
    "quotes",
    "expressed",
    "expressing",
    "agreed",
    "agrees",
    "pointed",
    "pointing",
    "declined",
    "refused",
    "dismissed",
    "denounced",
    "denouncing",
    "rejected",
    "questioned",
    "attacked",
    "posted",
    "issued",
    "hinted",
    "believes",
    "thinks",
    "hopes",
    "hoping",
    "fears",
    "feared",
    "worried",
    "signaled",
    "signalled",
    "reiterated",
    "conceded",
    "decried",
    "lamented",
    "touted",
    "touting",
    "demanded",
    "demanding",
    "charged",
    "alleged",
    "alleges",
    "alleging",
    "threatened",
    "welcomed",
    "mocked",
    "ridiculed",
    "reckoned",
    "announces",
    "clarified",
    "speculated",
    "predicting",
    "testified",
    "wondered",
    "recounted",
    "elaborated",
    "summed",
    "conveyed",
    "stated",
];

/// Words that never start or sit inside a speaker phrase.
pub const STOP: &[&str] = &[
    "and",
    "or",
    "but",
    "that",
    "which",
    "whom",
    "whose",
    "when",
    "where",
    "while",
    "if",
    "because",
    "as",
    "than",
    "then",
    "so",
    "to",
    "in",
    "on",
    "at",
    "for",
    "with",
    "from",
    "by",
    "about",
    "into",
    "over",
    "after",
    "before",
    "during",
    "since",
    "until",
    "against",
    "among",
    "through",
    "under",
    "is",
    "was",
    "are",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "do",
    "does",
    "did",
    "will",
    "would",
    "can",
    "could",
    "may",
    "might",
    "must",
    "shall",
    "should",
    "not",
    "no",
    "also",
    "later",
    "previously",
    "repeatedly",
    "once",
    "again",
    "recently",
    "earlier",
    "still",
    "even",
    "just",
    "already",
    "never",
    "often",
    "publicly",
    "privately",
    "reportedly",
    "there",
    "here",
    "what",
    "how",
    "why",
    "yet",
    "too",
    "very",
    "it's",
    "nor",
    "now",
    "only",
    "both",
    "either",
    "whether",
    "although",
    "though",
    "like",
];

fn lower_eq(list: &[&str], w: &str) -> bool {
    w.len() <= 16 && list.iter().any(|x| x.eq_ignore_ascii_case(w))
}

/// Whether `w` names a weekday, in any ASCII case (`Monday`).
pub fn is_weekday(w: &str) -> bool {
    lower_eq(storyline_lexicon::WEEKDAYS, w)
}

/// Whether `w` is a month's full name, in any ASCII case (`March`, `May`),
/// not an abbreviation.
pub fn is_month_name(w: &str) -> bool {
    // The list entry found is already lower-case, so nothing is allocated.
    w.len() <= 16
        && storyline_lexicon::MONTHS
            .iter()
            .find(|m| m.eq_ignore_ascii_case(w))
            .is_some_and(|m| storyline_lexicon::is_month_name(m))
}

/// Whether `w` is a stop word for speaker phrases.
pub fn is_stop(w: &str) -> bool {
    lower_eq(STOP, w)
}

/// Whether `w` is a cue verb form.
pub fn is_cue_word(w: &str) -> bool {
    lower_eq(VERBS, w)
}

/// Verbs that report words and nothing else (`said`, `told`, `added`),
/// and `according to`: reported speech a reader can take as a statement.
const SPEECH: &[&str] = &[
    "say",
    "says",
    "said",
    "saying",
    "tell",
    "tells",
    "told",
    "telling",
    "add",
    "adds",
    "added",
    "adding",
    "write",
    "writes",
    "wrote",
    "state",
    "states",
    "stated",
    "explain",
    "explains",
    "explained",
    "argue",
    "argues",
    "argued",
    "insist",
    "insists",
    "insisted",
    "warn",
    "warns",
    "warned",
    "assert",
    "asserts",
    "asserted",
    "note",
    "notes",
    "noted",
    "stress",
    "stresses",
    "stressed",
    "declared",
    "announced",
    "announces",
    "acknowledged",
    "admitted",
    "reiterated",
    "replied",
    "predicted",
    "testified",
    "alleges",
    "alleged",
    "contends",
    "contended",
    "according",
];

/// Whether cue text (`said`, `according to`) is a verb of saying proper.
pub fn is_speech(cue: &str) -> bool {
    let first = cue.split_whitespace().next().unwrap_or("");
    lower_eq(SPEECH, first)
}

/// Whether the cue verb takes the addressee as its object.
pub fn takes_addressee(w: &str) -> bool {
    lower_eq(ADDRESS, w)
}

/// A cue found at a token.
#[derive(Clone, Copy, Debug)]
pub struct Cue {
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub end: usize,
    /// How the source relates.
    pub kind: CueKind,
}

/// The cue starting at token `i`, if any. Auxiliaries before it (`has
/// said`) are not part of the cue; particles after it (`pointed out`) are.
pub fn cue_at(text: &str, toks: &[Tok], i: usize) -> Option<Cue> {
    let t = toks.get(i)?;
    if t.k != Tk::Word {
        return None;
    }
    let w = t.text(text);
    let next = toks
        .get(i + 1)
        .filter(|n| n.is_word())
        .map(|n| n.text(text));
    if w.eq_ignore_ascii_case("according") {
        return next.filter(|n| n.eq_ignore_ascii_case("to")).map(|_| Cue {
            first: i,
            end: i + 2,
            kind: CueKind::According,
        });
    }
    if !is_cue_word(w) {
        return None;
    }
    // `A Tribe Called Quest`: a capital inside a name run is no verb.
    if t.cap
        && i.checked_sub(1)
            .and_then(|p| toks.get(p))
            .is_some_and(|p| p.is_word() && p.cap)
    {
        return None;
    }
    let prev = i
        .checked_sub(1)
        .and_then(|p| toks.get(p))
        .filter(|p| p.is_word())
        .map(|p| p.text(text));
    // `declined to say`, `the call`, `a report`: infinitives and nouns.
    if prev.is_some_and(|p| {
        [
            "to", "the", "a", "an", "his", "her", "their", "its", "this", "that", "our", "my",
        ]
        .iter()
        .any(|x| x.eq_ignore_ascii_case(p))
    }) {
        return None;
    }
    // `X is said to ...`, `Y was told`: passive, so the subject is not the
    // one speaking.
    let mut p = i;
    while p > 0 && toks[p - 1].is_word() && i - p < 3 {
        let pw = toks[p - 1].text(text);
        if ["is", "was", "are", "were", "been", "being", "be"]
            .iter()
            .any(|x| x.eq_ignore_ascii_case(pw))
        {
            return None;
        }
        if !pw.ends_with("ly")
            && !["also", "not", "widely", "often"]
                .iter()
                .any(|x| x.eq_ignore_ascii_case(pw))
        {
            break;
        }
        p -= 1;
    }
    let lw = w.to_ascii_lowercase();
    // Weak cues need a clause-marking word right after them.
    let weak = matches!(
        lw.as_str(),
        "show"
            | "shows"
            | "showed"
            | "showing"
            | "found"
            | "finds"
            | "learned"
            | "learnt"
            | "state"
            | "states"
            | "report"
            | "reports"
            | "call"
            | "calls"
            | "note"
            | "notes"
            | "believes"
            | "thinks"
            | "hopes"
            | "hoping"
            | "fears"
            | "feared"
            | "worried"
            | "issued"
            | "posted"
            | "agreed"
            | "agrees"
            | "continued"
            | "pointed"
            | "pointing"
            | "promise"
            | "promises"
            | "claim"
            | "claims"
            | "stress"
            | "add"
            | "adds"
    );
    let mut end = i + 1;
    if matches!(lw.as_str(), "pointed" | "pointing") {
        if next.is_some_and(|n| n.eq_ignore_ascii_case("out")) {
            end = i + 2;
        } else {
            return None;
        }
    }
    if weak && end == i + 1 {
        let n = toks.get(i + 1)?;
        let ok = match n.k {
            Tk::Word => {
                let nw = n.text(text);
                ["that", "it", "the", "him", "her", "them", "on", "for", "a"]
                    .iter()
                    .any(|x| x.eq_ignore_ascii_case(nw))
            }
            Tk::Punct(':') | Tk::Punct(',') | Tk::Mark(_) => true,
            _ => false,
        };
        let show_like = matches!(
            lw.as_str(),
            "show"
                | "shows"
                | "showed"
                | "found"
                | "finds"
                | "learned"
                | "learnt"
                | "believes"
                | "thinks"
                | "hopes"
                | "fears"
                | "feared"
                | "worried"
                | "agreed"
                | "agrees"
                | "claim"
                | "claims"
                | "promise"
                | "promises"
                | "stress"
        );
        let strict = n.is_word() && n.text(text).eq_ignore_ascii_case("that");
        if !ok || (show_like && !strict && !matches!(n.k, Tk::Punct(':'))) {
            return None;
        }
    }
    Some(Cue {
        first: i,
        end,
        kind: CueKind::Verb,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;

    #[test]
    fn finds_verbs_and_according_to() {
        let t = "She said it; according to aides, the poll shows that he declined to say.";
        let toks = tokenize(t);
        let found: Vec<&str> = (0..toks.len())
            .filter_map(|i| cue_at(t, &toks, i))
            .map(|c| &t[toks[c.first].s..toks[c.end - 1].e])
            .collect();
        assert_eq!(found, ["said", "according to", "shows", "declined"]);
    }
}
