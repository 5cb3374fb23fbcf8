//! Checks against the research-only data in `../shared`, read at run time.
//! Each test returns early (passes) when the folder is absent.

use std::collections::HashSet;
use std::path::PathBuf;

use storyline_entity::chunk::chunks;
use storyline_entity::{Tagger, find, link};

fn shared(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared")
        .join(rel)
}

#[test]
fn seeds_link_putin_and_lavrov() {
    let Ok(dir) = std::fs::read_dir(shared("seeds")) else {
        return;
    };
    let mut paths: Vec<PathBuf> = dir.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.retain(|p| p.extension().is_some_and(|x| x == "txt"));
    paths.sort();
    let texts: Vec<String> = paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    if texts.is_empty() {
        return;
    }
    let mentions: Vec<_> = texts.iter().map(|t| find(t)).collect();
    let docs: Vec<_> = texts
        .iter()
        .zip(&mentions)
        .map(|(t, m)| (t.as_str(), m.as_slice()))
        .collect();
    let entities = link(&docs);

    let putin = entities
        .iter()
        .find(|e| e.canonical == "Vladimir Putin")
        .expect("Putin is found");
    for alias in [
        "Putin",
        "Russian President Vladimir Putin",
        "the Russian President",
        "the Kremlin leader",
        "the 72-year-old Russian leader",
    ] {
        assert!(
            putin.aliases.iter().any(|a| a == alias),
            "{alias} missing: {putin:?}"
        );
    }
    assert!(putin.roles.iter().any(|r| r == "President"), "{putin:?}");
    assert!(putin.attributes.iter().any(|a| a == "Russian"), "{putin:?}");

    let lavrov = entities
        .iter()
        .find(|e| e.canonical == "Sergey Lavrov")
        .expect("Lavrov is found");
    assert!(lavrov.aliases.iter().any(|a| a == "Lavrov"), "{lavrov:?}");
    assert!(
        lavrov.roles.iter().any(|r| r == "Foreign Minister"),
        "{lavrov:?}"
    );
    // Nobody else takes Putin's or Lavrov's surname.
    assert!(
        !entities
            .iter()
            .any(|e| e.canonical == "Putin" || e.canonical == "Lavrov")
    );
}

#[test]
fn conll_dev_set_scores_well() {
    let Ok(text) = std::fs::read_to_string(shared("data/ner/eng.testa")) else {
        return;
    };
    let tagger = Tagger::new();
    let (mut correct, mut found, mut gold) = (0usize, 0usize, 0usize);
    let mut doc: Vec<Vec<(&str, &str)>> = Vec::new();
    let mut sent: Vec<(&str, &str)> = Vec::new();
    let mut score = |doc: &mut Vec<Vec<(&str, &str)>>| {
        let words: Vec<Vec<&str>> = doc
            .iter()
            .map(|s| s.iter().map(|t| t.0).collect())
            .collect();
        let slices: Vec<&[&str]> = words.iter().map(Vec::as_slice).collect();
        for (s, labels) in doc.iter().zip(tagger.tag_document(&slices)) {
            let g: HashSet<_> = chunks(&s.iter().map(|t| t.1).collect::<Vec<_>>())
                .into_iter()
                .collect();
            let p: HashSet<_> = chunks(&labels.iter().map(|l| l.to_string()).collect::<Vec<_>>())
                .into_iter()
                .collect();
            correct += g.intersection(&p).count();
            found += p.len();
            gold += g.len();
        }
        doc.clear();
    };
    for line in text.lines().chain(std::iter::once("")) {
        let f: Vec<&str> = line.split_whitespace().collect();
        match f.as_slice() {
            [] | ["-DOCSTART-", ..] => {
                if !sent.is_empty() {
                    doc.push(std::mem::take(&mut sent));
                }
                if !f.is_empty() {
                    score(&mut doc);
                }
            }
            [w, .., t] => sent.push((w, t)),
            [w] => sent.push((w, "O")),
        }
    }
    score(&mut doc);
    let f1 = 2.0 * correct as f64 / (found + gold).max(1) as f64;
    assert!(f1 >= 0.85, "entity F1 {f1:.4} on eng.testa");
}
