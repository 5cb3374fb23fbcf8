//! Hostile input: any bytes, under any name and limits, must give records
//! or errors, never a panic, and the record stream must end.

use std::io::Write;

use flate2::Compression;
use flate2::write::GzEncoder;
use proptest::prelude::*;
use storyline_source::charset::{charset_param, decode, looks_binary};
use storyline_source::{Format, Limits, from_bytes, split_date_prefix};

/// Pieces of every container the readers sniff and parse: WARC headers
/// and blocks, JSON lines (objects, arrays, bad escapes, deep nesting),
/// RSS, Atom and RDF feeds, JSON Feed, HTML with charset declarations,
/// the text date prefix, byte order marks, gzip magic, invalid UTF-8 and
/// legacy-charset bytes.
const PIECES: &[&[u8]] = &[
    b" ",
    b"\n",
    b"\r\n",
    b"\r\n\r\n",
    b"\0",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\x1f\x8b\x08\x00",
    b"\xc3\x28",
    b"\xe2\x80",
    b"\xf0\x9f\x9a",
    b"\xe9t\xe9",
    b"\x93quoted\x94",
    b"WARC/1.0\r\n",
    b"WARC-Type: response\r\n",
    b"WARC-Type: resource\r\n",
    b"WARC-Target-URI: https://news.example/2025/01/24/a\r\n",
    b"WARC-Date: 2025-01-24T08:00:00Z\r\n",
    b"Content-Type: application/http; msgtype=response\r\n",
    b"Content-Length: 0\r\n",
    b"Content-Length: 40\r\n",
    b"Content-Length: 18446744073709551615\r\n",
    b"Content-Length: -1\r\n",
    b"HTTP/1.1 200 OK\r\n",
    b"Content-Type: text/html; charset=windows-1251\r\n",
    b"Content-Encoding: gzip\r\n",
    b"Transfer-Encoding: chunked\r\n",
    b"{",
    b"}",
    b"[",
    b"]",
    b"{\"text\": \"The port closed.\", \"title\": \"Port\", \"date\": \"2025-01-24\"}",
    b"{\"html\": \"<p>x</p>\", \"url\": 5}",
    b"{\"content\": null, \"published\": [1, 2]}",
    b"\"\\ud800\"",
    b"\"\\u00e9\"",
    b"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
    b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>",
    b"<rss version=\"2.0\"><channel>",
    b"<item><title>Port</title><description>",
    b"<![CDATA[<p>The port closed.</p>]]>",
    b"</description><pubDate>Fri, 24 Jan 2025 08:00:00 GMT</pubDate></item>",
    b"</channel></rss>",
    b"<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><content type=\"html\">",
    b"</content></entry></feed>",
    b"<rdf:RDF>",
    b"{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [{\"content_html\": \"x\"}]}",
    b"<!doctype html><html><head><meta charset=\"shift_jis\"></head><body><p>",
    b"</p></body></html>",
    b" date 2025-01-24 ",
    b"The harbour council voted to close the port.",
    b"&#0;",
    b"&amp;",
];

/// Names that steer the tie-breaks and extensions.
const NAMES: &[&str] = &[
    "a.txt",
    "a.html",
    "a.htm.gz",
    "a.html.gz",
    "a.jsonl",
    "a.jsonl.gz",
    "a.warc",
    "a.warc.gz",
    "a.xml",
    "a.json",
    "",
    "\u{0}",
    "é.TXT",
];

fn stitched() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        6 => prop::sample::select(PIECES).prop_map(<[u8]>::to_vec),
        1 => prop::collection::vec(any::<u8>(), 0..32),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

fn limits() -> impl Strategy<Value = Limits> {
    prop_oneof![
        Just(Limits::default()),
        (0u64..2048, 0u64..2048, 0u64..2048, 0u64..8, 0u64..2048).prop_map(
            |(max_document, max_stream, max_record, max_ratio, ratio_grace)| Limits {
                max_document,
                max_stream,
                max_record,
                max_ratio,
                ratio_grace,
            }
        ),
    ]
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = GzEncoder::new(Vec::new(), Compression::fast());
    let _ = enc.write_all(bytes);
    enc.finish().unwrap_or_default()
}

fn check(bytes: &[u8], name: &str, limits: &Limits) -> Result<(), TestCaseError> {
    // Every record or error is read; a stream that never ends is a bug too.
    let n = from_bytes(bytes.to_vec(), name, limits)
        .take(100_000)
        .count();
    prop_assert!(n < 100_000, "{n} records from {} bytes", bytes.len());
    let _ = Format::sniff(bytes, name);
    let _ = looks_binary(bytes);
    let _ = decode(bytes, None, name);
    let _ = decode(bytes, Some(name), name);
    let text = String::from_utf8_lossy(bytes);
    let _ = charset_param(&text);
    let (date, rest) = split_date_prefix(&text);
    prop_assert!(rest.len() <= text.len());
    if let Some(d) = date {
        prop_assert!(d.len() <= text.len());
    }
    Ok(())
}

proptest! {
    // No regression files: the crate keeps no proptest state in the tree.
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn never_panics_on_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..512), name in prop::sample::select(NAMES), l in limits()) {
        check(&bytes, name, &l)?;
    }

    #[test]
    fn never_panics_on_stitched_containers(bytes in stitched(), name in prop::sample::select(NAMES), l in limits()) {
        check(&bytes, name, &l)?;
    }

    #[test]
    fn never_panics_on_gzip(bytes in stitched(), cut in any::<prop::sample::Index>(), name in prop::sample::select(NAMES), l in limits()) {
        let gz = gzip(&bytes);
        check(&gz, name, &l)?;
        // Cut short anywhere: a truncated download.
        check(&gz[..cut.index(gz.len() + 1)], name, &l)?;
    }
}
