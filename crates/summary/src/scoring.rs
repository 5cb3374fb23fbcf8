//! Scoring: how much each distinct sentence belongs in the summary.
//!
//! Relevance adds three signals:
//! - centrality: cosine to the story's centroid, the sum of the articles'
//!   unit vectors (each article weighs the same, however long);
//! - position: leads carry the news, so the prior decays with a sentence's
//!   place among its article's kept sentences;
//! - support: a sentence several outlets say is more likely the story;
//! - consensus: the share of a sentence's term weight that other articles
//!   also use (facts the outlets agree on, which a neutral summary states,
//!   rather than one outlet's angle or commentary).
//!
//! Sentences that lean on the one before ("But he said ...") or speak in
//! the writer's own first or second person ("As I wrote last week ...")
//! rank a little lower: a summary reports, it does not comment.

use crate::group::Groups;
use crate::sentences::Candidate;
use crate::terms::{Vector, Vectors, add, cos_dense, dot, unit};
use crate::{Config, Source};

/// The story's centroid and the articles' own vectors.
#[derive(Debug, Clone, Default)]
pub struct Centroid {
    /// Sum of the articles' unit vectors, dense over the vocabulary.
    pub dense: Vec<f32>,
    /// Norm of `dense`.
    pub norm: f32,
    /// Each article's unit vector (sentences plus weighted title), by article index.
    pub articles: Vec<Vector>,
}

impl Centroid {
    /// Builds the centroid; `title` weighs each title against the article's
    /// sentences (a title is the outlet's own one-line summary).
    pub fn build(
        candidates: &[Candidate],
        vectors: &Vectors,
        sources: &[Source],
        title: f32,
    ) -> Centroid {
        let n = candidates.iter().map(|c| c.article + 1).max().unwrap_or(0);
        let mut sums: Vec<Vec<(u32, f32)>> = vec![Vec::new(); n];
        for (c, row) in candidates.iter().zip(&vectors.rows) {
            sums[c.article].extend_from_slice(row);
        }
        let mut dense: Vec<f32> = Vec::new();
        let mut articles = Vec::with_capacity(n);
        for (a, mut v) in sums.into_iter().enumerate() {
            if let Some(s) = sources.get(a).filter(|_| title > 0.0 && !v.is_empty()) {
                let t = vectors.vector(crate::sentences::prefix(s.title, 400));
                v.extend(t.into_iter().map(|(k, w)| (k, w * title)));
            }
            let v = unit(compact(v));
            add(&mut dense, &v, 1.0);
            articles.push(v);
        }
        let norm = dense.iter().map(|w| w * w).sum::<f32>().sqrt();
        Centroid {
            dense,
            norm,
            articles,
        }
    }

    /// Cosine of `v` with the centroid.
    pub fn cos(&self, v: &[(u32, f32)]) -> f32 {
        cos_dense(v, &self.dense, self.norm)
    }

    /// Cosine of `v` (a sentence of `article`) with the centroid of the
    /// *other* articles: what other outlets also say. With one article, the
    /// plain cosine.
    pub fn cross(&self, v: &[(u32, f32)], article: usize) -> f32 {
        let Some(own) = self.articles.get(article) else {
            return self.cos(v);
        };
        if self.articles.len() < 2 || own.is_empty() {
            return self.cos(v);
        }
        let vc: f32 = v
            .iter()
            .map(|&(t, x)| x * self.dense.get(t as usize).copied().unwrap_or(0.0))
            .sum();
        let oc: f32 = own
            .iter()
            .map(|&(t, x)| x * self.dense.get(t as usize).copied().unwrap_or(0.0))
            .sum();
        let norm2 = (self.norm * self.norm - 2.0 * oc + 1.0).max(0.0).sqrt();
        if norm2 <= 1e-6 {
            return 0.0;
        }
        (vc - dot(v, own)) / norm2
    }
}

/// Sums the weights of repeated term ids; sorted by id.
fn compact(mut v: Vec<(u32, f32)>) -> Vector {
    v.sort_unstable_by_key(|&(t, _)| t);
    let mut out: Vector = Vec::with_capacity(v.len());
    for (t, w) in v {
        match out.last_mut() {
            Some((u, x)) if *u == t => *x += w,
            _ => out.push((t, w)),
        }
    }
    out
}

/// Titles looked at for consensus (bounds work on huge stories).
const MAX_TITLES: usize = 2000;

/// Per candidate, the share of its term weight that some other article
/// (a sentence or the title) also uses: what several outlets agree on, which
/// a neutral summary states. All zero with fewer than two articles.
pub fn consensus(candidates: &[Candidate], vectors: &Vectors, sources: &[Source]) -> Vec<f32> {
    // Per term: the last article seen with it and how many articles use it.
    let mut last: Vec<usize> = Vec::new();
    let mut count: Vec<u32> = Vec::new();
    let mut note = |t: u32, a: usize| {
        let t = t as usize;
        if t >= last.len() {
            last.resize(t + 1, usize::MAX);
            count.resize(t + 1, 0);
        }
        if last[t] != a {
            last[t] = a;
            count[t] += 1;
        }
    };
    // Candidates come grouped by article, in article order: each article's
    // title, then its sentences.
    let mut next = 0usize;
    let rows = candidates.len().min(vectors.rows.len());
    for (a, s) in sources.iter().enumerate().take(MAX_TITLES) {
        for &(t, _) in &vectors.vector(crate::sentences::prefix(s.title, 400)) {
            note(t, a);
        }
        while next < rows && candidates[next].article == a {
            for &(t, _) in &vectors.rows[next] {
                note(t, a);
            }
            next += 1;
        }
    }
    vectors
        .rows
        .iter()
        .map(|row| {
            let all: f32 = row.iter().map(|&(_, w)| w).sum();
            let shared: f32 = row
                .iter()
                .filter(|&&(t, _)| count.get(t as usize).is_some_and(|&n| n >= 2))
                .map(|&(_, w)| w)
                .sum();
            if all > 0.0 { shared / all } else { 0.0 }
        })
        .collect()
}

/// One relevance score per group (higher is better).
pub fn score(
    candidates: &[Candidate],
    groups: &Groups,
    vectors: &Vectors,
    sources: &[Source],
    config: &Config,
) -> Vec<f32> {
    let center = Centroid::build(candidates, vectors, sources, config.title);
    let articles = groups.sources.iter().flatten().max().map_or(1, |&m| m + 1);
    let cent: Vec<f32> = groups
        .rep
        .iter()
        .map(|&r| {
            let (Some(v), Some(c)) = (vectors.rows.get(r), candidates.get(r)) else {
                return 0.0;
            };
            (1.0 - config.cross) * center.cos(v) + config.cross * center.cross(v, c.article)
        })
        .collect();
    let agree = consensus(candidates, vectors, sources);
    let top = cent.iter().copied().fold(0.0f32, f32::max);
    groups
        .rep
        .iter()
        .enumerate()
        .map(|(g, &r)| {
            let c = if top > 0.0 { cent[g] / top } else { 0.0 };
            let index = candidates.get(r).map_or(0, |c| c.index) as f32;
            let prior = 1.0 / (1.0 + index / config.decay.max(1e-3));
            let shared = groups.sources[g].len().saturating_sub(1) as f32
                / (articles.saturating_sub(1).max(1)) as f32;
            let agreed = agree.get(r).copied().unwrap_or(0.0);
            let base =
                c + config.position * prior + config.support * shared + config.consensus * agreed;
            let lean = candidates
                .get(r)
                .is_some_and(|c| crate::quality::dangling(&c.text));
            let base = if lean { base * config.dangling } else { base };
            let own = candidates
                .get(r)
                .is_some_and(|c| crate::quality::personal(&c.text));
            if own { base * config.personal } else { base }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sentences::collect;

    #[test]
    fn consensus_prefers_what_other_outlets_also_say() {
        let arts = [
            Source {
                title: "Dam repairs finished in Millbrook",
                text: "Engineers finished repairing the Millbrook dam on Thursday. \
                    Our columnist thinks the town should have acted sooner.",
                ..Source::default()
            },
            Source {
                title: "Millbrook dam reopens",
                text: "The Millbrook dam reopened on Thursday after engineers finished repairs.",
                ..Source::default()
            },
        ];
        let config = Config::default();
        let candidates = collect(&arts, &config);
        let vectors = Vectors::build(&candidates, true);
        let agree = consensus(&candidates, &vectors, &arts);
        assert_eq!(agree.len(), candidates.len());
        let of = |needle: &str| {
            candidates
                .iter()
                .position(|c| c.text.contains(needle))
                .map(|i| agree[i])
                .unwrap_or(-1.0)
        };
        assert!(of("Engineers finished") > 0.7, "{agree:?}");
        assert!(of("columnist") < 0.3, "{agree:?}");
        // One article: nobody else to agree with.
        let one = collect(&arts[..1], &config);
        let v = Vectors::build(&one, true);
        assert!(consensus(&one, &v, &arts[..1]).iter().all(|&x| x == 0.0));
        assert!(consensus(&[], &Vectors::default(), &arts).is_empty());
    }
}
