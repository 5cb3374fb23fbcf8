//! Versioned schema migrations.
//!
//! `MIGRATIONS[i]` takes the schema from version `i` to `i + 1`; the version a
//! file is at lives in `PRAGMA user_version` (0 for a new file). Each step runs
//! in its own transaction together with the version bump, so a file is always
//! at exactly one version. Migrations are append-only: a released step is never
//! edited, a change is a new step.

use std::path::Path;

use rusqlite::Connection;

use crate::StoreError;
use crate::db::{Conn, DbResult, args};

/// The schema steps, in order.
const MIGRATIONS: &[&str] = &[
    // 1: articles, and the per-outlet line counts for boilerplate learning.
    "
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        hash TEXT NOT NULL UNIQUE,
        source TEXT NOT NULL,
        outlet TEXT,
        url TEXT,
        title TEXT,
        author TEXT,
        published TEXT,
        lang TEXT,
        lang_confidence REAL,
        lang_reliable INTEGER,
        text TEXT NOT NULL,
        extra TEXT,           -- JSON object; NULL when empty
        raw_kind TEXT NOT NULL CHECK (raw_kind IN ('html', 'text')),
        raw TEXT NOT NULL,    -- the raw record body, kept so articles can be re-cleaned
        ingested_at TEXT NOT NULL
    );
    CREATE INDEX articles_published ON articles(published);
    CREATE INDEX articles_outlet ON articles(outlet);

    CREATE TABLE outlet_lines (
        outlet TEXT NOT NULL,
        line_hash INTEGER NOT NULL,  -- u64 bit-cast to i64
        articles INTEGER NOT NULL,
        PRIMARY KEY (outlet, line_hash)
    ) WITHOUT ROWID;

    CREATE TABLE outlets (
        outlet TEXT PRIMARY KEY,
        articles INTEGER NOT NULL
    );
    ",
    // 2: stories: which story each article belongs to, and the stories' summary rows.
    "
    CREATE TABLE stories (
        id INTEGER PRIMARY KEY,
        title TEXT,
        first_published TEXT,
        last_published TEXT,
        articles INTEGER NOT NULL,
        outlets TEXT NOT NULL          -- JSON array of outlet names, sorted
    );
    CREATE TABLE story_articles (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id),
        story_id INTEGER NOT NULL,
        duplicate_of INTEGER           -- the article this one is a near-copy of
    );
    CREATE INDEX story_articles_story ON story_articles(story_id);
    ",
    // 3: incremental clustering: the round that placed each article, and the
    // clusterer's state after the latest round, so the next run goes on from it.
    "
    ALTER TABLE story_articles ADD COLUMN round INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE cluster_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        round INTEGER NOT NULL,
        state BLOB NOT NULL
    );
    ",
    // 4: storylines: the developing story each story (event) belongs to.
    // Existing stories get theirs when the clusterer state, now of a newer
    // version, is refused and every article is placed again.
    "
    CREATE TABLE story_lines (
        story_id INTEGER PRIMARY KEY,
        storyline_id INTEGER NOT NULL
    );
    CREATE INDEX story_lines_storyline ON story_lines(storyline_id);
    ",
    // 5: the feeds and sitemaps `watch` polls, with what it needs to poll
    // them politely (validators, an adaptive interval, the failures in a
    // row), and an index on article URLs, by which it drops entries already
    // stored.
    "
    CREATE TABLE sources (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('feed', 'sitemap')),
        title TEXT,
        added_at TEXT NOT NULL,
        etag TEXT,
        last_modified TEXT,
        interval_secs INTEGER NOT NULL,
        next_poll_at INTEGER NOT NULL,   -- unix seconds, as are the other times
        last_polled_at INTEGER,
        last_ok_at INTEGER,
        failures INTEGER NOT NULL DEFAULT 0,   -- in a row
        last_error TEXT,
        polls INTEGER NOT NULL DEFAULT 0,
        unchanged INTEGER NOT NULL DEFAULT 0,
        items_new INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX sources_due ON sources(next_poll_at);
    CREATE INDEX articles_url ON articles(url);
    ",
    // 6: what is computed once and read by every command (and the web app):
    // each article's facts, written with the article; each storyline's
    // brief (the digest's story) and its linked entities and who said what,
    // rewritten when its membership changes. `facts` and `brief` are JSON,
    // zstd-compressed as a BLOB when that shrinks them (as `raw` is).
    // Articles stored before have no facts row: the next clustering update
    // computes them, as it does the briefs of every storyline without one.
    "
    CREATE TABLE article_facts (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id),
        facts NOT NULL
    );
    CREATE TABLE story_briefs (
        storyline_id INTEGER PRIMARY KEY,
        words INTEGER NOT NULL,
        built TEXT NOT NULL,             -- RFC 3339
        generation INTEGER NOT NULL,     -- brief_state.generation when written
        brief NOT NULL
    );
    CREATE INDEX story_briefs_generation ON story_briefs(generation);
    CREATE TABLE story_entities (
        storyline_id INTEGER NOT NULL,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        mentions INTEGER NOT NULL
    );
    CREATE INDEX story_entities_storyline ON story_entities(storyline_id);
    CREATE INDEX story_entities_name ON story_entities(name COLLATE NOCASE);
    CREATE TABLE story_quotes (
        id INTEGER PRIMARY KEY,
        storyline_id INTEGER NOT NULL,
        article_id INTEGER NOT NULL,     -- the first article that reports it
        speaker TEXT,                    -- NULL when unattributed
        text TEXT NOT NULL,
        kind TEXT NOT NULL,
        articles TEXT NOT NULL,          -- JSON array: every reporting article
        published TEXT                   -- article_id's publication time
    );
    CREATE INDEX story_quotes_storyline ON story_quotes(storyline_id);
    CREATE INDEX story_quotes_speaker ON story_quotes(speaker COLLATE NOCASE);
    CREATE TABLE brief_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        generation INTEGER NOT NULL
    );
    ",
    // 7: distributed work: the queue of inputs workers take under
    // leases, the workers seen, and the placer's lease (SQLite; PostgreSQL
    // uses an advisory lock and leaves the table empty). Times are unix
    // milliseconds. A whole input has the range (-1, -1).
    "
    CREATE TABLE work_items (
        id INTEGER PRIMARY KEY,
        target TEXT NOT NULL,
        first_record INTEGER NOT NULL,
        end_record INTEGER NOT NULL,
        state TEXT NOT NULL DEFAULT 'queued'
            CHECK (state IN ('queued', 'running', 'done', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        worker TEXT,
        lease_until INTEGER,
        enqueued_ms INTEGER NOT NULL,
        started_ms INTEGER,
        finished_ms INTEGER,
        records INTEGER NOT NULL DEFAULT 0,
        stored INTEGER NOT NULL DEFAULT 0,
        duplicates INTEGER NOT NULL DEFAULT 0,
        errors INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        UNIQUE (target, first_record, end_record)
    );
    CREATE INDEX work_items_state ON work_items(state, id);
    CREATE TABLE workers (
        name TEXT PRIMARY KEY,
        seen_ms INTEGER NOT NULL,
        items INTEGER NOT NULL DEFAULT 0,
        records INTEGER NOT NULL DEFAULT 0,
        stored INTEGER NOT NULL DEFAULT 0,
        busy_ms INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE placer (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        holder TEXT NOT NULL,
        lease_until INTEGER NOT NULL
    );
    ",
    // 8: compact articles: the clean text is stored zstd-compressed as a
    // BLOB when that shrinks it (as `raw` is; rows written before keep
    // their TEXT), so its length in characters, which listings show, gets
    // a column of its own. Line counts name their outlet by a number, not
    // its name: an outlet has a row per distinct line it printed.
    "
    ALTER TABLE articles ADD COLUMN text_chars INTEGER NOT NULL DEFAULT 0;
    UPDATE articles SET text_chars = length(text);
    CREATE TABLE outlets_8 (
        id INTEGER PRIMARY KEY,
        outlet TEXT NOT NULL UNIQUE,
        articles INTEGER NOT NULL
    );
    INSERT INTO outlets_8 (outlet, articles) SELECT outlet, articles FROM outlets ORDER BY outlet;
    INSERT INTO outlets_8 (outlet, articles)
        SELECT DISTINCT outlet, 0 FROM outlet_lines WHERE outlet NOT IN (SELECT outlet FROM outlets);
    CREATE TABLE outlet_lines_8 (
        outlet_id INTEGER NOT NULL,  -- outlets.id
        line_hash INTEGER NOT NULL,  -- u64 bit-cast to i64
        articles INTEGER NOT NULL,
        PRIMARY KEY (outlet_id, line_hash)
    ) WITHOUT ROWID;
    INSERT INTO outlet_lines_8 (outlet_id, line_hash, articles)
        SELECT o.id, l.line_hash, l.articles FROM outlet_lines l JOIN outlets_8 o ON o.outlet = l.outlet;
    DROP TABLE outlet_lines;
    DROP TABLE outlets;
    ALTER TABLE outlets_8 RENAME TO outlets;
    ALTER TABLE outlet_lines_8 RENAME TO outlet_lines;
    ",
];

/// The schema version this build creates and understands.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

/// The same steps in PostgreSQL's dialect, one for one: the same tables,
/// columns, keys and indexes. Types differ only in name (BIGINT for
/// INTEGER, BYTEA for the columns SQLite leaves untyped, which hold zstd
/// frames or plain text), ids are identity columns, and the case-blind
/// indexes are on `lower(...)`.
const PG_MIGRATIONS: &[&str] = &[
    r#"
    CREATE TABLE articles (
        id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        hash TEXT COLLATE "C" NOT NULL UNIQUE,
        source TEXT COLLATE "C" NOT NULL,
        outlet TEXT COLLATE "C",
        url TEXT COLLATE "C",
        title TEXT COLLATE "C",
        author TEXT COLLATE "C",
        published TEXT COLLATE "C",
        lang TEXT COLLATE "C",
        lang_confidence DOUBLE PRECISION,
        lang_reliable BIGINT,
        text TEXT COLLATE "C" NOT NULL,
        extra TEXT COLLATE "C",
        raw_kind TEXT COLLATE "C" NOT NULL CHECK (raw_kind IN ('html', 'text')),
        raw BYTEA NOT NULL,
        ingested_at TEXT COLLATE "C" NOT NULL
    );
    CREATE INDEX articles_published ON articles(published);
    CREATE INDEX articles_outlet ON articles(outlet);
    CREATE TABLE outlet_lines (
        outlet TEXT COLLATE "C" NOT NULL,
        line_hash BIGINT NOT NULL,
        articles BIGINT NOT NULL,
        PRIMARY KEY (outlet, line_hash)
    );
    CREATE TABLE outlets (
        outlet TEXT COLLATE "C" PRIMARY KEY,
        articles BIGINT NOT NULL
    );
    "#,
    r#"
    CREATE TABLE stories (
        id BIGINT PRIMARY KEY,
        title TEXT COLLATE "C",
        first_published TEXT COLLATE "C",
        last_published TEXT COLLATE "C",
        articles BIGINT NOT NULL,
        outlets TEXT COLLATE "C" NOT NULL
    );
    CREATE TABLE story_articles (
        article_id BIGINT PRIMARY KEY REFERENCES articles(id),
        story_id BIGINT NOT NULL,
        duplicate_of BIGINT
    );
    CREATE INDEX story_articles_story ON story_articles(story_id);
    "#,
    r#"
    ALTER TABLE story_articles ADD COLUMN round BIGINT NOT NULL DEFAULT 0;
    CREATE TABLE cluster_state (
        id BIGINT PRIMARY KEY CHECK (id = 1),
        round BIGINT NOT NULL,
        state BYTEA NOT NULL
    );
    "#,
    r#"
    CREATE TABLE story_lines (
        story_id BIGINT PRIMARY KEY,
        storyline_id BIGINT NOT NULL
    );
    CREATE INDEX story_lines_storyline ON story_lines(storyline_id);
    "#,
    r#"
    CREATE TABLE sources (
        id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        url TEXT COLLATE "C" NOT NULL UNIQUE,
        kind TEXT COLLATE "C" NOT NULL CHECK (kind IN ('feed', 'sitemap')),
        title TEXT COLLATE "C",
        added_at TEXT COLLATE "C" NOT NULL,
        etag TEXT COLLATE "C",
        last_modified TEXT COLLATE "C",
        interval_secs BIGINT NOT NULL,
        next_poll_at BIGINT NOT NULL,
        last_polled_at BIGINT,
        last_ok_at BIGINT,
        failures BIGINT NOT NULL DEFAULT 0,
        last_error TEXT COLLATE "C",
        polls BIGINT NOT NULL DEFAULT 0,
        unchanged BIGINT NOT NULL DEFAULT 0,
        items_new BIGINT NOT NULL DEFAULT 0
    );
    CREATE INDEX sources_due ON sources(next_poll_at);
    CREATE INDEX articles_url ON articles(url);
    "#,
    r#"
    CREATE TABLE article_facts (
        article_id BIGINT PRIMARY KEY REFERENCES articles(id),
        facts BYTEA NOT NULL
    );
    CREATE TABLE story_briefs (
        storyline_id BIGINT PRIMARY KEY,
        words BIGINT NOT NULL,
        built TEXT COLLATE "C" NOT NULL,
        generation BIGINT NOT NULL,
        brief BYTEA NOT NULL
    );
    CREATE INDEX story_briefs_generation ON story_briefs(generation);
    CREATE TABLE story_entities (
        ord BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        storyline_id BIGINT NOT NULL,
        name TEXT COLLATE "C" NOT NULL,
        kind TEXT COLLATE "C" NOT NULL,
        mentions BIGINT NOT NULL
    );
    CREATE INDEX story_entities_storyline ON story_entities(storyline_id);
    CREATE INDEX story_entities_name ON story_entities(lower(name));
    CREATE TABLE story_quotes (
        id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        storyline_id BIGINT NOT NULL,
        article_id BIGINT NOT NULL,
        speaker TEXT COLLATE "C",
        text TEXT COLLATE "C" NOT NULL,
        kind TEXT COLLATE "C" NOT NULL,
        articles TEXT COLLATE "C" NOT NULL,
        published TEXT COLLATE "C"
    );
    CREATE INDEX story_quotes_storyline ON story_quotes(storyline_id);
    CREATE INDEX story_quotes_speaker ON story_quotes(lower(speaker));
    CREATE TABLE brief_state (
        id BIGINT PRIMARY KEY CHECK (id = 1),
        generation BIGINT NOT NULL
    );
    "#,
    r#"
    CREATE TABLE work_items (
        id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        target TEXT COLLATE "C" NOT NULL,
        first_record BIGINT NOT NULL,
        end_record BIGINT NOT NULL,
        state TEXT COLLATE "C" NOT NULL DEFAULT 'queued'
            CHECK (state IN ('queued', 'running', 'done', 'failed')),
        attempts BIGINT NOT NULL DEFAULT 0,
        worker TEXT COLLATE "C",
        lease_until BIGINT,
        enqueued_ms BIGINT NOT NULL,
        started_ms BIGINT,
        finished_ms BIGINT,
        records BIGINT NOT NULL DEFAULT 0,
        stored BIGINT NOT NULL DEFAULT 0,
        duplicates BIGINT NOT NULL DEFAULT 0,
        errors BIGINT NOT NULL DEFAULT 0,
        last_error TEXT COLLATE "C",
        UNIQUE (target, first_record, end_record)
    );
    CREATE INDEX work_items_state ON work_items(state, id);
    CREATE TABLE workers (
        name TEXT COLLATE "C" PRIMARY KEY,
        seen_ms BIGINT NOT NULL,
        items BIGINT NOT NULL DEFAULT 0,
        records BIGINT NOT NULL DEFAULT 0,
        stored BIGINT NOT NULL DEFAULT 0,
        busy_ms BIGINT NOT NULL DEFAULT 0
    );
    CREATE TABLE placer (
        id BIGINT PRIMARY KEY CHECK (id = 1),
        holder TEXT COLLATE "C" NOT NULL,
        lease_until BIGINT NOT NULL
    );
    "#,
    r#"
    ALTER TABLE articles ADD COLUMN text_chars BIGINT NOT NULL DEFAULT 0;
    UPDATE articles SET text_chars = char_length(text);
    ALTER TABLE articles ALTER COLUMN text TYPE BYTEA USING convert_to(text, 'UTF8');
    ALTER TABLE outlets ADD COLUMN id BIGINT GENERATED BY DEFAULT AS IDENTITY UNIQUE;
    INSERT INTO outlets (outlet, articles) SELECT DISTINCT outlet, 0 FROM outlet_lines
        ON CONFLICT (outlet) DO NOTHING;
    CREATE TABLE outlet_lines_8 (
        outlet_id BIGINT NOT NULL,
        line_hash BIGINT NOT NULL,
        articles BIGINT NOT NULL,
        PRIMARY KEY (outlet_id, line_hash)
    );
    INSERT INTO outlet_lines_8 (outlet_id, line_hash, articles)
        SELECT o.id, l.line_hash, l.articles FROM outlet_lines l JOIN outlets o ON o.outlet = l.outlet;
    DROP TABLE outlet_lines;
    ALTER TABLE outlet_lines_8 RENAME TO outlet_lines;
    "#,
];

/// The key of the advisory lock PostgreSQL migrations run under.
const PG_MIGRATE_LOCK: i64 = 0x5354_4f52_594c_0001;

/// Brings `conn` up to [`SCHEMA_VERSION`], or refuses a database that is
/// newer.
pub(crate) fn migrate(conn: &Conn, path: &Path) -> Result<(), StoreError> {
    if conn.is_postgres() {
        // Held for the whole migration, from before the version table may
        // exist: two processes creating it at once would otherwise collide.
        let lock = |sql: String| {
            conn.batch(&sql).map_err(|source| StoreError::Sql {
                path: path.to_owned(),
                op: "locking the schema",
                source,
            })
        };
        lock(format!("SELECT pg_advisory_lock({PG_MIGRATE_LOCK})"))?;
        let done = migrate_pg(conn, path);
        lock(format!("SELECT pg_advisory_unlock({PG_MIGRATE_LOCK})"))?;
        done
    } else {
        migrate_with(conn, path, MIGRATIONS)
    }
}

fn migrate_pg(conn: &Conn, path: &Path) -> Result<(), StoreError> {
    {
        conn.batch(
            "CREATE TABLE IF NOT EXISTS schema_version (
                id BIGINT PRIMARY KEY CHECK (id = 1),
                version BIGINT NOT NULL
            );
            INSERT INTO schema_version (id, version) VALUES (1, 0) ON CONFLICT (id) DO NOTHING",
        )
        .map_err(|source| StoreError::Sql {
            path: path.to_owned(),
            op: "creating the schema version",
            source,
        })?;
        migrate_with(conn, path, PG_MIGRATIONS)
    }
}

fn migrate_with(conn: &Conn, path: &Path, migrations: &[&str]) -> Result<(), StoreError> {
    let known = migrations.len();
    loop {
        let sql_err = |source| StoreError::Sql {
            path: path.to_owned(),
            op: "reading the schema version",
            source,
        };
        // Cheap check first, so opening an up-to-date file takes no write lock.
        let current = user_version(conn).map_err(sql_err)?;
        check_not_newer(path, current, known)?;
        if current as usize == known {
            return Ok(());
        }
        // Take the write lock up front (SQLite's IMMEDIATE; PostgreSQL's
        // advisory lock is already held), so two processes opening a new database at
        // once cannot both run the same step; re-read the version under
        // the lock in case the other one already did.
        let tx = conn.begin(true).map_err(sql_err)?;
        let current = user_version(&tx).map_err(sql_err)?;
        check_not_newer(path, current, known)?;
        let Some(step) = migrations.get(current as usize) else {
            return Ok(());
        };
        let version = current as u32 + 1;
        let step_err = |source| StoreError::Migrate {
            path: path.to_owned(),
            version,
            source,
        };
        tx.batch(step).map_err(step_err)?;
        set_version(&tx, version).map_err(step_err)?;
        tx.commit().map_err(step_err)?;
    }
}

/// The schema version a database is at (SQLite's `user_version`); reading
/// it is the first read of a new connection.
pub(crate) fn version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.pragma_query_value(None, "user_version", |row| row.get(0))
}

/// Checks, without changing anything, that a database is at exactly
/// [`SCHEMA_VERSION`]: what a read-only store needs, since it cannot migrate.
pub(crate) fn check_current(conn: &Conn, path: &Path) -> Result<(), StoreError> {
    let found = user_version(conn).map_err(|source| StoreError::Sql {
        path: path.to_owned(),
        op: "reading the schema version",
        source,
    })?;
    check_not_newer(path, found, MIGRATIONS.len())?;
    if found < i64::from(SCHEMA_VERSION) {
        return Err(StoreError::Outdated {
            path: path.to_owned(),
            found,
            known: SCHEMA_VERSION,
        });
    }
    Ok(())
}

pub(crate) fn user_version(conn: &Conn) -> DbResult<i64> {
    match conn.sqlite() {
        Some(c) => Ok(version(c)?),
        None => conn.query_one("SELECT version FROM schema_version", &[], |r| r.get(0)),
    }
}

fn set_version(conn: &Conn, version: u32) -> DbResult<()> {
    match conn.sqlite() {
        Some(c) => Ok(c.pragma_update(None, "user_version", version)?),
        None => conn
            .exec("UPDATE schema_version SET version = ?1", args![version])
            .map(drop),
    }
}

fn check_not_newer(path: &Path, found: i64, known: usize) -> Result<(), StoreError> {
    // A negative version is no version we wrote; treat it as too new too,
    // rather than migrating over whatever the file is.
    if found < 0 || found as u64 > known as u64 {
        return Err(StoreError::TooNew {
            path: path.to_owned(),
            found,
            known: known as u32,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tables(conn: &Conn) -> Vec<String> {
        conn.query(
            "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name",
            &[],
            |r| r.get(0),
        )
        .unwrap()
    }

    fn memory() -> Conn {
        Conn::Sqlite(Connection::open_in_memory().unwrap())
    }

    #[test]
    fn both_dialects_have_every_step() {
        assert_eq!(MIGRATIONS.len(), PG_MIGRATIONS.len());
    }

    #[test]
    fn migrates_an_empty_database() {
        let conn = memory();
        migrate(&conn, Path::new(":memory:")).unwrap();
        assert_eq!(user_version(&conn).unwrap(), i64::from(SCHEMA_VERSION));
        assert_eq!(
            tables(&conn),
            [
                "article_facts",
                "articles",
                "brief_state",
                "cluster_state",
                "outlet_lines",
                "outlets",
                "placer",
                "sources",
                "stories",
                "story_articles",
                "story_briefs",
                "story_entities",
                "story_lines",
                "story_quotes",
                "work_items",
                "workers"
            ]
        );
        // Running again is a no-op.
        migrate(&conn, Path::new(":memory:")).unwrap();
        assert_eq!(user_version(&conn).unwrap(), i64::from(SCHEMA_VERSION));
    }

    #[test]
    fn applies_only_the_missing_steps_in_order() {
        let steps = [
            "CREATE TABLE a (x)",
            "CREATE TABLE b (y)",
            "INSERT INTO a VALUES (1)",
        ];
        let conn = memory();
        migrate_with(&conn, Path::new("t"), &steps[..1]).unwrap();
        assert_eq!(user_version(&conn).unwrap(), 1);
        migrate_with(&conn, Path::new("t"), &steps).unwrap();
        assert_eq!(user_version(&conn).unwrap(), 3);
        assert_eq!(tables(&conn), ["a", "b"]);
    }

    #[test]
    fn a_failing_step_leaves_the_previous_version() {
        let steps = [
            "CREATE TABLE a (x)",
            "CREATE TABLE c (z); CREATE TABLE a (x)",
        ];
        let conn = memory();
        let err = migrate_with(&conn, Path::new("t.db"), &steps).unwrap_err();
        assert!(
            matches!(err, StoreError::Migrate { version: 2, .. }),
            "{err}"
        );
        assert!(err.to_string().contains("t.db"));
        assert_eq!(user_version(&conn).unwrap(), 1);
        assert_eq!(tables(&conn), ["a"], "the half-done step was rolled back");
    }

    #[test]
    fn a_schema_5_file_gains_empty_fact_and_brief_tables() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.db");
        {
            let conn = Conn::Sqlite(Connection::open(&path).unwrap());
            migrate_with(&conn, &path, &MIGRATIONS[..5]).unwrap();
            conn.exec(
                "INSERT INTO articles (hash, source, text, raw_kind, raw, ingested_at) \
                 VALUES ('h', 's', 'The pier closed.', 'text', 'r', 'now')",
                &[],
            )
            .unwrap();
        }
        let store = crate::Store::open(&path).unwrap();
        assert_eq!(
            user_version(&store.conn).unwrap(),
            i64::from(SCHEMA_VERSION)
        );
        let missing = store.articles_without_facts(10).unwrap();
        assert_eq!(missing.len(), 1, "the old article waits for its facts");
        assert_eq!(store.article_facts(missing[0].article_id).unwrap(), None);
        assert_eq!(store.brief_generation().unwrap(), 0);
    }

    /// A database at schema 7 with one article in plain TEXT, opened by
    /// this build: the article reads back, is listed with its length, and
    /// its raw body and facts stay readable.
    fn schema_7_texts_stay_readable(conn: Conn, open: impl FnOnce() -> crate::Store) {
        let steps = if conn.is_postgres() {
            &PG_MIGRATIONS[..7]
        } else {
            &MIGRATIONS[..7]
        };
        migrate_with(&conn, Path::new("old"), steps).unwrap();
        conn.exec(
            "INSERT INTO articles (hash, source, text, raw_kind, raw, ingested_at) \
             VALUES ('h', 's', 'Le quai fermé.', 'text', 'r', 'now')",
            &[],
        )
        .unwrap();
        conn.batch(
            "INSERT INTO outlets (outlet, articles) VALUES ('a.example', 2); \
             INSERT INTO outlet_lines (outlet, line_hash, articles) \
             VALUES ('a.example', 7, 2), ('a.example', -1, 1), ('b.example', 7, 1)",
        )
        .unwrap();
        drop(conn);
        let mut store = open();
        assert_eq!(
            store.load_outlet_lines(usize::MAX).unwrap(),
            (
                vec![
                    ("a.example".into(), 7, 2),
                    ("a.example".into(), u64::MAX, 1),
                    ("b.example".into(), 7, 1)
                ],
                vec![("a.example".into(), 2), ("b.example".into(), 0)]
            )
        );
        let list = store.list().unwrap();
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].text_chars, 14);
        let got = store.article(list[0].id).unwrap().unwrap();
        assert_eq!(got.article.text, "Le quai fermé.");
        assert_eq!(got.raw, storyline_model::Body::Text("r".into()));
        let missing = store.articles_without_facts(10).unwrap();
        assert_eq!(missing[0].text, "Le quai fermé.");
        let facts = vec![(list[0].id, "{}".to_string(), missing[0].text.clone())];
        assert_eq!(store.put_facts(&facts).unwrap(), 1);
        assert!(store.update_text(list[0].id, "Le quai rouvre.").unwrap());
        let got = store.article(list[0].id).unwrap().unwrap();
        assert_eq!(got.article.text, "Le quai rouvre.");
        assert_eq!(got.raw, storyline_model::Body::Text("r".into()));
        assert_eq!(store.list().unwrap()[0].text_chars, 15);
    }

    #[test]
    fn a_schema_7_sqlite_file_keeps_its_texts() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.db");
        let conn = Conn::Sqlite(Connection::open(&path).unwrap());
        schema_7_texts_stay_readable(conn, || crate::Store::open(&path).unwrap());
    }

    #[test]
    fn a_schema_7_postgres_database_keeps_its_texts() {
        let Some(url) = storyline_testkit::postgres::fresh_database() else {
            return;
        };
        let conn = Conn::postgres(&url).unwrap();
        conn.batch(
            "CREATE TABLE schema_version (id BIGINT PRIMARY KEY CHECK (id = 1), \
             version BIGINT NOT NULL); INSERT INTO schema_version VALUES (1, 0)",
        )
        .unwrap();
        schema_7_texts_stay_readable(conn, || crate::Store::open_postgres(&url).unwrap());
    }

    #[test]
    fn refuses_a_newer_file() {
        let conn = memory();
        set_version(&conn, SCHEMA_VERSION + 1).unwrap();
        let err = migrate(&conn, Path::new("news.db")).unwrap_err();
        assert!(matches!(err, StoreError::TooNew { .. }));
        let msg = err.to_string();
        assert!(msg.contains("news.db") && msg.contains("newer"), "{msg}");
        assert!(!msg.contains('\n'));
        assert!(tables(&conn).is_empty(), "nothing was created");
    }
}
