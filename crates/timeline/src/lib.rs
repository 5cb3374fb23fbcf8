//! storyline-timeline: a story's dated developments, in order, each with
//! every article that reports it.
//!
//! 1. **Sentences** (`storyline_sentence`): each article is split into
//!    sentences with their byte spans, quotations kept with their speakers.
//! 2. **Candidates** ([`candidate`]): a sentence is a development when it
//!    carries a date that resolves to a calendar period (a day, a week, a
//!    month; not a duration, a "now" or a bare year) and reads like a report
//!    of something done or said (a verb), and is not page furniture (a
//!    byline, a time stamp). Dates resolve against the article's
//!    publication day; an undated article borrows the story's latest
//!    publication day, and its entries say that their date is inferred.
//! 3. **Merging** ([`merge`]): candidates with the same period whose
//!    content words overlap enough are one development, reported by several
//!    outlets; the entry keeps the clearest sentence and every source.
//! 4. **Order**: by the first day of the period, finer periods first.

mod candidate;
mod event;
mod merge;
mod words;

pub use event::{Event, Report};

use jiff::civil::Date;

/// One article of a story, as the timeline reads it.
#[derive(Debug, Clone, Copy)]
pub struct Article<'a> {
    /// The article's text.
    pub text: &'a str,
    /// Its publication day, when known.
    pub published: Option<Date>,
}

/// The timeline of a story's articles.
pub fn build(articles: &[Article<'_>]) -> Vec<Event> {
    // An undated article is read as of the story's latest day: it is part
    // of the coverage, and news is read when it appears.
    let latest = articles.iter().filter_map(|a| a.published).max();
    let mut found = Vec::new();
    for (i, a) in articles.iter().enumerate() {
        let (anchor, inferred) = match a.published {
            Some(d) => (Some(d), false),
            None => (latest, true),
        };
        candidate::collect(i, a.text, anchor, inferred, &mut found);
    }
    let mut events = merge::merge(found);
    events.sort_by(|a, b| {
        (a.period.first_day(), a.span_days(), &a.text).cmp(&(
            b.period.first_day(),
            b.span_days(),
            &b.text,
        ))
    });
    events
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Date {
        s.parse().expect("a date")
    }

    #[test]
    fn developments_are_ordered_merged_and_sourced() {
        let a = "The Halvorsund ferry crews walked out on Monday over unpaid overtime. \
                 Union leader Ingrid Solheim said the strike would go on.";
        let b = "Published: Tuesday 4 March 2025, 09:00. \
                 Ferry crews on the Halvorsund line walked out on Monday, the union said. \
                 On 2 March the operator Nordvik Ferries had rejected the crews' pay claim.";
        let c = "Talks between the union and Nordvik Ferries resumed on 9 March, the company said.";
        let arts = [
            Article {
                text: a,
                published: Some(day("2025-03-05")),
            },
            Article {
                text: b,
                published: Some(day("2025-03-04")),
            },
            Article {
                text: c,
                published: None,
            },
        ];
        let t = build(&arts);
        let days: Vec<String> = t.iter().map(Event::when).collect();
        assert_eq!(days, ["2025-03-02", "2025-03-03", "2025-03-09"], "{t:#?}");
        // The walk-out is one development reported by both outlets.
        let walkout = &t[1];
        let mut from: Vec<usize> = walkout.reports.iter().map(|r| r.article).collect();
        from.sort();
        assert_eq!(from, [0, 1]);
        assert!(!walkout.inferred);
        // The undated article's date is read against the story's latest day.
        assert!(t[2].inferred);
    }

    #[test]
    fn nothing_dated_nothing_listed() {
        assert!(build(&[]).is_empty());
        let a = Article {
            text: "A quiet day. Nothing was reported.",
            published: None,
        };
        assert!(build(&[a]).is_empty());
        let b = Article {
            text: "\u{0}\u{202e}.. ,,, «»",
            published: Some(day("2025-01-01")),
        };
        assert!(build(&[b]).is_empty());
    }
}
