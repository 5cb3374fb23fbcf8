//! Page furniture left at the end of an article's text.
//!
//! After the last paragraph, extractors often keep a run of short lines:
//! "Related topics", "Recommended", a member-only notice's menu, a list of
//! keywords. A line with no sentence end, in a run that closes the text and
//! that no paragraph follows, is a label, not the article: such a tail is
//! dropped. A heading is always followed by its section, so none is lost.

/// Lines shorter than this many characters can be labels.
const MAX_LABEL_CHARS: usize = 40;

/// Drops the closing run of short lines without a sentence end.
pub fn drop(text: &str) -> String {
    let paras: Vec<&str> = text.split("\n\n").collect();
    let mut end = paras.len();
    while end > 1 && label(paras[end - 1]) {
        end -= 1;
    }
    if end == paras.len() {
        return text.to_string();
    }
    paras[..end].join("\n\n")
}

/// A short line that does not end as a sentence does.
fn label(p: &str) -> bool {
    let p = p.trim();
    if p.is_empty() {
        return true;
    }
    if p.chars().count() >= MAX_LABEL_CHARS || p.contains('\n') {
        return false;
    }
    let last = p
        .trim_end_matches(['"', '\'', '”', '’', '»', '」', '』', ')'])
        .chars()
        .last();
    !matches!(
        last,
        Some('.' | '!' | '?' | '。' | '！' | '？' | '…' | ':' | '؟' | '।')
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closing_labels_go() {
        let text = "The ferry resumed service on Monday after repairs.\n\nIt runs hourly.\n\nRelated topics\n\nHarbour\n\nRecommended";
        assert_eq!(
            drop(text),
            "The ferry resumed service on Monday after repairs.\n\nIt runs hourly."
        );
    }

    #[test]
    fn sentences_and_headed_sections_stay() {
        let text =
            "Opening paragraph of the report.\n\nWhat comes next\n\nThe council votes in May.";
        assert_eq!(drop(text), text);
        let text = "A single short line";
        assert_eq!(drop(text), text);
        assert_eq!(drop(""), "");
    }
}
