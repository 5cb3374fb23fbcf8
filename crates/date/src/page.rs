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
/// Days by which a shown date may differ from the page's publication statement and still be taken
/// for a misreading of the same publication.
const STATEMENT_SLACK_DAYS: i32 = 7;
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
    let statement = ev
        .candidates
        .iter()
        .filter(|c| c.strong)
        .min_by_key(|c| (c.rule, c.order));
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
            if let Some(st) = statement
                && contradicts(s.stamp, st.stamp, url_date)
            {
                return Some((st.stamp, st.rule));
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

/// Whether the page's explicit publication statement overrules the date shown near the headline.
/// A shown date a few days off the statement was most often read from the wrong element (a
/// broadcast note, a teaser, a caption, an update stamp) or in another time zone; the URL, when it
/// carries a date, settles the question. Far apart, the shown date stays: metadata that is years
/// off is usually a template's or a republished guide's.
fn contradicts(shown: Stamp, statement: Stamp, url_date: Option<Stamp>) -> bool {
    if shown.date == statement.date {
        return false;
    }
    match url_date.map(|u| u.date) {
        Some(u) if u == shown.date => false,
        Some(u) if u == statement.date => true,
        _ => (shown.date - statement.date).get_days().abs() <= STATEMENT_SLACK_DAYS,
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

#[cfg(test)]
mod tests {
    use super::*;

    const TODAY: Date = Date::constant(2025, 6, 1);

    fn date_of(html: &str, url: Option<&str>) -> Option<(String, Rule)> {
        let doc = Html::parse_document(html);
        detect(&doc, url, TODAY).map(|d| (d.iso, d.rule))
    }

    fn day_of(html: &str) -> Option<String> {
        date_of(html, None).map(|(iso, _)| iso.chars().take(10).collect())
    }

    /// A page with `head` inside `<head>` and `body` inside `<body>`, under a real headline.
    fn page(head: &str, body: &str) -> String {
        format!(
            "<html><head><title>Otters return to the river | Daily Example</title>{head}</head>\
             <body><nav><a href=/>Home</a></nav><article><h1>Otters return to the river</h1>\
             {body}<p>After decades away, a family of otters was seen near the old mill.</p>\
             </article></body></html>"
        )
    }

    #[test]
    fn meta_forms() {
        for meta in [
            r#"<meta property="article:published_time" content="2024-03-05T10:00:00+01:00">"#,
            r#"<meta name="parsely-pub-date" content="2024-03-05T09:00:00Z">"#,
            r#"<meta name="sailthru.date" content="2024-03-05 09:00:00">"#,
            r#"<meta name="DC.date.issued" content="2024-03-05">"#,
            r#"<meta itemprop="datePublished" content="2024-03-05">"#,
            r#"<meta name="pubdate" content="20240305">"#,
            r#"<meta name="x-site-published-date" content="March 5, 2024">"#,
        ] {
            assert_eq!(
                day_of(&page(meta, "")).as_deref(),
                Some("2024-03-05"),
                "{meta}"
            );
        }
    }

    #[test]
    fn keeps_time_and_offset() {
        let html = page(
            r#"<meta property="article:published_time" content="2024-03-05T23:30:00-05:00">"#,
            "",
        );
        assert_eq!(
            date_of(&html, None),
            Some(("2024-03-05T23:30:00-05:00".to_string(), Rule::MetaPublished))
        );
    }

    #[test]
    fn json_ld_forms() {
        let blocks = [
            r#"{"@context":"https://schema.org","@type":"NewsArticle","datePublished":"2024-03-05T08:00:00Z"}"#,
            r#"{"@graph":[{"@type":"WebSite","name":"x"},{"@type":"BlogPosting","datePublished":"2024-03-05"}]}"#,
            r#"[{"@type":"BreadcrumbList"},{"@type":["Article"],"datePublished":"2024-03-05"}]"#,
            r#"{"@type":"WebPage","mainEntity":{"@type":"Article","datePublished":"2024-03-05"}}"#,
            r#"{"@type":"Article","datePublished":"2024-03-05",}"#,
        ];
        for block in blocks {
            let head = format!(r#"<script type="application/ld+json">{block}</script>"#);
            assert_eq!(
                day_of(&page(&head, "")).as_deref(),
                Some("2024-03-05"),
                "{block}"
            );
        }
    }

    #[test]
    fn article_node_beats_other_nodes() {
        let head = r#"<script type="application/ld+json">{"@graph":[
            {"@type":"ImageObject","uploadDate":"2019-01-01"},
            {"@type":"WebPage","datePublished":"2020-02-02"},
            {"@type":"NewsArticle","datePublished":"2024-03-05","dateModified":"2024-04-01"}]}</script>"#;
        assert_eq!(
            date_of(&page(head, ""), None).map(|d| d.1),
            Some(Rule::JsonLdArticle)
        );
        assert_eq!(day_of(&page(head, "")).as_deref(), Some("2024-03-05"));
    }

    #[test]
    fn published_beats_modified() {
        let head = r#"<meta property="article:modified_time" content="2024-05-01T00:00:00Z">
            <meta property="og:updated_time" content="2024-05-01T00:00:00Z">
            <meta property="article:published_time" content="2024-03-05T00:00:00Z">"#;
        assert_eq!(day_of(&page(head, "")).as_deref(), Some("2024-03-05"));
        // With nothing else, the modification date is still a better guess than nothing.
        let head = r#"<meta property="article:modified_time" content="2024-05-01T00:00:00Z">"#;
        assert_eq!(
            date_of(&page(head, ""), None).map(|d| d.1),
            Some(Rule::Modified)
        );
    }

    #[test]
    fn byline_under_headline() {
        let body = r#"<div class="byline">By Ann Other · <span>Tuesday, 5 March 2024</span></div>"#;
        assert_eq!(
            date_of(&page("", body), None),
            Some(("2024-03-05".to_string(), Rule::Headline))
        );
        let body =
            r#"<p>By Ann Other</p><time datetime="2024-03-05T07:00:00+00:00">2 hours ago</time>"#;
        assert_eq!(
            date_of(&page("", body), None),
            Some(("2024-03-05T07:00:00+00:00".to_string(), Rule::Headline))
        );
    }

    #[test]
    fn byline_publication_beats_its_update() {
        let body = "<p>Published March 5, 2024 · Updated May 1, 2024</p>";
        assert_eq!(day_of(&page("", body)).as_deref(), Some("2024-03-05"));
        let body = "<p>Updated May 1, 2024</p><p>First published March 5, 2024</p>";
        assert_eq!(day_of(&page("", body)).as_deref(), Some("2024-03-05"));
    }

    #[test]
    fn update_only_byline_yields_to_publication_meta() {
        let head = r#"<meta property="article:published_time" content="2024-03-05T09:00:00Z">"#;
        let body = "<p>Last updated: May 1, 2024</p>";
        assert_eq!(day_of(&page(head, body)).as_deref(), Some("2024-03-05"));
        // The label is found even when the text before it is multi-byte.
        let dashes = format!("<p>x{} Updated May 1, 2024</p>", "—".repeat(12));
        assert_eq!(day_of(&page(head, &dashes)).as_deref(), Some("2024-03-05"));
        // Without publication metadata, the shown date is all there is.
        assert_eq!(day_of(&page("", body)).as_deref(), Some("2024-05-01"));
    }

    #[test]
    fn shown_date_beats_stale_metadata() {
        let head = r#"<meta property="article:published_time" content="2019-01-01T00:00:00Z">"#;
        let body = r#"<p class="meta">Ann Other, <span>March 5, 2024</span></p>"#;
        assert_eq!(day_of(&page(head, body)).as_deref(), Some("2024-03-05"));
    }

    #[test]
    fn publication_statement_beats_a_nearby_misread() {
        // A radio-broadcast note under the headline, a day before the page's own statement.
        let head =
            r#"<meta property="article:published_time" content="2024-03-05T10:00:00+00:00">"#;
        let body = "<p>Heard on our morning radio show on 4 March 2024.</p>";
        assert_eq!(day_of(&page(head, body)).as_deref(), Some("2024-03-05"));
        // A JSON-LD article statement outranks a generic `date` meta (the print edition's day).
        let head = r#"<meta name="date" content="2024-03-06">
            <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-03-05T19:30:00+01:00"}</script>"#;
        let body = "<p>Edition of 6 March 2024</p>";
        assert_eq!(day_of(&page(head, body)).as_deref(), Some("2024-03-05"));
        // The URL's date settles a disagreement of any size.
        let head =
            r#"<meta property="article:published_time" content="2024-03-05T10:00:00+00:00">"#;
        let body = "<p>Ann Other, 1 January 2024</p>";
        let url = Some("https://example.org/2024/03/05/otters/");
        assert_eq!(
            date_of(&page(head, body), url).map(|d| d.0[..10].to_string()),
            Some("2024-03-05".to_string())
        );
    }

    #[test]
    fn captions_never_date_the_story() {
        let head = r#"<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-03-05"}</script>"#;
        let body = r#"<figure><img src=a.jpg alt="Otters, 6 May 2011"><figcaption>The mill in
            winter (Northbridge, 6.12.2010)</figcaption></figure>"#;
        assert_eq!(day_of(&page(head, body)).as_deref(), Some("2024-03-05"));
        let body = r#"<div class="photo-caption">Seen on 2 February 2012</div>"#;
        assert_eq!(day_of(&page("", body)), None);
    }

    #[test]
    fn masthead_date_above_headline_is_not_the_story() {
        let html = "<html><body><header><p>Saturday, May 31, 2025</p></header>\
            <h1>Otters return</h1><p>By Ann Other on March 5, 2024</p><p>Text.</p></body></html>";
        assert_eq!(day_of(html).as_deref(), Some("2024-03-05"));
        let html =
            "<html><body><p>March 5, 2024</p><h1>Otters return</h1><p>Text.</p></body></html>";
        assert_eq!(day_of(html).as_deref(), Some("2024-03-05"));
    }

    #[test]
    fn sidebar_dates_lose_to_the_article() {
        let html = r#"<html><body><div class="sidebar"><time datetime="2025-05-30">May 30</time></div>
            <div class="story"><p>Some text that is long enough to be far from any title.</p>
            <time datetime="2024-03-05">March 5</time></div></body></html>"#;
        assert_eq!(day_of(html).as_deref(), Some("2024-03-05"));
    }

    #[test]
    fn implausible_dates_are_skipped() {
        let head = r#"<meta property="article:published_time" content="2031-01-01T00:00:00Z">
            <meta name="date" content="1990-01-01">
            <meta property="article:modified_time" content="2024-03-05T00:00:00Z">"#;
        assert_eq!(day_of(&page(head, "")).as_deref(), Some("2024-03-05"));
        // Two days of clock skew are tolerated.
        let head = r#"<meta property="article:published_time" content="2025-06-03T00:00:00Z">"#;
        assert_eq!(day_of(&page(head, "")).as_deref(), Some("2025-06-03"));
    }

    #[test]
    fn url_date_when_page_has_none() {
        let html = page("", "");
        assert_eq!(
            date_of(&html, Some("https://example.org/2024/03/05/otters/")),
            Some(("2024-03-05".to_string(), Rule::Url))
        );
        assert_eq!(date_of(&html, Some("https://example.org/otters/")), None);
    }

    #[test]
    fn url_settles_utc_timestamps_and_ambiguous_days() {
        // 02:30 UTC is still the evening before where the site is.
        let head =
            r#"<meta property="article:published_time" content="2024-03-06T02:30:00+00:00">"#;
        let url = Some("https://example.org/2024/03/05/otters/");
        assert_eq!(
            date_of(&page(head, ""), url).map(|d| d.0),
            Some("2024-03-05".to_string())
        );
        // "05/03/2024" is May 3 or March 5; the URL says which.
        let body = "<p>By Ann Other, 05/03/2024</p>";
        assert_eq!(
            date_of(&page("", body), url).map(|d| d.0),
            Some("2024-03-05".to_string())
        );
        assert_eq!(
            date_of(&page("", body), None).map(|d| d.0),
            Some("2024-05-03".to_string())
        );
    }

    #[test]
    fn microdata_and_hatom() {
        let body = r#"<span itemprop="datePublished" content="2024-03-05">5 Mar</span>"#;
        assert_eq!(day_of(&page("", body)).as_deref(), Some("2024-03-05"));
        let html = r#"<html><body><p>Intro far away from anything.</p>
            <abbr class="published" title="2024-03-05T10:00:00Z">Tuesday</abbr></body></html>"#;
        assert_eq!(day_of(html).as_deref(), Some("2024-03-05"));
    }

    #[test]
    fn text_fallback_and_nothing() {
        let html = "<html><body><p>Filed on 5 March 2024 by the desk.</p></body></html>";
        assert_eq!(day_of(html).as_deref(), Some("2024-03-05"));
        assert_eq!(
            day_of("<html><body><p>No dates here.</p></body></html>"),
            None
        );
        assert_eq!(day_of(""), None);
    }

    #[test]
    fn hostile_pages_do_not_panic() {
        let deep = format!(
            "{}2024-03-05{}",
            "<div>".repeat(20_000),
            "</div>".repeat(20_000)
        );
        let _ = day_of(&deep);
        let wide = "<p class=\"date\">x</p>".repeat(20_000);
        let _ = day_of(&wide);
        let junk = r#"<script type="application/ld+json">{"datePublished": [[[[[[[[[[[[[[[[[["#;
        let _ = day_of(junk);
        let long_class = format!("<div class=\"{}\">May 3, 2024</div>", "a".repeat(100_000));
        let _ = day_of(&long_class);
        let multibyte = format!(
            "<h1>{}</h1><p>{}</p>",
            "é".repeat(5_000),
            "日".repeat(50_000)
        );
        let _ = day_of(&multibyte);
    }
}
