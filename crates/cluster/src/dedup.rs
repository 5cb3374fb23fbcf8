//! Near-duplicate detection: one-permutation MinHash over word 3-shingles,
//! banded LSH to find candidates, and an estimated Jaccard check.
//!
//! One hash per shingle (not one per permutation) keeps the cost per
//! article at a few hundred hash operations; a signature is 32 sixteen-bit
//! minima (64 bytes) and each article adds 8 band keys of 4 rows to one
//! table (a pair at shingle Jaccard 0.8 shares a band with probability
//! 0.98; at 0.5, 0.4, and the signature check then rejects it). A
//! band key points at the latest article that produced it; every entry
//! knows its group's original, so a copy group stays findable while any
//! member is in the window.

use std::collections::VecDeque;

use rustc_hash::FxHashMap;

use crate::hash::{combine, mix64};

/// MinHash bins per signature.
pub(crate) const BINS: usize = 32;
/// LSH bands (of `BINS / BANDS` rows each).
const BANDS: usize = 8;
const ROWS: usize = BINS / BANDS;

/// A MinHash signature.
pub(crate) type Signature = [u16; BINS];

/// Computes the signature of a word-hash sequence; `false` when the text
/// has too few shingles to say anything.
pub(crate) fn signature(words: &[u64], min_words: usize, out: &mut Signature) -> bool {
    signature_by(words, |&w| w, min_words, out)
}

/// [`signature`] of the hashes `hash` reads from `words` (the tokens
/// themselves: no copy of their hashes needed).
#[inline]
pub(crate) fn signature_by<W>(
    words: &[W],
    hash: impl Fn(&W) -> u64,
    min_words: usize,
    out: &mut Signature,
) -> bool {
    if words.len() < min_words.max(3) {
        return false;
    }
    let mut mins = [u32::MAX; BINS];
    for w in words.windows(3) {
        let [a, b, c] = [&w[0], &w[1], &w[2]].map(&hash);
        // The word hashes are already well mixed: rotations and one
        // multiply make an order-sensitive shingle hash.
        let h = (a.rotate_left(21) ^ b.rotate_left(42) ^ c).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        let bin = (h >> 59) as usize;
        let v = (h & 0xFFFF) as u32;
        // Without a branch: whether a minimum moves is a coin toss.
        mins[bin] = mins[bin].min(v);
    }
    // Densify: an empty bin borrows from the next filled one, shifted by the
    // distance so that borrowed values do not all agree by accident.
    let Some(first_full) = mins.iter().position(|&m| m != u32::MAX) else {
        return false;
    };
    for (i, slot) in out.iter_mut().enumerate() {
        let mut j = i;
        let mut dist = 0u32;
        while mins[j] == u32::MAX {
            j = (j + 1) % BINS;
            dist += 1;
            if dist as usize > BINS {
                j = first_full;
                break;
            }
        }
        *slot = if dist == 0 {
            mins[j] as u16
        } else {
            (mins[j].wrapping_add(dist.wrapping_mul(0x9E37))) as u16
        };
    }
    true
}

/// The share of equal bins: an estimate of the shingle Jaccard similarity.
pub(crate) fn similarity(a: &Signature, b: &Signature) -> f32 {
    let same = a.iter().zip(b).filter(|(x, y)| x == y).count();
    same as f32 / BINS as f32
}

/// A band's key. 32 bits are plenty: a collision only proposes a
/// candidate, which the signature check then turns down.
fn band_key(sig: &Signature, band: usize) -> u32 {
    let mut packed = 0u64;
    for &v in &sig[band * ROWS..(band + 1) * ROWS] {
        packed = (packed << 16) | v as u64;
    }
    (combine(mix64(band as u64), packed) >> 32) as u32
}

/// One article remembered for near-duplicate matching.
#[derive(serde::Serialize, serde::Deserialize)]
pub(crate) struct Entry {
    /// The article's id.
    pub id: Box<str>,
    /// The id of the group's original, when this article is itself a copy.
    pub original: Option<Box<str>>,
    pub(crate) sig: Signature,
    /// Where its story lives (slot and id, checked on use).
    pub story_slot: u32,
    pub story_id: u64,
    /// Stream position and clock at arrival, for ageing out.
    pub seq: u64,
    pub clock: i64,
    /// Its copy group recurs without a story: boilerplate.
    pub boilerplate: bool,
}

impl Entry {
    /// The id of the article that started this copy group.
    pub fn group(&self) -> &str {
        self.original.as_deref().unwrap_or(&self.id)
    }
}

/// The near-duplicate table of the active window.
#[derive(Default, serde::Serialize, serde::Deserialize)]
pub(crate) struct Dedup {
    bands: FxHashMap<u32, u32>,
    entries: Vec<Option<Entry>>,
    free: Vec<u32>,
    /// Entry slots in arrival order.
    queue: VecDeque<u32>,
}

impl Dedup {
    /// The best earlier article whose estimated Jaccard reaches `threshold`.
    pub fn find(&self, sig: &Signature, threshold: f32) -> Option<&Entry> {
        let mut best: Option<(f32, u64, u32)> = None;
        for band in 0..BANDS {
            let Some(&slot) = self.bands.get(&band_key(sig, band)) else {
                continue;
            };
            let Some(Some(e)) = self.entries.get(slot as usize) else {
                continue;
            };
            let s = similarity(sig, &e.sig);
            // Highest similarity, then the earliest article.
            let better = match best {
                None => true,
                Some((bs, bseq, _)) => s > bs || (s == bs && e.seq < bseq),
            };
            if s >= threshold && better {
                best = Some((s, e.seq, slot));
            }
        }
        best.and_then(|(_, _, slot)| self.entries[slot as usize].as_ref())
    }

    /// Remembers an article.
    pub fn insert(&mut self, entry: Entry) {
        let sig = entry.sig;
        let slot = match self.free.pop() {
            Some(s) => {
                self.entries[s as usize] = Some(entry);
                s
            }
            None => {
                self.entries.push(Some(entry));
                (self.entries.len() - 1) as u32
            }
        };
        for band in 0..BANDS {
            self.bands.insert(band_key(&sig, band), slot);
        }
        self.queue.push_back(slot);
    }

    /// Builds an entry (kept separate so the signature is only copied once).
    pub fn entry(
        id: &str,
        original: Option<&str>,
        sig: &Signature,
        story_slot: u32,
        story_id: u64,
        seq: u64,
        clock: i64,
    ) -> Entry {
        Entry {
            id: id.into(),
            original: original.map(Into::into),
            sig: *sig,
            story_slot,
            story_id,
            seq,
            clock,
            boilerplate: false,
        }
    }

    /// Forgets the oldest articles while `expired(seq, clock)` says so.
    pub fn expire(&mut self, mut expired: impl FnMut(u64, i64) -> bool) {
        while let Some(&slot) = self.queue.front() {
            let Some(Some(e)) = self.entries.get(slot as usize) else {
                self.queue.pop_front();
                continue;
            };
            if !expired(e.seq, e.clock) {
                break;
            }
            self.queue.pop_front();
            if let Some(e) = self.entries[slot as usize].take() {
                for band in 0..BANDS {
                    let key = band_key(&e.sig, band);
                    if self.bands.get(&key) == Some(&slot) {
                        self.bands.remove(&key);
                    }
                }
                self.free.push(slot);
            }
        }
    }

    /// Approximate heap bytes.
    pub fn heap_bytes(&self) -> usize {
        let ids: usize = self
            .entries
            .iter()
            .flatten()
            .map(|e| e.id.len() + e.original.as_ref().map_or(0, |o| o.len()))
            .sum();
        crate::memory::map_bytes::<u32, u32>(self.bands.capacity())
            + self.entries.capacity() * std::mem::size_of::<Option<Entry>>()
            + ids
            + (self.free.capacity() + self.queue.capacity()) * 4
    }

    /// Whether a table read back from storage only points at slots that
    /// exist (`stories`: the clusterer's story slots).
    pub fn valid(&self, stories: usize) -> bool {
        let n = self.entries.len();
        self.bands.values().all(|&s| (s as usize) < n)
            && self.queue.iter().all(|&s| (s as usize) < n)
            && self.free.iter().all(|&s| (s as usize) < n)
            && self
                .entries
                .iter()
                .flatten()
                .all(|e| (e.story_slot as usize) < stories)
    }

    /// Articles currently remembered.
    pub fn len(&self) -> usize {
        self.queue.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<u64> {
        text.split_whitespace()
            .map(|w| mix64(w.len() as u64 * 131 + w.bytes().map(u64::from).sum::<u64>()))
            .collect()
    }

    fn sig(text: &str) -> Signature {
        let mut s = [0; BINS];
        assert!(signature(&words(text), 3, &mut s));
        s
    }

    const BASE: &str = "the river ferry service between the two harbour towns will stop for three weeks \
        while engineers replace the worn landing ramps and repaint the hull of the older vessel \
        local traders worry about lost custom during the busy autumn market season and ask the council \
        for a temporary bus link that runs every half hour from early morning until late evening";

    #[test]
    fn light_edits_match_and_other_texts_do_not() {
        let edited = BASE
            .replace("three weeks", "about three weeks")
            .replace("late evening", "nine at night");
        let other = "a new library opens on the hill with a reading garden and a small cafe run by volunteers \
            who hope to host poetry evenings and children's workshops through the long winter months ahead \
            while the old building becomes a youth centre with music rooms and a climbing wall for schools";
        assert!(similarity(&sig(BASE), &sig(&edited)) >= 0.7);
        assert!(similarity(&sig(BASE), &sig(other)) < 0.2);
    }

    #[test]
    fn groups_point_to_the_original_and_age_out() {
        let mut d = Dedup::default();
        let s = sig(BASE);
        d.insert(Dedup::entry("orig", None, &s, 0, 1, 1, 100));
        let found = d.find(&s, 0.7).map(|e| e.group().to_string());
        assert_eq!(found.as_deref(), Some("orig"));
        d.insert(Dedup::entry("copy", Some("orig"), &s, 0, 1, 2, 200));
        assert_eq!(
            d.find(&s, 0.7).map(|e| e.id.to_string()).as_deref(),
            Some("copy")
        );
        d.expire(|_, clock| clock < 150);
        assert_eq!(d.len(), 1);
        // The original is gone but its group lives on in the copy.
        assert_eq!(
            d.find(&s, 0.7).map(|e| e.group().to_string()).as_deref(),
            Some("orig")
        );
        d.expire(|_, _| true);
        assert!(d.find(&s, 0.7).is_none());
        assert!(d.bands.is_empty());
    }

    #[test]
    fn short_texts_have_no_signature() {
        let mut s = [0; BINS];
        assert!(!signature(&words("too short"), 3, &mut s));
        assert!(!signature(&words("one two three four"), 12, &mut s));
    }
}
