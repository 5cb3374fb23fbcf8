//! Bounds the work any page can cause before a parser sees it.
//!
//! The parsers build a node for every element, comment and run of text,
//! and keep every attribute; trafilatura then walks, copies and scores
//! that tree several times. A few bytes of markup per node thus cost a
//! kilobyte or two of memory and some microseconds each: 8 MiB of `<p>`
//! (2.8 million elements, a few kilobytes gzipped) cost gigabytes and
//! half a minute. The tokenizer checks each attribute of a tag against
//! the ones before it (a tag with a million distinct attributes never
//! finishes) and looks up every character reference; trafilatura
//! normalizes every run of text several times, at every level above it.
//!
//! [`bounded`] makes one pass over the markup against a [`Budget`].
//! Every node the parser can build starts at a `<` before a letter, `/`,
//! `!` or `?`, so those bytes, wherever they sit (text, scripts, attribute
//! values), bound the nodes whatever state the parser is in; attributes
//! are counted by reading each tag as the HTML tokenizer does. Once nodes
//! or references run out, the rest of the page keeps only its text: every
//! later tag, comment and declaration is removed (raw-text elements such
//! as `<script>` with their content), each removed run leaving one space
//! so that words stay apart and no new markup forms, and every `&` goes.
//! Once text runs out, the page ends. A tag with too many attributes
//! keeps the first ones; a JSON-LD block too large to parse is emptied.
//! A page within budget comes back untouched, borrowed.

use std::borrow::Cow;

use crate::depth::{find_byte, find_seq, is_space, name_end, raw_close};
use crate::output::Output;

/// What a page may hold before the pass cuts it down.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budget {
    /// `<` bytes that may open markup, plus attributes, before only text
    /// is kept.
    pub nodes: usize,
    /// Attributes one tag keeps.
    pub attributes: usize,
    /// `&` bytes that may start a character reference, before only text
    /// is kept (the tokenizer looks each up, and the page is parsed
    /// several times).
    pub references: usize,
    /// Bytes of text outside markup; the page ends where they run out.
    pub text: usize,
    /// Bytes of one JSON-LD block (`application/ld+json`, which the
    /// metadata readers parse whole); a larger one is emptied.
    pub json: usize,
}

impl Budget {
    /// Storyline's page budget: a few times what the largest of the 1,021
    /// benchmark pages holds (19,959 nodes, 99 attributes on a tag,
    /// 20,699 references, 202 kB of text, 43 kB of JSON-LD; see
    /// `examples/shapes.rs count`), and small enough that the parsers and
    /// trafilatura stay within a second or so and a few hundred megabytes
    /// on any page.
    pub const PAGE: Budget = Budget {
        nodes: 50_000,
        attributes: 1024,
        references: 100_000,
        text: 1 << 20,
        json: 1 << 20,
    };

    /// No limits: the pass only counts.
    pub const NONE: Budget = Budget {
        nodes: usize::MAX,
        attributes: usize::MAX,
        references: usize::MAX,
        text: usize::MAX,
        json: usize::MAX,
    };
}

/// What a pass found on a page, up to where it cut.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// `<` bytes that may open markup, plus attributes.
    pub nodes: usize,
    /// Most attributes on one tag.
    pub widest: usize,
    /// `&` bytes that may start a character reference.
    pub references: usize,
    /// Bytes of text outside markup.
    pub text: usize,
    /// Bytes of the largest JSON-LD block.
    pub json: usize,
}

/// `html` held to `budget`; see the module overview. Returns `html`
/// itself, borrowed, when nothing is over. One pass; allocates only when
/// something is removed.
pub fn bounded<'a>(html: &'a str, budget: &Budget) -> Cow<'a, str> {
    walk(html, budget).0
}

/// What the pass counts on `html`, with no budget.
pub fn tally(html: &str) -> Tally {
    walk(html, &Budget::NONE).1
}

/// The bounded page and what was counted before any cut.
fn walk<'a>(html: &'a str, budget: &Budget) -> (Cow<'a, str>, Tally) {
    let b = html.as_bytes();
    let mut out = Output::default();
    let mut tally = Tally::default();
    // How many `<svg>`/`<math>` are open: raw-text names are ordinary
    // elements inside them.
    let mut foreign = 0usize;
    let mut i = 0;
    loop {
        let lt = find_byte(b, i, b'<').unwrap_or(b.len());
        let refs = references(b, i, lt);
        if tally.text + (lt - i) > budget.text || tally.references + refs > budget.references {
            text_only(html, i, budget, &mut tally, &mut out);
            return (out.finish(html), tally);
        }
        tally.text += lt - i;
        tally.references += refs;
        if lt == b.len() {
            break;
        }
        // Where the construct at `lt` ends, the tag it is, if any, and
        // the JSON it holds, if any.
        let mut json = None;
        let (end, tag) = match b.get(lt + 1) {
            Some(b'!') => (declaration_end(b, lt, foreign > 0), None),
            Some(b'?') => (to_gt(b, lt + 2), None),
            Some(b'/') => match b.get(lt + 2) {
                Some(c) if c.is_ascii_alphabetic() => {
                    let name_end = name_end(b, lt + 2);
                    let Some(tag) = Tag::scan(b, name_end, budget.attributes) else {
                        break; // EOF inside a tag: the parser drops it.
                    };
                    if is_foreign_root(b.get(lt + 2..name_end).unwrap_or_default()) {
                        foreign = foreign.saturating_sub(1);
                    }
                    (tag.end, Some(tag))
                }
                Some(b'>') => (lt + 3, None),
                Some(_) => (to_gt(b, lt + 2), None),
                None => (b.len(), None),
            },
            Some(c) if c.is_ascii_alphabetic() => {
                let name_end = name_end(b, lt + 1);
                let Some(tag) = Tag::scan(b, name_end, budget.attributes) else {
                    break;
                };
                let name = b.get(lt + 1..name_end).unwrap_or_default();
                if is_foreign_root(name) && !tag.self_closing {
                    foreign += 1;
                } else if foreign > 0 && breaks_out(name) {
                    foreign = 0;
                }
                let end = if foreign == 0 && is_raw(name) {
                    let (content_end, end) = raw_span(b, tag.end, name);
                    if name.eq_ignore_ascii_case(b"script")
                        && mentions_json(b.get(lt..tag.end).unwrap_or_default())
                    {
                        json = Some(tag.end..content_end);
                    }
                    end
                } else {
                    tag.end
                };
                (end, Some(tag))
            }
            _ => (lt + 1, None),
        };
        // `<` inside comments, tags and raw text count too: the parser
        // may not agree with this pass on where those end.
        let attributes = tag.as_ref().map_or(0, |t| t.attributes);
        let cost = markup_starts(b, lt, end) + attributes;
        let refs = tag.as_ref().map_or(0, |t| references(b, lt, t.end));
        if tally.nodes.saturating_add(cost) > budget.nodes
            || tally.references + refs > budget.references
        {
            text_only(html, lt, budget, &mut tally, &mut out);
            return (out.finish(html), tally);
        }
        tally.nodes += cost;
        tally.references += refs;
        tally.widest = tally.widest.max(attributes);
        if let Some(tag) = tag {
            tag.rewrite(html, &mut out);
        }
        if let Some(json) = json {
            tally.json = tally.json.max(json.len());
            if json.len() > budget.json {
                out.replace(html, json.start, json.end, "");
            }
        }
        i = end;
    }
    (out.finish(html), tally)
}

/// Keeps only the text of `html` from `from` on, up to the text budget:
/// every tag, comment and declaration is removed, raw-text elements
/// whole, each run of removed markup leaving one space, and every `&`
/// goes, so that no character reference is left to look up.
fn text_only(html: &str, from: usize, budget: &Budget, tally: &mut Tally, out: &mut Output) {
    let b = html.as_bytes();
    let mut i = from;
    loop {
        let lt = find_byte(b, i, b'<').unwrap_or(b.len());
        let room = budget.text.saturating_sub(tally.text);
        let stop = if lt - i > room {
            Some(floor_boundary(html, i + room))
        } else {
            None
        };
        let text_end = stop.unwrap_or(lt);
        let text = b.get(i..text_end).unwrap_or_default();
        for k in memchr::memchr_iter(b'&', text) {
            out.replace(html, i + k, i + k + 1, "");
        }
        tally.text += text_end - i;
        if let Some(stop) = stop {
            out.replace(html, stop, b.len(), "");
            return;
        }
        if lt == b.len() {
            return;
        }
        let end = match b.get(lt + 1) {
            Some(b'!') => declaration_end(b, lt, false),
            Some(b'?') => to_gt(b, lt + 2),
            Some(b'/') => match b.get(lt + 2) {
                Some(c) if c.is_ascii_alphabetic() => {
                    Tag::scan(b, name_end(b, lt + 2), 0).map_or(b.len(), |t| t.end)
                }
                _ => to_gt(b, lt + 2),
            },
            Some(c) if c.is_ascii_alphabetic() => {
                let name_end = name_end(b, lt + 1);
                let name = b.get(lt + 1..name_end).unwrap_or_default();
                match Tag::scan(b, name_end, 0) {
                    Some(tag) if is_raw(name) => raw_span(b, tag.end, name).1,
                    Some(tag) => tag.end,
                    None => b.len(),
                }
            }
            // A `<` that opens nothing is text.
            _ => {
                tally.text += 1;
                i = lt + 1;
                continue;
            }
        };
        out.replace(html, lt, end, " ");
        i = end;
    }
}

/// The largest character boundary of `s` at or before `at`.
fn floor_boundary(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// One tag as the HTML tokenizer reads it.
pub(crate) struct Tag {
    /// The index after its `>`.
    pub(crate) end: usize,
    pub(crate) self_closing: bool,
    /// Attributes begun, duplicates included.
    attributes: usize,
    /// Where the first attribute past the allowance begins.
    over: Option<usize>,
}

impl Tag {
    /// Reads a tag's attributes from `from`, just after its name, by the
    /// tokenizer's states; `None` at the end of input inside the tag.
    pub(crate) fn scan(b: &[u8], from: usize, allowed: usize) -> Option<Tag> {
        let mut tag = Tag {
            end: 0,
            self_closing: false,
            attributes: 0,
            over: None,
        };
        let begin = |tag: &mut Tag, at: usize| {
            if tag.attributes == allowed {
                tag.over = Some(at);
            }
            tag.attributes += 1;
        };
        let mut i = from;
        loop {
            // Before an attribute name.
            while b.get(i).is_some_and(|&c| is_space(c)) {
                i += 1;
            }
            match *b.get(i)? {
                b'>' => break,
                b'/' => {
                    // Self-closing only when `>` follows at once.
                    if *b.get(i + 1)? == b'>' {
                        tag.self_closing = true;
                        i += 1;
                        break;
                    }
                    i += 1;
                    continue;
                }
                _ => {
                    begin(&mut tag, i);
                    // The name: a leading `=` is part of it.
                    i += 1;
                    while b
                        .get(i)
                        .is_some_and(|&c| !is_space(c) && !matches!(c, b'/' | b'>' | b'='))
                    {
                        i += 1;
                    }
                }
            }
            // After the name: a value, another attribute or the end.
            while b.get(i).is_some_and(|&c| is_space(c)) {
                i += 1;
            }
            if *b.get(i)? != b'=' {
                continue;
            }
            i += 1;
            while b.get(i).is_some_and(|&c| is_space(c)) {
                i += 1;
            }
            match *b.get(i)? {
                q @ (b'"' | b'\'') => i = find_byte(b, i + 1, q)? + 1,
                b'>' => break,
                _ => {
                    while b.get(i).is_some_and(|&c| !is_space(c) && c != b'>') {
                        i += 1;
                    }
                }
            }
        }
        tag.end = i + 1;
        Some(tag)
    }

    /// Writes the tag without its attributes past the allowance.
    fn rewrite(&self, html: &str, out: &mut Output) {
        if let Some(over) = self.over {
            // What is kept ends after a whole attribute, so a space then
            // `>` (or `/>`) closes the tag as it was closed.
            let spaced = over
                .checked_sub(1)
                .and_then(|k| html.as_bytes().get(k))
                .is_some_and(|&c| is_space(c));
            let close = match (self.self_closing, spaced) {
                (true, true) => "/>",
                (true, false) => " />",
                (false, true) => ">",
                (false, false) => " >",
            };
            out.replace(html, over, self.end, close);
        }
    }
}

/// The index after a `<!` construct at `lt`: a comment, a CDATA section
/// (inside SVG or MathML), or a doctype or bogus comment up to `>`.
pub(crate) fn declaration_end(b: &[u8], lt: usize, foreign: bool) -> usize {
    if b.get(lt + 2..lt + 4) == Some(b"--") {
        comment_end(b, lt + 4)
    } else if foreign && b.get(lt + 2..lt + 9) == Some(b"[CDATA[") {
        find_seq(b, lt + 9, b"]]>").map_or(b.len(), |e| e + 3)
    } else {
        to_gt(b, lt + 2)
    }
}

/// The index after a comment whose text starts at `from`: it ends at
/// `-->` or `--!>`, and `<!-->` and `<!--->` are whole comments.
fn comment_end(b: &[u8], from: usize) -> usize {
    if b.get(from) == Some(&b'>') {
        return from + 1;
    }
    if b.get(from..from + 2) == Some(b"->") {
        return from + 2;
    }
    let mut i = from;
    while let Some(k) = find_seq(b, i, b"--") {
        match b.get(k + 2) {
            Some(b'>') => return k + 3,
            Some(b'!') if b.get(k + 3) == Some(&b'>') => return k + 4,
            _ => i = k + 1,
        }
    }
    b.len()
}

/// The index after the next `>` from `from`, or the end of input.
pub(crate) fn to_gt(b: &[u8], from: usize) -> usize {
    find_byte(b, from, b'>').map_or(b.len(), |e| e + 1)
}

/// How many `<` in `b[from..to]` may open markup: those before a letter,
/// `/`, `!` or `?`. Any other `<` is text whatever the parser's state.
fn markup_starts(b: &[u8], from: usize, to: usize) -> usize {
    followed(b, from, to, b'<', |c| {
        c.is_ascii_alphabetic() || matches!(c, b'/' | b'!' | b'?')
    })
}

/// How many `&` in `b[from..to]` may start a character reference: those
/// before a letter, digit or `#`.
fn references(b: &[u8], from: usize, to: usize) -> usize {
    followed(b, from, to, b'&', |c| {
        c.is_ascii_alphanumeric() || c == b'#'
    })
}

/// How many `byte` in `b[from..to]` come before a byte `next` accepts.
fn followed(b: &[u8], from: usize, to: usize, byte: u8, next: impl Fn(u8) -> bool) -> usize {
    let span = b.get(from..to).unwrap_or_default();
    memchr::memchr_iter(byte, span)
        .filter(|&k| b.get(from + k + 1).is_some_and(|&c| next(c)))
        .count()
}

/// Where the raw text from `from` of an element named `name` ends, and
/// the index after its end tag; the end of input when it is never closed.
pub(crate) fn raw_span(b: &[u8], from: usize, name: &[u8]) -> (usize, usize) {
    match raw_close(b, from, name) {
        Some((lt, after)) => (lt, Tag::scan(b, after, 0).map_or(b.len(), |t| t.end)),
        None => (b.len(), b.len()),
    }
}

/// Whether a tag's text names JSON-LD (`type="application/ld+json"`),
/// which the metadata readers parse; other JSON (a framework's page
/// data, up to a megabyte on real pages) is left alone.
fn mentions_json(tag: &[u8]) -> bool {
    tag.windows(7).any(|w| w.eq_ignore_ascii_case(b"ld+json"))
}

/// Elements whose content the tokenizer reads as text up to their end
/// tag, in HTML (the parser runs with scripting on, so `<noscript>` too).
pub(crate) fn is_raw(name: &[u8]) -> bool {
    [
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
    ]
    .iter()
    .any(|n| name.eq_ignore_ascii_case(n.as_bytes()))
}

pub(crate) fn is_foreign_root(name: &[u8]) -> bool {
    name.eq_ignore_ascii_case(b"svg") || name.eq_ignore_ascii_case(b"math")
}

/// HTML start tags that end SVG or MathML content (`<font>` only with
/// some attributes, left out: staying foreign only reads more as markup).
pub(crate) fn breaks_out(name: &[u8]) -> bool {
    [
        "b",
        "big",
        "blockquote",
        "body",
        "br",
        "center",
        "code",
        "dd",
        "div",
        "dl",
        "dt",
        "em",
        "embed",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "head",
        "hr",
        "i",
        "img",
        "li",
        "listing",
        "menu",
        "meta",
        "nobr",
        "ol",
        "p",
        "pre",
        "ruby",
        "s",
        "small",
        "span",
        "strong",
        "strike",
        "sub",
        "sup",
        "table",
        "tt",
        "u",
        "ul",
        "var",
    ]
    .iter()
    .any(|n| name.eq_ignore_ascii_case(n.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A budget of `nodes` and `attributes`, nothing else limited.
    fn nodes(nodes: usize, attributes: usize) -> Budget {
        Budget {
            nodes,
            attributes,
            ..Budget::NONE
        }
    }

    fn starts(s: &str) -> usize {
        markup_starts(s.as_bytes(), 0, s.len())
    }

    /// Attributes the pass counts on `page`.
    fn attributes(page: &str) -> usize {
        tally(page).nodes - starts(page)
    }

    #[test]
    fn pages_within_bounds_come_back_borrowed() {
        let page = "<!doctype html><html><head><title>A <b> title</title>\
            <script>if (a < b) { x('<div>'); }</script></head><body>\
            <!-- a <p> comment --><div class=\"x\" data-y='a>b'>\
            <p>One &amp; two<br>two<img src=\"a.png?x=1&amp;y=2\" alt=\"\"><p>three</div></body></html>";
        let out = bounded(page, &nodes(100, 4));
        assert!(matches!(out, Cow::Borrowed(s) if std::ptr::eq(s, page)));
        let t = tally(page);
        assert_eq!(t.widest, 2);
        assert_eq!(t.nodes, starts(page) + 4);
        assert_eq!(t.references, 2);
        assert!(matches!(bounded(page, &Budget::PAGE), Cow::Borrowed(_)));
    }

    #[test]
    fn past_the_budget_only_text_is_kept() {
        let page = format!(
            "<div>{}Harbour <b>news</b><script>var a = '<p>';</script><!-- <p> -->\
             <p>ends&amp;here &</div>",
            "<p>".repeat(1000)
        );
        let out = bounded(&page, &nodes(10, 8));
        let head = format!("<div>{}", "<p>".repeat(9));
        assert!(out.starts_with(&head), "{out}");
        assert_eq!(&out[head.len()..], " Harbour news endsamp;here ");
        assert!(tally(&out).nodes <= 10);
    }

    #[test]
    fn references_past_their_budget_lose_their_ampersand() {
        let page = format!("<p>{}</p><p>after</p>", "&amp;".repeat(100));
        let budget = Budget {
            references: 10,
            ..Budget::NONE
        };
        let out = bounded(&page, &budget);
        assert_eq!(out, format!("<p>{} after ", "amp;".repeat(100)));
        let page = "<p>x</p><a href=\"?a=1&amp;b=2&amp;c=3\">x</a> <&lt;p>";
        let out = bounded(
            page,
            &Budget {
                references: 1,
                ..Budget::NONE
            },
        );
        assert_eq!(out, "<p>x</p> x  < lt;p>");
        assert_eq!(tally(&out).references, 0);
    }

    #[test]
    fn text_past_its_budget_ends_the_page() {
        let page = "<p>one two</p><p>three \u{e9}four</p>";
        let budget = Budget {
            text: 13,
            ..Budget::NONE
        };
        assert_eq!(bounded(page, &budget), "<p>one two</p><p>three ");
        // Past a node cut too, and never inside a character.
        let budget = Budget {
            text: 11,
            nodes: 2,
            ..Budget::NONE
        };
        assert_eq!(bounded(page, &budget), "<p>one two</p> thre");
        let budget = Budget {
            text: 14,
            ..Budget::NONE
        };
        assert_eq!(bounded(page, &budget), "<p>one two</p><p>three ");
    }

    #[test]
    fn large_json_blocks_are_emptied() {
        let block = format!("{{\"a\":[{}1]}}", "1,".repeat(100));
        let page = format!(
            "<script type=\"application/ld+json\">{block}</script>\
             <script>var a = [{block}];</script><p>text</p>"
        );
        let t = tally(&page);
        assert_eq!(t.json, block.len());
        let budget = Budget {
            json: 100,
            ..Budget::NONE
        };
        let out = bounded(&page, &budget);
        assert!(out.starts_with("<script type=\"application/ld+json\"></script><script>var a"));
        assert!(out.ends_with("<p>text</p>"));
    }

    #[test]
    fn removed_markup_never_forms_new_markup() {
        let page = format!("{}<<p>div>a<</p>!-- b <<br>?x", "<p>".repeat(20));
        let out = bounded(&page, &nodes(5, 8));
        assert_eq!(starts(&out), 5, "{out}");
        assert!(out.contains("div>a"));
    }

    #[test]
    fn wide_tags_keep_their_first_attributes() {
        let attrs: String = (0..1000).map(|k| format!(" a{k}=\"v\"")).collect();
        let page = format!("<div{attrs}>text</div><img{attrs}/>");
        let out = bounded(&page, &nodes(usize::MAX, 3));
        assert_eq!(
            out,
            "<div a0=\"v\" a1=\"v\" a2=\"v\" >text</div><img a0=\"v\" a1=\"v\" a2=\"v\" />"
        );
        assert_eq!(tally(&out).widest, 3);
        // Valueless, unquoted, quoted and run together, as the tokenizer
        // counts them.
        for (tag, n) in [
            ("<a b c d>", 3),
            ("<a b=1 c= 2 d = \"3\">", 3),
            ("<a b=\"1\"c='2'd>", 3),
            ("<a b/c/>", 2),
            ("<a =b>", 1),
            ("<a b=\"x>y\" c>", 2),
            ("</a b c>", 2),
        ] {
            assert_eq!(tally(tag).widest, n, "{tag}");
        }
    }

    #[test]
    fn comments_end_where_the_parser_ends_them() {
        for (page, n) in [
            ("<!--><p a>", 1),
            ("<!---><p a>", 1),
            ("<!-- x --!><p a>", 1),
            ("<!-- <p a> --><p>", 0),
            ("<!-- x -- y ---><p a>", 1),
            ("<svg><![CDATA[ > <p a> ]]><p a></svg>", 1),
            ("<![CDATA[ > <p a> ]]><p a>", 2),
        ] {
            assert_eq!(attributes(page), n, "{page}");
        }
    }

    #[test]
    fn raw_text_is_markup_inside_svg() {
        let page = "<svg><style><a b c></style></svg><style><a b c></style>";
        assert_eq!(attributes(page), 2);
        // Until HTML breaks out of it.
        assert_eq!(attributes("<svg><p><style><a b c></style>"), 0);
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
            "<a b",
            "<a b=",
            "<a b=\"",
            "</a",
            "<a/",
            "<?",
            "<\u{e9}>",
            "<a\u{e9} b\u{e9}=\u{e9}>",
            "<script>",
            "<a b='>",
            "&",
            "&#",
            "\u{e9}&",
        ] {
            for n in [0, 1, 2] {
                let budget = Budget {
                    nodes: n,
                    attributes: n,
                    references: n,
                    text: n,
                    json: n,
                };
                let _ = bounded(page, &budget);
            }
        }
        assert_eq!(
            bounded("\u{e9}<p>\u{1f6a2}<p>x", &nodes(1, 9)),
            "\u{e9}<p>\u{1f6a2} x"
        );
    }

    proptest! {
        #[test]
        fn the_output_stays_within_the_budget(
            parts in prop::collection::vec(prop::sample::select(vec![
                "<div>", "</div>", "<p>", "</p>", "<b>", "<li>", "<td>", "<svg>", "</svg>",
                "<script>", "</script>", "<style>", "<!--", "-->", "--!>", "<", ">", "/",
                "text", "\u{e9}", "<br>", "<title>", "\"", "'", "=", " a", " b=c", "<![CDATA[",
                "]]>", "<?", "</", "&amp;", "&", "#", "<script type=ld+json>", "{}",
            ]), 0..200),
            limits in (0usize..40, 0usize..4, 0usize..10, 0usize..300, 0usize..10),
        ) {
            let (nodes, attributes, references, text, json) = limits;
            let budget = Budget { nodes, attributes, references, text, json };
            let page = parts.concat();
            let out = bounded(&page, &budget);
            let t = tally(&out);
            prop_assert!(t.nodes <= nodes, "{out}");
            prop_assert!(t.widest <= attributes);
            prop_assert!(t.references <= references);
            prop_assert!(t.json <= json);
            let again = Budget { text: text.max(t.text), ..budget };
            prop_assert!(matches!(bounded(&out, &again), Cow::Borrowed(_)), "{out}");
            prop_assert!(out.len() <= page.len() + page.len() / 2 + 2);
        }
    }
}
