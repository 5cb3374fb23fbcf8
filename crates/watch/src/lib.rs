//! storyline-watch: follows the news live.
//!
//! The sources kept in the store (feeds and news sitemaps) are polled in
//! rounds, each source when it is due: politely (the fetcher's per-host
//! rate and robots.txt for pages), conditionally (ETag and
//! Last-Modified), and on an adaptive [`Schedule`] that follows how often
//! a source brings something new, honours what the source asks for, and
//! backs a failing source off for hours without ever dropping it. Entries
//! that carry only a summary get their page fetched; an article several
//! feeds carry is stored once ([`canonical`] URLs). The articles go to a
//! [`Sink`], which stores and places them as `ingest` does.

mod canonical;
mod error;
mod schedule;
mod sink;
mod watcher;

pub use canonical::canonical;
pub use error::WatchError;
pub use schedule::{Outcome, Schedule};
pub use sink::Sink;
pub use watcher::{Options, Round, page_text, watch};
