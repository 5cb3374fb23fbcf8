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
    // A line that carries an embedded post is the post, all its sentences.
    let embeds = storyline_lexicon::social_embed_lines(text);
    let mut next = 0;
    for (position, (start, end)) in sentences(text).into_iter().enumerate() {
        if embeds.iter().any(|&(a, b)| a <= start && start < b) {
            continue;
        }
        // Timexes come in text order: skip those before the sentence.
        while timexes.get(next).is_some_and(|t| t.end <= start) {
            next += 1;
        }
        let sentence = text.get(start..end).unwrap_or("");
        let dated: Vec<_> = timexes[next.min(timexes.len())..]
            .iter()
            .take_while(|t| t.start < end)
            .filter(|t| matches!(t.kind, Kind::Date | Kind::Time))
            .filter_map(|t| t.period().filter(listed).map(|p| (t, p)))
            .collect();
        // Dates that do not say when the sentence happened, though they
        // are in it; and dates that give way to any other the sentence
        // has: a deadline, or a date that names an event ("urged a vote in
        // the May 20 council election").
        let classify = |t: &storyline_timex::Timex, p: &Period| {
            let before = text.get(start..t.start).unwrap_or("");
            let past = matches!((p.last_day(), anchor), (Some(l), Some(a)) if l < a);
            let recalled = matches!((p.last_day(), anchor), (Some(l), Some(a)) if (a - l).get_days() > NAMED_AFTER_DAYS);
            let names = named(text, t.start, t.end);
            // A date in someone's words or in a condition ("if the ban
            // lasts until Christmas") is no time something happened.
            let aside = hedged(before)
                || reference(before)
                || compared_from(before, text.get(t.end..).unwrap_or(""))
                // "the March 4 flood" months later names an event; the
                // sentence ("councillors shelved an inquiry into the March
                // 4 flood") did not happen then.
                || (recalled && names)
                // "has reopened" cannot take a past date: "the flood in
                // March" is another event's.
                || (past
                    && perfect(
                        sentence,
                        t.start.saturating_sub(start),
                        t.end.saturating_sub(start),
                    ));
            (aside, deadline(before) || names)
        };
        let classes: Vec<(bool, bool)> = dated.iter().map(|(t, p)| classify(t, p)).collect();
        let other = classes.iter().any(|&(aside, due)| !aside && !due);
        let is_aside: Vec<bool> = classes
            .iter()
            .map(|&(aside, due)| aside || (due && other))
            .collect();
        let set_aside: Vec<&Period> = dated
            .iter()
            .zip(&is_aside)
            .filter_map(|((_, p), &a)| a.then_some(p))
            .collect();
        let inside = dated
            .iter()
            .zip(&is_aside)
            .filter(|(_, a)| !**a)
            .map(|(d, _)| d)
            // "that day" after a date set aside is that date again.
            .filter(|(t, p)| {
                !(anaphor(text.get(t.start..t.end).unwrap_or("")) && set_aside.contains(&p))
            })
            .map(|(t, p)| (*p, t.ahead))
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
            // A snippet cut short has lost what happened; a sentence that
            // leads into a colon left it to what follows (a post, a letter).
            || storyline_sentence::cut_off(sentence)
            || storyline_sentence::final_mark(sentence) == Some(':')
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
    // An ordinal suffix the date left out ("March 4th Panel"); any space
    // after it (pages put no-break spaces around dates).
    let after = ["th", "st", "nd", "rd"]
        .iter()
        .find_map(|s| after.strip_prefix(s))
        .unwrap_or(after);
    let after = after
        .strip_prefix(char::is_whitespace)
        .map_or("", str::trim_start);
    let next: String = after
        .chars()
        .take_while(|c| c.is_alphabetic() || *c == '-')
        .flat_map(char::to_lowercase)
        .collect();
    det && next.len() > 2 && !storyline_lexicon::is_function_word(&next)
}

/// Whether a date phrase points back at a date already given ("that day",
/// "the same week").
fn anaphor(phrase: &str) -> bool {
    let lower = phrase.trim_start().to_lowercase();
    lower.starts_with("that ") || lower.starts_with("the same ")
}

/// Words that may stand between "has" and its participle.
const BETWEEN: &[&str] = &[
    "already", "also", "long", "never", "not", "now", "since", "still", "yet",
];

/// Words before "have" that make it no present perfect ("to have left",
/// "may have left" take a past date).
const NOT_PRESENT: &[&str] = &[
    "can", "could", "may", "might", "must", "shall", "should", "to", "will", "would",
];

/// Words that open another clause, with its own tense.
const CLAUSE: &[&str] = &[
    "after", "although", "because", "before", "if", "that", "though", "unless", "when", "where",
    "which", "while", "who", "whom", "whose",
];

/// Words before a date that make it the end of a span counted up to it
/// ("has raised $2m through June 30"): the perfect's own time.
const UP_TO: &[&str] = &["as of", "by", "through", "till", "until"];

/// Whether the clause around the date at `start..end` of `sentence` is in
/// the present perfect ("has reopened", "have been told"), with no break
/// and no verb in the past between the two, and none before them. English
/// does not join that tense with a past date, so a past date there belongs
/// to something else ("the flood in March has been blamed on ...").
fn perfect(sentence: &str, start: usize, end: usize) -> bool {
    // ASCII folding keeps every byte where it was.
    let lower = sentence.to_ascii_lowercase();
    let before_date = lower.get(..start).unwrap_or("").trim_end();
    if UP_TO
        .iter()
        .any(|w| before_date.ends_with(&format!(" {w}")))
    {
        return false;
    }
    let tokens = word_spans(&lower);
    let past = |ws: &[(usize, &str)]| ws.iter().any(|&(_, w)| storyline_lexicon::is_past(w));
    for (k, &(at, w)) in tokens.iter().enumerate() {
        if !(w == "has" || w == "have")
            || k.checked_sub(1)
                .is_some_and(|p| NOT_PRESENT.contains(&tokens[p].1))
        {
            continue;
        }
        let Some(p) = (k + 1..tokens.len()).find(|&i| {
            let x = tokens[i].1;
            !(BETWEEN.contains(&x) || x.ends_with("ly"))
        }) else {
            continue;
        };
        let x = tokens[p].1;
        let participle = |x: &str| {
            storyline_lexicon::is_past(x)
                || storyline_lexicon::IRREGULAR_VERBS.binary_search(&x).is_ok()
        };
        if !(x == "been" || participle(x)) {
            continue;
        }
        // "has been reopened": the participle after "been" is the perfect's too.
        let group_end = if x == "been" && tokens.get(p + 1).is_some_and(|t| participle(t.1)) {
            p + 2
        } else {
            p + 1
        };
        let (gap, words) = if at < start {
            let inside: Vec<_> = tokens[group_end..]
                .iter()
                .copied()
                .take_while(|t| t.0 < start)
                .collect();
            (lower.get(at..start), inside)
        } else {
            let inside: Vec<_> = tokens[..k].iter().copied().filter(|t| t.0 >= end).collect();
            (lower.get(end..at), inside)
        };
        let first = at.min(start);
        let earlier: Vec<_> = tokens.iter().copied().take_while(|t| t.0 < first).collect();
        let opens = words.iter().any(|t| CLAUSE.contains(&t.1));
        if gap.is_some_and(|g| !breaks(g)) && !opens && !past(&words) && !past(&earlier) {
            return true;
        }
    }
    false
}

/// Whether a stretch of a sentence holds a break between clauses: a
/// comma (not one inside a number), a semicolon, a colon, a bracket, a dash
/// or a quotation mark.
fn breaks(s: &str) -> bool {
    let b = s.as_bytes();
    s.char_indices().any(|(i, c)| match c {
        ',' => {
            !(i > 0 && b[i - 1].is_ascii_digit() && b.get(i + 1).is_some_and(u8::is_ascii_digit))
        }
        ';' | ':' | '(' | ')' | '"' | '\u{2014}' | '\u{2013}' | '\u{201c}' | '\u{201d}' => true,
        _ => false,
    })
}

/// The words of a text with their byte offsets: runs of letters and
/// apostrophes.
fn word_spans(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut from = None;
    for (i, c) in text.char_indices() {
        let inside = c.is_alphabetic() || c == '\'';
        match (inside, from) {
            (true, None) => from = Some(i),
            (false, Some(f)) => {
                out.extend(text.get(f..i).map(|w| (f, w)));
                from = None;
            }
            _ => {}
        }
    }
    if let Some(f) = from {
        out.extend(text.get(f..).map(|w| (f, w)));
    }
    out
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
/// ("the first meeting since the mayor took office in January") or the
/// figure a change is measured from ("rose to 6.1% from 6% in March"):
/// what the sentence reports came later.
fn reference(before: &str) -> bool {
    let since = before
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .rev()
        .take(8)
        .any(|w| w.eq_ignore_ascii_case("since"));
    let mut last = before.split_whitespace().rev();
    let compared = matches!(
        (last.next(), last.next(), last.next()),
        (Some("in" | "on"), Some(figure), Some(from))
            if figure.chars().any(|c| c.is_ascii_digit()) && from.eq_ignore_ascii_case("from")
    );
    since || compared
}

/// Whether a date between `before` and `after` is the period a figure is
/// compared with ("would drop from March's 6% to 5.8%").
fn compared_from(before: &str, after: &str) -> bool {
    before
        .split_whitespace()
        .next_back()
        .is_some_and(|w| w.eq_ignore_ascii_case("from"))
        && (after.starts_with("'s") || after.starts_with("\u{2019}s"))
}

/// Whether the date after `before` is a deadline ("asked for the records
/// by May 24"), not when the sentence happened. A sentence that opens
/// with it ("By Friday, crews had ...") is dated by it.
fn deadline(before: &str) -> bool {
    let mut words = before.split_whitespace().rev();
    words.next().is_some_and(|w| w.eq_ignore_ascii_case("by")) && words.next().is_some()
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

/// How fine a period is: a day, a week, a month, a quarter or season, a
/// half, a year, longer. By class, not by its days: April is no finer than
/// May for having a day fewer.
fn days(p: &Period) -> i32 {
    let span = match (p.first_day(), p.last_day()) {
        (Some(a), Some(b)) => (b - a).get_days(),
        _ => return i32::MAX,
    };
    [0, 6, 30, 92, 183, 365]
        .iter()
        .position(|&most| span <= most)
        .map_or(span, |class| class as i32)
}

#[cfg(test)]
mod tests {
    use super::advice;

    /// The candidates of one sentence of an article published on `day`.
    fn collected(text: &str, day: jiff::civil::Date) -> Vec<super::Candidate> {
        let mut out = Vec::new();
        super::collect(0, text, Some(day), false, &mut out);
        out
    }

    #[test]
    fn of_two_months_the_later_dates_the_sentence_whatever_their_length() {
        let text = "Bookings at the harbour hotels slipped in May from a record high in April.";
        let out = collected(text, jiff::civil::date(2031, 6, 9));
        assert_eq!(out.len(), 1);
        assert_eq!(
            out[0].period.first_day(),
            Some(jiff::civil::date(2031, 5, 1))
        );
    }

    #[test]
    fn a_snippet_cut_short_or_a_lead_in_is_no_development() {
        let day = jiff::civil::date(2031, 6, 9);
        let whole = "The ferry company announced in March that it would sell two boats.";
        assert_eq!(collected(whole, day).len(), 1);
        let cut = "Time is short for the ferry company as its owner announced in March...";
        assert!(collected(cut, day).is_empty());
        let lead_in = "The ferry company clarified its timetable on Monday in a statement:";
        assert!(collected(lead_in, day).is_empty());
    }

    #[test]
    fn a_deadline_or_a_named_date_gives_way_to_when_the_sentence_happened() {
        let day = jiff::civil::date(2031, 5, 20);
        let text =
            "The council wrote to the ferry company on Tuesday asking for its logs by May 24.";
        let out = collected(text, day);
        assert_eq!(out.len(), 1);
        assert_eq!(
            out[0].period.first_day(),
            Some(jiff::civil::date(2031, 5, 20))
        );
        let text = "By Friday, the ferry crews had cleared the quay of the wreck.";
        assert_eq!(collected(text, day).len(), 1);
        let text = "Last month the board urged readers to vote for Ada Moss in the May 20 council election.";
        let out = collected(text, day);
        assert_eq!(out.len(), 1);
        assert_eq!(
            out[0].period.first_day(),
            Some(jiff::civil::date(2031, 4, 1))
        );
    }

    #[test]
    fn an_embedded_post_is_no_development_in_any_of_its_sentences() {
        let day = jiff::civil::date(2031, 6, 9);
        let text = "Ferry crews walked out on Monday over unpaid overtime.\n\
                    Sad day .. ferry crews walked out on Monday over pay . Rest easy -- pic.twitter.com/x1 \u{2014} Kari Lund (@karilund) June 9, 2031\n";
        let out = collected(text, day);
        assert_eq!(out.len(), 1, "{out:?}");
        assert!(out[0].text.starts_with("Ferry crews walked out"));
    }

    #[test]
    fn a_date_a_span_is_counted_from_is_not_the_news() {
        use super::{compared_from, reference};
        assert!(reference(
            "It was their first meeting since the mayor took office in "
        ));
        assert!(reference("The bridge has stayed shut since "));
        assert!(!reference("The bridge was shut on "));
        assert!(reference("The jobless rate rose to 6.1% from 6% in "));
        assert!(reference("Fares climbed to 23 crowns, up from 19 on "));
        assert!(!reference("Fares rose from 19 crowns to 23 in "));
        assert!(compared_from(
            "Fares were expected to fall from ",
            "\u{2019}s 23 crowns."
        ));
        assert!(!compared_from("Fares fell on ", "'s first sailing."));
        assert!(!compared_from("The timetable runs from ", " to June."));
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
        // With no-break spaces around the date, as pages write them.
        assert!(at(
            "Councillors shelved an inquiry into the\u{a0}March 4\u{a0}flood.",
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
    fn a_past_date_in_a_present_perfect_clause_is_another_events() {
        use super::perfect;
        let at = |s: &str, d: &str| {
            let i = s.find(d).unwrap();
            perfect(s, i, i + d.len())
        };
        assert!(at(
            "Failures before and during the flood in March have been laid out in a report.",
            "March"
        ));
        assert!(at(
            "The mayor has named a panel to look into the flood in March this year.",
            "March"
        ));
        assert!(at(
            "The ferry has long been idle since the storm of 4 May.",
            "4 May"
        ));
        // A break in between: another clause, another tense.
        assert!(!at(
            "The mayor, who has led the town for years, resigned in March.",
            "March"
        ));
        // "has" without a participle, and the past perfect.
        assert!(!at("The town has a plan it adopted in March.", "March"));
        assert!(!at("The mayor had named a panel in March.", "March"));
        assert!(!at("The crew may have left in March.", "March"));
        // The date goes with a verb in the past.
        assert!(!at(
            "Engineers said on Monday they have found the fault.",
            "Monday"
        ));
        assert!(!at(
            "Divers have never seen the storm that hit the coast on Monday.",
            "Monday"
        ));
        // The end of a span the perfect counts up to.
        assert!(!at(
            "The appeal has raised $2,000 through June 30, its first month.",
            "June 30"
        ));
        // Another clause begins in between.
        assert!(!at(
            "The mayor quit on Friday with the candour that has marked her years in office.",
            "Friday"
        ));
    }

    #[test]
    fn that_day_after_a_date_set_aside_is_set_aside_too() {
        let text = "Councillors are trying to block an inquiry into the deadly March 4 flood \
                    and what the mayor did that day.";
        let out = collected(text, jiff::civil::date(2031, 6, 1));
        assert!(out.is_empty(), "{out:?}");
        // Still dated when the date itself dates the sentence.
        let text =
            "A flood cut the harbour road on March 4, and the mayor called for help that day.";
        assert_eq!(collected(text, jiff::civil::date(2031, 3, 5)).len(), 1);
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
