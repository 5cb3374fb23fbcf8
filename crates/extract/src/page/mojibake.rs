//! UTF-8 text that was once misread as Latin-1 and saved that way.
//!
//! Some pages carry their text double-encoded: each accented letter or
//! curly quote shows as two or three Latin-1 characters (`â` followed by
//! invisible control characters for an apostrophe, `Ã©` for `é`). The page
//! declares UTF-8 and the bytes are valid UTF-8, so decoding cannot catch
//! it; the text can. A run of two or more characters from U+0080..=U+00FF
//! whose Latin-1 bytes form valid UTF-8 is such a misreading: genuine
//! Latin-1 text almost never has its accented letters back to back in
//! that exact pattern.

use std::borrow::Cow;

/// Whether a character is one byte's worth of Latin-1 above ASCII.
fn high(c: char) -> bool {
    ('\u{80}'..='\u{ff}').contains(&c)
}

/// The text with misread UTF-8 runs decoded again; unchanged text is
/// borrowed.
pub fn repair(text: &str) -> Cow<'_, str> {
    // Fast path: most text has no two high Latin-1 characters in a row.
    let mut prev = false;
    let suspect = text.chars().any(|c| {
        let h = high(c);
        let pair = prev && h;
        prev = h;
        pair
    });
    if !suspect {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut run: Vec<u8> = Vec::new();
    for c in text.chars() {
        if high(c) {
            // Latin-1 characters are their own byte values.
            run.push(c as u32 as u8);
        } else {
            redecode(&mut run, &mut out);
            out.push(c);
        }
    }
    redecode(&mut run, &mut out);
    Cow::Owned(out)
}

/// Appends a run of high Latin-1 bytes, its valid UTF-8 stretches decoded
/// (each decoded character came from two or more misread ones) and the
/// rest as the Latin-1 characters they were; empties the run.
fn redecode(run: &mut Vec<u8>, out: &mut String) {
    for chunk in run.utf8_chunks() {
        out.push_str(chunk.valid());
        out.extend(chunk.invalid().iter().map(|&b| char::from(b)));
    }
    run.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Spells `s` the way a UTF-8 page misread as Latin-1 would.
    fn misread(s: &str) -> String {
        s.bytes().map(char::from).collect()
    }

    #[test]
    fn double_encoded_text_is_repaired() {
        let good = "The caf\u{e9}\u{2019}s owner said \u{201c}no\u{201d}.";
        assert_eq!(repair(&misread(good)), good);
    }

    #[test]
    fn genuine_text_is_untouched() {
        for s in [
            "Plain ASCII text.",
            "Cr\u{e8}me br\u{fb}l\u{e9}e and a stra\u{df}e",
            "Price: \u{a3}5 \u{b1}10% \u{a9} 2025",
            "\u{ab}\u{e9}t\u{e9}\u{bb}",
        ] {
            assert!(
                matches!(repair(s), Cow::Borrowed(_)) || repair(s) == s,
                "{s}"
            );
            assert_eq!(repair(s), s);
        }
    }

    #[test]
    fn genuine_and_misread_side_by_side() {
        let misread_quote = misread("\u{2019}");
        let s = format!("caf\u{e9}{misread_quote}s");
        assert_eq!(repair(&s), "caf\u{e9}\u{2019}s");
    }

    #[test]
    fn a_stray_pair_that_is_not_utf8_stays() {
        // 0xE9 0xE9 is not valid UTF-8.
        assert_eq!(repair("\u{e9}\u{e9}"), "\u{e9}\u{e9}");
    }
}
