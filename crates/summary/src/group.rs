//! Group: near-identical sentences become one candidate with several sources.
//!
//! Outlets repeat wire copy and each other's leads nearly word for word. Two
//! sentences whose vectors have a cosine at or above the threshold are the
//! same sentence (transitively); the group speaks with the words of its
//! lead-most member and cites every article of every member.

use crate::sentences::Candidate;
use crate::terms::{Vector, Vectors, dot};

/// Candidates grouped into distinct sentences.
#[derive(Debug, Clone, Default)]
pub struct Groups {
    /// Group of each candidate.
    pub of: Vec<usize>,
    /// Representative candidate of each group (its lead-most member).
    pub rep: Vec<usize>,
    /// Articles of each group, ascending and distinct.
    pub sources: Vec<Vec<usize>>,
}

/// Groups the candidates whose cosine is at least `same`.
pub fn merge(candidates: &[Candidate], vectors: &Vectors, same: f32) -> Groups {
    let n = candidates.len().min(vectors.rows.len());
    let mut parent: Vec<usize> = (0..n).collect();
    if same > 0.0 {
        similar_pairs(&vectors.rows[..n], same, |i, j| union(&mut parent, i, j));
    } else {
        // Every pair qualifies, even without a shared word.
        for i in 0..n {
            if vectors.rows[i].is_empty() {
                continue;
            }
            for j in (i + 1)..n {
                if dot(&vectors.rows[i], &vectors.rows[j]) >= same {
                    union(&mut parent, i, j);
                }
            }
        }
    }
    let mut of = vec![0; n];
    let mut rep: Vec<usize> = Vec::new();
    let mut sources: Vec<Vec<usize>> = Vec::new();
    let mut root_group = vec![usize::MAX; n];
    for i in 0..n {
        let r = find(&mut parent, i);
        let g = if root_group[r] == usize::MAX {
            root_group[r] = rep.len();
            rep.push(i);
            sources.push(Vec::new());
            rep.len() - 1
        } else {
            root_group[r]
        };
        of[i] = g;
        let c = &candidates[i];
        let best = &candidates[rep[g]];
        // A group speaks with a sentence that may be quoted, when it has one.
        if (c.context, c.index, c.article) < (best.context, best.index, best.article) {
            rep[g] = i;
        }
        if !sources[g].contains(&c.article) {
            sources[g].push(c.article);
        }
    }
    for s in &mut sources {
        s.sort_unstable();
    }
    Groups { of, rep, sources }
}

/// Calls `join(i, j)` for every pair `i < j` whose dot product is at
/// least `same` (> 0). Pairs that share no term have a product of 0, so
/// only those met in a term's postings are summed: a story's sentences
/// share few content words, and this costs the shared terms instead of
/// every pair (measured: a third of the summary's time on a 60-article
/// storyline). Each product is the sum of the same terms in the same
/// ascending order as [`dot`], so the groups are exactly those of the
/// pairwise loop.
fn similar_pairs(rows: &[Vector], same: f32, mut join: impl FnMut(usize, usize)) {
    let terms = rows
        .iter()
        .flat_map(|r| r.last())
        .map(|&(t, _)| t as usize + 1)
        .max()
        .unwrap_or(0);
    // Postings of the rows after the current one, filled from the end.
    let mut postings: Vec<Vec<(usize, f32)>> = vec![Vec::new(); terms];
    let mut acc = vec![0.0f32; rows.len()];
    let mut touched: Vec<usize> = Vec::new();
    for i in (0..rows.len()).rev() {
        for &(t, x) in &rows[i] {
            for &(j, y) in &postings[t as usize] {
                if acc[j] == 0.0 {
                    touched.push(j);
                }
                acc[j] += x * y;
            }
        }
        for &j in &touched {
            if acc[j] >= same {
                join(i, j);
            }
            acc[j] = 0.0;
        }
        touched.clear();
        for &(t, x) in &rows[i] {
            postings[t as usize].push((i, x));
        }
    }
}

/// Joins the groups of `i` and `j`; a group's root is its smallest member,
/// so the groups do not depend on the order pairs are joined in.
fn union(parent: &mut [usize], i: usize, j: usize) {
    let (a, b) = (find(parent, i), find(parent, j));
    if a != b {
        parent[a.max(b)] = a.min(b);
    }
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cand(article: usize, index: usize, t: &str) -> Candidate {
        Candidate {
            article,
            index,
            text: t.into(),
            words: t.split_whitespace().count(),
            full: None,
            context: false,
        }
    }

    #[test]
    fn repeated_sentence_is_one_group_with_both_sources() {
        let c = vec![
            cand(
                0,
                0,
                "The harbour ferry sank near the old pier on Sunday morning.",
            ),
            cand(0, 1, "Divers searched the cold water for hours."),
            cand(
                1,
                2,
                "The harbour ferry sank near the old pier on Sunday morning, officials said.",
            ),
        ];
        let v = Vectors::build(&c, true);
        let g = merge(&c, &v, 0.7);
        assert_eq!(g.of[0], g.of[2]);
        assert_ne!(g.of[0], g.of[1]);
        assert_eq!(g.sources[g.of[0]], vec![0, 1]);
        assert_eq!(g.rep[g.of[0]], 0);
    }
}
