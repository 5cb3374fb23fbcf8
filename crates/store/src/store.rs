//! The store handle and its queries.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, MAIN_DB, OpenFlags};
use serde_json::{Map, Value};
use storyline_model::{Article, Body, Language};

use crate::db::{Conn, DbError, Row, args};
use crate::raw::{self, Stored};
use crate::row::{ArticleSummary, ArticleText, Inserted, NewArticle, StoredArticle};
use crate::{StoreError, schema};

/// How long a statement waits for another connection's lock before failing:
/// long enough to ride out another process's batch commit.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// The columns [`RawArticle::from_row`] reads, in its order.
const ARTICLE_COLUMNS: &str = "id, hash, ingested_at, source, outlet, url, title, author, \
     published, lang, lang_confidence, lang_reliable, text, extra, raw_kind, raw";

/// Articles without a date go last; ties (and same-day dates) keep the order
/// of ingestion. Dates are ISO 8601 text, so this is chronological except
/// between a bare day and a timestamp with a UTC offset on that same day.
const ARTICLE_ORDER: &str = "ORDER BY published IS NULL, published, id";

/// An open store: one SQLite file (or an in-memory database), or a
/// PostgreSQL database ([`Store::open_postgres`]).
///
/// Not `Sync`: share it by giving each thread its own [`Store::open`] of the
/// same file; SQLite's WAL mode lets readers run beside one writer, and
/// PostgreSQL any number of both.
pub struct Store {
    pub(crate) conn: Conn,
    /// For error messages: the file, `:memory:`, or the server's URL
    /// without its password.
    pub(crate) path: PathBuf,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

impl Store {
    /// Opens the store at `path`, creating the file if it is missing and
    /// migrating its schema to [`SCHEMA_VERSION`](crate::SCHEMA_VERSION).
    ///
    /// Fails with [`StoreError::TooNew`] on a file written by a newer build.
    ///
    /// A `path` that is a PostgreSQL URL (`postgres://…`) opens that
    /// database instead ([`open_postgres`](Self::open_postgres)), so every
    /// command's `--db` takes either.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        if let Some(url) = path.to_str().filter(|t| is_postgres_url(t)) {
            return Store::open_postgres(url);
        }
        // No SQLITE_OPEN_URI: a path is a path, even one starting `file:`.
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn =
            Connection::open_with_flags(path, flags).map_err(|source: rusqlite::Error| {
                StoreError::Open {
                    path: path.to_owned(),
                    source: source.into(),
                }
            })?;
        Self::setup(conn, path.to_owned())
    }

    /// Opens an existing store for reading only: nothing is created,
    /// migrated or written, so it works on a file the user may only read,
    /// in a directory the user cannot write, and beside a running writer.
    ///
    /// Fails with [`StoreError::Outdated`] on a file whose schema is older
    /// than this build's (it must be opened with [`open`](Self::open) once to
    /// migrate), and [`StoreError::TooNew`] on a newer one.
    ///
    /// A PostgreSQL URL opens that database as [`open`](Self::open) does:
    /// the server enforces who may write, and readers never block writers.
    pub fn open_read_only(path: &Path) -> Result<Store, StoreError> {
        if let Some(url) = path.to_str().filter(|t| is_postgres_url(t)) {
            return Store::open_postgres(url);
        }
        let open_err = |source: rusqlite::Error| StoreError::Open {
            path: path.to_owned(),
            source: source.into(),
        };
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(open_err)?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(open_err)?;
        // Opening reads nothing; the first read is where SQLite needs the
        // WAL index (the -shm file) and fails if it can create none.
        let conn = match schema::version(&conn) {
            Ok(_) => conn,
            Err(e) if shm_refused(&e) => immutable(path).map_err(|_| open_err(e))?,
            Err(e) => return Err(open_err(e)),
        };
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(open_err)?;
        let conn = Conn::Sqlite(conn);
        schema::check_current(&conn, path)?;
        Ok(Store {
            conn,
            path: path.to_owned(),
        })
    }

    /// Opens the PostgreSQL database at `url` (`postgres://user@host/db`,
    /// or a `host=... dbname=...` string), creating the tables or migrating
    /// them to [`SCHEMA_VERSION`](crate::SCHEMA_VERSION): the same schema,
    /// versions and results as a SQLite file.
    pub fn open_postgres(url: &str) -> Result<Store, StoreError> {
        let path = PathBuf::from(redact(url));
        let conn = Conn::postgres(url).map_err(|source| StoreError::Open {
            path: path.clone(),
            source,
        })?;
        schema::migrate(&conn, &path)?;
        Ok(Store { conn, path })
    }

    /// Whether this store is a PostgreSQL database.
    pub fn is_postgres(&self) -> bool {
        self.conn.is_postgres()
    }

    /// Whether this store cannot be written: opened with
    /// [`open_read_only`](Self::open_read_only), or a file the user may
    /// only read. Writes to it fail.
    pub fn is_read_only(&self) -> bool {
        // An unknown answer is treated as read-only: callers use this to
        // skip writes, and a skipped write is the safe mistake. A server
        // decides per statement; it is opened for writing.
        match self.conn.sqlite() {
            Some(c) => c.is_readonly(MAIN_DB).unwrap_or(true),
            None => false,
        }
    }

    /// Opens a fresh, empty store that lives in memory (for tests).
    pub fn open_in_memory() -> Result<Store, StoreError> {
        let path = PathBuf::from(":memory:");
        let conn = Connection::open_in_memory().map_err(|source| StoreError::Open {
            path: path.clone(),
            source: source.into(),
        })?;
        Self::setup(conn, path)
    }

    fn setup(conn: Connection, path: PathBuf) -> Result<Store, StoreError> {
        let open_err = |source: rusqlite::Error| StoreError::Open {
            path: path.clone(),
            source: source.into(),
        };
        // First, so that even switching to WAL waits for other processes.
        conn.busy_timeout(BUSY_TIMEOUT).map_err(open_err)?;
        let mode: String = conn
            .pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))
            .map_err(open_err)?;
        // In WAL mode a commit has been written to the log by the time it
        // returns, and the OS keeps those writes when the process is killed;
        // synchronous=NORMAL only skips the fsync per commit, so a power cut
        // may lose the last commits but never corrupts the file. Without WAL
        // (in memory, or a filesystem that cannot share memory) stay FULL.
        let sync = if mode.eq_ignore_ascii_case("wal") {
            "NORMAL"
        } else {
            "FULL"
        };
        conn.pragma_update(None, "synchronous", sync)
            .map_err(open_err)?;
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(open_err)?;
        let conn = Conn::Sqlite(conn);
        schema::migrate(&conn, &path)?;
        Ok(Store { conn, path })
    }

    /// The file this store lives in (`:memory:` for an in-memory one; the
    /// URL without its password for PostgreSQL).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// How many articles are stored.
    pub fn count(&self) -> Result<u64, StoreError> {
        self.conn
            .query_one("SELECT count(*) FROM articles", &[], |r| r.get::<i64>(0))
            .map(non_negative)
            .map_err(sql_err(&self.path, "counting articles"))
    }

    /// The id of the article stored under `hash`, if any; lets ingest skip
    /// extracting records it already has.
    pub fn contains_hash(&self, hash: &str) -> Result<Option<i64>, StoreError> {
        self.conn
            .query_opt(
                "SELECT id FROM articles WHERE hash = ?1",
                args![hash],
                |r| r.get(0),
            )
            .map_err(sql_err(&self.path, "looking up a hash"))
    }

    /// Stores articles whose raw body is their own text (plain-text input,
    /// fixtures), each under its content hash as ingest computes it; see
    /// [`insert_batch`](Self::insert_batch).
    pub fn insert_texts(&mut self, articles: &[Article]) -> Result<Vec<Inserted>, StoreError> {
        let raws: Vec<Body> = articles
            .iter()
            .map(|a| Body::Text(a.text.clone()))
            .collect();
        let hashes: Vec<String> = raws.iter().map(crate::hash::body_hash).collect();
        let items: Vec<NewArticle<'_>> = articles
            .iter()
            .zip(&raws)
            .zip(&hashes)
            .map(|((article, raw), hash)| NewArticle {
                article,
                hash,
                raw,
                lines: None,
                facts: None,
            })
            .collect();
        self.insert_batch(&items)
    }

    /// Stores a batch of articles in one transaction: either all of the new
    /// ones are committed or, on any error, none is.
    ///
    /// An item whose hash is already stored (or appeared earlier in the same
    /// batch) is skipped and reported as [`Inserted::Duplicate`], so re-running
    /// an interrupted ingest completes it without doubling anything. The
    /// result has one entry per item, in order.
    ///
    /// Each new article's [`lines`](NewArticle::lines) are added to the
    /// per-outlet line counts in the same transaction, so the counts always
    /// match the articles stored: whoever else writes the file meanwhile,
    /// and however the process ends.
    pub fn insert_batch(&mut self, items: &[NewArticle<'_>]) -> Result<Vec<Inserted>, StoreError> {
        let path = &self.path;
        let err = sql_err(path, "inserting a batch of articles");
        let ingested_at = now();
        // Compressed before the write lock is taken, so other writers wait
        // only for the inserts.
        let bodies: Vec<(&Body, &str)> = items
            .iter()
            .map(|i| (i.raw, i.article.text.as_str()))
            .collect();
        let packed = raw::pack_all(&bodies);
        let facts: Vec<_> = items.iter().map(|i| i.facts.map(raw::pack_str)).collect();
        let mut attempt = 0;
        loop {
            match self.try_insert_batch(items, &packed, &facts, &ingested_at) {
                Err(e) if e.is_transient() && attempt < 5 => attempt += 1,
                Err(Failed::Db(e)) => return Err(err(e)),
                Err(Failed::Store(e)) => return Err(e),
                Ok(v) => return Ok(v),
            }
        }
    }

    /// One try of [`insert_batch`](Self::insert_batch)'s transaction.
    fn try_insert_batch(
        &self,
        items: &[NewArticle<'_>],
        packed: &[raw::PackedArticle<'_>],
        facts: &[Option<raw::Packed<'_>>],
        ingested_at: &str,
    ) -> Result<Vec<Inserted>, Failed> {
        // Write: take SQLite's write lock now, waiting out the busy
        // timeout, instead of failing at the first insert when another
        // writer is busy.
        let tx = self.conn.begin(true)?;
        let mut out = Vec::with_capacity(items.len());
        // Line counts are added after the articles, summed and in key
        // order: two PostgreSQL writers then lock the rows they share in
        // the same order and cannot deadlock each other.
        let mut outlets: BTreeMap<&str, i64> = BTreeMap::new();
        let mut lines: BTreeMap<(&str, u64), i64> = BTreeMap::new();
        for ((item, (text, raw)), facts) in items.iter().zip(packed).zip(facts) {
            let a = item.article;
            let extra = encode_extra(&self.path, a).map_err(Failed::Store)?;
            let lang = a.lang.as_ref();
            let new: Option<i64> = tx.query_opt(
                "INSERT INTO articles (hash, source, outlet, url, title, author, published, \
                 lang, lang_confidence, lang_reliable, text, extra, raw_kind, raw, ingested_at, \
                 text_chars) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16) \
                 ON CONFLICT (hash) DO NOTHING RETURNING id",
                args![
                    item.hash,
                    &a.source,
                    &a.outlet,
                    &a.url,
                    &a.title,
                    &a.author,
                    &a.published,
                    lang.map(|l| l.code.as_str()),
                    lang.map(|l| l.confidence),
                    lang.map(|l| l.reliable),
                    text.arg(),
                    &extra,
                    item.raw.kind(),
                    raw.arg(),
                    ingested_at,
                    chars(&a.text),
                ],
                |r| r.get(0),
            )?;
            let Some(id) = new else {
                let id = tx.query_one(
                    "SELECT id FROM articles WHERE hash = ?1",
                    args![item.hash],
                    |r| r.get(0),
                )?;
                out.push(Inserted::Duplicate(id));
                continue;
            };
            out.push(Inserted::New(id));
            if let Some(f) = &facts {
                tx.exec(
                    "INSERT INTO article_facts (article_id, facts) VALUES (?1, ?2)",
                    args![id, f.arg()],
                )?;
            }
            if let Some(l) = &item.lines {
                *outlets.entry(l.outlet).or_default() += 1;
                let distinct: BTreeSet<u64> = l.hashes.iter().copied().collect();
                for h in distinct {
                    *lines.entry((l.outlet, h)).or_default() += 1;
                }
            }
        }
        let mut ids: BTreeMap<&str, i64> = BTreeMap::new();
        for (outlet, n) in outlets {
            let id = tx.query_one(
                "INSERT INTO outlets (outlet, articles) VALUES (?1, ?2) \
                 ON CONFLICT (outlet) DO UPDATE SET articles = outlets.articles + excluded.articles \
                 RETURNING id",
                args![outlet, n],
                |r| r.get(0),
            )?;
            ids.insert(outlet, id);
        }
        for ((outlet, h), n) in lines {
            // Every line's outlet was counted just above.
            let Some(&id) = ids.get(outlet) else { continue };
            // Stored as i64 because neither database has a u64; the bits
            // are the hash.
            tx.exec(
                "INSERT INTO outlet_lines (outlet_id, line_hash, articles) VALUES (?1, ?2, ?3) \
                 ON CONFLICT (outlet_id, line_hash) \
                 DO UPDATE SET articles = outlet_lines.articles + excluded.articles",
                args![id, h as i64, n],
            )?;
        }
        tx.commit()?;
        Ok(out)
    }

    /// The article with this id, if stored.
    pub fn article(&self, id: i64) -> Result<Option<StoredArticle>, StoreError> {
        let sql = format!("SELECT {ARTICLE_COLUMNS} FROM articles WHERE id = ?1");
        let raw = self
            .conn
            .query_opt(&sql, args![id], RawArticle::from_row)
            .map_err(sql_err(&self.path, "reading an article"))?;
        raw.map(|r| r.decode(&self.path)).transpose()
    }

    /// Every stored article, by publication date (undated last), then id.
    pub fn articles(&self) -> Result<Vec<StoredArticle>, StoreError> {
        let sql = format!("SELECT {ARTICLE_COLUMNS} FROM articles {ARTICLE_ORDER}");
        let raws = self
            .conn
            .query(&sql, &[], RawArticle::from_row)
            .map_err(sql_err(&self.path, "reading articles"))?;
        raws.into_iter().map(|r| r.decode(&self.path)).collect()
    }

    /// A summary of every stored article, in the order of
    /// [`articles`](Self::articles), without loading texts or raw bodies.
    pub fn list(&self) -> Result<Vec<ArticleSummary>, StoreError> {
        let sql = format!(
            "SELECT id, outlet, published, title, lang, lang_confidence, lang_reliable, \
             text_chars, {}, {}, url FROM articles {ARTICLE_ORDER}",
            extra_text(&self.conn, "outlet_name"),
            extra_text(&self.conn, storyline_model::PENDING),
        );
        self.conn
            .query(&sql, &[], |r| {
                Ok(ArticleSummary {
                    id: r.get(0)?,
                    outlet: r.get(1)?,
                    published: r.get(2)?,
                    title: r.get(3)?,
                    lang: language(r.get(4)?, r.get(5)?, r.get(6)?),
                    text_chars: non_negative(r.get(7)?),
                    outlet_name: r.get(8)?,
                    pending: r.get::<Option<String>>(9)?.as_deref() == Some("page")
                        && non_negative(r.get(7)?) == 0,
                    url: r.get(10)?,
                })
            })
            .map_err(sql_err(&self.path, "listing articles"))
    }

    /// Up to `limit` articles with an id above `after`, by id, with their
    /// texts but not their raw bodies: a bulk reader (a search index reads
    /// the whole store this way, one page at a time, in bounded memory).
    pub fn texts_after(&self, after: i64, limit: usize) -> Result<Vec<ArticleText>, StoreError> {
        let sql = format!(
            "SELECT id, outlet, {}, url, title, published, lang, text FROM articles \
             WHERE id > ?1 ORDER BY id LIMIT ?2",
            extra_text(&self.conn, "outlet_name"),
        );
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        self.conn
            .query(&sql, args![after, limit], |r| {
                Ok(ArticleText {
                    id: r.get(0)?,
                    outlet: r.get(1)?,
                    outlet_name: r.get(2)?,
                    url: r.get(3)?,
                    title: r.get(4)?,
                    published: r.get(5)?,
                    lang: r.get(6)?,
                    text: r.get::<raw::Text>(7)?.0,
                })
            })
            .map_err(sql_err(&self.path, "reading texts"))
    }

    /// Replaces the clean text of an article (after re-cleaning its raw
    /// body). Returns whether an article with this id exists.
    ///
    /// Its facts, and the brief of its storyline, are dropped with the old
    /// text, in the same transaction; the next clustering update computes
    /// them again.
    pub fn update_text(&mut self, id: i64, text: &str) -> Result<bool, StoreError> {
        let err = sql_err(&self.path, "updating an article's text");
        let tx = self.conn.begin(true).map_err(&err)?;
        // The raw body is compressed with the text as its prefix: it is
        // read back with the old text and packed again with the new one.
        let old = tx
            .query_opt(
                "SELECT text, raw_kind, raw FROM articles WHERE id = ?1",
                args![id],
                |r| {
                    Ok((
                        r.get::<raw::Text>(0)?.0,
                        r.get::<String>(1)?,
                        r.get::<Stored>(2)?,
                    ))
                },
            )
            .map_err(&err)?;
        let Some((old_text, kind, stored)) = old else {
            return Ok(false);
        };
        let body = raw::unpack(&self.path, id, &kind, stored, &old_text)?;
        let (packed_text, packed_raw) = raw::pack_article(&body, text);
        tx.exec(
            "UPDATE articles SET text = ?2, text_chars = ?3, raw = ?4 WHERE id = ?1",
            args![id, packed_text.arg(), chars(text), packed_raw.arg()],
        )
        .map_err(&err)?;
        tx.exec("DELETE FROM article_facts WHERE article_id = ?1", args![id])
            .map_err(&err)?;
        if let Some(line) = crate::facts::line_of_article(&tx, id).map_err(&err)? {
            crate::facts::forget(&tx, [line]).map_err(&err)?;
        }
        tx.commit().map_err(&err)?;
        Ok(true)
    }

    /// The id and raw body of every article of `outlet`, by id: what
    /// re-cleaning an outlet needs once its boilerplate is better known.
    pub fn raw_texts_of_outlet(&self, outlet: &str) -> Result<Vec<(i64, Body)>, StoreError> {
        let rows = self
            .conn
            .query(
                "SELECT id, raw_kind, raw, text FROM articles WHERE outlet = ?1 ORDER BY id",
                args![outlet],
                |r| {
                    let raw: Stored = r.get(2)?;
                    let text: raw::Text = r.get(3)?;
                    Ok((r.get::<i64>(0)?, r.get::<String>(1)?, raw, text.0))
                },
            )
            .map_err(sql_err(&self.path, "reading raw bodies"))?;
        rows.into_iter()
            .map(|(id, kind, raw, text)| Ok((id, raw::unpack(&self.path, id, &kind, raw, &text)?)))
            .collect()
    }

    /// The clean texts of one outlet's articles, by id.
    pub fn texts_of_outlet(&self, outlet: &str) -> Result<Vec<(i64, String)>, StoreError> {
        self.conn
            .query(
                "SELECT id, text FROM articles WHERE outlet = ?1 ORDER BY id",
                args![outlet],
                |r| Ok((r.get(0)?, r.get::<raw::Text>(1)?.0)),
            )
            .map_err(sql_err(&self.path, "reading texts"))
    }

    /// The per-outlet line counts the furniture stage learns from, as
    /// [`insert_batch`](Self::insert_batch) added them up: the
    /// `(outlet, line hash, articles with that line)` of each outlet's
    /// `per_outlet` most common lines (ties by hash), and every
    /// `(outlet, articles counted)`, sorted.
    #[allow(clippy::type_complexity)] // the pair is the furniture crate's own shape
    pub fn load_outlet_lines(
        &self,
        per_outlet: usize,
    ) -> Result<(Vec<(String, u64, u64)>, Vec<(String, u64)>), StoreError> {
        let err = sql_err(&self.path, "loading outlet line counts");
        // Sorted here, not by the database: PostgreSQL's text order follows
        // its collation, and the furniture crate wants byte order.
        let mut lines = self
            .conn
            .query(
                "SELECT o.outlet, l.line_hash, l.articles FROM \
                 (SELECT outlet_id, line_hash, articles, ROW_NUMBER() OVER \
                  (PARTITION BY outlet_id ORDER BY articles DESC, line_hash) AS r \
                  FROM outlet_lines) l \
                 JOIN outlets o ON o.id = l.outlet_id WHERE l.r <= ?1",
                args![limit(per_outlet)],
                |r| {
                    // Stored as i64 because neither database has a u64; the
                    // bits are the hash.
                    Ok((
                        r.get::<String>(0)?,
                        r.get::<i64>(1)? as u64,
                        non_negative(r.get(2)?),
                    ))
                },
            )
            .map_err(&err)?;
        lines.sort_unstable();
        let mut outlets = self
            .conn
            .query("SELECT outlet, articles FROM outlets", &[], |r| {
                Ok((r.get::<String>(0)?, non_negative(r.get(1)?)))
            })
            .map_err(&err)?;
        outlets.sort_unstable();
        Ok((lines, outlets))
    }

    /// One outlet's line counts on file, as
    /// [`load_outlet_lines`](Self::load_outlet_lines) gives them for all:
    /// `(line hash, articles with that line)` of its `per_outlet` most
    /// common lines, and the articles counted. Another writer's articles
    /// are in them once committed.
    pub fn outlet_lines_of(
        &self,
        outlet: &str,
        per_outlet: usize,
    ) -> Result<(Vec<(u64, u64)>, u64), StoreError> {
        let articles = self.outlet_articles(outlet)?;
        let lines = self
            .conn
            .query(
                "SELECT l.line_hash, l.articles FROM outlet_lines l \
                 JOIN outlets o ON o.id = l.outlet_id WHERE o.outlet = ?1 \
                 ORDER BY l.articles DESC, l.line_hash LIMIT ?2",
                args![outlet, limit(per_outlet)],
                |r| Ok((r.get::<i64>(0)? as u64, non_negative(r.get(1)?))),
            )
            .map_err(sql_err(&self.path, "loading outlet line counts"))?;
        Ok((lines, articles))
    }

    /// How many of one outlet's articles its line counts on file hold (a
    /// single row read: tells a writer whether others added to them).
    pub fn outlet_articles(&self, outlet: &str) -> Result<u64, StoreError> {
        self.conn
            .query_opt(
                "SELECT articles FROM outlets WHERE outlet = ?1",
                args![outlet],
                |r| r.get::<i64>(0),
            )
            .map(|n| n.map_or(0, non_negative))
            .map_err(sql_err(&self.path, "loading outlet line counts"))
    }

    /// Runs SQLite's `PRAGMA integrity_check`: the problems it finds, or an
    /// empty list when the file is sound. PostgreSQL keeps its own files
    /// sound (its write-ahead log); there this finds nothing.
    pub fn integrity_check(&self) -> Result<Vec<String>, StoreError> {
        let Some(conn) = self.conn.sqlite() else {
            return Ok(Vec::new());
        };
        let rows = conn
            .prepare("PRAGMA integrity_check")
            .and_then(|mut st| {
                st.query_map([], |r| r.get::<_, String>(0))?
                    .collect::<rusqlite::Result<Vec<_>>>()
            })
            .map_err(sql_err(&self.path, "checking integrity"))?;
        Ok(rows.into_iter().filter(|r| r != "ok").collect())
    }

    /// The raw connection, for tests that need to reach under the API.
    #[cfg(test)]
    pub(crate) fn conn(&self) -> &Connection {
        self.conn.sqlite().expect("a SQLite store")
    }
}

/// Whether a read-only connection's first read failed because SQLite could
/// not create the WAL index (the -shm file) beside the database: what
/// happens in a directory the user cannot write.
fn shm_refused(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(ErrorCode::ReadOnly | ErrorCode::CannotOpen)
    )
}

/// Opens `path` with SQLite's `immutable=1`: no locks, no WAL index, no
/// look at the -wal file. Only called when a plain read-only open failed
/// for want of a -shm file, and only done when the file has no write-ahead
/// log and no rollback journal with anything in it.
///
/// Why that is safe. A connection to a database in WAL mode keeps the -shm
/// file beside it; SQLite could not create one and none exists, so no
/// process has the database open in WAL mode at this moment. With the -wal
/// absent or empty every committed transaction is in the main file, and no
/// checkpoint is half done (a checkpoint only copies from a non-empty log),
/// so the main file alone is the whole, consistent database; the same holds
/// for an empty rollback journal. What `immutable` gives up is locking and
/// change detection: if a writer starts after this check (which only
/// someone who may write the directory can do: its owner, or root) this
/// connection does not see its commits, and a checkpoint rewriting pages
/// under a running query can make that query fail as corrupt. That is a
/// read-only command that fails and can be run again, never a damaged file:
/// an immutable connection writes nothing.
#[cfg(unix)]
fn immutable(path: &Path) -> Result<Connection, String> {
    use std::os::unix::ffi::OsStrExt;
    for suffix in ["-wal", "-journal"] {
        let mut side = path.as_os_str().to_owned();
        side.push(suffix);
        match std::fs::metadata(&side) {
            Ok(m) if m.len() == 0 => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            _ => return Err(format!("{suffix} file present")),
        }
    }
    // A URI names the file, so it must be absolute and percent-encoded:
    // `?` or `#` in a directory name would otherwise start the query.
    let abs = std::fs::canonicalize(path).map_err(|e| e.to_string())?;
    let mut uri = String::from("file://");
    for &b in abs.as_os_str().as_bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            uri.push(char::from(b));
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri.push_str("?immutable=1");
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_URI
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(&uri, flags).map_err(|e| e.to_string())?;
    schema::version(&conn).map_err(|e| e.to_string())?;
    Ok(conn)
}

/// Elsewhere the plain read-only open's error stands.
#[cfg(not(unix))]
fn immutable(_path: &Path) -> Result<Connection, String> {
    Err("not supported".into())
}

/// Maps a database error to a [`StoreError::Sql`] naming the file and the
/// step.
pub(crate) fn sql_err<'a, E: Into<DbError>>(
    path: &'a Path,
    op: &'static str,
) -> impl Fn(E) -> StoreError + 'a {
    move |source| StoreError::Sql {
        path: path.to_owned(),
        op,
        source: source.into(),
    }
}

/// Why a transaction failed: the database said so (which may be worth a
/// retry, see [`DbError::is_transient`]), or the store refused a value.
pub(crate) enum Failed {
    /// The database's error.
    Db(DbError),
    /// The store's own.
    Store(StoreError),
}

impl From<DbError> for Failed {
    fn from(e: DbError) -> Self {
        Failed::Db(e)
    }
}

impl Failed {
    /// Whether running the transaction again may succeed.
    pub(crate) fn is_transient(&self) -> bool {
        matches!(self, Failed::Db(e) if e.is_transient())
    }
}

/// Whether there is a database at `target` to open: the file exists, or it
/// is a PostgreSQL URL (the server answers for itself when it is opened).
pub fn exists(target: &Path) -> bool {
    target.to_str().is_some_and(is_postgres_url) || target.exists()
}

/// Whether `target` names a PostgreSQL database rather than a file.
pub fn is_postgres_url(target: &str) -> bool {
    target.starts_with("postgres://") || target.starts_with("postgresql://")
}

/// How to name the database at `target` in a message: a file's path, or
/// a PostgreSQL URL with its password replaced.
pub fn shown(target: &Path) -> String {
    match target.to_str().filter(|t| is_postgres_url(t)) {
        Some(url) => redact(url),
        None => target.display().to_string(),
    }
}

/// A connection URL with its password replaced, fit for messages.
fn redact(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut u) if u.password().is_some() => {
            let _ = u.set_password(Some("***"));
            u.to_string()
        }
        Ok(u) => u.to_string(),
        // A key=value string: drop any password=... pair.
        Err(_) => url
            .split_whitespace()
            .filter(|kv| !kv.starts_with("password="))
            .collect::<Vec<_>>()
            .join(" "),
    }
}

/// A text's length in characters, as the `text_chars` column keeps it.
pub(crate) fn chars(text: &str) -> i64 {
    i64::try_from(text.chars().count()).unwrap_or(i64::MAX)
}

/// A row limit as the databases take it (i64), saturating.
fn limit(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// A count SQLite gave as i64 (it has no unsigned type); never negative.
pub(crate) fn non_negative(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

/// The current time, UTC, RFC 3339 with milliseconds.
fn now() -> String {
    format!("{:.3}", jiff::Timestamp::now())
}

/// SQL for the text value of `extra[key]`, NULL when `extra` is missing or
/// the value is no string (`extra` holds input fields, so any JSON).
pub(crate) fn extra_text(conn: &Conn, key: &str) -> String {
    if conn.is_postgres() {
        // `extra` is only ever written by us, as a JSON object.
        format!(
            "CASE WHEN jsonb_typeof(extra::jsonb -> '{key}') = 'string' \
             THEN extra::jsonb ->> '{key}' END"
        )
    } else {
        format!(
            "CASE WHEN json_valid(extra) THEN CASE WHEN json_type(extra, '$.{key}') = 'text' \
             THEN json_extract(extra, '$.{key}') END END"
        )
    }
}

/// `extra` as JSON text, or NULL when empty (most articles).
fn encode_extra(path: &Path, a: &Article) -> Result<Option<String>, StoreError> {
    if a.extra.is_empty() {
        return Ok(None);
    }
    serde_json::to_string(&a.extra)
        .map(Some)
        .map_err(|source| StoreError::Encode {
            path: path.to_owned(),
            source_name: a.source.clone(),
            source,
        })
}

/// The three language columns back into a [`Language`]. SQLite stores a NaN
/// confidence as NULL, which reads back as 0.
fn language(
    code: Option<String>,
    confidence: Option<f64>,
    reliable: Option<bool>,
) -> Option<Language> {
    code.map(|code| Language {
        code,
        confidence: confidence.unwrap_or(0.0),
        reliable: reliable.unwrap_or(false),
    })
}

/// An article row as SQLite gives it, before the checks SQLite cannot do.
struct RawArticle {
    id: i64,
    hash: String,
    ingested_at: String,
    source: String,
    outlet: Option<String>,
    url: Option<String>,
    title: Option<String>,
    author: Option<String>,
    published: Option<String>,
    lang: Option<Language>,
    text: raw::Text,
    extra: Option<String>,
    raw_kind: String,
    raw: Stored,
}

impl RawArticle {
    /// Reads the columns of [`ARTICLE_COLUMNS`].
    fn from_row(r: &Row<'_>) -> Result<RawArticle, DbError> {
        Ok(RawArticle {
            id: r.get(0)?,
            hash: r.get(1)?,
            ingested_at: r.get(2)?,
            source: r.get(3)?,
            outlet: r.get(4)?,
            url: r.get(5)?,
            title: r.get(6)?,
            author: r.get(7)?,
            published: r.get(8)?,
            lang: language(r.get(9)?, r.get(10)?, r.get(11)?),
            text: r.get(12)?,
            extra: r.get(13)?,
            raw_kind: r.get(14)?,
            raw: r.get(15)?,
        })
    }

    fn decode(self, path: &Path) -> Result<StoredArticle, StoreError> {
        let extra = match self.extra.as_deref() {
            None => Map::new(),
            Some(json) => match serde_json::from_str::<Value>(json) {
                Ok(Value::Object(map)) => map,
                Ok(_) => return Err(self.corrupt(path, "extra is not a JSON object".into())),
                Err(e) => return Err(self.corrupt(path, format!("extra is not JSON: {e}"))),
            },
        };
        let text = self.text.0;
        let raw = raw::unpack(path, self.id, &self.raw_kind, self.raw, &text)?;
        Ok(StoredArticle {
            id: self.id,
            hash: self.hash,
            ingested_at: self.ingested_at,
            article: Article {
                source: self.source,
                outlet: self.outlet,
                url: self.url,
                title: self.title,
                author: self.author,
                published: self.published,
                lang: self.lang,
                text,
                extra,
            },
            raw,
        })
    }

    fn corrupt(&self, path: &Path, detail: String) -> StoreError {
        StoreError::Corrupt {
            path: path.to_owned(),
            id: self.id,
            detail,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hash::body_hash;
    use crate::testdb::both;
    use crate::{ArticleLines, SCHEMA_VERSION};
    use std::collections::BTreeMap;

    fn plain(source: &str, published: Option<&str>, text: &str) -> Article {
        Article {
            source: source.into(),
            outlet: None,
            url: None,
            title: None,
            author: None,
            published: published.map(Into::into),
            lang: None,
            text: text.into(),
            extra: Map::new(),
        }
    }

    /// Inserts articles whose raw body is their text, hashed as ingest would.
    fn insert(store: &mut Store, articles: &[Article]) -> Vec<Inserted> {
        store.insert_texts(articles).unwrap()
    }

    fn user_version(store: &Store) -> i64 {
        store
            .conn()
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap()
    }

    #[test]
    fn passwords_are_never_shown() {
        assert_eq!(
            shown(Path::new("postgres://ann:s3cret@db.example:5432/news")),
            "postgres://ann:***@db.example:5432/news"
        );
        assert_eq!(shown(Path::new("news.db")), "news.db");
        assert_eq!(
            redact("host=db user=ann password=s3cret dbname=news"),
            "host=db user=ann dbname=news"
        );
    }

    #[test]
    fn open_creates_the_file_in_wal_mode() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("news.db");
        let store = Store::open(&path).unwrap();
        assert!(path.exists());
        assert_eq!(store.path(), path);
        assert_eq!(user_version(&store), i64::from(SCHEMA_VERSION));
        let pragma = |name: &str| -> String {
            store
                .conn()
                .pragma_query_value(None, name, |r| r.get::<_, rusqlite::types::Value>(0))
                .map(|v| format!("{v:?}"))
                .unwrap()
        };
        assert!(pragma("journal_mode").contains("wal"));
        assert_eq!(pragma("synchronous"), "Integer(1)", "NORMAL");
        assert_eq!(pragma("foreign_keys"), "Integer(1)");
        assert_eq!(store.count().unwrap(), 0);
        assert!(store.integrity_check().unwrap().is_empty());
    }

    #[test]
    fn reopening_keeps_data_and_version() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("news.db");
        let id = {
            let mut store = Store::open(&path).unwrap();
            insert(&mut store, &[plain("a#1", None, "Ferry service resumes.")])[0].id()
        };
        let store = Store::open(&path).unwrap();
        assert_eq!(user_version(&store), i64::from(SCHEMA_VERSION));
        assert_eq!(store.count().unwrap(), 1);
        let got = store.article(id).unwrap().unwrap();
        assert_eq!(got.article.text, "Ferry service resumes.");
    }

    #[test]
    fn a_newer_file_is_refused_clearly() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("future.db");
        drop(Store::open(&path).unwrap());
        Connection::open(&path)
            .unwrap()
            .pragma_update(None, "user_version", SCHEMA_VERSION + 5)
            .unwrap();
        let err = Store::open(&path).unwrap_err();
        assert!(matches!(err, StoreError::TooNew { .. }), "{err:?}");
        let msg = err.to_string();
        assert!(msg.contains("future.db"), "{msg}");
        assert!(msg.contains(&(SCHEMA_VERSION + 5).to_string()), "{msg}");
        assert!(!msg.contains('\n'));
        // And it was left alone, not downgraded.
        let v: i64 = Connection::open(&path)
            .unwrap()
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(v, i64::from(SCHEMA_VERSION + 5));
    }

    #[test]
    fn open_errors_name_the_path() {
        let dir = tempfile::tempdir().unwrap();
        // A directory cannot be a database.
        let err = Store::open(dir.path()).unwrap_err();
        assert!(matches!(err, StoreError::Open { .. }), "{err:?}");
        assert!(err.to_string().contains(&dir.path().display().to_string()));
        // Nor can a file that is not SQLite.
        let junk = dir.path().join("junk.db");
        std::fs::write(&junk, vec![b'x'; 4096]).unwrap();
        let err = Store::open(&junk).unwrap_err();
        assert!(err.to_string().contains("junk.db"), "{err}");
    }

    both! {
        fn duplicates_are_skipped_and_reported(store) {
            let a = plain("a#1", None, "Harbour dredging starts.");
            let b = plain("a#2", None, "Library extends its hours.");
            let first = insert(&mut store, &[a.clone(), b.clone(), a.clone()]);
            let (ia, ib) = (first[0].id(), first[1].id());
            assert!(first[0].is_new() && first[1].is_new());
            assert_eq!(
                first[2],
                Inserted::Duplicate(ia),
                "a duplicate within the batch"
            );
            // A re-run of the same input, plus one new article.
            let c = plain("a#3", None, "Market moves indoors.");
            let second = insert(&mut store, &[b, c, a]);
            assert_eq!(second[0], Inserted::Duplicate(ib));
            assert!(second[1].is_new());
            assert_eq!(second[2], Inserted::Duplicate(ia));
            assert_eq!(store.count().unwrap(), 3);
            let hash = body_hash(&Body::Text("Harbour dredging starts.".into()));
            assert_eq!(store.contains_hash(&hash).unwrap(), Some(ia));
            assert_eq!(store.contains_hash("no such hash").unwrap(), None);
            assert!(insert(&mut store, &[]).is_empty());
        }
    }

    #[test]
    fn a_failing_batch_leaves_nothing() {
        let mut store = Store::open_in_memory().unwrap();
        insert(&mut store, &[plain("a#0", None, "Before the failure.")]);
        // Make the third insert of the next batch fail inside SQLite.
        store
            .conn()
            .execute_batch(
                "CREATE TEMP TRIGGER boom BEFORE INSERT ON articles \
                 WHEN NEW.source = 'bad' BEGIN SELECT RAISE(ABORT, 'refused'); END",
            )
            .unwrap();
        let batch = [
            plain("a#1", None, "First of three."),
            plain("a#2", None, "Second of three."),
            plain("bad", None, "Third of three."),
        ];
        let raws: Vec<Body> = batch.iter().map(|a| Body::Text(a.text.clone())).collect();
        let hashes: Vec<String> = raws.iter().map(body_hash).collect();
        let items: Vec<NewArticle> = (0..3)
            .map(|i| NewArticle {
                article: &batch[i],
                hash: &hashes[i],
                raw: &raws[i],
                lines: None,
                facts: None,
            })
            .collect();
        let err = store.insert_batch(&items).unwrap_err();
        assert!(err.to_string().contains("refused"), "{err}");
        assert_eq!(
            store.count().unwrap(),
            1,
            "nothing of the failed batch was kept"
        );
        assert_eq!(store.contains_hash(&hashes[0]).unwrap(), None);
        // The store is still usable, and the good part goes in on a retry.
        let got = store.insert_batch(&items[..2]).unwrap();
        assert!(got.iter().all(|i| i.is_new()));
        assert_eq!(store.count().unwrap(), 3);
    }

    both! {
        fn every_field_roundtrips(store) {
            let mut extra = Map::new();
            extra.insert("section".into(), Value::from("Світ / world"));
            extra.insert(
                "tags".into(),
                serde_json::json!(["a", 1, 2.5, null, {"deep": [true]}]),
            );
            let full = Article {
                source: "feeds/ua.xml#guid-7".into(),
                outlet: Some("приклад.укр".into()),
                url: Some("https://приклад.укр/новини/1?q=ä".into()),
                title: Some("Міст відкрили 🚲 «знову»".into()),
                author: Some("Олена К.; Zoë D.".into()),
                published: Some("2025-01-24T17:04:00+02:00".into()),
                lang: Some(Language {
                    code: "uk".into(),
                    confidence: 0.873_456_789,
                    reliable: true,
                }),
                text:
                    "Перший абзац.\n\nSecond paragraph with \"quotes\" and 'apostrophes'.\n\n\u{0}nul"
                        .into(),
                extra,
            };
            let empty = plain("bare.txt", None, "");
            let unsure = Article {
                lang: Some(Language {
                    code: "und".into(),
                    confidence: 0.0,
                    reliable: false,
                }),
                ..plain("unsure.txt", Some("2025-01-01"), "x")
            };
            let raws = [
                Body::Html("<p>Перший абзац.</p>".into()),
                Body::Text(String::new()),
                Body::Text("x".into()),
            ];
            let articles = [&full, &empty, &unsure];
            let hashes: Vec<String> = raws.iter().map(body_hash).collect();
            let items: Vec<NewArticle> = (0..3)
                .map(|i| NewArticle {
                    article: articles[i],
                    hash: &hashes[i],
                    raw: &raws[i],
                    lines: None,
                    facts: None,
                })
                .collect();
            let ids = store.insert_batch(&items).unwrap();
            for i in 0..3 {
                let got = store.article(ids[i].id()).unwrap().unwrap();
                // Texts are bytes in both databases, NUL included.
                assert_eq!(got.article, *articles[i]);
                assert_eq!(got.raw, raws[i]);
                assert_eq!(got.hash, hashes[i]);
                assert_eq!(got.id, ids[i].id());
                // RFC 3339, UTC, milliseconds.
                assert_eq!(got.ingested_at.len(), "2025-01-24T15:04:05.123Z".len());
                assert!(got.ingested_at.ends_with('Z'));
                assert!(got.ingested_at.parse::<jiff::Timestamp>().is_ok());
            }
            assert_eq!(store.article(9999).unwrap(), None);
            // The empty extra map is stored as NULL.
            let nulls: i64 = store
                .conn
                .query_one(
                    "SELECT count(*) FROM articles WHERE extra IS NULL",
                    &[],
                    |r| r.get(0),
                )
                .unwrap();
            assert_eq!(nulls, 2);
        }
    }

    both! {
        fn listing_is_by_date_undated_last_then_id(store) {
            let ids = insert(
                &mut store,
                &[
                    plain("n1", None, "undated one"),
                    plain("d2", Some("2025-02-01"), "later"),
                    plain("d1", Some("2025-01-15T08:00:00Z"), "earlier"),
                    plain("n2", None, "undated two"),
                    plain("d3", Some("2025-02-01"), "same day as d2"),
                ],
            );
            let id = |i: usize| ids[i].id();
            let want = vec![id(2), id(1), id(4), id(0), id(3)];
            let full: Vec<i64> = store.articles().unwrap().iter().map(|a| a.id).collect();
            assert_eq!(full, want);
            let list = store.list().unwrap();
            assert_eq!(list.iter().map(|s| s.id).collect::<Vec<_>>(), want);
            assert_eq!(list[0].published.as_deref(), Some("2025-01-15T08:00:00Z"));
            assert_eq!(list[0].text_chars, 7);
            assert_eq!(list[3].published, None);
        }
    }

    both! {
        fn summary_names_the_outlet_and_marks_pending_articles(store) {
            let mut named = plain("a", None, "Some text here.");
            named.outlet = Some("harbourwire.example".into());
            named
                .extra
                .insert("outlet_name".into(), "Harbour Wire".into());
            let mut pending = plain("b", None, "");
            pending
                .extra
                .insert(storyline_model::PENDING.into(), "page".into());
            // Input fields are any JSON: a name that is no string is no name.
            let mut odd = plain("c", None, "More text here.");
            odd.extra
                .insert("outlet_name".into(), serde_json::json!([1, 2]));
            odd.extra
                .insert(storyline_model::PENDING.into(), serde_json::json!(true));
            insert(&mut store, &[named, pending, odd]);
            let list = store.list().unwrap();
            let by_source = |id: i64| list.iter().find(|s| s.id == id).unwrap();
            assert_eq!(by_source(1).outlet_name.as_deref(), Some("Harbour Wire"));
            assert!(!by_source(1).pending);
            assert!(by_source(2).pending);
            assert_eq!(by_source(3).outlet_name, None);
            assert!(!by_source(3).pending);
        }
    }

    both! {
        fn summary_counts_characters_not_bytes(store) {
            let mut a = plain("u", None, "Ünïcödé 🚲");
            a.title = Some("T".into());
            a.outlet = Some("example.org".into());
            a.lang = Some(Language {
                code: "de".into(),
                confidence: 0.5,
                reliable: false,
            });
            insert(&mut store, &[a.clone()]);
            let s = &store.list().unwrap()[0];
            assert_eq!(s.text_chars, 9);
            assert_eq!(s.title.as_deref(), Some("T"));
            assert_eq!(s.outlet.as_deref(), Some("example.org"));
            assert_eq!(s.lang, a.lang);
        }
    }

    both! {
        fn texts_can_be_updated_and_raw_bodies_found_by_outlet(store) {
            let mut a = plain("a", None, "Menu Home\n\nThe story.");
            a.outlet = Some("one.example".into());
            let mut b = plain("b", None, "Other story.");
            b.outlet = Some("two.example".into());
            let mut c = plain("c", None, "Menu Home\n\nAnother story.");
            c.outlet = Some("one.example".into());
            let ids = insert(&mut store, &[a, b, c]);
            let raws = store.raw_texts_of_outlet("one.example").unwrap();
            assert_eq!(
                raws,
                vec![
                    (ids[0].id(), Body::Text("Menu Home\n\nThe story.".into())),
                    (
                        ids[2].id(),
                        Body::Text("Menu Home\n\nAnother story.".into())
                    ),
                ]
            );
            assert!(
                store
                    .raw_texts_of_outlet("none.example")
                    .unwrap()
                    .is_empty()
            );
            assert!(store.update_text(ids[0].id(), "The story.").unwrap());
            assert!(!store.update_text(12345, "nothing").unwrap());
            let got = store.article(ids[0].id()).unwrap().unwrap();
            assert_eq!(got.article.text, "The story.");
            assert_eq!(
                got.raw,
                Body::Text("Menu Home\n\nThe story.".into()),
                "raw kept"
            );
        }
    }

    /// Inserts articles of `outlet`, each counting the line hashes given
    /// for it; the raw body is the text, so equal texts are duplicates.
    fn insert_counted(
        store: &mut Store,
        outlet: &str,
        articles: &[(&str, &[u64])],
    ) -> Result<Vec<Inserted>, StoreError> {
        let arts: Vec<Article> = articles
            .iter()
            .map(|(text, _)| plain(text, None, text))
            .collect();
        let raws: Vec<Body> = arts.iter().map(|a| Body::Text(a.text.clone())).collect();
        let hashes: Vec<String> = raws.iter().map(body_hash).collect();
        let items: Vec<NewArticle> = (0..arts.len())
            .map(|i| NewArticle {
                article: &arts[i],
                hash: &hashes[i],
                raw: &raws[i],
                lines: Some(ArticleLines {
                    outlet,
                    hashes: articles[i].1,
                }),
                facts: None,
            })
            .collect();
        store.insert_batch(&items)
    }

    /// The stored counts as maps: line hash -> articles, and the outlet's articles.
    fn counts(store: &Store, outlet: &str) -> (BTreeMap<u64, u64>, u64) {
        let (lines, outlets) = store.load_outlet_lines(usize::MAX).unwrap();
        let lines = lines
            .into_iter()
            .filter(|(o, _, _)| o == outlet)
            .map(|(_, h, n)| (h, n))
            .collect();
        let n = outlets
            .into_iter()
            .find(|(o, _)| o == outlet)
            .map_or(0, |(_, n)| n);
        (lines, n)
    }

    both! {
        fn line_counts_grow_with_new_articles_only(store) {
            assert_eq!(store.load_outlet_lines(usize::MAX).unwrap(), (vec![], vec![]));
            let got = insert_counted(
                &mut store,
                "a.example",
                &[
                    ("one", &[u64::MAX, 0, 1 << 63]),
                    // A hash given twice counts once.
                    ("two", &[u64::MAX, 7, 7]),
                    // A duplicate of "one" within the batch counts nothing.
                    ("one", &[u64::MAX, 99]),
                ],
            )
            .unwrap();
            assert!(!got[2].is_new());
            insert_counted(&mut store, "b.example", &[("three", &[7]), ("four", &[])]).unwrap();
            // Stored earlier: still nothing.
            insert_counted(&mut store, "a.example", &[("two", &[7])]).unwrap();
            let (a, n) = counts(&store, "a.example");
            assert_eq!(n, 2);
            assert_eq!(
                a,
                BTreeMap::from([(u64::MAX, 2), (0, 1), (1 << 63, 1), (7, 1)])
            );
            assert_eq!(counts(&store, "b.example"), (BTreeMap::from([(7, 1)]), 2));
            // One outlet's counts read alone are the same.
            let (one, n) = store.outlet_lines_of("a.example", usize::MAX).unwrap();
            assert_eq!((one.into_iter().collect::<BTreeMap<_, _>>(), n), (a, 2));
            assert_eq!(store.outlet_articles("b.example").unwrap(), 2);
            assert_eq!(store.outlet_lines_of("none.example", usize::MAX).unwrap(), (vec![], 0));
            // A limit keeps each outlet's most common lines, ties by stored hash.
            assert_eq!(
                store.outlet_lines_of("a.example", 2).unwrap(),
                (vec![(u64::MAX, 2), (1 << 63, 1)], 2)
            );
            assert_eq!(
                store.load_outlet_lines(1).unwrap().0,
                vec![("a.example".to_string(), u64::MAX, 2), ("b.example".to_string(), 7, 1)]
            );
            // An article without lines leaves the counts alone.
            insert(&mut store, &[plain("five", None, "five")]);
            assert_eq!(counts(&store, "b.example").1, 2);
            assert_eq!(store.load_outlet_lines(usize::MAX).unwrap().1.len(), 2);
        }
    }

    #[test]
    fn two_stores_on_one_file_add_their_counts_up() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("news.db");
        let mut one = Store::open(&path).unwrap();
        let mut two = Store::open(&path).unwrap();
        // Each learned nothing of the other's articles in memory; the
        // counts on file must still be the sum of both.
        for round in 0..4 {
            let a = format!("watch {round}");
            let b = format!("ingest {round}");
            insert_counted(&mut one, "x.example", &[(a.as_str(), &[1, 2])]).unwrap();
            insert_counted(&mut two, "x.example", &[(b.as_str(), &[2, 3])]).unwrap();
        }
        // And an article both saw counts once.
        insert_counted(&mut one, "x.example", &[("same", &[1])]).unwrap();
        insert_counted(&mut two, "x.example", &[("same", &[1])]).unwrap();
        drop((one, two));
        let store = Store::open(&path).unwrap();
        assert_eq!(store.count().unwrap(), 9);
        assert_eq!(
            counts(&store, "x.example"),
            (BTreeMap::from([(1, 5), (2, 8), (3, 4)]), 9)
        );
    }

    #[test]
    fn a_batchs_counts_commit_or_roll_back_with_its_articles() {
        let mut store = Store::open_in_memory().unwrap();
        insert_counted(&mut store, "x.example", &[("kept", &[1])]).unwrap();
        let before = counts(&store, "x.example");
        // An article that fails: the counts of those before it go too.
        store
            .conn()
            .execute_batch(
                "CREATE TEMP TRIGGER no_bad BEFORE INSERT ON articles \
                 WHEN NEW.source = 'bad' BEGIN SELECT RAISE(ABORT, 'refused'); END",
            )
            .unwrap();
        let err = insert_counted(&mut store, "x.example", &[("fine", &[1, 2]), ("bad", &[1])])
            .unwrap_err();
        assert!(err.to_string().contains("refused"), "{err}");
        assert_eq!(store.count().unwrap(), 1);
        assert_eq!(counts(&store, "x.example"), before);
        // A count that fails: the articles go too.
        store
            .conn()
            .execute_batch(
                "CREATE TEMP TRIGGER no_line BEFORE INSERT ON outlet_lines \
                 WHEN NEW.line_hash = 666 BEGIN SELECT RAISE(ABORT, 'refused'); END",
            )
            .unwrap();
        let err = insert_counted(
            &mut store,
            "x.example",
            &[("fine", &[1, 2]), ("also", &[666])],
        )
        .unwrap_err();
        assert!(err.to_string().contains("refused"), "{err}");
        assert_eq!(store.count().unwrap(), 1);
        assert_eq!(counts(&store, "x.example"), before);
        // The same batch without its bad part commits whole.
        insert_counted(&mut store, "x.example", &[("fine", &[1, 2])]).unwrap();
        assert_eq!(store.count().unwrap(), 2);
        assert_eq!(
            counts(&store, "x.example"),
            (BTreeMap::from([(1, 2), (2, 1)]), 2)
        );
    }

    /// A page big enough to be worth compressing.
    fn page(n: usize) -> Body {
        Body::Html(format!(
            "<html><body>{}</body></html>",
            format!("<p>Paragraph {n} of the harbour report.</p>").repeat(300)
        ))
    }

    fn insert_pages(store: &mut Store, pages: &[Body]) -> Vec<i64> {
        let arts: Vec<Article> = (0..pages.len())
            .map(|i| plain(&format!("p{i}"), None, "text"))
            .collect();
        let hashes: Vec<String> = pages.iter().map(body_hash).collect();
        let items: Vec<NewArticle> = (0..pages.len())
            .map(|i| NewArticle {
                article: &arts[i],
                hash: &hashes[i],
                raw: &pages[i],
                lines: None,
                facts: None,
            })
            .collect();
        let got = store.insert_batch(&items).unwrap();
        got.into_iter().map(Inserted::id).collect()
    }

    fn raw_type(store: &Store, id: i64) -> String {
        store
            .conn()
            .query_row(
                "SELECT typeof(raw) FROM articles WHERE id = ?1",
                [id],
                |r| r.get(0),
            )
            .unwrap()
    }

    #[test]
    fn raw_pages_are_stored_compressed_and_old_text_rows_still_read() {
        let mut store = Store::open_in_memory().unwrap();
        let pages: Vec<Body> = (0..20).map(page).collect();
        let ids = insert_pages(&mut store, &pages);
        let (stored, plain_len): (i64, usize) = (
            store
                .conn()
                .query_row("SELECT sum(length(raw)) FROM articles", [], |r| r.get(0))
                .unwrap(),
            pages.iter().map(|p| p.as_str().len()).sum(),
        );
        assert!(stored * 10 < plain_len as i64, "{stored} of {plain_len}");
        for (id, p) in ids.iter().zip(&pages) {
            assert_eq!(raw_type(&store, *id), "blob");
            assert_eq!(&store.article(*id).unwrap().unwrap().raw, p);
        }
        assert_eq!(store.articles().unwrap().len(), 20);
        // A row written before compression: TEXT, read as it is.
        store
            .conn()
            .execute(
                "UPDATE articles SET raw = '<p>Old row.</p>' WHERE id = ?1",
                [ids[3]],
            )
            .unwrap();
        assert_eq!(raw_type(&store, ids[3]), "text");
        let got = store.article(ids[3]).unwrap().unwrap();
        assert_eq!(got.raw, Body::Html("<p>Old row.</p>".into()));
    }

    #[test]
    fn a_corrupt_raw_blob_is_an_error_naming_the_article() {
        let mut store = Store::open_in_memory().unwrap();
        let ids = insert_pages(&mut store, &[page(1), page(2)]);
        store
            .conn()
            .execute(
                "UPDATE articles SET raw = x'28b52ffd00deadbeef', outlet = 'o' WHERE id = ?1",
                [ids[1]],
            )
            .unwrap();
        let err = store.article(ids[1]).unwrap_err();
        assert!(
            matches!(err, StoreError::Corrupt { id, .. } if id == ids[1]),
            "{err:?}"
        );
        assert!(
            err.to_string().contains(&format!("article {}", ids[1])),
            "{err}"
        );
        assert!(store.articles().is_err());
        assert!(store.raw_texts_of_outlet("o").is_err());
        // The other article, and texts, still read.
        assert!(store.article(ids[0]).unwrap().is_some());
        assert_eq!(store.texts_of_outlet("o").unwrap().len(), 1);
    }

    both! {
        fn texts_are_read_in_pages_by_id(store) {
            let mut named = plain("a#1", Some("2031-03-04"), "Ferry service resumes.");
            named.outlet = Some("harbour.example".into());
            named
                .extra
                .insert("outlet_name".into(), "Harbour Post".into());
            let ids: Vec<i64> = insert(
                &mut store,
                &[
                    named,
                    plain("a#2", None, "Library extends its hours."),
                    plain("a#3", None, "Bridge closes for repairs."),
                ],
            )
            .iter()
            .map(|i| i.id())
            .collect();
            let first = store.texts_after(0, 2).unwrap();
            assert_eq!(first.iter().map(|t| t.id).collect::<Vec<_>>(), ids[..2]);
            assert_eq!(first[0].outlet_name.as_deref(), Some("Harbour Post"));
            assert_eq!(first[0].published.as_deref(), Some("2031-03-04"));
            assert_eq!(first[1].text, "Library extends its hours.");
            let rest = store.texts_after(first[1].id, 2).unwrap();
            assert_eq!(rest.iter().map(|t| t.id).collect::<Vec<_>>(), ids[2..]);
            assert!(store.texts_after(ids[2], 10).unwrap().is_empty());
        }
    }

    #[test]
    fn a_read_only_store_reads_and_refuses_to_write() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("news.db");
        let id = {
            let mut store = Store::open(&path).unwrap();
            assert!(!store.is_read_only());
            insert(&mut store, &[plain("a#1", None, "Ferry service resumes.")])[0].id()
        };
        let mut ro = Store::open_read_only(&path).unwrap();
        assert!(ro.is_read_only());
        assert_eq!(ro.count().unwrap(), 1);
        assert_eq!(
            ro.article(id).unwrap().unwrap().article.text,
            "Ferry service resumes."
        );
        assert!(ro.update_text(id, "changed").is_err());
        let err = insert_counted(&mut ro, "x", &[("new", &[1])]).unwrap_err();
        assert!(err.to_string().contains("news.db"), "{err}");
        // It sees what a writer commits meanwhile.
        let mut rw = Store::open(&path).unwrap();
        insert(&mut rw, &[plain("a#2", None, "Library extends its hours.")]);
        assert_eq!(ro.count().unwrap(), 2);
        // A missing file is not created.
        let missing = dir.path().join("missing.db");
        assert!(Store::open_read_only(&missing).is_err());
        assert!(!missing.exists());
    }

    #[test]
    fn a_read_only_store_cannot_migrate_an_older_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.db");
        drop(Store::open(&path).unwrap());
        let set = |v: u32| {
            Connection::open(&path)
                .unwrap()
                .pragma_update(None, "user_version", v)
                .unwrap()
        };
        set(SCHEMA_VERSION - 1);
        let err = Store::open_read_only(&path).unwrap_err();
        assert!(matches!(err, StoreError::Outdated { .. }), "{err:?}");
        assert!(err.to_string().contains("old.db"), "{err}");
        set(SCHEMA_VERSION + 1);
        let err = Store::open_read_only(&path).unwrap_err();
        assert!(matches!(err, StoreError::TooNew { .. }), "{err:?}");
    }

    #[cfg(unix)]
    #[test]
    fn immutable_opening_only_without_a_write_ahead_log() {
        let dir = tempfile::tempdir().unwrap();
        // Characters a URI would misread, in the directory's name.
        let sub = dir.path().join("a dir?x=1#frag%20");
        std::fs::create_dir(&sub).unwrap();
        let path = sub.join("news.db");
        {
            let mut store = Store::open(&path).unwrap();
            insert(&mut store, &[plain("a#1", None, "Ferry service resumes.")]);
        }
        // Closed cleanly: the log was folded in and removed.
        let wal = sub.join("news.db-wal");
        assert!(!wal.exists());
        let conn = immutable(&path).unwrap();
        let n: i64 = conn
            .query_row("SELECT count(*) FROM articles", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 1);
        // An empty log is as good as none; one with frames is not.
        std::fs::write(&wal, b"").unwrap();
        assert!(immutable(&path).is_ok());
        std::fs::write(&wal, b"frames").unwrap();
        assert!(immutable(&path).is_err());
        std::fs::remove_file(&wal).unwrap();
        std::fs::write(sub.join("news.db-journal"), b"pages").unwrap();
        assert!(immutable(&path).is_err());
    }

    #[cfg(unix)]
    #[test]
    fn a_read_only_directory_is_read_without_its_shm_file() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("ro");
        std::fs::create_dir(&sub).unwrap();
        let path = sub.join("news.db");
        {
            let mut store = Store::open(&path).unwrap();
            insert(&mut store, &[plain("a#1", None, "Ferry service resumes.")]);
        }
        let mode = |m: u32| std::fs::set_permissions(&sub, std::fs::Permissions::from_mode(m));
        mode(0o555).unwrap();
        // Root ignores permissions; then there is nothing to test.
        let probe = sub.join("probe");
        let writable = std::fs::write(&probe, b"").is_ok();
        let got = (!writable).then(|| {
            let ro = Store::open_read_only(&path).map(|s| s.count());
            // Writing fails as it should, with the path in the message.
            let rw = Store::open(&path)
                .and_then(|mut s| insert_counted(&mut s, "x", &[("new", &[1])]).map(|_| ()));
            (ro, rw)
        });
        mode(0o755).unwrap();
        let Some((ro, rw)) = got else {
            eprintln!("skipped: this user can write a read-only directory (root?)");
            return;
        };
        assert_eq!(ro.unwrap().unwrap(), 1);
        let err = rw.unwrap_err();
        assert!(err.to_string().contains("news.db"), "{err}");
    }

    #[test]
    fn a_corrupt_row_is_an_error_not_a_panic() {
        let mut store = Store::open_in_memory().unwrap();
        let id = insert(&mut store, &[plain("a", None, "fine")])[0].id();
        store
            .conn()
            .execute(
                "UPDATE articles SET extra = '{not json' WHERE id = ?1",
                [id],
            )
            .unwrap();
        let err = store.article(id).unwrap_err();
        assert!(matches!(err, StoreError::Corrupt { .. }), "{err:?}");
        assert!(store.articles().is_err());
        store
            .conn()
            .execute("UPDATE articles SET extra = '[1]' WHERE id = ?1", [id])
            .unwrap();
        assert!(store.article(id).is_err());
        // Text that is not UTF-8 is an error too.
        store
            .conn()
            .execute(
                "UPDATE articles SET extra = NULL, title = CAST(x'ff' AS TEXT) WHERE id = ?1",
                [id],
            )
            .unwrap();
        assert!(store.article(id).is_err());
        assert!(store.list().is_err());
    }
}
