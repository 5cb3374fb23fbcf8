//! Period: the calendar span a TimeML value names.
//!
//! The story timeline orders events by these; [`Period::first_day`] and
//! [`Period::last_day`] give every period comparable bounds.

use jiff::civil::Date;

use crate::anchor::{Ymd, days_in_month};

/// A season of a year (winter runs from December into the next year).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Season {
    /// March to May.
    Spring,
    /// June to August.
    Summer,
    /// September to November.
    Fall,
    /// December to February.
    Winter,
}

/// A calendar period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Period {
    /// One day (a value with a time of day still names its day).
    Day(Date),
    /// An ISO week (weekends too: "2025-W03-WE" is within week 3).
    Week {
        /// The ISO week-numbering year (its week 1 holds 4 January).
        year: i16,
        /// The week of that year, 1..=53.
        week: u8,
    },
    /// A month (1..=12).
    Month {
        /// The calendar year.
        year: i16,
        /// The month of the year, 1 for January.
        month: u8,
    },
    /// A quarter (1..=4).
    Quarter {
        /// The calendar year.
        year: i16,
        /// The quarter of the year, 1 for January to March.
        quarter: u8,
    },
    /// A half year (1..=2).
    Half {
        /// The calendar year.
        year: i16,
        /// 1 for January to June, 2 for July to December.
        half: u8,
    },
    /// A season.
    Season {
        /// The year it starts in (a winter runs into the next).
        year: i16,
        /// Which season.
        season: Season,
    },
    /// A year.
    Year(i16),
    /// A decade, by its first year (1990 for the 1990s).
    Decade(i16),
    /// A century, by its first year (1900 for the 1900s).
    Century(i16),
}

fn digits(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

impl Period {
    /// The period a TimeML value names, or `None` for durations, sets,
    /// references (`PRESENT_REF`) and values with unknown (`X`) parts.
    pub fn parse(value: &str) -> Option<Period> {
        let date = value.split('T').next()?;
        let mut parts = date.split('-');
        let head = parts.next()?;
        let y = digits(head)?;
        let rest: (Option<&str>, Option<&str>, Option<&str>) =
            (parts.next(), parts.next(), parts.next());
        match head.len() {
            2 if rest.0.is_none() => return Some(Period::Century(i16::try_from(y * 100).ok()?)),
            3 if rest.0.is_none() => return Some(Period::Decade(i16::try_from(y * 10).ok()?)),
            4 => {}
            _ => return None,
        }
        let year = i16::try_from(y).ok()?;
        match rest {
            (None, _, _) => Some(Period::Year(year)),
            (Some(m), None, None) if m.len() == 2 && digits(m).is_some() => {
                let month = u8::try_from(digits(m)?).ok()?;
                (1..=12)
                    .contains(&month)
                    .then_some(Period::Month { year, month })
            }
            (Some(m), Some(d), None) if m.len() == 2 && d.len() == 2 => {
                let ymd = Ymd::new(
                    y as i32,
                    u8::try_from(digits(m)?).ok()?,
                    u8::try_from(digits(d)?).ok()?,
                )?;
                Some(Period::Day(ymd.to_date()?))
            }
            (Some(w), tail, None) if w.starts_with('W') => {
                if tail.is_some_and(|t| t != "WE") {
                    return None;
                }
                let week = u8::try_from(digits(w.get(1..)?)?).ok()?;
                (1..=53)
                    .contains(&week)
                    .then_some(Period::Week { year, week })
            }
            (Some(q), None, None) if q.starts_with('Q') => {
                let quarter = u8::try_from(digits(q.get(1..)?)?).ok()?;
                (1..=4)
                    .contains(&quarter)
                    .then_some(Period::Quarter { year, quarter })
            }
            (Some(h), None, None) if h.starts_with('H') => {
                let half = u8::try_from(digits(h.get(1..)?)?).ok()?;
                (1..=2)
                    .contains(&half)
                    .then_some(Period::Half { year, half })
            }
            (Some(s), None, None) => {
                let season = match s {
                    "SP" => Season::Spring,
                    "SU" => Season::Summer,
                    "FA" => Season::Fall,
                    "WI" => Season::Winter,
                    _ => return None,
                };
                Some(Period::Season { year, season })
            }
            _ => None,
        }
    }

    /// First and last day as (year, month, day) triples.
    fn bounds(&self) -> Option<(Ymd, Ymd)> {
        let month_span = |y: i32, m1: u8, y2: i32, m2: u8| {
            Some((
                Ymd::new(y, m1, 1)?,
                Ymd::new(y2, m2, days_in_month(y2, m2))?,
            ))
        };
        match *self {
            Period::Day(d) => {
                let d = Ymd::from_date(d)?;
                Some((d, d))
            }
            Period::Week { year, week } => {
                // Week 1 holds 4 January.
                let jan4 = Ymd::new(i32::from(year), 1, 4)?;
                let monday = jan4
                    .add_days(1 - i64::from(jan4.weekday()))?
                    .add_days(7 * (i64::from(week) - 1))?;
                Some((monday, monday.add_days(6)?))
            }
            Period::Month { year, month } => {
                month_span(i32::from(year), month, i32::from(year), month)
            }
            Period::Quarter { year, quarter } => {
                let m = (quarter - 1) * 3 + 1;
                month_span(i32::from(year), m, i32::from(year), m + 2)
            }
            Period::Half { year, half } => {
                let m = (half - 1) * 6 + 1;
                month_span(i32::from(year), m, i32::from(year), m + 5)
            }
            Period::Season { year, season } => {
                let y = i32::from(year);
                match season {
                    Season::Spring => month_span(y, 3, y, 5),
                    Season::Summer => month_span(y, 6, y, 8),
                    Season::Fall => month_span(y, 9, y, 11),
                    Season::Winter => month_span(y, 12, y + 1, 2),
                }
            }
            Period::Year(y) => month_span(i32::from(y), 1, i32::from(y), 12),
            Period::Decade(y) => month_span(i32::from(y).max(1), 1, i32::from(y) + 9, 12),
            Period::Century(y) => month_span(i32::from(y).max(1), 1, i32::from(y) + 99, 12),
        }
    }

    /// The first day of the period.
    pub fn first_day(&self) -> Option<Date> {
        self.bounds()?.0.to_date()
    }

    /// The last day of the period.
    pub fn last_day(&self) -> Option<Date> {
        self.bounds()?.1.to_date()
    }

    /// True when `day` falls within the period.
    pub fn contains(&self, day: Date) -> bool {
        match (self.first_day(), self.last_day()) {
            (Some(a), Some(b)) => a <= day && day <= b,
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn parses_values() {
        assert_eq!(
            Period::parse("2025-01-23"),
            Some(Period::Day(date(2025, 1, 23)))
        );
        assert_eq!(
            Period::parse("2025-01-23TMO"),
            Some(Period::Day(date(2025, 1, 23)))
        );
        assert_eq!(
            Period::parse("2025-W03"),
            Some(Period::Week {
                year: 2025,
                week: 3
            })
        );
        assert_eq!(
            Period::parse("2025-W03-WE"),
            Some(Period::Week {
                year: 2025,
                week: 3
            })
        );
        assert_eq!(
            Period::parse("1998-Q1"),
            Some(Period::Quarter {
                year: 1998,
                quarter: 1
            })
        );
        assert_eq!(Period::parse("199"), Some(Period::Decade(1990)));
        assert_eq!(Period::parse("2023-02-29"), None);
        assert_eq!(Period::parse("XXXX-01-09"), None);
        assert_eq!(Period::parse("PRESENT_REF"), None);
        assert_eq!(Period::parse("P3Y"), None);
        assert_eq!(Period::parse(""), None);
    }

    #[test]
    fn bounds() {
        let w = Period::Week {
            year: 2025,
            week: 1,
        };
        assert_eq!(w.first_day(), Some(date(2024, 12, 30)));
        assert_eq!(w.last_day(), Some(date(2025, 1, 5)));
        let q = Period::Quarter {
            year: 2024,
            quarter: 1,
        };
        assert_eq!(q.last_day(), Some(date(2024, 3, 31)));
        let wi = Period::Season {
            year: 2023,
            season: Season::Winter,
        };
        assert_eq!(wi.last_day(), Some(date(2024, 2, 29)));
        assert!(Period::Year(2025).contains(date(2025, 6, 1)));
    }
}
