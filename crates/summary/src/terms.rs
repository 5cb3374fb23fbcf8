//! Terms: content words and TF-IDF sentence vectors.
//!
//! Words are lowercase alphanumeric runs; function words and one-letter
//! words are dropped. Weights are sublinear term frequency times inverse
//! sentence frequency within the story (a word in every sentence says little
//! about any one of them); vectors are unit length, so a dot product is a
//! cosine.

use std::collections::HashMap;

use crate::sentences::Candidate;

/// A sparse unit vector: (term id, weight), ascending by id.
pub type Vector = Vec<(u32, f32)>;

/// Words that carry no content here beyond the shared function words
/// (`storyline_lexicon`): the pieces of split contractions, reflexives.
const STOP: &[&str] = &[
    "below",
    "few",
    "herself",
    "himself",
    "itself",
    "last",
    "myself",
    "ours",
    "ourselves",
    "theirs",
    "themselves",
    "upon",
    "whose",
    "yours",
    "yourself",
    "s",
    "t",
    "don",
    "didn",
    "doesn",
    "isn",
    "wasn",
    "re",
    "ve",
    "ll",
    "two",
];

/// The story's vocabulary and one vector per candidate.
#[derive(Debug, Clone, Default)]
pub struct Vectors {
    ids: HashMap<String, u32>,
    idf: Vec<f32>,
    /// One unit vector per candidate, in candidate order.
    pub rows: Vec<Vector>,
}

impl Vectors {
    /// Builds the vocabulary and the candidates' vectors.
    pub fn build(candidates: &[Candidate], idf: bool) -> Vectors {
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut df: Vec<u32> = Vec::new();
        let mut counts: Vec<Vec<(u32, u32)>> = Vec::with_capacity(candidates.len());
        for c in candidates {
            let mut row: Vec<(u32, u32)> = Vec::new();
            // A trimmed sentence's vector keeps the words it was trimmed of:
            // they still tell what the article says.
            for w in words(c.full.as_deref().unwrap_or(&c.text)) {
                let next = ids.len() as u32;
                let id = *ids.entry(w).or_insert(next);
                if id as usize == df.len() {
                    df.push(0);
                }
                match row.iter_mut().find(|(t, _)| *t == id) {
                    Some((_, n)) => *n += 1,
                    None => row.push((id, 1)),
                }
            }
            for &(t, _) in &row {
                if let Some(d) = df.get_mut(t as usize) {
                    *d += 1;
                }
            }
            row.sort_unstable_by_key(|&(t, _)| t);
            counts.push(row);
        }
        let n = candidates.len() as f32;
        let idf: Vec<f32> = df
            .iter()
            .map(|&d| {
                if idf {
                    ((n + 1.0) / (d as f32 + 1.0)).ln() + 1.0
                } else {
                    1.0
                }
            })
            .collect();
        let rows = counts
            .into_iter()
            .map(|row| {
                let v = row
                    .into_iter()
                    .map(|(t, n)| {
                        (
                            t,
                            (1.0 + (n as f32).ln()) * idf.get(t as usize).copied().unwrap_or(1.0),
                        )
                    })
                    .collect();
                unit(v)
            })
            .collect();
        Vectors { ids, idf, rows }
    }

    /// The unit vector of any text over this vocabulary (unknown words ignored).
    pub fn vector(&self, text: &str) -> Vector {
        let mut row: Vec<(u32, f32)> = Vec::new();
        for w in words(text) {
            let Some(&id) = self.ids.get(&w) else {
                continue;
            };
            match row.iter_mut().find(|(t, _)| *t == id) {
                Some((_, n)) => *n += 1.0,
                None => row.push((id, 1.0)),
            }
        }
        row.sort_unstable_by_key(|&(t, _)| t);
        let v = row
            .into_iter()
            .map(|(t, n)| {
                (
                    t,
                    (1.0 + n.ln()) * self.idf.get(t as usize).copied().unwrap_or(1.0),
                )
            })
            .collect();
        unit(v)
    }
}

/// The content words of `text`, lowercase.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .filter(|w| {
            w.chars().count() > 1
                && !storyline_lexicon::is_function_word(w)
                && !STOP.contains(&w.as_str())
        })
}

/// Scales a vector to unit length (the zero vector stays zero).
pub fn unit(mut v: Vector) -> Vector {
    let norm = v.iter().map(|&(_, w)| w * w).sum::<f32>().sqrt();
    if norm > 0.0 {
        for (_, w) in &mut v {
            *w /= norm;
        }
    }
    v
}

/// Dot product of two sparse vectors (their cosine when both are unit).
pub fn dot(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
    let (mut i, mut j, mut s) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                s += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    s
}

/// Adds `w * v` into the dense accumulator `acc` (grown as needed).
pub fn add(acc: &mut Vec<f32>, v: &[(u32, f32)], w: f32) {
    for &(t, x) in v {
        let t = t as usize;
        if t >= acc.len() {
            acc.resize(t + 1, 0.0);
        }
        acc[t] += w * x;
    }
}

/// Cosine of a sparse unit vector with a dense vector of norm `norm`.
pub fn cos_dense(v: &[(u32, f32)], dense: &[f32], norm: f32) -> f32 {
    if norm <= 0.0 {
        return 0.0;
    }
    v.iter()
        .map(|&(t, x)| x * dense.get(t as usize).copied().unwrap_or(0.0))
        .sum::<f32>()
        / norm
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cand(t: &str) -> Candidate {
        Candidate {
            article: 0,
            index: 0,
            text: t.into(),
            words: t.split_whitespace().count(),
            full: None,
            context: false,
        }
    }

    #[test]
    fn identical_sentences_have_cosine_one() {
        let v = Vectors::build(
            &[
                cand("The bridge opened today."),
                cand("The bridge opened today!"),
                cand("Rain fell."),
            ],
            true,
        );
        assert!((dot(&v.rows[0], &v.rows[1]) - 1.0).abs() < 1e-5);
        assert_eq!(dot(&v.rows[0], &v.rows[2]), 0.0);
        assert!((dot(&v.vector("bridge opened today"), &v.rows[0]) - 1.0).abs() < 1e-5);
    }

    #[test]
    fn function_words_are_dropped() {
        assert_eq!(
            words("The mayor's bridge, and it").collect::<Vec<_>>(),
            vec!["mayor", "bridge"]
        );
    }
}
