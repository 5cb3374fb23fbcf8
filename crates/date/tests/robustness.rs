//! Hostile input: date finding must never panic on any string, URL or page,
//! and a date found in a line must come with a byte range inside it on
//! character boundaries.

use jiff::civil::Date;
use proptest::prelude::*;
use scraper::Html;
use storyline_date::{detect, find_in_text, from_html_at, from_url, parse};

/// Date-shaped pieces: month names (full, short, dotted), weekdays,
/// numeric forms with every separator, ISO stamps with zones, RFC 2822
/// parts, timestamps, labels ("Published:", "Updated"), out-of-range
/// numbers and multi-byte text.
const PIECES: &[&str] = &[
    " ",
    ",",
    ".",
    "/",
    "-",
    ":",
    "T",
    "Z",
    "+",
    "January",
    "Jan.",
    "Sept",
    "dec",
    "Friday,",
    "Mon",
    "24",
    "31",
    "0",
    "00",
    "29",
    "2025",
    "1994",
    "9999",
    "99999999999999999999",
    "1737700000",
    "1737700000000",
    "20250124",
    "2025-01-24",
    "2025-02-30",
    "2025-01-24T23:30:00-05:00",
    "2025-01-24T08:09:10.123456789Z",
    "+14:00",
    "-99:99",
    "GMT",
    "EST",
    "24.01.2025",
    "03/10/2023",
    "17:04",
    "p.m.",
    "Published:",
    "Updated",
    "on",
    "at",
    "é",
    "日本語",
    "🚢",
    "\u{301}",
];

/// Pieces of pages: every kind of evidence the detector reads, some of it
/// broken (unclosed tags, bad JSON-LD, huge attributes).
const HTML_PIECES: &[&str] = &[
    "<html>",
    "<head>",
    "</head>",
    "<body>",
    "<p>",
    "</p>",
    "<div class=\"byline date published\">",
    "</div>",
    "<time datetime=\"2025-01-24T08:00:00+01:00\">",
    "<time pubdate>",
    "</time>",
    "<meta property=\"article:published_time\" content=\"",
    "<meta name=\"parsely-pub-date\" content=\"",
    "<meta itemprop=\"dateModified\" content=\"",
    "\">",
    "<script type=\"application/ld+json\">",
    "{\"@type\":\"NewsArticle\",\"datePublished\":\"",
    "{\"@graph\":[{\"datePublished\":",
    "[[[[[[[[[[",
    "]}",
    "\"}",
    "</script>",
    "<h1>",
    "</h1>",
    "<nav>",
    "<aside class=\"related\">",
    "<span itemprop=\"datePublished\">",
    "<!--",
    "-->",
    "&amp;",
    "&#x0;",
    "<",
    ">",
];

fn words() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|v| v.join(" "))
}

fn glued() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|v| v.concat())
}

fn page() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => prop::sample::select(HTML_PIECES).prop_map(str::to_string),
        2 => prop::sample::select(PIECES).prop_map(str::to_string),
        1 => any::<String>(),
        1 => (1usize..5000).prop_map(|n| format!("<div class=\"{}\">", "date ".repeat(n))),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

fn url() -> impl Strategy<Value = String> {
    let seg = prop_oneof![
        prop::sample::select(PIECES).prop_map(str::to_string),
        Just("2024/12/26".to_string()),
        Just("2024/dec/26".to_string()),
        Just("-2024-12-26-".to_string()),
        Just("%E2%80".to_string()),
        any::<String>(),
    ];
    prop::collection::vec(seg, 0..12).prop_map(|v| format!("https://news.example/{}", v.join("/")))
}

fn check_text(s: &str) -> Result<(), TestCaseError> {
    let _ = parse(s);
    if let Some((_, r)) = find_in_text(s) {
        prop_assert!(r.start <= r.end && r.end <= s.len(), "{r:?} in {}", s.len());
        prop_assert!(s.is_char_boundary(r.start) && s.is_char_boundary(r.end));
    }
    let _ = from_url(s);
    Ok(())
}

fn today() -> Date {
    Date::new(2025, 6, 1).unwrap_or_default()
}

proptest! {
    // No regression files: the crate keeps no proptest state in the tree.
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn never_panics_on_any_string(s in any::<String>()) {
        check_text(&s)?;
    }

    #[test]
    fn never_panics_on_stitched_dates(a in words(), b in glued()) {
        check_text(&a)?;
        check_text(&b)?;
    }

    #[test]
    fn never_panics_on_urls(u in url()) {
        let _ = from_url(&u);
        let _ = parse(&u);
    }

    #[test]
    fn never_panics_on_pages(html in page(), u in prop::option::of(url())) {
        let doc = Html::parse_document(&html);
        let _ = from_html_at(&doc, u.as_deref(), today());
        let _ = detect(&doc, u.as_deref(), Date::MAX);
        let _ = detect(&doc, None, Date::MIN);
    }
}
