//! Feeds bytes to `storyline_source::opml::parse`; whatever it finds must
//! come back unchanged through `write` and `parse` again.

use storyline_source::opml;

fn main() {
    // One run before the fork server starts, so that coverage stays stable.
    run(b"<opml version=\"2.0\"><body><outline text=\"Warm\" xmlUrl=\"https://warm.example/rss\"/></body></opml>");
    afl::fuzz!(|data: &[u8]| {
        run(data);
    });
}

fn run(data: &[u8]) {
    let Ok(found) = opml::parse(data, "fuzz.opml") else {
        return;
    };
    let again = opml::parse(opml::write(&found).as_bytes(), "written.opml")
        .expect("what we write parses");
    let same = |a: &opml::Outline, b: &opml::Outline| a.title == b.title && a.url == b.url;
    assert!(
        found.len() == again.len() && found.iter().zip(&again).all(|(a, b)| same(a, b)),
        "written list differs: {found:?} vs {again:?}"
    );
}
