//! An open-addressing table from word hashes to [`Word`] entries.
//!
//! The token loop probes this table once per token and the vocabulary
//! outgrows the caches, so each probe should cost one cache miss. A general
//! map keeps its control bytes apart from its slots (two misses); here the
//! key sits beside its value and linear probing stays within a line or two.
//! Keys are already well-mixed 64-bit hashes, so their low bits index
//! directly. The table is only probed, never iterated, so its layout cannot
//! change any result.

use crate::vocab::Word;

/// Starts loading the cache line of `x`; only a hint, it changes nothing.
#[inline]
pub(crate) fn prefetch<T>(x: &T) {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{_MM_HINT_T0, _mm_prefetch};
        // SAFETY: SSE is part of every x86_64 target, a prefetch has no
        // visible effect on memory, and `x` is a valid reference anyway.
        unsafe { _mm_prefetch::<_MM_HINT_T0>(std::ptr::from_ref(x).cast()) };
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = x;
}

/// Starts loading the `bytes` bytes from `x` (every cache line they
/// touch); only a hint, it changes nothing.
#[inline]
pub(crate) fn prefetch_bytes<T: ?Sized>(x: &T, bytes: usize) {
    let start = std::ptr::from_ref(x).cast::<u8>();
    let first = start as usize & !63;
    let end = (start as usize).saturating_add(bytes);
    let mut at = first;
    while at < end {
        // Never dereferenced: a prefetch of any address is harmless, and
        // these all lie within `x`'s own line span.
        let p = start.wrapping_add(at.wrapping_sub(start as usize));
        #[cfg(target_arch = "x86_64")]
        {
            use std::arch::x86_64::{_MM_HINT_T0, _mm_prefetch};
            // SAFETY: a prefetch has no visible effect on memory.
            unsafe { _mm_prefetch::<_MM_HINT_T0>(p.cast()) };
        }
        #[cfg(not(target_arch = "x86_64"))]
        let _ = p;
        at += 64;
    }
}

/// One slot: a key (0 when empty) and its entry.
#[derive(Clone, Copy, serde::Serialize, serde::Deserialize)]
struct Slot {
    key: u64,
    word: Word,
}

/// The empty slot.
const EMPTY: Slot = Slot {
    key: 0,
    word: Word {
        term: 0,
        entity: 0,
        lower: 0,
        mid_cap: 0,
        alpha: false,
    },
};

/// Slots in a new table's first allocation.
const FIRST: usize = 1024;

/// Word hash -> [`Word`], with linear probing.
#[derive(Default, serde::Serialize, serde::Deserialize)]
pub(crate) struct WordTable {
    /// A power-of-two number of slots (or none yet).
    slots: Vec<Slot>,
    /// Occupied slots.
    len: usize,
    /// The entry of key 0, which marks empty slots in `slots`.
    zero: Option<Word>,
}

impl WordTable {
    /// The slot index holding `key`, or the empty one where it would go.
    #[inline]
    fn find(&self, key: u64) -> Option<usize> {
        let mask = self.slots.len().checked_sub(1)?;
        let mut i = key as usize & mask;
        // The load factor stays below 3/4, so an empty slot always ends the loop.
        loop {
            let s = self.slots.get(i)?;
            if s.key == key || s.key == 0 {
                return Some(i);
            }
            i = (i + 1) & mask;
        }
    }

    /// The entry of `key`, if present.
    #[inline]
    pub fn get(&self, key: u64) -> Option<&Word> {
        if key == 0 {
            return self.zero.as_ref();
        }
        let s = self.slots.get(self.find(key)?)?;
        (s.key == key).then_some(&s.word)
    }

    /// The entry of `key` to change, if present.
    #[inline]
    pub fn get_mut(&mut self, key: u64) -> Option<&mut Word> {
        if key == 0 {
            return self.zero.as_mut();
        }
        let i = self.find(key)?;
        let s = self.slots.get_mut(i)?;
        (s.key == key).then_some(&mut s.word)
    }

    /// Starts loading the slot where `key` would be, so that a lookup soon
    /// after finds it in cache. Only a hint: it changes nothing.
    #[inline]
    pub fn prefetch(&self, key: u64) {
        let mask = self.slots.len().wrapping_sub(1);
        if let Some(s) = self.slots.get(key as usize & mask) {
            // A slot may straddle two cache lines: fetch both.
            prefetch(s);
            prefetch(&s.word.alpha);
        }
    }

    /// Whether a table read back from storage keeps the invariants lookups
    /// rely on (a power-of-two size with an empty slot to end every probe,
    /// a true count) and every entry passes `ok`.
    pub fn valid(&self, ok: impl Fn(&Word) -> bool) -> bool {
        let n = self.slots.len();
        let used = self.slots.iter().filter(|s| s.key != 0).count();
        (n == 0 || (n.is_power_of_two() && used * 4 <= n * 3 && used < n))
            && used == self.len
            && self
                .slots
                .iter()
                .filter(|s| s.key != 0)
                .all(|s| ok(&s.word))
            && self.zero.as_ref().is_none_or(&ok)
    }

    /// Whether `key` is present.
    #[cfg(test)]
    pub fn contains_key(&self, key: u64) -> bool {
        self.get(key).is_some()
    }

    /// Sets the entry of `key`.
    pub fn insert(&mut self, key: u64, word: Word) {
        if key == 0 {
            self.zero = Some(word);
            return;
        }
        if (self.len + 1) * 4 > self.slots.len() * 3 {
            self.grow();
        }
        if let Some(i) = self.find(key)
            && let Some(s) = self.slots.get_mut(i)
        {
            if s.key == 0 {
                self.len += 1;
            }
            *s = Slot { key, word };
        }
    }

    /// Doubles the slots and re-places every entry.
    #[cold]
    fn grow(&mut self) {
        let n = (self.slots.len() * 2).max(FIRST);
        let old = std::mem::replace(&mut self.slots, vec![EMPTY; n]);
        let mask = n - 1;
        for s in old.into_iter().filter(|s| s.key != 0) {
            let mut i = s.key as usize & mask;
            while let Some(t) = self.slots.get_mut(i) {
                if t.key == 0 {
                    *t = s;
                    break;
                }
                i = (i + 1) & mask;
            }
        }
    }

    /// Keeps the entries for which `keep` (which may change them) says so,
    /// re-placing the survivors in a table sized for them.
    pub fn retain(&mut self, mut keep: impl FnMut(&mut Word) -> bool) {
        if let Some(w) = self.zero.as_mut()
            && !keep(w)
        {
            self.zero = None;
        }
        let mut kept: Vec<Slot> = std::mem::take(&mut self.slots)
            .into_iter()
            .filter(|s| s.key != 0)
            .filter_map(|mut s| keep(&mut s.word).then_some(s))
            .collect();
        self.len = 0;
        let mut n = FIRST;
        while kept.len() * 2 > n {
            n *= 2;
        }
        self.slots = vec![EMPTY; n];
        let mask = n - 1;
        for s in kept.drain(..) {
            let mut i = s.key as usize & mask;
            while let Some(t) = self.slots.get_mut(i) {
                if t.key == 0 {
                    *t = s;
                    self.len += 1;
                    break;
                }
                i = (i + 1) & mask;
            }
        }
    }

    /// Heap bytes of the slots.
    pub fn heap_bytes(&self) -> usize {
        self.slots.capacity() * std::mem::size_of::<Slot>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hash::mix64;

    fn word(term: u32) -> Word {
        Word {
            term,
            entity: 7,
            lower: 1,
            mid_cap: 2,
            alpha: true,
        }
    }

    #[test]
    fn inserts_finds_and_grows() {
        let mut t = WordTable::default();
        assert!(t.get(5).is_none());
        for i in 0..10_000u32 {
            t.insert(mix64(u64::from(i)), word(i));
        }
        t.insert(0, word(99));
        for i in 0..10_000u32 {
            assert_eq!(t.get(mix64(u64::from(i))).map(|w| w.term), Some(i));
        }
        assert_eq!(t.get(0).map(|w| w.term), Some(99));
        assert!(!t.contains_key(mix64(20_000)));
        if let Some(w) = t.get_mut(mix64(3)) {
            w.lower = 40;
        }
        assert_eq!(t.get(mix64(3)).map(|w| w.lower), Some(40));
        // Colliding low bits still land in their own slots.
        t.insert(1 << 40, word(1));
        t.insert(2 << 40, word(2));
        assert_eq!(t.get(2 << 40).map(|w| w.term), Some(2));
        assert_eq!(t.len, 10_002);
    }
}
