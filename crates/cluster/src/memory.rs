//! An estimate of the clusterer's heap use, by part.

/// Approximate heap bytes held by a [`Clusterer`](crate::Clusterer), from
/// the capacities of its tables (allocator overhead not counted).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Memory {
    /// Words, terms and entity keys with their document frequencies: grows
    /// with the vocabulary of the whole stream, not with the window.
    pub vocabulary: usize,
    /// Story centroids and bookkeeping of the active window.
    pub stories: usize,
    /// The inverted index from features to stories.
    pub index: usize,
    /// Near-duplicate signatures and band keys of the active window.
    pub duplicates: usize,
    /// Reusable per-article buffers (sized by the vocabulary).
    pub scratch: usize,
}

impl Memory {
    /// All parts together.
    pub fn total(&self) -> usize {
        self.vocabulary + self.stories + self.index + self.duplicates + self.scratch
    }
}

/// Bytes of a hash map's table: one slot plus one control byte per bucket,
/// at the map's load factor of 7/8.
pub(crate) fn map_bytes<K, V>(capacity: usize) -> usize {
    capacity * 8 / 7 * (std::mem::size_of::<(K, V)>() + 1)
}
