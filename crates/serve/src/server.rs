//! The router: every address the server answers, the limits and headers
//! every answer gets, and the run loop with graceful shutdown.
//!
//! Pages and API answers are rendered on a blocking thread from the
//! catalogue (and, for one story, its stored brief), then cached until the
//! database changes, so a repeated request costs a map lookup.

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::error_handling::HandleErrorLayer;
use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::http::{HeaderValue, Request, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use bytes::Bytes;
use tower::ServiceBuilder;

use crate::app::Cached;
use crate::page::{CSP, escape, layout};
use crate::params::Params;
use crate::{
    App, Library, ServeError, admin, api, entity, export, front, live, openapi, search, story,
};

/// Longest a request may take before it is answered 503.
const REQUEST_TIME: Duration = Duration::from_secs(10);

/// Most requests in progress at once; more are refused with 503 at once
/// rather than queued without bound.
const IN_FLIGHT: usize = 1024;

/// Largest request body accepted (only source management takes one).
const BODY_LIMIT: usize = 16 * 1024;

const HTML: &str = "text/html; charset=utf-8";
const JSON: &str = "application/json";
const CSV: &str = "text/csv; charset=utf-8";
const ATOM: &str = "application/atom+xml; charset=utf-8";

/// The whole app over `app`.
pub fn router(app: Arc<App>) -> Router {
    let mut routes = Router::new();
    if app.admin_token.is_some() {
        routes = routes.route(
            "/api/v1/sources",
            get(sources_list).post(sources_add).delete(sources_remove),
        );
    }
    routes
        .route("/", get(front_page))
        .route("/story/{id}", get(story_page))
        .route("/story/{id}/live", get(story_live))
        .route("/story/{id}/articles.csv", get(story_csv))
        .route("/story/{id}/feed.atom", get(story_atom))
        .route("/entities", get(entities_page))
        .route("/entity/{name}", get(entity_page))
        .route("/search", get(search_page))
        .route("/search.csv", get(search_csv))
        .route("/search.atom", get(search_atom))
        .route("/api/v1/stories", get(api_stories))
        .route("/api/v1/stories/{id}", get(api_story))
        .route("/api/v1/articles", get(api_articles))
        .route("/api/v1/search", get(api_search))
        .route("/api/v1/quotes", get(api_quotes))
        .route("/api/v1/entities", get(api_entities))
        .route("/api/v1/openapi.json", get(api_openapi))
        .route("/assets/style.css", get(style))
        .route("/assets/live.js", get(script))
        .fallback(not_found)
        .layer(
            ServiceBuilder::new()
                .layer(HandleErrorLayer::new(|_: tower::BoxError| async {
                    (StatusCode::SERVICE_UNAVAILABLE, "busy: try again shortly")
                }))
                .load_shed()
                .concurrency_limit(IN_FLIGHT)
                .timeout(REQUEST_TIME),
        )
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(axum::middleware::map_response(headers))
        .with_state(app)
}

/// Serves `app` on `bind` until `shutdown` resolves, then stops taking
/// connections, ends live streams and lets requests in progress finish.
/// `ready` is told the address actually bound (port 0 picks one).
pub async fn serve(
    app: Arc<App>,
    bind: SocketAddr,
    shutdown: impl Future<Output = ()> + Send + 'static,
    ready: impl FnOnce(SocketAddr),
) -> Result<(), ServeError> {
    let listener = tokio::net::TcpListener::bind(bind)
        .await
        .map_err(|e| ServeError::Io(format!("cannot listen on {bind}: {e}")))?;
    let local = listener
        .local_addr()
        .map_err(|e| ServeError::Io(format!("{bind}: {e}")))?;
    ready(local);
    let stopper = app.clone();
    axum::serve(listener, router(app))
        .with_graceful_shutdown(async move {
            shutdown.await;
            stopper.stop();
        })
        .await
        .map_err(|e| ServeError::Io(format!("serving on {local}: {e}")))
}

async fn headers(mut r: Response) -> Response {
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    r
}

fn respond(c: Cached) -> Response {
    Response::builder()
        .header(header::CONTENT_TYPE, c.kind)
        .header(header::CACHE_CONTROL, "no-cache")
        .body(Body::from(c.body))
        .unwrap_or_else(|_| StatusCode::INTERNAL_SERVER_ERROR.into_response())
}

fn failure(e: &ServeError, kind: &'static str) -> Response {
    let status = e.status();
    let msg = e.public_message();
    if status.is_server_error() {
        eprintln!("storyline serve: {e}");
    }
    let body = if kind == JSON {
        serde_json::json!({ "error": msg }).to_string()
    } else if kind == HTML {
        layout(
            status.canonical_reason().unwrap_or("error"),
            "",
            &format!("<h1>{}</h1><p>{}</p>", status.as_u16(), escape(&msg)),
            None,
        )
    } else {
        msg
    };
    let kind = if kind == HTML || kind == JSON {
        kind
    } else {
        "text/plain; charset=utf-8"
    };
    (status, [(header::CONTENT_TYPE, kind)], body).into_response()
}

/// Answers from the cache, or renders with `f` on a blocking thread and
/// caches the result for the catalogue generation it was made from.
async fn cached<F>(app: Arc<App>, key: String, kind: &'static str, f: F) -> Response
where
    F: FnOnce(&App, &Library) -> Result<String, ServeError> + Send + 'static,
{
    if let Some(c) = app.cached(&key) {
        return respond(c);
    }
    let worker = app.clone();
    let done = tokio::task::spawn_blocking(move || {
        let lib = worker.library();
        (lib.generation, f(&worker, &lib))
    })
    .await;
    match done {
        Ok((generation, Ok(body))) => {
            let c = Cached {
                body: Bytes::from(body),
                kind,
            };
            app.keep(key, generation, c.clone());
            respond(c)
        }
        Ok((_, Err(e))) => failure(&e, kind),
        Err(_) => failure(&ServeError::Io("a page failed to render".into()), kind),
    }
}

fn key(r: &Request<Body>) -> String {
    r.uri().to_string()
}

macro_rules! page {
    ($name:ident, $kind:expr, |$app:ident, $lib:ident, $p:ident| $body:expr) => {
        async fn $name(
            State(app): State<Arc<App>>,
            Query(p): Query<Params>,
            r: Request<Body>,
        ) -> Response {
            let k = key(&r);
            cached(app, k, $kind, move |$app, $lib| {
                let $p = p.clean()?;
                let _ = (&$app, &$lib, &$p);
                $body
            })
            .await
        }
    };
    ($name:ident, $kind:expr, id, |$app:ident, $lib:ident, $id:ident, $p:ident| $body:expr) => {
        async fn $name(
            State(app): State<Arc<App>>,
            Path($id): Path<i64>,
            Query(p): Query<Params>,
            r: Request<Body>,
        ) -> Response {
            let k = key(&r);
            cached(app, k, $kind, move |$app, $lib| {
                let $p = p.clean()?;
                let _ = (&$app, &$lib, &$p);
                $body
            })
            .await
        }
    };
}

page!(front_page, HTML, |app, lib, p| front::render(app, lib, &p));
page!(story_page, HTML, id, |app, lib, id, p| story::render(
    app, lib, id, &p
));
page!(story_csv, CSV, id, |app, lib, id, p| export::story_csv(
    lib, id
));
page!(story_atom, ATOM, id, |app, lib, id, p| {
    let line = lib
        .line(id)
        .ok_or_else(|| ServeError::NotFound(format!("no story {id}")))?;
    export::story_atom(lib, id, &line.title)
});
page!(entities_page, HTML, |app, lib, p| entity::list(app));
page!(api_stories, JSON, |app, lib, p| Ok(api::stories(
    app, lib, &p
)?
.to_string()));
page!(api_story, JSON, id, |app, lib, id, p| Ok(api::story(
    app, lib, id
)?
.to_string()));
page!(api_articles, JSON, |app, lib, p| Ok(api::articles(
    lib, &p
)?
.to_string()));
page!(api_quotes, JSON, |app, lib, p| Ok(api::quotes(
    app, lib, &p
)?
.to_string()));
page!(api_entities, JSON, |app, lib, p| Ok(api::entities(
    app, &p
)?
.to_string()));
page!(api_openapi, JSON, |app, lib, p| Ok(
    openapi::document().to_string()
));

/// Search answers: rendered per request (never cached), on a blocking
/// thread.
async fn fresh<F>(app: Arc<App>, kind: &'static str, f: F) -> Response
where
    F: FnOnce(&App, &Library) -> Result<String, ServeError> + Send + 'static,
{
    let Ok(_turn) = app.searching.acquire().await else {
        return failure(&ServeError::Io("shutting down".into()), kind);
    };
    let worker = app.clone();
    let done = tokio::task::spawn_blocking(move || {
        let lib = worker.library();
        f(&worker, &lib)
    })
    .await;
    match done {
        Ok(Ok(body)) => respond(Cached {
            body: Bytes::from(body),
            kind,
        }),
        Ok(Err(e)) => failure(&e, kind),
        Err(_) => failure(&ServeError::Io("a search failed".into()), kind),
    }
}

macro_rules! search_route {
    ($name:ident, $kind:expr, $f:expr) => {
        async fn $name(State(app): State<Arc<App>>, Query(p): Query<Params>) -> Response {
            fresh(app, $kind, move |app, lib| $f(app, lib, &p.clean()?)).await
        }
    };
}

search_route!(search_page, HTML, search::page);
search_route!(search_csv, CSV, search::csv);
search_route!(search_atom, ATOM, search::atom_feed);
search_route!(api_search, JSON, |app, lib, p| Ok::<_, ServeError>(
    search::api(app, lib, p)?.to_string()
));

async fn entity_page(
    State(app): State<Arc<App>>,
    Path(name): Path<String>,
    r: Request<Body>,
) -> Response {
    if name.len() > 200 {
        return failure(
            &ServeError::BadRequest("name: longer than 200 bytes".into()),
            HTML,
        );
    }
    let k = key(&r);
    cached(app, k, HTML, move |app, lib| {
        entity::render(app, lib, &name)
    })
    .await
}

/// Runs an admin request on a blocking thread once its token checks out;
/// never cached.
async fn admin<F>(app: Arc<App>, auth: Option<String>, f: F) -> Response
where
    F: FnOnce(&App) -> Result<serde_json::Value, ServeError> + Send + 'static,
{
    if !admin::authorized(&app, auth.as_deref()) {
        return failure(&ServeError::Unauthorized, JSON);
    }
    let done = tokio::task::spawn_blocking(move || f(&app)).await;
    match done {
        Ok(Ok(v)) => ([(header::CONTENT_TYPE, JSON)], v.to_string()).into_response(),
        Ok(Err(e)) => failure(&e, JSON),
        Err(_) => failure(&ServeError::Io("a request failed".into()), JSON),
    }
}

fn bearer(h: &axum::http::HeaderMap) -> Option<String> {
    h.get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
}

async fn sources_list(State(app): State<Arc<App>>, h: axum::http::HeaderMap) -> Response {
    admin(app, bearer(&h), admin::list).await
}

async fn sources_add(
    State(app): State<Arc<App>>,
    h: axum::http::HeaderMap,
    body: Bytes,
) -> Response {
    let auth = bearer(&h);
    admin(app, auth, move |app| {
        let new: admin::NewSource = serde_json::from_slice(&body).map_err(|e| {
            ServeError::BadRequest(format!(
                "body: not {{\"url\": ..., \"kind\": ...}} JSON: {e}"
            ))
        })?;
        admin::add(app, &new)
    })
    .await
}

async fn sources_remove(
    State(app): State<Arc<App>>,
    h: axum::http::HeaderMap,
    Query(p): Query<Params>,
) -> Response {
    let auth = bearer(&h);
    admin(app, auth, move |app| {
        let url = p
            .url
            .ok_or_else(|| ServeError::BadRequest("url: missing".into()))?;
        admin::remove(app, &url)
    })
    .await
}

async fn story_live(State(app): State<Arc<App>>, Path(id): Path<i64>) -> Response {
    if app.library().line(id).is_none() {
        return failure(
            &ServeError::NotFound(format!("no story {id}")),
            "text/plain",
        );
    }
    live::stream(app, id).into_response()
}

async fn style() -> Response {
    static CSS: std::sync::OnceLock<Bytes> = std::sync::OnceLock::new();
    respond(Cached {
        body: CSS
            .get_or_init(|| Bytes::from(crate::page::stylesheet()))
            .clone(),
        kind: "text/css; charset=utf-8",
    })
}

async fn script() -> Response {
    respond(Cached {
        body: Bytes::from_static(include_bytes!("../assets/live.js")),
        kind: "text/javascript; charset=utf-8",
    })
}

async fn not_found(r: Request<Body>) -> Response {
    let kind = if r.uri().path().starts_with("/api/") {
        JSON
    } else {
        HTML
    };
    failure(&ServeError::NotFound("nothing here".into()), kind)
}
