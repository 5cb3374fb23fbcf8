//! Bounds how many nodes and attributes a page's parsers build.
//!
//! The parsers build a node for every element, comment and run of text,
//! and keep every attribute; trafilatura then walks, copies and scores
//! that tree several times. A few hundred bytes of markup per node thus
//! cost a kilobyte or two of memory and some microseconds each: 8 MiB of
//! `<p>` (2.8 million elements, a few kilobytes gzipped) cost gigabytes
//! and half a minute. The parser also checks each attribute of a tag
//! against the ones before it, so one tag with a million distinct
//! attributes never finishes. Real news pages hold under 10,000 tags.
//!
//! [`bounded`] makes one pass over the markup. Every node the parser can
//! build starts at a `<`, so the `<` bytes, wherever they sit (in text,
//! scripts, attribute values), bound the nodes whatever the parser's
//! state; attributes are counted by tokenizing each tag as the HTML
//! tokenizer does. Once `<` bytes and attributes together reach the
//! budget, the rest of the page keeps only its text: every later tag,
//! comment and declaration is removed, raw-text elements (`<script>`,
//! `<style>`) with their content, each removed run leaving one space so
//! that words stay apart and no new markup forms. A tag with more
//! attributes than allowed keeps the first ones. A page within bounds
//! comes back untouched, borrowed.

use std::borrow::Cow;

use crate::depth::{find_byte, find_seq, is_space, name_end, raw_end};

/// Nodes (`<` bytes and attributes) a page keeps: five times what the
/// largest benchmark page holds (9,770 `<`), and few enough that the
/// parsers and trafilatura stay within a second and a few hundred
/// megabytes.
pub const MAX_NODES: usize = 50_000;

/// Attributes one tag keeps: far more than real tags carry (a few dozen
/// at most), few enough that the parser's duplicate check stays cheap.
pub const MAX_ATTRIBUTES: usize = 256;

/// What a pass found on a page.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// `<` bytes plus attributes: what the budget counts.
    pub nodes: usize,
    /// Most attributes on one tag.
    pub widest: usize,
}

/// `html` with its nodes held to `budget` and each tag's attributes to
/// `max_attributes`.
///
/// Up to the point where `<` bytes and attributes reach `budget` the page
/// is kept, except for attributes past `max_attributes` on a tag; after
/// it only text is kept (see the module overview). Returns `html` itself,
/// borrowed, when nothing is over. One pass; allocates only when
/// something is removed.
pub fn bounded(html: &str, budget: usize, max_attributes: usize) -> Cow<'_, str> {
    walk(html, budget, max_attributes).0
}

/// What the pass counts on `html`, with no budget.
pub fn tally(html: &str) -> Tally {
    walk(html, usize::MAX, usize::MAX).1
}

/// The bounded page and what was counted before any cut.
fn walk(html: &str, budget: usize, max_attributes: usize) -> (Cow<'_, str>, Tally) {
    let b = html.as_bytes();
    let mut out = Output::default();
    let mut tally = Tally::default();
    // How many `<svg>`/`<math>` are open: raw-text names are ordinary
    // elements inside them.
    let mut foreign = 0usize;
    let mut i = 0;
    while let Some(lt) = find_byte(b, i, b'<') {
        // Where the construct at `lt` ends, and the tag it is, if any.
        let (end, tag) = match b.get(lt + 1) {
            Some(b'!') => (declaration_end(b, lt, foreign > 0), None),
            Some(b'?') => (to_gt(b, lt + 2), None),
            Some(b'/') => match b.get(lt + 2) {
                Some(c) if c.is_ascii_alphabetic() => {
                    let name_end = name_end(b, lt + 2);
                    let Some(tag) = Tag::scan(b, name_end, max_attributes) else {
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
                let Some(tag) = Tag::scan(b, name_end, max_attributes) else {
                    break;
                };
                let name = b.get(lt + 1..name_end).unwrap_or_default();
                if is_foreign_root(name) && !tag.self_closing {
                    foreign += 1;
                } else if foreign > 0 && breaks_out(name) {
                    foreign = 0;
                }
                let end = if foreign == 0 && is_raw(name) {
                    raw_end(b, tag.end, name)
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
        let cost = 1 + count_lt(b, lt + 1, end) + attributes;
        if tally.nodes.saturating_add(cost) > budget {
            text_only(html, lt, &mut out);
            return (out.finish(html), tally);
        }
        tally.nodes += cost;
        tally.widest = tally.widest.max(attributes);
        if let Some(tag) = tag {
            tag.rewrite(html, &mut out);
        }
        i = end;
    }
    (out.finish(html), tally)
}

/// Keeps only the text of `html` from `from` on: every tag, comment and
/// declaration is removed, raw-text elements whole, each run of removed
/// markup leaving one space.
fn text_only(html: &str, from: usize, out: &mut Output) {
    let b = html.as_bytes();
    let mut i = from;
    while let Some(lt) = find_byte(b, i, b'<') {
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
                    Some(tag) if is_raw(name) => raw_end(b, tag.end, name),
                    Some(tag) => tag.end,
                    None => b.len(),
                }
            }
            // A `<` that opens nothing is text.
            _ => {
                i = lt + 1;
                continue;
            }
        };
        out.replace(html, lt, end, " ");
        i = end;
    }
}

/// One tag as the HTML tokenizer reads it.
struct Tag {
    /// The index after its `>`.
    end: usize,
    self_closing: bool,
    /// Attributes begun, duplicates included.
    attributes: usize,
    /// Where the first attribute past the allowance begins.
    over: Option<usize>,
}

impl Tag {
    /// Reads a tag's attributes from `from`, just after its name, by the
    /// tokenizer's states; `None` at the end of input inside the tag.
    fn scan(b: &[u8], from: usize, allowed: usize) -> Option<Tag> {
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
fn declaration_end(b: &[u8], lt: usize, foreign: bool) -> usize {
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
fn to_gt(b: &[u8], from: usize) -> usize {
    find_byte(b, from, b'>').map_or(b.len(), |e| e + 1)
}

/// How many `<` lie in `b[from..to]`.
fn count_lt(b: &[u8], from: usize, to: usize) -> usize {
    b.get(from..to)
        .unwrap_or_default()
        .iter()
        .filter(|&&c| c == b'<')
        .count()
}

/// Elements whose content the tokenizer reads as text up to their end
/// tag, in HTML (the parser runs with scripting on, so `<noscript>` too).
fn is_raw(name: &[u8]) -> bool {
    [
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
    ]
    .iter()
    .any(|n| name.eq_ignore_ascii_case(n.as_bytes()))
}

fn is_foreign_root(name: &[u8]) -> bool {
    name.eq_ignore_ascii_case(b"svg") || name.eq_ignore_ascii_case(b"math")
}

/// HTML start tags that end SVG or MathML content (`<font>` only with
/// some attributes, left out: staying foreign only reads more as markup).
fn breaks_out(name: &[u8]) -> bool {
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

/// The page being rewritten, made only once something changes.
#[derive(Default)]
struct Output {
    page: Option<String>,
    /// Bytes of the input before this are already in `page` or replaced.
    done: usize,
}

impl Output {
    /// Puts `with` in place of `html[from..to]`. Both ends sit next to an
    /// ASCII byte the pass stopped at, so they are character boundaries.
    fn replace(&mut self, html: &str, from: usize, to: usize, with: &str) {
        let page = self
            .page
            .get_or_insert_with(|| String::with_capacity(html.len()));
        page.push_str(html.get(self.done..from).unwrap_or_default());
        // One space stands for a run of removed markup.
        if !(with == " " && page.ends_with(' ')) {
            page.push_str(with);
        }
        self.done = to;
    }

    fn finish(self, html: &str) -> Cow<'_, str> {
        match self.page {
            None => Cow::Borrowed(html),
            Some(mut page) => {
                page.push_str(html.get(self.done..).unwrap_or_default());
                Cow::Owned(page)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// How many `<` in `s` could start markup: those before a letter,
    /// `/`, `!` or `?`.
    fn markup_starts(s: &str) -> usize {
        s.as_bytes()
            .windows(2)
            .filter(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || b"/!?".contains(&w[1])))
            .count()
    }

    fn has_markup(s: &str) -> bool {
        markup_starts(s) > 0
    }

    #[test]
    fn pages_within_bounds_come_back_borrowed() {
        let page = "<!doctype html><html><head><title>A <b> title</title>\
            <script>if (a < b) { x('<div>'); }</script></head><body>\
            <!-- a <p> comment --><div class=\"x\" data-y='a>b'>\
            <p>One<br>two<img src=a.png alt=\"\"><p>three</div></body></html>";
        let out = bounded(page, 100, 4);
        assert!(matches!(out, Cow::Borrowed(s) if std::ptr::eq(s, page)));
        let t = tally(page);
        assert_eq!(t.widest, 2);
        assert_eq!(t.nodes, page.matches('<').count() + 4);
    }

    #[test]
    fn past_the_budget_only_text_is_kept() {
        let page = format!(
            "<div>{}Harbour <b>news</b><script>var a = '<p>';</script><!-- <p> -->\
             <p>ends&amp;here</div>",
            "<p>".repeat(1000)
        );
        let out = bounded(&page, 10, 8);
        let head = format!("<div>{}", "<p>".repeat(9));
        assert!(out.starts_with(&head), "{out}");
        assert_eq!(&out[head.len()..], " Harbour news ends&amp;here ");
        assert!(tally(&out).nodes <= 10);
    }

    #[test]
    fn removed_markup_never_forms_new_markup() {
        let page = format!("{}<<p>div>a<</p>!-- b <<br>?x", "<p>".repeat(20));
        let out = bounded(&page, 5, 8);
        assert!(!has_markup(&out[out.rfind("<p>").unwrap() + 3..]), "{out}");
        assert!(out.contains("div>a"));
    }

    #[test]
    fn wide_tags_keep_their_first_attributes() {
        let attrs: String = (0..1000).map(|k| format!(" a{k}=\"v\"")).collect();
        let page = format!("<div{attrs}>text</div><img{attrs}/>");
        let out = bounded(&page, usize::MAX, 3);
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

    /// Attributes the pass counts on `page`.
    fn attributes(page: &str) -> usize {
        tally(page).nodes - page.matches('<').count()
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
        // Its `<` count either way; only attributes differ.
        let page = "<svg><style><a b c></style></svg><style><a b c></style>";
        assert_eq!(attributes(page), 2);
        // Until HTML breaks out of it.
        assert_eq!(attributes("<svg><p><style><a b c></style>"), 0);
    }

    #[test]
    fn odd_input_is_safe() {
        for page in [
            "", "<", "</", "<!", "<!--", "<a", "<a b", "<a b=", "<a b=\"", "</a", "<a/", "<?",
            "<\u{e9}>", "<a\u{e9} b\u{e9}=\u{e9}>", "<script>", "<a b='>",
        ] {
            for budget in [0, 1, 2] {
                let _ = bounded(page, budget, 0);
                let _ = bounded(page, budget, 1);
            }
        }
        assert_eq!(bounded("\u{e9}<p>\u{1f6a2}<p>x", 1, 9), "\u{e9}<p>\u{1f6a2} x");
    }

    proptest! {
        #[test]
        fn the_output_stays_within_the_budget(
            parts in prop::collection::vec(prop::sample::select(vec![
                "<div>", "</div>", "<p>", "</p>", "<b>", "<li>", "<td>", "<svg>", "</svg>",
                "<script>", "</script>", "<style>", "<!--", "-->", "--!>", "<", ">", "/",
                "text", "\u{e9}", "<br>", "<title>", "\"", "'", "=", " a", " b=c", "<![CDATA[",
                "]]>", "<?", "</", "&amp;",
            ]), 0..200),
            budget in 0usize..40,
            allowed in 0usize..4,
        ) {
            let page = parts.concat();
            let out = bounded(&page, budget, allowed);
            let t = tally(&out);
            prop_assert!(t.widest <= allowed);
            // Past the cut only `<` that open nothing are left.
            let lone = out.matches('<').count() - markup_starts(&out);
            prop_assert!(t.nodes <= budget + lone, "{out}");
            prop_assert!(matches!(bounded(&out, budget.max(t.nodes), allowed), Cow::Borrowed(_)));
            prop_assert!(out.len() <= page.len() + page.len() / 2 + 2);
        }
    }
}
