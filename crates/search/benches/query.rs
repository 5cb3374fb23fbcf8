//! Query latency over a built index: a mix of rare words, common words and
//! phrases, each grouped by story with snippets, as a server runs them.
//!
//! `cargo bench -p storyline-search --bench query -- DIR [QUERIES]`
//! `cargo bench -p storyline-search --bench query -- DIR --each FILE`
//!
//! DIR is an index `storyline index` built (`<db>.search`). The queries
//! come from the index itself: words and adjacent pairs read from the
//! snippets of a few hundred articles, sorted by how many documents they
//! match into rare (under 100), common (over 2% of the documents) and
//! phrases. Every article is put in a story of three (`id / 3`) through a
//! hash map, as the server's map would. Prints per-query wall time
//! percentiles on one thread, the process's CPU time per query, and its
//! peak resident memory. With `--each FILE`, times each query of FILE (one
//! a line, as a user types it: `scripts/search_queries.py` writes such a
//! file) and prints them slowest first, to find what holds up a tail.

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::Instant;

use storyline_search::{Index, Query};

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let Some(dir) = args.first().map(PathBuf::from) else {
        eprintln!("usage: cargo bench -p storyline-search --bench query -- DIR [QUERIES]");
        std::process::exit(2);
    };
    let n: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(3_000);
    let index = Index::open(&dir).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(1)
    });
    let docs = index.num_docs();
    let through = index.indexed_through().unwrap_or(0);
    let stories: HashMap<i64, i64> = (1..=through).map(|id| (id, id / 3)).collect();
    let story_of = |a: i64| stories.get(&a).copied();
    if args.get(1).map(String::as_str) == Some("--each") {
        let Some(file) = args.get(2) else {
            eprintln!("--each needs a file of queries");
            std::process::exit(2);
        };
        each(
            &index,
            &std::fs::read_to_string(file).unwrap_or_default(),
            &story_of,
        );
        return;
    }
    println!(
        "index {}: {docs} documents, {:.1} MB",
        dir.display(),
        index.size_bytes() as f64 / 1e6
    );

    // Candidate words and pairs from the texts of articles across the index.
    let mut words: Vec<String> = Vec::new();
    let mut pairs: Vec<String> = Vec::new();
    for page in 0..20 {
        let mut q = Query::parse("kind:article").unwrap();
        q.offset = page * 20;
        q.limit = 20;
        q.hits_per_group = 1;
        for g in index.search(&q, &story_of).unwrap().groups {
            for h in g.hits {
                let ws: Vec<&str> = h
                    .snippet
                    .text
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| w.len() > 3)
                    .collect();
                words.extend(ws.iter().map(|w| w.to_lowercase()));
                pairs.extend(ws.windows(2).map(|p| format!("\"{} {}\"", p[0], p[1])));
            }
        }
    }
    words.sort();
    words.dedup();
    let count = |text: &str| {
        index
            .search(&Query::parse(text).unwrap(), &story_of)
            .map(|r| r.total)
            .unwrap_or(0)
    };
    let mut rare = Vec::new();
    let mut common = Vec::new();
    for w in words.iter().take(3_000) {
        let c = count(w);
        if (1..100).contains(&c) {
            rare.push(w.clone());
        } else if c as u64 > docs / 50 {
            common.push(w.clone());
        }
    }
    let mut two_common = Vec::new();
    for i in 0..common.len().min(200) {
        two_common.push(format!(
            "{} {}",
            common[i],
            common[(i * 7 + 3) % common.len()]
        ));
    }
    pairs.truncate(500);
    let kinds: [(&str, &Vec<String>); 4] = [
        ("rare word", &rare),
        ("common word", &common),
        ("two common words", &two_common),
        ("phrase", &pairs),
    ];
    for (name, qs) in kinds {
        if qs.is_empty() {
            println!("{name}: no queries found");
            continue;
        }
        let queries: Vec<Query> = qs.iter().map(|t| Query::parse(t).unwrap()).collect();
        // Warm the page cache and doc-store caches as a running server has.
        for q in queries.iter().take(200) {
            let _ = index.search(q, &story_of);
        }
        let cpu0 = cpu_seconds();
        let mut times = Vec::with_capacity(n);
        let mut matched = 0usize;
        let started = Instant::now();
        for i in 0..n {
            let q = &queries[i % queries.len()];
            let t = Instant::now();
            let r = index.search(q, &story_of).unwrap();
            times.push(t.elapsed().as_secs_f64() * 1e3);
            matched += r.total;
        }
        let wall = started.elapsed().as_secs_f64();
        let cpu = cpu_seconds() - cpu0;
        times.sort_by(f64::total_cmp);
        let pct = |p: f64| times[((times.len() as f64 * p) as usize).min(times.len() - 1)];
        println!(
            "{name:<17} {:>4} distinct, avg {:>6} matches: p50 {:.3} ms, p99 {:.3} ms, max {:.2} ms; \
             {:.0} queries/s on one thread, CPU {:.3} ms/query",
            queries.len(),
            matched / n,
            pct(0.50),
            pct(0.99),
            times[times.len() - 1],
            n as f64 / wall,
            cpu * 1e3 / n as f64,
        );
    }
    println!("peak RSS {:.0} MB", peak_rss_kb() as f64 / 1024.0);
}

/// Times each query of `text` (one a line) 21 times and prints the
/// medians, slowest first.
fn each(index: &Index, text: &str, story_of: &dyn Fn(i64) -> Option<i64>) {
    let mut rows = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let Ok(q) = Query::parse(line) else {
            println!("unreadable: {line}");
            continue;
        };
        let Ok(first) = index.search(&q, story_of) else {
            println!("failed: {line}");
            continue;
        };
        let mut times: Vec<f64> = (0..21)
            .map(|_| {
                let t = Instant::now();
                let _ = index.search(&q, story_of);
                t.elapsed().as_secs_f64() * 1e3
            })
            .collect();
        times.sort_by(f64::total_cmp);
        rows.push((times[10], first.total, line.to_owned()));
    }
    rows.sort_by(|a, b| b.0.total_cmp(&a.0));
    let sum: f64 = rows.iter().map(|r| r.0).sum();
    for (ms, total, line) in &rows {
        println!("{ms:8.3} ms  {total:>5} fetched  {line}");
    }
    println!(
        "{} queries, mean of medians {:.3} ms",
        rows.len(),
        sum / rows.len().max(1) as f64
    );
}

/// User plus system CPU time of this process, from /proc (Linux).
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name (which may hold spaces) end with ')'.
    let rest = stat.rsplit_once(')').map(|(_, r)| r).unwrap_or("");
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    // utime and stime are fields 14 and 15, the 12th and 13th after ')'.
    (ticks(11) + ticks(12)) / 100.0
}

/// The process's peak resident set (VmHWM), in KB.
fn peak_rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}
