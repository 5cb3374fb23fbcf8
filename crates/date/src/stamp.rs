//! `Stamp`: a calendar date with an optional wall-clock time and UTC offset, and its ISO 8601 form.
//!
//! Dates are kept as the page wrote them (its local calendar day); nothing is converted to UTC, because
//! a story published late in the evening belongs to that evening's date for its readers.

use jiff::civil::{Date, Time};

/// A date as written somewhere, with the time and offset when they were written too.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Stamp {
    /// The calendar day, in the writer's own zone.
    pub date: Date,
    /// Wall-clock time, when known.
    pub time: Option<Time>,
    /// UTC offset in minutes, only meaningful with a time.
    pub offset: Option<i32>,
    /// The other reading of an ambiguous numeric date ("03/10/2023": March 10 or October 3), for
    /// callers that can settle it with other evidence.
    pub swapped: Option<Date>,
}

impl Stamp {
    /// A stamp from numeric parts, `None` when they are not a real calendar day.
    pub fn from_ymd(year: i64, month: i64, day: i64) -> Option<Stamp> {
        let date = Date::new(
            i16::try_from(year).ok()?,
            i8::try_from(month).ok()?,
            i8::try_from(day).ok()?,
        )
        .ok()?;
        Some(Stamp {
            date,
            time: None,
            offset: None,
            swapped: None,
        })
    }

    /// Adds a time of day (and offset) when the parts are valid; an invalid time leaves the date alone.
    pub fn with_time(mut self, clock: Option<Clock>) -> Stamp {
        if let Some(clock) = clock
            && let Ok(time) = Time::new(clock.hour, clock.minute, clock.second, 0)
        {
            self.time = Some(time);
            self.offset = clock.offset;
        }
        self
    }

    /// ISO 8601: `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM:SS` or `YYYY-MM-DDTHH:MM:SS+HH:MM`.
    pub fn iso(&self) -> String {
        let mut out = self.date.to_string();
        if let Some(time) = self.time {
            out.push_str(&format!(
                "T{:02}:{:02}:{:02}",
                time.hour(),
                time.minute(),
                time.second()
            ));
            if let Some(offset) = self.offset {
                let sign = if offset < 0 { '-' } else { '+' };
                let abs = offset.unsigned_abs();
                out.push_str(&format!("{sign}{:02}:{:02}", abs / 60, abs % 60));
            }
        }
        out
    }
}

/// A time of day as parsed, before validation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Clock {
    pub hour: i8,
    pub minute: i8,
    pub second: i8,
    /// UTC offset in minutes, when written.
    pub offset: Option<i32>,
}

/// The range of dates a page can plausibly carry as its publication date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Window {
    /// Earliest acceptable day.
    pub min: Date,
    /// Latest acceptable day.
    pub max: Date,
}

impl Window {
    /// From 1995 (the web's first news sites) to two days after `today`, which absorbs time-zone skew
    /// between the page and the machine.
    pub fn until(today: Date) -> Window {
        let max = today
            .checked_add(jiff::Span::new().days(2))
            .unwrap_or(today);
        Window {
            min: Date::constant(1995, 1, 1),
            max,
        }
    }

    /// Any four-digit year: calendar validity only, for the syntax-level parser.
    pub fn any() -> Window {
        Window {
            min: Date::constant(1000, 1, 1),
            max: Date::constant(9999, 12, 31),
        }
    }

    /// Whether `date` lies in the window.
    pub fn contains(&self, date: Date) -> bool {
        self.min <= date && date <= self.max
    }
}

/// Today's date in UTC: no time-zone lookup per call, and the window's two days of slack cover
/// every zone.
pub(crate) fn today() -> Date {
    jiff::Timestamp::now()
        .to_zoned(jiff::tz::TimeZone::UTC)
        .date()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_forms() {
        let s = Stamp::from_ymd(2024, 2, 29).expect("leap day");
        assert_eq!(s.iso(), "2024-02-29");
        let clock = Clock {
            hour: 7,
            minute: 5,
            second: 0,
            offset: Some(-330),
        };
        assert_eq!(s.with_time(Some(clock)).iso(), "2024-02-29T07:05:00-05:30");
        let local = Clock {
            offset: None,
            ..clock
        };
        assert_eq!(s.with_time(Some(local)).iso(), "2024-02-29T07:05:00");
    }

    #[test]
    fn invalid_parts() {
        assert!(Stamp::from_ymd(2023, 2, 29).is_none());
        assert!(Stamp::from_ymd(2023, 13, 1).is_none());
        assert!(Stamp::from_ymd(99_999, 1, 1).is_none());
        let s = Stamp::from_ymd(2023, 1, 1).expect("valid");
        let bad = Clock {
            hour: 25,
            minute: 0,
            second: 0,
            offset: None,
        };
        assert_eq!(s.with_time(Some(bad)).time, None);
    }

    #[test]
    fn window_bounds() {
        let w = Window::until(Date::constant(2025, 1, 10));
        assert!(w.contains(Date::constant(2025, 1, 12)));
        assert!(!w.contains(Date::constant(2025, 1, 13)));
        assert!(!w.contains(Date::constant(1994, 12, 31)));
    }
}
