//! RSS 2.0 feeds, and the rendered form a feed is cached in.

use std::fmt::Write as _;
use std::sync::OnceLock;

use bytes::Bytes;
use jiff::Timestamp;

use crate::article::Article;
use crate::escape::escape;
use crate::hash::{combine, hash_bytes};
use crate::http::{gzip, http_date};

/// The most items a feed lists.
pub const FEED_ITEMS: usize = 50;

/// Whether feed `i` carries its articles' full text in `<content:encoded>`
/// (every fifth feed: 4, 9, 14, ...); the others carry a one-sentence
/// summary, so a client must fetch the page.
pub fn full_text_feed(i: usize) -> bool {
    i % 5 == 4
}

/// A feed's channel.
#[derive(Debug, Clone)]
pub(crate) struct Channel<'a> {
    /// Its title.
    pub title: &'a str,
    /// Its site's home page.
    pub link: &'a str,
    /// Whether items carry the full text.
    pub full_text: bool,
}

/// One feed as served: its body, its validators and, once asked for, its
/// gzipped body.
#[derive(Debug)]
pub(crate) struct RenderedFeed {
    /// How many of the feed's scheduled items had appeared (the cache key).
    pub visible: usize,
    /// The XML.
    pub body: Bytes,
    /// The XML gzipped, made on the first request that accepts gzip.
    gzipped: OnceLock<Bytes>,
    /// A strong validator: a hash of the items listed.
    pub etag: String,
    /// The newest listed item's publication time.
    pub last_modified: Option<Timestamp>,
}

impl RenderedFeed {
    /// Renders `items` (newest first, each with its page link) as a feed.
    pub fn new(channel: &Channel<'_>, items: &[(Article, String)], visible: usize) -> RenderedFeed {
        let mut h = hash_bytes(channel.title.as_bytes());
        for (a, link) in items {
            h = combine(h, hash_bytes(link.as_bytes()));
            h = combine(h, a.published.as_nanosecond() as u64);
        }
        RenderedFeed {
            visible,
            body: Bytes::from(rss(channel, items)),
            gzipped: OnceLock::new(),
            etag: format!("\"{h:016x}\""),
            last_modified: items.iter().map(|(a, _)| a.published).max(),
        }
    }

    /// The gzipped body.
    pub fn gzipped(&self) -> Bytes {
        self.gzipped.get_or_init(|| gzip(&self.body)).clone()
    }
}

/// An RSS 2.0 document listing `items` (each with its page link) in the
/// order given.
pub(crate) fn rss(channel: &Channel<'_>, items: &[(Article, String)]) -> String {
    let mut out = String::with_capacity(1024 + items.len() * 600);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(
        "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n<channel>\n",
    );
    let _ = writeln!(out, "<title>{}</title>", escape(channel.title));
    let _ = writeln!(out, "<link>{}</link>", escape(channel.link));
    let _ = writeln!(
        out,
        "<description>Latest news from {}</description>",
        escape(channel.title)
    );
    out.push_str("<language>en</language>\n");
    if let Some(newest) = items.iter().map(|(a, _)| a.published).max() {
        let _ = writeln!(out, "<lastBuildDate>{}</lastBuildDate>", http_date(newest));
    }
    for (a, link) in items {
        out.push_str("<item>\n");
        let _ = writeln!(out, "<title>{}</title>", escape(&a.title));
        let _ = writeln!(out, "<link>{}</link>", escape(link));
        let _ = writeln!(out, "<guid isPermaLink=\"true\">{}</guid>", escape(link));
        let _ = writeln!(out, "<pubDate>{}</pubDate>", http_date(a.published));
        let _ = writeln!(out, "<dc:creator>{}</dc:creator>", escape(&a.author));
        let _ = writeln!(out, "<description>{}</description>", escape(&a.summary()));
        if channel.full_text {
            let html: String = a
                .paragraphs
                .iter()
                .map(|p| format!("<p>{}</p>\n", escape(p)))
                .collect();
            let _ = writeln!(out, "<content:encoded>{}</content:encoded>", escape(&html));
        }
        out.push_str("</item>\n");
    }
    out.push_str("</channel>\n</rss>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(n: u32) -> Article {
        Article {
            id: format!("a{n}"),
            story: "s".into(),
            title: format!("Title <{n}> & co"),
            author: "Ann Author".into(),
            published: Timestamp::from_second(1_760_000_000 + i64::from(n)).unwrap(),
            paragraphs: vec!["First sentence. Second one.".into(), "More & more.".into()],
        }
    }

    #[test]
    fn renders_items_with_summaries_or_full_text() {
        let items = vec![
            (article(2), "http://h/a/a2.html".to_string()),
            (article(1), "http://h/a/a1.html".into()),
        ];
        let summary = Channel {
            title: "Site",
            link: "http://h/",
            full_text: false,
        };
        let xml = rss(&summary, &items);
        assert!(
            !xml.contains("<ttl>"),
            "no ttl: max-age=30 is the only hint"
        );
        assert!(xml.contains("<title>Title &lt;2&gt; &amp; co</title>"));
        assert!(xml.contains("<description>First sentence.</description>"));
        assert!(
            xml.contains("<pubDate>Thu, 09 Oct 2025 08:53:22 GMT</pubDate>"),
            "{xml}"
        );
        assert!(!xml.contains("content:encoded>"));
        let full = Channel {
            full_text: true,
            ..summary.clone()
        };
        assert!(rss(&full, &items).contains("<content:encoded>&lt;p&gt;First sentence."));
        let a = RenderedFeed::new(&summary, &items, 2);
        let b = RenderedFeed::new(&summary, &items[..1], 1);
        assert_ne!(a.etag, b.etag);
        assert_eq!(a.etag, RenderedFeed::new(&summary, &items, 2).etag);
        assert_eq!(a.last_modified, Some(items[0].0.published));
        assert!(a.gzipped().len() < a.body.len());
        assert!(full_text_feed(4) && full_text_feed(9) && !full_text_feed(0));
    }
}
