//! RSS 0.9x/1.0/2.0, Atom and JSON Feed: each entry one article.

use std::borrow::Cow;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Utc};
use feed_rs::model::{Entry, Feed};
use serde_json::Value;
use storyline_model::{Body, Hints, PENDING, Record};

use crate::{SourceError, charset};

/// How many leading bytes quick-xml (under feed-rs) holds back to switch
/// decoders: an XML declaration naming another encoding that ends later
/// than this makes it panic.
const XML_PREFIX: usize = 64;

/// Longest date string kept from a feed; longer ones are prose, not dates.
const MAX_DATE: usize = 256;

/// Parses a whole feed document into one record per entry. A feed that does
/// not parse is one error; an entry with neither content nor a title and
/// link is an error for that entry only.
pub fn records(bytes: &[u8], input: &str) -> Vec<Result<Record, SourceError>> {
    // feed-rs reads the XML prolog's encoding itself, so it gets raw bytes,
    // unless a declaration sits where it would panic.
    let bytes = match prepared(bytes, input) {
        Ok(b) => b,
        Err(e) => return vec![Err(e)],
    };
    // feed-rs turns dates into UTC instants, losing the publisher's offset
    // and rejecting forms it does not know. Each date string is kept here
    // instead, and feed-rs stores its index in the list as a stand-in instant;
    // the extract stage parses the string itself.
    let dates: Arc<Mutex<Vec<String>>> = Arc::default();
    let sink = Arc::clone(&dates);
    let parser = feed_rs::parser::Builder::new()
        .timestamp_parser(move |text| stand_in(&sink, text))
        .build();
    let feed = match parser.parse(&bytes[..]) {
        Ok(f) => f,
        Err(e) => {
            return vec![Err(SourceError::malformed(
                input,
                format!("not a readable feed: {e}"),
            ))];
        }
    };
    let dates = dates.lock().map(|d| d.clone()).unwrap_or_default();
    feed.entries
        .iter()
        .enumerate()
        .map(|(i, entry)| record(&feed, entry, &dates, &format!("{input}#{}", i + 1)))
        .collect()
}

/// Keeps a date string and returns its index in `dates` as an instant that
/// many seconds after the epoch; `None` (no date) for blank strings.
fn stand_in(dates: &Mutex<Vec<String>>, text: &str) -> Option<DateTime<Utc>> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let mut end = text.len().min(MAX_DATE);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut dates = dates.lock().ok()?;
    let index = i64::try_from(dates.len()).ok()?;
    dates.push(text.get(..end)?.to_string());
    DateTime::from_timestamp(index, 0)
}

/// The date string a stand-in instant points to.
fn raw_date(dates: &[String], instant: Option<DateTime<Utc>>) -> Option<String> {
    let index = usize::try_from(instant?.timestamp()).ok()?;
    dates.get(index).cloned()
}

fn record(
    feed: &Feed,
    entry: &Entry,
    dates: &[String],
    source: &str,
) -> Result<Record, SourceError> {
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
        });
    let url = entry
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .or(entry.links.first())
        .map(|l| l.href.trim().to_string())
        .filter(|u| !u.is_empty());
    let title = entry
        .title
        .as_ref()
        .map(|t| t.content.trim().to_string())
        .filter(|t| !t.is_empty());
    let mut extra = serde_json::Map::new();
    // Without a text, a title and a link still name an article whose page
    // can be fetched later: it is kept, marked as waiting for that page.
    let body = match body {
        Some(body) => body,
        None if url.is_some() && title.is_some() => {
            extra.insert(PENDING.into(), Value::String("page".into()));
            Body::Text(String::new())
        }
        None => {
            return Err(SourceError::malformed(
                source,
                "feed entry has no content, summary, or title and link",
            ));
        }
    };
    let authors: Vec<&str> = entry
        .authors
        .iter()
        .filter_map(|p| p.name.as_deref())
        .filter(|n| !n.is_empty())
        .collect();
    if let Some(t) = &feed.title {
        extra.insert("feed".into(), Value::String(t.content.clone()));
    }
    Ok(Record {
        source: source.to_string(),
        body,
        hints: Hints {
            id: Some(entry.id.clone()).filter(|s| !s.is_empty()),
            url,
            title,
            author: (!authors.is_empty()).then(|| authors.join(", ")),
            // The string as the feed wrote it, offset and all.
            date: raw_date(dates, entry.published.or(entry.updated)),
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
<item><title>Headline only</title><link>https://wire.example/c</link>
<pubDate>Sat, Dec 16 2023 02:02:33 PM</pubDate></item>
</channel></rss>"#;

    #[test]
    fn rss_items_become_records() {
        let out = records(RSS.as_bytes(), "f.xml");
        assert_eq!(out.len(), 4);
        let a = out[0].as_ref().unwrap();
        assert_eq!(a.hints.url.as_deref(), Some("https://wire.example/a"));
        assert_eq!(a.hints.title.as_deref(), Some("First"));
        // The date as written, offset kept, for the extract stage to read.
        assert_eq!(
            a.hints.date.as_deref(),
            Some("Tue, 04 Nov 2025 09:30:00 +0100")
        );
        assert!(a.body.as_str().contains("Full text one"));
        assert!(!a.hints.extra.contains_key(PENDING));
        let b = out[1].as_ref().unwrap();
        assert_eq!(b.hints.date.as_deref(), Some("yesterday-ish"));
        assert!(
            out[2]
                .as_ref()
                .unwrap_err()
                .to_string()
                .contains("no content")
        );
        // A title and a link make an article that waits for its page.
        let c = out[3].as_ref().unwrap();
        assert_eq!(c.hints.title.as_deref(), Some("Headline only"));
        assert_eq!(c.hints.url.as_deref(), Some("https://wire.example/c"));
        assert_eq!(c.hints.extra[PENDING], "page");
        assert_eq!(c.body, Body::Text(String::new()));
        assert_eq!(
            c.hints.date.as_deref(),
            Some("Sat, Dec 16 2023 02:02:33 PM")
        );
    }

    #[test]
    fn each_entry_keeps_its_own_date() {
        let atom = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><id>x</id>
<updated>2025-01-01T00:00:00Z</updated>
<entry><title>One</title><id>1</id><link href="https://a.example/1"/><updated>2024-05-06T07:08:09+05:30</updated><summary>s</summary></entry>
<entry><title>Two</title><id>2</id><link href="https://a.example/2"/><published>2024-05-07T01:02:03-04:00</published><updated>2024-05-08T00:00:00Z</updated><summary>s</summary></entry>
<entry><title>Three</title><id>3</id><link href="https://a.example/3"/><summary>s</summary></entry>
</feed>"#;
        let out = records(atom.as_bytes(), "a.xml");
        let dates: Vec<Option<&str>> = out
            .iter()
            .map(|r| r.as_ref().unwrap().hints.date.as_deref())
            .collect();
        assert_eq!(
            dates,
            [
                Some("2024-05-06T07:08:09+05:30"),
                Some("2024-05-07T01:02:03-04:00"),
                None
            ]
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
