//! Why a fetch failed, one line naming the URL and the reason.

use std::time::Duration;

/// A failed fetch. Every variant but [`FetchError::Setup`] names the URL it
/// happened at (after redirects, the hop that failed).
#[derive(Debug, Clone, thiserror::Error)]
pub enum FetchError {
    /// The URL does not parse, is not http(s), or has no host.
    #[error("{url}: bad URL: {reason}")]
    BadUrl {
        /// The URL as given.
        url: String,
        /// What is wrong with it.
        reason: String,
    },
    /// The URL's host is, or resolves to, an internal address.
    #[error("{url}: refused: {reason}")]
    Refused {
        /// The URL refused.
        url: String,
        /// The address and its class, e.g. `127.0.0.1 is loopback`.
        reason: String,
    },
    /// robots.txt disallows this page for us.
    #[error("{url}: disallowed by the site's robots.txt")]
    Robots {
        /// The page.
        url: String,
    },
    /// Connecting or the whole request took too long.
    #[error("{url}: timed out")]
    Timeout {
        /// The URL that did not answer in time.
        url: String,
    },
    /// The body outgrew a size cap, on the wire or decompressed.
    #[error("{url}: body larger than {limit} bytes")]
    TooLarge {
        /// The URL whose body was cut off.
        url: String,
        /// The cap that was hit, in bytes.
        limit: u64,
    },
    /// More redirects than allowed, or a redirect loop.
    #[error("{url}: too many redirects")]
    TooManyRedirects {
        /// The URL first asked for.
        url: String,
    },
    /// The server answered with an error status (or an unusable 3xx).
    #[error("{url}: HTTP status {code}{}", after(*retry_after))]
    Status {
        /// The URL that answered.
        url: String,
        /// The HTTP status code.
        code: u16,
        /// The server's `Retry-After`, if it gave one.
        retry_after: Option<Duration>,
    },
    /// The body could not be decompressed.
    #[error("{url}: cannot decode body: {reason}")]
    Decode {
        /// The URL whose body was bad.
        url: String,
        /// The decoder's complaint.
        reason: String,
    },
    /// Resolving, connecting, TLS or the HTTP exchange failed.
    #[error("{url}: network error: {reason}")]
    Network {
        /// The URL being fetched.
        url: String,
        /// What went wrong, as one line.
        reason: String,
    },
    /// The HTTP client could not be set up (no URL involved).
    #[error("cannot set up the HTTP client: {reason}")]
    Setup {
        /// Why.
        reason: String,
    },
}

fn after(retry_after: Option<Duration>) -> String {
    match retry_after {
        Some(d) => format!(" (retry after {} s)", d.as_secs()),
        None => String::new(),
    }
}

impl FetchError {
    /// How long the server asked us to wait before trying again.
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            FetchError::Status { retry_after, .. } => *retry_after,
            _ => None,
        }
    }

    /// Whether trying again later may succeed: timeouts, network trouble,
    /// 5xx and 429. Bad URLs, refusals, robots, caps and 4xx will not change.
    pub fn is_transient(&self) -> bool {
        match self {
            FetchError::Timeout { .. } | FetchError::Network { .. } => true,
            FetchError::Status { code, .. } => *code == 429 || (500..600).contains(code),
            _ => false,
        }
    }

    /// The URL the error is about (empty for [`FetchError::Setup`]).
    pub fn url(&self) -> &str {
        match self {
            FetchError::BadUrl { url, .. }
            | FetchError::Refused { url, .. }
            | FetchError::Robots { url }
            | FetchError::Timeout { url }
            | FetchError::TooLarge { url, .. }
            | FetchError::TooManyRedirects { url }
            | FetchError::Status { url, .. }
            | FetchError::Decode { url, .. }
            | FetchError::Network { url, .. } => url,
            FetchError::Setup { .. } => "",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_one_line_naming_the_url() {
        let e = FetchError::Status {
            url: "http://a.test/feed".into(),
            code: 429,
            retry_after: Some(Duration::from_secs(3600)),
        };
        assert_eq!(
            e.to_string(),
            "http://a.test/feed: HTTP status 429 (retry after 3600 s)"
        );
        assert!(e.is_transient());
        assert_eq!(e.retry_after(), Some(Duration::from_secs(3600)));
        assert_eq!(e.url(), "http://a.test/feed");
        let e = FetchError::Status {
            url: "u".into(),
            code: 404,
            retry_after: None,
        };
        assert_eq!(e.to_string(), "u: HTTP status 404");
        assert!(!e.is_transient());
        let e = FetchError::Refused {
            url: "http://127.0.0.1/".into(),
            reason: "127.0.0.1 is loopback".into(),
        };
        assert_eq!(
            e.to_string(),
            "http://127.0.0.1/: refused: 127.0.0.1 is loopback"
        );
        assert!(!e.is_transient());
        assert!(FetchError::Timeout { url: "u".into() }.is_transient());
    }
}
