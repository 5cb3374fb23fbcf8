//! Person and organisation pages: the stories a name appears in, and its
//! quotes over time; and the list of the names in most stories.

use std::fmt::Write;

use crate::page::{day, encode, escape, layout};
use crate::{App, Library, ServeError, front, reader};

/// Names listed on the entities page.
const LISTED: usize = 200;

/// Renders the page of `name`.
pub fn render(app: &App, lib: &Library, name: &str) -> Result<String, ServeError> {
    let (lines, quotes) =
        app.with_store(|s| Ok((reader::entity_lines(s, name)?, reader::quotes_by(s, name)?)))?;
    if lines.is_empty() && quotes.is_empty() {
        return Err(ServeError::NotFound(format!("no stories name {name:?}")));
    }
    let mut body = String::with_capacity(16 * 1024);
    let _ = write!(
        body,
        "<h1>{}</h1><p class=\"links\"><a href=\"{}\">filter stories by this name</a> · \
         <a href=\"/search?q={}\">search</a></p>",
        escape(name),
        escape(&front::filtered_link("entity", name)),
        encode(&format!("\"{name}\""))
    );
    let mut found: Vec<&crate::library::Line> =
        lines.iter().filter_map(|(id, _)| lib.line(*id)).collect();
    found.sort_by_key(|l| l.rank);
    found.dedup_by_key(|l| l.id);
    let ids: Vec<i64> = found.iter().take(50).map(|l| l.id).collect();
    let heads = app.headlines(&ids)?;
    let _ = write!(
        body,
        "<h3>In {} stories</h3><ol class=\"stories\">",
        found.len()
    );
    for l in found.iter().take(50) {
        front::item(lib, l, heads.get(&l.id), &mut body);
    }
    body.push_str("</ol>");
    if !quotes.is_empty() {
        let _ = write!(body, "<h3>Quotes over time</h3><table>");
        for q in &quotes {
            let _ = write!(
                body,
                "<tr><td class=\"when\">{}</td><td>“{}” <a href=\"/story/{}\">story</a></td></tr>",
                escape(q.published.as_deref().map(day).unwrap_or("undated")),
                escape(&q.text),
                q.story
            );
        }
        body.push_str("</table>");
    }
    Ok(layout(name, "", &body, None))
}

/// Renders the list of people and organisations.
pub fn list(app: &App) -> Result<String, ServeError> {
    let rows = app.with_store(|s| reader::top_entities(s, None, LISTED))?;
    let mut body = String::from("<h1>People and organisations</h1>");
    if rows.is_empty() {
        body.push_str("<p>None stored yet.</p>");
    }
    body.push_str("<ul>");
    for e in rows
        .iter()
        .filter(|e| e.kind == "person" || e.kind == "organization")
    {
        let _ = write!(
            body,
            "<li><a href=\"/entity/{}\">{}</a> <span class=\"meta\">{} · {} stories</span></li>",
            encode(&e.name),
            escape(&e.name),
            escape(&e.kind),
            e.stories
        );
    }
    body.push_str("</ul>");
    Ok(layout("People and organisations", "", &body, None))
}
