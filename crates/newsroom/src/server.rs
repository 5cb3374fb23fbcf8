//! Request routing by `Host` header: site hosts serve feeds and pages, the
//! fault host serves faults, every host serves `robots.txt`, `/_stats` and
//! `/_items`.

use std::sync::Arc;
use std::sync::atomic::Ordering;

use bytes::Bytes;
use hyper::body::Incoming;
use hyper::header::{
    CACHE_CONTROL, CONTENT_ENCODING, CONTENT_TYPE, ETAG, HOST, LAST_MODIFIED, VARY,
};
use hyper::{HeaderMap, Method, Request, Response, StatusCode};

use crate::fault::{self, fault_article};
use crate::http::{accepts_gzip, gzip, http_date, not_modified};
use crate::page::{Site, page, private_page};
use crate::payload::Payload;
use crate::state::{DOMAIN, FAULT_HOST, State};

/// The content type of feeds.
pub(crate) const RSS: &str = "application/rss+xml; charset=utf-8";
/// The longest host name kept for the statistics.
const MAX_HOST: usize = 253;
/// `robots.txt` on every host.
const ROBOTS: &str = "User-agent: *\nDisallow: /private/\n";

/// The answer to one request.
pub(crate) async fn handle(state: Arc<State>, req: Request<Incoming>) -> Response<Payload> {
    let host = host_of(&req);
    let path = req.uri().path().to_string();
    match path.as_str() {
        "/_stats" => return json(&state.book.snapshot()),
        "/_items" => return json(&state.items()),
        _ => {}
    }
    let visit = state.book.start(&host);
    let response = if req.method() == Method::GET || req.method() == Method::HEAD {
        route(&state, &host, &path, req.headers()).await
    } else {
        let mut r = plain(StatusCode::METHOD_NOT_ALLOWED, "Only GET and HEAD\n");
        r.headers_mut()
            .insert("allow", "GET, HEAD".parse().expect("a valid header"));
        r
    };
    visit.status(response.status().as_u16());
    response.map(|body| body.counted(visit))
}

/// The answer to a GET for `path` on `host`.
async fn route(state: &State, host: &str, path: &str, req: &HeaderMap) -> Response<Payload> {
    if path == "/robots.txt" {
        return ok(req, "text/plain; charset=utf-8", ROBOTS);
    }
    if path.starts_with("/private/") {
        return ok(req, "text/html; charset=utf-8", private_page(path));
    }
    if host == FAULT_HOST {
        if let Some(r) = fault::respond(state, path, req).await {
            return r;
        }
        if let Some(a) = page_id(path).and_then(|id| fault_article(state, id)) {
            let base = state.base(FAULT_HOST);
            let home = format!("{base}/");
            let site = Site {
                name: "Newsroom faults",
                nav: &[],
                home: &home,
            };
            return ok(
                req,
                "text/html; charset=utf-8",
                page(&site, &a, &format!("{base}{path}")),
            );
        }
        return not_found();
    }
    if let Some(h) = site_of(host).filter(|&h| h < state.hosts) {
        return site(state, h, path, req);
    }
    // Any other host: the internal pages `private.xml` links to, which a
    // careful client never fetches.
    if path.starts_with("/a/") {
        return ok(req, "text/html; charset=utf-8", private_page(path));
    }
    not_found()
}

/// The answer to a GET for `path` on site `h`.
fn site(state: &State, h: usize, path: &str, req: &HeaderMap) -> Response<Payload> {
    if let Some(i) = feed_of(path).filter(|&i| i < state.feeds && state.host_of_feed(i) == h) {
        return feed(state, i, req);
    }
    if let Some(id) = page_id(path) {
        let Some((feed, entry)) = state.find(id) else {
            return not_found();
        };
        if state.host_of_feed(feed) != h || !state.has_appeared(&entry) {
            return not_found();
        }
        let article = state.article(&entry);
        let name = state.site_name(h);
        let home = format!("{}/", state.base(&State::host_name(h)));
        let site = Site {
            name: &name,
            nav: state.site_nav(h),
            home: &home,
        };
        let html = page(&site, &article, &state.page_url(h, id));
        return ok(req, "text/html; charset=utf-8", html);
    }
    if path == "/" {
        let mut html = format!(
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>{}</title>\n",
            crate::escape::escape(&state.site_name(h))
        );
        for i in (h..state.feeds).step_by(state.hosts) {
            html.push_str(&format!(
                "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"/feed-{i}.xml\">\n"
            ));
        }
        html.push_str("</head>\n<body><h1>Latest news</h1></body>\n</html>\n");
        return ok(req, "text/html; charset=utf-8", html);
    }
    not_found()
}

/// Feed `i`, or 304 when the request's validators match.
fn feed(state: &State, i: usize, req: &HeaderMap) -> Response<Payload> {
    let rendered = state.rendered_feed(i);
    let fresh = not_modified(req, &rendered.etag, rendered.last_modified);
    let before = state.polled[i].swap(rendered.visible + 1, Ordering::Relaxed);
    if before == rendered.visible + 1 {
        let host = State::host_name(state.host_of_feed(i));
        state.book.unchanged_poll(&host, fresh);
    }
    let mut r = if fresh {
        let mut r = Response::new(Payload::empty());
        *r.status_mut() = StatusCode::NOT_MODIFIED;
        r
    } else if accepts_gzip(req) {
        let mut r = Response::new(Payload::whole(rendered.gzipped()));
        r.headers_mut()
            .insert(CONTENT_ENCODING, "gzip".parse().expect("a valid header"));
        r
    } else {
        Response::new(Payload::whole(rendered.body.clone()))
    };
    let headers = r.headers_mut();
    if !fresh {
        headers.insert(CONTENT_TYPE, RSS.parse().expect("a valid header"));
    }
    if let Ok(v) = rendered.etag.parse() {
        headers.insert(ETAG, v);
    }
    if let Some(v) = rendered
        .last_modified
        .and_then(|t| http_date(t).parse().ok())
    {
        headers.insert(LAST_MODIFIED, v);
    }
    headers.insert(CACHE_CONTROL, "max-age=30".parse().expect("a valid header"));
    headers.insert(VARY, "Accept-Encoding".parse().expect("a valid header"));
    r
}

/// A 200 response with `body`, gzipped when the request accepts it.
pub(crate) fn ok(req: &HeaderMap, content_type: &str, body: impl Into<Bytes>) -> Response<Payload> {
    let body = body.into();
    let gzipped = accepts_gzip(req);
    let mut r = Response::new(Payload::whole(if gzipped { gzip(&body) } else { body }));
    let headers = r.headers_mut();
    if let Ok(v) = content_type.parse() {
        headers.insert(CONTENT_TYPE, v);
    }
    if gzipped {
        headers.insert(CONTENT_ENCODING, "gzip".parse().expect("a valid header"));
    }
    headers.insert(VARY, "Accept-Encoding".parse().expect("a valid header"));
    r
}

/// A plain-text response with `status`.
pub(crate) fn plain(status: StatusCode, text: &'static str) -> Response<Payload> {
    let mut r = Response::new(Payload::whole(text));
    *r.status_mut() = status;
    r.headers_mut().insert(
        CONTENT_TYPE,
        "text/plain; charset=utf-8".parse().expect("a valid header"),
    );
    r
}

fn not_found() -> Response<Payload> {
    plain(StatusCode::NOT_FOUND, "Not found\n")
}

/// A JSON response.
fn json<T: serde::Serialize>(value: &T) -> Response<Payload> {
    let body = serde_json::to_vec(value).unwrap_or_default();
    let mut r = Response::new(Payload::whole(body));
    r.headers_mut().insert(
        CONTENT_TYPE,
        "application/json".parse().expect("a valid header"),
    );
    r
}

/// The request's host name: lower case, without port or trailing dot;
/// `(none)` or `(invalid)` when it has none or a strange one.
fn host_of<B>(req: &Request<B>) -> String {
    let raw = req
        .headers()
        .get(HOST)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
        .or_else(|| req.uri().authority().map(|a| a.as_str().to_string()));
    let Some(raw) = raw else {
        return "(none)".to_string();
    };
    normalise_host(&raw)
}

fn normalise_host(raw: &str) -> String {
    let raw = raw.trim().to_ascii_lowercase();
    let name = if raw.starts_with('[') {
        raw.split_once(']')
            .map_or(raw.as_str(), |(h, _)| h)
            .to_string()
            + "]"
    } else {
        match raw.rsplit_once(':') {
            Some((h, port)) if port.bytes().all(|b| b.is_ascii_digit()) => h.to_string(),
            _ => raw.clone(),
        }
    };
    let name = name.trim_end_matches('.').to_string();
    let valid = !name.is_empty()
        && name.len() <= MAX_HOST
        && name.bytes().all(|b| {
            b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_' | b':' | b'[' | b']')
        });
    if valid { name } else { "(invalid)".to_string() }
}

/// The site number of `host` (`site-{h}.newsroom.test`).
fn site_of(host: &str) -> Option<usize> {
    let h = host
        .strip_suffix(DOMAIN)?
        .strip_suffix('.')?
        .strip_prefix("site-")?;
    canonical_number(h)
}

/// The feed number of `path` (`/feed-{i}.xml`).
fn feed_of(path: &str) -> Option<usize> {
    canonical_number(path.strip_prefix("/feed-")?.strip_suffix(".xml")?)
}

/// The page id of `path` (`/a/{id}.html`).
fn page_id(path: &str) -> Option<&str> {
    let id = path.strip_prefix("/a/")?.strip_suffix(".html")?;
    (!id.is_empty() && id.len() <= 200 && !id.contains('/')).then_some(id)
}

/// A decimal number written without sign or leading zeros.
fn canonical_number(text: &str) -> Option<usize> {
    let n: usize = text.parse().ok()?;
    (n.to_string() == text).then_some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_hosts_and_paths() {
        assert_eq!(
            normalise_host("Site-3.Newsroom.Test:8080"),
            "site-3.newsroom.test"
        );
        assert_eq!(normalise_host("[::1]:80"), "[::1]");
        assert_eq!(normalise_host("a b"), "(invalid)");
        assert_eq!(normalise_host(&"a".repeat(300)), "(invalid)");
        assert_eq!(site_of("site-3.newsroom.test"), Some(3));
        assert_eq!(site_of("site-03.newsroom.test"), None);
        assert_eq!(site_of("site-3.newsroom.testx"), None);
        assert_eq!(feed_of("/feed-12.xml"), Some(12));
        assert_eq!(feed_of("/feed-+1.xml"), None);
        assert_eq!(page_id("/a/court-mayor-1.html"), Some("court-mayor-1"));
        assert_eq!(page_id("/a/.html"), None);
    }
}
