//! Dates embedded in URL paths: `/2024/12/26/`, `/2024/dec/26/`, `/20241226/`, `-2024-12-26-`.
//!
//! Only the path and query are searched (host names carry digits that mean nothing), and only
//! day-precision dates are returned: `/2024/12/` alone says too little.

use std::sync::LazyLock;

use regex::{Captures, Regex};

use crate::scan::{clip, month_number, number};
use crate::stamp::{Stamp, Window};

/// Longest URL looked at.
const MAX_URL: usize = 4096;

static URL_RE: LazyLock<Regex> = LazyLock::new(|| {
    let y = r"(?:19|20)[0-9]{2}";
    Regex::new(&format!(
        r"(?i)/(?P<ay>{y})/(?P<am>[0-9]{{1,2}})/(?P<ad>[0-9]{{1,2}})(?:[/_.\-?#]|$)|/(?P<by>{y})/(?P<bm>[a-z]{{3,9}})/(?P<bd>[0-9]{{1,2}})(?:[/_.\-?#]|$)|[/_\-=](?P<cy>{y})[\-_/]?(?P<cm>[0-9]{{2}})[\-_/]?(?P<cd>[0-9]{{2}})(?:[/_.\-?#&]|$)"
    ))
    .expect("url pattern compiles")
});

/// The first plausible day-precision date in `url`'s path or query.
pub(crate) fn date_in(url: &str, window: &Window) -> Option<Stamp> {
    let path = path_of(url);
    let mut at = 0;
    // A handful of retries: ids such as `/2024123456/` can look like dates and be invalid.
    for _ in 0..8 {
        let caps = URL_RE.captures_at(path, at)?;
        let whole = caps.get(0)?;
        if let Some(stamp) = decode(&caps)
            && window.contains(stamp.date)
        {
            return Some(stamp);
        }
        at = whole.start() + 1;
    }
    None
}

/// The URL after its scheme and host, clipped; the fragment is dropped.
fn path_of(url: &str) -> &str {
    let url = clip(url, MAX_URL);
    let rest = match url.find("://") {
        Some(i) => {
            let after = url.get(i + 3..).unwrap_or("");
            after.find('/').and_then(|j| after.get(j..)).unwrap_or("")
        }
        None => url,
    };
    match rest.find('#') {
        Some(i) => rest.get(..i).unwrap_or(rest),
        None => rest,
    }
}

/// Turns one match of [`URL_RE`] into a stamp, `None` when the parts are no calendar day.
fn decode(caps: &Captures<'_>) -> Option<Stamp> {
    let num = |name: &str| number(caps, name);
    if caps.name("ay").is_some() {
        return Stamp::from_ymd(num("ay")?, num("am")?, num("ad")?);
    }
    if let Some(m) = caps.name("bm") {
        return Stamp::from_ymd(num("by")?, month_number(m.as_str())?, num("bd")?);
    }
    Stamp::from_ymd(num("cy")?, num("cm")?, num("cd")?)
}

#[cfg(test)]
mod tests {
    use super::*;

    use jiff::civil::Date;

    fn d(url: &str) -> Option<String> {
        date_in(url, &Window::until(Date::constant(2025, 6, 1))).map(|s| s.iso())
    }

    #[test]
    fn path_shapes() {
        assert_eq!(
            d("https://example.org/2024/12/26/some-story/").as_deref(),
            Some("2024-12-26")
        );
        assert_eq!(
            d("https://example.org/world/2024/dec/26/story").as_deref(),
            Some("2024-12-26")
        );
        assert_eq!(
            d("https://example.org/news/20241226/story.html").as_deref(),
            Some("2024-12-26")
        );
        assert_eq!(
            d("https://example.org/story-title-2024-12-26-x").as_deref(),
            Some("2024-12-26")
        );
        assert_eq!(d("/2024/1/5").as_deref(), Some("2024-01-05"));
    }

    #[test]
    fn rejects_non_dates() {
        assert_eq!(d("https://example.org/2024/12/"), None);
        assert_eq!(d("https://example.org/id/20241399/x"), None);
        assert_eq!(d("https://2024-12-26.example.org/"), None);
        assert_eq!(d("https://example.org/2030/01/01/future"), None);
        assert_eq!(d(""), None);
    }
}
