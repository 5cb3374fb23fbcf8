//! Trains the entity tagger on a CoNLL-2003 style file and writes the model.
//!
//! ```text
//! cargo run -p storyline-entity --release --example train -- TRAIN OUT [--dev DEV] [--epochs N] [--bits B]
//! ```
//!
//! `--dev` prints the entity F1 on a held-out file after every epoch (for
//! choosing the number of epochs; never trained on).

use std::collections::HashSet;
use std::process::ExitCode;

use storyline_entity::chunk::chunks;
use storyline_entity::label::Kind;
use storyline_entity::train::{Document, TrainConfig, train};
use storyline_entity::{Label, Model, Tagger};

/// One sentence of `(word, tag)` pairs.
type Sentence = Vec<(String, String)>;

/// Documents of sentences from a CoNLL file.
fn read(path: &str) -> std::io::Result<Vec<Vec<Sentence>>> {
    let text = std::fs::read_to_string(path)?;
    let mut docs = vec![Vec::new()];
    let mut sent = Vec::new();
    for line in text.lines() {
        let fields: Vec<&str> = line.split_whitespace().collect();
        let flush = |sent: &mut Sentence, docs: &mut Vec<Vec<_>>| {
            if !sent.is_empty() {
                docs.last_mut().expect("one doc").push(std::mem::take(sent));
            }
        };
        match fields.as_slice() {
            [] => flush(&mut sent, &mut docs),
            [w, ..] if *w == "-DOCSTART-" => {
                flush(&mut sent, &mut docs);
                docs.push(Vec::new());
            }
            [w, .., t] => sent.push((w.to_string(), t.to_string())),
            [_] => {}
        }
    }
    if !sent.is_empty() {
        docs.last_mut().expect("one doc").push(sent);
    }
    docs.retain(|d| !d.is_empty());
    Ok(docs)
}

fn to_document(doc: &[Sentence]) -> Document {
    let sentences = doc
        .iter()
        .map(|s| {
            let tags: Vec<&str> = s.iter().map(|(_, t)| t.as_str()).collect();
            let spans: Vec<_> = chunks(&tags)
                .into_iter()
                .filter_map(|c| Kind::from_conll(&c.kind).map(|k| (c.start, c.end, k)))
                .collect();
            (
                s.iter().map(|(w, _)| w.clone()).collect(),
                Label::from_spans(s.len(), &spans),
            )
        })
        .collect();
    Document { sentences }
}

fn f1(model: &Model, dev: &[Vec<Sentence>]) -> f64 {
    let tagger = Tagger::from_model(model.clone());
    let (mut tp, mut np, mut ng) = (0usize, 0usize, 0usize);
    for doc in dev {
        let toks: Vec<Vec<&str>> = doc
            .iter()
            .map(|s| s.iter().map(|(w, _)| w.as_str()).collect())
            .collect();
        let slices: Vec<&[&str]> = toks.iter().map(Vec::as_slice).collect();
        for (s, labels) in doc.iter().zip(tagger.tag_document(&slices)) {
            let gold: HashSet<_> = chunks(&s.iter().map(|(_, t)| t.as_str()).collect::<Vec<_>>())
                .into_iter()
                .collect();
            let pred: HashSet<_> =
                chunks(&labels.iter().map(|l| l.to_string()).collect::<Vec<_>>())
                    .into_iter()
                    .collect();
            tp += gold.intersection(&pred).count();
            np += pred.len();
            ng += gold.len();
        }
    }
    2.0 * tp as f64 / (np + ng).max(1) as f64
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut pos = Vec::new();
    let mut cfg = TrainConfig::default();
    let mut dev = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--dev" => dev = it.next().cloned(),
            "--epochs" => cfg.epochs = it.next().and_then(|v| v.parse().ok()).unwrap_or(cfg.epochs),
            "--bits" => cfg.bits = it.next().and_then(|v| v.parse().ok()).unwrap_or(cfg.bits),
            _ => pos.push(a.clone()),
        }
    }
    let [train_path, out_path] = pos.as_slice() else {
        eprintln!("usage: train TRAIN OUT [--dev DEV] [--epochs N] [--bits B]");
        return ExitCode::from(2);
    };
    let docs = match read(train_path) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("{train_path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let dev = match dev.as_deref().map(read).transpose() {
        Ok(d) => d,
        Err(e) => {
            eprintln!("dev: {e}");
            return ExitCode::FAILURE;
        }
    };
    let train_docs: Vec<Document> = docs.iter().map(|d| to_document(d)).collect();
    let model = train(&train_docs, &cfg, |epoch, m| match &dev {
        Some(dev) => eprintln!("epoch {epoch}: dev F1 {:.4}", f1(m, dev)),
        None => eprintln!("epoch {epoch}"),
    });
    let bytes = model.to_bytes();
    if let Err(e) = std::fs::write(out_path, &bytes) {
        eprintln!("{out_path}: {e}");
        return ExitCode::FAILURE;
    }
    eprintln!("wrote {out_path}: {} bytes", bytes.len());
    ExitCode::SUCCESS
}
