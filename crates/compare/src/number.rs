//! Numbers: the value of a number as news writes it, and its qualifier.
//!
//! Digits ("1,200", "1.5"), digits with a scale ("1.2 million", "$3bn"),
//! number words ("nine", "twenty-five", "a dozen", "two hundred and
//! forty", "1.2 million") all read to one value. Vague plurals ("dozens",
//! "hundreds") read to none: they cannot contradict a figure. A qualifier
//! before the number ("at least", "nearly", "about", "up to") widens the
//! value to the range it allows, so "at least 12" and "15" agree while "at
//! least 12" and "nine" do not.

use crate::word::{Kind, Token, tokens};

/// The range of values a stated figure allows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Range {
    /// The number as written.
    pub value: f64,
    /// Lowest value allowed.
    pub low: f64,
    /// Highest value allowed.
    pub high: f64,
}

impl Range {
    /// Whether two figures can both be true.
    pub fn agrees(&self, other: &Range) -> bool {
        self.low <= other.high && other.low <= self.high
    }
}

fn unit_word(w: &str) -> Option<f64> {
    const UNITS: &[&str] = &[
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: &[&str] = &[
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    if let Some(i) = UNITS.iter().position(|u| *u == w) {
        return Some(i as f64);
    }
    TENS.iter()
        .position(|t| *t == w)
        .map(|i| (i as f64 + 2.0) * 10.0)
}

fn scale_word(w: &str) -> Option<f64> {
    match w {
        "thousand" => Some(1e3),
        "million" | "mln" => Some(1e6),
        "billion" | "bln" => Some(1e9),
        "trillion" => Some(1e12),
        _ => None,
    }
}

/// Digits with an abbreviated scale glued on: "3bn", "1.5m", "20k".
fn glued(w: &str) -> Option<f64> {
    let lower = w.to_ascii_lowercase();
    for (suffix, scale) in [("bn", 1e9), ("mn", 1e6), ("m", 1e6), ("b", 1e9), ("k", 1e3)] {
        if let Some(d) = lower.strip_suffix(suffix)
            && !d.is_empty()
            && d.chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        {
            return d.replace(',', "").parse::<f64>().ok().map(|v| v * scale);
        }
    }
    None
}

/// Reads the number that starts at token `i`: its value and the index
/// just past it.
pub(crate) fn read(toks: &[Token], i: usize) -> Option<(f64, usize)> {
    let t = toks.get(i)?;
    let lower = |k: usize| toks.get(k).map(Token::lower).unwrap_or_default();
    if t.kind == Kind::Number {
        let v: f64 = t.text.replace(',', "").parse().ok()?;
        if let Some(s) = scale_word(&lower(i + 1)) {
            return Some((v * s, i + 2));
        }
        return Some((v, i + 1));
    }
    if t.kind != Kind::Word {
        return None;
    }
    if let Some(v) = glued(t.text) {
        return Some((v, i + 1));
    }
    let mut j = i;
    // "a dozen", "a hundred", "a million".
    let first = lower(i);
    if matches!(first.as_str(), "a" | "an") {
        let next = lower(i + 1);
        if next != "dozen" && next != "hundred" && scale_word(&next).is_none() {
            return None;
        }
        j = i + 1;
    }
    let (mut total, mut current, mut read_any) = (0.0f64, 0.0f64, false);
    let mut k = j;
    while k < toks.len() && k < j + 12 {
        let w = lower(k);
        if let Some(u) = unit_word(&w) {
            current += u;
        } else if w == "hundred" {
            current = current.max(1.0) * 100.0;
        } else if w == "dozen" {
            current = current.max(1.0) * 12.0;
        } else if let Some(s) = scale_word(&w) {
            total += current.max(1.0) * s;
            current = 0.0;
        } else if read_any
            && (toks.get(k).is_some_and(|t| t.is('-')) || w == "and")
            && toks
                .get(k + 1)
                .is_some_and(|n| unit_word(&n.lower()).is_some())
        {
            // "twenty-five", "two hundred and forty".
            k += 1;
            continue;
        } else {
            break;
        }
        read_any = true;
        k += 1;
    }
    read_any.then_some((total + current, k))
}

/// Reads the qualifier that ends just before token `i` and the range of a
/// figure `value` it allows, with the index where the qualifier starts.
pub(crate) fn qualify(toks: &[Token], i: usize, value: f64) -> (Range, usize) {
    let word = |back: usize| {
        i.checked_sub(back)
            .and_then(|k| toks.get(k))
            .map(Token::lower)
            .unwrap_or_default()
    };
    // A currency sign sits between the qualifier and the number.
    let skip = usize::from(
        i.checked_sub(1)
            .and_then(|k| toks.get(k))
            .is_some_and(|t| t.kind == Kind::Mark && matches!(t.text, "$" | "€" | "£")),
    );
    let w1 = word(1 + skip);
    let w2 = word(2 + skip);
    let w3 = word(3 + skip);
    let pair = format!("{w2} {w1}");
    let triple = format!("{w3} {w2} {w1}");
    let (low, high, len) = if matches!(
        triple.as_str(),
        "in excess of" | "as many as" | "as much as"
    ) {
        if w3 == "in" {
            (value, f64::INFINITY, 3)
        } else {
            (0.0, value, 3)
        }
    } else if matches!(
        pair.as_str(),
        "at least" | "more than" | "upwards of" | "greater than"
    ) {
        (value, f64::INFINITY, 2)
    } else if matches!(
        pair.as_str(),
        "up to" | "fewer than" | "less than" | "at most"
    ) {
        (0.0, value, 2)
    } else if matches!(pair.as_str(), "close to" | "an estimated") {
        (value * 0.85, value * 1.15, 2)
    } else if matches!(w1.as_str(), "over" | "exceeding" | "above") {
        (value, f64::INFINITY, 1)
    } else if matches!(w1.as_str(), "under" | "below") {
        (0.0, value, 1)
    } else if matches!(w1.as_str(), "nearly" | "almost") {
        (value * 0.85, value, 1)
    } else if matches!(
        w1.as_str(),
        "about" | "around" | "roughly" | "approximately" | "some" | "estimated" | "approx" | "~"
    ) {
        (value * 0.85, value * 1.15, 1)
    } else if value >= 1000.0 && value % 100.0 == 0.0 {
        // Big round numbers are rounded.
        (value * 0.95, value * 1.05, 0)
    } else {
        (value, value, 0)
    };
    let start = i.saturating_sub(skip + len);
    (Range { value, low, high }, start)
}

/// The value of a number phrase ("nine", "a dozen", "1.2 million",
/// "1,200"), if the phrase opens with one.
pub fn value(phrase: &str) -> Option<f64> {
    let toks = tokens(phrase, 32);
    read(&toks, 0).map(|(v, _)| v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_numbers() {
        assert_eq!(value("nine"), Some(9.0));
        assert_eq!(value("a dozen"), Some(12.0));
        assert_eq!(value("1.2 million"), Some(1.2e6));
        assert_eq!(value("1,200"), Some(1200.0));
        assert_eq!(value("twenty-five"), Some(25.0));
        assert_eq!(value("two hundred and forty"), Some(240.0));
        assert_eq!(value("3bn"), Some(3e9));
        assert_eq!(value("half a million"), None);
        assert_eq!(value("dozens"), None);
        assert_eq!(value("a man"), None);
        assert_eq!(value(""), None);
    }

    #[test]
    fn qualifiers_widen() {
        let toks = tokens("at least 12", 8);
        let (r, start) = qualify(&toks, 2, 12.0);
        assert_eq!(start, 0);
        assert!(r.agrees(&Range {
            value: 15.0,
            low: 15.0,
            high: 15.0
        }));
        assert!(!r.agrees(&Range {
            value: 9.0,
            low: 9.0,
            high: 9.0
        }));
        let toks = tokens("more than $1 billion", 8);
        let (r, start) = qualify(&toks, 3, 1e9);
        assert_eq!((start, r.high), (0, f64::INFINITY));
    }
}
