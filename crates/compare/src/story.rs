//! Story: the shared index every stage reads.
//!
//! Articles are grouped into outlets; each article's title and first
//! sentences become units, each a unit-length TF-IDF vector over content
//! words (a word in many of the story's sentences says little about any
//! one). An inverted index from word to units finds a sentence's
//! neighbours without comparing all pairs; words in very many sentences
//! are left out of that search (their weight is small anyway). For each
//! word the index also keeps which outlets use it, so a stage can ask
//! whether a word is one outlet's alone.

use std::collections::HashMap;

use crate::word::{content, tokens};
use crate::{Article, Config, QuoteRef, Span};
use storyline_sentence::{dateline, label, prefix, split};

/// Tokens read per sentence (longer "sentences" are run-on lists).
pub(crate) const MAX_TOKENS: usize = 160;

/// Units in a word's posting list beyond which the word is not searched.
const MAX_POSTING: usize = 600;

/// An outlet: its display name and articles.
#[derive(Debug, Clone)]
pub struct Outlet {
    /// The name as first seen (trimmed), or "unknown outlet [n]" for an
    /// article whose outlet is not known (n: its index + 1).
    pub name: String,
    /// Its articles, ascending.
    pub articles: Vec<usize>,
}

/// One sentence (or title) of an article.
#[derive(Debug, Clone)]
pub struct Unit {
    /// The article.
    pub article: usize,
    /// The article's outlet (index into [`Story::outlets`]).
    pub outlet: usize,
    /// Whether this is the title.
    pub title: bool,
    /// Position among the article's text sentences (0 = lead; titles 0).
    pub position: usize,
    /// Byte span in the title or text.
    pub start: usize,
    /// End of the byte span (exclusive).
    pub end: usize,
    /// Unit-length TF-IDF vector, ascending by term id.
    pub vector: Vec<(u32, f32)>,
}

/// A quote located in its article's text.
#[derive(Debug, Clone)]
pub struct Located {
    /// The article.
    pub article: usize,
    /// Byte span of the quote in the text, when it was found there.
    pub span: Option<(usize, usize)>,
    /// Index into the caller's quotes.
    pub quote: usize,
}

/// The shared index of a story.
#[derive(Debug)]
pub struct Story<'a> {
    /// The caller's articles.
    pub articles: &'a [Article<'a>],
    /// The caller's quotes (at most `max_quotes`).
    pub quotes: &'a [QuoteRef<'a>],
    /// Outlets, in order of first article.
    pub outlets: Vec<Outlet>,
    /// Outlet of each article.
    pub outlet_of: Vec<usize>,
    /// Units, article by article (title first).
    pub units: Vec<Unit>,
    /// Quotes located in their articles, valid article indices only.
    pub located: Vec<Located>,
    vocab: HashMap<String, u32>,
    idf: Vec<f32>,
    postings: Vec<Vec<u32>>,
    /// Outlets using each term, ascending, deduplicated.
    term_outlets: Vec<Vec<u32>>,
}

/// The name of the unknown outlet of article `a`: "unknown outlet [3]",
/// numbered as the digest cites the article (from 1).
fn unknown(a: usize) -> String {
    format!("unknown outlet [{}]", a + 1)
}

/// The normalised key of an outlet name: lowercase, single spaces.
fn outlet_key(name: &str) -> String {
    let mut key = String::new();
    for w in name.split_whitespace().take(20) {
        if !key.is_empty() {
            key.push(' ');
        }
        key.extend(w.chars().flat_map(char::to_lowercase));
    }
    key
}

impl<'a> Story<'a> {
    /// Builds the index.
    pub fn build(
        articles: &'a [Article<'a>],
        quotes: &'a [QuoteRef<'a>],
        config: &Config,
    ) -> Story<'a> {
        let mut outlets: Vec<Outlet> = Vec::new();
        let mut by_key: HashMap<String, usize> = HashMap::new();
        let mut outlet_of = Vec::with_capacity(articles.len());
        for (a, art) in articles.iter().enumerate() {
            // Articles of unknown outlets are never one outlet: each is a
            // source of its own (the key holds what no name can).
            let key = match outlet_key(art.outlet) {
                k if k.is_empty() => format!("\u{0}{a}"),
                k => k,
            };
            let id = *by_key.entry(key).or_insert_with(|| {
                let name = prefix(art.outlet.trim(), 200);
                outlets.push(Outlet {
                    name: if name.is_empty() {
                        unknown(a)
                    } else {
                        name.to_string()
                    },
                    articles: Vec::new(),
                });
                outlets.len() - 1
            });
            if let Some(o) = outlets.get_mut(id) {
                o.articles.push(a);
            }
            outlet_of.push(id);
        }

        // Units and their raw term counts.
        let mut vocab: HashMap<String, u32> = HashMap::new();
        let mut units = Vec::new();
        let mut counts: Vec<Vec<(u32, u32)>> = Vec::new();
        let per = if articles.is_empty() {
            0
        } else {
            (config.max_sentences / articles.len()).clamp(1, config.per_article.max(1))
        };
        for (a, art) in articles.iter().enumerate() {
            if units.len() >= config.max_sentences {
                break;
            }
            let outlet = outlet_of.get(a).copied().unwrap_or(0);
            let title = prefix(art.title, 1000);
            let text = prefix(art.text, config.max_text);
            let spans = split(text, per);
            let pieces = split(title, 1)
                .into_iter()
                .map(|s| (true, 0, s, title))
                .chain(
                    spans
                        .into_iter()
                        .enumerate()
                        .map(|(i, s)| (false, i, s, text)),
                );
            for (is_title, position, (start, end), src) in pieces {
                // A wire dateline ("PLACE, Nov 9 (Agency) – ") and a section
                // label ("Why it matters: ") are no content.
                let start = start + src.get(start..end).map_or(0, dateline);
                let start = start + src.get(start..end).map_or(0, label);
                let Some(s) = src.get(start..end) else {
                    continue;
                };
                let mut row: Vec<(u32, u32)> = Vec::new();
                for t in tokens(s, MAX_TOKENS) {
                    let Some(key) = content(&t) else {
                        continue;
                    };
                    let next = vocab.len() as u32;
                    let id = *vocab.entry(key).or_insert(next);
                    match row.iter_mut().find(|(x, _)| *x == id) {
                        Some((_, n)) => *n += 1,
                        None => row.push((id, 1)),
                    }
                }
                row.sort_unstable_by_key(|&(t, _)| t);
                counts.push(row);
                units.push(Unit {
                    article: a,
                    outlet,
                    title: is_title,
                    position,
                    start,
                    end,
                    vector: Vec::new(),
                });
            }
        }

        let terms = vocab.len();
        let mut postings: Vec<Vec<u32>> = vec![Vec::new(); terms];
        let mut term_outlets: Vec<Vec<u32>> = vec![Vec::new(); terms];
        for (u, row) in counts.iter().enumerate() {
            let outlet = units.get(u).map_or(0, |x| x.outlet) as u32;
            for &(t, _) in row {
                if let Some(p) = postings.get_mut(t as usize) {
                    p.push(u as u32);
                }
                if let Some(o) = term_outlets.get_mut(t as usize)
                    && !o.contains(&outlet)
                {
                    o.push(outlet);
                }
            }
        }
        for o in &mut term_outlets {
            o.sort_unstable();
        }
        let n = units.len() as f32;
        let idf: Vec<f32> = postings
            .iter()
            .map(|p| ((n + 1.0) / (p.len() as f32 + 1.0)).ln() + 1.0)
            .collect();
        for (unit, row) in units.iter_mut().zip(counts) {
            let mut v: Vec<(u32, f32)> = row
                .into_iter()
                .map(|(t, c)| {
                    let w = idf.get(t as usize).copied().unwrap_or(1.0);
                    (t, (1.0 + (c as f32).ln()) * w)
                })
                .collect();
            let norm = v.iter().map(|&(_, w)| w * w).sum::<f32>().sqrt();
            if norm > 0.0 {
                for (_, w) in &mut v {
                    *w /= norm;
                }
            }
            unit.vector = v;
        }

        let quotes = quotes
            .get(..config.max_quotes.min(quotes.len()))
            .unwrap_or(&[]);
        let located = quotes
            .iter()
            .enumerate()
            .filter_map(|(q, r)| {
                let art = articles.get(r.article)?;
                let needle = r.text.trim();
                let span = (!needle.is_empty() && needle.len() <= 4000)
                    .then(|| prefix(art.text, config.max_text).find(needle))
                    .flatten()
                    .map(|s| (s, s + needle.len()));
                Some(Located {
                    article: r.article,
                    span,
                    quote: q,
                })
            })
            .collect();

        Story {
            articles,
            quotes,
            outlets,
            outlet_of,
            units,
            located,
            vocab,
            idf,
            postings,
            term_outlets,
        }
    }

    /// The text of a unit.
    pub fn text(&self, u: &Unit) -> &'a str {
        let Some(art) = self.articles.get(u.article) else {
            return "";
        };
        let src = if u.title { art.title } else { art.text };
        src.get(u.start..u.end).unwrap_or("")
    }

    /// The caller-facing span of a unit.
    pub fn span(&self, u: &Unit) -> Span {
        let mut text = String::new();
        for w in self.text(u).split_whitespace() {
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(w);
        }
        Span {
            article: u.article,
            title: u.title,
            start: u.start,
            end: u.end,
            text,
        }
    }

    /// Speaker of a quote located inside a unit, when there is one.
    pub fn speaker(&self, unit: &Unit) -> Option<String> {
        if unit.title {
            return None;
        }
        self.located.iter().find_map(|l| {
            let (s, e) = l.span?;
            (l.article == unit.article && s < unit.end && unit.start < e)
                .then(|| self.quotes.get(l.quote)?.speaker.map(str::to_string))
                .flatten()
        })
    }

    /// Name of an outlet.
    pub fn outlet_name(&self, outlet: usize) -> String {
        self.outlets
            .get(outlet)
            .map_or_else(|| "unknown outlet".to_string(), |o| o.name.clone())
    }

    /// The id of a content key, if the story uses it.
    pub fn term(&self, key: &str) -> Option<u32> {
        self.vocab.get(key).copied()
    }

    /// Inverse sentence frequency of a term.
    pub fn idf(&self, term: u32) -> f32 {
        self.idf.get(term as usize).copied().unwrap_or(1.0)
    }

    /// Outlets that use a term.
    pub fn outlets_using(&self, term: u32) -> &[u32] {
        self.term_outlets
            .get(term as usize)
            .map_or(&[], Vec::as_slice)
    }

    /// Units that contain a term.
    pub fn units_with(&self, term: u32) -> &[u32] {
        self.postings.get(term as usize).map_or(&[], Vec::as_slice)
    }

    /// Units whose cosine with `query` (a unit vector) is positive, and for
    /// which `keep` holds, with the cosine. Words in very many units are
    /// not searched, so the cosine may be slightly low for them.
    pub fn similar(
        &self,
        query: &[(u32, f32)],
        keep: impl Fn(&Unit) -> bool,
        acc: &mut Vec<f32>,
    ) -> Vec<(usize, f32)> {
        // `acc` is all zeros between calls: only touched entries are reset.
        if acc.len() != self.units.len() {
            acc.clear();
            acc.resize(self.units.len(), 0.0);
        }
        let mut touched: Vec<usize> = Vec::new();
        for &(t, w) in query {
            let posting = self.units_with(t);
            if posting.len() > MAX_POSTING {
                continue;
            }
            for &u in posting {
                let u = u as usize;
                let Some(unit) = self.units.get(u) else {
                    continue;
                };
                let Ok(i) = unit.vector.binary_search_by_key(&t, |&(x, _)| x) else {
                    continue;
                };
                if let (Some(a), Some(&(_, v))) = (acc.get_mut(u), unit.vector.get(i)) {
                    if *a == 0.0 {
                        touched.push(u);
                    }
                    *a += w * v;
                }
            }
        }
        let mut out = Vec::new();
        for u in touched {
            let Some(slot) = acc.get_mut(u) else {
                continue;
            };
            let s = std::mem::take(slot);
            if s > 0.0 && self.units.get(u).is_some_and(&keep) {
                out.push((u, s));
            }
        }
        out
    }
}

/// Cosine of two unit vectors sorted by id.
pub fn cosine(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
    let (mut i, mut j, mut s) = (0, 0, 0.0);
    while let (Some(&(x, v)), Some(&(y, w))) = (a.get(i), b.get(j)) {
        match x.cmp(&y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                s += v * w;
                i += 1;
                j += 1;
            }
        }
    }
    s
}
