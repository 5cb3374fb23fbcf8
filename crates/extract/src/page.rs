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
    // A copy for a later pass, should one be needed (each pass consumes
    // its tree; a copy costs a quarter of a parse).
    let mut spare = parsed.as_ref().map(|p| p.clone_document());
    let reach = Reach::of(&doc);
    // trafilatura's fallbacks (readability, then justext) cost a third of
    // an extraction and change few texts: a first pass goes without them,
    // and a page where they may matter is taken again with them.
    let first = opts.clone().with_fallback(false);
    let mut result = parsed
        .and_then(|p| trafilatura::extract_document(p, &first).ok())
        .unwrap_or_default();
    let mut text = paragraphs(&result);
    if opts.enable_fallback
        && needs_fallback(text.chars().count(), reach)
        && let Some(copy) = spare.as_ref().map(|p| p.clone_document())
    {
        result = trafilatura::extract_document(copy, &opts).unwrap_or_default();
        text = paragraphs(&result);
    }
    let narrow = text.chars().count();
    let mut widened = false;
    // A precise text holding most of the page's words leaves nothing for
    // a wider pass to find, nor does a page whose prose outside links and
    // page furniture is too short to be preferred: skipping the pass saves
    // most of its cost.
    if opts.focus == ExtractionFocus::FavorPrecision
        && (narrow as f64) < WIDEN_BELOW * reach.page as f64
        && reach.prose as f64 >= wide_enough(narrow)
        && let Some(copy) = spare.take()
    {
        let recall = opts.clone().with_focus(ExtractionFocus::FavorRecall);
        if let Ok(wide) = trafilatura::extract_document(copy, &recall) {
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

/// Whether a precise text of `narrow` characters, taken without
/// trafilatura's fallbacks, should be taken again with them. Readability's
/// text replaces it when it holds more than twice as much, and justext's
/// when it is near empty: a page where the text is a sliver of the whole
/// (under a fifth), or where the prose outside links and furniture is
/// more than twice the text. On the WCXB dev pages the fallbacks change
/// 65 of 711 texts, all under a fifth of their page; on the AEB pages
/// one more, a text of a third of the page with two and a half times as
/// much prose. 113 of the 711 and 37 of AEB's 181 are taken again, and
/// no score falls.
fn needs_fallback(narrow: usize, reach: Reach) -> bool {
    let n = narrow as f64;
    n < 0.2 * reach.page as f64 || reach.prose as f64 > 2.0 * n
}

/// Below this many characters a precise text is a short item (a brief, a
/// teaser), where the wider text mostly adds the page around it.
const SHORT_TEXT: usize = 1000;

/// The fewest characters a recall-mode text needs to replace a precise
/// one of `narrow` characters (see [`prefer_wide`]).
fn wide_enough(narrow: usize) -> f64 {
    let n = narrow as f64;
    if narrow >= SHORT_TEXT {
        1.2 * n
    } else {
        2.5 * n
    }
}

/// Whether the recall-mode text (`wide` characters) should replace the
/// precision-mode one (`narrow`).
///
/// Precision mode often stops at the first of several sections of a long
/// article (guides, lists, reviews split into blocks); recall mode then
/// finds clearly more. On a short text, a modestly longer wide text is
/// usually the page's furniture, so it must be much longer to win.
fn prefer_wide(narrow: usize, wide: usize) -> bool {
    wide as f64 > wide_enough(narrow)
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

/// How much text a page holds, in characters, whitespace runs counted as
/// one.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Reach {
    /// Readable text on the whole page (not scripts, style sheets,
    /// templates): what a text extractor could at most return.
    page: usize,
    /// Of it, the text outside links and page furniture (navigation,
    /// header, footer, asides, forms, menus): a recall-mode pass finds
    /// little more than this.
    prose: usize,
}

impl Reach {
    fn of(doc: &Html) -> Reach {
        use ego_tree::iter::Edge;
        let mut reach = Reach { page: 0, prose: 0 };
        // Open elements that hide their text, and that take it out of
        // the prose (hidden ones included).
        let (mut hidden, mut aside) = (0usize, 0usize);
        for edge in doc.tree.root().traverse() {
            match edge {
                Edge::Open(node) => match node.value() {
                    Node::Element(e) => {
                        let name = e.name();
                        if hidden > 0
                            || matches!(name, "script" | "style" | "noscript" | "template")
                        {
                            hidden += 1;
                        }
                        if aside > 0 || hidden > 0 || FURNITURE.contains(&name) {
                            aside += 1;
                        }
                    }
                    Node::Text(t) if hidden == 0 => {
                        let n = t
                            .split_whitespace()
                            .map(|w| w.chars().count() + 1)
                            .sum::<usize>();
                        reach.page += n;
                        if aside == 0 {
                            reach.prose += n;
                        }
                    }
                    _ => {}
                },
                Edge::Close(node) => {
                    if node.value().is_element() {
                        hidden = hidden.saturating_sub(1);
                        aside = aside.saturating_sub(1);
                    }
                }
            }
        }
        reach
    }
}

/// Elements whose text is no article prose.
const FURNITURE: &[&str] = &[
    "a", "nav", "header", "footer", "aside", "form", "button", "select", "label", "menu",
];

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
    fn prose_leaves_out_links_and_furniture() {
        let doc = Html::parse_document(
            "<html><body><nav><a href=/>home</a> menu</nav>\
             <p>one two <a href=/x>three</a></p><footer>foot</footer></body></html>",
        );
        let reach = Reach::of(&doc);
        assert_eq!(reach.page, "home menu one two three foot ".len());
        assert_eq!(reach.prose, "one two ".len());
    }

    #[test]
    fn fallbacks_run_where_the_text_is_a_sliver_or_the_prose_far_longer() {
        let reach = |page, prose| Reach { page, prose };
        // A text of most of the page, the prose about as long.
        assert!(!needs_fallback(5000, reach(8000, 6000)));
        // A sliver of the page.
        assert!(needs_fallback(500, reach(8000, 600)));
        // A third of the page, but prose for more than twice the text.
        assert!(needs_fallback(3000, reach(9000, 7000)));
    }

    #[test]
    fn page_text_leaves_out_scripts_and_styles() {
        let doc = Html::parse_document(
            "<html><head><style>p { color: red }</style><script>var x = 1;</script></head>\
             <body><p>two  words</p><noscript>enable scripts</noscript></body></html>",
        );
        assert_eq!(Reach::of(&doc).page, "two words ".len());
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
