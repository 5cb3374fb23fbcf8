//! One story of the active window: sparse, truncated centroids of its
//! articles, its time span and its activity for ageing out.
//!
//! A story holds no article texts: only the sums of its members' vectors,
//! cut to the heaviest features, so its size does not grow with its
//! article count.

use crate::features::{KINDS, Sparse};

/// A story (or, once merged away, a tombstone pointing at its successor).
#[derive(serde::Serialize, serde::Deserialize)]
pub(crate) struct Story {
    /// The public id.
    pub id: u64,
    /// Sums of the member vectors by kind, sorted by feature id.
    pub vecs: [Sparse; KINDS],
    /// L2 norms of `vecs`.
    pub norms: [f32; KINDS],
    /// Members that contributed a vector of each kind.
    pub counts: [f32; KINDS],
    /// First and last publication time of its dated members.
    pub span: Option<(i64, i64)>,
    /// Stream position and clock of its latest article.
    pub seen_seq: u64,
    pub seen_clock: i64,
    /// Distinct (non-duplicate) articles.
    pub articles: u32,
    /// Near-duplicate copies, counted once in `articles` via their original.
    pub duplicates: u32,
    /// Index keys it is listed under, sorted.
    pub indexed: Vec<u32>,
    /// Set when merged into the story at this slot.
    pub merged_into: Option<u32>,
    /// The storyline it was put in: its own id, or one it was linked into
    /// (follow the clusterer's storyline links for the current one).
    pub line: u64,
}

impl Story {
    pub fn new(id: u64, seq: u64, clock: i64) -> Self {
        Story {
            id,
            vecs: Default::default(),
            norms: [0.0; KINDS],
            counts: [0.0; KINDS],
            span: None,
            seen_seq: seq,
            seen_clock: clock,
            articles: 0,
            duplicates: 0,
            indexed: Vec::new(),
            merged_into: None,
            line: id,
        }
    }

    /// Whether a story read back from storage only holds feature ids below
    /// `bounds` (by kind) and points at slots below `slots`.
    pub fn valid(&self, bounds: [usize; KINDS], slots: usize) -> bool {
        self.vecs
            .iter()
            .zip(bounds)
            .all(|(v, b)| v.iter().all(|&(id, w)| (id as usize) < b && w.is_finite()))
            && self.merged_into.is_none_or(|s| (s as usize) < slots)
    }

    /// Adds vectors (an article's or another story's) and re-truncates.
    ///
    /// The sum is built and cut in scratch space and copied back, so a
    /// story's vectors never hold more than their caps (scratch capacity
    /// does not leak into long-lived stories).
    pub fn absorb(
        &mut self,
        vecs: &[Sparse; KINDS],
        counts: [f32; KINDS],
        caps: [usize; KINDS],
        scratch: &mut (Sparse, Vec<u64>),
    ) {
        let (sum, keys) = scratch;
        for k in 0..KINDS {
            self.counts[k] += counts[k];
            merge_sparse(&self.vecs[k], &vecs[k], sum);
            truncate(sum, caps[k], keys);
            let v = &mut self.vecs[k];
            v.clear();
            v.reserve_exact(sum.len());
            v.extend_from_slice(sum);
            self.norms[k] = v.iter().map(|e| e.1 * e.1).sum::<f32>().sqrt();
        }
    }

    /// Heap bytes held by the story.
    pub fn heap_bytes(&self) -> usize {
        let pair = std::mem::size_of::<(u32, f32)>();
        self.vecs.iter().map(|v| v.capacity() * pair).sum::<usize>() + self.indexed.capacity() * 4
    }

    /// What a dot product with this story's sum of kind `k` is divided by:
    /// its norm (centroid cosine) at `linkage` 0, its member count (average
    /// cosine with the members) at 1, geometric blends between.
    #[inline]
    pub fn denom(&self, k: usize, linkage: f32) -> f32 {
        let count = self.counts[k].max(1.0);
        if linkage <= 0.0 {
            self.norms[k]
        } else if linkage == 0.5 {
            // The default: a square root instead of two powers.
            (self.norms[k] * count).sqrt()
        } else {
            self.norms[k].powf(1.0 - linkage) * count.powf(linkage)
        }
    }

    /// Records activity at a stream position, and a publication time if known.
    pub fn touch(&mut self, time: Option<i64>, seq: u64, clock: i64) {
        if let Some(t) = time {
            self.span = Some(match self.span {
                None => (t, t),
                Some((a, b)) => (a.min(t), b.max(t)),
            });
        }
        self.seen_seq = self.seen_seq.max(seq);
        self.seen_clock = self.seen_clock.max(clock);
    }

    /// Widens the span to cover another story's.
    pub fn cover(&mut self, span: Option<(i64, i64)>) {
        if let Some((a, b)) = span {
            self.touch(Some(a), 0, i64::MIN);
            self.touch(Some(b), 0, i64::MIN);
        }
    }

    /// Seconds between `t` and the story's dated span (0 inside it), or
    /// `None` when either side is undated.
    pub fn gap(&self, t: Option<i64>) -> Option<i64> {
        let (a, b) = self.span?;
        let t = t?;
        Some(if t < a {
            a.saturating_sub(t)
        } else {
            t.saturating_sub(b).max(0)
        })
    }

    /// Seconds between two stories' spans (0 when they overlap).
    pub fn span_gap(&self, other: &Story) -> Option<i64> {
        let (a, b) = self.span?;
        let (c, d) = other.span?;
        Some(if d < a {
            a.saturating_sub(d)
        } else {
            c.saturating_sub(b).max(0)
        })
    }

    /// Empties the story for reuse as `id`, keeping its vectors' capacity
    /// (scratch sums, unlike [`Self::clear`], which frees them).
    pub fn reset(&mut self, id: u64) {
        self.id = id;
        for v in &mut self.vecs {
            v.clear();
        }
        self.norms = [0.0; KINDS];
        self.counts = [0.0; KINDS];
        self.span = None;
        self.seen_clock = i64::MIN;
    }

    /// Drops the vectors of a merged or expired story.
    pub fn clear(&mut self) {
        self.vecs = Default::default();
        self.norms = [0.0; KINDS];
        self.counts = [0.0; KINDS];
        self.indexed = Vec::new();
    }
}

/// `out = a + b` for sparse vectors sorted by id.
pub(crate) fn merge_sparse(a: &Sparse, b: &Sparse, out: &mut Sparse) {
    let scratch = out;
    scratch.clear();
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        let (x, y) = (a[i], b[j]);
        if x.0 == y.0 {
            scratch.push((x.0, x.1 + y.1));
            i += 1;
            j += 1;
        } else if x.0 < y.0 {
            scratch.push(x);
            i += 1;
        } else {
            scratch.push(y);
            j += 1;
        }
    }
    scratch.extend_from_slice(&a[i..]);
    scratch.extend_from_slice(&b[j..]);
}

/// An entry's rank as one integer: heavier first (in `f32::total_cmp`
/// order), equal weights by lower id. Comparing plain integers is several
/// times cheaper than comparing pairs with a closure.
#[inline]
pub(crate) fn rank_key(id: u32, w: f32) -> u64 {
    // `total_cmp`'s trick: flip the magnitude bits of negatives so that
    // signed integer order is the float order; flipping the sign bit then
    // makes it unsigned order.
    let b = w.to_bits() as i32;
    let ordered = ((b ^ (((b >> 31) as u32) >> 1) as i32) as u32) ^ 0x8000_0000;
    (u64::from(!ordered) << 32) | u64::from(id)
}

/// The weight a rank key (see [`rank_key`]) was made from, bit for bit.
#[inline]
pub(crate) fn rank_weight(key: u64) -> f32 {
    // `rank_key` backwards: its bit flips undo themselves.
    let b = ((!(key >> 32) as u32) ^ 0x8000_0000) as i32;
    f32::from_bits((b ^ (((b >> 31) as u32) >> 1) as i32) as u32)
}

/// The rank key (see [`rank_key`]) of the `cap`-th heaviest entry, when
/// there are more than `cap` (and `cap > 0`): entries ranking at or before
/// it are exactly the `cap` heaviest.
pub(crate) fn cut_key(v: &Sparse, cap: usize, keys: &mut Vec<u64>) -> Option<u64> {
    if v.len() <= cap || cap == 0 {
        return None;
    }
    keys.clear();
    keys.extend(v.iter().map(|&(id, w)| rank_key(id, w)));
    let (_, &mut pivot, _) = keys.select_nth_unstable(cap - 1);
    Some(pivot)
}

/// Keeps the `cap` heaviest entries of a sorted sparse vector, still sorted.
///
/// The cut-off is found among the entries' rank keys, then the vector is
/// filtered in place, so its order is kept and no sort is needed.
pub(crate) fn truncate(v: &mut Sparse, cap: usize, keys: &mut Vec<u64>) {
    if cap == 0 {
        v.clear();
        return;
    }
    if let Some(pivot) = cut_key(v, cap, keys) {
        v.retain(|&(id, w)| rank_key(id, w) <= pivot);
    }
}

/// The dot product of two sparse vectors sorted by id.
pub(crate) fn dot(a: &Sparse, b: &Sparse) -> f32 {
    let (mut i, mut j, mut s) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        let (x, y) = (a[i], b[j]);
        if x.0 == y.0 {
            s += x.1 * y.1;
            i += 1;
            j += 1;
        } else if x.0 < y.0 {
            i += 1;
        } else {
            j += 1;
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sparse_sum_truncate_and_dot() {
        let a: Sparse = vec![(1, 1.0), (3, 2.0)];
        let b: Sparse = vec![(2, 5.0), (3, 1.0)];
        let mut scratch = Vec::new();
        let mut a2 = Vec::new();
        merge_sparse(&a, &b, &mut a2);
        let mut a = a2;
        assert_eq!(a, vec![(1, 1.0), (2, 5.0), (3, 3.0)]);
        assert_eq!(dot(&a, &b), 5.0 * 5.0 + 3.0);
        truncate(&mut a, 2, &mut scratch);
        assert_eq!(a, vec![(2, 5.0), (3, 3.0)]);
        // Ties go to the smaller id; order is kept.
        let mut t: Sparse = vec![(1, 1.0), (2, 2.0), (3, 1.0), (4, 1.0)];
        truncate(&mut t, 2, &mut scratch);
        assert_eq!(t, vec![(1, 1.0), (2, 2.0)]);
        // Rank keys order as `total_cmp` does, heavier first.
        let ws = [-2.0f32, -0.0, 0.0, 1e-30, 0.5, 3.0, f32::INFINITY];
        for (i, &a) in ws.iter().enumerate() {
            for &b in &ws[i + 1..] {
                assert!(rank_key(7, b) < rank_key(7, a), "{a} {b}");
            }
            assert!(rank_key(1, a) < rank_key(2, a));
            assert_eq!(rank_weight(rank_key(9, a)).to_bits(), a.to_bits());
        }
    }

    #[test]
    fn gaps() {
        let mut s = Story::new(1, 1, 0);
        assert_eq!(s.gap(Some(5)), None);
        s.touch(Some(100), 2, 100);
        s.touch(Some(200), 3, 200);
        assert_eq!(s.gap(Some(150)), Some(0));
        assert_eq!(s.gap(Some(50)), Some(50));
        assert_eq!(s.gap(Some(260)), Some(60));
        assert_eq!(s.gap(None), None);
        let mut o = Story::new(2, 1, 0);
        o.touch(Some(500), 4, 500);
        assert_eq!(s.span_gap(&o), Some(300));
        assert_eq!(o.span_gap(&s), Some(300));
    }
}
