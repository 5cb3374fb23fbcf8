//! RSS 0.9x/1.0/2.0, Atom and JSON Feed: each entry one article.

use std::borrow::Cow;

use feed_rs::model::{Entry, Feed};
use serde_json::Value;
use storyline_model::{Body, Hints, Record};

use crate::{SourceError, charset};

/// How many leading bytes quick-xml (under feed-rs) holds back to switch
/// decoders: an XML declaration naming another encoding that ends later
/// than this makes it panic.
const XML_PREFIX: usize = 64;

/// Parses a whole feed document into one record per entry. A feed that does
/// not parse is one error; an entry without content is an error for that
/// entry only.
pub fn records(bytes: &[u8], input: &str) -> Vec<Result<Record, SourceError>> {
    // feed-rs reads the XML prolog's encoding itself, so it gets raw bytes,
    // unless a declaration sits where it would panic.
    let bytes = match prepared(bytes, input) {
        Ok(b) => b,
        Err(e) => return vec![Err(e)],
    };
    let feed = match feed_rs::parser::parse(&bytes[..]) {
        Ok(f) => f,
        Err(e) => {
            return vec![Err(SourceError::malformed(
                input,
                format!("not a readable feed: {e}"),
            ))];
        }
    };
    feed.entries
        .iter()
        .enumerate()
        .map(|(i, entry)| record(&feed, entry, &format!("{input}#{}", i + 1)))
        .collect()
}

fn record(feed: &Feed, entry: &Entry, source: &str) -> Result<Record, SourceError> {
    let body = entry
        .content
        .as_ref()
        .and_then(|c| {
            let text = c.body.as_deref()?.trim();
            (!text.is_empty()).then(|| body_of(text, &c.content_type.essence().to_string()))
        })
        .or_else(|| {
            let s = entry.summary.as_ref()?;
            let text = s.content.trim();
            (!text.is_empty()).then(|| body_of(text, &s.content_type.essence().to_string()))
        })
        .ok_or_else(|| SourceError::malformed(source, "feed entry has no content or summary"))?;
    let url = entry
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .or(entry.links.first())
        .map(|l| l.href.clone());
    let authors: Vec<&str> = entry
        .authors
        .iter()
        .filter_map(|p| p.name.as_deref())
        .filter(|n| !n.is_empty())
        .collect();
    let mut extra = serde_json::Map::new();
    if let Some(t) = &feed.title {
        extra.insert("feed".into(), Value::String(t.content.clone()));
    }
    Ok(Record {
        source: source.to_string(),
        body,
        hints: Hints {
            id: Some(entry.id.clone()).filter(|s| !s.is_empty()),
            url,
            title: entry.title.as_ref().map(|t| t.content.trim().to_string()),
            author: (!authors.is_empty()).then(|| authors.join(", ")),
            // Broken dates come through as None: the entry is kept, undated.
            date: entry.published.or(entry.updated).map(|d| d.to_rfc3339()),
            outlet: None,
            lang: entry.language.clone().or_else(|| feed.language.clone()),
            extra,
        },
    })
}

/// The bytes to hand feed-rs: as they are, unless an XML declaration comes
/// late (after blank lines, a long prolog, or in mid-document), which
/// quick-xml cannot honour without panicking; then the text is decoded here
/// and handed on as UTF-8 with its declarations removed.
fn prepared<'a>(bytes: &'a [u8], input: &str) -> Result<Cow<'a, [u8]>, SourceError> {
    if !late_declaration(bytes) {
        return Ok(Cow::Borrowed(bytes));
    }
    let text = charset::decode(bytes, None, input)?;
    Ok(Cow::Owned(without_declarations(&text).into_bytes()))
}

/// Where the next XML declaration (`<?xml` then white space or `?`, not
/// `<?xml-stylesheet`) starts in `hay`, at or after `from`.
fn declaration(hay: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    while let Some(pos) = hay.get(at..)?.windows(5).position(|w| w == b"<?xml") {
        let start = at + pos;
        match hay.get(start + 5) {
            Some(b) if b.is_ascii_whitespace() || *b == b'?' => return Some(start),
            _ => at = start + 5,
        }
    }
    None
}

/// Whether a declaration is anywhere but at the very start (after a UTF-8
/// byte-order mark), closed within the first [`XML_PREFIX`] bytes.
fn late_declaration(bytes: &[u8]) -> bool {
    let first = if bytes.starts_with(b"\xef\xbb\xbf") {
        3
    } else {
        0
    };
    let mut from = 0;
    while let Some(at) = declaration(bytes, from) {
        let head = bytes.get(at..bytes.len().min(XML_PREFIX)).unwrap_or(&[]);
        if at != first || !head.windows(2).any(|w| w == b"?>") {
            return true;
        }
        from = at + 5;
    }
    false
}

/// `text` without its XML declarations (an unclosed one stays).
fn without_declarations(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    while let Some(at) = declaration(bytes, from) {
        let Some(close) = text.get(at..).and_then(|t| t.find("?>")) else {
            break;
        };
        out.push_str(text.get(from..at).unwrap_or(""));
        from = at + close + 2;
    }
    out.push_str(text.get(from..).unwrap_or(""));
    out
}

fn body_of(text: &str, mime: &str) -> Body {
    if mime == "text/plain" && !text.contains("</") {
        Body::Text(text.to_string())
    } else {
        Body::Html(text.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Test Wire</title><link>https://wire.example/</link>
<item><title>First</title><link>https://wire.example/a</link><guid>a</guid>
<pubDate>Tue, 04 Nov 2025 09:30:00 +0100</pubDate>
<content:encoded><![CDATA[<p>Full text one.</p>]]></content:encoded></item>
<item><title>Second</title><link>https://wire.example/b</link><pubDate>yesterday-ish</pubDate>
<description>Only a summary.</description></item>
<item><title>Empty</title></item>
</channel></rss>"#;

    #[test]
    fn rss_items_become_records() {
        let out = records(RSS.as_bytes(), "f.xml");
        assert_eq!(out.len(), 3);
        let a = out[0].as_ref().unwrap();
        assert_eq!(a.hints.url.as_deref(), Some("https://wire.example/a"));
        assert_eq!(a.hints.title.as_deref(), Some("First"));
        assert!(a.hints.date.as_deref().unwrap().starts_with("2025-11-04"));
        assert!(a.body.as_str().contains("Full text one"));
        let b = out[1].as_ref().unwrap();
        assert_eq!(b.hints.date, None, "a broken date leaves the entry undated");
        assert!(
            out[2]
                .as_ref()
                .unwrap_err()
                .to_string()
                .contains("no content")
        );
    }

    #[test]
    fn atom_and_json_feed() {
        let atom = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><id>x</id><updated>2025-01-01T00:00:00Z</updated>
<entry><title>E</title><id>e1</id><link href="https://a.example/e"/><published>2025-02-03T04:05:06Z</published>
<author><name>Ann Lee</name></author><content type="html">&lt;p&gt;Hello&lt;/p&gt;</content></entry></feed>"#;
        let out = records(atom.as_bytes(), "a.xml");
        let e = out[0].as_ref().unwrap();
        assert_eq!(e.hints.author.as_deref(), Some("Ann Lee"));
        assert!(e.body.as_str().contains("Hello"));
        let json = r#"{"version":"https://jsonfeed.org/version/1.1","title":"J","items":[{"id":"1","url":"https://j.example/1","title":"One","content_text":"Plain body.","date_published":"2025-03-04T05:06:07Z"}]}"#;
        let out = records(json.as_bytes(), "j.json");
        let e = out[0].as_ref().unwrap();
        assert_eq!(e.hints.title.as_deref(), Some("One"));
        assert!(e.body.as_str().contains("Plain body."));
    }

    /// Found by tests/robustness.rs: quick-xml panicked on a declaration
    /// naming another encoding once its first 64 bytes were read.
    #[test]
    fn late_declarations_do_not_panic() {
        let misplaced =
            b"<rss version=\"2.0\"><channel><?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>";
        assert!(records(misplaced, "m.xml").len() <= 1);
        let item = b"<rss version=\"2.0\"><channel><title>T</title><item><title>A</title>\
            <description>caf\xe9 open</description></item></channel></rss>";
        for pad in 0..40 {
            // After blank lines, and with a long prolog, the declaration
            // still decides the encoding.
            for doc in [
                [
                    b"\n".repeat(pad),
                    b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>".to_vec(),
                ],
                [
                    format!(
                        "<?xml version=\"1.0\"{} encoding=\"ISO-8859-1\"?>",
                        " ".repeat(pad)
                    )
                    .into_bytes(),
                    b"<?xml-stylesheet href=\"s.xsl\"?>".to_vec(),
                ],
            ] {
                let doc = [doc.concat(), item.to_vec()].concat();
                let out = records(&doc, "p.xml");
                let body = out[0].as_ref().unwrap().body.as_str().to_string();
                assert_eq!(body, "caf\u{e9} open", "pad {pad}");
            }
        }
    }

    #[test]
    fn garbage_is_one_error() {
        let out = records(b"<rss version=\"2.0\"><channel><item>", "bad.xml");
        assert!(out.len() <= 1);
    }
}
