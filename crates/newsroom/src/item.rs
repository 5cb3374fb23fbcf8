//! A published item as `/_items` and [`Newsroom::items`](crate::Newsroom::items)
//! report it: enough to measure a client's freshness and check its stories.

use jiff::Timestamp;
use serde::{Serialize, Serializer};

/// One item that has appeared in its feed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Item {
    /// The article's id (`/a/{id}.html`).
    pub id: String,
    /// Its page's URL.
    pub url: String,
    /// Its feed's index.
    pub feed: usize,
    /// Its feed's URL.
    pub feed_url: String,
    /// The story it belongs to: a corpus story id, or
    /// `synthetic-<cycle>-<corpus story>` for synthetic articles.
    pub story: String,
    /// Its (simulated) publication time, as its feed gives it.
    #[serde(serialize_with = "seconds")]
    pub published: Timestamp,
    /// When it appeared in its feed, on the real wall clock (RFC 3339 with
    /// milliseconds in JSON).
    #[serde(serialize_with = "milliseconds")]
    pub appeared: Timestamp,
}

/// `at` as RFC 3339 in UTC with whole seconds.
pub(crate) fn rfc3339(at: Timestamp) -> String {
    at.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// `at` as RFC 3339 in UTC with milliseconds.
pub(crate) fn rfc3339_ms(at: Timestamp) -> String {
    at.strftime("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

fn seconds<S: Serializer>(at: &Timestamp, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&rfc3339(*at))
}

fn milliseconds<S: Serializer>(at: &Timestamp, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&rfc3339_ms(*at))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_serialise_as_rfc3339() {
        let at: Timestamp = "2026-01-02T03:04:05.0678Z".parse().unwrap();
        assert_eq!(rfc3339_ms(at), "2026-01-02T03:04:05.067Z");
        assert_eq!(rfc3339(at), "2026-01-02T03:04:05Z");
        let item = Item {
            id: "a".into(),
            url: "u".into(),
            feed: 1,
            feed_url: "f".into(),
            story: "s".into(),
            published: at,
            appeared: at,
        };
        let json = serde_json::to_string(&item).unwrap();
        assert!(
            json.contains("\"appeared\":\"2026-01-02T03:04:05.067Z\""),
            "{json}"
        );
    }
}
