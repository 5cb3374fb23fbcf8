//! End-to-end tests of the `storyline` binary on the fixtures in
//! `tests/data/` (one invented article in every format, and bad inputs),
//! the seeds in `../shared/seeds/` when present, and hostile inputs made at
//! run time.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const TITLE: &str = "Greyhaven library reopens after two-year roof repair";

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_storyline"))
}

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

fn run(args: &[&str]) -> Output {
    bin()
        .args(args)
        .env_remove("STORYLINE_DB")
        .output()
        .expect("run storyline")
}

fn extract(path: &Path) -> (Vec<Value>, String, bool) {
    let out = run(&["extract", path.to_str().unwrap()]);
    let articles = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("stdout is JSON lines"))
        .collect();
    (
        articles,
        String::from_utf8_lossy(&out.stderr).to_string(),
        out.status.success(),
    )
}

#[test]
fn every_format_gives_the_same_article() {
    let files = [
        "article.txt",
        "article_furniture.txt",
        "article.html",
        "article.html.gz",
        "article_latin1.html",
        "article.jsonl",
        "article.rss.xml",
        "article.atom.xml",
        "article.feed.json",
        "article.warc",
        "article.warc.gz",
    ];
    let mut texts = Vec::new();
    for f in files {
        let (arts, err, ok) = extract(&data(f));
        assert!(ok, "{f}: {err}");
        assert_eq!(arts.len(), 1, "{f}: {arts:?}");
        let a = &arts[0];
        assert_eq!(a["title"], TITLE, "{f}");
        assert_eq!(a["author"], "Mara Ellison", "{f}");
        assert_eq!(&a["published"].as_str().unwrap()[..10], "2025-11-03", "{f}");
        assert_eq!(a["lang"], "en", "{f}");
        let text = a["text"].as_str().unwrap();
        assert!(
            text.contains("Greyhaven’s public library reopened on Monday"),
            "{f}: {text}"
        );
        assert!(text.ends_with("9am to 6pm."), "{f}: {text}");
        for furniture in [
            "Advertisement",
            "Read more",
            "cookies",
            "Subscribe",
            "All rights reserved",
        ] {
            assert!(
                !text.contains(furniture),
                "{f}: {furniture:?} left in {text}"
            );
        }
        if f.ends_with(".txt") {
            assert_eq!(
                a["outlet"],
                Value::Null,
                "{f}: a text never names its own outlet"
            );
        } else {
            assert_eq!(a["outlet"], "harbourgazette.example", "{f}");
            if f.contains("html") || f.contains("warc") || f.ends_with(".jsonl") {
                // The page's og:site_name, or the line's `outlet` field.
                assert_eq!(a["extra"]["outlet_name"], "The Harbour Gazette", "{f}");
            }
        }
        // The body must not differ by format or charset beyond a standfirst.
        let body = &text[text.find("Greyhaven’s public library").unwrap()..];
        texts.push((f, body.to_string()));
    }
    for (f, t) in &texts[1..] {
        assert_eq!(t, &texts[0].1, "{f} differs from {}", texts[0].0);
    }
    let (arts, _, _) = extract(&data("article.jsonl"));
    assert_eq!(arts[0]["extra"]["section"], "news");
}

#[test]
fn bad_inputs_fail_clearly_and_the_rest_goes_on() {
    let cases: &[(&str, usize, Option<&str>)] = &[
        ("bad/binary.bin", 0, Some("binary data")),
        ("bad/empty.txt", 0, Some("empty input")),
        ("bad/invalid_utf8.txt", 1, None),
        ("bad/utf16.txt", 1, None),
        ("bad/truncated.html.gz", 0, Some("truncated gzip")),
        (
            "bad/malformed.jsonl",
            2,
            Some("malformed.jsonl#2: invalid JSON"),
        ),
        ("bad/broken_dates.rss.xml", 2, None),
        ("bad/truncated.warc.gz", 1, Some("truncated gzip")),
    ];
    for (f, n, err) in cases {
        let (arts, stderr, ok) = extract(&data(f));
        assert_eq!(arts.len(), *n, "{f}: {arts:?} {stderr}");
        match err {
            Some(e) => {
                assert!(!ok, "{f} must exit non-zero");
                assert!(stderr.contains(e), "{f}: {stderr}");
                assert!(
                    stderr.contains(f),
                    "{f}: error must name the input: {stderr}"
                );
                assert_eq!(
                    stderr.lines().count(),
                    1,
                    "{f}: one line per error: {stderr}"
                );
            }
            None => assert!(ok, "{f}: {stderr}"),
        }
        assert!(!stderr.contains("panicked"), "{f}: {stderr}");
    }
    let (arts, _, _) = extract(&data("bad/broken_dates.rss.xml"));
    assert!(
        arts.iter().all(|a| a["published"].is_null()),
        "a date is never invented"
    );
    let (arts, _, _) = extract(&data("bad/utf16.txt"));
    assert_eq!(arts[0]["title"], TITLE);

    // One run over good and bad inputs: every good one is stored.
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let out = run(&[
        "ingest",
        "--quiet",
        "--db",
        db.to_str().unwrap(),
        data("bad").to_str().unwrap(),
        data("article.html").to_str().unwrap(),
    ]);
    assert!(
        !out.status.success(),
        "a failure anywhere makes the exit code non-zero"
    );
    let list = run(&["articles", "--json", "--db", db.to_str().unwrap()]);
    let n = String::from_utf8_lossy(&list.stdout).lines().count();
    assert!(
        n >= 4,
        "good articles from bad files and the good file are stored: {n}"
    );
}

#[test]
fn hostile_inputs_made_at_run_time() {
    use flate2::{Compression, write::GzEncoder};
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    // A gzip bomb: 200 MiB of zeros in ~200 KB.
    let bomb = dir.path().join("bomb.html.gz");
    let mut enc = GzEncoder::new(std::fs::File::create(&bomb).unwrap(), Compression::best());
    let zeros = vec![0u8; 1 << 20];
    for _ in 0..200 {
        enc.write_all(&zeros).unwrap();
    }
    enc.finish().unwrap();
    let (arts, err, ok) = extract(&bomb);
    assert!(arts.is_empty() && !ok, "{err}");
    assert!(err.contains("gzip bomb"), "{err}");
    // A huge file: more than a document may be.
    let huge = dir.path().join("huge.txt");
    let line = "This sentence is repeated until the file is larger than any article should be.\n";
    std::fs::write(&huge, line.repeat((65 << 20) / line.len() + 1)).unwrap();
    let (arts, err, ok) = extract(&huge);
    assert!(arts.is_empty() && !ok);
    assert!(err.contains("exceeds the limit"), "{err}");
    // A missing file and a directory with nothing readable.
    let (_, err, ok) = extract(&dir.path().join("missing.txt"));
    assert!(!ok && err.contains("missing.txt"), "{err}");
}

#[test]
fn stdin_is_an_input() {
    let mut child = bin()
        .args(["extract", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let text = std::fs::read(data("article.txt")).unwrap();
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(&text).unwrap();
    }
    let out = child.wait_with_output().unwrap();
    let a: Value =
        serde_json::from_slice(out.stdout.split(|b| *b == b'\n').next().unwrap()).unwrap();
    assert_eq!(a["title"], TITLE);
    assert_eq!(a["source"], "<stdin>");
}

#[test]
fn reingesting_adds_nothing_and_articles_are_listed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let db = db.to_str().unwrap();
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/corpus");
    let first = run(&["ingest", "--json", "--db", db, corpus.to_str().unwrap()]);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let s: Value = serde_json::from_slice(&first.stdout).unwrap();
    assert!(s["stored"].as_u64().unwrap() >= 48, "{s}");
    let again = run(&["ingest", "--json", "--db", db, corpus.to_str().unwrap()]);
    let s2: Value = serde_json::from_slice(&again.stdout).unwrap();
    assert_eq!(s2["stored"], 0, "{s2}");
    assert_eq!(s2["total_in_db"], s["total_in_db"]);
    let list = run(&["articles", "--db", db]);
    let text = String::from_utf8_lossy(&list.stdout);
    assert_eq!(
        text.lines().count() as u64,
        s["total_in_db"].as_u64().unwrap()
    );
    let one = run(&["article", "1", "--json", "--db", db]);
    let a: Value = serde_json::from_slice(&one.stdout).unwrap();
    assert_eq!(a["id"], 1);
    let stories = run(&["stories", "--json", "--db", db]);
    let stories: Vec<Value> = String::from_utf8_lossy(&stories.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let in_stories: u64 = stories
        .iter()
        .map(|s| s["articles"].as_u64().unwrap())
        .sum();
    assert_eq!(
        in_stories,
        s["total_in_db"].as_u64().unwrap(),
        "every article is in one story"
    );
    let first = stories[0]["id"].to_string();
    let story = run(&["story", &first, "--json", "--db", db]);
    let story: Value = serde_json::from_slice(&story.stdout).unwrap();
    assert_eq!(
        story["articles"].as_array().unwrap().len() as u64,
        stories[0]["articles"].as_u64().unwrap()
    );
    let missing = run(&["article", "99999", "--db", db]);
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no article 99999"));
}

#[test]
fn a_feed_entry_with_only_a_title_and_link_is_stored_waiting_for_its_page() {
    let dir = tempfile::tempdir().unwrap();
    let feed = dir.path().join("quay.rss.xml");
    std::fs::write(
        &feed,
        r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Quayside Bulletin</title>
<link>https://quaysidebulletin.example/</link>
<item><title>Lifeboat crew rescues two kayakers off the north pier</title>
<link>https://quaysidebulletin.example/news/lifeboat-kayakers</link>
<pubDate>Sat, 16 Dec 2023 17:14:01 +0200</pubDate></item>
<item><title>Fish market to open an hour later from January</title>
<link>https://quaysidebulletin.example/news/fish-market-hours</link>
<pubDate>Sat, Dec 16 2023 02:02:33 PM</pubDate>
<description>The fish market will open an hour later from January, its managers told traders on Friday, so that the night boats can land first.</description></item>
</channel></rss>"#,
    )
    .unwrap();
    let db = dir.path().join("q.db");
    let db = db.to_str().unwrap();
    let out = run(&["ingest", "--json", "--db", db, feed.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let s: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (s["stored"].as_u64(), s["errors"].as_u64()),
        (Some(2), Some(0)),
        "{s}"
    );
    let list = run(&["articles", "--json", "--db", db]);
    let listed: Vec<Value> = String::from_utf8_lossy(&list.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(listed.len(), 2);
    let (pending, full) = match listed[0]["pending"].as_bool() {
        Some(true) => (&listed[0], &listed[1]),
        _ => (&listed[1], &listed[0]),
    };
    assert_eq!(pending["pending"], true, "{pending}");
    assert_eq!(pending["chars"], 0);
    assert_eq!(pending["outlet"], "quaysidebulletin.example");
    // The feed's offset is kept: the publisher's evening, not UTC's.
    assert_eq!(pending["published"], "2023-12-16T17:14:01+02:00");
    assert_eq!(full["pending"], false);
    assert_eq!(full["published"], "2023-12-16T14:02:33");
    let one = run(&["article", &pending["id"].to_string(), "--json", "--db", db]);
    let a: Value = serde_json::from_slice(&one.stdout).unwrap();
    assert_eq!(a["extra"]["pending"], "page");
    // Only the article with a text is in a story.
    let stories = stories_json(db, &[]);
    let placed: u64 = stories
        .iter()
        .map(|s| s["articles"].as_u64().unwrap())
        .sum();
    assert_eq!(placed, 1);
    let digest = run(&["digest", "--db", db]);
    assert!(
        digest.status.success(),
        "{}",
        String::from_utf8_lossy(&digest.stderr)
    );
    let text = run(&["articles", "--db", db]);
    assert!(String::from_utf8_lossy(&text.stdout).contains("[waiting for its page]"));
}

/// `storyline stories --json` lines, parsed.
fn stories_json(db: &str, extra: &[&str]) -> Vec<Value> {
    let mut args = vec!["stories", "--json", "--db", db];
    args.extend_from_slice(extra);
    let out = run(&args);
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

#[test]
fn ingest_rounds_continue_the_stream_and_a_rebuild_agrees() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let db = db.to_str().unwrap();
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/corpus");
    // Three rounds: plain texts, then HTML pages, then feeds and the rest.
    for part in ["text", "html", "."] {
        let out = run(&[
            "ingest",
            "-q",
            "--db",
            db,
            corpus.join(part).to_str().unwrap(),
        ]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let incremental = stories_json(db, &[]);
    let total: u64 = incremental
        .iter()
        .map(|s| s["articles"].as_u64().unwrap())
        .sum();
    let list = run(&["articles", "--db", db]);
    assert_eq!(
        String::from_utf8_lossy(&list.stdout).lines().count() as u64,
        total
    );
    let rebuilt = stories_json(db, &["--rebuild"]);
    assert_eq!(incremental, rebuilt);
    // A damaged state is noticed and replaced by a rebuild on the next run.
    rusqlite::Connection::open(db)
        .unwrap()
        .execute("UPDATE cluster_state SET state = x'00ff00ff'", [])
        .unwrap();
    let out = run(&[
        "ingest",
        "-q",
        "--db",
        db,
        data("article.txt").to_str().unwrap(),
    ]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("re-clustering"));
    let after = stories_json(db, &[]);
    assert_eq!(after, stories_json(db, &["--rebuild"]));
}

#[test]
fn the_digest_from_stored_briefs_is_the_digest_computed_live() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let db = db.to_str().unwrap();
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/corpus");
    let out = run(&["ingest", "-q", "--db", db, corpus.to_str().unwrap()]);
    assert!(out.status.success());
    let out = run(&["digest", "--json", "--db", db, "--limit", "100"]);
    assert!(out.status.success());
    let stored: Value = serde_json::from_slice(&out.stdout).unwrap();
    {
        let conn = rusqlite::Connection::open(db).unwrap();
        let briefs: i64 = conn
            .query_row("SELECT COUNT(*) FROM story_briefs", [], |r| r.get(0))
            .unwrap();
        let facts: i64 = conn
            .query_row("SELECT COUNT(*) FROM article_facts", [], |r| r.get(0))
            .unwrap();
        assert_eq!(
            briefs as usize,
            stored["stories_total"].as_u64().unwrap() as usize
        );
        assert_eq!(facts as u64, stored["articles"].as_u64().unwrap());
        // As a file from before briefs were kept.
        conn.execute("DELETE FROM story_briefs", []).unwrap();
    }
    let store = storyline_store::Store::open_read_only(Path::new(db)).unwrap();
    let options = storyline_story::Options {
        since: None,
        words: storyline_story::DEFAULT_WORDS,
        limit: 100,
    };
    let live = serde_json::to_value(storyline_story::digest(&store, &options).unwrap()).unwrap();
    assert!(stored["stories"].as_array().unwrap().len() > 5);
    assert_eq!(stored["stories"], live["stories"]);
    // An article's facts read as stored are those computed now.
    let shown = run(&["article", "1", "--json", "--db", db]);
    assert!(shown.status.success());
    let shown: Value = serde_json::from_slice(&shown.stdout).unwrap();
    let a = store.article(1).unwrap().unwrap().article;
    let lang = a.lang.as_ref().map(|l| l.code.as_str());
    let facts: Value = serde_json::from_str(&storyline_story::facts_json(
        &a.text,
        lang,
        a.published.as_deref(),
    ))
    .unwrap();
    for k in ["entities", "dates", "quotes"] {
        assert_eq!(shown[k], facts[k], "{k}");
    }
}

#[test]
fn a_developing_story_is_one_storyline_of_its_events() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let db = db.to_str().unwrap();
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/corpus");
    let out = run(&["ingest", "-q", "--db", db, corpus.to_str().unwrap()]);
    assert!(out.status.success());
    let lines = stories_json(db, &[]);
    // The strike, the walk-out and the deal weeks later, is one storyline
    // of several events; its headline is its latest development's.
    let titles = |v: &Value| -> Vec<String> {
        v["events"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["title"].as_str().unwrap_or("").to_string())
            .collect()
    };
    let strike = lines
        .iter()
        .find(|l| {
            titles(l)
                .iter()
                .any(|t| t.contains("Brennan Motors workers walk out"))
        })
        .expect("the Brennan strike");
    let events = titles(strike);
    assert!(events.len() >= 3, "{events:?}");
    assert!(
        events.iter().any(|t| t.contains("7 percent deal")),
        "{events:?}"
    );
    assert!(strike["title"].as_str().unwrap().contains("7 percent deal"));
    let sum: u64 = strike["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["articles"].as_u64().unwrap())
        .sum();
    assert_eq!(strike["articles"].as_u64(), Some(sum));
    // Any of its events' ids shows the whole storyline, event by event.
    let last = strike["events"].as_array().unwrap().last().unwrap()["id"].to_string();
    let shown = run(&["story", &last, "--json", "--db", db]);
    let shown: Value = serde_json::from_slice(&shown.stdout).unwrap();
    assert_eq!(shown["id"], strike["id"]);
    assert_eq!(shown["events"].as_array().unwrap().len(), events.len());
    assert!(
        !shown["events"][0]["articles"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    let text = run(&["story", &last, "--db", db]);
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains(&format!("in {} events", events.len())),
        "{text}"
    );
    // The digest ranks storylines: each lists its events, and a developed
    // one's timeline is made of them.
    let out = run(&["digest", "--json", "--db", db]);
    let digest: Value = serde_json::from_slice(&out.stdout).unwrap();
    let story = digest["stories"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == strike["id"])
        .expect("the strike is in the digest");
    assert_eq!(story["events"].as_array().unwrap().len(), events.len());
    assert_eq!(story["timeline"].as_array().unwrap().len(), events.len());
}

#[test]
fn kill_nine_loses_nothing_committed_and_a_rerun_completes() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("many.jsonl");
    let mut lines = String::new();
    for i in 0..6000 {
        lines.push_str(&format!(
            "{{\"id\":\"a{i}\",\"url\":\"https://wire.example/{i}\",\"title\":\"Report number {i}\",\"date\":\"2025-11-03\",\"text\":\"Report number {i} says the council met on Monday and agreed the budget for the harbour works after a long debate.\"}}\n"
        ));
    }
    std::fs::write(&input, lines).unwrap();
    let db = dir.path().join("k.db");
    for delay in [150, 400] {
        let mut child = bin()
            .args([
                "ingest",
                "--quiet",
                "--db",
                db.to_str().unwrap(),
                input.to_str().unwrap(),
            ])
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay));
        let _ = child.kill();
        let _ = child.wait();
    }
    let out = run(&[
        "ingest",
        "--json",
        "--db",
        db.to_str().unwrap(),
        input.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let s: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(s["total_in_db"], 6000, "{s}");
}

/// The seeds live outside the repository; CI has them beside it.
/// The seeds ingested into a fresh database in a temporary directory
/// (kept alive by the returned handle), or `None` when they are absent.
fn ingested_seeds() -> Option<(tempfile::TempDir, String)> {
    let Some(seeds) = seeds() else {
        eprintln!("../shared/seeds not present; skipped");
        return None;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db").to_str().unwrap().to_string();
    let out = run(&["ingest", "--quiet", "--db", &db, seeds.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some((dir, db))
}

fn seeds() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    p.is_dir().then_some(p)
}

#[test]
fn seeds_say_who_said_what_and_when() {
    let Some((_dir, db)) = ingested_seeds() else {
        return;
    };
    let db = db.as_str();
    let story = stories_json(db, &[])[0]["id"].to_string();

    let out = run(&["quotes", "--story", &story, "--json", "--db", db]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let quotes: Vec<Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let speaker_of = |words: &str| -> String {
        quotes
            .iter()
            .find(|q| q["text"].as_str().unwrap_or("").contains(words))
            .and_then(|q| q["speaker"].as_str())
            .unwrap_or("(not found)")
            .to_string()
    };
    for (words, who) in [
        (
            "We are also open to dialogue with the new US administration",
            "Vladimir Putin",
        ),
        (
            "Most likely, indeed, it is better for us to meet",
            "Vladimir Putin",
        ),
        (
            "We are open for any talks, if the talks are on the merits",
            "Sergey Lavrov",
        ),
        (
            "President Putin said that he wants to meet with me",
            "Donald Trump",
        ),
        ("I don't know when we will meet", "Vladimir Putin"),
    ] {
        assert_eq!(speaker_of(words), who, "{words}");
    }
    // A speaker's quotes are found by name, in any case.
    let out = run(&["quotes", "--speaker", "lavrov", "--db", db]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.lines().count() >= 1 && text.lines().all(|l| l.starts_with("Sergey Lavrov")),
        "{text}"
    );

    let out = run(&["timeline", &story, "--json", "--db", db]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let t: Value = serde_json::from_slice(&out.stdout).unwrap();
    let events = t["events"].as_array().unwrap();
    let on = |day: &str, words: &str| {
        events
            .iter()
            .any(|e| e["when"] == day && e["text"].as_str().unwrap_or("").contains(words))
    };
    assert!(on("2024-12-07", "Paris"), "the Paris meeting: {t:#}");
    assert!(
        on("2024-12-26", "Lavrov"),
        "Lavrov's press conference: {t:#}"
    );
    assert!(
        on("2025-01-09", "Trump said on 9 January"),
        "Trump's remark: {t:#}"
    );
    let council = events.iter().any(|e| {
        e["when"] == "2025-01-20"
            && e["sources"].as_array().unwrap().iter().any(|s| {
                s["sentence"]
                    .as_str()
                    .unwrap_or("")
                    .contains("Security Council")
            })
    });
    assert!(council, "the Security Council meeting: {t:#}");
    assert!(
        on("2025-01-23", "Trump confirmed"),
        "Trump's confirmation: {t:#}"
    );
    let days: Vec<&str> = events
        .iter()
        .filter_map(|e| e["first_day"].as_str())
        .collect();
    assert!(
        days.windows(2).all(|w| w[0] <= w[1]),
        "in date order: {days:?}"
    );
}

#[test]
fn the_seeds_digest_is_one_cited_story_with_quotes_and_a_timeline() {
    let Some(seeds) = seeds() else {
        eprintln!("../shared/seeds not present; skipped");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let db = db.to_str().unwrap();
    let html = dir.path().join("d.html");
    let out = run(&[
        "digest",
        "-q",
        "--json",
        "--db",
        db,
        "--html",
        html.to_str().unwrap(),
        seeds.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let d: Value = serde_json::from_slice(&out.stdout).unwrap();
    let stories = d["stories"].as_array().unwrap();
    assert_eq!(stories.len(), 1, "{d:#}");
    let s = &stories[0];
    let summary: Vec<&Value> = s["summary"].as_array().unwrap().iter().collect();
    let text: String = summary
        .iter()
        .map(|l| l["text"].as_str().unwrap())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(text.contains("Putin") && text.contains("Trump"), "{text}");
    assert!(text.contains("meet") || text.contains("talk"), "{text}");
    let mut cited: Vec<u64> = summary
        .iter()
        .flat_map(|l| {
            l["sources"]
                .as_array()
                .unwrap()
                .iter()
                .map(|n| n.as_u64().unwrap())
        })
        .collect();
    cited.sort_unstable();
    cited.dedup();
    assert!(cited.len() >= 3, "cites several of the five: {cited:?}");
    let speakers: Vec<&str> = s["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|q| q["speaker"].as_str())
        .collect();
    for who in ["Vladimir Putin", "Donald Trump", "Sergey Lavrov"] {
        assert!(speakers.contains(&who), "{who} in {speakers:?}");
    }
    assert!(s["timeline"].as_array().unwrap().len() >= 5);
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains("Who said what") && page.contains("Timeline"));
}

#[test]
fn a_script_in_an_article_comes_out_inert() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    let db = db.to_str().unwrap();
    let jsonl = dir.path().join("evil.jsonl");
    let text = "The harbour council met on Monday to approve the new ferry timetable, officials said. \
                <script>alert('owned')</script> The council leader said the change would help commuters. \
                \"We listened to the islanders,\" said council leader Maren Holt. <img src=x onerror=alert(1)>";
    let line = serde_json::json!({
        "url": "javascript:alert(1)", "title": "Council <script>alert(2)</script> approves timetable",
        "date": "2025-03-03", "text": text, "outlet": "<b>Harbour</b> Times",
    });
    std::fs::write(&jsonl, format!("{line}\n")).unwrap();
    let html = dir.path().join("d.html");
    let out = run(&[
        "digest",
        "-q",
        "--db",
        db,
        "--html",
        html.to_str().unwrap(),
        jsonl.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(
        page.contains("&lt;script&gt;"),
        "the text is there, escaped: {page}"
    );
    assert!(!page.contains("<script"), "{page}");
    assert!(!page.contains("<img"), "{page}");
    assert!(!page.contains("<b>"), "{page}");
    assert!(!page.contains("href=\"javascript"), "{page}");
    assert!(page.contains("default-src 'none'"));
    // A day that is not one is refused, naming it.
    let bad = run(&["digest", "--db", db, "--since", "soon"]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--since soon"));
}

#[test]
fn seeds_ingest_as_five_clean_articles() {
    let Some((_dir, db)) = ingested_seeds() else {
        return;
    };
    let db = db.as_str();
    let mut by_file = std::collections::BTreeMap::new();
    for id in 1..=5 {
        let o = run(&["article", &id.to_string(), "--json", "--db", db]);
        let a: Value = serde_json::from_slice(&o.stdout).unwrap();
        let src = a["source"].as_str().unwrap().to_string();
        let name = Path::new(&src).file_name().unwrap().to_string_lossy()[..3].to_string();
        by_file.insert(name, a);
    }
    assert_eq!(by_file.len(), 5);
    let day = |k: &str| {
        by_file[k]["published"]
            .as_str()
            .map(|d| d[..10].to_string())
    };
    assert_eq!(day("000").as_deref(), Some("2025-01-20"));
    assert_eq!(day("002").as_deref(), Some("2024-12-27"));
    assert_eq!(day("003").as_deref(), Some("2024-12-26"));
    assert_eq!(day("004").as_deref(), Some("2025-01-24"));
    assert!(
        day("001").is_none_or(|d| d.starts_with("2025-01")),
        "undated, or a date inferred from the text"
    );
    assert_eq!(
        by_file["004"]["title"],
        "Putin says he is ready to meet with Trump"
    );
    assert_eq!(by_file["004"]["author"], "Valentyna Romanenko");
    let furniture = [
        "All Sections",
        "Support Us",
        "Advertisement:",
        "Support UP or become our patron!",
        "RECENT NEWS",
        "All News",
        "PutinTrump",
        "Stock photo: Getty Images",
        "Latest Videos",
        "Hungary agrees to extend sanctions",
        "Ukrainian forces repel 65 attacks",
        "Укр Рус Eng",
    ];
    for a in by_file.values() {
        let text = a["text"].as_str().unwrap();
        for f in furniture {
            assert!(!text.contains(f), "{:?} left in {}", f, a["source"]);
        }
        assert!(
            !text
                .lines()
                .any(|l| l.len() == 5 && l.as_bytes()[2] == b':'),
            "a timestamp line is left in {}",
            a["source"]
        );
    }
    let stories = run(&["stories", "--json", "--db", db]);
    let stories: Vec<Value> = String::from_utf8_lossy(&stories.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(stories.len(), 1, "the seeds are one story: {stories:?}");
    assert_eq!(stories[0]["articles"], 5);
    let t4 = by_file["004"]["text"].as_str().unwrap();
    assert!(t4.contains("Background:"));
    assert!(t4.contains("On 23 January, US President Donald Trump confirmed"));
}

#[test]
fn an_outlets_own_boilerplate_is_learned_and_cleaned_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("quay.jsonl");
    let bodies = [
        "The ferry company said on Monday that winter sailings would start a week early this year.",
        "Harbour pilots voted on Tuesday to accept a new rota after months of talks with the port.",
        "The fish market will open an hour later from December, its managers told traders on Wednesday.",
        "A new lifeboat arrived in the harbour on Thursday after a two-day voyage from the shipyard.",
    ];
    let mut lines = String::new();
    for (i, body) in bodies.iter().enumerate() {
        let text = format!(
            "{body}\\n\\nIt is the {i}th such change this year, officials said, and more may follow before spring.\\n\\nQuayside Bulletin brings you the harbour every morning"
        );
        lines.push_str(&format!(
            "{{\"url\":\"https://quaysidebulletin.example/{i}\",\"title\":\"Item {i}\",\"text\":\"{text}\"}}\n"
        ));
    }
    std::fs::write(&input, lines).unwrap();
    let db = dir.path().join("q.db");
    let db = db.to_str().unwrap();
    let out = run(&["ingest", "--json", "--db", db, input.to_str().unwrap()]);
    let s: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(s["stored"], 4, "{s}");
    for id in 1..=4 {
        let o = run(&["article", &id.to_string(), "--json", "--db", db]);
        let a: Value = serde_json::from_slice(&o.stdout).unwrap();
        let text = a["text"].as_str().unwrap();
        assert!(
            !text.contains("Quayside Bulletin brings you"),
            "article {id}: {text}"
        );
        assert!(text.contains("officials said"), "article {id}: {text}");
    }
}

#[test]
fn a_reader_that_goes_away_ends_the_run_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("labelled.jsonl");
    let line = |i: usize| {
        format!(
            "{{\"id\":\"{i}\",\"date\":\"2025-01-0{}\",\"title\":\"Harbour crane number {i} fails\",\"text\":\"The crane at berth {i} failed on Monday and the port said repairs would take a week.\",\"cluster\":\"c{}\"}}\n",
            1 + i % 9,
            i % 3
        )
    };
    std::fs::write(&file, (0..30).map(line).collect::<String>()).unwrap();
    for args in [
        vec!["eval", "cluster", file.to_str().unwrap()],
        vec!["extract", data("article.txt").to_str().unwrap()],
    ] {
        let mut child = bin()
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Close our end before it writes: every write fails with EPIPE.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
}

/// Whether `bytes` hold a character a terminal would obey: a control
/// character other than newline and tab, or a bidirectional override.
fn drives_a_terminal(bytes: &[u8]) -> Option<char> {
    String::from_utf8_lossy(bytes).chars().find(|&c| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    })
}

#[test]
fn escape_sequences_in_articles_reach_no_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("esc.db");
    let db = db.to_str().unwrap();
    let jsonl = dir.path().join("esc.jsonl");
    // Clear screen, window title, a hidden link, a C1 CSI and a right-to-left override.
    let hostile = "\x1b[2J\x1b]0;owned\x07\x1b]8;;https://trap.example\x1b\\click\x1b]8;;\x1b\\\u{9b}31m\u{202e}";
    let text = |n: &str| {
        format!(
            "The Velmora ferry board{hostile} met on Tuesday 4 March 2031 to approve the {n} timetable. \
             \"We will run the night ferry{hostile} every day from April,\" said board chair Maren Holt. \
             Islanders{hostile} had asked for the change since the winter storms."
        )
    };
    let lines: Vec<String> = [("tidings.example", "new"), ("coastpost.example", "summer")]
        .iter()
        .map(|(outlet, n)| {
            serde_json::json!({
                "url": format!("https://{outlet}/ferry"),
                "title": format!("Ferry board{hostile} approves {n} timetable"),
                "author": format!("Ansel{hostile} Mirk"),
                "outlet": format!("Velmora{hostile} Tidings"),
                "date": "2031-03-04",
                "text": text(n),
            })
            .to_string()
        })
        .collect();
    std::fs::write(&jsonl, lines.join("\n") + "\n").unwrap();
    let ingest = run(&["ingest", "--db", db, jsonl.to_str().unwrap()]);
    assert!(
        ingest.status.success(),
        "{}",
        String::from_utf8_lossy(&ingest.stderr)
    );
    // The hostile characters are stored as they came: it is the printing
    // that must drop them.
    let stored = run(&["article", "1", "--json", "--db", db]);
    assert!(String::from_utf8_lossy(&stored.stdout).contains("\\u001b[2J"));
    let story = run(&["stories", "--json", "--db", db]);
    let story = String::from_utf8_lossy(&story.stdout)
        .lines()
        .next()
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["id"].to_string())
        .expect("a story");
    let commands: &[&[&str]] = &[
        &["articles"],
        &["article", "1"],
        &["article", "2"],
        &["stories"],
        &["story", &story],
        &["entities", &story],
        &["quotes"],
        &["quotes", "--story", &story],
        &["timeline", &story],
        &["digest"],
    ];
    for args in commands {
        let out = run(&[args, &["--db", db][..]].concat());
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!out.stdout.is_empty(), "{args:?} printed nothing");
        for (name, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
            if let Some(c) = drives_a_terminal(bytes) {
                panic!(
                    "{args:?}: {c:?} reached {name}: {}",
                    String::from_utf8_lossy(bytes).escape_debug()
                );
            }
        }
    }
    // The words around the dropped characters are still shown.
    let article = run(&["article", "1", "--db", db]);
    let article = String::from_utf8_lossy(&article.stdout);
    assert!(
        article.contains("Ansel[2J]0;owned]8;;https://trap.example\\click]8;;\\31m Mirk"),
        "{article}"
    );
}

#[test]
fn a_file_name_cannot_forge_an_error_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("n.db");
    let name = dir.path().join("empty\nerror: forged\x1b[2J.txt");
    std::fs::write(&name, "").unwrap();
    let out = run(&[
        "ingest",
        "--db",
        db.to_str().unwrap(),
        name.to_str().unwrap(),
    ]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    let errors: Vec<&str> = stderr.lines().filter(|l| l.starts_with("error:")).collect();
    assert_eq!(errors.len(), 1, "{stderr}");
    assert!(
        errors[0].contains("empty\\nerror: forged\\u{1b}[2J.txt: empty input"),
        "{stderr}"
    );
    assert_eq!(
        drives_a_terminal(&out.stderr),
        None,
        "{}",
        stderr.escape_debug()
    );
}

/// Runs `storyline sources ARGS --db DB`, with `stdin` piped in when given.
fn sources(db: &str, args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = bin()
        .arg("sources")
        .args(args)
        .args(["--db", db])
        .env_remove("STORYLINE_DB")
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run storyline");
    if let Some(bytes) = stdin {
        use std::io::Write;
        child.stdin.take().unwrap().write_all(bytes).unwrap();
    }
    child.wait_with_output().unwrap()
}

fn sources_json(db: &str) -> Vec<Value> {
    let out = sources(db, &["list", "--json"], None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object a line"))
        .collect()
}

#[test]
fn sources_are_added_listed_and_removed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let db = db.to_str().unwrap();

    let listed = sources(db, &["list"], None);
    assert!(!listed.status.success(), "no database yet");
    assert!(String::from_utf8_lossy(&listed.stderr).contains("no such database"));

    // A bad URL is named, the good ones are still added, the exit fails.
    let out = sources(
        db,
        &[
            "add",
            "https://Gazette.example/feed.xml#top",
            "ftp://gazette.example/feed",
            "http://wire.example/rss",
            "not a url",
        ],
        None,
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        err.contains("ftp://gazette.example/feed: not an http or https URL"),
        "{err}"
    );
    assert!(err.contains("not a url: not a URL"), "{err}");
    assert_eq!(err.lines().count(), 2, "{err}");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "2 feeds added\n");

    // The same feed written another way is the same source.
    let out = sources(
        db,
        &[
            "add",
            "--sitemap",
            "https://gazette.example/feed.xml",
            "https://gazette.example/news-sitemap.xml",
        ],
        None,
    );
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "1 sitemap added, 1 already listed\n"
    );

    let all = sources_json(db);
    let urls: Vec<&str> = all.iter().map(|s| s["url"].as_str().unwrap()).collect();
    assert_eq!(
        urls,
        [
            "http://wire.example/rss",
            "https://gazette.example/feed.xml",
            "https://gazette.example/news-sitemap.xml"
        ]
    );
    let kinds: Vec<&str> = all.iter().map(|s| s["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["feed", "feed", "sitemap"]);
    let s = &all[0];
    for key in [
        "id",
        "url",
        "kind",
        "title",
        "status",
        "added_at",
        "etag",
        "last_modified",
        "interval_secs",
        "next_poll_at",
        "last_polled_at",
        "last_ok_at",
        "failures",
        "last_error",
        "polls",
        "unchanged",
        "items_new",
    ] {
        assert!(s.get(key).is_some(), "{key} missing from {s}");
    }
    assert_eq!(s["status"], "new");
    assert_eq!(s["interval_secs"], 3600);
    assert_eq!(s["polls"], 0);
    assert_eq!(s["added_at"], s["next_poll_at"], "due at once");

    let text = sources(db, &["list"], None);
    let text = String::from_utf8_lossy(&text.stdout);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert!(lines[0].starts_with("http://wire.example/rss "), "{text}");
    for want in [
        "feed",
        "new",
        "every 1 h",
        "next due now",
        "0 polls, 0 unchanged, 0 items",
    ] {
        assert!(lines[0].contains(want), "{want:?} not in {text}");
    }
    assert!(lines[2].contains("sitemap"), "{text}");

    let out = sources(
        db,
        &[
            "remove",
            "https://GAZETTE.example/feed.xml",
            "https://nowhere.example/",
        ],
        None,
    );
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("https://nowhere.example/: not a source")
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout), "1 source removed\n");
    assert_eq!(sources_json(db).len(), 2);
}

#[test]
fn an_opml_list_is_imported_exported_and_imported_again_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let db = db.to_str().unwrap();
    let out = sources(
        db,
        &["import", data("sources.opml").to_str().unwrap()],
        None,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.starts_with("4 feeds added from "), "{said}");
    assert!(said.ends_with(", 1 already listed\n"), "{said}");
    let got: Vec<(String, Value)> = sources_json(db)
        .into_iter()
        .map(|s| (s["url"].as_str().unwrap().to_string(), s["title"].clone()))
        .collect();
    let want = [
        ("http://quayside.example/rss", "Quayside Café – Notes"),
        (
            "https://courier.example/atom?section=news&lang=en",
            "Chapel Hill Courier & Post",
        ),
        (
            "https://harbourgazette.example/feed.xml",
            "The Harbour Gazette",
        ),
        ("https://wire.example/rss", "Coastal Wire"),
    ];
    let want: Vec<(String, Value)> = want
        .iter()
        .map(|(u, t)| (u.to_string(), Value::from(*t)))
        .collect();
    assert_eq!(got, want);

    // A sitemap is not an OPML feed: left out of the export, and said so.
    sources(
        db,
        &["add", "--sitemap", "https://wire.example/sitemap.xml"],
        None,
    );
    let exported = sources(db, &["export"], None);
    assert!(exported.status.success());
    assert!(String::from_utf8_lossy(&exported.stderr).contains("1 sitemap left out"));
    let opml = String::from_utf8(exported.stdout).unwrap();
    assert!(opml.starts_with("<?xml"), "{opml}");
    assert!(opml.contains("section=news&amp;lang=en"), "{opml}");
    assert_eq!(opml.matches("<outline ").count(), 4, "{opml}");

    // Into a file, and from there (and from stdin) into fresh databases.
    let file = dir.path().join("out.opml");
    let out = sources(db, &["export", file.to_str().unwrap()], None);
    assert!(out.status.success());
    assert_eq!(std::fs::read_to_string(&file).unwrap(), opml);
    for (name, from, stdin) in [
        ("b.db", file.to_str().unwrap(), None),
        ("c.db", "-", Some(opml.as_bytes())),
    ] {
        let db2 = dir.path().join(name);
        let db2 = db2.to_str().unwrap();
        let out = sources(db2, &["import", from], stdin);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let again: Vec<(String, Value)> = sources_json(db2)
            .into_iter()
            .map(|s| (s["url"].as_str().unwrap().to_string(), s["title"].clone()))
            .collect();
        assert_eq!(again, want, "{name}");
        let out = sources(db2, &["export"], None);
        assert_eq!(String::from_utf8(out.stdout).unwrap(), opml, "{name}");
    }
}

#[test]
fn a_bad_opml_file_adds_nothing_and_a_bad_feed_url_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let db = db.to_str().unwrap();
    let out = sources(
        db,
        &["import", data("article.rss.xml").to_str().unwrap()],
        None,
    );
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("article.rss.xml") && err.contains("not valid OPML"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    let missing = dir.path().join("missing.opml");
    let out = sources(db, &["import", missing.to_str().unwrap()], None);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing.opml"));

    let opml = "<opml><body>\
        <outline text=\"Good\" xmlUrl=\"https://good.example/rss\"/>\
        <outline text=\"Bad\" xmlUrl=\"feed://bad.example/rss\"/>\
        </body></opml>";
    let out = sources(db, &["import", "-"], Some(opml.as_bytes()));
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("<stdin>: feed://bad.example/rss: not an http or https URL"),
        "{err}"
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "1 feed added from <stdin>\n"
    );
    assert_eq!(sources_json(db).len(), 1);
}

/// Sets a directory's permission bits, and puts the old ones back when
/// dropped, so that a failing test still leaves a directory it can remove.
#[cfg(unix)]
struct Mode<'a> {
    dir: &'a Path,
    old: u32,
}

#[cfg(unix)]
impl<'a> Mode<'a> {
    fn set(dir: &'a Path, mode: u32) -> Mode<'a> {
        use std::os::unix::fs::PermissionsExt;
        let old = std::fs::metadata(dir).unwrap().permissions().mode();
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(mode)).unwrap();
        Mode { dir, old }
    }
}

#[cfg(unix)]
impl Drop for Mode<'_> {
    fn drop(&mut self) {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(self.dir, std::fs::Permissions::from_mode(self.old));
    }
}

#[cfg(unix)]
#[test]
fn reading_commands_work_in_a_directory_nobody_may_write() {
    let dir = tempfile::tempdir().unwrap();
    let shelf = dir.path().join("shelf");
    std::fs::create_dir(&shelf).unwrap();
    let db_path = shelf.join("news.db");
    let db = db_path.to_str().unwrap();
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/corpus");
    let out = run(&["ingest", "-q", "--db", db, corpus.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let placed = stories_json(db, &[]);
    // Two articles wait to be placed, as after an ingest killed before its
    // clustering round.
    rusqlite::Connection::open(db)
        .unwrap()
        .execute(
            "DELETE FROM story_articles WHERE article_id IN \
             (SELECT article_id FROM story_articles ORDER BY article_id DESC LIMIT 2)",
            [],
        )
        .unwrap();
    let story = placed[0]["id"].to_string();
    {
        let _ro = Mode::set(&shelf, 0o555);
        // Root ignores permissions, and then there is nothing to test.
        if std::fs::write(shelf.join("probe"), b"").is_ok() {
            eprintln!("skipped: this user may write a read-only directory (root?)");
            return;
        }
        let ok = |args: &[&str]| {
            let mut all = args.to_vec();
            all.extend(["--db", db]);
            let out = run(&all);
            assert!(
                out.status.success(),
                "{args:?}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            out
        };
        ok(&["stories"]);
        ok(&["stories", "--json"]);
        ok(&["story", &story]);
        ok(&["articles"]);
        ok(&["article", "1"]);
        ok(&["quotes"]);
        ok(&["timeline", &story]);
        ok(&["entities", &story]);
        let out = ok(&["digest", "--json"]);
        let digest: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert!(
            !digest["stories"].as_array().unwrap().is_empty(),
            "{digest}"
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("without placing new articles"), "{stderr}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        // What needs writing still fails, clearly.
        let out = run(&["stories", "--rebuild", "--db", db]);
        assert!(!out.status.success());
        assert!(String::from_utf8_lossy(&out.stderr).contains("news.db"));
        // Nothing was left beside the database.
        let mut names: Vec<String> = std::fs::read_dir(&shelf)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, ["news.db"]);
    }
    // Writable again, digest places the waiting articles, without a note.
    let out = run(&["digest", "--json", "--db", db]);
    assert!(out.status.success());
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("without placing"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let in_stories: u64 = stories_json(db, &[])
        .iter()
        .map(|s| s["articles"].as_u64().unwrap())
        .sum();
    let total: u64 = placed.iter().map(|s| s["articles"].as_u64().unwrap()).sum();
    assert_eq!(in_stories, total, "every article placed again");
}
