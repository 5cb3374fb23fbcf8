//! storyline-timeline: a story's dated developments, in order, each with
//! every article that reports it.
//!
//! 1. **Sentences** (`storyline_sentence`): each article is split into
//!    sentences with their byte spans, quotations kept with their speakers.
//! 2. **Candidates** ([`candidate`]): a sentence is a development when it
//!    carries a date that resolves to a calendar period (a day, a week, a
//!    month; not a duration, a "now" or a bare year) and reads like a report
//!    of something done or said (a verb), and is not page text
//!    (a byline, a time stamp, a correction, an embedded
//!    post, a photo caption). Dates resolve against the article's
//!    publication day; an undated article borrows the story's latest
//!    publication day (or, when no article is dated, the latest day its
//!    text names), and its entries say that their date is inferred. A day
//!    after the article's own is kept only in words that look ahead: a
//!    past event is never placed in the future. A date that names an
//!    earlier event ("an inquiry into the deadly March 4 flood", written
//!    in July) dates the event, not the sentence, and is left out, as is
//!    a date a span is counted from ("the first since he took office in
//!    January").
//! 3. **Merging** ([`merge`]): candidates with the same period whose
//!    content words overlap enough are one development, reported by several
//!    outlets; the entry keeps the clearest sentence and every source.
//! 4. **Background**: events that ended more than [`BACKGROUND_DAYS`]
//!    before the story's first article are marked [`Event::background`],
//!    for callers to show apart from the developments.
//! 5. **Order**: by the first day of the period, finer periods first.

mod candidate;
mod event;
mod merge;
mod notice;
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

/// Days before the story's first article beyond which a dated event is
/// background. News is reported within days of happening, and what led up
/// to it (a charge, a bill, a first meeting) falls within a few weeks; an
/// event a month or more older is one the articles recall, not report.
pub const BACKGROUND_DAYS: i64 = 30;

/// The timeline of a story's articles: its developments and, marked
/// [`Event::background`], the earlier events they recall.
pub fn build(articles: &[Article<'_>]) -> Vec<Event> {
    // An undated article is read as of the story's latest day: it is part
    // of the coverage, and news is read when it appears. In a story with no
    // dated article, an article was written on or after the latest day its
    // own text names (a post's, a photo's): it is read as of that day or of
    // the story's middle such day, whichever is later, so that one stray
    // old or new date does not move the whole story.
    let latest = articles.iter().filter_map(|a| a.published).max();
    let written: Vec<Option<Date>> = articles
        .iter()
        .map(|a| a.published.or(latest).or_else(|| written_by(a.text)))
        .collect();
    let mut known: Vec<Date> = written.iter().flatten().copied().collect();
    known.sort_unstable();
    let middle = known.get(known.len() / 2).copied();
    let mut found = Vec::new();
    for (i, a) in articles.iter().enumerate() {
        let (anchor, inferred) = match a.published {
            Some(d) => (Some(d), false),
            None => (written[i].max(middle), true),
        };
        candidate::collect(i, a.text, anchor, inferred, &mut found);
    }
    let mut events = merge::merge(found);
    // Background is measured from the first article, or, in an undated
    // story, from the earliest day its articles were read as of: the
    // middle day (an article naming only old days is read as of it too).
    let first = articles
        .iter()
        .filter_map(|a| a.published)
        .min()
        .or(middle)
        .and_then(|d| d.checked_sub(jiff::Span::new().days(BACKGROUND_DAYS)).ok());
    for e in &mut events {
        e.background = matches!((e.period.last_day(), first), (Some(l), Some(f)) if l < f);
    }
    events.sort_by(|a, b| {
        (a.period.first_day(), a.span_days(), &a.text).cmp(&(
            b.period.first_day(),
            b.span_days(),
            &b.text,
        ))
    });
    events
}

/// The latest day an undated text names in words that do not look ahead:
/// it was written on that day or after.
fn written_by(text: &str) -> Option<Date> {
    storyline_timex::find(text, None)
        .iter()
        .filter(|t| !t.ahead)
        .filter_map(storyline_timex::Timex::day)
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Date {
        s.parse().expect("a date")
    }

    #[test]
    fn a_development_is_told_by_a_sentence_that_reads_alone() {
        let a = "Ada Moss, the harbour master, spoke to the council. \
                 She canceled the ferry hearing on Monday after the storm.";
        let b = "Harbour master Ada Moss canceled the ferry hearing on Monday after the storm.";
        let arts = [
            Article {
                text: a,
                published: Some(day("2025-03-04")),
            },
            Article {
                text: b,
                published: Some(day("2025-03-04")),
            },
        ];
        let t = build(&arts);
        assert_eq!(t.len(), 1, "{t:#?}");
        assert!(t[0].text.starts_with("Harbour master Ada Moss"), "{t:#?}");
        assert!(!t[0].leans());
        assert_eq!(t[0].reports.len(), 2);
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

    fn at<'a>(text: &'a str, published: &str) -> Article<'a> {
        Article {
            text,
            published: Some(day(published)),
        }
    }

    #[test]
    fn a_past_event_is_never_placed_after_its_article() {
        // Written on 28 July: the February flooding is this year's, though
        // next February is nearer and the sentence looks ahead.
        let a = at(
            "The harbour board will publish its review of the flooding, which began on Feb. 9, next month, officials said.",
            "2031-07-28",
        );
        let t = build(&[a]);
        assert_eq!(t.len(), 1, "{t:#?}");
        assert_eq!(t[0].when(), "2031-02-09");
        assert!(t[0].background, "{t:#?}");
        // A plan said to come stays ahead, and is one of the developments.
        // A development that recalls an older event is dated by itself.
        let c = at(
            "The harbour board opened its inquiry into the Feb. 9 flooding on Tuesday.",
            "2031-07-28",
        );
        let t = build(&[c]);
        assert_eq!(t.len(), 1, "{t:#?}");
        assert_eq!(t[0].when(), "2031-07-22");
        assert!(!t[0].background);
        let b = at(
            "The harbour board will meet on Feb. 9 to decide on new flood barriers.",
            "2031-07-28",
        );
        let t = build(&[b]);
        assert_eq!(t.len(), 1, "{t:#?}");
        assert_eq!(t[0].when(), "2032-02-09");
        assert!(!t[0].background);
    }

    #[test]
    fn notices_and_embedded_posts_are_not_developments() {
        let a = at(
            "Harbour pumps failed on Sunday, flooding the market square. \
             Correction: this article was amended on 13 May 2031 to give the right name of the square. \
             Water everywhere on the square this morning pic.twitter.com/abc \u{2014} Lise Berg (@lberg) May 11, 2031",
            "2031-05-12",
        );
        let t = build(&[a]);
        let texts: Vec<&str> = t.iter().map(|e| e.text.as_str()).collect();
        assert_eq!(
            texts,
            ["Harbour pumps failed on Sunday, flooding the market square."],
            "{t:#?}"
        );
        assert_eq!(t[0].when(), "2031-05-11");
    }

    #[test]
    fn background_is_set_apart_and_the_main_event_kept() {
        // Undated articles: the story is read as of the day a quoted post
        // was made, so "on Sunday night" still finds its day.
        let a = "The Lakeside choir won the national title at the finals in Vester on Sunday night. \
                 The choir had first entered the contest in March 2024, when it placed last.";
        let b = "Judges named the Lakeside choir national champions at the Vester finals on Sunday. \
                 What a night for the choir! \u{2014} Vester Fans (@vesterfans) May 12, 2031";
        // An article naming only an old day does not move the story back.
        let c = "The Lakeside choir was founded on 4 June 1998, when it first sang in Vester.";
        let arts = [
            Article {
                text: a,
                published: None,
            },
            Article {
                text: b,
                published: None,
            },
            Article {
                text: c,
                published: None,
            },
        ];
        let t = build(&arts);
        let main: Vec<&Event> = t.iter().filter(|e| !e.background).collect();
        assert_eq!(main.len(), 1, "{t:#?}");
        assert_eq!(main[0].when(), "2031-05-11");
        assert_eq!(main[0].reports.len(), 2);
        assert!(main[0].inferred);
        let old: Vec<&Event> = t.iter().filter(|e| e.background).collect();
        let old: Vec<String> = old.iter().map(|e| e.when()).collect();
        assert_eq!(old, ["1998-06-04", "2024-03"], "{t:#?}");
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
