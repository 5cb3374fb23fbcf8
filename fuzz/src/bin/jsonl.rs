//! Feeds bytes, as JSON Lines (or one JSON article or an array of them,
//! possibly gzipped), to `storyline_source::from_bytes` and drains every
//! record.

use storyline_source::Format;

fn main() {
    // One run before the fork server starts, so that lazily built
    // tables are ready in every child and coverage stays stable.
    run(&b"{\"title\":\"Warm\",\"text\":\"Text.\",\"date\":\"2025-02-03\"}\n"[..]);
    afl::fuzz!(|data: &[u8]| {
        run(data);
    });
}

fn run(data: &[u8]) {
    // Keep the fuzzer on JSON.
    storyline_fuzz::drain(data, "fuzz.jsonl", |f| f == Format::JsonLines);
}
