//! One HTML page: main text by trafilatura, metadata by our own rules.

use scraper::Html;
use trafilatura::{ExtractResult, Options};

use crate::meta;

/// What an HTML page yields before it becomes an article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    /// Main text, paragraphs separated by blank lines.
    pub text: String,
    pub title: Option<String>,
    pub author: Option<String>,
    /// ISO 8601 publication date or timestamp.
    pub published: Option<String>,
    /// The page's own idea of its URL (canonical link, `og:url`).
    pub url: Option<String>,
    /// The site's name (`og:site_name`), for display.
    pub site_name: Option<String>,
    /// The page's declared language (`<html lang>`).
    pub lang: Option<String>,
}

/// Extraction settings shared by every page.
pub fn options() -> Options {
    Options::default()
        .with_fallback(true)
        .with_focus(trafilatura::ExtractionFocus::FavorPrecision)
}

/// Extracts a page. `url` is where the page was found, if known.
pub fn extract(html: &str, url: Option<&str>, opts: &Options) -> Page {
    let mut opts = opts.clone();
    if let Some(u) = url.and_then(|u| url::Url::parse(u).ok()) {
        opts = opts.with_url(u);
    }
    // A page trafilatura finds too thin is not an error here: the caller
    // decides what an empty text means.
    // EXPERIMENT (temporary)
    if let Ok(v) = std::env::var("SL_EXP") {
        for f in v.split(',') {
            opts = match f {
                "bal" => opts.with_focus(trafilatura::ExtractionFocus::Balanced),
                "rec" => opts.with_focus(trafilatura::ExtractionFocus::FavorRecall),
                "notab" => opts.with_exclude_tables(true),
                "nofb" => opts.with_fallback(false),
                "nodate" => opts.with_html_date_mode(trafilatura::HtmlDateMode::Disabled),
                _ => opts,
            };
        }
    }
    let result = trafilatura::extract(html, &opts).unwrap_or_default();
    let doc = Html::parse_document(html);
    let page_url = meta::canonical_url(&doc).or_else(|| nonempty(&result.metadata.url));
    let date_url = url.map(str::to_string).or_else(|| page_url.clone());
    Page {
        text: paragraphs(&result),
        title: meta::title(&doc, &result.metadata.title),
        author: meta::author(&doc, &result.metadata.author),
        published: storyline_date::from_html(&doc, date_url.as_deref()),
        url: page_url,
        site_name: nonempty(&result.metadata.sitename),
        lang: meta::html_lang(&doc).or_else(|| nonempty(&result.metadata.language)),
    }
}

/// The main text as paragraphs: from the cleaned HTML, which keeps block
/// boundaries, else from the plain text.
fn paragraphs(result: &ExtractResult) -> String {
    let text = crate::blocks::to_text(&result.content_html);
    if text.is_empty() {
        result.content_text.trim().to_string()
    } else {
        text
    }
}

fn nonempty(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html><html lang="en"><head>
<title>Bridge to close for repairs | The Harbour Gazette</title>
<meta property="og:title" content="Bridge to close for repairs">
<meta name="author" content="Mara Quill">
<meta property="article:published_time" content="2025-11-04T08:00:00+01:00">
<link rel="canonical" href="https://harbourgazette.example/city/bridge-repairs">
</head><body>
<nav><a href="/">Home</a> <a href="/city">City</a> <a href="/sport">Sport</a></nav>
<article><h1>Bridge to close for repairs</h1>
<p>The harbour bridge will close for six weeks from Monday while engineers replace two cracked supports, the city council said on Tuesday.</p>
<p>Council leader Ines Brack said the closure was unavoidable. "We would rather lose six weeks now than the bridge later," she told reporters outside the town hall.</p>
<p>Ferries will run every twenty minutes during the works, and the council has promised to refund season tickets for commuters who cannot use them.</p>
</article>
<footer>Copyright 2025 The Harbour Gazette. All rights reserved.</footer>
</body></html>"#;

    #[test]
    fn main_text_and_metadata() {
        let p = extract(PAGE, None, &options());
        assert!(p.text.contains("cracked supports"), "{}", p.text);
        assert!(p.text.contains("\n\n"));
        assert!(!p.text.contains("All rights reserved"));
        assert_eq!(p.title.as_deref(), Some("Bridge to close for repairs"));
        assert_eq!(p.author.as_deref(), Some("Mara Quill"));
        assert_eq!(p.published.as_deref().map(|d| &d[..10]), Some("2025-11-04"));
        assert_eq!(
            p.url.as_deref(),
            Some("https://harbourgazette.example/city/bridge-repairs")
        );
        assert_eq!(p.lang.as_deref(), Some("en"));
    }

    #[test]
    fn junk_html_never_panics() {
        for junk in [
            "",
            "<",
            "<html><body></body></html>",
            "<p>",
            "<<<>>>&&&;",
            "<script>alert(1)</script>",
        ] {
            let _ = extract(junk, Some("not a url"), &options());
        }
    }
}

// LAB (temporary): dumps several configurations per page for offline study.
#[cfg(test)]
mod lab {
    use super::*;
    use trafilatura::ExtractionFocus as F;

    #[test]
    #[ignore]
    fn dump() {
        for bench in ["wcxb", "aeb"] {
            let dir = format!("/tmp/ana/html/{bench}");
            let urls: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(format!("{dir}/urls.json")).unwrap())
                    .unwrap();
            let mut out = String::new();
            let mut names: Vec<_> = std::fs::read_dir(&dir)
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
                .filter(|n| n.ends_with(".html"))
                .collect();
            names.sort();
            for n in names {
                let id = n.trim_end_matches(".html");
                let html = std::fs::read_to_string(format!("{dir}/{n}")).unwrap();
                let mut base = options().with_html_date_mode(trafilatura::HtmlDateMode::Disabled);
                if let Some(u) = urls[id].as_str().and_then(|u| url::Url::parse(u).ok()) {
                    base = base.with_url(u);
                }
                let mut rec = serde_json::Map::new();
                rec.insert("id".into(), id.into());
                rec.insert(
                    "pagelen".into(),
                    trafilatura::html2txt(&html).chars().count().into(),
                );
                for (name, o) in [
                    ("prec", base.clone()),
                    ("bal", base.clone().with_focus(F::Balanced)),
                    ("rec", base.clone().with_focus(F::FavorRecall)),
                    ("precnf", base.clone().with_fallback(false)),
                    (
                        "recnf",
                        base.clone().with_focus(F::FavorRecall).with_fallback(false),
                    ),
                    (
                        "balnf",
                        base.clone().with_focus(F::Balanced).with_fallback(false),
                    ),
                ] {
                    let r = trafilatura::extract(&html, &o).unwrap_or_default();
                    rec.insert(name.into(), paragraphs(&r).into());
                    rec.insert(format!("{name}_html"), r.content_html.into());
                }
                out.push_str(&serde_json::Value::Object(rec).to_string());
                out.push('\n');
            }
            std::fs::write(format!("/tmp/ana/{bench}.jsonl"), out).unwrap();
        }
    }
}

#[cfg(test)]
mod lab_time {
    use super::*;
    use std::time::Instant;
    use trafilatura::ExtractionFocus as F;

    #[test]
    #[ignore]
    fn timing() {
        let dir = "/tmp/ana/html/wcxb";
        let mut pages = Vec::new();
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "html") {
                pages.push(std::fs::read_to_string(p).unwrap());
            }
        }
        let pages = &pages[..300];
        let cpu = || -> f64 {
            let st = std::fs::read_to_string("/proc/thread-self/stat").unwrap();
            let rest = &st[st.rfind(')').unwrap() + 2..];
            let f: Vec<&str> = rest.split(' ').collect();
            (f[11].parse::<f64>().unwrap() + f[12].parse::<f64>().unwrap()) / 100.0
        };
        let t = |name: &str, f: &dyn Fn(&str)| {
            let s = Instant::now();
            let c = cpu();
            for p in pages {
                f(p);
            }
            eprintln!(
                "{name}: wall {:.2}s cpu {:.2}s",
                s.elapsed().as_secs_f64(),
                cpu() - c
            );
        };
        let o = options();
        let o = options().with_html_date_mode(trafilatura::HtmlDateMode::Disabled);
        for _ in 0..2 {
            t("traf parse", &|p| {
                let _ = trafilatura::dom::Document::parse(p);
            });
            t("prec", &|p| {
                let _ = trafilatura::extract(p, &o);
            });
            let r = o.clone().with_focus(F::FavorRecall);
            t("rec", &|p| {
                let _ = trafilatura::extract(p, &r);
            });
            let b = o.clone().with_focus(F::Balanced);
            t("bal", &|p| {
                let _ = trafilatura::extract(p, &b);
            });
            t("prec+rec shared parse", &|p| {
                let d = trafilatura::dom::Document::parse(p);
                let d2 = d.clone_document();
                let _ = trafilatura::extract_document(d, &o);
                let _ = trafilatura::extract_document(d2, &r);
            });
            t("full", &|p| {
                let _ = extract(p, None, &options());
            });
        }
    }
}
