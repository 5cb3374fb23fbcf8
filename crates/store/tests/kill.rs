//! Kill -9 a writer mid-run and check what it leaves behind.
//!
//! The test binary re-executes itself with [`CHILD_ENV`] set; in that mode
//! [`kill_child`] inserts batches of [`BATCH`] articles in a loop, each tagged
//! with its batch number in `extra`. The parent SIGKILLs it after different
//! delays, then checks that the file is sound and that every batch present is
//! complete. Each child starts again from batch 0, so it also shows that a
//! re-run skips what is stored and completes what the kill cut off, and
//! that the per-outlet line counts always match the articles stored.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Map, Value};
use storyline_model::{Article, Body, Hints, Record};
use storyline_store::{ArticleLines, NewArticle, Store, content_hash};

/// Set to the database path in the child process.
const CHILD_ENV: &str = "STORYLINE_STORE_KILL_CHILD";
/// Articles per batch.
const BATCH: usize = 25;
/// The hash of a line every article of the child has.
const COMMON_LINE: u64 = 1 << 40;
/// How long a child writes if nobody kills it (the parent died, say).
const CHILD_LIFETIME: Duration = Duration::from_secs(20);

/// The child's loop; does nothing in a normal test run.
#[test]
fn kill_child() {
    let Some(path) = std::env::var_os(CHILD_ENV) else {
        return;
    };
    let mut store = Store::open(Path::new(&path)).expect("child opens the store");
    let start = Instant::now();
    let mut batch = 0u64;
    while start.elapsed() < CHILD_LIFETIME {
        let raws: Vec<Body> = (0..BATCH).map(|i| Body::Text(text_of(batch, i))).collect();
        let hashes: Vec<String> = raws
            .iter()
            .map(|body| {
                content_hash(&Record {
                    source: "kill".into(),
                    body: body.clone(),
                    hints: Hints::default(),
                })
            })
            .collect();
        let articles: Vec<Article> = raws
            .iter()
            .enumerate()
            .map(|(i, raw)| article(batch, i, raw.as_str()))
            .collect();
        // One line every article has, and one its batch shares.
        let lines = [COMMON_LINE, batch];
        let items: Vec<NewArticle> = (0..BATCH)
            .map(|i| NewArticle {
                article: &articles[i],
                hash: &hashes[i],
                raw: &raws[i],
                lines: Some(ArticleLines {
                    outlet: "kill.example",
                    hashes: &lines,
                }),
                facts: None,
            })
            .collect();
        store.insert_batch(&items).expect("child inserts a batch");
        batch += 1;
    }
}

fn text_of(batch: u64, i: usize) -> String {
    // A few hundred bytes, so a batch spans several pages of the WAL.
    format!("Batch {batch}, article {i}. ").repeat(16)
}

fn article(batch: u64, i: usize, text: &str) -> Article {
    let mut extra = Map::new();
    extra.insert("batch".into(), Value::from(batch));
    Article {
        source: format!("kill#{batch}-{i}"),
        outlet: Some("kill.example".into()),
        url: None,
        title: Some(format!("Article {i} of batch {batch}")),
        author: None,
        published: None,
        lang: None,
        text: text.to_owned(),
        extra,
    }
}

#[test]
fn killed_writer_loses_only_its_open_batch() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kill.db");
    let exe = std::env::current_exe().unwrap();
    let mut committed = 0u64;
    for delay_ms in [60, 140, 230, 330, 450] {
        let mut child = Command::new(&exe)
            .args(["kill_child", "--exact", "--test-threads=1"])
            .env(CHILD_ENV, &path)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        child.kill().unwrap(); // SIGKILL on Unix
        let status = child.wait().unwrap();
        assert!(!status.success(), "the child ran to its end: {status}");

        let batches = check(&path);
        eprintln!("killed after {delay_ms} ms: {batches} batches committed");
        assert!(
            batches >= committed,
            "a re-run lost batches: {batches} < {committed}"
        );
        committed = batches;
    }
    assert!(committed > 0, "no child got a batch committed");
}

/// Checks the file after a kill; returns how many batches it holds.
fn check(path: &Path) -> u64 {
    let store = Store::open(path).expect("the store opens after a kill");
    assert_eq!(store.integrity_check().unwrap(), Vec::<String>::new());
    let conn = rusqlite::Connection::open(path).unwrap();
    let mut st = conn
        .prepare(
            "SELECT json_extract(extra, '$.batch') AS b, count(*) FROM articles \
             GROUP BY b ORDER BY b",
        )
        .unwrap();
    let groups: Vec<(i64, i64)> = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for (n, (batch, rows)) in groups.iter().enumerate() {
        // Batches commit in order, so those present are 0, 1, 2, ...
        assert_eq!(*batch, n as i64, "batches present: {groups:?}");
        assert_eq!(*rows, BATCH as i64, "batch {batch} is incomplete");
    }
    let articles = groups.len() as u64 * BATCH as u64;
    assert_eq!(store.count().unwrap(), articles);
    // The line counts went in with their articles: none lost, none doubled
    // by a re-run.
    let (lines, outlets) = store.load_outlet_lines(usize::MAX).unwrap();
    if articles > 0 {
        assert_eq!(outlets, [("kill.example".to_string(), articles)]);
    }
    for (outlet, hash, n) in lines {
        assert_eq!(outlet, "kill.example");
        let want = if hash == COMMON_LINE {
            articles
        } else {
            BATCH as u64
        };
        assert_eq!(n, want, "line {hash}");
    }
    groups.len() as u64
}
