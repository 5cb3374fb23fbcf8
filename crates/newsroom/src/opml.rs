//! OPML 2.0 subscription lists, for `storyline sources import`.

use std::fmt::Write as _;

use crate::escape::escape;

/// An OPML 2.0 document listing `feeds` (title, URL) as RSS outlines.
pub fn opml(title: &str, feeds: &[(String, String)]) -> String {
    let mut out = String::with_capacity(200 + feeds.len() * 120);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n<head>\n");
    let _ = writeln!(out, "<title>{}</title>", escape(title));
    out.push_str("</head>\n<body>\n");
    for (text, url) in feeds {
        let _ = writeln!(
            out,
            "<outline type=\"rss\" text=\"{}\" title=\"{}\" xmlUrl=\"{}\"/>",
            escape(text),
            escape(text),
            escape(url)
        );
    }
    out.push_str("</body>\n</opml>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_every_feed() {
        let feeds = vec![
            (
                "A & B".to_string(),
                "http://site-0.newsroom.test:1/feed-0.xml".to_string(),
            ),
            (
                "C".to_string(),
                "http://site-1.newsroom.test:1/feed-1.xml".to_string(),
            ),
        ];
        let doc = opml("Newsroom", &feeds);
        assert!(doc.contains("<opml version=\"2.0\">"));
        assert!(doc.contains("text=\"A &amp; B\""));
        assert_eq!(doc.matches("<outline type=\"rss\"").count(), 2);
        assert!(doc.contains("xmlUrl=\"http://site-1.newsroom.test:1/feed-1.xml\""));
    }
}
