//! The front page: storylines ranked as the digest ranks them, each with
//! its headline, outlets, article count, span and a sparkline of its
//! coverage; filters by date, outlet, language and person or organisation;
//! pages of [`PER_PAGE`].

use std::fmt::Write;

use crate::library::Line;
use crate::page::{count, encode, escape, layout, names};
use crate::params::Params;
use crate::{App, Library, ServeError, chart};

/// Storylines per page.
pub const PER_PAGE: usize = 20;

/// Renders the front page for `p`.
pub fn render(app: &App, lib: &Library, p: &Params) -> Result<String, ServeError> {
    let filter = p.filter(app)?;
    let page = p.page()?;
    let matching: Vec<&Line> = lib.filtered(&filter).collect();
    let shown: Vec<&Line> = matching
        .iter()
        .skip((page - 1) * PER_PAGE)
        .take(PER_PAGE)
        .copied()
        .collect();
    let mut body = String::with_capacity(16 * 1024);
    let _ = write!(
        body,
        "<h1>Stories</h1><p class=\"meta\">{} of {} storylines · {} articles</p>",
        matching.len(),
        lib.lines.len(),
        lib.articles.len()
    );
    filters(lib, p, &mut body);
    if shown.is_empty() {
        body.push_str("<p>No stories match.</p>");
    }
    let ids: Vec<i64> = shown.iter().map(|l| l.id).collect();
    let heads = app.headlines(&ids)?;
    let _ = write!(
        body,
        "<ol class=\"stories\" start=\"{}\">",
        (page - 1) * PER_PAGE + 1
    );
    for l in &shown {
        item(lib, l, heads.get(&l.id), &mut body);
    }
    body.push_str("</ol>");
    pager(p, page, matching.len(), &mut body);
    Ok(layout("Stories", "", &body, None))
}

/// One storyline of the list, under `headline` (its stored brief's, else
/// its working title).
pub fn item(lib: &Library, l: &Line, headline: Option<&String>, out: &mut String) {
    let headline = match headline {
        Some(h) => h.as_str(),
        None if l.title.trim().is_empty() => "(untitled story)",
        None => &l.title,
    };
    let _ = write!(
        out,
        "<li><a class=\"h\" href=\"/story/{}\">{}</a><div class=\"meta\">{} · {}{} · {}</div>{}</li>",
        l.id,
        escape(headline),
        count(l.articles.len(), "article"),
        if l.events.len() > 1 {
            format!("{} · ", count(l.events.len(), "event"))
        } else {
            String::new()
        },
        if l.outlets.is_empty() {
            "outlets unknown".to_string()
        } else {
            names(&l.outlets, 4)
        },
        span(l),
        chart::sparkline(&l.days(lib), 120, 18),
    );
}

/// "2025-01-02 to 2025-01-09", or the one day, or "undated".
pub fn span(l: &Line) -> String {
    match (&l.first, &l.last) {
        (Some(a), Some(b)) if a.day() != b.day() => format!("{} to {}", a.day(), b.day()),
        (Some(a), _) => a.day().to_string(),
        _ => "undated".into(),
    }
}

fn filters(lib: &Library, p: &Params, out: &mut String) {
    let v = |s: &Option<String>| escape(s.as_deref().unwrap_or(""));
    let _ = write!(
        out,
        "<form class=\"filters\" method=\"get\" action=\"/\">\
         <label>From<input type=\"date\" name=\"from\" value=\"{}\"></label>\
         <label>To<input type=\"date\" name=\"to\" value=\"{}\"></label>",
        v(&p.from),
        v(&p.to)
    );
    select("Outlet", "outlet", &lib.outlets, p.outlet.as_deref(), out);
    select("Language", "lang", &lib.langs, p.lang.as_deref(), out);
    let _ = write!(
        out,
        "<label>Person or organisation<input name=\"entity\" value=\"{}\" size=\"18\"></label>\
         <button>Filter</button> <a href=\"/\">clear</a></form>",
        v(&p.entity)
    );
}

fn select(
    label: &str,
    name: &str,
    options: &[(String, usize)],
    chosen: Option<&str>,
    out: &mut String,
) {
    let _ = write!(
        out,
        "<label>{label}<select name=\"{name}\"><option value=\"\">any</option>"
    );
    for (o, n) in options.iter().take(100) {
        let sel = if chosen == Some(o.as_str()) {
            " selected"
        } else {
            ""
        };
        let _ = write!(
            out,
            "<option value=\"{}\"{sel}>{} ({n})</option>",
            escape(o),
            escape(o)
        );
    }
    out.push_str("</select></label>");
}

fn pager(p: &Params, page: usize, total: usize, out: &mut String) {
    let pages = total.div_ceil(PER_PAGE).max(1);
    if pages == 1 {
        return;
    }
    let keep = p.filter_query();
    let link = |n: usize| {
        if keep.is_empty() {
            format!("/?page={n}")
        } else {
            format!("/?{keep}&page={n}")
        }
    };
    out.push_str("<nav class=\"pager\">");
    if page > 1 {
        let _ = write!(
            out,
            "<a rel=\"prev\" href=\"{}\">newer ranks</a>",
            escape(&link(page - 1))
        );
    }
    let _ = write!(out, "<span>page {page} of {pages}</span>");
    if page < pages {
        let _ = write!(
            out,
            "<a rel=\"next\" href=\"{}\">more stories</a>",
            escape(&link(page + 1))
        );
    }
    out.push_str("</nav>");
}

/// A link to the front page filtered by one value.
pub fn filtered_link(name: &str, value: &str) -> String {
    format!("/?{name}={}", encode(value))
}
