//! storyline-timex: temporal expressions in English news, resolved against
//! the publication date.
//!
//! # What is found
//! Dates ("23 January 2025", "Jan. 5", "in June", "2018", "the 1990s",
//! "the third quarter", "last fall", "for the year"), holidays
//! ("Thanksgiving Day", "last Christmas", "Election Day"), relative dates
//! ("yesterday", "on Monday", "last week", "three days ago", "earlier in
//! December"), times
//! ("at 3 p.m.", "Tuesday morning", "noon Thursday"), durations ("nearly
//! three years", "the past two months", "two-year"), sets ("every week",
//! "daily", "each Thursday") and general references ("now", "currently",
//! "recently", "the future"). Spans follow TimeML habits: determiners and
//! modifiers belong to the phrase ("the", "last", "early", "more than"),
//! the preposition before it does not ("on", "in", "at").
//!
//! # How values are resolved
//! Values are TimeML/ISO-8601 strings ([`Timex::value`]): `2025-01-23`,
//! `2025-W03`, `2025-01`, `2025-Q1`, `2024-FA`, `199` (a decade), `P3Y`,
//! `PXD`, `PRESENT_REF`, `2025-01-23TMO`, `XXXX-WXX-4` (every Thursday).
//! Relative phrases count from the anchor (publication date). Phrases
//! without a year or week lean the way the sentence does: a cue word
//! nearby ("will", "next", "said", a past participle) picks the coming or
//! the last occurrence; with no cue a bare weekday is the latest one at or
//! before the anchor (news reports the past) and a bare month, day-of-month
//! or holiday is the nearest occurrence (ties to the past), unless the
//! verb's tense points to the other one and it is at most eight months away
//! ("stepped down in March", written in November, is this year's March);
//! a word right before the phrase ("ended", "effective") decides outright. Anaphoric
//! phrases ("that year", "the next day") count from the last date the text
//! resolved.
//!
//! With no publication date nothing is invented: relative phrases keep
//! `X` placeholders (`XXXX-01-09`, `XXXX-WXX-1`, `XXXX-XX-XX`) and
//! [`Timex::period`] returns `None` for them, which is how callers learn
//! that the day is unknown.
//!
//! # Cost
//! One linear scan into tokens (one allocation), then every pattern looks
//! a bounded number of tokens ahead; one small `String` per expression
//! found. No regular expressions, no panics on any input.

mod anchor;
mod expr;
mod grammar;
mod lexicon;
mod period;
mod resolve;
mod scanner;
mod tense;
mod timex;

pub use period::{Period, Season};
pub use timex::{Kind, Timex};

use jiff::civil::Date;

/// Whether `word` (any case) names a month, in full or abbreviated
/// ("March", "sept").
pub fn is_month_name(word: &str) -> bool {
    matches!(lexicon::classify(word), lexicon::Lex::Month { .. })
}

/// Finds the temporal expressions in `text`, resolving relative ones
/// against `anchor` (the publication date), in text order and without
/// overlaps.
pub fn find(text: &str, anchor: Option<Date>) -> Vec<Timex> {
    let toks = scanner::scan(text);
    let grammar = grammar::Grammar::new(text, &toks);
    let mut resolver = resolve::Resolver::new(anchor.and_then(anchor::Ymd::from_date));
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let Some(mut m) = grammar.parse(i) else {
            i += 1;
            continue;
        };
        if m.end <= m.first || m.end > toks.len() || m.first < i {
            i += 1;
            continue;
        }
        coordinated_year(text, &toks, &grammar, &mut m);
        let tense = tense::lean(text, &toks, m.first, m.end);
        let phrase = m
            .lean
            .or_else(|| tense::adjacent(text, &toks, m.first))
            .or_else(|| {
                named_day(&m.expr)
                    .then(|| tense::named(text, &toks, m.first, m.end))
                    .flatten()
            });
        let (kind, value) = resolver.resolve(m.expr, phrase, tense, m.first);
        out.push(Timex {
            start: toks[m.first].start,
            end: toks[m.end - 1].end,
            kind,
            value,
            ahead: phrase.or_else(|| tense::lean_before(text, &toks, m.first))
                == Some(anchor::Lean::Future),
        });
        i = m.end;
    }
    out
}

/// "March and April 2020", "from June to October 2015": a month without a
/// year joined to one with a year takes its year (the year before, when it
/// comes later in the calendar: "December and January 2014").
fn coordinated_year(
    text: &str,
    toks: &[scanner::Token],
    grammar: &grammar::Grammar<'_>,
    m: &mut grammar::Match,
) {
    use expr::{DaySpec, Expr, Yr};
    let Expr::Day(
        DaySpec::Cal {
            year: Yr::Unknown,
            month: Some(first),
            day,
        },
        clock,
    ) = m.expr
    else {
        return;
    };
    let Some(joiner) = toks.get(m.end) else {
        return;
    };
    let word = text
        .get(joiner.start..joiner.end)
        .unwrap_or("")
        .to_ascii_lowercase();
    if !matches!(
        word.as_str(),
        "and" | "or" | "to" | "through" | "until" | "till" | "-" | "\u{2013}"
    ) {
        return;
    }
    let Some(next) = grammar.parse(m.end + 1) else {
        return;
    };
    if next.first != m.end + 1 {
        return;
    }
    if let Expr::Day(
        DaySpec::Cal {
            year: Yr::Abs(y),
            month: Some(second),
            ..
        },
        _,
    ) = next.expr
    {
        let y = if first > second { y - 1 } else { y };
        m.expr = Expr::Day(
            DaySpec::Cal {
                year: Yr::Abs(y),
                month: Some(first),
                day,
            },
            clock,
        );
    }
}

/// A month and day without a year: the phrase that can name an event
/// ("the Jan. 6 attack").
fn named_day(e: &expr::Expr) -> bool {
    matches!(
        e,
        expr::Expr::Day(
            expr::DaySpec::Cal {
                year: expr::Yr::Unknown,
                month: Some(_),
                day: Some(_),
            },
            _
        )
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    /// (phrase, value) pairs found in `text`.
    fn tag(text: &str, anchor: Option<Date>) -> Vec<(String, String)> {
        find(text, anchor)
            .into_iter()
            .map(|t| (text[t.start..t.end].to_string(), t.value))
            .collect()
    }

    fn one(text: &str, anchor: Date) -> (String, String) {
        let all = tag(text, Some(anchor));
        assert_eq!(all.len(), 1, "{text}: {all:?}");
        all.into_iter().next().unwrap()
    }

    #[test]
    fn a_month_takes_the_year_of_the_month_it_is_joined_to() {
        let at = date(2021, 6, 1);
        assert_eq!(
            tag("Emails from March and April 2020 were read.", Some(at)),
            [pair("March", "2020-03"), pair("April 2020", "2020-04")]
        );
        assert_eq!(
            tag("It ran from December to January 2014.", Some(at))[0],
            pair("December", "2013-12")
        );
        // Not joined: the anchor's year.
        assert_eq!(
            tag("In March, the April 2020 figures were revised.", Some(at))[0],
            pair("March", "2021-03")
        );
    }

    fn pair(a: &str, b: &str) -> (String, String) {
        (a.to_string(), b.to_string())
    }

    #[test]
    fn a_day_that_names_a_past_event_is_never_ahead() {
        // Written in late July: 9 February is nearer next year, but "the
        // 9 Feb. flood" happened, whatever the sentence plans.
        let a = date(2031, 7, 28);
        assert_eq!(
            one(
                "A panel will look into the Feb. 9 flooding of the harbour.",
                a
            ),
            pair("Feb. 9", "2031-02-09")
        );
        assert_eq!(
            one(
                "Crews cleared roads after Feb. 9 explosion at the depot.",
                a
            ),
            pair("Feb. 9", "2031-02-09")
        );
        // Still ahead when it is a plan named by its day, or said to come.
        assert_eq!(
            one("The panel will meet on Feb. 9 to hear the engineers.", a),
            pair("Feb. 9", "2032-02-09")
        );
        assert_eq!(
            one("Both sides will file papers before the Feb. 9 deadline.", a),
            pair("Feb. 9", "2032-02-09")
        );
        // The plan may be named a few words on.
        assert_eq!(
            one(
                "The mayor will attend the Feb. 9 Harbour Council summit.",
                date(2031, 1, 20)
            ),
            pair("Feb. 9", "2031-02-09")
        );
        // A reporting week named by its last day is over when reported;
        // "would-be" is no plan.
        let june = date(2031, 6, 3);
        let week = tag(
            "Claims for the week ending May 22 rose by 3,000.",
            Some(june),
        );
        assert!(week.iter().any(|(_, v)| v == "2031-05-22"), "{week:?}");
        let monday = find(
            "The minister warned would-be settlers about the floods on Monday.",
            Some(june),
        );
        assert_eq!(monday[0].value, "2031-06-02");
        assert!(!monday[0].ahead);
        let t = find("The panel will meet next Tuesday.", Some(a));
        assert_eq!(t[0].value, "2031-07-29");
        assert!(t[0].ahead);
        let t = find("The panel met on Tuesday.", Some(a));
        assert_eq!(t[0].value, "2031-07-22");
        assert!(!t[0].ahead);
    }

    #[test]
    fn a_weekday_in_a_shows_name_is_no_date() {
        let a = date(2025, 1, 25);
        assert!(tag("She hosted Saturday Night Live twice.", Some(a)).is_empty());
        assert_eq!(
            one("They met on Saturday night in Harwick.", a),
            ("Saturday night".to_string(), "2025-01-25TNI".to_string())
        );
    }

    #[test]
    fn days_and_months() {
        let a = date(2025, 1, 25);
        assert_eq!(
            one("The envoy arrived on 23 January.", a),
            pair("23 January", "2025-01-23")
        );
        assert_eq!(
            one("Talks resumed earlier in December.", a),
            pair("earlier in December", "2024-12")
        );
        assert_eq!(
            one("A vote is planned in June.", a),
            pair("June", "2025-06")
        );
        assert_eq!(one("The mill closed in 2018.", a), pair("2018", "2018"));
        assert_eq!(
            one("The deal was signed Jan. 5, 1998 in Oslo.", a),
            pair("Jan. 5, 1998", "1998-01-05")
        );
        assert_eq!(
            one("Prices fell in the 1990s.", a),
            pair("the 1990s", "199")
        );
    }

    #[test]
    fn weekdays_before_the_anchor() {
        // 2025-01-25 is a Saturday.
        let a = date(2025, 1, 25);
        assert_eq!(
            one("The mayor resigned on Monday.", a),
            pair("Monday", "2025-01-20")
        );
        assert_eq!(
            one("The mayor resigned on Saturday.", a),
            pair("Saturday", "2025-01-25")
        );
        assert_eq!(
            one("The board will vote on Monday.", a),
            pair("Monday", "2025-01-27")
        );
        assert_eq!(
            one("The crowd gathered Tuesday morning.", a),
            pair("Tuesday morning", "2025-01-21TMO")
        );
        assert_eq!(
            one("They met last Friday.", a),
            pair("last Friday", "2025-01-24")
        );
    }

    #[test]
    fn weeks_across_new_year() {
        // 2025-01-02 is in ISO week 1 of 2025; the week before is 2024-W52.
        let a = date(2025, 1, 2);
        assert_eq!(
            one("Shares slid last week.", a),
            pair("last week", "2024-W52")
        );
        assert_eq!(
            one("Shares slid this week.", a),
            pair("this week", "2025-W01")
        );
        assert_eq!(
            one("Shares slid last month.", a),
            pair("last month", "2024-12")
        );
        assert_eq!(one("Shares slid last year.", a), pair("last year", "2024"));
        assert_eq!(
            one("Shares slid yesterday.", a),
            pair("yesterday", "2025-01-01")
        );
    }

    #[test]
    fn leap_days_and_month_ends() {
        let a = date(2024, 3, 1);
        assert_eq!(
            one("The storm hit yesterday.", a),
            pair("yesterday", "2024-02-29")
        );
        assert_eq!(
            one("The storm hit three days ago.", a),
            pair("three days ago", "2024-02-27")
        );
        assert_eq!(
            one("The storm hit on Feb. 29.", a),
            pair("Feb. 29", "2024-02-29")
        );
        let b = date(2025, 3, 31);
        assert_eq!(
            one("Rates rose last month.", b),
            pair("last month", "2025-02")
        );
    }

    #[test]
    fn durations_sets_and_references() {
        let a = date(2025, 1, 25);
        assert_eq!(
            one("The war has lasted nearly three years.", a),
            pair("nearly three years", "P3Y")
        );
        assert_eq!(
            one("It rose over the past two months.", a),
            pair("the past two months", "P2M")
        );
        assert_eq!(
            one("The council meets every week.", a),
            pair("every week", "P1W")
        );
        assert_eq!(one("The paper comes out daily.", a), pair("daily", "P1D"));
        assert_eq!(one("He is now in charge.", a), pair("now", "PRESENT_REF"));
        assert_eq!(
            one("She currently leads.", a),
            pair("currently", "PRESENT_REF")
        );
        assert_eq!(one("A two-year plan.", a), pair("two-year", "P2Y"));
        assert_eq!(one("It took 2 1/2 years.", a), pair("2 1/2 years", "P2Y6M"));
    }

    #[test]
    fn times_of_day() {
        let a = date(2025, 1, 25);
        assert_eq!(
            one("The polls close at 3 p.m. today.", a),
            pair("3 p.m. today", "2025-01-25T15:00")
        );
        assert_eq!(
            one("The polls closed at 10:35 a.m.", a),
            pair("10:35 a.m.", "2025-01-25T10:35")
        );
    }

    #[test]
    fn unknown_anchor_invents_nothing() {
        let found = find(
            "He spoke on 9 January and again on Monday, last week and in 2019.",
            None,
        );
        let values: Vec<&str> = found.iter().map(|t| t.value.as_str()).collect();
        assert_eq!(values, ["XXXX-01-09", "XXXX-WXX-1", "XXXX-WXX", "2019"]);
        assert_eq!(found[0].period(), None);
        assert_eq!(found[1].day(), None);
        assert_eq!(found[3].period(), Some(Period::Year(2019)));
    }

    #[test]
    fn period_of_a_day() {
        let found = find("on 23 January", Some(date(2025, 1, 25)));
        assert_eq!(found[0].day(), Some(date(2025, 1, 23)));
        assert_eq!(found[0].kind, Kind::Date);
    }

    #[test]
    fn quarters_and_seasons() {
        let a = date(1999, 2, 10);
        assert_eq!(
            one("Profit rose in the fourth quarter.", a),
            pair("the fourth quarter", "1998-Q4")
        );
        assert_eq!(
            one("Profit rose in the quarter.", a),
            pair("the quarter", "1998-Q4")
        );
        assert_eq!(
            one("Profit rose last fall.", a),
            pair("last fall", "1998-FA")
        );
    }

    #[test]
    fn holidays() {
        // 2025-01-25 is a Saturday.
        let a = date(2025, 1, 25);
        assert_eq!(
            one("The shop burned down on Thanksgiving Day.", a),
            pair("Thanksgiving Day", "2024-11-28")
        );
        assert_eq!(
            one("Crowds gathered last Christmas.", a),
            pair("last Christmas", "2024-12-25")
        );
        assert_eq!(
            one("Fireworks are planned for New Year's Eve.", a),
            pair("New Year's Eve", "2024-12-31")
        );
        assert_eq!(
            one("Voters go to the polls on Election Day 2026.", a),
            pair("Election Day 2026", "2026-11-03")
        );
        assert_eq!(
            one("Pilgrims will arrive during Easter week.", a),
            pair("Easter week", "2025-W16")
        );
        assert_eq!(
            one("The parade marks the Fourth of July.", a),
            pair("the Fourth of July", "2025-07-04")
        );
        assert!(tag("A new year brings a new election day.", Some(a)).is_empty());
    }

    #[test]
    fn the_year_in_reports() {
        let a = date(2025, 10, 30);
        assert_eq!(
            one("Sales rose 4% for the year.", a),
            pair("the year", "2025")
        );
        assert_eq!(
            tag("Profit in the year ended June 30 doubled.", Some(a)),
            [pair("the year", "P1Y"), pair("June 30", "2025-06-30")]
        );
        assert_eq!(
            one("The firm expects growth for the full year.", a),
            pair("the full year", "2025")
        );
        assert!(tag("He left the year before.", Some(a)).is_empty());
    }

    #[test]
    fn tense_moves_far_months() {
        // Late October: a past verb keeps March in this year, a future one
        // sends it to the next; with no cue the nearest one wins.
        let a = date(2025, 10, 30);
        assert_eq!(
            one("The chief executive stepped down in March.", a),
            pair("March", "2025-03")
        );
        assert_eq!(
            one("The new plant will open in March.", a),
            pair("March", "2026-03")
        );
        assert_eq!(
            tag("Rates for the year ended Jan. 31 were flat.", Some(a))[1],
            pair("Jan. 31", "2025-01-31")
        );
        assert_eq!(
            one("The rule takes hold effective Feb. 1 under the pact.", a).1,
            "2026-02-01"
        );
        // An event someone is invited to lies ahead, whatever the verb.
        let tue = date(2025, 11, 4);
        assert_eq!(
            one(
                "She said she had invited the union to talks on Thursday.",
                tue
            )
            .1,
            "2025-11-06"
        );
        assert_eq!(
            one("She said the talks on Thursday had failed.", tue).1,
            "2025-10-30"
        );
        // Abbreviations do not end the sentence the cue is looked for in.
        let b = date(2025, 1, 22);
        assert_eq!(
            one("She could visit the U.S. as early as Friday.", b),
            pair("Friday", "2025-01-24")
        );
        assert_eq!(
            one("The rally had been scheduled to start Friday evening.", b),
            pair("Friday evening", "2025-01-17TEV")
        );
    }

    #[test]
    fn open_lengths_and_discourse_now() {
        let a = date(2025, 1, 25);
        assert_eq!(
            one("The talks may run two more weeks.", a),
            pair("two more weeks", "P2W")
        );
        assert_eq!(
            one("A deal is likely within weeks.", a),
            pair("within weeks", "PXW")
        );
        assert_eq!(
            one("Prices may slide in the months ahead.", a),
            pair("the months ahead", "PXM")
        );
        assert_eq!(
            one("Shares were flat by mid-afternoon yesterday.", a),
            pair("mid-afternoon yesterday", "2025-01-24TAF")
        );
        assert!(tag("The vote failed. Now, the party regroups.", Some(a)).is_empty());
        assert_eq!(
            one("A loss compared with a year-earlier profit.", a).0,
            "year-earlier"
        );
    }

    #[test]
    fn no_false_alarms() {
        let a = date(2025, 1, 25);
        assert!(tag("You may go. Troops march on. Prices fall.", Some(a)).is_empty());
        assert!(tag("It cost $2,000 and 1,500 people came.", Some(a)).is_empty());
    }

    #[test]
    fn hostile_input_does_not_panic() {
        let a = Some(date(2025, 1, 25));
        for s in [
            "",
            "on 99 January 9999",
            "Feb. 31, 2099",
            "the 0th century",
            "9999999999 years ago",
            "last\u{0}week ’",
            "ñ 3:99 p.m. ::: 12:00 a.",
            "every 4294967295 weeks 2 1/",
            "mid-",
            "the end of the",
            "New Year's",
            "last Christmas Eve 0999",
            "Easter week",
            "for the year",
            "Now,",
            "ended",
        ] {
            let _ = find(s, a);
            let _ = find(s, None);
        }
        let long = "on Friday ".repeat(10_000);
        assert_eq!(find(&long, a).len(), 10_000);
    }
}
