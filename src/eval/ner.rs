//! `storyline eval ner`: named-entity recognition on a CoNLL-2003 file.
//!
//! Reads token lines (`word [POS chunk] TAG`; the tag is the last field),
//! blank lines between sentences and `-DOCSTART-` lines between documents,
//! tags each document with the embedded model, and scores exact chunk
//! matches the way conlleval does (IOB1, IOB2 and BIOES tags all read
//! correctly, see `storyline_entity::chunk`): precision, recall and F1
//! overall and per type, plus the tagging speed. `--pred` writes the file
//! back with the predicted BIOES tag appended to each token line, which
//! conlleval-style scorers read as gold then prediction.

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use storyline_entity::Tagger;
use storyline_entity::chunk::{Chunk, chunks};

/// One line of the input: a token (word, gold tag) or a break.
enum Line<'a> {
    Token {
        raw: &'a str,
        word: &'a str,
        tag: &'a str,
    },
    Blank,
    DocStart(&'a str),
}

fn parse(text: &str) -> Vec<Line<'_>> {
    text.lines()
        .map(|raw| {
            let mut fields = raw.split_whitespace();
            match (fields.next(), fields.next_back()) {
                (None, _) => Line::Blank,
                (Some("-DOCSTART-"), _) => Line::DocStart(raw),
                (Some(word), Some(tag)) => Line::Token { raw, word, tag },
                // A lone word carries no tag: read it as outside any name.
                (Some(word), None) => Line::Token {
                    raw,
                    word,
                    tag: "O",
                },
            }
        })
        .collect()
}

#[derive(Default, Clone, Copy)]
struct Counts {
    correct: usize,
    found: usize,
    gold: usize,
}

impl Counts {
    fn prf(&self) -> (f64, f64, f64) {
        let p = if self.found > 0 {
            self.correct as f64 / self.found as f64
        } else {
            0.0
        };
        let r = if self.gold > 0 {
            self.correct as f64 / self.gold as f64
        } else {
            0.0
        };
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }
}

pub fn run(file: &Path, pred: Option<&Path>) -> anyhow::Result<ExitCode> {
    let text =
        std::fs::read_to_string(file).with_context(|| format!("reading {}", file.display()))?;
    let lines = parse(&text);

    // Documents of sentences of line indices.
    let mut docs: Vec<Vec<Vec<usize>>> = vec![Vec::new()];
    let mut sent: Vec<usize> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        match line {
            Line::Token { .. } => sent.push(i),
            Line::Blank | Line::DocStart(_) => {
                if !sent.is_empty()
                    && let Some(d) = docs.last_mut()
                {
                    d.push(std::mem::take(&mut sent));
                }
                if matches!(line, Line::DocStart(_)) {
                    docs.push(Vec::new());
                }
            }
        }
    }
    if !sent.is_empty()
        && let Some(d) = docs.last_mut()
    {
        d.push(sent);
    }

    let tagger = Tagger::new();
    let mut predicted: Vec<Option<String>> = vec![None; lines.len()];
    let word = |i: usize| match lines[i] {
        Line::Token { word, .. } => word,
        _ => "",
    };
    let tag = |i: usize| match lines[i] {
        Line::Token { tag, .. } => tag,
        _ => "O",
    };
    let mut tokens = 0usize;
    let mut elapsed = std::time::Duration::ZERO;
    let mut per_type: BTreeMap<String, Counts> = BTreeMap::new();
    let mut total = Counts::default();
    for doc in &docs {
        let words: Vec<Vec<&str>> = doc
            .iter()
            .map(|s| s.iter().map(|&i| word(i)).collect())
            .collect();
        let slices: Vec<&[&str]> = words.iter().map(Vec::as_slice).collect();
        let started = Instant::now();
        let labels = tagger.tag_document(&slices);
        elapsed += started.elapsed();
        for (s, labels) in doc.iter().zip(&labels) {
            tokens += s.len();
            let pred_tags: Vec<String> = labels.iter().map(|l| l.to_string()).collect();
            for (&i, t) in s.iter().zip(&pred_tags) {
                predicted[i] = Some(t.clone());
            }
            let gold_tags: Vec<&str> = s.iter().map(|&i| tag(i)).collect();
            let gold: HashSet<Chunk> = chunks(&gold_tags).into_iter().collect();
            let found: HashSet<Chunk> = chunks(&pred_tags).into_iter().collect();
            for c in &gold {
                per_type.entry(c.kind.clone()).or_default().gold += 1;
            }
            for c in &found {
                let e = per_type.entry(c.kind.clone()).or_default();
                e.found += 1;
                if gold.contains(c) {
                    e.correct += 1;
                    total.correct += 1;
                }
            }
            total.gold += gold.len();
            total.found += found.len();
        }
    }

    let (p, r, f) = total.prf();
    let mut report = String::new();
    let _ = writeln!(
        report,
        "processed {tokens} tokens with {} phrases; found: {} phrases; correct: {}.",
        total.gold, total.found, total.correct
    );
    let _ = writeln!(
        report,
        "precision: {:6.2}%; recall: {:6.2}%; FB1: {:6.2}",
        100.0 * p,
        100.0 * r,
        100.0 * f
    );
    for (kind, c) in &per_type {
        let (p, r, f) = c.prf();
        let _ = writeln!(
            report,
            "{kind:>17}: precision: {:6.2}%; recall: {:6.2}%; FB1: {:6.2}  {}",
            100.0 * p,
            100.0 * r,
            100.0 * f,
            c.found
        );
    }
    let secs = elapsed.as_secs_f64().max(1e-9);
    let _ = writeln!(
        report,
        "tagging: {tokens} tokens in {secs:.3} s = {:.0} tokens/s (one thread)",
        tokens as f64 / secs
    );
    // A closed pipe (`| head`) is not an error worth a panic.
    let _ = std::io::stdout().write_all(report.as_bytes());

    if let Some(out) = pred {
        let mut s = String::with_capacity(text.len() + lines.len() * 8);
        for (line, p) in lines.iter().zip(&predicted) {
            match line {
                Line::Token { raw, .. } => {
                    let _ = writeln!(s, "{} {}", raw.trim_end(), p.as_deref().unwrap_or("O"));
                }
                Line::DocStart(raw) => {
                    let _ = writeln!(s, "{} O", raw.trim_end());
                }
                Line::Blank => s.push('\n'),
            }
        }
        std::fs::write(out, s).with_context(|| format!("writing {}", out.display()))?;
    }
    Ok(ExitCode::SUCCESS)
}
