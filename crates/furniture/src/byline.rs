//! Bylines and datelines: who wrote an article and when, as the page says it.
//!
//! A byline line is mostly metadata: "By Jane Doe", "Published: 24.01.2025",
//! or a name glued to a date ("VALENTYNA ROMANENKOFriday, 24 January 2025,
//! 17:04", where the page set the name and the date in separate boxes). A
//! line whose leftover words read like a sentence is not a byline, however
//! date-like its start: that keeps "On 24 January, the minister said ..." in
//! the text.

use regex::Regex;
use std::sync::LazyLock;

/// What a byline or dateline line says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Byline {
    /// The author's name(s), title-cased when the page shouted them.
    pub author: Option<String>,
    /// The date text as written ("Friday, 24 January 2025, 17:04").
    pub dateline: Option<String>,
    /// True when the line had nothing but labels besides the name and date;
    /// false when a place or other capitalised word stood beside them.
    pub bare: bool,
}

/// Lines longer than this are prose, never a byline.
const MAX_WORDS: usize = 25;

/// A date in English, with optional weekday and clock time on either side.
///
/// No word boundary before the weekday on purpose: pages glue the author's
/// name to it ("ROMANENKOFriday").
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    let weekday = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?";
    let month = r"(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?";
    let day = r"\d{1,2}(?:st|nd|rd|th)?";
    let year = r"(?:19|20)\d{2}\b";
    let zone =
        r"(?:utc|gmt|et|est|edt|ct|cst|cdt|pt|pst|pdt|bst|cet|cest|eet|eest|msk|ist|kyiv time)";
    let time = format!(
        r"\d{{1,2}}:\d{{2}}(?::\d{{2}}(?:\.\d+)?)?(?:z\b|[+-]\d{{2}}:?\d{{2}}\b)?(?:\s*[ap]\.?\s?m\b\.?)?(?:\s*\(?{zone}\b(?:\s*[+-]\s*\d{{1,2}}(?::?\d{{2}})?)?\)?)?"
    );
    let date = format!(
        r"(?:{weekday},?\s+)?{day}\s+(?:of\s+)?{month},?\s+{year}|(?:{weekday},?\s+)?{month}\s+{day},?\s+{year}|{year}-\d{{2}}-\d{{2}}|\b\d{{1,2}}[./]\d{{1,2}}[./]{year}|{year}/\d{{1,2}}/\d{{1,2}}"
    );
    let sep = r"(?:\s*(?:,|\||-|–|—|·|\bat\b)\s*|\s+|T)";
    Regex::new(&format!(
        r"(?i)(?:\b{time}{sep})?(?:{date})(?:{sep}{time})?"
    ))
    .expect("DATE is a valid regex")
});

/// "By Jane Doe", "Written by ...", "Author: ...".
static BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:by|written by|words by|text by|reported by|authors?\s*:|reporter\s*:)\s*(.+)$",
    )
    .expect("BY is a valid regex")
});

/// Label words around a dateline ("Published on", "Updated:").
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:by|published|updated|posted|last updated|first published|modified|created|date|dated|on|at|time)(?:\s+(?:on|at))?\s*:?$")
        .expect("LABEL is a valid regex")
});

/// Where the name list of a byline splits: separators and "and".
static NAME_SPLIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s*[|,;·•/–—]\s*|\s+-\s+|\s+(?:and|&)\s+|\s*:\s+")
        .expect("NAME_SPLIT is a valid regex")
});

/// " for the " between a byline's names and its outlet.
static FOR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\s+for\s+(?:the\s+)?").expect("FOR is a valid regex"));

/// Lowercase name particles ("Ursula von der Leyen").
const PARTICLES: &[&str] = &[
    "de", "da", "del", "della", "di", "do", "dos", "das", "du", "van", "von", "der", "den", "ter",
    "la", "le", "al", "el", "bin", "ibn",
];

/// Words that make a capitalised phrase an organisation or a role, not a
/// person (weekdays too, through `storyline_lexicon`).
const NOT_NAME: &[&str] = &[
    "the",
    "news",
    "staff",
    "reporter",
    "reporters",
    "correspondent",
    "editor",
    "editors",
    "agency",
    "press",
    "times",
    "post",
    "media",
    "service",
    "desk",
    "team",
    "online",
    "daily",
    "journal",
    "contributor",
    "writer",
    "updated",
    "published",
    "posted",
    "and",
    "with",
    "in",
    "of",
    "for",
    "from",
    "photo",
    "video",
    "source",
    "world",
    "politics",
    "business",
    "opinion",
    "analysis",
    "live",
    "breaking",
    "east",
    "west",
    "north",
    "south",
    "america",
    "europe",
    "asia",
    "africa",
    "climate",
    "sport",
    "sports",
    "tech",
    "science",
    "health",
    "culture",
    "economy",
    "markets",
    "war",
    "middle",
    "latin",
    "united",
    "kingdom",
    "states",
    "home",
    "latest",
    "top",
    "stories",
];

/// Reads `line` as a byline and/or dateline, or `None` when it is not one.
pub(crate) fn parse(line: &str) -> Option<Byline> {
    if line.split_whitespace().count() > MAX_WORDS {
        return None;
    }
    // Every date has a digit and every byline without one opens with its
    // label: cheap tests that spare most lines the regexes.
    let has_digit = line.bytes().any(|b| b.is_ascii_digit());
    if !has_digit && !opens_like_byline(line) {
        return None;
    }
    if let Some(m) = has_digit.then(|| DATE.find(line)).flatten() {
        let (prefix, suffix) = (&line[..m.start()], &line[m.end()..]);
        let mut names = Vec::new();
        let mut bare = names_in(prefix, &mut names)?;
        let suffix = suffix.trim_start_matches(|c: char| {
            c.is_whitespace() || matches!(c, ',' | '|' | '-' | '–' | '—' | '·' | ')' | ']')
        });
        if let Some(c) = BY.captures(suffix) {
            bare &= names_in(c.get(1).map_or("", |g| g.as_str()), &mut names)?;
        } else if !suffix.is_empty() {
            // "| Updated 18:22" may follow a date; a sentence may not.
            if suffix.split_whitespace().count() > 8 || ends_sentence(suffix) {
                return None;
            }
            bare = false;
        }
        return Some(Byline {
            author: join_names(names),
            dateline: Some(m.as_str().trim().to_string()),
            bare,
        });
    }
    let c = BY.captures(line)?;
    let mut names = Vec::new();
    let bare = names_in(c.get(1).map_or("", |g| g.as_str()), &mut names)?;
    let author = join_names(names)?;
    Some(Byline {
        author: Some(author),
        dateline: None,
        bare,
    })
}

/// True when `line` starts with a word a [`BY`] line starts with.
fn opens_like_byline(line: &str) -> bool {
    let first = line.split_whitespace().next().unwrap_or("");
    [
        "by",
        "written",
        "words",
        "text",
        "reported",
        "author:",
        "authors:",
        "author",
        "authors",
        "reporter:",
        "reporter",
    ]
    .iter()
    .any(|w| first.eq_ignore_ascii_case(w))
}

/// True when `line` is a date and nothing else but labels ("Updated: 24.01.2025").
pub(crate) fn is_date_only(line: &str) -> bool {
    parse(line).is_some_and(|b| b.dateline.is_some() && b.author.is_none() && b.bare)
}

/// True when `s` ends like a sentence.
fn ends_sentence(s: &str) -> bool {
    s.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '\'' | '”' | '’' | '»' | ')')
    })
    .ends_with(['.', '!', '?', '…'])
}

/// Collects the person names of a byline fragment into `names`.
///
/// Returns `None` when the fragment holds words that are neither names,
/// labels nor a short capitalised place or outlet ("Kyiv", "Reuters"); else
/// whether it held only names and labels.
fn names_in(fragment: &str, names: &mut Vec<String>) -> Option<bool> {
    let fragment = fragment.trim();
    let fragment = BY
        .captures(fragment)
        .and_then(|c| c.get(1))
        .map_or(fragment, |g| g.as_str());
    let mut bare = true;
    // "Jane Doe for the Harbour Herald": what follows "for" is the outlet.
    let fragment = match FOR.find(fragment) {
        Some(m) => {
            let outlet = fragment[m.end()..].trim();
            if outlet.split_whitespace().count() > 5
                || !outlet
                    .split_whitespace()
                    .all(|w| w.chars().next().is_some_and(char::is_uppercase))
            {
                return None;
            }
            bare = false;
            &fragment[..m.start()]
        }
        None => fragment,
    };
    for part in NAME_SPLIT.split(fragment) {
        let part = part
            .trim_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '(' | ')' | '[' | ']'));
        if part.is_empty() || LABEL.is_match(part) {
            continue;
        }
        let part = strip_label_prefix(part);
        if let Some(name) = person_name(part) {
            names.push(name);
        } else if is_capitalised_phrase(part) {
            bare = false;
        } else {
            return None;
        }
    }
    Some(bare)
}

/// Drops a leading "By " or "Published " from a name part.
fn strip_label_prefix(part: &str) -> &str {
    let mut words = part.splitn(2, char::is_whitespace);
    match (words.next(), words.next()) {
        (Some(first), Some(rest)) if LABEL.is_match(first) => rest.trim(),
        _ => part,
    }
}

/// One to three words, each capitalised (a place, an outlet).
fn is_capitalised_phrase(part: &str) -> bool {
    let n = part.split_whitespace().count();
    (1..=3).contains(&n)
        && part.split_whitespace().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
}

/// `part` as a person's name: two to four words, capitalised (particles
/// aside), letters and `-'.` only. ALL-CAPS names come back title-cased.
pub(crate) fn person_name(part: &str) -> Option<String> {
    let words: Vec<&str> = part.split_whitespace().collect();
    let proper = words.iter().filter(|w| !PARTICLES.contains(w)).count();
    if !(2..=4).contains(&words.len()) || proper < 2 {
        return None;
    }
    for w in &words {
        if PARTICLES.contains(w) {
            continue;
        }
        let first = w.chars().next()?;
        let letters = w
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'));
        let lower = w.to_lowercase();
        let lower = lower.trim_end_matches('.');
        if !first.is_uppercase()
            || !letters
            || NOT_NAME.contains(&lower)
            || storyline_lexicon::is_weekday(lower)
        {
            return None;
        }
    }
    let shouting = part.chars().any(char::is_alphabetic) && !part.chars().any(char::is_lowercase);
    Some(if shouting {
        title_case(&words.join(" "))
    } else {
        words.join(" ")
    })
}

/// "VALENTYNA ROMANENKO" -> "Valentyna Romanenko", "JEAN-PAUL O'NEIL" -> "Jean-Paul O'Neil".
pub(crate) fn title_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut start = true;
    for c in name.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphabetic();
    }
    out
}

/// Joins names as a reader would: "A", "A and B", "A, B and C".
fn join_names(mut names: Vec<String>) -> Option<String> {
    names.dedup();
    let last = names.pop()?;
    if names.is_empty() {
        return Some(last);
    }
    Some(format!("{} and {last}", names.join(", ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn both(line: &str) -> (Option<String>, Option<String>) {
        let b = parse(line).unwrap_or_else(|| panic!("not a byline: {line}"));
        (b.author, b.dateline)
    }

    #[test]
    fn glued_shouted_name_and_date() {
        let (a, d) = both("MARTA KOWALCZYKMonday, 3 March 2025, 09:15");
        assert_eq!(a.as_deref(), Some("Marta Kowalczyk"));
        assert_eq!(d.as_deref(), Some("Monday, 3 March 2025, 09:15"));
    }

    #[test]
    fn american_style_dateline() {
        let (a, d) = both("By Jane Doe | March 3, 2025 5:04 PM ET");
        assert_eq!(a.as_deref(), Some("Jane Doe"));
        assert_eq!(d.as_deref(), Some("March 3, 2025 5:04 PM ET"));
        let (a, d) = both("Published: 03.03.2025");
        assert_eq!((a, d.as_deref()), (None, Some("03.03.2025")));
        let (a, d) = both("Updated 14:20, 3 March 2025");
        assert_eq!((a, d.as_deref()), (None, Some("14:20, 3 March 2025")));
    }

    #[test]
    fn machine_timestamps() {
        assert_eq!(
            both("Updated: 2025-03-03T17:04:00+02:00").1.as_deref(),
            Some("2025-03-03T17:04:00+02:00")
        );
        assert_eq!(
            both("Mar. 3, 2025, 5:04 p.m. ET").1.as_deref(),
            Some("Mar. 3, 2025, 5:04 p.m. ET")
        );
    }

    #[test]
    fn by_lines() {
        assert_eq!(
            both("By Jane Doe for the Harbour Herald").0.as_deref(),
            Some("Jane Doe")
        );
        assert_eq!(
            both("By JANE DOE and JOHN ROE").0.as_deref(),
            Some("Jane Doe and John Roe")
        );
        assert_eq!(
            both("By Ursula van der Berg, Reuters").0.as_deref(),
            Some("Ursula van der Berg")
        );
        assert_eq!(
            both("Written by Ana Lima, Tomás Reyes and Li Wei")
                .0
                .as_deref(),
            Some("Ana Lima, Tomás Reyes and Li Wei")
        );
        assert!(parse("By the time the ferry arrived, the pier had closed.").is_none());
        assert!(parse("By Tuesday").is_none());
    }

    #[test]
    fn sentences_with_dates_are_not_bylines() {
        assert!(parse("On 24 January 2025, the council voted to close the pier.").is_none());
        assert!(parse("The deadline of 1 May 2025 was set by the ministry of transport after months of talks").is_none());
        assert!(
            parse(
                "Porto [Portugal], March 3 : The harbour reopened on Monday after a week of storms."
            )
            .is_none()
        );
    }

    #[test]
    fn date_only() {
        assert!(is_date_only("24 January 2025"));
        assert!(is_date_only("Posted on 2025-01-24"));
        assert!(!is_date_only("Lisbon, 24 January 2025"));
        assert!(!is_date_only("Ferries cancelled"));
    }

    #[test]
    fn title_casing() {
        assert_eq!(title_case("JEAN-PAUL O'NEIL"), "Jean-Paul O'Neil");
    }
}
