//! Inserts: texts set into an article's page that are not the article.
//!
//! Four kinds read like prose, so an extractor may keep them, yet the
//! page's own markup says what they are:
//! - teaser cards: a link around the headline and opening lines of
//!   another story (`<a href=...><h3>...</h3><p>...</p></a>`);
//! - the author's biography, which the page's JSON-LD gives as a
//!   person's `description`;
//! - a sign-up box: a small block whose links lead to the site's login,
//!   registration or subscription pages ("This article is for members");
//! - a caption that repeats an image's alt text.
//!
//! A paragraph of the text that stands wholly inside one of them goes.

use std::collections::{HashMap, HashSet};

use scraper::{ElementRef, Html, Selector};
use serde_json::Value;

use crate::collapsed;

/// Paragraphs shorter than this are left alone: a short line may well
/// recur in an insert by chance (a name, a place).
const MIN_CHARS: usize = 40;

/// JSON nodes visited per JSON-LD block.
const MAX_NODES: usize = 2_000;

/// People's descriptions compared per page.
const MAX_BIOS: usize = 16;

/// Most characters of text a sign-up box holds.
const MAX_BOX_CHARS: usize = 600;

/// Links to account pages looked at per page (menus repeat them).
const MAX_ACCOUNT_LINKS: usize = 16;

/// Path words of the pages a sign-up box links to.
const ACCOUNT_WORDS: &[&str] = &[
    "abo",
    "abonnement",
    "abonnieren",
    "login",
    "regist",
    "register",
    "registration",
    "signin",
    "signup",
    "subscribe",
    "subscription",
];

/// `text` without the paragraphs that stand inside an insert of `doc`.
pub(super) fn drop(doc: &Html, text: &str) -> String {
    let cards = Cards::of(doc);
    let bios = bios(doc);
    // A sign-up box is the site's own text: its short lines ("Log in",
    // "Members get: ...") go too.
    let mut lines: HashSet<String> = sign_up_boxes(doc).into_iter().collect();
    lines.extend(captions(doc));
    if cards.texts.is_empty() && bios.is_empty() && lines.is_empty() {
        return text.to_string();
    }
    let paras: Vec<&str> = text.split("\n\n").collect();
    let kept: Vec<&str> = paras
        .iter()
        .copied()
        .filter(|p| {
            let p = collapsed(p);
            let long = p.chars().count() >= MIN_CHARS;
            let inside = long && (cards.hold(&p) || bios.iter().any(|b| b.contains(&p)));
            !(inside || lines.contains(&p))
        })
        .collect();
    // An insert never holds most of the article: were it to, the page's
    // markup is not what this reading takes it for.
    if kept.len() == paras.len() || 2 * kept.iter().map(|p| p.len()).sum::<usize>() < text.len() {
        return text.to_string();
    }
    kept.join("\n\n")
}

/// The teaser cards of a page: the text of every link that holds a
/// heading or a paragraph, found by how their blocks begin, so that a
/// page of thousands of cards costs one lookup per paragraph.
struct Cards {
    texts: Vec<String>,
    /// The first [`KEY_CHARS`] characters of each block of a card, to the
    /// cards that hold such a block.
    starts: HashMap<String, Vec<usize>>,
}

/// Characters of a block's start that find its card.
const KEY_CHARS: usize = 12;

impl Cards {
    fn of(doc: &Html) -> Cards {
        let mut cards = Cards {
            texts: Vec::new(),
            starts: HashMap::new(),
        };
        let Ok(links) = Selector::parse("a[href]") else {
            return cards;
        };
        let headed = |a: &ElementRef<'_>| {
            a.descendants().filter_map(ElementRef::wrap).any(|d| {
                matches!(
                    d.value().name(),
                    "p" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
                )
            })
        };
        for card in doc.select(&links).filter(headed) {
            let blocks = crate::blocks::element_text(card);
            let id = cards.texts.len();
            for block in blocks.split("\n\n") {
                let ids = cards.starts.entry(key(block)).or_default();
                if ids.last() != Some(&id) {
                    ids.push(id);
                }
            }
            cards.texts.push(collapsed(&blocks));
        }
        cards
    }

    /// Whether a card holds the paragraph `p` (collapsed) whole.
    fn hold(&self, p: &str) -> bool {
        self.starts
            .get(&key(p))
            .is_some_and(|ids| ids.iter().any(|&i| self.texts[i].contains(p)))
    }
}

/// The first [`KEY_CHARS`] characters of `s`.
fn key(s: &str) -> String {
    s.chars().take(KEY_CHARS).collect()
}

/// The descriptions of the people the JSON-LD names, as plain text.
fn bios(doc: &Html) -> Vec<String> {
    let mut out = Vec::new();
    for root in crate::meta::json_ld(doc) {
        let mut stack = vec![&root];
        let mut seen = 0;
        while let Some(v) = stack.pop() {
            seen += 1;
            if seen > MAX_NODES {
                break;
            }
            match v {
                Value::Object(o) => {
                    let person = match o.get("@type") {
                        Some(Value::String(t)) => t == "Person",
                        Some(Value::Array(ts)) => ts.iter().any(|t| t == "Person"),
                        _ => false,
                    };
                    if person && let Some(Value::String(d)) = o.get("description") {
                        // Descriptions may carry markup and entities.
                        out.push(text_of(Html::parse_fragment(d).root_element()));
                    }
                    stack.extend(o.values());
                }
                Value::Array(a) => stack.extend(a),
                _ => {}
            }
        }
    }
    out.retain(|d| d.chars().count() >= MIN_CHARS);
    out.truncate(MAX_BIOS);
    out
}

/// The lines of the small blocks around links to account pages, other
/// than the links' own text (a table of contents beside a login button
/// is the article's).
fn sign_up_boxes(doc: &Html) -> Vec<String> {
    let Ok(links) = Selector::parse("a[href]") else {
        return Vec::new();
    };
    doc.select(&links)
        .filter(|a| a.value().attr("href").is_some_and(to_account))
        .take(MAX_ACCOUNT_LINKS)
        .filter_map(|a| {
            // The widest block around the link that is still small.
            a.ancestors()
                .filter_map(ElementRef::wrap)
                .take_while(|e| !matches!(e.value().name(), "body" | "html" | "main" | "article"))
                .filter(|e| matches!(e.value().name(), "div" | "section" | "aside" | "form"))
                .take_while(|e| small(*e))
                .last()
        })
        .flat_map(|e| {
            let links: Vec<String> = e
                .descendants()
                .filter_map(ElementRef::wrap)
                .filter(|d| d.value().name() == "a")
                .map(|a| collapsed(&a.text().collect::<String>()))
                .collect();
            let lines: Vec<String> = crate::blocks::element_text(e)
                .split("\n\n")
                .map(collapsed)
                .filter(|l| !l.is_empty() && !links.contains(l))
                .collect();
            // A box says something ("This article is for members."); a
            // menu with a login link says nothing.
            let says = lines.iter().any(|l| super::tail::ends_sentence(l));
            if says { lines } else { Vec::new() }
        })
        .collect()
}

/// The alt texts of the page's images that are long enough to be
/// captions: a paragraph that repeats one is the image's caption.
fn captions(doc: &Html) -> Vec<String> {
    let Ok(images) = Selector::parse("img[alt]") else {
        return Vec::new();
    };
    doc.select(&images)
        .filter_map(|i| i.value().attr("alt"))
        .map(collapsed)
        .filter(|a| a.chars().count() >= MIN_CHARS)
        .collect()
}

/// Whether an element holds at most [`MAX_BOX_CHARS`] of text, counted
/// only as far as needed.
fn small(e: ElementRef<'_>) -> bool {
    let mut chars = 0;
    for t in e.text() {
        chars += t.trim().chars().count();
        if chars > MAX_BOX_CHARS {
            return false;
        }
    }
    true
}

/// Whether a link's path names a login, registration or subscription page.
fn to_account(href: &str) -> bool {
    let path = href.split_once("://").map_or(href, |(_, rest)| {
        rest.split_once('/').map_or("", |(_, p)| p)
    });
    let path = path.split(['?', '#']).next().unwrap_or_default();
    path.split(['/', '.', '-', '_'])
        .any(|w| ACCOUNT_WORDS.iter().any(|a| w.eq_ignore_ascii_case(a)))
}

/// An element's text as the extractor would give it, a space between
/// its blocks (a headline and its paragraph) and whitespace runs
/// collapsed.
fn text_of(e: ElementRef<'_>) -> String {
    collapsed(&crate::blocks::element_text(e))
}

#[cfg(test)]
mod tests {
    use super::*;

    const LEAD: &str = "The harbour reopened on Monday after a week of repairs to the quay.\n\n\
        Crews worked through the nights, and the first ferry left on time at dawn.";

    fn page(head: &str, body: &str) -> Html {
        Html::parse_document(&format!(
            "<html><head>{head}</head><body><article><p>{LEAD}</p></article>{body}</body></html>"
        ))
    }

    #[test]
    fn teasers_inside_links_go() {
        let doc = page(
            "",
            r#"<ul><li><a href="/other"><h3>Ferry fares rise</h3><p>The operator raised fares for the winter, citing the price of fuel and crews.</p></a></li></ul>"#,
        );
        let text = format!(
            "{LEAD}\n\nFerry fares rise The operator raised fares for the winter, citing the price of fuel and crews."
        );
        assert_eq!(drop(&doc, &text), LEAD);
    }

    #[test]
    fn links_inside_paragraphs_stay() {
        let doc = page(
            "",
            r#"<p>The council <a href="/minutes">published its minutes</a> on Friday, a week late.</p>"#,
        );
        let text = format!("{LEAD}\n\nThe council published its minutes on Friday, a week late.");
        assert_eq!(drop(&doc, &text), text);
    }

    #[test]
    fn the_authors_description_goes() {
        let doc = page(
            r#"<script type="application/ld+json">{"@type":"NewsArticle",
"author":{"@type":"Person","name":"Mara Quill","description":"Mara Quill covers transport and the harbour for the Gazette. She lives in Port Ellen."}}</script>"#,
            "",
        );
        let text = format!(
            "{LEAD}\n\nMara Quill covers transport and the harbour for the Gazette.\n\nShe lives in Port Ellen."
        );
        assert_eq!(
            drop(&doc, &text),
            format!("{LEAD}\n\nShe lives in Port Ellen.")
        );
    }

    #[test]
    fn a_members_only_box_goes() {
        let doc = page(
            "",
            r#"<div class="box"><p>The rest of this report is for members of the Gazette only.</p>
<a href="/service/login?ref=x">Log in</a><a href="/subscribe/">Join</a></div>"#,
        );
        let text = format!("{LEAD}\n\nThe rest of this report is for members of the Gazette only.");
        assert_eq!(drop(&doc, &text), LEAD);
        assert!(!to_account("/news/how-the-registrar-ruled"));
        assert!(to_account("https://example.com/account/login/"));
    }

    #[test]
    fn a_caption_repeating_an_images_alt_text_goes() {
        let doc = Html::parse_document(
            r#"<html><body><figure><img src="q.jpg" alt="Crews at work on the quay on Sunday night"><p>Crews at work on the quay on Sunday night</p></figure></body></html>"#,
        );
        let lead = "The harbour reopened on Monday after a week of repairs to the quay, \
                    and the first ferry left on time at dawn with a full deck.";
        let text = format!("Crews at work on the quay on Sunday night\n\n{lead}");
        assert_eq!(drop(&doc, &text), lead);
    }
}
