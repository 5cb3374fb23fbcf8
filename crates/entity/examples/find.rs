//! Prints the names found in text files, one per line: `kind<TAB>start<TAB>end<TAB>text`,
//! and the speed of [`storyline_entity::Tagger::find`] (tokenizing included) on stderr.
//!
//! ```text
//! cargo run -p storyline-entity --example find -- FILE...
//! ```

use std::io::Write;

fn main() {
    let mut out = std::io::stdout().lock();
    let tagger = storyline_entity::Tagger::new();
    for path in std::env::args().skip(1) {
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{path}: {e}");
                continue;
            }
        };
        let _ = writeln!(out, "# {path}");
        let started = std::time::Instant::now();
        let found = tagger.find(&text);
        let secs = started.elapsed().as_secs_f64().max(1e-9);
        let tokens = storyline_entity::tokenizer::tokens(&text).len();
        eprintln!(
            "{path}: {tokens} tokens in {secs:.3} s = {:.0} tokens/s",
            tokens as f64 / secs
        );
        for m in found {
            // Stop quietly when the reader goes away (`| head`).
            if writeln!(out, "{:?}\t{}\t{}\t{}", m.kind, m.start, m.end, m.text).is_err() {
                return;
            }
        }
    }
}
