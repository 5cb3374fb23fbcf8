//! The article's title as its readers see it.
//!
//! The visible `<h1>` is what a reader calls the title, but pages also use
//! `<h1>` for logos, section names and taglines. The metadata titles
//! (`og:title`, `<title>`) name the article reliably but often carry the
//! site's name and a search-engine tail. So an `<h1>` is taken when it
//! agrees with the metadata, a headline-sized one when nothing agrees,
//! and otherwise the best metadata title with the site's name cut off.

use std::sync::LazyLock;

use scraper::{ElementRef, Html, Node, Selector};

use super::sel;
use crate::one_line;
use crate::outlet::{self, squash};

static H1: LazyLock<Selector> = LazyLock::new(|| sel("h1"));
static H2: LazyLock<Selector> = LazyLock::new(|| sel("h2"));
/// Metadata titles, most trusted first: the social-card titles are written
/// for people, `name="title"` and `headline` are often stuffed.
static TITLE_META: LazyLock<[Selector; 4]> = LazyLock::new(|| {
    [
        sel(r#"meta[property="og:title"], meta[name="og:title"]"#),
        sel(r#"meta[name="twitter:title"], meta[property="twitter:title"]"#),
        sel(r#"meta[itemprop="headline"], meta[name="headline"]"#),
        sel(r#"meta[name="title"]"#),
    ]
});
static TITLE_TAG: LazyLock<Selector> = LazyLock::new(|| sel("title"));
static SITE_NAME: LazyLock<Selector> = LazyLock::new(|| {
    sel(
        r#"meta[property="og:site_name"], meta[name="og:site_name"], meta[name="application-name"]"#,
    )
});

/// Separators between a title and what pages chain to it.
const SEPARATORS: [&str; 8] = [" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " • "];

/// Separators that join a site's name to a title without spaces, in
/// scripts that do not space words or by habit: `：`, `|`, `ㅣ`, `｜`, `-`.
const TIGHT_SEPARATORS: [&str; 7] = ["：", "｜", "ㅣ", "|", " :", ":", "-"];

/// Where separators stand in `title` (byte offset and separator), in order.
fn title_separators(title: &str) -> Vec<(usize, &'static str)> {
    let mut out: Vec<(usize, &'static str)> = Vec::new();
    for sep in SEPARATORS.iter().chain(TIGHT_SEPARATORS.iter()) {
        for (i, _) in title.match_indices(sep) {
            if !out.iter().any(|&(j, s)| i >= j && i < j + s.len()) {
                out.push((i, sep));
            }
        }
    }
    out.sort_unstable();
    out
}

/// How much an `<h1>` must agree with a metadata title to be taken.
const AGREE: f64 = 0.5;

/// The title. `found` is the extractor's own guess, the last resort;
/// `site` is the page's site, whose names are cut from titles.
pub fn title(doc: &Html, found: &str, site: &Site) -> Option<String> {
    let mut metas: Vec<String> = TITLE_META
        .iter()
        .flat_map(|s| doc.select(s).take(2))
        .filter_map(|e| e.value().attr("content"))
        .filter_map(one_line)
        .collect();
    if let Some(t) = doc
        .select(&TITLE_TAG)
        .next()
        .and_then(|e| one_line(&text(e)))
    {
        metas.push(t);
    }
    let h1s: Vec<String> = doc
        .select(&H1)
        .take(8)
        .filter_map(|e| one_line(&text(e)))
        .map(|t| headline_part(&t, site))
        .filter(|t| !t.is_empty() && t.chars().count() <= 300 && !site.is(t))
        .collect();
    let best_h1 = h1s
        .iter()
        .map(|h| {
            (
                metas
                    .iter()
                    .map(|m| agreement(h, m, site))
                    .fold(0.0, f64::max),
                h,
            )
        })
        .reduce(|best, next| if next.0 > best.0 { next } else { best });
    // Failing agreement, a headline-sized <h1> is still the better witness:
    // metadata titles are often written for search engines, not readers.
    // Unless shorter ones came first: then the page sets its menus and
    // boxes in `<h1>`s ("Contact us", "Follow us", "Back to the shop").
    let headline = h1s
        .iter()
        .position(|h| h.split_whitespace().count() >= 4)
        .map(|i| (&h1s[i], i == 0));
    // `agreed`: the `<h1>` agrees with metadata; `after_boxes`: it was
    // taken for its size after shorter ones.
    let (chosen, from_h1, agreed, after_boxes) = match best_h1 {
        Some((score, h)) if score >= AGREE => (Some(h.clone()), true, true, false),
        _ => match headline {
            Some((h, first)) => (Some(h.clone()), true, false, !first),
            None => (
                metas
                    .first()
                    .map(|m| site.strip(m))
                    .or_else(|| one_line(found).map(|f| site.strip(&f))),
                false,
                false,
                false,
            ),
        },
    };
    // An `<h1>` taken only for its size, agreeing with no metadata title,
    // yields to a metadata title the page also shows as a heading of its
    // own (blogs that set the post's title in an `<h2>` and use `<h1>`
    // inside the text).
    let chosen = match (from_h1 && !agreed, metas.first()) {
        (true, Some(m)) => {
            let stated = site.strip(m);
            let key = fold(&stated);
            let shown = doc
                .select(&H2)
                .take(3)
                .any(|e| one_line(&text(e)).is_some_and(|t| fold(&t) == key));
            if shown && !key.is_empty() {
                Some(stated)
            } else {
                chosen
            }
        }
        _ => chosen,
    };
    let ld = ld_headline(doc);
    let sources = sources(doc, site, ld.as_ref());
    let chosen = match (vote(&sources, chosen.as_deref()), chosen) {
        // The page states one title in several places: that is its title.
        // Over an `<h1>` it wins only where the `<h1>` is the same headline
        // with a kicker set in front, or only its main line, or the whole
        // of it cut at a bar; otherwise the `<h1>` is what readers see.
        // An `<h1>` taken only for its size (a menu's "Return to the
        // shop") yields to any title two sources state.
        (Some((votes, text)), Some(c))
            if votes > support(&sources, &c)
                && (!from_h1
                    || after_boxes && votes >= 2
                    || (related(&text, &c) || kicker_cut(&sources, &text, &c))
                        && (squash(&text) != squash(&c) || lost_separator(&c, &text))) =>
        {
            Some(text)
        }
        (Some((_, text)), None) => Some(text),
        (_, c) => c,
    };
    // A news article's structured headline is the one its newsroom wrote
    // (the `<h1>` may be a shorter display line, `og:title` a social one),
    // unless it only adds a tail to the shown title (" | Sport").
    let chosen = match (ld, chosen) {
        (Some((h, true)), Some(c)) => {
            let h = site.cut_known(&h);
            // Nor when the shown and the social title agree on a headline
            // the structured one shares hardly a word with: that one
            // names something else (a box, a section).
            let elsewhere = support(&sources, &c) >= 2
                && h.split_whitespace().count() <= 3
                && overlap(&h, &c).max(overlap(&c, &h)) < 0.25;
            if h.is_empty() || elsewhere || squash(&h).starts_with(&squash(&c)) {
                Some(c)
            } else {
                Some(h)
            }
        }
        (_, c) => c,
    };
    chosen.filter(|t| !t.is_empty())
}

/// The title the page's own statements agree on: each source (JSON-LD
/// `headline`, the metadata titles, `<title>`, the first `<h1>`s) votes for
/// its text as written and without a known site name; the text most sources
/// give wins when at least two give it. Returns the votes and the text in
/// the publisher's characters.
fn vote(sources: &[Vec<String>], shown: Option<&str>) -> Option<(usize, String)> {
    let mut tally: Vec<(String, usize, String)> = Vec::new();
    for variants in sources {
        let mut seen: Vec<String> = Vec::new();
        for v in variants {
            let key = fold(v);
            if key.is_empty() || seen.contains(&key) {
                continue;
            }
            match tally.iter_mut().find(|(k, _, _)| *k == key) {
                Some(entry) => entry.1 += 1,
                None => tally.push((key.clone(), 1, v.clone())),
            }
            seen.push(key);
        }
    }
    // The first source to state a text keeps its spelling; ties go to the
    // text that holds the shown headline (others add a section or a site),
    // then to the more trusted source, which came first.
    let most = tally.iter().map(|t| t.1).max()?;
    let best = tally
        .iter()
        .filter(|t| t.1 == most)
        .find(|t| shown.is_some_and(|c| related(&t.2, c)))
        .or_else(|| tally.iter().find(|t| t.1 == most))?;
    (best.1 >= 2).then(|| (best.1, best.2.clone()))
}

/// Whether one title ends with the other, letters and digits alone
/// compared: what differs is a kicker in front, never a tail (a tail is a
/// site, a section or a search-engine addition).
fn related(a: &str, b: &str) -> bool {
    let (a, b) = (squash(a), squash(b));
    !a.is_empty() && !b.is_empty() && (a.ends_with(&b) || b.ends_with(&a))
}

/// Whether `shown` (an `<h1>` set in two pieces) lacks the separator that
/// `stated` puts between the same words ("Flood inquiry Two resign" for
/// "Flood inquiry: Two resign"). Otherwise the `<h1>`'s spelling stays.
fn lost_separator(shown: &str, stated: &str) -> bool {
    let marks = |s: &str| {
        s.chars()
            .filter(|c| matches!(c, ':' | '|' | '–' | '—' | '-' | '：'))
            .count()
    };
    marks(stated) > marks(shown)
}

/// How many sources state `title` (folded).
fn support(sources: &[Vec<String>], title: &str) -> usize {
    let key = fold(title);
    sources
        .iter()
        .filter(|variants| variants.iter().any(|v| fold(v) == key))
        .count()
}

/// Whether `shown` is what was left of an `<h1>` stating `title` after a
/// cut at its bar kept the kicker ("TRIAL | Jury retires ..." cut to
/// "TRIAL"): the part cut off was the longer.
fn kicker_cut(sources: &[Vec<String>], title: &str, shown: &str) -> bool {
    let key = fold(title);
    let (t, s) = (squash(title), squash(shown));
    t.starts_with(&s)
        && t.len() > 2 * s.len()
        && sources
            .last()
            .is_some_and(|h1s| h1s.iter().any(|v| fold(v) == key))
}

/// The readings of each independent title source, most trusted first: the
/// JSON-LD `headline`, the metadata titles with `<title>` (one source: they
/// are usually copies of one search-engine title), and the first `<h1>`s.
fn sources(doc: &Html, site: &Site, ld: Option<&(String, bool)>) -> Vec<Vec<String>> {
    let known = |t: &str, into: &mut Vec<String>| {
        let cut = site.cut_known(t);
        if cut != t {
            into.push(cut);
        }
        into.push(t.to_string());
    };
    let mut out: Vec<Vec<String>> = Vec::new();
    if let Some((h, _)) = ld {
        let mut v = Vec::new();
        known(h, &mut v);
        out.push(v);
    }
    let mut metas = Vec::new();
    for s in TITLE_META.iter() {
        if let Some(m) = doc
            .select(s)
            .next()
            .and_then(|e| e.value().attr("content"))
            .and_then(one_line)
        {
            known(&m, &mut metas);
        }
    }
    if let Some(t) = doc
        .select(&TITLE_TAG)
        .next()
        .and_then(|e| one_line(&text(e)))
    {
        known(&t, &mut metas);
        metas.push(site.strip(&t));
    }
    out.push(metas);
    let mut h1s = Vec::new();
    for e in doc.select(&H1).take(2) {
        // The whole heading, kicker and all, is a reading of its own.
        if let Some(whole) = one_line(&e.text().collect::<String>()) {
            known(&whole, &mut h1s);
        }
        let Some(h) = one_line(&text(e)) else {
            continue;
        };
        known(&h, &mut h1s);
    }
    out.push(h1s);
    out
}

/// The `headline` of the page's JSON-LD (the first one found, depth-bounded),
/// and whether it heads a news article (`NewsArticle` and its kinds).
fn ld_headline(doc: &Html) -> Option<(String, bool)> {
    fn news(map: &serde_json::Map<String, serde_json::Value>) -> bool {
        match map.get("@type") {
            Some(serde_json::Value::String(t)) => t.contains("NewsArticle"),
            Some(serde_json::Value::Array(ts)) => ts
                .iter()
                .any(|t| t.as_str().is_some_and(|t| t.contains("NewsArticle"))),
            _ => false,
        }
    }
    fn find(v: &serde_json::Value, depth: usize) -> Option<(&str, bool)> {
        if depth > 6 {
            return None;
        }
        match v {
            serde_json::Value::Object(map) => {
                if let Some(serde_json::Value::String(h)) = map.get("headline") {
                    return Some((h, news(map)));
                }
                map.values().find_map(|c| find(c, depth + 1))
            }
            serde_json::Value::Array(items) => {
                items.iter().take(32).find_map(|c| find(c, depth + 1))
            }
            _ => None,
        }
    }
    for value in super::json_ld(doc) {
        if let Some((h, is_news)) = find(&value, 0)
            && let Some(h) = one_line(&unescape(h))
        {
            return Some((h, is_news));
        }
    }
    None
}

/// Text with HTML character references resolved, as structured data often
/// carries them (`&ouml;`, `&amp;#8230;` escaped twice).
fn unescape(s: &str) -> String {
    let mut out = s.to_string();
    for _ in 0..2 {
        if !out.contains('&') {
            break;
        }
        let frag = Html::parse_fragment(&out.replace('<', "&lt;"));
        out = frag.root_element().text().collect();
    }
    out
}

/// A title as comparisons see it: typographic variants folded, case and
/// spacing ignored, invisible characters dropped. Never shown to anyone.
fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let c = match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2039}' | '\u{203A}'
            | '\u{2032}' | '\u{B4}' | '`' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{AB}' | '\u{BB}'
            | '\u{2033}' => '"',
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            '\u{AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' => continue,
            c if c.is_whitespace() => continue,
            c => c,
        };
        out.extend(c.to_lowercase());
    }
    out
}

/// An element's text, with a space where a line break or a nested block
/// would show one (`WEEKEND<br>CODING` reads as two words).
/// A kicker set into a heading ("<span class=topline>Cup final</span>")
/// and text hidden from sight are left out: the headline is the rest.
fn text(e: ElementRef) -> String {
    let mut out = String::new();
    let mut skip_until = None;
    // Set after an element closes: two pieces set in separate elements
    // ("<span>Harbour festival</span><span>The boats are back</span>")
    // read as two words, not "festivalThe".
    let mut boundary = false;
    let label = label(e);
    for edge in e.traverse() {
        match edge {
            ego_tree::iter::Edge::Open(node) => {
                if skip_until.is_some() {
                    continue;
                }
                if Some(node.id()) == label {
                    skip_until = Some(node.id());
                    continue;
                }
                match node.value() {
                    Node::Text(t) => {
                        let joins = out.chars().last().is_some_and(char::is_lowercase)
                            && t.chars().next().is_some_and(char::is_uppercase);
                        if boundary && joins {
                            out.push(' ');
                        }
                        boundary = false;
                        out.push_str(t);
                    }
                    Node::Element(el) => {
                        if node.id() != e.id() && set_apart(el) {
                            skip_until = Some(node.id());
                        } else if matches!(el.name(), "br" | "div" | "p" | "li") {
                            out.push(' ');
                        }
                    }
                    _ => {}
                }
            }
            ego_tree::iter::Edge::Close(node) => {
                boundary |= node.value().is_element();
                if skip_until == Some(node.id()) {
                    skip_until = None;
                    out.push(' ');
                }
            }
        }
    }
    // What joined the kicker to the headline goes with it; a heading that
    // is all kicker keeps it.
    let rest = out.trim_matches(|c: char| c.is_whitespace() || ":|-–—·•".contains(c));
    if rest.is_empty() {
        return e.text().collect();
    }
    rest.to_string()
}

/// A label set in its own element at the head of a heading and closed by
/// a colon ("<strong>Blog:</strong> Ten ferry routes"): a kicker without a
/// class. Only a few words, and only with a headline after it.
fn label(e: ElementRef) -> Option<ego_tree::NodeId> {
    let first = e
        .children()
        .find(|c| !matches!(c.value(), Node::Text(t) if t.trim().is_empty()))?;
    let el = ElementRef::wrap(first)?;
    if !matches!(el.value().name(), "strong" | "b" | "span" | "em" | "i") {
        return None;
    }
    let own: String = el.text().collect();
    let own = own.trim();
    let all: String = e.text().collect();
    (own.ends_with(':')
        && own.split_whitespace().count() <= 3
        && all.split_whitespace().count() >= own.split_whitespace().count() + 3)
        .then(|| first.id())
}

/// Class words of a kicker above a headline, in the languages of the
/// markup people write (English and German class names mostly).
const KICKER_CLASSES: [&str; 9] = [
    "kicker",
    "overline",
    "topline",
    "dachzeile",
    "roofline",
    "eyebrow",
    "supertitle",
    "overhead",
    "pretitle",
];

/// Whether an element inside a heading is a kicker or hidden text.
fn set_apart(el: &scraper::node::Element) -> bool {
    // A date set into a heading ("<time>Dec 18</time> Title") dates the
    // post; it is no part of its title.
    if el.name() == "time" || el.attr("aria-hidden") == Some("true") || el.attr("hidden").is_some()
    {
        return true;
    }
    el.attr("class").is_some_and(|c| {
        let c = c.to_ascii_lowercase();
        KICKER_CLASSES.iter().any(|k| c.contains(k))
            || c.contains("offscreen")
            || c.contains("sr-only")
            || c.contains("visually-hidden")
    })
}

/// The site a page belongs to, as far as its markup and address tell.
pub struct Site {
    /// `og:site_name` and the like.
    names: Vec<String>,
    /// The registrable domain of the page's address.
    domain: Option<String>,
}

impl Site {
    /// The site of `doc`, at `url` when known.
    pub fn of(doc: &Html, url: Option<&str>) -> Site {
        Site {
            names: doc
                .select(&SITE_NAME)
                .take(4)
                .filter_map(|e| e.value().attr("content"))
                .filter_map(one_line)
                .collect(),
            domain: url.and_then(outlet::from_url),
        }
    }

    /// Whether a byline names the site itself: its name, its domain spelled
    /// out or in capitals ("LTO" for lto.de), or "Name (www.host)".
    pub fn names_site(&self, byline: &str) -> bool {
        let b = byline.trim();
        if self.is(b) {
            return true;
        }
        let Some(domain) = self.domain.as_deref() else {
            return false;
        };
        let label = domain.split('.').next().unwrap_or(domain);
        b.to_lowercase().contains(domain) || (label.len() >= 2 && squash(b) == squash(label))
    }

    /// Whether a title segment names the site rather than the article.
    fn is(&self, segment: &str) -> bool {
        let segment = segment.trim();
        if segment.is_empty() {
            return false;
        }
        // A bare domain ("example.com") is a site name wherever it stands.
        if is_domain(segment) {
            return true;
        }
        self.names.iter().any(|n| same_name(segment, n))
            || self
                .domain
                .as_deref()
                .is_some_and(|d| outlet::name_matches_domain(segment, d))
    }

    /// A metadata title without the site's name chained to it
    /// (`Title | Site`, `Site - Title`, `Title - Section - Site`).
    fn strip(&self, title: &str) -> String {
        let mut t = title.trim().to_string();
        // A few rounds: pages chain section and site names.
        for _ in 0..3 {
            let next = self.cut_once(&t, true);
            if next == t {
                break;
            }
            t = next;
        }
        t
    }

    /// A title without site names the page or its address spell, cut
    /// at any separator, spaced or not (`Title：Site`, `Title-SectionㅣSite`).
    fn cut_known(&self, title: &str) -> String {
        let mut t = self.strip_known(title);
        for _ in 0..2 {
            let Some((i, sep)) = title_separators(&t).last().copied() else {
                break;
            };
            let tail = &t[i + sep.len()..];
            if !self.is(tail.trim()) {
                break;
            }
            t = t[..i].trim_end().to_string();
        }
        t
    }

    /// `strip` without guessing: only segments known to name the site.
    fn strip_known(&self, title: &str) -> String {
        let mut t = title.trim().to_string();
        for _ in 0..3 {
            let next = self.cut_once(&t, false);
            if next == t {
                break;
            }
            t = next;
        }
        t
    }

    /// Cuts one site-name segment off either end; `guess` also cuts a
    /// short segment opposite a headline-sized one, the usual shape of
    /// `Headline | Site` when the site's name is not known.
    fn cut_once(&self, title: &str, guess: bool) -> String {
        // A bare host joined by a space alone ("example.com Night trams").
        if let Some((head, rest)) = title.split_once(' ')
            && is_domain(head)
            && rest.split_whitespace().count() >= 2
        {
            return rest.trim().to_string();
        }
        if let Some((rest, tail)) = title.rsplit_once(' ')
            && is_domain(tail)
            && rest.split_whitespace().count() >= 2
        {
            return rest
                .trim_end_matches(|c: char| c.is_whitespace() || "|-–—:·•»".contains(c))
                .to_string();
        }
        for sep in SEPARATORS {
            let parts: Vec<&str> = title.split(sep).collect();
            if parts.len() < 2 {
                continue;
            }
            if let Some(last) = parts.last()
                && (self.is(last)
                    || guess && parts.len() == 2 && short_name(last) && long_title(parts[0]))
            {
                return parts[..parts.len() - 1].join(sep);
            }
            if let Some(first) = parts.first()
                && (self.is(first)
                    || guess && parts.len() == 2 && short_name(first) && long_title(parts[1]))
            {
                return parts[1..].join(sep);
            }
        }
        title.to_string()
    }
}

/// A bare host name ("example.com", "News.example.org"): labels of letters,
/// digits and hyphens, the last all letters. "BUDGET 3.0" is none.
fn is_domain(s: &str) -> bool {
    let labels: Vec<&str> = s.split('.').collect();
    labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_alphanumeric() || c == '-'))
        && labels
            .last()
            .is_some_and(|l| l.chars().count() >= 2 && l.chars().all(char::is_alphabetic))
}

/// Whether a title segment is the site's name: equal to it, or two or
/// more of its words and nothing else ("Harbour Gazette" for "The Harbour
/// Gazette Group"). A segment with words of its own ("Harbour Gazette
/// #18") is an issue or a section, not the name.
fn same_name(segment: &str, name: &str) -> bool {
    if segment.trim().eq_ignore_ascii_case(name.trim()) {
        return true;
    }
    let (ws, wn) = (words(segment), words(name));
    ws.len() >= 2 && ws.iter().all(|w| wn.contains(w))
}

/// An `<h1>` without what belongs to a page title rather than a headline:
/// a `Headline | Section | Site` chain is cut at its first bar (headlines
/// do not use bars), and a known site name at either end is cut off.
fn headline_part(h1: &str, site: &Site) -> String {
    let h = h1.split(" | ").next().unwrap_or(h1);
    // An aggregator's link to its source, and what follows it (a count of
    // comments): "Headline (example.com) 87".
    let h = match h.find(" (") {
        Some(i)
            if h[i + 2..]
                .split_once(')')
                .is_some_and(|(inside, _)| is_domain(inside)) =>
        {
            &h[..i]
        }
        _ => h,
    };
    site.cut_once(h, false).trim().to_string()
}

/// How well an `<h1>` agrees with a metadata title: the share of words
/// each has of the other, the lower of the two, against the title without
/// its site name or, failing that, its first segment.
fn agreement(h1: &str, meta: &str, site: &Site) -> f64 {
    let both = |m: &str| overlap(h1, m).min(overlap(m, h1));
    let stripped = site.strip(meta);
    let mut score = both(&stripped);
    if score < AGREE
        && let Some(first) = first_segment(meta)
    {
        score = score.max(both(first));
    }
    score
}

/// The part of a title before its first separator, if it has one.
fn first_segment(title: &str) -> Option<&str> {
    SEPARATORS
        .iter()
        .filter_map(|sep| title.find(sep))
        .min()
        .and_then(|i| title.get(..i))
}

/// A few words, as a site's name is.
fn short_name(s: &str) -> bool {
    s.split_whitespace().count() <= 4
}

/// Enough words to be a headline.
fn long_title(s: &str) -> bool {
    s.split_whitespace().count() > 4
}

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Share of `a`'s words found in `b`, case-folded.
fn overlap(a: &str, b: &str) -> f64 {
    let (wa, wb) = (words(a), words(b));
    if wa.is_empty() {
        return 0.0;
    }
    let hits = wa.iter().filter(|w| wb.contains(w)).count();
    hits as f64 / wa.len() as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(head: &str, body: &str) -> Html {
        Html::parse_document(&format!(
            "<html><head>{head}</head><body>{body}</body></html>"
        ))
    }

    fn t(head: &str, body: &str, url: Option<&str>) -> Option<String> {
        let doc = page(head, body);
        title(&doc, "", &Site::of(&doc, url))
    }

    #[test]
    fn an_agreeing_h1_beats_the_site_suffixed_metadata() {
        let head = r#"<title>Tram depot to reopen in spring | Valley Courier</title>
            <meta property="og:title" content="Tram depot to reopen in spring | Valley Courier">"#;
        let body = "<h1>Valley Courier</h1><h1>Tram depot to reopen in spring</h1>";
        assert_eq!(
            t(head, body, None).as_deref(),
            Some("Tram depot to reopen in spring")
        );
    }

    #[test]
    fn the_social_title_outranks_a_stuffed_title_meta() {
        let head = r#"<meta name="title" content="cheap trams best trams tram news 2025">
            <meta property="og:title" content="Night trams return to the valley">"#;
        assert_eq!(
            t(head, "<h1>Menu</h1>", None).as_deref(),
            Some("Night trams return to the valley")
        );
    }

    #[test]
    fn a_bar_chain_in_the_h1_is_cut() {
        let head = r#"<meta property="og:title" content="Ferry fares rise again">"#;
        let body = "<h1>Ferry fares rise again | Transport | Valley Courier</h1>";
        assert_eq!(
            t(head, body, None).as_deref(),
            Some("Ferry fares rise again")
        );
    }

    #[test]
    fn a_line_break_in_the_h1_is_a_space() {
        let head = r#"<meta property="og:title" content="Weekend Garden Diary">"#;
        let body = "<h1>WEEKEND<br>GARDEN DIARY</h1>";
        assert_eq!(t(head, body, None).as_deref(), Some("WEEKEND GARDEN DIARY"));
    }

    #[test]
    fn the_domain_spells_the_site_name() {
        let head = "<title>Storm floods the harbour road - Valleycourier</title>";
        assert_eq!(
            t(head, "", Some("https://www.valleycourier.example/news/1")).as_deref(),
            Some("Storm floods the harbour road")
        );
    }

    #[test]
    fn a_short_h1_agrees_with_the_first_segment() {
        let head = r#"<meta property="og:title" content="Compost - County Extension Office - Home Gardening">"#;
        assert_eq!(
            t(head, "<h1>Compost</h1>", None).as_deref(),
            Some("Compost")
        );
    }

    #[test]
    fn a_segment_with_words_of_its_own_is_not_the_site() {
        let head = r#"<meta property="og:site_name" content="Garden Notes">
            <meta property="og:title" content="Garden Notes #12 – A wet spring">"#;
        let body = "<h1>Garden Notes #12 – A wet spring</h1>";
        assert_eq!(
            t(head, body, None).as_deref(),
            Some("Garden Notes #12 – A wet spring")
        );
    }

    #[test]
    fn a_known_site_name_is_cut_from_either_end() {
        let site = Site {
            names: vec!["Valley Courier".into()],
            domain: None,
        };
        assert_eq!(
            site.strip("Valley Courier » Bus lanes widened"),
            "Bus lanes widened"
        );
        assert_eq!(
            site.strip("Bus lanes widened • Valley Courier"),
            "Bus lanes widened"
        );
        assert_eq!(site.strip("Bus lanes widened"), "Bus lanes widened");
    }

    #[test]
    fn the_publishers_characters_are_kept() {
        let head = r#"<meta property="og:title" content="Why “slow” towns don’t die">"#;
        assert_eq!(
            t(head, "", None).as_deref(),
            Some("Why “slow” towns don’t die")
        );
    }

    #[test]
    fn the_stated_title_beats_a_kicker_in_the_h1() {
        let head = r#"<meta property="og:title" content="Late goal sinks the visitors">
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"Late goal sinks the visitors"}</script>"#;
        let body = "<h1><span>Cup final</span> Late goal sinks the visitors</h1>";
        assert_eq!(
            t(head, body, None).as_deref(),
            Some("Late goal sinks the visitors")
        );
        // An <h1> showing only the main line yields to the whole stated title.
        let head = r#"<meta property="og:title" content="Harbour strike: Ferries stay in port">
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"Harbour strike: Ferries stay in port"}</script>"#;
        assert_eq!(
            t(head, "<h1>Ferries stay in port</h1>", None).as_deref(),
            Some("Harbour strike: Ferries stay in port")
        );
        // A different wording in the <h1> is what readers see: it stays,
        // except against a news article's own structured headline.
        let body = "<h1>No ferries today as the harbour strikes</h1>";
        let blog = head.replace("NewsArticle", "BlogPosting");
        assert_eq!(
            t(&blog, body, None).as_deref(),
            Some("No ferries today as the harbour strikes")
        );
        assert_eq!(
            t(head, body, None).as_deref(),
            Some("Harbour strike: Ferries stay in port")
        );
        // A structured headline that only adds a tail keeps the shown one.
        let head = r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"Ferries stay in port | Travel"}</script>"#;
        assert_eq!(
            t(head, "<h1>Ferries stay in port</h1>", None).as_deref(),
            Some("Ferries stay in port")
        );
        // Character references in structured data are resolved.
        assert_eq!(unescape("Caf&eacute; &amp;#8230;"), "Café …");
    }

    #[test]
    fn site_names_joined_without_spaces_are_cut() {
        let head = r#"<meta property="og:site_name" content="항구신문">
            <meta property="og:title" content="다리 공사 재개-사회ㅣ항구신문">
            <meta name="headline" content="다리 공사 재개">
            <script type="application/ld+json">{"headline":"다리 공사 재개"}</script>"#;
        assert_eq!(t(head, "", None).as_deref(), Some("다리 공사 재개"));
        let head = r#"<meta property="og:site_name" content="港町新聞">
            <title>橋の修理が始まる：港町新聞</title>"#;
        assert_eq!(
            t(head, "<h1>橋の修理が始まる</h1>", None).as_deref(),
            Some("橋の修理が始まる")
        );
    }

    #[test]
    fn pieces_in_separate_elements_stay_apart() {
        let body = "<h1><span>Harbour festival</span><span>The boats are back</span></h1>";
        assert_eq!(
            t("", body, None).as_deref(),
            Some("Harbour festival The boats are back")
        );
        // Inline markup inside a word does not split it.
        let body = "<h1>Re<b>open</b>ing of the old harbour bridge</h1>";
        assert_eq!(
            t("", body, None).as_deref(),
            Some("Reopening of the old harbour bridge")
        );
    }

    #[test]
    fn a_subtitle_is_not_the_title() {
        let head = r#"<meta property="og:site_name" content="Valley Courier">
            <meta property="og:title" content="Pipeline plan flagged - Valley Courier">
            <meta itemprop="headline" content="… farmers worried">
            <title>Pipeline plan flagged - Valley Courier</title>"#;
        let body = "<h1>Pipeline plan flagged</h1><h1>… farmers worried</h1>";
        assert_eq!(
            t(head, body, None).as_deref(),
            Some("Pipeline plan flagged")
        );
    }

    #[test]
    fn a_version_number_is_no_domain() {
        assert!(!is_domain("BUDGET 3.0"));
        assert!(!is_domain("3.0"));
        assert!(is_domain("valleycourier.example"));
    }

    #[test]
    fn a_date_or_a_label_in_the_heading_is_no_part_of_the_title() {
        let body = r#"<h1><a href="/p/1"><time datetime="2025-03-03">Mar <span>3</span> 2025</time>
            Night trams return to the valley</a></h1>"#;
        assert_eq!(
            t("", body, None).as_deref(),
            Some("Night trams return to the valley")
        );
        let head = r#"<meta property="og:title" content="Ten ferry routes worth the trip | Valley Courier">"#;
        let body = "<h1><strong>Blog:</strong> Ten ferry routes worth the trip</h1>";
        assert_eq!(
            t(head, body, None).as_deref(),
            Some("Ten ferry routes worth the trip")
        );
        // A label with only a word or two after it is part of the title.
        let head = r#"<meta property="og:title" content="Live: ferry news">"#;
        assert_eq!(
            t(head, "<h1><b>Live:</b> ferry news</h1>", None).as_deref(),
            Some("Live: ferry news")
        );
    }

    #[test]
    fn a_bare_host_joined_by_a_space_is_cut() {
        assert_eq!(
            t(
                "<title>valleycourier.example Night trams return</title>",
                "",
                None
            )
            .as_deref(),
            Some("Night trams return")
        );
        assert_eq!(
            t(
                "<title>Night trams return - valleycourier.example</title>",
                "",
                None
            )
            .as_deref(),
            Some("Night trams return")
        );
        // An aggregator's source link after the headline goes too.
        let body = r#"<h1><a href="/s/1">Tram fares frozen for a year</a>
            <span>(<a href="https://valleycourier.example/">valleycourier.example</a>)</span> <span>87</span></h1>"#;
        assert_eq!(
            t("", body, None).as_deref(),
            Some("Tram fares frozen for a year")
        );
    }

    #[test]
    fn headings_used_for_boxes_do_not_name_the_page() {
        let head = r#"<meta property="og:site_name" content="Valley Courier">
            <meta property="og:title" content="Bus lanes widened on the ring road – Valley Courier">
            <script type="application/ld+json">{"@type":"Article","headline":"Bus lanes widened on the ring road"}</script>"#;
        let body = "<h1>Contact us</h1><h1>Follow us</h1><h1>Back to the main shop</h1>";
        assert_eq!(
            t(head, body, None).as_deref(),
            Some("Bus lanes widened on the ring road")
        );
        // A blog that sets the post's title in an <h2> and uses <h1> in
        // the text.
        let head = r#"<title>Why the tram came back | Valley Blog</title>"#;
        let body = "<h2>Why the tram came back</h2><p>Text.</p><h1>But what riders like is the quiet ride</h1>";
        assert_eq!(
            t(head, body, None).as_deref(),
            Some("Why the tram came back")
        );
    }

    #[test]
    fn a_two_word_structured_headline_names_a_box() {
        let head = r#"<meta property="og:title" content="Seven days of cheap meals">
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"Sample menus"}</script>"#;
        assert_eq!(
            t(head, "<h1>Seven days of cheap meals</h1>", None).as_deref(),
            Some("Seven days of cheap meals")
        );
    }

    #[test]
    fn the_extractors_guess_is_the_last_resort() {
        let empty = page("", "");
        assert_eq!(
            title(&empty, "  Quiet   week  ", &Site::of(&empty, None)).as_deref(),
            Some("Quiet week")
        );
        assert_eq!(title(&empty, "", &Site::of(&empty, None)), None);
    }
}
