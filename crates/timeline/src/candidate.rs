//! Candidate developments: dated sentences that report something.

use jiff::civil::Date;
use storyline_timex::{Kind, Period};

use crate::sentence::sentences;
use crate::words;

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
            .filter_map(|t| t.period().filter(listed));
        // The finest period the sentence names.
        let Some(period) = inside.min_by_key(days) else {
            continue;
        };
        let Some(sentence) = text.get(start..end) else {
            continue;
        };
        let n = sentence.split_whitespace().count();
        if !(MIN_WORDS..=MAX_WORDS).contains(&n) || !words::has_action(sentence) || stamp(sentence)
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

/// A page's own time stamp ("Published: Wednesday 12 November 2025,
/// 18:00", "Updated 3 March"), which reports nothing.
fn stamp(sentence: &str) -> bool {
    let first = sentence
        .split(|c: char| !c.is_alphabetic())
        .find(|w| !w.is_empty())
        .unwrap_or("")
        .to_lowercase();
    matches!(
        first.as_str(),
        "published" | "updated" | "posted" | "modified"
    )
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
