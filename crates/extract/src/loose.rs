//! Loose text: prose set straight into a container, outside any paragraph.
//!
//! Older templates and some content systems write an article as bare text
//! in a `<div>`, with `<br>` between paragraphs and headings between
//! sections. trafilatura scores paragraphs, so such text is easily left
//! out, however long. [`wrapped`] puts each long run of it into a `<p>`
//! before the page is parsed, so it is read like any other paragraph.
//!
//! A run is text and inline markup (links, emphasis, spans) whose nearest
//! enclosing block is a container (`<div>`, `<section>`, `<article>`,
//! `<main>`, `<body>`, `<center>`); any other tag ends it. Short runs
//! (labels, bylines, "Read more") and runs mostly of link text (menus)
//! are left as they are.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use crate::budget::{Tag, declaration_end, is_raw};
use crate::depth::{find_byte, name_end, raw_end};
use crate::output::Output;

/// Bytes of text a run needs to be a paragraph: about two lines of prose.
const MIN_TEXT: usize = 100;

/// Runs a container needs for its loose text to be wrapped: a lone run
/// beside other blocks is more often a caption, a definition box or a
/// notice than an article written without paragraphs.
const MIN_RUNS: usize = 2;

/// `html` with each long loose run of text in its own `<p>`; `html`
/// itself, borrowed, when it has none.
pub(crate) fn wrapped(html: &str) -> Cow<'_, str> {
    let b = html.as_bytes();
    // Open elements as (name, where the start tag stands).
    let mut open: Vec<(&[u8], usize)> = Vec::new();
    let mut run: Option<Run> = None;
    let mut runs: Vec<Run> = Vec::new();
    // Containers (by start tag position) that hold a paragraph of their own.
    let mut with_paragraphs: HashSet<usize> = HashSet::new();
    let mut links = 0usize;
    let mut i = 0;
    while i < b.len() {
        let lt = find_byte(b, i, b'<').unwrap_or(b.len());
        let text = b.get(i..lt).unwrap_or_default();
        let solid = text.iter().filter(|c| !c.is_ascii_whitespace()).count();
        if solid > 0 {
            if run.is_none()
                && let Some(home) = container(&open)
            {
                let lead = text.iter().take_while(|c| c.is_ascii_whitespace()).count();
                run = Some(Run::at(i + lead, home));
            }
            if let Some(r) = run.as_mut() {
                r.text += solid;
                if links > 0 {
                    r.linked += solid;
                }
            }
        }
        if lt >= b.len() {
            break;
        }
        match b.get(lt + 1) {
            Some(b'!') => {
                i = declaration_end(b, lt, false);
                continue;
            }
            Some(b'/') if b.get(lt + 2).is_some_and(u8::is_ascii_alphabetic) => {
                let end = name_end(b, lt + 2);
                let name = b.get(lt + 2..end).unwrap_or_default();
                i = Tag::scan(b, end, 0).map_or(b.len(), |t| t.end);
                if is_inline(name) {
                    if name.eq_ignore_ascii_case(b"a") {
                        links = links.saturating_sub(1);
                    }
                    if open.last().is_some_and(|n| n.0.eq_ignore_ascii_case(name)) {
                        open.pop();
                    }
                    continue;
                }
                finish(&mut run, lt, &mut runs);
                if let Some(k) = open.iter().rposition(|n| n.0.eq_ignore_ascii_case(name)) {
                    open.truncate(k);
                }
            }
            Some(c) if c.is_ascii_alphabetic() => {
                let end = name_end(b, lt + 1);
                let name = b.get(lt + 1..end).unwrap_or_default();
                let Some(tag) = Tag::scan(b, end, 0) else {
                    break;
                };
                i = tag.end;
                if is_inline(name) {
                    if run.is_none()
                        && let Some(home) = container(&open)
                    {
                        run = Some(Run::at(lt, home));
                    }
                    if !is_void(name) && !tag.self_closing {
                        if name.eq_ignore_ascii_case(b"a") {
                            links += 1;
                        }
                        open.push((name, lt));
                    }
                    continue;
                }
                finish(&mut run, lt, &mut runs);
                if name.eq_ignore_ascii_case(b"p")
                    && let Some(home) = container(&open)
                {
                    with_paragraphs.insert(home);
                }
                if is_raw(name) {
                    i = raw_end(b, tag.end, name);
                } else if !is_void(name) && !tag.self_closing {
                    open.push((name, lt));
                }
            }
            _ => i = lt + 1,
        }
    }
    finish(&mut run, b.len(), &mut runs);
    let mut out = Output::default();
    // Counted once, so that hostile pages with many runs stay linear.
    let mut per_home: HashMap<usize, usize> = HashMap::new();
    for r in &runs {
        *per_home.entry(r.home).or_default() += 1;
    }
    let alone = |home: usize| per_home.get(&home).copied().unwrap_or(0) < MIN_RUNS;
    for r in &runs {
        if !with_paragraphs.contains(&r.home) && !alone(r.home) {
            out.replace(html, r.start, r.start, "<p>");
            out.replace(html, r.end, r.end, "</p>");
        }
    }
    out.finish(html)
}

/// A run of loose text being read.
struct Run {
    /// Where it starts in the page.
    start: usize,
    /// Where it ends.
    end: usize,
    /// Where its container's start tag stands.
    home: usize,
    /// Bytes of text other than spaces.
    text: usize,
    /// How many of them are link text.
    linked: usize,
}

impl Run {
    fn at(start: usize, home: usize) -> Self {
        Run {
            start,
            end: start,
            home,
            text: 0,
            linked: 0,
        }
    }
}

/// Ends the run at `end`, keeping it when it reads as a paragraph.
fn finish(run: &mut Option<Run>, end: usize, runs: &mut Vec<Run>) {
    if let Some(mut r) = run.take()
        && r.text >= MIN_TEXT
        && 2 * r.linked <= r.text
    {
        r.end = end;
        runs.push(r);
    }
}

/// Where the innermost open element other than inline markup starts, when
/// it is one that holds blocks, where text stands outside any paragraph.
fn container(open: &[(&[u8], usize)]) -> Option<usize> {
    open.iter()
        .rev()
        .find(|n| !is_inline(n.0))
        .filter(|n| {
            ["div", "section", "article", "main", "body", "center"]
                .iter()
                .any(|c| n.0.eq_ignore_ascii_case(c.as_bytes()))
        })
        .map(|n| n.1)
}

/// Markup that sits inside a line of text rather than starting a block.
fn is_inline(name: &[u8]) -> bool {
    [
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i", "img",
        "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u",
        "var", "wbr",
    ]
    .iter()
    .any(|n| name.eq_ignore_ascii_case(n.as_bytes()))
}

/// Elements that never hold content.
fn is_void(name: &[u8]) -> bool {
    [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr",
    ]
    .iter()
    .any(|n| name.eq_ignore_ascii_case(n.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const PROSE: &str = "The council met on Tuesday evening and voted to keep the \
        old library open for another year, after a long debate about its roof.";

    #[test]
    fn long_bare_text_in_a_div_becomes_a_paragraph() {
        let html =
            format!("<div><h2>Vote</h2>\n{PROSE} <a href=x>More</a> here.<br><br>{PROSE}</div>");
        let out = wrapped(&html);
        assert_eq!(
            out,
            format!(
                "<div><h2>Vote</h2>\n<p>{PROSE} <a href=x>More</a> here.</p><br><br><p>{PROSE}</p></div>"
            )
        );
    }

    #[test]
    fn paragraphs_short_runs_and_menus_stay_as_they_are() {
        for html in [
            format!("<div><p>{PROSE}</p></div>"),
            "<div>By Mara Quill<br>Updated</div>".to_string(),
            format!("<div><a href=a>{PROSE}</a> | <a href=b>Sport</a></div>"),
            format!("<ul><li>{PROSE}</li></ul>"),
            format!("<div><script>var s = \"{PROSE}\";</script></div>"),
        ] {
            assert_eq!(wrapped(&html), html, "{html}");
        }
    }

    #[test]
    fn an_inline_start_is_part_of_the_run() {
        let html = format!("<section><b>Berlin.</b> {PROSE}<br>{PROSE}</section>");
        assert_eq!(
            wrapped(&html),
            format!("<section><p><b>Berlin.</b> {PROSE}</p><br><p>{PROSE}</p></section>")
        );
    }

    #[test]
    fn a_lone_run_beside_paragraphs_stays_as_it_is() {
        for html in [
            format!("<div>{PROSE}<p>{PROSE}</p>{PROSE}</div>"),
            format!("<div><h2>Note</h2>{PROSE}</div>"),
        ] {
            assert_eq!(wrapped(&html), html, "{html}");
        }
    }

    proptest! {
        /// Whatever the markup, the pass only adds paragraph tags.
        #[test]
        fn only_paragraph_tags_are_added(
            parts in prop::collection::vec(prop::sample::select(vec![
                "<div>", "</div>", "<p>", "</p>", "<b>", "</b>", "<br>", "<a href=x>", "</a>",
                "<span>", "</span>", "<section>", "<td>", "<table>", "<script>", "</script>",
                "<!--", "-->", "<", ">", "/", "\u{e9}", "\"", "=", " ", "<img alt='>'>",
                "A sentence of prose that runs on for a while, as articles do. ",
                "<textarea>", "</textarea>", "<svg>", "</svg>", "<!doctype html>",
            ]), 0..60),
        ) {
            let page = parts.concat();
            let out = wrapped(&page);
            let bare = |s: &str| s.replace("<p>", "").replace("</p>", "");
            prop_assert_eq!(bare(&out), bare(&page));
        }
    }
}
