//! Throwaway look at real data: prints our comparison of AllSides roundup
//! stories next to the human coverage note, or of the seed texts.
//!
//! cargo run -p storyline-compare --example allsides [-- N [SKIP]]
//! cargo run -p storyline-compare --example allsides -- seeds
//! cargo run -p storyline-compare --example allsides -- multinews [N [SKIP]]
//!
//! Reads ../shared at run time; prints to stdout only.

use std::fs;

use storyline_compare::{Article, Comparison, Conflict, QuoteRef, compare};

fn show(c: &Comparison, arts: &[Article]) {
    for cov in &c.coverage {
        println!(
            "  outlet {:?} articles {:?} first {:?}",
            cov.outlet, cov.articles, cov.first
        );
    }
    for a in arts.iter().enumerate() {
        println!("  title[{}] {}", a.0, a.1.title);
    }
    for e in &c.exclusives {
        println!(
            "  EXCL {} ({:.2}) novel={:?}\n       {}",
            e.outlet, e.score, e.novel, e.sentence.text
        );
    }
    for k in &c.conflicts {
        match k {
            Conflict::Figure(f) => {
                println!("  FIGURE {}:", f.what);
                for (s, v) in f.sides.iter().zip(&f.values) {
                    println!("     {} = {} [{}] {}", s.outlet, v, s.says, s.sentence.text);
                }
            }
            Conflict::Denial(d) => {
                println!("  DENIAL ({:.2})", d.overlap);
                println!(
                    "     claim  {} [{}] {}",
                    d.claim.outlet, d.claim.says, d.claim.sentence.text
                );
                println!(
                    "     denial {} [{}] ({:?}) {}",
                    d.denial.outlet, d.denial.says, d.denial.speaker, d.denial.sentence.text
                );
            }
        }
    }
    for q in &c.quotes {
        let sp: Vec<String> = q
            .speakers
            .iter()
            .map(|s| format!("{}x{}{}", s.name, s.count, if s.only { "*" } else { "" }))
            .collect();
        println!(
            "  QUOTES {}: {:?} unattributed={}",
            q.outlet, sp, q.unattributed
        );
        for o in &q.only {
            println!("     only: {:?}: {}", o.speaker, o.text);
        }
    }
}

fn quotes_of<'a>(
    arts: &[Article<'a>],
    found: &'a [Vec<(String, (usize, usize))>],
) -> Vec<QuoteRef<'a>> {
    let mut out = Vec::new();
    for (a, qs) in found.iter().enumerate() {
        for (name, (s, e)) in qs {
            if let Some(text) = arts.get(a).and_then(|x| x.text.get(*s..*e)) {
                out.push(QuoteRef {
                    article: a,
                    speaker: (!name.is_empty()).then_some(name.as_str()),
                    text,
                });
            }
        }
    }
    out
}

fn find_quotes(arts: &[Article]) -> Vec<Vec<(String, (usize, usize))>> {
    arts.iter()
        .map(|a| {
            storyline_quote::find(a.text)
                .into_iter()
                .map(|q| (q.speaker_name.clone().unwrap_or_default(), (q.start, q.end)))
                .collect()
        })
        .collect()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("seeds") {
        let Ok(dir) = fs::read_dir("../shared/seeds") else {
            eprintln!("no ../shared/seeds");
            return;
        };
        let mut files: Vec<(String, String)> = dir
            .filter_map(|e| {
                let p = e.ok()?.path();
                let name = p.file_stem()?.to_string_lossy().to_string();
                Some((name, fs::read_to_string(&p).ok()?))
            })
            .collect();
        files.sort();
        let arts: Vec<Article> = files
            .iter()
            .map(|(n, t)| Article {
                outlet: n,
                time: None,
                title: "",
                text: t,
            })
            .collect();
        let found = find_quotes(&arts);
        let q = quotes_of(&arts, &found);
        show(&compare(&arts, &q), &arts);
        return;
    }
    let multi = args.first().map(String::as_str) == Some("multinews");
    let args = if multi { &args[1..] } else { &args[..] };
    let n: usize = args.first().and_then(|a| a.parse().ok()).unwrap_or(15);
    let skip: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(0);
    let file = if multi {
        "multinews-val"
    } else {
        "allsides-roundups-dev"
    };
    let Ok(data) = fs::read_to_string(format!("../shared/data/summaries/{file}.jsonl")) else {
        eprintln!("no ../shared data");
        return;
    };
    let mut stats = [0usize; 3];
    for (i, line) in data.lines().enumerate().skip(skip).take(n) {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let empty = Vec::new();
        let list = v["articles"].as_array().unwrap_or(&empty);
        let names: Vec<String> = (0..list.len()).map(|i| format!("source {i}")).collect();
        let arts: Vec<Article> = list
            .iter()
            .zip(&names)
            .map(|(a, name)| Article {
                outlet: a["outlet"].as_str().unwrap_or(name),
                time: None,
                title: a["title"].as_str().unwrap_or(""),
                text: a["text"].as_str().unwrap_or(""),
            })
            .collect();
        let found = find_quotes(&arts);
        let q = quotes_of(&arts, &found);
        let c = compare(&arts, &q);
        stats[0] += c.exclusives.len();
        for k in &c.conflicts {
            match k {
                Conflict::Figure(_) => stats[1] += 1,
                Conflict::Denial(_) => stats[2] += 1,
            }
        }
        println!(
            "=== {i} {}",
            v["meta"]["story_title"].as_str().unwrap_or("")
        );
        println!(
            "  NOTE: {}",
            v["meta"]["coverage_note"].as_str().unwrap_or("")
        );
        show(&c, &arts);
    }
    println!(
        "exclusives {} figure conflicts {} denials {}",
        stats[0], stats[1], stats[2]
    );
}
