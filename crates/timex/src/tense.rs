//! Tense: which way an expression without a year leans, from the verbs
//! around it.
//!
//! "on Friday" in "will meet on Friday" is the coming Friday; in "met on
//! Friday" the last one. We look for a cue word within the sentence,
//! nearest first (backwards, then forwards), a bounded number of tokens.

use crate::anchor::Lean;
use crate::scanner::{Shape, Token};

/// How far to look for a cue, in tokens.
const BACK: usize = 12;
const AHEAD: usize = 8;

/// The lean the sentence suggests for the phrase at tokens `first..end`,
/// or `None` when no cue is near.
pub(crate) fn lean(text: &str, toks: &[Token], first: usize, end: usize) -> Option<Lean> {
    if let Some(l) = lean_before(text, toks, first) {
        return Some(l);
    }
    let stop = end.saturating_add(AHEAD).min(toks.len());
    for i in end..stop {
        let t = &toks[i];
        if ends_sentence(text, toks, i) || t.newline {
            break;
        }
        if let Some(l) = cue(text, toks, i) {
            return Some(l);
        }
    }
    None
}

/// The lean of the nearest cue before the phrase in its sentence ("will
/// meet on Friday"): what the phrase's own clause says, where a cue after
/// it often belongs to the next clause ("met on Friday and will ...").
pub(crate) fn lean_before(text: &str, toks: &[Token], first: usize) -> Option<Lean> {
    let mut i = first;
    let mut steps = 0;
    while i > 0 && steps < BACK {
        i -= 1;
        steps += 1;
        let t = &toks[i];
        if ends_sentence(text, toks, i) {
            break;
        }
        if let Some(l) = cue(text, toks, i) {
            return Some(l);
        }
        if t.newline {
            break;
        }
    }
    None
}

/// A lean fixed by the word right before the phrase (a preposition
/// between is allowed): "the year ended Jan. 31" is past however far
/// January is, "effective June 1" ahead. Stronger than [`lean`], which
/// only breaks ties between near occurrences.
pub(crate) fn adjacent(text: &str, toks: &[Token], first: usize) -> Option<Lean> {
    let word = |i: usize| toks.get(i).and_then(|t| text.get(t.start..t.end));
    let mut i = first.checked_sub(1)?;
    if word(i).is_some_and(|w| {
        ["on", "in", "at", "by"]
            .iter()
            .any(|p| w.eq_ignore_ascii_case(p))
    }) {
        i = i.checked_sub(1)?;
    }
    let w = word(i)?;
    // "invited the union to talks on Thursday", "called for a vote on
    // Monday": an event someone is asked to is still to come.
    const EVENTS: &[&str] = &[
        "talks",
        "meeting",
        "meetings",
        "vote",
        "ballot",
        "hearing",
        "summit",
        "negotiations",
    ];
    if EVENTS.iter().any(|e| w.eq_ignore_ascii_case(e))
        && i.checked_sub(1)
            .and_then(word)
            .is_some_and(|b| b.eq_ignore_ascii_case("to") || b.eq_ignore_ascii_case("for"))
    {
        return Some(Lean::Future);
    }
    // "the week ending May 22": a reporting period, named by its last day,
    // that is over by the time it is reported.
    let period = i
        .checked_sub(1)
        .and_then(word)
        .is_some_and(|b| ["week", "weeks"].iter().any(|p| b.eq_ignore_ascii_case(p)));
    if w.eq_ignore_ascii_case("ended") || (w.eq_ignore_ascii_case("ending") && period) {
        Some(Lean::Past)
    } else if w.eq_ignore_ascii_case("ending") || w.eq_ignore_ascii_case("effective") {
        Some(Lean::Future)
    } else {
        None
    }
}

/// A month and day used as the name of something that happened ("the
/// Jan. 6 attack", "the 3 March vote count", "since the May 1 riots"):
/// a determiner before the phrase and a word after it, or a word after it
/// that names a past event. Such a day is the latest one at or before the
/// anchor, whatever the verbs say ("will investigate the Jan. 6 attack").
/// A plan named by its day ("the March 3 deadline", "the June 1 vote")
/// is left to [`lean`].
pub(crate) fn named(text: &str, toks: &[Token], first: usize, end: usize) -> Option<Lean> {
    let word = |i: usize| {
        toks.get(i)
            .filter(|t| t.shape == Shape::Word)
            .and_then(|t| text.get(t.start..t.end))
    };
    let is = |w: &str, list: &[&str]| list.iter().any(|x| w.eq_ignore_ascii_case(x));
    // Things that are planned for a day rather than done on it.
    const PLANS: &[&str] = &[
        "deadline",
        "meeting",
        "meetings",
        "hearing",
        "hearings",
        "vote",
        "votes",
        "summit",
        "session",
        "date",
        "launch",
        "release",
        "target",
        "start",
        "opening",
        "premiere",
        "debate",
        "ballot",
        "talks",
        "conference",
        "election",
        "elections",
        "primary",
        "runoff",
        "referendum",
        "trial",
        "sentencing",
        "court",
        "appearance",
        "inauguration",
        "deadlines",
        "due",
        "kickoff",
        "event",
        "game",
        "match",
        "final",
        "concert",
        "show",
    ];
    // Things that only ever happened.
    const DEEDS: &[&str] = &[
        "attack",
        "attacks",
        "insurrection",
        "riot",
        "riots",
        "shooting",
        "shootings",
        "massacre",
        "bombing",
        "bombings",
        "uprising",
        "coup",
        "siege",
        "storming",
        "crash",
        "explosion",
        "blast",
        "killing",
        "killings",
        "raid",
        "assault",
        "invasion",
        "earthquake",
        "quake",
        "disaster",
        "tragedy",
        "rampage",
        "stabbing",
        "ambush",
    ];
    let next = word(end)?;
    if is(next, DEEDS) {
        return Some(Lean::Past);
    }
    // Joining words: the day is not a name ("the March 3 and 4 talks").
    const JOINS: &[&str] = &[
        "and", "or", "to", "through", "at", "in", "on", "of", "for", "with", "by", "from", "as",
        "is", "was", "will", "than", "that", "which", "until", "till",
    ];
    let before = first.checked_sub(1).and_then(word)?;
    // A plan may be named by a few words after the day ("the June 14 NATO
    // summit"), not only by the next one.
    let planned = (end..end + 3).map_while(word).any(|w| is(w, PLANS));
    (before.eq_ignore_ascii_case("the") && !planned && !is(next, JOINS)).then_some(Lean::Past)
}

/// Token `i` ends a sentence. The period of an abbreviation ("U.S.",
/// "Mr.", "Jan.") does not: it is glued to a short word and what follows
/// is not capitalised, or it closes a one-letter word.
fn ends_sentence(text: &str, toks: &[Token], i: usize) -> bool {
    let t = &toks[i];
    if t.is('!') || t.is('?') || t.is(';') {
        return true;
    }
    if !t.is('.') {
        return false;
    }
    let Some(prev) = i.checked_sub(1).and_then(|p| toks.get(p)) else {
        return true;
    };
    if t.space || prev.shape != Shape::Word {
        return true;
    }
    let short = text.get(prev.start..prev.end).is_some_and(|w| w.len() == 1);
    let next_lower = toks
        .get(i + 1)
        .is_some_and(|n| n.shape == Shape::Word && !n.cap);
    !(short || next_lower)
}

/// The lean a single word signals.
fn cue(text: &str, toks: &[Token], i: usize) -> Option<Lean> {
    let t = &toks[i];
    if t.shape != Shape::Word {
        return None;
    }
    let w = text.get(t.start..t.end)?;
    if w.len() > 12 || !w.is_ascii() {
        return None;
    }
    let mut buf = [0u8; 12];
    for (b, c) in buf.iter_mut().zip(w.bytes()) {
        *b = c.to_ascii_lowercase();
    }
    let w = std::str::from_utf8(&buf[..w.len()]).ok()?;
    let next_is = |words: &[&str]| {
        toks.get(i + 1)
            .and_then(|n| text.get(n.start..n.end))
            .is_some_and(|n| words.iter().any(|w| n.eq_ignore_ascii_case(w)))
    };
    let prev_is = |words: &[&str]| {
        i.checked_sub(1)
            .and_then(|p| toks.get(p))
            .and_then(|n| text.get(n.start..n.end))
            .is_some_and(|n| words.iter().any(|w| n.eq_ignore_ascii_case(w)))
    };
    // "was due to", "had been scheduled to": a plan told in the past
    // tense, about a day that has usually come and gone.
    let past_plan = || {
        let mut p = i;
        for _ in 0..2 {
            let Some(q) = p.checked_sub(1) else {
                return false;
            };
            p = q;
            let Some(pw) = toks.get(p).and_then(|t| text.get(t.start..t.end)) else {
                return false;
            };
            if ["was", "were", "had"]
                .iter()
                .any(|x| pw.eq_ignore_ascii_case(x))
            {
                return true;
            }
            if !pw.eq_ignore_ascii_case("been") {
                return false;
            }
        }
        false
    };
    if matches!(
        w,
        "scheduled" | "expected" | "due" | "planned" | "set" | "supposed"
    ) && past_plan()
    {
        return Some(Lean::Past);
    }
    match w {
        // "planned" and "set" are as often past deeds ("the rally
        // planned for Saturday was called off", "set Friday as the
        // deadline") as plans; only "is planned", "set to" look ahead.
        "planned" | "scheduled" if prev_is(&["is", "are", "be", "been"]) => {
            return Some(Lean::Future);
        }
        "planned" if next_is(&["to", "a", "an", "the"]) => return Some(Lean::Future),
        "planned" => return None,
        // "next to the embassy" is a place; "would-be migrants" a noun.
        "next" if next_is(&["to"]) => return None,
        "would" if toks.get(i + 1).is_some_and(|n| n.is('-') && !n.space) => return None,
        "set" if next_is(&["to", "for"]) => return Some(Lean::Future),
        "set" => return None,
        // "is to resume trading Tuesday".
        "to" if prev_is(&["is", "are"]) => return Some(Lean::Future),
        "will" | "shall" | "plans" | "plan" | "planning" | "scheduled" | "expected" | "expects"
        | "expect" | "due" | "upcoming" | "hopes" | "intends" | "aims" | "tomorrow" | "next"
        | "coming" | "until" | "would" | "could" | "soon" | "likely" | "effective"
        | "tentatively" => return Some(Lean::Future),
        "ll" if i > 0 && toks[i - 1].is('\'') => return Some(Lean::Future),
        "was" | "were" | "had" | "did" | "said" | "told" | "met" | "held" | "made" | "took"
        | "gave" | "came" | "went" | "began" | "fell" | "rose" | "won" | "lost" | "saw" | "ago"
        | "last" | "earlier" | "yesterday" | "since" | "sold" | "paid" | "left" | "spoke"
        | "wrote" | "got" | "became" | "kept" | "led" => {
            return Some(Lean::Past);
        }
        _ => {}
    }
    (w.len() >= 5 && w.ends_with("ed") && !w.ends_with("eed")).then_some(Lean::Past)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scanner::scan;

    fn lean_of(s: &str, word: &str) -> Option<Lean> {
        let toks = scan(s);
        let i = toks
            .iter()
            .position(|t| &s[t.start..t.end] == word)
            .unwrap();
        lean(s, &toks, i, i + 1)
    }

    #[test]
    fn finds_cues() {
        assert_eq!(
            lean_of("She will visit on Friday.", "Friday"),
            Some(Lean::Future)
        );
        assert_eq!(
            lean_of("She visited on Friday.", "Friday"),
            Some(Lean::Past)
        );
        assert_eq!(
            lean_of("On Friday she arrived.", "Friday"),
            Some(Lean::Past)
        );
        assert_eq!(
            lean_of("They'll talk on Friday.", "Friday"),
            Some(Lean::Future)
        );
        assert_eq!(lean_of("A visit. On Friday", "Friday"), None);
    }
}
