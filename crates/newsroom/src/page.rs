//! Article pages: plain but realistic HTML with the metadata news sites
//! carry (Open Graph, `article:published_time`, JSON-LD `NewsArticle`) and
//! the boilerplate around the text (menu, footer) an extractor must drop.

use std::fmt::Write as _;

use crate::article::Article;
use crate::escape::escape;

/// The menu of a site whose corpus outlet gives none.
const DEFAULT_NAV: &[&str] = &[
    "Home", "News", "Business", "Sport", "Culture", "Opinion", "Weather",
];

/// The site an article is published on.
#[derive(Debug, Clone)]
pub(crate) struct Site<'a> {
    /// Its name.
    pub name: &'a str,
    /// Its menu entries.
    pub nav: &'a [String],
    /// Its home page, ending in `/`.
    pub home: &'a str,
}

/// The page of `article` at `url`.
pub(crate) fn page(site: &Site<'_>, article: &Article, url: &str) -> String {
    let published = article.published.to_string();
    let ld = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "datePublished": published,
        "author": {"@type": "Person", "name": article.author},
        "publisher": {"@type": "Organization", "name": site.name},
        "mainEntityOfPage": url,
    })
    .to_string()
    // A `</script>` inside a string would end the script element.
    .replace("</", "<\\/");
    let title = escape(&article.title);
    let name = escape(site.name);
    let mut out =
        String::with_capacity(2048 + article.paragraphs.iter().map(String::len).sum::<usize>());
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    let _ = writeln!(out, "<title>{title} | {name}</title>");
    let _ = writeln!(out, "<link rel=\"canonical\" href=\"{}\">", escape(url));
    let _ = writeln!(out, "<meta property=\"og:title\" content=\"{title}\">");
    let _ = writeln!(out, "<meta property=\"og:type\" content=\"article\">");
    let _ = writeln!(
        out,
        "<meta property=\"og:url\" content=\"{}\">",
        escape(url)
    );
    let _ = writeln!(out, "<meta property=\"og:site_name\" content=\"{name}\">");
    let _ = writeln!(
        out,
        "<meta property=\"article:published_time\" content=\"{published}\">"
    );
    let _ = writeln!(
        out,
        "<meta name=\"author\" content=\"{}\">",
        escape(&article.author)
    );
    let _ = writeln!(out, "<script type=\"application/ld+json\">{ld}</script>");
    out.push_str("</head>\n<body>\n<header>\n");
    let _ = writeln!(
        out,
        "<a class=\"logo\" href=\"{}\">{name}</a>",
        escape(site.home)
    );
    out.push_str("<nav><ul>\n");
    let nav: Vec<&str> = if site.nav.is_empty() {
        DEFAULT_NAV.to_vec()
    } else {
        site.nav.iter().map(String::as_str).collect()
    };
    for entry in nav {
        let slug: String = entry
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        let _ = writeln!(
            out,
            "<li><a href=\"/section/{slug}\">{}</a></li>",
            escape(entry)
        );
    }
    out.push_str("</ul></nav>\n</header>\n<main>\n<article>\n");
    let _ = writeln!(out, "<h1>{title}</h1>");
    let _ = writeln!(
        out,
        "<p class=\"byline\">By {} | <time datetime=\"{published}\">{}</time></p>",
        escape(&article.author),
        article.published.strftime("%-d %B %Y %H:%M UTC"),
    );
    for p in &article.paragraphs {
        let _ = writeln!(out, "<p>{}</p>", escape(p));
    }
    out.push_str(
        "</article>\n<aside class=\"share\">Share this story: Email | Copy link</aside>\n</main>\n",
    );
    let _ = writeln!(
        out,
        "<footer>\n<p>&copy; {name}. All rights reserved.</p>\n\
         <p><a href=\"/about\">About us</a> | <a href=\"/contact\">Contact</a> | \
         <a href=\"/privacy\">Privacy policy</a> | <a href=\"/terms\">Terms of use</a></p>\n\
         <p>Sign up to our newsletter for the day's main stories.</p>\n</footer>"
    );
    out.push_str("</body>\n</html>\n");
    out
}

/// The page behind a link in `private.xml` or under `/private/`: it exists,
/// so a client that should not have fetched it gets an answer and the
/// request shows in the statistics.
pub(crate) fn private_page(path: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>Internal page</title></head>\n\
         <body><article><h1>Internal page</h1><p>This page at {} is internal and must not be fetched by a crawler.</p></article></body>\n</html>\n",
        escape(path)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::Timestamp;

    #[test]
    fn page_carries_metadata_and_escapes_text() {
        let a = Article {
            id: "x-1".into(),
            story: "x".into(),
            title: "Quake </script> hits \"Brask\"".into(),
            author: "Ann Author".into(),
            published: "2025-10-06T10:00:00Z".parse::<Timestamp>().unwrap(),
            paragraphs: vec!["One <b>.".into(), "Two.".into()],
        };
        let nav = vec!["Home".to_string()];
        let site = Site {
            name: "The Site",
            nav: &nav,
            home: "http://h/",
        };
        let html = page(&site, &a, "http://h/a/x-1.html");
        assert!(html.contains("<html lang=\"en\">"));
        assert!(html.contains(
            "<meta property=\"og:title\" content=\"Quake &lt;/script&gt; hits &quot;Brask&quot;\">"
        ));
        assert!(html.contains("content=\"2025-10-06T10:00:00Z\""));
        assert!(html.contains("\"@type\":\"NewsArticle\""));
        assert!(html.contains("Quake <\\/script> hits"));
        assert!(
            !html[html.find("ld+json").unwrap()..html.find("</head>").unwrap()]
                .contains("</script> hits")
        );
        assert!(html.contains("<p>One &lt;b&gt;.</p>"));
        assert!(html.contains("6 October 2025 10:00 UTC"));
    }
}
