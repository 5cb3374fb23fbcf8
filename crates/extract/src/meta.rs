//! Title, author, canonical URL and language from an HTML page's markup.

use std::sync::LazyLock;

use scraper::{Html, Selector};

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("static selector")
}

static CANONICAL: LazyLock<Selector> =
    LazyLock::new(|| sel(r#"link[rel="canonical"], meta[property="og:url"]"#));
static HTML_LANG: LazyLock<Selector> = LazyLock::new(|| sel("html[lang]"));

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

static H1: LazyLock<Selector> = LazyLock::new(|| sel("h1"));
static TITLE_META: LazyLock<Selector> = LazyLock::new(|| {
    sel(
        r#"meta[property="og:title"], meta[name="twitter:title"], meta[property="twitter:title"], meta[itemprop="headline"], meta[name="title"], meta[name="headline"]"#,
    )
});
static TITLE_TAG: LazyLock<Selector> = LazyLock::new(|| sel("title"));
static SITE_NAME: LazyLock<Selector> =
    LazyLock::new(|| sel(r#"meta[property="og:site_name"], meta[name="application-name"]"#));

/// The article's title as its readers see it.
///
/// The visible `<h1>` is what a reader calls the title, but pages also use
/// `<h1>` for logos and section names; an `<h1>` is taken when it agrees
/// with what the page's metadata says the title is. Otherwise the metadata
/// title is used, with the site's name cut off (`Title | Site`).
pub fn title(doc: &Html, found: &str) -> Option<String> {
    let mut metas: Vec<String> = doc
        .select(&TITLE_META)
        .filter_map(|e| e.value().attr("content"))
        .filter_map(clean)
        .collect();
    if let Some(t) = doc
        .select(&TITLE_TAG)
        .next()
        .and_then(|e| clean(&e.text().collect::<String>()))
    {
        metas.push(t);
    }
    if let Some(t) = clean(found) {
        metas.push(t);
    }
    let site = doc
        .select(&SITE_NAME)
        .filter_map(|e| e.value().attr("content"))
        .find_map(clean);
    let h1s: Vec<String> = doc
        .select(&H1)
        .take(8)
        .filter_map(|e| clean(&e.text().collect::<String>()))
        .filter(|t| t.chars().count() <= 300)
        .filter(|t| site.as_deref().is_none_or(|s| !t.eq_ignore_ascii_case(s)))
        .collect();
    let best_h1 = h1s
        .iter()
        .map(|h| {
            // Agreement both ways, against the title without its site name,
            // so a blog's name in <h1> does not pass for the title.
            let agree = |m: &String| {
                let m = strip_site(m, site.as_deref());
                overlap(h, &m).min(overlap(&m, h))
            };
            (metas.iter().map(agree).fold(0.0, f64::max), h)
        })
        .max_by(|a, b| a.0.total_cmp(&b.0));
    // Failing agreement, a headline-sized <h1> is still the better witness:
    // metadata titles are often written for search engines, not readers.
    let headline = h1s.iter().find(|h| h.split_whitespace().count() >= 4);
    let chosen = match best_h1 {
        Some((score, h)) if score >= 0.5 => Some(h.clone()),
        _ => headline
            .cloned()
            .or_else(|| metas.first().map(|m| strip_site(m, site.as_deref()))),
    };
    chosen.map(|t| straight_quotes(&t))
}

/// Typographic apostrophes and quotes as plain ones, so one title is
/// spelled one way whichever way a page typeset it.
fn straight_quotes(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201F}' | '\u{2033}' => '"',
            c => c,
        })
        .collect()
}

/// Cuts a site name off a title: `Title | Site`, `Site - Title`.
fn strip_site(title: &str, site: Option<&str>) -> String {
    for sep in [" | ", " - ", " – ", " — ", " :: ", " · ", " » "] {
        let parts: Vec<&str> = title.split(sep).collect();
        if parts.len() < 2 {
            continue;
        }
        let is_site = |p: &str| {
            site.is_some_and(|s| p.trim().eq_ignore_ascii_case(s.trim()))
                || p.split_whitespace().count() <= 3 && p.contains('.')
        };
        if let Some(first) = parts.first()
            && is_site(first)
        {
            return parts[1..].join(sep);
        }
        if let Some(last) = parts.last()
            && (is_site(last) || parts.len() == 2 && short_name(last) && long_title(parts[0]))
        {
            return parts[..parts.len() - 1].join(sep);
        }
        if parts.len() == 2 && short_name(parts[0]) && long_title(parts[1]) {
            return parts[1].to_string();
        }
    }
    title.to_string()
}

/// A few words, as a site's name is.
fn short_name(s: &str) -> bool {
    s.split_whitespace().count() <= 4
}

/// Enough words to be a headline.
fn long_title(s: &str) -> bool {
    s.split_whitespace().count() > 4
}

/// Share of `a`'s words found in `b`, case-folded.
fn overlap(a: &str, b: &str) -> f64 {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let (wa, wb) = (words(a), words(b));
    if wa.is_empty() {
        return 0.0;
    }
    let hits = wa.iter().filter(|w| wb.contains(w)).count();
    hits as f64 / wa.len() as f64
}

/// The article's author(s). trafilatura's metadata is the base.
pub fn author(_doc: &Html, found: &str) -> Option<String> {
    clean(found)
}

fn clean(s: &str) -> Option<String> {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}
