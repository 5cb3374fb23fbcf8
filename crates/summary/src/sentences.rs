//! Sentences: splitting article text and collecting the candidates.
//!
//! Splitting is `storyline_sentence`'s, shared with the timeline and the
//! outlet comparison: lines end sentences, abbreviations and initials do
//! not, and a short quotation stays whole with its attribution. A leading
//! wire dateline ("PLACE, Nov 9 (Agency) – ") is cleaned off.
//!
//! A quotable sentence may lose a trailing participial elaboration
//! ([`crate::compress`]); its vector still counts the whole sentence.
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
    /// The cleaned sentence: datelines stripped, whitespace collapsed, and
    /// (for a quotable one) a trailing elaboration cut ([`crate::compress`]).
    pub text: String,
    /// Whitespace-separated words in `text`.
    pub words: usize,
    /// The whole sentence, when `text` is it without its trailing
    /// elaboration ([`crate::compress`]) or its leaning opening
    /// ([`crate::standalone::mend`]): its words still tell what the article
    /// says.
    pub full: Option<String>,
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
            // A quotable sentence may lose its trailing elaboration.
            let short = (keep && config.trim)
                .then(|| crate::compress::trim(&text))
                .flatten();
            let (mut text, mut words, mut full) = match short {
                Some(t) => {
                    let w = t.split_whitespace().count();
                    (t, w, Some(text))
                }
                None => (text, words, None),
            };
            // A sentence that cannot stand alone ([`crate::standalone`])
            // loses its leaning opening, or else weighs in as context only.
            let mut teaser = teaser;
            if keep && crate::standalone::faults(&text).is_some() {
                match crate::standalone::mend(&text) {
                    Some(m) => {
                        words = m.split_whitespace().count();
                        full.get_or_insert(std::mem::replace(&mut text, m));
                    }
                    None => teaser = true,
                }
            }
            out.push(Candidate {
                article: a,
                index: kept,
                text,
                words,
                full,
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

pub use storyline_sentence::prefix;

/// Splits text into trimmed, non-empty sentences.
pub fn split(text: &str) -> Vec<&str> {
    storyline_sentence::sentences(text)
        .into_iter()
        .filter_map(|(a, b)| text.get(a..b))
        .collect()
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
    // A wire dateline, else the older forms ("WORD : ").
    let body = match storyline_sentence::dateline(&s) {
        0 => strip_dateline(&s),
        d => s.get(d..).unwrap_or(""),
    };
    let body = body.get(storyline_sentence::label(body)..).unwrap_or(body);
    let body = body.trim_start_matches(['•', '*', '-', '–', '—', '>', '·', ' ']);
    body.to_string()
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
