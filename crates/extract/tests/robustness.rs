//! Hostile input: extraction must never panic on any page or text record,
//! whatever its hints: broken and unclosed markup, huge attributes,
//! scripts and styles, odd entities, mojibake and control characters.

use proptest::prelude::*;
use serde_json::{Map, Value};
use storyline_extract::language::detect;
use storyline_extract::outlet::{from_url, name_matches_domain};
use storyline_extract::{Body, Extractor, Hints, Record};

/// Pieces of pages: structure the extractor scores (paragraphs, headings,
/// articles, navigation, bylines), metadata it reads (title, canonical
/// link, Open Graph, dates, JSON-LD), things it must skip (scripts,
/// styles, comments, CDATA), unclosed and stray tags, entities, mojibake
/// and multi-byte text.
const PIECES: &[&str] = &[
    "<!DOCTYPE html>",
    "<html lang=\"en\">",
    "<html lang=\"\u{0}\">",
    "<head>",
    "</head>",
    "<title>",
    "</title>",
    "<meta charset=\"koi8-r\">",
    "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=shift_jis\">",
    "<meta property=\"og:site_name\" content=\"Northwire\">",
    "<meta property=\"og:title\" content=\"",
    "<meta name=\"author\" content=\"",
    "<meta property=\"article:published_time\" content=\"2025-01-24T08:00:00+01:00\">",
    "<link rel=\"canonical\" href=\"",
    "https://news.example/2025/01/24/port-closes",
    "\">",
    "<body>",
    "<article>",
    "</article>",
    "<main>",
    "<div class=\"content\">",
    "</div>",
    "<p>",
    "</p>",
    "<h1>",
    "</h1>",
    "<h2>",
    "<br>",
    "<ul><li>",
    "<table><tr><td>",
    "<nav>Home | World | Sport</nav>",
    "<footer>",
    "<aside>",
    "<span class=\"byline\">By Liv Aronsen</span>",
    "<a href=\"/x\">",
    "</a>",
    "<img src=x alt=\"",
    "<script>",
    "var x = '</p>';",
    "</script>",
    "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":",
    "<style>",
    "p{}",
    "</style>",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "<",
    ">",
    "</",
    "&amp;",
    "&nbsp;",
    "&#0;",
    "&#x110000;",
    "&bogus;",
    "The harbour council voted to close the port after the storm.",
    "Officials said twelve people were hurt on Monday.",
    "Mayor Ana Ruiz told reporters the town would rebuild.",
    "GREYHAVEN, Estravia (Northwire) \u{2013} ",
    "Read more:",
    "Share this article",
    "Ã©",
    "â€™",
    "\u{fffd}",
    "\u{feff}",
    "\u{202e}",
    "é",
    "日本語",
    "🚢",
    "\u{301}",
    "\r\n",
    "\n",
    " ",
];

fn stitched() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        6 => prop::sample::select(PIECES).prop_map(str::to_string),
        1 => any::<String>(),
        1 => (1usize..1000).prop_map(|n| format!("<div class=\"{}\" data-x=\"", "a".repeat(n))),
        // Deep nesting is cut to `depth::MAX_DEPTH` before parsing; a few
        // hundred levels still cost trafilatura a little time per case.
        1 => (1usize..400).prop_map(|n| "<div>".repeat(n)),
    ];
    prop::collection::vec(piece, 0..30).prop_map(|v| v.concat())
}

fn hint() -> impl Strategy<Value = Option<String>> {
    prop::option::of(prop_oneof![
        prop::sample::select(vec![
            "",
            "https://news.example/2025/01/24/port-closes",
            "http://",
            "https://xn--.example/%zz",
            "not a url",
            "2025-01-24",
            "Jan 9, 2025",
            "Northwire",
            "\n\n",
        ])
        .prop_map(str::to_string),
        any::<String>(),
    ])
}

fn hints() -> impl Strategy<Value = Hints> {
    (hint(), hint(), hint(), hint(), hint(), hint(), hint()).prop_map(
        |(id, url, title, author, date, outlet, lang)| Hints {
            id,
            url,
            title,
            author,
            date,
            outlet,
            lang,
            extra: Map::from_iter([("x".to_string(), Value::Null)]),
        },
    )
}

fn check(extractor: &Extractor, body: &str, hints: Hints) {
    // `Body::Html` goes through `Extractor::page`.
    for body in [Body::Html(body.to_string()), Body::Text(body.to_string())] {
        let record = Record {
            source: "hostile".to_string(),
            body,
            hints: hints.clone(),
        };
        let _ = extractor.extract(&record);
    }
    let _ = detect(body);
    if let Some(domain) = hints.url.as_deref().and_then(from_url) {
        let _ = name_matches_domain(body, &domain);
    }
}

/// Pages nested 200,000 deep in several shapes, the article inside the
/// innermost element: the text comes out, and nothing overflows the stack
/// (about 0.1 s each in a release build; no time is asserted here).
#[test]
fn very_deep_nesting_keeps_the_text() {
    const DEPTH: usize = 200_000;
    let article = "<p>The harbour council voted on Tuesday to close the old ferry port \
        for six weeks while engineers replace two cracked supports under the pier.</p>\
        <p>Ferries will run from the northern quay during the works, the council said.</p>";
    let shapes = [
        ("<div>", "</div>"),
        ("<b><i>", "</i></b>"),
        ("<table><tr><td>", "</td></tr></table>"),
        ("<ul><li>", "</li></ul>"),
        ("<table><tr><td>", ""),
        ("<span><div>", ""),
    ];
    // A worker thread's default stack, where a deep recursion would abort.
    let worker = std::thread::spawn(move || {
        let extractor = Extractor::new();
        for (open, close) in shapes {
            let html = format!(
                "<html><head><title>Port to close</title></head><body>{}{article}{}</body></html>",
                open.repeat(DEPTH),
                close.repeat(DEPTH)
            );
            let record = Record {
                source: "deep.html".to_string(),
                body: Body::Html(html),
                hints: Hints::default(),
            };
            let text = extractor
                .extract(&record)
                .map(|a| a.text)
                .unwrap_or_default();
            assert!(text.contains("cracked supports"), "{open}: {text:.200}");
            assert!(text.contains("northern quay"), "{open}: {text:.200}");
        }
    });
    assert!(worker.join().is_ok());
}

proptest! {
    // No regression files: the crate keeps no proptest state in the tree.
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn never_panics_on_any_string(s in any::<String>(), h in hints()) {
        check(&Extractor::new(), &s, h);
    }

    #[test]
    fn never_panics_on_stitched_pages(s in stitched(), h in hints()) {
        check(&Extractor::new(), &s, h);
    }
}
