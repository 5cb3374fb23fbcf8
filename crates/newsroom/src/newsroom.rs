//! The newsroom: starts the server on the current tokio runtime and answers
//! questions about what it publishes and what it saw.

use std::convert::Infallible;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::atomic::{AtomicU64, AtomicUsize};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::{TokioIo, TokioTimer};
use jiff::{SignedDuration, Timestamp};
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::clock::{Clock, FOREVER};
use crate::corpus::Corpus;
use crate::error::NewsroomError;
use crate::fault::fault_urls;
use crate::item::Item;
use crate::options::{MAX_FEEDS, MAX_SYNTHETIC, Options};
use crate::schedule::Schedule;
use crate::server::handle;
use crate::state::State;
use crate::stats::{Book, Stats};
use crate::synthetic::Rewriter;

/// The fastest simulated clock, in simulated seconds per real second.
const MAX_SPEED: f64 = 1e9;
/// How long a connection may take to send its request headers.
const HEADER_TIMEOUT: Duration = Duration::from_secs(30);

/// A running newsroom simulator, listening on 127.0.0.1.
#[derive(Debug)]
pub struct Newsroom {
    state: Arc<State>,
    addr: SocketAddr,
    shutdown: watch::Sender<bool>,
    server: JoinHandle<()>,
}

impl Newsroom {
    /// Loads the corpus, schedules the items and starts serving on the
    /// current tokio runtime.
    pub async fn start(options: Options) -> Result<Newsroom, NewsroomError> {
        let mut options = options;
        if options.hosts == 0 {
            options.hosts = options.feeds;
        }
        validate(&options)?;
        let corpus = Corpus::load(&options.corpus)?;
        let sim_start = match options.start {
            Some(s) => s,
            None => corpus.articles[0]
                .article
                .published
                .checked_sub(SignedDuration::from_secs(60))
                .unwrap_or(Timestamp::MIN),
        };
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, options.port))
            .await
            .map_err(|source| NewsroomError::Bind {
                port: options.port,
                source,
            })?;
        let addr = listener
            .local_addr()
            .map_err(|source| NewsroomError::Bind {
                port: options.port,
                source,
            })?;
        let clock = Clock::new(sim_start, options.speed);
        let schedule = Schedule::new(&corpus, &clock, options.feeds, options.synthetic);
        let state = Arc::new(State {
            port: addr.port(),
            rewriter: Rewriter::new(&corpus),
            corpus,
            schedule,
            clock,
            feeds: options.feeds,
            hosts: options.hosts,
            cache: (0..options.feeds).map(|_| Mutex::new(None)).collect(),
            polled: (0..options.feeds).map(|_| AtomicUsize::new(0)).collect(),
            book: Arc::new(Book::default()),
            churn: AtomicU64::new(0),
        });
        let (shutdown, watcher) = watch::channel(false);
        let server = tokio::spawn(serve(listener, Arc::clone(&state), watcher));
        Ok(Newsroom {
            state,
            addr,
            shutdown,
            server,
        })
    }

    /// The listening address (127.0.0.1 and the port).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The number of feeds.
    pub fn feeds(&self) -> usize {
        self.state.feeds
    }

    /// Every feed's URL, feed `i` at index `i`
    /// (`http://site-{i % hosts}.newsroom.test:{port}/feed-{i}.xml`).
    pub fn feed_urls(&self) -> Vec<String> {
        (0..self.state.feeds)
            .map(|i| self.state.feed_url(i))
            .collect()
    }

    /// Every fault's name and URL (`http://faults.newsroom.test:{port}/{name}.xml`).
    pub fn fault_urls(&self) -> Vec<(String, String)> {
        fault_urls(&self.state)
    }

    /// What the newsroom counted so far.
    pub fn stats(&self) -> Stats {
        self.state.book.snapshot()
    }

    /// Every item that has appeared in its feed so far, in order of appearance.
    pub fn items(&self) -> Vec<Item> {
        self.state.items()
    }

    /// The simulated time now.
    pub fn now(&self) -> Timestamp {
        self.state.sim_now()
    }

    /// An OPML 2.0 document listing every feed (for `storyline sources import`).
    pub fn opml(&self) -> String {
        let feeds: Vec<(String, String)> = (0..self.state.feeds)
            .map(|i| (self.state.feed_title(i), self.state.feed_url(i)))
            .collect();
        crate::opml::opml("Newsroom simulator", &feeds)
    }

    /// Stops serving: closes the listener and every open connection.
    pub async fn stop(self) {
        let Newsroom {
            shutdown, server, ..
        } = self;
        let _ = shutdown.send(true);
        let _ = server.await;
    }
}

/// Checks the options before anything starts.
fn validate(o: &Options) -> Result<(), NewsroomError> {
    let bad = |option, reason: String| Err(NewsroomError::Option { option, reason });
    if o.feeds == 0 || o.feeds > MAX_FEEDS {
        return bad(
            "feeds",
            format!("{} is not between 1 and {MAX_FEEDS}", o.feeds),
        );
    }
    if o.hosts == 0 || o.hosts > o.feeds {
        return bad(
            "hosts",
            format!("{} is not between 1 and feeds ({})", o.hosts, o.feeds),
        );
    }
    if !(o.speed.is_finite() && o.speed > 0.0 && o.speed <= MAX_SPEED) {
        return bad(
            "speed",
            format!("{} is not above 0 and at most {MAX_SPEED}", o.speed),
        );
    }
    if let Some(s) = o.synthetic {
        if s.articles > MAX_SYNTHETIC {
            return bad(
                "synthetic",
                format!("{} articles is more than {MAX_SYNTHETIC}", s.articles),
            );
        }
        if s.articles > 0 && (s.over.is_zero() || s.over > FOREVER) {
            return bad(
                "synthetic",
                format!("period {:?} is not between 0 and 100 years", s.over),
            );
        }
    }
    Ok(())
}

/// Accepts connections until told to stop.
async fn serve(listener: TcpListener, state: Arc<State>, mut shutdown: watch::Receiver<bool>) {
    loop {
        let accepted = tokio::select! {
            _ = shutdown.changed() => break,
            accepted = listener.accept() => accepted,
        };
        let Ok((stream, _)) = accepted else {
            // Out of file descriptors, most likely: let some close.
            tokio::time::sleep(Duration::from_millis(20)).await;
            continue;
        };
        let _ = stream.set_nodelay(true);
        let state = Arc::clone(&state);
        let mut shutdown = shutdown.clone();
        tokio::spawn(async move {
            let service = service_fn(move |req| {
                let state = Arc::clone(&state);
                async move { Ok::<_, Infallible>(handle(state, req).await) }
            });
            let conn = http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(HEADER_TIMEOUT)
                .serve_connection(TokioIo::new(stream), service);
            tokio::select! {
                _ = conn => {}
                _ = shutdown.changed() => {}
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;
    use crate::client::{get, get_capped, get_within};
    use crate::options::Synthetic;

    /// A newsroom whose simulated clock is past the whole corpus.
    async fn settled(feeds: usize, hosts: usize) -> Newsroom {
        Newsroom::start(Options {
            feeds,
            hosts,
            start: Some("2026-01-01T00:00:00Z".parse().unwrap()),
            ..Options::default()
        })
        .await
        .unwrap()
    }

    fn gunzip(bytes: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(bytes)
            .read_to_end(&mut out)
            .unwrap();
        out
    }

    fn items_in(xml: &str) -> usize {
        xml.matches("<item>").count()
    }

    #[tokio::test]
    async fn items_appear_over_simulated_time() {
        // Five simulated days a second: the corpus spans ten weeks.
        let n = Newsroom::start(Options {
            speed: 432_000.0,
            ..Options::default()
        })
        .await
        .unwrap();
        let early = n.items().len();
        assert!(early < 5, "{early} items at once");
        tokio::time::sleep(Duration::from_millis(1_500)).await;
        let before = n.items();
        let mut xml_counts = Vec::new();
        for (i, url) in n.feed_urls().iter().enumerate() {
            let host = url.split('/').nth(2).unwrap().split(':').next().unwrap();
            let r = get(n.addr(), host, &format!("/feed-{i}.xml"), &[]).await;
            assert_eq!(r.status, 200, "{url}");
            xml_counts.push(items_in(&r.text()));
        }
        let after = n.items();
        assert!(
            before.len() > early && after.len() < 53,
            "{early} {} {}",
            before.len(),
            after.len()
        );
        for (i, &count) in xml_counts.iter().enumerate() {
            let lo = before.iter().filter(|it| it.feed == i).count();
            let hi = after.iter().filter(|it| it.feed == i).count();
            assert!(
                (lo..=hi).contains(&count),
                "feed {i}: {count} not in {lo}..={hi}"
            );
        }
        let now = n.now();
        assert!(after.iter().all(|it| it.published <= now));
        assert!(after.windows(2).all(|w| w[0].appeared <= w[1].appeared));
        let json = get(n.addr(), "site-0.newsroom.test", "/_items", &[]).await;
        let listed: Vec<serde_json::Value> = serde_json::from_slice(&json.body).unwrap();
        assert!(listed.len() >= after.len());
        assert!(listed[0]["appeared"].as_str().unwrap().ends_with('Z'));
        assert_eq!(listed[0]["url"], after[0].url);
        n.stop().await;

        // A hundred days a second: everything is out within a second.
        let n = Newsroom::start(Options {
            speed: 8_640_000.0,
            ..Options::default()
        })
        .await
        .unwrap();
        tokio::time::sleep(Duration::from_millis(900)).await;
        let items = n.items();
        assert_eq!(items.len(), 53);
        assert_eq!(items.iter().filter(|it| it.feed == 0).count(), 7);
        assert!(items.windows(2).all(|w| w[0].published <= w[1].published));
        let first = &items[0];
        assert_eq!(first.id, "quake-kessel-1");
        assert_eq!(first.story, "quake-kessel");
        assert!(first.url.ends_with("/a/quake-kessel-1.html"));
        n.stop().await;
    }

    #[tokio::test]
    async fn conditional_get_answers_304() {
        let n = settled(8, 8).await;
        let (a, host) = (n.addr(), "site-0.newsroom.test");
        let r = get(a, host, "/feed-0.xml", &[]).await;
        assert_eq!(r.status, 200);
        assert_eq!(items_in(&r.text()), 7);
        assert!(!r.text().contains("<ttl>"));
        assert!(r.header("content-type").starts_with("application/rss+xml"));
        assert_eq!(r.header("cache-control"), "max-age=30");
        let etag = r.header("etag").to_string();
        let modified = r.header("last-modified").to_string();
        assert!(
            etag.starts_with('"') && modified.ends_with("GMT"),
            "{etag} {modified}"
        );

        let r = get(a, host, "/feed-0.xml", &[("if-none-match", &etag)]).await;
        assert_eq!((r.status, r.body.len()), (304, 0));
        assert_eq!(r.header("etag"), etag);
        let r = get(a, host, "/feed-0.xml", &[("if-modified-since", &modified)]).await;
        assert_eq!(r.status, 304);
        let r = get(a, host, "/feed-0.xml", &[("if-none-match", "\"stale\"")]).await;
        assert_eq!(r.status, 200);
        let old = "Mon, 01 Jan 2024 00:00:00 GMT";
        let r = get(a, host, "/feed-0.xml", &[("if-modified-since", old)]).await;
        assert_eq!(r.status, 200);
        // Another feed has another validator.
        let r = get(a, "site-1.newsroom.test", "/feed-1.xml", &[]).await;
        assert_ne!(r.header("etag"), etag);

        let s = n.stats();
        let site0 = &s.hosts["site-0.newsroom.test"];
        assert_eq!(site0.requests, 5);
        assert_eq!(site0.statuses[&200], 3);
        assert_eq!(site0.statuses[&304], 2);
        // Every poll after the first found the feed unchanged; two of
        // those four were answered 304.
        assert_eq!((site0.unchanged_polls, site0.unchanged_304), (4, 2));
        assert_eq!(s.hosts["site-1.newsroom.test"].requests, 1);
        assert_eq!(s.total.requests, 6);
        n.stop().await;
    }

    #[tokio::test]
    async fn gzip_feeds_and_pages_on_request() {
        let n = settled(8, 8).await;
        let (a, host) = (n.addr(), "site-4.newsroom.test");
        let plain = get(a, host, "/feed-4.xml", &[]).await;
        assert_eq!(plain.header("content-encoding"), "");
        let zipped = get(a, host, "/feed-4.xml", &[("accept-encoding", "gzip, br")]).await;
        assert_eq!(zipped.header("content-encoding"), "gzip");
        assert!(zipped.body.len() < plain.body.len());
        assert_eq!(gunzip(&zipped.body), plain.body);
        assert_eq!(zipped.header("etag"), plain.header("etag"));
        // Feed 4 carries full text; feed 0 only summaries.
        assert!(plain.text().contains("<content:encoded>"));
        let summary = get(a, "site-0.newsroom.test", "/feed-0.xml", &[]).await;
        assert!(!summary.text().contains("<content:encoded>"));

        let page = get(
            a,
            "site-0.newsroom.test",
            "/a/court-mayor-1.html",
            &[("accept-encoding", "gzip")],
        )
        .await;
        assert_eq!(
            (page.status, page.header("content-encoding")),
            (200, "gzip")
        );
        let html = String::from_utf8(gunzip(&page.body)).unwrap();
        assert!(html.contains("og:title"), "{html}");
        n.stop().await;
    }

    #[tokio::test]
    async fn pages_are_served_on_their_host_once_published() {
        let n = settled(8, 8).await;
        let a = n.addr();
        let r = get(a, "site-0.newsroom.test", "/a/court-mayor-1.html", &[]).await;
        assert_eq!(r.status, 200);
        let html = r.text();
        for needle in [
            "<html lang=\"en\">",
            "<meta property=\"og:title\" content=\"Former mayor Drummond goes on trial over harbour dredging contract\">",
            "<meta property=\"article:published_time\" content=\"2025-11-12T17:00:00Z\">",
            "\"@type\":\"NewsArticle\"",
            "\"publisher\":{\"@type\":\"Organization\",\"name\":\"The Harbour Gazette\"}",
            "<nav>",
            "<footer>",
            "<p>Former Greyhaven mayor Victor Drummond pleaded not guilty",
        ] {
            assert!(html.contains(needle), "{needle} missing from\n{html}");
        }
        assert_eq!(
            get(a, "site-1.newsroom.test", "/a/court-mayor-1.html", &[])
                .await
                .status,
            404
        );
        assert_eq!(
            get(a, "site-0.newsroom.test", "/a/nothing.html", &[])
                .await
                .status,
            404
        );
        assert_eq!(
            get(a, "site-1.newsroom.test", "/feed-0.xml", &[])
                .await
                .status,
            404
        );
        assert_eq!(
            get(a, "site-9.newsroom.test", "/feed-9.xml", &[])
                .await
                .status,
            404
        );
        let robots = get(a, "site-3.newsroom.test", "/robots.txt", &[]).await;
        assert_eq!(robots.text(), "User-agent: *\nDisallow: /private/\n");
        n.stop().await;

        // Not yet published: no page.
        let n = Newsroom::start(Options::default()).await.unwrap();
        let r = get(
            n.addr(),
            "site-0.newsroom.test",
            "/a/court-mayor-6.html",
            &[],
        )
        .await;
        assert_eq!(r.status, 404);
        n.stop().await;
    }

    #[tokio::test]
    async fn quick_faults_behave() {
        let n = settled(8, 8).await;
        let a = n.addr();
        let urls = n.fault_urls();
        assert_eq!(urls.len(), crate::FAULTS.len());
        assert!(
            urls.iter().all(|(name, url)| url
                == &format!("http://faults.newsroom.test:{}/{name}.xml", a.port()))
        );
        let f = crate::FAULT_HOST;

        let r = get(a, f, "/429.xml", &[]).await;
        assert_eq!((r.status, r.header("retry-after")), (429, "120"));
        let r = get(a, f, "/503.xml", &[]).await;
        assert_eq!((r.status, r.header("retry-after")), (503, "30"));
        assert_eq!(get(a, f, "/500.xml", &[]).await.status, 500);

        let r = get(a, f, "/loop.xml", &[]).await;
        assert_eq!(r.status, 302);
        assert_eq!(
            r.header("location"),
            format!("http://{f}:{}/loop-b.xml", a.port())
        );
        let r = get(a, f, "/loop-b.xml", &[]).await;
        assert_eq!(
            r.header("location"),
            format!("http://{f}:{}/loop.xml", a.port())
        );

        let r = get(a, f, "/wrong-type.xml", &[]).await;
        assert_eq!((r.status, r.header("content-type")), (200, "image/png"));
        assert!(r.text().contains("<rss version=\"2.0\""));
        let r = get(a, f, "/html.xml", &[]).await;
        assert!(r.header("content-type").starts_with("text/html"));
        assert!(r.text().starts_with("<!DOCTYPE html>"));
        let r = get(a, f, "/invalid.xml", &[]).await;
        assert_eq!(r.status, 200);
        assert!(r.text().starts_with("<?xml") && !r.text().contains("</rss>"));

        let one = get(a, f, "/etag-churn.xml", &[]).await;
        let two = get(
            a,
            f,
            "/etag-churn.xml",
            &[("if-none-match", one.header("etag"))],
        )
        .await;
        assert_eq!(two.status, 200);
        assert_ne!(one.header("etag"), two.header("etag"));
        assert_eq!(one.body, two.body);
        assert_eq!(one.header("last-modified"), "");
        assert_eq!(items_in(&one.text()), 3);
        // Fault feeds' pages exist.
        let link = one
            .text()
            .split("<link>")
            .nth(2)
            .unwrap()
            .split("</link>")
            .next()
            .unwrap()
            .to_string();
        let path = link.split(&format!("{}", a.port())).nth(1).unwrap();
        assert_eq!(get(a, f, path, &[]).await.status, 200, "{link}");

        let r = get(a, f, "/private.xml", &[]).await;
        let xml = r.text();
        for link in [
            format!("http://127.0.0.1:{}/a/x.html", a.port()),
            "http://169.254.169.254/latest/meta-data/".to_string(),
            "http://10.0.0.1/".to_string(),
            format!("http://internal.newsroom.test:{}/a/y.html", a.port()),
        ] {
            assert!(xml.contains(&format!("<link>{link}</link>")), "{link}");
        }
        assert_eq!(items_in(&xml), 4);
        // The internal pages answer, so a client that fetches them shows in the stats.
        assert_eq!(
            get(a, "internal.newsroom.test", "/a/y.html", &[])
                .await
                .status,
            200
        );
        assert_eq!(get(a, "127.0.0.1", "/a/x.html", &[]).await.status, 200);

        let r = get(a, f, "/robots.xml", &[]).await;
        assert!(r.text().contains(&format!(
            "http://{f}:{}/private/a/fault-robots-0.html",
            a.port()
        )));
        assert_eq!(
            get(a, f, "/robots.txt", &[]).await.text(),
            "User-agent: *\nDisallow: /private/\n"
        );
        assert_eq!(
            get(a, f, "/private/a/fault-robots-0.html", &[])
                .await
                .status,
            200
        );
        assert_eq!(get(a, f, "/nope.xml", &[]).await.status, 404);

        let s = n.stats();
        assert!(s.hosts[f].requests >= 15);
        assert_eq!(s.hosts[f].statuses[&302], 2);
        assert_eq!(s.hosts["internal.newsroom.test"].requests, 1);
        assert_eq!(s.hosts["127.0.0.1"].requests, 1);
        n.stop().await;
    }

    #[tokio::test]
    async fn slow_and_hanging_faults() {
        let n = settled(8, 8).await;
        let (a, f) = (n.addr(), crate::FAULT_HOST);
        let hang = get_within(Duration::from_millis(500), a, f, "/hang.xml").await;
        assert!(hang.is_none(), "hang.xml answered");
        let s = n.stats();
        assert_eq!(s.hosts[f].requests, 1);
        assert!(s.hosts[f].statuses.is_empty());

        let started = std::time::Instant::now();
        assert!(
            get_within(Duration::from_secs(1), a, f, "/slow.xml")
                .await
                .is_none()
        );
        let r = get(a, f, "/slow.xml", &[]).await;
        assert!(started.elapsed() >= Duration::from_secs(5));
        assert_eq!(r.status, 200);
        assert!(r.text().contains("</rss>"));
        n.stop().await;
    }

    #[tokio::test]
    async fn bomb_and_huge_bodies_stream() {
        let n = settled(8, 8).await;
        let (a, f) = (n.addr(), crate::FAULT_HOST);
        let r = get_capped(a, f, "/bomb.xml", &[], 256 * 1024).await;
        assert_eq!((r.status, r.header("content-encoding")), (200, "gzip"));
        assert_eq!(r.header("content-length"), "");
        assert!(r.capped);
        // 256 KiB of it inflate to far more than a megabyte per kilobyte sent.
        let mut zeros = vec![0u8; 1 << 20];
        let mut decoder = flate2::read::GzDecoder::new(&r.body[..]);
        let mut inflated = 0usize;
        while inflated < 100 << 20 {
            match decoder.read(&mut zeros) {
                Ok(0) | Err(_) => break,
                Ok(k) => inflated += k,
            }
        }
        assert!(inflated >= 100 << 20, "{inflated}");

        let r = get_capped(a, f, "/huge.xml", &[], 1 << 20).await;
        assert_eq!(r.status, 200);
        assert!(r.capped);
        assert_eq!(r.header("content-length"), "");
        assert!(r.text().starts_with("<?xml"));
        // The server stops sending once the client goes away.
        let mut s = n.stats();
        for _ in 0..50 {
            if s.hosts[f].in_flight == 0 {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
            s = n.stats();
        }
        // The server stopped sending once the client went away.
        assert!(
            s.hosts[f].bytes_sent < 64 << 20,
            "{}",
            s.hosts[f].bytes_sent
        );
        assert_eq!(s.hosts[f].in_flight, 0);
        n.stop().await;
    }

    #[tokio::test]
    async fn stats_count_per_host_and_serve_json() {
        let n = settled(4, 2).await;
        let a = n.addr();
        // Feeds 0 and 2 share host 0.
        assert_eq!(
            n.feed_urls()[2],
            format!("http://site-0.newsroom.test:{}/feed-2.xml", a.port())
        );
        for path in ["/feed-0.xml", "/feed-2.xml", "/feed-0.xml"] {
            assert_eq!(get(a, "site-0.newsroom.test", path, &[]).await.status, 200);
        }
        assert_eq!(
            get(a, "site-1.newsroom.test", "/feed-1.xml", &[])
                .await
                .status,
            200
        );
        assert_eq!(
            get(a, "site-1.newsroom.test", "/feed-2.xml", &[])
                .await
                .status,
            404
        );
        let r = get(a, "site-1.newsroom.test", "/_stats", &[]).await;
        let json: serde_json::Value = serde_json::from_slice(&r.body).unwrap();
        let site0 = &json["hosts"]["site-0.newsroom.test"];
        assert_eq!(site0["requests"], 3);
        assert_eq!(site0["statuses"]["200"], 3);
        assert!(site0["min_gap_ms"].as_f64().unwrap() >= 0.0);
        assert!(site0["max_per_second"].as_u64().unwrap() >= 1);
        assert!(site0["bytes_sent"].as_u64().unwrap() > 1000);
        assert_eq!(json["hosts"]["site-1.newsroom.test"]["statuses"]["404"], 1);
        assert_eq!(json["total"]["requests"], 5);
        let s = n.stats();
        assert_eq!(s.total.requests, 5, "_stats itself is not counted");
        assert_eq!(s.hosts["site-0.newsroom.test"].max_per_second, 3);
        assert!(s.total.max_in_flight >= 1);
        n.stop().await;
    }

    #[tokio::test]
    async fn synthetic_articles_spread_over_the_period() {
        let n = Newsroom::start(Options {
            feeds: 10,
            hosts: 5,
            start: Some("2026-01-01T00:00:00Z".parse().unwrap()),
            speed: 60.0,
            synthetic: Some(Synthetic {
                articles: 40,
                over: Duration::from_secs(2),
            }),
            ..Options::default()
        })
        .await
        .unwrap();
        let a = n.addr();
        assert_eq!(n.items().len(), 53);
        tokio::time::sleep(Duration::from_millis(1_020)).await;
        let mid = n.items().len() - 53;
        assert!((15..40).contains(&mid), "{mid} synthetic after a second");
        tokio::time::sleep(Duration::from_millis(1_100)).await;
        let items = n.items();
        let synthetic: Vec<&Item> = items
            .iter()
            .filter(|it| it.id.starts_with("syn-"))
            .collect();
        assert_eq!(synthetic.len(), 40);
        for w in synthetic.windows(2) {
            let gap = w[1].appeared.duration_since(w[0].appeared).as_secs_f64();
            assert!((0.045..0.055).contains(&gap), "gap {gap}");
        }
        // Round-robin over the feeds, published on the simulated clock.
        assert!(
            synthetic
                .iter()
                .all(|it| it.feed == it.id[4..].parse::<usize>().unwrap() % 10)
        );
        assert!(
            synthetic
                .iter()
                .all(|it| it.published > "2026-01-01T00:00:00Z".parse().unwrap())
        );
        assert!(synthetic[0].story.starts_with("synthetic-0-"));

        // Feed 9 (full text) lists its four synthetic items, newest first.
        let r = get(a, "site-4.newsroom.test", "/feed-9.xml", &[]).await;
        let xml = r.text();
        assert_eq!(items_in(&xml), 4);
        assert_eq!(xml.matches("<content:encoded>").count(), 4);
        assert!(xml.find("/a/syn-39.html").unwrap() < xml.find("/a/syn-9.html").unwrap());
        let page = get(a, "site-4.newsroom.test", "/a/syn-39.html", &[]).await;
        assert_eq!(page.status, 200);
        assert!(page.text().contains("reference NR-0000039"));
        assert_eq!(
            get(a, "site-3.newsroom.test", "/a/syn-39.html", &[])
                .await
                .status,
            404
        );
        n.stop().await;
    }

    #[tokio::test]
    async fn opml_lists_every_feed() {
        // Hosts 0: one host per feed.
        let n = settled(12, 0).await;
        assert!(n.feed_urls()[11].starts_with("http://site-11.newsroom.test:"));
        let doc = n.opml();
        assert_eq!(doc.matches("<outline type=\"rss\"").count(), 12);
        for url in n.feed_urls() {
            assert!(doc.contains(&format!("xmlUrl=\"{url}\"")), "{url}");
        }
        n.stop().await;
    }

    #[tokio::test]
    async fn bad_options_are_named() {
        let bad = |o: Options| async move { Newsroom::start(o).await.unwrap_err().to_string() };
        let e = bad(Options {
            feeds: 0,
            ..Options::default()
        })
        .await;
        assert!(e.contains("feeds"), "{e}");
        let e = bad(Options {
            hosts: 9,
            ..Options::default()
        })
        .await;
        assert!(e.contains("hosts"), "{e}");
        let e = bad(Options {
            speed: f64::NAN,
            ..Options::default()
        })
        .await;
        assert!(e.contains("speed"), "{e}");
        let e = bad(Options {
            synthetic: Some(Synthetic {
                articles: 5,
                over: Duration::ZERO,
            }),
            ..Options::default()
        })
        .await;
        assert!(e.contains("synthetic"), "{e}");
        let e = bad(Options::with_corpus("/nonexistent/corpus")).await;
        assert!(e.contains("/nonexistent/corpus/source/outlets.toml"), "{e}");
    }
}
