//! The vocabulary: interned surface words, their stems (terms) and entity
//! keys, with streaming document frequencies.
//!
//! Words and stems are keyed by 64-bit hashes rather than strings: lookups
//! compare one integer, and the tables hold no per-word allocations (two
//! different words sharing a 64-bit hash is a risk of about one in 10^7 even
//! for a billion-word vocabulary, and would only merge two terms). Each
//! distinct surface form is stemmed once, on first sight.

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::hash::combine;
use crate::stopwords::stopword_hashes;
use crate::tokens::{Surface, token_hash};
use crate::word_table::WordTable;

/// Marks a word without a term (a stopword).
pub(crate) const NO_TERM: u32 = u32::MAX;
/// Marks a word not (yet) given an entity key.
pub(crate) const NO_ENTITY: u32 = u32::MAX;

/// What is cached about one surface word (keyed by its hash).
#[derive(Clone, Copy, Serialize, Deserialize)]
pub(crate) struct Word {
    /// The term (stem) id, or [`NO_TERM`] for stopwords.
    pub term: u32,
    /// Its entity key as a one-word name, given when first written with a
    /// capital (or as a figure); [`NO_ENTITY`] before.
    pub entity: u32,
    /// Times seen in lowercase in running text.
    pub lower: u16,
    /// Times seen capitalised inside a sentence (not at its start, not in a
    /// title-case headline): together with `lower`, whether it is a name.
    pub mid_cap: u16,
    /// Letters only (no digits): may be part of a name.
    pub alpha: bool,
}

/// A term's document frequency, with the current article's counts beside
/// it so that counting a rare term costs one cache miss, not four.
#[derive(Clone, Copy, Default, Serialize, Deserialize)]
pub(crate) struct TermStat {
    /// Documents containing the term (title or body).
    pub df: u32,
    /// The last document counted in `df` (wrapping; it only has to differ
    /// from the current one).
    pub mark: u32,
    /// Documents containing the term, each weighted by how recent it is
    /// (see [`Config::idf_half_life_secs`](crate::Config)), in the scaled
    /// units of [`Vocab::recent_origin`].
    pub recent: f32,
    /// Occurrences in the current article's body.
    pub body_tf: f32,
    /// Occurrences in the current article's title.
    pub title_tf: f32,
}

/// An entity key's document frequency and the current article's count.
#[derive(Clone, Copy, Default, Serialize, Deserialize)]
pub(crate) struct EntityStat {
    /// Documents containing the key.
    pub df: u32,
    /// The last document that contained it (wrapping, like [`TermStat::mark`]).
    pub mark: u32,
    /// Recency-weighted document count, as for [`TermStat::recent`].
    pub recent: f32,
    /// Occurrences in the current article.
    pub tf: f32,
}

/// Interned words, terms and entities with their document frequencies.
#[derive(Serialize, Deserialize)]
pub(crate) struct Vocab {
    /// Everything the token loop needs sits in the map's value, so a token
    /// costs one probe.
    words: WordTable,
    stems: FxHashMap<u64, u32>,
    /// The first surface form seen for each term, for display: one string
    /// with an end offset per term.
    term_text: String,
    term_spans: Vec<(u32, u32)>,
    /// Per term: document frequency and the current article's counts.
    pub term_stat: Vec<TermStat>,
    entities: FxHashMap<u64, u32>,
    /// Per entity key: document frequency and the current article's count.
    pub entity_stat: Vec<EntityStat>,
    /// Documents seen.
    pub docs: u64,
    /// Documents seen, each weighted by how recent it is, in scaled units.
    ///
    /// Recency weights decay lazily: an article counted at time `t` adds
    /// `2^((t - origin) / half_life)` rather than 1, and a count is read at
    /// time `now` by dividing by the same factor for `now`. No per-term
    /// timestamp is kept and nothing is touched when time moves; when the
    /// factor grows large every count is rescaled once (see `rebase`).
    pub recent_docs: f64,
    /// Stream time the scaled recency counts are relative to (`None` until
    /// the stream has a clock).
    pub recent_origin: Option<i64>,
    /// Term and entity ids given back by [`Vocab::prune`], reused first.
    free_terms: Vec<u32>,
    free_entities: Vec<u32>,
    #[serde(skip, default = "english")]
    stemmer: Stemmer,
    /// Scratch for a new word's lowercased form.
    #[serde(skip)]
    lower: String,
}

/// A fresh entity id: a freed one first, else a new one at the end.
#[cold]
fn new_entity(free: &mut Vec<u32>, stat: &mut Vec<EntityStat>) -> u32 {
    match free.pop() {
        Some(e) => e,
        None => {
            stat.push(EntityStat::default());
            (stat.len() - 1) as u32
        }
    }
}

/// How one running-text use of a word is written: in lowercase, or
/// capitalised inside a sentence (not at its start, not in capitals); or
/// neither, which says nothing.
#[derive(Clone, Copy, Default)]
pub(crate) struct Case {
    pub lower: bool,
    pub mid_cap: bool,
}

/// What the token loop needs of a word: its term, its entity key and
/// whether it is letters only (see [`Word`]).
#[derive(Clone, Copy)]
pub(crate) struct Found {
    pub term: u32,
    pub entity: u32,
    pub alpha: bool,
}

/// The stemmer every vocabulary uses.
fn english() -> Stemmer {
    Stemmer::create(Algorithm::English)
}

impl Vocab {
    pub fn new() -> Self {
        Vocab {
            words: WordTable::default(),
            stems: FxHashMap::default(),
            term_text: String::new(),
            term_spans: Vec::new(),
            free_terms: Vec::new(),
            free_entities: Vec::new(),
            term_stat: Vec::new(),
            entities: FxHashMap::default(),
            entity_stat: Vec::new(),
            docs: 0,
            recent_docs: 0.0,
            recent_origin: None,
            stemmer: english(),
            lower: String::new(),
        }
    }

    /// Divides every scaled recency count by `by` and moves the origin to
    /// `now`: keeps the scaled counts within `f32` range as time goes on.
    pub fn rebase(&mut self, now: i64, by: f64) {
        let inv = (1.0 / by) as f32;
        for st in &mut self.term_stat {
            st.recent *= inv;
        }
        for st in &mut self.entity_stat {
            st.recent *= inv;
        }
        self.recent_docs /= by;
        self.recent_origin = Some(now);
    }

    /// The entry of a lowercased surface form with its hash, interning it
    /// on first sight.
    #[cfg(test)]
    pub fn word(&mut self, surface: &str, hash: u64) -> Word {
        if let Some(&w) = self.words.get(hash) {
            return w;
        }
        self.intern(surface, hash)
    }

    /// Like [`Vocab::word`], in the same probe also counting the case of a
    /// running-text use (see [`Case`]) and, when `named`, making sure the
    /// word has a one-word entity key.
    ///
    /// `surface` gives the word's text, only wanted on first sight.
    #[inline]
    pub fn word_with_case<'s>(
        &mut self,
        surface: impl FnOnce() -> Surface<'s>,
        hash: u64,
        case: Case,
        named: bool,
    ) -> Found {
        match self.count_use(hash, case, named) {
            Some(found) => found,
            None => self.new_word_with_case(surface(), hash, case, named),
        }
    }

    /// Counts a use of the word with this hash, when it is known, and
    /// returns what the token loop needs of it (three fields: cheaper than
    /// copying the whole entry out).
    #[inline]
    fn count_use(&mut self, hash: u64, case: Case, named: bool) -> Option<Found> {
        let w = self.words.get_mut(hash)?;
        // Counted without a branch: a word's case is a coin toss.
        w.mid_cap = w.mid_cap.saturating_add(u16::from(case.mid_cap));
        w.lower = w.lower.saturating_add(u16::from(case.lower));
        if named && w.entity == NO_ENTITY {
            w.entity = new_entity(&mut self.free_entities, &mut self.entity_stat);
        }
        Some(Found {
            term: w.term,
            entity: w.entity,
            alpha: w.alpha,
        })
    }

    /// [`Vocab::word_with_case`] for a word not seen before: interns it,
    /// then counts as for a known one. Kept out of line so that the common
    /// case stays small enough to inline.
    #[cold]
    #[inline(never)]
    fn new_word_with_case(
        &mut self,
        surface: Surface<'_>,
        hash: u64,
        case: Case,
        named: bool,
    ) -> Found {
        let mut lower = std::mem::take(&mut self.lower);
        surface.write_lower(&mut lower);
        self.intern(&lower, hash);
        self.lower = lower;
        self.count_use(hash, case, named).unwrap_or(Found {
            term: NO_TERM,
            entity: NO_ENTITY,
            alpha: false,
        })
    }

    #[cold]
    fn intern(&mut self, surface: &str, hash: u64) -> Word {
        let alpha = surface.chars().all(char::is_alphabetic);
        // The hash stands for the word here as everywhere in the vocabulary.
        let term = if stopword_hashes().contains(hash) {
            NO_TERM
        } else {
            // The stemmer only knows English letters; other forms are their own term.
            let stem: std::borrow::Cow<str> = if surface.bytes().all(|b| b.is_ascii_lowercase()) {
                self.stemmer.stem(surface)
            } else {
                surface.into()
            };
            let key = token_hash(&stem);
            match self.stems.get(&key) {
                Some(&t) => t,
                None => {
                    let start = self.term_text.len() as u32;
                    self.term_text.push_str(surface);
                    let span = (start, self.term_text.len() as u32);
                    let t = match self.free_terms.pop() {
                        Some(t) => {
                            self.term_spans[t as usize] = span;
                            t
                        }
                        None => {
                            self.term_spans.push(span);
                            self.term_stat.push(TermStat::default());
                            (self.term_stat.len() - 1) as u32
                        }
                    };
                    self.stems.insert(key, t);
                    t
                }
            }
        };
        let w = Word {
            term,
            entity: NO_ENTITY,
            lower: 0,
            mid_cap: 0,
            alpha,
        };
        self.words.insert(hash, w);
        w
    }

    /// Hints that the entry of word `hash` is about to be looked up.
    #[inline]
    pub fn prefetch_word(&self, hash: u64) {
        self.words.prefetch(hash);
    }

    /// Takes back one counted use of a word's case (see
    /// [`Vocab::word_with_case`]).
    #[inline]
    pub fn unsee_case(&mut self, word: u64, capitalised: bool) {
        let Some(w) = self.words.get_mut(word) else {
            return;
        };
        if capitalised {
            w.mid_cap = w.mid_cap.saturating_sub(1);
        } else {
            w.lower = w.lower.saturating_sub(1);
        }
    }

    /// A word's case counts: (lowercase uses, capitalised uses inside
    /// sentences); zeros for an unknown word.
    #[inline]
    pub fn case_counts(&self, word: u64) -> (u16, u16) {
        self.words
            .get(word)
            .map_or((0, 0), |w| (w.lower, w.mid_cap))
    }

    /// Counts one occurrence of an entity key in the current article,
    /// noting it in `touched` on its first.
    #[inline]
    pub fn count_entity(&mut self, e: u32, touched: &mut Vec<u32>) {
        if let Some(st) = self.entity_stat.get_mut(e as usize) {
            if st.tf == 0.0 {
                touched.push(e);
            }
            st.tf += 1.0;
        }
    }

    /// The entity id for a name of several words, given by their hashes
    /// (one-word names have theirs in [`Word::entity`]).
    pub fn entity(&mut self, words: &[u64]) -> u32 {
        let mut key = 0x5EED_u64;
        for &w in words {
            key = combine(key, w);
        }
        if let Some(&id) = self.entities.get(&key) {
            return id;
        }
        let id = new_entity(&mut self.free_entities, &mut self.entity_stat);
        self.entities.insert(key, id);
        id
    }

    /// Forgets rare terms and entity keys not seen for more than `age`
    /// documents and not `in_use` (by kind: `in_use.0` terms, `.1` entity
    /// keys), so the vocabulary follows the stream instead of growing with
    /// it. Their ids are reused; the words that led to them are dropped.
    pub fn prune(&mut self, age: u64, max_df: u32, in_use: (&[bool], &[bool])) {
        let now = self.docs as u32;
        let old = |mark: u32| u64::from(now.wrapping_sub(mark)) > age;
        let mut gone_terms = vec![false; self.term_stat.len()];
        let mut free = std::mem::take(&mut self.free_terms);
        for &t in &free {
            gone_terms[t as usize] = true;
        }
        for (t, st) in self.term_stat.iter_mut().enumerate() {
            if !gone_terms[t]
                && st.df <= max_df
                && old(st.mark)
                && !in_use.0.get(t).copied().unwrap_or(false)
            {
                gone_terms[t] = true;
                *st = TermStat::default();
                self.term_spans[t] = (0, 0);
                free.push(t as u32);
            }
        }
        let mut gone_entities = vec![false; self.entity_stat.len()];
        let mut free_e = std::mem::take(&mut self.free_entities);
        for &e in &free_e {
            gone_entities[e as usize] = true;
        }
        for (e, st) in self.entity_stat.iter_mut().enumerate() {
            if !gone_entities[e]
                && st.df <= max_df
                && old(st.mark)
                && !in_use.1.get(e).copied().unwrap_or(false)
            {
                gone_entities[e] = true;
                *st = EntityStat::default();
                free_e.push(e as u32);
            }
        }
        // Reused lowest first, so ids stay dense.
        free.sort_unstable_by(|a, b| b.cmp(a));
        free_e.sort_unstable_by(|a, b| b.cmp(a));
        self.free_terms = free;
        self.free_entities = free_e;
        let term_gone =
            |t: u32| t != NO_TERM && gone_terms.get(t as usize).copied().unwrap_or(true);
        let entity_gone =
            |e: u32| e != NO_ENTITY && gone_entities.get(e as usize).copied().unwrap_or(true);
        self.words.retain(|w| {
            if term_gone(w.term) {
                return false;
            }
            if entity_gone(w.entity) {
                w.entity = NO_ENTITY;
            }
            true
        });
        self.stems.retain(|_, t| !term_gone(*t));
        self.entities.retain(|_, e| !entity_gone(*e));
        // Compact the display texts of the terms that remain.
        let mut text = String::with_capacity(self.term_text.len() / 2);
        for span in &mut self.term_spans {
            let s = self
                .term_text
                .get(span.0 as usize..span.1 as usize)
                .unwrap_or("");
            let start = text.len() as u32;
            text.push_str(s);
            *span = (start, text.len() as u32);
        }
        self.term_text = text;
    }

    /// Approximate heap bytes.
    pub fn heap_bytes(&self) -> usize {
        use crate::memory::map_bytes;
        self.words.heap_bytes()
            + map_bytes::<u64, u32>(self.stems.capacity())
            + self.term_text.capacity()
            + self.term_spans.capacity() * 8
            + (self.free_terms.capacity() + self.free_entities.capacity()) * 4
            + self.term_stat.capacity() * std::mem::size_of::<TermStat>()
            + map_bytes::<u64, u32>(self.entities.capacity())
            + self.entity_stat.capacity() * std::mem::size_of::<EntityStat>()
    }

    /// Whether a vocabulary read back from storage is consistent: every id
    /// it hands out is in range, so no later lookup can fail.
    pub fn valid(&self) -> bool {
        let (terms, entities) = (self.term_stat.len(), self.entity_stat.len());
        let term_ok = |t: u32| t == NO_TERM || (t as usize) < terms;
        let entity_ok = |e: u32| e == NO_ENTITY || (e as usize) < entities;
        self.words.valid(|w| term_ok(w.term) && entity_ok(w.entity))
            && self.stems.values().all(|&t| (t as usize) < terms)
            && self.entities.values().all(|&e| (e as usize) < entities)
            && self.term_spans.len() == terms
            && self.term_spans.iter().all(|&(a, b)| {
                a <= b
                    && self.term_text.is_char_boundary(a as usize)
                    && self.term_text.is_char_boundary(b as usize)
            })
            && self.free_terms.iter().all(|&t| (t as usize) < terms)
            && self.free_entities.iter().all(|&e| (e as usize) < entities)
            && terms < NO_TERM as usize
            && entities < NO_ENTITY as usize
    }

    /// How many terms exist (the bound of term ids).
    pub fn terms(&self) -> usize {
        self.term_stat.len()
    }

    /// How many entity keys exist (the bound of entity ids).
    pub fn entities(&self) -> usize {
        self.entity_stat.len()
    }

    /// A readable form of a term.
    pub fn term_text(&self, term: u32) -> &str {
        let (a, b) = self
            .term_spans
            .get(term as usize)
            .copied()
            .unwrap_or((0, 0));
        self.term_text.get(a as usize..b as usize).unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(v: &mut Vocab, s: &str) -> (u64, Word) {
        let h = token_hash(s);
        (h, v.word(s, h))
    }

    #[test]
    fn stems_share_terms_and_stopwords_have_none() {
        let mut v = Vocab::new();
        let (ha, a) = word(&mut v, "elections");
        let (hb, b) = word(&mut v, "election");
        assert_ne!(ha, hb);
        assert_eq!(a.term, b.term);
        assert_eq!(v.term_text(a.term), "elections");
        assert_eq!(word(&mut v, "the").1.term, NO_TERM);
        assert_eq!(word(&mut v, "elections").1.term, a.term);
        let e1 = v.entity(&[ha, hb]);
        let e2 = v.entity(&[hb, ha]);
        assert_ne!(e1, e2);
        assert_eq!(v.entity(&[ha, hb]), e1);
        assert!(!word(&mut v, "5.9").1.alpha);
        let mid_cap = Case {
            lower: false,
            mid_cap: true,
        };
        v.word_with_case(|| Surface::Lower("elections"), ha, mid_cap, false);
        assert_eq!(v.case_counts(ha), (0, 1));
        let lower = Case {
            lower: true,
            mid_cap: false,
        };
        assert_ne!(
            v.word_with_case(|| Surface::Ascii(b"Elections"), ha, lower, true)
                .entity,
            NO_ENTITY
        );
        assert_eq!(v.case_counts(ha), (1, 1));
        v.unsee_case(ha, false);
        assert_eq!(v.case_counts(ha), (0, 1));
    }

    #[test]
    fn tokenizer_and_vocab_hash_alike() {
        let mut buf = String::new();
        let mut seen = Vec::new();
        crate::tokens::for_each_token(
            "Zürich 5.9 Word",
            10,
            &mut buf,
            |t: Surface<'_>, h: u64, _: u8| {
                let mut s = String::new();
                t.write_lower(&mut s);
                seen.push((s, h))
            },
        );
        for (t, h) in seen {
            assert_eq!(token_hash(&t), h, "{t}");
        }
    }

    #[test]
    fn pruning_forgets_stale_rare_words_and_reuses_their_ids() {
        let mut v = Vocab::new();
        let (hk, kept) = word(&mut v, "harbour");
        let (hg, gone) = word(&mut v, "quayside");
        let e = v.entity(&[hk, hg]);
        // Both seen once, in document 1; then 100 quiet documents.
        v.docs = 1;
        for t in [kept.term, gone.term] {
            v.term_stat[t as usize].df = 1;
            v.term_stat[t as usize].mark = 1;
        }
        v.entity_stat[e as usize] = EntityStat {
            df: 1,
            mark: 1,
            tf: 0.0,
            ..EntityStat::default()
        };
        v.docs = 101;
        let mut terms = vec![false; v.terms()];
        terms[kept.term as usize] = true;
        v.prune(50, 5, (&terms, &[]));
        assert!(v.valid());
        assert_eq!(v.term_text(kept.term), "harbour");
        assert_eq!(v.term_text(gone.term), "");
        assert_eq!(word(&mut v, "harbour").1.term, kept.term);
        // A new word takes the freed term id, and the freed entity id.
        let (_, fresh) = word(&mut v, "lighthouse");
        assert_eq!(fresh.term, gone.term);
        assert_eq!(v.term_text(fresh.term), "lighthouse");
        assert_eq!(v.entity(&[hg, hk]), e);
        // Recent words stay whatever their counts.
        let before = v.terms();
        v.prune(1_000, 5, (&[], &[]));
        assert_eq!(word(&mut v, "lighthouse").1.term, fresh.term);
        assert_eq!(v.terms(), before);
    }
}
