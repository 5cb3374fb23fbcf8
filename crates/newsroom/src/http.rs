//! HTTP helpers: dates, gzip, conditional requests.

use std::io::Write as _;

use bytes::Bytes;
use hyper::HeaderMap;
use hyper::header::{ACCEPT_ENCODING, IF_MODIFIED_SINCE, IF_NONE_MATCH};
use jiff::Timestamp;
use jiff::fmt::rfc2822::{DateTimeParser, DateTimePrinter};

/// `at` as an HTTP date (`Sun, 06 Nov 1994 08:49:37 GMT`), also fit for
/// RSS `pubDate`.
pub(crate) fn http_date(at: Timestamp) -> String {
    DateTimePrinter::new()
        .timestamp_to_rfc9110_string(&at)
        .unwrap_or_default()
}

/// An HTTP date parsed, or `None`.
pub(crate) fn parse_http_date(text: &str) -> Option<Timestamp> {
    DateTimeParser::new().parse_timestamp(text.trim()).ok()
}

/// `bytes` gzipped.
pub(crate) fn gzip(bytes: &[u8]) -> Bytes {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    // Writing to a Vec cannot fail.
    let _ = enc.write_all(bytes);
    Bytes::from(enc.finish().unwrap_or_default())
}

/// Whether the request's `Accept-Encoding` allows gzip.
pub(crate) fn accepts_gzip(headers: &HeaderMap) -> bool {
    headers
        .get_all(ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|coding| {
            let mut parts = coding.split(';');
            let name = parts.next().unwrap_or("").trim().to_ascii_lowercase();
            let refused = parts.any(|p| {
                p.trim()
                    .strip_prefix("q=")
                    .and_then(|q| q.trim().parse::<f32>().ok())
                    .is_some_and(|q| q <= 0.0)
            });
            matches!(name.as_str(), "gzip" | "x-gzip" | "*") && !refused
        })
}

/// Whether a conditional request's validators match, so that a 304 answers
/// it: `If-None-Match` against `etag` when present (RFC 9110 13.2.2), else
/// `If-Modified-Since` against `last_modified`.
pub(crate) fn not_modified(
    headers: &HeaderMap,
    etag: &str,
    last_modified: Option<Timestamp>,
) -> bool {
    let tags: Vec<&str> = headers
        .get_all(IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|t| t.trim().trim_start_matches("W/"))
        .collect();
    if !tags.is_empty() {
        return tags.iter().any(|&t| t == "*" || t == etag);
    }
    let since = headers
        .get(IF_MODIFIED_SINCE)
        .and_then(|v| v.to_str().ok())
        .and_then(parse_http_date);
    match (since, last_modified) {
        // HTTP dates have whole seconds.
        (Some(since), Some(modified)) => modified.as_second() <= since.as_second(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use hyper::header::HeaderValue;

    #[test]
    fn dates_round_trip() {
        let t = Timestamp::from_second(784_111_777).unwrap();
        assert_eq!(http_date(t), "Sun, 06 Nov 1994 08:49:37 GMT");
        assert_eq!(parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT"), Some(t));
        assert_eq!(parse_http_date("yesterday"), None);
    }

    #[test]
    fn gzip_negotiation() {
        let mut h = HeaderMap::new();
        assert!(!accepts_gzip(&h));
        h.insert(ACCEPT_ENCODING, HeaderValue::from_static("br, gzip;q=0.8"));
        assert!(accepts_gzip(&h));
        h.insert(
            ACCEPT_ENCODING,
            HeaderValue::from_static("gzip;q=0, identity"),
        );
        assert!(!accepts_gzip(&h));
    }

    #[test]
    fn conditional_requests() {
        let t = Timestamp::from_second(1_000_000).unwrap();
        let mut h = HeaderMap::new();
        assert!(!not_modified(&h, "\"x\"", Some(t)));
        h.insert(IF_NONE_MATCH, HeaderValue::from_static("\"y\", W/\"x\""));
        assert!(not_modified(&h, "\"x\"", Some(t)));
        assert!(!not_modified(&h, "\"z\"", Some(t)));
        let mut h = HeaderMap::new();
        h.insert(
            IF_MODIFIED_SINCE,
            HeaderValue::from_str(&http_date(t)).unwrap(),
        );
        assert!(not_modified(&h, "\"x\"", Some(t)));
        assert!(!not_modified(
            &h,
            "\"x\"",
            Some(t.checked_add(jiff::SignedDuration::from_secs(1)).unwrap())
        ));
        assert!(!not_modified(&h, "\"x\"", None));
    }
}
