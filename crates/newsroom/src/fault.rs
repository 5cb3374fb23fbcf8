//! The faults: feed URLs on `faults.newsroom.test` that misbehave in the
//! ways real feeds do, so a client's defences can be tested.

use std::sync::atomic::Ordering;
use std::time::Duration;

use bytes::Bytes;
use hyper::header::{CONTENT_ENCODING, CONTENT_TYPE, ETAG, LOCATION, RETRY_AFTER};
use hyper::{HeaderMap, Response, StatusCode};

use crate::article::Article;
use crate::feed::{Channel, rss};
use crate::page::page;
use crate::payload::Payload;
use crate::server::{RSS, ok, plain};
use crate::state::{FAULT_HOST, State};

/// Every fault, by name; each is served at `/{name}.xml`.
pub const FAULTS: &[&str] = &[
    "slow",
    "hang",
    "429",
    "503",
    "500",
    "loop",
    "bomb",
    "huge",
    "wrong-type",
    "html",
    "invalid",
    "etag-churn",
    "private",
    "robots",
];

/// How long `slow.xml` takes to answer.
pub const SLOW: Duration = Duration::from_secs(5);
/// The size of `huge.xml`'s body.
pub const HUGE: u64 = 200_000_000;
/// Items in a fault feed.
const FAULT_ITEMS: usize = 3;
/// Serial numbers of fault feeds' synthetic articles start here, far above
/// any schedule's.
const FAULT_SERIAL: u64 = 1_000_000_000;

/// The id of fault feed `name`'s item `j`.
fn item_id(name: &str, j: usize) -> String {
    format!("fault-{name}-{j}")
}

/// The article of a fault feed's item `id`, if `id` names one.
pub(crate) fn fault_article(state: &State, id: &str) -> Option<Article> {
    let rest = id.strip_prefix("fault-")?;
    let (name, j) = rest.rsplit_once('-')?;
    let f = FAULTS.iter().position(|&n| n == name)?;
    let j: usize = j.parse().ok()?;
    if j >= FAULT_ITEMS || item_id(name, j) != id {
        return None;
    }
    let k = FAULT_SERIAL + (f * FAULT_ITEMS + j) as u64;
    let mut a = state
        .rewriter
        .article(&state.corpus, k, state.clock.sim_at(Duration::ZERO));
    a.id = id.to_string();
    a.story = format!("fault-{name}");
    Some(a)
}

/// Fault feed `name`'s XML: a few valid items whose links are the fault
/// host's pages, or for `private` and `robots` links a client must not follow.
fn fault_feed(state: &State, name: &str) -> String {
    let base = state.base(FAULT_HOST);
    let links: Vec<String> = match name {
        "private" => vec![
            format!("http://127.0.0.1:{}/a/x.html", state.port),
            "http://169.254.169.254/latest/meta-data/".to_string(),
            "http://10.0.0.1/".to_string(),
            format!("http://internal.newsroom.test:{}/a/y.html", state.port),
        ],
        "robots" => (0..FAULT_ITEMS)
            .map(|j| format!("{base}/private/a/{}.html", item_id(name, j)))
            .collect(),
        _ => (0..FAULT_ITEMS)
            .map(|j| format!("{base}/a/{}.html", item_id(name, j)))
            .collect(),
    };
    let items: Vec<(Article, String)> = links
        .into_iter()
        .enumerate()
        .filter_map(|(j, link)| {
            fault_article(state, &item_id(name, j % FAULT_ITEMS)).map(|a| (a, link))
        })
        .collect();
    let title = format!("Fault: {name}");
    let home = format!("{base}/");
    rss(
        &Channel {
            title: &title,
            link: &home,
            full_text: false,
        },
        &items,
    )
}

/// The answer to `GET /{name}.xml` on the fault host; `None` for an
/// unknown name.
pub(crate) async fn respond(
    state: &State,
    path: &str,
    req: &HeaderMap,
) -> Option<Response<Payload>> {
    let name = path.strip_prefix('/')?.strip_suffix(".xml")?;
    let base = state.base(FAULT_HOST);
    let response = match name {
        "slow" => {
            tokio::time::sleep(SLOW).await;
            ok(req, RSS, fault_feed(state, name))
        }
        "hang" => {
            // Never answers; the connection stays open until the client
            // gives up or the newsroom stops.
            std::future::pending::<()>().await;
            return None;
        }
        "429" => {
            let mut r = plain(StatusCode::TOO_MANY_REQUESTS, "Too many requests\n");
            r.headers_mut().insert(RETRY_AFTER, "120".parse().ok()?);
            r
        }
        "503" => {
            let mut r = plain(StatusCode::SERVICE_UNAVAILABLE, "Service unavailable\n");
            r.headers_mut().insert(RETRY_AFTER, "30".parse().ok()?);
            r
        }
        "500" => plain(StatusCode::INTERNAL_SERVER_ERROR, "Internal server error\n"),
        "loop" | "loop-b" => {
            let to = if name == "loop" { "loop-b" } else { "loop" };
            let mut r = plain(StatusCode::FOUND, "Moved\n");
            r.headers_mut()
                .insert(LOCATION, format!("{base}/{to}.xml").parse().ok()?);
            r
        }
        "bomb" => {
            let mut r = Response::new(Payload::bomb());
            r.headers_mut().insert(CONTENT_TYPE, RSS.parse().ok()?);
            r.headers_mut()
                .insert(CONTENT_ENCODING, "gzip".parse().ok()?);
            r
        }
        "huge" => {
            let head = Bytes::from(format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\">\n<channel>\n\
                 <title>Fault: huge</title>\n<link>{base}/</link>\n<description>Never ends</description>\n"
            ));
            let filler = b"<item><title>Filler</title><description>Padding that goes on and on.</description></item>\n";
            let mut r = Response::new(Payload::repeat(head, filler, HUGE));
            r.headers_mut().insert(CONTENT_TYPE, RSS.parse().ok()?);
            r
        }
        "wrong-type" => ok(req, "image/png", fault_feed(state, name)),
        "html" => {
            let a = fault_article(state, &item_id(name, 0))?;
            let nav = Vec::new();
            let home = format!("{base}/");
            let site = crate::page::Site {
                name: "Fault: html",
                nav: &nav,
                home: &home,
            };
            ok(
                req,
                "text/html; charset=utf-8",
                page(&site, &a, &format!("{base}/html.xml")),
            )
        }
        "invalid" => ok(
            req,
            RSS,
            format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\">\n<channel>\n\
                 <title>Fault: invalid & broken</title>\n<item><title>An <b>unclosed title</title>\n\
                 <link>{base}/a/{}.html</link>\n<description>Cut off &nbsp; here",
                item_id(name, 0)
            ),
        ),
        "etag-churn" => {
            let mut r = ok(req, RSS, fault_feed(state, name));
            let n = state.churn.fetch_add(1, Ordering::Relaxed);
            r.headers_mut()
                .insert(ETAG, format!("\"churn-{n}\"").parse().ok()?);
            r
        }
        "private" | "robots" => ok(req, RSS, fault_feed(state, name)),
        _ => return None,
    };
    Some(response)
}

/// The URLs of all faults, by name.
pub(crate) fn fault_urls(state: &State) -> Vec<(String, String)> {
    FAULTS
        .iter()
        .map(|n| (n.to_string(), format!("{}/{n}.xml", state.base(FAULT_HOST))))
        .collect()
}
