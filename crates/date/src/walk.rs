//! The single DOM walk: every date signal of a page (meta tags, JSON-LD, microdata, `<time>`,
//! date-classed elements) as [`Candidate`]s, plus what the headline rule needs: visible text nodes
//! with their running text position, the `<h1>` headings, and the page's declared titles.
//!
//! Positions are counted in bytes of visible text, so "near the headline" means "few words away",
//! whatever the markup nesting.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use ego_tree::NodeRef;
use scraper::{Html, Node};

use crate::jsonld::{self, Field, Holder};
use crate::parse::parse_stamp;
use crate::rule::Rule;
use crate::scan::{clip, clip_tail, scan_from};
use crate::stamp::{Stamp, Window};

/// One date signal found on the page.
#[derive(Clone, Debug)]
pub(crate) struct Candidate {
    pub stamp: Stamp,
    pub rule: Rule,
    /// Position in document order (node count).
    pub order: usize,
    /// Visible-text position where the holding element starts.
    pub pos: usize,
    /// Inside navigation, asides, footers, comments or related-story widgets.
    pub chrome: bool,
    /// Read from a visible element (`<time>`, microdata, byline), not from metadata.
    pub visible: bool,
    /// The page's own explicit statement of publication: a specific publication meta tag
    /// (`article:published_time`, `parsely-pub-date`, ...) or a top-level JSON-LD article's
    /// `datePublished`, as opposed to generic `date` metas or dates seen in the page.
    pub strong: bool,
}

/// A visible text node.
#[derive(Clone, Copy, Debug)]
pub(crate) struct TextNode<'a> {
    pub pos: usize,
    pub text: &'a str,
    pub chrome: bool,
}

/// An `<h1>` with its place in the visible text.
#[derive(Clone, Debug)]
pub(crate) struct Heading {
    pub pos: usize,
    /// Bytes of visible text inside the heading.
    pub len: usize,
    pub text: String,
    pub chrome: bool,
}

/// Everything the walk gathered.
#[derive(Default)]
pub(crate) struct Evidence<'a> {
    pub candidates: Vec<Candidate>,
    pub texts: Vec<TextNode<'a>>,
    pub headings: Vec<Heading>,
    /// The page's own idea of its title: `<title>`, `og:title`, `twitter:title`.
    pub titles: Vec<String>,
}

/// Nodes read per page, to bound the walk on enormous documents.
const MAX_NODES: usize = 200_000;
/// Bytes of an element's text examined for a byline date.
const MAX_BYLINE: usize = 300;
/// Headings remembered per page.
const MAX_HEADINGS: usize = 16;

/// Meta names/properties that carry the publication date, lowercased.
const META_PUBLISHED: &[&str] = &[
    "article:published_time",
    "article:published",
    "og:article:published_time",
    "og:published_time",
    "og:pubdate",
    "article.published",
    "article_date_original",
    "published_time",
    "published-time",
    "published_date",
    "published-date",
    "publish-date",
    "publish_date",
    "publishdate",
    "publish_time",
    "publication_date",
    "publication-date",
    "pubdate",
    "pub_date",
    "date",
    "dc.date",
    "dc.date.issued",
    "dc.date.created",
    "dc.created",
    "dcterms.date",
    "dcterms.issued",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "datepublished",
    "citation_publication_date",
    "citation_date",
    "citation_online_date",
    "prism.publicationdate",
    "originalpublicationdate",
    "original-publish-date",
    "displaydate",
    "cxenseparse:recs:publishtime",
    "rnews:datepublished",
    "bt:pubdate",
    "release_date",
    "date.release",
    "article:post_date",
    "article.created",
    "created",
    "published",
];

/// Publication meta names that many sites fill with something else (the print edition's day, the
/// template's creation, a display date): publication evidence, but no explicit statement.
const META_GENERIC: &[&str] = &[
    "date",
    "dc.date",
    "dc.date.created",
    "dc.created",
    "dcterms.date",
    "dcterms.created",
    "created",
    "published",
    "displaydate",
    "release_date",
    "date.release",
    "article.created",
    "citation_date",
];

/// Meta names/properties that carry a modification date, lowercased.
const META_MODIFIED: &[&str] = &[
    "article:modified_time",
    "article:modified",
    "og:updated_time",
    "og:article:modified_time",
    "modified_time",
    "datemodified",
    "dc.date.modified",
    "dcterms.modified",
    "last-modified",
    "lastmod",
    "modified",
    "revised",
    "updated_time",
];

/// What a class/id fragment says about an element: it holds a date, a publication date, an update
/// date, or page chrome (navigation, widgets, comments) whose dates belong to other stories.
const DATE: u8 = 1;
const PUBLISHED: u8 = 2;
const MODIFIED: u8 = 4;
const CHROME: u8 = 8;

/// Class/id fragments worth noticing, matched case-insensitively anywhere in the attribute.
const CLASS_WORDS: &[(&str, u8)] = &[
    ("date", DATE),
    ("time", DATE),
    ("byline", DATE),
    ("publish", DATE | PUBLISHED),
    ("posted", DATE | PUBLISHED),
    ("entry-date", PUBLISHED),
    ("post-date", PUBLISHED),
    ("updated", MODIFIED),
    ("modified", MODIFIED),
    ("related", CHROME),
    ("caption", CHROME),
    ("sidebar", CHROME),
    ("recommend", CHROME),
    ("popular", CHROME),
    ("trending", CHROME),
    ("comment", CHROME),
    ("footer", CHROME),
    ("most-read", CHROME),
    ("more-stories", CHROME),
];

/// One automaton for all of [`CLASS_WORDS`], so an element's classes are read in a single pass
/// (utility-CSS pages carry dozens of classes on every element).
static CLASS_MATCHER: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(CLASS_WORDS.iter().map(|(word, _)| word))
        .expect("class words build")
});

/// Walks `doc` once and gathers its evidence, keeping dates inside `window`.
pub(crate) fn walk(doc: &Html, window: Window) -> Evidence<'_> {
    let mut walker = Walker {
        window,
        ev: Evidence::default(),
        pos: 0,
    };
    walker.run(doc);
    walker.ev
}

struct Walker<'a> {
    window: Window,
    ev: Evidence<'a>,
    /// Visible text bytes seen so far.
    pos: usize,
}

impl<'a> Walker<'a> {
    fn push(&mut self, stamp: Stamp, rule: Rule, order: usize, chrome: bool, visible: bool) {
        self.ev.candidates.push(Candidate {
            stamp,
            rule,
            order,
            pos: self.pos,
            chrome,
            visible,
            strong: false,
        });
    }

    /// Marks the candidate just pushed as a strong publication statement.
    fn mark_strong(&mut self, before: usize) {
        if let Some(c) = self
            .ev
            .candidates
            .get_mut(before..)
            .and_then(|c| c.last_mut())
        {
            c.strong = true;
        }
    }

    /// Pushes `value` as a candidate when it parses as a plausible date.
    fn parsed(&mut self, value: &str, rule: Rule, order: usize, chrome: bool, visible: bool) {
        if let Some(stamp) = parse_stamp(value, &self.window) {
            self.push(stamp, rule, order, chrome, visible);
        }
    }

    /// Depth-first walk in document order with an explicit stack (pages can nest deeply).
    fn run(&mut self, doc: &'a Html) {
        // (node, hidden: inside script/style/head, chrome: inside navigation and friends)
        let mut stack = vec![(doc.tree.root(), false, false)];
        let mut order = 0usize;
        while let Some((node, hidden, chrome)) = stack.pop() {
            order += 1;
            if order > MAX_NODES {
                break;
            }
            let (mut hidden, mut chrome) = (hidden, chrome);
            match node.value() {
                Node::Text(text) => {
                    if !hidden && !text.trim().is_empty() {
                        self.ev.texts.push(TextNode {
                            pos: self.pos,
                            text,
                            chrome,
                        });
                        // +1: a separator, so adjacent nodes never share a position.
                        self.pos += text.len() + 1;
                    }
                    continue;
                }
                Node::Element(el) => {
                    let name = el.name();
                    match name {
                        "script" => {
                            hidden = true;
                            if el.attr("type").is_some_and(|t| t.contains("ld+json")) {
                                let text: String = node
                                    .children()
                                    .filter_map(|c| c.value().as_text().map(|t| &**t))
                                    .collect();
                                self.json_ld(&text, order, chrome);
                            }
                        }
                        "title" => {
                            hidden = true;
                            // Only the document's title: icons carry `<svg><title>` too.
                            let in_head = node
                                .parent()
                                .and_then(|p| p.value().as_element().map(|e| e.name() == "head"))
                                .unwrap_or(false);
                            if in_head {
                                self.ev.titles.push(bounded_text(node, 512));
                            }
                        }
                        "style" | "noscript" | "template" | "svg" | "head" | "select" => {
                            hidden = true
                        }
                        // A photo's caption dates the photo, not the story.
                        "nav" | "aside" | "footer" | "figure" | "figcaption" => chrome = true,
                        "meta" => {
                            self.meta(el, order);
                            continue;
                        }
                        _ => {}
                    }
                    let marks = Marks::of(el);
                    chrome |= marks.chrome;
                    if !hidden {
                        if name == "h1" && self.ev.headings.len() < MAX_HEADINGS {
                            let text = bounded_text(node, 512);
                            self.ev.headings.push(Heading {
                                pos: self.pos,
                                len: text.len(),
                                text,
                                chrome,
                            });
                        }
                        self.element(node, el, name, &marks, order, chrome);
                    }
                }
                _ => {}
            }
            for child in node.children().rev() {
                stack.push((child, hidden, chrome));
            }
        }
    }

    fn meta(&mut self, el: &scraper::node::Element, order: usize) {
        let Some(content) = el.attr("content") else {
            return;
        };
        for key in ["property", "name", "itemprop", "http-equiv"] {
            let Some(k) = el.attr(key) else { continue };
            let k = k.trim().to_ascii_lowercase();
            if k == "og:title" || k == "twitter:title" {
                self.ev.titles.push(clip(content, 512).to_string());
            } else if META_PUBLISHED.contains(&k.as_str()) {
                let rule = if key == "itemprop" {
                    Rule::Microdata
                } else {
                    Rule::MetaPublished
                };
                let before = self.ev.candidates.len();
                self.parsed(content, rule, order, false, false);
                if rule == Rule::MetaPublished && !META_GENERIC.contains(&k.as_str()) {
                    self.mark_strong(before);
                }
            } else if META_MODIFIED.contains(&k.as_str()) {
                self.parsed(content, Rule::Modified, order, false, false);
            } else if let Some(rule) = meta_rule_by_words(&k) {
                self.parsed(content, rule, order, false, false);
            }
        }
    }

    fn json_ld(&mut self, text: &str, order: usize, chrome: bool) {
        let mut found = Vec::new();
        jsonld::collect(text, &mut found);
        for d in found {
            let rule = match (d.field, d.holder) {
                (Field::Published, Holder::Article) => Rule::JsonLdArticle,
                (Field::Published, _) if d.depth == 0 => Rule::JsonLdOther,
                _ => Rule::Modified,
            };
            // Deeper nodes (related items, parts) rank after the top-level ones of the same rule.
            let before = self.ev.candidates.len();
            self.parsed(&d.value, rule, order + d.depth, chrome, false);
            if rule == Rule::JsonLdArticle && d.depth == 0 && !chrome {
                self.mark_strong(before);
            }
        }
    }

    /// Signals carried by ordinary elements: `<time>`, microdata, date-classed bylines.
    fn element(
        &mut self,
        node: NodeRef<'a, Node>,
        el: &'a scraper::node::Element,
        name: &str,
        marks: &Marks,
        order: usize,
        chrome: bool,
    ) {
        if let Some(prop) = el.attr("itemprop") {
            let prop = prop.trim();
            let rule = if prop.eq_ignore_ascii_case("datePublished") {
                Some(Rule::Microdata)
            } else if prop.eq_ignore_ascii_case("dateModified")
                || prop.eq_ignore_ascii_case("dateCreated")
            {
                Some(Rule::Modified)
            } else {
                None
            };
            if let Some(rule) = rule {
                let value = el
                    .attr("content")
                    .or_else(|| el.attr("datetime"))
                    .map(str::to_string)
                    .unwrap_or_else(|| bounded_text(node, MAX_BYLINE));
                self.parsed(&value, rule, order, chrome, true);
                return;
            }
        }
        if name == "time" {
            let rule = if el.attr("pubdate").is_some() || marks.published {
                Rule::TimePublished
            } else if marks.modified {
                Rule::Modified
            } else {
                Rule::Time
            };
            let value = el
                .attr("datetime")
                .map(str::to_string)
                .unwrap_or_else(|| bounded_text(node, MAX_BYLINE));
            self.parsed(&value, rule, order, chrome, true);
            return;
        }
        if marks.published
            && let Some(title) = el.attr("title")
            && let Some(stamp) = parse_stamp(title, &self.window)
        {
            // hAtom: <abbr class="published" title="2024-05-01T10:00:00Z">
            self.push(stamp, Rule::TimePublished, order, chrome, true);
            return;
        }
        if marks.date {
            let text = bounded_text(node, MAX_BYLINE);
            let mut at = 0;
            while let Some((stamp, range)) = scan_from(&text, at, &self.window) {
                let before = clip_tail(text.get(at..range.start).unwrap_or(""), 24);
                let rule = if is_update_words(before) && !marks.published {
                    Rule::Modified
                } else {
                    Rule::Byline
                };
                self.push(stamp, rule, order, chrome, true);
                if rule == Rule::Byline {
                    break;
                }
                at = range.end;
            }
        }
    }
}

/// The facts about an element's class and id that matter here.
#[derive(Default)]
struct Marks {
    /// Speaks of dates or times.
    date: bool,
    /// Speaks of publishing.
    published: bool,
    /// Speaks of updates.
    modified: bool,
    /// Speaks of navigation, widgets, comments.
    chrome: bool,
}

impl Marks {
    fn of(el: &scraper::node::Element) -> Marks {
        let mut marks = Marks::default();
        // Page-level containers describe the layout ("right-sidebar" on <body>), not their content.
        let container = matches!(el.name(), "html" | "body" | "main" | "article");
        for value in [el.attr("class"), el.attr("id")].into_iter().flatten() {
            let value = clip(value, 1024);
            for m in CLASS_MATCHER.find_overlapping_iter(value) {
                let kind = CLASS_WORDS.get(m.pattern().as_usize()).map_or(0, |w| w.1);
                marks.date |= kind & DATE != 0;
                marks.published |= kind & PUBLISHED != 0;
                marks.modified |= kind & MODIFIED != 0;
                if kind & CHROME != 0 && !container && !marks.chrome {
                    marks.chrome = !is_layout_token(token_at(value, m.start(), m.end()));
                }
            }
        }
        marks
    }
}

/// The whitespace-delimited token of `value` around the byte range `start..end`.
fn token_at(value: &str, start: usize, end: usize) -> &str {
    let bytes = value.as_bytes();
    let from = bytes
        .get(..start)
        .and_then(|b| b.iter().rposition(u8::is_ascii_whitespace))
        .map_or(0, |i| i + 1);
    let to = bytes
        .get(end..)
        .and_then(|b| b.iter().position(u8::is_ascii_whitespace))
        .map_or(bytes.len(), |i| end + i);
    value.get(from..to).unwrap_or("")
}

/// Class tokens that describe a layout rather than name a part: BEM modifiers
/// (`article--sidebar-right`), layout grids (`c-layout-sidebar-left`) and state flags (`has-sidebar`, `no-comments`).
fn is_layout_token(token: &str) -> bool {
    token.contains("--")
        || token.contains("layout")
        || ["has-", "no-", "with-", "without-"]
            .iter()
            .any(|p| token.starts_with(p))
}

/// Rule for a meta name outside the known lists, from its words: site-specific names such as
/// `w-published-date` or `article.updated_at` still say what they hold.
fn meta_rule_by_words(name: &str) -> Option<Rule> {
    let dated = name.contains("date") || name.contains("time");
    if !dated || name.contains("expir") || name.contains("event") || name.contains("reading") {
        return None;
    }
    if name.contains("modif") || name.contains("updat") {
        Some(Rule::Modified)
    } else if name.contains("publish") || name.contains("pubdate") || name.contains("pub_date") {
        Some(Rule::MetaPublished)
    } else {
        None
    }
}

/// Whether the words before a date say it is an update rather than the publication.
pub(crate) fn is_update_words(before: &str) -> bool {
    let lower = before.to_ascii_lowercase();
    ["updat", "modif", "edited", "revised", "refreshed"]
        .iter()
        .any(|k| lower.contains(k))
}

/// The element's descendant text, space-joined (so "2023" and "Tags" in sibling elements stay two
/// words), stopping after about `max` bytes.
fn bounded_text(node: NodeRef<'_, Node>, max: usize) -> String {
    let mut out = String::new();
    for d in node.descendants().take(256) {
        if let Some(t) = d.value().as_text() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(t);
            if out.len() >= max {
                break;
            }
        }
    }
    clip(&out, max * 2).to_string()
}
