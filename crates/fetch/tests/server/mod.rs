//! A tiny scripted HTTP/1.1 server for the fetcher's tests: one request per
//! connection, answered by a closure, every request logged.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::time::Instant;

/// A request as the server saw it.
#[derive(Debug, Clone)]
pub struct Seen {
    /// When its head had arrived.
    pub at: Instant,
    /// The request target, e.g. `/feed?x=1`.
    pub path: String,
    /// Header names lower-cased.
    pub headers: Vec<(String, String)>,
}

impl Seen {
    /// The first value of a header.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// What the server does with a request.
pub enum Reply {
    /// Writes these bytes, then closes.
    Raw(Vec<u8>),
    /// Writes the head, then keeps writing body chunks until the client
    /// goes away (no Content-Length, close-delimited).
    Endless(Vec<u8>),
    /// Writes the head, then one body byte every 100 ms.
    Trickle(Vec<u8>),
    /// Never answers.
    Hang,
}

/// A response with Content-Length and `Connection: close`.
pub fn response(status: u16, headers: &[(&str, &str)], body: &[u8]) -> Reply {
    let mut head = format!("HTTP/1.1 {status} Whatever\r\n");
    for (n, v) in headers {
        head.push_str(&format!("{n}: {v}\r\n"));
    }
    head.push_str(&format!(
        "Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    ));
    let mut bytes = head.into_bytes();
    bytes.extend_from_slice(body);
    Reply::Raw(bytes)
}

type Handler = dyn Fn(&Seen, usize) -> Reply + Send + Sync;

/// A running server.
pub struct Server {
    pub addr: SocketAddr,
    log: Arc<Mutex<Vec<Seen>>>,
}

impl Server {
    /// Starts a server on 127.0.0.1; `handler` gets each request and its
    /// number (0 for the first).
    pub async fn start(handler: impl Fn(&Seen, usize) -> Reply + Send + Sync + 'static) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let log = Arc::new(Mutex::new(Vec::new()));
        let handler: Arc<Handler> = Arc::new(handler);
        let shared = log.clone();
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let log = shared.clone();
                let handler = handler.clone();
                tokio::spawn(async move {
                    serve(stream, log, handler).await;
                });
            }
        });
        Server { addr, log }
    }

    /// The port, for URLs.
    pub fn port(&self) -> u16 {
        self.addr.port()
    }

    /// Requests seen so far.
    pub fn seen(&self) -> Vec<Seen> {
        self.log.lock().unwrap().clone()
    }
}

async fn serve(mut stream: TcpStream, log: Arc<Mutex<Vec<Seen>>>, handler: Arc<Handler>) {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    while !buf.windows(4).any(|w| w == b"\r\n\r\n") {
        match stream.read(&mut chunk).await {
            Ok(0) | Err(_) => return,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
        if buf.len() > 64 << 10 {
            return;
        }
    }
    let head = String::from_utf8_lossy(&buf).into_owned();
    let mut lines = head.split("\r\n");
    let path = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .unwrap_or("")
        .to_string();
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    let seen = Seen {
        at: Instant::now(),
        path,
        headers,
    };
    let n = {
        let mut log = log.lock().unwrap();
        log.push(seen.clone());
        log.len() - 1
    };
    match handler(&seen, n) {
        Reply::Raw(bytes) => {
            let _ = stream.write_all(&bytes).await;
            let _ = stream.shutdown().await;
        }
        Reply::Endless(head) => {
            if stream.write_all(&head).await.is_err() {
                return;
            }
            let block = vec![b'x'; 64 << 10];
            let deadline = Instant::now() + Duration::from_secs(20);
            while Instant::now() < deadline {
                if stream.write_all(&block).await.is_err() {
                    return;
                }
            }
        }
        Reply::Trickle(head) => {
            if stream.write_all(&head).await.is_err() {
                return;
            }
            for _ in 0..100 {
                tokio::time::sleep(Duration::from_millis(100)).await;
                if stream.write_all(b"x").await.is_err() {
                    return;
                }
            }
        }
        Reply::Hang => {
            tokio::time::sleep(Duration::from_secs(60)).await;
        }
    }
}
