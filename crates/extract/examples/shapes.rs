//! Times extraction of one page of a hostile shape and reports the
//! process's peak memory:
//! `cargo run --release -p storyline-extract --example shapes -- SHAPE [BYTES]`.
//!
//! Each shape repeats one small piece of markup up to `BYTES` (default
//! just under the 8 MiB page cap) around a short article, then runs the
//! whole `Extractor::extract` path on a worker thread with the default
//! (2 MiB) stack. `shapes list` names the shapes. Run one shape per
//! process: the peak (`VmHWM`) is the process's.
//!
//! `shapes count < page.html` prints what the budget and depth passes
//! count on a real page (`budget::tally`, `depth::deep_text`), to check
//! the budgets against the largest real pages; `shapes bench FILE...`
//! times the two passes over pages already unpacked.

use std::time::Instant;

use storyline_extract::{Body, Extractor, Hints, Record};

const PARA: &str = "<p>The harbour council voted on Tuesday to close the old ferry port \
for six weeks while engineers replace two cracked supports under the main pier, \
a spokeswoman for the council told reporters outside the town hall.</p>\
<p>Ferries will run from the northern quay during the works, and season tickets \
will be refunded to commuters who cannot use them, she said.</p>";

/// Shape name, what goes before the repeats, the repeated piece, what
/// follows them.
const SHAPES: &[(&str, &str, &str, &str)] = &[
    ("p", "", "<p>", ""),
    ("p-closed", "", "<p></p>", ""),
    ("br", "", "<br>", ""),
    ("a", "", "<a>", ""),
    ("a-closed", "", "<a>x</a>", ""),
    ("img", "", "<img>", ""),
    ("td", "<table><tr>", "<td>", "</table>"),
    ("tr", "<table>", "<tr>", "</table>"),
    ("li", "<ul>", "<li>", "</ul>"),
    ("option", "<select>", "<option>", "</select>"),
    ("div-closed", "", "<div></div>", ""),
    ("div-open", "", "<div>x", ""),
    ("span-text", "", "<span>word</span> ", ""),
    ("b-open", "", "<b>", ""),
    ("comment", "", "<!---->", ""),
    ("pi", "", "<?x>", ""),
    ("entity", "<p>", "&amp;", "</p>"),
    ("script", "", "<script></script>", ""),
    ("meta", "", "<meta name=a content=b>", ""),
    ("attrs-same", "<div ", "a ", ">x</div>"),
    ("attrs-distinct", "<div ", "", ">x</div>"),
    ("attr-long", "<div title=\"", "x", "\">x</div>"),
    ("text", "<p>", "word ", "</p>"),
    (
        "ld-json",
        "<script type=\"application/ld+json\">{\"a\":[",
        "1,",
        "1]}</script>",
    ),
    ("svg", "<svg>", "<path/>", "</svg>"),
    // Text at the deepest nesting kept: some passes walk every level.
    ("deep-text", "", "word ", ""),
    ("amp-attr", "<a href=\"?", "a=1&amp;", "\">x</a>"),
    // Many paragraphs each inside a teaser card, loose prose runs, and
    // captions repeated as alt text: the inserts and loose-text passes.
    (
        "card",
        "",
        "<a href=\"/x\"><p>A teaser of another story that runs long enough to be read as prose.</p></a>",
        "",
    ),
    (
        "loose",
        "",
        "<div>Bare prose set into a container, long enough for a paragraph, twice over here.<br>\
         And a second run of it, long enough as well to be taken for a paragraph of text.</div>",
        "",
    ),
    (
        "lead",
        "<meta property=\"og:description\" content=\"A standfirst long enough to be read as one, and repeated all over the page.\">",
        "<div><p>A standfirst long enough to be read as one, and repeated all over the page.</p></div>",
        "",
    ),
    (
        "alt",
        "",
        "<img alt=\"A caption long enough to be read as one, repeated\"><p>A caption long enough to be read as one, repeated</p>",
        "",
    ),
];

fn main() {
    let mut args = std::env::args().skip(1);
    let shape = args.next().unwrap_or_else(|| "p".into());
    if shape == "count" {
        let mut page = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut page).expect("stdin");
        let t = storyline_extract::budget::tally(&page);
        let deep = storyline_extract::depth::deep_text(&page, storyline_extract::depth::MAX_DEPTH);
        println!(
            "nodes {} widest {} references {} text {} json {} deep_text {deep}",
            t.nodes, t.widest, t.references, t.text, t.json
        );
        return;
    }
    if shape == "bench" {
        // The pre-passes alone over real pages: what every page pays.
        use storyline_extract::{budget, depth};
        let pages: Vec<String> = args
            .map(|f| std::fs::read_to_string(f).unwrap_or_default())
            .collect();
        let started = Instant::now();
        let mut kept = 0;
        for page in &pages {
            let small = budget::bounded(page, &budget::Budget::PAGE);
            kept += depth::bounded_text(&small, depth::MAX_DEPTH, depth::MAX_DEEP_TEXT).len();
        }
        println!(
            "{} pages, {kept} bytes kept: {:.3}s",
            pages.len(),
            started.elapsed().as_secs_f64()
        );
        return;
    }
    if shape == "list" {
        for (name, ..) in SHAPES {
            println!("{name}");
        }
        return;
    }
    let bytes: usize = args
        .next()
        .and_then(|b| b.parse().ok())
        .unwrap_or((8 << 20) - 4096);
    let Some(&(_, before, piece, after)) = SHAPES.iter().find(|s| s.0 == shape) else {
        eprintln!("unknown shape {shape}; `shapes list` names them");
        std::process::exit(2);
    };
    let mut html = String::from(
        "<!doctype html><html><head><title>Port to close</title></head><body><article>",
    );
    html.push_str(PARA);
    if shape == "deep-text" {
        html.push_str(&"<div>".repeat(250));
    }
    html.push_str(before);
    let mut n = 0usize;
    while html.len() < bytes {
        if shape == "attrs-distinct" {
            html.push_str(&format!("a{n} "));
        } else {
            html.push_str(piece);
        }
        n += 1;
    }
    html.push_str(after);
    html.push_str("</article></body></html>");
    let len = html.len();
    let record = Record {
        source: "shape.html".into(),
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
        .is_ok_and(|a| a.text.contains("cracked supports"));
    println!(
        "{shape:<15} {n:>9} pieces {:>5.2} MB  {:>6.2}s  peak {:>6} MB  text_found={found}",
        len as f64 / 1e6,
        took.as_secs_f64(),
        peak_kb() / 1024,
    );
}

/// The process's peak resident memory in KiB, from `/proc/self/status`.
fn peak_kb() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}
