//! Feeds bytes to the publication-date finder (`storyline_date`): the
//! whole input as an HTML page to `detect` with a fixed "today", and its
//! first line to `parse`, `find_in_text` and `from_url`.

use jiff::civil::date;
use scraper::Html;

const URL: &str = "https://news.example.com/2025/01/24/harbour-bridge-reopens.html";

fn main() {
    // One run before the fork server starts, so that lazily built
    // tables are ready in every child and coverage stays stable.
    run(&b"24 January 2025\n<html><head><meta property=\"article:published_time\" content=\"2025-01-24\"></head><body><p>By Ida Brook, Jan. 24, 2025</p></body></html>"[..]);
    afl::fuzz!(|data: &[u8]| {
        run(data);
    });
}

fn run(data: &[u8]) {
    let today = date(2025, 6, 1);
    let text = String::from_utf8_lossy(data);
    let line = text.lines().next().unwrap_or("");
    let _ = storyline_date::parse(line);
    if let Some((_, range)) = storyline_date::find_in_text(line) {
        assert!(line.get(range).is_some(), "range off char boundaries");
    }
    let _ = storyline_date::from_url(line);
    let doc = Html::parse_document(&text);
    let _ = storyline_date::detect(&doc, Some(URL), today);
    let _ = storyline_date::detect(&doc, None, today);
}
