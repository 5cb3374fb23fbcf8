//! Search: the page, its CSV and Atom exports, and the API answer, over
//! the full-text index the server keeps following the database
//! (`storyline-search`). Results are grouped by story, best first, with
//! the matched words marked in each snippet. Search answers are computed
//! per request, never cached.

use std::fmt::Write;

use serde_json::{Value, json};
use storyline_search::{Kind, Query, Results};

use crate::export::{atom, csv_field};
use crate::page::{encode, escape, layout};
use crate::params::{Params, cursor};
use crate::{App, Library, ServeError};

/// Groups per page.
const PER_PAGE: usize = 10;

/// Rows an export holds at most.
const EXPORT_GROUPS: usize = 200;

/// Runs the query of `p` (`q` plus inline filters), `limit` groups from
/// `offset`.
fn run(
    app: &App,
    lib: &Library,
    p: &Params,
    offset: usize,
    limit: usize,
) -> Result<Results, ServeError> {
    let q = p.q.as_deref().unwrap_or("").trim();
    if q.is_empty() {
        return Err(ServeError::BadRequest(
            "q: give something to search for".into(),
        ));
    }
    let index = app.search()?;
    let mut query = Query::parse(q).map_err(|e| ServeError::BadRequest(e.to_string()))?;
    query.offset = offset;
    query.limit = limit;
    index
        .search(&query, &|article| lib.line_of(article))
        .map_err(|e| match e {
            e @ storyline_search::SearchError::Query { .. } => {
                ServeError::BadRequest(e.to_string())
            }
            e => ServeError::Io(e.to_string()),
        })
}

/// The search page: the box, then the story groups with their hits.
pub fn page(app: &App, lib: &Library, p: &Params) -> Result<String, ServeError> {
    let q = p.q.as_deref().unwrap_or("");
    let mut body = String::with_capacity(16 * 1024);
    if q.trim().is_empty() {
        body.push_str(
            "<h1>Search</h1><p>Words, <code>\"a phrase\"</code>, <code>AND</code>/<code>OR</code>/<code>NOT</code>, \
             and filters: <code>outlet:reuters.com</code> <code>lang:de</code> <code>speaker:Lavrov</code> \
             <code>from:2025-01-01</code> <code>to:2025-01-31</code> <code>kind:quote</code>.</p>",
        );
        return Ok(layout("Search", q, &body, None));
    }
    let page = p.page()?;
    let results = run(app, lib, p, (page - 1) * PER_PAGE, PER_PAGE)?;
    let _ = write!(
        body,
        "<h1>Search</h1><p class=\"meta\">{}{} matching documents · <a href=\"/search.csv?q={e}\">CSV</a> · \
         <a href=\"/search.atom?q={e}\">follow (Atom)</a> · <a href=\"/api/v1/search?q={e}\">JSON</a></p>",
        if results.total_exact {
            ""
        } else {
            "more than "
        },
        results.total,
        e = encode(q)
    );
    if results.groups.is_empty() {
        body.push_str("<p>Nothing found.</p>");
    }
    body.push_str("<ol class=\"stories\">");
    let heads = {
        let ids: Vec<i64> = results.groups.iter().filter_map(|g| g.story).collect();
        app.headlines(&ids)?
    };
    for g in &results.groups {
        body.push_str("<li>");
        match g.story.and_then(|id| lib.line(id)) {
            Some(l) => {
                let h = heads.get(&l.id).map(String::as_str).unwrap_or(&l.title);
                let _ = write!(
                    body,
                    "<a class=\"h\" href=\"/story/{}\">{}</a><div class=\"meta\">story · {} · {} matching here</div>",
                    l.id,
                    escape(h),
                    crate::page::count(l.articles.len(), "article"),
                    g.matched
                );
            }
            None => body.push_str("<div class=\"meta\">not in a story yet</div>"),
        }
        for h in &g.hits {
            hit(h, &mut body);
        }
        body.push_str("</li>");
    }
    body.push_str("</ol>");
    if page > 1 || results.more {
        body.push_str("<nav class=\"pager\">");
        if page > 1 {
            let _ = write!(
                body,
                "<a rel=\"prev\" href=\"/search?q={}&amp;page={}\">previous</a>",
                encode(q),
                page - 1
            );
        }
        let _ = write!(body, "<span>page {page}</span>");
        if results.more {
            let _ = write!(
                body,
                "<a rel=\"next\" href=\"/search?q={}&amp;page={}\">next</a>",
                encode(q),
                page + 1
            );
        }
        body.push_str("</nav>");
    }
    Ok(layout(&format!("{q} · search"), q, &body, None))
}

fn hit(h: &storyline_search::Hit, out: &mut String) {
    let outlet = h
        .outlet_name
        .as_deref()
        .or(h.outlet.as_deref())
        .unwrap_or("outlet unknown");
    let when = h
        .published
        .map(|d| d.to_string())
        .unwrap_or_else(|| "undated".into());
    out.push_str("<div class=\"hit\">");
    match h.kind {
        Kind::Quote => {
            let who = h.speaker.as_deref().unwrap_or("Unattributed");
            let _ = write!(out, "<b>{}</b>: ", escape(who));
        }
        Kind::Article => {
            let title = escape(h.title.as_deref().unwrap_or("(untitled)"));
            match h.url.as_deref().map(str::trim) {
                Some(u) if u.starts_with("https://") || u.starts_with("http://") => {
                    let _ = write!(
                        out,
                        "<a href=\"{}\" rel=\"noopener noreferrer nofollow\">{title}</a><br>",
                        escape(u)
                    );
                }
                _ => {
                    let _ = write!(out, "<b>{title}</b><br>");
                }
            }
        }
        Kind::Story => {}
    }
    out.push_str(&h.snippet.to_html());
    let _ = write!(
        out,
        " <span class=\"meta\">{} · {} · {}</span></div>",
        h.kind.as_str(),
        escape(outlet),
        when
    );
}

fn hit_json(h: &storyline_search::Hit) -> Value {
    json!({
        "kind": h.kind.as_str(),
        "id": h.id,
        "score": h.score,
        "title": h.title,
        "outlet": h.outlet_name.as_deref().or(h.outlet.as_deref()),
        "domain": h.outlet,
        "language": h.lang,
        "published": h.published.map(|d| d.to_string()),
        "speaker": h.speaker,
        "url": h.url,
        "snippet": h.snippet.text,
        "highlights": h.snippet.highlights.iter().map(|r| [r.start, r.end]).collect::<Vec<_>>(),
    })
}

/// `GET /api/v1/search`.
pub fn api(app: &App, lib: &Library, p: &Params) -> Result<Value, ServeError> {
    let (offset, limit) = (p.offset()?, p.limit(PER_PAGE, 50)?);
    let r = run(app, lib, p, offset, limit)?;
    let groups: Vec<Value> = r
        .groups
        .iter()
        .map(|g| {
            json!({
                "story": g.story,
                "score": g.score,
                "matched": g.matched,
                "hits": g.hits.iter().map(hit_json).collect::<Vec<_>>(),
            })
        })
        .collect();
    Ok(json!({
        "total": r.total,
        "total_exact": r.total_exact,
        "groups": groups,
        "next_cursor": r.more.then(|| cursor(offset + limit)),
    }))
}

/// Search results as CSV: one row per hit.
pub fn csv(app: &App, lib: &Library, p: &Params) -> Result<String, ServeError> {
    let r = run(app, lib, p, 0, EXPORT_GROUPS)?;
    let mut out =
        String::from("storyline_id,kind,id,published,outlet,speaker,title,url,snippet\r\n");
    for g in &r.groups {
        for h in &g.hits {
            let o = |s: Option<&str>| csv_field(s.unwrap_or(""));
            let _ = write!(
                out,
                "{},{},{},{},{},{},{},{},{}\r\n",
                g.story.map(|s| s.to_string()).unwrap_or_default(),
                h.kind.as_str(),
                h.id,
                o(h.published.map(|d| d.to_string()).as_deref()),
                o(h.outlet_name.as_deref().or(h.outlet.as_deref())),
                o(h.speaker.as_deref()),
                o(h.title.as_deref()),
                o(h.url.as_deref()),
                csv_field(&h.snippet.text),
            );
        }
    }
    Ok(out)
}

/// Search results as an Atom feed: the matching articles, newest first,
/// so a feed reader follows the search.
pub fn atom_feed(app: &App, lib: &Library, p: &Params) -> Result<String, ServeError> {
    let r = run(app, lib, p, 0, EXPORT_GROUPS)?;
    let mut articles: Vec<&storyline_store::Placement> = r
        .groups
        .iter()
        .flat_map(|g| g.hits.iter())
        .filter(|h| h.kind != Kind::Story)
        .filter_map(|h| lib.article(h.id))
        .collect();
    articles.sort_by(|a, b| {
        b.published
            .cmp(&a.published)
            .then(b.article_id.cmp(&a.article_id))
    });
    articles.dedup_by_key(|a| a.article_id);
    let q = p.q.as_deref().unwrap_or("");
    Ok(atom(
        &format!("storyline search: {q}"),
        &format!("/search.atom?q={}", encode(q)),
        &articles,
    ))
}
