//! Turns one article into three sparse, L2-normalised TF-IDF vectors:
//! body terms, title terms and named-entity-ish keys.
//!
//! Entities are capitalised-name runs ("Fred Dunmore", "NASA"): each name
//! word is a key and so is the whole run, so a later "Dunmore" still meets
//! "Fred Dunmore". Sentences written in title case or capitals are skipped
//! for entities, since every word there looks like a name.

use crate::config::Config;
use crate::stopwords::{Table, stopword_hashes};
use crate::story::truncate;
use crate::tokens::{BREAK, CAP, DIGIT, START, Sink, Surface, UPPER, for_each_token};
use crate::vocab::{Case, NO_ENTITY, NO_TERM, Vocab};
use crate::word_table::prefetch;

/// Index of the body-term vector.
pub(crate) const BODY: usize = 0;
/// Index of the title-term vector.
pub(crate) const TITLE: usize = 1;
/// Index of the entity vector.
pub(crate) const ENTITY: usize = 2;
/// Number of vector kinds.
pub(crate) const KINDS: usize = 3;

/// A sparse vector: (feature id, weight), sorted by id.
pub(crate) type Sparse = Vec<(u32, f32)>;

/// One token of an article: its word, with what the hot loops need of the
/// vocabulary's entry copied in, and its case/position flags.
#[derive(Clone, Copy)]
pub(crate) struct Tok {
    /// The term id, or [`NO_TERM`].
    pub term: u32,
    /// The one-word entity key of a capitalised word or figure, or [`NO_ENTITY`].
    pub entity: u32,
    /// The word's hash: its key in the vocabulary, and its shingle value.
    pub hash: u64,
    pub flags: u8,
    /// Letters only.
    pub alpha: bool,
}

/// Reusable buffers for featurising articles, and the latest result.
pub(crate) struct Features {
    /// Tokens of the latest title.
    pub title: Vec<Tok>,
    /// Tokens of the latest body.
    pub body: Vec<Tok>,
    /// The latest article's vectors, normalised, by kind.
    pub vecs: [Sparse; KINDS],
    buf: String,
    touched: [Vec<u32>; KINDS],
    run: Vec<(u64, u32)>,
    /// Lowercased forms of the scanned tokens that are not plain ASCII.
    lowered: String,
    /// Term ids of the part being read, in order (stopwords left out).
    terms: Vec<u32>,
    /// Sentences of the latest article.
    sentences: Vec<Sentence>,
    /// Rank keys for cutting vectors to their caps.
    keys: Vec<u64>,
}

impl Features {
    pub fn new() -> Self {
        Features {
            title: Vec::new(),
            body: Vec::new(),
            vecs: Default::default(),
            buf: String::new(),
            touched: Default::default(),
            run: Vec::new(),
            lowered: String::new(),
            terms: Vec::new(),
            sentences: Vec::new(),
            keys: Vec::new(),
        }
    }

    /// Approximate heap bytes of the buffers.
    pub fn heap_bytes(&self) -> usize {
        let tok = std::mem::size_of::<Tok>();
        (self.title.capacity() + self.body.capacity()) * tok
            + self.vecs.iter().map(|v| v.capacity() * 8).sum::<usize>()
            + self.touched.iter().map(|v| v.capacity() * 4).sum::<usize>()
    }

    /// Featurises one article, updating the vocabulary's document
    /// frequencies, and leaves the vectors in `self.vecs`.
    pub fn build(&mut self, title: &str, text: &str, now: i64, vocab: &mut Vocab, cfg: &Config) {
        self.sentences.clear();
        for (title_part, text, limit) in [
            (true, title, cfg.max_title_tokens),
            (false, text, cfg.max_tokens),
        ] {
            let (out, kind) = if title_part {
                (&mut self.title, TITLE)
            } else {
                (&mut self.body, BODY)
            };
            let mut part = Part {
                vocab: &mut *vocab,
                buf: &mut self.buf,
                lowered: &mut self.lowered,
                terms: &mut self.terms,
                out,
                touched: &mut self.touched[kind],
                title: title_part,
                sentences: &mut self.sentences,
                open: Sentence::default(),
            };
            part.read(text, limit);
        }
        self.entities(vocab, cfg.number_entities);

        // Document frequencies count this article before it is weighted.
        vocab.docs += 1;
        let doc = vocab.docs as u32;
        let half_life = cfg.idf_half_life_secs;
        let recency = half_life > 0.0;
        // This article's recency weight in scaled units (see
        // `Vocab::recent_docs`): one factor per article, not per term.
        let mut scale = 1.0f64;
        if recency && now != i64::MIN {
            let origin = *vocab.recent_origin.get_or_insert(now);
            scale = ((now.saturating_sub(origin).max(0) as f64) / half_life).exp2();
            if scale > 1e24 {
                vocab.rebase(now, scale);
                scale = 1.0;
            }
        }
        let add = scale as f32;
        if recency {
            vocab.recent_docs += scale;
        }
        // (Slices: their bounds stay in registers through the loops.)
        let terms = vocab.term_stat.as_mut_slice();
        for k in [TITLE, BODY] {
            for &term in &self.touched[k] {
                let st = &mut terms[term as usize];
                if st.mark != doc {
                    st.mark = doc;
                    st.df += 1;
                    st.recent += add;
                }
            }
        }
        let entities = vocab.entity_stat.as_mut_slice();
        for &e in &self.touched[ENTITY] {
            let st = &mut entities[e as usize];
            st.df += 1;
            st.mark = doc;
            st.recent += add;
        }
        let caps = [cfg.doc_terms, cfg.doc_title_terms, cfg.doc_entities];
        // A flat prior (as if `idf_prior_docs` earlier articles had held each
        // feature once) keeps the first articles of a stream from treating
        // every shared word as common and every stray word as telling.
        let prior = cfg.idf_prior_docs;
        let ln: &[f32] = &LN;
        // Scaled counts read back at this article's time.
        let unscale = (1.0 / scale) as f32;
        let ln_n = if recency {
            ((vocab.recent_docs / scale) as f32 + prior as f32 + 1.0).ln()
        } else {
            ln_count(ln, vocab.docs + prior + 1)
        };
        let smooth = u64::from(prior > 0) + 1;
        let power = cfg.idf_power;
        // `move`: the loops below keep these few values in registers.
        let weigh = move |tf: f32, df: u32, recent: f32| {
            // Smoothed IDF, ln((n + 1) / (df + 1)) + 1, from cached logarithms.
            let ln_df = if recency {
                (recent * unscale + smooth as f32).ln()
            } else {
                ln_count(ln, u64::from(df) + smooth)
            };
            let idf = ln_n - ln_df + 1.0;
            // The usual powers; spare them the general one.
            let idf = if power == 1.5 {
                idf * idf.sqrt()
            } else if power == 2.0 {
                idf * idf
            } else {
                idf.powf(power)
            };
            // A count is a small whole number: `u32` converts it exactly,
            // and more cheaply than `u64`.
            (1.0 + ln_count(ln, u64::from(tf as u32))) * idf
        };
        for (k, &cap) in caps.iter().enumerate() {
            let out = &mut self.vecs[k];
            out.clear();
            let ids = &self.touched[k];
            // The counts are taken out as they are read: zero for the next article.
            match k {
                ENTITY => weigh_all(out, ids, &mut vocab.entity_stat, weigh, |st| {
                    (std::mem::take(&mut st.tf), st.df, st.recent)
                }),
                TITLE => weigh_all(out, ids, &mut vocab.term_stat, weigh, |st| {
                    (std::mem::take(&mut st.title_tf), st.df, st.recent)
                }),
                _ => weigh_all(out, ids, &mut vocab.term_stat, weigh, |st| {
                    (std::mem::take(&mut st.body_tf), st.df, st.recent)
                }),
            }
            self.touched[k].clear();
            finish(out, cap, &mut self.keys);
        }
    }

    /// Counts entity keys of the title and body into the entity TF table.
    fn entities(&mut self, vocab: &mut Vocab, number_entities: bool) {
        // Tokenizing counted how this article writes its words; headlines
        // (all words capitalised) say nothing about names, so take theirs back.
        for s in &self.sentences {
            let toks = if s.title { &self.title } else { &self.body };
            if s.headline() {
                uncount_case(&toks[s.start as usize..s.end as usize], vocab);
            }
        }
        // ... then read names (and figures) with what the stream knows so far.
        for s in &self.sentences {
            let toks = if s.title { &self.title } else { &self.body };
            sentence_entities(
                &toks[s.start as usize..s.end as usize],
                s.headline(),
                number_entities,
                vocab,
                &mut self.run,
                &mut self.touched[ENTITY],
            );
        }
    }
}

/// A sentence of the article being read: its token range and how many of
/// its content words are capitalised.
#[derive(Clone, Copy, Default)]
pub(crate) struct Sentence {
    title: bool,
    start: u32,
    end: u32,
    content: u32,
    caps: u32,
}

impl Sentence {
    /// Most content words capitalised (a headline in title case, or
    /// shouting): case says nothing about names there.
    fn headline(&self) -> bool {
        self.content >= 3 && self.caps * 10 >= self.content * 7
    }
}

/// Reads one part of an article (title or body) in a single pass: tokens,
/// term counts and sentences.
struct Part<'a> {
    vocab: &'a mut Vocab,
    buf: &'a mut String,
    lowered: &'a mut String,
    terms: &'a mut Vec<u32>,
    out: &'a mut Vec<Tok>,
    touched: &'a mut Vec<u32>,
    title: bool,
    sentences: &'a mut Vec<Sentence>,
    open: Sentence,
}

/// [`Tok::flags`] bit of a scanned token awaiting its vocabulary lookup:
/// its `term` and `entity` hold where its text is (start and end, in the
/// part's text or, with [`LOWERED`], in the lowercased forms). Above the
/// scanner's flags, and cleared by the lookup.
const PENDING: u8 = 0x80;
/// With [`PENDING`]: the text is in the lowercased forms.
const LOWERED: u8 = 0x40;

impl Part<'_> {
    fn read(&mut self, text: &str, limit: usize) {
        self.out.clear();
        self.open = Sentence {
            title: self.title,
            ..Sentence::default()
        };
        let Part {
            vocab,
            buf,
            lowered,
            terms,
            out,
            touched,
            title,
            sentences,
            open,
        } = self;
        // Scan first, look up after: the lookups are likely cache misses,
        // and the scan starts fetching each word's slot a whole part ahead
        // (a few hundred slots stay in cache until their lookup). Tokens
        // are written once, by the scan, and completed in place.
        lowered.clear();
        terms.clear();
        let sink = Scanned {
            base: text.as_ptr() as usize,
            vocab,
            stops: stopword_hashes(),
            out,
            lowered,
        };
        for_each_token(text, limit, buf, sink);
        // Local copies stay in registers through the loop.
        let title = *title;
        let mut cur = *open;
        for (at, tok) in (0u32..).zip(out.iter_mut()) {
            let pending = tok.flags & PENDING != 0;
            if pending {
                lookup(vocab, tok, text, lowered);
            }
            let flags = tok.flags;
            if flags & START != 0 && at > 0 {
                cur.end = at;
                sentences.push(cur);
                cur = Sentence {
                    title,
                    start: at,
                    ..Sentence::default()
                };
            }
            // A function word (complete since the scan) has nothing more
            // to count.
            if !pending {
                continue;
            }
            // Its counts are updated once the part is read.
            if let Some(st) = vocab.term_stat.get(tok.term as usize) {
                prefetch(st);
            }
            if let Some(st) = vocab.entity_stat.get(tok.entity as usize) {
                prefetch(st);
            }
            // Counted without branches: content words and capitals come
            // and go unpredictably.
            let content = tok.alpha & (tok.term != NO_TERM);
            cur.content += u32::from(content);
            cur.caps += u32::from(content & (flags & (CAP | UPPER) != 0));
            if tok.term != NO_TERM {
                terms.push(tok.term);
            }
        }
        *open = cur;
        // Term counts in a loop of their own: each is a likely cache miss,
        // and a tight loop lets the processor wait for several at once.
        // A term's first use is noted without a branch (written always,
        // kept when first).
        let base = touched.len();
        touched.resize(base + terms.len(), 0);
        // Slices, so that their bounds stay in registers through the loop.
        let (stat, room) = (vocab.term_stat.as_mut_slice(), &mut touched[base..]);
        let mut n = 0;
        for &term in terms.iter() {
            if let Some(st) = stat.get_mut(term as usize) {
                let tf = if title {
                    &mut st.title_tf
                } else {
                    &mut st.body_tf
                };
                if let Some(slot) = room.get_mut(n) {
                    *slot = term;
                }
                // Counts are whole numbers from +0.0 up: the first use is
                // the zero bit pattern (an integer test, cheaper).
                n += usize::from(tf.to_bits() == 0);
                *tf += 1.0;
            }
        }
        touched.truncate(base + n);
        if !out.is_empty() {
            open.end = out.len() as u32;
            sentences.push(*open);
        }
    }
}

/// Collects the scanned tokens of a part: function words complete, the
/// others [`PENDING`] their lookup.
struct Scanned<'a> {
    /// Address of the part's text, for ASCII tokens' offsets.
    base: usize,
    vocab: &'a Vocab,
    stops: &'static Table,
    out: &'a mut Vec<Tok>,
    lowered: &'a mut String,
}

impl Sink for Scanned<'_> {
    // Once per token: worth a call less.
    #[inline(always)]
    fn token(&mut self, w: Surface<'_>, hash: u64, flags: u8) {
        // Function words need no vocabulary entry: no term, never a name
        // (unless written as an acronym, "US"). Every other word's slot is
        // fetched now, a whole part ahead of its lookup.
        if (flags & UPPER == 0) & self.stops.contains(hash) {
            self.out.push(Tok {
                term: NO_TERM,
                entity: NO_ENTITY,
                hash,
                flags,
                alpha: true,
            });
            return;
        }
        self.vocab.prefetch_word(hash);
        let (lower, start, end) = match w {
            // ASCII runs are slices of `text`: keep their offsets.
            Surface::Ascii(b) => {
                let start = (b.as_ptr() as usize).wrapping_sub(self.base);
                (0, start, start + b.len())
            }
            Surface::Lower(l) => {
                let start = self.lowered.len();
                self.lowered.push_str(l);
                (LOWERED, start, self.lowered.len())
            }
        };
        self.out.push(Tok {
            term: start as u32,
            entity: end as u32,
            hash,
            flags: flags | PENDING | lower,
            alpha: false,
        });
    }
}

/// Completes a [`PENDING`] token from the vocabulary (interning its word
/// on first sight).
#[inline]
fn lookup(vocab: &mut Vocab, tok: &mut Tok, text: &str, lowered: &str) {
    let flags = tok.flags & !(PENDING | LOWERED);
    let (start, end) = (tok.term as usize, tok.entity as usize);
    let lower = tok.flags & LOWERED != 0;
    // The text is only read for a word never seen before.
    let surface = || {
        if lower {
            Surface::Lower(lowered.get(start..end).unwrap_or(""))
        } else {
            Surface::Ascii(text.as_bytes().get(start..end).unwrap_or(&[]))
        }
    };
    let named = flags & (CAP | UPPER | DIGIT) != 0;
    let info = vocab.word_with_case(surface, tok.hash, case_use(flags), named);
    tok.term = info.term;
    tok.entity = if named { info.entity } else { NO_ENTITY };
    tok.flags = flags;
    tok.alpha = info.alpha;
}

/// Appends `(id, weigh(tf, df))` for each id, with `count` taking the
/// feature's `(tf, df)` out of its entry in `stat`: one loop, monomorphised
/// per kind, writing without a capacity check per entry.
#[inline(always)]
fn weigh_all<S>(
    out: &mut Sparse,
    ids: &[u32],
    stat: &mut [S],
    weigh: impl Fn(f32, u32, f32) -> f32,
    count: impl Fn(&mut S) -> (f32, u32, f32),
) {
    out.extend(ids.iter().map(|&id| {
        let (tf, df, recent) = count(&mut stat[id as usize]);
        (id, weigh(tf, df, recent))
    }));
}

/// Natural logarithms of small counts, computed once.
static LN: std::sync::LazyLock<Vec<f32>> = std::sync::LazyLock::new(|| {
    (0..4096)
        .map(|i: u32| if i == 0 { 0.0 } else { (i as f32).ln() })
        .collect()
});

/// `ln(x)` for a count (0 for 0), from `table` ([`LN`], passed in so that
/// a hot loop checks once that it is built) when small.
#[inline]
fn ln_count(table: &[f32], x: u64) -> f32 {
    match table.get(x as usize) {
        Some(&v) => v,
        None => (x as f32).ln(),
    }
}

/// Keeps the `cap` heaviest entries, sorts by id and L2-normalises.
pub(crate) fn finish(v: &mut Sparse, cap: usize, keys: &mut Vec<u64>) {
    // Ties broken by id so truncation is deterministic.
    truncate(v, cap, keys);
    // Sorted as plain integers, id above weight bits (ids are distinct):
    // several times cheaper than sorting pairs by a key.
    keys.clear();
    keys.extend(
        v.iter()
            .map(|&(id, w)| (u64::from(id) << 32) | u64::from(w.to_bits())),
    );
    keys.sort_unstable();
    v.clear();
    v.extend(
        keys.iter()
            .map(|&k| ((k >> 32) as u32, f32::from_bits(k as u32))),
    );
    let norm = v.iter().map(|e| e.1 * e.1).sum::<f32>().sqrt();
    if norm > 0.0 {
        for e in v.iter_mut() {
            e.1 /= norm;
        }
    }
}

/// Whether a token may be part of a name: capitalised letters, and not a
/// function word unless written as an acronym ("US", "WHO").
fn nameish(t: Tok) -> bool {
    t.alpha && (t.flags & UPPER != 0 || (t.flags & CAP != 0 && t.term != NO_TERM))
}

/// Takes back the case counts of a headline's words.
fn uncount_case(sentence: &[Tok], vocab: &mut Vocab) {
    for &t in sentence {
        let case = case_use(t.flags);
        if t.alpha && (case.lower | case.mid_cap) {
            vocab.unsee_case(t.hash, case.mid_cap);
        }
    }
}

/// What a token says about its word's usual case: capitalised inside a
/// sentence, lowercase, or nothing (sentence start, all capitals). Only
/// letter words are counted ([`Vocab::word_with_case`] sees digits too, but
/// their counts are never read).
#[inline]
fn case_use(flags: u8) -> Case {
    // Computed without branches: the flags vary token by token.
    Case {
        lower: flags & (UPPER | CAP) == 0,
        mid_cap: flags & (UPPER | CAP | START) == CAP,
    }
}

/// Finds capitalised-name runs in one sentence and counts their keys.
fn sentence_entities(
    sentence: &[Tok],
    headline: bool,
    numbers: bool,
    vocab: &mut Vocab,
    run: &mut Vec<(u64, u32)>,
    touched: &mut Vec<u32>,
) {
    run.clear();
    let mut hashes = [0u64; 4];
    let mut flush = |run: &mut Vec<(u64, u32)>, vocab: &mut Vocab, touched: &mut Vec<u32>| {
        for &(_, e) in run.iter() {
            vocab.count_entity(e, touched);
        }
        if run.len() >= 2 {
            let n = run.len().min(hashes.len());
            for (h, &(w, _)) in hashes.iter_mut().zip(run.iter()) {
                *h = w;
            }
            let e = vocab.entity(&hashes[..n]);
            vocab.count_entity(e, touched);
        }
        run.clear();
    };
    for &t in sentence {
        // Most words: lowercase, no figure. They only end a run.
        if t.flags & (CAP | UPPER | DIGIT) == 0 {
            if !run.is_empty() {
                flush(run, vocab, touched);
            }
            continue;
        }
        if !nameish(t) {
            flush(run, vocab, touched);
            // Figures (ages, tolls, magnitudes, years) tell events of one kind apart.
            if numbers && t.flags & DIGIT != 0 {
                vocab.count_entity(t.entity, touched);
            }
            continue;
        }
        if t.flags & BREAK != 0 {
            flush(run, vocab, touched);
        }
        // Inside running text a capital is enough (unless the word is
        // usually lowercase); at a sentence start or in a title-case headline
        // the word must be known as a name from elsewhere.
        let trusted = t.flags & UPPER != 0 || {
            let (lower, mid_cap) = vocab.case_counts(t.hash);
            let known = mid_cap > lower;
            if headline || t.flags & START != 0 {
                known
            } else {
                known || lower == 0
            }
        };
        if !trusted {
            flush(run, vocab, touched);
            continue;
        }
        run.push((t.hash, t.entity));
    }
    flush(run, vocab, touched);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entity_keys(text: &str) -> usize {
        let mut vocab = Vocab::new();
        let mut f = Features::new();
        f.build("", text, 0, &mut vocab, &Config::default());
        f.vecs[ENTITY].len()
    }

    #[test]
    fn words_common_lately_weigh_less_than_once_common_ones() {
        const DAY: i64 = 86_400;
        let cfg = Config {
            idf_half_life_secs: 30.0 * DAY as f64,
            ..Config::default()
        };
        // The lighter of the article's two words against the heavier one.
        let balance = |f: &Features| -> f32 {
            let w: Vec<f32> = f.vecs[BODY].iter().map(|&(_, x)| x).collect();
            assert_eq!(w.len(), 2);
            w[0].min(w[1]) / w[0].max(w[1])
        };
        let probe = "Halvorsund Castellan";
        let mut f = Features::new();
        // "Halvorsund" is in every article of the last two days ...
        let mut busy = Vocab::new();
        for i in 0..40 {
            let text = format!("Halvorsund crews met, report {i}.");
            f.build("", &text, i * 3_600, &mut busy, &cfg);
        }
        f.build("", probe, 41 * 3_600, &mut busy, &cfg);
        let now_common = balance(&f);
        // ... while in another stream it was, a year ago.
        let mut quiet = Vocab::new();
        for i in 0..40 {
            let text = format!("Halvorsund crews met, report {i}.");
            f.build("", &text, i * 3_600, &mut quiet, &cfg);
        }
        for i in 0..40 {
            let text = format!("Valmora bridge works, report {i}.");
            f.build("", &text, 365 * DAY + i, &mut quiet, &cfg);
        }
        f.build("", probe, 366 * DAY, &mut quiet, &cfg);
        let once_common = balance(&f);
        assert!(
            once_common > now_common * 1.5,
            "{once_common} vs {now_common}"
        );
    }

    #[test]
    fn names_runs_and_sentence_starts() {
        // "Marta Olsen" gives marta, olsen and the pair; "Tromsø" one more;
        // "Yesterday" none, being written in lowercase too.
        let text = "Yesterday Marta Olsen visited the old harbour in Tromsø with friends. \
                    It rained yesterday.";
        assert_eq!(entity_keys(text), 4);
        // A sentence-initial name is recognised once it is seen mid-sentence.
        let text = "Olsen spoke first at the meeting. Then came a long reply from Olsen.";
        assert_eq!(entity_keys(text), 1);
        assert_eq!(entity_keys("Yesterday it rained."), 0);
        // Title case: only words known as names count.
        assert_eq!(entity_keys("Big Storm Hits Small Coastal Town"), 0);
        let text = "Storm Hits Tromsø. Heavy rain hit the town of Tromsø this morning.";
        assert_eq!(entity_keys(text), 1);
    }

    #[test]
    fn vectors_are_normalised_and_sorted() {
        let mut vocab = Vocab::new();
        let mut f = Features::new();
        f.build(
            "Harbour crane collapses",
            "A crane collapsed at the harbour in Lisbon on Monday.",
            0,
            &mut vocab,
            &Config::default(),
        );
        for k in 0..KINDS {
            let v = &f.vecs[k];
            assert!(v.windows(2).all(|w| w[0].0 < w[1].0));
            if !v.is_empty() {
                let n: f32 = v.iter().map(|e| e.1 * e.1).sum();
                assert!((n - 1.0).abs() < 1e-4);
            }
        }
        assert_eq!(vocab.docs, 1);
    }
}
