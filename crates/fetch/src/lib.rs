//! The HTTP fetcher behind `storyline watch`: polite, capped and closed to
//! internal addresses.
//!
//! [`Fetcher::get`] makes one conditional GET (`If-None-Match`,
//! `If-Modified-Since`; a 304 comes back as [`Fetched::NotModified`]).
//! Around it:
//!
//! - **Caps** ([`Config`]): a connect timeout and a whole-request timeout;
//!   the body is read to at most `max_body` bytes from the wire and, since
//!   we ask for gzip and inflate it ourselves (`decode.rs`), to `max_decoded`
//!   bytes after that, so a gzip bomb ends as [`FetchError::TooLarge`].
//! - **Politeness** (`politeness.rs`): per host, at most
//!   `per_host_concurrency` requests in flight and one request start per
//!   `per_host_interval`; retries, redirect hops and robots.txt count too.
//! - **Retries**: 5xx, 429 and timeouts are retried with exponential
//!   back-off and jitter, or after the server's `Retry-After` when it is
//!   short enough; a longer one ends the fetch with the wait in the error.
//! - **robots.txt** ([`Robots`], RFC 9309) for [`Kind::Page`]: cached per
//!   site, our product token `storyline` or else `*`.
//! - **No internal addresses** ([`classify`]): loopback, private, link-local
//!   (cloud metadata), CGNAT and the like are refused after DNS resolution
//!   at connect time, and for IP-literal URLs before every hop, redirects
//!   included (`redirect.rs`).
//!
//! Response headers that say when to ask again come back as [`Hints`].

mod address;
mod config;
mod decode;
mod error;
mod fetcher;
mod hints;
mod politeness;
mod redirect;
mod robots;

pub use address::{AddressClass, classify, refusal};
pub use config::{Config, PRODUCT_TOKEN};
pub use error::FetchError;
pub use fetcher::{Body, Fetched, Fetcher, Kind, Request};
pub use hints::Hints;
pub use robots::Robots;
