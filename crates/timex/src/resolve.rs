//! Resolve: turns an [`Expr`] into a TimeML value against the anchor.
//!
//! Relative phrases are computed from the publication date ("yesterday",
//! "last week", "in June"); phrases that only make sense after another
//! date ("that year", "the next day") use the last date the text resolved,
//! falling back to the anchor. Without an anchor nothing is invented:
//! unknown parts are written with `X` as TimeML does ("XXXX-06",
//! "XXXX-WXX-5"), so the value has no calendar period.

use std::fmt::Write;

use crate::anchor::{Lean, Ymd, add_months, holiday_date, holiday_near, weekday_near, year_near};
use crate::expr::{Amount, Clock, DaySpec, Expr, Ref, Yr};
use crate::lexicon::{DayPart, Holiday, Season, Unit};
use crate::timex::Kind;

/// How far back (in tokens) a quarter still sets the frame for
/// "a year earlier".
const QUARTER_REACH: usize = 200;

/// How many months away a written month may be and still follow the
/// verb's tense rather than the nearest occurrence.
const TENSE_REACH: i64 = 8;

/// Resolution state for one text.
pub(crate) struct Resolver {
    anchor: Option<Ymd>,
    last_day: Option<Ymd>,
    last_year: Option<i32>,
    /// Year, quarter, and token index of the last quarter resolved.
    last_quarter: Option<(i32, u8, usize)>,
}

/// A resolved value of calendar kind, before formatting.
enum Cal {
    Day(Ymd),
    Month(i32, u8),
    Year(i32),
}

impl Resolver {
    /// A resolver for one text with publication date `anchor`.
    pub fn new(anchor: Option<Ymd>) -> Self {
        Resolver {
            anchor,
            last_day: None,
            last_year: None,
            last_quarter: None,
        }
    }

    /// The kind and TimeML value of `expr`, found at token `at`. `phrase`
    /// is the direction the phrase itself imposes ("earlier in June"),
    /// `tense` the one its sentence suggests. A written month or day
    /// without a year follows only the phrase: the verb's tense says little
    /// about which year a date falls in ("said it would close on Jan. 14"),
    /// so it goes to the nearest occurrence.
    pub fn resolve(
        &mut self,
        expr: Expr,
        phrase: Option<Lean>,
        tense: Option<Lean>,
        at: usize,
    ) -> (Kind, String) {
        let lean = phrase.or(tense);
        let mut v = String::with_capacity(16);
        let kind = match expr {
            Expr::Day(spec, clock) => {
                let lean = match spec {
                    DaySpec::Cal { .. } => phrase,
                    _ => lean,
                };
                self.day(spec, lean, tense, &mut v);
                if let Some(c) = clock {
                    clock_suffix(c, &mut v);
                    Kind::Time
                } else {
                    Kind::Date
                }
            }
            Expr::RelUnit(unit, off) => {
                self.rel_unit(unit, off, lean, &mut v);
                Kind::Date
            }
            Expr::YearAnaphor(off) => {
                match self.last_year.or(self.anchor.map(|a| a.y)) {
                    Some(y) => self.year_value(Cal::Year(y + off), &mut v),
                    None => v.push_str("XXXX"),
                }
                Kind::Date
            }
            Expr::Season {
                season,
                year,
                shift,
            } => {
                self.season(season, year, shift, lean, &mut v);
                Kind::Date
            }
            Expr::Holiday {
                h,
                year,
                shift,
                week,
            } => {
                self.holiday(h, year, shift, lean, week, &mut v);
                Kind::Date
            }
            Expr::Quarter { q, year } => {
                self.quarter(q, year, lean, at, &mut v);
                Kind::Date
            }
            Expr::QuarterAnaphor => {
                match self.last_quarter {
                    Some((y, q, _)) => push_quarter(i64::from(y) * 4 + i64::from(q) - 1, &mut v),
                    None => match self.anchor {
                        // No quarter named yet: the latest complete one.
                        Some(a) => {
                            push_quarter(i64::from(a.y) * 4 + i64::from(a.quarter()) - 2, &mut v)
                        }
                        None => v.push_str("XXXX-QX"),
                    },
                }
                Kind::Date
            }
            Expr::Half { h, year } => {
                match (year, self.anchor) {
                    (Yr::Abs(y), _) => push_year(y, &mut v),
                    (Yr::Rel(o), Some(a)) => push_year(a.y + o, &mut v),
                    (Yr::Unknown, Some(a)) => {
                        let cur = if a.m <= 6 { 1 } else { 2 };
                        let y = if lean == Some(Lean::Future) || h <= cur {
                            a.y
                        } else {
                            a.y - 1
                        };
                        push_year(y, &mut v)
                    }
                    _ => v.push_str("XXXX"),
                }
                let _ = write!(v, "-H{h}");
                Kind::Date
            }
            Expr::Shift { n, unit, dir } => {
                self.shift(n, unit, dir, at, &mut v);
                Kind::Date
            }
            Expr::Duration(n, unit) => {
                duration(n, unit, &mut v);
                Kind::Duration
            }
            Expr::Set(n, unit) => {
                duration(Amount::N(n), unit, &mut v);
                Kind::Set
            }
            Expr::SetWeekday(d) => {
                let _ = write!(v, "XXXX-WXX-{d}");
                Kind::Set
            }
            Expr::SetMonth(m) => {
                let _ = write!(v, "XXXX-{m:02}");
                Kind::Set
            }
            Expr::Decade(d) => {
                let _ = write!(v, "{:03}", d.clamp(0, 999));
                Kind::Date
            }
            Expr::Century(c) => {
                let _ = write!(v, "{:02}", c.clamp(0, 99));
                Kind::Date
            }
            Expr::Ref(r) => {
                v.push_str(match r {
                    Ref::Present => "PRESENT_REF",
                    Ref::Past => "PAST_REF",
                    Ref::Future => "FUTURE_REF",
                });
                Kind::Date
            }
        };
        (kind, v)
    }

    /// Writes a calendar value and remembers it for anaphora.
    fn year_value(&mut self, c: Cal, v: &mut String) {
        match c {
            Cal::Day(d) => {
                self.last_day = Some(d);
                self.last_year = Some(d.y);
                let _ = write!(v, "{:04}-{:02}-{:02}", d.y, d.m, d.d);
            }
            Cal::Month(y, m) => {
                self.last_year = Some(y);
                push_year(y, v);
                let _ = write!(v, "-{m:02}");
            }
            Cal::Year(y) => {
                self.last_year = Some(y);
                push_year(y, v);
            }
        }
    }

    fn day(&mut self, spec: DaySpec, lean: Option<Lean>, tense: Option<Lean>, v: &mut String) {
        let a = self.anchor;
        match spec {
            DaySpec::Cal { year, month, day } => {
                let y = match (year, a) {
                    (Yr::Abs(y), _) => Some(y),
                    (Yr::Rel(o), Some(a)) => Some(a.y + o),
                    (Yr::Unknown, Some(a)) => month.map(|m| cal_year(a, m, day, lean, tense)),
                    _ => None,
                };
                match (y, month, day) {
                    (Some(y), Some(m), Some(d)) => match Ymd::new(y, m, d) {
                        Some(ymd) => self.year_value(Cal::Day(ymd), v),
                        None => {
                            push_year(y, v);
                            let _ = write!(v, "-{m:02}-{d:02}");
                        }
                    },
                    (Some(y), Some(m), None) => self.year_value(Cal::Month(y, m), v),
                    (Some(y), None, _) => self.year_value(Cal::Year(y), v),
                    (None, Some(m), Some(d)) => {
                        let _ = write!(v, "XXXX-{m:02}-{d:02}");
                    }
                    (None, Some(m), None) => {
                        let _ = write!(v, "XXXX-{m:02}");
                    }
                    (None, None, _) => v.push_str("XXXX"),
                }
            }
            DaySpec::Weekday { day, shift } => {
                let Some(a) = a else {
                    let _ = write!(v, "XXXX-WXX-{day}");
                    return;
                };
                let d = match shift {
                    None => weekday_near(
                        a,
                        day,
                        if lean == Some(Lean::Future) {
                            Lean::Future
                        } else {
                            Lean::Past
                        },
                    ),
                    Some(s) if s < 0 => a
                        .add_days(-1)
                        .and_then(|b| weekday_near(b, day, Lean::Past)),
                    Some(s) if s > 0 => a
                        .add_days(1)
                        .and_then(|b| weekday_near(b, day, Lean::Future)),
                    Some(_) => a.add_days(i64::from(day) - i64::from(a.weekday())),
                };
                match d {
                    Some(d) => self.year_value(Cal::Day(d), v),
                    None => {
                        let _ = write!(v, "XXXX-WXX-{day}");
                    }
                }
            }
            DaySpec::Rel(n) => match a.and_then(|a| a.add_days(i64::from(n))) {
                Some(d) => self.year_value(Cal::Day(d), v),
                None => v.push_str("XXXX-XX-XX"),
            },
            DaySpec::Anaphor(n) => {
                match self.last_day.or(a).and_then(|b| b.add_days(i64::from(n))) {
                    Some(d) => self.year_value(Cal::Day(d), v),
                    None => v.push_str("XXXX-XX-XX"),
                }
            }
        }
    }

    fn rel_unit(&mut self, unit: Unit, off: i32, lean: Option<Lean>, v: &mut String) {
        let Some(a) = self.anchor else {
            v.push_str(match unit {
                Unit::Week => "XXXX-WXX",
                Unit::Weekend => "XXXX-WXX-WE",
                Unit::Month => "XXXX-XX",
                Unit::Quarter => "XXXX-QX",
                Unit::Year => "XXXX",
                Unit::Decade => "XXX",
                Unit::Century => "XX",
                Unit::Day => "XXXX-XX-XX",
                _ => "PRESENT_REF",
            });
            return;
        };
        let off64 = i64::from(off);
        match unit {
            Unit::Day => match a.add_days(off64) {
                Some(d) => self.year_value(Cal::Day(d), v),
                None => v.push_str("XXXX-XX-XX"),
            },
            Unit::Week => match a.add_days(7 * off64) {
                Some(d) => push_week(d, v),
                None => v.push_str("XXXX-WXX"),
            },
            Unit::Weekend => {
                // The weekend just past, unless the anchor is in it or the
                // sentence looks ahead.
                let this_week = a.weekday() >= 6 || lean == Some(Lean::Future);
                let base = match off {
                    0 if this_week => Some(a),
                    0 => a.add_days(-7),
                    o => a.add_days(7 * i64::from(o)),
                };
                match base {
                    Some(d) => {
                        push_week(d, v);
                        v.push_str("-WE");
                    }
                    None => v.push_str("XXXX-WXX-WE"),
                }
            }
            Unit::Month => match add_months(a.y, a.m, off64) {
                Some((y, m)) => self.year_value(Cal::Month(y, m), v),
                None => v.push_str("XXXX-XX"),
            },
            Unit::Quarter => {
                let idx = i64::from(a.y) * 4 + i64::from(a.quarter()) - 1 + off64;
                push_quarter(idx, v);
            }
            Unit::Year => self.year_value(Cal::Year(a.y + off), v),
            Unit::Decade => {
                let _ = write!(v, "{:03}", (a.y / 10 + off).clamp(0, 999));
            }
            Unit::Century => {
                let _ = write!(v, "{:02}", (a.y / 100 + off).clamp(0, 99));
            }
            Unit::Second | Unit::Minute | Unit::Hour => v.push_str("PRESENT_REF"),
        }
    }

    fn season(
        &mut self,
        season: Season,
        year: Yr,
        shift: Option<i8>,
        lean: Option<Lean>,
        v: &mut String,
    ) {
        let s = season_index(season);
        let y = match (year, self.anchor) {
            (Yr::Abs(y), _) => Some(y),
            (Yr::Rel(o), Some(a)) => Some(a.y + o),
            (Yr::Unknown, Some(a)) => {
                // The season the anchor is in, and the year it started.
                let (cur, sy) = match a.m {
                    1 | 2 => (3, a.y - 1),
                    m => ((m - 3) / 3, a.y),
                };
                let cur = cur as i32;
                let s = s as i32;
                Some(match (shift, lean) {
                    (Some(-1), _) => {
                        if s < cur {
                            sy
                        } else {
                            sy - 1
                        }
                    }
                    (Some(1), _) => {
                        if s > cur {
                            sy
                        } else {
                            sy + 1
                        }
                    }
                    (None, Some(Lean::Past)) => {
                        if s <= cur {
                            sy
                        } else {
                            sy - 1
                        }
                    }
                    (None, Some(Lean::Future)) => {
                        if s >= cur {
                            sy
                        } else {
                            sy + 1
                        }
                    }
                    _ => {
                        if s == 3 && a.m <= 2 {
                            a.y - 1
                        } else {
                            a.y
                        }
                    }
                })
            }
            _ => None,
        };
        match y {
            Some(y) => {
                self.last_year = Some(y);
                push_year(y, v);
            }
            None => v.push_str("XXXX"),
        }
        v.push('-');
        v.push_str(match season {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        });
    }

    fn holiday(
        &mut self,
        h: Holiday,
        year: Yr,
        shift: Option<i8>,
        lean: Option<Lean>,
        week: bool,
        v: &mut String,
    ) {
        let d = match (year, self.anchor) {
            (Yr::Abs(y), _) => holiday_date(h, y),
            (Yr::Rel(o), Some(a)) => holiday_date(h, a.y + o),
            (Yr::Unknown, Some(a)) => match shift {
                // "last Christmas" is never today's.
                Some(s) if s < 0 => a.add_days(-1).and_then(|b| holiday_near(b, h, Lean::Past)),
                Some(s) if s > 0 => a.add_days(1).and_then(|b| holiday_near(b, h, Lean::Future)),
                Some(_) => holiday_date(h, a.y),
                // As for written months: the nearest one, unless the
                // sentence leans the other way and that one is not too far.
                None => {
                    let near = holiday_near(a, h, Lean::Nearest);
                    let leaned = lean
                        .and_then(|l| holiday_near(a, h, l))
                        .filter(|d| month_gap(a, d.y, d.m) <= TENSE_REACH);
                    leaned.or(near)
                }
            },
            _ => None,
        };
        match d {
            Some(d) if week => push_week(d, v),
            Some(d) => self.year_value(Cal::Day(d), v),
            None if week => v.push_str("XXXX-WXX"),
            None => match h {
                // Fixed dates keep their month and day without a year.
                Holiday::Christmas
                | Holiday::ChristmasEve
                | Holiday::NewYear
                | Holiday::NewYearsEve
                | Holiday::Valentines
                | Holiday::Independence
                | Holiday::Halloween => match holiday_date(h, 2001) {
                    Some(f) => {
                        let _ = write!(v, "XXXX-{:02}-{:02}", f.m, f.d);
                    }
                    None => v.push_str("XXXX-XX-XX"),
                },
                _ => v.push_str("XXXX-XX-XX"),
            },
        }
    }

    fn quarter(&mut self, q: Option<u8>, year: Yr, lean: Option<Lean>, at: usize, v: &mut String) {
        let a = self.anchor;
        let idx: Option<i64> = match (q, year, a) {
            (Some(q), Yr::Abs(y), _) => Some(i64::from(y) * 4 + i64::from(q) - 1),
            (Some(q), Yr::Rel(o), Some(a)) => Some(i64::from(a.y + o) * 4 + i64::from(q) - 1),
            (Some(q), Yr::Unknown, Some(a)) => {
                let cur = a.quarter();
                // A later quarter is last year's, unless the sentence
                // looks ahead; an earlier one is this year's either way.
                let y = if q <= cur || lean == Some(Lean::Future) {
                    a.y
                } else {
                    a.y - 1
                };
                Some(i64::from(y) * 4 + i64::from(q) - 1)
            }
            (None, Yr::Rel(o), Some(a)) => {
                // The latest complete quarter, moved by whole years.
                Some(i64::from(a.y) * 4 + i64::from(a.quarter()) - 2 + 4 * i64::from(o))
            }
            _ => None,
        };
        match idx {
            Some(idx) => {
                push_quarter(idx, v);
                if let (Ok(y), q) = (
                    i32::try_from(idx.div_euclid(4)),
                    idx.rem_euclid(4) as u8 + 1,
                ) {
                    self.last_quarter = Some((y, q, at));
                    self.last_year = Some(y);
                }
            }
            None => match q {
                Some(q) => {
                    let _ = write!(v, "XXXX-Q{q}");
                }
                None => v.push_str("XXXX-QX"),
            },
        }
    }

    fn shift(&mut self, n: Amount, unit: Unit, dir: i8, at: usize, v: &mut String) {
        let k = match n {
            Amount::N(k) | Amount::Half(k) => i64::from(k),
            Amount::Some => {
                v.push_str(if dir < 0 { "PAST_REF" } else { "FUTURE_REF" });
                return;
            }
        };
        let k = k * i64::from(dir);
        let Some(a) = self.anchor else {
            v.push_str(match unit {
                Unit::Day => "XXXX-XX-XX",
                Unit::Week | Unit::Weekend => "XXXX-WXX",
                Unit::Month => "XXXX-XX",
                Unit::Quarter => "XXXX-QX",
                Unit::Year | Unit::Decade | Unit::Century => "XXXX",
                _ => {
                    if dir < 0 {
                        "PAST_REF"
                    } else {
                        "FUTURE_REF"
                    }
                }
            });
            return;
        };
        let years = |y: i64| {
            i32::try_from(i64::from(a.y) + y)
                .ok()
                .filter(|y| (1..=9999).contains(y))
        };
        match unit {
            Unit::Day => match a.add_days(k) {
                Some(d) => self.year_value(Cal::Day(d), v),
                None => v.push_str("XXXX-XX-XX"),
            },
            Unit::Week | Unit::Weekend => match a.add_days(7 * k) {
                Some(d) => push_week(d, v),
                None => v.push_str("XXXX-WXX"),
            },
            Unit::Month => match add_months(a.y, a.m, k) {
                Some((y, m)) => self.year_value(Cal::Month(y, m), v),
                None => v.push_str("XXXX-XX"),
            },
            Unit::Quarter => {
                push_quarter(i64::from(a.y) * 4 + i64::from(a.quarter()) - 1 + k, v);
            }
            Unit::Year => {
                // In a text about quarterly results "a year earlier" is the
                // same quarter a year before.
                if let Some((qy, q, qat)) = self.last_quarter
                    && at.saturating_sub(qat) <= QUARTER_REACH
                    && k.abs() == 1
                {
                    push_quarter(i64::from(qy + k as i32) * 4 + i64::from(q) - 1, v);
                    return;
                }
                match years(k) {
                    Some(y) => self.year_value(Cal::Year(y), v),
                    None => v.push_str("XXXX"),
                }
            }
            Unit::Decade | Unit::Century => {
                let per = if unit == Unit::Decade { 10 } else { 100 };
                match years(k.saturating_mul(per)) {
                    Some(y) => self.year_value(Cal::Year(y), v),
                    None => v.push_str("XXXX"),
                }
            }
            Unit::Second | Unit::Minute | Unit::Hour => {
                v.push_str(if dir < 0 { "PAST_REF" } else { "FUTURE_REF" });
            }
        }
    }
}

/// The year of a written month (and day) without one. The phrase's own
/// direction wins; otherwise the nearest occurrence, unless the verb's
/// tense points the other way and that occurrence is still within
/// [`TENSE_REACH`] months ("stepped down in March", said in November, is
/// this year's March, not next year's).
fn cal_year(a: Ymd, m: u8, d: Option<u8>, phrase: Option<Lean>, tense: Option<Lean>) -> i32 {
    if let Some(l) = phrase {
        return year_near(a, m, d, l);
    }
    let near = year_near(a, m, d, Lean::Nearest);
    let Some(t) = tense else {
        return near;
    };
    let y = year_near(a, m, d, t);
    let gap = month_gap(a, y, m);
    if y != near && gap <= TENSE_REACH {
        y
    } else {
        near
    }
}

/// Whole months between the anchor's month and month `m` of year `y`.
fn month_gap(a: Ymd, y: i32, m: u8) -> i64 {
    (i64::from(y) * 12 + i64::from(m) - i64::from(a.y) * 12 - i64::from(a.m)).abs()
}

fn season_index(s: Season) -> u8 {
    match s {
        Season::Spring => 0,
        Season::Summer => 1,
        Season::Fall => 2,
        Season::Winter => 3,
    }
}

fn push_year(y: i32, v: &mut String) {
    if (0..=9999).contains(&y) {
        let _ = write!(v, "{y:04}");
    } else {
        v.push_str("XXXX");
    }
}

fn push_week(d: Ymd, v: &mut String) {
    let (y, w) = d.iso_week();
    push_year(y, v);
    let _ = write!(v, "-W{w:02}");
}

fn push_quarter(idx: i64, v: &mut String) {
    match i32::try_from(idx.div_euclid(4)) {
        Ok(y) => push_year(y, v),
        Err(_) => v.push_str("XXXX"),
    }
    let _ = write!(v, "-Q{}", idx.rem_euclid(4) + 1);
}

fn clock_suffix(c: Clock, v: &mut String) {
    match c {
        Clock::At(h, m) => {
            let _ = write!(v, "T{h:02}:{m:02}");
        }
        Clock::Part(p) => v.push_str(match p {
            DayPart::Morning => "TMO",
            DayPart::Afternoon => "TAF",
            DayPart::Evening => "TEV",
            DayPart::Night => "TNI",
            DayPart::Noon => "T12:00",
            DayPart::Midnight => "T24:00",
        }),
    }
}

/// Writes a TimeML duration ("P3Y", "PT5H", "PXM", "P2Y6M").
fn duration(n: Amount, unit: Unit, v: &mut String) {
    let (time, letter, scale) = match unit {
        Unit::Second => (true, 'S', 1),
        Unit::Minute => (true, 'M', 1),
        Unit::Hour => (true, 'H', 1),
        Unit::Day => (false, 'D', 1),
        Unit::Week | Unit::Weekend => (false, 'W', 1),
        Unit::Month => (false, 'M', 1),
        Unit::Quarter => (false, 'Q', 1),
        Unit::Year => (false, 'Y', 1),
        Unit::Decade => (false, 'Y', 10),
        Unit::Century => (false, 'Y', 100),
    };
    v.push('P');
    if time {
        v.push('T');
    }
    match n {
        Amount::Some => {
            v.push('X');
            v.push(letter);
        }
        Amount::N(k) => {
            let _ = write!(v, "{}{letter}", u64::from(k) * scale);
        }
        Amount::Half(k) => {
            let _ = write!(v, "{}{letter}", u64::from(k) * scale);
            match unit {
                Unit::Year => v.push_str("6M"),
                Unit::Hour => v.push_str("30M"),
                Unit::Minute => v.push_str("30S"),
                Unit::Day => v.push_str("T12H"),
                _ => {}
            }
        }
    }
}
