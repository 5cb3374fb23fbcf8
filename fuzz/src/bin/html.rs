//! Feeds bytes, as an HTML page, to the extractor: `Extractor::page` and
//! `Extractor::extract` of an HTML record with container hints.

use storyline_extract::{Body, Extractor, Hints, Record};

const URL: &str = "https://news.example.com/2025/01/24/harbour-bridge-reopens.html";

fn main() {
    let extractor = Extractor::new();
    // One run before the fork server starts, so that lazily built
    // tables are ready in every child and coverage stays stable.
    run(&extractor, &b"<html><head><title>Warm</title></head><body><article><p>The pier reopened on Monday after repairs to its lamps.</p></article></body></html>"[..]);
    afl::fuzz!(|data: &[u8]| {
        run(&extractor, data);
    });
}

fn run(extractor: &Extractor, data: &[u8]) {
    let html = String::from_utf8_lossy(data).into_owned();
    let _ = extractor.page(&html, Some(URL));
    let record = Record {
        source: "fuzz.html".into(),
        body: Body::Html(html),
        hints: Hints {
            url: Some(URL.into()),
            date: Some("Fri, 24 Jan 2025 09:30:00 +0000".into()),
            ..Hints::default()
        },
    };
    let _ = extractor.extract(&record);
}
