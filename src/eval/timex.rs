//! `storyline eval timex`: temporal expressions on a TimeML-style file.
//!
//! Scores agree with `referee/score_timex.py` in `jsonl` mode: each gold
//! expression takes one unused prediction that overlaps it (an exact span
//! wins, else the last overlapping one); strict = same span, relaxed =
//! overlap; value accuracy over relaxed matches; value F1 = matches with
//! the gold value over (gold + predicted). Offsets are converted from UTF-8
//! bytes to code points. The publication date (`dct`) is the anchor.

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use serde_json::{Value, json};

/// One expression, in code points.
struct Span {
    start: i64,
    end: i64,
    kind: String,
    value: Option<String>,
}

pub fn run(file: &Path, pred: Option<&Path>) -> anyhow::Result<ExitCode> {
    let mut keyed = super::jsonl::Keyed::default();
    let mut meter = super::jsonl::Meter::default();
    for (id, v) in super::jsonl::records(file)? {
        let text = v["text"].as_str().unwrap_or("");
        let anchor = v["dct"]
            .as_str()
            .and_then(storyline_model::Published::parse)
            .map(|p| p.day());
        let found = meter.run(text, |t| storyline_timex::find(t, anchor));
        let cp = super::jsonl::code_points(text);
        let p: Vec<Span> = found
            .into_iter()
            .map(|t| Span {
                start: cp.get(t.start).copied().unwrap_or(0),
                end: cp.get(t.end).copied().unwrap_or(0),
                kind: t.kind.as_str().to_string(),
                value: Some(t.value),
            })
            .collect();
        let g: Vec<Span> = v["timexes"]
            .as_array()
            .map(|a| a.iter().map(gold_of).collect())
            .unwrap_or_default();
        keyed.insert(id, g, p);
    }
    let super::jsonl::Keyed { order, gold, preds } = keyed;
    if let Some(path) = pred {
        let mut out = std::io::BufWriter::new(
            std::fs::File::create(path).with_context(|| format!("creating {}", path.display()))?,
        );
        for id in &order {
            let items: Vec<Value> = preds[id]
                .iter()
                .map(|p| json!({"start": p.start, "end": p.end, "type": p.kind, "value": p.value}))
                .collect();
            writeln!(out, "{}", json!({"id": id, "timexes": items}))?;
        }
        out.flush()?;
    }
    outln!("ALL {}", score(&order, &gold, &preds, None));
    outln!("DATE only {}", score(&order, &gold, &preds, Some("DATE")));
    outln!("{}", meter.speed());
    Ok(ExitCode::SUCCESS)
}

fn gold_of(v: &Value) -> Span {
    Span {
        start: v["start"].as_i64().unwrap_or(0),
        end: v["end"].as_i64().unwrap_or(0),
        kind: v["type"].as_str().unwrap_or("").to_string(),
        value: v["value"].as_str().map(str::to_string),
    }
}

/// The referee's numbers, printed as it prints them.
fn score(
    order: &[String],
    gold: &HashMap<String, Vec<Span>>,
    preds: &HashMap<String, Vec<Span>>,
    only: Option<&str>,
) -> String {
    let (mut ns, mut ng, mut strict, mut relaxed, mut val) =
        (0usize, 0usize, 0usize, 0usize, 0usize);
    let empty = Vec::new();
    for id in order {
        let g: Vec<&Span> = gold[id]
            .iter()
            .filter(|t| only.is_none_or(|k| t.kind == k))
            .collect();
        let p = preds.get(id).unwrap_or(&empty);
        ng += g.len();
        ns += p.len();
        let mut used = vec![false; p.len()];
        for t in g {
            let mut best = None;
            for (j, q) in p.iter().enumerate() {
                if used[j] {
                    continue;
                }
                if q.start < t.end && t.start < q.end {
                    best = Some(j);
                    if (q.start, q.end) == (t.start, t.end) {
                        break;
                    }
                }
            }
            let Some(j) = best else { continue };
            used[j] = true;
            relaxed += 1;
            let q = &p[j];
            if (q.start, q.end) == (t.start, t.end) {
                strict += 1;
            }
            if q.value == t.value {
                val += 1;
            }
        }
    }
    let prf = |c: usize| format!("[{}, {}, {}]", pct(c, ns), pct(c, ng), pct(2 * c, ns + ng));
    format!(
        "{{\"n_gold\": {ng}, \"n_sys\": {ns}, \"strict_PRF\": {}, \"relaxed_PRF\": {}, \"value_acc_on_relaxed\": {}, \"value_F1\": {}, \"lenient_value_F1\": {}}}",
        prf(strict),
        prf(relaxed),
        pct(val, relaxed),
        pct(2 * val, ns + ng),
        pct(2 * val, ns + ng),
    )
}

/// `round(100 * a / b, 1)` as Python prints it; `0` when `b` is 0.
fn pct(a: usize, b: usize) -> String {
    if b == 0 {
        return "0".into();
    }
    // Same operation order as the referee: divide, then scale.
    format!("{:.1}", (a as f64 / b as f64) * 100.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(start: i64, end: i64, value: &str) -> Span {
        Span {
            start,
            end,
            kind: "DATE".into(),
            value: Some(value.into()),
        }
    }

    #[test]
    fn matches_one_to_one_preferring_exact() {
        let order = vec!["d".to_string()];
        let gold = HashMap::from([(
            "d".to_string(),
            vec![span(0, 10, "2025"), span(20, 25, "P1D")],
        )]);
        let preds = HashMap::from([(
            "d".to_string(),
            vec![span(2, 8, "2025"), span(0, 10, "2024"), span(30, 31, "x")],
        )]);
        let s = score(&order, &gold, &preds, None);
        // Gold 1 takes the exact span (wrong value); gold 2 finds nothing.
        assert!(s.contains("\"strict_PRF\": [33.3, 50.0, 40.0]"), "{s}");
        assert!(s.contains("\"value_F1\": 0.0"), "{s}");
    }
}
