//! Parsing one free-standing date string (a meta `content`, a JSON-LD value, a feed's `pubDate`).
//!
//! Bare numbers are read as compact dates (`20250124`) or Unix timestamps, whole mail-style dates
//! (a feed's `pubDate`) by [`rfc822`]; anything else goes to the text scanner, so a value may carry
//! a few words around its date ("Published: Jan 24, 2025").

use std::sync::LazyLock;

use regex::Regex;

use crate::rfc822;
use crate::scan::{clock, scan};
use crate::stamp::{Clock, Stamp, Window};

/// Longest string accepted as "one date"; longer values are prose, not dates.
const MAX_PARSE: usize = 256;

/// Compact ISO 8601 with a time: `20250124T170400Z`, `20250124T1704+0200`.
static COMPACT_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^([0-9]{4})([0-9]{2})([0-9]{2})T([0-9]{2})([0-9]{2})([0-9]{2})?(?:[.,][0-9]+)?(z|[+-][0-9]{2}:?[0-9]{2})?$")
        .expect("compact pattern compiles")
});

/// Parses `s` as one date, keeping only days inside `window`.
pub(crate) fn parse_stamp(s: &str, window: &Window) -> Option<Stamp> {
    let s = s.trim();
    if s.is_empty() || s.len() > MAX_PARSE {
        return None;
    }
    let stamp = if s.bytes().all(|b| b.is_ascii_digit()) {
        digits(s)?
    } else if let Some(stamp) = compact(s).or_else(|| rfc822::parse(s)) {
        stamp
    } else {
        return scan(s, window).map(|(stamp, _)| stamp);
    };
    window.contains(stamp.date).then_some(stamp)
}

/// A bare number: `YYYYMMDD`, `YYYYMMDDHHMM[SS]`, or a Unix timestamp in seconds or milliseconds
/// (read in UTC, the only zone a timestamp knows).
fn digits(s: &str) -> Option<Stamp> {
    let n = |range: std::ops::Range<usize>| -> Option<i64> { s.get(range)?.parse().ok() };
    match s.len() {
        8 | 12 | 14 => {
            let stamp = Stamp::from_ymd(n(0..4)?, n(4..6)?, n(6..8)?)?;
            if s.len() == 8 {
                return Some(stamp);
            }
            let clock = Clock {
                hour: i8::try_from(n(8..10)?).ok()?,
                minute: i8::try_from(n(10..12)?).ok()?,
                second: if s.len() == 14 {
                    i8::try_from(n(12..14)?).ok()?
                } else {
                    0
                },
                offset: None,
            };
            Some(stamp.with_time(Some(clock)))
        }
        9 | 10 => timestamp(jiff::Timestamp::from_second(s.parse().ok()?).ok()?),
        13 => timestamp(jiff::Timestamp::from_millisecond(s.parse().ok()?).ok()?),
        _ => None,
    }
}

/// A stamp for an instant, in UTC.
fn timestamp(ts: jiff::Timestamp) -> Option<Stamp> {
    let dt = ts.to_zoned(jiff::tz::TimeZone::UTC).datetime();
    Some(Stamp {
        date: dt.date(),
        time: Some(dt.time().with().subsec_nanosecond(0).build().ok()?),
        offset: Some(0),
        swapped: None,
    })
}

/// `20250124T170400Z` and friends.
fn compact(s: &str) -> Option<Stamp> {
    let caps = COMPACT_RE.captures(s)?;
    let part = |i: usize| -> Option<i64> { caps.get(i)?.as_str().parse().ok() };
    let stamp = Stamp::from_ymd(part(1)?, part(2)?, part(3)?)?;
    // Reuse the clock parser on a rebuilt "HH:MM:SS+zone" so zones are read in one place.
    let zone = caps.get(7).map_or("", |m| m.as_str());
    let text = format!(
        "{:02}:{:02}:{:02}{zone}",
        part(4)?,
        part(5)?,
        part(6).unwrap_or(0)
    );
    Some(stamp.with_time(clock(&text)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Option<String> {
        parse_stamp(s, &Window::any()).map(|s| s.iso())
    }

    #[test]
    fn numbers() {
        assert_eq!(p("20190312").as_deref(), Some("2019-03-12"));
        assert_eq!(p("201903121530").as_deref(), Some("2019-03-12T15:30:00"));
        assert_eq!(
            p("1552404600").as_deref(),
            Some("2019-03-12T15:30:00+00:00")
        );
        assert_eq!(
            p("1552404600000").as_deref(),
            Some("2019-03-12T15:30:00+00:00")
        );
        assert_eq!(p("12345"), None);
        assert_eq!(p("20191312"), None);
    }

    #[test]
    fn compact_forms() {
        assert_eq!(
            p("20190312T153000Z").as_deref(),
            Some("2019-03-12T15:30:00+00:00")
        );
        assert_eq!(
            p("20190312T1530-0400").as_deref(),
            Some("2019-03-12T15:30:00-04:00")
        );
    }

    #[test]
    fn window_applies_to_numbers() {
        let narrow = Window::until(jiff::civil::Date::constant(2000, 1, 1));
        assert_eq!(parse_stamp("20190312", &narrow), None);
    }
}
