//! The inverted index from terms and entities to the active stories that
//! weigh them most, so an article is only compared with plausible stories.

use rustc_hash::FxHashMap;

/// Tags entity ids so that they share one key space with terms.
pub(crate) const ENTITY_TAG: u32 = 1 << 31;

/// Posting lists: feature key -> story slots, in insertion order.
#[derive(Default, serde::Serialize, serde::Deserialize)]
pub(crate) struct Index {
    postings: FxHashMap<u32, Vec<u32>>,
}

impl Index {
    /// Lists `slot` under `key`.
    pub fn add(&mut self, key: u32, slot: u32) {
        self.postings.entry(key).or_default().push(slot);
    }

    /// Removes `slot` from `key`'s list (order of the rest is kept, so the
    /// tail stays the most recently indexed stories).
    pub fn remove(&mut self, key: u32, slot: u32) {
        if let Some(list) = self.postings.get_mut(&key) {
            if let Some(pos) = list.iter().rposition(|&s| s == slot) {
                list.remove(pos);
            }
            if list.is_empty() {
                self.postings.remove(&key);
            }
        }
    }

    /// The stories listed under `key`, most recently indexed last.
    pub fn get(&self, key: u32) -> &[u32] {
        self.postings.get(&key).map_or(&[], Vec::as_slice)
    }

    /// Whether an index read back from storage only lists story slots
    /// below `stories`.
    pub fn valid(&self, stories: usize) -> bool {
        self.postings
            .values()
            .flatten()
            .all(|&s| (s as usize) < stories)
    }

    /// Approximate heap bytes.
    pub fn heap_bytes(&self) -> usize {
        crate::memory::map_bytes::<u32, Vec<u32>>(self.postings.capacity())
            + self
                .postings
                .values()
                .map(|l| l.capacity() * 4)
                .sum::<usize>()
    }

    /// Total postings held.
    #[cfg(test)]
    pub fn postings(&self) -> usize {
        self.postings.values().map(Vec::len).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn add_get_remove() {
        let mut ix = Index::default();
        ix.add(7, 1);
        ix.add(7, 2);
        ix.add(ENTITY_TAG | 7, 3);
        assert_eq!(ix.get(7), &[1, 2]);
        ix.remove(7, 1);
        assert_eq!(ix.get(7), &[2]);
        ix.remove(7, 2);
        ix.remove(7, 9);
        assert!(ix.get(7).is_empty());
        assert_eq!(ix.postings(), 1);
    }
}
