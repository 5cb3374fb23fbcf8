//! Mail-style dates as feeds write them: RFC 822/2822 and the forms real feeds drift into.
//!
//! "Sat, 16 Dec 2023 17:14:01 +0200" is the standard; feeds also drop the weekday or the seconds,
//! write two-digit years ("16 Dec 23"), single-digit days, named zones (`GMT`, `UT`, `EST`, `Z`), and
//! the US order with a 12-hour clock ("Sat, Dec 16 2023 02:02:33 PM EST"). The whole string must be
//! one such date; anything else is left to the text scanner.

use std::sync::LazyLock;

use regex::Regex;

use crate::scan::{clock, month_number, number};
use crate::stamp::Stamp;

/// One mail-style date, anchored at both ends.
static MAIL_RE: LazyLock<Regex> = LazyLock::new(|| {
    let month = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*";
    let weekday = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?";
    let pattern = format!(
        r"(?i)^(?:{weekday}\s*,?\s*)?(?:(?P<d>[0-9]{{1,2}})\s+(?P<m>{month})\.?|(?P<m2>{month})\.?\s+(?P<d2>[0-9]{{1,2}})(?:st|nd|rd|th)?\s*,?)\s+(?P<y>[0-9]{{4}}|[0-9]{{2}})(?:\s*,?\s+(?:at\s+)?(?P<t>[0-9]{{1,2}}:[0-9]{{2}}(?::[0-9]{{2}})?(?:[.,][0-9]{{1,9}})?)(?:\s*(?P<ap>[ap])\.?\s?m\.?)?(?:\s*(?P<z>(?:gmt|utc|ut)?[+-][0-9]{{2}}:?[0-9]{{2}}|[a-z]{{1,5}}))?)?\s*(?:\([^)]{{0,40}}\))?$"
    );
    // The pattern is a constant; a failure here is a programming error caught by the tests.
    Regex::new(&pattern).expect("mail date pattern compiles")
});

/// Parses `s` when the whole of it is one mail-style date.
pub(crate) fn parse(s: &str) -> Option<Stamp> {
    let caps = MAIL_RE.captures(s.trim())?;
    let day = number(&caps, "d").or_else(|| number(&caps, "d2"))?;
    let month = month_number(caps.name("m").or_else(|| caps.name("m2"))?.as_str())?;
    let year = caps.name("y")?;
    let mut y: i64 = year.as_str().parse().ok()?;
    if year.as_str().len() == 2 {
        // RFC 2822's rule for obsolete two-digit years.
        y += if y < 50 { 2000 } else { 1900 };
    }
    let stamp = Stamp::from_ymd(y, month, day)?;
    let Some(time) = caps.name("t") else {
        return Some(stamp);
    };
    // Rebuilt as "HH:MM[:SS] pm +HHMM" so the one clock parser reads meridiem and zone.
    let mut text = time.as_str().to_string();
    if let Some(ap) = caps.name("ap") {
        text.push(' ');
        text.push_str(ap.as_str());
        text.push('m');
    }
    if let Some(zone) = caps.name("z") {
        text.push(' ');
        text.push_str(&zone_text(zone.as_str())?);
    }
    let clock = clock(&text)?;
    let stamp = stamp.with_time(Some(clock));
    // An invalid time (25:00) makes the string no date, not a bare day.
    stamp.time.is_some().then_some(stamp)
}

/// The zone as the clock parser reads it: `UT` and `GMT+0200` spelled as offsets; an unknown name
/// (a military letter, a typo) leaves the offset unknown rather than rejecting the date.
fn zone_text(zone: &str) -> Option<String> {
    let lower = zone.to_ascii_lowercase();
    if lower == "ut" {
        return Some("+00:00".into());
    }
    for prefix in ["gmt", "utc", "ut"] {
        if let Some(rest) = lower.strip_prefix(prefix)
            && rest.starts_with(['+', '-'])
        {
            return Some(rest.to_string());
        }
    }
    Some(lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Option<String> {
        parse(s).map(|s| s.iso())
    }

    #[test]
    fn standard_and_without_weekday() {
        assert_eq!(
            p("Sat, 16 Dec 2023 17:14:01 +0200").as_deref(),
            Some("2023-12-16T17:14:01+02:00")
        );
        assert_eq!(
            p("16 Dec 2023 17:14:01 -0500").as_deref(),
            Some("2023-12-16T17:14:01-05:00")
        );
        assert_eq!(
            p("Saturday, 16 December 2023 17:14:01 +0000 (UTC)").as_deref(),
            Some("2023-12-16T17:14:01+00:00")
        );
    }

    #[test]
    fn two_digit_years_single_digit_days_no_seconds() {
        assert_eq!(
            p("Wed, 6 Mar 24 08:05 GMT").as_deref(),
            Some("2024-03-06T08:05:00+00:00")
        );
        assert_eq!(
            p("6 Mar 99 08:05:09 +0100").as_deref(),
            Some("1999-03-06T08:05:09+01:00")
        );
        assert_eq!(p("Wed, 6 Mar 2024").as_deref(), Some("2024-03-06"));
    }

    #[test]
    fn named_zones() {
        for (zone, offset) in [
            ("GMT", "+00:00"),
            ("UT", "+00:00"),
            ("UTC", "+00:00"),
            ("Z", "+00:00"),
            ("EST", "-05:00"),
            ("EDT", "-04:00"),
            ("PDT", "-07:00"),
            ("CET", "+01:00"),
            ("GMT+0530", "+05:30"),
        ] {
            let s = format!("Tue, 02 Jan 2024 10:20:30 {zone}");
            assert_eq!(
                p(&s),
                Some(format!("2024-01-02T10:20:30{offset}")),
                "{zone}"
            );
        }
        // A zone nobody can place keeps the wall-clock time without an offset.
        assert_eq!(
            p("Tue, 02 Jan 2024 10:20:30 QQQ").as_deref(),
            Some("2024-01-02T10:20:30")
        );
    }

    #[test]
    fn us_order_with_twelve_hour_clock() {
        assert_eq!(
            p("Sat, Dec 16 2023 02:02:33 PM").as_deref(),
            Some("2023-12-16T14:02:33")
        );
        assert_eq!(
            p("Sat, Dec 16 2023 02:02:33 PM EST").as_deref(),
            Some("2023-12-16T14:02:33-05:00")
        );
        assert_eq!(
            p("Dec 16, 2023 12:15 am").as_deref(),
            Some("2023-12-16T00:15:00")
        );
        assert_eq!(
            p("December 1st, 2023 9:05 p.m. PST").as_deref(),
            Some("2023-12-01T21:05:00-08:00")
        );
    }

    #[test]
    fn not_mail_dates() {
        for s in [
            "",
            "Sat, 31 Feb 2023 10:00:00 GMT",
            "Sat, 16 Dec 2023 25:00:00 GMT",
            "Sat, Dec 16 2023 13:02:33 PM",
            "16 Dec 2023 17:14:01 +0200 and more words",
            "2023-12-16",
            "Dec 2023",
        ] {
            assert_eq!(p(s), None, "{s:?}");
        }
    }
}
