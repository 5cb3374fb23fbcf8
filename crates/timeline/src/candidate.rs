//! Candidate developments: dated sentences that report something.

use jiff::civil::Date;
use storyline_timex::{Kind, Period};

use crate::{notice, words};
use storyline_sentence::{dateline, sentences};

/// A sentence that may be a development.
#[derive(Debug, Clone)]
pub(crate) struct Candidate {
    pub article: usize,
    pub start: usize,
    pub end: usize,
    pub period: Period,
    pub text: String,
    pub words: Vec<String>,
    /// Capitalised words inside the sentence (names, mostly).
    pub names: Vec<String>,
    pub inferred: bool,
    /// Position of the sentence in its article (leads tell it best).
    pub position: usize,
}

/// Fewest and most words of a sentence worth listing.
const MIN_WORDS: usize = 6;
const MAX_WORDS: usize = 70;

/// Adds the candidates of one article, its dates read against `anchor`.
pub(crate) fn collect(
    article: usize,
    text: &str,
    anchor: Option<Date>,
    inferred: bool,
    out: &mut Vec<Candidate>,
) {
    let timexes = storyline_timex::find(text, anchor);
    let mut next = 0;
    for (position, (start, end)) in sentences(text).into_iter().enumerate() {
        // Timexes come in text order: skip those before the sentence.
        while timexes.get(next).is_some_and(|t| t.end <= start) {
            next += 1;
        }
        let inside = timexes[next.min(timexes.len())..]
            .iter()
            .take_while(|t| t.start < end)
            .filter(|t| matches!(t.kind, Kind::Date | Kind::Time))
            // A date in someone's words or in a condition ("if the ban
            // lasts until Christmas") is no time something happened.
            .filter(|t| !hedged(text.get(start..t.start).unwrap_or("")))
            .filter(|t| !reference(text.get(start..t.start).unwrap_or("")))
            .filter_map(|t| t.period().filter(listed).map(|p| (t, p)))
            // "the March 4 flood" months later names an event; the
            // sentence ("councillors shelved an inquiry into the March 4
            // flood") did not happen then.
            .filter(|(t, p)| {
                let recalled = matches!((p.last_day(), anchor), (Some(l), Some(a)) if (a - l).get_days() > NAMED_AFTER_DAYS);
                !(recalled && named(text, t.start, t.end))
            })
            .map(|(t, p)| (p, t.ahead))
            // A day after the article's own, in words that do not look
            // ahead, would be a past event placed in the future: left out.
            // (An undated article's anchor is a guess: not checked.)
            .filter(|(p, ahead)| {
                inferred
                    || *ahead
                    || !matches!((p.first_day(), anchor), (Some(f), Some(a)) if f > a)
            });
        // The finest period the sentence names; of two days, one told as
        // done before one planned ("said on Monday that payments begin on
        // 1 May"), then the later: the earlier is usually an event recalled
        // ("opened its inquiry into the 9 May fire on Tuesday").
        let Some((period, _)) =
            inside.min_by_key(|(p, ahead)| (days(p), *ahead, std::cmp::Reverse(p.first_day())))
        else {
            continue;
        };
        // A wire dateline ("PLACE, Nov 9 (Agency) – ") is not the news.
        let start = start + text.get(start..end).map_or(0, dateline);
        let Some(sentence) = text.get(start..end) else {
            continue;
        };
        let n = sentence.split_whitespace().count();
        if !(MIN_WORDS..=MAX_WORDS).contains(&n)
            || !words::has_action(sentence)
            || notice::is_notice(sentence)
            || advice(sentence)
        {
            continue;
        }
        out.push(Candidate {
            article,
            start,
            end,
            period,
            text: words::tidy(sentence),
            words: words::content(sentence),
            names: words::names(sentence),
            inferred,
            position,
        });
    }
}

/// Days after a date from which the date, used as a name, is of an
/// earlier event (a date named within the fortnight is usually the news
/// itself: "in the May 28 vote").
const NAMED_AFTER_DAYS: i32 = 14;

/// Whether the calendar date at `start..end` of `text` is used as the name
/// of what happened on it: after "the" (and at most one more word, "the
/// deadly March 4 flood"), before a word it qualifies ("flood",
/// "Panel"). Only dates written with a number count: "the Monday
/// meeting" is this week's.
fn named(text: &str, start: usize, end: usize) -> bool {
    let (Some(before), Some(date), Some(after)) =
        (text.get(..start), text.get(start..end), text.get(end..))
    else {
        return false;
    };
    if !date.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let det = before
        .split_whitespace()
        .rev()
        .take(2)
        .any(|w| matches!(w.to_lowercase().as_str(), "the" | "this" | "that" | "last"));
    // An ordinal suffix the date left out ("March 4th Panel").
    let after = ["th ", "st ", "nd ", "rd "]
        .iter()
        .find_map(|s| after.strip_prefix(s).map(|a| a.trim_start()))
        .unwrap_or(after.strip_prefix(' ').unwrap_or(""));
    let next: String = after
        .chars()
        .take_while(|c| c.is_alphabetic() || *c == '-')
        .flat_map(char::to_lowercase)
        .collect();
    det && next.len() > 2 && !storyline_lexicon::is_function_word(&next)
}

/// Whether what follows `before` (a sentence up to a date) is inside a
/// quotation or an if/unless clause.
fn hedged(before: &str) -> bool {
    let straight = before.matches('"').count();
    let opened = before.matches('\u{201c}').count();
    let closed = before.matches('\u{201d}').count();
    if straight % 2 == 1 || opened > closed {
        return true;
    }
    before
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .rev()
        .take(8)
        .any(|w| w.eq_ignore_ascii_case("if") || w.eq_ignore_ascii_case("unless"))
}

/// Whether the date after `before` is the point a span is counted from
/// ("the first meeting since the mayor took office in January"): what the
/// sentence reports came later.
fn reference(before: &str) -> bool {
    before
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .rev()
        .take(8)
        .any(|w| w.eq_ignore_ascii_case("since"))
}

/// Service text for the reader, not a development: it speaks to them
/// ("If you have not heard by Friday, call the helpline") or names a
/// routine ("open on Tuesday and Thursday mornings", "every Monday").
/// Words inside quotation marks are someone's speech and do not count.
fn advice(sentence: &str) -> bool {
    let mut quoted = false;
    let mut prev = String::new();
    let mut prev_day = false;
    for piece in sentence.split_inclusive(|c: char| !c.is_alphanumeric()) {
        let word: String = piece
            .chars()
            .take_while(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        if !quoted && !word.is_empty() {
            if matches!(word.as_str(), "you" | "your" | "yours") {
                return true;
            }
            let day = storyline_lexicon::is_weekday(word.strip_suffix('s').unwrap_or(&word));
            let routine = (day
                && (word.ends_with('s') || matches!(prev.as_str(), "every" | "each")))
                || (prev_day
                    && matches!(
                        word.as_str(),
                        "mornings" | "afternoons" | "evenings" | "nights"
                    ));
            if routine {
                return true;
            }
            prev_day = day;
            prev = word;
        }
        if piece.ends_with(['"', '\u{201C}', '\u{201D}']) {
            quoted = !quoted;
        }
    }
    false
}

/// Periods fine enough to place a development: up to a quarter.
fn listed(p: &Period) -> bool {
    matches!(
        p,
        Period::Day(_) | Period::Week { .. } | Period::Month { .. } | Period::Quarter { .. }
    )
}

fn days(p: &Period) -> i32 {
    match (p.first_day(), p.last_day()) {
        (Some(a), Some(b)) => (b - a).get_days(),
        _ => i32::MAX,
    }
}

#[cfg(test)]
mod tests {
    use super::advice;

    #[test]
    fn a_date_a_span_is_counted_from_is_not_the_news() {
        use super::reference;
        assert!(reference(
            "It was their first meeting since the mayor took office in "
        ));
        assert!(reference("The bridge has stayed shut since "));
        assert!(!reference("The bridge was shut on "));
    }

    #[test]
    fn a_date_that_names_an_event_is_not_when_the_sentence_happened() {
        use super::named;
        let at = |s: &str, d: &str| {
            let i = s.find(d).unwrap();
            named(s, i, i + d.len())
        };
        assert!(at(
            "Councillors shelved an inquiry into the deadly March 4 flood.",
            "March 4"
        ));
        assert!(at(
            "The mayor named members of the March 4 Flood Panel.",
            "March 4"
        ));
        assert!(at("Members of the March 4th Panel met.", "March 4"));
        assert!(!at("On March 4 the river burst its banks.", "March 4"));
        assert!(!at(
            "The river burst its banks on March 4, the council said.",
            "March 4"
        ));
        assert!(!at("The Monday meeting ended early.", "Monday"));
        assert!(!at("the flood of March 4 and its aftermath", "March 4"));
    }

    #[test]
    fn dates_in_quotes_and_conditions_are_hedged() {
        use super::hedged;
        assert!(hedged("\"We will sell oysters for "));
        assert!(hedged("Growers may close if the ban lasts until "));
        assert!(!hedged("\"It is over,\" she said on "));
        assert!(!hedged("The ban was lifted on "));
    }

    #[test]
    fn service_text_is_not_a_development() {
        assert!(advice(
            "If you have not had a letter by Friday, call the helpline."
        ));
        assert!(advice(
            "Volunteers help at the library on Tuesday and Thursday mornings."
        ));
        assert!(advice("The office is open on Mondays from 9am."));
        assert!(advice("Buses run every Sunday until March."));
        assert!(!advice("The court heard evidence on Monday and Tuesday."));
        assert!(!advice(
            "\"You will pay for this,\" the mayor told the council on Friday."
        ));
        assert!(!advice(
            "The minister resigned on Wednesday after the vote."
        ));
    }
}
