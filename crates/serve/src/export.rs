//! Exports: a story's articles as CSV, and an Atom feed per story, so that
//! "follow this story" works in any feed reader. (Search results have
//! theirs in `search.rs`.)

use std::fmt::Write;

use storyline_model::Published;
use storyline_store::Placement;

use crate::library::outlet_of;
// The report's escape writes only what XML reads too (and no control
// characters), so Atom shares it with the pages.
use crate::page::escape;
use crate::{Library, ServeError};

/// Entries in a feed.
const FEED_ENTRIES: usize = 50;

/// One CSV field, quoted; a leading `=`, `+`, `-` or `@` is defused so a
/// spreadsheet never takes an article's title for a formula.
pub fn csv_field(s: &str) -> String {
    let s: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let guard = if s.starts_with(['=', '+', '-', '@']) {
        "'"
    } else {
        ""
    };
    format!("\"{guard}{}\"", s.replace('"', "\"\""))
}

/// The CSV header of article rows.
pub const ARTICLE_HEADER: &str =
    "article_id,storyline_id,story_id,published,outlet,lang,title,url\r\n";

/// One article as a CSV row.
pub fn article_row(a: &Placement, out: &mut String) {
    let o = |s: Option<&str>| csv_field(s.unwrap_or(""));
    let _ = write!(
        out,
        "{},{},{},{},{},{},{},{}\r\n",
        a.article_id,
        a.storyline_id,
        a.story_id,
        o(a.published.as_deref()),
        o(outlet_of(a)),
        o(a.lang.as_deref()),
        o(a.title.as_deref()),
        o(a.url.as_deref()),
    );
}

/// Storyline `id`'s articles as CSV, in time order.
pub fn story_csv(lib: &Library, id: i64) -> Result<String, ServeError> {
    let line = lib
        .line(id)
        .ok_or_else(|| ServeError::NotFound(format!("no story {id}")))?;
    let mut out = String::from(ARTICLE_HEADER);
    for &i in &line.articles {
        article_row(&lib.articles[i as usize], &mut out);
    }
    Ok(out)
}

/// An Atom feed titled `title` at `self_path`, one entry per article,
/// newest first.
pub fn atom(title: &str, self_path: &str, articles: &[&Placement]) -> String {
    let when = |a: &Placement| {
        a.published
            .as_deref()
            .and_then(Published::parse)
            .map(|p| p.at().to_string())
    };
    let updated = articles
        .iter()
        .filter_map(|a| when(a))
        .max()
        .unwrap_or_else(|| "1970-01-01T00:00:00Z".into());
    let mut out = String::with_capacity(4096);
    let _ = write!(
        out,
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\
         <title>{}</title><id>urn:storyline:{}</id><updated>{}</updated>\
         <link rel=\"self\" href=\"{}\"/><generator>storyline</generator>\n",
        escape(title),
        escape(self_path),
        escape(&updated),
        escape(self_path)
    );
    for a in articles.iter().take(FEED_ENTRIES) {
        let _ = write!(
            out,
            "<entry><title>{}</title><id>urn:storyline:article:{}</id><updated>{}</updated>\
             <author><name>{}</name></author>",
            escape(a.title.as_deref().unwrap_or("(untitled)")),
            a.article_id,
            escape(&when(a).unwrap_or_else(|| updated.clone())),
            escape(outlet_of(a).unwrap_or("unknown outlet")),
        );
        if let Some(u) = a.url.as_deref().map(str::trim)
            && (u.starts_with("https://") || u.starts_with("http://"))
        {
            let _ = write!(out, "<link href=\"{}\"/>", escape(u));
        }
        let _ = writeln!(
            out,
            "<link rel=\"related\" href=\"/story/{}\"/></entry>",
            a.storyline_id
        );
    }
    out.push_str("</feed>\n");
    out
}

/// Storyline `id`'s feed: its newest articles.
pub fn story_atom(lib: &Library, id: i64, headline: &str) -> Result<String, ServeError> {
    let line = lib
        .line(id)
        .ok_or_else(|| ServeError::NotFound(format!("no story {id}")))?;
    let newest: Vec<&Placement> = line
        .articles
        .iter()
        .rev()
        .map(|&i| &lib.articles[i as usize])
        .collect();
    Ok(atom(
        headline,
        &format!("/story/{}/feed.atom", line.id),
        &newest,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_and_defused() {
        assert_eq!(csv_field("a \"b\", c"), "\"a \"\"b\"\", c\"");
        assert_eq!(csv_field("=HYPERLINK(x)"), "\"'=HYPERLINK(x)\"");
        assert_eq!(csv_field("a\nb"), "\"a b\"");
    }

    #[test]
    fn feeds_escape_everything() {
        let a = Placement {
            article_id: 1,
            storyline_id: 1,
            story_id: 1,
            outlet: Some("<o>".into()),
            outlet_name: None,
            lang: None,
            published: Some("2025-01-02".into()),
            title: Some("A & <b>B</b>".into()),
            url: Some("javascript:x".into()),
            duplicate_of: None,
        };
        let feed = atom("t<", "/x", &[&a]);
        assert!(feed.contains("A &amp; &lt;b&gt;") && !feed.contains("<b>"));
        assert!(!feed.contains("javascript:"));
    }
}
