//! The headline rule: the date a reader sees next to the article's title.
//!
//! Metadata is often stale or generic (a CMS that stamps every page with its template's date, a
//! republished guide that keeps its 2015 `datePublished` while its byline says "Updated Sept. 28,
//! 2025"). The byline under the headline is what the outlet chose to show, so it is read first:
//! the text from a little before the `<h1>` to a little after it is scanned for dates, together
//! with any `<time>` or microdata element there. A date labelled as an update loses to one that is
//! not, so "Published Jan 3 · Updated Jan 9" gives Jan 3.

use crate::rule::Rule;
use crate::scan::{clip, clip_tail, scan_from};
use crate::stamp::{Stamp, Window};
use crate::walk::{Evidence, Heading, is_update_words};

/// Visible text bytes before the headline that may hold its date (kickers, datelines above it).
const BEFORE: usize = 250;
/// Visible text bytes after the headline that may hold its byline.
const AFTER: usize = 500;
/// Dates read from the headline's surroundings.
const MAX_SHOWN: usize = 8;
/// Percent of the declared title a heading must cover to be taken for the headline.
const MIN_COVERAGE: usize = 30;
/// How far back (bytes) a label such as "Updated:" is looked for.
const LABEL_SPAN: usize = 40;

/// A date shown near the headline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Shown {
    pub stamp: Stamp,
    /// Labelled as an update ("Updated", "Last modified").
    pub updated: bool,
    /// Visible-text position.
    pub pos: usize,
}

/// The heading that titles the article: the `<h1>` that covers most of the page's declared title
/// (`<title>` and `og:title` usually add a " | Site" suffix, and some sites put their logo in an
/// `<h1>`), else the first `<h1>` outside page chrome.
pub(crate) fn title_heading<'e>(ev: &'e Evidence<'_>) -> Option<&'e Heading> {
    let declared: Vec<String> = ev.titles.iter().map(|t| words(t)).collect();
    let coverage = |h: &Heading| -> usize {
        let w = words(&h.text);
        declared
            .iter()
            .filter(|d| !w.is_empty() && !d.is_empty())
            .map(|d| {
                if w.contains(d.as_str()) {
                    100
                } else if d.contains(&w) {
                    100 * w.len() / d.len()
                } else {
                    0
                }
            })
            .max()
            .unwrap_or(0)
    };
    let best = ev
        .headings
        .iter()
        .map(|h| (coverage(h), h))
        .filter(|&(c, _)| c >= MIN_COVERAGE)
        .max_by_key(|&(c, h)| (c, std::cmp::Reverse(h.pos)))
        .map(|(_, h)| h);
    best.or_else(|| {
        ev.headings
            .iter()
            .find(|h| !h.chrome && !h.text.trim().is_empty())
    })
}

/// The dates shown around `title`, in reading order.
pub(crate) fn shown_dates(ev: &Evidence<'_>, title: &Heading, window: &Window) -> Vec<Shown> {
    let lo = title.pos.saturating_sub(BEFORE);
    let title_end = title.pos + title.len;
    let hi = title_end + AFTER;

    // Join the nearby text so dates split over several elements ("<b>Dec</b> 4, 2025") are found.
    let mut joined = String::new();
    let mut starts: Vec<(usize, usize)> = Vec::new();
    for t in &ev.texts {
        if t.pos + t.text.len() < lo || t.chrome {
            continue;
        }
        if t.pos >= hi {
            break;
        }
        if t.pos >= title.pos && t.pos < title_end {
            continue; // the headline's own words ("... after the March 3, 2024 vote")
        }
        // Long nodes (a teaser above, the first paragraph below) only matter near the headline.
        let text = if t.pos < title.pos {
            clip_tail(t.text.trim(), BEFORE)
        } else {
            clip(t.text.trim(), AFTER)
        };
        starts.push((joined.len(), t.pos));
        joined.push_str(text);
        joined.push(' ');
    }

    let mut shown = Vec::new();
    let mut at = 0;
    while shown.len() < MAX_SHOWN {
        let Some((stamp, range)) = scan_from(&joined, at, window) else {
            break;
        };
        let before = clip_tail(joined.get(at..range.start).unwrap_or(""), LABEL_SPAN);
        let idx = starts.partition_point(|&(offset, _)| offset <= range.start);
        let pos = starts
            .get(idx.saturating_sub(1))
            .map_or(title.pos, |&(_, p)| p);
        shown.push(Shown {
            stamp,
            updated: is_update_words(before),
            pos,
        });
        at = range.end;
    }

    // `<time datetime>` and microdata elements nearby whose text gave no date ("3 days ago").
    for c in &ev.candidates {
        if !c.visible || c.chrome || c.pos < lo || c.pos >= hi {
            continue;
        }
        if !matches!(
            c.rule,
            Rule::Time | Rule::TimePublished | Rule::Microdata | Rule::Modified
        ) || shown.iter().any(|s| s.stamp.date == c.stamp.date)
        {
            continue;
        }
        shown.push(Shown {
            stamp: c.stamp,
            updated: c.rule == Rule::Modified,
            pos: c.pos,
        });
    }
    // A page that labels one date as the update ("Dec 22, 2022 · Updated: Jan 2, 2026") has said
    // which is which; otherwise metadata may know.
    if !shown.iter().any(|s| s.updated) {
        mark_known_updates(ev, &mut shown);
    }
    shown.sort_by_key(|s| s.pos);
    shown
}

/// Marks as updates the unlabelled dates that metadata knows only as modification dates.
fn mark_known_updates(ev: &Evidence<'_>, shown: &mut [Shown]) {
    let metadata = |date, rules: &[Rule]| {
        ev.candidates
            .iter()
            .any(|c| !c.visible && c.stamp.date == date && rules.contains(&c.rule))
    };
    for s in shown {
        let date = s.stamp.date;
        s.updated = metadata(date, &[Rule::Modified])
            && !metadata(
                date,
                &[
                    Rule::MetaPublished,
                    Rule::JsonLdArticle,
                    Rule::Microdata,
                    Rule::JsonLdOther,
                ],
            );
    }
}

/// The date the page shows as its own. Bylines sit under headlines far more often than above them,
/// and what sits above is often a masthead's "today" or a ticker, so the dates after the title are
/// read first: the first one not labelled as an update, else the first. Only without any, the date
/// nearest above the title.
pub(crate) fn pick(shown: &[Shown], title: &Heading) -> Option<Shown> {
    let (before, after): (Vec<&Shown>, Vec<&Shown>) = shown.iter().partition(|s| s.pos < title.pos);
    let chosen = after
        .iter()
        .find(|s| !s.updated)
        .or_else(|| after.first())
        .or_else(|| before.iter().rev().find(|s| !s.updated))
        .or_else(|| before.last())?;
    Some(**chosen)
}

/// Lowercased alphanumeric words joined by single spaces, for loose title comparison.
fn words(text: &str) -> String {
    let mut out = String::new();
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(64)
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}
