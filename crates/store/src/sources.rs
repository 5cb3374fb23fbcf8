//! Sources: the feeds and sitemaps `storyline watch` polls.
//!
//! Each source keeps what polling it politely needs: the validators of its
//! last answer (for a conditional GET), its current polling interval and
//! when it is next due, the failures in a row with the last error, and
//! running counts of polls, unchanged answers and new items. Times are unix
//! seconds, given by the caller so that tests and `watch` agree on "now".
//!
//! Every write is one statement, so one short transaction: `storyline
//! sources list` reads beside a running `watch` (WAL), and a source removed
//! while it is being polled simply stays removed.

use crate::db::{DbError, Row, args};
use crate::store::sql_err;
use crate::{Store, StoreError};

/// The polling interval a new source starts with, in seconds.
pub const DEFAULT_INTERVAL_SECS: i64 = 3600;

/// Longest error message kept for a source; a server's answer can be long,
/// and the listing shows one line of it.
const MAX_ERROR_CHARS: usize = 1000;

/// What a source is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SourceKind {
    /// An RSS, Atom or JSON feed.
    Feed,
    /// A sitemap (or news sitemap) listing article pages.
    Sitemap,
}

impl SourceKind {
    /// The name stored in the database and shown to users.
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Feed => "feed",
            SourceKind::Sitemap => "sitemap",
        }
    }

    /// The kind named `s` ([`as_str`](Self::as_str)'s names), if any.
    pub fn parse(s: &str) -> Option<SourceKind> {
        match s {
            "feed" => Some(SourceKind::Feed),
            "sitemap" => Some(SourceKind::Sitemap),
            _ => None,
        }
    }
}

/// One stored source, every column. Times are unix seconds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceRow {
    /// The row id.
    pub id: i64,
    /// The URL polled, as added.
    pub url: String,
    /// A feed or a sitemap.
    pub kind: SourceKind,
    /// A name for it (from an OPML file, or the feed's own title).
    pub title: Option<String>,
    /// When it was added.
    pub added_at: i64,
    /// The `ETag` of the last successful answer, for `If-None-Match`.
    pub etag: Option<String>,
    /// The `Last-Modified` of the last successful answer, for
    /// `If-Modified-Since`.
    pub last_modified: Option<String>,
    /// The current polling interval, in seconds.
    pub interval_secs: i64,
    /// When it is next due.
    pub next_poll_at: i64,
    /// When it was last polled, successfully or not; `None` before the first poll.
    pub last_polled_at: Option<i64>,
    /// When it was last polled successfully.
    pub last_ok_at: Option<i64>,
    /// Failed polls in a row (0 after a success).
    pub failures: u64,
    /// Why the latest poll failed, while it is failing.
    pub last_error: Option<String>,
    /// Polls so far.
    pub polls: u64,
    /// Polls answered "not modified".
    pub unchanged: u64,
    /// New items found so far.
    pub items_new: u64,
}

/// The outcome of one poll of a source, for [`Store::record_poll`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Poll {
    /// When it was polled.
    pub at: i64,
    /// Whether the poll succeeded (a "not modified" answer is a success).
    pub ok: bool,
    /// Whether the server answered "not modified".
    pub not_modified: bool,
    /// The answer's `ETag`; kept only from a successful poll, and only when given.
    pub etag: Option<String>,
    /// The answer's `Last-Modified`; kept like `etag`.
    pub last_modified: Option<String>,
    /// The polling interval from now on, in seconds.
    pub interval_secs: i64,
    /// When the source is next due.
    pub next_poll_at: i64,
    /// Why it failed (when not `ok`).
    pub error: Option<String>,
    /// How many new items it brought.
    pub new_items: u64,
}

/// The columns [`source_row`] reads, in its order. `added_at` is stored as
/// RFC 3339 text for people reading the file, and read back as seconds.
const SOURCE_COLUMNS: &str = "id, url, kind, title, added_at, etag, last_modified, \
     interval_secs, next_poll_at, last_polled_at, last_ok_at, failures, last_error, polls, \
     unchanged, items_new";

/// Longest source URL accepted, in bytes; longer ones are not feeds
/// anyone serves.
pub const MAX_URL: usize = 2048;

/// The URL as stored: parsed, http or https, without a fragment (which
/// never reaches the server), in the url crate's normal form, so the same
/// feed written two ways is one source.
pub fn canonical_url(raw: &str) -> Result<String, String> {
    let raw = raw.trim();
    if raw.len() > MAX_URL {
        return Err(format!("longer than {MAX_URL} bytes"));
    }
    let mut url = url::Url::parse(raw).map_err(|e| format!("not a URL: {e}"))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(format!("not an http or https URL ({}:)", url.scheme()));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err("no host".into());
    }
    url.set_fragment(None);
    Ok(url.into())
}

impl Store {
    /// Adds a source, due at once with the [`DEFAULT_INTERVAL_SECS`]
    /// interval. Returns whether it is new: a URL already listed is left as
    /// it is (kind, title and history included).
    pub fn add_source(
        &mut self,
        url: &str,
        kind: SourceKind,
        title: Option<&str>,
        now: i64,
    ) -> Result<bool, StoreError> {
        let added = jiff::Timestamp::from_second(now)
            .unwrap_or(jiff::Timestamp::UNIX_EPOCH)
            .strftime("%Y-%m-%dT%H:%M:%SZ")
            .to_string();
        self.conn
            .exec(
                "INSERT INTO sources (url, kind, title, added_at, interval_secs, next_poll_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (url) DO NOTHING",
                args![
                    url,
                    kind.as_str(),
                    title,
                    &added,
                    DEFAULT_INTERVAL_SECS,
                    now
                ],
            )
            .map(|n| n > 0)
            .map_err(sql_err(&self.path, "adding a source"))
    }

    /// Removes the source with this URL; returns whether there was one.
    pub fn remove_source(&mut self, url: &str) -> Result<bool, StoreError> {
        self.conn
            .exec("DELETE FROM sources WHERE url = ?1", args![url])
            .map(|n| n > 0)
            .map_err(sql_err(&self.path, "removing a source"))
    }

    /// Every source, by URL.
    pub fn sources(&self) -> Result<Vec<SourceRow>, StoreError> {
        let sql = format!("SELECT {SOURCE_COLUMNS} FROM sources ORDER BY url");
        self.conn
            .query(&sql, &[], source_row)
            .map_err(sql_err(&self.path, "listing sources"))
    }

    /// Up to `limit` sources due at `now` (next poll at or before it), the
    /// longest overdue first.
    pub fn due_sources(&self, now: i64, limit: usize) -> Result<Vec<SourceRow>, StoreError> {
        let sql = format!(
            "SELECT {SOURCE_COLUMNS} FROM sources WHERE next_poll_at <= ?1 \
             ORDER BY next_poll_at, id LIMIT ?2"
        );
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        self.conn
            .query(&sql, args![now, limit], source_row)
            .map_err(sql_err(&self.path, "finding due sources"))
    }

    /// Records one poll of source `id`: its counts, its schedule, and its
    /// health (a success clears the failures and the error; a failure adds
    /// one and keeps its message). Validators change only on a successful
    /// poll that gives them, so a failure never loses the ones held. A
    /// source removed meanwhile is left removed.
    pub fn record_poll(&mut self, id: i64, poll: &Poll) -> Result<(), StoreError> {
        // One line, capped: the listing shows it on a line of its own.
        let error = poll.error.as_deref().map(|e| {
            let mut e = e.split_whitespace().collect::<Vec<_>>().join(" ");
            if let Some((cut, _)) = e.char_indices().nth(MAX_ERROR_CHARS) {
                e.truncate(cut);
            }
            e
        });
        self.conn
            .exec(
                "UPDATE sources SET \
                 last_polled_at = ?2, \
                 polls = polls + 1, \
                 unchanged = unchanged + ?3, \
                 items_new = items_new + ?4, \
                 interval_secs = ?5, \
                 next_poll_at = ?6, \
                 failures = CASE WHEN ?7 = 1 THEN 0 ELSE failures + 1 END, \
                 last_ok_at = CASE WHEN ?7 = 1 THEN ?2 ELSE last_ok_at END, \
                 last_error = CASE WHEN ?7 = 1 THEN NULL ELSE CAST(?8 AS TEXT) END, \
                 etag = CASE WHEN ?7 = 1 AND CAST(?9 AS TEXT) IS NOT NULL THEN ?9 ELSE etag END, \
                 last_modified = CASE WHEN ?7 = 1 AND CAST(?10 AS TEXT) IS NOT NULL \
                 THEN ?10 ELSE last_modified END \
                 WHERE id = ?1",
                args![
                    id,
                    poll.at,
                    i64::from(poll.not_modified),
                    i64::try_from(poll.new_items).unwrap_or(i64::MAX),
                    poll.interval_secs,
                    poll.next_poll_at,
                    poll.ok,
                    &error,
                    &poll.etag,
                    &poll.last_modified,
                ],
            )
            .map(drop)
            .map_err(sql_err(&self.path, "recording a poll"))
    }

    /// Whether an article with this URL is stored (how `watch` skips
    /// entries it already has).
    pub fn has_url(&self, url: &str) -> Result<bool, StoreError> {
        self.conn
            .query_opt(
                "SELECT 1 FROM articles WHERE url = ?1 LIMIT 1",
                args![url],
                |_| Ok(()),
            )
            .map(|found| found.is_some())
            .map_err(sql_err(&self.path, "looking up a URL"))
    }
}

/// Reads the columns of [`SOURCE_COLUMNS`].
fn source_row(r: &Row<'_>) -> Result<SourceRow, DbError> {
    let kind: String = r.get(2)?;
    let kind = SourceKind::parse(&kind)
        .ok_or_else(|| DbError::Decode(format!("unknown source kind {kind:?}")))?;
    let count = |i| r.get::<i64>(i).map(|n| u64::try_from(n).unwrap_or(0));
    Ok(SourceRow {
        id: r.get(0)?,
        url: r.get(1)?,
        kind,
        title: r.get(3)?,
        // Only `add_source` writes it, always readable; 0 for a row
        // someone edited by hand.
        added_at: r
            .get::<Option<String>>(4)?
            .and_then(|t| t.parse::<jiff::Timestamp>().ok())
            .map_or(0, |t| t.as_second()),
        etag: r.get(5)?,
        last_modified: r.get(6)?,
        interval_secs: r.get(7)?,
        next_poll_at: r.get(8)?,
        last_polled_at: r.get(9)?,
        last_ok_at: r.get(10)?,
        failures: count(11)?,
        last_error: r.get(12)?,
        polls: count(13)?,
        unchanged: count(14)?,
        items_new: count(15)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testdb::both;

    #[test]
    fn urls_are_checked_and_put_in_one_form() {
        assert_eq!(
            canonical_url(" HTTPS://Gazette.EXAMPLE/feed.xml#top ").unwrap(),
            "https://gazette.example/feed.xml"
        );
        assert_eq!(
            canonical_url("http://a.example").unwrap(),
            "http://a.example/"
        );
        for (bad, says) in [
            ("ftp://a.example/feed", "not an http or https URL"),
            ("gazette.example/feed", "not a URL"),
            ("javascript:alert(1)", "not an http or https URL"),
            ("http://", "not a URL"),
            ("", "not a URL"),
        ] {
            let e = canonical_url(bad).unwrap_err();
            assert!(e.contains(says), "{bad}: {e}");
        }
        let long = format!("https://a.example/{}", "x".repeat(MAX_URL));
        assert!(canonical_url(&long).unwrap_err().contains("longer than"));
    }

    use crate::NewArticle;
    use storyline_model::{Article, Body};

    const T0: i64 = 1_762_158_600; // 2025-11-03T08:30:00Z

    fn only(store: &Store) -> SourceRow {
        let mut all = store.sources().unwrap();
        assert_eq!(all.len(), 1, "{all:?}");
        all.remove(0)
    }

    #[test]
    fn kinds_have_stable_names() {
        for k in [SourceKind::Feed, SourceKind::Sitemap] {
            assert_eq!(SourceKind::parse(k.as_str()), Some(k));
        }
        assert_eq!(SourceKind::parse("Feed"), None);
        assert_eq!(SourceKind::parse(""), None);
    }

    #[test]
    fn a_new_source_is_due_at_once_and_adding_it_again_changes_nothing() {
        let mut store = Store::open_in_memory().unwrap();
        let url = "https://harbourgazette.example/feed.xml";
        assert!(
            store
                .add_source(url, SourceKind::Feed, Some("Harbour Gazette"), T0)
                .unwrap()
        );
        let row = only(&store);
        assert_eq!(
            row,
            SourceRow {
                id: row.id,
                url: url.into(),
                kind: SourceKind::Feed,
                title: Some("Harbour Gazette".into()),
                added_at: T0,
                etag: None,
                last_modified: None,
                interval_secs: DEFAULT_INTERVAL_SECS,
                next_poll_at: T0,
                last_polled_at: None,
                last_ok_at: None,
                failures: 0,
                last_error: None,
                polls: 0,
                unchanged: 0,
                items_new: 0,
            }
        );
        let added_at: String = store
            .conn()
            .query_row("SELECT added_at FROM sources", [], |r| r.get(0))
            .unwrap();
        assert_eq!(added_at, "2025-11-03T08:30:00Z", "readable in the file");
        // Again, later, as a sitemap with another title: still the first one.
        assert!(
            !store
                .add_source(url, SourceKind::Sitemap, None, T0 + 99)
                .unwrap()
        );
        assert_eq!(only(&store), row);
    }

    both! {
        fn sources_are_listed_by_url_and_removed_by_url(store) {
            for url in [
                "https://c.example/",
                "https://a.example/",
                "https://b.example/",
            ] {
                assert!(store.add_source(url, SourceKind::Feed, None, T0).unwrap());
            }
            store
                .add_source(
                    "https://a.example/sitemap.xml",
                    SourceKind::Sitemap,
                    None,
                    T0,
                )
                .unwrap();
            let urls: Vec<String> = store
                .sources()
                .unwrap()
                .into_iter()
                .map(|s| s.url)
                .collect();
            assert_eq!(
                urls,
                [
                    "https://a.example/",
                    "https://a.example/sitemap.xml",
                    "https://b.example/",
                    "https://c.example/"
                ]
            );
            assert_eq!(store.sources().unwrap()[1].kind, SourceKind::Sitemap);
            assert!(store.remove_source("https://b.example/").unwrap());
            assert!(!store.remove_source("https://b.example/").unwrap());
            assert!(!store.remove_source("https://nowhere.example/").unwrap());
            assert_eq!(store.sources().unwrap().len(), 3);
        }
    }

    both! {
        fn due_sources_come_longest_overdue_first_up_to_the_limit(store) {
            // Added at different times, so due at different times.
            for (url, at) in [
                ("https://late.example/", T0 + 50),
                ("https://early.example/", T0),
                ("https://middle.example/", T0 + 10),
                ("https://future.example/", T0 + 1000),
            ] {
                store.add_source(url, SourceKind::Feed, None, at).unwrap();
            }
            let due = |now, limit| -> Vec<String> {
                store
                    .due_sources(now, limit)
                    .unwrap()
                    .into_iter()
                    .map(|s| s.url)
                    .collect()
            };
            assert!(due(T0 - 1, 10).is_empty());
            assert_eq!(due(T0, 10), ["https://early.example/"]);
            assert_eq!(
                due(T0 + 100, 10),
                [
                    "https://early.example/",
                    "https://middle.example/",
                    "https://late.example/"
                ]
            );
            assert_eq!(
                due(T0 + 100, 2),
                ["https://early.example/", "https://middle.example/"]
            );
            assert!(due(T0 + 100, 0).is_empty());
            assert_eq!(due(i64::MAX, usize::MAX).len(), 4);
        }
    }

    both! {
        fn polls_update_counts_schedule_health_and_validators(store) {
            store
                .add_source("https://a.example/feed", SourceKind::Feed, None, T0)
                .unwrap();
            let id = only(&store).id;

            // A first good poll, with validators and three new items.
            store
                .record_poll(
                    id,
                    &Poll {
                        at: T0,
                        ok: true,
                        etag: Some("\"v1\"".into()),
                        last_modified: Some("Mon, 03 Nov 2025 08:00:00 GMT".into()),
                        interval_secs: 1800,
                        next_poll_at: T0 + 1800,
                        new_items: 3,
                        ..Poll::default()
                    },
                )
                .unwrap();
            let row = only(&store);
            assert_eq!(row.polls, 1);
            assert_eq!(row.items_new, 3);
            assert_eq!(row.unchanged, 0);
            assert_eq!((row.last_polled_at, row.last_ok_at), (Some(T0), Some(T0)));
            assert_eq!((row.interval_secs, row.next_poll_at), (1800, T0 + 1800));
            assert_eq!(row.etag.as_deref(), Some("\"v1\""));
            assert!(store.due_sources(T0 + 1799, 10).unwrap().is_empty());

            // Two failures: counted, the latest error kept, validators kept
            // even though the failed answers named others.
            for (i, msg) in ["connection refused", "HTTP 503\nService\tUnavailable"]
                .iter()
                .enumerate()
            {
                let at = T0 + 1800 * (i as i64 + 1);
                store
                    .record_poll(
                        id,
                        &Poll {
                            at,
                            ok: false,
                            etag: Some("\"bogus\"".into()),
                            interval_secs: 3600,
                            next_poll_at: at + 3600,
                            error: Some((*msg).into()),
                            ..Poll::default()
                        },
                    )
                    .unwrap();
            }
            let row = only(&store);
            assert_eq!(row.failures, 2);
            assert_eq!(row.polls, 3);
            assert_eq!(
                row.last_error.as_deref(),
                Some("HTTP 503 Service Unavailable"),
                "one line"
            );
            assert_eq!(row.last_polled_at, Some(T0 + 3600));
            assert_eq!(row.last_ok_at, Some(T0), "the last success is remembered");
            assert_eq!(row.etag.as_deref(), Some("\"v1\""));
            assert_eq!(
                row.last_modified.as_deref(),
                Some("Mon, 03 Nov 2025 08:00:00 GMT")
            );

            // A "not modified" answer without validators: healthy again, the
            // validators held are kept.
            store
                .record_poll(
                    id,
                    &Poll {
                        at: T0 + 9000,
                        ok: true,
                        not_modified: true,
                        interval_secs: 7200,
                        next_poll_at: T0 + 16200,
                        ..Poll::default()
                    },
                )
                .unwrap();
            let row = only(&store);
            assert_eq!((row.failures, row.last_error.as_deref()), (0, None));
            assert_eq!((row.polls, row.unchanged, row.items_new), (4, 1, 3));
            assert_eq!(row.last_ok_at, Some(T0 + 9000));
            assert_eq!(row.etag.as_deref(), Some("\"v1\""));

            // New validators on a good poll replace the old ones.
            store
                .record_poll(
                    id,
                    &Poll {
                        at: T0 + 16200,
                        ok: true,
                        etag: Some("\"v2\"".into()),
                        interval_secs: 7200,
                        next_poll_at: T0 + 23400,
                        new_items: 1,
                        ..Poll::default()
                    },
                )
                .unwrap();
            let row = only(&store);
            assert_eq!(row.etag.as_deref(), Some("\"v2\""));
            assert_eq!(
                row.last_modified.as_deref(),
                Some("Mon, 03 Nov 2025 08:00:00 GMT")
            );
            assert_eq!((row.polls, row.unchanged, row.items_new), (5, 1, 4));
        }
    }

    both! {
        fn a_long_error_is_cut_and_a_removed_source_stays_removed(store) {
            store
                .add_source("https://a.example/feed", SourceKind::Feed, None, T0)
                .unwrap();
            let id = only(&store).id;
            let fail = Poll {
                at: T0,
                error: Some("é".repeat(5000)),
                interval_secs: 60,
                next_poll_at: T0 + 60,
                new_items: u64::MAX,
                ..Poll::default()
            };
            store.record_poll(id, &fail).unwrap();
            let row = only(&store);
            assert_eq!(row.last_error.unwrap().chars().count(), MAX_ERROR_CHARS);
            assert_eq!(row.items_new, i64::MAX as u64, "saturates, never wraps");
            store.remove_source("https://a.example/feed").unwrap();
            store.record_poll(id, &fail).unwrap();
            assert!(store.sources().unwrap().is_empty());
        }
    }

    #[test]
    fn has_url_finds_stored_articles_by_url() {
        let mut store = Store::open_in_memory().unwrap();
        let url = "https://a.example/news/ferry-returns";
        let article = Article {
            source: "a#1".into(),
            outlet: Some("a.example".into()),
            url: Some(url.into()),
            title: None,
            author: None,
            published: None,
            lang: None,
            text: "The ferry returns.".into(),
            extra: Default::default(),
        };
        let raw = Body::Text(article.text.clone());
        assert!(!store.has_url(url).unwrap());
        store
            .insert_batch(&[NewArticle {
                article: &article,
                hash: "h1",
                raw: &raw,
                lines: None,
                facts: None,
            }])
            .unwrap();
        assert!(store.has_url(url).unwrap());
        assert!(!store.has_url("https://a.example/news/").unwrap());
        // The lookup uses the index rather than reading every article.
        let plan: String = store
            .conn()
            .query_row(
                "EXPLAIN QUERY PLAN SELECT 1 FROM articles WHERE url = 'x' LIMIT 1",
                [],
                |r| r.get(3),
            )
            .unwrap();
        assert!(plan.contains("articles_url"), "{plan}");
    }

    #[test]
    fn a_reader_sees_sources_while_a_writer_polls() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("news.db");
        let mut writer = Store::open(&path).unwrap();
        writer
            .add_source("https://a.example/feed", SourceKind::Feed, None, T0)
            .unwrap();
        let reader = Store::open(&path).unwrap();
        let id = reader.sources().unwrap()[0].id;
        writer
            .record_poll(
                id,
                &Poll {
                    at: T0,
                    ok: true,
                    interval_secs: 60,
                    next_poll_at: T0 + 60,
                    ..Poll::default()
                },
            )
            .unwrap();
        assert_eq!(reader.sources().unwrap()[0].polls, 1);
    }
}
