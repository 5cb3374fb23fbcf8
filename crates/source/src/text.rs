//! Plain-text articles.

use storyline_model::{Body, Hints, Record};

use crate::SourceError;

/// Reads one plain-text article. A first line that starts with
/// ` date YYYY-MM-DD ` (the form storyline's seed files use) gives the
/// publication date and is cut from the text.
pub fn record(text: &str, input: &str) -> Result<Record, SourceError> {
    let (date, rest) = split_date_prefix(text);
    if rest.trim().is_empty() {
        return Err(SourceError::Empty {
            input: input.to_string(),
        });
    }
    Ok(Record {
        source: input.to_string(),
        body: Body::Text(rest.to_string()),
        hints: Hints {
            date: date.map(str::to_string),
            ..Hints::default()
        },
    })
}

/// Splits ` date 2025-01-24 rest...` into the date and the rest.
pub fn split_date_prefix(text: &str) -> (Option<&str>, &str) {
    let trimmed = text.trim_start_matches(['\u{feff}', ' ', '\t']);
    let Some(after) = trimmed.strip_prefix("date ") else {
        return (None, text);
    };
    let Some(date) = after.get(..10) else {
        return (None, text);
    };
    let b = date.as_bytes();
    let shape = b.iter().enumerate().all(|(i, c)| match i {
        4 | 7 => *c == b'-',
        _ => c.is_ascii_digit(),
    });
    let rest = &after[10..];
    if !shape || !(rest.is_empty() || rest.starts_with([' ', '\n', '\r', '\t'])) {
        return (None, text);
    }
    (Some(date), rest.trim_start_matches([' ', '\t']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_prefix_is_cut() {
        let r = record(" date 2025-01-24 All Sections\nBody text.", "a.txt").unwrap();
        assert_eq!(r.hints.date.as_deref(), Some("2025-01-24"));
        assert_eq!(r.body, Body::Text("All Sections\nBody text.".into()));
    }

    #[test]
    fn no_prefix_keeps_text() {
        let r = record("During a meeting on Monday.", "a.txt").unwrap();
        assert_eq!(r.hints.date, None);
        assert_eq!(r.body.as_str(), "During a meeting on Monday.");
    }

    #[test]
    fn a_sentence_starting_with_date_is_not_a_prefix() {
        let (d, rest) = split_date_prefix("date night is back in fashion");
        assert_eq!(d, None);
        assert_eq!(rest, "date night is back in fashion");
    }

    #[test]
    fn empty_text_is_an_error() {
        assert!(matches!(
            record("  \n\n ", "e.txt"),
            Err(SourceError::Empty { .. })
        ));
        assert!(matches!(
            record(" date 2025-01-01 ", "e.txt"),
            Err(SourceError::Empty { .. })
        ));
    }

    #[test]
    fn multibyte_text_never_panics() {
        let _ = record("date 2025-01-0é tail", "x");
        let _ = split_date_prefix("date ééééé");
    }
}
