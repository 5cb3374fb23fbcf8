//! Source management, the server's only writes: list, add and remove the
//! feeds and sitemaps `storyline watch` polls, each request carrying the
//! admin token (`Authorization: Bearer TOKEN`). Without `--admin-token`
//! these addresses do not exist.

use serde::Deserialize;
use serde_json::{Value, json};
use storyline_store::{SourceKind, Store, canonical_url};

use crate::{App, ServeError};

/// What `POST /api/v1/sources` takes.
#[derive(Debug, Deserialize)]
pub struct NewSource {
    /// The feed's or sitemap's URL.
    pub url: String,
    /// `feed` (the default) or `sitemap`.
    pub kind: Option<String>,
}

/// Whether `header` (the request's `Authorization`) carries the token; the
/// comparison takes the same time wherever the first difference is.
pub fn authorized(app: &App, header: Option<&str>) -> bool {
    let (Some(token), Some(given)) = (app.admin_token.as_deref(), header) else {
        return false;
    };
    let Some(given) = given.strip_prefix("Bearer ") else {
        return false;
    };
    let (a, b) = (token.as_bytes(), given.trim().as_bytes());
    let mut diff = a.len() ^ b.len();
    for i in 0..a.len().max(b.len()) {
        diff |= (a.get(i).copied().unwrap_or(0) ^ b.get(i).copied().unwrap_or(0)) as usize;
    }
    diff == 0
}

fn writable(app: &App) -> Result<Store, ServeError> {
    Ok(Store::open(app.db())?)
}

/// `GET /api/v1/sources`.
pub fn list(app: &App) -> Result<Value, ServeError> {
    let sources = app.with_store(|s| Ok(s.sources()?))?;
    Ok(json!({
        "items": sources.iter().map(|s| json!({
            "id": s.id,
            "url": s.url,
            "kind": s.kind.as_str(),
            "title": s.title,
            "failures": s.failures,
            "last_error": s.last_error,
        })).collect::<Vec<_>>()
    }))
}

/// `POST /api/v1/sources`: adds one; says whether it is new.
pub fn add(app: &App, new: &NewSource) -> Result<Value, ServeError> {
    let url =
        canonical_url(&new.url).map_err(|why| ServeError::BadRequest(format!("url: {why}")))?;
    let kind = match new.kind.as_deref() {
        None => SourceKind::Feed,
        Some(k) => SourceKind::parse(k)
            .ok_or_else(|| ServeError::BadRequest(format!("kind: {k:?} is not feed or sitemap")))?,
    };
    let now = jiff::Timestamp::now().as_second();
    let added = writable(app)?.add_source(&url, kind, None, now)?;
    Ok(json!({ "url": url, "kind": kind.as_str(), "added": added }))
}

/// `DELETE /api/v1/sources?url=URL`: removes one; says whether it was there.
pub fn remove(app: &App, url: &str) -> Result<Value, ServeError> {
    let url = canonical_url(url).map_err(|why| ServeError::BadRequest(format!("url: {why}")))?;
    let removed = writable(app)?.remove_source(&url)?;
    Ok(json!({ "url": url, "removed": removed }))
}
