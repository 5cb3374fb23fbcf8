//! Exclusives: what one outlet reports that no other does.
//!
//! A sentence of an outlet's text is a candidate when it states a fact in
//! the outlet's own voice (`fact`: a whole declarative sentence, not
//! commentary, a quotation, a caption, a fragment or page furniture). It
//! is *covered* when some other outlet has a similar sentence (cosine at
//! or above [`Config::covered`]), or a somewhat similar one that holds all
//! its names and numbers. An uncovered sentence is an exclusive when
//! enough of its content weight is in words no other outlet uses at all
//! ([`Config::novelty`]) and among them is a concrete detail: a name or a
//! figure no other outlet gives. A lead, or a sentence much like another
//! outlet's, retells the story's event in other words, so it needs a
//! figure of its own. Exclusives rank by that novelty, new names and
//! numbers, and how early the sentence comes (leads carry the news);
//! near-duplicates from one outlet's several articles count once.

use std::collections::HashSet;

use crate::fact::fact;
use crate::story::{MAX_TOKENS, Story, Unit, cosine};
use crate::word::{Kind, Token, content, stop, tokens};
use crate::{Config, Span};
use storyline_lexicon::is_month;

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

/// Lowercase first words that lean on the sentence before (pronoun
/// openings are no fact at all: see `fact`).
const DANGLING: &[&str] = &[
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

/// Whether the `i`th token of a sentence is a concrete detail: a figure,
/// or a name (a capitalised word after the first that is not a month).
fn concrete(t: &Token, i: usize) -> bool {
    t.kind == Kind::Number || (i > 0 && t.capital() && !is_month(&t.lower()))
}

/// Whether a token is a figure: a number that is not a year.
fn figure(t: &Token) -> bool {
    t.kind == Kind::Number
        && !(t.text.len() == 4
            && t.text
                .parse::<u32>()
                .is_ok_and(|y| (1800..=2100).contains(&y)))
}

/// Cosine with another outlet's sentence at or above which a sentence
/// retells it rather than reports something else.
const RETOLD: f32 = 0.25;

/// Scores one unit of `outlet`, or `None` when it is covered or not novel.
fn score(
    story: &Story,
    unit: &Unit,
    outlet: usize,
    config: &Config,
    acc: &mut Vec<f32>,
) -> Option<(f32, Vec<String>)> {
    let text = story.text(unit);
    if !fact(text) {
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
    let mut new_figures = 0usize;
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
        if concrete(t, i) {
            new_keys += 1;
        }
        if figure(t) {
            new_figures += 1;
        }
        if novel.len() < 8 && !novel.iter().any(|n: &String| n == t.text) {
            novel.push(t.text.to_string());
        }
    }
    // A detail a reader can check: a name or a figure only this outlet
    // has. A lead, or a sentence much like another outlet's, retells the
    // story's event in its own words (other names for the same people and
    // places): only a figure of its own makes it an exclusive.
    let retold = unit.position == 0 || best_cos >= RETOLD;
    if new_keys == 0 || (retold && new_figures == 0) {
        return None;
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

    /// Both outlets report the reopening; each adds one sentence of its own.
    fn pair(extra_a: &'static str, extra_b: &'static str) -> Vec<super::Exclusive> {
        let a = Article {
            outlet: "Alder Gazette",
            time: None,
            title: "Bridge reopens in Alderton",
            text: extra_a,
        };
        let b = Article {
            outlet: "River Wire",
            time: None,
            title: "Bridge reopens in Alderton",
            text: extra_b,
        };
        compare(&[a, b], &[]).exclusives
    }

    const SHARED: &str =
        "The Alderton bridge reopened to traffic on Monday after eight months of repairs. ";

    #[test]
    fn opinion_is_never_only_here() {
        // Each opinion sentence carries names no other outlet uses.
        for opinion in [
            "Frankly, Mayor Jo Pell and her Granby allies deserve no praise for the Kessock delays.",
            "We at the Gazette warned Jo Pell about the Kessock contract back in Granby.",
            "Don't you go blaming Jo Pell or the Granby crews for the Kessock delays.",
            "Why did Mayor Jo Pell trust the Granby firm with the Kessock contract?",
            "The Granby council should sack Jo Pell over the Kessock contract.",
            "Mayor Jo Pell may finally have gone too far with the Granby and Kessock deals.",
        ] {
            let text: &'static str = Box::leak(format!("{SHARED}{opinion}").into_boxed_str());
            let ex = pair(text, SHARED);
            assert!(ex.is_empty(), "{opinion}: {ex:?}");
        }
    }

    #[test]
    fn fragments_are_never_only_here() {
        for fragment in [
            "During the visit of Mayor Jo Pell to Granby to sign the Kessock contract.",
            "Not the finest hour for Jo Pell, the Granby firm or the Kessock crews.",
            "He signed the Kessock contract with the Granby firm on Tuesday.",
        ] {
            let text: &'static str = Box::leak(format!("{SHARED}{fragment}").into_boxed_str());
            let ex = pair(text, SHARED);
            assert!(ex.is_empty(), "{fragment}: {ex:?}");
        }
    }

    #[test]
    fn a_figure_only_one_outlet_gives_is_only_here() {
        let ex = pair(
            "The Alderton bridge reopened to traffic on Monday after eight months of repairs. \
             The repairs cost the county $6.5 million, paid from a state loan.",
            SHARED,
        );
        assert_eq!(ex.len(), 1, "{ex:?}");
        assert_eq!(ex[0].outlet, "Alder Gazette");
        assert!(ex[0].sentence.text.contains("$6.5 million"));
        assert!(ex[0].novel.iter().any(|w| w == "6.5"));
    }

    #[test]
    fn a_retold_lead_is_not_only_here() {
        // The same event in other words, with nothing new to check.
        let ex = pair(
            "The bridge at Alderton opened again to cars on Monday, ending eight months of work by Granby crews.",
            "Traffic returned to the Alderton bridge on Monday after eight months of repairs.",
        );
        assert!(ex.is_empty(), "{ex:?}");
    }

    #[test]
    fn one_outlet_has_no_exclusives() {
        let t = "The Alderton bridge reopened to traffic on Monday after eight months of repairs.";
        assert!(compare(&[art("One", t)], &[]).exclusives.is_empty());
    }
}
