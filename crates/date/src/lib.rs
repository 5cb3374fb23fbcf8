//! storyline-date: finds when a news article was published.
//!
//! Four entry points, from the most to the least context:
//! - [`from_html`] reads a parsed page. It first looks where readers look: the byline or dateline
//!   next to the headline (text, `<time>`, microdata), because metadata is often stale (evergreen
//!   guides keep a years-old `datePublished`) or generic. A shown date labelled only as an update
//!   yields to an explicit publication meta tag; "Published X · Updated Y" gives X. Without a shown
//!   date it ranks the metadata by [`Rule`]: publication meta tags (`article:published_time`,
//!   `parsely-pub-date`, `dc.date.issued`, ...), JSON-LD `datePublished` of the article node (also in
//!   `@graph`s, arrays and nested nodes), microdata, other JSON-LD nodes, `<time pubdate>`,
//!   date-classed elements, `<time>`, the URL, modification dates, and finally any visible date.
//!   Navigation, sidebars, related-story lists and comments count only when nothing else does.
//!   Dates before 1995 or more than two days after today are rejected, ambiguous numeric dates
//!   ("03/10/2023") take the reading the URL or metadata confirm, and a timestamp one day off the
//!   URL's date gives way to the URL (the site's own calendar day).
//! - [`parse`] reads one free-standing date string (ISO 8601, RFC 2822, "January 24, 2025",
//!   "24.01.2025", Unix timestamps, ...).
//! - [`find_in_text`] finds a date inside a line of prose, such as a byline.
//! - [`from_url`] reads a date out of a URL path.
//!
//! Every result is ISO 8601: `YYYY-MM-DD`, plus `THH:MM:SS` and the `+HH:MM` offset when the source
//! gave them. The calendar day is the one the page wrote: nothing is converted to UTC, so
//! "2025-01-24T23:30-05:00" stays the 24th. Month names are English.
//!
//! No function panics on any input; every scan is bounded by input size.

mod headline;
mod jsonld;
mod page;
mod parse;
mod rfc822;
mod rule;
mod scan;
mod stamp;
mod url;
mod walk;

use std::ops::Range;

use jiff::civil::Date;
use scraper::Html;

pub use rule::{Detection, Rule};

/// Best publication date of an HTML page, judged against today's date.
///
/// `url` is the page's address when known; a date in its path is one more piece of evidence.
pub fn from_html(doc: &Html, url: Option<&str>) -> Option<String> {
    from_html_at(doc, url, stamp::today())
}

/// [`from_html`] with an explicit "today", for reproducible results.
pub fn from_html_at(doc: &Html, url: Option<&str>, today: Date) -> Option<String> {
    detect(doc, url, today).map(|d| d.iso)
}

/// Like [`from_html_at`], also telling which [`Rule`] supplied the date.
pub fn detect(doc: &Html, url: Option<&str>, today: Date) -> Option<Detection> {
    page::detect(doc, url, today)
}

/// Parses one free date string as found in feeds, JSON fields, meta contents and datelines.
///
/// Accepts RFC 3339/ISO 8601 with or without time and zone, RFC 2822, "January 24, 2025",
/// "24 January 2025, 17:04", "Friday, 24 January 2025", "Jan. 24, 2025", "2025/01/24",
/// "24.01.2025", "20250124", and Unix timestamps in seconds or milliseconds. A few words around the
/// date are tolerated ("Published: Jan 24, 2025"). Returns `None` when no valid calendar date is found
/// or the string is too long to be a single date.
pub fn parse(s: &str) -> Option<String> {
    parse::parse_stamp(s, &stamp::Window::any()).map(|s| s.iso())
}

/// Finds the first plausible date (1995 to two days from now) in a line of visible text, returning it
/// in ISO form with the byte range of `line` it was read from.
///
/// Works on bylines and datelines such as "Friday, 24 January 2025, 17:04" or
/// "Updated: Jan 9, 2025"; whether a date is a publication or an update is the caller's call.
pub fn find_in_text(line: &str) -> Option<(String, Range<usize>)> {
    scan::scan(line, &stamp::Window::until(stamp::today())).map(|(s, r)| (s.iso(), r))
}

/// A day-precision date embedded in a URL path (`/2024/12/26/`, `/2024/dec/26/`, `/20241226/`,
/// `-2024-12-26-`), if plausible.
pub fn from_url(url: &str) -> Option<String> {
    url::date_in(url, &stamp::Window::until(stamp::today())).map(|s| s.iso())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Option<String> {
        parse(s)
    }

    #[test]
    fn parse_iso_forms() {
        assert_eq!(p("2019-06-03").as_deref(), Some("2019-06-03"));
        assert_eq!(
            p("2019-06-03T08:09:10+02:00").as_deref(),
            Some("2019-06-03T08:09:10+02:00")
        );
        assert_eq!(
            p("2019-06-03T08:09:10.123Z").as_deref(),
            Some("2019-06-03T08:09:10+00:00")
        );
        assert_eq!(
            p("2019-06-03 08:09").as_deref(),
            Some("2019-06-03T08:09:00")
        );
        // The writer's calendar day stays, even when UTC has moved on.
        assert_eq!(
            p("2019-06-03T23:45-05:00").as_deref(),
            Some("2019-06-03T23:45:00-05:00")
        );
        assert_eq!(p("2019/06/03").as_deref(), Some("2019-06-03"));
    }

    #[test]
    fn parse_written_forms() {
        assert_eq!(
            p("Mon, 03 Jun 2019 08:09:10 +0200").as_deref(),
            Some("2019-06-03T08:09:10+02:00")
        );
        assert_eq!(p("June 3, 2019").as_deref(), Some("2019-06-03"));
        assert_eq!(
            p("3 June 2019, 08:09").as_deref(),
            Some("2019-06-03T08:09:00")
        );
        assert_eq!(p("Monday, 3 June 2019").as_deref(), Some("2019-06-03"));
        assert_eq!(p("Jun. 3, 2019").as_deref(), Some("2019-06-03"));
        assert_eq!(p("Sept. 30, 2019").as_deref(), Some("2019-09-30"));
        assert_eq!(p("03.06.2019").as_deref(), Some("2019-06-03"));
        assert_eq!(
            p("June 3, 2019 at 8:09 p.m. PDT").as_deref(),
            Some("2019-06-03T20:09:00-07:00")
        );
        assert_eq!(p("Published: June 3, 2019").as_deref(), Some("2019-06-03"));
    }

    #[test]
    fn parse_feed_forms_keep_the_offset() {
        for (raw, iso) in [
            (
                "Sat, 16 Dec 2023 17:14:01 +0200",
                "2023-12-16T17:14:01+02:00",
            ),
            ("16 Dec 23 17:14 GMT", "2023-12-16T17:14:00+00:00"),
            ("Sat, 2 Dec 2023 07:14:01 UT", "2023-12-02T07:14:01+00:00"),
            ("Sat, 16 Dec 2023 17:14:01 PDT", "2023-12-16T17:14:01-07:00"),
            ("Sat, Dec 16 2023 02:02:33 PM", "2023-12-16T14:02:33"),
            ("2023-12-16T17:14:01+0200", "2023-12-16T17:14:01+02:00"),
            ("2023-12-16T17:14:01.250-05:00", "2023-12-16T17:14:01-05:00"),
            ("2023-12-16 17:14:01+02:00", "2023-12-16T17:14:01+02:00"),
            ("2023-12-16T17:14:01Z", "2023-12-16T17:14:01+00:00"),
            ("2023-12-16", "2023-12-16"),
        ] {
            assert_eq!(p(raw).as_deref(), Some(iso), "{raw}");
        }
    }

    #[test]
    fn parse_numbers() {
        assert_eq!(
            p("1737731040").as_deref(),
            Some("2025-01-24T15:04:00+00:00")
        );
        assert_eq!(
            p("1737731040000").as_deref(),
            Some("2025-01-24T15:04:00+00:00")
        );
        assert_eq!(p("20250124").as_deref(), Some("2025-01-24"));
    }

    #[test]
    fn parse_garbage() {
        for s in [
            "",
            "   ",
            "not a date",
            "2025-13-45",
            "2023-02-29",
            "31/31/2020",
            "99:99",
            "¡2025!",
            "日付なし",
            "🙂🙂🙂",
            "2025",
            "-1",
            "12345678901234567890",
        ] {
            assert_eq!(p(s), None, "{s:?}");
        }
        let huge = "2025-01-24 ".repeat(100_000);
        assert_eq!(p(&huge), None);
        let deep = "(".repeat(10_000);
        assert_eq!(p(&deep), None);
    }

    #[test]
    fn find_in_bylines() {
        let line = "MARTA KOWALSKA Tuesday, 4 March 2025, 09:15";
        let (iso, range) = find_in_text(line).expect("dateline");
        assert_eq!(iso, "2025-03-04T09:15:00");
        assert_eq!(line.get(range), Some("Tuesday, 4 March 2025, 09:15"));

        let (iso, _) = find_in_text("Published 3:04 PM EST, Thu December 26, 2024").expect("ap");
        assert_eq!(iso, "2024-12-26T15:04:00-05:00");

        let (iso, _) = find_in_text("Updated: Jan 9, 2025").expect("update");
        assert_eq!(iso, "2025-01-09");

        let (iso, _) = find_in_text("By Sam Lee | 12/26/2024 | 4 min read").expect("slashes");
        assert_eq!(iso, "2024-12-26");

        let line = "Publié le — 5 février · March 5, 2024 ·";
        let (iso, range) = find_in_text(line).expect("after accents");
        assert_eq!(iso, "2024-03-05");
        assert_eq!(line.get(range), Some("March 5, 2024"));
    }

    #[test]
    fn find_in_text_rejects() {
        assert_eq!(find_in_text(""), None);
        assert_eq!(find_in_text("nothing to see here"), None);
        assert_eq!(find_in_text("founded on July 4, 1776"), None);
        assert_eq!(find_in_text("see you on January 1, 2999"), None);
        assert_eq!(find_in_text(&"é1".repeat(50_000)), None);
    }

    #[test]
    fn random_input_never_panics() {
        // A small deterministic generator over date-like pieces and multi-byte characters.
        let pieces = [
            "2024", "-", "/", ".", "12", "31", "T", ":", "05", "+", "Z", " ", "Jan", "uary", ",",
            "th", "pm", "EST", "é", "年", "月", "日", "—", "0", "9", "Updated", "\u{0}",
        ];
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..3000 {
            let mut s = String::new();
            for _ in 0..(seed % 24) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                s.push_str(pieces[(seed % pieces.len() as u64) as usize]);
            }
            let _ = parse(&s);
            if let Some((_, range)) = find_in_text(&s) {
                assert!(s.get(range).is_some());
            }
            let _ = from_url(&s);
        }
    }

    #[test]
    fn url_dates() {
        assert_eq!(
            from_url("https://news.example/2024/12/26/a-story").as_deref(),
            Some("2024-12-26")
        );
        assert_eq!(from_url("https://news.example/a-story"), None);
    }
}
