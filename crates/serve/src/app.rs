//! The server's shared state: the catalogue in memory, a small pool of
//! read-only connections, the cache of rendered pages, and the channel that
//! tells open story pages their story changed.
//!
//! One follower thread ([`App::follow`]) watches the database: when another
//! process (ingest, watch) commits, it rebuilds the catalogue, empties the
//! cache and announces the storylines that changed.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

use bytes::Bytes;
use storyline_store::Store;
use tokio::sync::broadcast;

use crate::{Library, ServeError};

/// Most rendered responses kept; past it the cache starts over.
const CACHE_ENTRIES: usize = 4096;

/// Most idle read connections kept.
const POOL: usize = 8;

/// What changed in the database, as announced to live pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The catalogue's new generation.
    pub generation: u64,
    /// Storylines that gained or lost articles, are new, or are gone.
    pub lines: Vec<i64>,
}

/// A rendered response, as cached.
#[derive(Debug, Clone)]
pub struct Cached {
    /// Its bytes.
    pub body: Bytes,
    /// Its media type.
    pub kind: &'static str,
}

/// Everything a request handler reaches.
pub struct App {
    db: PathBuf,
    library: RwLock<Arc<Library>>,
    pool: Mutex<Vec<Store>>,
    cache: Mutex<HashMap<String, Cached>>,
    changes: broadcast::Sender<Arc<Change>>,
    /// The follower's own connection: SQLite's data version is per
    /// connection, so it is always read on this one.
    follower: Mutex<(Store, i64)>,
    stop: tokio::sync::watch::Sender<bool>,
    /// Searches running at once: one per core, so that a burst of queries
    /// queues instead of thrashing (each is CPU-bound).
    pub(crate) searching: tokio::sync::Semaphore,
    /// The full-text index beside the database, or why there is none.
    search: Result<storyline_search::Index, String>,
    /// Headlines read from stored briefs, until the next change.
    headlines: Mutex<HashMap<i64, String>>,
    /// The token that source management requires, when it is enabled.
    pub admin_token: Option<String>,
}

impl App {
    /// Opens the database at `db` read-only and reads its catalogue.
    pub fn open(db: &Path, admin_token: Option<String>) -> Result<Arc<App>, ServeError> {
        if !storyline_store::exists(db) {
            return Err(ServeError::NoDatabase(db.to_owned()));
        }
        let store = Store::open_read_only(db)?;
        let version = store.data_version()?;
        let library = Library::load(&store, 1)?;
        let reader = Store::open_read_only(db)?;
        let dir = storyline_search::beside(db);
        // Another version's index is built anew; the follower indexes the
        // database into it in the background.
        let search = storyline_search::Index::open_or_renew(&dir)
            .map(|(index, renewed)| {
                if let Some(notice) = renewed {
                    eprintln!("storyline: {}", storyline_report::screen::escaped(&notice));
                }
                index
            })
            .map_err(|e| format!("search is not available: {e}"));
        let (changes, _) = broadcast::channel(64);
        Ok(Arc::new(App {
            db: db.to_owned(),
            library: RwLock::new(Arc::new(library)),
            pool: Mutex::new(vec![reader]),
            cache: Mutex::new(HashMap::new()),
            changes,
            follower: Mutex::new((store, version)),
            stop: tokio::sync::watch::Sender::new(false),
            headlines: Mutex::new(HashMap::new()),
            searching: tokio::sync::Semaphore::new(
                std::thread::available_parallelism().map_or(2, |n| n.get()),
            ),
            search,
            admin_token,
        }))
    }

    /// The search index, or why there is none.
    pub fn search(&self) -> Result<&storyline_search::Index, ServeError> {
        self.search
            .as_ref()
            .map_err(|why| ServeError::Unavailable(why.clone()))
    }

    /// The database file.
    pub fn db(&self) -> &Path {
        &self.db
    }

    /// The catalogue as it is now.
    pub fn library(&self) -> Arc<Library> {
        self.library
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Runs `f` with a read-only connection from the pool (blocking: call
    /// it from a blocking task).
    pub fn with_store<T>(
        &self,
        f: impl FnOnce(&Store) -> Result<T, ServeError>,
    ) -> Result<T, ServeError> {
        let taken = self.pool.lock().unwrap_or_else(|e| e.into_inner()).pop();
        let store = match taken {
            Some(s) => s,
            None => Store::open_read_only(&self.db)?,
        };
        let out = f(&store);
        let mut pool = self.pool.lock().unwrap_or_else(|e| e.into_inner());
        if pool.len() < POOL {
            pool.push(store);
        }
        out
    }

    /// The headlines of storylines `ids` as their stored briefs give them
    /// (a storyline without one is left out), remembered until the
    /// database changes: a search page shows ten, and reading a brief means
    /// decompressing and parsing it.
    pub fn headlines(&self, ids: &[i64]) -> Result<HashMap<i64, String>, ServeError> {
        let mut out = HashMap::with_capacity(ids.len());
        let mut missing = Vec::new();
        {
            let known = self.headlines.lock().unwrap_or_else(|e| e.into_inner());
            for &id in ids {
                match known.get(&id) {
                    Some(h) => {
                        out.insert(id, h.clone());
                    }
                    None => missing.push(id),
                }
            }
        }
        if !missing.is_empty() {
            let read = self.with_store(|s| crate::reader::headlines(s, &missing))?;
            let mut known = self.headlines.lock().unwrap_or_else(|e| e.into_inner());
            if known.len() > CACHE_ENTRIES * 4 {
                known.clear();
            }
            for (id, h) in read {
                known.insert(id, h.clone());
                out.insert(id, h);
            }
        }
        Ok(out)
    }

    /// A cached response for `key`.
    pub fn cached(&self, key: &str) -> Option<Cached> {
        self.cache
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(key)
            .cloned()
    }

    /// Keeps a rendered response, if it was rendered from the catalogue
    /// generation that is still current.
    pub fn keep(&self, key: String, generation: u64, c: Cached) {
        if self.library().generation != generation {
            return;
        }
        let mut cache = self.cache.lock().unwrap_or_else(|e| e.into_inner());
        if cache.len() >= CACHE_ENTRIES {
            cache.clear();
        }
        cache.insert(key, c);
    }

    /// Tells long-lived responses (event streams) and the follower to end.
    pub fn stop(&self) {
        self.stop.send_replace(true);
    }

    /// Whether [`App::stop`] was called, as a receiver to wait on.
    pub fn stopping(&self) -> tokio::sync::watch::Receiver<bool> {
        self.stop.subscribe()
    }

    /// Subscribes to changes.
    pub fn changes(&self) -> broadcast::Receiver<Arc<Change>> {
        self.changes.subscribe()
    }

    /// Checks whether the database changed since the last look; if so
    /// rebuilds the catalogue, empties the cache and announces what
    /// changed. Returns the change, if any.
    pub fn refresh(&self) -> Result<Option<Arc<Change>>, ServeError> {
        let mut follower = self.follower.lock().unwrap_or_else(|e| e.into_inner());
        let version = follower.0.data_version()?;
        if version == follower.1 {
            return Ok(None);
        }
        let library = Library::load(&follower.0, self.library().generation + 1)?;
        follower.1 = version;
        drop(follower);
        let old = self.library();
        let lines: Vec<i64> = library
            .lines
            .iter()
            .filter(|l| {
                old.line(l.id).is_none_or(|o| {
                    o.articles.len() != l.articles.len()
                        || o.articles
                            .last()
                            .map(|&i| old.articles[i as usize].article_id)
                            != l.articles
                                .last()
                                .map(|&i| library.articles[i as usize].article_id)
                })
            })
            .map(|l| l.id)
            .chain(
                // Storylines merged into others: their pages and search
                // documents must hear of it too.
                old.lines
                    .iter()
                    .filter(|l| library.line(l.id).is_none_or(|n| n.id != l.id))
                    .map(|l| l.id),
            )
            .collect();
        let change = Arc::new(Change {
            generation: library.generation,
            lines,
        });
        *self.library.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(library);
        self.cache.lock().unwrap_or_else(|e| e.into_inner()).clear();
        self.headlines
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clear();
        // Nobody listening is fine.
        let _ = self.changes.send(change.clone());
        Ok(Some(change))
    }

    /// Keeps the search index following the database until [`App::stop`]:
    /// catches up at once (every article not indexed yet, every story
    /// document), then after every change the follower announces. Returns
    /// at once when there is no index; errors go to `on_error` and the loop
    /// goes on.
    pub fn index(self: &Arc<Self>, mut on_error: impl FnMut(&str)) {
        let Ok(index) = &self.search else { return };
        // The smallest heap tantivy takes: the server adds a few articles at a
        // time, and its memory is what a reader of the app pays for.
        let mut writer = match index.writer_with(1, 15_000_000) {
            Ok(w) => w,
            Err(e) => return on_error(&format!("search index not updated: {e}")),
        };
        writer.merge_small_only(20_000);
        let mut changes = self.changes();
        let mut pending: Option<Vec<i64>> = None; // None: every story
        loop {
            let done = self.with_store(|s| {
                let c = storyline_search::catch_up(index, &mut writer, s)
                    .map_err(|e| ServeError::Io(e.to_string()))?;
                if c.rebuilt {
                    pending = None;
                }
                let n = storyline_search::put_stories(s, &mut writer, pending.as_deref())
                    .map_err(|e| ServeError::Io(e.to_string()))?;
                if n > 0 || pending.as_ref().is_some_and(|p| !p.is_empty()) {
                    writer
                        .commit(c.through.max(index.indexed_through().unwrap_or(0)))
                        .map_err(|e| ServeError::Io(e.to_string()))?;
                }
                Ok(())
            });
            if let Err(e) = done {
                on_error(&e.to_string());
            }
            // Wait for the next change; gather any that queued meanwhile.
            let mut lines: Vec<i64> = Vec::new();
            loop {
                if *self.stop.borrow() {
                    return;
                }
                match changes.try_recv() {
                    Ok(c) => lines.extend(&c.lines),
                    Err(tokio::sync::broadcast::error::TryRecvError::Lagged(_)) => {
                        pending = None;
                        break;
                    }
                    Err(_) if !lines.is_empty() => break,
                    Err(_) => std::thread::sleep(Duration::from_millis(200)),
                }
            }
            if !lines.is_empty() {
                lines.sort_unstable();
                lines.dedup();
                pending = Some(lines);
            }
        }
    }

    /// Follows the database until [`App::stop`]: looks every `every`, and
    /// calls `on_change` after each rebuild. Errors are reported to
    /// `on_error` and the loop goes on (the next look may succeed).
    pub fn follow(
        self: &Arc<Self>,
        every: Duration,
        mut on_change: impl FnMut(&App, &Change),
        mut on_error: impl FnMut(&ServeError),
    ) {
        while !*self.stop.borrow() {
            match self.refresh() {
                Ok(Some(c)) => on_change(self, &c),
                Ok(None) => {}
                Err(e) => on_error(&e),
            }
            std::thread::sleep(every);
        }
    }
}
