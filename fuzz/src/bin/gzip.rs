//! Feeds bytes to the one capped reader (`storyline_source::capped`):
//! `gunzip` with the default caps, and `open` + `read_all` with caps small
//! enough that the size and ratio checks fire on fuzz-sized inputs.

use std::io::Cursor;

use storyline_source::{Limits, capped};

fn main() {
    // One run before the fork server starts, so that lazily built
    // tables are ready in every child and coverage stays stable.
    run(&b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\x03\x2b\x4f\x2c\xca\x05\x00\xbf\xe0\xb3\xb0\x04\x00\x00\x00"[..]);
    afl::fuzz!(|data: &[u8]| {
        run(data);
    });
}

fn run(data: &[u8]) {
    let defaults = Limits::default();
    let tight = Limits {
        max_document: 64 << 10,
        max_stream: 64 << 10,
        max_record: 64 << 10,
        max_ratio: 20,
        ratio_grace: 4 << 10,
    };
    let _ = capped::gunzip(data, "fuzz.gz", &defaults);
    if let Ok(mut r) = capped::open(
        Box::new(Cursor::new(data.to_vec())),
        tight.max_stream,
        &tight,
    ) {
        let _ = capped::read_all(&mut r, "fuzz.gz");
    }
}
