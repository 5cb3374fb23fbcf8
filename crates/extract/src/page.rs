//! One HTML page: main text by trafilatura, metadata by our own rules.
//!
//! The main text comes from trafilatura in precision mode, which keeps
//! news pages free of menus and teasers but sometimes stops at the first
//! of several sections of a long article. When the precise text holds
//! little of the page's words, a recall-mode pass runs too and wins if it
//! finds clearly more. Either text is then tidied: UTF-8 that was once
//! misread as Latin-1 is repaired (see [`mojibake`]) and a second copy of
//! the article on the same page is dropped (see [`copies`]).

use std::borrow::Cow;

use scraper::{Html, Node};
use trafilatura::{ExtractResult, ExtractionFocus, HtmlDateMode, Options};

use crate::{budget, code, depth, loose, meta, publisher};

mod continued;
mod copies;
mod embedded;
pub(crate) use embedded::paragraph_tags;
mod inserts;
mod lead;
pub(crate) mod mojibake;
mod tail;

/// What an HTML page yields before it becomes an article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    /// Main text, paragraphs separated by blank lines.
    pub text: String,
    /// The headline, with the site's name cut off.
    pub title: Option<String>,
    /// The author(s), joined as a byline reads ("A and B"); the publisher
    /// when the page names no one else.
    pub author: Option<String>,
    /// ISO 8601 publication date or timestamp.
    pub published: Option<String>,
    /// The page's own idea of its URL (canonical link, `og:url`).
    pub url: Option<String>,
    /// The publisher's own name for itself (`og:site_name`, JSON-LD
    /// `publisher.name`, `application-name`; see [`publisher`]), for display.
    pub site_name: Option<String>,
    /// The page's declared language (`<html lang>`).
    pub lang: Option<String>,
}

/// Extraction settings shared by every page.
///
/// Precision first: on news pages recall mode lets in menus, cookie notices
/// and teasers. trafilatura's own date search is off: `storyline-date`
/// finds the date, so that search would be wasted work.
pub fn options() -> Options {
    Options::default()
        .with_fallback(true)
        .with_focus(ExtractionFocus::FavorPrecision)
        .with_html_date_mode(HtmlDateMode::Disabled)
}

/// Extracts a page. `url` is where the page was found, if known.
pub fn extract(html: &str, url: Option<&str>, opts: &Options) -> Page {
    let mut opts = opts.clone();
    if let Some(u) = url.and_then(|u| url::Url::parse(u).ok()) {
        opts = opts.with_url(u);
    }
    // Extraction takes about a second per megabyte of ordinary markup, and
    // far more on hostile breadth (millions of list items): past the cap
    // the page is cut, as no article needs that much of it.
    let html = match (MAX_PAGE.saturating_sub(3)..=MAX_PAGE).rfind(|&i| html.is_char_boundary(i)) {
        Some(cut) => html.get(..cut).unwrap_or(html),
        None => html,
    };
    // Millions of tiny elements would cost the parsers gigabytes, and
    // hostile nesting quadratic time and trafilatura's recursive passes
    // the stack: held to a sane size and depth first.
    let small = budget::bounded(html, &budget::Budget::PAGE);
    let bounded = depth::bounded_text(&small, depth::MAX_DEPTH, depth::MAX_DEEP_TEXT);
    // The scripts' and style sheets' text, which every reader but the
    // embedded-article rescue drops unread, would be copied with every
    // tree trafilatura makes: it goes before the parsers see the page.
    let lean = code::emptied(&bounded);
    // Prose set bare into a container is wrapped as paragraphs, which is
    // what trafilatura scores.
    let wrapped = loose::wrapped(&lean);
    let html: &str = &wrapped;
    let doc = Html::parse_document(html);
    // Should a page still parse deeper than the bound allows for, it goes
    // without a main text rather than risk the stack.
    let safe = tree_depth(&doc) <= MAX_TREE_DEPTH;
    // A page trafilatura finds too thin is not an error here: the caller
    // decides what an empty text means.
    let parsed = safe.then(|| trafilatura::dom::Document::parse(html));
    let second = parsed.as_ref().map(|p| p.clone_document());
    let result = parsed
        .and_then(|p| trafilatura::extract_document(p, &opts).ok())
        .unwrap_or_default();
    let mut text = paragraphs(&result);
    let narrow = text.chars().count();
    let mut widened = false;
    // A precise text holding most of the page's words leaves nothing for
    // a wider pass to find; skipping it saves most of its cost.
    if let Some(second) = second
        && opts.focus == ExtractionFocus::FavorPrecision
        && (narrow as f64) < WIDEN_BELOW * page_text_len(&doc) as f64
    {
        let recall = opts.clone().with_focus(ExtractionFocus::FavorRecall);
        if let Ok(wide) = trafilatura::extract_document(second, &recall) {
            let wide = paragraphs(&wide);
            if prefer_wide(narrow, wide.chars().count()) {
                text = wide;
                widened = true;
            }
        }
    }
    // A precise text that stops where the article's container does may
    // go on in the container's twins further down the page.
    if !widened && let Some(whole) = continued::text(&doc, &text, &opts) {
        text = whole;
    }
    // Teaser cards, the author's biography, sign-up boxes and captions
    // read like prose; the page's markup says they are not the article.
    let text = inserts::drop(&doc, &text);
    // The standfirst, set apart in a box of its own, is often dropped.
    let mut text = lead::restore(&doc, &text);
    // A body that is only a placeholder for its scripts may carry the
    // article as HTML in the scripts' data.
    if !crate::has_words(&text)
        && let Some(inner) = embedded::text(&bounded, &opts)
    {
        text = inner;
    }
    let page_url = meta::canonical_url(&doc).or_else(|| nonempty(&result.metadata.url));
    let date_url = url.map(str::to_string).or_else(|| page_url.clone());
    let site = meta::Site::of(&doc, date_url.as_deref());
    let title = meta::title(&doc, &result.metadata.title, &site).map(repaired);
    Page {
        text,
        site_name: publisher::name(&doc, title.as_deref()).map(repaired),
        title,
        author: meta::author(&doc, &result.metadata.author, &site).map(repaired),
        published: storyline_date::from_html(&doc, date_url.as_deref()),
        url: page_url,
        lang: meta::html_lang(&doc).or_else(|| nonempty(&result.metadata.language)),
    }
}

/// Largest page read, in bytes. News pages run to a few megabytes at
/// most (the benchmark pages to 1.8 MB); the source readers allow 64 MiB
/// documents and 32 MiB records (`storyline_source::Limits`).
const MAX_PAGE: usize = 8 << 20;

/// Deepest parsed tree handed to trafilatura. [`depth::bounded`] keeps
/// pages near [`depth::MAX_DEPTH`]; the parser adds a few levels of its
/// own (`<tbody>`, `<html>`, `<body>`). Its recursive passes overflow a
/// 2 MiB worker stack near 8,000 levels and take seconds at 4,000.
const MAX_TREE_DEPTH: usize = 4 * depth::MAX_DEPTH;

/// How deeply the parsed page nests, counted without recursion.
fn tree_depth(doc: &Html) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    for edge in doc.tree.root().traverse() {
        match edge {
            ego_tree::iter::Edge::Open(_) => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            ego_tree::iter::Edge::Close(_) => depth = depth.saturating_sub(1),
        }
    }
    deepest
}

/// Share of the page's text above which a precise text is taken as is.
const WIDEN_BELOW: f64 = 0.6;

/// Below this many characters a precise text is a short item (a brief, a
/// teaser), where the wider text mostly adds the page around it.
const SHORT_TEXT: usize = 1000;

/// Whether the recall-mode text (`wide` characters) should replace the
/// precision-mode one (`narrow`).
///
/// Precision mode often stops at the first of several sections of a long
/// article (guides, lists, reviews split into blocks); recall mode then
/// finds clearly more. On a short text, a modestly longer wide text is
/// usually the page's furniture, so it must be much longer to win.
fn prefer_wide(narrow: usize, wide: usize) -> bool {
    let (n, w) = (narrow as f64, wide as f64);
    if narrow >= SHORT_TEXT {
        w > 1.2 * n
    } else {
        w > 2.5 * n
    }
}

/// The main text as paragraphs: from the cleaned HTML, which keeps block
/// boundaries, else from the plain text; misread UTF-8 repaired and second
/// copies of the text dropped.
fn paragraphs(result: &ExtractResult) -> String {
    let mut text = crate::blocks::to_text(&result.content_html);
    if text.is_empty() {
        text = repaired(result.content_text.trim().to_string());
    }
    tail::drop(&copies::drop(&text))
}

/// Characters of readable text on the whole page, whitespace runs counted
/// as one: what a text extractor could at most return.
fn page_text_len(doc: &Html) -> usize {
    let mut len = 0;
    for node in doc.root_element().descendants() {
        if let Node::Text(t) = node.value() {
            let hidden = node
                .parent()
                .and_then(|p| p.value().as_element())
                .is_some_and(|e| matches!(e.name(), "script" | "style" | "noscript" | "template"));
            if !hidden {
                len += t
                    .split_whitespace()
                    .map(|w| w.chars().count() + 1)
                    .sum::<usize>();
            }
        }
    }
    len
}

/// `s` with misread UTF-8 repaired.
fn repaired(s: String) -> String {
    match mojibake::repair(&s) {
        Cow::Owned(fixed) => fixed,
        Cow::Borrowed(_) => s,
    }
}

fn nonempty(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html><html lang="en"><head>
<title>Bridge to close for repairs | The Harbour Gazette</title>
<meta property="og:title" content="Bridge to close for repairs">
<meta name="author" content="Mara Quill">
<meta property="article:published_time" content="2025-11-04T08:00:00+01:00">
<link rel="canonical" href="https://harbourgazette.example/city/bridge-repairs">
</head><body>
<nav><a href="/">Home</a> <a href="/city">City</a> <a href="/sport">Sport</a></nav>
<article><h1>Bridge to close for repairs</h1>
<p>The harbour bridge will close for six weeks from Monday while engineers replace two cracked supports, the city council said on Tuesday.</p>
<p>Council leader Ines Brack said the closure was unavoidable. "We would rather lose six weeks now than the bridge later," she told reporters outside the town hall.</p>
<p>Ferries will run every twenty minutes during the works, and the council has promised to refund season tickets for commuters who cannot use them.</p>
</article>
<footer>Copyright 2025 The Harbour Gazette. All rights reserved.</footer>
</body></html>"#;

    #[test]
    fn main_text_and_metadata() {
        let p = extract(PAGE, None, &options());
        assert!(p.text.contains("cracked supports"), "{}", p.text);
        assert!(p.text.contains("\n\n"));
        assert!(!p.text.contains("All rights reserved"));
        assert_eq!(p.title.as_deref(), Some("Bridge to close for repairs"));
        assert_eq!(p.author.as_deref(), Some("Mara Quill"));
        assert_eq!(p.published.as_deref().map(|d| &d[..10]), Some("2025-11-04"));
        assert_eq!(
            p.url.as_deref(),
            Some("https://harbourgazette.example/city/bridge-repairs")
        );
        assert_eq!(p.lang.as_deref(), Some("en"));
    }

    #[test]
    fn a_wider_text_must_be_clearly_longer() {
        // Long precise texts give way to a fifth more; short ones only to
        // two and a half times as much.
        assert!(prefer_wide(4000, 5000));
        assert!(!prefer_wide(4000, 4600));
        assert!(!prefer_wide(600, 1200));
        assert!(prefer_wide(600, 1600));
        assert!(prefer_wide(0, 10));
        assert!(!prefer_wide(0, 0));
    }

    #[test]
    fn page_text_leaves_out_scripts_and_styles() {
        let doc = Html::parse_document(
            "<html><head><style>p { color: red }</style><script>var x = 1;</script></head>\
             <body><p>two  words</p><noscript>enable scripts</noscript></body></html>",
        );
        assert_eq!(page_text_len(&doc), "two words ".len());
    }

    #[test]
    fn junk_html_never_panics() {
        for junk in [
            "",
            "<",
            "<html><body></body></html>",
            "<p>",
            "<<<>>>&&&;",
            "<script>alert(1)</script>",
        ] {
            let _ = extract(junk, Some("not a url"), &options());
        }
    }

    #[test]
    fn tree_depth_counts_levels() {
        // Document, html, body, div, p, text.
        let doc = Html::parse_document("<div><p>a</p></div><p>b</p>");
        assert_eq!(tree_depth(&doc), 6);
    }

    #[test]
    fn an_oversized_page_is_cut_on_a_character() {
        // The cut falls inside a long run of two-byte characters, in a
        // comment, so the parsers have little to do past it.
        let page = format!(
            "{}<!--{}",
            PAGE.replace("</body></html>", ""),
            "\u{e9}".repeat(MAX_PAGE)
        );
        let p = extract(&page, None, &options());
        assert!(p.text.contains("cracked supports"), "{}", p.text);
    }
}
