//! Which kind of input a byte stream is, told by its content.

/// The input formats storyline reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A WARC archive (`WARC/1.0` records), such as Common Crawl's CC-NEWS.
    Warc,
    /// JSON Lines (one article object a line), or one JSON article / an array of them.
    JsonLines,
    /// A JSON Feed document.
    JsonFeed,
    /// RSS 0.9x/1.0/2.0 or Atom.
    Feed,
    /// An HTML page.
    Html,
    /// Plain text, optionally headed by ` date YYYY-MM-DD `.
    Text,
}

impl Format {
    /// Tells the format from the first bytes of the (decompressed) input.
    /// The file name only breaks ties that content cannot.
    pub fn sniff(head: &[u8], name: &str) -> Format {
        let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
        let start = head
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .unwrap_or(head.len());
        let head = &head[start..];
        if head.starts_with(b"WARC/") {
            return Format::Warc;
        }
        let lower: Vec<u8> = head
            .iter()
            .take(4096)
            .map(|b| b.to_ascii_lowercase())
            .collect();
        match head.first() {
            Some(b'{') | Some(b'[') => {
                if contains(&lower, b"jsonfeed.org/version") {
                    Format::JsonFeed
                } else {
                    Format::JsonLines
                }
            }
            Some(b'<') => {
                let feed = [&b"<rss"[..], b"<feed", b"<rdf:rdf"]
                    .iter()
                    .filter_map(|t| find(&lower, t))
                    .min();
                let page = [&b"<html"[..], b"<!doctype html", b"<body", b"<head"]
                    .iter()
                    .filter_map(|t| find(&lower, t))
                    .min();
                match (feed, page) {
                    (Some(f), Some(p)) if f < p => Format::Feed,
                    (Some(_), None) => Format::Feed,
                    _ => Format::Html,
                }
            }
            _ => {
                let lname = name.to_ascii_lowercase();
                if lname.ends_with(".html")
                    || lname.ends_with(".htm")
                    || lname.ends_with(".html.gz")
                {
                    Format::Html
                } else {
                    Format::Text
                }
            }
        }
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    find(hay, needle).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_by_content() {
        assert_eq!(Format::sniff(b"WARC/1.0\r\n", "a.bin"), Format::Warc);
        assert_eq!(
            Format::sniff(b"{\"id\":1}\n{\"id\":2}", "a.txt"),
            Format::JsonLines
        );
        assert_eq!(
            Format::sniff(b"{\"version\": \"https://jsonfeed.org/version/1.1\"}", "f"),
            Format::JsonFeed
        );
        assert_eq!(
            Format::sniff(b"<?xml version=\"1.0\"?><rss version=\"2.0\">", "x"),
            Format::Feed
        );
        assert_eq!(
            Format::sniff(b"<feed xmlns=\"http://www.w3.org/2005/Atom\">", "x"),
            Format::Feed
        );
        assert_eq!(
            Format::sniff(b"<!DOCTYPE html><html><head>", "x.txt"),
            Format::Html
        );
        assert_eq!(Format::sniff(b"\xef\xbb\xbf  <html>", "x"), Format::Html);
        assert_eq!(Format::sniff(b" date 2025-01-01 Hello", "x"), Format::Text);
        assert_eq!(Format::sniff(b"", "x"), Format::Text);
    }

    #[test]
    fn a_page_that_links_a_feed_is_a_page() {
        let page = b"<html><head><link rel=alternate href=/rss></head><body><feed></body>";
        assert_eq!(Format::sniff(page, "x"), Format::Html);
    }
}
