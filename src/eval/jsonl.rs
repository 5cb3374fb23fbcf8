//! What the evals over JSON Lines gold files share: reading the records
//! as the referees do, and converting our byte offsets into their
//! code-point offsets (Python string indices).

use std::io::{BufRead, BufReader};
use std::path::Path;

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
}
