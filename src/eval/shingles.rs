//! The body metric of the article-extraction benchmark: 4-word shingles.
//!
//! Words are runs of `\w` characters; every run of 4 consecutive words is a
//! shingle (case-sensitive). Per page, true positives are shared shingles
//! counting duplicates; the page's TP/FP/FN are normalised to sum to 1 so
//! every page weighs the same, then summed over pages.

use std::collections::HashMap;

/// Per-page normalised (tp, fp, fn).
pub fn page_counts(truth: &str, pred: &str) -> (f64, f64, f64) {
    let t = shingles(truth);
    let p = shingles(pred);
    let mut tp = 0usize;
    let mut fp = 0usize;
    for (s, &pc) in &p {
        let tc = t.get(s).copied().unwrap_or(0);
        tp += pc.min(tc);
        fp += pc.saturating_sub(tc);
    }
    let fn_: usize = t
        .iter()
        .map(|(s, &tc)| tc.saturating_sub(p.get(s).copied().unwrap_or(0)))
        .sum();
    let sum = (tp + fp + fn_) as f64;
    if sum == 0.0 {
        (0.0, 0.0, 0.0)
    } else {
        (tp as f64 / sum, fp as f64 / sum, fn_ as f64 / sum)
    }
}

/// Words as Python's `\w+` sees them: characters of the Unicode letter
/// and number categories, and `_` (not combining marks, which Rust's
/// `is_alphanumeric` would take).
fn words(text: &str) -> Vec<&str> {
    let is_word = |c: char| {
        use unicode_general_category::{GeneralCategory as G, get_general_category};
        c == '_'
            || matches!(
                get_general_category(c),
                G::UppercaseLetter
                    | G::LowercaseLetter
                    | G::TitlecaseLetter
                    | G::ModifierLetter
                    | G::OtherLetter
                    | G::DecimalNumber
                    | G::LetterNumber
                    | G::OtherNumber
            )
    };
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (is_word(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(&text[s..i]);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(&text[s..]);
    }
    out
}

fn shingles(text: &str) -> HashMap<[&str; 4], usize> {
    let w = words(text);
    let mut out = HashMap::new();
    if w.len() < 4 {
        // Python's range(max(1, n - 3)) with a short list yields one partial
        // shingle when there are 1..=3 words.
        if !w.is_empty() {
            let mut s = [""; 4];
            for (i, x) in w.iter().enumerate() {
                s[i] = x;
            }
            *out.entry(s).or_insert(0) += 1;
        }
        return out;
    }
    for win in w.windows(4) {
        *out.entry([win[0], win[1], win[2], win[3]]).or_insert(0) += 1;
    }
    out
}

/// Precision, recall and F1 from summed page counts.
pub fn prf(tp: f64, fp: f64, fn_: f64) -> (f64, f64, f64) {
    let p = if tp + fp > 0.0 { tp / (tp + fp) } else { 0.0 };
    let r = if tp + fn_ > 0.0 { tp / (tp + fn_) } else { 0.0 };
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_is_perfect() {
        let (tp, fp, fn_) = page_counts("one two three four five", "one two three four five");
        assert_eq!((tp, fp, fn_), (1.0, 0.0, 0.0));
    }

    #[test]
    fn half_overlap() {
        // truth shingles: [a b c d], [b c d e]; pred: [b c d e], [c d e f]
        let (tp, fp, fn_) = page_counts("a b c d e", "b c d e f");
        assert!(
            (tp - 1.0 / 3.0).abs() < 1e-9
                && (fp - 1.0 / 3.0).abs() < 1e-9
                && (fn_ - 1.0 / 3.0).abs() < 1e-9
        );
    }

    #[test]
    fn empty_prediction() {
        assert_eq!(page_counts("a b c d", ""), (0.0, 0.0, 1.0));
        assert_eq!(page_counts("", ""), (0.0, 0.0, 0.0));
    }

    #[test]
    fn words_split_like_python() {
        assert_eq!(
            words("Don't stop—it's 5:30, café_au lait"),
            vec!["Don", "t", "stop", "it", "s", "5", "30", "café_au", "lait"]
        );
    }
}
