//! Page furniture: phrases that mark a line as the page's own text (a
//! credit, a share button, a cookie notice) rather than reporting. These
//! are the ones every stage agrees on; a stage adds its own beside them.

/// Lowercase phrases that mark furniture anywhere in a line, sorted.
pub const FURNITURE_PHRASES: &[&str] = &[
    "(photo",
    "@",
    "advertisement",
    "all rights reserved",
    "ap photo",
    "click here",
    "contributed to this report",
    "cookie",
    "copyright",
    "file photo",
    "follow us",
    "getty images",
    "http://",
    "https://",
    "in this photo",
    "newsletter",
    "photo by",
    "privacy policy",
    "read more",
    "related:",
    "share this",
    "sign up",
    "subscribe",
    "terms of use",
    "this story has been",
    "video:",
    "watch:",
    "www.",
    "your browser",
];

/// Lowercase openings that mark furniture at the start of a line, sorted.
pub const FURNITURE_OPENINGS: &[&str] = &[
    "credit:",
    "image:",
    "note:",
    "photo:",
    "posted ",
    "published ",
    "source:",
    "tags:",
    "updated ",
];

/// Lowercase phrases of a web archive's notes on its crawls, copied with
/// the pages it kept (a note that these crawls keep the pages as they
/// were, a crawl of a site's outlinks), sorted.
pub const WEB_ARCHIVE_NOTES: &[&str] = &[
    "archive-it",
    "crawl data",
    "crawl of outlinks",
    "crawls of supported",
    "these crawls",
    "wayback machine",
];

/// Whether a lowercased line is a web archive's note on its crawls.
pub fn is_web_archive_note(lower: &str) -> bool {
    WEB_ARCHIVE_NOTES.iter().any(|f| lower.contains(f))
}

/// Whether a lowercased line holds one of [`FURNITURE_PHRASES`], opens
/// with one of [`FURNITURE_OPENINGS`] or is a web archive's note.
pub fn is_furniture(lower: &str) -> bool {
    FURNITURE_PHRASES.iter().any(|f| lower.contains(f))
        || FURNITURE_OPENINGS.iter().any(|o| lower.starts_with(o))
        || is_web_archive_note(lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_and_lowercase() {
        for list in [FURNITURE_PHRASES, FURNITURE_OPENINGS, WEB_ARCHIVE_NOTES] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
            assert!(list.iter().all(|w| !w.chars().any(char::is_uppercase)));
        }
    }

    #[test]
    fn furniture_is_found_anywhere_or_at_the_start() {
        assert!(is_furniture("sign up for our morning briefing"));
        assert!(is_furniture("photo: the harbour at dawn"));
        assert!(!is_furniture("the ferry crews signed a deal. photo: none"));
        // A web archive's note on its crawls, copied with the page.
        assert!(is_furniture(
            "these crawls keep the harbour pages as they were first put up."
        ));
    }
}
