//! Opening (or creating) an index, its writer, and reading the commit
//! payload back.
//!
//! The reader reloads after each commit of our own writer, and, for an
//! index on disk, when another process commits to the same directory
//! (tantivy watches its `meta.json`), so a server sees what a separate
//! `storyline index` run adds.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use serde_json::json;
use tantivy::collector::TopDocs;
use tantivy::directory::MmapDirectory;
use tantivy::query::QueryParser;
use tantivy::query::TermQuery;
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::store::Compressor;
use tantivy::{IndexReader, IndexSettings, ReloadPolicy, Searcher, TantivyDocument, Term};

use crate::schema::{self, FORMAT, Fields};
use crate::vocabulary::{self, Vocabulary};
use crate::{SearchError, Writer};

/// Writer heap for [`Index::writer`]: modest, since the writer lives in
/// the server; a batch larger than this is flushed to a segment early.
pub const WRITER_HEAP: usize = 50_000_000;

/// Decompressed doc-store blocks each segment keeps cached (16 KB each):
/// enough for the snippets of repeated queries, small enough for memory.
const DOC_CACHE_BLOCKS: usize = 32;

/// Where the index of the database at `db` lives: the directory beside
/// it named `<db>.search` (`storyline.db.search` for `storyline.db`).
///
/// A PostgreSQL database has no directory: its index lives in the current
/// one, named after the server and database (`pg-127.0.0.1-5432-news.search`
/// for `postgres://user@127.0.0.1:5432/news`), credentials left out.
pub fn beside(db: &Path) -> PathBuf {
    if let Some(url) = db.to_str().filter(|t| storyline_store::is_postgres_url(t)) {
        let rest = url.split_once("://").map_or(url, |(_, r)| r);
        let rest = rest.split('?').next().unwrap_or(rest);
        let rest = rest.rsplit_once('@').map_or(rest, |(_, r)| r);
        let name: String = rest
            .chars()
            .map(|c| match c {
                'a'..='z' | 'A'..='Z' | '0'..='9' | '.' | '_' => c,
                _ => '-',
            })
            .collect();
        return PathBuf::from(format!("pg-{name}.search"));
    }
    let mut name = db.as_os_str().to_owned();
    name.push(".search");
    PathBuf::from(name)
}

/// A search index of articles, quotes and stories, with its reader.
///
/// Cheap to share between threads (`&Index` searches concurrently).
pub struct Index {
    pub(crate) index: tantivy::Index,
    pub(crate) reader: IndexReader,
    pub(crate) fields: Fields,
    pub(crate) parser: QueryParser,
    /// The same, reading words as a quote's (the `said` field).
    pub(crate) quote_parser: QueryParser,
    /// For messages; `:memory:` for an in-memory index.
    pub(crate) dir: PathBuf,
    /// The common words of the last searcher asked about, by its generation.
    vocabulary: Mutex<Option<(u64, Arc<Vocabulary>)>>,
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Index").field("dir", &self.dir).finish()
    }
}

impl Index {
    /// Opens the index in directory `dir`, creating the directory and an
    /// empty index if there is none. An index this build cannot read (a
    /// damaged one, or another version's) is an error naming `dir`; the
    /// caller may delete the directory and build it again.
    pub fn open(dir: &Path) -> Result<Index, SearchError> {
        let open_err = |source| SearchError::Open {
            dir: dir.to_owned(),
            source,
        };
        std::fs::create_dir_all(dir).map_err(|e| open_err(e.into()))?;
        let directory = MmapDirectory::open(dir).map_err(|e| open_err(e.into()))?;
        let (schema, fields) = schema::build();
        let index = if tantivy::Index::exists(&directory).map_err(|e| open_err(e.into()))? {
            let index = tantivy::Index::open(directory).map_err(open_err)?;
            if index.schema() != schema {
                return Err(SearchError::Incompatible {
                    dir: dir.to_owned(),
                    reason: "its fields differ from this build's".into(),
                });
            }
            index
        } else {
            tantivy::Index::builder()
                .schema(schema)
                .settings(settings())
                .open_or_create(directory)
                .map_err(open_err)?
        };
        let built = Index::wrap(
            index,
            fields,
            dir.to_owned(),
            ReloadPolicy::OnCommitWithDelay,
        )?;
        // Read once now, so a damaged payload is found at open, not later.
        match built.payload() {
            Ok(Some(p)) if p.format != FORMAT => Err(SearchError::Incompatible {
                dir: dir.to_owned(),
                reason: format!("format {}, this build reads {FORMAT}", p.format),
            }),
            Ok(_) => Ok(built),
            Err(reason) => Err(SearchError::Incompatible {
                dir: dir.to_owned(),
                reason,
            }),
        }
    }

    /// [`open`](Self::open), starting afresh where the directory holds an
    /// index this build cannot use (another version's, or one whose
    /// commit record is damaged): the index is derived from the database,
    /// so it is deleted and the caller indexes the database again. Returns
    /// the notice to show when it started afresh (naming the directory
    /// and why).
    pub fn open_or_renew(dir: &Path) -> Result<(Index, Option<String>), SearchError> {
        match Index::open(dir) {
            Err(SearchError::Incompatible { reason, .. }) => {
                std::fs::remove_dir_all(dir).map_err(|e| SearchError::Open {
                    dir: dir.to_owned(),
                    source: e.into(),
                })?;
                let notice = format!(
                    "the search index {} was built by another version ({reason}): building it anew",
                    dir.display()
                );
                Ok((Index::open(dir)?, Some(notice)))
            }
            other => other.map(|i| (i, None)),
        }
    }

    /// A fresh, empty index in memory (for tests).
    pub fn in_memory() -> Result<Index, SearchError> {
        let (schema, fields) = schema::build();
        let dir = PathBuf::from(":memory:");
        let index = tantivy::Index::builder()
            .schema(schema)
            .settings(settings())
            .create_in_ram()
            .map_err(|source| SearchError::Open {
                dir: dir.clone(),
                source,
            })?;
        Index::wrap(index, fields, dir, ReloadPolicy::Manual)
    }

    fn wrap(
        index: tantivy::Index,
        fields: Fields,
        dir: PathBuf,
        policy: ReloadPolicy,
    ) -> Result<Index, SearchError> {
        schema::register(&index);
        let reader = index
            .reader_builder()
            .reload_policy(policy)
            .doc_store_cache_num_blocks(DOC_CACHE_BLOCKS)
            .try_into()
            .map_err(|source| SearchError::Open {
                dir: dir.clone(),
                source,
            })?;
        let parser = |field| {
            let mut p = QueryParser::for_index(&index, vec![field]);
            // A search box reads `a b` as both words, as web searches do.
            p.set_conjunction_by_default();
            p
        };
        let (parser, quote_parser) = (parser(fields.all), parser(fields.said));
        Ok(Index {
            index,
            reader,
            fields,
            parser,
            quote_parser,
            dir,
            vocabulary: Mutex::new(None),
        })
    }

    /// The index's one writer, with a heap of [`WRITER_HEAP`] bytes on one
    /// thread. Fails (naming the directory) while another writer, in this
    /// process or another, holds the index.
    pub fn writer(&self) -> Result<Writer, SearchError> {
        self.writer_with(1, WRITER_HEAP)
    }

    /// Like [`writer`](Self::writer), with `threads` indexing threads
    /// sharing `heap` bytes (tantivy wants at least 15 MB per thread): for
    /// a bulk build.
    pub fn writer_with(&self, threads: usize, heap: usize) -> Result<Writer, SearchError> {
        let threads = threads.max(1);
        let heap = heap.max(threads * 16_000_000);
        let writer = self
            .index
            .writer_with_num_threads(threads, heap)
            .map_err(|source| SearchError::Index {
                dir: self.dir.clone(),
                op: "opening the writer",
                source,
            })?;
        let analyzer =
            self.index
                .tokenizers()
                .get(schema::TEXT)
                .ok_or_else(|| SearchError::Incompatible {
                    dir: self.dir.clone(),
                    reason: "no text analyzer registered".into(),
                })?;
        let common = (*self.vocabulary(&self.reader.searcher())?).clone();
        let mut w = Writer::new(
            writer,
            self.reader.clone(),
            self.fields,
            self.dir.clone(),
            analyzer,
            common,
        );
        w.mark_stories(self.stories_mark());
        Ok(w)
    }

    /// The common words `searcher`'s snapshot of the index was built
    /// with (none for an index that has no list yet); read once per
    /// snapshot, so a query always uses the list of the documents it runs on.
    pub(crate) fn vocabulary(&self, searcher: &Searcher) -> Result<Arc<Vocabulary>, SearchError> {
        let generation = searcher.generation().generation_id();
        let mut cached = self.vocabulary.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((g, v)) = cached.as_ref()
            && *g == generation
        {
            return Ok(v.clone());
        }
        let err = |source| SearchError::Index {
            dir: self.dir.clone(),
            op: "reading the common words",
            source,
        };
        let q = TermQuery::new(
            Term::from_field_text(self.fields.kind, vocabulary::KIND),
            IndexRecordOption::Basic,
        );
        let top = searcher
            .search(&q, &TopDocs::with_limit(1).order_by_score())
            .map_err(err)?;
        let v = match top.first() {
            None => Vocabulary::default(),
            Some(&(_, addr)) => {
                let doc: TantivyDocument = searcher.doc(addr).map_err(err)?;
                doc.get_first(self.fields.body)
                    .and_then(|v| v.as_str())
                    .and_then(Vocabulary::from_stored)
                    .ok_or_else(|| SearchError::Incompatible {
                        dir: self.dir.clone(),
                        reason: "its list of common words is unreadable".into(),
                    })?
            }
        };
        let v = Arc::new(v);
        *cached = Some((generation, v.clone()));
        Ok(v)
    }

    /// The mark the last commit recorded for the story documents (what the
    /// caller passed to [`Writer::mark_stories`](crate::Writer::mark_stories)),
    /// so a restart can tell whether they are still current.
    pub fn stories_mark(&self) -> Option<i64> {
        self.payload().ok().flatten().and_then(|p| p.stories)
    }

    /// The highest article id the last commit recorded as indexed (every
    /// article up to it is in), so that after a restart only newer ones are
    /// added; `None` for an index never committed to.
    pub fn indexed_through(&self) -> Option<i64> {
        self.payload().ok().flatten().map(|p| p.through)
    }

    /// Documents searchable now (articles, quotes and stories).
    pub fn num_docs(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// Bytes the index takes: its files on disk, or for an in-memory index
    /// what its segments take.
    pub fn size_bytes(&self) -> u64 {
        if self.dir == Path::new(":memory:") {
            return self
                .reader
                .searcher()
                .space_usage()
                .map(|u| u.total().get_bytes())
                .unwrap_or(0);
        }
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return 0;
        };
        entries
            .flatten()
            .filter_map(|e| e.metadata().ok())
            .filter(|m| m.is_file())
            .map(|m| m.len())
            .sum()
    }

    /// The directory the index lives in (`:memory:` for an in-memory one).
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The last commit's payload; `Err` when it is there but unreadable.
    fn payload(&self) -> Result<Option<Payload>, String> {
        let metas = self
            .index
            .load_metas()
            .map_err(|e| format!("cannot read meta.json: {e}"))?;
        let Some(text) = metas.payload else {
            return Ok(None);
        };
        let v: serde_json::Value =
            serde_json::from_str(&text).map_err(|e| format!("unreadable commit payload: {e}"))?;
        match (v["format"].as_u64(), v["through"].as_i64()) {
            (Some(format), Some(through)) => Ok(Some(Payload {
                format: u32::try_from(format).unwrap_or(u32::MAX),
                through,
                stories: v["stories"].as_i64(),
            })),
            _ => Err("commit payload without format and through".into()),
        }
    }
}

/// What each commit records.
struct Payload {
    format: u32,
    through: i64,
    /// The caller's mark of the stories the index holds (see
    /// [`Writer::mark_stories`](crate::Writer::mark_stories)).
    stories: Option<i64>,
}

/// The payload text of a commit through article `through`.
pub(crate) fn payload(through: i64, stories: Option<i64>) -> String {
    match stories {
        Some(m) => json!({"format": FORMAT, "through": through, "stories": m}),
        None => json!({"format": FORMAT, "through": through}),
    }
    .to_string()
}

/// New indexes keep their stored text lz4-compressed: snippets read a
/// stored block per hit, and lz4 decompresses one several times faster
/// than zstd, while the index stays under the size of its text (see the
/// crate overview for the measured sizes).
fn settings() -> IndexSettings {
    IndexSettings {
        docstore_compression: Compressor::Lz4,
        ..IndexSettings::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn another_versions_index_is_refused_or_renewed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.search");
        std::fs::create_dir_all(&path).unwrap();
        // An index with other fields, as an older build would leave.
        let mut b = tantivy::schema::Schema::builder();
        let f = b.add_text_field("words", tantivy::schema::TEXT);
        let old = tantivy::Index::create_in_dir(&path, b.build()).unwrap();
        let mut w: tantivy::IndexWriter = old.writer(15_000_000).unwrap();
        w.add_document(tantivy::doc!(f => "an old document"))
            .unwrap();
        w.commit().unwrap();
        drop(w);
        assert!(matches!(
            Index::open(&path),
            Err(SearchError::Incompatible { .. })
        ));
        let (index, renewed) = Index::open_or_renew(&path).unwrap();
        assert!(renewed.is_some_and(|why| why.contains("fields")));
        assert_eq!(index.num_docs(), 0);
        assert_eq!(index.indexed_through(), None);
        // Now current: opened as it is.
        drop(index);
        assert!(Index::open_or_renew(&path).unwrap().1.is_none());
    }
}
