//! The work queue that distributed workers share, and the lock that makes
//! one of them the placer.
//!
//! A work item is an input to ingest: a file (a WARC archive, JSON Lines,
//! a feed), a range of a WARC file's records, or an article page's URL.
//! `storyline enqueue` adds items; `storyline worker` processes take them
//! under leases. Taking an item sets its lease; the worker renews it while
//! it works (a heartbeat); an item whose lease ran out, because its worker
//! was killed or lost the network, is taken again by another. Articles are written
//! idempotently (their content hash is unique), so an item done twice
//! stores nothing twice: a kill at any moment loses nothing and
//! duplicates nothing.
//!
//! On PostgreSQL items are taken with `FOR UPDATE SKIP LOCKED`, so workers
//! never wait for each other; SQLite has one writer at a time anyway.
//!
//! The placer (who places new articles into stories, one process at a
//! time) holds a PostgreSQL advisory lock on its own session: when its
//! process dies the server ends the session and frees the lock, and a
//! standby takes it. On SQLite the lock is a lease row, renewed the same
//! way as an item's.

use crate::db::{Conn, DbError, Row, args};
use crate::store::{non_negative, sql_err};
use crate::{Store, StoreError};

/// What a work item is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkItem {
    /// The item's id.
    pub id: i64,
    /// The input: a path on the worker's machine (shared storage), or a URL.
    pub target: String,
    /// For a range of a WARC file's records: the first record (from 0).
    pub first: Option<u64>,
    /// ... and the record after the last one.
    pub end: Option<u64>,
    /// How many times it was taken (1 on the first try).
    pub attempts: u32,
}

/// What a worker reports of an item it finished.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ItemCounts {
    /// Records read.
    pub records: u64,
    /// New articles stored.
    pub stored: u64,
    /// Records already stored.
    pub duplicates: u64,
    /// Records that failed (each reported).
    pub errors: u64,
}

/// The queue at a glance, for `storyline status`.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct QueueStatus {
    /// Items waiting.
    pub queued: u64,
    /// Items being worked on (a live lease).
    pub running: u64,
    /// Items whose lease ran out: their worker is gone; another takes them.
    pub stalled: u64,
    /// Items done.
    pub done: u64,
    /// Items given up on after too many tries.
    pub failed: u64,
    /// Records read, articles stored and errors, over the items done.
    pub records: u64,
    /// See `records`.
    pub stored: u64,
    /// See `records`.
    pub errors: u64,
    /// Each worker seen: (name, last heartbeat in unix ms, items done,
    /// articles stored, records per second over its items).
    pub workers: Vec<WorkerRow>,
    /// The latest failures: (target, error).
    pub failures: Vec<(String, String)>,
    /// The name of the process holding the placer lock, if any.
    pub placer: Option<String>,
}

/// One worker as `status` shows it.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct WorkerRow {
    /// Its name (host and process id).
    pub name: String,
    /// Its last heartbeat, unix milliseconds.
    pub seen_ms: i64,
    /// Items it finished.
    pub items: u64,
    /// Records it read.
    pub records: u64,
    /// Articles it stored.
    pub stored: u64,
    /// Milliseconds it spent on the items it finished.
    pub busy_ms: u64,
}

/// After this many tries an item is failed instead of taken again: an input
/// that kills every worker that reads it must not kill them all forever.
pub const MAX_ATTEMPTS: u32 = 5;

/// The key of the placer's PostgreSQL advisory lock.
const PLACER_LOCK: i64 = 0x5354_4f52_594c_0002;

impl Store {
    /// Adds one item: a whole input (`range` `None`) or a range of a WARC
    /// file's records. Returns whether it is new: the same target and
    /// range already queued (or done) is not added twice.
    pub fn enqueue(
        &mut self,
        target: &str,
        range: Option<(u64, u64)>,
        now_ms: i64,
    ) -> Result<bool, StoreError> {
        let (first, end) = match range {
            Some((a, b)) => (i64::try_from(a).ok(), i64::try_from(b).ok()),
            None => (None, None),
        };
        // -1 stands for "no range" in the unique key (NULLs are distinct).
        self.conn
            .exec(
                "INSERT INTO work_items (target, first_record, end_record, enqueued_ms) \
                 VALUES (?1, ?2, ?3, ?4) ON CONFLICT (target, first_record, end_record) DO NOTHING",
                args![target, first.unwrap_or(-1), end.unwrap_or(-1), now_ms],
            )
            .map(|n| n > 0)
            .map_err(sql_err(&self.path, "queueing an item"))
    }

    /// Takes the next item for `worker`, leased until `now_ms + lease_ms`:
    /// one waiting, or one whose lease ran out. `None` when there is none.
    pub fn claim(
        &mut self,
        worker: &str,
        now_ms: i64,
        lease_ms: i64,
    ) -> Result<Option<WorkItem>, StoreError> {
        let err = sql_err(&self.path, "taking an item");
        // Items tried too often are failed first, so they are never taken.
        self.conn
            .exec(
                "UPDATE work_items SET state = 'failed', \
                 last_error = coalesce(last_error, 'its worker stopped during every try') \
                 WHERE state = 'running' AND lease_until < ?1 AND attempts >= ?2",
                args![now_ms, MAX_ATTEMPTS],
            )
            .map_err(&err)?;
        let lock = if self.conn.is_postgres() {
            "FOR UPDATE SKIP LOCKED"
        } else {
            ""
        };
        let sql = format!(
            "UPDATE work_items SET state = 'running', worker = ?1, lease_until = ?2, \
             attempts = attempts + 1, started_ms = ?3 \
             WHERE id = (SELECT id FROM work_items WHERE state = 'queued' \
             OR (state = 'running' AND lease_until < ?3) ORDER BY id LIMIT 1 {lock}) \
             RETURNING id, target, first_record, end_record, attempts"
        );
        self.conn
            .query_opt(&sql, args![worker, now_ms + lease_ms, now_ms], item_row)
            .map_err(err)
    }

    /// Renews `worker`'s lease on item `id` until `until_ms`, and records
    /// the worker's heartbeat. Returns whether the item is still its own
    /// (false when its lease ran out and another worker took it).
    pub fn heartbeat(&mut self, worker: &str, id: i64, until_ms: i64) -> Result<bool, StoreError> {
        let err = sql_err(&self.path, "renewing a lease");
        let n = self
            .conn
            .exec(
                "UPDATE work_items SET lease_until = ?3 \
                 WHERE id = ?1 AND worker = ?2 AND state = 'running'",
                args![id, worker, until_ms],
            )
            .map_err(&err)?;
        touch_worker(&self.conn, worker, until_ms, None).map_err(err)?;
        Ok(n > 0)
    }

    /// Records a worker as alive at `now_ms` without an item (waiting).
    pub fn worker_seen(&mut self, worker: &str, now_ms: i64) -> Result<(), StoreError> {
        touch_worker(&self.conn, worker, now_ms, None)
            .map_err(sql_err(&self.path, "recording a worker"))
    }

    /// Marks item `id` done by `worker`, with its counts. Returns false
    /// (and changes nothing) when the item is no longer the worker's.
    pub fn complete(
        &mut self,
        worker: &str,
        id: i64,
        counts: &ItemCounts,
        now_ms: i64,
    ) -> Result<bool, StoreError> {
        let err = sql_err(&self.path, "finishing an item");
        let tx = self.conn.begin(true).map_err(&err)?;
        let started: Option<i64> = tx
            .query_opt(
                "UPDATE work_items SET state = 'done', finished_ms = ?3, records = ?4, \
                 stored = ?5, duplicates = ?6, errors = ?7 \
                 WHERE id = ?1 AND worker = ?2 AND state = 'running' RETURNING started_ms",
                args![
                    id,
                    worker,
                    now_ms,
                    count(counts.records),
                    count(counts.stored),
                    count(counts.duplicates),
                    count(counts.errors)
                ],
                |r| r.get(0),
            )
            .map_err(&err)?;
        let Some(started) = started else {
            return Ok(false);
        };
        let busy = now_ms.saturating_sub(started).max(0);
        touch_worker(&tx, worker, now_ms, Some((counts, busy))).map_err(&err)?;
        tx.commit().map_err(&err)?;
        Ok(true)
    }

    /// Gives up on item `id`: its input cannot be read (missing, not a
    /// format storyline reads). Another try would fail the same way.
    pub fn fail_item(&mut self, worker: &str, id: i64, error: &str) -> Result<(), StoreError> {
        let error: String = error.chars().take(1000).collect();
        self.conn
            .exec(
                "UPDATE work_items SET state = 'failed', last_error = ?3 \
                 WHERE id = ?1 AND worker = ?2 AND state = 'running'",
                args![id, worker, &error],
            )
            .map(drop)
            .map_err(sql_err(&self.path, "failing an item"))
    }

    /// Whether any item waits or runs (a worker told to stop when the
    /// queue is drained stops when this is false).
    pub fn queue_open(&self) -> Result<bool, StoreError> {
        self.conn
            .query_opt(
                "SELECT 1 FROM work_items WHERE state IN ('queued', 'running') LIMIT 1",
                &[],
                |_| Ok(()),
            )
            .map(|r| r.is_some())
            .map_err(sql_err(&self.path, "reading the queue"))
    }

    /// How many articles with a text wait to be placed into stories (the
    /// text tested by its length, as in
    /// [`unplaced_inputs`](Store::unplaced_inputs)).
    pub fn unplaced_count(&self) -> Result<u64, StoreError> {
        self.conn
            .query_one(
                "SELECT count(*) FROM articles a WHERE length(a.text) > 0 AND NOT EXISTS \
                 (SELECT 1 FROM story_articles m WHERE m.article_id = a.id)",
                &[],
                |r| r.get::<i64>(0),
            )
            .map(non_negative)
            .map_err(sql_err(&self.path, "counting unplaced articles"))
    }

    /// The queue at a glance, at `now_ms`.
    pub fn queue_status(&self, now_ms: i64) -> Result<QueueStatus, StoreError> {
        let err = sql_err(&self.path, "reading the queue");
        let mut s = QueueStatus::default();
        let counts = self
            .conn
            .query(
                "SELECT state, CASE WHEN lease_until < ?1 THEN 1 ELSE 0 END, COUNT(*), \
                 CAST(coalesce(SUM(records), 0) AS BIGINT), CAST(coalesce(SUM(stored), 0) AS BIGINT), \
                 CAST(coalesce(SUM(errors), 0) AS BIGINT) \
                 FROM work_items GROUP BY 1, 2",
                args![now_ms],
                |r| {
                    Ok((
                        r.get::<String>(0)?,
                        r.get::<bool>(1)?,
                        r.get::<i64>(2)?,
                        r.get::<i64>(3)?,
                        r.get::<i64>(4)?,
                        r.get::<i64>(5)?,
                    ))
                },
            )
            .map_err(&err)?;
        for (state, expired, n, records, stored, errors) in counts {
            let n = non_negative(n);
            match state.as_str() {
                "queued" => s.queued += n,
                "running" if expired => s.stalled += n,
                "running" => s.running += n,
                "done" => s.done += n,
                _ => s.failed += n,
            }
            s.records += non_negative(records);
            s.stored += non_negative(stored);
            s.errors += non_negative(errors);
        }
        s.workers = self
            .conn
            .query(
                "SELECT name, seen_ms, items, records, stored, busy_ms FROM workers \
                 ORDER BY name",
                &[],
                |r| {
                    Ok(WorkerRow {
                        name: r.get(0)?,
                        seen_ms: r.get(1)?,
                        items: non_negative(r.get(2)?),
                        records: non_negative(r.get(3)?),
                        stored: non_negative(r.get(4)?),
                        busy_ms: non_negative(r.get(5)?),
                    })
                },
            )
            .map_err(&err)?;
        s.failures = self
            .conn
            .query(
                "SELECT target, coalesce(last_error, '') FROM work_items WHERE state = 'failed' \
                 ORDER BY id DESC LIMIT 10",
                &[],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .map_err(&err)?;
        s.placer = self.placer_holder(now_ms).map_err(&err)?;
        Ok(s)
    }

    /// Who holds the placer lock: on PostgreSQL the session holding the
    /// advisory lock, named by [`name_session`](Self::name_session).
    fn placer_holder(&self, now_ms: i64) -> Result<Option<String>, DbError> {
        if self.conn.is_postgres() {
            // An advisory lock on a bigint key shows its high half as
            // classid and its low half as objid.
            return self.conn.query_opt(
                "SELECT a.application_name FROM pg_locks l \
                 JOIN pg_stat_activity a ON a.pid = l.pid \
                 WHERE l.locktype = 'advisory' AND l.granted \
                 AND l.classid::bigint = ?1 AND l.objid::bigint = ?2 LIMIT 1",
                args![PLACER_LOCK >> 32, PLACER_LOCK & 0xffff_ffff],
                |r| r.get(0),
            );
        }
        self.conn.query_opt(
            "SELECT holder FROM placer WHERE id = 1 AND lease_until >= ?1",
            args![now_ms],
            |r| r.get(0),
        )
    }

    /// Names this connection after its process (a worker), so that
    /// PostgreSQL's views, and [`queue_status`](Self::queue_status)'s
    /// placer, show who holds what. Nothing on SQLite.
    pub fn name_session(&self, name: &str) -> Result<(), StoreError> {
        if !self.conn.is_postgres() {
            return Ok(());
        }
        // application_name keeps printable ASCII only, at most 63 bytes.
        let name: String = name
            .chars()
            .filter(|c| c.is_ascii_graphic() || *c == ' ')
            .take(63)
            .collect();
        self.conn
            .query_one(
                "SELECT set_config('application_name', ?1, false)",
                args![&name],
                |r| r.get::<String>(0),
            )
            .map(drop)
            .map_err(sql_err(&self.path, "naming the session"))
    }

    /// Tries to become the placer. On PostgreSQL this takes a session
    /// advisory lock, held until this store's connection ends (or
    /// [`release_placer`](Self::release_placer)); on SQLite it takes (or
    /// renews) a lease row until `now_ms + lease_ms`. Returns whether this
    /// store is the placer now.
    pub fn try_placer(&mut self, me: &str, now_ms: i64, lease_ms: i64) -> Result<bool, StoreError> {
        let err = sql_err(&self.path, "taking the placer lock");
        if self.conn.is_postgres() {
            return self
                .conn
                .query_one("SELECT pg_try_advisory_lock(?1)", args![PLACER_LOCK], |r| {
                    r.get::<bool>(0)
                })
                .map_err(err);
        }
        let n = self
            .conn
            .exec(
                "INSERT INTO placer (id, holder, lease_until) VALUES (1, ?1, ?2) \
                 ON CONFLICT (id) DO UPDATE SET holder = excluded.holder, \
                 lease_until = excluded.lease_until \
                 WHERE placer.holder = excluded.holder OR placer.lease_until < ?3",
                args![me, now_ms + lease_ms, now_ms],
            )
            .map_err(err)?;
        Ok(n > 0)
    }

    /// Gives the placer lock up (at a clean exit; a killed process loses
    /// it on its own).
    pub fn release_placer(&mut self, me: &str) -> Result<(), StoreError> {
        let err = sql_err(&self.path, "releasing the placer lock");
        if self.conn.is_postgres() {
            return self
                .conn
                .query_one("SELECT pg_advisory_unlock(?1)", args![PLACER_LOCK], |r| {
                    r.get::<bool>(0)
                })
                .map(drop)
                .map_err(err);
        }
        self.conn
            .exec("DELETE FROM placer WHERE holder = ?1", args![me])
            .map(drop)
            .map_err(err)
    }
}

/// Records a worker alive at `now_ms`, adding a finished item's counts and
/// busy milliseconds when given.
fn touch_worker(
    conn: &Conn,
    worker: &str,
    now_ms: i64,
    done: Option<(&ItemCounts, i64)>,
) -> Result<(), DbError> {
    let (items, c, busy) = match done {
        Some((c, busy)) => (1, *c, busy),
        None => (0, ItemCounts::default(), 0),
    };
    conn.exec(
        "INSERT INTO workers (name, seen_ms, items, records, stored, busy_ms) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (name) DO UPDATE SET \
         seen_ms = excluded.seen_ms, items = workers.items + excluded.items, \
         records = workers.records + excluded.records, \
         stored = workers.stored + excluded.stored, \
         busy_ms = workers.busy_ms + excluded.busy_ms",
        args![
            worker,
            now_ms,
            items,
            count(c.records),
            count(c.stored),
            busy
        ],
    )
    .map(drop)
}

fn item_row(r: &Row<'_>) -> Result<WorkItem, DbError> {
    let range = |i| -> Result<Option<u64>, DbError> { Ok(u64::try_from(r.get::<i64>(i)?).ok()) };
    Ok(WorkItem {
        id: r.get(0)?,
        target: r.get(1)?,
        first: range(2)?,
        end: range(3)?,
        attempts: u32::try_from(r.get::<i64>(4)?).unwrap_or(u32::MAX),
    })
}

fn count(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testdb::both;

    both! {
        fn items_are_queued_once_taken_by_one_worker_and_retaken_after_the_lease(store) {
            assert!(store.enqueue("/data/a.warc.gz", None, 0).unwrap());
            assert!(!store.enqueue("/data/a.warc.gz", None, 1).unwrap(), "already queued");
            assert!(store.enqueue("/data/b.warc.gz", Some((0, 100)), 2).unwrap());
            assert!(store.enqueue("/data/b.warc.gz", Some((100, 200)), 3).unwrap());
            let a = store.claim("w1", 1_000, 30_000).unwrap().unwrap();
            assert_eq!((a.target.as_str(), a.first, a.end, a.attempts), ("/data/a.warc.gz", None, None, 1));
            let b = store.claim("w2", 1_000, 30_000).unwrap().unwrap();
            assert_eq!((b.first, b.end), (Some(0), Some(100)));
            // w1 renews; w2 goes silent.
            assert!(store.heartbeat("w1", a.id, 60_000).unwrap());
            let c = store.claim("w1", 2_000, 30_000).unwrap().unwrap();
            assert_eq!(c.first, Some(100));
            assert_eq!(store.claim("w3", 2_000, 30_000).unwrap(), None, "all leased");
            // After w2's lease ran out, w3 takes its item; w2 can no longer
            // renew or finish it.
            let again = store.claim("w3", 40_000, 30_000).unwrap().unwrap();
            assert_eq!((again.id, again.attempts), (b.id, 2));
            assert!(!store.heartbeat("w2", b.id, 50_000).unwrap());
            let counts = ItemCounts { records: 100, stored: 90, duplicates: 10, errors: 0 };
            assert!(!store.complete("w2", b.id, &counts, 41_000).unwrap());
            assert!(store.complete("w3", b.id, &counts, 41_000).unwrap());
            assert!(store.complete("w1", a.id, &counts, 42_000).unwrap());
            let s = store.queue_status(42_000).unwrap();
            assert_eq!((s.queued, s.running, s.stalled, s.done, s.failed), (0, 0, 1, 2, 0), "w1's lease on its second item ran out at 32 s");
            assert_eq!((s.records, s.stored), (200, 180));
            assert!(store.queue_open().unwrap());
            store.fail_item("w1", c.id, "no such file").unwrap();
            assert!(!store.queue_open().unwrap());
            let s = store.queue_status(42_000).unwrap();
            assert_eq!(s.failed, 1);
            assert_eq!(s.failures, vec![("/data/b.warc.gz".to_string(), "no such file".to_string())]);
            let names: Vec<_> = s.workers.iter().map(|w| (w.name.as_str(), w.items)).collect();
            assert_eq!(names, [("w1", 1), ("w2", 0), ("w3", 1)]);
        }
    }

    both! {
        fn an_item_that_kills_every_worker_is_failed_in_the_end(store) {
            store.enqueue("/data/poison.warc", None, 0).unwrap();
            let mut now = 0;
            for attempt in 1..=MAX_ATTEMPTS {
                let it = store.claim("w", now, 10).unwrap().unwrap();
                assert_eq!(it.attempts, attempt);
                now += 100;
            }
            assert_eq!(store.claim("w", now, 10).unwrap(), None);
            assert_eq!(store.queue_status(now).unwrap().failed, 1);
        }
    }

    both! {
        fn one_placer_at_a_time(store) {
            assert!(store.try_placer("a", 0, 1_000).unwrap());
            assert!(store.try_placer("a", 500, 1_000).unwrap(), "renewed");
            if !store.is_postgres() {
                assert!(!store.try_placer("b", 600, 1_000).unwrap());
                assert!(store.try_placer("b", 2_000, 1_000).unwrap(), "a's lease ran out");
            }
            store.release_placer("a").unwrap();
        }
    }
}
