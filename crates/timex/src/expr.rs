//! Expr: what a matched phrase means, before the anchor is applied.
//!
//! The grammar produces an [`Expr`]; the resolver turns it into a TimeML
//! value. Keeping the two apart lets the same phrase resolve with or
//! without a publication date.

use crate::lexicon::{DayPart, Holiday, Season, Unit};

/// A year as the text gave it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Yr {
    /// Written out ("2025").
    Abs(i32),
    /// Relative to the anchor's year ("last year" = -1).
    Rel(i32),
    /// Not said; inferred from the anchor.
    Unknown,
}

/// A day, however named.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DaySpec {
    /// Calendar parts; missing ones are inferred (month-only and
    /// year-only forms land here too).
    Cal {
        year: Yr,
        month: Option<u8>,
        day: Option<u8>,
    },
    /// A weekday; `shift` -1 for "last", +1 for "next", 0 for "this",
    /// `None` when bare.
    Weekday { day: u8, shift: Option<i8> },
    /// Days from the anchor ("yesterday" = -1).
    Rel(i32),
    /// Days from the last day the text mentioned ("the next day" = +1).
    Anaphor(i32),
}

/// A time of day attached to a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Clock {
    /// Hour (0..=24) and minute.
    At(u8, u8),
    /// A part of the day.
    Part(DayPart),
}

/// How many units a duration has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Amount {
    /// A whole number.
    N(u32),
    /// A number and a half ("2 1/2").
    Half(u32),
    /// Unspecified ("several", "a few", bare plural).
    Some,
}

/// General reference to the present, past or future.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ref {
    Present,
    Past,
    Future,
}

/// The meaning of one temporal expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Expr {
    /// A calendar day, month or year, with an optional clock time.
    Day(DaySpec, Option<Clock>),
    /// A unit relative to the anchor ("last week" = (Week, -1)).
    RelUnit(Unit, i32),
    /// A year relative to the last year the text mentioned ("that year").
    YearAnaphor(i32),
    /// A season of a given or inferred year; `shift` as for weekdays.
    Season {
        season: Season,
        year: Yr,
        shift: Option<i8>,
    },
    /// A holiday of a given or inferred year; `shift` as for weekdays;
    /// `week` for the week it falls in ("Easter week").
    Holiday {
        h: Holiday,
        year: Yr,
        shift: Option<i8>,
        week: bool,
    },
    /// Quarter `q` (the latest complete one when `None`) of a year.
    Quarter { q: Option<u8>, year: Yr },
    /// The last quarter the text named ("that quarter").
    QuarterAnaphor,
    /// Half `h` of a year.
    Half { h: u8, year: Yr },
    /// An amount of units before (-1) or after (+1) the anchor
    /// ("three days ago").
    Shift { n: Amount, unit: Unit, dir: i8 },
    /// A length of time.
    Duration(Amount, Unit),
    /// A recurrence every `n` units.
    Set(u32, Unit),
    /// Every given weekday.
    SetWeekday(u8),
    /// Every given month.
    SetMonth(u8),
    /// A decade, by its first three digits (199 = the 1990s).
    Decade(i32),
    /// A century, by its first two digits (19 = the 1900s).
    Century(i32),
    /// Present, past or future in general.
    Ref(Ref),
}
