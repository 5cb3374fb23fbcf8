//! Sentences: splitting article text and collecting the candidates.
//!
//! Line breaks end sentences (news text puts headlines, captions and
//! paragraphs on lines of their own). Within a line a sentence ends at `.`,
//! `!` or `?` (with any closing quotes or brackets) followed by space and a
//! capital, a digit or an opening quote, unless the word before the full stop
//! is an abbreviation (`Mr.`, `Jan. 5`, `U.S. officials`) or an initial,
//! or the next sentence still lies inside a short balanced quotation (a
//! quote of two sentences stays one sentence with its attribution, rather
//! than leaving a fragment such as `It spreads," he said.`).
//!
//! A teaser cut off with "..." (feeds and snippets end so) cannot be quoted,
//! but it is kept as a context-only candidate: its words still say what the
//! article is about and what the outlets agree on.

use crate::{Config, Source, quality};

/// Bytes of an article's text that are looked at (leads matter; this bounds work).
const MAX_TEXT: usize = 64 * 1024;

/// A sentence that may go into the summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// Index of the article (into the caller's `articles`).
    pub article: usize,
    /// Position among the article's kept sentences (0 = its lead).
    pub index: usize,
    /// The cleaned sentence: datelines stripped, whitespace collapsed.
    pub text: String,
    /// Whitespace-separated words in `text`.
    pub words: usize,
    /// Context only: a sentence the article says but the summary may not
    /// (one cut off with "..."); it counts towards what the article is
    /// about and what the outlets agree on, and is never picked.
    pub context: bool,
}

/// Splits, cleans and filters the articles' sentences into candidates, at
/// most `config.per_article` per article and `config.max_candidates` in all,
/// plus as many context-only sentences (teasers cut off with "...").
pub fn collect(articles: &[Source], config: &Config) -> Vec<Candidate> {
    let mut out = Vec::new();
    if articles.is_empty() || config.max_candidates == 0 {
        return out;
    }
    let per = per_article(articles.len(), config);
    for (a, art) in articles.iter().enumerate() {
        if out.len() >= config.max_candidates {
            break;
        }
        let text = window(art.text, per);
        let (mut kept, mut context) = (0, 0);
        for raw in split(text) {
            if kept >= per || out.len() >= config.max_candidates {
                break;
            }
            let text = clean(raw);
            let words = text.split_whitespace().count();
            let keep = quality::keep(&text, words, config);
            // A teaser cut off mid-sentence cannot be quoted, but its words
            // are still the article's.
            let teaser = !keep && context < per && quality::teaser(&text, words, config);
            if !keep && !teaser {
                continue;
            }
            out.push(Candidate {
                article: a,
                index: kept,
                text,
                words,
                context: teaser,
            });
            if teaser {
                context += 1;
            } else {
                kept += 1;
            }
        }
    }
    out
}

/// Sentences considered per article when there are `articles` of them: the
/// total is capped, so a large story looks at fewer of each one's.
fn per_article(articles: usize, config: &Config) -> usize {
    (config.max_candidates / articles.max(1)).clamp(1, config.per_article.max(1))
}

/// The part of an article's text that `per` sentences (after furniture)
/// can need: the rest is never looked at.
fn window(text: &str, per: usize) -> &str {
    prefix(text, MAX_TEXT.min(per.saturating_mul(1024) + 8192))
}

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

/// Splits text into trimmed, non-empty sentences.
pub fn split(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for line in text.split(['\n', '\r', '\u{2028}', '\u{2029}']) {
        split_line(line, &mut out);
    }
    out
}

/// Longest quotation, in words, kept inside one sentence: a longer one is
/// more likely a stray or unpaired mark than one speaker's words.
const MAX_QUOTE_WORDS: usize = 60;

/// The balanced double-quoted spans of a line, as (opening, closing) char
/// indices in ascending order and never overlapping, at most
/// [`MAX_QUOTE_WORDS`] words long. Curly marks pair by shape; a straight
/// mark opens after a space or bracket and closes before a space or
/// punctuation.
fn quote_spans(chars: &[(usize, char)]) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut open: Option<usize> = None;
    let mut words = 0usize;
    for (i, &(_, c)) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|p| chars[p].1);
        let next = chars.get(i + 1).map(|&(_, n)| n);
        let opens = c == '\u{201c}'
            || (c == '"'
                && prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '\u{2014}'))
                && next.is_some_and(|n| !n.is_whitespace()));
        let closes = c == '\u{201d}'
            || (c == '"'
                && prev.is_some_and(|p| !p.is_whitespace())
                && next.is_none_or(|n| n.is_whitespace() || n.is_ascii_punctuation()));
        if let (Some(o), true) = (open, closes) {
            if words <= MAX_QUOTE_WORDS {
                spans.push((o, i));
            }
            open = None;
        } else if opens {
            // A second opener before a close: the first was unpaired.
            open = Some(i);
            words = 0;
        } else if open.is_some() && c.is_whitespace() && prev.is_some_and(|p| !p.is_whitespace()) {
            words += 1;
        }
    }
    spans
}

/// Whether one of the sorted `spans` opens before `i` and closes at or
/// after `k`.
fn inside(spans: &[(usize, usize)], i: usize, k: usize) -> bool {
    let before = spans.partition_point(|&(o, _)| o < i);
    before > 0 && spans[before - 1].1 >= k
}

fn split_line<'a>(line: &'a str, out: &mut Vec<&'a str>) {
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let quotes = quote_spans(&chars);
    let mut start = 0usize;
    let mut i = 0usize;
    while i < chars.len() {
        let (_, c) = chars[i];
        if !matches!(c, '.' | '!' | '?' | '\u{2026}') {
            i += 1;
            continue;
        }
        // The run of terminal punctuation and closing quotes/brackets.
        let mut j = i + 1;
        let mut dots = usize::from(c == '.');
        while j < chars.len() && matches!(chars[j].1, '.' | '!' | '?' | '\u{2026}') {
            dots += usize::from(chars[j].1 == '.');
            j += 1;
        }
        while j < chars.len() && is_closer(chars[j].1) {
            j += 1;
        }
        if j >= chars.len() || !chars[j].1.is_whitespace() {
            i = j.max(i + 1);
            continue;
        }
        let mut k = j;
        while k < chars.len() && chars[k].1.is_whitespace() {
            k += 1;
        }
        let Some(&(_, next)) = chars.get(k) else {
            break;
        };
        let starts = next.is_uppercase() || next.is_ascii_digit() || is_opener(next);
        let single_stop = c == '.' && dots == 1 && j == i + 1;
        // A lone full stop may belong to an abbreviation.
        // Inside a quotation the next sentence is still the speaker's: the
        // quote and its attribution stay one sentence.
        let quoted = inside(&quotes, i, k);
        let boundary = starts && !quoted && (!single_stop || stop_ends(&chars, start, i, k));
        if boundary {
            let end = chars.get(j).map_or(line.len(), |&(b, _)| b);
            push(
                line,
                chars.get(start).map_or(line.len(), |&(b, _)| b),
                end,
                out,
            );
            start = k;
        }
        i = k;
    }
    let from = chars.get(start).map_or(line.len(), |&(b, _)| b);
    push(line, from, line.len(), out);
}

fn push<'a>(line: &'a str, from: usize, to: usize, out: &mut Vec<&'a str>) {
    if let Some(s) = line.get(from..to) {
        let s = s.trim();
        if !s.is_empty() {
            out.push(s);
        }
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

/// Titles that never end a sentence.
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "sens", "rep", "reps", "gov", "gen", "lt", "col",
    "sgt", "capt", "cmdr", "adm", "maj", "rev", "hon", "pres", "supt", "det", "insp", "mt", "ft",
    "st", "messrs", "atty", "gens", "cpl", "pvt", "fr", "vs", "v", "e.g", "i.e", "cf", "approx",
    "dept", "est", "ave", "blvd", "rd", "no", "nos", "vol", "art", "fig", "ch", "sec", "ex",
];

/// Months: not an end before a number ("Jan. 5").
const MONTHS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

/// Abbreviations that often end a sentence too ("... Apple Inc. The ...").
const TRAILING: &[&str] = &[
    "inc", "corp", "co", "ltd", "llc", "jr", "sr", "bros", "etc", "plc", "al", "ph.d",
];

/// Words that usually begin a sentence: after an ambiguous abbreviation
/// ("U.S.", "Inc.") they signal a new one.
const STARTERS: &[&str] = &[
    "the",
    "a",
    "an",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "but",
    "and",
    "in",
    "on",
    "at",
    "this",
    "that",
    "these",
    "those",
    "there",
    "his",
    "her",
    "their",
    "its",
    "our",
    "if",
    "when",
    "while",
    "after",
    "before",
    "as",
    "for",
    "so",
    "yet",
    "however",
    "meanwhile",
    "still",
    "now",
    "then",
    "some",
    "many",
    "most",
    "one",
    "no",
    "not",
    "what",
    "who",
    "why",
    "how",
];

/// Whether the single full stop at `dot` (a `Mr.`-style candidate) ends the
/// sentence that began at `start`, given the next word begins at `next`.
fn stop_ends(chars: &[(usize, char)], start: usize, dot: usize, next: usize) -> bool {
    // The word before the full stop.
    let mut b = dot;
    while b > start && !chars[b - 1].1.is_whitespace() && !is_opener(chars[b - 1].1) {
        b -= 1;
    }
    let word: String = chars[b..dot].iter().map(|&(_, c)| c).collect();
    let lower = word.to_lowercase();
    if word.is_empty() {
        return true;
    }
    let next_word: String = chars[next..]
        .iter()
        .map(|&(_, c)| c)
        .take_while(|c| c.is_alphanumeric())
        .take(24)
        .collect();
    let next_lower = next_word.to_lowercase();
    let starter = STARTERS.contains(&next_lower.as_str());
    let digit = next_word.starts_with(|c: char| c.is_ascii_digit());
    if TITLES.contains(&lower.as_str()) {
        // "No. 1" but "the answer was no. The ..."
        return lower == "no" && !digit && word != "No";
    }
    if MONTHS.contains(&lower.as_str()) {
        return !digit;
    }
    if TRAILING.contains(&lower.as_str()) {
        return starter;
    }
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    let single = letters.next().is_some() && letters.next().is_none() && word.chars().count() == 1;
    if single && word.chars().all(char::is_uppercase) {
        // An initial ("J. Smith"), unless a common word follows.
        return starter;
    }
    if word.contains('.') && word.chars().all(|c| c == '.' || c.is_alphabetic()) {
        // "U.S.", "a.m.": ambiguous.
        return starter;
    }
    true
}

/// Cleans a raw sentence: collapses whitespace, strips a leading dateline
/// ("DENVER (AP) — ") and leading bullets.
pub fn clean(raw: &str) -> String {
    let mut s = String::with_capacity(raw.len());
    for w in raw.split(|c: char| c.is_whitespace() || c.is_control()) {
        if w.is_empty() {
            continue;
        }
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(w);
    }
    let body = strip_label(strip_dateline(&s));
    let body = body.trim_start_matches(['•', '*', '-', '–', '—', '>', '·', ' ']);
    body.to_string()
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

/// The sentence without a leading section label such as "Why it matters: ".
fn strip_label(s: &str) -> &str {
    let Some(pos) = prefix(s, 40).find(':') else {
        return s;
    };
    let label = s[..pos].trim().to_lowercase();
    if LABELS.contains(&label.as_str()) {
        return s.get(pos + 1..).unwrap_or(s).trim_start();
    }
    s
}

/// The sentence without a leading dateline such as "DENVER (AP) — " or
/// "(CNN) -- ".
fn strip_dateline(s: &str) -> &str {
    let head = prefix(s, 90);
    for dash in [" — ", " -- ", " – ", " - ", "—", " : "] {
        let Some(pos) = head.find(dash) else {
            continue;
        };
        let before = &head[..pos];
        if before.is_empty() {
            continue;
        }
        let mut depth = 0i32;
        let mut upper = 0;
        let mut ok = true;
        for c in before.chars() {
            match c {
                '(' => depth += 1,
                ')' => depth -= 1,
                _ if depth > 0 => {}
                c if c.is_lowercase() => {
                    ok = false;
                    break;
                }
                c if c.is_uppercase() => upper += 1,
                _ => {}
            }
        }
        if ok && (upper >= 2 || before.contains('(')) {
            return s.get(pos + dash.len()..).unwrap_or(s).trim_start();
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_on_full_stops_but_not_abbreviations() {
        let t = "Mr. Brown met Gov. Lee on Jan. 5 in the U.S. capital. They spoke. \
                 It rained in the U.S. The end came at 5 p.m. on Friday.";
        let s = split(t);
        assert_eq!(
            s,
            vec![
                "Mr. Brown met Gov. Lee on Jan. 5 in the U.S. capital.",
                "They spoke.",
                "It rained in the U.S.",
                "The end came at 5 p.m. on Friday.",
            ]
        );
    }

    #[test]
    fn quotes_and_initials() {
        let t = "\"Is it over?\" a fan asked. J. R. Smith said \"No.\" Then he left!";
        assert_eq!(
            split(t),
            vec![
                "\"Is it over?\" a fan asked.",
                "J. R. Smith said \"No.\"",
                "Then he left!"
            ]
        );
    }

    #[test]
    fn a_quote_of_several_sentences_stays_whole() {
        let t = "The ferry is old. \u{201c}It leaks. It rusts. It must go,\u{201d} the mayor said. \
                 Divers said \"We found it. It was deep.\" Then they left.";
        assert_eq!(
            split(t),
            vec![
                "The ferry is old.",
                "\u{201c}It leaks. It rusts. It must go,\u{201d} the mayor said.",
                "Divers said \"We found it. It was deep.\"",
                "Then they left."
            ]
        );
        // An unclosed quotation (it goes on in the next paragraph) or a very
        // long one splits as before.
        assert_eq!(
            split("\u{201c}It leaks. It rusts. Then it sank."),
            vec!["\u{201c}It leaks.", "It rusts.", "Then it sank."]
        );
        let long = format!("\"{}end. Next one.\" he said.", "word ".repeat(70));
        assert!(split(&long).len() >= 2);
    }

    #[test]
    fn teasers_are_context_only() {
        let arts = [Source {
            text: "The harbour ferry sank near the north pier on Sunday.\n\n\
                   Divers said the wreck would be raised once the weather...",
            ..Source::default()
        }];
        let c = collect(&arts, &Config::default());
        assert_eq!(c.len(), 2, "{c:?}");
        assert!(!c[0].context && c[1].context);
        assert_eq!((c[0].index, c[1].index), (0, 1));
    }

    #[test]
    fn lines_end_sentences() {
        assert_eq!(
            split("A headline\n\nBody text here. More"),
            vec!["A headline", "Body text here.", "More"]
        );
    }

    #[test]
    fn strips_datelines() {
        assert_eq!(
            clean("SPRINGFIELD (AP) — The  mayor spoke."),
            "The mayor spoke."
        );
        assert_eq!(clean("(CNN) -- The mayor spoke."), "The mayor spoke.");
        assert_eq!(
            clean("Why it matters: The mayor spoke."),
            "The mayor spoke."
        );
        assert_eq!(
            clean("The mayor - who spoke - left."),
            "The mayor - who spoke - left."
        );
    }

    #[test]
    fn odd_text_never_panics() {
        for t in [
            "",
            ".",
            "...",
            "é. É. ü",
            "a.\u{2026} B",
            "\"",
            "x. ",
            "Mr.",
            " . . A",
        ] {
            let _ = split(t);
            let _ = clean(t);
        }
        assert_eq!(prefix("éé", 3), "é");
    }
}
