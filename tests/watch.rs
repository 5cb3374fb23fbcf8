//! `storyline watch` against the newsroom simulator: whole articles from
//! feeds into stories, conditional polls, faults reported on their sources
//! without stalling the others, internal addresses refused, politeness, and
//! nothing lost or stored twice across kill -9.

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use serde_json::Value;
use storyline_newsroom::{Newsroom, Options, Synthetic};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_storyline"))
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("runs")
}

fn corpus() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/corpus")
}

/// A newsroom that has published the whole corpus already.
async fn newsroom(feeds: usize) -> Newsroom {
    let news = Newsroom::start(Options {
        corpus: corpus(),
        feeds,
        hosts: feeds,
        // A simulated year a second: the whole corpus is out at once.
        speed: 365.0 * 86_400.0,
        ..Options::default()
    })
    .await
    .expect("newsroom starts");
    // Wait until the whole corpus (to mid-December 2025) is out.
    let end: jiff::Timestamp = "2025-12-31T00:00:00Z".parse().unwrap();
    while news.now() < end {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    news
}

/// `watch --once` on these sources, against the simulator's hosts.
fn watch_once(db: &str, sources: &[String], extra: &[&str]) -> Output {
    let mut args = vec![
        "watch",
        "--once",
        "--db",
        db,
        "--allow-private",
        "--resolve",
        "*.newsroom.test=127.0.0.1",
        "--host-interval",
        "0.05",
        "--json",
    ];
    args.extend_from_slice(extra);
    let mut cmd = bin();
    cmd.args(&args).args(sources);
    cmd.output().expect("runs")
}

fn rounds(out: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect()
}

fn sources(db: &str) -> Vec<Value> {
    let out = run(&["sources", "list", "--json", "--db", db]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn count(db: &str, sql: &str) -> i64 {
    rusqlite::Connection::open(db)
        .unwrap()
        .query_row(sql, [], |r| r.get(0))
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn feeds_become_whole_articles_in_stories_and_unchanged_feeds_cost_a_304() {
    let news = newsroom(8).await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.db");
    let db = db.to_str().unwrap();
    let feeds = news.feed_urls();
    let out = tokio::task::spawn_blocking({
        let (db, feeds) = (db.to_string(), feeds.clone());
        move || watch_once(&db, &feeds, &[])
    })
    .await
    .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let first = &rounds(&out)[0];
    let stored = first["new_articles"].as_u64().unwrap();
    assert!(stored >= 40, "{first}");
    assert!(
        first["pages"].as_u64().unwrap() > 0,
        "summaries were completed from pages"
    );
    // Every article has its text and is in a story.
    assert_eq!(
        count(db, "SELECT COUNT(*) FROM articles WHERE text = ''"),
        0
    );
    assert_eq!(
        count(db, "SELECT COUNT(*) FROM story_articles"),
        count(db, "SELECT COUNT(*) FROM articles")
    );
    // A clean exit leaves every storyline briefed.
    assert_eq!(
        count(
            db,
            "SELECT COUNT(DISTINCT COALESCE(l.storyline_id, s.id)) FROM stories s \
             LEFT JOIN story_lines l ON l.story_id = s.id"
        ),
        count(db, "SELECT COUNT(*) FROM story_briefs")
    );
    // A second round: nothing changed, every feed answers 304, nothing new.
    rusqlite::Connection::open(db)
        .unwrap()
        .execute("UPDATE sources SET next_poll_at = 0", [])
        .unwrap();
    let again = tokio::task::spawn_blocking({
        let db = db.to_string();
        move || watch_once(&db, &[], &[])
    })
    .await
    .unwrap();
    let second = &rounds(&again)[0];
    assert_eq!(second["new_articles"].as_u64(), Some(0), "{second}");
    assert_eq!(second["unchanged"], second["polled"], "{second}");
    assert_eq!(count(db, "SELECT COUNT(*) FROM articles") as u64, stored);
    // Politeness: no host saw two requests closer than the interval, nor
    // two at once.
    let stats = news.stats();
    for (host, h) in &stats.hosts {
        assert!(h.min_gap_ms.unwrap_or(f64::MAX) >= 45.0, "{host}: {h:?}");
        assert!(h.max_in_flight <= 1, "{host}: {h:?}");
    }
    news.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_fault_is_reported_on_its_source_and_stalls_no_other() {
    let news = newsroom(3).await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("f.db");
    let db = db.to_str().unwrap();
    let mut urls: Vec<String> = news.fault_urls().into_iter().map(|(_, u)| u).collect();
    urls.extend(news.feed_urls());
    let started = std::time::Instant::now();
    let out = tokio::task::spawn_blocking({
        let (db, urls) = (db.to_string(), urls.clone());
        move || watch_once(&db, &urls, &["--timeout", "3"])
    })
    .await
    .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Hangs and slow answers cost their own timeout, not the others'.
    assert!(started.elapsed() < Duration::from_secs(60));
    let listed = sources(db);
    let by = |name: &str| {
        listed
            .iter()
            .find(|s| s["url"].as_str().unwrap().contains(&format!("/{name}")))
            .unwrap_or_else(|| panic!("{name} listed"))
            .clone()
    };
    for name in [
        "hang.xml",
        "429.xml",
        "503.xml",
        "500.xml",
        "loop.xml",
        "bomb.xml",
        "huge.xml",
        "html.xml",
        "invalid.xml",
    ] {
        let s = by(name);
        assert!(s["failures"].as_i64().unwrap() >= 1, "{name}: {s}");
        assert!(
            !s["last_error"].as_str().unwrap_or("").is_empty(),
            "{name}: {s}"
        );
    }
    // A valid feed served under the wrong type is read by its content; a
    // feed whose ETag changes with every request is read, and polled again
    // adds nothing (its entries are known by URL).
    for name in ["wrong-type.xml", "etag-churn.xml"] {
        let s = by(name);
        assert_eq!(s["failures"].as_i64(), Some(0), "{name}: {s}");
    }
    // Too slow for the three-second budget: reported as a timeout.
    let slow = by("slow.xml");
    assert!(
        slow["last_error"].as_str().unwrap_or("").contains("time"),
        "{slow}"
    );
    // The healthy feeds were read in the same round.
    for url in news.feed_urls() {
        let s = listed.iter().find(|s| s["url"] == url.as_str()).unwrap();
        assert_eq!(s["failures"].as_i64(), Some(0), "{s}");
    }
    assert!(count(db, "SELECT COUNT(*) FROM articles") > 0);
    news.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn internal_addresses_are_refused_by_default() {
    let news = newsroom(1).await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    let db = db.to_str().unwrap();
    let port = news.addr().port();
    let literal = format!("http://127.0.0.1:{port}/feed-0.xml");
    let named = news.feed_urls()[0].clone();
    let out = tokio::task::spawn_blocking({
        let db = db.to_string();
        move || {
            let mut cmd = bin();
            cmd.args([
                "watch",
                "--once",
                "--db",
                &db,
                "--resolve",
                "*.newsroom.test=127.0.0.1",
                "--json",
                &literal,
                &named,
            ]);
            cmd.output().unwrap()
        }
    })
    .await
    .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for s in sources(db) {
        assert!(s["failures"].as_i64().unwrap() >= 1, "{s}");
        let e = s["last_error"].as_str().unwrap();
        assert!(e.contains("loopback"), "{e}");
    }
    assert_eq!(count(db, "SELECT COUNT(*) FROM articles"), 0);
    assert_eq!(
        news.stats().total.requests,
        0,
        "nothing reached the simulator"
    );
    news.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kill_nine_at_any_moment_loses_nothing_and_stores_nothing_twice() {
    let news = Newsroom::start(Options {
        corpus: corpus(),
        feeds: 12,
        hosts: 4,
        speed: 365.0 * 86_400.0,
        synthetic: Some(Synthetic {
            articles: 120,
            over: Duration::from_secs(12),
        }),
        ..Options::default()
    })
    .await
    .expect("newsroom starts");
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    let db = db.to_str().unwrap().to_string();
    let feeds = news.feed_urls();
    let watch = |extra: &[&str]| {
        let mut cmd = bin();
        cmd.args([
            "watch",
            "--db",
            &db,
            "--allow-private",
            "--resolve",
            "*.newsroom.test=127.0.0.1",
            "--host-interval",
            "0.01",
            "--min-interval",
            "1",
            "--quiet",
        ])
        .args(extra)
        .args(&feeds)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
        cmd
    };
    // Killed at moments spread over the run, restarted at once.
    for wait_ms in [700u64, 1_900, 1_300, 2_600, 900] {
        let mut child = watch(&[]).spawn().unwrap();
        tokio::time::sleep(Duration::from_millis(wait_ms)).await;
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
    }
    // Everything published by now is picked up by one more round.
    tokio::time::sleep(Duration::from_secs(8)).await;
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute("UPDATE sources SET next_poll_at = 0", [])
        .unwrap();
    let out = tokio::task::spawn_blocking({
        let mut cmd = watch(&["--once"]);
        move || cmd.status().unwrap()
    })
    .await
    .unwrap();
    assert!(out.success());
    let items = news.items();
    assert!(items.len() >= 120, "{}", items.len());
    let con = rusqlite::Connection::open(&db).unwrap();
    let stored = |url: &str| -> i64 {
        con.query_row("SELECT COUNT(*) FROM articles WHERE url = ?1", [url], |r| {
            r.get(0)
        })
        .unwrap()
    };
    for it in &items {
        assert_eq!(stored(&it.url), 1, "{} stored once", it.url);
    }
    // Every article is placed, and the per-outlet counts match the articles.
    assert_eq!(
        count(&db, "SELECT COUNT(*) FROM story_articles"),
        count(&db, "SELECT COUNT(*) FROM articles")
    );
    let mismatched: i64 = con
        .query_row(
            "SELECT COUNT(*) FROM (SELECT outlet, COUNT(*) AS n FROM articles \
             WHERE outlet IS NOT NULL AND text <> '' GROUP BY outlet) a \
             LEFT JOIN outlets o USING (outlet) WHERE o.articles IS NOT a.n",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(mismatched, 0, "outlet counters match the stored articles");
    news.stop().await;
}

/// `serve --watch`: the watch loop beside the server, whose pages and
/// search then show what it stores.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serve_watch_shows_and_finds_what_it_stores() {
    use std::io::{BufRead, BufReader, Read, Write};
    let news = newsroom(4).await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db").to_string_lossy().into_owned();
    let mut args: Vec<String> = [
        "serve",
        "--db",
        &db,
        "--bind",
        "127.0.0.1:0",
        "--allow-private",
        "--resolve",
        "*.newsroom.test=127.0.0.1",
        "--host-interval",
        "0.05",
        "--pace",
        "0.5",
        "--watch",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    args.extend(news.feed_urls());
    let mut child = bin()
        .args(&args)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let addr = loop {
        let line = lines.next().expect("serve says where it listens").unwrap();
        if let Some(at) = line.split("on http://").nth(1) {
            break at.trim_end_matches('/').to_string();
        }
    };
    std::thread::spawn(move || for _ in lines {});
    let get = |path: &str| -> Value {
        let mut s = std::net::TcpStream::connect(&addr).unwrap();
        write!(
            s,
            "GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut raw = String::new();
        s.read_to_string(&mut raw).unwrap();
        let body = raw.split_once("\r\n\r\n").map_or("", |x| x.1);
        serde_json::from_str(body).unwrap_or(Value::Null)
    };
    let start = std::time::Instant::now();
    let (mut stories, mut found) = (0, 0);
    while start.elapsed() < Duration::from_secs(120) && (stories < 9 || found == 0) {
        tokio::time::sleep(Duration::from_millis(500)).await;
        stories = get("/api/v1/stories?limit=1")["total"]
            .as_u64()
            .unwrap_or(0);
        found = get("/api/v1/search?q=Drummond")["total"]
            .as_u64()
            .unwrap_or(0);
    }
    let _ = child.kill();
    let _ = child.wait();
    assert!(stories >= 9, "{stories} storylines shown");
    assert!(found > 0, "the watched articles are searchable");
}
