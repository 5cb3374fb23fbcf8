//! The content hash that identifies an article in the store.
//!
//! The hash covers the raw body, its kind (`html` or `text`) and the URL the
//! input gave, if any. The body is canonicalised: line endings normalised to
//! `\n`, trailing whitespace trimmed from every line and trailing blank
//! lines dropped.
//!
//! - re-ingesting the same input (even re-exported with CRLF line endings)
//!   adds nothing;
//! - the same wire text published at two URLs is two articles: which outlets
//!   carried a copy is part of the story, and the clustering stage groups
//!   such near-duplicates and counts them once;
//! - the same text as HTML and as plain text hashes differently, because the
//!   two are extracted differently.

use sha2::{Digest, Sha256};
use storyline_model::{Body, Record};

/// Prefix of the hashed bytes, so a future change of canonical form can
/// never collide with hashes already stored.
const DOMAIN: &[u8] = b"storyline-content-v2\0";

/// The hex SHA-256 of a record's canonical raw body (see the module docs).
pub fn content_hash(record: &Record) -> String {
    hash_of(&record.body, record.hints.url.as_deref())
}

/// The hash of a body alone, as for a record without a URL.
pub(crate) fn body_hash(body: &Body) -> String {
    hash_of(body, None)
}

fn hash_of(body: &Body, url: Option<&str>) -> String {
    let mut h = Sha256::new();
    h.update(DOMAIN);
    if let Some(u) = url.map(str::trim).filter(|u| !u.is_empty()) {
        h.update(b"url\0");
        h.update(u.as_bytes());
        h.update(b"\0");
    }
    h.update(body.kind().as_bytes());
    h.update(b"\0");
    feed_canonical(&mut h, body.as_str());
    hex(&h.finalize())
}

/// Feeds `text` in canonical form without building the canonical string.
fn feed_canonical(h: &mut Sha256, text: &str) {
    // Blank lines are held back until a non-blank one follows, so that
    // trailing blank lines vanish without a second pass.
    let mut pending_newlines = 0usize;
    let mut first = true;
    for segment in text.split('\n') {
        // A segment may still hold lone `\r` line breaks (old Mac files);
        // a `\r` ending a CRLF pair is removed by `trim_end` first.
        for line in segment.trim_end().split('\r') {
            let line = line.trim_end();
            if !first {
                pending_newlines += 1;
            }
            first = false;
            if !line.is_empty() {
                for _ in 0..pending_newlines {
                    h.update(b"\n");
                }
                pending_newlines = 0;
                h.update(line.as_bytes());
            }
        }
    }
}

fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for &b in bytes {
        s.push(char::from(DIGITS[usize::from(b >> 4)]));
        s.push(char::from(DIGITS[usize::from(b & 0xf)]));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn canon(text: &str) -> String {
        body_hash(&Body::Text(text.to_owned()))
    }

    #[test]
    fn is_lowercase_hex_sha256() {
        let h = canon("A short note.");
        assert_eq!(h.len(), 64);
        assert!(
            h.bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        );
    }

    #[test]
    fn line_endings_and_trailing_space_do_not_matter() {
        let base = canon("Council meets today.\n\nRoads close at noon.");
        assert_eq!(
            base,
            canon("Council meets today.\r\n\r\nRoads close at noon.\r\n")
        );
        assert_eq!(base, canon("Council meets today.\r\rRoads close at noon."));
        assert_eq!(
            base,
            canon("Council meets today.  \n \t\nRoads close at noon.\n\n\n")
        );
    }

    #[test]
    fn content_and_inner_blank_lines_matter() {
        let base = canon("one\n\ntwo");
        assert_ne!(base, canon("one\ntwo"));
        assert_ne!(base, canon("one\n\ntwo!"));
        assert_ne!(base, canon("  one\n\ntwo"), "leading space is kept");
    }

    #[test]
    fn kind_and_url_matter_and_the_source_does_not() {
        let text = "<p>Bridge reopens</p>";
        let mut rec = Record {
            source: "a.jsonl#1".into(),
            body: Body::Html(text.into()),
            hints: Default::default(),
        };
        let html = content_hash(&rec);
        rec.source = "b.warc#7".into();
        assert_eq!(
            html,
            content_hash(&rec),
            "the same input from another file is the same article"
        );
        rec.hints.url = Some("https://elsewhere.example/copy".into());
        let copy = content_hash(&rec);
        assert_ne!(
            html, copy,
            "a copy at another URL is another outlet's article"
        );
        rec.body = Body::Text(text.into());
        assert_ne!(copy, content_hash(&rec));
    }

    #[test]
    fn odd_input_does_not_panic() {
        for s in ["", "\r", "\n\r\n", "\u{feff}", "é\r\u{2028}\n", "\0\0"] {
            assert_eq!(canon(s).len(), 64);
        }
        assert_eq!(canon(""), canon("\n\n  \r\n"));
    }
}
