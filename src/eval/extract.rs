//! `storyline eval extract`: main text and metadata on a page benchmark.
//!
//! Agrees with `referee/score_extraction.py`: body F1 over 4-word shingles
//! with every page weighing the same; title and author exact after
//! case/whitespace folding (in `fundus` mode also after folding
//! typographic variants); the date's first 10 characters.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use rayon::prelude::*;
use serde_json::{Value, json};
use storyline_extract::Extractor;
use storyline_source::Limits;

use super::Benchmark;
use super::cpu;
use super::shingles::{page_counts, prf};

/// One benchmark page and what is known about it.
struct Case {
    id: String,
    url: Option<String>,
    body: String,
    title: Option<String>,
    author: Option<String>,
    date: Option<String>,
}

pub fn run(kind: Benchmark, dir: &Path, pred_out: Option<&Path>) -> anyhow::Result<ExitCode> {
    let cases = load(kind, dir)?;
    let extractor = Extractor::new();
    let limits = Limits::default();
    let started = Instant::now();
    let preds: Vec<(String, Value, Duration)> = cases
        .par_iter()
        .map(|case| {
            let path = dir.join("html").join(format!("{}.html.gz", case.id));
            // The product's own path: source (charset, gzip) then extract.
            // Only the extraction is timed, as the reference's speed is
            // (`scripts/trafilatura_baseline.py` times `bare_extraction`
            // on the decoded page).
            let mut spent = Duration::ZERO;
            let article = std::fs::read(&path).ok().and_then(|bytes| {
                let name = path.display().to_string();
                let mut record = storyline_source::from_bytes(bytes, &name, &limits).next()?.ok()?;
                record.hints.url = case.url.clone();
                let (cpu, article) = cpu::timed(|| extractor.extract(&record));
                spent = cpu;
                article.ok()
            });
            let v = match article {
                Some(a) => {
                    let date = a.published_day().map(|d| d.to_string());
                    json!({"articleBody": a.text, "title": a.title, "author": a.author, "date": date})
                }
                None => json!({"articleBody": "", "title": null, "author": null, "date": null}),
            };
            (case.id.clone(), v, spent)
        })
        .collect();
    let elapsed = started.elapsed();
    let cpu: Duration = preds.iter().map(|(_, _, spent)| *spent).sum();
    let preds: BTreeMap<String, Value> = preds.into_iter().map(|(id, v, _)| (id, v)).collect();

    let (mut tp, mut fp, mut fn_) = (0.0, 0.0, 0.0);
    for case in &cases {
        let got = preds[&case.id]["articleBody"].as_str().unwrap_or("");
        let (a, b, c) = page_counts(&case.body, got);
        tp += a;
        fp += b;
        fn_ += c;
    }
    let (p, r, f) = prf(tp, fp, fn_);
    outln!("pages {}  body P {p:.4}  R {r:.4}  F1 {f:.4}", cases.len());
    if matches!(kind, Benchmark::Wcxb | Benchmark::Fundus) {
        let same = |a: &str, b: &str| match kind {
            Benchmark::Fundus => norm(&fold(a)) == norm(&fold(b)),
            _ => norm(a) == norm(b),
        };
        for field in ["title", "author", "date"] {
            let have: Vec<&Case> = cases.iter().filter(|c| gold(c, field).is_some()).collect();
            if have.is_empty() {
                continue;
            }
            let ok = have
                .iter()
                .filter(|c| {
                    let want = gold(c, field).unwrap_or("");
                    let got = preds[&c.id][field].as_str().unwrap_or("");
                    if field == "date" {
                        prefix10(got) == prefix10(want)
                    } else {
                        same(got, want)
                    }
                })
                .count();
            outln!(
                "{field} accuracy {:.4} over {} pages",
                ok as f64 / have.len() as f64,
                have.len()
            );
        }
    }
    eprintln!(
        "{} pages in {:.1}s ({:.0} pages/s)",
        cases.len(),
        elapsed.as_secs_f64(),
        cases.len() as f64 / elapsed.as_secs_f64().max(1e-9)
    );
    if !cpu.is_zero() {
        eprintln!(
            "extraction: {:.1} s of CPU, {:.1} pages/s per core",
            cpu.as_secs_f64(),
            cases.len() as f64 / cpu.as_secs_f64()
        );
    }
    if let Some(out) = pred_out {
        let text = serde_json::to_string(&preds)?;
        std::fs::write(out, text).with_context(|| format!("writing {}", out.display()))?;
    }
    Ok(ExitCode::SUCCESS)
}

fn gold<'a>(c: &'a Case, field: &str) -> Option<&'a str> {
    match field {
        "title" => c.title.as_deref(),
        "author" => c.author.as_deref(),
        _ => c.date.as_deref(),
    }
    .filter(|s| !s.is_empty())
}

fn prefix10(s: &str) -> String {
    s.chars().take(10).collect()
}

/// The referee's fundus folding: typographic quotes, primes and guillemets
/// as straight quotes, dashes as '-', soft hyphens and zero-width characters
/// dropped, odd spaces as one space. For comparison only.
fn fold(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{ab}' | '\u{bb}'
            | '\u{2033}' => Some('"'),
            '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2039}' | '\u{203a}'
            | '\u{2032}' | '\u{b4}' | '`' => Some('\''),
            '\u{2010}'..='\u{2015}' | '\u{2212}' => Some('-'),
            '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' => None,
            '\u{a0}' | '\u{2007}' | '\u{202f}' | '\u{2009}' | '\u{200a}' => Some(' '),
            c => Some(c),
        })
        .collect()
}

fn norm(s: &str) -> String {
    s.to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn load(kind: Benchmark, dir: &Path) -> anyhow::Result<Vec<Case>> {
    let mut cases = Vec::new();
    match kind {
        Benchmark::Aeb => {
            let path = dir.join("ground-truth.json");
            let text = std::fs::read_to_string(&path)
                .with_context(|| format!("reading {}", path.display()))?;
            let truth: BTreeMap<String, Value> = serde_json::from_str(&text)
                .with_context(|| format!("parsing {}", path.display()))?;
            for (id, v) in truth {
                cases.push(Case {
                    id,
                    url: v["url"].as_str().map(str::to_string),
                    body: v["articleBody"].as_str().unwrap_or("").to_string(),
                    title: None,
                    author: None,
                    date: None,
                });
            }
        }
        Benchmark::Wcxb | Benchmark::Fundus => {
            let gt = dir.join("ground-truth");
            let mut names: Vec<_> = std::fs::read_dir(&gt)
                .with_context(|| format!("reading {}", gt.display()))?
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().to_string())
                .filter(|n| n.ends_with(".json"))
                .collect();
            names.sort();
            for name in names {
                let path = gt.join(&name);
                let text = std::fs::read_to_string(&path)
                    .with_context(|| format!("reading {}", path.display()))?;
                let v: Value = serde_json::from_str(&text)
                    .with_context(|| format!("parsing {}", path.display()))?;
                let g = &v["ground_truth"];
                let s = |k: &str| g[k].as_str().map(str::to_string);
                cases.push(Case {
                    id: name.trim_end_matches(".json").to_string(),
                    url: v["url"].as_str().map(str::to_string),
                    body: s("main_content").unwrap_or_default(),
                    title: s("title"),
                    author: s("author"),
                    date: s("publish_date"),
                });
            }
        }
    }
    if cases.is_empty() {
        bail!("{}: no benchmark pages found", dir.display());
    }
    Ok(cases)
}
