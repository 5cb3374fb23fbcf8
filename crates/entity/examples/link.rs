//! Finds and links the names of several articles of one story and prints
//! the entities, most mentioned first.
//!
//! ```text
//! cargo run -p storyline-entity --example link -- FILE...
//! ```

use std::io::Write;

fn main() {
    let texts: Vec<String> = std::env::args()
        .skip(1)
        .filter_map(|p| {
            std::fs::read_to_string(&p)
                .map_err(|e| eprintln!("{p}: {e}"))
                .ok()
        })
        .collect();
    let tagger = storyline_entity::Tagger::new();
    let mentions: Vec<_> = texts.iter().map(|t| tagger.find(t)).collect();
    let docs: Vec<(&str, &[storyline_entity::Mention])> = texts
        .iter()
        .zip(&mentions)
        .map(|(t, m)| (t.as_str(), m.as_slice()))
        .collect();
    let mut out = std::io::stdout().lock();
    for e in storyline_entity::link(&docs) {
        let line = format!(
            "{} [{:?}] x{} roles={:?} attributes={:?} aliases={:?}",
            e.canonical,
            e.kind,
            e.mentions.len(),
            e.roles,
            e.attributes,
            e.aliases
        );
        // Stop quietly when the reader goes away (`| head`).
        if writeln!(out, "{line}").is_err() {
            return;
        }
    }
}
