//! `storyline eval cluster`: story clustering on a labelled JSON Lines file.
//!
//! Articles are clustered as one stream in [`stream_order`]: by date, with
//! an undated article keeping its place after the article before it in the
//! file (a fully undated file keeps file order). Scores agree with
//! `referee/score_clusters.py`: pairwise precision/recall/F1 over all
//! article pairs and BCubed averaged over articles, rounded to 5 places.
//! A mixed stream (rows with a `set` field) also gets BCubed within each set
//! and the count of stories that span sets, as `referee/score_mixed.py`
//! prints them. `--gold-key` scores against another label field (AllSides
//! carries `storyline` beside its event `cluster`), as the referee does.
//! `--level storyline` scores storylines (events linked into one developing
//! story) instead of events. Rows with a `topic` (ECB+, whose every topic
//! holds two events of one kind) also get the count of predicted groups
//! that hold two events of one topic, and at the storyline level the count
//! of storyline links that join two such events.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;
use storyline_model::Published;

use anyhow::Context;
use serde_json::Value;
use storyline_cluster::{Clusterer, Config, Doc, Labels, stream_order};

use super::Level;

/// One labelled article.
struct Row {
    id: String,
    time: Option<i64>,
    title: String,
    text: String,
    outlet: Option<String>,
    gold: String,
    /// The labelled set a row of a mixed stream comes from (`set` field).
    set: Option<String>,
    /// The ECB+ topic (two events of one kind), when given.
    topic: Option<String>,
}

pub fn run(
    file: &Path,
    pred_out: Option<&Path>,
    gold_key: &str,
    level: Level,
) -> anyhow::Result<ExitCode> {
    let rows = load(file, gold_key)?;
    let docs: Vec<Doc> = rows
        .iter()
        .map(|r| Doc {
            id: &r.id,
            time: r.time,
            title: &r.title,
            text: &r.text,
            outlet: r.outlet.as_deref(),
        })
        .collect();

    let started = Instant::now();
    let order = stream_order(&docs);
    let mut clusterer = Clusterer::new(Config::default());
    let mut labels = Labels::new();
    let (mut duplicates, mut merges) = (0usize, 0usize);
    for &i in &order {
        let a = clusterer.add(&docs[i]);
        duplicates += usize::from(a.duplicate_of.is_some());
        merges += a.merged.len();
        labels.record(docs[i].id, &a);
    }
    let elapsed = started.elapsed();
    // Last line wins, as in the referee's dicts.
    let gold: HashMap<&str, &str> = rows
        .iter()
        .map(|r| (r.id.as_str(), r.gold.as_str()))
        .collect();
    let events = last_wins(labels.iter());
    let pred = match level {
        Level::Event => events.clone(),
        Level::Storyline => last_wins(labels.storylines()),
    };
    let s = score(&gold, &pred);
    outln!(
        "articles {}  gold clusters {}  predicted clusters {}  near-duplicates {}  merges {}",
        s.n,
        s.gold_clusters,
        s.pred_clusters,
        duplicates,
        merges
    );
    outln!(
        "pairwise  P {:.5}  R {:.5}  F1 {:.5}",
        s.pair_p,
        s.pair_r,
        s.pair_f1
    );
    outln!(
        "BCubed    P {:.5}  R {:.5}  F1 {:.5}",
        s.bcubed_p,
        s.bcubed_r,
        s.bcubed_f1
    );
    if rows.iter().any(|r| r.set.is_some()) {
        per_set(&rows, &gold, &pred)?;
    }
    if rows.iter().any(|r| r.topic.is_some()) {
        topics(&rows, &events, &pred, level)?;
    }
    let secs = elapsed.as_secs_f64().max(1e-9);
    outln!(
        "speed     {:.0} articles/s ({} articles in {:.3}s, one thread)",
        rows.len() as f64 / secs,
        rows.len(),
        secs
    );
    if let Some(out) = pred_out {
        let mut text = String::new();
        for (id, story) in &pred {
            let _ = writeln!(text, "{id}\t{story}");
        }
        std::fs::write(out, text).with_context(|| format!("writing {}", out.display()))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Labels with the last assignment of each id winning, as the referee's
/// dicts do, in first-seen order.
fn last_wins<'a>(labels: impl Iterator<Item = (&'a str, u64)>) -> Vec<(&'a str, u64)> {
    let mut pred: Vec<(&str, u64)> = Vec::new();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (id, story) in labels {
        match seen.get(id) {
            Some(&at) => pred[at].1 = story,
            None => {
                seen.insert(id, pred.len());
                pred.push((id, story));
            }
        }
    }
    pred
}

/// ECB+ (rows carrying `topic`): every topic holds two events of one kind,
/// which must never be one story or one storyline. Prints the predicted
/// groups holding gold events of one topic, and at the storyline level the
/// links that join two predicted events standing for different gold events
/// of one topic (each predicted event stands for its most common gold event).
fn topics(
    rows: &[Row],
    events: &[(&str, u64)],
    pred: &[(&str, u64)],
    level: Level,
) -> anyhow::Result<()> {
    let row: HashMap<&str, &Row> = rows.iter().map(|r| (r.id.as_str(), r)).collect();
    let key = |id: &str| {
        row.get(id)
            .and_then(|r| Some((r.topic.as_deref()?, r.gold.as_str())))
    };
    // Predicted group -> (topic -> gold events).
    let mut groups: HashMap<u64, HashMap<&str, Vec<&str>>> = HashMap::new();
    for &(id, p) in pred {
        if let Some((topic, gold)) = key(id) {
            let golds = groups.entry(p).or_default().entry(topic).or_default();
            if !golds.contains(&gold) {
                golds.push(gold);
            }
        }
    }
    let mixed = groups
        .values()
        .filter(|t| t.values().any(|g| g.len() > 1))
        .count();
    let what = match level {
        Level::Event => "stories",
        Level::Storyline => "storylines",
    };
    outln!(
        "topics    {what} holding two events of one topic: {mixed} of {}",
        groups.len()
    );
    if level == Level::Event {
        return Ok(());
    }
    // Each predicted event's most common gold event (ties to the smaller).
    let mut counts: HashMap<u64, HashMap<(&str, &str), usize>> = HashMap::new();
    for &(id, e) in events {
        if let Some(k) = key(id) {
            *counts.entry(e).or_default().entry(k).or_default() += 1;
        }
    }
    let major: HashMap<u64, (&str, &str)> = counts
        .into_iter()
        .filter_map(|(e, c)| {
            let best = c
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))?;
            Some((e, best.0))
        })
        .collect();
    let line: HashMap<&str, u64> = pred.iter().copied().collect();
    let mut by_line: HashMap<u64, Vec<(&str, &str)>> = HashMap::new();
    let mut done: std::collections::HashSet<u64> = Default::default();
    for &(id, e) in events {
        if let (Some(&l), Some(&k)) = (line.get(id), major.get(&e))
            && done.insert(e)
        {
            by_line.entry(l).or_default().push(k);
        }
    }
    let links = by_line
        .values()
        .filter(|ks| {
            ks.iter()
                .any(|a| ks.iter().any(|b| a.0 == b.0 && a.1 != b.1))
        })
        .count();
    outln!("topics    storylines linking two events of one topic: {links}");
    Ok(())
}

/// A mixed stream (rows carrying `set`): BCubed within each set, and the
/// predicted stories that hold articles of more than one set, printed as
/// `referee/score_mixed.py` prints them.
fn per_set(rows: &[Row], gold: &HashMap<&str, &str>, pred: &[(&str, u64)]) -> anyhow::Result<()> {
    // Last line wins, as in the referee's dicts.
    let set_of: HashMap<&str, &str> = rows
        .iter()
        .map(|r| (r.id.as_str(), r.set.as_deref().unwrap_or("")))
        .collect();
    let mut sets: Vec<&str> = set_of.values().copied().collect();
    sets.sort_unstable();
    sets.dedup();
    for set in sets {
        let part: Vec<(&str, u64)> = pred
            .iter()
            .copied()
            .filter(|(id, _)| set_of.get(id) == Some(&set))
            .collect();
        let s = score(gold, &part);
        outln!(
            "{set:10} BCubed P {:.4} R {:.4} F1 {:.4}",
            s.bcubed_p,
            s.bcubed_r,
            s.bcubed_f1
        );
    }
    let mut spans: HashMap<u64, Vec<&str>> = HashMap::new();
    for (id, story) in pred {
        let sets = spans.entry(*story).or_default();
        let set = set_of.get(id).copied().unwrap_or("");
        if !sets.contains(&set) {
            sets.push(set);
        }
    }
    let spanning = spans.values().filter(|s| s.len() > 1).count();
    outln!(
        "stories spanning two or more sets: {spanning} of {}",
        spans.len()
    );
    Ok(())
}

/// The referee's numbers.
struct Scores {
    n: usize,
    gold_clusters: usize,
    pred_clusters: usize,
    pair_p: f64,
    pair_r: f64,
    pair_f1: f64,
    bcubed_p: f64,
    bcubed_r: f64,
    bcubed_f1: f64,
}

fn prf(p: f64, r: f64) -> f64 {
    if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
}

/// Pairwise and BCubed scores over the predicted ids, as the referee defines them.
fn score(gold: &HashMap<&str, &str>, pred: &[(&str, u64)]) -> Scores {
    let c2 = |n: u64| n * n.saturating_sub(1) / 2;
    let mut cont: HashMap<(&str, u64), u64> = HashMap::new();
    let mut gsize: HashMap<&str, u64> = HashMap::new();
    let mut psize: HashMap<u64, u64> = HashMap::new();
    for &(id, p) in pred {
        let g = gold.get(id).copied().unwrap_or("");
        *cont.entry((g, p)).or_default() += 1;
        *gsize.entry(g).or_default() += 1;
        *psize.entry(p).or_default() += 1;
    }
    let tp: u64 = cont.values().map(|&v| c2(v)).sum();
    let tp_fp: u64 = psize.values().map(|&v| c2(v)).sum();
    let tp_fn: u64 = gsize.values().map(|&v| c2(v)).sum();
    let pair_p = if tp_fp > 0 {
        tp as f64 / tp_fp as f64
    } else {
        0.0
    };
    let pair_r = if tp_fn > 0 {
        tp as f64 / tp_fn as f64
    } else {
        0.0
    };
    let n = pred.len();
    let (mut bp, mut br) = (0.0f64, 0.0f64);
    for &(id, p) in pred {
        let g = gold.get(id).copied().unwrap_or("");
        let both = cont[&(g, p)] as f64;
        bp += both / psize[&p] as f64;
        br += both / gsize[g] as f64;
    }
    let nf = n.max(1) as f64;
    let (bp, br) = (bp / nf, br / nf);
    Scores {
        n,
        gold_clusters: gsize.len(),
        pred_clusters: psize.len(),
        pair_p,
        pair_r,
        pair_f1: prf(pair_p, pair_r),
        bcubed_p: bp,
        bcubed_r: br,
        bcubed_f1: prf(bp, br),
    }
}

fn load(file: &Path, gold_key: &str) -> anyhow::Result<Vec<Row>> {
    let f = std::fs::File::open(file).with_context(|| format!("opening {}", file.display()))?;
    let mut rows = Vec::new();
    for (n, line) in BufReader::new(f).lines().enumerate() {
        let line = line.with_context(|| format!("reading {}", file.display()))?;
        if line.trim().is_empty() {
            continue;
        }
        let v: Value = serde_json::from_str(&line)
            .with_context(|| format!("{}:{}: not JSON", file.display(), n + 1))?;
        let id =
            text_of(&v["id"]).with_context(|| format!("{}:{}: no id", file.display(), n + 1))?;
        let gold = text_of(&v[gold_key]).unwrap_or_default();
        rows.push(Row {
            id,
            time: v["date"]
                .as_str()
                .and_then(Published::parse)
                .map(|p| p.unix_seconds()),
            title: v["title"].as_str().unwrap_or("").to_string(),
            text: v["text"].as_str().unwrap_or("").to_string(),
            outlet: v["outlet"].as_str().map(str::to_string),
            gold,
            set: text_of(&v["set"]),
            topic: text_of(&v["topic"]),
        });
    }
    Ok(rows)
}

/// A JSON string or number as the referee's `str()` would write it.
fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_match_hand_counts() {
        // Gold {a,b,c} {d}; predicted {a,b} {c,d}.
        let gold: HashMap<&str, &str> = [("a", "x"), ("b", "x"), ("c", "x"), ("d", "y")]
            .into_iter()
            .collect();
        let pred = [("a", 1), ("b", 1), ("c", 2), ("d", 2)];
        let s = score(&gold, &pred);
        assert_eq!((s.pair_p, s.pair_r), (0.5, 1.0 / 3.0));
        // BCubed P: a,b 1; c,d 1/2 -> 0.75. R: a,b 2/3; c 1/3; d 1 -> 2/3.
        assert!((s.bcubed_p - 0.75).abs() < 1e-12);
        assert!((s.bcubed_r - 2.0 / 3.0).abs() < 1e-12);
    }
}
