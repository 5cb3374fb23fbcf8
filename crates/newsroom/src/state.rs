//! What the server shares between requests: the corpus, the schedule, the
//! clock, the feed cache and the counters, with the lookups between them.

use std::sync::atomic::{AtomicU64, AtomicUsize};
use std::sync::{Arc, Mutex, PoisonError};

use jiff::Timestamp;

use crate::article::Article;
use crate::clock::Clock;
use crate::corpus::Corpus;
use crate::feed::{Channel, FEED_ITEMS, RenderedFeed, full_text_feed};
use crate::hash::Dice;
use crate::item::Item;
use crate::schedule::{Entry, Schedule, Source};
use crate::stats::Book;
use crate::synthetic::Rewriter;

/// The domain all simulated hosts live under.
pub const DOMAIN: &str = "newsroom.test";
/// The host serving the faults.
pub const FAULT_HOST: &str = "faults.newsroom.test";

/// Words for the names of sites beyond the corpus's outlets.
const PAPER_WORDS: &[&str] = &[
    "Herald",
    "Times",
    "Post",
    "Courier",
    "Gazette",
    "Chronicle",
    "Tribune",
    "Observer",
    "Record",
    "Echo",
    "Standard",
    "Journal",
];
const PLACE_WORDS: &[&str] = &[
    "Northfield",
    "Ashby",
    "Marrow",
    "Kettle",
    "Eastwick",
    "Brindle",
    "Saltmere",
    "Oakhurst",
    "Fenwick",
    "Calder",
    "Rookby",
    "Dunmore",
    "Halloway",
    "Pennick",
    "Westerly",
    "Corran",
];

/// The newsroom's shared state.
#[derive(Debug)]
pub(crate) struct State {
    /// The listening port, for URLs.
    pub port: u16,
    /// The corpus.
    pub corpus: Corpus,
    /// Writes synthetic articles.
    pub rewriter: Rewriter,
    /// Every feed's items.
    pub schedule: Schedule,
    /// The simulated clock.
    pub clock: Clock,
    /// Feeds.
    pub feeds: usize,
    /// Site hosts.
    pub hosts: usize,
    /// Per feed: its latest rendering.
    pub cache: Vec<Mutex<Option<Arc<RenderedFeed>>>>,
    /// Per feed: 1 + the number of items it listed when last polled (0:
    /// never polled), to tell an unchanged poll from a changed one.
    pub polled: Vec<AtomicUsize>,
    /// Request counters.
    pub book: Arc<Book>,
    /// Serial of `etag-churn.xml`'s ETags.
    pub churn: AtomicU64,
}

impl State {
    /// The host name of site `h`.
    pub fn host_name(h: usize) -> String {
        format!("site-{h}.{DOMAIN}")
    }

    /// The site host feed `i` lives on.
    pub fn host_of_feed(&self, i: usize) -> usize {
        i % self.hosts
    }

    /// The base URL (`http://host:port`) of `host`.
    pub fn base(&self, host: &str) -> String {
        format!("http://{host}:{}", self.port)
    }

    /// Feed `i`'s URL.
    pub fn feed_url(&self, i: usize) -> String {
        format!(
            "{}/feed-{i}.xml",
            self.base(&State::host_name(self.host_of_feed(i)))
        )
    }

    /// The URL of page `id` on site `h`.
    pub fn page_url(&self, h: usize, id: &str) -> String {
        format!("{}/a/{id}.html", self.base(&State::host_name(h)))
    }

    /// Site `h`'s name: its corpus outlet's, or an invented one.
    pub fn site_name(&self, h: usize) -> String {
        if let Some(o) = self.corpus.outlets.get(h) {
            return o.name.clone();
        }
        let mut d = Dice::new(h as u64);
        format!(
            "The {} {}",
            PLACE_WORDS[d.below(PLACE_WORDS.len())],
            PAPER_WORDS[d.below(PAPER_WORDS.len())]
        )
    }

    /// Site `h`'s menu.
    pub fn site_nav(&self, h: usize) -> &[String] {
        self.corpus.outlets.get(h).map_or(&[], |o| &o.nav)
    }

    /// Feed `i`'s title.
    pub fn feed_title(&self, i: usize) -> String {
        let site = self.site_name(self.host_of_feed(i));
        if self.feeds > self.hosts {
            format!("{site} (feed {i})")
        } else {
            site
        }
    }

    /// The page id of an item.
    pub fn id_of(&self, source: Source) -> String {
        match source {
            Source::Corpus(i) => self.corpus.articles[i as usize].article.id.clone(),
            Source::Synthetic(k) => format!("syn-{k}"),
        }
    }

    /// The article of a scheduled item.
    pub fn article(&self, entry: &Entry) -> Article {
        match entry.source {
            Source::Corpus(i) => self.corpus.articles[i as usize].article.clone(),
            Source::Synthetic(k) => {
                self.rewriter
                    .article(&self.corpus, u64::from(k), entry.published)
            }
        }
    }

    /// The scheduled item behind page `id`, with its feed, if there is one.
    pub fn find(&self, id: &str) -> Option<(usize, Entry)> {
        let source = if let Some(k) = id.strip_prefix("syn-") {
            let k: u32 = k.parse().ok()?;
            if k.to_string() != id["syn-".len()..] {
                return None;
            }
            Source::Synthetic(k)
        } else {
            Source::Corpus(*self.corpus.by_key.get(id)? as u32)
        };
        let feed = match source {
            Source::Corpus(i) => self.corpus.articles[i as usize].outlet % self.feeds,
            Source::Synthetic(k) => k as usize % self.feeds,
        };
        let entry = *self.schedule.feeds[feed]
            .iter()
            .find(|e| e.source == source)?;
        Some((feed, entry))
    }

    /// Feed `i` as it stands now: from the cache while no new item has
    /// appeared.
    pub fn rendered_feed(&self, i: usize) -> Arc<RenderedFeed> {
        let visible = self.schedule.visible(i, self.clock.elapsed());
        let slot = &self.cache[i];
        if let Some(r) = slot.lock().unwrap_or_else(PoisonError::into_inner).as_ref()
            && r.visible == visible
        {
            return Arc::clone(r);
        }
        let entries = &self.schedule.feeds[i][visible.saturating_sub(FEED_ITEMS)..visible];
        let h = self.host_of_feed(i);
        let items: Vec<(Article, String)> = entries
            .iter()
            .rev()
            .map(|e| (self.article(e), self.page_url(h, &self.id_of(e.source))))
            .collect();
        let title = self.feed_title(i);
        let home = format!("{}/", self.base(&State::host_name(h)));
        let channel = Channel {
            title: &title,
            link: &home,
            full_text: full_text_feed(i),
        };
        let rendered = Arc::new(RenderedFeed::new(&channel, &items, visible));
        let mut guard = slot.lock().unwrap_or_else(PoisonError::into_inner);
        // Another request may have rendered a newer state meanwhile.
        if guard.as_ref().is_none_or(|r| r.visible <= visible) {
            *guard = Some(Arc::clone(&rendered));
        }
        rendered
    }

    /// Every item that has appeared so far, in order of appearance.
    pub fn items(&self) -> Vec<Item> {
        let elapsed = self.clock.elapsed();
        let mut items = Vec::new();
        for (f, list) in self.schedule.feeds.iter().enumerate() {
            let visible = self.schedule.visible(f, elapsed);
            if visible == 0 {
                continue;
            }
            let h = self.host_of_feed(f);
            let feed_url = self.feed_url(f);
            for e in &list[..visible] {
                let id = self.id_of(e.source);
                let story = match e.source {
                    Source::Corpus(i) => self.corpus.articles[i as usize].article.story.clone(),
                    Source::Synthetic(k) => self.rewriter.story_of(&self.corpus, u64::from(k)),
                };
                items.push(Item {
                    url: self.page_url(h, &id),
                    id,
                    feed: f,
                    feed_url: feed_url.clone(),
                    story,
                    published: e.published,
                    appeared: self.clock.wall_at(e.appear),
                });
            }
        }
        items.sort_by(|a, b| (a.appeared, a.feed, &a.id).cmp(&(b.appeared, b.feed, &b.id)));
        items
    }

    /// Whether a scheduled item has appeared.
    pub fn has_appeared(&self, entry: &Entry) -> bool {
        entry.appear <= self.clock.elapsed()
    }

    /// The simulated time now.
    pub fn sim_now(&self) -> Timestamp {
        self.clock.sim_now()
    }
}
