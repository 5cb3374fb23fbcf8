//! The fetcher against a scripted local server: bodies, caps, redirects,
//! retries, timeouts, politeness, robots.txt and address refusal.

mod server;

use std::io::Write;
use std::net::IpAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use flate2::Compression;
use flate2::write::GzEncoder;
use server::{Reply, Server, response};
use storyline_fetch::{Config, FetchError, Fetched, Fetcher, Kind, Request};
use tokio::time::Instant;

fn gz(data: &[u8]) -> Vec<u8> {
    let mut e = GzEncoder::new(Vec::new(), Compression::default());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

fn loopback() -> IpAddr {
    "127.0.0.1".parse().unwrap()
}

/// Test settings: private addresses allowed, test names on loopback, no
/// spacing between requests, short waits.
fn config() -> Config {
    Config {
        allow_private: true,
        resolve: vec![
            ("a.test".into(), loopback()),
            ("*.news.test".into(), loopback()),
        ],
        per_host_interval: Duration::ZERO,
        connect_timeout: Duration::from_secs(2),
        timeout: Duration::from_secs(5),
        retry_base: Duration::from_millis(10),
        ..Config::default()
    }
}

fn fetcher(config: Config) -> Fetcher {
    Fetcher::new(config).unwrap()
}

fn body(result: Result<Fetched, FetchError>) -> storyline_fetch::Body {
    match result {
        Ok(Fetched::Body(b)) => b,
        other => panic!("expected a body, got {other:?}"),
    }
}

#[test]
fn fetcher_is_cheap_to_share() {
    fn shareable<T: Send + Sync + Clone + 'static>() {}
    shareable::<Fetcher>();
}

#[tokio::test]
async fn gzip_body_is_decoded() {
    let payload = b"<rss><channel><title>Harbour news</title></channel></rss>".repeat(50);
    let packed = gz(&payload);
    let server = Server::start(move |_, _| {
        response(
            200,
            &[
                ("Content-Type", "application/rss+xml; charset=utf-8"),
                ("Content-Encoding", "gzip"),
                ("ETag", "\"v1\""),
                ("Last-Modified", "Sun, 01 Mar 2026 10:00:00 GMT"),
                ("Cache-Control", "public, max-age=300"),
                ("Expires", "Sun, 01 Mar 2026 10:05:00 GMT"),
            ],
            &packed,
        )
    })
    .await;
    let url = format!("http://a.test:{}/feed.xml", server.port());
    let b = body(fetcher(config()).get(&Request::feed(&url)).await);
    assert_eq!(b.bytes, payload);
    assert_eq!(b.status, 200);
    assert_eq!(b.final_url, url);
    assert_eq!(
        b.content_type.as_deref(),
        Some("application/rss+xml; charset=utf-8")
    );
    assert_eq!(b.etag.as_deref(), Some("\"v1\""));
    assert_eq!(
        b.last_modified.as_deref(),
        Some("Sun, 01 Mar 2026 10:00:00 GMT")
    );
    assert_eq!(b.hints.max_age, Some(Duration::from_secs(300)));
    assert_eq!(
        b.hints.expires,
        Some("2026-03-01T10:05:00Z".parse().unwrap())
    );
    let seen = &server.seen()[0];
    assert_eq!(seen.header("accept-encoding"), Some("gzip"));
    assert!(seen.header("user-agent").unwrap().starts_with("storyline/"));
    assert!(
        seen.header("accept")
            .unwrap()
            .contains("application/rss+xml")
    );
    assert_eq!(seen.header("if-none-match"), None);
}

#[tokio::test]
async fn etag_and_date_make_a_conditional_get_and_304_is_not_modified() {
    let server = Server::start(|seen, _| {
        if seen.header("if-none-match") == Some("\"v7\"") {
            response(
                304,
                &[("Cache-Control", "max-age=60"), ("ETag", "\"v7\"")],
                b"",
            )
        } else {
            response(200, &[("ETag", "\"v7\"")], b"fresh")
        }
    })
    .await;
    let f = fetcher(config());
    let url = format!("http://a.test:{}/feed", server.port());
    let first = body(f.get(&Request::feed(&url)).await);
    let again = Request {
        etag: first.etag.clone(),
        last_modified: Some("Sun, 01 Mar 2026 10:00:00 GMT".into()),
        ..Request::feed(&url)
    };
    match f.get(&again).await {
        Ok(Fetched::NotModified(hints)) => {
            assert_eq!(hints.max_age, Some(Duration::from_secs(60)))
        }
        other => panic!("{other:?}"),
    }
    let seen = server.seen();
    assert_eq!(seen[1].header("if-none-match"), Some("\"v7\""));
    assert_eq!(
        seen[1].header("if-modified-since"),
        Some("Sun, 01 Mar 2026 10:00:00 GMT")
    );
}

#[tokio::test]
async fn junk_validators_are_left_out_not_fatal() {
    let server = Server::start(|_, _| response(200, &[], b"ok")).await;
    let req = Request {
        etag: Some("bad\nvalue".into()),
        ..Request::feed(format!("http://a.test:{}/", server.port()))
    };
    assert_eq!(body(fetcher(config()).get(&req).await).bytes, b"ok");
    assert_eq!(server.seen()[0].header("if-none-match"), None);
}

#[tokio::test]
async fn body_over_the_wire_cap_is_too_large() {
    let big = vec![b'x'; 256 << 10];
    let server = Server::start(move |seen, _| {
        if seen.path == "/declared" {
            response(200, &[], &big)
        } else {
            // No Content-Length: the cap must cut the stream itself.
            Reply::Endless(b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n".to_vec())
        }
    })
    .await;
    let f = fetcher(Config {
        max_body: 64 << 10,
        ..config()
    });
    for path in ["/declared", "/endless"] {
        let url = format!("http://a.test:{}{path}", server.port());
        let start = Instant::now();
        match f.get(&Request::feed(&url)).await {
            Err(e @ FetchError::TooLarge { .. }) => {
                assert_eq!(e.url(), url);
                assert!(matches!(e, FetchError::TooLarge { limit, .. } if limit == 64 << 10));
                assert!(e.to_string().contains(&url));
            }
            other => panic!("{path}: {other:?}"),
        }
        assert!(start.elapsed() < Duration::from_secs(3), "{path}");
    }
}

#[tokio::test]
async fn gzip_bomb_is_too_large() {
    let bomb = gz(&vec![0u8; 16 << 20]);
    assert!(bomb.len() < 100 << 10);
    let server =
        Server::start(move |_, _| response(200, &[("Content-Encoding", "gzip")], &bomb)).await;
    let f = fetcher(Config {
        max_decoded: 1 << 20,
        ..config()
    });
    let url = format!("http://a.test:{}/bomb", server.port());
    match f.get(&Request::feed(&url)).await {
        Err(FetchError::TooLarge { limit, .. }) => assert_eq!(limit, 1 << 20),
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn bad_encodings_are_decode_errors() {
    let server = Server::start(|seen, _| {
        if seen.path == "/br" {
            response(200, &[("Content-Encoding", "br")], b"\x0b\x02\x80hello\x03")
        } else {
            response(200, &[("Content-Encoding", "gzip")], b"this is not gzip")
        }
    })
    .await;
    let f = fetcher(config());
    for path in ["/br", "/broken"] {
        let url = format!("http://a.test:{}{path}", server.port());
        match f.get(&Request::feed(&url)).await {
            Err(e @ FetchError::Decode { .. }) => assert!(e.to_string().starts_with(&url)),
            other => panic!("{path}: {other:?}"),
        }
    }
}

#[tokio::test]
async fn redirects_are_followed_and_loops_stop() {
    // The handler learns its own port after binding, for the absolute hop.
    let port_cell = Arc::new(AtomicUsize::new(0));
    let port = port_cell.clone();
    let server = Server::start(move |seen, _| match seen.path.as_str() {
        "/old" => response(301, &[("Location", "/hop")], b""),
        "/hop" => {
            let to = format!("http://b.news.test:{}/new", port.load(Ordering::SeqCst));
            response(302, &[("Location", &to)], b"")
        }
        "/new" => response(200, &[], b"arrived"),
        _ => response(302, &[("Location", "/loop")], b""),
    })
    .await;
    port_cell.store(server.port() as usize, Ordering::SeqCst);
    let f = fetcher(config());
    let b = body(
        f.get(&Request::feed(format!(
            "http://a.test:{}/old",
            server.port()
        )))
        .await,
    );
    assert_eq!(b.bytes, b"arrived");
    assert_eq!(
        b.final_url,
        format!("http://b.news.test:{}/new", server.port())
    );

    let url = format!("http://a.test:{}/loop", server.port());
    match f.get(&Request::feed(&url)).await {
        Err(FetchError::TooManyRedirects { url: u }) => assert_eq!(u, url),
        other => panic!("{other:?}"),
    }
    let loops = server.seen().iter().filter(|s| s.path == "/loop").count();
    assert_eq!(loops, 6, "the first request and five redirects");
}

#[tokio::test]
async fn unavailable_with_short_retry_after_is_retried() {
    let server = Server::start(|_, n| {
        if n == 0 {
            response(503, &[("Retry-After", "1")], b"busy")
        } else {
            response(200, &[], b"back")
        }
    })
    .await;
    let start = Instant::now();
    let url = format!("http://a.test:{}/feed", server.port());
    let b = body(fetcher(config()).get(&Request::feed(&url)).await);
    assert_eq!(b.bytes, b"back");
    assert!(start.elapsed() >= Duration::from_secs(1));
    let seen = server.seen();
    assert_eq!(seen.len(), 2);
    assert!(seen[1].at - seen[0].at >= Duration::from_millis(990));
}

#[tokio::test]
async fn long_retry_after_gives_up_at_once_with_the_wait() {
    let server = Server::start(|_, _| response(429, &[("Retry-After", "3600")], b"")).await;
    let start = Instant::now();
    let url = format!("http://a.test:{}/feed", server.port());
    let err = fetcher(config())
        .get(&Request::feed(&url))
        .await
        .unwrap_err();
    assert!(start.elapsed() < Duration::from_secs(2));
    assert!(matches!(err, FetchError::Status { code: 429, .. }), "{err}");
    assert_eq!(err.retry_after(), Some(Duration::from_secs(3600)));
    assert!(err.is_transient());
    assert_eq!(server.seen().len(), 1);
    assert_eq!(
        err.to_string(),
        format!("{url}: HTTP status 429 (retry after 3600 s)")
    );
}

#[tokio::test]
async fn server_errors_are_retried_then_reported() {
    let server = Server::start(|seen, _| {
        if seen.path == "/gone" {
            response(404, &[], b"")
        } else {
            response(500, &[], b"")
        }
    })
    .await;
    let f = fetcher(config());
    let url = format!("http://a.test:{}/broken", server.port());
    let err = f.get(&Request::feed(&url)).await.unwrap_err();
    assert!(matches!(
        err,
        FetchError::Status {
            code: 500,
            retry_after: None,
            ..
        }
    ));
    assert_eq!(server.seen().len(), 3, "one try and two retries");
    let err = f
        .get(&Request::feed(format!(
            "http://a.test:{}/gone",
            server.port()
        )))
        .await
        .unwrap_err();
    assert!(matches!(err, FetchError::Status { code: 404, .. }));
    assert!(!err.is_transient());
    assert_eq!(server.seen().len(), 4, "a 404 is not retried");
}

#[tokio::test]
async fn hanging_server_times_out() {
    let server = Server::start(|_, _| Reply::Hang).await;
    let f = fetcher(Config {
        timeout: Duration::from_millis(300),
        retries: 1,
        ..config()
    });
    let url = format!("http://a.test:{}/slow", server.port());
    let start = Instant::now();
    let err = f.get(&Request::feed(&url)).await.unwrap_err();
    assert!(matches!(err, FetchError::Timeout { .. }), "{err}");
    assert_eq!(err.url(), url);
    assert!(err.is_transient());
    assert!(start.elapsed() < Duration::from_secs(3));
    assert_eq!(server.seen().len(), 2, "a timeout is retried");
}

#[tokio::test]
async fn trickling_body_times_out() {
    let server = Server::start(|_, _| {
        Reply::Trickle(b"HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n".to_vec())
    })
    .await;
    let f = fetcher(Config {
        timeout: Duration::from_millis(400),
        retries: 0,
        ..config()
    });
    let url = format!("http://a.test:{}/trickle", server.port());
    let start = Instant::now();
    let err = f.get(&Request::feed(&url)).await.unwrap_err();
    assert!(matches!(err, FetchError::Timeout { .. }), "{err}");
    assert!(start.elapsed() < Duration::from_secs(2));
}

#[tokio::test]
async fn body_cut_short_is_a_network_error() {
    let server = Server::start(|_, _| {
        Reply::Raw(b"HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\nonly part".to_vec())
    })
    .await;
    let f = fetcher(Config {
        retries: 0,
        ..config()
    });
    let url = format!("http://a.test:{}/cut", server.port());
    let err = f.get(&Request::feed(&url)).await.unwrap_err();
    assert!(matches!(err, FetchError::Network { .. }), "{err}");
    assert!(!err.to_string().contains('\n'));
}

#[tokio::test]
async fn requests_to_one_host_are_spaced() {
    let server = Server::start(|_, _| response(200, &[], b"ok")).await;
    let f = fetcher(Config {
        per_host_interval: Duration::from_millis(200),
        ..config()
    });
    let url = format!("http://a.test:{}/feed", server.port());
    for _ in 0..3 {
        body(f.get(&Request::feed(&url)).await);
    }
    // Concurrent callers share the gate too.
    let tasks: Vec<_> = (0..3)
        .map(|_| {
            let f = f.clone();
            let url = url.clone();
            tokio::spawn(async move { f.get(&Request::feed(url)).await.is_ok() })
        })
        .collect();
    for t in tasks {
        assert!(t.await.unwrap());
    }
    let seen = server.seen();
    assert_eq!(seen.len(), 6);
    for pair in seen.windows(2) {
        let gap = pair[1].at - pair[0].at;
        // The gate spaces starts by 200 ms; arrival can shift by a little.
        assert!(gap >= Duration::from_millis(185), "{gap:?}");
    }
}

#[tokio::test]
async fn robots_txt_rules_pages_not_feeds() {
    let server = Server::start(|seen, _| match seen.path.as_str() {
        "/robots.txt" => response(
            200,
            &[("Content-Type", "text/plain")],
            b"User-agent: *\nDisallow: /private\n",
        ),
        _ => response(200, &[], b"content"),
    })
    .await;
    let f = fetcher(config());
    let private = format!("http://a.test:{}/private/story", server.port());
    match f.get(&Request::page(&private)).await {
        Err(e @ FetchError::Robots { .. }) => {
            assert_eq!(
                e.to_string(),
                format!("{private}: disallowed by the site's robots.txt")
            )
        }
        other => panic!("{other:?}"),
    }
    // A feed is fetched whatever robots.txt says.
    assert_eq!(
        body(f.get(&Request::feed(&private)).await).bytes,
        b"content"
    );
    let public = format!("http://a.test:{}/public/story", server.port());
    assert_eq!(body(f.get(&Request::page(&public)).await).bytes, b"content");
    let robots = server
        .seen()
        .iter()
        .filter(|s| s.path == "/robots.txt")
        .count();
    assert_eq!(robots, 1, "robots.txt is cached");
    let page_accept = server
        .seen()
        .last()
        .unwrap()
        .header("accept")
        .unwrap()
        .to_string();
    assert!(page_accept.starts_with("text/html"));
}

#[tokio::test]
async fn robots_txt_missing_allows_and_failing_disallows() {
    let server = Server::start(|seen, _| match (seen.path.as_str(), seen.header("host")) {
        ("/robots.txt", Some(h)) if h.starts_with("missing.") => response(404, &[], b""),
        ("/robots.txt", _) => response(503, &[], b""),
        _ => response(200, &[], b"page"),
    })
    .await;
    let f = fetcher(config());
    let ok = format!("http://missing.news.test:{}/a", server.port());
    assert_eq!(body(f.get(&Request::page(&ok)).await).bytes, b"page");
    let down = format!("http://down.news.test:{}/a", server.port());
    assert!(matches!(
        f.get(&Request::page(&down)).await,
        Err(FetchError::Robots { .. })
    ));
    // The failure is cached for a while: no second robots.txt request.
    assert!(matches!(
        f.get(&Request::page(&down)).await,
        Err(FetchError::Robots { .. })
    ));
    let robots = server
        .seen()
        .iter()
        .filter(|s| s.path == "/robots.txt" && s.header("host").unwrap().starts_with("down."))
        .count();
    assert_eq!(robots, 1);
}

#[tokio::test]
async fn internal_addresses_are_refused() {
    let server = Server::start(|_, _| response(200, &[], b"secret")).await;
    let f = fetcher(Config {
        allow_private: false,
        connect_timeout: Duration::from_millis(500),
        ..config()
    });
    let port = server.port();
    for (url, class) in [
        (format!("http://127.0.0.1:{port}/"), "loopback"),
        (format!("http://a.test:{port}/feed"), "loopback"),
        (format!("http://x.news.test:{port}/feed"), "loopback"),
        (
            "http://169.254.169.254/latest/meta-data/".to_string(),
            "cloud metadata",
        ),
        (format!("http://[::1]:{port}/"), "loopback"),
        ("http://10.0.0.1/".to_string(), "private"),
    ] {
        for req in [Request::feed(&url), Request::page(&url)] {
            match f.get(&req).await {
                Err(e @ FetchError::Refused { .. }) => {
                    assert_eq!(e.url(), url);
                    assert!(e.to_string().contains(class), "{e}");
                    assert!(!e.is_transient());
                }
                other => panic!("{url}: {other:?}"),
            }
        }
    }
    assert!(server.seen().is_empty(), "nothing reached the server");
}

#[tokio::test]
async fn bad_urls_are_refused_before_any_request() {
    let f = fetcher(config());
    for url in [
        "",
        "not a url",
        "ftp://a.test/x",
        "file:///etc/passwd",
        "http://",
    ] {
        match f.get(&Request::feed(url)).await {
            Err(FetchError::BadUrl { .. }) => {}
            other => panic!("{url:?}: {other:?}"),
        }
    }
}

#[tokio::test]
async fn unresolvable_host_is_a_network_error() {
    let f = fetcher(Config {
        allow_private: false,
        ..config()
    });
    let err = f
        .get(&Request::feed("http://nonexistent.invalid/feed"))
        .await
        .unwrap_err();
    assert!(matches!(err, FetchError::Network { .. }), "{err}");
    assert!(
        err.to_string()
            .starts_with("http://nonexistent.invalid/feed: network error: ")
    );
    assert_eq!(Kind::Feed, Request::feed("x").kind);
}

#[tokio::test]
async fn https_to_a_plain_server_fails_cleanly() {
    // Exercises the TLS set-up (rustls on ring) without the open network:
    // the "server" answers a ClientHello with plain HTTP.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    tokio::spawn(async move {
        use tokio::io::AsyncWriteExt;
        while let Ok((mut stream, _)) = listener.accept().await {
            let _ = stream
                .write_all(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")
                .await;
        }
    });
    let url = format!("https://a.test:{port}/feed");
    let err = fetcher(Config {
        retries: 0,
        ..config()
    })
    .get(&Request::feed(&url))
    .await
    .unwrap_err();
    assert!(matches!(err, FetchError::Network { .. }), "{err}");
    assert_eq!(err.url(), url);
}
