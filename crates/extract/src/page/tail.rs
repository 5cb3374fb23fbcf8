//! Page furniture left at the end of an article's text.
//!
//! After the last paragraph, extractors often keep a run of short lines:
//! "Related topics", "Recommended", a member-only notice's menu, a list of
//! keywords. A line with no sentence end, in a run that closes the text and
//! that no paragraph follows, is a label, not the article: such a tail is
//! dropped. A heading is always followed by its section, so none is lost.

/// Lines shorter than this many characters can be labels.
const MAX_LABEL_CHARS: usize = 40;

/// Lines up to this many characters can be teaser headlines.
const MAX_TEASER_CHARS: usize = 120;

/// Lines a closing run of labels and teaser headlines needs to be taken
/// for a list of other articles rather than the article's last lines.
const MIN_TEASER_RUN: usize = 4;

/// Drops the closing run of short lines without a sentence end, and a
/// longer closing run that mixes them with teaser headlines (lines of a
/// headline's length without a sentence end) and a copyright notice.
pub fn drop(text: &str) -> String {
    let paras: Vec<&str> = text.split("\n\n").collect();
    let mut end = paras.len();
    while end > 1 && label(paras[end - 1]) {
        end -= 1;
    }
    let mut start = paras.len();
    while start > 1 && {
        let p = paras[start - 1];
        label(p) || teaser(p) || notice(p)
    } {
        start -= 1;
    }
    // Lists and tables close articles too (tour dates, a price table):
    // only a run that shows the page's own marks, a copyright line or
    // the times of other articles, is taken for furniture.
    let run = &paras[start..];
    let marked = run.iter().any(|p| notice(p)) || run.iter().filter(|p| timestamp(p)).count() >= 2;
    if run.len() >= MIN_TEASER_RUN && marked {
        end = end.min(start);
    }
    if end == paras.len() {
        return text.to_string();
    }
    paras[..end].join("\n\n")
}

/// A line of a headline's length that does not end as a sentence does.
fn teaser(p: &str) -> bool {
    let p = p.trim();
    !p.contains('\n') && p.chars().count() <= MAX_TEASER_CHARS && !ends_sentence(p)
}

/// A line that is only a date or a time ("20/1/2026 05:10").
fn timestamp(p: &str) -> bool {
    let p = p.trim();
    p.chars().filter(char::is_ascii_digit).count() >= 4
        && p.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '/' | '.' | ':' | '-' | ','))
}

/// A copyright line.
fn notice(p: &str) -> bool {
    let lower = p.trim().to_lowercase();
    lower.chars().count() <= 2 * MAX_TEASER_CHARS
        && (lower.starts_with('©')
            || lower.starts_with("copyright")
            || lower.contains("all rights reserved"))
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
    !ends_sentence(p)
}

/// Whether `p` (trimmed) ends as a sentence does.
pub(super) fn ends_sentence(p: &str) -> bool {
    let last = p
        .trim_end_matches(['"', '\'', '”', '’', '»', '」', '』', ')'])
        .chars()
        .last();
    matches!(
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
    fn other_articles_with_their_times_go_and_a_closing_list_stays() {
        let body = "The ferry resumed service on Monday after repairs.";
        let text = format!(
            "{body}\n\nMore news\n\nCouncil weighs a second bridge over the estuary\n\n\
             20/1/2026 05:10\n\nHarbour fees rise for the winter season\n\n19/1/2026 17:45\n\n\
             Copyright 2026 The Harbour Gazette. All rights reserved"
        );
        assert_eq!(drop(&text), body);
        let list = format!(
            "{body}\n\nSailings this week:\n\nMonday 9 - Port Ellen to Kennacraig, the early boat\n\n\
             Tuesday 10 - Kennacraig to Port Askaig, the early boat\n\n\
             Wednesday 11 - Port Askaig to Colonsay, the late boat\n\n\
             Thursday 12 - Colonsay to Oban, the late boat"
        );
        assert_eq!(drop(&list), list);
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
