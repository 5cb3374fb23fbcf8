//! News sitemaps (the sitemaps.org `urlset` with Google's `news:` fields)
//! and sitemap indexes: each `<url>` is an article waiting for its page.
//!
//! Sitemaps are flat lists, so a small scanner reads them: each `<url>`
//! (or `<sitemap>`) block, and in it the text of the elements named by
//! their local name whatever their prefix (`<news:title>`), with CDATA
//! sections and the XML entities decoded. Malformed blocks are skipped;
//! nothing in the input can make it panic or read beyond the input.

use serde_json::Value;
use storyline_model::{Body, Hints, PENDING, Record};

use crate::SourceError;

/// Most entries read from one sitemap (the protocol's own limit).
const MAX_ENTRIES: usize = 50_000;

/// What a sitemap lists.
#[derive(Debug, Clone, PartialEq)]
pub enum Sitemap {
    /// Articles, each a record waiting for its page (no text yet), with
    /// its URL and what the sitemap says of it (title, date, publication
    /// name and language).
    Articles(Vec<Record>),
    /// A sitemap index: the URLs of the sitemaps it lists.
    Index(Vec<String>),
}

/// Whether a document's first bytes look like a sitemap or sitemap index.
pub fn is_sitemap(head: &[u8]) -> bool {
    let head = &head[..head.len().min(4096)];
    find(head, b"<urlset", 0).is_some() || find(head, b"<sitemapindex", 0).is_some()
}

/// Reads a sitemap; `input` names it in records and errors.
pub fn read(bytes: &[u8], input: &str) -> Result<Sitemap, SourceError> {
    let text = String::from_utf8_lossy(bytes);
    let doc = text.as_bytes();
    if find(doc, b"<sitemapindex", 0).is_some() {
        let urls = blocks(doc, "sitemap")
            .filter_map(|b| field(b, "loc"))
            .filter(|u| !u.is_empty())
            .take(MAX_ENTRIES)
            .collect();
        return Ok(Sitemap::Index(urls));
    }
    if find(doc, b"<urlset", 0).is_none() {
        return Err(SourceError::malformed(input, "not a sitemap (no <urlset>)"));
    }
    let mut records = Vec::new();
    for (i, block) in blocks(doc, "url").take(MAX_ENTRIES).enumerate() {
        let Some(url) = field(block, "loc").filter(|u| !u.is_empty()) else {
            continue;
        };
        let mut extra = serde_json::Map::new();
        extra.insert(PENDING.into(), Value::String("page".into()));
        records.push(Record {
            source: format!("{input}#{}", i + 1),
            body: Body::Text(String::new()),
            hints: Hints {
                id: None,
                url: Some(url),
                title: field(block, "title").filter(|t| !t.is_empty()),
                author: None,
                date: field(block, "publication_date")
                    .or_else(|| field(block, "lastmod"))
                    .filter(|d| !d.is_empty()),
                outlet: field(block, "name").filter(|n| !n.is_empty()),
                lang: field(block, "language").filter(|l| !l.is_empty()),
                extra,
            },
        });
    }
    Ok(Sitemap::Articles(records))
}

/// The byte offset of `needle` in `hay` at or after `from`.
fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|p| p + from)
}

/// The contents of every `<name>...</name>` block (no prefix; attributes
/// allowed).
fn blocks<'a>(doc: &'a [u8], name: &'a str) -> impl Iterator<Item = &'a [u8]> + 'a {
    let open = format!("<{name}");
    let close = format!("</{name}>");
    let mut at = 0;
    std::iter::from_fn(move || {
        loop {
            let start = find(doc, open.as_bytes(), at)?;
            let after = start + open.len();
            // `<urlset` is not `<url`: the name must end there.
            match doc.get(after) {
                Some(b'>') | Some(b' ') | Some(b'\t') | Some(b'\n') | Some(b'\r') => {}
                _ => {
                    at = after;
                    continue;
                }
            }
            let body = doc[after..].iter().position(|&b| b == b'>')? + after + 1;
            let end = find(doc, close.as_bytes(), body)?;
            at = end + close.len();
            return Some(&doc[body..end]);
        }
    })
}

/// The decoded text of the first element with local name `local` in
/// `block` (`<loc>`, `<news:title>`).
fn field(block: &[u8], local: &str) -> Option<String> {
    let mut at = 0;
    while let Some(lt) = block.get(at..)?.iter().position(|&b| b == b'<') {
        let start = at + lt + 1;
        let gt = block.get(start..)?.iter().position(|&b| b == b'>')? + start;
        let tag = &block[start..gt];
        at = gt + 1;
        if tag.first().is_some_and(|b| matches!(b, b'/' | b'!' | b'?')) {
            continue;
        }
        let name_end = tag
            .iter()
            .position(|b| b.is_ascii_whitespace() || *b == b'/')
            .unwrap_or(tag.len());
        let name = &tag[..name_end];
        let base = name.rsplit(|&b| b == b':').next().unwrap_or(name);
        if !base.eq_ignore_ascii_case(local.as_bytes()) {
            continue;
        }
        if tag.ends_with(b"/") {
            return Some(String::new());
        }
        let close = [b"</".as_slice(), name, b">"].concat();
        let end = find(block, &close, at)?;
        return Some(decode(&block[at..end]));
    }
    None
}

/// Element text with CDATA sections kept verbatim and entities decoded,
/// white space collapsed.
fn decode(raw: &[u8]) -> String {
    let text = String::from_utf8_lossy(raw);
    let mut out = String::with_capacity(text.len());
    let mut rest: &str = &text;
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix("<![CDATA[") {
            let end = r.find("]]>").unwrap_or(r.len());
            out.push_str(&r[..end]);
            rest = r.get(end + 3..).unwrap_or("");
        } else if rest.starts_with('&') {
            let end = rest.find(';').filter(|&e| e <= 10);
            match end.and_then(|e| entity(&rest[1..e]).map(|c| (c, e))) {
                Some((c, e)) => {
                    out.push(c);
                    rest = &rest[e + 1..];
                }
                None => {
                    out.push('&');
                    rest = &rest[1..];
                }
            }
        } else {
            let next = rest[1..].find(['&', '<']).map_or(rest.len(), |p| p + 1);
            out.push_str(&rest[..next]);
            rest = &rest[next..];
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The character an entity names (`amp`, `#38`, `#x26`).
fn entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => {
            let n = name.strip_prefix('#')?;
            let code = match n.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => n.parse().ok()?,
            };
            char::from_u32(code)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NEWS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url>
    <loc>https://gazette.example/2025/ferry-strike.html?a=1&amp;b=2</loc>
    <news:news>
      <news:publication><news:name>The Gazette</news:name><news:language>en</news:language></news:publication>
      <news:publication_date>2025-03-04T09:30:00+01:00</news:publication_date>
      <news:title><![CDATA[Ferry crews strike & commuters wait]]></news:title>
    </news:news>
  </url>
  <url><loc>https://gazette.example/2025/bridge.html</loc><lastmod>2025-03-05</lastmod></url>
  <url><news:title>No location, skipped</news:title></url>
</urlset>"#;

    #[test]
    fn a_news_sitemap_lists_articles_waiting_for_their_pages() {
        assert!(is_sitemap(NEWS.as_bytes()));
        let Ok(Sitemap::Articles(r)) = read(NEWS.as_bytes(), "https://gazette.example/news.xml")
        else {
            panic!("articles expected");
        };
        assert_eq!(r.len(), 2);
        let h = &r[0].hints;
        assert_eq!(
            h.url.as_deref(),
            Some("https://gazette.example/2025/ferry-strike.html?a=1&b=2")
        );
        assert_eq!(
            h.title.as_deref(),
            Some("Ferry crews strike & commuters wait")
        );
        assert_eq!(h.date.as_deref(), Some("2025-03-04T09:30:00+01:00"));
        assert_eq!(h.outlet.as_deref(), Some("The Gazette"));
        assert_eq!(h.lang.as_deref(), Some("en"));
        assert_eq!(h.extra.get(PENDING), Some(&Value::String("page".into())));
        assert_eq!(r[1].hints.date.as_deref(), Some("2025-03-05"));
        assert_eq!(r[1].source, "https://gazette.example/news.xml#2");
    }

    #[test]
    fn an_index_lists_its_sitemaps_and_other_documents_are_refused() {
        let index = "<sitemapindex><sitemap><loc>https://a.example/s1.xml</loc></sitemap>\
                     <sitemap><loc> https://a.example/s2.xml </loc></sitemap></sitemapindex>";
        assert_eq!(
            read(index.as_bytes(), "i").unwrap(),
            Sitemap::Index(vec![
                "https://a.example/s1.xml".into(),
                "https://a.example/s2.xml".into()
            ])
        );
        assert!(!is_sitemap(b"<rss><channel/></rss>"));
        let err = read(b"<html><body>hello</body></html>", "page.xml").unwrap_err();
        assert!(err.to_string().contains("page.xml"), "{err}");
    }

    #[test]
    fn broken_input_never_panics() {
        for s in [
            "<urlset><url><loc>",
            "<urlset><url><loc>&#xZZ;</loc></url></urlset>",
            "<urlset><url><loc>&#99999999;</loc></url>",
            "<urlset><url <loc></url></urlset>",
            "<urlset><url><news:title><![CDATA[unterminated</news:title></url></urlset>",
            "<urlset><url><loc>a</loc><loc/></url></urlset>",
        ] {
            let _ = read(s.as_bytes(), "x");
        }
    }
}
