//! The text scanner: one combined regular expression for the date shapes people and CMSs write
//! ("2025-01-24T17:04:00+02:00", "January 24, 2025 at 5:04 pm EST", "Fri, 24 Jan 2025 17:04:00 +0200",
//! "24.01.2025", "2025年1月24日"), and the code that turns a match into a validated [`Stamp`].
//!
//! The `regex` crate matches in linear time; on top of that every input is clipped and the number of
//! retries after a false match is capped, so the cost of a scan is bounded by [`MAX_SCAN`].

use std::ops::Range;
use std::sync::LazyLock;

use regex::{Captures, Regex};

use crate::stamp::{Clock, Stamp, Window};

/// Longest text (bytes) one scan looks at; longer input is clipped at a char boundary.
pub(crate) const MAX_SCAN: usize = 64 * 1024;

/// How many false matches (invalid or implausible dates) a scan skips before giving up.
const MAX_TRIES: usize = 64;

/// English month names and their usual abbreviations ("Sept" included).
const MONTH: &str = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

/// English weekday names and abbreviations, which may precede a date.
const WEEKDAY: &str = r"(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\.?";

/// Zone abbreviations the scanner knows; [`zone_offset`] maps them to minutes.
const ZONES: &str = r"(?:utc|gmt|z|est|edt|cst|cdt|mst|mdt|pst|pdt|akst|akdt|hst|et|ct|mt|pt|bst|ist|cet|cest|eet|eest|wet|west|msk|aest|aedt|acst|awst|nzst|nzdt|jst|kst|hkt|sgt|pht|wib|sast)";

/// Between a date and its time: "2025, 17:04", "at 5 pm", "- 10:30", "| 09:00".
const TIME_SEP: &str = r"(?:\s*[,@|\-–—·•]?\s*(?:at\s+)?)";

/// A time of day with optional meridiem, zone name and numeric offset.
fn time_pattern() -> String {
    format!(
        r"(?:[0-9]{{1,2}}:[0-9]{{2}}(?::[0-9]{{2}}(?:[.,][0-9]{{1,9}})?)?(?:\s?[ap]\.?\s?m(?-u:\b)\.?)?|[0-9]{{1,2}}\s?[ap]\.?\s?m(?-u:\b)\.?)(?:\s?{ZONES}(?-u:\b))?(?:\s?[+-][0-9]{{2}}(?::?[0-9]{{2}})?)?"
    )
}

/// The combined date regex; each alternative names its groups with its own prefix.
static DATE_RE: LazyLock<Regex> = LazyLock::new(|| {
    let t = time_pattern();
    let b = r"(?-u:\b)";
    let pattern = [
        // 2025-01-24, 2025/01/24, 2025.01.24, with an ISO or spaced time.
        format!(
            r"{b}(?P<iy>(?:19|20)[0-9]{{2}})[-/.](?P<im>[0-9]{{1,2}})[-/.](?P<id>[0-9]{{1,2}})(?:T(?P<itt>{t})|{b}(?:(?:\s+|\s*,\s*)(?:at\s+)?(?P<it>{t}))?)"
        ),
        // January 24, 2025 / Friday, Jan. 24th 2025, 5:04 pm / 3:04 PM EST, Thu December 26, 2024
        format!(
            r"{b}(?:(?P<mpt>{t}),?\s+(?:on\s+)?)?(?:{WEEKDAY},?\s+)?(?P<mm>{MONTH})\.?\s+(?P<md>[0-9]{{1,2}})(?:st|nd|rd|th)?(?:,\s*|\s+)(?P<my>[0-9]{{4}}){b}(?:{TIME_SEP}(?P<mt>{t}))?"
        ),
        // 24 January 2025 / Fri, 24 Jan 2025 17:04:00 +0200 / 24th of January, 2025
        format!(
            r"{b}(?:(?P<dpt>{t}),?\s+(?:on\s+)?)?(?:{WEEKDAY},?\s+)?(?P<dd>[0-9]{{1,2}})(?:st|nd|rd|th|\.)?\s*(?:of\s+)?(?P<dm>{MONTH})\.?(?:,\s*|\s+)(?P<dy>[0-9]{{4}}){b}(?:{TIME_SEP}(?P<dt>{t}))?"
        ),
        // 24.01.2025, 01/24/2025, 24-01-2025
        format!(
            r"{b}(?P<na>[0-9]{{1,2}})(?P<ns>[./-])(?P<nb>[0-9]{{1,2}})[./-](?P<ny>(?:19|20)[0-9]{{2}}){b}(?:{TIME_SEP}(?P<nt>{t}))?"
        ),
        // 2025年1月24日
        r"(?P<cy>[0-9]{4})\s*年\s*(?P<cm>[0-9]{1,2})\s*月\s*(?P<cd>[0-9]{1,2})\s*日".to_string(),
    ]
    .join("|");
    // The pattern is a constant; a failure here is a programming error caught by the tests.
    Regex::new(&format!("(?i){pattern}")).expect("date pattern compiles")
});

/// Splits a matched time into its parts.
static CLOCK_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^([0-9]{{1,2}})(?::([0-9]{{2}})(?::([0-9]{{2}}))?)?(?:[.,][0-9]+)?\s?(?:([ap])\.?\s?m\.?)?\s?(?:({ZONES})(?-u:\b))?\s?(?:([+-])([0-9]{{2}})(?::?([0-9]{{2}}))?)?"
    ))
    .expect("clock pattern compiles")
});

/// Finds the first valid date inside `window` in `text`, with the byte range it spans.
pub(crate) fn scan(text: &str, window: &Window) -> Option<(Stamp, Range<usize>)> {
    scan_from(text, 0, window)
}

/// Like [`scan`], starting at byte `at` (which must be a char boundary, else nothing is found).
pub(crate) fn scan_from(text: &str, at: usize, window: &Window) -> Option<(Stamp, Range<usize>)> {
    let text = clip(text, MAX_SCAN);
    if !text.is_char_boundary(at) {
        return None;
    }
    let mut at = at;
    for _ in 0..MAX_TRIES {
        let caps = DATE_RE.captures_at(text, at)?;
        let whole = caps.get(0)?;
        if let Some(stamp) = decode(&caps)
            && window.contains(stamp.date)
        {
            return Some((stamp, whole.range()));
        }
        // Retry one character further on: a false match may hide a real date that starts inside it.
        let step = text
            .get(whole.start()..)
            .and_then(|rest| rest.chars().next())
            .map_or(1, char::len_utf8);
        at = whole.start() + step;
    }
    None
}

/// The longest prefix of `text` no longer than `max` bytes that ends on a char boundary.
pub(crate) fn clip(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while end > 0 && !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(..end).unwrap_or("")
}

/// The longest suffix of `text` no longer than `max` bytes that starts on a char boundary.
pub(crate) fn clip_tail(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut start = text.len() - max;
    while start < text.len() && !text.is_char_boundary(start) {
        start += 1;
    }
    text.get(start..).unwrap_or("")
}

/// Turns one match of [`DATE_RE`] into a stamp, `None` when the parts are no calendar day.
fn decode(caps: &Captures<'_>) -> Option<Stamp> {
    let num = |name: &str| number(caps, name);
    let time = |names: &[&str]| -> Option<Clock> {
        names
            .iter()
            .find_map(|n| caps.name(n))
            .and_then(|m| clock(m.as_str()))
    };
    if caps.name("iy").is_some() {
        let stamp = Stamp::from_ymd(num("iy")?, num("im")?, num("id")?)?;
        return Some(stamp.with_time(time(&["itt", "it"])));
    }
    if let Some(m) = caps.name("mm") {
        let stamp = Stamp::from_ymd(num("my")?, month_number(m.as_str())?, num("md")?)?;
        return Some(stamp.with_time(time(&["mt", "mpt"])));
    }
    if let Some(m) = caps.name("dm") {
        let stamp = Stamp::from_ymd(num("dy")?, month_number(m.as_str())?, num("dd")?)?;
        return Some(stamp.with_time(time(&["dt", "dpt"])));
    }
    if caps.name("na").is_some() {
        let (a, b) = (num("na")?, num("nb")?);
        let slash = caps.name("ns").is_some_and(|s| s.as_str() == "/");
        // Day-first unless the numbers or the separator say otherwise: dots and dashes are
        // European habits, slashes American ones.
        let (month, day) = if a > 12 {
            (b, a)
        } else if b > 12 || slash {
            (a, b)
        } else {
            (b, a)
        };
        let year = num("ny")?;
        let mut stamp = Stamp::from_ymd(year, month, day)?;
        if a <= 12 && b <= 12 && a != b {
            stamp.swapped = Stamp::from_ymd(year, day, month).map(|s| s.date);
        }
        return Some(stamp.with_time(time(&["nt"])));
    }
    Stamp::from_ymd(num("cy")?, num("cm")?, num("cd")?)
}

/// The number in the named group `name`, when it took part in the match.
pub(crate) fn number(caps: &Captures<'_>, name: &str) -> Option<i64> {
    caps.name(name)?.as_str().parse().ok()
}

/// Parses a time as matched by the date regex ("17:04:00+02:00", "5:04 p.m. EST", "9am").
pub(crate) fn clock(text: &str) -> Option<Clock> {
    let caps = CLOCK_RE.captures(text)?;
    let part = |i: usize| -> Option<i64> { caps.get(i)?.as_str().parse().ok() };
    let mut hour = part(1)?;
    let minute = part(2).unwrap_or(0);
    let second = part(3).unwrap_or(0);
    if let Some(meridiem) = caps.get(4) {
        if !(1..=12).contains(&hour) {
            return None;
        }
        let pm = meridiem.as_str().eq_ignore_ascii_case("p");
        hour = match (hour, pm) {
            (12, false) => 0,
            (12, true) => 12,
            (h, true) => h + 12,
            (h, false) => h,
        };
    }
    let mut offset = caps.get(5).and_then(|z| zone_offset(z.as_str()));
    if let (Some(sign), Some(h)) = (caps.get(6), part(7)) {
        let minutes = h * 60 + part(8).unwrap_or(0);
        if minutes <= 18 * 60 {
            let signed = if sign.as_str() == "-" {
                -minutes
            } else {
                minutes
            };
            offset = i32::try_from(signed).ok();
        }
    }
    Some(Clock {
        hour: i8::try_from(hour).ok()?,
        minute: i8::try_from(minute).ok()?,
        second: i8::try_from(second).ok()?,
        offset,
    })
}

/// Month number from an English month name or abbreviation.
pub(crate) fn month_number(name: &str) -> Option<i64> {
    let key = name.get(..3)?.to_ascii_lowercase();
    let n = match key.as_str() {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(n)
}

/// Offset in minutes of a zone abbreviation; `None` for names whose offset depends on the season
/// ("ET") or that are unknown.
fn zone_offset(name: &str) -> Option<i32> {
    let minutes = match name.to_ascii_lowercase().as_str() {
        "utc" | "gmt" | "z" | "wet" => 0,
        "est" | "cdt" => -300,
        "edt" => -240,
        "cst" | "mdt" => -360,
        "mst" | "pdt" => -420,
        "pst" | "akdt" => -480,
        "akst" => -540,
        "hst" => -600,
        "bst" | "cet" | "west" => 60,
        "cest" | "eet" | "sast" => 120,
        "eest" | "msk" => 180,
        "ist" => 330,
        "wib" => 420,
        "awst" | "hkt" | "sgt" | "pht" => 480,
        "jst" | "kst" => 540,
        "acst" => 570,
        "aest" => 600,
        "aedt" => 660,
        "nzst" => 720,
        "nzdt" => 780,
        _ => return None,
    };
    Some(minutes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Option<String> {
        scan(text, &Window::any()).map(|(s, _)| s.iso())
    }

    #[test]
    fn shapes() {
        assert_eq!(
            found("on 2023-07-04 at noon").as_deref(),
            Some("2023-07-04")
        );
        assert_eq!(
            found("2023-07-04T08:15:00.000Z").as_deref(),
            Some("2023-07-04T08:15:00+00:00")
        );
        assert_eq!(found("Sept. 3, 2021").as_deref(), Some("2021-09-03"));
        assert_eq!(found("3rd of March, 2021").as_deref(), Some("2021-03-03"));
        assert_eq!(found("30/04/2022").as_deref(), Some("2022-04-30"));
        assert_eq!(found("04/30/2022").as_deref(), Some("2022-04-30"));
        assert_eq!(found("05.06.2022").as_deref(), Some("2022-06-05"));
        assert_eq!(found("2022年6月5日").as_deref(), Some("2022-06-05"));
    }

    #[test]
    fn skips_false_matches() {
        assert_eq!(
            found("2022-13-45 then 2022-02-03").as_deref(),
            Some("2022-02-03")
        );
        assert_eq!(found("remember 5 amendments in 2020"), None);
    }

    #[test]
    fn clocks() {
        let c = clock("12:30 a.m. EST").expect("clock");
        assert_eq!((c.hour, c.minute, c.offset), (0, 30, Some(-300)));
        let c = clock("9pm").expect("clock");
        assert_eq!((c.hour, c.minute, c.offset), (21, 0, None));
        let c = clock("23:59:58-0330").expect("clock");
        assert_eq!((c.hour, c.second, c.offset), (23, 58, Some(-210)));
        assert!(clock("13 pm").is_none());
    }

    #[test]
    fn clip_respects_chars() {
        assert_eq!(clip("ééé", 3), "é");
        assert_eq!(clip("abc", 10), "abc");
        assert_eq!(clip_tail("ééé", 3), "é");
        assert_eq!(clip_tail("abc", 2), "bc");
        assert_eq!(clip_tail("", 2), "");
    }
}
