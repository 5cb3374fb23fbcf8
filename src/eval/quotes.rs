//! `storyline eval quotes`: attributed quotes on a PolNeAR-style file.
//!
//! Scores agree with `referee/score_quotes.py` (GGT-style greedy matching:
//! a prediction matches a gold statement when it covers more than `thr` of
//! the gold content; speaker right when the spans overlap or both are
//! absent). Offsets are converted from UTF-8 bytes to code points.
//!
//! The referee's precision for the quote-marked subset divides by all
//! predictions, so two prediction sets are scored: every attribution
//! (`--pred OUT.jsonl`) for the all-attributions lines, and only the
//! predictions whose content holds double quotation marks (beside it,
//! `OUT.marked.jsonl`) for the quote-marked and direct-only lines.

use std::collections::HashMap;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use serde_json::{Value, json};
use storyline_quote::{Kind, Quote};

/// One gold statement, in code points.
struct Gold {
    start: i64,
    end: i64,
    spans: Vec<(i64, i64)>,
    kind: String,
    speakers: Vec<(i64, i64)>,
}

/// One prediction, in code points.
#[derive(Clone)]
struct Pred {
    start: i64,
    end: i64,
    speakers: Vec<(i64, i64)>,
    marked: bool,
    kind: Kind,
    name: Option<String>,
}

pub fn run(file: &Path, pred_out: Option<&Path>) -> anyhow::Result<ExitCode> {
    let mut keyed = super::jsonl::Keyed::default();
    let mut meter = super::jsonl::Meter::default();
    for (id, v) in super::jsonl::records(file)? {
        let text = v["text"].as_str().unwrap_or("");
        let found = meter.run(text, storyline_quote::find);
        let cp = super::jsonl::code_points(text);
        let p: Vec<Pred> = found.iter().map(|q| to_pred(text, &cp, q)).collect();
        let g: Vec<Gold> = v["quotes"]
            .as_array()
            .map(|a| a.iter().map(gold_of).collect())
            .unwrap_or_default();
        keyed.insert(id, g, p);
    }
    let super::jsonl::Keyed { order, gold, preds } = keyed;
    let marked: HashMap<String, Vec<Pred>> = preds
        .iter()
        .map(|(k, v)| (k.clone(), v.iter().filter(|p| p.marked).cloned().collect()))
        .collect();

    let (all_file, marked_file) = match pred_out {
        Some(p) => {
            let m = marked_path(p);
            write_preds(p, &order, &preds)?;
            write_preds(&m, &order, &marked)?;
            (p.display().to_string(), m.display().to_string())
        }
        None => ("all predictions".into(), "quote-marked predictions".into()),
    };
    let subsets: [(&str, &[&str], bool); 3] = [
        ("quote-marked (direct+mixed)", &["direct", "mixed"], true),
        ("direct only", &["direct"], true),
        ("all attributions", &["direct", "mixed", "indirect"], false),
    ];
    for (name, kinds, use_marked) in subsets {
        let (p, from) = if use_marked {
            (&marked, &marked_file)
        } else {
            (&preds, &all_file)
        };
        for thr in [0.3, 0.8] {
            let s = score(&order, &gold, p, kinds, thr);
            outln!("{name:28} thr={thr} {s}   [{from}]");
        }
    }
    outln!("{}", meter.speed());
    Ok(ExitCode::SUCCESS)
}

/// `OUT.jsonl` -> `OUT.marked.jsonl`.
fn marked_path(p: &Path) -> PathBuf {
    let stem = p
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    p.with_file_name(format!("{stem}.marked.jsonl"))
}

fn to_pred(text: &str, cp: &[i64], q: &Quote) -> Pred {
    let at = |b: usize| cp.get(b).copied().unwrap_or(0);
    let content = q.content(text);
    // The gold's quote-marked kinds are about double marks; `''` counts as none.
    let marked = q.kind != Kind::Indirect
        && content.contains([
            '"', '\u{201C}', '\u{201D}', '\u{201E}', '\u{00AB}', '\u{00BB}',
        ]);
    Pred {
        start: at(q.start),
        end: at(q.end),
        speakers: q
            .speaker
            .map(|(s, e)| vec![(at(s), at(e))])
            .unwrap_or_default(),
        marked,
        kind: q.kind,
        name: q.speaker_name.clone(),
    }
}

fn pair_of(v: &Value) -> Option<(i64, i64)> {
    Some((v.get(0)?.as_i64()?, v.get(1)?.as_i64()?))
}

fn gold_of(v: &Value) -> Gold {
    let spans = |k: &str| -> Vec<(i64, i64)> {
        v[k].as_array()
            .map(|a| a.iter().filter_map(pair_of).collect())
            .unwrap_or_default()
    };
    Gold {
        start: v["start"].as_i64().unwrap_or(0),
        end: v["end"].as_i64().unwrap_or(0),
        spans: spans("spans"),
        kind: v["kind"].as_str().unwrap_or("").to_string(),
        speakers: spans("speaker_spans"),
    }
}

fn write_preds(
    path: &Path,
    order: &[String],
    preds: &HashMap<String, Vec<Pred>>,
) -> anyhow::Result<()> {
    let mut out = String::new();
    for id in order {
        let quotes: Vec<Value> = preds
            .get(id)
            .map(|v| {
                v.iter()
                    .map(|p| {
                        let sp: Value = if p.speakers.is_empty() {
                            Value::Null
                        } else {
                            json!(p.speakers.iter().map(|&(s, e)| [s, e]).collect::<Vec<_>>())
                        };
                        let kind = match p.kind {
                            Kind::Direct => "direct",
                            Kind::Mixed => "mixed",
                            Kind::Indirect => "indirect",
                        };
                        json!({"start": p.start, "end": p.end, "speaker_spans": sp, "kind": kind, "speaker_name": p.name})
                    })
                    .collect()
            })
            .unwrap_or_default();
        out.push_str(&json!({"id": id, "quotes": quotes}).to_string());
        out.push('\n');
    }
    std::fs::write(path, out).with_context(|| format!("writing {}", path.display()))
}

fn ov(a: (i64, i64), b: (i64, i64)) -> i64 {
    (a.1.min(b.1) - a.0.max(b.0)).max(0)
}

/// The referee's `score`, printed as its JSON dict.
fn score(
    order: &[String],
    gold: &HashMap<String, Vec<Gold>>,
    pred: &HashMap<String, Vec<Pred>>,
    kinds: &[&str],
    thr: f64,
) -> String {
    let (mut ng, mut ns, mut tp, mut spk, mut ex) = (0usize, 0usize, 0usize, 0usize, 0usize);
    let empty = Vec::new();
    for id in order {
        let g = gold.get(id).unwrap_or(&empty);
        let gq: Vec<&Gold> = g
            .iter()
            .filter(|q| kinds.contains(&q.kind.as_str()))
            .collect();
        let p: &[Pred] = pred.get(id).map_or(&[], Vec::as_slice);
        ng += gq.len();
        ns += p.len();
        let mut used = vec![false; p.len()];
        for q in gq {
            let gl: i64 = q.spans.iter().map(|&(s, e)| e - s).sum();
            let mut best: Option<usize> = None;
            let mut bs = thr;
            for (j, pj) in p.iter().enumerate() {
                if used[j] {
                    continue;
                }
                let o: i64 = q.spans.iter().map(|&s| ov((pj.start, pj.end), s)).sum();
                let sc = o as f64 / gl.max(1) as f64;
                if sc > bs {
                    best = Some(j);
                    bs = sc;
                }
            }
            let Some(j) = best else { continue };
            used[j] = true;
            tp += 1;
            let pj = &p[j];
            if (pj.start, pj.end) == (q.start, q.end) {
                ex += 1;
            }
            let (gs, ps) = (&q.speakers, &pj.speakers);
            if (gs.is_empty() && ps.is_empty())
                || (!gs.is_empty() && gs.iter().any(|&a| ps.iter().any(|&b| ov(a, b) > 0)))
            {
                spk += 1;
            }
        }
    }
    let p_ = if ns > 0 { tp as f64 / ns as f64 } else { 0.0 };
    let r_ = if ng > 0 { tp as f64 / ng as f64 } else { 0.0 };
    let f = if p_ + r_ > 0.0 {
        2.0 * p_ * r_ / (p_ + r_)
    } else {
        0.0
    };
    // Python prints an int 0 where its value never became a float.
    let num = |x: f64, is_float: bool| {
        if is_float {
            format!("{:.1}", round1(100.0 * x))
        } else {
            "0".into()
        }
    };
    format!(
        "{{\"n_gold\": {ng}, \"n_pred\": {ns}, \"P\": {}, \"R\": {}, \"F1\": {}, \"speaker_acc\": {}, \"exact_span_matches\": {ex}}}",
        num(p_, ns > 0),
        num(r_, ng > 0),
        num(f, p_ + r_ > 0.0),
        if tp > 0 {
            format!("{:.1}", round1(100.0 * spk as f64 / tp as f64))
        } else {
            "0".into()
        },
    )
}

/// Python's `round(x, 1)`: correctly rounded, ties to even on the exact value.
fn round1(x: f64) -> f64 {
    format!("{x:.1}").parse().unwrap_or(x)
}
