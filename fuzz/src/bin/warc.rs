//! Feeds bytes, as a WARC archive (possibly gzipped, with HTTP responses
//! inside), to `storyline_source::from_bytes` and drains every record.

use storyline_source::Format;

fn main() {
    // One run before the fork server starts, so that lazily built
    // tables are ready in every child and coverage stays stable.
    run(&b"WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http\r\nContent-Length: 44\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<p>Warm text here.</p>\n\r\n\r\n"[..]);
    afl::fuzz!(|data: &[u8]| {
        run(data);
    });
}

fn run(data: &[u8]) {
    // Keep the fuzzer on WARC.
    storyline_fuzz::drain(data, "fuzz.warc", |f| f == Format::Warc);
}
