//! What a newsroom publishes and how fast its simulated clock runs.

use std::path::PathBuf;
use std::time::Duration;

/// The most feeds one newsroom serves.
pub const MAX_FEEDS: usize = 100_000;
/// The most synthetic articles one newsroom schedules.
pub const MAX_SYNTHETIC: usize = 2_000_000;

/// How a [`Newsroom`](crate::Newsroom) is set up.
#[derive(Debug, Clone)]
pub struct Options {
    /// The corpus folder (the one holding `source/outlets.toml` and
    /// `source/stories/*.toml`).
    pub corpus: PathBuf,
    /// How many feeds to publish; the corpus's outlet `o` goes to feed
    /// `o % feeds`.
    pub feeds: usize,
    /// How many site hosts share the feeds: feed `i` lives on host
    /// `i % hosts`; 0 (the default) means one host per feed.
    pub hosts: usize,
    /// The simulated time at start-up; `None`: a minute before the corpus's
    /// first article.
    pub start: Option<jiff::Timestamp>,
    /// Simulated seconds per real second.
    pub speed: f64,
    /// New synthetic articles spread over real time, for load tests.
    pub synthetic: Option<Synthetic>,
    /// The port to listen on (127.0.0.1 only); 0 picks any free port.
    pub port: u16,
}

/// New, unique articles published evenly over a stretch of real time,
/// round-robin across all feeds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Synthetic {
    /// How many articles.
    pub articles: usize,
    /// The real time they are spread over: article `k` (from 0) appears at
    /// `over * (k + 1) / articles` after start-up.
    pub over: Duration,
}

impl Options {
    /// The default options with the corpus folder `corpus`.
    pub fn with_corpus(corpus: impl Into<PathBuf>) -> Options {
        Options {
            corpus: corpus.into(),
            ..Options::default()
        }
    }
}

impl Default for Options {
    /// The repository's example corpus, one feed and one host per corpus
    /// outlet (8), real-time speed, no synthetic articles, any port.
    fn default() -> Options {
        Options {
            corpus: default_corpus(),
            feeds: DEFAULT_FEEDS,
            hosts: 0,
            start: None,
            speed: 1.0,
            synthetic: None,
            port: 0,
        }
    }
}

/// One feed per outlet of the example corpus.
pub const DEFAULT_FEEDS: usize = 8;

/// The repository's `examples/corpus`, found from this crate's source folder.
pub fn default_corpus() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus")
}
