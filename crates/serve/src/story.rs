//! A story page: everything the digest shows of a storyline (cited
//! summary, who said what, timeline with background apart, how outlets
//! covered it, sources), a chart of its coverage per outlet per day, what
//! is new since a given time, its people and organisations, and related
//! stories. An open page follows its story live (`/assets/live.js`).

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write;

use storyline_model::Published;

use crate::library::{Line, outlet_of};
use crate::page::{count, day, encode, escape, layout};
use crate::params::Params;
use crate::{App, Library, ServeError, chart, front, reader};

/// Most articles listed on the page (the CSV has them all).
const MAX_LISTED: usize = 200;

/// Renders storyline `id`'s page.
pub fn render(app: &App, lib: &Library, id: i64, p: &Params) -> Result<String, ServeError> {
    let line = lib
        .line(id)
        .ok_or_else(|| ServeError::NotFound(format!("no story {id}")))?;
    let since = p.since()?;
    let (brief, entities) = app.with_store(|s| {
        Ok((
            reader::brief(s, line.id)?,
            reader::line_entities(s, line.id)?,
        ))
    })?;
    let brief = brief.ok_or_else(|| ServeError::NotFound(format!("no story {id}")))?;
    let related = related(app, lib, line, &entities)?;
    let mut body = String::with_capacity(32 * 1024);
    let _ = write!(
        body,
        "<p class=\"live\" id=\"live\" hidden></p><p class=\"links\">\
         <a href=\"/api/v1/stories/{0}\">JSON</a> · <a href=\"/story/{0}/articles.csv\">articles as CSV</a> · \
         <a href=\"/story/{0}/feed.atom\">follow (Atom)</a></p>",
        line.id
    );
    let mut story = String::with_capacity(16 * 1024);
    storyline_report::html::story(&brief, &mut story);
    body.push_str(&story);
    body.push_str("<h3>Coverage per outlet per day</h3>");
    body.push_str(&chart::coverage(&per_outlet(lib, line)));
    new_since(lib, line, p, since, &mut body);
    if !entities.is_empty() {
        body.push_str("<h3>People and organisations</h3><p>");
        for (i, e) in entities.iter().take(20).enumerate() {
            if i > 0 {
                body.push_str(", ");
            }
            let _ = write!(
                body,
                "<a href=\"/entity/{}\">{}</a>",
                encode(&e.name),
                escape(&e.name)
            );
        }
        body.push_str("</p>");
    }
    if !related.is_empty() {
        let ids: Vec<i64> = related.iter().map(|l| l.id).collect();
        let heads = app.headlines(&ids)?;
        body.push_str("<h3>Related stories</h3><ol class=\"stories\">");
        for l in related {
            front::item(lib, l, heads.get(&l.id), &mut body);
        }
        body.push_str("</ol>");
    }
    articles(lib, line, &mut body);
    Ok(layout(&brief.headline, "", &body, Some(line.id)))
}

/// Articles per day for each outlet, most articles first.
fn per_outlet(lib: &Library, line: &Line) -> Vec<(String, Vec<(jiff::civil::Date, u32)>)> {
    let mut by: HashMap<&str, BTreeMap<jiff::civil::Date, u32>> = HashMap::new();
    for &i in &line.articles {
        let a = &lib.articles[i as usize];
        if let Some(p) = a.published.as_deref().and_then(Published::parse) {
            *by.entry(outlet_of(a).unwrap_or("unknown"))
                .or_default()
                .entry(p.day())
                .or_default() += 1;
        }
    }
    let mut rows: Vec<(String, Vec<_>)> = by
        .into_iter()
        .map(|(o, d)| (o.to_string(), d.into_iter().collect()))
        .collect();
    let total = |d: &Vec<(jiff::civil::Date, u32)>| d.iter().map(|x| x.1).sum::<u32>();
    rows.sort_by(|a, b| total(&b.1).cmp(&total(&a.1)).then_with(|| a.0.cmp(&b.0)));
    rows
}

/// The "what's new since" form, and, when a time is given, the articles
/// and developments after it.
fn new_since(
    lib: &Library,
    line: &Line,
    p: &Params,
    since: Option<jiff::Timestamp>,
    out: &mut String,
) {
    let _ = write!(
        out,
        "<h3>What's new since</h3><form class=\"filters\" method=\"get\" action=\"/story/{}\">\
         <label>Since<input name=\"since\" value=\"{}\" placeholder=\"YYYY-MM-DD or YYYY-MM-DDTHH:MM\"></label>\
         <button>Show</button></form>",
        line.id,
        escape(p.since.as_deref().unwrap_or(""))
    );
    let Some(since) = since else { return };
    let newer: Vec<_> = line
        .articles
        .iter()
        .map(|&i| &lib.articles[i as usize])
        .filter(|a| {
            a.published
                .as_deref()
                .and_then(Published::parse)
                .is_some_and(|t| t.at() > since)
        })
        .collect();
    let events = line
        .events
        .iter()
        .filter(|e| {
            e.first_published
                .as_deref()
                .and_then(Published::parse)
                .is_some_and(|t| t.at() > since)
        })
        .count();
    let _ = write!(
        out,
        "<p class=\"meta\" id=\"since\">{} and {} since {}</p><ul>",
        count(newer.len(), "new article"),
        count(events, "new development"),
        escape(&since.to_string())
    );
    for a in newer.iter().rev().take(MAX_LISTED) {
        article(a, out);
    }
    out.push_str("</ul>");
}

fn articles(lib: &Library, line: &Line, out: &mut String) {
    let _ = write!(
        out,
        "<h3>All articles</h3><p class=\"meta\">{}, newest first{}</p><ul id=\"articles\">",
        count(line.articles.len(), "article"),
        if line.articles.len() > MAX_LISTED {
            format!("; the first {MAX_LISTED} here, all in the CSV")
        } else {
            String::new()
        }
    );
    for &i in line.articles.iter().rev().take(MAX_LISTED) {
        article(&lib.articles[i as usize], out);
    }
    out.push_str("</ul>");
}

fn article(a: &storyline_store::Placement, out: &mut String) {
    let title = a.title.as_deref().unwrap_or("(untitled)");
    let outlet = outlet_of(a).unwrap_or("outlet unknown");
    let when = a.published.as_deref().map(day).unwrap_or("undated");
    let link = match a.url.as_deref().map(str::trim) {
        Some(u) if u.starts_with("https://") || u.starts_with("http://") => format!(
            "<a href=\"{}\" rel=\"noopener noreferrer nofollow\">{}</a>",
            escape(u),
            escape(title)
        ),
        _ => escape(title),
    };
    let _ = write!(
        out,
        "<li>{link} <span class=\"meta\">{} · {}</span></li>",
        escape(outlet),
        escape(when)
    );
}

/// Other storylines that share the most people and organisations with
/// this one (at most five).
fn related<'a>(
    app: &App,
    lib: &'a Library,
    line: &Line,
    entities: &[reader::EntityRow],
) -> Result<Vec<&'a Line>, ServeError> {
    let mut shared: HashMap<i64, usize> = HashMap::new();
    let names: Vec<&reader::EntityRow> = entities
        .iter()
        .filter(|e| e.kind == "person" || e.kind == "organization")
        .take(8)
        .collect();
    if names.is_empty() {
        return Ok(Vec::new());
    }
    app.with_store(|s| {
        for e in &names {
            for (other, _) in reader::entity_lines(s, &e.name)?.into_iter().take(500) {
                if other != line.id {
                    *shared.entry(other).or_default() += 1;
                }
            }
        }
        Ok(())
    })?;
    let mut ranked: Vec<(i64, usize)> = shared.into_iter().filter(|x| x.1 >= 1).collect();
    ranked.sort_by(|a, b| {
        let rank = |id: i64| lib.line(id).map_or(usize::MAX, |l| l.rank);
        b.1.cmp(&a.1).then_with(|| rank(a.0).cmp(&rank(b.0)))
    });
    Ok(ranked
        .into_iter()
        .filter_map(|(id, _)| lib.line(id))
        .take(5)
        .collect())
}
