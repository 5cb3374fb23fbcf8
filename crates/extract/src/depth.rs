//! Bounds how deeply a page's elements nest before any parser sees it.
//!
//! HTML parsers and trafilatura's scorers walk the open-element stack or
//! recurse over the tree, so their cost grows with the square of the
//! nesting depth, and a few thousand levels overflow a worker's stack
//! (an abort, not a panic). Real news pages nest well under a hundred
//! deep; hostile ones nest hundreds of thousands.
//!
//! [`bounded`] makes one pass over the markup, tracking the elements a
//! browser would hold open: void elements, comments, `<script>`-like raw
//! text and self-closed SVG/MathML leaves open nothing, and the common
//! implied ends (`<p>`, `<li>`, `<td>`, `<tr>`, `<option>`) are applied
//! so that sloppy markup is not mistaken for depth. Past the cap, further
//! start tags and as many following end tags are dropped; their text is
//! kept. A page that never reaches the cap comes back untouched, borrowed.
//!
//! The tracking errs towards counting too deep, never too shallow, where
//! it departs from the HTML parsing rules: an unbounded depth must never
//! slip through, while a legitimate page sits far below the cap.
//!
//! [`bounded_text`] also weighs the page's text by the depth it sits at,
//! since trafilatura's fallback scorer reads the text under every block
//! element again, and ends the page where that weight runs out.

use std::borrow::Cow;

use crate::output::Output;

/// Deepest element nesting a page keeps: a few times what real pages
/// reach (under 100), and far below what costs seconds or the stack.
pub const MAX_DEPTH: usize = 256;

/// Bytes of text, each weighted by how many elements hold it, that a
/// page keeps: trafilatura's fallback scorer reads the text under every
/// block element again, so its time grows with text times depth (a
/// megabyte of words under 256 levels costs seconds). Real pages weigh
/// under 8 million (see `examples/shapes.rs count`).
pub const MAX_DEEP_TEXT: usize = 32 << 20;

/// `html` with its element nesting held to `cap` levels.
///
/// Start tags that would open an element deeper than `cap` are removed,
/// and each later end tag is removed too while any removed start tag is
/// unmatched; text and everything else stay. Returns `html` itself,
/// borrowed, when it never nests deeper than `cap`. One pass, at most
/// `cap` steps per tag; allocates only the open-element stack and, when
/// something is removed, the new page.
pub fn bounded(html: &str, cap: usize) -> Cow<'_, str> {
    walk(html, cap, usize::MAX).0
}

/// `html` held to `cap` levels as by [`bounded`], and ended where its
/// text (raw text included), each byte weighted by one more than the
/// number of elements open around it, passes `max_weight`.
pub fn bounded_text(html: &str, cap: usize, max_weight: usize) -> Cow<'_, str> {
    walk(html, cap, max_weight).0
}

/// The weight of `html`'s text as [`bounded_text`] counts it, with
/// nesting held to `cap`.
pub fn deep_text(html: &str, cap: usize) -> usize {
    walk(html, cap, usize::MAX).1
}

/// The page held to `cap` levels and `max_weight`, and the weight of
/// what it kept.
fn walk(html: &str, cap: usize, max_weight: usize) -> (Cow<'_, str>, usize) {
    let b = html.as_bytes();
    let mut open = Stack::default();
    let mut out = Output::default();
    // Start tags removed and not yet paid back by a removed end tag.
    let mut unmatched = 0usize;
    let mut weight = 0usize;
    // Adds the text `b[from..to]` at the current depth; past the budget,
    // says where the page must end instead.
    let spend = |weight: &mut usize, from: usize, to: usize, depth: usize| {
        let levels = depth + 1;
        let cost = (to - from).saturating_mul(levels);
        if weight.saturating_add(cost) <= max_weight {
            *weight += cost;
            return None;
        }
        let mut cut = from + (max_weight - *weight) / levels;
        while !html.is_char_boundary(cut) {
            cut -= 1;
        }
        Some(cut)
    };
    let mut i = 0;
    loop {
        let Some(lt) = find_byte(b, i, b'<') else {
            if let Some(cut) = spend(&mut weight, i, b.len(), open.depth()) {
                out.replace(html, cut, b.len(), "");
            }
            break;
        };
        if let Some(cut) = spend(&mut weight, i, lt, open.depth()) {
            out.replace(html, cut, b.len(), "");
            break;
        }
        let next = b.get(lt + 1).copied();
        match next {
            Some(b'!') => {
                i = if b.get(lt + 2..lt + 4) == Some(b"--") {
                    // From `lt + 2` so that `<!-->` is a whole comment, as in HTML.
                    find_seq(b, lt + 2, b"-->").map_or(b.len(), |e| e + 3)
                } else {
                    find_byte(b, lt + 2, b'>').map_or(b.len(), |e| e + 1)
                };
            }
            Some(b'?') => i = find_byte(b, lt + 2, b'>').map_or(b.len(), |e| e + 1),
            Some(b'/') => match b.get(lt + 2) {
                Some(c) if c.is_ascii_alphabetic() => {
                    let name_end = name_end(b, lt + 2);
                    let Some((end, _)) = tag_end(b, name_end) else {
                        break; // EOF inside a tag: the parser drops it.
                    };
                    i = end;
                    let name = b.get(lt + 2..name_end).unwrap_or_default();
                    let kind = Kind::of(name);
                    if kind.has(VOID) || kind.tag == Tag::Root {
                        continue;
                    }
                    if unmatched > 0 {
                        unmatched -= 1;
                        out.replace(html, lt, end, "");
                    } else {
                        open.close(name, kind);
                    }
                }
                Some(b'>') => i = lt + 3,
                Some(_) => i = find_byte(b, lt + 2, b'>').map_or(b.len(), |e| e + 1),
                None => i = lt + 1,
            },
            Some(c) if c.is_ascii_alphabetic() => {
                let name_end = name_end(b, lt + 1);
                let Some((end, self_closing)) = tag_end(b, name_end) else {
                    break;
                };
                i = end;
                let name = b.get(lt + 1..name_end).unwrap_or_default();
                let mut kind = Kind::of(name);
                if kind.tag == Tag::Font && styles_text(b.get(name_end..end).unwrap_or_default()) {
                    kind.flags |= BREAKOUT;
                }
                let effect = open.effect(kind, self_closing);
                if matches!(effect, Start::Open) && open.depth() >= cap {
                    // Dropped before its implied ends too, so that at the
                    // cap nothing moves: no endless sibling rows or items.
                    unmatched += 1;
                    out.replace(html, lt, end, "");
                    continue;
                }
                open.start(kind);
                match effect {
                    Start::Leaf => {}
                    Start::Raw => {
                        i = raw_end(b, end, name);
                        // Cut before the element, not inside its text.
                        if spend(&mut weight, end, i, open.depth()).is_some() {
                            out.replace(html, lt, b.len(), "");
                            break;
                        }
                    }
                    Start::Rest => {
                        if let Some(cut) = spend(&mut weight, end, b.len(), open.depth()) {
                            out.replace(html, cut, b.len(), "");
                        }
                        break;
                    }
                    Start::Open => open.push(name, kind),
                }
            }
            _ => i = lt + 1,
        }
    }
    (out.finish(html), weight)
}

/// What a start tag does to the open elements.
enum Start {
    /// Opens nothing: void, self-closed, or merged into the root.
    Leaf,
    /// Opens nothing, and its content up to its end tag is raw text.
    Raw,
    /// Everything after it is text (`<plaintext>`).
    Rest,
    /// Opens an element.
    Open,
}

/// One element held open.
struct Open<'a> {
    name: &'a [u8],
    kind: Kind,
    /// An SVG or MathML element, not an HTML one.
    foreign: bool,
}

/// The elements held open, innermost last.
#[derive(Default)]
struct Stack<'a> {
    open: Vec<Open<'a>>,
    /// How many `<p>` are open, so most start tags skip the scope walk.
    paragraphs: usize,
}

impl<'a> Stack<'a> {
    fn depth(&self) -> usize {
        self.open.len()
    }

    fn push(&mut self, name: &'a [u8], kind: Kind) {
        // Children of `<svg>`/`<math>` are foreign until an integration
        // point, whose children are HTML again.
        let foreign = kind.tag == Tag::Foreign || self.in_foreign();
        if kind.tag == Tag::P {
            self.paragraphs += 1;
        }
        let kind = if foreign && kind.tag != Tag::Foreign {
            Kind {
                tag: Tag::Other,
                flags: kind.flags & INTEGRATION,
            }
        } else {
            kind
        };
        self.open.push(Open {
            name,
            kind,
            foreign,
        });
    }

    fn truncate(&mut self, len: usize) {
        let gone = self.open.get(len..).unwrap_or_default();
        let closed = gone.iter().filter(|e| e.kind.tag == Tag::P).count();
        self.paragraphs = self.paragraphs.saturating_sub(closed);
        self.open.truncate(len);
    }

    /// Whether a new element would be foreign content.
    fn in_foreign(&self) -> bool {
        self.open
            .last()
            .is_some_and(|e| e.foreign && !e.kind.has(INTEGRATION))
    }

    /// The innermost open element for which `pick` says yes, searching
    /// outwards until `stop` says no further.
    fn find(&self, pick: impl Fn(&Open) -> bool, stop: impl Fn(&Open) -> bool) -> Option<usize> {
        for (k, e) in self.open.iter().enumerate().rev() {
            if pick(e) {
                return Some(k);
            }
            if stop(e) {
                return None;
            }
        }
        None
    }

    /// What a start tag opens, given the elements open now.
    fn effect(&self, kind: Kind, self_closing: bool) -> Start {
        if self.in_foreign() && !kind.has(BREAKOUT) {
            if self_closing {
                Start::Leaf
            } else {
                Start::Open
            }
        } else if kind.has(RAW) {
            Start::Raw
        } else if kind.has(VOID)
            || kind.tag == Tag::Root
            || (self_closing && kind.tag == Tag::Foreign)
        {
            Start::Leaf
        } else if kind.tag == Tag::Plaintext {
            Start::Rest
        } else {
            Start::Open
        }
    }

    /// Closes what a start tag of `kind` implicitly ends.
    fn start(&mut self, kind: Kind) {
        if self.in_foreign() {
            if !kind.has(BREAKOUT) {
                return;
            }
            // HTML inside SVG/MathML closes the foreign elements first.
            while self
                .open
                .last()
                .is_some_and(|e| e.foreign && !e.kind.has(INTEGRATION))
            {
                self.truncate(self.depth() - 1);
            }
        }
        if kind.has(CLOSES_P) {
            self.close_paragraph();
        }
        match kind.tag {
            Tag::Li | Tag::Dd | Tag::Dt => {
                let same = |e: &Open| match kind.tag {
                    Tag::Li => e.kind.tag == Tag::Li,
                    _ => matches!(e.kind.tag, Tag::Dd | Tag::Dt),
                };
                let stop = |e: &Open| {
                    e.kind.has(SPECIAL) && !matches!(e.kind.tag, Tag::P | Tag::Div | Tag::Address)
                };
                if let Some(k) = self.find(same, stop) {
                    self.truncate(k);
                }
            }
            // A heading or option directly in one of its kind ends it.
            Tag::Heading | Tag::Option
                if self.open.last().is_some_and(|e| e.kind.tag == kind.tag) =>
            {
                self.truncate(self.depth() - 1);
            }
            Tag::Cell | Tag::Row | Tag::Section => {
                // A new cell, row or section ends the open one of its kind
                // in the nearest table, or else whatever is open inside
                // the row, section or table it goes into.
                let level = table_level(kind.tag);
                if let Some(k) = self.find(|e| table_level(e.kind.tag) >= level, |_| false) {
                    let same = self.open.get(k).map(|e| table_level(e.kind.tag)) == Some(level);
                    self.truncate(if same { k } else { k + 1 });
                }
            }
            _ => {}
        }
    }

    /// Closes an open `<p>` in button scope, as block start tags do.
    fn close_paragraph(&mut self) {
        if self.paragraphs == 0 {
            return;
        }
        let stop = |e: &Open| e.kind.has(SCOPE) || e.kind.tag == Tag::Button;
        if let Some(k) = self.find(|e| e.kind.tag == Tag::P, stop) {
            self.truncate(k);
        }
    }

    /// Applies an end tag: closes its element if one is in scope.
    fn close(&mut self, name: &[u8], kind: Kind) {
        let same = |e: &Open| match kind.tag {
            Tag::Heading => e.kind.tag == Tag::Heading,
            _ => e.name.eq_ignore_ascii_case(name),
        };
        let found = match kind.tag {
            Tag::Form => {
                // `</form>` takes the form off the stack and leaves what
                // it held open, as the parser does.
                if let Some(k) = self.find(same, |e| e.kind.has(SCOPE)) {
                    self.open.remove(k);
                }
                return;
            }
            Tag::Cell | Tag::Row | Tag::Section | Tag::Table => {
                self.find(same, |e| matches!(e.kind.tag, Tag::Table | Tag::Template))
            }
            Tag::Li => self.find(same, |e| e.kind.has(SCOPE) || e.kind.tag == Tag::List),
            Tag::P => self.find(same, |e| e.kind.has(SCOPE) || e.kind.tag == Tag::Button),
            // Raw-text names reach here only as SVG/MathML elements.
            _ if kind.has(SPECIAL) && !kind.has(RAW) => self.find(same, |e| e.kind.has(SCOPE)),
            // Inline and unknown elements cannot close across a block.
            _ => self.find(same, |e| e.kind.has(SPECIAL)),
        };
        if let Some(k) = found {
            self.truncate(k);
        }
    }
}

/// Where a tag sits in table structure, cells innermost; 0 outside it.
fn table_level(tag: Tag) -> u8 {
    match tag {
        Tag::Cell => 1,
        Tag::Row => 2,
        Tag::Section => 3,
        Tag::Table | Tag::Template => 4,
        _ => 0,
    }
}

/// The elements the tracking treats apart from the rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
    P,
    Li,
    Dd,
    Dt,
    Div,
    Address,
    Heading,
    Option,
    /// `td`, `th`.
    Cell,
    /// `tr`.
    Row,
    /// `tbody`, `thead`, `tfoot`.
    Section,
    Table,
    Template,
    /// `ul`, `ol`.
    List,
    Button,
    Form,
    /// `html`, `head`, `body`: never opened twice, never closed early.
    Root,
    /// `svg`, `math`.
    Foreign,
    Plaintext,
    /// Leaves SVG/MathML only with a `color`, `face` or `size` attribute.
    Font,
    Other,
}

/// Opens no element.
const VOID: u16 = 1;
/// Content is raw text up to the matching end tag.
const RAW: u16 = 1 << 1;
/// "Special" in the HTML parsing rules: inline end tags stop at it.
const SPECIAL: u16 = 1 << 2;
/// Bounds the default scope: end tags do not reach past it.
const SCOPE: u16 = 1 << 3;
/// Its start tag closes an open `<p>`.
const CLOSES_P: u16 = 1 << 4;
/// Its start tag inside SVG/MathML goes back to HTML.
const BREAKOUT: u16 = 1 << 5;
/// Inside SVG/MathML, its children are HTML.
const INTEGRATION: u16 = 1 << 6;

/// What the tracking knows of one tag name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Kind {
    tag: Tag,
    flags: u16,
}

impl Kind {
    fn has(self, flag: u16) -> bool {
        self.flags & flag != 0
    }

    /// Classifies a tag name, whatever its case.
    fn of(name: &[u8]) -> Kind {
        let mut buf = [0u8; 16];
        let Some(lower) = buf.get_mut(..name.len()) else {
            // No tag the tracking knows is this long.
            return Kind {
                tag: Tag::Other,
                flags: 0,
            };
        };
        for (l, c) in lower.iter_mut().zip(name) {
            *l = c.to_ascii_lowercase();
        }
        const BLOCK: u16 = SPECIAL | CLOSES_P;
        const B: u16 = BREAKOUT;
        let (tag, flags) = match &*lower {
            b"p" => (Tag::P, BLOCK | B),
            b"li" => (Tag::Li, BLOCK | B),
            b"dd" => (Tag::Dd, BLOCK | B),
            b"dt" => (Tag::Dt, BLOCK | B),
            b"div" => (Tag::Div, BLOCK | B),
            b"address" => (Tag::Address, BLOCK),
            b"h1" | b"h2" | b"h3" | b"h4" | b"h5" | b"h6" => (Tag::Heading, BLOCK | B),
            b"option" | b"optgroup" => (Tag::Option, 0),
            b"td" | b"th" => (Tag::Cell, SPECIAL | SCOPE),
            b"tr" => (Tag::Row, SPECIAL),
            b"tbody" | b"thead" | b"tfoot" => (Tag::Section, SPECIAL),
            // Not CLOSES_P: in quirks mode a table opens inside a `<p>`.
            b"table" => (Tag::Table, SPECIAL | SCOPE | B),
            b"template" => (Tag::Template, SPECIAL | SCOPE),
            b"ul" | b"ol" => (Tag::List, BLOCK | B),
            b"button" => (Tag::Button, SPECIAL),
            b"form" => (Tag::Form, BLOCK),
            b"html" | b"head" | b"body" => (Tag::Root, SPECIAL | SCOPE | B),
            b"svg" | b"math" => (Tag::Foreign, 0),
            b"plaintext" => (Tag::Plaintext, BLOCK),
            b"br" | b"embed" | b"img" | b"meta" => (Tag::Other, VOID | SPECIAL | B),
            b"area" | b"base" | b"basefont" | b"bgsound" | b"frame" | b"image" | b"input"
            | b"keygen" | b"link" | b"param" | b"source" | b"track" | b"wbr" | b"col" => {
                (Tag::Other, VOID | SPECIAL)
            }
            b"hr" => (Tag::Other, VOID | BLOCK | B),
            b"xmp" => (Tag::Other, RAW | BLOCK),
            b"script" | b"style" | b"textarea" | b"iframe" | b"noembed" | b"noframes"
            | b"noscript" => (Tag::Other, RAW | SPECIAL),
            // A raw-text element in HTML, an integration point in SVG.
            b"title" => (Tag::Other, RAW | SPECIAL | INTEGRATION),
            b"blockquote" | b"center" | b"dl" | b"listing" | b"menu" | b"pre" => {
                (Tag::Other, BLOCK | B)
            }
            b"article" | b"aside" | b"details" | b"dialog" | b"dir" | b"fieldset"
            | b"figcaption" | b"figure" | b"footer" | b"header" | b"hgroup" | b"main" | b"nav"
            | b"search" | b"section" | b"summary" => (Tag::Other, BLOCK),
            b"applet" | b"marquee" | b"object" | b"caption" => (Tag::Other, SPECIAL | SCOPE),
            b"colgroup" | b"frameset" | b"select" => (Tag::Other, SPECIAL),
            // Integration points of SVG and MathML; unknown names in HTML.
            b"foreignobject" | b"desc" | b"mi" | b"mo" | b"mn" | b"ms" | b"mtext"
            | b"annotation-xml" => (Tag::Other, INTEGRATION),
            b"b" | b"big" | b"code" | b"em" | b"i" | b"nobr" | b"ruby" | b"s" | b"small"
            | b"span" | b"strong" | b"strike" | b"sub" | b"sup" | b"tt" | b"u" | b"var" => {
                (Tag::Other, B)
            }
            b"font" => (Tag::Font, 0),
            _ => (Tag::Other, 0),
        };
        Kind { tag, flags }
    }
}

/// Where a tag name starting at `from` ends.
pub(crate) fn name_end(b: &[u8], from: usize) -> usize {
    let rest = b.get(from..).unwrap_or_default();
    from + rest
        .iter()
        .position(|&c| is_space(c) || c == b'/' || c == b'>')
        .unwrap_or(rest.len())
}

/// Skips a tag's attributes from `from`: the index after its `>` and
/// whether it was self-closed (`/>`), or `None` at the end of input.
/// Quoted attribute values may hold `>`.
fn tag_end(b: &[u8], from: usize) -> Option<(usize, bool)> {
    let mut i = from;
    let mut slash = false;
    while let Some(&c) = b.get(i) {
        i += 1;
        match c {
            b'>' => return Some((i, slash)),
            b'/' => slash = true,
            b'=' => {
                slash = false;
                while b.get(i).is_some_and(|&c| is_space(c)) {
                    i += 1;
                }
                match b.get(i) {
                    Some(&q @ (b'"' | b'\'')) => i = find_byte(b, i + 1, q)? + 1,
                    _ => {
                        while b.get(i).is_some_and(|&c| !is_space(c) && c != b'>') {
                            i += 1;
                        }
                    }
                }
            }
            _ => slash = false,
        }
    }
    None
}

/// The index after the end tag that closes raw text named `name`, which
/// starts at `from`; the end of input when it is never closed.
pub(crate) fn raw_end(b: &[u8], from: usize, name: &[u8]) -> usize {
    raw_close(b, from, name).map_or(b.len(), |(_, after)| {
        tag_end(b, after).map_or(b.len(), |(end, _)| end)
    })
}

/// The end tag that closes raw text named `name` starting at `from`: where
/// its `</` stands and the index just after its name, for the caller's own
/// reading of the rest of the tag; `None` when it is never closed.
pub(crate) fn raw_close(b: &[u8], from: usize, name: &[u8]) -> Option<(usize, usize)> {
    let mut i = from;
    while let Some(lt) = find_seq(b, i, b"</") {
        let after = lt + 2 + name.len();
        let named = b
            .get(lt + 2..after)
            .is_some_and(|n| n.eq_ignore_ascii_case(name));
        if named
            && b.get(after)
                .is_none_or(|&c| is_space(c) || c == b'/' || c == b'>')
        {
            return Some((lt, after));
        }
        i = lt + 2;
    }
    None
}

/// Whether a `<font>` tag's attributes may style text (`color`, `face`,
/// `size`), which takes it out of SVG/MathML. Any mention counts: taking
/// it out wrongly only counts deeper.
fn styles_text(attrs: &[u8]) -> bool {
    [b"color".as_slice(), b"face", b"size"].iter().any(|word| {
        attrs
            .windows(word.len())
            .any(|w| w.eq_ignore_ascii_case(word))
    })
}

pub(crate) fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0c)
}

pub(crate) fn find_byte(b: &[u8], from: usize, needle: u8) -> Option<usize> {
    let rest = b.get(from..)?;
    memchr::memchr(needle, rest).map(|p| from + p)
}

pub(crate) fn find_seq(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let first = *needle.first()?;
    let mut i = from;
    loop {
        let at = find_byte(b, i, first)?;
        if b.get(at..at + needle.len()) == Some(needle) {
            return Some(at);
        }
        i = at + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The depth the tracking reaches on `html`: the smallest cap that
    /// leaves it untouched.
    fn depth(html: &str) -> usize {
        (0..)
            .find(|&cap| matches!(bounded(html, cap), Cow::Borrowed(_)))
            .unwrap_or(0)
    }

    #[test]
    fn shallow_pages_come_back_borrowed() {
        let page = "<!doctype html><html><head><title>A <b> title</title>\
            <script>if (a < b) { document.write('<div><div>'); }</script>\
            <style>p > a { color: red }</style></head><body>\
            <!-- <div><div><div> --><div class=\"x\" data-y='a>b'>\
            <p>One<br>two<img src=a.png><p>three</div></body></html>";
        let out = bounded(page, 4);
        assert!(matches!(out, Cow::Borrowed(s) if std::ptr::eq(s, page)));
        // Two open; a sibling `<p>` needs room for one more.
        assert_eq!(depth(page), 3);
    }

    #[test]
    fn deep_nesting_is_cut_to_the_cap_keeping_text() {
        let page = format!(
            "{}Harbour news{}",
            "<div>".repeat(1000),
            "</div>".repeat(1000)
        );
        let out = bounded(&page, 10);
        assert_eq!(
            out,
            format!("{}Harbour news{}", "<div>".repeat(10), "</div>".repeat(10))
        );
        let page = format!("{}deep{}", "<b><i>".repeat(500), "</i></b>".repeat(500));
        assert_eq!(
            bounded(&page, 4),
            format!("<b><i><b><i>deep{}", "</i></b>".repeat(2))
        );
    }

    #[test]
    fn implied_ends_are_not_depth() {
        // Unclosed paragraphs, items, rows, cells and options are siblings.
        for page in [
            "<p>a".repeat(500),
            format!("<ul>{}</ul>", "<li>item".repeat(500)),
            format!("<table>{}</table>", "<tr><td>a<td>b".repeat(500)),
            format!("<dl>{}</dl>", "<dt>term<dd>meaning".repeat(500)),
            format!("<select>{}</select>", "<option>x".repeat(500)),
            "<h2>Title</h3>".repeat(500),
            format!("<div>{}</div>", "<p>a<div>b</div>".repeat(500)),
        ] {
            assert!(depth(&page) <= 4, "{}", &page[..40]);
        }
    }

    #[test]
    fn leaves_open_nothing() {
        let svg = "<svg viewBox=\"0 0 1 1\"><path d=\"M0 0\"/><circle r=\"1\" /></svg>";
        let page = format!(
            "<div>{}{}</div>",
            svg.repeat(500),
            "<br><hr><img><input>".repeat(500)
        );
        assert_eq!(depth(&page), 2);
        // A raw-text element never closed hides the rest.
        assert_eq!(depth("<textarea><div><div><div>"), 0);
        assert_eq!(depth("<plaintext><div><div>"), 0);
        assert_eq!(depth("<div><!--><div><div>"), 3);
    }

    #[test]
    fn unclosed_tables_and_lists_nest() {
        // These do nest in the parser, so they count.
        assert!(depth(&"<table><tr><td>".repeat(100)) >= 300);
        assert!(depth(&"<ul><li>".repeat(100)) >= 200);
        assert!(depth(&"<span><div></span>".repeat(100)) >= 200);
        assert!(depth(&"<form><div></form>".repeat(100)) >= 100);
        assert!(depth(&"<svg><div/></svg>".repeat(100)) >= 100);
        let tables = "<table><tr><td>".repeat(1000);
        let cut = bounded(&tables, 30);
        assert!(depth(&cut) <= 30);
    }

    #[test]
    fn deep_text_ends_the_page_where_its_weight_runs_out() {
        let page = format!("{}{}", "<div>".repeat(9), "word ".repeat(100));
        // 500 bytes under 9 elements.
        assert_eq!(deep_text(&page, 256), 5000);
        let out = bounded_text(&page, 256, 1000);
        assert_eq!(out, format!("{}{}", "<div>".repeat(9), "word ".repeat(20)));
        assert!(matches!(bounded_text(&page, 256, 5000), Cow::Borrowed(_)));
        // Raw text counts (with its end tag), and a cut never falls inside it.
        let page = format!("<div><script>{}</script></div>x", "a".repeat(100));
        assert_eq!(deep_text(&page, 256), 2 * 109 + 1);
        assert_eq!(bounded_text(&page, 256, 150), "<div>");
        // Nor inside a character.
        assert_eq!(bounded_text("\u{e9}\u{e9}", 256, 3), "\u{e9}");
        assert_eq!(
            bounded_text("<plaintext>\u{e9}\u{e9}", 256, 3),
            "<plaintext>\u{e9}"
        );
    }

    #[test]
    fn removing_a_tag_never_makes_one() {
        let page = format!("{}{}", "<div>".repeat(5), "<<b>div>".repeat(100));
        let out = bounded(&page, 5);
        assert!(!out.contains("<div>div"), "{out}");
        assert_eq!(depth(&out), 5);
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
            "<a href=\"",
            "</a",
            "<a/",
            "<\u{e9}>",
            "<a\u{e9}>",
        ] {
            let _ = bounded(page, 0);
            let _ = bounded(page, 2);
        }
        assert_eq!(
            bounded("<div>\u{e9}<div>\u{1f6a2}", 1),
            "<div>\u{e9}\u{1f6a2}"
        );
    }

    proptest! {
        #[test]
        fn the_output_stays_within_the_cap(
            parts in prop::collection::vec(prop::sample::select(vec![
                "<div>", "</div>", "<p>", "</p>", "<b>", "</b>", "<li>", "<ul>", "</ul>",
                "<table>", "<tr>", "<td>", "</td>", "</table>", "<svg>", "</svg>", "<g/>",
                "<form>", "</form>", "<script>", "</script>", "<!--", "-->", "<", ">", "/",
                "text", "é", "<br>", "<span>", "</span>", "<title>", "\"", "=",
            ]), 0..200),
            cap in 0usize..12,
        ) {
            let page = parts.concat();
            let out = bounded(&page, cap);
            prop_assert!(matches!(bounded(&out, cap), Cow::Borrowed(_)));
            prop_assert!(out.len() <= page.len() + page.len() / 2);
        }
    }
}
