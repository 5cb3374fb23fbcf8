//! Feeds bytes, as English text, to the timex grammar (`storyline_timex::find`)
//! against no anchor, an ordinary one and the calendar's two ends, and checks
//! that spans are in order, do not overlap and fall on character boundaries.

use jiff::civil::{Date, date};

fn main() {
    // One run before the fork server starts, so that lazily built
    // tables are ready in every child and coverage stays stable.
    run(&b"The pier reopened on Monday, 3 February 2025, two weeks after the storm."[..]);
    afl::fuzz!(|data: &[u8]| {
        run(data);
    });
}

fn run(data: &[u8]) {
    let anchors: [Option<Date>; 4] = [
        None,
        Some(date(2025, 1, 24)),
        Some(date(1, 1, 1)),
        Some(date(9999, 12, 31)),
    ];
    let text = String::from_utf8_lossy(data);
    for anchor in anchors {
        let mut last = 0;
        for t in storyline_timex::find(&text, anchor) {
            assert!(last <= t.start && t.start < t.end, "span out of order");
            assert!(
                text.get(t.start..t.end).is_some(),
                "span off char boundaries"
            );
            last = t.end;
            let _ = t.period();
            let _ = t.day();
        }
    }
}
