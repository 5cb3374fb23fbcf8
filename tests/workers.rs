//! Distributed workers on PostgreSQL: the same articles and stories as one
//! `ingest` into SQLite, and nothing lost or stored twice when workers and
//! the placer are killed with SIGKILL or the server restarts mid-run.
//!
//! Needs the throwaway server of `scripts/pg_cluster.sh` (named by
//! `STORYLINE_TEST_POSTGRES`); skipped without one, unless
//! `STORYLINE_REQUIRE_POSTGRES` is set. The server restart runs when
//! `STORYLINE_TEST_PG_RESTART` holds the command that restarts it.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use storyline_store::Store;
use storyline_testkit::postgres::fresh_database;

/// The tests here restart the server: one at a time.
static SERIAL: Mutex<()> = Mutex::new(());

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_storyline"))
}

fn run_ok(args: &[&str]) {
    let out = bin().args(args).output().expect("runs");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/corpus")
}

fn worker(db: &str, name: &str, extra: &[&str]) -> Child {
    bin()
        .args(["worker", "--db", db, "--name", name, "--lease", "2"])
        .args(extra)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("worker starts")
}

fn wait_all(children: &mut [Child], limit: Duration) {
    let start = Instant::now();
    for c in children.iter_mut() {
        loop {
            if c.try_wait().unwrap().is_some() {
                break;
            }
            assert!(start.elapsed() < limit, "workers did not finish");
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

/// Every article by content hash, with what a reader sees of it, and the
/// stories and storylines as sets of member hashes (ids differ between
/// databases written in parallel; contents must not).
type Snapshot = (
    BTreeMap<String, (Option<String>, Option<String>, String)>,
    BTreeSet<Vec<String>>,
    BTreeSet<Vec<String>>,
);

fn snapshot(db: &str) -> Snapshot {
    let store = Store::open(Path::new(db)).unwrap();
    let mut hash = BTreeMap::new();
    let mut articles = BTreeMap::new();
    for a in store.articles().unwrap() {
        hash.insert(a.id, a.hash.clone());
        articles.insert(
            a.hash,
            (a.article.title, a.article.published, a.article.text),
        );
    }
    let mut stories: BTreeMap<i64, Vec<String>> = BTreeMap::new();
    let mut lines: BTreeMap<i64, Vec<String>> = BTreeMap::new();
    for p in store.placements().unwrap() {
        stories
            .entry(p.story_id)
            .or_default()
            .push(hash[&p.article_id].clone());
        lines
            .entry(p.storyline_id)
            .or_default()
            .push(hash[&p.article_id].clone());
    }
    let canon = |m: BTreeMap<i64, Vec<String>>| {
        m.into_values()
            .map(|mut v| {
                v.sort();
                v
            })
            .collect()
    };
    (articles, canon(stories), canon(lines))
}

#[test]
fn two_workers_store_and_place_what_one_ingest_does() {
    let _one = SERIAL.lock().unwrap_or_else(|p| p.into_inner());
    let Some(pg) = fresh_database() else { return };
    let dir = tempfile::tempdir().unwrap();
    let lite = dir.path().join("one.db");
    let lite = lite.to_str().unwrap();
    let corpus = corpus();
    let corpus = corpus.to_str().unwrap();
    run_ok(&["ingest", "-q", "--db", lite, corpus]);

    run_ok(&["enqueue", "--db", &pg, corpus]);
    // Queued twice is queued once.
    run_ok(&["enqueue", "--db", &pg, corpus]);
    // Stored in parallel, then placed in one go, as the one ingest placed
    // them (placing while storing places by arrival, round by round).
    let mut ws = [
        worker(&pg, "w1", &["--until-empty", "--no-place"]),
        worker(&pg, "w2", &["--until-empty", "--no-place"]),
    ];
    wait_all(&mut ws, Duration::from_secs(120));
    let mut placer = [worker(&pg, "p", &["--until-empty", "--place-only"])];
    wait_all(&mut placer, Duration::from_secs(120));

    let (a, b) = (snapshot(lite), snapshot(&pg));
    assert_eq!(a.0.len(), b.0.len());
    assert!(a.0 == b.0, "the same articles");
    assert!(!a.1.is_empty());
    assert_eq!(a.1, b.1, "the same stories");
    assert_eq!(a.2, b.2, "the same storylines");
    // The digest reads the same, but for ids (which follow arrival).
    let digest = |db: &str| {
        let out = bin()
            .args(["digest", "--db", db, "--json"])
            .output()
            .unwrap();
        let mut v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        without_ids(&mut v);
        v
    };
    assert!(digest(lite) == digest(&pg), "the same digest");
}

fn without_ids(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Object(m) => {
            for k in ["id", "article", "generated"] {
                m.remove(k);
            }
            m.values_mut().for_each(without_ids);
        }
        serde_json::Value::Array(a) => a.iter_mut().for_each(without_ids),
        _ => {}
    }
}

/// A WARC archive of `n` small invented pages, in groups of three on one
/// event each.
fn warc(path: &Path, n: usize) {
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    for i in 0..n {
        let event = i / 3;
        let html = format!(
            "<html><head><title>Bridge {event} closes for repairs, outlet {i}</title></head><body>\
             <article><h1>Bridge {event} closes for repairs, outlet {i}</h1>\
             <p>Engineers closed bridge number {event} in the town of Vell{event} on Monday \
             after inspectors found cracks in its supports, the council said.</p>\
             <p>Traffic is diverted through the ring road while crews from firm {event} \
             replace the damaged bearings, a job expected to last {event} weeks.</p>\
             <p>Report {i} of the series, written for this test.</p></article></body></html>"
        );
        let http = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\
             Content-Length: {}\r\n\r\n{html}",
            html.len()
        );
        write!(
            f,
            "WARC/1.0\r\nWARC-Type: response\r\nWARC-Date: 2025-03-0{}T10:00:00Z\r\n\
             WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{i:012}>\r\n\
             WARC-Target-URI: https://outlet{}.example/news/{i}\r\n\
             Content-Type: application/http; msgtype=response\r\n\
             Content-Length: {}\r\n\r\n{http}\r\n\r\n",
            1 + event % 9,
            i % 7,
            http.len()
        )
        .unwrap();
    }
}

fn status(db: &str) -> serde_json::Value {
    let out = bin()
        .args(["status", "--db", db, "--json"])
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout).unwrap_or_default()
}

#[cfg(unix)]
#[test]
fn killed_workers_and_placers_and_a_restarted_server_lose_nothing() {
    let _one = SERIAL.lock().unwrap_or_else(|p| p.into_inner());
    let Some(pg) = fresh_database() else { return };
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("news.warc");
    const PAGES: usize = 3000;
    warc(&archive, PAGES);
    run_ok(&[
        "enqueue",
        "--db",
        &pg,
        "--records-per-item",
        "100",
        archive.to_str().unwrap(),
    ]);
    // Two takers and two placers (one holds the lock, one stands by).
    let names = ["w1", "w2", "p1", "p2"];
    let extra = |n: &str| -> &'static [&'static str] {
        if n.starts_with('w') {
            &["--until-empty", "--no-place"]
        } else {
            &["--until-empty", "--place-only"]
        }
    };
    let mut procs: BTreeMap<&str, Child> = names
        .iter()
        .map(|&n| (n, worker(&pg, n, extra(n))))
        .collect();
    let kill = |c: &mut Child| {
        let _ = c.kill(); // SIGKILL
        let _ = c.wait();
    };
    let mut killed_workers = 0;
    let mut killed_placers = 0;
    let mut restarted = false;
    let started = Instant::now();
    while killed_workers < 5 || killed_placers < 5 {
        assert!(
            started.elapsed() < Duration::from_secs(300),
            "kills took too long"
        );
        std::thread::sleep(Duration::from_millis(700));
        let s = status(&pg);
        let done =
            s["queue"]["queued"].as_u64() == Some(0) && s["queue"]["running"].as_u64() == Some(0);
        if done && s["unplaced"].as_u64() == Some(0) {
            break;
        }
        if killed_placers < 5
            && let Some(p) = s["queue"]["placer"].as_str()
            && let Some(c) = procs.get_mut(p)
        {
            kill(c);
            killed_placers += 1;
            let name = names.iter().find(|n| **n == p).unwrap();
            procs.insert(name, worker(&pg, name, extra(name)));
        }
        if killed_workers < 5 && !done {
            let name = names[killed_workers % 2];
            kill(procs.get_mut(name).unwrap());
            killed_workers += 1;
            procs.insert(name, worker(&pg, name, extra(name)));
        }
        if !restarted && killed_workers == 3 {
            if let Ok(cmd) = std::env::var("STORYLINE_TEST_PG_RESTART") {
                let ok = Command::new("sh").args(["-c", &cmd]).status().unwrap();
                assert!(ok.success(), "restarting the server");
            }
            restarted = true;
        }
    }
    let mut rest: Vec<Child> = procs.into_values().collect();
    wait_all(&mut rest, Duration::from_secs(300));
    // A placer may have been killed last: one more, to be sure all is placed.
    let mut last = [worker(&pg, "p3", &["--until-empty", "--place-only"])];
    wait_all(&mut last, Duration::from_secs(120));

    let s = status(&pg);
    assert_eq!(s["queue"]["done"].as_u64(), Some(30), "{s}");
    assert_eq!(s["queue"]["failed"].as_u64(), Some(0), "{s}");
    assert_eq!(
        s["articles"].as_u64(),
        Some(PAGES as u64),
        "nothing lost, nothing twice: {s}"
    );
    assert_eq!(s["unplaced"].as_u64(), Some(0), "{s}");
    let store = Store::open(Path::new(&pg)).unwrap();
    let urls: BTreeSet<String> = store
        .articles()
        .unwrap()
        .into_iter()
        .filter_map(|a| a.article.url)
        .collect();
    assert_eq!(urls.len(), PAGES, "every page once");
    assert_eq!(
        store.placements().unwrap().len(),
        PAGES,
        "every article placed once"
    );
    eprintln!(
        "killed {killed_workers} workers and {killed_placers} placers; server restarted: {restarted}"
    );
    assert!(
        killed_workers >= 3 && killed_placers >= 1,
        "{killed_workers} {killed_placers}"
    );
}

/// A page server on loopback for the URL items: `/a` and `/b` are
/// articles, anything else is 404. Serves until the test ends.
fn page_server() -> String {
    use std::io::{BufRead, BufReader};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut line = String::new();
            let _ = reader.read_line(&mut line);
            // Read the rest of the request's head.
            let mut h = String::new();
            while reader.read_line(&mut h).is_ok_and(|n| n > 2) {
                h.clear();
            }
            let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
            let page = |title: &str, text: &str| {
                format!(
                    "<html><head><title>{title}</title></head><body><article><h1>{title}</h1>\
                     <p>{text}</p><p>{text} The council will meet again next month to decide.</p>\
                     </article></body></html>"
                )
            };
            let (status, body) = match path.as_str() {
                "/a" => (
                    "200 OK",
                    page(
                        "Ferry timetable cut for winter",
                        "The harbour authority said on Tuesday that the winter ferry timetable will run four crossings a day instead of six, citing crew shortages and lower demand.",
                    ),
                ),
                "/b" => (
                    "200 OK",
                    page(
                        "Night trams return to the valley",
                        "Night trams will run again on the valley line from Friday, the operator said, after a two-year pause for track repairs and new signalling.",
                    ),
                ),
                _ => ("404 Not Found", String::from("no such page")),
            };
            let mut s = stream;
            let _ = write!(
                s,
                "HTTP/1.1 {status}\r\ncontent-type: text/html; charset=utf-8\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    base
}

#[test]
fn queued_urls_are_fetched_by_a_worker_and_internal_addresses_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("urls.db");
    let db = db.to_str().unwrap();
    let base = page_server();
    let (a, b, gone) = (
        format!("{base}/a"),
        format!("{base}/b"),
        format!("{base}/gone"),
    );
    run_ok(&["enqueue", "--db", db, &a, &b, &gone]);
    // Queued again: known, not added twice.
    run_ok(&["enqueue", "--db", db, &a]);
    let st = status(db);
    assert_eq!(st["queue"]["queued"], 3, "{st}");
    // By default a worker refuses loopback addresses: every item fails,
    // each naming its URL and the reason.
    let mut w = [worker(db, "strict", &["--until-empty"])];
    wait_all(&mut w, Duration::from_secs(60));
    let st = status(db);
    assert_eq!(st["queue"]["failed"], 3, "{st}");
    let failures = st["queue"]["failures"].to_string();
    assert!(failures.contains("/a"), "{failures}");
    let store = Store::open(Path::new(db)).unwrap();
    assert_eq!(store.count().unwrap(), 0);
    drop(store);

    // Allowed, in a fresh queue: two articles, the missing page a failure.
    let db2 = dir.path().join("urls2.db");
    let db2 = db2.to_str().unwrap();
    run_ok(&["enqueue", "--db", db2, &a, &b, &gone]);
    let mut w = [worker(db2, "open", &["--until-empty", "--allow-private"])];
    wait_all(&mut w, Duration::from_secs(60));
    let st = status(db2);
    assert_eq!(
        (st["queue"]["done"].as_u64(), st["queue"]["failed"].as_u64()),
        (Some(2), Some(1)),
        "{st}"
    );
    assert!(st["queue"]["failures"].to_string().contains("404"), "{st}");
    let out = bin()
        .args(["articles", "--db", db2, "--json"])
        .output()
        .unwrap();
    let listed = String::from_utf8_lossy(&out.stdout);
    assert!(
        listed.contains("Ferry timetable cut for winter"),
        "{listed}"
    );
    assert!(
        listed.contains("Night trams return to the valley"),
        "{listed}"
    );
    let urls: BTreeSet<String> = listed
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["url"].as_str().map(str::to_string))
        .collect();
    assert_eq!(urls, BTreeSet::from([a.clone(), b.clone()]), "{listed}");
}
