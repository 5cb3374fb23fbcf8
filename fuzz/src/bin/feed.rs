//! Feeds bytes, as an RSS/Atom/JSON Feed document (possibly gzipped), to
//! `storyline_source::from_bytes` and drains every record.

use storyline_source::Format;

fn main() {
    // One run before the fork server starts, so that lazily built
    // tables are ready in every child and coverage stays stable.
    run(&b"<rss version=\"2.0\"><channel><item><title>Warm</title><pubDate>Mon, 03 Feb 2025 07:15:00 +0000</pubDate><description>Text.</description></item></channel></rss>"[..]);
    afl::fuzz!(|data: &[u8]| {
        run(data);
    });
}

fn run(data: &[u8]) {
    // Keep the fuzzer on feeds.
    storyline_fuzz::drain(data, "fuzz.xml", |f| {
        matches!(f, Format::Feed | Format::JsonFeed)
    });
}
