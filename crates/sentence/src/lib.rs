//! storyline-sentence: splits news text into sentences, as byte spans.
//!
//! A line break always ends a sentence (headlines, captions and paragraphs
//! sit on lines of their own). Within a line a sentence ends at `.`, `!`,
//! `?` or `…` (with any closing quotes or brackets) followed by white space
//! and a capital, a digit or an opening quote, unless the full stop closes
//! an abbreviation ("Gov.", "Jan. 5", "U.S. officials") or an initial, or
//! it stands inside a quotation that closes later on the line: a quoted
//! remark stays with its attribution (`"It is over. We go home," she
//! said.`), so no sentence starts or ends inside someone's words.
//!
//! The summary, the timeline and the outlet comparison all cut text with
//! it, so a sentence cited in one reads the same in the others.

/// The longest prefix of `s` of at most `max` bytes that ends on a char boundary.
pub fn prefix(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while end > 0 && !s.is_char_boundary(end) {
        end -= 1;
    }
    s.get(..end).unwrap_or("")
}

/// Byte spans of all sentences of `text`, trimmed, in order.
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    split(text, usize::MAX)
}

/// Byte spans of at most `max` sentences of `text`, trimmed, in order.
pub fn split(text: &str, max: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0usize;
    // Quotations of the current line, which sentence ends inside leave whole.
    let mut quoted: Vec<(usize, usize)> = Vec::new();
    let mut line_end = 0usize;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if out.len() >= max {
            return out;
        }
        if i >= line_end {
            line_end = quotations(text, i, &mut quoted);
        }
        let end = match c {
            '\n' | '\r' | '\u{2028}' | '\u{2029}' => Some(i),
            '.' | '!' | '?' | '\u{2026}' => {
                let mut j = i + c.len_utf8();
                let mut run = 1usize;
                while let Some(&(k, q)) = iter.peek() {
                    if matches!(q, '.' | '!' | '?' | '\u{2026}') {
                        run += 1;
                    } else if !is_closer(q) {
                        break;
                    }
                    j = k + q.len_utf8();
                    iter.next();
                }
                let rest = text.get(j..).unwrap_or("");
                let next = rest.trim_start_matches([' ', '\t', '\u{a0}']);
                let spaced = next.len() < rest.len();
                let opens = next.chars().next().is_none_or(|n| {
                    n.is_uppercase() || n.is_ascii_digit() || is_opener(n) || n == '\n'
                });
                let lone_stop = c == '.' && run == 1;
                let abbrev = lone_stop && abbreviation(text.get(start..i).unwrap_or(""), next);
                // `"It is over. We go home," she said.`: one sentence; a
                // quotation that closes right here does end it.
                let inside = quoted.iter().any(|&(a, b)| a < i && j <= b);
                // `"Why now?" a reporter asked.`: a question or an
                // exclamation that closes a quotation goes on into its
                // attribution, whatever the case of the word after it.
                let attributed = c != '.'
                    && text
                        .get(i..j)
                        .is_some_and(|t| t.contains(['"', '\u{201d}']))
                    && attribution_follows(next);
                (spaced && opens && !abbrev && !inside && !attributed).then_some(j)
            }
            _ => None,
        };
        if let Some(end) = end {
            push(text, start, end, &mut out);
            start = end;
        }
    }
    if out.len() < max {
        push(text, start, text.len(), &mut out);
    }
    out
}

/// Longest quotation kept in one sentence, in words; longer ones (a whole
/// statement read out) are split like any text.
const MAX_QUOTED_WORDS: usize = 60;

/// Finds the double-quoted spans (open mark, close mark) of the line that
/// starts at `from`, into `out`; returns where the line ends. A mark left
/// open at the end of the line (a quotation running on into the next
/// paragraph) protects nothing.
fn quotations(text: &str, from: usize, out: &mut Vec<(usize, usize)>) -> usize {
    out.clear();
    let rest = text.get(from..).unwrap_or("");
    let len = rest
        .find(['\n', '\r', '\u{2028}', '\u{2029}'])
        .unwrap_or(rest.len());
    let line = rest.get(..len).unwrap_or("");
    let mut open: Option<usize> = None;
    let mut words = 0usize;
    let mut in_word = false;
    for (k, c) in line.char_indices() {
        match c {
            '\u{201c}' | '\u{201e}' | '\u{ab}' => {
                open = Some(k);
                words = 0;
            }
            '\u{201d}' | '\u{bb}' => {
                if let Some(o) = open.take()
                    && words <= MAX_QUOTED_WORDS
                {
                    out.push((from + o, from + k));
                }
            }
            '"' => match open.take() {
                Some(o) => {
                    if words <= MAX_QUOTED_WORDS {
                        out.push((from + o, from + k));
                    }
                }
                None => {
                    open = Some(k);
                    words = 0;
                }
            },
            _ => {}
        }
        let letter = c.is_alphanumeric();
        if letter && !in_word {
            words += 1;
        }
        in_word = letter;
    }
    from + len + 1
}

/// Words within which the verb of an attribution comes ("CNN's chief
/// White House correspondent, Kaitlan Collins, asked").
const ATTRIBUTION_WORDS: usize = 10;

/// Whether the clause that `next` opens is an attribution: a verb of
/// speech in its first words, before any sentence end, and no quotation of
/// its own.
fn attribution_follows(next: &str) -> bool {
    let clause = next
        .split(['.', '!', '?', '\n', '\u{2026}'])
        .next()
        .unwrap_or("");
    !clause.contains(['"', '\u{201c}'])
        && clause
            .split_whitespace()
            .take(ATTRIBUTION_WORDS)
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .any(|w| storyline_lexicon::is_speech_verb(&w))
}

fn push(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let Some(s) = text.get(start..end) else {
        return;
    };
    let lead = s.len() - s.trim_start().len();
    let body = s.trim();
    if !body.is_empty() {
        out.push((start + lead, start + lead + body.len()));
    }
}

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | ')' | ']' | '\u{201d}' | '\u{2019}' | '\u{bb}'
    )
}

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '(' | '[' | '\u{201c}' | '\u{2018}' | '\u{ab}'
    )
}

/// Titles and months that are never the last word of a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt", "adm",
    "maj", "rev", "st", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "no", "vs", "v", "ft", "mt", "atty", "supt", "cmdr", "pres", "gov",
];

/// Words that usually open a sentence: after an ambiguous abbreviation
/// ("U.S.", an initial) they signal that it ended there.
const STARTERS: &[&str] = &[
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "but", "and", "in", "this", "that",
    "there", "his", "her", "their", "its", "if", "when", "while", "after", "as", "so", "now",
];

/// Whether the full stop after `before` (the sentence so far) closes an
/// abbreviation rather than the sentence, given what follows (`next`).
fn abbreviation(before: &str, next: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || is_opener(c))
        .next()
        .unwrap_or("");
    let lower: String = word.chars().take(8).flat_map(char::to_lowercase).collect();
    if ABBREVIATIONS.contains(&lower.as_str()) {
        // "No. 1" is a number sign; "... said no. The ..." ends.
        return lower != "no" || next.starts_with(|c: char| c.is_ascii_digit());
    }
    let next_word: String = next
        .chars()
        .take_while(|c| c.is_alphabetic())
        .take(12)
        .flat_map(char::to_lowercase)
        .collect();
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let initial = letters == 1 && word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    let dotted = word.contains('.') && word.chars().all(|c| c == '.' || c.is_alphabetic());
    (initial || dotted) && !STARTERS.contains(&next_word.as_str())
}

/// Closing quotation marks and brackets, which may follow a sentence's end
/// mark.
const CLOSING: [char; 6] = ['"', '\'', ')', ']', '\u{201d}', '\u{2019}'];

/// The last character of `text` that is not a closing quotation mark or
/// bracket: the sentence's end mark when it has one (`.` for `... late."`).
pub fn final_mark(text: &str) -> Option<char> {
    text.chars().rev().find(|c| !CLOSING.contains(c))
}

/// Whether `text` stops mid-thought with an ellipsis ("... as the mayor
/// announced in March..."): a feed's teaser or a snippet cut to length,
/// whose last words are not the sentence's.
pub fn cut_off(text: &str) -> bool {
    let body = text.trim_end().trim_end_matches(CLOSING);
    body.ends_with("...") || body.ends_with('\u{2026}')
}

/// Lowercase section labels that open a paragraph ("Why it matters: ...").
const LABELS: &[&str] = &[
    "why it matters",
    "the big picture",
    "big picture",
    "driving the news",
    "between the lines",
    "the bottom line",
    "bottom line",
    "what's next",
    "what’s next",
    "state of play",
    "the backstory",
    "by the numbers",
    "zoom in",
    "zoom out",
    "the latest",
    "of note",
    "context",
    "details",
    "flashback",
    "the context",
    "what they're saying",
    "what they’re saying",
    "background",
    "go deeper",
    "yes, but",
    "the other side",
    "what happened",
    "key quote",
    "breaking",
    "update",
    "updated",
    "exclusive",
    "analysis",
    "opinion",
    "watch",
    "first on cnn",
];

/// Bytes of a leading section label in `s` ("Why it matters: ", "The big
/// picture: "), the colon and the space after it included; 0 when there is
/// none. The label is layout, not content.
pub fn label(s: &str) -> usize {
    let Some(pos) = prefix(s, 40).find(':') else {
        return 0;
    };
    if !LABELS.contains(&s[..pos].trim().to_lowercase().as_str()) {
        return 0;
    }
    let rest = s.get(pos + 1..).unwrap_or("");
    s.len() - rest.trim_start().len()
}

/// Bytes of a leading wire dateline in `s` ("GREYHAVEN, Estravia, Nov 9
/// (Northwire) – ", "DENVER (AP) — ", "(CNN) -- ", "Tilde [Estravia],
/// March 3 (Agency): "), including the dash or colon and the space after
/// it; 0 when there is none. With a dash the place is written in capitals;
/// with a colon the words before it name a place and a date. Nothing
/// before the mark is an ordinary lower-case word.
pub fn dateline(s: &str) -> usize {
    let head = prefix(s, 120);
    if let Some(pos) = head.find(':')
        && is_colon_dateline(head.get(..pos).unwrap_or(""))
    {
        let rest = s.get(pos + 1..).unwrap_or("");
        return s.len() - rest.trim_start().len();
    }
    for dash in [" \u{2014} ", " -- ", " \u{2013} ", " - ", "\u{2014}"] {
        let Some(pos) = head.find(dash) else {
            continue;
        };
        let before = head.get(..pos).unwrap_or("");
        if is_dateline(before) {
            let rest = s.get(pos + dash.len()..).unwrap_or("");
            return s.len() - rest.trim_start().len();
        }
        // The first dash decides: a later one is inside the sentence.
        return 0;
    }
    0
}

/// Whether `before` (what precedes a colon) reads as a place and a date
/// ("Moscow [Russia], January 20", "Tilde, March 3 (Agency)"): a colon
/// also ends labels ("Why it matters:") and speakers ("Smith:"), which are
/// no datelines, so a month followed by a day number must be there.
fn is_colon_dateline(before: &str) -> bool {
    let words: Vec<&str> = before
        .split_whitespace()
        .filter(|w| !(w.starts_with('(') || w.starts_with('[')) || w.len() > 40)
        .collect();
    // A place, then the date: "Place, Month Day".
    if words.len() < 3 || words.len() > 8 || !before.contains(',') {
        return false;
    }
    let bare = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    };
    let dated = words.windows(2).any(|p| {
        storyline_lexicon::is_month(&bare(p[0]))
            && bare(p[1]).chars().all(|c| c.is_ascii_digit())
            && !bare(p[1]).is_empty()
    });
    let proper = words.iter().all(|w| {
        w.chars()
            .find(|c| c.is_alphanumeric())
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    });
    dated && proper
}

/// Whether `before` (what precedes the dash) reads as a dateline.
fn is_dateline(before: &str) -> bool {
    let mut words = 0;
    let mut capitals = false;
    let mut depth = 0i32;
    for word in before.split_whitespace() {
        let opens = word.starts_with('(');
        if opens {
            depth += 1;
        }
        let inside = depth > 0;
        if word.contains(')') {
            depth -= 1;
        }
        if inside {
            continue;
        }
        words += 1;
        let letters: String = word.chars().filter(|c| c.is_alphabetic()).collect();
        if letters.is_empty() {
            // A day number ("9,") or punctuation.
            if !word
                .chars()
                .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
            {
                return false;
            }
            continue;
        }
        let first_upper = letters.chars().next().is_some_and(char::is_uppercase);
        if !first_upper {
            return false;
        }
        if letters.chars().count() >= 2 && letters.chars().all(char::is_uppercase) {
            capitals = true;
        }
    }
    // "(CNN) -- " alone, or a place in capitals, in a few words.
    let agency_only = words == 0 && before.trim_start().starts_with('(');
    (capitals || agency_only) && words <= 8 && depth == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(t: &str) -> Vec<&str> {
        sentences(t)
            .into_iter()
            .filter_map(|(a, b)| t.get(a..b))
            .collect()
    }

    #[test]
    fn a_sentence_ending_in_an_ellipsis_is_cut_off() {
        assert!(cut_off(
            "The pier closed as the mayor announced in March..."
        ));
        assert!(cut_off("\u{201c}We will not wait for the \u{2026}\u{201d}"));
        assert!(!cut_off("The pier closed in March."));
        assert!(!cut_off("He paused... and then the pier closed."));
    }

    #[test]
    fn a_section_label_is_layout() {
        let s = "The big picture: The harbour reopens in May.";
        assert_eq!(&s[label(s)..], "The harbour reopens in May.");
        let s = "Why it matters:The pier is the town's only one.";
        assert_eq!(&s[label(s)..], "The pier is the town's only one.");
        // A speaker or a time before a colon is no label.
        assert_eq!(label("Mayor Lee: We will rebuild."), 0);
        assert_eq!(label("At 9:30 the ferry left."), 0);
    }

    #[test]
    fn splits_sentences_not_abbreviations() {
        let t = "Gov. Lee met Mr. Ode on Jan. 5 in the U.S. capital. They spoke.\n\"Why?\" he asked. J. R. Ode left.";
        assert_eq!(
            texts(t),
            vec![
                "Gov. Lee met Mr. Ode on Jan. 5 in the U.S. capital.",
                "They spoke.",
                "\"Why?\" he asked.",
                "J. R. Ode left.",
            ]
        );
        assert_eq!(
            texts("The U.S. Navy said so. Then it left."),
            ["The U.S. Navy said so.", "Then it left."]
        );
    }

    #[test]
    fn quotations_stay_with_their_attribution() {
        let t =
            "He urged calm. \"Reading it is not harmless. It spreads it,\" he said. Talks ended.";
        assert_eq!(
            texts(t),
            [
                "He urged calm.",
                "\"Reading it is not harmless. It spreads it,\" he said.",
                "Talks ended."
            ]
        );
        let t = "She said: \u{201c}It is over. We go home.\u{201d} The crowd left.";
        assert_eq!(
            texts(t),
            [
                "She said: \u{201c}It is over. We go home.\u{201d}",
                "The crowd left."
            ]
        );
        // A quotation running on into the next paragraph protects nothing.
        let t = "\"We will not pay. Never.\nAnd we will say so,\" he said.";
        assert_eq!(
            texts(t),
            [
                "\"We will not pay.",
                "Never.",
                "And we will say so,\" he said."
            ]
        );
        // Nor does a very long one.
        let long = format!("\"{}. End.\" Next.", "word ".repeat(70).trim());
        assert_eq!(sentences(&long).len(), 3);
        // A question or an exclamation closing a quotation goes on into its
        // attribution; a sentence after it stays apart.
        let t = "\"Why now?\" The harbour master, Ada Moss, asked the crew. \"Go!\" Nobody moved.";
        assert_eq!(
            texts(t),
            [
                "\"Why now?\" The harbour master, Ada Moss, asked the crew.",
                "\"Go!\"",
                "Nobody moved."
            ]
        );
    }

    #[test]
    fn final_marks() {
        assert_eq!(final_mark("It is late.\u{201d})"), Some('.'));
        assert_eq!(final_mark("Late?\""), Some('?'));
        assert_eq!(final_mark("\"')"), None);
    }

    #[test]
    fn datelines() {
        let cut = |s: &'static str| &s[dateline(s)..];
        assert_eq!(
            cut("GREYHAVEN, Estravia, Nov 9 (Northwire) \u{2013} A quake struck."),
            "A quake struck."
        );
        assert_eq!(cut("DENVER (AP) \u{2014} Snow fell."), "Snow fell.");
        assert_eq!(cut("(CNN) -- Snow fell."), "Snow fell.");
        assert_eq!(cut("PORT ARDENT - The court ruled."), "The court ruled.");
        assert_eq!(
            cut("Tilde [Estravia], March 3 : Rain fell again."),
            "Rain fell again."
        );
        assert_eq!(
            cut("Tilde [Estravia], March 3 (Valley Wire): Rain fell."),
            "Rain fell."
        );
        // Colons that end a label, a speaker or a clause are not datelines.
        for s in [
            "Why it matters: rain fell.",
            "Nadia Pell: I will appeal.",
            "On March 3 the court said this: no.",
            "Remember March 3: the day it rained.",
        ] {
            assert_eq!(dateline(s), 0, "{s}");
        }
        // Sentences with a dash are not datelines.
        for s in [
            "The mayor - who denies it - spoke.",
            "Snow fell in Denver \u{2014} a lot of it.",
            "Nadia Pell \u{2013} the prosecutor \u{2013} spoke.",
            "",
            "\u{2014}",
        ] {
            assert_eq!(dateline(s), 0, "{s}");
        }
    }

    #[test]
    fn caps_and_odd_text() {
        assert_eq!(split("A. B. C. D. E.", 2).len(), 1);
        assert_eq!(split("One. Two. Three.", 2).len(), 2);
        for t in [
            "",
            ".",
            "...",
            "é. É",
            "\u{2026}\n",
            " . . A",
            "x.\u{a0}Y",
            "\"",
            "\u{201d}a. B\u{201c}",
        ] {
            let _ = split(t, 10);
        }
        assert_eq!(prefix("éé", 3), "é");
        assert!(sentences("").is_empty());
    }
}
