//! The fetcher: one polite, capped GET with conditional headers, redirects
//! followed hop by hop, retries with back-off, and robots.txt for pages.

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use jiff::Timestamp;
use reqwest::StatusCode;
use reqwest::header::{
    ACCEPT, ACCEPT_ENCODING, CONTENT_ENCODING, CONTENT_TYPE, ETAG, HeaderMap, HeaderName,
    HeaderValue, IF_MODIFIED_SINCE, IF_NONE_MATCH, LAST_MODIFIED, LOCATION,
};
use tokio::time::Instant;
use url::Url;

use crate::address::{Refusal, Resolver, check_url};
use crate::config::PRODUCT_TOKEN;
use crate::decode::{self, DecodeError};
use crate::politeness::Politeness;
use crate::redirect::next_hop;
use crate::robots::{Cached, Robots, RobotsCache, UNREACHABLE_TTL};
use crate::{Config, FetchError, Hints};

/// The longest URL we accept from a caller.
const MAX_URL: usize = 8 << 10;

/// The longest `ETag`, `Last-Modified` or `Content-Type` value we keep;
/// longer ones are dropped as junk.
const MAX_HEADER: usize = 1 << 10;

/// What is being fetched; it picks the `Accept` header and whether
/// robots.txt is consulted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A feed the user subscribed to: robots.txt is not consulted (the user
    /// asked for it, as a feed reader does).
    Feed,
    /// An article page found in a feed: robots.txt is honoured.
    Page,
}

/// One GET to make.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// The absolute http(s) URL.
    pub url: String,
    /// The `ETag` from the last fetch, sent as `If-None-Match`.
    pub etag: Option<String>,
    /// The `Last-Modified` from the last fetch, sent as `If-Modified-Since`.
    pub last_modified: Option<String>,
    /// Feed or page.
    pub kind: Kind,
}

impl Request {
    /// An unconditional request for a feed.
    pub fn feed(url: impl Into<String>) -> Request {
        Request {
            url: url.into(),
            etag: None,
            last_modified: None,
            kind: Kind::Feed,
        }
    }

    /// An unconditional request for an article page.
    pub fn page(url: impl Into<String>) -> Request {
        Request {
            kind: Kind::Page,
            ..Request::feed(url)
        }
    }
}

/// What a successful fetch brought back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fetched {
    /// 304: what we have is current.
    NotModified(Hints),
    /// A 2xx body.
    Body(Body),
}

/// A 2xx response, its body decompressed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Body {
    /// The URL after redirects.
    pub final_url: String,
    /// The HTTP status (2xx).
    pub status: u16,
    /// `Content-Type`, as sent.
    pub content_type: Option<String>,
    /// `ETag`, to send back as `If-None-Match` next time.
    pub etag: Option<String>,
    /// `Last-Modified`, to send back as `If-Modified-Since` next time.
    pub last_modified: Option<String>,
    /// The body, gzip already undone.
    pub bytes: Vec<u8>,
    /// When to ask again.
    pub hints: Hints,
}

/// How much body one exchange reads, and what happens past that.
#[derive(Debug, Clone, Copy)]
struct BodyCap {
    /// Bytes from the wire.
    wire: u64,
    /// Bytes after decompression.
    decoded: u64,
    /// Keep the first bytes instead of failing (robots.txt).
    truncate: bool,
}

/// What one HTTP exchange ended in.
enum Step {
    Redirect(String),
    NotModified(Hints),
    Body {
        status: u16,
        headers: HeaderMap,
        hints: Hints,
        raw: Vec<u8>,
    },
}

/// The HTTP fetcher for feeds and pages. Cheap to clone; clones share the
/// connection pool, the per-host gates and the robots.txt cache.
#[derive(Debug, Clone)]
pub struct Fetcher {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    config: Config,
    client: reqwest::Client,
    gates: Politeness,
    robots: RobotsCache,
    jitter_seq: AtomicU64,
}

impl Fetcher {
    /// A fetcher with these settings.
    pub fn new(config: Config) -> Result<Fetcher, FetchError> {
        let resolver = Resolver::new(&config.resolve, config.allow_private);
        let client = reqwest::Client::builder()
            .user_agent(config.user_agent.clone())
            .connect_timeout(config.connect_timeout)
            // Redirects are followed by us, hop by hop (see `redirect`).
            .redirect(reqwest::redirect::Policy::none())
            // A proxy would resolve names itself, past our address check.
            .no_proxy()
            .dns_resolver(Arc::new(resolver))
            .use_rustls_tls()
            .build()
            .map_err(|e| FetchError::Setup {
                reason: one_line(&e),
            })?;
        let gates = Politeness::new(config.per_host_interval, config.per_host_concurrency);
        Ok(Fetcher {
            inner: Arc::new(Inner {
                config,
                client,
                gates,
                robots: RobotsCache::default(),
                jitter_seq: AtomicU64::new(0),
            }),
        })
    }

    /// The settings this fetcher runs with.
    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    /// Fetches one URL: waits for the host's turn, follows redirects,
    /// retries 5xx, 429 and timeouts with back-off (honouring
    /// `Retry-After`), and for pages obeys robots.txt.
    pub async fn get(&self, req: &Request) -> Result<Fetched, FetchError> {
        let config = &self.inner.config;
        let url = parse_url(&req.url)?;
        let cap = BodyCap {
            wire: config.max_body,
            decoded: config.max_decoded,
            truncate: false,
        };
        let mut attempt = 0;
        loop {
            let result = self.follow(req, &url, cap, req.kind == Kind::Page).await;
            match result {
                Err(e) if retryable(&e) && attempt < config.retries => {
                    let wait = match e.retry_after() {
                        Some(d) if d > config.retry_after_cap => return Err(e),
                        Some(d) => d,
                        None => self.backoff(attempt),
                    };
                    tokio::time::sleep(wait).await;
                    attempt += 1;
                }
                Err(e) => return Err(e),
                Ok(fetched) => return Ok(fetched),
            }
        }
    }

    /// Exponential back-off from `retry_base`, times a jitter in [0.5, 1.5)
    /// so that many feeds failing together do not retry together.
    fn backoff(&self, attempt: u32) -> Duration {
        let config = &self.inner.config;
        let seq = self.inner.jitter_seq.fetch_add(1, Ordering::Relaxed);
        let mut h = RandomState::new().build_hasher();
        h.write_u64(seq);
        let jitter = 0.5 + (h.finish() >> 11) as f64 / (1u64 << 53) as f64;
        let base = config.retry_base.as_secs_f64() * 2f64.powi(attempt.min(30) as i32);
        Duration::from_secs_f64((base * jitter).min(config.retry_after_cap.as_secs_f64()))
    }

    /// One attempt: the hops from `url` to a final answer.
    async fn follow(
        &self,
        req: &Request,
        url: &Url,
        cap: BodyCap,
        robots: bool,
    ) -> Result<Fetched, FetchError> {
        let config = &self.inner.config;
        let mut current = url.clone();
        let mut followed = 0;
        loop {
            check_url(&current, config.allow_private)?;
            if robots {
                // Boxed: the robots.txt fetch comes back through `follow`.
                Box::pin(self.robots_allow(&current)).await?;
            }
            let step = {
                let host = current.host_str().unwrap_or_default();
                let _turn = self.inner.gates.wait_turn(host).await;
                tokio::time::timeout(config.timeout, self.exchange(req, &current, cap))
                    .await
                    .map_err(|_| FetchError::Timeout {
                        url: current.to_string(),
                    })??
            };
            match step {
                Step::Redirect(location) => {
                    current = next_hop(
                        url.as_str(),
                        &current,
                        &location,
                        followed,
                        config.max_redirects,
                        config.allow_private,
                    )?;
                    followed += 1;
                }
                Step::NotModified(hints) => return Ok(Fetched::NotModified(hints)),
                Step::Body {
                    status,
                    headers,
                    hints,
                    raw,
                } => {
                    let bytes = decode_body(&current, &headers, raw, cap).await?;
                    let text = |name: HeaderName| {
                        headers
                            .get(name)
                            .and_then(|v| v.to_str().ok())
                            .filter(|s| s.len() <= MAX_HEADER)
                            .map(str::to_string)
                    };
                    return Ok(Fetched::Body(Body {
                        final_url: current.to_string(),
                        status,
                        content_type: text(CONTENT_TYPE),
                        etag: text(ETAG),
                        last_modified: text(LAST_MODIFIED),
                        bytes,
                        hints,
                    }));
                }
            }
        }
    }

    /// One request and its (raw, capped) body.
    async fn exchange(&self, req: &Request, url: &Url, cap: BodyCap) -> Result<Step, FetchError> {
        let accept = match req.kind {
            Kind::Feed => {
                "application/rss+xml, application/atom+xml, application/feed+json, \
                 application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8"
            }
            Kind::Page => "text/html, application/xhtml+xml;q=0.9, */*;q=0.8",
        };
        let mut builder = self
            .inner
            .client
            .get(url.clone())
            .header(ACCEPT, accept)
            .header(ACCEPT_ENCODING, "gzip");
        // Validators we cannot send as a header (junk in the store) are
        // left out: the fetch becomes unconditional, not an error.
        let header = |v: &Option<String>| v.as_deref().and_then(|s| HeaderValue::from_str(s).ok());
        if let Some(v) = header(&req.etag) {
            builder = builder.header(IF_NONE_MATCH, v);
        }
        if let Some(v) = header(&req.last_modified) {
            builder = builder.header(IF_MODIFIED_SINCE, v);
        }
        let mut response = builder.send().await.map_err(|e| network(e, url))?;
        let status = response.status();
        let hints = Hints::from_headers(response.headers(), Timestamp::now());
        if status == StatusCode::NOT_MODIFIED {
            return Ok(Step::NotModified(hints));
        }
        if matches!(status.as_u16(), 301 | 302 | 303 | 307 | 308)
            && let Some(location) = response.headers().get(LOCATION)
        {
            let location = String::from_utf8_lossy(location.as_bytes()).into_owned();
            return Ok(Step::Redirect(location));
        }
        if !status.is_success() {
            return Err(FetchError::Status {
                url: url.to_string(),
                code: status.as_u16(),
                retry_after: hints.retry_after,
            });
        }
        let too_large = || FetchError::TooLarge {
            url: url.to_string(),
            limit: cap.wire,
        };
        if !cap.truncate && response.content_length().is_some_and(|n| n > cap.wire) {
            return Err(too_large());
        }
        let mut raw = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(|e| network(e, url))? {
            let room = (cap.wire as usize).saturating_sub(raw.len());
            if chunk.len() > room {
                if !cap.truncate {
                    return Err(too_large());
                }
                raw.extend_from_slice(&chunk[..room]);
                break;
            }
            raw.extend_from_slice(&chunk);
        }
        Ok(Step::Body {
            status: status.as_u16(),
            headers: response.headers().clone(),
            hints,
            raw,
        })
    }

    /// Checks a page against its site's robots.txt, fetching that first if
    /// it is not cached or has gone stale.
    async fn robots_allow(&self, page: &Url) -> Result<(), FetchError> {
        let site = page.origin().ascii_serialization();
        let slot = self.inner.robots.slot(&site);
        let robots = {
            let mut cached = slot.lock().await;
            match &*cached {
                Some(c) if c.until > Instant::now() => c.robots.clone(),
                _ => {
                    let (robots, ttl) = self.fetch_robots(&site, page).await?;
                    let robots = Arc::new(robots);
                    *cached = Some(Cached {
                        robots: robots.clone(),
                        until: Instant::now() + ttl,
                    });
                    robots
                }
            }
        };
        let mut path = page.path().to_string();
        if let Some(q) = page.query() {
            path.push('?');
            path.push_str(q);
        }
        if robots.allows(&path) {
            Ok(())
        } else {
            Err(FetchError::Robots {
                url: page.to_string(),
            })
        }
    }

    /// Fetches a site's robots.txt and reads it as RFC 9309 says: a 4xx
    /// (or a redirect chain too long) means no rules, a 5xx or no answer
    /// means keep out for a while.
    async fn fetch_robots(&self, site: &str, page: &Url) -> Result<(Robots, Duration), FetchError> {
        let config = &self.inner.config;
        let robots_url = parse_url(&format!("{site}/robots.txt"))?;
        let req = Request::feed(robots_url.as_str());
        let cap = BodyCap {
            wire: config.robots_max,
            decoded: config.robots_max,
            truncate: true,
        };
        let fetched = self.follow(&req, &robots_url, cap, false).await;
        let closed = (Robots::disallow_all(), UNREACHABLE_TTL);
        let open = (Robots::allow_all(), config.robots_ttl);
        Ok(match fetched {
            Ok(Fetched::Body(body)) => {
                (Robots::parse(&body.bytes, PRODUCT_TOKEN), config.robots_ttl)
            }
            Ok(Fetched::NotModified(_)) => open,
            Err(FetchError::Status { code, .. }) if (400..500).contains(&code) && code != 429 => {
                open
            }
            Err(FetchError::TooManyRedirects { .. }) => open,
            // The site itself is off limits: say so about the page.
            Err(FetchError::Refused { reason, .. }) => {
                return Err(FetchError::Refused {
                    url: page.to_string(),
                    reason,
                });
            }
            Err(_) => closed,
        })
    }
}

/// Parses a caller's URL; only absolute http(s) URLs with a host pass.
fn parse_url(s: &str) -> Result<Url, FetchError> {
    let bad = |reason: String| FetchError::BadUrl {
        url: s.chars().take(200).collect(),
        reason,
    };
    if s.len() > MAX_URL {
        return Err(bad(format!("longer than {MAX_URL} bytes")));
    }
    let mut url = Url::parse(s.trim()).map_err(|e| bad(e.to_string()))?;
    url.set_fragment(None);
    if !matches!(url.scheme(), "http" | "https") {
        return Err(bad(format!(
            "scheme {:?} is not http or https",
            url.scheme()
        )));
    }
    Ok(url)
}

/// Errors worth another try within the same fetch.
fn retryable(e: &FetchError) -> bool {
    match e {
        FetchError::Timeout { .. } => true,
        FetchError::Status { code, .. } => *code == 429 || (500..600).contains(code),
        _ => false,
    }
}

/// Undoes `Content-Encoding: gzip` (capped); other codings were not asked
/// for and are refused.
async fn decode_body(
    url: &Url,
    headers: &HeaderMap,
    raw: Vec<u8>,
    cap: BodyCap,
) -> Result<Vec<u8>, FetchError> {
    let coding = headers
        .get_all(CONTENT_ENCODING)
        .iter()
        .map(|v| {
            String::from_utf8_lossy(v.as_bytes())
                .trim()
                .to_ascii_lowercase()
        })
        .filter(|c| !c.is_empty() && c != "identity")
        .collect::<Vec<_>>()
        .join(", ");
    let decode_error = |reason: String| FetchError::Decode {
        url: url.to_string(),
        reason,
    };
    match coding.as_str() {
        "" => Ok(raw),
        _ if raw.is_empty() => Ok(raw),
        "gzip" | "x-gzip" => {
            // Inflating up to 50 MiB is CPU work: keep it off the reactor.
            let decoded = tokio::task::spawn_blocking(move || {
                if cap.truncate {
                    Ok(decode::gunzip_prefix(&raw, cap.decoded))
                } else {
                    decode::gunzip(&raw, cap.decoded)
                }
            })
            .await
            .map_err(|e| decode_error(format!("decoder task failed: {e}")))?;
            decoded.map_err(|e| match e {
                DecodeError::TooLarge => FetchError::TooLarge {
                    url: url.to_string(),
                    limit: cap.decoded,
                },
                DecodeError::Corrupt(reason) => decode_error(format!("bad gzip data: {reason}")),
            })
        }
        other => Err(decode_error(format!(
            "unsupported Content-Encoding {other:?} (only gzip was asked for)"
        ))),
    }
}

/// Maps a client error to ours: timeouts, refusals by our resolver, and
/// the rest as network trouble.
fn network(e: reqwest::Error, url: &Url) -> FetchError {
    if e.is_timeout() {
        return FetchError::Timeout {
            url: url.to_string(),
        };
    }
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(&e);
    while let Some(err) = source {
        if let Some(refusal) = err.downcast_ref::<Refusal>() {
            return FetchError::Refused {
                url: url.to_string(),
                reason: refusal.reason.clone(),
            };
        }
        if let Some(io) = err.downcast_ref::<std::io::Error>()
            && io.kind() == std::io::ErrorKind::TimedOut
        {
            return FetchError::Timeout {
                url: url.to_string(),
            };
        }
        source = err.source();
    }
    FetchError::Network {
        url: url.to_string(),
        reason: one_line(&e.without_url()),
    }
}

/// An error and its causes as one line, repeated wording dropped.
fn one_line(e: &(dyn std::error::Error + 'static)) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut source = Some(e);
    while let Some(err) = source {
        let text = err.to_string().replace(['\n', '\r'], " ");
        if !text.is_empty() && !parts.iter().any(|p| p.contains(&text)) {
            parts.push(text);
        }
        source = err.source();
    }
    parts.join(": ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caller_urls_are_checked() {
        assert!(parse_url("https://a.test/feed#frag").is_ok());
        assert_eq!(
            parse_url("https://a.test/f#x").unwrap().as_str(),
            "https://a.test/f"
        );
        for bad in [
            "",
            "not a url",
            "/relative",
            "ftp://a.test/",
            "mailto:x@a.test",
        ] {
            assert!(
                matches!(parse_url(bad), Err(FetchError::BadUrl { .. })),
                "{bad}"
            );
        }
        let long = format!("http://a.test/{}", "x".repeat(10_000));
        match parse_url(&long) {
            Err(FetchError::BadUrl { url, .. }) => assert!(url.len() <= 200),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn only_transient_server_trouble_is_retried_in_place() {
        let status = |code| FetchError::Status {
            url: "u".into(),
            code,
            retry_after: None,
        };
        assert!(retryable(&status(503)));
        assert!(retryable(&status(429)));
        assert!(!retryable(&status(404)));
        assert!(retryable(&FetchError::Timeout { url: "u".into() }));
        assert!(!retryable(&FetchError::Robots { url: "u".into() }));
    }

    #[test]
    fn backoff_grows_with_jitter_and_stays_capped() {
        let f = Fetcher::new(Config::default()).unwrap();
        for attempt in 0..4 {
            let d = f.backoff(attempt).as_secs_f64();
            let base = 2f64.powi(attempt as i32);
            assert!(d >= 0.5 * base && d < 1.5 * base, "{attempt}: {d}");
        }
        assert!(f.backoff(40) <= Duration::from_secs(60));
    }
}
