//! The page trafilatura reads: inline code emptied.
//!
//! A news page's inline scripts and style sheets are often a third of its
//! bytes. trafilatura drops both before it scores anything, as do the
//! readability and justext fallbacks, yet each copy of the tree it makes
//! (several per page) copies their text, and the readability fallback
//! serializes the tree and parses it again. [`emptied`] takes that text out
//! first, so the parser and every copy skip it; the elements stay, so the
//! tree keeps its shape. Scripts that may hold JSON-LD (read for
//! metadata) keep their content.
//!
//! Only text the parser itself reads as a script's or a style sheet's is
//! removed: outside SVG and MathML and outside comments and other raw
//! text; a script holding `<!--` (which the parser's escaped states may end
//! elsewhere than at the first `</script>`) ends the pass, as do the few
//! constructs whose reading takes the parser's whole stack (see
//! [`emptied`]).

use std::borrow::Cow;

use crate::budget::{Tag, breaks_out, declaration_end, is_foreign_root, is_raw, raw_span, to_gt};
use crate::depth::{find_byte, find_seq, name_end, raw_close};
use crate::output::Output;

/// `html` with the text of its inline scripts (other than JSON) and style
/// sheets removed; `html` itself, borrowed, when it has none. One pass.
///
/// The pass follows the parser only as far as it can be sure of it: at
/// the first construct whose effect takes the parser's full stack of open
/// elements (an end tag in SVG that closes no SVG element open, HTML
/// inside SVG), the rest of the page is left as it is.
pub(crate) fn emptied(html: &str) -> Cow<'_, str> {
    emptied_but(html, false)
}

/// [`emptied`], keeping too the scripts whose text carries paragraph
/// markup (an article shipped in a script framework's data, which the
/// embedded-article rescue reads): what of a page is worth keeping to
/// extract it again later.
pub(crate) fn kept(html: &str) -> Cow<'_, str> {
    emptied_but(html, true)
}

/// The one pass behind [`emptied`] and [`kept`].
fn emptied_but(html: &str, articles: bool) -> Cow<'_, str> {
    let b = html.as_bytes();
    let mut out = Output::default();
    // The SVG and MathML elements open, innermost last: inside them
    // raw-text names are ordinary elements.
    let mut foreign: Vec<&[u8]> = Vec::new();
    let mut i = 0;
    while let Some(lt) = find_byte(b, i, b'<') {
        i = match b.get(lt + 1) {
            Some(b'!') => declaration_end(b, lt, !foreign.is_empty()),
            Some(b'?') => to_gt(b, lt + 2),
            Some(b'/') if b.get(lt + 2).is_some_and(u8::is_ascii_alphabetic) => {
                let end = name_end(b, lt + 2);
                let Some(tag) = Tag::scan(b, end, 0) else {
                    break;
                };
                let name = b.get(lt + 2..end).unwrap_or_default();
                let is = |n: &str| name.eq_ignore_ascii_case(n.as_bytes());
                if !foreign.is_empty() {
                    if is("p") || is("br") {
                        // Back to HTML.
                        foreign.clear();
                    } else if let Some(k) =
                        foreign.iter().rposition(|n| n.eq_ignore_ascii_case(name))
                    {
                        foreign.truncate(k);
                    } else {
                        // Read as HTML: it may close what holds the SVG.
                        break;
                    }
                }
                tag.end
            }
            Some(b'/') => to_gt(b, lt + 2),
            Some(c) if c.is_ascii_alphabetic() => {
                let end = name_end(b, lt + 1);
                let Some(tag) = Tag::scan(b, end, 0) else {
                    break;
                };
                let name = b.get(lt + 1..end).unwrap_or_default();
                let is = |n: &str| name.eq_ignore_ascii_case(n.as_bytes());
                if is("plaintext") || is("frameset") {
                    // All that follows is text, or markup where scripts
                    // are ignored.
                    break;
                }
                if !foreign.is_empty() {
                    if is("font") {
                        // Back to HTML only with some attributes.
                        break;
                    } else if breaks_out(name) {
                        foreign.clear();
                    } else if tag.self_closing {
                        // Closed at once.
                    } else if integration_point(name) {
                        // Its content is read as HTML: only plain text
                        // (an icon's `<title>`) is followed.
                        let plain = raw_close(b, tag.end, name)
                            .is_some_and(|(close, _)| find_byte(b, tag.end, b'<') == Some(close));
                        if !plain {
                            break;
                        }
                        foreign.push(name);
                    } else {
                        foreign.push(name);
                    }
                }
                if !foreign.is_empty() {
                    tag.end
                } else if is_foreign_root(name) {
                    if articles
                        && !tag.self_closing
                        && name.eq_ignore_ascii_case(b"svg")
                        && let Some(after) = drawing(html, &tag, &mut out)
                    {
                        after
                    } else {
                        if !tag.self_closing {
                            foreign.push(name);
                        }
                        tag.end
                    }
                } else if is_raw(name) {
                    let empty = is("script") || is("style");
                    match code(html, lt, &tag, name, empty, articles, &mut out) {
                        Some(after) => after,
                        None => break,
                    }
                } else {
                    tag.end
                }
            }
            _ => lt + 1,
        };
    }
    out.finish(html)
}

/// Reads the raw text of an element the parser reads as such (`tag`,
/// named `name`, starting at `lt`), emptying it when `empty` unless it is
/// a script that may hold JSON (or, with `articles`, one whose text
/// carries paragraph markup); the index after its end tag, or `None`
/// for a script whose end the parser may place elsewhere (one holding
/// `<!--`, which starts its escaped states).
fn code(
    html: &str,
    lt: usize,
    tag: &Tag,
    name: &[u8],
    empty: bool,
    articles: bool,
    out: &mut Output,
) -> Option<usize> {
    let b = html.as_bytes();
    let (content_end, after) = raw_span(b, tag.end, name);
    let content = b.get(tag.end..content_end).unwrap_or_default();
    let script = name.eq_ignore_ascii_case(b"script");
    if script && find_seq(content, 0, b"<!--").is_some() {
        return None;
    }
    let keep = script
        && (holds_json_ld(b.get(lt..tag.end).unwrap_or_default())
            || articles
                && html
                    .get(tag.end..content_end)
                    .is_some_and(|c| crate::page::paragraph_tags(c) > 0));
    if empty && !keep && articles && after > tag.end {
        // Kept for storing: an emptied script or style sheet's attributes
        // (a source URL, hashes, loading hints) are read by no one. The
        // element itself stays: extraction weighs a page's elements.
        let bare = if script {
            "<script></script>"
        } else {
            "<style></style>"
        };
        out.replace(html, lt, after, bare);
    } else if empty && !keep && !content.is_empty() {
        out.replace(html, tag.end, content_end, "");
    }
    Some(after)
}

/// Empties an inline drawing (the `<svg>` opened by `tag`) whose content
/// is only drawing: no extraction reads icons' paths, and they are a tenth
/// of a news page's compressed bytes. The index after its end tag; `None`
/// (nothing changed) when it may hold HTML or markup that hides an end tag
/// (`<foreignObject>`, a nested drawing, a comment, CDATA) or is never
/// closed.
fn drawing(html: &str, tag: &Tag, out: &mut Output) -> Option<usize> {
    let b = html.as_bytes();
    let mut k = tag.end;
    let close = loop {
        let at = find_seq(b, k, b"</")?;
        if b.get(at + 2..at + 6)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"svg>"))
        {
            break at;
        }
        k = at + 2;
    };
    let content = b.get(tag.end..close)?;
    let risky = |word: &[u8]| {
        content
            .windows(word.len())
            .any(|w| w.eq_ignore_ascii_case(word))
    };
    // Text in a drawing (a monogram, a label) can be read as words.
    let words = [b"<text".as_slice(), b"<title", b"<desc"];
    if risky(b"<svg") || risky(b"<foreignobject") || risky(b"<!") || words.iter().any(|w| risky(w))
    {
        return None;
    }
    // Space between the tags stays one space, so that the words either
    // side of the drawing stay apart.
    let space = if content.iter().any(|c| c.is_ascii_whitespace()) {
        " "
    } else {
        ""
    };
    if content != space.as_bytes() {
        out.replace(html, tag.end, close, space);
    }
    Some(close + 6)
}

/// SVG and MathML elements whose content is read as HTML.
fn integration_point(name: &[u8]) -> bool {
    [
        "foreignobject",
        "desc",
        "title",
        "annotation-xml",
        "mi",
        "mo",
        "mn",
        "ms",
        "mtext",
    ]
    .iter()
    .any(|n| name.eq_ignore_ascii_case(n.as_bytes()))
}

/// Whether a script tag may hold the JSON-LD (or settings JSON) that
/// trafilatura, readability and our metadata readers parse: its type
/// names `ld+json` or `settings+json`, or may once its character
/// references are read (`ld&#x2B;json`). Other JSON (a framework's page
/// data, often the largest script on the page) is read by no one but the
/// embedded-article rescue, which reads the page as it came.
fn holds_json_ld(tag: &[u8]) -> bool {
    tag.contains(&b'&')
        || [b"ld+json".as_slice(), b"settings+json"]
            .iter()
            .any(|word| {
                tag.windows(word.len())
                    .any(|w| w.eq_ignore_ascii_case(word))
            })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use scraper::{Html, Node};

    /// The page's tree as text, the children of HTML `<script>` and
    /// `<style>` elements left out.
    fn shape(html: &str) -> String {
        fn write(node: ego_tree::NodeRef<'_, Node>, out: &mut String) {
            out.push('(');
            match node.value() {
                Node::Element(e) => {
                    out.push_str(&format!("{:?}", e.name));
                    for (k, v) in e.attrs() {
                        out.push_str(&format!(" {k}={v:?}"));
                    }
                    if &*e.name.ns == "http://www.w3.org/1999/xhtml"
                        && matches!(e.name(), "script" | "style")
                    {
                        out.push(')');
                        return;
                    }
                }
                Node::Text(t) => out.push_str(&format!("{:?}", &**t)),
                Node::Comment(c) => out.push_str(&format!("<!{:?}>", &**c)),
                other => out.push_str(&format!("{other:?}")),
            }
            for child in node.children() {
                write(child, out);
            }
            out.push(')');
        }
        let mut out = String::new();
        write(Html::parse_document(html).tree.root(), &mut out);
        out
    }

    #[test]
    fn scripts_and_styles_lose_their_text() {
        let page = "<html><head><style>p { color: red }</style>\
            <script>var a = '<p>';</script>\
            <script type=\"application/ld+json\">{\"headline\":\"A\"}</script></head>\
            <body><p>text</p><SCRIPT src=x.js>x()</SCRIPT >\
            <script type=\"application/json\">{\"page\":1}</script>\
            <script type=\"application/ld&#x2B;json\">{}</script></body></html>";
        assert_eq!(
            emptied(page),
            "<html><head><style></style><script></script>\
            <script type=\"application/ld+json\">{\"headline\":\"A\"}</script></head>\
            <body><p>text</p><SCRIPT src=x.js></SCRIPT >\
            <script type=\"application/json\"></script>\
            <script type=\"application/ld&#x2B;json\">{}</script></body></html>"
        );
        assert!(matches!(
            emptied("<p>a</p><script></script>"),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn text_the_parser_reads_otherwise_stays() {
        for page in [
            "<!-- <script>a</script> --><p>b</p>",
            "<svg><style>a</style><script>b</script></svg>",
            "<script><!-- <script>a</script> b --></script>",
            "<textarea><script>a</script></textarea>",
            "<plaintext><script>a</script>",
            "<p title=\"<script>a</script>\">b</p>",
        ] {
            assert!(matches!(emptied(page), Cow::Borrowed(_)), "{page}");
        }
        // Out of SVG again, code goes.
        assert_eq!(
            emptied("<svg><g></g></svg><style>a</style>"),
            "<svg><g></g></svg><style></style>"
        );
    }

    #[test]
    fn odd_input_is_safe() {
        for page in [
            "",
            "<",
            "</",
            "<!",
            "<!--",
            "<a",
            "<a b=",
            "<script",
            "<script>",
            "<script>a",
            "<style>a</sty",
            "</script>",
            "<svg",
            "<\u{e9}>",
            "<script>\u{e9}</script>",
        ] {
            let _ = emptied(page);
        }
        assert_eq!(emptied("<script>never closed"), "<script>");
    }

    #[test]
    fn kept_pages_keep_json_ld_and_article_data() {
        let page = r#"<script>track("x")</script><script type="application/ld+json">{"a":1}</script><script>self.push(["\u003cp>An article\u003c/p>"])</script><style>p{}</style><p>Text</p>"#;
        assert_eq!(
            kept(page),
            r#"<script></script><script type="application/ld+json">{"a":1}</script><script>self.push(["\u003cp>An article\u003c/p>"])</script><style></style><p>Text</p>"#
        );
        assert_eq!(
            emptied(page),
            "<script></script><script type=\"application/ld+json\">{\"a\":1}</script><script></script><style></style><p>Text</p>"
        );
    }

    #[test]
    fn kept_pages_strip_what_code_elements_carry() {
        let page = r#"<head><script async src="https://cdn.example/a.js" integrity="sha384-x"></script><STYLE media="print">p{}</STYLE></head><p>Text<script src=b.js></script></p><script defer>"#;
        assert_eq!(
            kept(page),
            "<head><script></script><style></style></head><p>Text<script></script></p><script defer>"
        );
        // Extraction reads the page with its attributes.
        assert_eq!(
            emptied(page),
            r#"<head><script async src="https://cdn.example/a.js" integrity="sha384-x"></script><STYLE media="print"></STYLE></head><p>Text<script src=b.js></script></p><script defer>"#
        );
    }

    #[test]
    fn kept_pages_empty_drawings_without_words() {
        assert_eq!(
            kept("<a>Home</a><svg viewBox=\"0 0 9 9\">\n<path d=\"M0 0h9\"/>\n</svg><a>News</a>"),
            "<a>Home</a><svg viewBox=\"0 0 9 9\"> </svg><a>News</a>"
        );
        for page in [
            "<svg><text>CM</text></svg>",
            "<svg><foreignObject><p>x</p></foreignObject></svg>",
            "<svg><!-- </svg> --></svg>",
            "<svg><path/>",
        ] {
            assert_eq!(kept(page), page);
        }
    }

    proptest! {
            /// The parser builds the same tree from the emptied page, but for
            /// the text of scripts and style sheets.
            #[test]
            fn only_code_changes(
                parts in prop::collection::vec(prop::sample::select(vec![
                    "<div>", "</div>", "<p>", "</p>", "<b>", "</b>", "<br>", "</br>", "<svg>",
                    "</svg>", "<svg/>", "<g>", "</g>", "<math>", "</math>", "<mi>", "<desc>",
                    "</desc>", "<font color=x>", "<select>", "</select>", "<option>", "<textarea>",
                    "</textarea>", "<table>", "<td>", "<script>", "</script>", "<style>", "</style>",
                    "<noscript>", "</noscript>", "<title>", "</title>", "<template>",
                    "<foreignObject>", "<plaintext>", "<!--", "-->", "<", ">", "/", "text",
                    "\u{e9}", "\"", "'", "=", " a", "<script type=application/ld+json>", "{}",
                    "<![CDATA[", "]]>", "<iframe>", "</iframe>", "<xmp>", "<frameset>", "<head>",
                    "<body>", "</body>", "</html>", "<script/>",
    ]), 0..80),
            ) {
                let page = parts.concat();
                prop_assert_eq!(shape(&emptied(&page)), shape(&page), "{}", page);
            }
        }
}
