//! The article's author(s), as the byline would name them.
//!
//! Witnesses, most trusted first: the structured data's author when it is
//! a person, `<meta name="author">`, the extractor's own guess (spelled as
//! a byline element spells the same name, when one does), an SEO card's
//! "Written by", a link to an author page, an element classed as a
//! byline, a bare "By ..." line, and last the structured data's author
//! when it is an organisation (often just the publisher). Each is cleaned
//! of labels ("By", "Written by:"), dates and job titles run into it, and
//! rejected when it is not a name at all (an e-mail address, a template
//! placeholder, a month).

use std::sync::LazyLock;

use scraper::{ElementRef, Html, Selector};
use serde_json::Value;

use super::sel;
use crate::one_line;

static META_AUTHOR: LazyLock<Selector> =
    LazyLock::new(|| sel(r#"meta[name="author"], meta[name="Author"]"#));
static REL_AUTHOR: LazyLock<Selector> = LazyLock::new(|| {
    sel(r#"a[rel~="author"], a[href*="/author/"], a[href*="/authors/"], a[href*="/contributor/"]"#)
});
/// SEO plugins' "Written by" card: `twitter:label1` names what
/// `twitter:data1` holds.
/// Links to an author's own page, by the path sites give them.
static AUTHOR_PAGE: LazyLock<Selector> = LazyLock::new(|| {
    sel(
        r#"a[href*="/author/"], a[href*="/authors/"], a[href*="/autor/"], a[href*="/autoren/"], a[href*="/autorin/"], a[href*="/journalist/"]"#,
    )
});
static CARD_LABEL: LazyLock<Selector> =
    LazyLock::new(|| sel(r#"meta[name^="twitter:label"], meta[name^="twitter:data"]"#));
/// Short elements that may hold a "By Ann Lee" line.
static BY_LINE: LazyLock<Selector> =
    LazyLock::new(|| sel("p, span, li, address, small, h3, h4, h5, h6, div"));
static BYLINE: LazyLock<Selector> = LazyLock::new(|| {
    sel(
        r#"[class*="author"], [class*="byline"], [class*="Author"], [class*="Byline"], [itemprop="author"]"#,
    )
});

/// Byline-classed elements looked at, in document order.
const MAX_BYLINES: usize = 40;
/// Longest plausible author string, in characters.
const MAX_CHARS: usize = 120;
/// Most words a single byline name may have.
const MAX_NAME_WORDS: usize = 6;

/// The author(s). `found` is the extractor's own guess, which splits names
/// and titles at commas and joins them with "; ". Where the page's stated
/// author is only the publisher (`site`) and a link to an author's page
/// names a person (or a labelled field, or the structured data credits an
/// agency), that one wrote it; otherwise the publisher stands.
pub fn author(doc: &Html, found: &str, site: &super::title::Site) -> Option<String> {
    let (people, orgs) = structured(doc);
    let stated = stated_author(doc, found, people, orgs.clone())?;
    if !site.names_site(&stated) {
        return Some(stated);
    }
    let person = doc
        .select(&AUTHOR_PAGE)
        .take(MAX_BYLINES)
        .filter(|e| !outside_article(*e))
        .filter_map(|e| name(&text(e)))
        .chain(labelled(doc))
        // An agency credited in the structured data ("dpa") wrote it too.
        .chain(orgs)
        .find(|n| !site.names_site(n) && !generic(n));
    Some(person.unwrap_or(stated))
}

/// Labels of an author field ("Autorin/Autor Ann Other"), lowercased,
/// longest first.
const AUTHOR_LABELS: [&str; 8] = [
    "autorin/autor",
    "autor/autorin",
    "autorin",
    "autor",
    "author",
    "auteur",
    "autore",
    "reporter",
];

/// Names in short labelled author fields, as fact boxes give them.
fn labelled(doc: &Html) -> impl Iterator<Item = String> + '_ {
    doc.select(&BY_LINE)
        .take(3000)
        .filter_map(|e| short_text(e, 80))
        .filter_map(|t| {
            let t = t.trim();
            let lower = t.to_lowercase();
            let label = AUTHOR_LABELS.iter().find(|l| lower.starts_with(*l))?;
            let rest = t.get(label.len()..)?.trim_start_matches([':', ' ']);
            // "Autorenteam" and the like: the label must end at a word's end.
            (rest.len() < t.len() - label.len()).then_some(())?;
            name(rest)
        })
        .take(4)
}

/// The author as the page states it, first witness first.
/// `people` and `orgs` are the structured data's authors.
fn stated_author(
    doc: &Html,
    found: &str,
    people: Option<String>,
    orgs: Option<String>,
) -> Option<String> {
    if let Some(a) = people {
        return Some(a);
    }
    let metas: Vec<String> = doc
        .select(&META_AUTHOR)
        .take(4)
        .filter_map(|e| e.value().attr("content"))
        .filter_map(name)
        .collect();
    // A generic account name loses to a real one beside it.
    if let Some(m) = metas.iter().find(|m| !generic(m)).or(metas.first()) {
        return Some(m.clone());
    }
    // The extractor's guess runs names into roles and dates ("Ann Lee
    // Writer"); a byline element naming the same person is cleaner.
    let bylines: Vec<String> = byline_names(doc);
    if let Some(raw) = guess(found) {
        let fw = words(&raw);
        let same = bylines.iter().find(|b| {
            let bw = words(b);
            // Two words at least: initials in an avatar are not a name.
            (bw.len() >= 2 || bw == fw) && fw.starts_with(&bw)
        });
        if let Some(b) = same {
            return Some(b.clone());
        }
        if let Some(n) = name(&without_role(&raw)) {
            return Some(n);
        }
    }
    if let Some(c) = card_author(doc) {
        return Some(c);
    }
    let rel = doc
        .select(&REL_AUTHOR)
        .take(MAX_BYLINES)
        .find_map(|e| byline_name(&text(e)));
    rel.or_else(|| bylines.into_iter().next())
        .or_else(|| by_line(doc))
        .or(orgs)
}

/// The name in an SEO card's "Written by" field.
fn card_author(doc: &Html) -> Option<String> {
    let mut label_index = None;
    for e in doc.select(&CARD_LABEL).take(16) {
        let (Some(key), Some(content)) = (e.value().attr("name"), e.value().attr("content")) else {
            continue;
        };
        if let Some(i) = key.strip_prefix("twitter:label") {
            if content.trim().eq_ignore_ascii_case("written by") {
                label_index = Some(i.to_string());
            }
        } else if let (Some(i), Some(want)) = (key.strip_prefix("twitter:data"), &label_index)
            && i == want
        {
            return name(content);
        }
    }
    None
}

/// A short element reading "By Ann Lee" or "Written by Ann Lee", the
/// byline of pages that give it no class.
fn by_line(doc: &Html) -> Option<String> {
    doc.select(&BY_LINE)
        .take(3000)
        .filter_map(|e| short_text(e, 80))
        .filter(|t| {
            let l = t.trim_start().to_lowercase();
            (l.starts_with("by ") || l.starts_with("written by")) && !l.starts_with("by the way")
        })
        .find_map(|t| byline_name(&t))
}

/// An element's text when it is at most `max` bytes, else `None`; stops
/// reading as soon as the text is too long.
fn short_text(e: ElementRef, max: usize) -> Option<String> {
    let mut out = String::new();
    for t in e.text() {
        if out.len() + t.len() > max + 40 {
            return None;
        }
        out.push_str(t);
        out.push(' ');
    }
    let t = one_line(&out)?;
    (t.len() <= max).then_some(t)
}

/// Names in byline-classed elements, in document order, those whose class
/// says "name" first (a byline box also holds the role and the date).
fn byline_names(doc: &Html) -> Vec<String> {
    let elements: Vec<ElementRef> = doc
        .select(&BYLINE)
        .take(MAX_BYLINES)
        .filter(|e| !outside_article(*e))
        .collect();
    let named = |e: &ElementRef| {
        e.value()
            .attr("class")
            .is_some_and(|c| c.to_ascii_lowercase().contains("name"))
    };
    let mut out: Vec<String> = elements
        .iter()
        .filter(|e| named(e))
        .filter_map(|e| byline_name(&text(*e)))
        .collect();
    out.extend(
        elements
            .iter()
            .filter(|e| !named(e))
            .filter_map(|e| byline_name(&text(*e))),
    );
    out
}

/// The extractor's own author guess, as a byline would read: it joins
/// the pieces of a comma-separated byline with "; ", whether they are
/// several people or one person's degrees ("Ann Lee; MS; RD"), and runs
/// dates and roles into names. Job titles are left for the caller.
fn guess(found: &str) -> Option<String> {
    let found = cut_tail(found);
    let pieces: Vec<&str> = found
        .split("; ")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let joined = if pieces.len() < 2 || pieces.iter().skip(1).any(|p| credential(p)) {
        pieces.join(", ")
    } else {
        let names: Vec<String> = pieces.iter().map(|p| p.to_string()).collect();
        join(&names)?
    };
    let n = name(&joined)?;
    // The guess sometimes catches a label or a template key instead.
    (!words(&n).iter().any(|w| w == "author")).then_some(n)
}

/// A degree or post-nominal ("MS", "PhD", "DVM", "Ph D").
fn credential(s: &str) -> bool {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    !letters.is_empty()
        && letters.len() <= 5
        && s.split_whitespace().count() <= 2
        && letters.iter().filter(|c| c.is_uppercase()).count() * 2 >= letters.len()
}

/// Job titles that bylines run into the name.
const ROLES: [&str; 16] = [
    "writer",
    "reporter",
    "editor",
    "contributor",
    "correspondent",
    "columnist",
    "coordinator",
    "manager",
    "director",
    "founder",
    "co-founder",
    "consultant",
    "specialist",
    "expert",
    "strategist",
    "journalist",
];

/// "Ann Lee Staff Writer" as "Ann Lee": a job title after the first two
/// words is cut with whatever leads into it.
fn without_role(s: &str) -> String {
    let w: Vec<&str> = s.split_whitespace().collect();
    let role = |x: &&str| {
        let x = x
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
            .to_lowercase();
        ROLES.contains(&x.as_str())
    };
    if w.len() >= 3 && w[2..].iter().any(role) && !w[..2].iter().any(role) {
        w[..2].join(" ").trim_end_matches(',').to_string()
    } else {
        s.to_string()
    }
}

/// Cuts what bylines run on with after the name: "Last updated ...",
/// "Reviewed by ...", "Updated ...", a month and day.
fn cut_tail(s: &str) -> &str {
    let lower = s.to_lowercase();
    let mut end = s.len();
    for marker in [
        " last updated",
        " updated",
        " reviewed by",
        " edited by",
        " published",
    ] {
        if let Some(i) = lower.find(marker) {
            end = end.min(i);
        }
    }
    // A month run into the name where the date's digits were dropped
    // ("Ann Lee December"); "may" is too common a surname to cut.
    let head = lower.get(..end).unwrap_or(&lower);
    if let Some((before, last)) = head.trim_end().rsplit_once(' ')
        && last != "may"
        && storyline_lexicon::is_month(last)
        && !before.trim().is_empty()
    {
        end = end.min(before.trim_end().len());
    }
    // `lower` and `s` can differ in length for a few non-ASCII letters;
    // never cut inside a character.
    s.get(..end)
        .unwrap_or(s)
        .trim()
        .trim_end_matches([',', ';', '•', '|'])
        .trim()
}

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The structured data's author names: persons first, else organisations,
/// each joined as a byline would join them.
fn structured(doc: &Html) -> (Option<String>, Option<String>) {
    for value in super::json_ld(doc) {
        let mut found = None;
        find_author(&value, 0, &mut found);
        if let Some(entries) = found {
            let mut people = Vec::new();
            let mut orgs = Vec::new();
            for (n, is_org) in entries {
                if let Some(n) = name(&n) {
                    if is_org { orgs.push(n) } else { people.push(n) }
                }
            }
            return (join(&people), join(&orgs));
        }
    }
    (None, None)
}

/// The first `author` field in a JSON-LD tree (depth-bounded): its names,
/// each marked when typed as an organisation.
fn find_author(v: &Value, depth: usize, out: &mut Option<Vec<(String, bool)>>) {
    if depth > 8 || out.is_some() {
        return;
    }
    match v {
        Value::Object(map) => {
            if let Some(a) = map.get("author") {
                let mut names = Vec::new();
                collect_names(a, &mut names);
                if !names.is_empty() {
                    *out = Some(names);
                    return;
                }
            }
            for child in map.values() {
                find_author(child, depth + 1, out);
            }
        }
        Value::Array(items) => {
            for child in items.iter().take(64) {
                find_author(child, depth + 1, out);
            }
        }
        _ => {}
    }
}

fn collect_names(v: &Value, out: &mut Vec<(String, bool)>) {
    match v {
        Value::String(s) => out.push((s.clone(), false)),
        Value::Object(map) => {
            let is_org = map.get("@type").is_some_and(|t| {
                let t = t.as_str().unwrap_or_default();
                t.contains("Organization") || t.contains("Organisation")
            });
            if let Some(Value::String(n)) = map.get("name") {
                out.push((n.clone(), is_org));
            }
        }
        Value::Array(items) => {
            for item in items.iter().take(16) {
                if !matches!(item, Value::Array(_)) {
                    collect_names(item, out);
                }
            }
        }
        _ => {}
    }
}

/// Names joined as a byline reads: "A", "A and B", "A, B, and C".
fn join(names: &[String]) -> Option<String> {
    let mut unique: Vec<&String> = Vec::new();
    for n in names {
        if !unique.iter().any(|u| u.eq_ignore_ascii_case(n)) {
            unique.push(n);
        }
    }
    match unique.as_slice() {
        [] => None,
        [a] => Some((*a).clone()),
        [a, b] => Some(format!("{a} and {b}")),
        [rest @ .., last] => {
            let head: Vec<&str> = rest.iter().map(|s| s.as_str()).collect();
            Some(format!("{}, and {last}", head.join(", ")))
        }
    }
}

/// An element's text with a space between its parts, so a name and the
/// date after it in a sibling element do not run together.
fn text(e: ElementRef) -> String {
    e.text().collect::<Vec<_>>().join(" ")
}

/// Whether a byline-classed element belongs to the page around the
/// article: comments, related-article cards, testimonials, forms.
fn outside_article(e: ElementRef) -> bool {
    std::iter::once(e)
        .chain(e.ancestors().filter_map(ElementRef::wrap))
        .take(12)
        .any(|a| {
            let v = a.value();
            v.name() == "form"
                || v.attr("class").is_some_and(|c| {
                    let c = c.to_ascii_lowercase();
                    ["comment", "related", "testimonial", "review"]
                        .iter()
                        .any(|w| c.contains(w))
                })
        })
}

/// Labels that introduce a name in a byline.
const LABELS: [&str; 16] = [
    "this post was written by",
    "view all posts by",
    "more articles by",
    "articles by",
    "posts by",
    "read more about",
    "article by",
    "recipe by",
    "written by",
    "authored by",
    "posted by",
    "reviewed by",
    "about the author",
    "author",
    "from",
    "by",
];

/// A byline element's text reduced to the name in it, if there is one.
fn byline_name(raw: &str) -> Option<String> {
    let s = one_line(raw)?;
    let s = strip_label(&s);
    // What follows a separator is a date, a role or the outlet.
    let s = s
        .split(['|', '•', '·', '\u{2014}'])
        .next()
        .unwrap_or_default()
        .split(" - ")
        .next()
        .unwrap_or_default()
        .split(" on ")
        .next()
        .unwrap_or_default()
        .trim()
        .trim_end_matches([',', ':', ';'])
        .trim();
    let words = s.split_whitespace().count();
    if words == 0 || words > MAX_NAME_WORDS || s.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    // Names are capitalised; a lower-case run is a label or a sentence.
    if !s.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    name(&without_role(s))
}

/// Cuts a leading label ("By", "Written by:", "Author:") off a byline.
fn strip_label(s: &str) -> &str {
    let mut s = s.trim();
    for _ in 0..2 {
        let lower = s.to_lowercase();
        let Some(label) = LABELS.iter().find(|l| {
            lower.starts_with(*l)
                && lower[l.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric())
        }) else {
            break;
        };
        s = s
            .get(label.len()..)
            .unwrap_or_default()
            .trim_start_matches([':', ' ', '\u{a0}']);
    }
    s
}

/// A cleaned author string, or `None` when it is not a name.
fn name(raw: &str) -> Option<String> {
    let decoded = decode_entities(raw);
    let s = one_line(&decoded)?;
    // Some pages serialise a list as text: "['A', 'B']".
    let s = s
        .trim_matches(['[', ']'])
        .trim_matches(['"', '\'', ' ', ',', ';'])
        .to_string();
    let s = strip_label(&s).trim().to_string();
    let lower = s.to_lowercase();
    let junk = s.is_empty()
        || s.chars().count() > MAX_CHARS
        || s.contains('@')
        || s.contains("://")
        || s.contains("{{")
        || lower.starts_with("page.")
        || lower == "the author"
        || lower == "author"
        || s.chars()
            .all(|c| c.is_ascii_digit() || c.is_whitespace() || c.is_ascii_punctuation())
        || month_or_date(&lower)
        || lower.starts_with("updated")
        || lower.starts_with("published");
    (!junk).then_some(s)
}

/// "December" or "dec 5": a date caught instead of a name ("June Lee" is
/// a name).
fn month_or_date(lower: &str) -> bool {
    let mut w = lower.split_whitespace();
    let first = w.next().unwrap_or_default().trim_end_matches(['.', ',']);
    storyline_lexicon::is_month(first)
        && w.next()
            .is_none_or(|next| next.starts_with(|c: char| c.is_ascii_digit()))
}

/// A site account rather than a person ("admin", "Administrator").
fn generic(s: &str) -> bool {
    let l = s.to_lowercase();
    [
        "admin",
        "administrator",
        "editor",
        "staff",
        "webmaster",
        "the author",
    ]
    .contains(&l.as_str())
}

/// Decodes the few HTML entities that leak into metadata text.
pub(super) fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let end = tail.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| entity(&tail[1..e]));
        match (end, decoded) {
            (Some(e), Some(c)) => {
                out.push(c);
                rest = &tail[e + 1..];
            }
            _ => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "nbsp" => Some(' '),
        _ => {
            let num = name.strip_prefix('#')?;
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            char::from_u32(code)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(head: &str, body: &str) -> Html {
        Html::parse_document(&format!(
            "<html><head>{head}</head><body>{body}</body></html>"
        ))
    }

    fn a(head: &str, body: &str, found: &str) -> Option<String> {
        let doc = page(head, body);
        author(&doc, found, &super::super::Site::of(&doc, None))
    }

    #[test]
    fn a_linked_person_beats_the_publisher_as_author() {
        let head = r#"<meta property="og:site_name" content="Valley Courier">
            <meta name="author" content="Valley Courier">"#;
        let body = r#"<article><p>by <a href="/authors/ann-other">Ann Other</a></p></article>"#;
        assert_eq!(a(head, body, "").as_deref(), Some("Ann Other"));
        // With no one else named, the publisher is what the page says.
        assert_eq!(
            a(head, "<p>Text</p>", "").as_deref(),
            Some("Valley Courier")
        );
        let doc = page(
            r#"<meta name="author" content="VC">"#,
            r#"<a href="https://www.vc.example/autor/ann-other">Ann Other</a>"#,
        );
        let site = super::super::Site::of(&doc, Some("https://www.vc.example/a/1"));
        assert_eq!(author(&doc, "", &site).as_deref(), Some("Ann Other"));
        // A fact box's labelled field names the person.
        let body = "<ul><li><strong>Autorin/Autor</strong> Ann Other</li></ul>";
        assert_eq!(a(head, body, "").as_deref(), Some("Ann Other"));
        // An agency credited in the structured data wrote it.
        let head = r#"<meta property="og:site_name" content="Valley Courier">
            <meta name="author" content="Valley Courier">
            <script type="application/ld+json">{"@type":"NewsArticle",
            "author":[{"@type":"Organization","name":"Wire Agency"}]}</script>"#;
        assert_eq!(a(head, "", "").as_deref(), Some("Wire Agency"));
    }

    #[test]
    fn structured_people_are_joined_as_a_byline() {
        let ld = |names: &str| {
            format!(
                r#"<script type="application/ld+json">{{"@type":"NewsArticle","author":[{names}]}}</script>"#
            )
        };
        let two =
            ld(r#"{"@type":"Person","name":"Ines Brack"},{"@type":"Person","name":"Olu Ade"}"#);
        assert_eq!(a(&two, "", "").as_deref(), Some("Ines Brack and Olu Ade"));
        let three = ld(r#""Ines Brack","Olu Ade","Pia Roth""#);
        assert_eq!(
            a(&three, "", "").as_deref(),
            Some("Ines Brack, Olu Ade, and Pia Roth")
        );
    }

    #[test]
    fn an_organisation_author_yields_to_a_person() {
        let head = r#"<script type="application/ld+json">
            {"@graph":[{"@type":"Article","author":{"@type":"Organization","name":"Valley Courier"}}]}
            </script><meta name="author" content="Mara Quill">"#;
        assert_eq!(a(head, "", "").as_deref(), Some("Mara Quill"));
        let alone = r#"<script type="application/ld+json">
            {"@type":"Article","author":{"@type":"Organization","name":"Valley Courier"}}</script>"#;
        assert_eq!(a(alone, "", "").as_deref(), Some("Valley Courier"));
    }

    #[test]
    fn a_generic_account_yields_to_a_name() {
        let head =
            r#"<meta name="author" content="admin"><meta name="author" content="Mara Quill">"#;
        assert_eq!(a(head, "", "").as_deref(), Some("Mara Quill"));
    }

    #[test]
    fn the_extractors_guess_is_tidied() {
        assert_eq!(
            a("", "", "Ann Lee; MS; RD").as_deref(),
            Some("Ann Lee, MS, RD")
        );
        assert_eq!(
            a("", "", "Ann Lee; Bo Chen").as_deref(),
            Some("Ann Lee and Bo Chen")
        );
        assert_eq!(a("", "", "Ann Lee December").as_deref(), Some("Ann Lee"));
        assert_eq!(a("", "", "Tom May").as_deref(), Some("Tom May"));
        assert_eq!(
            a("", "", "Ann Lee Last Updated March").as_deref(),
            Some("Ann Lee")
        );
        assert_eq!(a("", "", "Dec"), None);
    }

    #[test]
    fn a_byline_element_spells_the_guessed_name() {
        let body = r#"<div class="author-box"><span class="author-name">Dr. Ann Lee</span>
            <span class="author-role">Staff Writer</span></div>"#;
        assert_eq!(
            a("", body, "Dr Ann Lee Staff Writer").as_deref(),
            Some("Dr. Ann Lee")
        );
    }

    #[test]
    fn byline_elements_lose_labels_dates_and_roles() {
        let body = r#"<p class="byline">By Ann Lee | March 4, 2025</p>"#;
        assert_eq!(a("", body, "").as_deref(), Some("Ann Lee"));
        let body = r#"<div class="post-author">Written by: Ann Lee Senior Reporter</div>"#;
        assert_eq!(a("", body, "").as_deref(), Some("Ann Lee"));
    }

    #[test]
    fn comment_authors_are_not_the_author() {
        let body = r#"<div class="comments"><span class="comment-author">Troll Nine</span></div>"#;
        assert_eq!(a("", body, ""), None);
    }

    #[test]
    fn seo_card_author_link_and_bare_by_line() {
        let head = r#"<meta name="twitter:label1" content="Written by">
            <meta name="twitter:data1" content="Mara Quill">"#;
        assert_eq!(a(head, "", "").as_deref(), Some("Mara Quill"));
        let body = r#"<a href="/authors/mara-quill">Mara Quill</a>"#;
        assert_eq!(a("", body, "").as_deref(), Some("Mara Quill"));
        let body = "<p>By Mara Quill</p><p>The pier reopened on Monday.</p>";
        assert_eq!(a("", body, "").as_deref(), Some("Mara Quill"));
    }

    #[test]
    fn non_names_are_rejected() {
        for junk in [
            "news@valley.example",
            "page.head.extra.author",
            "https://valley.example/staff",
            "12/03/2025",
            "December 4",
            "The Author",
        ] {
            assert_eq!(name(junk), None, "{junk}");
        }
        assert_eq!(name("June Lee").as_deref(), Some("June Lee"));
        assert_eq!(name("Maria &amp; Kat").as_deref(), Some("Maria & Kat"));
        assert_eq!(name("['Ann Lee']").as_deref(), Some("Ann Lee"));
    }

    #[test]
    fn entities_decode_and_bad_ones_pass_through() {
        assert_eq!(decode_entities("A &#38; B &#x26; C &quot;"), "A & B & C \"");
        assert_eq!(
            decode_entities("R&D & more &bogus; &#xZZ;"),
            "R&D & more &bogus; &#xZZ;"
        );
    }
}
