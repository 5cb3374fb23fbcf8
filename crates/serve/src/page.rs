//! The page shell every HTML page shares: head, security policy, the
//! navigation with the search box; and the encoders pages write with.
//!
//! Styles and the one script are files served by the binary itself
//! (`/assets/...`), so the policy allows no inline code at all.

use std::fmt::Write;

pub use storyline_report::html::escape;

/// The content security policy of every HTML page: nothing but this
/// server's own stylesheet, script and event stream; no frames, no forms
/// posting elsewhere.
pub const CSP: &str = "default-src 'none'; style-src 'self'; script-src 'self'; connect-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// The stylesheet served at `/assets/style.css`: the report's own, and what
/// the app adds.
pub fn stylesheet() -> String {
    format!(
        "{}\n{}",
        storyline_report::html::STYLE,
        "header{display:flex;gap:1rem;align-items:baseline;flex-wrap:wrap;border-bottom:1px solid #ddd;padding-bottom:.5rem}
header a.home{font:700 1.2rem sans-serif;color:#222;text-decoration:none}
header form{margin-left:auto}input,select,button{font:.9rem sans-serif;padding:.2rem .3rem}
.filters{font:.85rem sans-serif;margin:1rem 0;display:flex;gap:.5rem;flex-wrap:wrap;align-items:end}
.filters label{display:flex;flex-direction:column}
ol.stories{list-style:none;padding:0}ol.stories li{margin:1rem 0;padding-bottom:.6rem;border-bottom:1px solid #eee}
ol.stories a.h{font-size:1.15rem;font-weight:600;text-decoration:none}
svg.spark rect{fill:#36c}svg.coverage{font:11px sans-serif}svg.coverage circle{fill:#36c;fill-opacity:.7}
svg.coverage line{stroke:#ddd}.pager{font:.9rem sans-serif;display:flex;gap:1rem;margin:1.5rem 0}
mark{background:#fe8}.hit{margin:.4rem 0 .8rem}.live{font:.85rem sans-serif;color:#c63}
.links{font:.85rem sans-serif}"
    )
}

/// A whole page: `title` (plain text, escaped here) and `body` (HTML
/// already escaped by its writer). `story`, when set, names the storyline
/// whose page follows live updates.
pub fn layout(title: &str, q: &str, body: &str, story: Option<i64>) -> String {
    let mut out = String::with_capacity(body.len() + 1024);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta name=\"referrer\" content=\"no-referrer\">\n");
    let _ = write!(
        out,
        "<title>{} · storyline</title><link rel=\"stylesheet\" href=\"/assets/style.css\">",
        escape(title)
    );
    if story.is_some() {
        out.push_str("<script src=\"/assets/live.js\" defer></script>");
    }
    out.push_str("</head><body");
    if let Some(id) = story {
        let _ = write!(out, " data-story=\"{id}\"");
    }
    let _ = write!(
        out,
        "><header><a class=\"home\" href=\"/\">storyline</a><a href=\"/entities\">people &amp; organisations</a>\
         <form action=\"/search\" method=\"get\" role=\"search\"><input type=\"search\" name=\"q\" value=\"{}\" \
         placeholder=\"Search: Lavrov talks, &quot;peace plan&quot;, outlet:reuters.com\" size=\"36\" aria-label=\"search\">\
         <button>Search</button></form></header>\n<main id=\"main\">",
        escape(q)
    );
    out.push_str(body);
    out.push_str("</main></body></html>\n");
    out
}

/// `s` percent-encoded for a URL's path segment or query value.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => {
                let _ = write!(out, "%{b:02X}");
            }
        }
    }
    out
}

/// A day of a stored time (`2025-01-03T10:00:00Z` -> `2025-01-03`).
pub fn day(s: &str) -> &str {
    s.get(..10).unwrap_or(s)
}

/// "3 articles", "1 article".
pub fn count(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

/// A list of names for a line of meta text: the first `shown`, then how
/// many more; escaped.
pub fn names(all: &[String], shown: usize) -> String {
    let mut out: Vec<String> = all.iter().take(shown).map(|s| escape(s)).collect();
    if all.len() > shown {
        out.push(format!("and {} more", all.len() - shown));
    }
    out.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_encoded_for_urls() {
        assert_eq!(encode("a b&c=\"d\"/é"), "a%20b%26c%3D%22d%22%2F%C3%A9");
    }

    #[test]
    fn the_search_box_echo_is_escaped() {
        let page = layout("<t>", "\"><script>", "", None);
        assert!(!page.contains("<script>") && page.contains("&lt;t&gt;"));
    }
}
