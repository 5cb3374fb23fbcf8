//! `storyline eval summarize`: story summaries scored with ROUGE.
//!
//! Summarises every cluster of a JSON Lines file (`cluster_id`, `articles`
//! [{title, text, date, url, outlet}], `reference_summary`) and prints the
//! mean ROUGE-1/2/L/Lsum F1 x100 exactly as `../shared/referee/score_summaries.py`
//! computes them with Google's `rouge-score` (no stemming): its tokeniser
//! (lowercase, anything but `[a-z0-9]` is a space), its n-gram and LCS
//! scores, its summary-level LCS over newline-separated sentences, and the
//! referee's splitting of references into sentences. It also counts the
//! picked sentences that cannot stand alone (`storyline_summary::standalone`:
//! an opening connective, no verb, the writer's aside), which should be none.
//!
//! The `rougers` crate reproduces `rouge-score` too, but it pins ICU crates
//! at versions that conflict with the workspace's lock, so the few functions
//! needed are written here.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use serde_json::Value;
use storyline_summary::{Source, standalone, summarize};

/// One cluster of the file, owned.
struct Cluster {
    id: String,
    reference: String,
    articles: Vec<Article>,
}

struct Article {
    id: String,
    title: String,
    text: String,
    time: Option<i64>,
    outlet: Option<String>,
}

pub fn run(file: &Path, words: usize, pred: Option<&Path>) -> anyhow::Result<ExitCode> {
    let clusters = read(file)?;
    let mut out = match pred {
        Some(p) => {
            Some(BufWriter::new(File::create(p).with_context(|| {
                format!("{}: cannot create", p.display())
            })?))
        }
        None => None,
    };
    let mut total = Scores::default();
    let mut word_count = 0usize;
    let mut spent = 0.0f64;
    let (mut faults, mut sentences) = (0usize, 0usize);
    for c in &clusters {
        let sources: Vec<Source> = c
            .articles
            .iter()
            .map(|a| Source {
                id: &a.id,
                title: &a.title,
                text: &a.text,
                time: a.time,
                outlet: a.outlet.as_deref(),
            })
            .collect();
        let start = Instant::now();
        let summary = summarize(&sources, words);
        spent += start.elapsed().as_secs_f64();
        let text = summary.text();
        word_count += py_split_count(&text);
        sentences += summary.sentences.len();
        faults += summary
            .sentences
            .iter()
            .filter(|s| standalone::faults(&s.text).is_some())
            .count();
        let s = score(&c.reference, &text);
        total.add(&s);
        if let Some(w) = out.as_mut() {
            let line = serde_json::json!({
                "cluster_id": c.id,
                "summary": text,
                "headline": summary.headline,
            });
            writeln!(w, "{line}")?;
        }
    }
    if let Some(mut w) = out {
        w.flush()?;
    }
    let n = clusters.len().max(1) as f64;
    outln!(
        "clusters {}  R1 {:.2}  R2 {:.2}  RL {:.2}  RLsum {:.2}  words {:.1}",
        clusters.len(),
        100.0 * total.r1 / n,
        100.0 * total.r2 / n,
        100.0 * total.rl / n,
        100.0 * total.rlsum / n,
        word_count as f64 / n
    );
    outln!("standalone faults: {faults} of {sentences} sentences");
    eprintln!(
        "summarised {} clusters in {:.3} s ({:.2} ms each)",
        clusters.len(),
        spent,
        1000.0 * spent / n
    );
    Ok(ExitCode::SUCCESS)
}

fn read(file: &Path) -> anyhow::Result<Vec<Cluster>> {
    let f = File::open(file).with_context(|| format!("{}: cannot open", file.display()))?;
    let mut clusters = Vec::new();
    for (i, line) in BufReader::new(f).lines().enumerate() {
        let line = line.with_context(|| format!("{}#{}: cannot read", file.display(), i + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        let v: Value = serde_json::from_str(&line)
            .with_context(|| format!("{}#{}: not JSON", file.display(), i + 1))?;
        let id = match &v["cluster_id"] {
            Value::String(s) => s.clone(),
            Value::Null => (i + 1).to_string(),
            other => other.to_string(),
        };
        let articles = v["articles"]
            .as_array()
            .map(|arts| {
                arts.iter()
                    .enumerate()
                    .map(|(k, a)| Article {
                        id: a["url"]
                            .as_str()
                            .map_or_else(|| k.to_string(), str::to_string),
                        title: a["title"].as_str().unwrap_or("").to_string(),
                        text: a["text"].as_str().unwrap_or("").to_string(),
                        time: time(&a["date"]),
                        outlet: a["outlet"].as_str().map(str::to_string),
                    })
                    .collect()
            })
            .unwrap_or_default();
        clusters.push(Cluster {
            id,
            reference: v["reference_summary"].as_str().unwrap_or("").to_string(),
            articles,
        });
    }
    Ok(clusters)
}

/// A date field as Unix seconds: a number, an RFC 3339 time or a plain date.
fn time(v: &Value) -> Option<i64> {
    if let Some(n) = v.as_i64() {
        return Some(n);
    }
    storyline_model::Published::parse(v.as_str()?).map(|p| p.unix_seconds())
}

/// F1 of each ROUGE variant for one cluster (or their sums).
#[derive(Debug, Default, Clone, Copy, PartialEq)]
struct Scores {
    r1: f64,
    r2: f64,
    rl: f64,
    rlsum: f64,
}

impl Scores {
    fn add(&mut self, o: &Scores) {
        self.r1 += o.r1;
        self.r2 += o.r2;
        self.rl += o.rl;
        self.rlsum += o.rlsum;
    }
}

/// Scores a prediction against a reference as the referee does.
fn score(reference: &str, prediction: &str) -> Scores {
    let target = lines(reference);
    let pred = if prediction.contains('\n') {
        prediction.to_string()
    } else {
        lines(prediction)
    };
    let t = tokenize(&target);
    let p = tokenize(&pred);
    let sents = |s: &str| -> Vec<Vec<String>> {
        s.split('\n')
            .filter(|x| !x.is_empty())
            .map(tokenize)
            .collect()
    };
    Scores {
        r1: ngram_f(&t, &p, 1),
        r2: ngram_f(&t, &p, 2),
        rl: lcs_f(&t, &p),
        rlsum: summary_lcs_f(&sents(&target), &sents(&pred)),
    }
}

/// Python's `str.isspace` (Rust's whitespace plus the four separators).
fn py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// `len(text.split())`.
fn py_split_count(text: &str) -> usize {
    text.split(py_space).filter(|w| !w.is_empty()).count()
}

/// The referee's sentence splitting: a newline after `[.!?]["”’)]?` and
/// whitespace when a capital, digit, opening quote or bracket follows.
fn lines(text: &str) -> String {
    let text = text.trim_matches(py_space);
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        out.push(c);
        i += 1;
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let mut j = i;
        if j < chars.len() && matches!(chars[j], '"' | '\u{201d}' | '\u{2019}' | ')') {
            j += 1;
        }
        let mut k = j;
        while k < chars.len() && py_space(chars[k]) {
            k += 1;
        }
        let follows = chars.get(k).is_some_and(|&n| {
            n.is_ascii_uppercase()
                || n.is_ascii_digit()
                || matches!(n, '"' | '\u{201c}' | '\u{2018}' | '(')
        });
        if k > j && follows {
            out.extend(&chars[i..j]);
            out.push('\n');
            i = k;
        }
    }
    out
}

/// rouge-score's tokeniser without stemming.
fn tokenize(text: &str) -> Vec<String> {
    let lower = text.to_lowercase();
    lower
        .split(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit()))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

fn fmeasure(p: f64, r: f64) -> f64 {
    if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
}

fn ngram_f(target: &[String], pred: &[String], n: usize) -> f64 {
    let (t, p) = (ngrams(target, n), ngrams(pred, n));
    let inter: usize = t
        .iter()
        .map(|(g, &c)| c.min(p.get(g).copied().unwrap_or(0)))
        .sum();
    let tn: usize = t.values().sum();
    let pn: usize = p.values().sum();
    fmeasure(
        inter as f64 / pn.max(1) as f64,
        inter as f64 / tn.max(1) as f64,
    )
}

fn ngrams(toks: &[String], n: usize) -> HashMap<&[String], usize> {
    let mut m = HashMap::new();
    if n > 0 && toks.len() >= n {
        for w in toks.windows(n) {
            *m.entry(w).or_insert(0) += 1;
        }
    }
    m
}

fn lcs_table(a: &[String], b: &[String]) -> Vec<Vec<u32>> {
    let mut t = vec![vec![0u32; b.len() + 1]; a.len() + 1];
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            t[i][j] = if a[i - 1] == b[j - 1] {
                t[i - 1][j - 1] + 1
            } else {
                t[i - 1][j].max(t[i][j - 1])
            };
        }
    }
    t
}

fn lcs_f(target: &[String], pred: &[String]) -> f64 {
    if target.is_empty() || pred.is_empty() {
        return 0.0;
    }
    let l = lcs_table(target, pred)[target.len()][pred.len()] as f64;
    fmeasure(l / pred.len() as f64, l / target.len() as f64)
}

/// Indices into `a` of one LCS of `a` and `b`, chosen as rouge-score's
/// backtracking chooses.
fn lcs_indices(a: &[String], b: &[String]) -> Vec<usize> {
    let t = lcs_table(a, b);
    let (mut i, mut j) = (a.len(), b.len());
    let mut out = Vec::new();
    while i > 0 && j > 0 {
        if a[i - 1] == b[j - 1] {
            out.push(i - 1);
            i -= 1;
            j -= 1;
        } else if t[i][j - 1] > t[i - 1][j] {
            j -= 1;
        } else {
            i -= 1;
        }
    }
    out.reverse();
    out
}

fn summary_lcs_f(target: &[Vec<String>], pred: &[Vec<String>]) -> f64 {
    if target.is_empty() || pred.is_empty() {
        return 0.0;
    }
    let m: usize = target.iter().map(Vec::len).sum();
    let n: usize = pred.iter().map(Vec::len).sum();
    if m == 0 || n == 0 {
        return 0.0;
    }
    let mut cr: HashMap<&str, i64> = HashMap::new();
    let mut cc: HashMap<&str, i64> = HashMap::new();
    for s in target {
        for w in s {
            *cr.entry(w).or_insert(0) += 1;
        }
    }
    for s in pred {
        for w in s {
            *cc.entry(w).or_insert(0) += 1;
        }
    }
    let mut hits = 0usize;
    for r in target {
        let mut union: Vec<usize> = pred.iter().flat_map(|c| lcs_indices(r, c)).collect();
        union.sort_unstable();
        union.dedup();
        for i in union {
            let w = r[i].as_str();
            let (c, t) = (
                cc.get(w).copied().unwrap_or(0),
                cr.get(w).copied().unwrap_or(0),
            );
            if c > 0 && t > 0 {
                hits += 1;
                cc.insert(w, c - 1);
                cr.insert(w, t - 1);
            }
        }
    }
    fmeasure(hits as f64 / n as f64, hits as f64 / m as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn referee_splitting() {
        assert_eq!(
            lines(" One. Two? \"Three.\" 4 five. six "),
            "One.\nTwo?\n\"Three.\"\n4 five. six"
        );
    }

    #[test]
    fn tokeniser_matches_rouge_score() {
        assert_eq!(
            tokenize("The cat's 3 hats—é!"),
            vec!["the", "cat", "s", "3", "hats"]
        );
    }

    #[test]
    fn identical_texts_score_one() {
        let s = score("The cat sat. The dog ran.", "The cat sat.\nThe dog ran.");
        assert!((s.r1 - 1.0).abs() < 1e-12 && (s.r2 - 1.0).abs() < 1e-12);
        assert!((s.rl - 1.0).abs() < 1e-12 && (s.rlsum - 1.0).abs() < 1e-12);
        assert_eq!(score("The cat sat.", "").r1, 0.0);
    }
}
