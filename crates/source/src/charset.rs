//! Bytes to text, in whatever encoding the input used.
//!
//! Order of evidence: a byte-order mark, then valid UTF-8 (most of the web,
//! and legacy pages that only declare a charset are rarely valid UTF-8 by
//! accident), then UTF-8 with a few stray bytes (see [`mostly_utf8`]), then
//! a declared charset (HTTP header, `<meta>`, XML prolog), then a
//! statistical guess. Binary junk is refused rather than decoded.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

use crate::SourceError;

/// How many leading bytes are examined for binary content and declarations.
const SNIFF: usize = 8 << 10;

/// Decodes `bytes` to UTF-8 text. `declared` is a charset label from outside
/// the bytes (an HTTP `Content-Type` parameter), if any.
pub fn decode(bytes: &[u8], declared: Option<&str>, input: &str) -> Result<String, SourceError> {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom..]);
        return Ok(text.into_owned());
    }
    if let Some(enc) = utf16_without_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(bytes);
        return Ok(text.into_owned());
    }
    if looks_binary(bytes) {
        return Err(SourceError::Binary {
            input: input.to_string(),
        });
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(text.to_string());
    }
    if mostly_utf8(bytes) {
        return Ok(String::from_utf8_lossy(bytes).into_owned());
    }
    let enc = declared
        .and_then(|l| Encoding::for_label(l.trim().as_bytes()))
        .or_else(|| declared_in(bytes))
        .filter(|e| *e != UTF_8 && *e != UTF_16LE && *e != UTF_16BE)
        .unwrap_or_else(|| guess(bytes));
    let (text, _, _) = enc.decode(bytes);
    Ok(text.into_owned())
}

/// UTF-8 with a few stray bytes (a bad copy, a truncated character), not a
/// legacy charset: at least as many valid multi-byte sequences as invalid
/// ones. Legacy 8-bit text almost never forms a valid multi-byte sequence
/// by accident, so its high bytes all count as invalid. The stray bytes
/// become U+FFFD instead of turning every other character into mojibake.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut valid, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        // Each multi-byte character has exactly one lead byte (0xC0 and up).
        valid += chunk.valid().bytes().filter(|b| *b >= 0xc0).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    valid > 0 && valid >= invalid
}

/// Text with a BOM-less UTF-16 shape: every other byte NUL.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(SNIFF)];
    if head.len() < 8 {
        return None;
    }
    let pairs = head.len() / 2;
    let even_nul = head.iter().step_by(2).filter(|b| **b == 0).count();
    let odd_nul = head.iter().skip(1).step_by(2).filter(|b| **b == 0).count();
    if odd_nul * 10 > pairs * 7 && even_nul * 10 < pairs {
        Some(UTF_16LE)
    } else if even_nul * 10 > pairs * 7 && odd_nul * 10 < pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// NULs or many control bytes in the head mean this is not text.
pub fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(SNIFF)];
    if head.is_empty() {
        return false;
    }
    let controls = head
        .iter()
        .filter(|&&b| b == 0 || (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b)))
        .count();
    head.contains(&0) || controls * 20 > head.len()
}

/// A charset declared inside the document's head: `<meta charset>`,
/// `<meta http-equiv content="...; charset=">` or an XML prolog.
fn declared_in(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(SNIFF)];
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    for key in [&b"charset="[..], &b"encoding="[..]] {
        let mut from = 0;
        while let Some(pos) = find(&lower[from..], key) {
            let start = from + pos + key.len();
            let rest = &head[start..];
            let rest = rest
                .strip_prefix(b"\"")
                .or_else(|| rest.strip_prefix(b"'"))
                .unwrap_or(rest);
            let end = rest
                .iter()
                .position(|b| {
                    !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
                })
                .unwrap_or(rest.len());
            if let Some(enc) = Encoding::for_label(&rest[..end]) {
                return Some(enc);
            }
            from = start;
        }
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn guess(bytes: &[u8]) -> &'static Encoding {
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(&bytes[..bytes.len().min(256 << 10)], true);
    det.guess(None, chardetng::Utf8Detection::Allow)
}

/// The `charset` parameter of a MIME type (`text/html; charset=ISO-8859-1`).
pub fn charset_param(content_type: &str) -> Option<&str> {
    content_type.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| v.trim().trim_matches(|c| c == '"' || c == '\''))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_passes() {
        assert_eq!(decode("héllo".as_bytes(), None, "x").unwrap(), "héllo");
    }

    #[test]
    fn declared_latin1_in_meta() {
        let mut page = b"<html><head><meta charset=\"windows-1252\"></head><body>caf".to_vec();
        page.push(0xe9);
        page.extend(b" cr\x8cme</body></html>");
        let text = decode(&page, None, "x").unwrap();
        assert!(text.contains("café"), "{text}");
    }

    #[test]
    fn header_charset_wins_over_guess() {
        let bytes = [b'n', 0xe4, b'c', b'h', b's', b't', b'e'];
        assert_eq!(decode(&bytes, Some("iso-8859-1"), "x").unwrap(), "nächste");
    }

    #[test]
    fn utf16_with_and_without_bom() {
        let mut with_bom = vec![0xff, 0xfe];
        let body: Vec<u8> = "Hello, world"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        with_bom.extend(&body);
        assert_eq!(decode(&with_bom, None, "x").unwrap(), "Hello, world");
        assert_eq!(decode(&body, None, "x").unwrap(), "Hello, world");
    }

    #[test]
    fn binary_is_refused() {
        let junk: Vec<u8> = (0..4096u32)
            .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
            .collect();
        assert!(matches!(
            decode(&junk, None, "j.bin"),
            Err(SourceError::Binary { .. })
        ));
    }

    #[test]
    fn invalid_utf8_is_decoded_not_refused() {
        let bytes = b"Good text with a bad byte \xff here and more text";
        let text = decode(bytes, None, "x").unwrap();
        assert!(text.starts_with("Good text"));
    }

    #[test]
    fn utf8_with_stray_bytes_stays_utf8() {
        let mut bytes = "Zürich café: the lake ferry runs again".as_bytes().to_vec();
        bytes.insert(7, 0xff);
        bytes.extend(b" \xe9");
        let text = decode(&bytes, None, "x").unwrap();
        assert_eq!(
            text,
            "Zürich\u{fffd} café: the lake ferry runs again \u{fffd}"
        );
        // Even against a declared legacy charset.
        let text = decode(&bytes, Some("windows-1252"), "x").unwrap();
        assert!(text.starts_with("Zürich"), "{text}");
    }

    #[test]
    fn legacy_text_is_not_mistaken_for_utf8() {
        // windows-1252 "Zürich café" with one accidental valid UTF-8 pair
        // ("Ã©") among more invalid bytes.
        let bytes = b"Z\xfcrich caf\xe9 and cr\xe8me, \xc3\xa9t\xe9 \x93quoted\x94";
        let text = decode(bytes, Some("windows-1252"), "x").unwrap();
        assert!(text.starts_with("Zürich café and crème"), "{text}");
        let page = include_bytes!("../../../tests/data/article_latin1.html");
        let text = decode(page, None, "article_latin1.html").unwrap();
        assert!(text.contains("Greyhaven’s public library"), "{text}");
        assert!(!text.contains('\u{fffd}'));
    }

    #[test]
    fn charset_param_parses() {
        assert_eq!(charset_param("text/html; charset=\"UTF-8\""), Some("UTF-8"));
        assert_eq!(charset_param("text/html"), None);
    }
}
