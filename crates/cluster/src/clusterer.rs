//! The online clusterer: near-duplicates first, then the best candidate
//! story from the inverted index, then merges, then ageing out.
//!
//! Per article the work is bounded: a fixed number of index look-ups, a
//! bounded scan of each posting list, full scoring of a fixed number of
//! candidates, and truncated centroids; nothing is compared with every
//! story.

use std::collections::VecDeque;

use crate::config::Config;
use crate::dedup::{BINS, Dedup, Entry, Signature, signature, signature_by};
use crate::features::{BODY, ENTITY, Features, KINDS, Sparse, TITLE};
use crate::index::{ENTITY_TAG, Index};
use crate::order::stream_order;
use crate::query::Query;
use crate::story::{Story, dot, rank_key, rank_weight};
use crate::storyline::LineLinks;
use crate::vocab::Vocab;
use crate::word_table::prefetch_bytes;
use crate::{Assignment, Doc, Memory, StoryInfo};

/// Follows at most this many merge links (merges only go to older stories,
/// so chains are short; the bound guards against corrupt state).
const MAX_CHAIN: usize = 64;

/// Online, incremental, deterministic story clustering of a time-ordered
/// article stream.
///
/// ```
/// use storyline_cluster::{Clusterer, Config, Doc};
///
/// let mut c = Clusterer::new(Config::default());
/// let a = c.add(&Doc::new("a", Some(1_700_000_000), "Ferry strike halts island crossings", "Crews of the island ferry walked out on Monday over pay."));
/// assert!(a.new_story);
/// ```
pub struct Clusterer {
    pub(crate) cfg: Config,
    pub(crate) vocab: Vocab,
    pub(crate) feats: Features,
    pub(crate) dedup: Dedup,
    pub(crate) stories: Vec<Option<Story>>,
    pub(crate) free: Vec<u32>,
    pub(crate) index: Index,
    /// (stream position, slot) at each story update, oldest first; an entry
    /// is stale when the story has been updated since.
    pub(crate) activity: VecDeque<(u64, u32)>,
    pub(crate) next_id: u64,
    pub(crate) seq: u64,
    pub(crate) clock: Option<i64>,
    pub(crate) live: usize,
    /// Storyline links not yet folded into the stories (see `storyline`).
    pub(crate) line_into: LineLinks,
    /// Storyline links made by the article being added.
    pub(crate) line_links: Vec<(u64, u64)>,
    // Reusable scratch space.
    pub(crate) acc: Vec<f32>,
    pub(crate) acc_touched: Vec<u32>,
    pub(crate) ranked: Vec<u64>,
    pub(crate) keys: Vec<(u32, f32)>,
    pub(crate) cands: Vec<Scored>,
    pub(crate) hashes: Vec<u64>,
    /// Scratch for summing and truncating vectors: a sum, and rank keys.
    pub(crate) sparse: (Sparse, Vec<u64>),
    /// Scratch for weighing candidates by storyline: (storyline, slot)
    /// pairs, and a storyline's candidates summed.
    pub(crate) line_groups: Vec<(u64, u32)>,
    pub(crate) line_sum: Story,
    /// The current article's vectors spread out for scoring.
    pub(crate) query: [Query; KINDS],
}

/// A candidate story's score against the current article: (decayed
/// score, content-only score, story id, slot).
pub(crate) type Scored = (f32, f32, u64, u32);

impl Clusterer {
    /// An empty clusterer.
    pub fn new(cfg: Config) -> Self {
        Clusterer {
            cfg,
            vocab: Vocab::new(),
            feats: Features::new(),
            dedup: Dedup::default(),
            stories: Vec::new(),
            free: Vec::new(),
            index: Index::default(),
            activity: VecDeque::new(),
            next_id: 1,
            seq: 0,
            clock: None,
            live: 0,
            line_into: LineLinks::new(),
            line_links: Vec::new(),
            acc: Vec::new(),
            acc_touched: Vec::new(),
            ranked: Vec::new(),
            keys: Vec::new(),
            cands: Vec::new(),
            hashes: Vec::new(),
            sparse: Default::default(),
            line_groups: Vec::new(),
            line_sum: Story::new(0, 0, 0),
            query: Default::default(),
        }
    }

    /// The configuration in use.
    pub fn config(&self) -> &Config {
        &self.cfg
    }

    /// Adds one article (the next in time order) and says where it went.
    pub fn add(&mut self, doc: &Doc) -> Assignment {
        self.seq += 1;
        if let Some(t) = doc.time {
            self.clock = Some(self.clock.map_or(t, |c| c.max(t)));
        }
        self.expire();
        if self.cfg.prune_every > 0 && self.seq.is_multiple_of(self.cfg.prune_every) {
            self.prune();
        }
        let clock = self.clock_now();
        // An undated article is taken to be as recent as the stream.
        let time = doc.time.or(self.clock);
        let cfg = &self.cfg;
        self.feats
            .build(doc.title, doc.text, clock, &mut self.vocab, cfg);

        // Near-duplicates: the copy joins its original's story and adds
        // nothing to its centroid, so copies are counted once.
        let mut sig: Signature = [0; BINS];
        let has_sig = self.signature(&mut sig);
        if has_sig {
            let hit = self
                .dedup
                .find(&sig, self.cfg.duplicate_threshold)
                .map(|e| {
                    (
                        e.group().to_string(),
                        e.story_slot,
                        e.story_id,
                        e.boilerplate,
                    )
                });
            if let Some((original, slot, story_id, boilerplate)) = hit {
                let live = self.resolve(slot, story_id);
                let seq = self.seq;
                if boilerplate || live.is_some_and(|s| self.recurring(s, doc.time)) {
                    // A text that keeps coming back long after its story went
                    // quiet (an archive notice, a cookie wall) says nothing
                    // about any story: it stands alone and attracts nothing.
                    let slot = self.new_story(clock);
                    let story = self.story_mut(slot);
                    story.articles = 1;
                    story.touch(doc.time, seq, clock);
                    let id = story.id;
                    self.activity.push_back((seq, slot));
                    let entry = Dedup::entry(doc.id, Some(&original), &sig, slot, id, seq, clock);
                    self.dedup.insert(Entry {
                        boilerplate: true,
                        ..entry
                    });
                    return Assignment {
                        story: id,
                        new_story: true,
                        duplicate_of: Some(original),
                        merged: Vec::new(),
                        score: 1.0,
                        storyline: id,
                        storyline_merged: Vec::new(),
                    };
                }
                if let Some(slot) = live {
                    let story = self.story_mut(slot);
                    story.duplicates += 1;
                    story.touch(doc.time, seq, clock);
                    let (id, line) = (story.id, story.line);
                    self.activity.push_back((seq, slot));
                    let entry = Dedup::entry(doc.id, Some(&original), &sig, slot, id, seq, clock);
                    self.dedup.insert(entry);
                    return Assignment {
                        story: id,
                        new_story: false,
                        duplicate_of: Some(original),
                        merged: Vec::new(),
                        score: 1.0,
                        storyline: crate::storyline::line_root(&self.line_into, line),
                        storyline_merged: Vec::new(),
                    };
                }
            }
        }
        let bounds = [
            self.vocab.terms(),
            self.vocab.terms(),
            self.vocab.entities(),
        ];
        for ((q, v), bound) in self.query.iter_mut().zip(&self.feats.vecs).zip(bounds) {
            q.load(v, bound);
        }
        self.gather_candidates();
        if doc.time.is_none() {
            self.add_recent_candidates();
        }
        let mut scored = std::mem::take(&mut self.cands);
        scored.clear();
        // Candidates are scattered over a large heap: start fetching every
        // one's header now, and each one's vectors while the one before
        // it is scored.
        for &slot in &self.acc_touched {
            if let Some(Some(story)) = self.stories.get(slot as usize) {
                prefetch_bytes(story, std::mem::size_of::<Story>());
            }
        }
        for (i, &slot) in self.acc_touched.iter().enumerate() {
            if let Some(&next) = self.acc_touched.get(i + 1)
                && let Some(Some(story)) = self.stories.get(next as usize)
            {
                // The first lines of each; the hardware follows on.
                for v in &story.vecs {
                    prefetch_bytes(v.as_slice(), std::mem::size_of_val(v.as_slice()).min(256));
                }
            }
            let Some(story) = self.story(slot) else {
                continue;
            };
            let (s, raw) = self.score_doc(story, time, doc.time.is_none());
            scored.push((s, raw, story.id, slot));
        }
        if doc.time.is_some() {
            self.favour_follow_up(&mut scored, time);
        }
        // Best first; ties go to the older story.
        scored.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.2.cmp(&b.2)));
        for &slot in &self.acc_touched {
            self.acc[slot as usize] = 0.0;
        }
        self.acc_touched.clear();
        // Time decides which stories are plausible; among those, content
        // (mixed with the decayed score) picks.
        let mix = self.cfg.raw_choice;
        let key = |e: &Scored| e.1 * mix + e.0 * (1.0 - mix);
        let chosen = scored
            .iter()
            .filter(|e| e.0 >= self.cfg.join_threshold)
            .max_by(|a, b| key(a).total_cmp(&key(b)).then(b.2.cmp(&a.2)))
            .copied();
        let (mut slot, score, new_story) = match chosen {
            Some((s, _, _, slot)) => (slot, s, false),
            _ => (self.new_story(clock), 0.0, true),
        };
        let caps = [
            self.cfg.story_terms,
            self.cfg.story_title_terms,
            self.cfg.story_entities,
        ];
        {
            let vecs = &self.feats.vecs;
            let story = self.stories[slot as usize].as_mut().expect("live slot");
            let counts = std::array::from_fn(|k| if vecs[k].is_empty() { 0.0 } else { 1.0 });
            story.absorb(vecs, counts, caps, &mut self.sparse);
            story.articles += 1;
            // Only real dates shape the span; a guessed time would stretch it.
            story.touch(doc.time, self.seq, clock);
        }
        self.activity.push_back((self.seq, slot));

        let merged = self.merge_around(&mut slot, &scored);
        self.link_lines(slot, &scored);
        self.cands = scored;
        // A big story's heaviest features barely move with one more
        // article: re-index small stories always, big ones now and then.
        let n = self.story(slot).map_or(0, |s| s.articles);
        if n <= 4 || n.is_power_of_two() || n.is_multiple_of(8) || !merged.is_empty() {
            self.reindex(slot);
        }
        let (story_id, line) = {
            let s = self.story_mut(slot);
            (s.id, s.line)
        };
        if has_sig {
            self.dedup.insert(Dedup::entry(
                doc.id, None, &sig, slot, story_id, self.seq, clock,
            ));
        }
        Assignment {
            story: story_id,
            new_story,
            duplicate_of: None,
            merged,
            score,
            storyline: crate::storyline::line_root(&self.line_into, line),
            storyline_merged: std::mem::take(&mut self.line_links),
        }
    }

    /// Adds a batch in stream order (see [`stream_order`]): dated articles by
    /// time, equal times in a content-defined order, undated ones where the
    /// input puts them. Returns the assignments in input order.
    pub fn add_batch(&mut self, docs: &[Doc]) -> Vec<Assignment> {
        let order = stream_order(docs);
        let mut out: Vec<Option<Assignment>> = (0..docs.len()).map(|_| None).collect();
        for i in order {
            out[i] = Some(self.add(&docs[i]));
        }
        out.into_iter().map(|a| a.unwrap_or_default()).collect()
    }

    /// The live stories of the active window.
    pub fn stories(&self) -> impl Iterator<Item = StoryInfo<'_>> {
        self.stories
            .iter()
            .flatten()
            .filter(|s| s.merged_into.is_none())
            .map(|s| {
                let mut top: Vec<(u32, f32)> = s.vecs[BODY].clone();
                top.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
                StoryInfo {
                    id: s.id,
                    articles: s.articles,
                    duplicates: s.duplicates,
                    first: s.span.map(|x| x.0),
                    last: s.span.map(|x| x.1),
                    keywords: top
                        .iter()
                        .take(6)
                        .map(|&(t, _)| self.vocab.term_text(t))
                        .collect(),
                }
            })
    }

    /// An estimate of the heap held, by part.
    pub fn memory(&self) -> Memory {
        let stories = self.stories.capacity() * std::mem::size_of::<Option<Story>>()
            + self
                .stories
                .iter()
                .flatten()
                .map(Story::heap_bytes)
                .sum::<usize>()
            + self.activity.capacity() * std::mem::size_of::<(u64, u32)>()
            + (self.acc.capacity() + self.free.capacity()) * 4;
        let query: usize = self.query.iter().map(Query::heap_bytes).sum();
        Memory {
            vocabulary: self.vocab.heap_bytes(),
            stories,
            index: self.index.heap_bytes(),
            duplicates: self.dedup.heap_bytes(),
            scratch: self.feats.heap_bytes() + query,
        }
    }

    /// Forgets the vocabulary that is rare, stale and held by no story.
    fn prune(&mut self) {
        let mut terms = vec![false; self.vocab.terms()];
        let mut entities = vec![false; self.vocab.entities()];
        for s in self.stories.iter().flatten() {
            for k in [BODY, TITLE] {
                for &(t, _) in &s.vecs[k] {
                    if let Some(u) = terms.get_mut(t as usize) {
                        *u = true;
                    }
                }
            }
            let keys = s.vecs[ENTITY].iter().map(|&(e, _)| e | ENTITY_TAG);
            for key in keys.chain(s.indexed.iter().copied()) {
                let (set, id) = if key & ENTITY_TAG != 0 {
                    (&mut entities, key & !ENTITY_TAG)
                } else {
                    (&mut terms, key)
                };
                if let Some(u) = set.get_mut(id as usize) {
                    *u = true;
                }
            }
        }
        self.compact_lines();
        self.vocab.prune(
            self.cfg.prune_age,
            self.cfg.prune_max_df,
            (&terms, &entities),
        );
    }

    /// Live stories in the active window.
    pub fn active_stories(&self) -> usize {
        self.live
    }

    /// Articles remembered for near-duplicate detection (the active window).
    pub fn active_articles(&self) -> usize {
        self.dedup.len()
    }

    fn clock_now(&self) -> i64 {
        self.clock.unwrap_or(i64::MIN)
    }

    pub(crate) fn story(&self, slot: u32) -> Option<&Story> {
        self.stories
            .get(slot as usize)
            .and_then(Option::as_ref)
            .filter(|s| s.merged_into.is_none())
    }

    fn story_mut(&mut self, slot: u32) -> &mut Story {
        self.stories[slot as usize].as_mut().expect("live slot")
    }

    /// The live slot a remembered (slot, id) now lives in, following merges.
    fn resolve(&self, mut slot: u32, id: u64) -> Option<u32> {
        let first = self.stories.get(slot as usize)?.as_ref()?;
        if first.id != id {
            return None;
        }
        for _ in 0..MAX_CHAIN {
            let s = self.stories.get(slot as usize)?.as_ref()?;
            match s.merged_into {
                None => return Some(slot),
                Some(next) => slot = next,
            }
        }
        None
    }

    fn new_story(&mut self, clock: i64) -> u32 {
        let story = Story::new(self.next_id, self.seq, clock);
        self.next_id += 1;
        self.live += 1;
        match self.free.pop() {
            Some(s) => {
                self.stories[s as usize] = Some(story);
                s
            }
            None => {
                self.stories.push(Some(story));
                self.acc.push(0.0);
                (self.stories.len() - 1) as u32
            }
        }
    }

    /// Whether a copy arriving now finds its story long quiet: idle beyond
    /// the recurrence limit in time (dated) or in articles (undated).
    fn recurring(&self, slot: u32, time: Option<i64>) -> bool {
        let Some(s) = self.story(slot) else {
            return false;
        };
        match time {
            Some(t) => {
                let last = s.span.map_or(s.seen_clock, |x| x.1);
                t.saturating_sub(last) > self.cfg.recurrence_secs
            }
            // Stream positions only compare undated with undated.
            None => {
                s.span.is_none()
                    && self.seq.saturating_sub(s.seen_seq) > self.cfg.recurrence_articles
            }
        }
    }

    /// The MinHash signature of the article just featurised.
    fn signature(&mut self, sig: &mut Signature) -> bool {
        let min = self.cfg.min_duplicate_tokens;
        // Short bodies (leads, briefs) take the title along; longer ones
        // are read in place.
        if self.feats.body.len() >= 2 * min {
            return signature_by(&self.feats.body, |t| t.hash, min, sig);
        }
        self.hashes.clear();
        self.hashes.extend(self.feats.title.iter().map(|t| t.hash));
        self.hashes.extend(self.feats.body.iter().map(|t| t.hash));
        signature(&self.hashes, min, sig)
    }

    /// The weights of each kind, in the order body, title, entity.
    fn weights(&self) -> [f32; KINDS] {
        [
            self.cfg.body_weight,
            self.cfg.title_weight,
            self.cfg.entity_weight,
        ]
    }

    /// The heaviest index keys of a set of normalised-by-`norms` vectors.
    ///
    /// Title and body share term keys; a term in both counts once, with the
    /// larger weight. Both vectors are sorted by id, so that is a merge;
    /// one selection then finds the heaviest, and sorting those few puts
    /// them back in id order (terms, then entities), the order given.
    fn top_keys(
        vecs: &[Sparse; KINDS],
        norms: [f32; KINDS],
        weights: [f32; KINDS],
        n: usize,
        keys: &mut Vec<(u32, f32)>,
        ranks: &mut Vec<u64>,
    ) {
        keys.clear();
        let scale = |k: usize| {
            if norms[k] > 0.0 {
                weights[k] / norms[k]
            } else {
                0.0
            }
        };
        let (sb, st, se) = (scale(BODY), scale(TITLE), scale(ENTITY));
        let (body, title) = (&vecs[BODY], &vecs[TITLE]);
        // Entries are ranked as they are made (see `rank_key`), weightless
        // ones left out; they come in id order, terms before entities.
        ranks.clear();
        let mut push = |id: u32, w: f32| {
            if w > 0.0 {
                ranks.push(rank_key(id, w));
            }
        };
        let (mut i, mut j) = (0, 0);
        while let (Some(&(b, wb)), Some(&(t, wt))) = (body.get(i), title.get(j)) {
            if b == t {
                push(b, (wb * sb).max(wt * st));
                i += 1;
                j += 1;
            } else if b < t {
                push(b, wb * sb);
                i += 1;
            } else {
                push(t, wt * st);
                j += 1;
            }
        }
        for &(b, wb) in body.get(i..).unwrap_or(&[]) {
            push(b, wb * sb);
        }
        for &(t, wt) in title.get(j..).unwrap_or(&[]) {
            push(t, wt * st);
        }
        for &(e, we) in &vecs[ENTITY] {
            push(e | ENTITY_TAG, we * se);
        }
        if n == 0 {
            return;
        }
        let cut = ranks.len() > n;
        if cut {
            ranks.select_nth_unstable(n - 1);
            ranks.truncate(n);
        }
        keys.extend(ranks.iter().map(|&r| (r as u32, rank_weight(r))));
        if cut {
            // Back in id order.
            keys.sort_unstable_by_key(|e| e.0);
        }
    }

    /// Accumulates index evidence for candidate stories and keeps the best.
    fn gather_candidates(&mut self) {
        let w = self.weights();
        let mut keys = std::mem::take(&mut self.keys);
        Self::top_keys(
            &self.feats.vecs,
            [1.0; KINDS],
            w,
            self.cfg.query_features,
            &mut keys,
            &mut self.sparse.1,
        );
        // Each key costs two likely cache misses (its map entry, then its
        // list), and scanning a list is long enough that the processor
        // would not reach the next key's misses on its own: look up a
        // group of keys first and start fetching their lists, then scan.
        const GROUP: usize = 16;
        let scan = self.cfg.max_posting_scan;
        for group in keys.chunks(GROUP) {
            let mut lists: [&[u32]; GROUP] = [&[]; GROUP];
            for (list, &(key, _)) in lists.iter_mut().zip(group) {
                let all = self.index.get(key);
                *list = &all[all.len().saturating_sub(scan)..];
                prefetch_bytes(*list, std::mem::size_of_val(*list).min(128));
            }
            // Borrowed once: growing `acc_touched` must not make every
            // step reload where `acc` is.
            let (acc, touched) = (self.acc.as_mut_slice(), &mut self.acc_touched);
            for (list, &(_, kw)) in lists.iter().zip(group) {
                for &slot in *list {
                    let Some(a) = acc.get_mut(slot as usize) else {
                        continue;
                    };
                    if *a == 0.0 {
                        touched.push(slot);
                    }
                    *a += kw;
                }
            }
        }
        self.keys = keys;
        let max = self.cfg.max_candidates;
        if self.acc_touched.len() > max {
            // Rank by evidence as integers (see `rank_key`) in a flat
            // buffer: comparing must not chase pointers. Ties go to the
            // lower slot, which is as deterministic as the input.
            let ranked = &mut self.ranked;
            ranked.clear();
            ranked.extend(
                self.acc_touched
                    .iter()
                    .map(|&s| rank_key(s, self.acc[s as usize])),
            );
            ranked.select_nth_unstable(max);
            // The low half of a rank key is the slot.
            for &key in &ranked[max..] {
                self.acc[key as u32 as usize] = 0.0;
            }
            self.acc_touched.clear();
            self.acc_touched
                .extend(ranked[..max].iter().map(|&key| key as u32));
        }
    }

    /// Adds the stories of the latest articles to the candidates (see
    /// [`Config::recent_candidates`]).
    fn add_recent_candidates(&mut self) {
        for &(_, slot) in self.activity.iter().rev().take(self.cfg.recent_candidates) {
            if !self.acc_touched.contains(&slot) {
                self.acc_touched.push(slot);
            }
        }
    }

    /// Combined similarity of the loaded article with a story.
    fn score_doc(&self, story: &Story, time: Option<i64>, guessed: bool) -> (f32, f32) {
        let w = self.weights();
        let (mut num, mut den) = (0.0f32, 0.0f32);
        for (k, &wk) in w.iter().enumerate() {
            if self.feats.vecs[k].is_empty() || story.norms[k] <= 0.0 {
                continue;
            }
            let d = self.query[k].dot(&story.vecs[k]);
            num += wk * d / story.denom(k, self.cfg.linkage);
            den += wk;
        }
        if den <= 0.0 {
            return (0.0, 0.0);
        }
        let raw = num / den;
        if guessed {
            if story.span.is_some() && raw < self.cfg.undated_join_min {
                return (0.0, raw);
            }
            // An undated article: its place in the stream is the only clock.
            let idle = self.seq.saturating_sub(story.seen_seq) as f64;
            let pos = (-idle / self.cfg.position_scale.max(1.0)).exp() as f32;
            let t = self.decay(story.gap(time));
            let floor = self.cfg.undated_decay_floor;
            (
                raw * (floor + (1.0 + self.cfg.position_boost - floor) * t * pos),
                raw,
            )
        } else if story.span.is_none() {
            // A dated article and a story of undated articles: the story sits
            // at the stream clock of its last article, a guess, so content
            // has to vouch for the match.
            if raw < self.cfg.undated_join_min {
                return (0.0, raw);
            }
            let gap = time.map(|t| t.saturating_sub(story.seen_clock).abs());
            let d = self.decay(gap).max(self.strength(raw));
            (raw * d, raw)
        } else {
            // A strong match continues an ongoing story across a longer gap.
            let gap = story.gap(time);
            let strength = if gap.is_some_and(|g| g > self.cfg.strong_max_gap_secs) {
                0.0
            } else {
                self.strength(raw)
            };
            let d = self.decay(gap).max(strength);
            (raw * d, raw)
        }
    }

    /// Lets a clear follow-up (see [`Config::follow_min`]) reach its story
    /// across a longer gap: the one story that matches on content, and
    /// matches far better than any other, is the development it reports.
    fn favour_follow_up(&self, scored: &mut [Scored], time: Option<i64>) {
        let mut best: Option<usize> = None;
        let mut second = 0.0f32;
        for (i, e) in scored.iter().enumerate() {
            match best {
                Some(b) if scored[b].1 >= e.1 => second = second.max(e.1),
                Some(b) => {
                    second = second.max(scored[b].1);
                    best = Some(i);
                }
                None => best = Some(i),
            }
        }
        let Some(b) = best else { return };
        let (s, raw, _, slot) = scored[b];
        if raw < self.cfg.follow_min || raw < self.cfg.follow_margin * second {
            return;
        }
        let Some(gap) = self.story(slot).and_then(|story| story.gap(time)) else {
            return;
        };
        let over = gap.saturating_sub(self.cfg.time_grace_secs).max(0) as f64;
        let d = (-over / self.cfg.follow_scale_secs.max(1.0)).exp() as f32;
        scored[b].0 = s.max(raw * d);
    }

    /// Combined similarity of two stories.
    fn score_stories(&self, a: &Story, b: &Story) -> f32 {
        let w = self.weights();
        let (mut num, mut den) = (0.0f32, 0.0f32);
        let l = self.cfg.linkage;
        for (k, &wk) in w.iter().enumerate() {
            if a.norms[k] <= 0.0 || b.norms[k] <= 0.0 {
                continue;
            }
            num += wk * dot(&a.vecs[k], &b.vecs[k]) / (a.denom(k, l) * b.denom(k, l));
            den += wk;
        }
        if den <= 0.0 {
            return 0.0;
        }
        let floor = self.cfg.undated_decay_floor;
        let decay = match (a.span, b.span) {
            (Some(_), Some(_)) => self.decay(a.span_gap(b)),
            // A story of undated articles sits at the clock of its last one.
            (Some(_), None) => self.decay(a.gap(Some(b.seen_clock))).max(floor),
            (None, Some(_)) => self.decay(b.gap(Some(a.seen_clock))).max(floor),
            (None, None) => 1.0,
        };
        num / den * decay
    }

    /// How far a content similarity alone vouches for a match whatever the
    /// time gap: 0 up to `strong_low`, rising to 1 at `strong_high`.
    fn strength(&self, raw: f32) -> f32 {
        let (lo, hi) = (self.cfg.strong_low, self.cfg.strong_high);
        if hi <= lo {
            return 0.0;
        }
        ((raw - lo) / (hi - lo)).clamp(0.0, 1.0)
    }

    /// How much a time gap (seconds) leaves of a similarity (1 when unknown).
    fn decay(&self, gap: Option<i64>) -> f32 {
        match gap {
            None => 1.0,
            Some(g) => {
                let over = g.saturating_sub(self.cfg.time_grace_secs).max(0) as f64;
                (-over / self.cfg.time_scale_secs.max(1.0)).exp() as f32
            }
        }
    }

    /// Merges stories that the new article shows to be one. Merges go into
    /// the older story, so the outcome does not depend on which side the
    /// article joined.
    fn merge_around(&mut self, slot: &mut u32, scored: &[Scored]) -> Vec<(u64, u64)> {
        let mut merged = Vec::new();
        let probe = self.cfg.join_threshold * 0.5;
        for &(s, _, _, other) in scored {
            if s < probe {
                break;
            }
            if other == *slot {
                continue;
            }
            let (Some(a), Some(b)) = (self.story(*slot), self.story(other)) else {
                continue;
            };
            if self.score_stories(a, b) < self.cfg.merge_threshold {
                continue;
            }
            let (keep, gone) = if a.id < b.id {
                (*slot, other)
            } else {
                (other, *slot)
            };
            merged.push(self.merge(keep, gone));
            *slot = keep;
        }
        merged
    }

    /// Moves story `gone` into `keep`; returns (from id, into id).
    fn merge(&mut self, keep: u32, gone: u32) -> (u64, u64) {
        let mut g = self.stories[gone as usize].take().expect("live slot");
        for &key in &g.indexed {
            self.index.remove(key, gone);
        }
        let caps = [
            self.cfg.story_terms,
            self.cfg.story_title_terms,
            self.cfg.story_entities,
        ];
        let k = self.stories[keep as usize].as_mut().expect("live slot");
        k.absorb(&g.vecs, g.counts, caps, &mut self.sparse);
        k.articles += g.articles;
        k.duplicates += g.duplicates;
        k.cover(g.span);
        k.touch(None, g.seen_seq, g.seen_clock);
        let pair = (g.id, k.id);
        let lines = (k.line, g.line);
        self.activity.push_back((k.seen_seq, keep));
        g.clear();
        g.merged_into = Some(keep);
        // The tombstone keeps redirecting near-duplicates until it ages out.
        self.stories[gone as usize] = Some(g);
        self.live -= 1;
        // One event is one storyline.
        self.join_lines(lines.0, lines.1);
        pair
    }

    /// Brings a story's index keys up to date with its centroid.
    fn reindex(&mut self, slot: u32) {
        let w = self.weights();
        let n = self.cfg.index_features;
        let mut keys = std::mem::take(&mut self.keys);
        let Some(story) = self.stories[slot as usize].as_mut() else {
            return;
        };
        Self::top_keys(
            &story.vecs,
            story.norms,
            w,
            n,
            &mut keys,
            &mut self.sparse.1,
        );
        // Sorted already: `top_keys` gives keys in id order.
        let new: Vec<u32> = keys.iter().map(|e| e.0).collect();
        let old = std::mem::take(&mut story.indexed);
        let (mut i, mut j) = (0, 0);
        while i < old.len() || j < new.len() {
            match (old.get(i), new.get(j)) {
                (Some(&o), Some(&nw)) if o == nw => {
                    i += 1;
                    j += 1;
                }
                (Some(&o), Some(&nw)) if o < nw => {
                    self.index.remove(o, slot);
                    i += 1;
                }
                (Some(&o), None) => {
                    self.index.remove(o, slot);
                    i += 1;
                }
                (_, Some(&nw)) => {
                    self.index.add(nw, slot);
                    j += 1;
                }
                (None, None) => break,
            }
        }
        if let Some(story) = self.stories[slot as usize].as_mut() {
            story.indexed = new;
        }
        self.keys = keys;
    }

    /// Ages out stories (and tombstones) idle beyond the window.
    fn expire(&mut self) {
        let (seq, clock) = (self.seq, self.clock_now());
        let cfg = &self.cfg;
        let expired = |s: u64, c: i64| {
            let idle = seq.saturating_sub(s);
            idle > cfg.max_keep_articles
                || (idle > cfg.min_keep_articles && clock.saturating_sub(c) > cfg.window_secs)
        };
        self.dedup.expire(expired);
        while let Some(&(s, slot)) = self.activity.front() {
            let current = self
                .stories
                .get(slot as usize)
                .and_then(Option::as_ref)
                .map(|x| (x.seen_seq, x.seen_clock));
            match current {
                Some((seen, c)) if seen == s => {
                    if !expired(seen, c) {
                        break;
                    }
                    self.activity.pop_front();
                    if let Some(mut story) = self.stories[slot as usize].take() {
                        for &key in &story.indexed {
                            self.index.remove(key, slot);
                        }
                        if story.merged_into.is_none() {
                            self.live -= 1;
                        }
                        story.clear();
                        self.free.push(slot);
                    }
                }
                // Updated since, or gone: a stale entry.
                _ => {
                    self.activity.pop_front();
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Labels;

    const FERRY_1: &str = "Ferry crews on the Halvorsund line walked out on Monday over unpaid \
        overtime, stranding hundreds of commuters on Brekka island. Union leader Ingrid Solheim \
        said the strike would go on until Nordvik Ferries agreed to talks about the overtime \
        backlog and the crew rota for the winter timetable.";
    const FERRY_2: &str = "Commuters on Brekka island faced a second day without ferries as the \
        Halvorsund crews kept up their strike. Nordvik Ferries said it had offered talks on the \
        overtime backlog, but Ingrid Solheim of the crews' union turned the offer down and \
        called for a new winter rota.";
    const MUSEUM: &str = "Thieves broke into the Castellan Museum in Orvieto overnight and took \
        three gold coins from its Etruscan collection, police said. Museum director Paolo Merani \
        said the alarm had been switched off by someone who knew the building well.";
    const BRIDGE: &str = "Engineers closed the Valmora bridge to lorries after inspectors found \
        cracks in two of its steel bearings. The regional roads office said repairs would take \
        at least six weeks and published a diversion through Cresta and Linnhe.";

    fn doc<'a>(id: &'a str, time: Option<i64>, text: &'a str) -> Doc<'a> {
        Doc::new(id, time, "", text)
    }

    #[test]
    fn related_reports_join_and_unrelated_ones_do_not() {
        let mut c = Clusterer::new(Config::default());
        let a = c.add(&doc("f1", Some(1_000), FERRY_1));
        let b = c.add(&doc("f2", Some(90_000), FERRY_2));
        let m = c.add(&doc("m1", Some(91_000), MUSEUM));
        assert!(a.new_story && !b.new_story && m.new_story);
        assert_eq!(a.story, b.story);
        assert_ne!(a.story, m.story);
        assert_eq!(c.active_stories(), 2);
        let info: Vec<StoryInfo> = c.stories().collect();
        let ferry = info.iter().find(|s| s.id == a.story).expect("ferry story");
        assert_eq!(
            (ferry.articles, ferry.first, ferry.last),
            (2, Some(1_000), Some(90_000))
        );
        assert!(!ferry.keywords.is_empty());
    }

    #[test]
    fn an_undated_report_is_weighed_against_the_story_just_before_it() {
        // No index candidates at all: only the story of the article just
        // before can take an undated report; a dated one is left alone.
        let cfg = Config {
            max_candidates: 0,
            ..Config::default()
        };
        let mut c = Clusterer::new(cfg.clone());
        let a = c.add(&doc("f1", None, FERRY_1));
        let b = c.add(&doc("f2", None, FERRY_2));
        assert_eq!(a.story, b.story);
        let mut c = Clusterer::new(Config {
            recent_candidates: 0,
            ..cfg.clone()
        });
        let a = c.add(&doc("f1", None, FERRY_1));
        let b = c.add(&doc("f2", None, FERRY_2));
        assert_ne!(a.story, b.story);
        let mut c = Clusterer::new(cfg);
        let a = c.add(&doc("f1", Some(1_000), FERRY_1));
        let b = c.add(&doc("f2", Some(90_000), FERRY_2));
        assert_ne!(a.story, b.story);
    }

    #[test]
    fn near_duplicates_join_their_original_and_count_once() {
        let copy = FERRY_1
            .replace("hundreds of", "many")
            .replace("winter timetable", "winter");
        let mut c = Clusterer::new(Config::default());
        let a = c.add(&Doc::new("f1", Some(1_000), "Ferry strike", FERRY_1));
        let b = c.add(&Doc::new("f1-wire", Some(1_500), "Island cut off", &copy));
        let d = c.add(&Doc::new("f1-again", Some(2_000), "", FERRY_1));
        assert_eq!(b.duplicate_of.as_deref(), Some("f1"));
        // A copy of a copy still names the group's original.
        assert_eq!(d.duplicate_of.as_deref(), Some("f1"));
        assert!(a.story == b.story && b.story == d.story);
        let s = c.stories().next().expect("one story");
        assert_eq!((s.articles, s.duplicates), (1, 2));
    }

    #[test]
    fn recurring_boilerplate_stands_alone() {
        let notice = "This page is part of an archive of the web. Pages are captured when they are \
            published and the pages they link to are captured with them, so that later readers \
            can follow the links as they were on the day.";
        let cfg = Config {
            recurrence_articles: 2,
            ..Config::default()
        };
        let mut c = Clusterer::new(cfg);
        let first = c.add(&doc("n1", None, notice));
        for (i, t) in [FERRY_1, MUSEUM, BRIDGE].iter().enumerate() {
            c.add(&doc(["x1", "x2", "x3"][i], None, t));
        }
        let again = c.add(&doc("n2", None, notice));
        assert_eq!(again.duplicate_of.as_deref(), Some("n1"));
        assert!(again.new_story);
        assert_ne!(again.story, first.story);
    }

    #[test]
    fn stories_that_prove_one_merge_into_the_older() {
        // Measure how alike the two reports are, then set the join threshold
        // just above it: the second opens a story of its own, and the merge
        // check (which looks at candidates from half the threshold) joins them.
        let mut probe = Clusterer::new(Config::default());
        probe.add(&doc("f1", Some(1_000), FERRY_1));
        let sim = probe.add(&doc("f2", Some(2_000), FERRY_2)).score;
        assert!(sim > 0.0);
        let cfg = Config {
            join_threshold: sim + 0.01,
            merge_threshold: 0.01,
            ..Config::default()
        };
        let mut c = Clusterer::new(cfg);
        let a = c.add(&doc("f1", Some(1_000), FERRY_1));
        let b = c.add(&doc("f2", Some(2_000), FERRY_2));
        assert!(b.new_story);
        assert_eq!(b.merged, vec![(a.story + 1, a.story)]);
        assert_eq!(b.story, a.story);
        assert_eq!(c.active_stories(), 1);
        let mut labels = Labels::new();
        labels.record("f1", &a);
        labels.record("f2", &b);
        assert!(labels.iter().all(|(_, s)| s == a.story));
    }

    #[test]
    fn an_undated_story_sits_at_its_clock_not_anywhere_in_time() {
        // Undated reports arrive while the stream's clock says 2014; a report
        // dated eight years later is placed as if that story were dated 2014.
        // (No content is strong enough here to outweigh the gap.)
        const YEAR: i64 = 365 * 86_400;
        let start = 44 * YEAR;
        let cfg = Config {
            strong_low: 2.0,
            strong_high: 3.0,
            ..Config::default()
        };
        let run = |first: Option<i64>, later: i64| {
            let mut c = Clusterer::new(cfg.clone());
            c.add(&doc("clock", Some(start), MUSEUM));
            let old = c.add(&doc("f1", first, FERRY_1));
            let new = c.add(&doc("f2", Some(later), FERRY_2));
            new.story == old.story
        };
        let years_later = start + 8 * YEAR;
        assert!(!run(None, years_later));
        assert_eq!(run(None, years_later), run(Some(start), years_later));
        // The next day, the same report joins, dated or not.
        assert!(run(None, start + 86_400));
        assert!(run(Some(start), start + 86_400));
    }

    #[test]
    fn the_same_matter_months_later_is_a_new_event() {
        // A rule announced in May and changed in July reads alike, but
        // content alone does not bridge two months.
        const DAY: i64 = 86_400;
        let run = |later: i64| {
            let mut c = Clusterer::new(Config::default());
            let a = c.add(&doc("f1", Some(0), FERRY_1));
            c.add(&doc("m1", Some(later - 60), MUSEUM));
            let b = c.add(&doc("f2", Some(later), FERRY_2));
            a.story == b.story
        };
        assert!(run(DAY));
        assert!(!run(74 * DAY));
    }

    #[test]
    fn idle_stories_age_out() {
        let cfg = Config {
            window_secs: 3_600,
            min_keep_articles: 0,
            ..Config::default()
        };
        let mut c = Clusterer::new(cfg);
        let a = c.add(&doc("f1", Some(0), FERRY_1));
        c.add(&doc("m1", Some(10_000), MUSEUM));
        // The ferry story (and its copy detection) left with the window.
        assert_eq!(c.active_stories(), 1);
        assert_eq!(c.active_articles(), 1);
        let b = c.add(&doc("f2", Some(10_001), FERRY_2));
        assert!(b.new_story);
        assert_ne!(a.story, b.story);
        // A copy of an aged-out article is no longer recognised.
        assert!(
            c.add(&doc("f1-again", Some(10_002), FERRY_1))
                .duplicate_of
                .is_none()
        );
    }

    #[test]
    fn a_clear_follow_up_weeks_later_joins_its_story() {
        const FERRY_END: &str = "Boats to Brekka island sail again this morning. Nordvik \
            Ferries and the Halvorsund crews signed a two-year pay agreement late on Thursday, \
            and the company promised to hire twelve more deckhands before Christmas.";
        const DAY: i64 = 86_400;
        let run = |cfg: Config| {
            let mut c = Clusterer::new(cfg);
            let a = c.add(&doc("f1", Some(0), FERRY_1));
            c.add(&doc("m1", Some(DAY), MUSEUM));
            c.add(&doc("b1", Some(2 * DAY), BRIDGE));
            let b = c.add(&doc("f9", Some(16 * DAY), FERRY_END));
            a.story == b.story
        };
        // Only the follow-up rule may bridge the gap here: no content
        // strength override, and the bar this short report clears.
        let on = Config {
            follow_min: 0.25,
            strong_low: 2.0,
            strong_high: 3.0,
            ..Config::default()
        };
        assert!(run(on.clone()));
        // Without the rule, 16 days of decay would have split it off.
        let off = Config {
            follow_min: f32::INFINITY,
            ..on
        };
        assert!(!run(off));
    }

    #[test]
    fn undated_streams_are_bounded_by_article_count() {
        let cfg = Config {
            max_keep_articles: 2,
            ..Config::default()
        };
        let mut c = Clusterer::new(cfg);
        let texts = [FERRY_1, MUSEUM, BRIDGE, FERRY_2, MUSEUM, BRIDGE, FERRY_1];
        for (i, t) in texts.iter().enumerate() {
            let id = format!("u{i}");
            c.add(&doc(&id, None, t));
            assert!(
                c.active_stories() <= 3,
                "{} live stories",
                c.active_stories()
            );
            assert!(c.active_articles() <= 3);
        }
    }

    #[test]
    fn empty_and_odd_articles_are_handled() {
        let mut c = Clusterer::new(Config::default());
        let a = c.add(&doc("", None, ""));
        let b = c.add(&Doc::new(
            "t",
            Some(i64::MIN),
            "\u{0}\u{202e}",
            "?? ... ''' ’s",
        ));
        let d = c.add(&doc("big", Some(i64::MAX), &"word ".repeat(5_000)));
        assert!(a.new_story && b.new_story && d.new_story);
    }

    /// Unix seconds of a `YYYY-MM-DD` date.
    fn day(s: &str) -> Option<i64> {
        let mut it = s.split('-').map(|p| p.parse::<i64>().ok());
        let (y, m, d) = (it.next()??, it.next()??, it.next()??);
        // Days from the civil calendar (Howard Hinnant's algorithm).
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Some((era * 146_097 + doe - 719_468) * 86_400)
    }

    #[test]
    fn the_seed_articles_are_one_story() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
        let Ok(entries) = std::fs::read_dir(&dir) else {
            return;
        };
        let mut files: Vec<_> = entries.flatten().map(|e| e.path()).collect();
        files.sort();
        let seeds: Vec<(String, Option<i64>, String)> = files
            .iter()
            .filter_map(|p| {
                let text = std::fs::read_to_string(p).ok()?;
                let name = p.file_name()?.to_string_lossy().to_string();
                // Four start with " date YYYY-MM-DD ".
                Some(match text.strip_prefix(" date ") {
                    Some(rest) => (
                        name,
                        rest.get(..10).and_then(day),
                        rest.get(10..)?.to_string(),
                    ),
                    None => (name, None, text),
                })
            })
            .collect();
        assert_eq!(seeds.len(), 5);
        let docs: Vec<Doc> = seeds
            .iter()
            .map(|(id, t, text)| Doc::new(id, *t, "", text))
            .collect();
        let mut c = Clusterer::new(Config::default());
        let mut labels = Labels::new();
        for (d, a) in docs.iter().zip(c.add_batch(&docs)) {
            labels.record(d.id, &a);
        }
        let stories: std::collections::BTreeSet<u64> = labels.iter().map(|(_, s)| s).collect();
        assert_eq!(stories.len(), 1, "{:?}", labels.iter().collect::<Vec<_>>());
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        const WORDS: &[&str] = &[
            "harbour", "strike", "ferry", "union", "island", "museum", "coins", "thieves",
            "bridge", "cracks", "lorries", "council", "budget", "vote", "storm", "flood", "river",
            "school", "teachers", "pay", "election", "mayor", "court", "ruling", "appeal", "fire",
            "factory",
        ];
        const NAMES: &[&str] = &[
            "Solheim", "Merani", "Valmora", "Orvieto", "Brekka", "Linnhe",
        ];

        /// Articles built from word and name indices, with a time slot
        /// (`None`: undated) — unique ids.
        fn articles() -> impl Strategy<Value = Vec<(Option<u8>, Vec<u8>)>> {
            prop::collection::vec(
                (
                    prop::option::of(0u8..4),
                    prop::collection::vec(0u8..40, 5..40),
                ),
                1..30,
            )
        }

        fn text(words: &[u8]) -> String {
            let mut s = String::new();
            for (i, &w) in words.iter().enumerate() {
                let w = w as usize;
                let word = if w < WORDS.len() {
                    WORDS[w]
                } else {
                    NAMES[w % NAMES.len()]
                };
                s.push_str(word);
                s.push_str(if i % 9 == 8 { ". " } else { " " });
            }
            s
        }

        fn run(docs: &[Doc], batch: bool) -> Vec<(String, u64)> {
            let mut c = Clusterer::new(Config::default());
            let mut labels = Labels::new();
            if batch {
                for (d, a) in docs.iter().zip(c.add_batch(docs)) {
                    labels.record(d.id, &a);
                }
            } else {
                for d in docs {
                    labels.record(d.id, &c.add(d));
                }
            }
            let mut out: Vec<(String, u64)> =
                labels.iter().map(|(i, s)| (i.to_string(), s)).collect();
            out.sort();
            out
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(64))]

            #[test]
            fn same_input_same_assignments(arts in articles()) {
                let texts: Vec<(String, Option<i64>, String)> = arts
                    .iter()
                    .enumerate()
                    .map(|(i, (t, w))| (format!("d{i}"), t.map(|t| i64::from(t) * 3_600), text(w)))
                    .collect();
                let docs: Vec<Doc> = texts.iter().map(|(id, t, s)| Doc::new(id, *t, "", s)).collect();
                let mut c1 = Clusterer::new(Config::default());
                let mut c2 = Clusterer::new(Config::default());
                for d in &docs {
                    prop_assert_eq!(c1.add(d), c2.add(d));
                }
            }

            #[test]
            fn order_of_equal_times_does_not_matter(arts in articles(), seed in any::<u64>()) {
                // All dated, few distinct times: many ties.
                let texts: Vec<(String, Option<i64>, String)> = arts
                    .iter()
                    .enumerate()
                    .map(|(i, (t, w))| (format!("d{i}"), Some(i64::from(t.unwrap_or(0)) * 3_600), text(w)))
                    .collect();
                let docs: Vec<Doc> = texts.iter().map(|(id, t, s)| Doc::new(id, *t, "", s)).collect();
                // Time order, with each run of equal times shuffled.
                let mut sorted = docs.clone();
                sorted.sort_by_key(|d| d.time);
                let mut shuffled = sorted.clone();
                let mut state = seed;
                let mut start = 0;
                while start < shuffled.len() {
                    let end = start + shuffled[start..].iter().take_while(|d| d.time == shuffled[start].time).count();
                    for i in (start + 1..end).rev() {
                        state = crate::hash::mix64(state);
                        let j = start + (state % (i - start + 1) as u64) as usize;
                        shuffled.swap(i, j);
                    }
                    start = end;
                }
                prop_assert_eq!(run(&sorted, true), run(&shuffled, true));
                // And a batch in any input order is put in the same order.
                prop_assert_eq!(run(&docs, true), run(&shuffled, true));
            }
        }
    }
}
