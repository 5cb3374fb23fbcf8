//! An outlet's name from the masthead line a plain-text copy starts with.
//!
//! Text saved from a news page often begins with the paper's name ("Valley
//! Observer", "Lindqvist Courier — your town, your news"). Only a first
//! line the furniture cleaner already dropped is considered, and only when
//! it reads as a name: a few capitalised words, no digits, no sentence, no
//! navigation word.

/// Words that make a short capitalised line navigation, not a name.
const NAV: &[&str] = &[
    "all",
    "sections",
    "section",
    "menu",
    "home",
    "search",
    "subscribe",
    "support",
    "sign",
    "log",
    "login",
    "register",
    "latest",
    "news",
    "skip",
    "content",
    "main",
    "navigation",
    "share",
    "follow",
    "advertisement",
    "account",
    "edition",
    "live",
    "video",
    "videos",
    "newsletter",
    "donate",
    "more",
    "close",
    "open",
    "toggle",
    "back",
    "top",
    "english",
    "eng",
    "contact",
    "about",
    "us",
];

/// The outlet named by the text's first line, if that line is a masthead.
pub fn name(text: &str, dropped: &[String]) -> Option<String> {
    let first = text.lines().map(str::trim).find(|l| !l.is_empty())?;
    if !dropped.iter().any(|d| d.trim() == first) {
        return None;
    }
    // "Name — tagline", "Name | tagline": the name is the first part.
    let name = [" — ", " – ", " | ", " - ", " · "]
        .iter()
        .fold(first, |acc, sep| acc.split(sep).next().unwrap_or(acc))
        .trim();
    let words: Vec<&str> = name.split_whitespace().collect();
    let is_name = (1..=5).contains(&words.len())
        && name.chars().count() <= 60
        && !name
            .chars()
            .any(|c| c.is_ascii_digit() || matches!(c, '.' | '!' | '?' | ':' | ',' | '"'))
        && words.iter().all(|w| {
            w.chars().next().is_some_and(|c| c.is_uppercase())
                || matches!(*w, "of" | "the" | "and" | "&")
        })
        && !words.iter().any(|w| {
            NAV.contains(
                &w.to_lowercase()
                    .trim_matches(|c: char| !c.is_alphanumeric()),
            )
        });
    is_name.then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dropped(lines: &[&str]) -> Vec<String> {
        lines.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn mastheads() {
        let t = "Valley Observer\nHome | News\n\nBody text here.";
        assert_eq!(
            name(t, &dropped(&["Valley Observer"])).as_deref(),
            Some("Valley Observer")
        );
        let t = "Lindqvist Courier — your town, your news\nMenu";
        let d = dropped(&["Lindqvist Courier — your town, your news"]);
        assert_eq!(name(t, &d).as_deref(), Some("Lindqvist Courier"));
    }

    #[test]
    fn not_mastheads() {
        assert_eq!(name("All Sections\nx", &dropped(&["All Sections"])), None);
        assert_eq!(name("Support Us\nx", &dropped(&["Support Us"])), None);
        // A first line the cleaner kept is the article, not a masthead.
        assert_eq!(name("Putin Speaks\nx", &[]), None);
        assert_eq!(
            name("Updated 12:30 Monday", &dropped(&["Updated 12:30 Monday"])),
            None
        );
    }
}
