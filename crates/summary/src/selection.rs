//! Selection: which sentences, under the word budget, in what order.
//!
//! A story whose dated reports span more than two days starts from the
//! best-scored lead among its last two days' reports: where it stands now.
//! Then maximal marginal relevance: each step takes the sentence that best trades
//! relevance against its similarity to what is already chosen, among those
//! that still fit the budget. Only whole sentences go in; when the best one
//! no longer fits, shorter ones may still use the leftover words; at the end
//! one of the last two picks may give way to a longer sentence that is
//! nearly as good and uses words that would otherwise be left over.
//! Context-only candidates (cut-off teasers) are never picked.
//!
//! Reading order: newest development first (by the day of the sentence's
//! newest source, when dates are known), then leads before later sentences.

use std::cmp::Reverse;

use crate::group::Groups;
use crate::sentences::Candidate;
use crate::terms::{Vectors, dot};
use crate::{Config, LATEST_SECS, Sentence, Source};

/// The group of the best-scored lead (first kept sentence) among reports of
/// the story's last two days, when the story's dated reports span more.
fn latest_lead(
    candidates: &[Candidate],
    groups: &Groups,
    scores: &[f32],
    articles: &[Source],
    n: usize,
) -> Option<usize> {
    let times = articles.iter().filter_map(|a| a.time);
    let (first, last) = (times.clone().min()?, times.max()?);
    // Saturating: any i64 may come in, and the span of two far-apart ones overflows.
    if last.saturating_sub(first) <= LATEST_SECS {
        return None;
    }
    (0..n)
        .filter(|&g| {
            candidates.get(groups.rep[g]).is_some_and(|c| {
                !c.context
                    && c.index == 0
                    && articles
                        .get(c.article)
                        .and_then(|a| a.time)
                        .is_some_and(|t| last.saturating_sub(t) <= LATEST_SECS)
            })
        })
        .max_by(|&a, &b| scores[a].total_cmp(&scores[b]))
}

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
    // Groups whose every member is context-only cannot be picked.
    let quotable = |g: usize| candidates.get(groups.rep[g]).is_some_and(|c| !c.context);
    let top = (0..n)
        .filter(|&g| quotable(g))
        .map(|g| scores[g])
        .fold(0.0f32, f32::max);
    let rel: Vec<f32> = scores
        .iter()
        .map(|&s| if top > 0.0 { s / top } else { 0.0 })
        .collect();
    let mut chosen: Vec<usize> = Vec::new();
    let mut taken = vec![false; n];
    // Highest similarity of each group to anything chosen so far.
    let mut nearest = vec![0.0f32; n];
    let mut left = words;
    let mut gains: Vec<f32> = Vec::new();
    // A story that has developed over days opens with where it stands now:
    // the best-scored lead of its last two days' reports goes in first.
    if let Some(g) = latest_lead(candidates, groups, scores, articles, n)
        && candidates[groups.rep[g]].words <= left
    {
        taken[g] = true;
        chosen.push(g);
        gains.push(config.lambda * rel[g]);
        left = left.saturating_sub(candidates[groups.rep[g]].words);
        let v = &vectors.rows[groups.rep[g]];
        for (near, &rep) in nearest.iter_mut().zip(&groups.rep) {
            *near = near.max(dot(v, &vectors.rows[rep]));
        }
    }
    loop {
        let mut best: Option<(usize, f32)> = None;
        for g in 0..n {
            let Some(c) = candidates.get(groups.rep[g]) else {
                continue;
            };
            if taken[g] || c.context || c.words > left {
                continue;
            }
            let m = config.lambda * rel[g] - (1.0 - config.lambda) * nearest[g];
            if best.is_none_or(|(_, b)| m > b) {
                best = Some((g, m));
            }
        }
        let Some((g, m)) = best else {
            break;
        };
        taken[g] = true;
        chosen.push(g);
        gains.push(m);
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
    fill(
        candidates,
        groups,
        vectors,
        &rel,
        &gains,
        &mut chosen,
        &mut taken,
        left,
        config,
    );
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

/// Uses words the greedy pass left over: a late pick gives way to a longer
/// sentence that is nearly as good (its MMR value within `config.fill` of
/// the pick's) and fits in the pick's words plus the leftover.
#[allow(clippy::too_many_arguments)]
fn fill(
    candidates: &[Candidate],
    groups: &Groups,
    vectors: &Vectors,
    rel: &[f32],
    gains: &[f32],
    chosen: &mut [usize],
    taken: &mut [bool],
    mut left: usize,
    config: &Config,
) {
    if config.fill <= 0.0 {
        return;
    }
    // Context-only groups never fit.
    let words = |g: usize| {
        candidates
            .get(groups.rep[g])
            .filter(|c| !c.context)
            .map_or(usize::MAX, |c| c.words)
    };
    // Only the last picks: the first ones are the summary's core.
    for k in (chosen.len().saturating_sub(2)..chosen.len()).rev() {
        if left == 0 {
            break;
        }
        let s = chosen[k];
        let room = words(s).saturating_add(left);
        let mut best: Option<(usize, usize)> = None;
        for t in 0..taken.len() {
            let w = words(t);
            if taken[t] || w <= words(s) || w > room || rel.get(t).is_none() {
                continue;
            }
            let near = chosen
                .iter()
                .filter(|&&c| c != s)
                .map(|&c| dot(&vectors.rows[groups.rep[c]], &vectors.rows[groups.rep[t]]))
                .fold(0.0f32, f32::max);
            let m = config.lambda * rel[t] - (1.0 - config.lambda) * near;
            if m + config.fill >= gains.get(k).copied().unwrap_or(f32::MAX)
                && best.is_none_or(|(_, bw)| w > bw)
            {
                best = Some((t, w));
            }
        }
        if let Some((t, w)) = best {
            left = room - w;
            taken[s] = false;
            taken[t] = true;
            chosen[k] = t;
        }
    }
}
