//! The fetcher's settings: identity, time and size caps, politeness, retries
//! and the address policy.

use std::net::IpAddr;
use std::time::Duration;

/// How a [`Fetcher`](crate::Fetcher) behaves. [`Config::default`] is what
/// `storyline watch` uses against the open web.
#[derive(Debug, Clone)]
pub struct Config {
    /// Sent as `User-Agent`; its first word is also our robots.txt product
    /// token's home (the token itself is [`PRODUCT_TOKEN`]).
    pub user_agent: String,
    /// How long a TCP (and TLS) connection may take to open.
    pub connect_timeout: Duration,
    /// How long one request may take, headers and body together.
    pub timeout: Duration,
    /// Redirects followed before giving up with `TooManyRedirects`.
    pub max_redirects: usize,
    /// Bytes read from the wire, before decompression; more is `TooLarge`.
    pub max_body: u64,
    /// Bytes after gzip decompression; more is `TooLarge` (gzip bombs).
    pub max_decoded: u64,
    /// At most one request start per host per interval.
    pub per_host_interval: Duration,
    /// Requests in flight per host at once.
    pub per_host_concurrency: usize,
    /// Retries after a 5xx, a 429 or a timeout.
    pub retries: u32,
    /// First back-off delay; it doubles per retry, with jitter.
    pub retry_base: Duration,
    /// The longest wait a `Retry-After` may ask for; longer ones end the
    /// fetch at once with the error carrying the server's wish.
    pub retry_after_cap: Duration,
    /// Allow loopback, private, link-local and other internal addresses
    /// (tests and the newsroom simulator only).
    pub allow_private: bool,
    /// DNS overrides: an exact host name, or `*.suffix` for any name below
    /// `suffix`. Their addresses still pass the internal-address check.
    pub resolve: Vec<(String, IpAddr)>,
    /// The most robots.txt bytes read and parsed; the rest is ignored.
    pub robots_max: u64,
    /// How long a fetched robots.txt is trusted.
    pub robots_ttl: Duration,
}

/// Our product token in robots.txt `User-agent` lines.
pub const PRODUCT_TOKEN: &str = "storyline";

impl Default for Config {
    fn default() -> Self {
        Config {
            user_agent: format!(
                "storyline/{} (news story clustering; polite feed reader)",
                env!("CARGO_PKG_VERSION")
            ),
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(30),
            max_redirects: 5,
            max_body: 10 << 20,
            max_decoded: 50 << 20,
            per_host_interval: Duration::from_secs(1),
            per_host_concurrency: 1,
            retries: 2,
            retry_base: Duration::from_secs(1),
            retry_after_cap: Duration::from_secs(60),
            allow_private: false,
            resolve: Vec::new(),
            robots_max: 500 << 10,
            robots_ttl: Duration::from_secs(24 * 3600),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_the_documented_ones() {
        let c = Config::default();
        assert!(c.user_agent.starts_with("storyline/"));
        assert!(
            c.user_agent
                .ends_with("(news story clustering; polite feed reader)")
        );
        assert_eq!(c.max_body, 10 * 1024 * 1024);
        assert_eq!(c.max_decoded, 50 * 1024 * 1024);
        assert_eq!(c.robots_max, 500 * 1024);
        assert_eq!(c.per_host_concurrency, 1);
        assert!(!c.allow_private);
    }
}
