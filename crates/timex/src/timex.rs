//! Timex: one temporal expression found in a text.

use crate::period::Period;

/// The TimeML type of a temporal expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A calendar date or period: "23 January", "last week", "2018".
    Date,
    /// A time of day: "3 p.m. Friday", "Tuesday morning".
    Time,
    /// A length of time: "nearly three years".
    Duration,
    /// A recurrence: "every week", "daily".
    Set,
}

impl Kind {
    /// The TimeML name: `DATE`, `TIME`, `DURATION` or `SET`.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Date => "DATE",
            Kind::Time => "TIME",
            Kind::Duration => "DURATION",
            Kind::Set => "SET",
        }
    }
}

/// A temporal expression and its normalised value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timex {
    /// Byte offset of the first byte of the phrase in the input.
    pub start: usize,
    /// Byte offset one past the phrase's last byte.
    pub end: usize,
    /// Date, time, duration or set.
    pub kind: Kind,
    /// The TimeML value: "2025-01-23", "2025-W03", "P3Y", "PRESENT_REF",
    /// "XXXX-01-09" (year unknown), "2025-01-23T15:00", "XXXX-WXX-4" (a set).
    pub value: String,
    /// The phrase or the words around it look ahead ("will meet on
    /// Friday", "next week", "effective June 1"): what it names was still
    /// to come when the text was written.
    pub ahead: bool,
}

impl Timex {
    /// The calendar period the value names, when it names one fully
    /// (a day, ISO week, month, quarter, half, season, year, decade or
    /// century). `None` for durations, sets, general references and values
    /// with unknown parts, such as any relative phrase in an undated text.
    pub fn period(&self) -> Option<Period> {
        if matches!(self.kind, Kind::Duration | Kind::Set) {
            return None;
        }
        Period::parse(&self.value)
    }

    /// The day the expression resolved to, when its period is a single day.
    pub fn day(&self) -> Option<jiff::civil::Date> {
        match self.period()? {
            Period::Day(d) => Some(d),
            _ => None,
        }
    }
}
