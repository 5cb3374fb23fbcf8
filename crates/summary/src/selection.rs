//! Selection: which sentences, under the word budget, in what order.
//!
//! Maximal marginal relevance: each step takes the sentence that best trades
//! relevance against its similarity to what is already chosen, among those
//! that still fit the budget. Only whole sentences go in; when the best one
//! no longer fits, shorter ones may still use the leftover words.
//!
//! Reading order: newest development first (by the day of the sentence's
//! newest source, when dates are known), then leads before later sentences.

use std::cmp::Reverse;

use crate::group::Groups;
use crate::sentences::Candidate;
use crate::terms::{Vectors, dot};
use crate::{Config, Sentence, Source};

/// Picks and orders the summary's sentences.
pub fn select(
    candidates: &[Candidate],
    groups: &Groups,
    scores: &[f32],
    vectors: &Vectors,
    articles: &[Source],
    words: usize,
    config: &Config,
) -> Vec<Sentence> {
    let n = groups.rep.len().min(scores.len());
    let top = scores.iter().copied().fold(0.0f32, f32::max);
    let rel: Vec<f32> = scores
        .iter()
        .map(|&s| if top > 0.0 { s / top } else { 0.0 })
        .collect();
    let mut chosen: Vec<usize> = Vec::new();
    let mut taken = vec![false; n];
    // Highest similarity of each group to anything chosen so far.
    let mut nearest = vec![0.0f32; n];
    let mut left = words;
    loop {
        let mut best: Option<(usize, f32)> = None;
        for g in 0..n {
            let Some(c) = candidates.get(groups.rep[g]) else {
                continue;
            };
            if taken[g] || c.words > left {
                continue;
            }
            let m = config.lambda * rel[g] - (1.0 - config.lambda) * nearest[g];
            if best.is_none_or(|(_, b)| m > b) {
                best = Some((g, m));
            }
        }
        let Some((g, _)) = best else {
            break;
        };
        taken[g] = true;
        chosen.push(g);
        left = left.saturating_sub(candidates[groups.rep[g]].words);
        let v = &vectors.rows[groups.rep[g]];
        for h in 0..n {
            if !taken[h] {
                let s = dot(v, &vectors.rows[groups.rep[h]]);
                if s > nearest[h] {
                    nearest[h] = s;
                }
            }
        }
    }
    let day = |g: usize| {
        groups.sources[g]
            .iter()
            .filter_map(|&a| articles.get(a).and_then(|s| s.time))
            .max()
            .map_or(i64::MIN, |t| t.div_euclid(86_400))
    };
    chosen.sort_by_key(|&g| {
        let c = &candidates[groups.rep[g]];
        (Reverse(day(g)), c.index, c.article)
    });
    chosen
        .into_iter()
        .map(|g| Sentence {
            text: candidates[groups.rep[g]].text.clone(),
            sources: groups.sources[g].clone(),
        })
        .collect()
}
