//! What the evals over JSON Lines gold files share: reading the records
//! and keying them by id as the referees do, timing the stage under test,
//! and converting our byte offsets into their code-point offsets (Python
//! string indices).

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::time::Instant;

use anyhow::Context;
use serde_json::Value;

/// Every non-blank line of `file` as JSON, with its id (a string id as
/// is, any other id in its JSON form); a bad line is an error naming it.
pub fn records(file: &Path) -> anyhow::Result<Vec<(String, Value)>> {
    let reader = BufReader::new(
        std::fs::File::open(file).with_context(|| format!("opening {}", file.display()))?,
    );
    let mut out = Vec::new();
    for (n, line) in reader.lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let v: Value =
            serde_json::from_str(&line).with_context(|| format!("line {}: bad JSON", n + 1))?;
        let id = v["id"]
            .as_str()
            .map(str::to_string)
            .unwrap_or_else(|| v["id"].to_string());
        out.push((id, v));
    }
    Ok(out)
}

/// Gold and predicted items keyed by record id as a referee keys them: a
/// later line with the same id replaces the earlier one, and ids keep
/// their first-seen order (a Python dict).
pub struct Keyed<G, P> {
    /// Ids in first-seen order.
    pub order: Vec<String>,
    /// Gold items by id.
    pub gold: HashMap<String, Vec<G>>,
    /// Predicted items by id.
    pub preds: HashMap<String, Vec<P>>,
}

impl<G, P> Default for Keyed<G, P> {
    fn default() -> Self {
        Keyed {
            order: Vec::new(),
            gold: HashMap::new(),
            preds: HashMap::new(),
        }
    }
}

impl<G, P> Keyed<G, P> {
    /// Files one record's gold and predicted items under `id`.
    pub fn insert(&mut self, id: String, gold: Vec<G>, preds: Vec<P>) {
        if !self.gold.contains_key(&id) {
            self.order.push(id.clone());
        }
        self.gold.insert(id.clone(), gold);
        self.preds.insert(id, preds);
    }
}

/// Time spent in the stage under test and the text it read, for the
/// speed line.
#[derive(Default)]
pub struct Meter {
    bytes: usize,
    secs: f64,
}

impl Meter {
    /// Runs `stage` on `text`, counting its time and the text's bytes.
    pub fn run<T>(&mut self, text: &str, stage: impl FnOnce(&str) -> T) -> T {
        let started = Instant::now();
        let out = stage(text);
        self.secs += started.elapsed().as_secs_f64();
        self.bytes += text.len();
        out
    }

    /// `speed X MB/s (Y MB in Zs, one thread)`.
    pub fn speed(&self) -> String {
        let mb = self.bytes as f64 / 1e6;
        format!(
            "speed {:.1} MB/s ({:.2} MB in {:.3}s, one thread)",
            mb / self.secs.max(1e-9),
            mb,
            self.secs
        )
    }
}

/// Byte offset -> code-point offset, for every byte position (and the end).
pub fn code_points(text: &str) -> Vec<i64> {
    let mut map = vec![0i64; text.len() + 1];
    let mut n = 0i64;
    for (b, c) in text.char_indices() {
        for slot in map.iter_mut().skip(b).take(c.len_utf8()) {
            *slot = n;
        }
        n += 1;
    }
    if let Some(last) = map.last_mut() {
        *last = n;
    }
    map
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_points_of_multibyte_text() {
        assert_eq!(code_points("é1"), vec![0, 0, 1, 2]);
        assert_eq!(code_points(""), vec![0]);
    }

    #[test]
    fn later_lines_replace_earlier_ones_in_first_seen_order() {
        let mut k: Keyed<u8, u8> = Keyed::default();
        k.insert("b".into(), vec![1], vec![]);
        k.insert("a".into(), vec![2], vec![3]);
        k.insert("b".into(), vec![4], vec![5]);
        assert_eq!(k.order, ["b", "a"]);
        assert_eq!(k.gold["b"], [4]);
        assert_eq!(k.preds["b"], [5]);
    }
}
