//! Splitting raw text into units: the pieces the cleaner judges one by one.
//!
//! A unit is one non-blank line, trimmed. When the text is hard-wrapped
//! (every line cut near the same width, paragraphs separated by blank lines),
//! the lines of one paragraph are joined first: judging a wrapped line alone
//! would see a fragment without its final full stop and take prose for a
//! headline.

use std::borrow::Cow;

/// One line (or one re-joined wrapped paragraph) of the input, trimmed.
#[derive(Debug, Clone)]
pub(crate) struct Unit<'a> {
    /// The trimmed text; never empty.
    pub text: Cow<'a, str>,
    /// Whitespace-separated tokens.
    pub words: usize,
    /// Characters (not bytes).
    pub chars: usize,
}

impl<'a> Unit<'a> {
    fn new(text: Cow<'a, str>) -> Self {
        let words = text.split_whitespace().count();
        let chars = text.chars().count();
        Unit { text, words, chars }
    }
}

/// Trims whitespace plus the invisible characters that pages leave at line
/// ends (zero-width space, byte-order mark, soft hyphen).
pub(crate) fn trim(line: &str) -> &str {
    line.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, '\u{200b}' | '\u{feff}' | '\u{ad}' | '\u{2060}')
    })
}

/// Splits `text` into units, joining hard-wrapped paragraphs.
pub(crate) fn split(text: &str) -> Vec<Unit<'_>> {
    let lines: Vec<&str> = text.split('\n').map(trim).collect();
    match wrap_width(&lines) {
        Some(width) => join_wrapped(&lines, width),
        None => lines
            .into_iter()
            .filter(|l| !l.is_empty())
            .map(|l| Unit::new(Cow::Borrowed(l)))
            .collect(),
    }
}

/// The width a hard-wrapped text was cut at, or `None` when it is not wrapped.
///
/// Wrapped lines often stop mid-sentence with the next line going on in
/// lowercase; text with one paragraph a line, or a list of headlines, seldom
/// does. The width is the length most wrapped lines reach (a high
/// percentile, so a few long unwrapped lines do not set it).
fn wrap_width(lines: &[&str]) -> Option<usize> {
    let (mut inner, mut continued) = (0usize, 0usize);
    let mut lengths = Vec::new();
    for pair in lines.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if a.is_empty() || b.is_empty() {
            continue;
        }
        inner += 1;
        let open = !a.ends_with(['.', '!', '?', ':', '"', '”']);
        if open && b.chars().next().is_some_and(char::is_lowercase) {
            continued += 1;
            lengths.push(a.chars().count());
        }
    }
    if continued < 2 || continued * 10 < inner * 3 {
        return None;
    }
    lengths.sort_unstable();
    let width = lengths.get(lengths.len() * 9 / 10).copied().unwrap_or(0);
    (width >= 40).then_some(width)
}

/// Joins consecutive lines of one paragraph. A line continues the previous
/// one when the previous line was wrapped (its length near the width, not
/// far past it) and the line does not start a list item. Where paragraphs
/// are not set apart by blank lines, a full stop at the end of the previous
/// line and a capital at the start of this one also end the paragraph.
fn join_wrapped<'a>(lines: &[&'a str], width: usize) -> Vec<Unit<'a>> {
    let blanks = lines.iter().filter(|l| l.is_empty()).count();
    let blank_separated = blanks * 5 >= (lines.len() - blanks).max(1);
    let mut out: Vec<Unit<'a>> = Vec::new();
    let mut current: Option<Cow<'a, str>> = None;
    let mut prev: Option<&str> = None;
    for &line in lines {
        if line.is_empty() {
            if let Some(c) = current.take() {
                out.push(Unit::new(c));
            }
            prev = None;
            continue;
        }
        let joins = prev.is_some_and(|p| {
            let n = p.chars().count();
            let wrapped = n * 10 >= width * 6 && n * 10 <= width * 12;
            let open = !p.ends_with(['.', '!', '?', ':', '"', '”'])
                || line.chars().next().is_some_and(char::is_lowercase);
            wrapped && !starts_list_item(line) && (open || blank_separated)
        });
        match current.as_mut() {
            Some(c) if joins => {
                let s = c.to_mut();
                s.push(' ');
                s.push_str(line);
            }
            _ => {
                if let Some(c) = current.replace(Cow::Borrowed(line)) {
                    out.push(Unit::new(c));
                }
            }
        }
        prev = Some(line);
    }
    if let Some(c) = current {
        out.push(Unit::new(c));
    }
    out
}

/// True when `line` opens a list item: a bullet or `1.` / `2)` followed by a space.
pub(crate) fn starts_list_item(line: &str) -> bool {
    let mut chars = line.chars();
    match chars.next() {
        Some('•' | '·' | '▪' | '◦' | '●' | '■' | '‣' | '-' | '*' | '–' | '—' | '→' | '►' | '✓') => {
            chars.next().is_some_and(char::is_whitespace)
        }
        Some(c) if c.is_ascii_digit() => {
            let rest = line.trim_start_matches(|c: char| c.is_ascii_digit());
            let digits = line.len() - rest.len();
            digits <= 2 && (rest.starts_with(". ") || rest.starts_with(") "))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_lines_become_units() {
        let u = split("  One line here.\n\n\nTwo\r\n");
        let texts: Vec<&str> = u.iter().map(|u| u.text.as_ref()).collect();
        assert_eq!(texts, ["One line here.", "Two"]);
        assert_eq!(u[0].words, 3);
    }

    #[test]
    fn hard_wrapped_paragraphs_are_joined() {
        let text = "The harbour authority said on Tuesday that the new ferry line\n\
                    would open in the spring, weeks later than the town had hoped\n\
                    when the contract was signed.\n\n\
                    Local traders welcomed the news but asked for a firmer date\n\
                    and for more parking near the pier, which fills up quickly\n\
                    on market days.\n\n\
                    Related\n";
        let u = split(text);
        let texts: Vec<&str> = u.iter().map(|u| u.text.as_ref()).collect();
        assert_eq!(texts.len(), 3, "{texts:?}");
        assert!(texts[0].ends_with("was signed."));
        assert!(texts[1].starts_with("Local traders") && texts[1].ends_with("market days."));
        assert_eq!(texts[2], "Related");
    }

    #[test]
    fn wrapped_text_with_a_long_line_and_single_newlines() {
        let long = "An unwrapped paragraph that the author pasted in one piece runs on and on well past any wrap width at all.";
        let text = format!(
            "Ferry line to reopen\n{long}\n\
             The harbour authority said on Tuesday that the ferry line to\n\
             the islands would reopen in April, weeks later than the town\n\
             had hoped when the contract was signed.\n\
             Traders welcomed the decision but asked for a firmer date and\n\
             for more parking near the pier."
        );
        let u = split(&text);
        let texts: Vec<&str> = u.iter().map(|u| u.text.as_ref()).collect();
        assert_eq!(texts.len(), 4, "{texts:#?}");
        assert!(texts[2].starts_with("The harbour") && texts[2].ends_with("was signed."));
    }

    #[test]
    fn one_paragraph_a_line_is_not_wrapped() {
        let long = "word ".repeat(40);
        let text = format!("{long}.\nShort line\nAnother short line\n{long}\nX\nY\nZ");
        assert_eq!(split(&text).len(), 7);
        // One sentence a line: not wrapped, however short the lines.
        let text = "The council approved the plan on Tuesday after a long debate.\n\
                    The building has stood empty for more than a decade now.\n\
                    Councillors voted 31 to 4 in favour of the library plan.\n\
                    Years of delay\nThe depot was closed in 2012, when the tram line ended.";
        assert_eq!(split(text).len(), 5);
    }

    #[test]
    fn list_items() {
        assert!(starts_list_item("• On Monday"));
        assert!(starts_list_item("12. Twelfth"));
        assert!(!starts_list_item("2025. A year"));
        assert!(!starts_list_item("-5 degrees"));
    }
}
