//! An article vector laid out for fast dot products with story vectors.

use crate::features::Sparse;

/// Marks an empty slot (no feature id reaches it: ids index vectors).
const EMPTY: u32 = u32::MAX;

/// Fewest slots a table gets.
const MIN_SLOTS: usize = 64;

/// Words of the id filter (64 bits each).
const FILTER_WORDS: usize = 32;

/// An article vector as a small open-addressed table from feature id to
/// weight, for scoring many stories against it. An article holds at most
/// a few hundred features, so at a load of an eighth or less the table
/// stays in L1 cache however big the vocabulary grows, and nearly every
/// probe of a story feature the article lacks ends at its first slot.
pub(crate) struct Query {
    /// (id, weight) slots; `EMPTY` ids are free.
    slots: Vec<(u32, f32)>,
    /// Slots taken by the latest [`Query::load`], to clear on the next.
    used: Vec<u32>,
    /// `slots.len() - 1` (a power of two minus one).
    mask: u32,
    /// Right shift that turns a multiplied id into a slot index.
    shift: u32,
    /// Bit `id % 2048` set for every id in the table: most story features
    /// are not in the article, and one bit test turns nearly all of them
    /// away more cheaply than hashing and probing.
    filter: [u64; FILTER_WORDS],
}

impl Default for Query {
    fn default() -> Self {
        Query {
            slots: vec![(EMPTY, 0.0); MIN_SLOTS],
            used: Vec::new(),
            mask: MIN_SLOTS as u32 - 1,
            shift: 32 - MIN_SLOTS.trailing_zeros(),
            filter: [0; FILTER_WORDS],
        }
    }
}

impl Query {
    /// Where `id` sits in the filter: a word and a bit.
    #[inline(always)]
    fn filter_bit(id: u32) -> (usize, u64) {
        let b = id as usize % (FILTER_WORDS * 64);
        (b / 64, 1 << (b % 64))
    }

    /// The home slot of `id`: the top bits of a multiplicative hash, so
    /// that neighbouring ids spread out.
    #[inline(always)]
    fn home(shift: u32, id: u32) -> usize {
        (id.wrapping_mul(0x9E37_79B1) >> shift) as usize
    }

    /// Replaces the table's contents with `v`, keeping only ids below
    /// `bound`.
    pub fn load(&mut self, v: &Sparse, bound: usize) {
        let want = (v.len() * 8).next_power_of_two().max(MIN_SLOTS);
        if want != self.slots.len() {
            self.slots.clear();
            self.slots.resize(want, (EMPTY, 0.0));
            self.mask = want as u32 - 1;
            self.shift = 32 - want.trailing_zeros();
        } else {
            // Cheaper than clearing every slot: the table is mostly empty.
            for &i in &self.used {
                if let Some(s) = self.slots.get_mut(i as usize) {
                    *s = (EMPTY, 0.0);
                }
            }
        }
        self.used.clear();
        self.filter = [0; FILTER_WORDS];
        let mask = self.mask as usize;
        // All `mask + 1` slots, sliced so that masked indices need no check.
        let Some(slots) = self.slots.get_mut(..=mask) else {
            return;
        };
        for &(id, w) in v {
            if id as usize >= bound || id == EMPTY {
                continue;
            }
            let (word, bit) = Self::filter_bit(id);
            if let Some(f) = self.filter.get_mut(word) {
                *f |= bit;
            }
            let mut i = Self::home(self.shift, id) & mask;
            // The table is at most an eighth full: a free slot is near.
            while let Some(s) = slots.get_mut(i) {
                if s.0 == EMPTY || s.0 == id {
                    *s = (id, w);
                    self.used.push(i as u32);
                    break;
                }
                i = (i + 1) & mask;
            }
        }
    }

    /// Heap bytes held.
    pub fn heap_bytes(&self) -> usize {
        self.slots.capacity() * std::mem::size_of::<(u32, f32)>() + self.used.capacity() * 4
    }

    /// The dot product with a sparse vector.
    ///
    /// Products are added in `v`'s order, exactly as a merge of the two
    /// sorted vectors would add them. Only a home slot taken by another
    /// id probes further (the table always has an empty slot to end it).
    #[inline]
    pub fn dot(&self, v: &Sparse) -> f32 {
        let mask = self.mask as usize;
        // Sliced to `mask + 1` slots (all of them), so that the compiler
        // sees every masked index is in bounds and checks none.
        let Some(slots) = self.slots.get(..=mask) else {
            return 0.0;
        };
        let mut s = 0.0;
        for &(id, x) in v {
            let (word, bit) = Self::filter_bit(id);
            if self.filter.get(word).is_none_or(|&f| f & bit == 0) {
                continue;
            }
            let mut i = Self::home(self.shift, id) & mask;
            // Usually one round: a hit, or a miss at an empty home slot.
            // Further rounds are rare (the table is mostly empty), and
            // kept inline: a call here would make the sum live in memory
            // across every iteration.
            while let Some(&(k, w)) = slots.get(i) {
                if k == id {
                    s += w * x;
                    break;
                }
                if k == EMPTY {
                    break;
                }
                i = (i + 1) & mask;
            }
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn load_dot_reload() {
        let mut q = Query::default();
        let a: Sparse = vec![(1, 0.5), (70, 2.0), (200, 9.0)];
        q.load(&a, 100);
        assert_eq!(q.dot(&vec![(1, 2.0), (2, 9.0), (70, 1.0), (500, 3.0)]), 3.0);
        // Ids at or above the bound were left out.
        assert_eq!(q.dot(&vec![(200, 1.0)]), 0.0);
        q.load(&vec![(2, 1.0)], 100);
        assert_eq!(q.dot(&a), 0.0);
        // Many ids (a bigger table) with colliding homes.
        let big: Sparse = (0..300).map(|i| (i * 64, 1.0)).collect();
        q.load(&big, usize::MAX);
        assert_eq!(q.dot(&big), 300.0);
        assert_eq!(q.dot(&vec![(1, 1.0), (64, 2.0)]), 2.0);
    }
}
