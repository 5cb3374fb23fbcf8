//! Teaser cards: links that wrap a headline or a paragraph.
//!
//! Lists of other articles are often built as cards, each one link around
//! a headline and the opening lines of another story
//! (`<a href=...><h3>...</h3><p>...</p></a>`). Their paragraphs read like
//! prose, so an extractor may keep them. A paragraph of the text that
//! stands wholly inside such a link is another article's teaser and goes.

use scraper::{ElementRef, Html, Selector};

/// Paragraphs shorter than this are left to the other rules: a short
/// line may well recur in a card (a name, a place).
const MIN_CHARS: usize = 40;

/// `text` without the paragraphs that stand inside a teaser card of `doc`.
pub(super) fn drop(doc: &Html, text: &str) -> String {
    let cards = cards(doc);
    if cards.is_empty() {
        return text.to_string();
    }
    let paras: Vec<&str> = text.split("\n\n").collect();
    let kept: Vec<&str> = paras
        .iter()
        .copied()
        .filter(|p| {
            let p = collapsed(p);
            p.chars().count() < MIN_CHARS || !cards.iter().any(|c| c.contains(&p))
        })
        .collect();
    if kept.len() == paras.len() {
        return text.to_string();
    }
    kept.join("\n\n")
}

/// The text of every link that holds a heading or a paragraph.
fn cards(doc: &Html) -> Vec<String> {
    let Ok(links) = Selector::parse("a[href]") else {
        return Vec::new();
    };
    doc.select(&links)
        .filter(|a| {
            a.descendants().filter_map(ElementRef::wrap).any(|d| {
                matches!(
                    d.value().name(),
                    "p" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
                )
            })
        })
        // Blocks inside a card run together in its text nodes: a space
        // between each keeps a headline off its paragraph.
        .map(|a| collapsed(&a.text().collect::<Vec<_>>().join(" ")))
        .collect()
}

/// `s` with whitespace runs collapsed to one space.
fn collapsed(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn teasers_inside_links_go() {
        let html = r#"<html><body><article><p>The harbour reopened on Monday after a week of repairs to the quay.</p></article>
<ul><li><a href="/other"><h3>Ferry fares rise</h3><p>The operator raised fares for the winter, citing the price of fuel and crews.</p></a></li></ul></body></html>"#;
        let doc = Html::parse_document(html);
        let text = "The harbour reopened on Monday after a week of repairs to the quay.\n\n\
                    Ferry fares rise The operator raised fares for the winter, citing the price of fuel and crews.";
        assert_eq!(
            drop(&doc, text),
            "The harbour reopened on Monday after a week of repairs to the quay."
        );
    }

    #[test]
    fn links_inside_paragraphs_stay() {
        let html = r#"<html><body><p>The council <a href="/minutes">published its minutes</a> on Friday, a week late.</p></body></html>"#;
        let doc = Html::parse_document(html);
        let text = "The council published its minutes on Friday, a week late.";
        assert_eq!(drop(&doc, text), text);
    }
}
