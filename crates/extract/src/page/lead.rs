//! The standfirst: the article's opening paragraph set apart in a box of
//! its own ("teaser", "intro", "lead").
//!
//! Publishers set it apart from the body, and trafilatura often drops it
//! with the teasers its class names resemble. The page states it twice,
//! though: as its description (`og:description`, `description`) and in
//! the visible page. When the text misses a description that the page
//! shows as an element's whole text, beside the article's paragraphs
//! (within the block that holds them, or its parent), that element is the
//! standfirst and opens the text. A subtitle in the page's header is not
//! taken: benchmarks label it apart from the body.

use scraper::{ElementRef, Html, Selector};

use crate::collapsed;

/// Descriptions shorter than this, in characters, are not a paragraph.
const MIN_CHARS: usize = 60;

/// Characters of the description that find it, so that a description cut
/// short ("...") still does.
const KEY_CHARS: usize = 50;

/// Nodes looked at for the shown standfirst.
const MAX_NODES: usize = 200_000;

/// Levels above a text node searched for the standfirst's element.
const MAX_LEVELS: usize = 4;

/// Longest standfirst, in characters.
const MAX_CHARS: usize = 1_500;

/// `text` opened by the page's standfirst, when the text misses it.
pub(super) fn restore(doc: &Html, text: &str) -> String {
    let Some(key) = description(doc) else {
        return text.to_string();
    };
    if collapsed(text).contains(&key) {
        return text.to_string();
    }
    // Only a standfirst inside the article's own block counts: a
    // subtitle in the page's header is a headline's, not the text's.
    let Some(block) = super::continued::container(doc, text) else {
        return text.to_string();
    };
    let Some(shown) = shown(&key, block) else {
        return text.to_string();
    };
    if text.is_empty() {
        return shown;
    }
    format!("{shown}\n\n{text}")
}

/// The start of the page's description, when it is long enough to be a
/// paragraph.
fn description(doc: &Html) -> Option<String> {
    let sel = Selector::parse(
        r#"meta[property="og:description"], meta[name="description"], meta[name="twitter:description"]"#,
    )
    .ok()?;
    doc.select(&sel)
        .filter_map(|m| m.value().attr("content"))
        .map(collapsed)
        .find(|d| d.chars().count() >= MIN_CHARS)
        .map(|d| d.chars().take(KEY_CHARS).collect())
}

/// The text of the innermost element whose text starts with `key` and is
/// a paragraph's length, outside links and page chrome, within the
/// article's block or its parent: found from the text node that begins
/// it, so that a page costs one pass.
fn shown(key: &str, block: ElementRef<'_>) -> Option<String> {
    let within = block.parent().and_then(ElementRef::wrap).unwrap_or(block);
    for node in within.descendants().take(MAX_NODES) {
        let Some(t) = node.value().as_text() else {
            continue;
        };
        let t = collapsed(t);
        let begins = if t.len() >= key.len() {
            t.starts_with(key)
        } else {
            t.chars().count() >= 3 && key.starts_with(&t)
        };
        if !begins {
            continue;
        }
        for e in node
            .ancestors()
            .filter_map(ElementRef::wrap)
            .take(MAX_LEVELS)
        {
            if matches!(
                e.value().name(),
                "a" | "nav" | "footer" | "aside" | "script" | "noscript" | "template" | "body"
            ) {
                break;
            }
            if !within_chars(e, MAX_CHARS) {
                break;
            }
            let text = collapsed(&crate::blocks::element_text(e));
            if text.starts_with(key) {
                return Some(text);
            }
        }
    }
    None
}

/// Whether an element holds at most `max` characters of text, counted
/// only as far as needed (a page may repeat the description thousands of
/// times).
fn within_chars(e: ElementRef<'_>, max: usize) -> bool {
    let mut chars = 0;
    for t in e.text() {
        chars += t.chars().count();
        if chars > max {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    const INTRO: &str = "The harbour council will close the old ferry port for six weeks while engineers replace its supports.";
    const BODY: &str =
        "Ferries will run from the northern quay during the works, a spokeswoman said on Tuesday.";

    fn page(intro: &str) -> Html {
        Html::parse_document(&format!(
            r#"<html><head><meta property="og:description" content="{INTRO}"></head>
<body><div class="teaser">{intro}</div><article><p>{BODY}</p></article></body></html>"#
        ))
    }

    #[test]
    fn a_standfirst_the_text_missed_opens_it() {
        assert_eq!(restore(&page(INTRO), BODY), format!("{INTRO}\n\n{BODY}"));
    }

    #[test]
    fn a_standfirst_already_there_or_not_shown_changes_nothing() {
        let text = format!("{INTRO}\n\n{BODY}");
        assert_eq!(restore(&page(INTRO), &text), text);
        assert_eq!(restore(&page("Other words entirely."), BODY), BODY);
    }
}
