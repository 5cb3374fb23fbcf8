//! An article split into several containers of the same kind.
//!
//! Some publishers cut a long article into a run of identical containers
//! with advertising slots between them (`<div class="article__content">`,
//! an ad, the next `<div class="article__content">`, ...). The extractor
//! then keeps the first container only: the text stops after a few
//! paragraphs. When the container that holds the extracted text has
//! siblings of the same tag and class (or sits a few levels below such
//! siblings), they are the rest of the article: their HTML is joined and
//! read again through the same extraction.

use scraper::{ElementRef, Html, Selector};
use trafilatura::Options;

use crate::{budget, depth};

/// Levels above the text's container searched for repeated siblings.
const MAX_LEVELS: usize = 3;

/// Characters of paragraph text a sibling needs to count as a part of
/// the article rather than an empty slot of the same kind.
const MIN_PART_CHARS: usize = 200;

/// How much longer than the first text the joined text must be to win.
const MIN_GAIN: f64 = 1.2;

/// The whole text of an article split into repeated containers, when
/// `narrow` (the extracted text) comes from one of them.
pub(super) fn text(doc: &Html, narrow: &str, opts: &Options) -> Option<String> {
    let container = container(doc, narrow)?;
    let parts = parts(container)?;
    let mut inner = String::new();
    for part in &parts {
        inner.push_str(&part.inner_html());
    }
    let page = format!("<html><body><article>{inner}</article></body></html>");
    let small = budget::bounded(&page, &budget::Budget::PAGE);
    let bounded = depth::bounded_text(&small, depth::MAX_DEPTH, depth::MAX_DEEP_TEXT);
    let parsed = trafilatura::dom::Document::parse(&bounded);
    let result = trafilatura::extract_document(parsed, opts).ok()?;
    let text = super::paragraphs(&result);
    let first = narrow.split("\n\n").next().unwrap_or_default();
    (text.chars().count() as f64 > MIN_GAIN * narrow.chars().count() as f64 && text.contains(first))
        .then_some(text)
}

/// The smallest element holding both the first and the last paragraph of
/// `narrow`.
pub(super) fn container<'a>(doc: &'a Html, narrow: &str) -> Option<ElementRef<'a>> {
    let paras: Vec<&str> = narrow.split("\n\n").filter(|p| p.len() >= 40).collect();
    let (first, last) = (paras.first()?, paras.last()?);
    let sel = Selector::parse("p").ok()?;
    let mut start = None;
    let mut end = None;
    for p in doc.select(&sel) {
        if start.is_none() && reads(p, first) {
            start = Some(p);
        }
        if reads(p, last) {
            end = Some(p);
        }
    }
    let (start, end) = (start?, end?);
    let above: Vec<_> = start.ancestors().map(|n| n.id()).collect();
    let common = end.ancestors().find(|n| above.contains(&n.id()))?;
    let el = ElementRef::wrap(common)?;
    (!matches!(el.value().name(), "body" | "html")).then_some(el)
}

/// The repeated containers the article runs through, in page order, when
/// `container` is one of them or lies up to [`MAX_LEVELS`] levels below
/// one of them.
fn parts(container: ElementRef<'_>) -> Option<Vec<ElementRef<'_>>> {
    let class = container
        .value()
        .attr("class")
        .filter(|c| !c.trim().is_empty())?;
    let name = container.value().name();
    let mut level = container;
    for _ in 0..=MAX_LEVELS {
        let kind = (level.value().name(), level.value().attr("class"));
        if kind.1.is_some_and(|c| !c.trim().is_empty())
            && let Some(parent) = level.parent().and_then(ElementRef::wrap)
        {
            let parts: Vec<ElementRef<'_>> = parent
                .children()
                .filter_map(ElementRef::wrap)
                .filter(|s| (s.value().name(), s.value().attr("class")) == kind)
                .filter_map(|s| {
                    if s.id() == level.id() {
                        return Some(container);
                    }
                    let part = if level.id() == container.id() {
                        Some(s)
                    } else {
                        s.descendants().filter_map(ElementRef::wrap).find(|d| {
                            d.value().name() == name && d.value().attr("class") == Some(class)
                        })
                    }?;
                    (paragraph_chars(part) >= MIN_PART_CHARS).then_some(part)
                })
                .collect();
            if parts.len() > 1 {
                return Some(parts);
            }
        }
        level = level.parent().and_then(ElementRef::wrap)?;
    }
    None
}

/// Characters of text in the `<p>` elements under `el`.
fn paragraph_chars(el: ElementRef<'_>) -> usize {
    el.descendants()
        .filter_map(ElementRef::wrap)
        .filter(|d| d.value().name() == "p")
        .map(|p| p.text().map(str::len).sum::<usize>())
        .sum()
}

/// Whether the element's text, whitespace runs read as one space, is
/// `want`; compared as it is read, so most elements stop at once.
fn reads(el: ElementRef<'_>, want: &str) -> bool {
    let mut want = want.chars();
    let mut space = false;
    let mut started = false;
    for c in el.text().flat_map(str::chars) {
        if c.is_whitespace() {
            space = started;
            continue;
        }
        if space && want.next() != Some(' ') {
            return false;
        }
        space = false;
        started = true;
        if want.next() != Some(c) {
            return false;
        }
    }
    want.next().is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(n: usize) -> String {
        let who = [
            "ferry crews",
            "shop owners",
            "the port authority",
            "fishermen",
            "residents",
        ];
        let when = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
        format!(
            "<p>Paragraph {n} of the report on the harbour: on {} the council heard from {} \
             before it voted on the new timetable for the winter months.</p>",
            when[n % 5],
            who[n % 5]
        )
    }

    #[test]
    fn an_article_cut_by_advertising_slots_is_read_whole() {
        let html = format!(
            "<html><body><main><div class=\"grid\"><div class=\"story\">{}{}</div></div>\
             <div class=\"ad\">Advertisement</div>\
             <div class=\"grid\"><div class=\"story\">{}{}</div></div>\
             <div class=\"ad\">Advertisement</div>\
             <div class=\"grid\"><div class=\"story\">{}{}</div></div></main></body></html>",
            para(1),
            para(2),
            para(3),
            para(4),
            para(5),
            para(6)
        );
        let doc = Html::parse_document(&html);
        let narrow = crate::blocks::to_text(&format!("{}{}", para(1), para(2)));
        let whole = text(&doc, &narrow, &super::super::options()).expect("continued");
        for n in 1..=6 {
            assert!(whole.contains(&format!("Paragraph {n} ")), "{whole}");
        }
        assert!(!whole.contains("Advertisement"));
    }

    #[test]
    fn a_container_without_twins_is_left_alone() {
        let html = format!(
            "<html><body><div class=\"story\">{}{}</div><div class=\"more\">{}</div></body></html>",
            para(1),
            para(2),
            para(3)
        );
        let doc = Html::parse_document(&html);
        let narrow = crate::blocks::to_text(&format!("{}{}", para(1), para(2)));
        assert_eq!(text(&doc, &narrow, &super::super::options()), None);
    }
}
