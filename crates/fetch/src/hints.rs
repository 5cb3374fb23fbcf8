//! What a response says about when to ask again: `Cache-Control: max-age`,
//! `Expires` and `Retry-After`.

use std::time::Duration;

use jiff::Timestamp;
use reqwest::header::{CACHE_CONTROL, EXPIRES, HeaderMap, RETRY_AFTER};

/// The response's advice on the next request; every field is optional and
/// a malformed header reads as absent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hints {
    /// `Cache-Control: max-age`.
    pub max_age: Option<Duration>,
    /// `Expires`, when it is a valid HTTP date.
    pub expires: Option<Timestamp>,
    /// `Retry-After`, as a delay from when the response arrived.
    pub retry_after: Option<Duration>,
}

/// RFC 9111 caps delta-seconds it cannot represent at 2^31 seconds.
const MAX_DELTA: u64 = 1 << 31;

impl Hints {
    /// Reads the hints of a response that arrived at `now`.
    pub fn from_headers(headers: &HeaderMap, now: Timestamp) -> Hints {
        let cache_control: Vec<&str> = headers
            .get_all(CACHE_CONTROL)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .collect();
        let text = |name| headers.get(name).and_then(|v| v.to_str().ok());
        Hints {
            max_age: max_age(&cache_control.join(",")),
            expires: text(EXPIRES).and_then(http_date),
            retry_after: text(RETRY_AFTER).and_then(|v| retry_after(v, now)),
        }
    }
}

/// A non-negative decimal count of seconds, saturated at [`MAX_DELTA`].
fn delta_seconds(s: &str) -> Option<Duration> {
    let s = s.trim();
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let secs = s.parse::<u64>().unwrap_or(MAX_DELTA).min(MAX_DELTA);
    Some(Duration::from_secs(secs))
}

/// The `max-age` directive of a `Cache-Control` value (several headers
/// joined by commas); the first one counts.
pub fn max_age(cache_control: &str) -> Option<Duration> {
    cache_control.split(',').find_map(|directive| {
        let (name, value) = directive.split_once('=')?;
        if !name.trim().eq_ignore_ascii_case("max-age") {
            return None;
        }
        delta_seconds(value.trim().trim_matches('"'))
    })
}

/// An HTTP date (RFC 9110): the preferred IMF-fixdate, and the obsolete
/// RFC 850 and asctime forms recipients must still accept.
pub fn http_date(s: &str) -> Option<Timestamp> {
    let s = s.trim();
    if s.len() > 64 {
        return None;
    }
    if let Ok(ts) = jiff::fmt::rfc2822::DateTimeParser::new().parse_timestamp(s) {
        return Some(ts);
    }
    // RFC 850: "Sunday, 06-Nov-94 08:49:37 GMT".
    if let Ok(tm) = jiff::fmt::strtime::parse("%A, %d-%b-%y %H:%M:%S GMT", s) {
        return tm
            .to_datetime()
            .ok()?
            .to_zoned(jiff::tz::TimeZone::UTC)
            .ok()
            .map(|z| z.timestamp());
    }
    // asctime: "Sun Nov  6 08:49:37 1994".
    let squeezed = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let tm = jiff::fmt::strtime::parse("%a %b %d %H:%M:%S %Y", &squeezed).ok()?;
    tm.to_datetime()
        .ok()?
        .to_zoned(jiff::tz::TimeZone::UTC)
        .ok()
        .map(|z| z.timestamp())
}

/// `Retry-After`: delay-seconds, or an HTTP date turned into the delay from
/// `now` (a date in the past means no wait).
pub fn retry_after(s: &str, now: Timestamp) -> Option<Duration> {
    if let Some(d) = delta_seconds(s) {
        return Some(d);
    }
    let when = http_date(s)?;
    let wait = when.as_second().saturating_sub(now.as_second()).max(0);
    Some(Duration::from_secs((wait as u64).min(MAX_DELTA)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    fn ts(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    #[test]
    fn max_age_directive() {
        assert_eq!(max_age("max-age=300"), Some(Duration::from_secs(300)));
        assert_eq!(
            max_age("public, MAX-AGE = 60 , must-revalidate"),
            Some(Duration::from_secs(60))
        );
        assert_eq!(
            max_age("s-maxage=10, max-age=\"20\""),
            Some(Duration::from_secs(20))
        );
        assert_eq!(max_age("no-cache"), None);
        assert_eq!(max_age("max-age=-5"), None);
        assert_eq!(max_age("max-age=abc"), None);
        assert_eq!(max_age("max-age="), None);
        assert_eq!(
            max_age("max-age=99999999999999999999999"),
            Some(Duration::from_secs(1 << 31))
        );
    }

    #[test]
    fn http_dates_in_all_three_forms() {
        let want = ts("1994-11-06T08:49:37Z");
        assert_eq!(http_date("Sun, 06 Nov 1994 08:49:37 GMT"), Some(want));
        assert_eq!(http_date("Sunday, 06-Nov-94 08:49:37 GMT"), Some(want));
        assert_eq!(http_date("Sun Nov  6 08:49:37 1994"), Some(want));
        assert_eq!(http_date("0"), None);
        assert_eq!(http_date("-1"), None);
        assert_eq!(http_date(""), None);
        assert_eq!(http_date("yesterday"), None);
    }

    #[test]
    fn retry_after_seconds_or_date() {
        let now = ts("2026-03-01T12:00:00Z");
        assert_eq!(retry_after("120", now), Some(Duration::from_secs(120)));
        assert_eq!(retry_after(" 0 ", now), Some(Duration::ZERO));
        assert_eq!(
            retry_after("Sun, 01 Mar 2026 12:01:30 GMT", now),
            Some(Duration::from_secs(90))
        );
        assert_eq!(
            retry_after("Sun, 01 Mar 2026 11:00:00 GMT", now),
            Some(Duration::ZERO)
        );
        assert_eq!(retry_after("soon", now), None);
        assert_eq!(retry_after("-3", now), None);
    }

    #[test]
    fn from_headers_reads_all_three() {
        let now = ts("2026-03-01T12:00:00Z");
        let mut h = HeaderMap::new();
        h.append(CACHE_CONTROL, HeaderValue::from_static("public"));
        h.append(CACHE_CONTROL, HeaderValue::from_static("max-age=600"));
        h.insert(
            EXPIRES,
            HeaderValue::from_static("Sun, 01 Mar 2026 13:00:00 GMT"),
        );
        h.insert(RETRY_AFTER, HeaderValue::from_static("5"));
        let hints = Hints::from_headers(&h, now);
        assert_eq!(hints.max_age, Some(Duration::from_secs(600)));
        assert_eq!(hints.expires, Some(ts("2026-03-01T13:00:00Z")));
        assert_eq!(hints.retry_after, Some(Duration::from_secs(5)));
        assert_eq!(
            Hints::from_headers(&HeaderMap::new(), now),
            Hints::default()
        );
    }
}
