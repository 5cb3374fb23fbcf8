//! The JSON API under `/api/v1`: stories, a story, articles, quotes,
//! entities (search is in `search.rs`). Lists page with an opaque cursor:
//! each answer gives `next_cursor` while there is more.

use serde_json::{Value, json};

use crate::library::{Line, outlet_of};
use crate::params::{Params, cursor};
use crate::{App, Library, ServeError, front, reader};

/// One storyline as lists give it, under `headline` (its stored brief's,
/// else its working title).
pub fn line_json(l: &Line, headline: Option<&String>) -> Value {
    json!({
        "id": l.id,
        "rank": l.rank + 1,
        "headline": headline.unwrap_or(&l.title),
        "articles": l.articles.len(),
        "events": l.events.iter().map(|e| e.id).collect::<Vec<_>>(),
        "outlets": l.outlets,
        "languages": l.langs,
        "first": l.first.as_ref().map(|p| p.at().to_string()),
        "last": l.last.as_ref().map(|p| p.at().to_string()),
        "span": front::span(l),
        "url": format!("/story/{}", l.id),
    })
}

fn page<T>(items: Vec<T>, offset: usize, limit: usize, total: usize) -> Value
where
    T: serde::Serialize,
{
    let next = (offset + limit < total).then(|| cursor(offset + limit));
    json!({ "total": total, "items": items, "next_cursor": next })
}

/// `GET /api/v1/stories`.
pub fn stories(app: &App, lib: &Library, p: &Params) -> Result<Value, ServeError> {
    let filter = p.filter(app)?;
    let (offset, limit) = (p.offset()?, p.limit(20, 100)?);
    let all: Vec<&Line> = lib.filtered(&filter).collect();
    let shown: Vec<&Line> = all.iter().skip(offset).take(limit).copied().collect();
    let ids: Vec<i64> = shown.iter().map(|l| l.id).collect();
    let heads = app.headlines(&ids)?;
    let items: Vec<Value> = shown
        .iter()
        .map(|l| line_json(l, heads.get(&l.id)))
        .collect();
    Ok(page(items, offset, limit, all.len()))
}

/// `GET /api/v1/stories/{id}`: the storyline's whole brief.
pub fn story(app: &App, lib: &Library, id: i64) -> Result<Value, ServeError> {
    let line = lib
        .line(id)
        .ok_or_else(|| ServeError::NotFound(format!("no story {id}")))?;
    let brief = app
        .with_store(|s| reader::brief(s, line.id))?
        .ok_or_else(|| ServeError::NotFound(format!("no story {id}")))?;
    let mut v = serde_json::to_value(&brief).unwrap_or(Value::Null);
    if let Value::Object(m) = &mut v {
        m.insert("storyline".into(), line_json(line, Some(&brief.headline)));
    }
    Ok(v)
}

/// `GET /api/v1/articles`: article metadata, by id, optionally of one
/// story, outlet or language.
pub fn articles(lib: &Library, p: &Params) -> Result<Value, ServeError> {
    let (offset, limit) = (p.offset()?, p.limit(50, 500)?);
    let story = match p.story.as_deref() {
        Some(s) => Some(
            s.parse::<i64>()
                .ok()
                .and_then(|id| lib.line(id))
                .map(|l| l.id)
                .ok_or_else(|| ServeError::NotFound(format!("story: no story {s}")))?,
        ),
        None => None,
    };
    let matching: Vec<Value> = lib
        .articles
        .iter()
        .filter(|a| story.is_none_or(|s| a.storyline_id == s))
        .filter(|a| {
            p.outlet.as_deref().is_none_or(|o| {
                outlet_of(a).is_some_and(|x| x.eq_ignore_ascii_case(o))
                    || a.outlet
                        .as_deref()
                        .is_some_and(|x| x.eq_ignore_ascii_case(o))
            })
        })
        .filter(|a| {
            p.lang
                .as_deref()
                .is_none_or(|l| a.lang.as_deref().is_some_and(|x| x.eq_ignore_ascii_case(l)))
        })
        .map(|a| {
            json!({
                "id": a.article_id,
                "storyline": a.storyline_id,
                "event": a.story_id,
                "outlet": outlet_of(a),
                "domain": a.outlet,
                "language": a.lang,
                "published": a.published,
                "title": a.title,
                "url": a.url,
                "duplicate_of": a.duplicate_of,
            })
        })
        .collect();
    let total = matching.len();
    let items: Vec<Value> = matching.into_iter().skip(offset).take(limit).collect();
    Ok(page(items, offset, limit, total))
}

/// `GET /api/v1/quotes?speaker=NAME` or `?story=ID`.
pub fn quotes(app: &App, lib: &Library, p: &Params) -> Result<Value, ServeError> {
    let (offset, limit) = (p.offset()?, p.limit(50, 500)?);
    let all = match (p.speaker.as_deref(), p.story.as_deref()) {
        (Some(who), _) => app.with_store(|s| reader::quotes_by(s, who))?,
        (None, Some(id)) => {
            let line = id
                .parse::<i64>()
                .ok()
                .and_then(|id| lib.line(id))
                .ok_or_else(|| ServeError::NotFound(format!("story: no story {id}")))?;
            app.with_store(|s| reader::line_quotes(s, line.id))?
        }
        (None, None) => {
            return Err(ServeError::BadRequest(
                "quotes: give speaker=NAME or story=ID".into(),
            ));
        }
    };
    let total = all.len();
    let items: Vec<_> = all.into_iter().skip(offset).take(limit).collect();
    Ok(page(items, offset, limit, total))
}

/// `GET /api/v1/entities`: the people and organisations in most stories.
pub fn entities(app: &App, p: &Params) -> Result<Value, ServeError> {
    let (offset, limit) = (p.offset()?, p.limit(50, 500)?);
    let kind = p.kind.as_deref();
    if let Some(k) = kind
        && !["person", "organization", "place", "other"].contains(&k)
    {
        return Err(ServeError::BadRequest(format!(
            "kind: {k:?} is not person, organization, place or other"
        )));
    }
    let all = app.with_store(|s| reader::top_entities(s, kind, 10_000))?;
    let total = all.len();
    let items: Vec<_> = all.into_iter().skip(offset).take(limit).collect();
    Ok(page(items, offset, limit, total))
}
