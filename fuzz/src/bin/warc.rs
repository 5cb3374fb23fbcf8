//! Feeds bytes, as a WARC archive (possibly gzipped, with HTTP responses
//! inside), to `storyline_source::from_bytes` and drains every record.

use storyline_source::{Format, Limits, capped};

fn main() {
    // One run before the fork server starts, so that lazily built
    // tables are ready in every child and coverage stays stable.
    run(&b"WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http\r\nContent-Length: 44\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<p>Warm text here.</p>\n\r\n\r\n"[..]);
    afl::fuzz!(|data: &[u8]| {
        run(data);
    });
}

fn run(data: &[u8]) {
    let limits = Limits::default();
    // Keep the fuzzer on WARC: plain inputs must sniff as WARC.
    if !capped::is_gzip(data) && Format::sniff(data, "fuzz.warc") != Format::Warc {
        return;
    }
    for record in storyline_source::from_bytes(data.to_vec(), "fuzz.warc", &limits) {
        let _ = record;
    }
}
