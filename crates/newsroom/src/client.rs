//! A minimal HTTP/1.1 client for the tests: one request per connection,
//! with the `Host` header a test names and a cap on the body read.

use std::net::SocketAddr;
use std::time::Duration;

use bytes::Bytes;
use http_body_util::{BodyExt, Empty};
use hyper::header::HOST;
use hyper::{HeaderMap, Request};
use hyper_util::rt::TokioIo;
use tokio::net::TcpStream;

/// A response as read.
#[derive(Debug)]
pub(crate) struct Reply {
    /// Its status code.
    pub status: u16,
    /// Its headers.
    pub headers: HeaderMap,
    /// Its body as sent (not decompressed), up to the cap.
    pub body: Vec<u8>,
    /// Whether the body went on past the cap.
    pub capped: bool,
}

impl Reply {
    /// A header's value as text (`""` when absent).
    pub fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }

    /// The body as text.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// `GET path` on `host` with extra `headers`, reading at most 20 MB of body.
pub(crate) async fn get(
    addr: SocketAddr,
    host: &str,
    path: &str,
    headers: &[(&str, &str)],
) -> Reply {
    get_capped(addr, host, path, headers, 20 << 20).await
}

/// `GET path` on `host` with extra `headers`, reading at most `cap` bytes of body.
pub(crate) async fn get_capped(
    addr: SocketAddr,
    host: &str,
    path: &str,
    headers: &[(&str, &str)],
    cap: usize,
) -> Reply {
    let stream = TcpStream::connect(addr).await.expect("connect");
    let (mut sender, conn) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
        .await
        .expect("handshake");
    let driver = tokio::spawn(conn);
    let mut req = Request::get(path).header(HOST, format!("{host}:{}", addr.port()));
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    let req = req.body(Empty::<Bytes>::new()).expect("request");
    let resp = sender.send_request(req).await.expect("response");
    let (parts, mut body) = resp.into_parts();
    let mut out = Vec::new();
    let mut capped = false;
    while let Some(frame) = body.frame().await {
        let frame = frame.expect("body frame");
        if let Some(data) = frame.data_ref() {
            out.extend_from_slice(data);
            if out.len() > cap {
                out.truncate(cap);
                capped = true;
                break;
            }
        }
    }
    driver.abort();
    Reply {
        status: parts.status.as_u16(),
        headers: parts.headers,
        body: out,
        capped,
    }
}

/// [`get`] with a time limit: `None` when no response came in time.
pub(crate) async fn get_within(
    limit: Duration,
    addr: SocketAddr,
    host: &str,
    path: &str,
) -> Option<Reply> {
    tokio::time::timeout(limit, get(addr, host, path, &[]))
        .await
        .ok()
}
