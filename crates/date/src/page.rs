//! Publication date of a whole HTML page: [`walk`](crate::walk) gathers the evidence, the headline
//! rule reads the date shown beside the title, and when the page shows none, [`choose`] ranks the
//! remaining candidates by [`Rule`].

use jiff::civil::Date;
use scraper::Html;

use crate::headline;
use crate::rule::{Detection, Rule};
use crate::scan::{clip, scan};
use crate::stamp::{Stamp, Window};
use crate::walk::{Candidate, Evidence, walk};

/// Text bytes per node scanned by the last-resort page-text rule.
const PAGE_TEXT_NODE: usize = 2000;
/// Visible text bytes before the headline where `<time>` and bylines still count as the article's.
const NEAR_TITLE: usize = 250;

/// Finds the publication date of `doc`, judging plausibility against `today`.
pub(crate) fn detect(doc: &Html, url: Option<&str>, today: Date) -> Option<Detection> {
    let window = Window::until(today);
    let ev = walk(doc, window);
    let url_date = url.and_then(|u| crate::url::date_in(u, &window));
    let (stamp, rule) = first_choice(&ev, url_date, &window)?;
    let stamp = settle(stamp, rule, &ev, url_date);
    Some(Detection {
        iso: stamp.iso(),
        rule,
    })
}

/// The date the evidence points to, before cross-checks.
fn first_choice(
    ev: &Evidence<'_>,
    url_date: Option<Stamp>,
    window: &Window,
) -> Option<(Stamp, Rule)> {
    let title = headline::title_heading(ev);
    if std::env::var("DATE_DEBUG").is_ok() {
        eprintln!(
            "TITLES {:?}\nHEADINGS {:?}\nCHOSEN {:?}",
            ev.titles, ev.headings, title
        );
        if let Some(t) = title {
            eprintln!("SHOWN {:?}", headline::shown_dates(ev, t, window));
        }
        for c in &ev.candidates {
            eprintln!(
                "CAND {} {} vis={} chrome={} pos={}",
                c.rule.name(),
                c.stamp.iso(),
                c.visible,
                c.chrome,
                c.pos
            );
        }
    }
    if let Some(title) = title {
        let shown = headline::shown_dates(ev, title, window);
        if let Some(s) = headline::pick(&shown, title) {
            // A byline that only shows an update loses to an explicit publication meta tag.
            if s.updated
                && let Some(meta) = ev
                    .candidates
                    .iter()
                    .filter(|c| c.rule == Rule::MetaPublished)
                    .min_by_key(|c| c.order)
            {
                return Some((meta.stamp, Rule::MetaPublished));
            }
            return Some((with_time(s.stamp, ev), Rule::Headline));
        }
    }
    match (choose(ev, title.map(|t| t.pos)), url_date) {
        (Some(c), Some(u)) if c.rule > Rule::Url => Some((u, Rule::Url)),
        (Some(c), _) => Some((c.stamp, c.rule)),
        (None, Some(u)) => Some((u, Rule::Url)),
        (None, None) => page_text(ev, window).map(|s| (s, Rule::PageText)),
    }
}

/// Bylines often print only the day; metadata for the same day usually knows the time too.
fn with_time(stamp: Stamp, ev: &Evidence<'_>) -> Stamp {
    if stamp.time.is_some() {
        return stamp;
    }
    ev.candidates
        .iter()
        .filter(|c| c.stamp.date == stamp.date && c.stamp.time.is_some())
        .min_by_key(|c| (c.rule, c.order))
        .map_or(stamp, |c| c.stamp)
}

/// Cross-checks a chosen date against the rest of the evidence: an ambiguous numeric date takes the
/// reading that metadata or the URL confirm, and a metadata timestamp one day off the URL's date
/// gives way to the URL, which carries the site's own calendar day where the timestamp may be UTC.
fn settle(stamp: Stamp, rule: Rule, ev: &Evidence<'_>, url_date: Option<Stamp>) -> Stamp {
    let confirmed = |date: Date| {
        url_date.is_some_and(|u| u.date == date)
            || ev
                .candidates
                .iter()
                .any(|c| !c.visible && c.stamp.date == date)
    };
    if let Some(alt) = stamp.swapped
        && !confirmed(stamp.date)
        && confirmed(alt)
    {
        return Stamp {
            date: alt,
            swapped: None,
            ..stamp
        };
    }
    if let Some(u) = url_date
        && rule != Rule::Headline
        && stamp.date != u.date
        && stamp.time.is_some()
        && one_day_apart(stamp.date, u.date)
    {
        return u;
    }
    stamp
}

fn one_day_apart(a: Date, b: Date) -> bool {
    a.tomorrow().is_ok_and(|d| d == b) || b.tomorrow().is_ok_and(|d| d == a)
}

/// Picks the best candidate: content outside page chrome beats chrome, then the strongest rule
/// wins; within a rule, visible evidence nearest after the title beats the rest, and otherwise the
/// first in document order.
fn choose<'e>(ev: &'e Evidence<'_>, title: Option<usize>) -> Option<&'e Candidate> {
    let best = ev.candidates.iter().map(|c| (c.chrome, c.rule)).min()?;
    let pool = || {
        ev.candidates
            .iter()
            .filter(move |c| (c.chrome, c.rule) == best)
    };
    if let Some(title) = title {
        let near = title.saturating_sub(NEAR_TITLE);
        if let Some(c) = pool()
            .filter(|c| c.visible && c.pos >= near)
            .min_by_key(|c| c.pos)
        {
            return Some(c);
        }
    }
    pool().min_by_key(|c| c.order)
}

/// The first date in the visible text outside page chrome.
fn page_text(ev: &Evidence<'_>, window: &Window) -> Option<Stamp> {
    ev.texts
        .iter()
        .filter(|t| !t.chrome)
        .find_map(|t| scan(clip(t.text, PAGE_TEXT_NODE), window).map(|(s, _)| s))
}
