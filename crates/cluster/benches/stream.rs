//! Throughput and memory of dedup + clustering on a synthetic news stream.
//!
//! `cargo bench -p storyline-cluster --bench stream -- 1000000`
//!
//! The stream spans a year. Stories start as a Poisson process; their sizes
//! follow a discrete power law (exponent 2.2, most stories are one or two
//! articles, a few run to hundreds) and bigger stories last longer. Each
//! story has its own capitalised names and topic words (both Zipf-drawn
//! from pools of 300,000 names and 60,000 words); article bodies
//! (~300 words) mix Zipf-distributed background words (function words at
//! the top of the ranking) with the story's words, names and figures; about
//! one article in twenty is a lightly edited copy of an earlier one of its
//! story (syndication). Only `Clusterer::add` is timed; text generation is
//! not. Memory is the process's peak resident set (VmHWM) over the resident
//! set before the first article, divided by the articles in the active
//! window at that point.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::time::{Duration, Instant};

use storyline_cluster::{Clusterer, Config, Doc};

/// Seconds in the simulated year.
const YEAR: f64 = 365.0 * 86_400.0;
/// Background vocabulary size.
const VOCAB: usize = 60_000;
/// Body length around which articles vary.
const WORDS: usize = 300;

/// A small deterministic generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn exp(&mut self, mean: f64) -> f64 {
        -mean * (1.0 - self.unit()).ln()
    }
}

/// Samples ranks from a Zipf law by inverting its cumulative table.
struct Zipf {
    cdf: Vec<f64>,
}

impl Zipf {
    fn new(n: usize, s: f64) -> Self {
        let mut cdf = Vec::with_capacity(n);
        let mut sum = 0.0;
        for k in 1..=n {
            sum += 1.0 / (k as f64).powf(s);
            cdf.push(sum);
        }
        for c in &mut cdf {
            *c /= sum;
        }
        Zipf { cdf }
    }
    fn sample(&self, rng: &mut Rng) -> usize {
        let u = rng.unit();
        self.cdf.partition_point(|&c| c < u).min(self.cdf.len() - 1)
    }
}

const FUNCTION_WORDS: &[&str] = &[
    "the", "of", "and", "to", "a", "in", "is", "that", "for", "it", "as", "was", "with", "on",
    "he", "by", "at", "said", "from", "his", "an", "be", "has", "have", "are", "this", "but",
    "they", "not", "were", "had", "after", "who", "their", "been", "its", "will", "which", "she",
    "more", "we", "there", "about", "when", "would", "also", "or", "than", "new", "into", "over",
    "two",
];

const SYLLABLES: &[&str] = &[
    "ka", "lo", "mer", "ti", "san", "vo", "rel", "du", "pa", "ne", "stor", "ith", "ga", "ben",
    "ul", "ri", "mo", "tas", "en", "ko", "lar", "vi", "dre", "om", "sel", "pu", "nar", "ez", "fo",
    "ham",
];

/// A pronounceable pseudo-word for an index (distinct per index).
fn make_word(mut i: usize, out: &mut String) {
    out.clear();
    let n = SYLLABLES.len();
    loop {
        out.push_str(SYLLABLES[i % n]);
        i /= n;
        if i == 0 {
            break;
        }
        i -= 1;
    }
}

/// One story of the simulated stream.
struct Story {
    names: Vec<String>,
    topic: Vec<usize>,
    /// Articles still to come.
    left: u32,
    /// Mean gap between its articles (seconds).
    gap: f64,
    /// Seed of its first article, for syndicated copies.
    first_seed: Option<u64>,
}

/// Builds an article's title and body into the buffers.
struct Writer {
    vocab: Vec<String>,
    zipf: Zipf,
    topic_zipf: Zipf,
    word: String,
}

impl Writer {
    fn new() -> Self {
        let mut vocab: Vec<String> = FUNCTION_WORDS.iter().map(|w| w.to_string()).collect();
        let mut w = String::new();
        let mut i = 0;
        while vocab.len() < VOCAB {
            make_word(i + 1000, &mut w);
            vocab.push(w.clone());
            i += 1;
        }
        Writer {
            vocab,
            zipf: Zipf::new(VOCAB, 1.07),
            topic_zipf: Zipf::new(16, 0.8),
            word: String::new(),
        }
    }

    fn write(
        &mut self,
        story: &Story,
        seed: u64,
        edit: bool,
        title: &mut String,
        body: &mut String,
    ) {
        let mut rng = Rng(seed);
        title.clear();
        body.clear();
        for i in 0..8 {
            let w = if i % 3 == 0 {
                &story.names[rng.below(story.names.len())]
            } else {
                &self.vocab[story.topic[self.topic_zipf.sample(&mut rng) % story.topic.len()]]
            };
            if !title.is_empty() {
                title.push(' ');
            }
            title.push_str(w);
        }
        let len = WORDS / 2 + rng.below(WORDS);
        let mut sentence = 0;
        for i in 0..len {
            let r = rng.unit();
            let start = sentence == 0;
            if r < 0.58 {
                let w = &self.vocab[self.zipf.sample(&mut rng)];
                push_word(body, w, start);
            } else if r < 0.85 {
                let w =
                    &self.vocab[story.topic[self.topic_zipf.sample(&mut rng) % story.topic.len()]];
                push_word(body, w, start);
            } else if r < 0.97 {
                body.push(' ');
                body.push_str(&story.names[rng.below(story.names.len())]);
            } else {
                self.word.clear();
                self.word.push_str(&rng.below(10_000).to_string());
                body.push(' ');
                body.push_str(&self.word);
            }
            sentence += 1;
            if sentence > 12 + rng.below(14) || i + 1 == len {
                body.push('.');
                sentence = 0;
                if rng.below(4) == 0 {
                    body.push('\n');
                }
            }
        }
        if edit {
            // A light edit: a new headline and a changed tail.
            title.insert_str(0, "Update: ");
            let cut = body.len() * 9 / 10;
            let cut = (0..=cut)
                .rev()
                .find(|&i| body.is_char_boundary(i))
                .unwrap_or(0);
            body.truncate(cut);
            body.push_str(" more details later.");
        }
    }
}

fn push_word(body: &mut String, w: &str, capital: bool) {
    body.push(' ');
    if capital {
        let mut c = w.chars();
        if let Some(f) = c.next() {
            body.extend(f.to_uppercase());
            body.push_str(c.as_str());
        }
    } else {
        body.push_str(w);
    }
}

/// A capitalised name from the name pool (names, like words, follow a
/// Zipf law: a few people and places are in many stories).
fn make_name(rng: &mut Rng, names: &Zipf, buf: &mut String) -> String {
    let mut out = String::new();
    let parts = 1 + rng.below(2);
    for p in 0..parts {
        make_word(names.sample(rng) + 100_000, buf);
        if p > 0 {
            out.push(' ');
        }
        let mut c = buf.chars();
        if let Some(f) = c.next() {
            out.extend(f.to_uppercase());
            out.push_str(c.as_str());
        }
    }
    out
}

/// Story size: a discrete power law with exponent 2.2, capped at 2000.
fn story_size(rng: &mut Rng) -> u32 {
    let u = 1.0 - rng.unit();
    let k = u.powf(-1.0 / 1.2).floor();
    k.clamp(1.0, 2000.0) as u32
}

/// The processor, as the kernel names it, and its cache: figures are only
/// comparable on one host, and hosts of one machine kind differ.
fn host() -> String {
    let info = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let field = |name: &str| {
        info.lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split(':').nth(1))
            .map(|v| v.trim().to_string())
            .unwrap_or_else(|| "unknown".into())
    };
    let cpus = std::thread::available_parallelism().map_or(1, |n| n.get());
    format!(
        "{}, {} CPUs at {} MHz, cache size {}",
        field("model name"),
        cpus,
        field("cpu MHz"),
        field("cache size")
    )
}

fn status_kb(field: &str) -> u64 {
    let text = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    text.lines()
        .find(|l| l.starts_with(field))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

/// One generated article.
#[derive(Default)]
struct Article {
    id: String,
    time: i64,
    title: String,
    body: String,
}

/// The synthetic stream: stories start, run and end; articles come in time order.
struct Stream {
    writer: Writer,
    name_zipf: Zipf,
    topic_zipf: Zipf,
    rng: Rng,
    stories: Vec<Story>,
    free: Vec<usize>,
    /// (next article time, story) of running stories.
    heap: BinaryHeap<Reverse<(u64, usize)>>,
    start_gap: f64,
    next_start: f64,
    namebuf: String,
    count: u64,
}

impl Stream {
    /// A stream of about `total` articles over a year.
    fn new(total: usize) -> Self {
        Stream {
            writer: Writer::new(),
            // Story names from a pool of 300,000 name words; topic words
            // from the vocabulary below its 200 most common words.
            name_zipf: Zipf::new(300_000, 1.0),
            topic_zipf: Zipf::new(VOCAB - 200, 1.0),
            rng: Rng(42),
            stories: Vec::new(),
            free: Vec::new(),
            heap: BinaryHeap::new(),
            // Story starts at a rate that yields `total` articles over the year.
            start_gap: YEAR / (total as f64 / 3.9),
            next_start: 0.0,
            namebuf: String::new(),
            count: 0,
        }
    }

    /// Writes the next article into `out`.
    fn next(&mut self, out: &mut Article) {
        let rng = &mut self.rng;
        // A new story's first article, or the next of a running one.
        let due = self.heap.peek().map(|r| r.0.0 as f64);
        let (idx, time) = match due {
            Some(d) if d < self.next_start => {
                let Some(Reverse((at, i))) = self.heap.pop() else {
                    return;
                };
                (i, at as f64)
            }
            _ => {
                let size = story_size(rng);
                let names = (0..2 + rng.below(4))
                    .map(|_| make_name(rng, &self.name_zipf, &mut self.namebuf))
                    .collect();
                let topic = (0..10 + rng.below(10))
                    .map(|_| 200 + self.topic_zipf.sample(rng))
                    .collect();
                let life = 86_400.0 * (0.5 + (size as f64).sqrt()) * (0.5 + rng.unit());
                let story = Story {
                    names,
                    topic,
                    left: size,
                    gap: life / size as f64,
                    first_seed: None,
                };
                // Finished stories' slots are reused, so the generator stays small.
                let i = match self.free.pop() {
                    Some(i) => {
                        self.stories[i] = story;
                        i
                    }
                    None => {
                        self.stories.push(story);
                        self.stories.len() - 1
                    }
                };
                let at = self.next_start;
                self.next_start += rng.exp(self.start_gap);
                (i, at)
            }
        };
        let story = &mut self.stories[idx];
        story.left = story.left.saturating_sub(1);
        let fresh = rng.next();
        // About one article in twenty is a syndicated copy of the story's first.
        let (seed, edit) = match story.first_seed {
            Some(s) if rng.below(20) == 0 => (s, true),
            _ => (fresh, false),
        };
        story.first_seed.get_or_insert(seed);
        let finished = story.left == 0;
        if !finished {
            let at = time + rng.exp(story.gap);
            self.heap.push(Reverse((at as u64, idx)));
        }
        self.writer.write(
            &self.stories[idx],
            seed,
            edit,
            &mut out.title,
            &mut out.body,
        );
        if finished {
            self.free.push(idx);
        }
        self.count += 1;
        out.id.clear();
        out.id.push('a');
        out.id.push_str(&self.count.to_string());
        out.time = time as i64;
    }
}

/// Articles generated ahead of each timed run of `add` calls, so that text
/// generation neither counts nor churns the caches between articles.
const BATCH: usize = 1000;

fn main() {
    // `-- N [STOP]`: a year of N articles, optionally stopping after STOP.
    let nums: Vec<usize> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .filter_map(|a| a.parse().ok())
        .collect();
    let year = nums.first().copied().unwrap_or(100_000);
    let total = nums.get(1).copied().unwrap_or(year).min(year);
    let mut stream = Stream::new(year);
    let mut batch: Vec<Article> = (0..BATCH).map(|_| Article::default()).collect();

    let mut clusterer = Clusterer::new(Config::default());
    let base_kb = status_kb("VmRSS:");
    let (mut busy, mut last_busy) = (Duration::ZERO, Duration::ZERO);
    let (mut n, mut last_n, mut max_active) = (0usize, 0usize, 0usize);
    let (mut dups, mut new_stories, mut line_links) = (0u64, 0u64, 0u64);
    let mut bytes = 0usize;
    // A fingerprint of every assignment, to check that a faster version
    // still clusters exactly alike.
    let mut print = 0xcbf2_9ce4_8422_2325u64;
    println!("host: {}", host());
    println!(
        "articles  cum art/s  interval art/s  active stories  active articles  VmHWM MB  bytes/active article"
    );
    let mut checkpoint = 10_000usize.min(total);
    let wall = Instant::now();
    while n < total {
        let k = BATCH.min(total - n).min(checkpoint - n);
        for a in &mut batch[..k] {
            stream.next(a);
        }
        bytes += batch[..k]
            .iter()
            .map(|a| a.body.len() + a.title.len())
            .sum::<usize>();
        let t0 = Instant::now();
        for a in &batch[..k] {
            let doc = Doc {
                id: &a.id,
                time: Some(a.time),
                title: &a.title,
                text: &a.body,
                outlet: None,
            };
            let r = clusterer.add(&doc);
            dups += u64::from(r.duplicate_of.is_some());
            let merged = r
                .merged
                .iter()
                .fold(0u64, |h, &(a, b)| h ^ a.rotate_left(17) ^ b);
            for v in [
                r.story,
                u64::from(r.new_story),
                u64::from(r.duplicate_of.is_some()),
                merged,
            ] {
                print = (print ^ v).wrapping_mul(0x0100_0000_01b3);
            }
            new_stories += u64::from(r.new_story);
            line_links += r.storyline_merged.len() as u64;
        }
        busy += t0.elapsed();
        n += k;
        max_active = max_active.max(clusterer.active_articles());
        if n == checkpoint || n == total {
            let hwm = status_kb("VmHWM:");
            let cum = n as f64 / busy.as_secs_f64();
            let interval = (n - last_n) as f64 / (busy - last_busy).as_secs_f64();
            let per = (hwm.saturating_sub(base_kb) * 1024) as f64 / max_active.max(1) as f64;
            println!(
                "{n:>8}  {cum:>9.0}  {interval:>14.0}  {:>14}  {:>15}  {:>8.1}  {per:>8.0}",
                clusterer.active_stories(),
                clusterer.active_articles(),
                hwm as f64 / 1024.0
            );
            last_n = n;
            last_busy = busy;
            checkpoint = (checkpoint * 10).min(total);
        }
    }
    println!(
        "{} bytes of text per article on average; at most {max_active} articles in the active window",
        bytes / total.max(1)
    );
    let m = clusterer.memory();
    let per = |b: usize| b as f64 / clusterer.active_articles().max(1) as f64;
    println!(
        "heap estimate: vocabulary {:.1} MB, stories {:.1} MB ({:.0} B/article), index {:.1} MB ({:.0} B/article), \
         near-duplicates {:.1} MB ({:.0} B/article), scratch {:.1} MB",
        m.vocabulary as f64 / 1e6,
        m.stories as f64 / 1e6,
        per(m.stories),
        m.index as f64 / 1e6,
        per(m.index),
        m.duplicates as f64 / 1e6,
        per(m.duplicates),
        m.scratch as f64 / 1e6
    );
    println!(
        "{total} articles in {:.1}s clustering ({:.1}s wall with generation); {new_stories} stories opened, {line_links} storyline links, {dups} near-duplicates; assignment fingerprint {print:016x}",
        busy.as_secs_f64(),
        wall.elapsed().as_secs_f64()
    );
}
