//! Date accuracy on a WCXB-style folder (`html/ID.html.gz` + `ground-truth/ID.json`).
//!
//! Usage: `cargo run -p storyline-date --example wcxb_dates -- DIR [--misses] [--rules] [--pred FILE]`
//!
//! Scores like the project's referee: over pages whose ground truth has `publish_date`, a prediction is
//! right when its first ten characters equal the gold ones. `--misses` lists each wrong page with the
//! rule that fired; `--rules` breaks accuracy down by rule; `--pred` writes the predictions in the
//! referee's `PRED.json` shape (`{"ID": {"date": ...}}`). Times the date detection apart from the
//! HTML parse, so regressions in speed show up too.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;
use std::time::{Duration, Instant};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first().filter(|a| !a.starts_with("--")) else {
        eprintln!("usage: wcxb_dates DIR [--misses] [--rules] [--pred FILE]");
        std::process::exit(2);
    };
    let show_misses = args.iter().any(|a| a == "--misses");
    let show_rules = args.iter().any(|a| a == "--rules");
    let pred_path = args
        .iter()
        .position(|a| a == "--pred")
        .and_then(|i| args.get(i + 1));
    let dir = Path::new(dir);
    let today = jiff::Zoned::now().date();

    let mut ids: Vec<String> = match std::fs::read_dir(dir.join("ground-truth")) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .filter_map(|e| {
                e.file_name()
                    .to_str()?
                    .strip_suffix(".json")
                    .map(str::to_string)
            })
            .collect(),
        Err(err) => {
            eprintln!("cannot read {}: {err}", dir.display());
            std::process::exit(1);
        }
    };
    ids.sort();

    let (mut scored, mut right, mut pages) = (0usize, 0usize, 0usize);
    let (mut parse_time, mut detect_time) = (Duration::ZERO, Duration::ZERO);
    let mut slowest = (Duration::ZERO, String::new());
    let mut by_rule: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut misses = Vec::new();
    let mut predictions = serde_json::Map::new();
    for id in &ids {
        let Some((url, gold)) = read_truth(&dir.join("ground-truth").join(format!("{id}.json")))
        else {
            continue;
        };
        let Some(html) = read_html(&dir.join("html").join(format!("{id}.html.gz"))) else {
            continue;
        };
        let parse_started = Instant::now();
        let doc = scraper::Html::parse_document(&html);
        parse_time += parse_started.elapsed();
        let started = Instant::now();
        let found = storyline_date::detect(&doc, url.as_deref(), today);
        let took = started.elapsed();
        detect_time += took;
        if took > slowest.0 {
            slowest = (took, id.clone());
        }
        pages += 1;
        if let Some(d) = &found {
            predictions.insert(id.clone(), serde_json::json!({ "date": d.iso }));
        }
        let Some(gold) = gold else { continue };
        scored += 1;
        let predicted = found.as_ref().map_or("", |d| d.iso.as_str());
        let rule = found.as_ref().map_or("none", |d| d.rule.name());
        let ok = first10(predicted) == first10(&gold);
        let entry = by_rule.entry(rule.to_string()).or_default();
        entry.0 += 1;
        if ok {
            right += 1;
            entry.1 += 1;
        } else {
            misses.push(format!("{id}\tgold={gold}\tgot={predicted}\trule={rule}"));
        }
    }

    if let Some(path) = pred_path {
        let json = serde_json::Value::Object(predictions).to_string();
        if let Err(err) = std::fs::write(path, json) {
            eprintln!("cannot write {path}: {err}");
        }
    }
    if show_misses {
        for m in &misses {
            println!("{m}");
        }
    }
    if show_rules {
        for (rule, (n, ok)) in &by_rule {
            println!("{rule:16} {ok:4}/{n:<4}");
        }
    }
    let accuracy = if scored == 0 {
        0.0
    } else {
        right as f64 / scored as f64
    };
    println!("date accuracy: {right}/{scored} = {accuracy:.4}");
    if pages > 0 {
        let per_page = |d: Duration| d.as_secs_f64() * 1000.0 / pages as f64;
        println!(
            "detection time: {:.3} ms/page mean over {pages} pages (HTML parse: {:.3} ms/page), slowest {:.3} ms ({})",
            per_page(detect_time),
            per_page(parse_time),
            slowest.0.as_secs_f64() * 1000.0,
            slowest.1
        );
    }
}

/// The page URL and gold date from one ground-truth file.
fn read_truth(path: &Path) -> Option<(Option<String>, Option<String>)> {
    let text = std::fs::read_to_string(path).ok()?;
    let json: serde_json::Value = serde_json::from_str(&text).ok()?;
    let url = json.get("url").and_then(|u| u.as_str()).map(str::to_string);
    let gold = json
        .get("ground_truth")
        .and_then(|g| g.get("publish_date"))
        .and_then(|d| d.as_str())
        .filter(|d| !d.is_empty())
        .map(str::to_string);
    Some((url, gold))
}

/// The page's HTML, gunzipped and decoded as lossy UTF-8.
fn read_html(path: &Path) -> Option<String> {
    let file = std::fs::File::open(path).ok()?;
    let mut bytes = Vec::new();
    flate2::read::GzDecoder::new(file)
        .read_to_end(&mut bytes)
        .ok()?;
    Some(String::from_utf8_lossy(&bytes).into_owned())
}

/// The first ten characters, or the whole string when shorter, as the referee compares them.
fn first10(s: &str) -> &str {
    s.get(..10).unwrap_or(s)
}
