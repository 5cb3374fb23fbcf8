//! Quotes: whom each outlet chose to quote, and what only it carries.
//!
//! Speakers are matched by surname ("President Joe Biden", "Biden"), the
//! longest form seen naming them. A quote is carried by one outlet only
//! when no other outlet has a quote sharing half its content words and no
//! other outlet's sentence holds most of its content weight (the quote
//! finder may have missed it there, or the outlet paraphrased it). Quotes
//! of fewer than three content words ("forcing") are never listed as
//! exclusive: too short to tell. A speaker that does not read as a name
//! ("Essentially", "Hide Caption") counts the quote as unattributed.

use std::collections::{HashMap, HashSet};

use crate::Config;
use crate::story::{MAX_TOKENS, Story};
use crate::word::{content, tokens};

/// How often an outlet quotes one speaker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeakerCount {
    /// The speaker, in the longest form the story names them.
    pub name: String,
    /// Quotes of this speaker in the outlet's articles.
    pub count: usize,
    /// True when no other outlet quotes this speaker.
    pub only: bool,
}

/// A quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteItem {
    /// The article that carries it.
    pub article: usize,
    /// Who is quoted, when known.
    pub speaker: Option<String>,
    /// The quote.
    pub text: String,
}

/// The quotes one outlet carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutletQuotes {
    /// The outlet.
    pub outlet: String,
    /// Speakers it quotes, most quoted first.
    pub speakers: Vec<SpeakerCount>,
    /// Quotes without a known speaker.
    pub unattributed: usize,
    /// Quotes no other outlet carries (at most [`Config::only_quotes`]),
    /// longest first.
    pub only: Vec<QuoteItem>,
}

/// Name suffixes that are not surnames.
const SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv", "phd", "md"];

/// Single words that open a sentence but name no one ("Another said").
const NOT_NAMES: &[&str] = &[
    "another",
    "anyone",
    "someone",
    "somebody",
    "everyone",
    "nobody",
    "none",
    "many",
    "most",
    "several",
    "others",
    "along",
    "upon",
    "later",
    "earlier",
    "meanwhile",
    "instead",
    "moments",
];

/// Whether a speaker reads as a name: capitalised words (particles such
/// as "de" or "of" aside), and not one word that is a function word, an
/// adverb or a participle the quote finder took for a name
/// ("Essentially", "Appearing"), nor a caption label.
fn plausible(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().take(12).collect();
    let Some(first) = words.first() else {
        return false;
    };
    let lower = name.to_lowercase();
    if lower.contains("caption") || !first.starts_with(char::is_uppercase) {
        return false;
    }
    if let [one] = words.as_slice() {
        let w: String = one
            .chars()
            .map(|c| if c == '\u{2019}' { '\'' } else { c })
            .filter(|c| c.is_alphabetic() || *c == '\'')
            .flat_map(char::to_lowercase)
            .collect();
        if storyline_lexicon::is_function_word(&w)
            || storyline_lexicon::is_personal(&w)
            || NOT_NAMES.contains(&w.as_str())
            || w.ends_with("ly")
            || w.ends_with("ing")
        {
            return false;
        }
    }
    true
}

/// The key of a speaker: the lowercase surname.
fn speaker_key(name: &str) -> Option<String> {
    name.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '\u{2019}'))
        .filter(|w| !w.is_empty())
        .take(12)
        .map(|w| {
            let w = w.to_lowercase();
            w.strip_suffix("'s")
                .or_else(|| w.strip_suffix("\u{2019}s"))
                .map(str::to_string)
                .unwrap_or(w)
        })
        .filter(|w| !SUFFIXES.contains(&w.as_str()))
        .last()
}

/// One quote, read.
struct Read {
    quote: usize,
    outlet: usize,
    speaker: Option<String>,
    terms: Vec<u32>,
}

/// Per outlet in `order`, whom it quotes and what only it carries.
pub(crate) fn quotes(story: &Story, order: &[usize], config: &Config) -> Vec<OutletQuotes> {
    let mut names: HashMap<String, String> = HashMap::new();
    let mut read: Vec<Read> = Vec::new();
    for l in &story.located {
        let (Some(q), Some(&outlet)) = (story.quotes.get(l.quote), story.outlet_of.get(l.article))
        else {
            continue;
        };
        let speaker = q
            .speaker
            .map(str::trim)
            .filter(|s| !s.is_empty() && plausible(s))
            .and_then(|s| {
                let key = speaker_key(s)?;
                let shown = names.entry(key.clone()).or_default();
                if s.len() > shown.len() && s.len() <= 200 {
                    *shown = s.to_string();
                }
                Some(key)
            });
        let mut terms: Vec<u32> = tokens(q.text, MAX_TOKENS)
            .iter()
            .filter_map(|t| story.term(&content(t)?))
            .collect();
        terms.sort_unstable();
        terms.dedup();
        read.push(Read {
            quote: l.quote,
            outlet,
            speaker,
            terms,
        });
    }

    let mut speaker_outlets: HashMap<&str, HashSet<usize>> = HashMap::new();
    for r in &read {
        if let Some(s) = &r.speaker {
            speaker_outlets
                .entry(s.as_str())
                .or_default()
                .insert(r.outlet);
        }
    }
    // Quotes by term, to find other outlets' quotes sharing words.
    let mut by_term: HashMap<u32, Vec<usize>> = HashMap::new();
    for (i, r) in read.iter().enumerate() {
        for &t in &r.terms {
            by_term.entry(t).or_default().push(i);
        }
    }

    let mut acc = Vec::new();
    order
        .iter()
        .map(|&outlet| {
            let mine: Vec<usize> = (0..read.len())
                .filter(|&i| read[i].outlet == outlet)
                .collect();
            let mut counts: HashMap<&str, usize> = HashMap::new();
            let mut unattributed = 0;
            for &i in &mine {
                match &read[i].speaker {
                    Some(s) => *counts.entry(s.as_str()).or_default() += 1,
                    None => unattributed += 1,
                }
            }
            let mut speakers: Vec<SpeakerCount> = counts
                .into_iter()
                .map(|(key, count)| SpeakerCount {
                    name: names.get(key).cloned().unwrap_or_else(|| key.to_string()),
                    count,
                    only: speaker_outlets.get(key).is_some_and(|o| o.len() == 1),
                })
                .collect();
            speakers.sort_by(|a, b| b.count.cmp(&a.count).then(a.name.cmp(&b.name)));

            let mut only: Vec<(usize, &Read)> = Vec::new();
            for &i in &mine {
                let r = &read[i];
                if r.terms.len() < 3 || carried_elsewhere(story, &read, &by_term, r, &mut acc) {
                    continue;
                }
                // Copies in one outlet's several articles count once.
                if only.iter().any(|(_, o)| overlap(&o.terms, &r.terms) >= 0.5) {
                    continue;
                }
                only.push((i, r));
            }
            only.sort_by_key(|(i, r)| (std::cmp::Reverse(r.terms.len()), *i));
            let only = only
                .into_iter()
                .take(config.only_quotes)
                .filter_map(|(_, r)| {
                    let q = story.quotes.get(r.quote)?;
                    Some(QuoteItem {
                        article: q.article,
                        speaker: r
                            .speaker
                            .as_ref()
                            .map(|k| names.get(k).cloned().unwrap_or_else(|| k.clone())),
                        text: q.text.split_whitespace().collect::<Vec<_>>().join(" "),
                    })
                })
                .collect();
            OutletQuotes {
                outlet: story.outlet_name(outlet),
                speakers,
                unattributed,
                only,
            }
        })
        .collect()
}

/// Shared terms over the smaller set's size.
fn overlap(a: &[u32], b: &[u32]) -> f32 {
    let small = a.len().min(b.len());
    if small == 0 {
        return 0.0;
    }
    let shared = a.iter().filter(|t| b.binary_search(t).is_ok()).count();
    shared as f32 / small as f32
}

/// Whether another outlet carries the quote `r`: as a quote, or in a
/// sentence that holds most of its content weight.
fn carried_elsewhere(
    story: &Story,
    read: &[Read],
    by_term: &HashMap<u32, Vec<usize>>,
    r: &Read,
    acc: &mut Vec<f32>,
) -> bool {
    let mut seen: HashSet<usize> = HashSet::new();
    for t in &r.terms {
        for &j in by_term
            .get(t)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .take(2000)
        {
            let Some(other) = read.get(j) else {
                continue;
            };
            if other.outlet != r.outlet && seen.insert(j) && overlap(&r.terms, &other.terms) >= 0.5
            {
                return true;
            }
        }
    }
    let query: Vec<(u32, f32)> = r.terms.iter().map(|&t| (t, story.idf(t))).collect();
    let all: f32 = query.iter().map(|&(_, w)| w).sum();
    if all <= 0.0 {
        return false;
    }
    story
        .similar(&query, |u| u.outlet != r.outlet, acc)
        .into_iter()
        .any(|(u, _)| {
            let Some(unit) = story.units.get(u) else {
                return false;
            };
            let got: f32 = query
                .iter()
                .filter(|(t, _)| unit.vector.binary_search_by_key(t, |&(x, _)| x).is_ok())
                .map(|&(_, w)| w)
                .sum();
            got / all >= 0.6
        })
}

#[cfg(test)]
mod tests {
    use crate::{Article, QuoteRef, compare};

    #[test]
    fn only_names_are_speakers() {
        assert!(super::plausible("Tam Oduya") && super::plausible("Oduya"));
        assert!(super::plausible("Ana de la Vega") && super::plausible("Harbor Board"));
        for s in [
            "Essentially",
            "Another",
            "Appearing",
            "Hide Caption",
            "each",
            "",
        ] {
            assert!(!super::plausible(s), "{s}");
        }
    }

    #[test]
    fn each_outlet_lists_whom_it_quotes() {
        let arts = [
            Article {
                outlet: "Harbor News",
                time: Some(1),
                title: "Ferry fares rise",
                text: "\"Fares will rise by a tenth in May,\" said ferry chief Una Brisk.",
            },
            Article {
                outlet: "",
                time: Some(2),
                title: "Ferry fares up",
                text: "\"Commuters cannot pay more for late boats,\" said rider Pol Annet.",
            },
            Article {
                outlet: "",
                time: Some(3),
                title: "Fares to rise",
                text: "\"We sold the old boat to cover the fuel bill,\" said treasurer Iva Sund.",
            },
        ];
        let q = [
            QuoteRef {
                article: 0,
                speaker: Some("Una Brisk"),
                text: "Fares will rise by a tenth in May,",
            },
            QuoteRef {
                article: 1,
                speaker: Some("Pol Annet"),
                text: "Commuters cannot pay more for late boats,",
            },
            QuoteRef {
                article: 2,
                speaker: Some("Iva Sund"),
                text: "We sold the old boat to cover the fuel bill,",
            },
        ];
        let c = compare(&arts, &q);
        let got: Vec<(&str, Vec<&str>)> = c
            .quotes
            .iter()
            .map(|o| {
                (
                    o.outlet.as_str(),
                    o.speakers.iter().map(|s| s.name.as_str()).collect(),
                )
            })
            .collect();
        // Unknown outlets stay apart, each with its own speakers.
        assert_eq!(
            got,
            vec![
                ("Harbor News", vec!["Una Brisk"]),
                ("unknown outlet [2]", vec!["Pol Annet"]),
                ("unknown outlet [3]", vec!["Iva Sund"]),
            ]
        );
        assert!(c.quotes.iter().all(|o| o.speakers.iter().all(|s| s.only)));
    }

    #[test]
    fn speakers_and_only_quotes() {
        let arts = [
            Article {
                outlet: "Harbor News",
                time: Some(1),
                title: "Port strike ends",
                text: "The port strike ended on Friday. \"We won a fair contract for every dock worker,\" said union leader Tam Oduya. \
                       Mayor Lin Ashby said the city was relieved.",
            },
            Article {
                outlet: "Metro Post",
                time: Some(2),
                title: "Port strike over",
                text: "The port strike is over. \"We won a fair contract for every dock worker,\" Oduya said. \
                       \"Shipping delays will take weeks to clear from the harbor backlog,\" said shipper Ros Vale.",
            },
        ];
        let q = [
            QuoteRef {
                article: 0,
                speaker: Some("Tam Oduya"),
                text: "We won a fair contract for every dock worker,",
            },
            QuoteRef {
                article: 0,
                speaker: Some("Lin Ashby"),
                text: "the city was relieved",
            },
            QuoteRef {
                article: 1,
                speaker: Some("Oduya"),
                text: "We won a fair contract for every dock worker,",
            },
            QuoteRef {
                article: 1,
                speaker: Some("Ros Vale"),
                text: "Shipping delays will take weeks to clear from the harbor backlog,",
            },
            QuoteRef {
                article: 9,
                speaker: None,
                text: "out of range",
            },
        ];
        let c = compare(&arts, &q);
        assert_eq!(c.quotes.len(), 2);
        let harbor = &c.quotes[0];
        assert_eq!(harbor.outlet, "Harbor News");
        assert_eq!(harbor.speakers.len(), 2);
        assert!(
            harbor
                .speakers
                .iter()
                .any(|s| s.name == "Tam Oduya" && !s.only)
        );
        assert!(
            harbor
                .speakers
                .iter()
                .any(|s| s.name == "Lin Ashby" && s.only)
        );
        assert!(harbor.only.is_empty(), "{:?}", harbor.only);
        let metro = &c.quotes[1];
        assert_eq!(metro.only.len(), 1);
        assert_eq!(metro.only[0].speaker.as_deref(), Some("Ros Vale"));
    }
}
