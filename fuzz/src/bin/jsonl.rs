//! Feeds bytes, as JSON Lines (or one JSON article or an array of them,
//! possibly gzipped), to `storyline_source::from_bytes` and drains every
//! record.

use storyline_source::{Format, Limits, capped};

fn main() {
    // One run before the fork server starts, so that lazily built
    // tables are ready in every child and coverage stays stable.
    run(&b"{\"title\":\"Warm\",\"text\":\"Text.\",\"date\":\"2025-02-03\"}\n"[..]);
    afl::fuzz!(|data: &[u8]| {
        run(data);
    });
}

fn run(data: &[u8]) {
    let limits = Limits::default();
    // Keep the fuzzer on JSON: plain inputs must sniff as JSON Lines.
    if !capped::is_gzip(data) && Format::sniff(data, "fuzz.jsonl") != Format::JsonLines {
        return;
    }
    for record in storyline_source::from_bytes(data.to_vec(), "fuzz.jsonl", &limits) {
        let _ = record;
    }
}
