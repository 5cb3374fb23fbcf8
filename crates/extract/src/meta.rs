//! Title, author, canonical URL and language from an HTML page's markup.

use std::sync::LazyLock;

use scraper::{Html, Selector};

mod author;
mod title;

pub use author::author;
pub use title::{Site, title};

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("static selector")
}

static CANONICAL: LazyLock<Selector> =
    LazyLock::new(|| sel(r#"link[rel="canonical"], meta[property="og:url"]"#));
static HTML_LANG: LazyLock<Selector> = LazyLock::new(|| sel("html[lang]"));
static JSON_LD: LazyLock<Selector> = LazyLock::new(|| sel(r#"script[type="application/ld+json"]"#));

/// JSON-LD blocks read per page.
pub(crate) const MAX_JSON_LD: usize = 32;

/// JSON-LD blocks longer than this, in bytes, are not read: structured
/// data runs to a few kilobytes, and megabyte blocks are a framework's
/// page data.
const MAX_JSON_LD_BYTES: usize = 512 * 1024;

/// The page's JSON-LD blocks that parse, in page order: the first
/// [`MAX_JSON_LD`] blocks, each at most [`MAX_JSON_LD_BYTES`] long.
pub(crate) fn json_ld(doc: &Html) -> impl Iterator<Item = serde_json::Value> + '_ {
    doc.select(&JSON_LD).take(MAX_JSON_LD).filter_map(|e| {
        let text: String = e.text().collect();
        if text.len() > MAX_JSON_LD_BYTES {
            return None;
        }
        serde_json::from_str(text.trim()).ok()
    })
}

/// The page's canonical URL, when it gives an absolute one.
pub fn canonical_url(doc: &Html) -> Option<String> {
    doc.select(&CANONICAL)
        .filter_map(|e| e.value().attr("href").or_else(|| e.value().attr("content")))
        .map(str::trim)
        .find(|u| u.starts_with("http://") || u.starts_with("https://"))
        .map(str::to_string)
}

/// The language the page declares (`<html lang="en-GB">` gives `en`).
pub fn html_lang(doc: &Html) -> Option<String> {
    let lang = doc.select(&HTML_LANG).next()?.value().attr("lang")?;
    let primary = lang.split(['-', '_']).next()?.trim().to_ascii_lowercase();
    (primary.len() == 2 || primary.len() == 3).then_some(primary)
}
