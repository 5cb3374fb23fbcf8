//! An article vector laid out for fast dot products with story vectors.

use crate::features::Sparse;

/// An article vector spread out by feature id for scoring many stories
/// against it: a bitset (32 times smaller than the weights, so it stays in
/// cache) says which ids are present, and only those read the weight array.
#[derive(Default)]
pub(crate) struct Query {
    pub bits: Vec<u64>,
    pub weights: Vec<f32>,
}

impl Query {
    /// Spreads out `v`, whose ids are below `bound`.
    pub fn load(&mut self, v: &Sparse, bound: usize) {
        if self.weights.len() < bound {
            self.weights.resize(bound, 0.0);
            self.bits.resize(bound.div_ceil(64), 0);
        }
        for &(id, w) in v {
            let i = id as usize;
            if let (Some(slot), Some(word)) = (self.weights.get_mut(i), self.bits.get_mut(i / 64)) {
                *slot = w;
                *word |= 1 << (i % 64);
            }
        }
    }

    /// Clears what [`Query::load`] set for `v`.
    pub fn unload(&mut self, v: &Sparse) {
        for &(id, _) in v {
            let i = id as usize;
            if let (Some(slot), Some(word)) = (self.weights.get_mut(i), self.bits.get_mut(i / 64)) {
                *slot = 0.0;
                *word = 0;
            }
        }
    }

    /// The dot product with a sparse vector.
    #[inline]
    pub fn dot(&self, v: &Sparse) -> f32 {
        let mut s = 0.0;
        for &(id, x) in v {
            let i = id as usize;
            let hit = self
                .bits
                .get(i / 64)
                .is_some_and(|w| w & (1 << (i % 64)) != 0);
            if hit {
                s += self.weights.get(i).copied().unwrap_or(0.0) * x;
            }
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn load_dot_unload() {
        let mut q = Query::default();
        let a: Sparse = vec![(1, 0.5), (70, 2.0)];
        q.load(&a, 100);
        assert_eq!(q.dot(&vec![(1, 2.0), (2, 9.0), (70, 1.0), (500, 3.0)]), 3.0);
        q.unload(&a);
        assert_eq!(q.dot(&a), 0.0);
        assert!(q.bits.iter().all(|&w| w == 0));
    }
}
