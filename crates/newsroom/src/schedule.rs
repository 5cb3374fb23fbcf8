//! When each item appears in which feed: corpus articles at their
//! publication time on the simulated clock, synthetic ones evenly over real
//! time, round-robin across the feeds.

use std::time::Duration;

use jiff::Timestamp;

use crate::clock::Clock;
use crate::corpus::Corpus;
use crate::options::Synthetic;

/// Where a scheduled item's article comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Source {
    /// Corpus article by index.
    Corpus(u32),
    /// Synthetic article by serial number.
    Synthetic(u32),
}

/// One item of one feed.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Entry {
    /// Real time after start-up at which it appears.
    pub appear: Duration,
    /// Its (simulated) publication time.
    pub published: Timestamp,
    /// Its article.
    pub source: Source,
}

/// Every feed's items, each feed in order of appearance.
#[derive(Debug, Clone)]
pub(crate) struct Schedule {
    /// Per feed.
    pub feeds: Vec<Vec<Entry>>,
}

impl Schedule {
    /// The schedule of `feeds` feeds.
    pub fn new(
        corpus: &Corpus,
        clock: &Clock,
        feeds: usize,
        synthetic: Option<Synthetic>,
    ) -> Schedule {
        let mut lists = vec![Vec::new(); feeds];
        for (i, a) in corpus.articles.iter().enumerate() {
            lists[a.outlet % feeds].push(Entry {
                appear: clock.offset_of(a.article.published),
                published: a.article.published,
                source: Source::Corpus(i as u32),
            });
        }
        if let Some(s) = synthetic {
            let n = s.articles as u128;
            for k in 0..s.articles {
                let nanos = s.over.as_nanos() * (k as u128 + 1) / n;
                let appear = Duration::from_nanos(nanos.min(u64::MAX as u128) as u64);
                lists[k % feeds].push(Entry {
                    appear,
                    // Whole seconds, as feeds and pages give them.
                    published: Timestamp::from_second(clock.sim_at(appear).as_second())
                        .unwrap_or(Timestamp::MAX),
                    source: Source::Synthetic(k as u32),
                });
            }
        }
        for list in &mut lists {
            list.sort_by_key(|e| (e.appear, e.published));
        }
        Schedule { feeds: lists }
    }

    /// How many of feed `feed`'s items have appeared `elapsed` after start-up.
    pub fn visible(&self, feed: usize, elapsed: Duration) -> usize {
        self.feeds[feed].partition_point(|e| e.appear <= elapsed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::default_corpus;

    #[test]
    fn corpus_by_outlet_and_synthetic_round_robin() {
        let corpus = Corpus::load(&default_corpus()).unwrap();
        let start = corpus.articles[0].article.published;
        let clock = Clock::new(start, 86_400.0);
        let s = Schedule::new(
            &corpus,
            &clock,
            10,
            Some(Synthetic {
                articles: 100,
                over: Duration::from_secs(10),
            }),
        );
        assert_eq!(s.feeds.iter().map(Vec::len).sum::<usize>(), 153);
        assert_eq!(s.feeds[9].len(), 10);
        assert_eq!(s.feeds[9][0].appear, Duration::from_millis(1_000));
        assert_eq!(s.feeds[9][9].appear, Duration::from_secs(10));
        // The first corpus article appears at once, the rest a day per second.
        assert_eq!(s.visible(corpus.articles[0].outlet, Duration::ZERO), 1);
        let harbour: Vec<_> = s.feeds[0]
            .iter()
            .filter(|e| matches!(e.source, Source::Corpus(_)))
            .collect();
        assert_eq!(harbour.len(), 7);
        assert!(
            s.feeds
                .iter()
                .all(|f| f.windows(2).all(|w| w[0].appear <= w[1].appear))
        );
    }
}
