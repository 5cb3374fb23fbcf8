//! Exclusives: what one outlet reports that no other does.
//!
//! A sentence of an outlet's text is a candidate when it reads like a
//! statement of fact (a full sentence, not a question, teaser, byline or
//! other page furniture). It is *covered* when some other outlet has a
//! similar sentence (cosine at or above [`Config::covered`]), or a
//! somewhat similar one that holds all its names and numbers. An uncovered
//! sentence is an exclusive when enough of its content weight is in words
//! no other outlet uses at all ([`Config::novelty`]). Exclusives rank by
//! that novelty, new names and numbers, and how early the sentence comes
//! (leads carry the news); near-duplicates from one outlet's several
//! articles count once.

use std::collections::HashSet;

use crate::story::{MAX_TOKENS, Story, Unit, cosine};
use crate::word::{Kind, content, stop, tokens};
use crate::{Config, Span};

/// A sentence whose content only one outlet carries.
#[derive(Debug, Clone, PartialEq)]
pub struct Exclusive {
    /// The outlet.
    pub outlet: String,
    /// The sentence.
    pub sentence: Span,
    /// Its words that no other outlet uses, as written, in order.
    pub novel: Vec<String>,
    /// Rank score (higher is more informative).
    pub score: f32,
}

/// Lowercase phrases that mark page furniture rather than reporting.
const FURNITURE: &[&str] = &[
    "click here",
    "sign up",
    "subscribe",
    "newsletter",
    "follow us",
    "all rights reserved",
    "copyright",
    "contributed to this report",
    "getty images",
    "ap photo",
    "photo by",
    "read more",
    "related:",
    "advertisement",
    "share this",
    "http://",
    "https://",
    "www.",
    "@",
    "(photo",
    "this story has been",
    "this article",
    "editor's note",
    "sponsored",
    "terms of use",
    "privacy policy",
    "cookie",
    "your browser",
    "watch:",
    "video:",
];

/// Lowercase openings of bylines and credits.
const OPENINGS: &[&str] = &[
    "by ",
    "photo:",
    "image:",
    "credit:",
    "source:",
    "updated ",
    "posted ",
    "published ",
    "reporting by",
    "editing by",
    "writing by",
    "tags:",
    "note:",
];

/// Whether a sentence can stand as a reported fact.
pub(crate) fn informative(text: &str) -> bool {
    let words = text.split_whitespace().count();
    if !(6..=70).contains(&words) {
        return false;
    }
    let Some(last) = storyline_sentence::final_mark(text) else {
        return false;
    };
    if !matches!(last, '.' | '!')
        || text.ends_with("...")
        || text.ends_with(". . .")
        || text.contains("..\"")
    {
        return false;
    }
    let first = text.chars().next().unwrap_or(' ');
    if !(first.is_uppercase() || first.is_ascii_digit() || matches!(first, '"' | '\u{201c}')) {
        return false;
    }
    let lower = text.to_lowercase();
    if FURNITURE.iter().any(|f| lower.contains(f)) || OPENINGS.iter().any(|o| lower.starts_with(o))
    {
        return false;
    }
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    let upper = text.chars().filter(|c| c.is_uppercase()).count();
    letters > 0 && upper * 2 <= letters
}

/// Lowercase first words that lean on the sentence before.
const DANGLING: &[&str] = &[
    "he",
    "she",
    "they",
    "it",
    "this",
    "that",
    "these",
    "those",
    "his",
    "her",
    "their",
    "its",
    "and",
    "but",
    "or",
    "so",
    "also",
    "then",
    "still",
    "meanwhile",
    "however",
];

/// A scored candidate.
struct Pick {
    unit: usize,
    score: f32,
    novel: Vec<String>,
}

/// Names and numbers of a sentence, as content keys.
fn keys(text: &str) -> Vec<String> {
    let toks = tokens(text, MAX_TOKENS);
    toks.iter()
        .enumerate()
        .filter(|(i, t)| t.kind == Kind::Number || (*i > 0 && t.capital() && !stop(&t.lower())))
        .filter_map(|(_, t)| content(t))
        .collect()
}

/// Scores one unit of `outlet`, or `None` when it is covered or not novel.
fn score(
    story: &Story,
    unit: &Unit,
    outlet: usize,
    config: &Config,
    acc: &mut Vec<f32>,
) -> Option<(f32, Vec<String>)> {
    let text = story.text(unit);
    if !informative(text) {
        return None;
    }
    let near = story.similar(&unit.vector, |u| u.outlet != outlet, acc);
    let best = near.iter().copied().max_by(|a, b| a.1.total_cmp(&b.1));
    let best_cos = best.map_or(0.0, |b| b.1);
    if best_cos >= config.covered {
        return None;
    }
    // Somewhat similar and holding all the names and numbers: covered.
    let names = keys(text);
    if let Some((b, c)) = best
        && c >= 0.3
        && !names.is_empty()
        && let Some(other) = story.units.get(b)
    {
        let theirs: HashSet<String> = keys(story.text(other)).into_iter().collect();
        if names.iter().all(|k| theirs.contains(k)) {
            return None;
        }
    }
    let mut total = 0.0;
    let mut fresh = 0.0;
    for &(t, _) in &unit.vector {
        let w = story.idf(t);
        total += w;
        if story.outlets_using(t).iter().all(|&o| o as usize == outlet) {
            fresh += w;
        }
    }
    if total <= 0.0 {
        return None;
    }
    let novelty = fresh / total;
    if novelty < config.novelty {
        return None;
    }
    let mut novel = Vec::new();
    let mut new_keys = 0usize;
    for (i, t) in tokens(text, MAX_TOKENS).iter().enumerate() {
        let Some(key) = content(t) else {
            continue;
        };
        let Some(id) = story.term(&key) else {
            continue;
        };
        if !story
            .outlets_using(id)
            .iter()
            .all(|&o| o as usize == outlet)
        {
            continue;
        }
        if t.kind == Kind::Number || (i > 0 && t.capital()) {
            new_keys += 1;
        }
        if novel.len() < 8 && !novel.iter().any(|n: &String| n == t.text) {
            novel.push(t.text.to_string());
        }
    }
    let words = text.split_whitespace().count();
    let first: String = text
        .split_whitespace()
        .next()
        .unwrap_or("")
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    let mut s = novelty * (1.0 - best_cos)
        + 0.1 * new_keys.min(3) as f32
        + 0.3 / (1.0 + unit.position as f32);
    if !(10..=45).contains(&words) {
        s -= 0.1;
    }
    if DANGLING.contains(&first.as_str()) {
        s -= 0.1;
    }
    Some((s, novel))
}

/// Up to [`Config::exclusives`] exclusive sentences per outlet, outlets in
/// `order`. Empty when the story has fewer than two outlets.
pub(crate) fn exclusives(story: &Story, order: &[usize], config: &Config) -> Vec<Exclusive> {
    let mut out = Vec::new();
    if story.outlets.len() < 2 || config.exclusives == 0 {
        return out;
    }
    let mut acc = Vec::new();
    for &outlet in order {
        let mut picks: Vec<Pick> = story
            .units
            .iter()
            .enumerate()
            .filter(|(_, u)| u.outlet == outlet && !u.title)
            .filter_map(|(i, u)| {
                let (score, novel) = score(story, u, outlet, config, &mut acc)?;
                Some(Pick {
                    unit: i,
                    score,
                    novel,
                })
            })
            .collect();
        picks.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.unit.cmp(&b.unit)));
        let mut chosen: Vec<usize> = Vec::new();
        for p in picks {
            if chosen.len() >= config.exclusives {
                break;
            }
            let Some(unit) = story.units.get(p.unit) else {
                continue;
            };
            let dup = chosen.iter().any(|&c| {
                story
                    .units
                    .get(c)
                    .is_some_and(|o| cosine(&o.vector, &unit.vector) >= config.covered)
            });
            if dup {
                continue;
            }
            chosen.push(p.unit);
            out.push(Exclusive {
                outlet: story.outlet_name(outlet),
                sentence: story.span(unit),
                novel: p.novel,
                score: p.score,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::{Article, compare};

    fn art(outlet: &'static str, text: &'static str) -> Article<'static> {
        Article {
            outlet,
            time: None,
            title: "Bridge reopens in Alderton",
            text,
        }
    }

    #[test]
    fn finds_the_detail_only_one_outlet_has() {
        let a = art(
            "Alder Gazette",
            "The Alderton bridge reopened to traffic on Monday after eight months of repairs. \
             Mayor Jo Pell cut a ribbon at the east end of the bridge.",
        );
        let b = art(
            "River Wire",
            "The Alderton bridge reopened to traffic on Monday after eight months of repairs. \
             Engineers found corroded cables that raised the repair bill to $4 million, twice the estimate.",
        );
        let c = compare(&[a, b], &[]);
        let wire: Vec<&str> = c
            .exclusives
            .iter()
            .filter(|e| e.outlet == "River Wire")
            .map(|e| e.sentence.text.as_str())
            .collect();
        assert_eq!(wire.len(), 1);
        assert!(wire[0].starts_with("Engineers found corroded cables"));
        assert!(
            c.exclusives
                .iter()
                .all(|e| !e.sentence.text.contains("reopened"))
        );
    }

    #[test]
    fn identical_copies_have_no_exclusives() {
        let t = "The Alderton bridge reopened to traffic on Monday after eight months of repairs. \
                 Engineers found corroded cables that raised the repair bill to $4 million.";
        let c = compare(&[art("One", t), art("Two", t)], &[]);
        assert!(c.exclusives.is_empty());
        assert!(c.conflicts.is_empty());
    }

    #[test]
    fn one_outlet_has_no_exclusives() {
        let t = "The Alderton bridge reopened to traffic on Monday after eight months of repairs.";
        assert!(compare(&[art("One", t)], &[]).exclusives.is_empty());
    }

    #[test]
    fn furniture_is_not_informative() {
        assert!(!super::informative(
            "By Jane Roe and Jim Doe, staff writers at the paper."
        ));
        assert!(!super::informative(
            "Will the bridge ever be finished by the city council?"
        ));
        assert!(!super::informative(
            "The mayor said the bridge would be finished by..."
        ));
        assert!(super::informative(
            "The mayor said the bridge would be finished by May."
        ));
    }
}
