//! `storyline serve` end to end, on the example corpus: the pages and the
//! JSON API over HTTP, escaping, limits, live updates and graceful
//! shutdown; then a real Chromium (Debian's, driven over the DevTools
//! protocol) reading the front page, a story, search and filters, and
//! watching a story page update by itself.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_storyline"))
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A database of the example corpus, in a temporary directory.
fn corpus_db() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db").to_string_lossy().into_owned();
    let corpus = root().join("examples/corpus");
    let out = bin()
        .args(["ingest", "-q", "--db", &db])
        .arg(&corpus)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (dir, db)
}

fn ingest(db: &str, input: &Path) {
    let out = bin()
        .args(["ingest", "-q", "--db", db])
        .arg(input)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A running `storyline serve` on a free loopback port; killed on drop.
struct Server {
    child: Child,
    addr: String,
}

impl Server {
    fn start(db: &str, extra: &[&str]) -> Server {
        let mut child = bin()
            .args(["serve", "--db", db, "--bind", "127.0.0.1:0"])
            .args(extra)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stderr = child.stderr.take().unwrap();
        let mut lines = BufReader::new(stderr).lines();
        let addr = loop {
            let line = lines.next().expect("serve says where it listens").unwrap();
            if let Some(at) = line.split("on http://").nth(1) {
                break at.trim_end_matches('/').to_string();
            }
        };
        // Keep draining stderr so the server never blocks on it.
        std::thread::spawn(move || for _ in lines {});
        Server { child, addr }
    }

    fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    fn get(&self, path: &str) -> Reply {
        get(&self.addr, path)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

struct Reply {
    status: u16,
    head: String,
    body: String,
}

impl Reply {
    fn header(&self, name: &str) -> Option<String> {
        self.head.lines().find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.eq_ignore_ascii_case(name).then(|| v.trim().to_string())
        })
    }

    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.body))
    }
}

/// One HTTP/1.1 GET, the connection closed after it.
fn get(addr: &str, path: &str) -> Reply {
    request(addr, "GET", path, "", "")
}

/// One HTTP/1.1 request with extra header lines and a body.
fn request(addr: &str, method: &str, path: &str, headers: &str, body: &str) -> Reply {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n{headers}Content-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let raw = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = raw.split_once("\r\n\r\n").unwrap_or((&raw, ""));
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    Reply {
        status,
        head: head.to_string(),
        body: body.to_string(),
    }
}

fn stories_on(page: &str) -> usize {
    page.matches("<a class=\"h\"").count()
}

#[test]
fn pages_and_the_api_answer_on_the_example_corpus() {
    let (_dir, db) = corpus_db();
    let s = Server::start(&db, &[]);

    let front = s.get("/");
    assert_eq!(front.status, 200);
    assert!(
        front
            .header("content-security-policy")
            .unwrap()
            .contains("default-src 'none'")
    );
    assert!(!front.body.contains("<script>"), "no inline script");
    let all = stories_on(&front.body);
    assert!(all >= 9, "{all} stories on the front page");
    assert!(front.body.contains("<svg class=\"spark\""), "sparklines");

    // The first story's page has everything the digest shows.
    let first = front.body.split("href=\"/story/").nth(1).unwrap();
    let id: i64 = first.split('"').next().unwrap().parse().unwrap();
    let story = s.get(&format!("/story/{id}"));
    assert_eq!(story.status, 200);
    for part in [
        "<h3>Sources</h3>",
        "<svg class=\"coverage\"",
        "What's new since",
        "All articles",
    ] {
        assert!(story.body.contains(part), "{part} missing");
    }
    assert!(story.body.contains("src=\"/assets/live.js\""));
    let since = s.get(&format!("/story/{id}?since=2025-01-01"));
    assert!(since.body.contains("id=\"since\""));

    // Filters narrow the list; a malformed one is answered 400, naming it.
    let outlet = s.get("/?outlet=harbourgazette.example");
    let n = stories_on(&outlet.body);
    assert!(n >= 1 && n < all, "{n} of {all}");
    let bad = s.get("/?from=yesterday");
    assert_eq!(bad.status, 400);
    assert!(bad.body.contains("from:"));
    assert_eq!(s.get("/?lang=xx").status, 200);
    assert_eq!(stories_on(&s.get("/?lang=xx").body), 0);
    assert_eq!(s.get("/story/999999").status, 404);

    // The API pages with its cursor over every storyline, none twice.
    let mut seen = Vec::new();
    let mut path = "/api/v1/stories?limit=4".to_string();
    loop {
        let r = s.get(&path);
        assert_eq!(r.status, 200);
        assert_eq!(
            r.header("content-type").as_deref(),
            Some("application/json")
        );
        let v = r.json();
        seen.extend(
            v["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|i| i["id"].as_i64().unwrap()),
        );
        match v["next_cursor"].as_str() {
            Some(c) => path = format!("/api/v1/stories?limit=4&cursor={c}"),
            None => break,
        }
    }
    let total = seen.len();
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), total);
    assert!(total >= all);
    let one = s.get(&format!("/api/v1/stories/{id}")).json();
    assert!(one["headline"].as_str().is_some_and(|h| !h.is_empty()));
    assert!(!one["sources"].as_array().unwrap().is_empty());
    let articles = s.get(&format!("/api/v1/articles?story={id}")).json();
    assert!(articles["total"].as_u64().unwrap() >= 2);
    let doc = s.get("/api/v1/openapi.json").json();
    assert_eq!(doc["openapi"], "3.1.0");
    assert_eq!(s.get("/api/v1/stories?limit=0").status, 400);
    assert_eq!(s.get("/api/v1/nothing").status, 404);

    // Exports.
    let csv = s.get(&format!("/story/{id}/articles.csv"));
    assert!(csv.body.starts_with("article_id,storyline_id"));
    assert!(csv.body.lines().count() >= 3);
    let atom = s.get(&format!("/story/{id}/feed.atom"));
    assert!(
        atom.body
            .contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">")
    );
    assert!(atom.body.matches("<entry>").count() >= 2);
}

#[test]
fn article_text_is_inert_on_every_page() {
    let (dir, db) = corpus_db();
    let evil = dir.path().join("evil.jsonl");
    let line = serde_json::json!({
        "url": "https://evil.example/x",
        "title": "<script>alert(1)</script> Harbour <img src=x onerror=alert(2)>",
        "text": "The council met on Monday. <script>alert(3)</script> \u{1b}[31m It voted on the harbour budget, which rose by a fifth.",
        "date": "2025-12-01",
        "outlet": "<b>Evil</b>"
    });
    std::fs::write(&evil, format!("{line}\n")).unwrap();
    ingest(&db, &evil);
    let s = Server::start(&db, &[]);
    let stories = s.get("/api/v1/stories?limit=100").json();
    let id = stories["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| {
            i["headline"]
                .as_str()
                .unwrap_or("")
                .contains("Harbour <img")
        })
        .map(|i| i["id"].as_i64().unwrap())
        .expect("the story is listed");
    for path in [
        "/".to_string(),
        format!("/story/{id}"),
        "/?outlet=%3Cb%3EEvil%3C%2Fb%3E".to_string(),
        format!("/story/{id}/feed.atom"),
    ] {
        let r = s.get(&path);
        assert_eq!(r.status, 200, "{path}");
        assert!(!r.body.contains("<script>alert"), "{path}");
        assert!(!r.body.contains("<img src=x"), "{path}");
        assert!(!r.body.contains("<b>Evil"), "{path}");
    }
    let csv = s.get(&format!("/story/{id}/articles.csv"));
    assert!(!csv.body.contains('\u{1b}'));
}

/// Reads server-sent events until one named `update` arrives.
fn wait_for_update(addr: &str, path: &str, deadline: Duration, ready: impl FnOnce()) -> bool {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_millis(500)))
        .unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nAccept: text/event-stream\r\n\r\n"
    )
    .unwrap();
    let start = Instant::now();
    let mut seen = String::new();
    let mut buf = [0u8; 4096];
    let mut ready = Some(ready);
    while start.elapsed() < deadline {
        match s.read(&mut buf) {
            Ok(0) => return false,
            Ok(n) => seen.push_str(&String::from_utf8_lossy(&buf[..n])),
            Err(_) => {}
        }
        if seen.contains("\r\n\r\n")
            && let Some(f) = ready.take()
        {
            f();
        }
        if seen.contains("event: update") {
            return true;
        }
    }
    false
}

#[test]
fn an_open_story_hears_of_new_coverage_and_shows_it() {
    let (_dir, db) = corpus_db();
    let s = Server::start(&db, &[]);
    let drummond = s.get("/api/v1/stories?limit=100").json()["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["headline"].as_str().unwrap_or("").contains("Drummond"))
        .map(|i| i["id"].as_i64().unwrap())
        .expect("the Drummond story");
    let fixture = root().join("tests/data/live/appeal-date.jsonl");
    let heard = wait_for_update(
        &s.addr,
        &format!("/story/{drummond}/live"),
        Duration::from_secs(120),
        || ingest(&db, &fixture),
    );
    assert!(heard, "no update event");
    let page = s.get(&format!("/story/{drummond}"));
    assert!(
        page.body
            .contains("Drummond bribery appeal to be heard in March")
    );
    // And it is searchable soon after, in its story's group.
    let start = Instant::now();
    let found = loop {
        let r = s.get("/api/v1/search?q=%22heard%20in%20March%22");
        if r.status == 200 && r.json()["total"].as_u64().unwrap_or(0) > 0 {
            break Some(r.json());
        }
        if start.elapsed() > Duration::from_secs(60) {
            break None;
        }
        std::thread::sleep(Duration::from_millis(200));
    };
    let found = found.expect("the new article is searchable");
    assert_eq!(found["groups"][0]["story"].as_i64(), Some(drummond));
}

#[test]
fn search_finds_words_phrases_and_filters_grouped_by_story() {
    let (_dir, db) = corpus_db();
    let s = Server::start(&db, &[]);
    let search = |q: &str| {
        let start = Instant::now();
        loop {
            // The index is built in the background at start.
            let r = s.get(&format!("/api/v1/search?q={q}"));
            if r.status != 200 || r.json()["total"].as_u64().unwrap_or(0) > 0 {
                break r;
            }
            if start.elapsed() > Duration::from_secs(60) {
                break r;
            }
            std::thread::sleep(Duration::from_millis(200));
        }
    };
    let words = search("Drummond%20appeal").json();
    assert!(words["total"].as_u64().unwrap() >= 2);
    let groups = words["groups"].as_array().unwrap();
    let story = groups[0]["story"].as_i64().unwrap();
    assert!(
        groups[0]["hits"].as_array().unwrap().len() >= 2,
        "hits grouped"
    );
    assert!(s.get(&format!("/story/{story}")).status == 200);
    let phrase = search("%22wine%20box%22").json();
    assert!(phrase["total"].as_u64().unwrap() >= 1);
    let who = search("speaker%3A%22Nadia%20Pell%22").json();
    assert!(
        who["groups"][0]["hits"]
            .as_array()
            .unwrap()
            .iter()
            .all(|h| h["kind"] == "quote")
    );
    let bad = s.get("/api/v1/search?q=%22unclosed");
    assert_eq!(bad.status, 400);
    assert!(bad.json()["error"].as_str().unwrap().contains("closing"));
    let day = search("Drummond%20to%3A2025-11-12").json();
    assert!(
        day["groups"][0]["hits"]
            .as_array()
            .unwrap()
            .iter()
            .all(|h| h["published"].as_str() <= Some("2025-11-12"))
    );
    let page = s.get("/search?q=Drummond");
    assert!(page.body.contains("<mark>Drummond</mark>"));
    let csv = s.get("/search.csv?q=Drummond");
    assert!(csv.body.starts_with("storyline_id,kind,id"));
    let atom = s.get("/search.atom?q=Drummond");
    assert!(atom.body.contains("<entry>"));
}

#[test]
fn shutdown_is_graceful_with_a_live_stream_open() {
    let (_dir, db) = corpus_db();
    let mut s = Server::start(&db, &[]);
    let mut stream = TcpStream::connect(&s.addr).unwrap();
    write!(stream, "GET /story/1/live HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
    std::thread::sleep(Duration::from_millis(300));
    let pid = s.child.id().to_string();
    assert!(
        Command::new("kill")
            .args(["-INT", &pid])
            .status()
            .unwrap()
            .success()
    );
    let start = Instant::now();
    let status = loop {
        if let Some(st) = s.child.try_wait().unwrap() {
            break Some(st);
        }
        if start.elapsed() > Duration::from_secs(30) {
            break None;
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(status.is_some_and(|st| st.success()), "{status:?}");
}

#[test]
fn sources_are_managed_only_with_the_admin_token() {
    let (_dir, db) = corpus_db();
    let plain = Server::start(&db, &[]);
    assert_eq!(
        plain.get("/api/v1/sources").status,
        404,
        "no token, no endpoint"
    );
    drop(plain);
    let token = "a-long-enough-test-token";
    let s = Server::start(&db, &["--admin-token", token]);
    let auth = format!("Authorization: Bearer {token}\r\n");
    assert_eq!(s.get("/api/v1/sources").status, 401);
    let wrong = request(
        &s.addr,
        "GET",
        "/api/v1/sources",
        "Authorization: Bearer nope\r\n",
        "",
    );
    assert_eq!(wrong.status, 401);
    let body = r#"{"url": "HTTPS://Gazette.example/feed.xml#x"}"#;
    let added = request(&s.addr, "POST", "/api/v1/sources", &auth, body);
    assert_eq!(added.status, 200, "{}", added.body);
    assert_eq!(added.json()["url"], "https://gazette.example/feed.xml");
    assert_eq!(added.json()["added"], true);
    let bad = request(
        &s.addr,
        "POST",
        "/api/v1/sources",
        &auth,
        r#"{"url": "javascript:x"}"#,
    );
    assert_eq!(bad.status, 400);
    let listed = request(&s.addr, "GET", "/api/v1/sources", &auth, "").json();
    assert_eq!(listed["items"].as_array().unwrap().len(), 1);
    let gone = request(
        &s.addr,
        "DELETE",
        "/api/v1/sources?url=https%3A%2F%2Fgazette.example%2Ffeed.xml",
        &auth,
        "",
    );
    assert_eq!(gone.json()["removed"], true);
    let big = "x".repeat(100_000);
    let huge = request(&s.addr, "POST", "/api/v1/sources", &auth, &big);
    assert_eq!(huge.status, 413, "request bodies are capped");
}

#[test]
fn no_database_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("none.db");
    let out = bin()
        .args(["serve", "--db"])
        .arg(&db)
        .args(["--bind", "127.0.0.1:0"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no such database"));
}

mod browser {
    //! A real Chromium reads the app as a person would.

    use super::*;
    use headless_chrome::protocol::cdp::Page::CaptureScreenshotFormatOption;
    use headless_chrome::{Browser, LaunchOptions, Tab};

    /// Debian's Chromium, or `None` (the test is skipped, saying so) when
    /// it is not installed and CI does not require it.
    fn chromium() -> Option<PathBuf> {
        let found = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
            .into_iter()
            .map(PathBuf::from)
            .find(|p| p.exists());
        if found.is_none() {
            assert!(
                std::env::var_os("STORYLINE_REQUIRE_CHROMIUM").is_none(),
                "Chromium is required here (STORYLINE_REQUIRE_CHROMIUM) but not installed"
            );
            eprintln!("skipping the browser tests: no Chromium installed");
        }
        found
    }

    fn launch(path: PathBuf) -> Browser {
        Browser::new(
            LaunchOptions::default_builder()
                .path(Some(path))
                .headless(true)
                // Containers run as root, where Chromium's sandbox cannot start.
                .sandbox(false)
                .window_size(Some((1200, 1600)))
                .idle_browser_timeout(Duration::from_secs(120))
                .build()
                .unwrap(),
        )
        .expect("Chromium starts")
    }

    /// Saves a screenshot when `STORYLINE_SCREENSHOTS` names a directory
    /// (how the README's screenshots in docs/ are made).
    fn screenshot(tab: &Tab, name: &str) {
        let Some(dir) = std::env::var_os("STORYLINE_SCREENSHOTS") else {
            return;
        };
        let png = tab
            .capture_screenshot(CaptureScreenshotFormatOption::Png, None, None, true)
            .unwrap();
        std::fs::write(Path::new(&dir).join(format!("{name}.png")), png).unwrap();
    }

    fn text(tab: &Tab, selector: &str) -> String {
        tab.wait_for_element(selector)
            .unwrap_or_else(|e| panic!("{selector}: {e}"))
            .get_inner_text()
            .unwrap()
    }

    /// Waits for a navigation started by the page itself (a form submit):
    /// on a loaded CI host it can begin well after the event that caused it.
    fn wait_url(tab: &Tab, needle: &str) {
        let start = Instant::now();
        while !tab.get_url().contains(needle) {
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "never reached {needle}: {}",
                tab.get_url()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        let _ = tab.wait_until_navigated();
    }

    fn count(tab: &Tab, selector: &str) -> usize {
        tab.find_elements(selector).map(|v| v.len()).unwrap_or(0)
    }

    #[test]
    fn a_reader_browses_filters_searches_and_sees_a_story_update() {
        let Some(path) = chromium() else { return };
        let (_dir, db) = corpus_db();
        let s = Server::start(&db, &[]);
        let browser = launch(path);
        let tab = browser.new_tab().unwrap();

        // Front page.
        tab.navigate_to(&s.url("/"))
            .unwrap()
            .wait_until_navigated()
            .unwrap();
        assert!(text(&tab, "h1").contains("Stories"));
        let all = count(&tab, "ol.stories a.h");
        assert!(all >= 9, "{all}");
        screenshot(&tab, "serve-front");

        // Filter by outlet through the form.
        tab.navigate_to(&s.url("/?outlet=harbourgazette.example"))
            .unwrap()
            .wait_until_navigated()
            .unwrap();
        let narrowed = count(&tab, "ol.stories a.h");
        assert!(narrowed >= 1 && narrowed < all, "{narrowed} of {all}");
        tab.navigate_to(&s.url("/"))
            .unwrap()
            .wait_until_navigated()
            .unwrap();
        tab.wait_for_element("input[name=entity]").unwrap();
        let sel = tab
            .evaluate(
                "(() => { const s = document.querySelector('select[name=lang]'); s.value = 'en'; \
                 s.form.submit(); return s.value; })()",
                false,
            )
            .unwrap();
        assert_eq!(sel.value, Some(serde_json::json!("en")));
        wait_url(&tab, "lang=en");

        // Search from the box in the header.
        tab.navigate_to(&s.url("/"))
            .unwrap()
            .wait_until_navigated()
            .unwrap();
        tab.wait_for_element("input[name=q]")
            .unwrap()
            .click()
            .unwrap();
        tab.type_str("Drummond appeal")
            .unwrap()
            .press_key("Enter")
            .unwrap();
        wait_url(&tab, "/search?q=Drummond");
        // The index is built in the background at start: look again until
        // it answers.
        let start = Instant::now();
        while count(&tab, "div.hit") == 0 && start.elapsed() < Duration::from_secs(60) {
            std::thread::sleep(Duration::from_millis(300));
            tab.reload(true, None)
                .unwrap()
                .wait_until_navigated()
                .unwrap();
        }
        assert!(count(&tab, "div.hit mark") >= 1, "marked hits");
        screenshot(&tab, "serve-search");

        // A story page, left open while new coverage arrives.
        let drummond = s.get("/api/v1/stories?limit=100").json()["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["headline"].as_str().unwrap_or("").contains("Drummond"))
            .map(|i| i["id"].as_i64().unwrap())
            .unwrap();
        tab.navigate_to(&s.url(&format!("/story/{drummond}")))
            .unwrap()
            .wait_until_navigated()
            .unwrap();
        assert!(text(&tab, "section h2").len() > 10);
        assert!(count(&tab, "ol.sources li") >= 2);
        screenshot(&tab, "serve-story");
        let before = count(&tab, "#articles li");
        ingest(&db, &root().join("tests/data/live/appeal-date.jsonl"));
        let start = Instant::now();
        while count(&tab, "#articles li") == before && start.elapsed() < Duration::from_secs(120) {
            std::thread::sleep(Duration::from_millis(200));
        }
        assert_eq!(
            count(&tab, "#articles li"),
            before + 1,
            "the page did not update"
        );
        assert!(text(&tab, "#articles").contains("Drummond bribery appeal to be heard in March"));
        assert!(text(&tab, "#live").contains("Updated"));
    }
}
