//! Second copies of an article's text inside one page.
//!
//! Pages often carry the article twice (a mobile and a desktop layout, a
//! print view, an expanded tab) and the extractor keeps both. A stretch of
//! prose met a second time is such a copy; short lines that recur (list
//! items, recipe steps, an interviewer's stock question) can be genuine,
//! so only long stretches of long paragraphs are dropped.
//!
//! A paragraph that repeats the one right before it is always dropped:
//! trafilatura emits text wrapped in nested formatting outside a paragraph
//! (`<div><b><i>...`) once per level, and no article says the same
//! paragraph twice in a row.

use std::collections::HashSet;

/// A repeated stretch shorter than this many words is kept.
const MIN_WORDS: usize = 80;

/// A repeated stretch whose paragraphs average fewer words than this is
/// list-like and kept.
const MIN_MEAN_WORDS: usize = 12;

/// Drops stretches of paragraphs (separated by blank lines) that repeat
/// earlier ones verbatim, when they are long prose.
pub fn drop(text: &str) -> String {
    let paras: Vec<&str> = text.split("\n\n").collect();
    let mut seen: HashSet<&str> = HashSet::with_capacity(paras.len());
    let repeated: Vec<bool> = paras.iter().map(|p| !seen.insert(p)).collect();
    let mut keep: Vec<bool> = (0..paras.len())
        .map(|i| i == 0 || paras[i].trim() != paras[i - 1].trim())
        .collect();
    let mut i = 0;
    while i < paras.len() {
        if !repeated[i] {
            i += 1;
            continue;
        }
        let start = i;
        while i < paras.len() && repeated[i] {
            i += 1;
        }
        let words: usize = paras[start..i]
            .iter()
            .map(|p| p.split_whitespace().count())
            .sum();
        if words >= MIN_WORDS && words >= MIN_MEAN_WORDS * (i - start) {
            keep[start..i].fill(false);
        }
    }
    if keep.iter().all(|&k| k) {
        return text.to_string();
    }
    let kept: Vec<&str> = paras
        .iter()
        .zip(&keep)
        .filter_map(|(p, &k)| k.then_some(*p))
        .collect();
    kept.join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prose(seed: &str) -> String {
        format!(
            "{seed} the committee met again on Thursday evening to weigh the budget, \
             and members argued for two hours over the cost of repairing the old pier."
        )
    }

    #[test]
    fn a_second_copy_of_the_article_goes() {
        let [a, b, c, d] = ["First,", "Then", "Later", "Finally"].map(prose);
        let text = [&a, &b, &c, &d, "Share this", &a, &b, &c, &d].join("\n\n");
        assert_eq!(drop(&text), [&a, &b, &c, &d, "Share this"].join("\n\n"));
    }

    #[test]
    fn recurring_short_lines_stay() {
        let text =
            "Step one\n\nMix the flour.\n\nStep two\n\nAdd water.\n\nStep one\n\nMix the flour.";
        assert_eq!(drop(text), text);
    }

    #[test]
    fn one_repeated_sentence_stays() {
        let a = prose("Meanwhile");
        let text = format!("{a}\n\nSomething else entirely happened.\n\n{a}");
        assert_eq!(drop(&text), text);
    }

    #[test]
    fn a_paragraph_said_twice_in_a_row_goes() {
        let a = prose("Meanwhile");
        let text = format!("{a}\n\n{a}\n\n{a}\n\nShort line.\n\nShort line.\n\nThe end.");
        assert_eq!(drop(&text), format!("{a}\n\nShort line.\n\nThe end."));
    }

    #[test]
    fn empty_text() {
        assert_eq!(drop(""), "");
    }
}
