//! Throughput of the source -> extract pipeline, with peak memory.
//!
//! `cargo bench --bench pipeline [-- N]` builds N plain-text articles (as
//! JSON Lines) and N/10 HTML pages (as a WARC archive) from the fixture
//! article with varied wording, then times reading and extracting them on
//! one thread and on all cores. Peak resident memory comes from the kernel
//! (VmHWM), so it covers everything the process held.
//!
//! `-- N --write-jsonl FILE` also writes the N plain-text articles, for the
//! end-to-end measurement:
//! `/usr/bin/time -v storyline ingest --db t.db FILE`.

use std::time::Instant;

use rayon::prelude::*;
use storyline_extract::Extractor;
use storyline_source::Limits;

const WORDS: &[&str] = &[
    "council", "harbour", "minister", "budget", "bridge", "union", "court", "ruling", "strike",
    "tunnel", "quake", "rescue", "election", "ferry", "library", "hospital", "school", "police",
    "river", "market",
];

fn paragraph(i: usize, j: usize) -> String {
    let mut s = String::new();
    for k in 0..40 {
        s.push_str(WORDS[(i * 7 + j * 13 + k * 3) % WORDS.len()]);
        s.push(if k % 9 == 8 { '.' } else { ' ' });
    }
    format!(
        "The {} said on Monday that {}",
        WORDS[i % WORDS.len()],
        s.trim_end()
    )
}

fn article_text(i: usize) -> String {
    (0..6)
        .map(|j| paragraph(i, j))
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn jsonl(n: usize) -> Vec<u8> {
    let mut out = String::new();
    for i in 0..n {
        let line = serde_json::json!({
            "id": format!("a{i}"),
            "url": format!("https://outlet{}.example/news/{i}", i % 50),
            "title": format!("Report {i} on the {}", WORDS[i % WORDS.len()]),
            "date": "2025-11-03",
            "text": article_text(i),
        });
        out.push_str(&line.to_string());
        out.push('\n');
    }
    out.into_bytes()
}

fn warc(n: usize) -> Vec<u8> {
    let mut out = Vec::new();
    for i in 0..n {
        let body: String = (0..6)
            .map(|j| format!("<p>{}</p>\n", paragraph(i, j)))
            .collect();
        let html = format!(
            "<!doctype html><html lang=\"en\"><head><title>Report {i} | Outlet</title>\
             <meta property=\"article:published_time\" content=\"2025-11-03T09:00:00+01:00\"></head>\
             <body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><article><h1>Report {i}</h1>\n{body}</article>\
             <footer>Copyright Outlet</footer></body></html>"
        );
        let http =
            format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{html}");
        out.extend_from_slice(
            format!(
                "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://outlet{}.example/p/{i}\r\n\
                 Content-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
                i % 50,
                http.len()
            )
            .as_bytes(),
        );
        out.extend_from_slice(http.as_bytes());
        out.extend_from_slice(b"\r\n\r\n");
    }
    out
}

fn peak_rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|v| v.parse().ok()))
        })
        .unwrap_or(0)
}

fn measure(label: &str, bytes: Vec<u8>, name: &str, parallel: bool) {
    let extractor = Extractor::new();
    let limits = Limits::default();
    let started = Instant::now();
    let records: Vec<_> = storyline_source::from_bytes(bytes, name, &limits)
        .filter_map(Result::ok)
        .collect();
    let read = started.elapsed().as_secs_f64();
    let n = records.len();
    let t = Instant::now();
    let ok = if parallel {
        records
            .par_iter()
            .filter(|r| extractor.extract(r).is_ok())
            .count()
    } else {
        records
            .iter()
            .filter(|r| extractor.extract(r).is_ok())
            .count()
    };
    let extract = t.elapsed().as_secs_f64();
    println!(
        "{label:<28} {n:>7} articles ({ok} extracted)  read {:>8.0}/s  extract {:>7.0}/s  both {:>7.0}/s  peak RSS {} MiB",
        n as f64 / read,
        n as f64 / extract,
        n as f64 / (read + extract),
        peak_rss_kib() / 1024
    );
}

fn main() {
    // `cargo bench` passes `--bench`; a bare number sets the stream size.
    let n: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(20_000);
    // `--write-jsonl PATH`: also write the plain-text stream, the input of
    // the end-to-end measurement (`storyline ingest` of that file).
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--write-jsonl")
        && let Some(path) = args.get(i + 1)
    {
        match std::fs::write(path, jsonl(n)) {
            Ok(()) => println!("wrote {n} articles to {path}"),
            Err(e) => eprintln!("{path}: {e}"),
        }
    }
    let cores = rayon::current_num_threads();
    measure("text (JSONL), 1 thread", jsonl(n), "bench.jsonl", false);
    measure(
        &format!("text (JSONL), {cores} threads"),
        jsonl(n),
        "bench.jsonl",
        true,
    );
    measure("html (WARC), 1 thread", warc(n / 10), "bench.warc", false);
    measure(
        &format!("html (WARC), {cores} threads"),
        warc(n / 10),
        "bench.warc",
        true,
    );
}
