//! When an article was published, typed.
//!
//! The store keeps publication times as the extractor wrote them (ISO 8601:
//! a bare day, or a time with or without an offset); everything that reads
//! them as times goes through [`Published::parse`], so no stage slices
//! strings.

use jiff::civil::{Date, DateTime};
use jiff::{Timestamp, tz::TimeZone};

/// A publication time: the publisher's own day and the instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Published {
    /// The day in the publisher's zone: a time keeps the offset it was
    /// written with, so its date part is the publisher's local day.
    day: Date,
    /// The instant; a bare day or a time without offset counts as UTC.
    at: Timestamp,
}

impl Published {
    /// Reads a stored publication time: `YYYY-MM-DD`, RFC 3339, or a civil
    /// date-time (taken as UTC); anything after a leading day that is none
    /// of these counts from that day's midnight UTC. `None` when the text
    /// does not start with a day.
    pub fn parse(s: &str) -> Option<Published> {
        let s = s.trim();
        let day: Date = s.get(..10)?.parse().ok()?;
        let at = s
            .parse::<Timestamp>()
            .ok()
            .or_else(|| {
                let dt = s.parse::<DateTime>().ok()?;
                dt.to_zoned(TimeZone::UTC).ok().map(|z| z.timestamp())
            })
            .or_else(|| day.to_zoned(TimeZone::UTC).ok().map(|z| z.timestamp()))?;
        Some(Published { day, at })
    }

    /// The publisher's day.
    pub fn day(&self) -> Date {
        self.day
    }

    /// The instant.
    pub fn at(&self) -> Timestamp {
        self.at
    }

    /// The instant as Unix seconds.
    pub fn unix_seconds(&self) -> i64 {
        self.at.as_second()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seconds(s: &str) -> Option<i64> {
        Published::parse(s).map(|p| p.unix_seconds())
    }

    #[test]
    fn stored_forms_as_seconds() {
        assert_eq!(seconds("1970-01-02"), Some(86_400));
        assert_eq!(seconds("1970-01-01T01:00:00+01:00"), Some(0));
        assert_eq!(seconds("1970-01-01T00:01:00"), Some(60));
        assert_eq!(seconds("1970-01-01T00:01:00Z"), Some(60));
        assert_eq!(seconds("soon"), None);
        assert_eq!(seconds(""), None);
    }

    #[test]
    fn the_day_is_the_publishers_own() {
        let late = Published::parse("2031-03-04T23:30:00-05:00").unwrap();
        assert_eq!(late.day().to_string(), "2031-03-04");
        assert_eq!(late.at().to_string(), "2031-03-05T04:30:00Z");
        assert!(Published::parse("2031-02-30").is_none());
    }
}
