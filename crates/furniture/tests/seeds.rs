//! Checks the cleaner against the shared seed articles.
//!
//! The seeds are research-only data and never copied into the repository:
//! they are read from `../shared/seeds` at run time, and the test passes
//! quietly where that folder is absent.

use std::fs;
use std::path::PathBuf;
use storyline_furniture::{Cleaned, clean};

fn seeds_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/seeds"
    ));
    dir.is_dir().then_some(dir)
}

/// The seed whose name starts with `prefix`, with the ` date YYYY-MM-DD `
/// prefix the source reader strips removed.
fn seed(dir: &PathBuf, prefix: &str) -> Option<String> {
    let entry = fs::read_dir(dir)
        .ok()?
        .flatten()
        .find(|e| e.file_name().to_string_lossy().starts_with(prefix))?;
    let raw = fs::read_to_string(entry.path()).ok()?;
    Some(strip_date_prefix(&raw).to_string())
}

fn strip_date_prefix(raw: &str) -> &str {
    let Some(rest) = raw.strip_prefix(" date ") else {
        return raw;
    };
    match rest.get(..10) {
        Some(d)
            if d.bytes().enumerate().all(|(i, b)| {
                if i == 4 || i == 7 {
                    b == b'-'
                } else {
                    b.is_ascii_digit()
                }
            }) =>
        {
            rest[10..].strip_prefix(' ').unwrap_or(&rest[10..])
        }
        _ => raw,
    }
}

fn lines(c: &Cleaned) -> Vec<&str> {
    c.text.split("\n\n").collect()
}

fn words(s: &str) -> Vec<&str> {
    s.split_whitespace().collect()
}

#[test]
fn seed_004_loses_its_furniture_and_keeps_its_article() {
    let Some(dir) = seeds_dir() else { return };
    let Some(text) = seed(&dir, "004_") else {
        return;
    };
    let c = clean(&text);
    let report = format!("{c:#?}");
    assert_eq!(
        c.title.as_deref(),
        Some("Putin says he is ready to meet with Trump"),
        "{report}"
    );
    assert_eq!(c.author.as_deref(), Some("Valentyna Romanenko"), "{report}");
    assert!(
        c.dateline
            .as_deref()
            .is_some_and(|d| d.contains("24 January 2025")),
        "{report}"
    );

    let kept = lines(&c);
    for gone in [
        "All Sections",
        "Support Us",
        "Advertisement:",
        "Support UP or become our patron!",
        "RECENT NEWS",
        "All News",
        "PutinTrump",
    ] {
        assert!(!kept.contains(&gone), "{gone:?} remains\n{report}");
    }
    assert!(
        !kept.iter().any(|l| l.starts_with("Putin says he is ready")),
        "title repeated in text\n{report}"
    );
    assert!(
        !c.text.contains("Укр Рус Eng"),
        "language switcher remains\n{report}"
    );
    assert!(
        !c.text.contains("Stock photo"),
        "photo credit remains\n{report}"
    );
    assert!(
        !c.text.contains("Hungary agrees to extend sanctions"),
        "{report}"
    );
    assert!(
        !c.text.contains("Ukrainian forces repel 65 attacks"),
        "{report}"
    );
    let clock = |l: &str| {
        l.len() == 5 && l.as_bytes()[2] == b':' && l.bytes().filter(u8::is_ascii_digit).count() == 4
    };
    assert!(
        !kept.iter().any(|l| clock(l)),
        "a HH:MM line remains\n{report}"
    );

    assert!(kept.contains(&"Background:"), "{report}");
    assert!(
        c.text.contains("Details: Putin said that he and Trump"),
        "{report}"
    );
    assert!(
        c.text
            .contains("On 23 January, US President Donald Trump confirmed"),
        "{report}"
    );
}

#[test]
fn seed_003_loses_its_trailer() {
    let Some(dir) = seeds_dir() else { return };
    let Some(text) = seed(&dir, "003_") else {
        return;
    };
    let c = clean(&text);
    assert!(!c.text.contains("Latest Videos"), "{c:#?}");
    let last_paragraph = text
        .lines()
        .rev()
        .find(|l| l.trim().len() > 100)
        .unwrap_or_default()
        .trim();
    assert!(c.text.ends_with(last_paragraph), "{c:#?}");
    assert_eq!(
        words(&c.text),
        words(text.trim_end().trim_end_matches("Latest Videos")),
        "{c:#?}"
    );
}

#[test]
fn plain_seeds_lose_nothing() {
    let Some(dir) = seeds_dir() else { return };
    for prefix in ["000_", "001_", "002_"] {
        let Some(text) = seed(&dir, prefix) else {
            continue;
        };
        let c = clean(&text);
        assert_eq!(words(&c.text), words(&text), "{prefix}: {c:#?}");
        assert_eq!(c.title, None, "{prefix}");
        assert!(c.dropped.is_empty(), "{prefix}: {:?}", c.dropped);
    }
}
