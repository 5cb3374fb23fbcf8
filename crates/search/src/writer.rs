//! The one writer of an index: documents go in, a commit makes a batch
//! of them searchable.
//!
//! Commits are for batches (tantivy writes a segment per commit, and a
//! commit per document would leave thousands of them); the caller commits
//! when a batch is full or a few seconds have passed.

use std::path::PathBuf;

use tantivy::indexer::UserOperation;
use tantivy::schema::Field;
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{DateTime, IndexReader, IndexWriter, TantivyDocument, Term};

use crate::SearchError;
use crate::doc::{ArticleDoc, QuoteDoc, StoryDoc, capped};
use crate::hits::Kind;
use crate::index::payload;
use crate::schema::{Fields, keyword};
use crate::vocabulary::{self, Vocabulary};

/// Adds documents to an [`Index`](crate::Index); see [`Index::writer`](crate::Index::writer).
///
/// Only one writer may be open on an index at a time (tantivy holds a lock
/// file); dropping it releases the lock and discards what was not committed.
pub struct Writer {
    pub(crate) writer: IndexWriter,
    pub(crate) reader: IndexReader,
    pub(crate) fields: Fields,
    pub(crate) dir: PathBuf,
    /// Documents added since the last commit.
    pending: usize,
    /// The story mark the next commit records.
    stories: Option<i64>,
    /// The text analyzer, for the pair terms.
    analyzer: TextAnalyzer,
    /// The common words whose pairs are indexed.
    vocabulary: Vocabulary,
}

impl std::fmt::Debug for Writer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Writer").field("dir", &self.dir).finish()
    }
}

impl Writer {
    pub(crate) fn new(
        writer: IndexWriter,
        reader: IndexReader,
        fields: Fields,
        dir: PathBuf,
        analyzer: TextAnalyzer,
        vocabulary: Vocabulary,
    ) -> Writer {
        Writer {
            writer,
            reader,
            fields,
            dir,
            pending: 0,
            stories: None,
            analyzer,
            vocabulary,
        }
    }

    /// The searched field of an article or story: its headline (twice: a
    /// word there counts as two) and its text, into `all`, and their pairs
    /// of common words into `pairs`.
    fn add_words(&mut self, doc: &mut TantivyDocument, title: Option<&str>, body: &str) {
        for part in [title, title, Some(body)].into_iter().flatten() {
            doc.add_text(self.fields.all, part);
            if let Some(pairs) = self.vocabulary.pairs(&mut self.analyzer, part) {
                doc.add_text(self.fields.pairs, pairs);
            }
        }
    }

    /// The common words whose pairs this writer indexes.
    pub(crate) fn vocabulary(&self) -> &Vocabulary {
        &self.vocabulary
    }

    /// Common words drawn from `texts` (see [`crate::vocabulary`]): kept
    /// in the index (replacing the list there) and used for the documents
    /// added from now on. Documents already added keep the pairs of the
    /// list they were added with, so this is for an empty index, or
    /// after [`delete_all`](Self::delete_all).
    pub(crate) fn draw_vocabulary<'a>(
        &mut self,
        texts: impl IntoIterator<Item = &'a str>,
    ) -> Result<(), SearchError> {
        self.vocabulary = Vocabulary::draw(&mut self.analyzer, texts);
        let kind = Term::from_field_text(self.fields.kind, vocabulary::KIND);
        // Only fails when the writer has died, which commit reports.
        let _ = self.writer.delete_term(kind);
        let mut doc = TantivyDocument::new();
        doc.add_text(self.fields.kind, vocabulary::KIND);
        doc.add_text(self.fields.body, self.vocabulary.to_stored());
        self.add(doc)
    }

    /// Removes every document, for a rebuild; the next commit makes that
    /// seen, with what was added after.
    pub(crate) fn delete_all(&mut self) -> Result<(), SearchError> {
        self.writer
            .delete_all_documents()
            .map(|_| ())
            .map_err(|source| SearchError::Index {
                dir: self.dir.clone(),
                op: "deleting the old documents",
                source,
            })
    }

    /// Leaves segments of more than `max_docs` documents unmerged, so a
    /// long-running writer (the server's) merges only its own small
    /// segments and never rewrites the big ones a bulk build left, which
    /// would cost memory and CPU out of proportion to what it adds.
    pub fn merge_small_only(&mut self, max_docs: usize) {
        let mut policy = tantivy::merge_policy::LogMergePolicy::default();
        policy.set_max_docs_before_merge(max_docs);
        self.writer.set_merge_policy(Box::new(policy));
    }

    /// The story mark the next commit records.
    pub fn stories_mark(&self) -> Option<i64> {
        self.stories
    }

    /// Sets the mark the next commits record for the story documents (a
    /// generation of the caller's), read back by
    /// [`Index::stories_mark`](crate::Index::stories_mark).
    pub fn mark_stories(&mut self, mark: Option<i64>) {
        self.stories = mark;
    }

    /// Adds one article with its quotes, as one group: the quotes are the
    /// documents right after their article, in its segment (tantivy keeps
    /// a group in one segment, and merges keep a segment's order), which
    /// is where a plain query's quote pass reads them (see
    /// [`Index::search`](crate::Index::search)). Adding an id twice
    /// indexes it twice: the caller adds each article once (see
    /// [`Index::indexed_through`](crate::Index::indexed_through)).
    pub fn add_article(
        &mut self,
        a: &ArticleDoc<'_>,
        quotes: &[QuoteDoc<'_>],
    ) -> Result<(), SearchError> {
        let f = self.fields;
        let mut group = Vec::with_capacity(1 + quotes.len());
        let mut doc = TantivyDocument::new();
        doc.add_text(f.kind, Kind::Article.as_str());
        doc.add_i64(f.id, a.id);
        doc.add_i64(f.article, a.id);
        if let Some(t) = a.title {
            doc.add_text(f.title, capped(t));
        }
        doc.add_text(f.body, capped(a.text));
        self.add_words(&mut doc, a.title.map(capped), capped(a.text));
        self.article_filters(&mut doc, a);
        if let Some(u) = a.url {
            doc.add_text(f.url, capped(u));
        }
        group.push(UserOperation::Add(doc));
        for q in quotes {
            let mut doc = TantivyDocument::new();
            doc.add_text(f.kind, Kind::Quote.as_str());
            doc.add_i64(f.article, a.id);
            doc.add_text(f.body, capped(q.text));
            // Quotes go to their own field, without pair terms: a plain
            // query meets them only among the quotes of the articles it
            // ranks, few enough to check word positions.
            doc.add_text(f.said, capped(q.text));
            if let Some(s) = q.speaker {
                doc.add_text(f.speaker, capped(s));
                doc.add_text(f.said, capped(s));
            }
            self.article_filters(&mut doc, a);
            if let Some(u) = a.url {
                doc.add_text(f.url, capped(u));
            }
            group.push(UserOperation::Add(doc));
        }
        let n = group.len();
        self.writer
            .run(group)
            .map_err(|source| SearchError::Index {
                dir: self.dir.clone(),
                op: "adding a document",
                source,
            })?;
        self.pending += n;
        Ok(())
    }

    /// Adds a story, replacing the one with the same id if there is one.
    pub fn put_story(&mut self, s: &StoryDoc<'_>) -> Result<(), SearchError> {
        self.delete_story(s.id);
        let f = self.fields;
        let mut doc = TantivyDocument::new();
        doc.add_text(f.kind, Kind::Story.as_str());
        doc.add_i64(f.id, s.id);
        if let Some(t) = s.title {
            doc.add_text(f.title, capped(t));
        }
        doc.add_text(f.body, capped(s.summary));
        self.add_words(&mut doc, s.title.map(capped), capped(s.summary));
        for o in s.outlets {
            add_keyword(&mut doc, f.outlet, o);
        }
        if let Some(p) = s.published {
            doc.add_date(f.published, day(p));
        }
        self.add(doc)
    }

    /// Removes the story doc with this id (a story merged away), if any.
    pub fn delete_story(&mut self, id: i64) {
        // An article's id field may hold the same number: the kind narrows
        // the delete to story docs. tantivy deletes by one term, so story
        // ids and article ids share the `id` field only through this query.
        let f = self.fields;
        let q = tantivy::query::BooleanQuery::intersection(vec![
            Box::new(tantivy::query::TermQuery::new(
                Term::from_field_i64(f.id, id),
                tantivy::schema::IndexRecordOption::Basic,
            )),
            Box::new(tantivy::query::TermQuery::new(
                Term::from_field_text(f.kind, Kind::Story.as_str()),
                tantivy::schema::IndexRecordOption::Basic,
            )),
        ]);
        // Only fails when the writer has died, which commit reports.
        let _ = self.writer.delete_query(Box::new(q));
    }

    /// Removes every story doc: before putting the current set, so stories
    /// merged away since the last run leave nothing behind.
    pub fn delete_stories(&mut self) {
        let kind = Term::from_field_text(self.fields.kind, Kind::Story.as_str());
        // Only fails when the writer has died, which commit reports.
        let _ = self.writer.delete_term(kind);
    }

    /// Documents added since the last commit.
    pub fn pending(&self) -> usize {
        self.pending
    }

    /// Makes everything added so far searchable, and records that every
    /// article up to id `through_article` is in (read back by
    /// [`Index::indexed_through`](crate::Index::indexed_through)). The
    /// index's reader is reloaded before this returns, so a search right
    /// after sees the batch.
    pub fn commit(&mut self, through_article: i64) -> Result<(), SearchError> {
        let err = |op| {
            let dir = self.dir.clone();
            move |source| SearchError::Index { dir, op, source }
        };
        let mut prepared = self.writer.prepare_commit().map_err(err("committing"))?;
        prepared.set_payload(&payload(through_article, self.stories));
        prepared.commit().map_err(err("committing"))?;
        self.pending = 0;
        self.reader.reload().map_err(err("reloading the reader"))
    }

    /// Waits for background merges to finish and closes the writer (what a
    /// bulk build does last, so the index is left in few segments).
    pub fn finish(self) -> Result<(), SearchError> {
        let dir = self.dir.clone();
        self.writer
            .wait_merging_threads()
            .map_err(|source| SearchError::Index {
                dir,
                op: "merging segments",
                source,
            })
    }

    fn article_filters(&self, doc: &mut TantivyDocument, a: &ArticleDoc<'_>) {
        let f = self.fields;
        for o in [a.outlet, a.outlet_name].into_iter().flatten() {
            add_keyword(doc, f.outlet, o);
        }
        if let Some(l) = a.lang {
            doc.add_text(f.lang, keyword(capped(l)));
        }
        if let Some(p) = a.published {
            doc.add_date(f.published, day(p));
        }
    }

    fn add(&mut self, doc: TantivyDocument) -> Result<(), SearchError> {
        self.writer
            .add_document(doc)
            .map_err(|source| SearchError::Index {
                dir: self.dir.clone(),
                op: "adding a document",
                source,
            })?;
        self.pending += 1;
        Ok(())
    }
}

/// A keyword value as stored (trimmed; the analyzer lowercases it).
fn add_keyword(doc: &mut TantivyDocument, field: Field, value: &str) {
    let v = value.trim();
    if !v.is_empty() && v.len() <= 200 {
        doc.add_text(field, v);
    }
}

/// The publisher's day as tantivy's time: midnight UTC of that day.
pub(crate) fn day(p: storyline_model::Published) -> DateTime {
    day_of(p.day())
}

/// Midnight UTC of `d`.
pub(crate) fn day_of(d: jiff::civil::Date) -> DateTime {
    let secs = d
        .to_zoned(jiff::tz::TimeZone::UTC)
        .map(|z| z.timestamp().as_second())
        .unwrap_or(0);
    DateTime::from_timestamp_secs(secs)
}
