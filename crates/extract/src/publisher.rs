//! The publisher's name as a page states it about itself.
//!
//! Only the page's own statements count: `og:site_name`, the `name` of a
//! JSON-LD `publisher` (also through `@graph` and `@id` references), then
//! `application-name`. A name must read as one: short, no sentence, not the
//! article's headline, not a URL. Nothing is guessed from the text.

use std::sync::LazyLock;

use scraper::{Html, Selector};
use serde_json::Value;

/// Longest name kept, in characters.
const MAX_CHARS: usize = 60;

/// Most words in a name ("The Times of India", "Frankfurter Allgemeine Zeitung").
const MAX_WORDS: usize = 6;

/// JSON nodes visited per JSON-LD block.
const MAX_NODES: usize = 2_000;

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("static selector")
}

static SITE_NAME: LazyLock<Selector> = LazyLock::new(|| {
    sel(r#"meta[property="og:site_name"], meta[name="og:site_name"], meta[property="og:sitename"]"#)
});
static APP_NAME: LazyLock<Selector> = LazyLock::new(|| sel(r#"meta[name="application-name"]"#));

/// The publisher's own name for itself, when the page gives a sane one.
/// `title` is the article's headline, which a name must not repeat.
pub fn name(doc: &Html, title: Option<&str>) -> Option<String> {
    let meta = |s: &Selector| {
        doc.select(s)
            .filter_map(|e| e.value().attr("content"))
            .find_map(|c| sane(c, title))
    };
    meta(&SITE_NAME)
        .or_else(|| {
            crate::meta::json_ld(doc)
                .find_map(|value| json_ld_publisher(&value))
                .and_then(|n| sane(&n, title))
        })
        .or_else(|| meta(&APP_NAME))
}

/// `name` of the first `publisher` in a JSON-LD document; a publisher given
/// only as `{"@id": ...}` is looked up among the document's nodes.
fn json_ld_publisher(root: &Value) -> Option<String> {
    let mut nodes = Vec::new();
    let mut stack = vec![root];
    while let Some(v) = stack.pop() {
        if nodes.len() >= MAX_NODES {
            break;
        }
        match v {
            Value::Array(items) => stack.extend(items.iter().rev()),
            Value::Object(map) => {
                nodes.push(map);
                stack.extend(map.values().rev());
            }
            _ => {}
        }
    }
    let by_id = |id: &str| {
        nodes.iter().find_map(|n| {
            (n.get("@id").and_then(Value::as_str) == Some(id))
                .then(|| n.get("name").and_then(text_of))
                .flatten()
        })
    };
    nodes.iter().find_map(|n| {
        let publisher = n.get("publisher")?;
        let first = match publisher {
            Value::Array(items) => items.first()?,
            other => other,
        };
        match first {
            Value::String(s) => Some(s.clone()),
            Value::Object(p) => p
                .get("name")
                .and_then(text_of)
                .or_else(|| by_id(p.get("@id")?.as_str()?)),
            _ => None,
        }
    })
}

/// A JSON-LD text value: a string, or the first string of a list.
fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Array(items) => items.iter().find_map(|i| i.as_str().map(str::to_string)),
        _ => None,
    }
}

/// `raw` with its white space collapsed, when it reads as a name.
fn sane(raw: &str, title: Option<&str>) -> Option<String> {
    let name = crate::collapsed(raw);
    let words = name.split(' ').count();
    let chars = name.chars().count();
    let lower = name.to_lowercase();
    let is_title = title.is_some_and(|t| crate::collapsed(t).eq_ignore_ascii_case(&name));
    let ok = (2..=MAX_CHARS).contains(&chars)
        && words <= MAX_WORDS
        && name.chars().any(char::is_alphabetic)
        && !is_title
        && !lower.contains("://")
        && !name.contains(['<', '>', '{', '}'])
        // A sentence, not a name: "Read the latest news." / "Breaking: ...".
        && !name.ends_with(['.', '!', '?', ':'])
        && !name.contains(". ");
    ok.then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(html: &str) -> Option<String> {
        name(&Html::parse_document(html), Some("Ferry line to reopen"))
    }

    #[test]
    fn site_name_first() {
        let html = r#"<head><meta property="og:site_name" content=" Harbour  Wire ">
            <script type="application/ld+json">{"publisher":{"name":"Other"}}</script></head>"#;
        assert_eq!(of(html).as_deref(), Some("Harbour Wire"));
    }

    #[test]
    fn json_ld_publisher_in_graphs_and_by_reference() {
        let direct = r#"<script type="application/ld+json">
            {"@type":"NewsArticle","publisher":{"@type":"Organization","name":"Valley Observer"}}</script>"#;
        assert_eq!(of(direct).as_deref(), Some("Valley Observer"));
        let graph = r##"<script type="application/ld+json">{"@graph":[
            {"@type":"NewsArticle","publisher":{"@id":"#org"}},
            {"@type":"Organization","@id":"#org","name":"Lindqvist Courier"}]}</script>"##;
        assert_eq!(of(graph).as_deref(), Some("Lindqvist Courier"));
        let list = r#"<script type="application/ld+json">[{"publisher":[{"name":"North Post"}]}]</script>"#;
        assert_eq!(of(list).as_deref(), Some("North Post"));
    }

    #[test]
    fn application_name_last() {
        let html = r#"<meta name="application-name" content="Quay Daily">"#;
        assert_eq!(of(html).as_deref(), Some("Quay Daily"));
    }

    #[test]
    fn insane_names_are_refused() {
        for bad in [
            "Ferry line to reopen",
            "Read the latest news from the harbour every single morning",
            "All the news.",
            "https://harbour.example",
            "X",
            "1234",
            "",
        ] {
            let html = format!(r#"<meta property="og:site_name" content="{bad}">"#);
            assert_eq!(of(&html), None, "{bad:?}");
        }
        assert_eq!(of("<p>Harbour Wire</p>"), None);
        assert_eq!(
            of(r#"<script type="application/ld+json">{"publisher":</script>"#),
            None
        );
    }
}
