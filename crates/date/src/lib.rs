//! storyline-date: finds when a news article was published.
//!
//! Four entry points, from the most to the least context:
//! - [`from_html`] reads a parsed page: publication meta tags, JSON-LD (`datePublished`, in `@graph`s,
//!   arrays and nested nodes), microdata, `<time>` elements, bylines and datelines in date-classed
//!   elements, the text around the headline, and the URL; it ranks them (published beats modified, the
//!   article's own node beats related items, content beats navigation) and rejects dates before 1995
//!   or more than two days after today.
//! - [`parse`] reads one free-standing date string (ISO 8601, RFC 2822, "January 24, 2025",
//!   "24.01.2025", Unix timestamps, ...).
//! - [`find_in_text`] finds a date inside a line of prose, such as a byline.
//! - [`from_url`] reads a date out of a URL path.
//!
//! Every result is ISO 8601: `YYYY-MM-DD`, plus `THH:MM:SS` and the `+HH:MM` offset when the source
//! gave them. The calendar day is the one the page wrote: nothing is converted to UTC, so
//! "2025-01-24T23:30-05:00" stays the 24th.
//!
//! No function panics on any input; every scan is bounded by input size.

mod headline;
mod jsonld;
mod page;
mod parse;
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
