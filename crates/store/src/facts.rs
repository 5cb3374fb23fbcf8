//! What is computed once and then only read: each article's facts, and
//! each storyline's brief with its linked entities and who said what.
//!
//! An article's facts are written with the article (or, for articles
//! stored before there were facts, and texts cleaned again since, by the
//! next clustering update); they never change while its text does not.
//! A storyline's brief is forgotten in the transaction that changes its
//! membership ([`Store::write_clustering`]) and written again after it;
//! a storyline without a brief is one whose brief waits to be computed, so
//! nothing stale is ever read. Every write of briefs raises one generation
//! counter, by which a long-running reader finds what changed.

use std::collections::{BTreeMap, BTreeSet};

use crate::db::{Arg, Conn, DbResult, args};
use crate::raw::{self, Stored};
use crate::store::sql_err;
use crate::stories::{ROWS, values};
use crate::{Store, StoreError};

/// What computing an article's facts needs of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FactsInput {
    /// The article's id.
    pub article_id: i64,
    /// Its clean text.
    pub text: String,
    /// Its detected language's code, when one was detected.
    pub lang: Option<String>,
    /// When it was published, as stored.
    pub published: Option<String>,
}

/// A storyline's stored brief.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredBrief {
    /// The storyline's id.
    pub storyline_id: i64,
    /// The summary length it was briefed at, in words.
    pub words: u64,
    /// When it was computed (RFC 3339).
    pub built: String,
    /// The [generation](Store::brief_generation) that wrote it.
    pub generation: i64,
    /// The brief (the digest's story) as JSON.
    pub brief: String,
}

/// One of a storyline's entities, named as the storyline links them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoryEntity {
    /// The canonical name.
    pub name: String,
    /// Its kind (`PER`, `ORG`, `LOC`, `MISC`).
    pub kind: String,
    /// How often the storyline's articles mention it.
    pub mentions: u64,
}

/// One statement of a storyline: who said what, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredQuote {
    /// The storyline it belongs to.
    pub storyline_id: i64,
    /// The first article that reports it.
    pub article_id: i64,
    /// The speaker, named as the storyline names them; `None` when
    /// unattributed.
    pub speaker: Option<String>,
    /// What was said.
    pub text: String,
    /// `direct`, `mixed` or `indirect`.
    pub kind: String,
    /// Every article that reports it, the first first.
    pub articles: Vec<i64>,
    /// When `article_id` was published, as stored.
    pub published: Option<String>,
}

/// A storyline's brief with its index rows, for [`Store::write_briefs`].
#[derive(Debug, Clone)]
pub struct BriefWrite {
    /// The storyline's id.
    pub storyline_id: i64,
    /// The summary length it was briefed at.
    pub words: u64,
    /// The brief as JSON.
    pub brief: String,
    /// Its entities.
    pub entities: Vec<StoryEntity>,
    /// Its statements (their `storyline_id` is ignored).
    pub quotes: Vec<StoredQuote>,
}

impl Store {
    /// Article `id`'s stored facts (JSON), or `None` when it has none yet
    /// (or there is no such article).
    pub fn article_facts(&self, id: i64) -> Result<Option<String>, StoreError> {
        let stored: Option<Stored> = self
            .conn
            .query_opt(
                "SELECT facts FROM article_facts WHERE article_id = ?1",
                args![id],
                |r| r.get(0),
            )
            .map_err(sql_err(&self.path, "reading an article's facts"))?;
        stored
            .map(|s| raw::unpack_str(&self.path, id, "facts", s))
            .transpose()
    }

    /// Up to `limit` articles that have no facts yet, by id.
    pub fn articles_without_facts(&self, limit: usize) -> Result<Vec<FactsInput>, StoreError> {
        self.conn
            .query(
                "SELECT a.id, a.text, a.lang, a.published FROM articles a \
                 WHERE NOT EXISTS (SELECT 1 FROM article_facts f WHERE f.article_id = a.id) \
                 ORDER BY a.id LIMIT ?1",
                args![i64::try_from(limit).unwrap_or(i64::MAX)],
                |r| {
                    Ok(FactsInput {
                        article_id: r.get(0)?,
                        text: r.get::<raw::Text>(1)?.0,
                        lang: r.get(2)?,
                        published: r.get(3)?,
                    })
                },
            )
            .map_err(sql_err(&self.path, "finding articles without facts"))
    }

    /// Stores facts computed for articles, each `(article id, JSON, text it
    /// was computed from)`, in one transaction. Facts of an article whose
    /// text changed meanwhile, or that is gone, are dropped: the next
    /// update computes them again.
    pub fn put_facts(&mut self, facts: &[(i64, String, String)]) -> Result<u64, StoreError> {
        let packed: Vec<_> = facts.iter().map(|(_, f, _)| raw::pack_str(f)).collect();
        let path = &self.path;
        let err = sql_err(path, "storing articles' facts");
        let tx = self.conn.begin(true).map_err(&err)?;
        let mut n = 0;
        for ((id, _, text), p) in facts.iter().zip(&packed) {
            // Texts are stored compressed, so they are compared here, not
            // in SQL; the write lock is held, so the text cannot change
            // between this read and the insert.
            let now: Option<raw::Text> = tx
                .query_opt("SELECT text FROM articles WHERE id = ?1", args![*id], |r| {
                    r.get(0)
                })
                .map_err(&err)?;
            if now.is_none_or(|t| t.0 != *text) {
                continue;
            }
            n += tx
                .exec(
                    "INSERT INTO article_facts (article_id, facts) VALUES (?1, ?2) \
                     ON CONFLICT (article_id) DO UPDATE SET facts = excluded.facts",
                    args![*id, p.arg()],
                )
                .map_err(&err)?;
        }
        tx.commit().map_err(&err)?;
        Ok(n)
    }

    /// Storyline `id`'s stored brief, if it has one.
    pub fn story_brief(&self, id: i64) -> Result<Option<StoredBrief>, StoreError> {
        let row = self
            .conn
            .query_opt(
                "SELECT words, built, generation, brief FROM story_briefs WHERE storyline_id = ?1",
                args![id],
                |r| {
                    Ok((
                        r.get::<i64>(0)?,
                        r.get::<String>(1)?,
                        r.get::<i64>(2)?,
                        r.get::<Stored>(3)?,
                    ))
                },
            )
            .map_err(sql_err(&self.path, "reading a storyline's brief"))?;
        let Some((words, built, generation, stored)) = row else {
            return Ok(None);
        };
        Ok(Some(StoredBrief {
            storyline_id: id,
            words: u64::try_from(words).unwrap_or(0),
            built,
            generation,
            brief: raw::unpack_str(&self.path, id, "storyline brief", stored)?,
        }))
    }

    /// The storylines that have no brief yet, by id.
    pub fn storylines_without_brief(&self) -> Result<Vec<i64>, StoreError> {
        self.ids(
            "SELECT DISTINCT COALESCE(l.storyline_id, s.id) FROM stories s \
             LEFT JOIN story_lines l ON l.story_id = s.id \
             WHERE NOT EXISTS (SELECT 1 FROM story_briefs b \
             WHERE b.storyline_id = COALESCE(l.storyline_id, s.id)) \
             ORDER BY 1",
            None,
            "finding storylines without a brief",
        )
    }

    /// The latest generation of briefs written (0 before any): it grows
    /// with every [`write_briefs`](Self::write_briefs), so a reader that
    /// saw generation `g` finds what changed since with
    /// [`briefs_built_after`](Self::briefs_built_after)`(g)`.
    pub fn brief_generation(&self) -> Result<i64, StoreError> {
        self.conn
            .query_one(
                "SELECT COALESCE((SELECT generation FROM brief_state WHERE id = 1), 0)",
                &[],
                |r| r.get(0),
            )
            .map_err(sql_err(&self.path, "reading the brief generation"))
    }

    /// The storylines whose brief was written after generation `g`, by id.
    /// (A storyline that is gone has no brief: a reader holding one finds
    /// it missing.)
    pub fn briefs_built_after(&self, g: i64) -> Result<Vec<i64>, StoreError> {
        self.ids(
            "SELECT storyline_id FROM story_briefs WHERE generation > ?1 ORDER BY storyline_id",
            Some(g),
            "reading the briefs built since",
        )
    }

    /// Writes briefs in one transaction, as one new generation, replacing
    /// each storyline's entities and statements. `round` is the clustering
    /// round the briefs were read at: when another process has written a
    /// round since, nothing is written (its update computes them) and
    /// `None` is returned; otherwise the new generation. A brief of a
    /// storyline that no longer exists is not written.
    pub fn write_briefs(
        &mut self,
        round: Option<i64>,
        briefs: &[BriefWrite],
    ) -> Result<Option<i64>, StoreError> {
        let packed: Vec<_> = briefs.iter().map(|b| raw::pack_str(&b.brief)).collect();
        let path = &self.path;
        let err = sql_err(path, "storing storyline briefs");
        let tx = self.conn.begin(true).map_err(&err)?;
        // The generation row first: on PostgreSQL its lock orders this
        // write after any other writer of briefs, as SQLite's write lock
        // does, so the round read next is the one the briefs go with.
        let generation: i64 = tx
            .query_one(
                "INSERT INTO brief_state (id, generation) VALUES (1, 1) \
                 ON CONFLICT (id) DO UPDATE SET generation = brief_state.generation + 1 \
                 RETURNING generation",
                &[],
                |r| r.get(0),
            )
            .map_err(&err)?;
        let now: Option<i64> = tx
            .query_opt("SELECT round FROM cluster_state WHERE id = 1", &[], |r| {
                r.get(0)
            })
            .map_err(&err)?;
        if now != round {
            // Dropping the transaction rolls the generation back.
            return Ok(None);
        }
        let built = format!("{:.0}", jiff::Timestamp::now());
        let ids: Vec<i64> = briefs.iter().map(|b| b.storyline_id).collect();
        forget(&tx, ids.iter().copied()).map_err(&err)?;
        let exists = existing_lines(&tx, &ids).map_err(&err)?;
        // Each storyline once (the last brief given for it), if it exists.
        let mut keep: BTreeMap<i64, (&BriefWrite, &raw::Packed<'_>)> = BTreeMap::new();
        for (b, p) in briefs.iter().zip(&packed) {
            if exists.contains(&b.storyline_id) {
                keep.insert(b.storyline_id, (b, p));
            }
        }
        let keep: Vec<(&BriefWrite, &raw::Packed<'_>)> = keep.into_values().collect();
        for chunk in keep.chunks(ROWS) {
            let words: Vec<i64> = chunk
                .iter()
                .map(|(b, _)| i64::try_from(b.words).unwrap_or(i64::MAX))
                .collect();
            let args: Vec<Arg<'_>> = chunk
                .iter()
                .zip(&words)
                .flat_map(|((b, p), &w)| {
                    [
                        Arg::Int(b.storyline_id),
                        Arg::Int(w),
                        Arg::Text(&built),
                        Arg::Int(generation),
                        p.arg(),
                    ]
                })
                .collect();
            tx.exec(
                &format!(
                    "INSERT INTO story_briefs (storyline_id, words, built, generation, brief) \
                     VALUES {} ON CONFLICT (storyline_id) DO UPDATE SET \
                     words = excluded.words, built = excluded.built, \
                     generation = excluded.generation, brief = excluded.brief",
                    values(chunk.len(), 5)
                ),
                &args,
            )
            .map_err(&err)?;
        }
        let entities: Vec<(i64, &StoryEntity, i64)> = keep
            .iter()
            .flat_map(|(b, _)| {
                b.entities.iter().map(|e| {
                    let n = i64::try_from(e.mentions).unwrap_or(i64::MAX);
                    (b.storyline_id, e, n)
                })
            })
            .collect();
        for chunk in entities.chunks(ROWS) {
            let args: Vec<Arg<'_>> = chunk
                .iter()
                .flat_map(|(id, e, n)| {
                    [
                        Arg::Int(*id),
                        Arg::Text(&e.name),
                        Arg::Text(&e.kind),
                        Arg::Int(*n),
                    ]
                })
                .collect();
            tx.exec(
                &format!(
                    "INSERT INTO story_entities (storyline_id, name, kind, mentions) VALUES {}",
                    values(chunk.len(), 4)
                ),
                &args,
            )
            .map_err(&err)?;
        }
        let quotes: Vec<(i64, &StoredQuote, String)> = keep
            .iter()
            .flat_map(|(b, _)| {
                b.quotes.iter().map(|q| {
                    let articles = serde_json::to_string(&q.articles).unwrap_or_default();
                    (b.storyline_id, q, articles)
                })
            })
            .collect();
        for chunk in quotes.chunks(ROWS) {
            let args: Vec<Arg<'_>> = chunk
                .iter()
                .flat_map(|(id, q, articles)| {
                    [
                        Arg::Int(*id),
                        Arg::Int(q.article_id),
                        q.speaker.as_deref().into(),
                        Arg::Text(&q.text),
                        Arg::Text(&q.kind),
                        Arg::Text(articles),
                        q.published.as_deref().into(),
                    ]
                })
                .collect();
            tx.exec(
                &format!(
                    "INSERT INTO story_quotes (storyline_id, article_id, speaker, text, kind, \
                     articles, published) VALUES {}",
                    values(chunk.len(), 7)
                ),
                &args,
            )
            .map_err(&err)?;
        }
        tx.commit().map_err(&err)?;
        Ok(Some(generation))
    }

    /// The storylines whose entities include `name` (any case), with how
    /// often each mentions it, most first.
    pub fn entity_stories(&self, name: &str) -> Result<Vec<(i64, u64)>, StoreError> {
        let sql = format!(
            "SELECT storyline_id, CAST(SUM(mentions) AS BIGINT) FROM story_entities \
             WHERE {} GROUP BY storyline_id ORDER BY 2 DESC, storyline_id",
            nocase(&self.conn, "name")
        );
        self.conn
            .query(&sql, args![name], |r| {
                Ok((r.get(0)?, u64::try_from(r.get::<i64>(1)?).unwrap_or(0)))
            })
            .map_err(sql_err(&self.path, "reading an entity's storylines"))
    }

    /// The entities in most storylines: (name, kind, storylines), most
    /// first, only of `kind` when given.
    pub fn top_entities(
        &self,
        kind: Option<&str>,
        limit: usize,
    ) -> Result<Vec<(String, String, u64)>, StoreError> {
        self.conn
            .query(
                "SELECT name, kind, COUNT(DISTINCT storyline_id) AS n FROM story_entities \
                 WHERE CAST(?1 AS TEXT) IS NULL OR kind = ?1 GROUP BY name, kind \
                 ORDER BY n DESC, name, kind LIMIT ?2",
                args![kind, i64::try_from(limit).unwrap_or(i64::MAX)],
                |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        u64::try_from(r.get::<i64>(2)?).unwrap_or(0),
                    ))
                },
            )
            .map_err(sql_err(&self.path, "reading the top entities"))
    }

    /// Storyline `id`'s entities, most mentioned first.
    pub fn story_entities(&self, id: i64) -> Result<Vec<StoryEntity>, StoreError> {
        // Ties keep the order the brief wrote them in: SQLite's rowid, an
        // identity column on PostgreSQL.
        let order = if self.conn.is_postgres() {
            "ord"
        } else {
            "rowid"
        };
        let sql = format!(
            "SELECT name, kind, mentions FROM story_entities WHERE storyline_id = ?1 \
             ORDER BY mentions DESC, {order}"
        );
        self.conn
            .query(&sql, args![id], |r| {
                Ok(StoryEntity {
                    name: r.get(0)?,
                    kind: r.get(1)?,
                    mentions: u64::try_from(r.get::<i64>(2)?).unwrap_or(0),
                })
            })
            .map_err(sql_err(&self.path, "reading a storyline's entities"))
    }

    /// Storyline `id`'s statements, in the order the story tells them.
    pub fn story_quotes(&self, id: i64) -> Result<Vec<StoredQuote>, StoreError> {
        self.quotes("WHERE storyline_id = ?1 ORDER BY id", Arg::Int(id))
    }

    /// Everything `speaker` (any case) said, in every storyline, in time
    /// order (undated last).
    pub fn quotes_by(&self, speaker: &str) -> Result<Vec<StoredQuote>, StoreError> {
        let tail = format!(
            "WHERE {} ORDER BY published IS NULL, published, id",
            nocase(&self.conn, "speaker")
        );
        self.quotes(&tail, Arg::Text(speaker))
    }

    fn quotes(&self, tail: &str, arg: Arg<'_>) -> Result<Vec<StoredQuote>, StoreError> {
        let sql = format!(
            "SELECT storyline_id, article_id, speaker, text, kind, articles, published \
             FROM story_quotes {tail}"
        );
        self.conn
            .query(&sql, &[arg], |r| {
                let articles: String = r.get(5)?;
                Ok(StoredQuote {
                    storyline_id: r.get(0)?,
                    article_id: r.get(1)?,
                    speaker: r.get(2)?,
                    text: r.get(3)?,
                    kind: r.get(4)?,
                    articles: serde_json::from_str(&articles).unwrap_or_default(),
                    published: r.get(6)?,
                })
            })
            .map_err(sql_err(&self.path, "reading statements"))
    }

    fn ids(&self, sql: &str, arg: Option<i64>, op: &'static str) -> Result<Vec<i64>, StoreError> {
        match arg {
            Some(a) => self.conn.query(sql, args![a], |r| r.get(0)),
            None => self.conn.query(sql, &[], |r| r.get(0)),
        }
        .map_err(sql_err(&self.path, op))
    }
}

/// `column = ?1`, ignoring ASCII case, in a form each database's index on
/// the column serves (SQLite's NOCASE collation; `lower()` on PostgreSQL,
/// which also folds beyond ASCII).
fn nocase(conn: &Conn, column: &str) -> String {
    if conn.is_postgres() {
        format!("lower({column}) = lower(?1)")
    } else {
        format!("{column} = ?1 COLLATE NOCASE")
    }
}

/// Drops the briefs and index rows of storylines `ids`.
pub(crate) fn forget(tx: &Conn, ids: impl IntoIterator<Item = i64>) -> DbResult<()> {
    let ids: Vec<i64> = ids.into_iter().collect();
    let list = tx.id_set(1);
    for table in ["story_briefs", "story_entities", "story_quotes"] {
        tx.exec(
            &format!("DELETE FROM {table} WHERE storyline_id IN ({list})"),
            &[Arg::Ints(&ids)],
        )?;
    }
    Ok(())
}

/// Drops every brief and index row (a rebuild renames every storyline).
pub(crate) fn forget_all(tx: &Conn) -> DbResult<()> {
    tx.batch("DELETE FROM story_briefs; DELETE FROM story_entities; DELETE FROM story_quotes;")
}

/// The storylines that stories `stories` belong to now.
pub(crate) fn lines_of(tx: &Conn, stories: &BTreeSet<i64>) -> DbResult<BTreeSet<i64>> {
    let ids: Vec<i64> = stories.iter().copied().collect();
    Ok(tx
        .query(
            &format!(
                "SELECT COALESCE(l.storyline_id, s.id) FROM stories s \
                 LEFT JOIN story_lines l ON l.story_id = s.id WHERE s.id IN ({})",
                tx.id_set(1)
            ),
            &[Arg::Ints(&ids)],
            |r| r.get::<i64>(0),
        )?
        .into_iter()
        .collect())
}

/// Which of storylines `ids` exist: named by a story's storyline row, or a
/// story of that id without one (it stands as its own). Both lookups use
/// an index, unlike a test on `COALESCE(...)`.
fn existing_lines(tx: &Conn, ids: &[i64]) -> DbResult<BTreeSet<i64>> {
    let list = tx.id_set(1);
    Ok(tx
        .query(
            &format!(
                "SELECT storyline_id FROM story_lines WHERE storyline_id IN ({list}) \
                 UNION SELECT s.id FROM stories s WHERE s.id IN ({list}) \
                 AND NOT EXISTS (SELECT 1 FROM story_lines l WHERE l.story_id = s.id)"
            ),
            &[Arg::Ints(ids)],
            |r| r.get::<i64>(0),
        )?
        .into_iter()
        .collect())
}

/// The storyline of the story article `id` belongs to, if it is placed.
pub(crate) fn line_of_article(tx: &Conn, id: i64) -> DbResult<Option<i64>> {
    tx.query_opt(
        "SELECT COALESCE(l.storyline_id, m.story_id) FROM story_articles m \
         LEFT JOIN story_lines l ON l.story_id = m.story_id WHERE m.article_id = ?1",
        args![id],
        |r| r.get(0),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testdb::both;
    use crate::{ClusterWrite, Membership, NewArticle};
    use storyline_model::{Article, Body};

    fn store_of(mut store: Store, n: usize) -> (Store, Vec<i64>) {
        let arts: Vec<Article> = (0..n)
            .map(|i| Article {
                source: "t".into(),
                outlet: Some("x.example".into()),
                url: None,
                title: Some(format!("A{i}")),
                author: None,
                published: Some(format!("2025-01-0{}", i + 1)),
                lang: None,
                text: format!("Text {i}"),
                extra: Default::default(),
            })
            .collect();
        let raws: Vec<Body> = (0..n).map(|i| Body::Text(format!("r{i}"))).collect();
        let hashes: Vec<String> = (0..n).map(|i| format!("h{i}")).collect();
        let facts: Vec<String> = (0..n).map(|i| format!("{{\"n\":{i}}}")).collect();
        let items: Vec<NewArticle<'_>> = (0..n)
            .map(|i| NewArticle {
                article: &arts[i],
                hash: &hashes[i],
                raw: &raws[i],
                lines: None,
                // The first article as from an older build, without facts.
                facts: (i > 0).then_some(facts[i].as_str()),
            })
            .collect();
        let ids = store
            .insert_batch(&items)
            .unwrap()
            .iter()
            .map(|i| i.id())
            .collect();
        (store, ids)
    }

    fn brief(id: i64) -> BriefWrite {
        BriefWrite {
            storyline_id: id,
            words: 120,
            brief: format!("{{\"id\":{id}}}"),
            entities: vec![StoryEntity {
                name: "Ada Moss".into(),
                kind: "PER".into(),
                mentions: id as u64,
            }],
            quotes: vec![StoredQuote {
                storyline_id: 0,
                article_id: id,
                speaker: Some("Ada Moss".into()),
                text: format!("Statement {id}"),
                kind: "direct".into(),
                articles: vec![id],
                published: Some(format!("2025-01-0{id}")),
            }],
        }
    }

    both! {
        fn facts_are_stored_with_articles_and_missing_ones_listed(store) {
            let (mut store, ids) = store_of(store, 3);
            assert_eq!(
                store.article_facts(ids[1]).unwrap().as_deref(),
                Some("{\"n\":1}")
            );
            let missing = store.articles_without_facts(10).unwrap();
            assert_eq!(missing.len(), 1);
            assert_eq!(missing[0].article_id, ids[0]);
            // Facts of a text that changed meanwhile are not kept.
            let stale = (ids[0], "{}".to_string(), "another text".to_string());
            assert_eq!(store.put_facts(&[stale]).unwrap(), 0);
            let big = "x".repeat(10_000);
            let fresh = (ids[0], big.clone(), missing[0].text.clone());
            assert_eq!(store.put_facts(&[fresh]).unwrap(), 1);
            assert_eq!(store.article_facts(ids[0]).unwrap(), Some(big));
            assert!(store.articles_without_facts(10).unwrap().is_empty());
            // Cleaning a text again drops its facts.
            store.update_text(ids[1], "Text one, cleaner").unwrap();
            assert_eq!(store.article_facts(ids[1]).unwrap(), None);
        }
    }

    both! {
        fn a_round_forgets_the_briefs_of_the_storylines_it_changes_and_no_others(store) {
            let (mut store, ids) = store_of(store, 4);
            let m = |i: usize, story: i64, line: i64, round| Membership {
                article_id: ids[i],
                story_id: story,
                duplicate_of: None,
                round,
                storyline_id: line,
            };
            let write = |store: &mut Store, w: ClusterWrite<'_>| {
                store.write_clustering(&w).unwrap();
            };
            fn round<'a>(
                round: i64,
                members: &'a [Membership],
                merges: &'a [(i64, i64)],
                line_links: &'a [(i64, i64)],
            ) -> ClusterWrite<'a> {
                ClusterWrite {
                    round,
                    members,
                    merges,
                    line_links,
                    state: b"s",
                    replace: false,
                }
            }
            write(
                &mut store,
                round(1, &[m(0, 1, 1, 1), m(1, 2, 2, 1), m(2, 3, 3, 1)], &[], &[]),
            );
            assert_eq!(store.storylines_without_brief().unwrap(), [1, 2, 3]);
            let all = [brief(1), brief(2), brief(3)];
            // Briefs read at another round are not written.
            assert_eq!(store.write_briefs(Some(7), &all).unwrap(), None);
            assert_eq!(store.write_briefs(Some(1), &all).unwrap(), Some(1));
            assert!(store.storylines_without_brief().unwrap().is_empty());
            assert_eq!(store.brief_generation().unwrap(), 1);
            assert_eq!(store.story_brief(2).unwrap().unwrap().brief, "{\"id\":2}");
            assert_eq!(
                store.entity_stories("ada moss").unwrap(),
                [(3, 3), (2, 2), (1, 1)]
            );
            assert_eq!(
                store.top_entities(None, 5).unwrap(),
                [("Ada Moss".to_string(), "PER".to_string(), 3)]
            );
            let by: Vec<i64> = store
                .quotes_by("Ada Moss")
                .unwrap()
                .iter()
                .map(|q| q.storyline_id)
                .collect();
            assert_eq!(by, [1, 2, 3]);

            // Story 3 merges into story 2, and a new article joins story 2.
            write(&mut store, round(2, &[m(3, 2, 2, 2)], &[(3, 2)], &[]));
            assert_eq!(store.storylines_without_brief().unwrap(), [2]);
            assert_eq!(store.story_brief(3).unwrap(), None, "storyline 3 is gone");
            assert!(store.story_quotes(3).unwrap().is_empty());
            assert!(store.story_entities(3).unwrap().is_empty());
            assert!(
                store.story_brief(1).unwrap().is_some(),
                "storyline 1 is untouched"
            );
            assert_eq!(
                store.write_briefs(Some(2), &[brief(2), brief(3)]).unwrap(),
                Some(2)
            );
            assert_eq!(
                store.briefs_built_after(1).unwrap(),
                [2],
                "a gone storyline is not written"
            );

            // Storyline 2 is linked into 1: both lose their briefs.
            write(&mut store, round(3, &[], &[], &[(2, 1)]));
            assert_eq!(store.storylines_without_brief().unwrap(), [1]);
            assert_eq!(store.story_brief(2).unwrap(), None);

            // A rebuild forgets everything.
            store.write_briefs(Some(3), &[brief(1)]).unwrap();
            write(
                &mut store,
                ClusterWrite {
                    replace: true,
                    ..round(1, &[m(0, 1, 1, 1)], &[], &[])
                },
            );
            assert_eq!(store.briefs_built_after(0).unwrap(), Vec::<i64>::new());
            assert_eq!(
                store.brief_generation().unwrap(),
                3,
                "the generation only grows"
            );
        }
    }
}
