//! The dates the story timeline needs from the five seed articles.
//!
//! Reads `../shared/seeds/*.txt` at run time (never copied into the
//! repository) and returns quietly when the folder is absent. Four seeds
//! open with " date YYYY-MM-DD ", the publication date; one is undated.

use std::path::{Path, PathBuf};

use jiff::civil::{Date, date};
use storyline_timex::{Timex, find};

fn seeds_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds")
}

/// The article text and its anchor (after the " date ..." header, if any).
fn load(prefix: &str) -> Option<(String, Option<Date>)> {
    let dir = seeds_dir();
    let entry = std::fs::read_dir(&dir)
        .ok()?
        .filter_map(Result::ok)
        .find(|e| e.file_name().to_string_lossy().starts_with(prefix))?;
    let text = std::fs::read_to_string(entry.path()).ok()?;
    let trimmed = text.trim_start();
    if let Some(rest) = trimmed.strip_prefix("date ") {
        let anchor = rest.get(..10).and_then(|s| s.parse::<Date>().ok());
        let body = rest.get(10..).unwrap_or("").to_string();
        return Some((body, anchor));
    }
    Some((text, None))
}

/// The expressions whose text is `phrase` (any case).
fn with_text<'a>(text: &str, found: &'a [Timex], phrase: &str) -> Vec<&'a Timex> {
    found
        .iter()
        .filter(|t| text[t.start..t.end].eq_ignore_ascii_case(phrase))
        .collect()
}

/// The expressions in the sentence (line) that mentions `marker`.
fn in_line_with<'a>(text: &str, found: &'a [Timex], marker: &str) -> Vec<&'a Timex> {
    let Some(at) = text.find(marker) else {
        return Vec::new();
    };
    let lo = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let hi = text[at..].find('\n').map_or(text.len(), |i| at + i);
    found
        .iter()
        .filter(|t| t.start >= lo && t.end <= hi)
        .collect()
}

#[test]
fn seed_dates_resolve() {
    if !seeds_dir().is_dir() {
        return;
    }
    // Zelenskyy and Trump met in Paris on 7 December 2024.
    if let Some((text, anchor)) = load("002_") {
        assert_eq!(anchor, Some(date(2024, 12, 27)));
        let found = find(&text, anchor);
        let paris = in_line_with(&text, &found, "Paris");
        assert!(
            paris.iter().any(|t| t.day() == Some(date(2024, 12, 7))),
            "{paris:?}"
        );
    }
    // Lavrov's press conference "on Thursday" = the anchor day itself.
    if let Some((text, anchor)) = load("003_") {
        let found = find(&text, anchor);
        let thursday = with_text(&text, &found, "Thursday");
        assert!(!thursday.is_empty());
        assert_eq!(thursday[0].day(), Some(date(2024, 12, 26)));
    }
    // The Security Council meeting on 20 January; the Paris visit and
    // Putin's remarks "earlier in December" fall in December 2024.
    if let Some((text, anchor)) = load("000_") {
        let found = find(&text, anchor);
        assert!(found.iter().any(|t| t.day() == Some(date(2025, 1, 20))));
        let earlier = with_text(&text, &found, "Earlier in December");
        assert_eq!(earlier.first().map(|t| t.value.as_str()), Some("2024-12"));
        let paris = in_line_with(&text, &found, "Paris");
        assert!(paris.iter().any(|t| t.value == "2024-12"), "{paris:?}");
    }
    // Trump's confirmation "On 23 January".
    if let Some((text, anchor)) = load("004_") {
        let found = find(&text, anchor);
        let day = with_text(&text, &found, "23 January");
        assert_eq!(day.first().and_then(|t| t.day()), Some(date(2025, 1, 23)));
    }
    // Undated: "on 9 January" keeps its year unknown and says so; once the
    // article is dated (the Security Council meeting, 2025-01-20) it
    // resolves to 2025-01-09.
    if let Some((text, anchor)) = load("001_") {
        assert_eq!(anchor, None);
        let found = find(&text, None);
        let ninth = with_text(&text, &found, "9 January");
        assert_eq!(ninth.first().map(|t| t.value.as_str()), Some("XXXX-01-09"));
        assert_eq!(ninth.first().and_then(|t| t.period()), None);
        let monday = with_text(&text, &found, "Monday");
        assert!(monday.iter().all(|t| t.value == "XXXX-WXX-1"));
        let dated = find(&text, Some(date(2025, 1, 21)));
        let ninth = with_text(&text, &dated, "9 January");
        assert_eq!(ninth.first().and_then(|t| t.day()), Some(date(2025, 1, 9)));
        let monday = with_text(&text, &dated, "Monday");
        assert_eq!(
            monday.first().and_then(|t| t.day()),
            Some(date(2025, 1, 20))
        );
    }
}
