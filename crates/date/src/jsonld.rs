//! Date fields of JSON-LD blocks (`<script type="application/ld+json">`), in whatever shape the CMS
//! chose: one object, an array of objects, an `@graph`, or articles nested under `mainEntity`.
//!
//! Each date is reported with the kind of node that holds it, so the ranker can prefer the article's
//! own `datePublished` over a logo's `uploadDate` or a related story's date. Blocks that are not
//! valid JSON (trailing commas, stray HTML comments) fall back to a plain search for the keys.

use std::sync::LazyLock;

use regex::Regex;
use serde_json::Value;

/// Deepest nesting walked, and most values visited, per block.
const MAX_DEPTH: usize = 12;
const MAX_VISITS: usize = 4096;

/// What a date field says about its node.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Field {
    /// `datePublished`
    Published,
    /// `dateCreated` or `uploadDate`
    Created,
    /// `dateModified`
    Modified,
}

/// What kind of node holds the date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Holder {
    /// Article, NewsArticle, BlogPosting, Report, ...: the story itself.
    Article,
    /// WebPage and its kinds.
    Page,
    /// Anything else (images, videos, people, events) or an unknown holder.
    Other,
}

/// One date value found in a block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct LdDate {
    pub field: Field,
    pub holder: Holder,
    /// Objects above the holder, not counting `@graph` arrays.
    pub depth: usize,
    pub value: String,
}

static FALLBACK_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#""(datePublished|dateCreated|uploadDate|dateModified)"\s*:\s*"([^"]{6,64})""#)
        .expect("fallback pattern compiles")
});

/// Collects the date fields of one JSON-LD block into `out`.
pub(crate) fn collect(block: &str, out: &mut Vec<LdDate>) {
    let text = strip_wrappers(block);
    match serde_json::from_str::<Value>(text) {
        Ok(value) => {
            let mut visits = 0;
            walk(&value, 0, &mut visits, out);
        }
        Err(_) => {
            for caps in FALLBACK_RE.captures_iter(text).take(32) {
                let (Some(key), Some(value)) = (caps.get(1), caps.get(2)) else {
                    continue;
                };
                if let Some(field) = field_of(key.as_str()) {
                    out.push(LdDate {
                        field,
                        holder: Holder::Other,
                        depth: 0,
                        value: value.as_str().to_string(),
                    });
                }
            }
        }
    }
}

/// Removes the `<!-- -->` and CDATA wrappers some CMSs put inside script blocks.
fn strip_wrappers(block: &str) -> &str {
    let mut text = block.trim();
    for (open, close) in [
        ("<!--", "-->"),
        ("//<![CDATA[", "//]]>"),
        ("<![CDATA[", "]]>"),
    ] {
        if let Some(inner) = text.strip_prefix(open) {
            text = inner.strip_suffix(close).unwrap_or(inner).trim();
        }
    }
    text.trim_end_matches(';').trim()
}

fn field_of(key: &str) -> Option<Field> {
    match key {
        "datePublished" => Some(Field::Published),
        "dateCreated" | "uploadDate" => Some(Field::Created),
        "dateModified" => Some(Field::Modified),
        _ => None,
    }
}

fn walk(value: &Value, depth: usize, visits: &mut usize, out: &mut Vec<LdDate>) {
    *visits += 1;
    if depth > MAX_DEPTH || *visits > MAX_VISITS {
        return;
    }
    match value {
        Value::Array(items) => {
            for item in items {
                walk(item, depth, visits, out);
            }
        }
        Value::Object(map) => {
            let holder = map.get("@type").map_or(Holder::Other, holder_of);
            for (key, child) in map {
                if let Some(field) = field_of(key) {
                    if let Some(text) = date_text(child) {
                        out.push(LdDate {
                            field,
                            holder,
                            depth,
                            value: text.to_string(),
                        });
                    }
                } else if key == "@graph" {
                    walk(child, depth, visits, out);
                } else if child.is_object() || child.is_array() {
                    walk(child, depth + 1, visits, out);
                }
            }
        }
        _ => {}
    }
}

/// The string of a date field: a plain string, the first of an array, or an `@value` object.
fn date_text(value: &Value) -> Option<&str> {
    match value {
        Value::String(s) => Some(s),
        Value::Array(items) => items.first().and_then(date_text),
        Value::Object(map) => map.get("@value").and_then(Value::as_str),
        _ => None,
    }
}

fn holder_of(kind: &Value) -> Holder {
    match kind {
        Value::String(s) => holder_of_name(s),
        Value::Array(items) => items
            .iter()
            .filter_map(Value::as_str)
            .map(holder_of_name)
            .min()
            .unwrap_or(Holder::Other),
        _ => Holder::Other,
    }
}

fn holder_of_name(name: &str) -> Holder {
    let name = name.rsplit(['/', ':']).next().unwrap_or(name);
    let lower = name.to_ascii_lowercase();
    if ["article", "posting", "report", "story", "review", "recipe"]
        .iter()
        .any(|k| lower.contains(k))
    {
        Holder::Article
    } else if lower.ends_with("page") {
        Holder::Page
    } else {
        Holder::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(block: &str) -> Vec<(Field, Holder, usize, String)> {
        let mut out = Vec::new();
        collect(block, &mut out);
        out.into_iter()
            .map(|d| (d.field, d.holder, d.depth, d.value))
            .collect()
    }

    #[test]
    fn plain_object() {
        let got = dates(
            r#"{"@type":"NewsArticle","datePublished":"2022-05-01","dateModified":"2022-05-02"}"#,
        );
        assert!(got.contains(&(Field::Published, Holder::Article, 0, "2022-05-01".into())));
        assert!(got.contains(&(Field::Modified, Holder::Article, 0, "2022-05-02".into())));
    }

    #[test]
    fn graph_and_arrays() {
        let got = dates(
            r#"{"@context":"https://schema.org","@graph":[{"@type":"WebPage","datePublished":"2022-05-03"},
            {"@type":["BlogPosting"],"datePublished":["2022-05-04"]}]}"#,
        );
        assert!(got.contains(&(Field::Published, Holder::Page, 0, "2022-05-03".into())));
        assert!(got.contains(&(Field::Published, Holder::Article, 0, "2022-05-04".into())));
    }

    #[test]
    fn nested_and_broken() {
        let got = dates(
            r#"[{"@type":"WebPage","mainEntity":{"@type":"Article","datePublished":"2022-05-05"}}]"#,
        );
        assert_eq!(
            got,
            vec![(Field::Published, Holder::Article, 1, "2022-05-05".into())]
        );
        let got = dates(r#"<!-- {"@type":"Article","datePublished":"2022-05-06",} -->"#);
        assert_eq!(
            got,
            vec![(Field::Published, Holder::Other, 0, "2022-05-06".into())]
        );
        assert!(dates("").is_empty());
        assert!(
            dates("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]")
                .is_empty()
        );
    }
}
