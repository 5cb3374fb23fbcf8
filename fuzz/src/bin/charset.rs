//! Feeds bytes to charset detection and decoding (`storyline_source::charset`).
//! The first line, when shorter than 64 bytes, is also used as a declared
//! `Content-Type` (its `charset` parameter, else the whole line as a label).

use storyline_source::charset;

fn main() {
    // One run before the fork server starts, so that lazily built
    // tables are ready in every child and coverage stays stable.
    run(&b"latin1\nCaf\xe9 on the quay"[..]);
    afl::fuzz!(|data: &[u8]| {
        run(data);
    });
}

fn run(data: &[u8]) {
    let _ = charset::looks_binary(data);
    let _ = charset::decode(data, None, "fuzz");
    let Some(nl) = data.iter().take(64).position(|&b| b == b'\n') else {
        return;
    };
    let Ok(line) = std::str::from_utf8(&data[..nl]) else {
        return;
    };
    let label = charset::charset_param(line).unwrap_or(line);
    if let Ok(text) = charset::decode(&data[nl + 1..], Some(label), "fuzz") {
        // Decoding hands back a String, so it is UTF-8 by construction;
        // what is checked is that nothing panicked on the way.
        let _ = text.len();
    }
}
