//! The redirect policy: where a `Location` leads, and whether to go.
//!
//! The fetcher follows redirects itself, hop by hop, rather than inside the
//! HTTP client, so that every hop passes the per-host gate, robots.txt and
//! the IP-literal check like a first request does.

use url::Url;

use crate::FetchError;
use crate::address::check_url;

/// The longest `Location` we follow.
const MAX_LOCATION: usize = 8 << 10;

/// Decides on a redirect from `current` to `location` when `followed`
/// redirects were already taken for the fetch of `first`: the next URL, or
/// why not (too many, a bad or non-http(s) target, an internal address).
pub(crate) fn next_hop(
    first: &str,
    current: &Url,
    location: &str,
    followed: usize,
    max_redirects: usize,
    allow_private: bool,
) -> Result<Url, FetchError> {
    if followed >= max_redirects {
        return Err(FetchError::TooManyRedirects {
            url: first.to_string(),
        });
    }
    let bad = |reason: String| FetchError::BadUrl {
        url: current.to_string(),
        reason,
    };
    if location.len() > MAX_LOCATION {
        return Err(bad(format!(
            "redirect Location longer than {MAX_LOCATION} bytes"
        )));
    }
    let mut next = current
        .join(location.trim())
        .map_err(|e| bad(format!("redirect to {location:?}: {e}")))?;
    // A fragment is not sent; keep URLs comparable.
    next.set_fragment(None);
    check_url(&next, allow_private).map_err(|e| match e {
        FetchError::Refused { url, reason } => FetchError::Refused {
            url,
            reason: format!("{reason} (redirected from {current})"),
        },
        FetchError::BadUrl { url, reason } => FetchError::BadUrl {
            url,
            reason: format!("{reason} (redirected from {current})"),
        },
        other => other,
    })?;
    Ok(next)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn from() -> Url {
        Url::parse("http://public.test/feed").unwrap()
    }

    #[test]
    fn relative_and_absolute_locations() {
        let n = next_hop("f", &from(), "/new#top", 0, 5, false).unwrap();
        assert_eq!(n.as_str(), "http://public.test/new");
        let n = next_hop("f", &from(), "https://other.test/x", 0, 5, false).unwrap();
        assert_eq!(n.as_str(), "https://other.test/x");
        let n = next_hop("f", &from(), "//cdn.test/y", 0, 5, false).unwrap();
        assert_eq!(n.as_str(), "http://cdn.test/y");
    }

    #[test]
    fn redirect_to_internal_address_is_refused() {
        for to in [
            "http://127.0.0.1:8080/",
            "http://169.254.169.254/latest/meta-data/",
            "http://[::1]/",
            "http://10.1.2.3/admin",
            "http://0/",
        ] {
            match next_hop("f", &from(), to, 0, 5, false) {
                Err(FetchError::Refused { url, reason }) => {
                    assert!(
                        reason.contains("redirected from http://public.test/feed"),
                        "{reason}"
                    );
                    assert!(!url.is_empty());
                }
                other => panic!("{to}: {other:?}"),
            }
        }
        assert!(next_hop("f", &from(), "http://127.0.0.1/", 0, 5, true).is_ok());
    }

    #[test]
    fn only_http_and_https() {
        for to in [
            "file:///etc/passwd",
            "ftp://a.test/",
            "gopher://a.test/",
            "data:text/plain,x",
        ] {
            assert!(
                matches!(
                    next_hop("f", &from(), to, 0, 5, true),
                    Err(FetchError::BadUrl { .. })
                ),
                "{to}"
            );
        }
    }

    #[test]
    fn redirect_count_is_capped() {
        assert!(next_hop("first", &from(), "/a", 4, 5, false).is_ok());
        match next_hop("first", &from(), "/a", 5, 5, false) {
            Err(FetchError::TooManyRedirects { url }) => assert_eq!(url, "first"),
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            next_hop("first", &from(), "/a", 0, 0, false),
            Err(FetchError::TooManyRedirects { .. })
        ));
    }

    #[test]
    fn hostile_locations() {
        let long = "/".to_string() + &"a".repeat(10_000);
        assert!(matches!(
            next_hop("f", &from(), &long, 0, 5, false),
            Err(FetchError::BadUrl { .. })
        ));
        assert!(matches!(
            next_hop("f", &from(), "http://", 0, 5, false),
            Err(FetchError::BadUrl { .. })
        ));
    }
}
