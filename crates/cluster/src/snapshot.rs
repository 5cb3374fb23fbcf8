//! The clusterer's state as bytes, so that a stream can go on across
//! processes: `storyline ingest` stores it after each run and the next run
//! continues where the last stopped, giving the assignments one long run
//! would have given.
//!
//! The form is postcard (compact, varint-encoded serde). Scratch buffers are
//! not saved. A snapshot names its format version and the configuration it
//! was made with; one that is from another version or configuration, cannot
//! be decoded, or breaks an invariant the clusterer relies on is refused, and
//! the caller starts over from the articles themselves.

use std::collections::VecDeque;

use serde::{Deserialize, Serialize};

use crate::dedup::Dedup;
use crate::features::{Features, KINDS};
use crate::index::Index;
use crate::story::Story;
use crate::storyline::LineLinks;
use crate::tokens::token_hash;
use crate::vocab::Vocab;
use crate::{Clusterer, Config};

/// Bumped whenever the saved state changes shape or meaning.
const VERSION: u32 = 3;

/// Why a snapshot was refused.
#[derive(Debug, thiserror::Error)]
pub enum SnapshotError {
    /// The bytes do not decode.
    #[error("the saved clustering state cannot be read: {0}")]
    Decode(String),
    /// Written by another version of the clusterer.
    #[error("the saved clustering state is from another version ({0})")]
    Version(u32),
    /// Made with another configuration: continuing would mix two.
    #[error("the saved clustering state was made with another configuration")]
    Config,
    /// Decodes, but points outside itself.
    #[error("the saved clustering state is inconsistent")]
    Invalid,
}

/// What is saved, borrowed from a live clusterer.
#[derive(Serialize)]
struct Saved<'a> {
    version: u32,
    config: u64,
    vocab: &'a Vocab,
    dedup: &'a Dedup,
    stories: &'a [Option<Story>],
    free: &'a [u32],
    index: &'a Index,
    activity: &'a VecDeque<(u64, u32)>,
    next_id: u64,
    seq: u64,
    clock: Option<i64>,
    live: u64,
    line_into: &'a LineLinks,
}

/// What is read back.
#[derive(Deserialize)]
struct Loaded {
    version: u32,
    config: u64,
    vocab: Vocab,
    dedup: Dedup,
    stories: Vec<Option<Story>>,
    free: Vec<u32>,
    index: Index,
    activity: VecDeque<(u64, u32)>,
    next_id: u64,
    seq: u64,
    clock: Option<i64>,
    live: u64,
    line_into: LineLinks,
}

/// A fingerprint of a configuration (its every field, as printed).
fn fingerprint(cfg: &Config) -> u64 {
    token_hash(&format!("{cfg:?}"))
}

impl Clusterer {
    /// The state as bytes, for [`Clusterer::restore`].
    pub fn snapshot(&self) -> Vec<u8> {
        // Serialising plain owned data into a growable buffer cannot fail.
        postcard::to_allocvec(&self.saved()).unwrap_or_default()
    }

    /// Writes the bytes [`Clusterer::snapshot`] gives to `out` as they are
    /// made, without holding them all (a window of 100,000 articles is a
    /// state of a hundred megabytes).
    pub fn snapshot_to(&self, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        postcard::to_io(&self.saved(), out)
            .map(|_| ())
            .map_err(std::io::Error::other)
    }

    /// What is saved, borrowed from the clusterer.
    fn saved(&self) -> Saved<'_> {
        Saved {
            version: VERSION,
            config: fingerprint(&self.cfg),
            vocab: &self.vocab,
            dedup: &self.dedup,
            stories: &self.stories,
            free: &self.free,
            index: &self.index,
            activity: &self.activity,
            next_id: self.next_id,
            seq: self.seq,
            clock: self.clock,
            live: self.live as u64,
            line_into: &self.line_into,
        }
    }

    /// A clusterer that goes on from a [`Clusterer::snapshot`] made with the
    /// same configuration.
    pub fn restore(cfg: Config, bytes: &[u8]) -> Result<Clusterer, SnapshotError> {
        let s: Loaded =
            postcard::from_bytes(bytes).map_err(|e| SnapshotError::Decode(e.to_string()))?;
        if s.version != VERSION {
            return Err(SnapshotError::Version(s.version));
        }
        if s.config != fingerprint(&cfg) {
            return Err(SnapshotError::Config);
        }
        let slots = s.stories.len();
        let bounds: [usize; KINDS] = [s.vocab.terms(), s.vocab.terms(), s.vocab.entities()];
        let live = s
            .stories
            .iter()
            .flatten()
            .filter(|x| x.merged_into.is_none())
            .count();
        let consistent = s.vocab.valid()
            && s.dedup.valid(slots)
            && s.index.valid(slots)
            && s.stories.iter().flatten().all(|x| x.valid(bounds, slots))
            && s.free
                .iter()
                .all(|&f| s.stories.get(f as usize).is_some_and(Option::is_none))
            && s.activity.iter().all(|&(_, slot)| (slot as usize) < slots)
            && live as u64 == s.live
            && s.line_into.iter().all(|(from, into)| into < from)
            && slots < u32::MAX as usize;
        if !consistent {
            return Err(SnapshotError::Invalid);
        }
        let mut c = Clusterer::new(cfg);
        c.vocab = s.vocab;
        c.feats = Features::new();
        c.dedup = s.dedup;
        c.acc = vec![0.0; slots];
        c.stories = s.stories;
        c.free = s.free;
        c.index = s.index;
        c.activity = s.activity;
        c.next_id = s.next_id;
        c.seq = s.seq;
        c.clock = s.clock;
        c.live = live;
        c.line_into = s.line_into;
        Ok(c)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Doc;

    const TEXTS: [&str; 4] = [
        "Ferry crews on the Halvorsund line walked out on Monday over unpaid overtime, \
         stranding commuters on Brekka island, union leader Ingrid Solheim said.",
        "Thieves took three gold coins from the Castellan Museum in Orvieto overnight; \
         director Paolo Merani said the alarm had been switched off.",
        "The Halvorsund ferry strike went into a second day as Ingrid Solheim turned down \
         an offer of talks from Nordvik Ferries.",
        "Police in Orvieto questioned two guards about the Castellan Museum theft, and \
         Paolo Merani said the coins were insured.",
    ];

    fn docs() -> Vec<Doc<'static>> {
        let ids = ["a", "b", "c", "d"];
        (0..4)
            .map(|i| Doc::new(ids[i], Some(1_000 + 3_600 * i as i64), "", TEXTS[i]))
            .collect()
    }

    #[test]
    fn a_restored_clusterer_goes_on_as_the_original_would() {
        let docs = docs();
        let mut whole = Clusterer::new(Config::default());
        let expected: Vec<_> = docs.iter().map(|d| whole.add(d)).collect();

        let mut first = Clusterer::new(Config::default());
        let mut got: Vec<_> = docs[..2].iter().map(|d| first.add(d)).collect();
        let bytes = first.snapshot();
        drop(first);
        let mut second = Clusterer::restore(Config::default(), &bytes).expect("restores");
        got.extend(docs[2..].iter().map(|d| second.add(d)));
        assert_eq!(got, expected);
        // The same state gives the same bytes, written whole or as made.
        assert_eq!(second.snapshot(), whole.snapshot());
        let mut written = Vec::new();
        whole.snapshot_to(&mut written).unwrap();
        assert_eq!(written, whole.snapshot());
    }

    #[test]
    fn foreign_or_damaged_snapshots_are_refused() {
        let mut c = Clusterer::new(Config::default());
        for d in &docs() {
            c.add(d);
        }
        let bytes = c.snapshot();
        let other = Config {
            join_threshold: 0.5,
            ..Config::default()
        };
        assert!(matches!(
            Clusterer::restore(other, &bytes),
            Err(SnapshotError::Config)
        ));
        assert!(Clusterer::restore(Config::default(), &[]).is_err());
        assert!(Clusterer::restore(Config::default(), &bytes[..bytes.len() / 2]).is_err());
        // Flipping bytes anywhere never panics: it is refused or it decodes
        // into a consistent state.
        for i in (0..bytes.len()).step_by(7) {
            let mut bad = bytes.clone();
            bad[i] ^= 0x5A;
            if let Ok(mut c) = Clusterer::restore(Config::default(), &bad) {
                c.add(&docs()[0]);
            }
        }
    }
}
