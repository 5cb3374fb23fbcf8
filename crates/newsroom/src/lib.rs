//! A loopback HTTP newsroom simulator, for testing and benchmarking a feed
//! client such as `storyline watch`.
//!
//! One listener on 127.0.0.1 serves many simulated sites, told apart by the
//! `Host` header (the client maps `*.newsroom.test` to 127.0.0.1 itself):
//!
//! - `site-{h}.newsroom.test`: feed `i` lives on host `i % hosts` at
//!   `/feed-{i}.xml` (RSS 2.0, the latest 50 items, ETag and Last-Modified
//!   with 304 answers, gzip on request); pages at `/a/{id}.html`.
//! - `faults.newsroom.test`: feeds that misbehave (see [`FAULTS`]).
//! - any host: `robots.txt` (disallowing `/private/`), `GET /_stats` and
//!   `GET /_items` (JSON of [`Stats`] and [`Item`]s).
//!
//! The content is the example corpus (`examples/corpus/source`), published
//! over a simulated clock: an article appears in its outlet's feed once the
//! simulated time reaches its publication time. For load tests,
//! [`Synthetic`] adds new, unique articles rewritten from the corpus,
//! spread evenly over real time across all feeds.
//!
//! ```no_run
//! # async fn run() -> Result<(), storyline_newsroom::NewsroomError> {
//! use storyline_newsroom::{Newsroom, Options};
//! let newsroom = Newsroom::start(Options { speed: 86_400.0, ..Options::default() }).await?;
//! println!("{:?}", newsroom.feed_urls());
//! newsroom.stop().await;
//! # Ok(()) }
//! ```

mod article;
mod bomb;
#[cfg(test)]
mod client;
mod clock;
mod corpus;
mod error;
mod escape;
mod fault;
mod feed;
mod hash;
mod http;
mod item;
mod newsroom;
mod opml;
mod options;
mod page;
mod payload;
mod schedule;
mod server;
mod state;
mod stats;
mod synthetic;

pub use error::NewsroomError;
pub use fault::{FAULTS, HUGE, SLOW};
pub use feed::{FEED_ITEMS, full_text_feed};
pub use item::Item;
pub use newsroom::Newsroom;
pub use opml::opml;
pub use options::{DEFAULT_FEEDS, MAX_FEEDS, MAX_SYNTHETIC, Options, Synthetic, default_corpus};
pub use state::{DOMAIN, FAULT_HOST};
pub use stats::{HostStats, OTHER_HOST, Stats};
