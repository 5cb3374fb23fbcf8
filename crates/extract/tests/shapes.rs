//! Hostile page shapes: whatever a page repeats (empty elements, breaks,
//! links, cells, comments, references, attributes, text, JSON-LD, deep
//! text), the pre-passes hand the parsers a page within budget, and keep
//! the article that came before the flood. Ordinary pages pass untouched.
//! Times and memory are measured by `examples/shapes.rs`, not here.

use std::borrow::Cow;

use storyline_extract::budget::{self, Budget};
use storyline_extract::{Body, Extractor, Hints, Record, depth};

const ARTICLE: &str = "<p>The harbour council voted on Tuesday to close the old ferry port \
    for six weeks while engineers replace two cracked supports under the main pier.</p>\
    <p>Ferries will run from the northern quay during the works, and season tickets \
    will be refunded to commuters who cannot use them, a spokeswoman said.</p>";

/// What goes before the repeats, the repeated piece, what follows.
const SHAPES: &[(&str, &str, &str)] = &[
    ("", "<p>", ""),
    ("", "<p></p>", ""),
    ("", "<br>", ""),
    ("", "<a>x</a>", ""),
    ("", "<img>", ""),
    ("<table><tr>", "<td>", "</table>"),
    ("<ul>", "<li>", "</ul>"),
    ("<select>", "<option>", "</select>"),
    ("", "<div>x", ""),
    ("", "<span>word</span> ", ""),
    ("", "<!---->", ""),
    ("", "<?x>", ""),
    ("<p>", "&amp;", "</p>"),
    ("", "<script></script>", ""),
    ("", "<meta name=a content=b>", ""),
    ("<div ", "a ", ">x</div>"),
    ("<div ", "a=\"&lt;\" ", ">x</div>"),
    ("<p>", "word ", "</p>"),
    (
        "<script type=\"application/ld+json\">{\"a\":[",
        "1,",
        "1]}</script>",
    ),
    ("<svg>", "<path/>", "</svg>"),
    ("<svg><style>", "<a b c>", ""),
];

/// A page of about `bytes`: a short article, then the shape's flood.
fn page(before: &str, piece: &str, after: &str, bytes: usize) -> String {
    let mut html = format!("<html><head><title>Port</title></head><body>{ARTICLE}{before}");
    let mut n = 0usize;
    while html.len() < bytes {
        if piece == "a " {
            // Distinct names: the tokenizer compares each with all before.
            html.push_str(&format!("a{n} "));
        } else {
            html.push_str(piece);
        }
        n += 1;
    }
    html.push_str(after);
    html.push_str("</body></html>");
    html
}

/// The page as the parsers get it.
fn bounded(html: &str) -> String {
    let small = budget::bounded(html, &Budget::PAGE);
    depth::bounded_text(&small, depth::MAX_DEPTH, depth::MAX_DEEP_TEXT).into_owned()
}

#[test]
fn every_shape_is_held_to_the_budget() {
    let deep = format!("{}word ", "<div>".repeat(250));
    let shapes = SHAPES.iter().copied().chain([(deep.as_str(), "word ", "")]);
    for (before, piece, after) in shapes {
        let html = page(before, piece, after, 1_200_000);
        let out = bounded(&html);
        let shape = format!("{before}{piece}{after}");
        assert!(out.len() < html.len(), "{shape}: nothing cut");
        let t = budget::tally(&out);
        let limit = Budget::PAGE;
        assert!(t.nodes <= limit.nodes, "{shape}: {t:?}");
        assert!(t.widest <= limit.attributes, "{shape}: {t:?}");
        assert!(t.references <= limit.references, "{shape}: {t:?}");
        assert!(t.json <= limit.json, "{shape}: {t:?}");
        // Spaces stand for removed markup, so text may grow a little.
        assert!(t.text <= limit.text + limit.text / 2, "{shape}: {t:?}");
        let weight = depth::deep_text(&out, depth::MAX_DEPTH);
        assert!(
            weight <= depth::MAX_DEEP_TEXT,
            "{shape}: deep text {weight}"
        );
        assert!(out.contains("cracked supports"), "{shape}: article lost");
        // Bounded once is bounded for good.
        assert_eq!(bounded(&out), out, "{shape}");
    }
}

#[test]
fn ordinary_pages_pass_untouched() {
    let mut html = String::from(
        "<!doctype html><html lang=\"en\"><head><title>Port</title>\
         <script type=\"application/ld+json\">{\"@type\":\"NewsArticle\"}</script>\
         <script>if (a < b && c) { show('<div class=\"x\">'); }</script></head><body>\
         <nav><ul><li><a href=\"/\">Home</a><li><a href=\"/city?x=1&amp;y=2\">City</a></ul></nav>",
    );
    for _ in 0..2000 {
        html.push_str("<div class=\"row\"><p>Ferries &amp; buses run <b>as usual</b>.</p></div>");
    }
    html.push_str("</body></html>");
    let small = budget::bounded(&html, &Budget::PAGE);
    assert!(matches!(small, Cow::Borrowed(_)));
    let out = depth::bounded_text(&small, depth::MAX_DEPTH, depth::MAX_DEEP_TEXT);
    assert!(matches!(out, Cow::Borrowed(_)));
}

/// A page whose body is a loading placeholder, with the article's HTML
/// only in a streamed-rendering script, as some script frameworks ship
/// them; the visible page has no text at all.
#[test]
fn an_article_only_in_script_data_is_extracted() {
    let article = "\\u003cdiv class=\\\"photo\\\"\\u003e\\u003cimg src=\\\"/p.jpg\\\"\\u003e\
        \\u003cdiv class=\\\"caption\\\"\\u003e\\u003cp\\u003eThe old pier at dawn.\\u003c/p\\u003e\
        \\u003c/div\\u003e\\u003c/div\\u003e$$AD$$\\u003cp class=\\\"body\\\"\\u003e\\u003cstrong\\u003e\
        The harbour council voted on Tuesday to close the old ferry port\\u003c/strong\\u003e for six \
        weeks while engineers replace two cracked supports under the main pier.\\u003c/p\\u003e$$AD$$\
        \\u003ch3 class=\\\"sub\\\"\\u003eFerries move north\\u003c/h3\\u003e\\u003cp class=\\\"body\\\"\
        \\u003eFerries will run from the northern quay during the works, and season tickets will be \
        refunded to commuters who cannot use them, a spokeswoman said.\\u003c/p\\u003e";
    let html = format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charSet=\"utf-8\"/>\
         <title>Ferry port to close for six weeks</title>\
         <script src=\"/static/chunks/main.js\" async=\"\"></script></head><body>\
         <main class=\"page\"><!--$?--><template id=\"B:0\"></template><div class=\"loading\">\
         <svg viewBox=\"0 0 24 24\"><path d=\"M0 0\"></path></svg></div><!--/$--></main>\
         <script>(self.__frames=self.__frames||[]).push([0])</script>\
         <script>self.__frames.push([1,\"7:I[1234,[],\\\"Boundary\\\"]\\n8:T1a2b,\"])</script>\
         <script>self.__frames.push([1,\"{article}\"])</script>\
         <div hidden id=\"S:0\"><div id=\"page-data\" data-title=\"Ferry port to close\"></div></div>\
         </body></html>"
    );
    let record = Record {
        source: "placeholder.html".into(),
        body: Body::Html(html),
        hints: Hints::default(),
    };
    let article = Extractor::new().extract(&record).expect("article text");
    assert!(
        article.text.contains("cracked supports"),
        "{}",
        article.text
    );
    assert!(article.text.contains("season tickets"), "{}", article.text);
    assert!(!article.text.contains("$$AD$$"), "{}", article.text);
}
