//! An article carried as HTML inside the data a page's scripts read.
//!
//! Pages rendered by script frameworks may ship a body that is only a
//! loading placeholder, with the article's HTML in the data the scripts
//! build the page from: a JSON string in a streamed-rendering call
//! (`self.__next_f.push([1,"..."])`), a serialized query cache, a
//! `__NEXT_DATA__` block. The visible page then has no text at all. When
//! that happens, the longest JSON string in an inline script that holds
//! paragraph markup is read as the article, through the same extraction.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;
use scraper::{Html, Selector};
use trafilatura::Options;

use crate::{budget, depth};

/// Paragraph tags a string needs to pass for an article's HTML rather
/// than a snippet (a caption, a teaser, a template).
const MIN_PARAGRAPHS: usize = 2;

/// The main text of the article HTML found in the inline scripts of
/// `html` (the page as it came, scripts whole), if any holds at least
/// [`crate::MIN_WORDS`] words.
pub(super) fn text(html: &str, opts: &Options) -> Option<String> {
    let fragment = article_html(&Html::parse_document(html))?;
    let page = format!(
        "<html><body><article>{}</article></body></html>",
        without_slots(&fragment)
    );
    let small = budget::bounded(&page, &budget::Budget::PAGE);
    let bounded = depth::bounded_text(&small, depth::MAX_DEPTH, depth::MAX_DEEP_TEXT);
    if super::tree_depth(&Html::parse_document(&bounded)) > super::MAX_TREE_DEPTH {
        return None;
    }
    let parsed = trafilatura::dom::Document::parse(&bounded);
    let result = trafilatura::extract_document(parsed, opts).ok()?;
    let text = super::paragraphs(&result);
    crate::has_words(&text).then_some(text)
}

/// `html` without the slot markers (`$$ARTICLEAD$$`) a content system
/// leaves in an article's HTML for the page's scripts to fill.
fn without_slots(html: &str) -> Cow<'_, str> {
    static SLOT: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\$\$[A-Z][A-Z0-9_]{0,40}\$\$").expect("valid pattern"));
    SLOT.replace_all(html, "")
}

/// The longest JSON string literal in the page's inline scripts whose
/// value holds paragraph markup.
fn article_html(doc: &Html) -> Option<String> {
    let scripts = Selector::parse("script:not([src])").ok()?;
    let mut best: Option<String> = None;
    for script in doc.select(&scripts) {
        for chunk in script.text() {
            for literal in literals(chunk) {
                if paragraph_tags(literal) < MIN_PARAGRAPHS
                    || best.as_ref().is_some_and(|b| b.len() >= literal.len())
                {
                    continue;
                }
                let Ok(value) = serde_json::from_str::<String>(literal) else {
                    continue;
                };
                if paragraph_tags(&value) >= MIN_PARAGRAPHS {
                    best = Some(value);
                }
            }
        }
    }
    best
}

/// The double-quoted string literals in `code`, quotes included, as a
/// scan that honours backslash escapes finds them. A quote never closed
/// ends the scan.
fn literals(code: &str) -> impl Iterator<Item = &str> {
    let b = code.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        let open = i + b.get(i..)?.iter().position(|&c| c == b'"')?;
        let mut k = open + 1;
        loop {
            match b.get(k)? {
                b'\\' => k += 2,
                b'"' => break,
                _ => k += 1,
            }
        }
        i = k + 1;
        code.get(open..=k)
    })
}

/// How many paragraph start tags `s` holds, written plainly (`<p>`,
/// `<p class=...>`) or as JSON escapes (`\u003cp>`).
pub(crate) fn paragraph_tags(s: &str) -> usize {
    let mut n = 0;
    for opener in ["<p", "\\u003cp", "\\u003Cp"] {
        for (at, _) in s.match_indices(opener) {
            let next = s.as_bytes().get(at + opener.len());
            if next.is_some_and(|&c| c == b'>' || c == b' ') {
                n += 1;
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page whose body is a spinner and whose article is a JSON string
    /// in a streamed-rendering script, as script frameworks ship them.
    fn shell(data: &str) -> String {
        format!(
            "<!doctype html><html><head><title>Ferry port to close</title></head><body>\
             <main><template id=\"B:0\"></template><div class=\"spinner\"><svg></svg></div></main>\
             <script>self.__frames = self.__frames || []; self.__frames.push([0])</script>\
             <script>self.__frames.push([1,\"{data}\"])</script></body></html>"
        )
    }

    const ARTICLE: &str = "\\u003cdiv class=\\\"img-box\\\"\\u003e\\u003cimg src=\\\"a.jpg\\\"\\u003e\
        \\u003c/div\\u003e\\u003cp class=\\\"body\\\"\\u003eThe harbour council voted on Tuesday \
        to close the old ferry port for six weeks while engineers replace two cracked \
        supports.\\u003c/p\\u003e\\u003ch3\\u003eFerries move north\\u003c/h3\\u003e\
        \\u003cp class=\\\"body\\\"\\u003eFerries will run from the northern quay during the \
        works, and season tickets will be refunded, a spokeswoman said.\\u003c/p\\u003e";

    #[test]
    fn an_article_in_script_data_is_found() {
        let doc = Html::parse_document(&shell(ARTICLE));
        let html = article_html(&doc).unwrap();
        assert!(html.starts_with("<div class=\"img-box\">"), "{html}");
        let text = text(&shell(ARTICLE), &crate::page::options()).unwrap();
        assert!(text.contains("cracked supports"), "{text}");
        assert!(text.contains("season tickets"), "{text}");
    }

    #[test]
    fn the_whole_page_falls_back_to_it() {
        let page = crate::page::extract(&shell(ARTICLE), None, &crate::page::options());
        assert!(page.text.contains("northern quay"), "{}", page.text);
        assert_eq!(page.title.as_deref(), Some("Ferry port to close"));
    }

    #[test]
    fn snippets_and_broken_strings_are_not_articles() {
        for data in [
            "\\u003cp\\u003eOne caption only.\\u003c/p\\u003e",
            "no markup at all, just words words words words words",
            "\\u003cp\\u003eBad \\x escape\\u003c/p\\u003e\\u003cp\\u003etwo\\u003c/p\\u003e",
            "\\u003cp\\u003eunclosed \\",
        ] {
            let doc = Html::parse_document(&shell(data));
            assert_eq!(article_html(&doc), None, "{data}");
        }
    }

    #[test]
    fn slot_markers_go() {
        assert_eq!(
            without_slots("<p>a</p>$$ARTICLEAD$$<p>b $$x$$</p>"),
            "<p>a</p><p>b $$x$$</p>"
        );
    }

    #[test]
    fn literals_honour_escapes() {
        let found: Vec<&str> = literals(r#"a("x\"y", 'z', "") + "open"#).collect();
        assert_eq!(found, [r#""x\"y""#, r#""""#]);
        assert_eq!(paragraph_tags("<p>a<p class=b>c<pre>d\\u003cp>"), 3);
    }
}
