//! Times extraction of one deeply nested page:
//! `cargo run --release -p storyline-extract --example nesting -- SHAPE DEPTH`.
//!
//! Shapes: `div`, `inline` (`<b><i>`), `table` (`<table><tr><td>`),
//! `list` (`<ul><li>`), each also `-open` (never closed). The work runs
//! on a thread with the default (2 MiB) stack, like a pool worker.

use std::time::Instant;

use storyline_extract::{Body, Extractor, Hints, Record};

const PARA: &str = "<p>The harbour council voted on Tuesday to close the old ferry port \
for six weeks while engineers replace two cracked supports under the main pier, \
a spokeswoman for the council told reporters outside the town hall.</p>\
<p>Ferries will run from the northern quay during the works, and season tickets \
will be refunded to commuters who cannot use them, she said.</p>";

fn main() {
    let mut args = std::env::args().skip(1);
    let shape = args.next().unwrap_or_else(|| "div".into());
    let depth: usize = args.next().and_then(|d| d.parse().ok()).unwrap_or(1000);
    let (open, close) = match shape.trim_end_matches("-open") {
        "div" => ("<div>", "</div>"),
        "inline" => ("<b><i>", "</i></b>"),
        "table" => ("<table><tr><td>", "</td></tr></table>"),
        "list" => ("<ul><li>", "</li></ul>"),
        other => panic!("unknown shape {other}"),
    };
    let closed = !shape.ends_with("-open");
    let mut html = String::from(
        "<!doctype html><html><head><title>Port to close</title></head><body><article>",
    );
    html.push_str(&open.repeat(depth));
    html.push_str(PARA);
    if closed {
        html.push_str(&close.repeat(depth));
    }
    html.push_str("</article></body></html>");
    let record = Record {
        source: "nested.html".into(),
        body: Body::Html(html),
        hints: Hints::default(),
    };
    let t = std::thread::spawn(move || {
        let started = Instant::now();
        let out = Extractor::new().extract(&record);
        (started.elapsed(), out)
    });
    let (took, out) = t.join().expect("worker");
    let found = out
        .as_ref()
        .map(|a| a.text.contains("cracked supports") && a.text.contains("season tickets"))
        .unwrap_or(false);
    println!(
        "{shape} {depth}: {:.3}s text_found={found} {}",
        took.as_secs_f64(),
        match &out {
            Ok(a) => format!("words={}", a.text.split_whitespace().count()),
            Err(e) => format!("err={e}"),
        }
    );
}
