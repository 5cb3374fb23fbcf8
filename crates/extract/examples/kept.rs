//! Checks that a kept page extracts as its page does: for each HTML file,
//! extracts the page and [`kept_page`](storyline_extract::kept_page) of
//! it, and prints the files whose article differs, with the bytes kept.
//!
//! `cargo run --release -p storyline-extract --example kept -- FILE.html...`

fn main() {
    let files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() {
        eprintln!("usage: kept FILE.html...");
        std::process::exit(2);
    }
    let extractor = storyline_extract::Extractor::new();
    let (mut same, mut differ, mut page_bytes, mut kept_bytes) = (0, 0, 0, 0);
    for path in &files {
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{path}: {e}");
                continue;
            }
        };
        let html = String::from_utf8_lossy(&bytes);
        let kept = storyline_extract::kept_page(&html);
        page_bytes += html.len();
        kept_bytes += kept.len();
        let a = extractor.page(&html, None);
        let b = extractor.page(&kept, None);
        if format!("{a:?}") == format!("{b:?}") {
            same += 1;
        } else {
            differ += 1;
            println!("{path}: differs");
            let (x, y) = (format!("{a:#?}"), format!("{b:#?}"));
            for (l, r) in x.lines().zip(y.lines()).filter(|(l, r)| l != r).take(2) {
                let at = l.bytes().zip(r.bytes()).take_while(|(p, q)| p == q).count();
                let near = |s: &str| {
                    s.get(at.saturating_sub(80)..)
                        .unwrap_or(s)
                        .chars()
                        .take(160)
                        .collect::<String>()
                };
                println!("  page: {}\n  kept: {}", near(l), near(r));
            }
        }
    }
    println!(
        "{same} the same, {differ} differ; kept {kept_bytes} of {page_bytes} bytes ({:.1}%)",
        100.0 * kept_bytes as f64 / page_bytes.max(1) as f64
    );
    if differ > 0 {
        std::process::exit(1);
    }
}
