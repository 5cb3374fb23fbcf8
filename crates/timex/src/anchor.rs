//! Anchor: calendar arithmetic around the publication date.
//!
//! A small proleptic-Gregorian calendar of our own ([`Ymd`]) keeps every
//! step total: out-of-range results come back as `None` instead of
//! panicking, whatever numbers the text put in front of us. Years are kept
//! within 1..=9999 so every value prints as four digits.

use jiff::civil::Date;

use crate::lexicon::Holiday;

/// A calendar day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Ymd {
    pub y: i32,
    pub m: u8,
    pub d: u8,
}

/// Days in month `m` of year `y` (0 for a month outside 1..=12).
pub(crate) fn days_in_month(y: i32, m: u8) -> u8 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl Ymd {
    /// A valid day, or `None`.
    pub fn new(y: i32, m: u8, d: u8) -> Option<Ymd> {
        ((1..=9999).contains(&y) && d >= 1 && d <= days_in_month(y, m)).then_some(Ymd { y, m, d })
    }

    /// From a jiff date.
    pub fn from_date(date: Date) -> Option<Ymd> {
        let m = u8::try_from(date.month()).ok()?;
        let d = u8::try_from(date.day()).ok()?;
        Ymd::new(i32::from(date.year()), m, d)
    }

    /// To a jiff date.
    pub fn to_date(self) -> Option<Date> {
        let y = i16::try_from(self.y).ok()?;
        Date::new(y, self.m as i8, self.d as i8).ok()
    }

    /// Days since 1970-01-01 (Howard Hinnant's days-from-civil).
    fn days(self) -> i64 {
        let y = i64::from(self.y) - i64::from(self.m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.m);
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + i64::from(self.d) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    fn from_days(z: i64) -> Option<Ymd> {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i64::from(m <= 2);
        Ymd::new(i32::try_from(y).ok()?, m as u8, d as u8)
    }

    /// This day moved by `n` days.
    pub fn add_days(self, n: i64) -> Option<Ymd> {
        if n.abs() > 4_000_000 {
            return None;
        }
        Ymd::from_days(self.days() + n)
    }

    /// ISO weekday, 1 = Monday .. 7 = Sunday.
    pub fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday.
        ((self.days() + 3).rem_euclid(7) + 1) as u8
    }

    /// ISO week-numbering year and week.
    pub fn iso_week(self) -> (i32, u8) {
        // The week belongs to the year holding its Thursday.
        let thursday = self.days() - i64::from(self.weekday()) + 4;
        let Some(t) = Ymd::from_days(thursday) else {
            return (self.y, 1);
        };
        let jan1 = Ymd { y: t.y, m: 1, d: 1 };
        let week = (thursday - jan1.days()) / 7 + 1;
        (t.y, week as u8)
    }

    /// Quarter of the year, 1..=4.
    pub fn quarter(self) -> u8 {
        (self.m - 1) / 3 + 1
    }
}

/// Month `m` of year `y` moved by `n` months, as (year, month).
pub(crate) fn add_months(y: i32, m: u8, n: i64) -> Option<(i32, u8)> {
    let idx = i64::from(y) * 12 + i64::from(m) - 1 + n;
    let y = i32::try_from(idx.div_euclid(12)).ok()?;
    (1..=9999)
        .contains(&y)
        .then_some((y, (idx.rem_euclid(12) + 1) as u8))
}

/// Which way an expression without a year or week leans.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lean {
    /// At or before the anchor (news default for weekdays).
    Past,
    /// At or after the anchor.
    Future,
    /// Whichever occurrence is closer (ties go to the past).
    Nearest,
}

/// The weekday `wd` nearest the anchor in the direction `lean`
/// (the anchor itself counts).
pub(crate) fn weekday_near(anchor: Ymd, wd: u8, lean: Lean) -> Option<Ymd> {
    let cur = i64::from(anchor.weekday());
    let wd = i64::from(wd);
    let back = (cur - wd).rem_euclid(7);
    match lean {
        Lean::Future => anchor.add_days((wd - cur).rem_euclid(7)),
        Lean::Past | Lean::Nearest => anchor.add_days(-back),
    }
}

/// The year of month `m` (and day `d`, if given) nearest the anchor in the
/// direction `lean`.
pub(crate) fn year_near(anchor: Ymd, m: u8, d: Option<u8>, lean: Lean) -> i32 {
    // Compare (month, day) within the year; no day counts as mid-month.
    let key = |m: u8, d: u8| i64::from(m) * 32 + i64::from(d);
    let target = key(m, d.unwrap_or(15));
    let now = key(anchor.m, if d.is_some() { anchor.d } else { 15 });
    let y = anchor.y;
    match lean {
        Lean::Past if target > now => y - 1,
        Lean::Future if target < now => y + 1,
        Lean::Past | Lean::Future => y,
        Lean::Nearest => {
            // Distance in "month*32 + day" units: good enough to rank.
            let ahead = (target - now).rem_euclid(12 * 32);
            let behind = (now - target).rem_euclid(12 * 32);
            if target == now {
                y
            } else if ahead < behind {
                if target > now { y } else { y + 1 }
            } else if target < now {
                y
            } else {
                y - 1
            }
        }
    }
}

/// The `n`th weekday `wd` (1 = Monday) of month `m`; `n` = 5 or more
/// means the last one.
fn nth_weekday(y: i32, m: u8, wd: u8, n: u8) -> Option<Ymd> {
    let first = Ymd::new(y, m, 1)?;
    let to_first = (i64::from(wd) - i64::from(first.weekday())).rem_euclid(7);
    let day = first.add_days(to_first + 7 * i64::from(n.saturating_sub(1)))?;
    if day.m == m {
        return Some(day);
    }
    // Asked for more weeks than the month has: the last such weekday.
    day.add_days(-7)
}

/// Easter Sunday of year `y` (the anonymous Gregorian computus).
fn easter(y: i32) -> Option<Ymd> {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Ymd::new(y, u8::try_from(month).ok()?, u8::try_from(day).ok()?)
}

/// The day holiday `h` falls on in year `y`.
pub(crate) fn holiday_date(h: Holiday, y: i32) -> Option<Ymd> {
    match h {
        Holiday::Christmas => Ymd::new(y, 12, 25),
        Holiday::ChristmasEve => Ymd::new(y, 12, 24),
        Holiday::NewYear => Ymd::new(y, 1, 1),
        Holiday::NewYearsEve => Ymd::new(y, 12, 31),
        Holiday::Valentines => Ymd::new(y, 2, 14),
        Holiday::Independence => Ymd::new(y, 7, 4),
        Holiday::Halloween => Ymd::new(y, 10, 31),
        Holiday::Thanksgiving => nth_weekday(y, 11, 4, 4),
        Holiday::Memorial => nth_weekday(y, 5, 1, 5),
        Holiday::Labor => nth_weekday(y, 9, 1, 1),
        Holiday::Election => nth_weekday(y, 11, 1, 1)?.add_days(1),
        Holiday::Easter => easter(y),
    }
}

/// The occurrence of holiday `h` nearest the anchor in the direction
/// `lean` (the anchor itself counts either way).
pub(crate) fn holiday_near(anchor: Ymd, h: Holiday, lean: Lean) -> Option<Ymd> {
    let before = holiday_date(h, anchor.y)
        .filter(|d| *d <= anchor)
        .or_else(|| holiday_date(h, anchor.y - 1));
    let after = holiday_date(h, anchor.y)
        .filter(|d| *d >= anchor)
        .or_else(|| holiday_date(h, anchor.y + 1));
    match lean {
        Lean::Past => before,
        Lean::Future => after,
        Lean::Nearest => match (before, after) {
            (Some(b), Some(a)) => {
                if a.days() - anchor.days() < anchor.days() - b.days() {
                    Some(a)
                } else {
                    Some(b)
                }
            }
            (b, a) => b.or(a),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u8, d: u8) -> Ymd {
        Ymd::new(y, m, d).unwrap()
    }

    #[test]
    fn round_trips_and_weekdays() {
        let d = ymd(2024, 2, 29);
        assert_eq!(d.add_days(1), Some(ymd(2024, 3, 1)));
        assert_eq!(ymd(2025, 1, 1).add_days(-1), Some(ymd(2024, 12, 31)));
        assert_eq!(ymd(2025, 1, 20).weekday(), 1);
        assert_eq!(ymd(2024, 12, 26).weekday(), 4);
        assert_eq!(Ymd::new(2023, 2, 29), None);
        assert_eq!(ymd(9999, 12, 31).add_days(1), None);
    }

    #[test]
    fn iso_weeks_across_new_year() {
        assert_eq!(ymd(2025, 1, 1).iso_week(), (2025, 1));
        assert_eq!(ymd(2024, 12, 30).iso_week(), (2025, 1));
        assert_eq!(ymd(2021, 1, 3).iso_week(), (2020, 53));
        assert_eq!(ymd(2025, 1, 15).iso_week(), (2025, 3));
    }

    #[test]
    fn nearest_years() {
        let a = ymd(2025, 1, 20);
        assert_eq!(year_near(a, 12, None, Lean::Nearest), 2024);
        assert_eq!(year_near(a, 2, None, Lean::Nearest), 2025);
        assert_eq!(year_near(a, 12, Some(7), Lean::Past), 2024);
        assert_eq!(year_near(a, 1, Some(9), Lean::Nearest), 2025);
        assert_eq!(year_near(a, 1, Some(9), Lean::Future), 2026);
        assert_eq!(add_months(2025, 1, -1), Some((2024, 12)));
    }

    #[test]
    fn holidays() {
        assert_eq!(
            holiday_date(Holiday::Thanksgiving, 2024),
            Some(ymd(2024, 11, 28))
        );
        assert_eq!(
            holiday_date(Holiday::Thanksgiving, 2023),
            Some(ymd(2023, 11, 23))
        );
        assert_eq!(
            holiday_date(Holiday::Memorial, 2024),
            Some(ymd(2024, 5, 27))
        );
        assert_eq!(holiday_date(Holiday::Labor, 2025), Some(ymd(2025, 9, 1)));
        assert_eq!(
            holiday_date(Holiday::Election, 2024),
            Some(ymd(2024, 11, 5))
        );
        assert_eq!(
            holiday_date(Holiday::Election, 2022),
            Some(ymd(2022, 11, 8))
        );
        assert_eq!(holiday_date(Holiday::Easter, 2024), Some(ymd(2024, 3, 31)));
        assert_eq!(holiday_date(Holiday::Easter, 2025), Some(ymd(2025, 4, 20)));
        let a = ymd(2025, 2, 3);
        assert_eq!(
            holiday_near(a, Holiday::Christmas, Lean::Nearest),
            Some(ymd(2024, 12, 25))
        );
        assert_eq!(
            holiday_near(a, Holiday::Christmas, Lean::Future),
            Some(ymd(2025, 12, 25))
        );
        assert_eq!(
            holiday_near(ymd(1, 1, 1), Holiday::Halloween, Lean::Past),
            None
        );
    }

    #[test]
    fn weekdays_lean() {
        let thu = ymd(2024, 12, 26);
        assert_eq!(weekday_near(thu, 4, Lean::Past), Some(thu));
        assert_eq!(weekday_near(thu, 1, Lean::Past), Some(ymd(2024, 12, 23)));
        assert_eq!(weekday_near(thu, 1, Lean::Future), Some(ymd(2024, 12, 30)));
    }
}
