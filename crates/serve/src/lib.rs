//! storyline-serve: the web app and JSON API over a storyline database.
//!
//! `storyline serve` answers from a catalogue held in memory ([`Library`]:
//! every storyline ranked as the digest ranks them, with its articles'
//! metadata) and from what the database stores per story (its brief: the
//! digest's headline, cited summary, quotes, timeline and coverage). A
//! follower thread ([`App::follow`]) rebuilds the catalogue when another
//! process writes, empties the page cache, and tells open story pages
//! through server-sent events.
//!
//! Pages are server-rendered HTML that works without JavaScript, every
//! string escaped, under a policy that allows only the server's own
//! stylesheet and script. The API lives under `/api/v1`, described at
//! `/api/v1/openapi.json`. Nothing here writes to the database.

mod admin;
mod api;
mod app;
mod chart;
mod entity;
mod error;
mod export;
mod front;
mod library;
mod live;
mod openapi;
mod page;
mod params;
mod reader;
mod search;
mod server;
mod story;

pub use app::{App, Change};
pub use error::ServeError;
pub use library::{Filter, Library, Line};
pub use server::{router, serve};
