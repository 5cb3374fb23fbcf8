//! Stories: groups of articles about one real-world event, and the
//! storylines that link such events into one developing story.
//!
//! The clustering stage decides the groups, one round per run over the
//! articles not yet placed; the store keeps, per article, its story, the
//! article it is a near-copy of and the round that placed it, per story a
//! summary row for listing, and the clusterer's state after the latest
//! round. A round is written in one transaction, so the stories always
//! match the saved state, and an article is either placed or waits for the
//! next round. Each story names its storyline (whose id is the id of its
//! first story); a round's storyline links rename storylines in place.

use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

use crate::db::{Arg, Conn, DbResult, Row, args};
use crate::facts;
use crate::raw;
use crate::store::{extra_text, sql_err};
use crate::{Store, StoreError};

/// One article's place in the stories.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Membership {
    /// The article's id.
    pub article_id: i64,
    /// The story it belongs to.
    pub story_id: i64,
    /// The article this one is a near-copy of (syndicated or republished).
    pub duplicate_of: Option<i64>,
    /// The clustering round that placed it.
    pub round: i64,
    /// The storyline its story belonged to when it was placed.
    pub storyline_id: i64,
}

/// One clustering round's outcome, for [`Store::write_clustering`].
#[derive(Debug, Clone, Copy)]
pub struct ClusterWrite<'a> {
    /// The round just run (the saved state is the one after it).
    pub round: i64,
    /// Articles placed in this write.
    pub members: &'a [Membership],
    /// Stories found to be one, in the order found: (merged away, into).
    pub merges: &'a [(i64, i64)],
    /// Storylines found to be one, in the order found: (linked away, into).
    pub line_links: &'a [(i64, i64)],
    /// The clusterer's state after the round: its bytes, or those
    /// [`pack_state_with`](crate::pack_state_with) packed as they were written.
    pub state: &'a [u8],
    /// Drop every earlier placement first (a rebuild from scratch).
    pub replace: bool,
}

/// A story's summary row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoryRow {
    /// The story's id.
    pub id: i64,
    /// A working title: the headline of its most central article.
    pub title: Option<String>,
    /// When its earliest dated article was published, as stored (ISO 8601:
    /// a day or a full timestamp); `None` when none is dated.
    pub first_published: Option<String>,
    /// When its latest dated article was published, in the same form.
    pub last_published: Option<String>,
    /// Articles in the story, near-copies included.
    pub articles: u64,
    /// Outlets that covered it, sorted.
    pub outlets: Vec<String>,
}

/// A member article as a story lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoryMember {
    /// The article's id.
    pub article_id: i64,
    /// Its outlet: its URL's registrable domain, else the name the input
    /// or the page gave.
    pub outlet: Option<String>,
    /// The outlet's name for display (`extra["outlet_name"]`), when known.
    pub outlet_name: Option<String>,
    /// When it was published, as stored (ISO 8601: a day or a full
    /// timestamp).
    pub published: Option<String>,
    /// Its headline, when known.
    pub title: Option<String>,
    /// Its URL, when known.
    pub url: Option<String>,
    /// The article it is a near-copy of, if any.
    pub duplicate_of: Option<i64>,
    /// Where it was read from (a file path, `-`, or a path inside an archive).
    pub source: String,
    /// The detected language's code (`en`, `de`), when one was detected.
    pub lang: Option<String>,
}

/// What clustering needs of an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoryInput {
    /// The article's id.
    pub article_id: i64,
    /// Its content hash, the same in every store that holds it (ids
    /// follow the order of storing).
    pub hash: String,
    /// The round that placed it; `None` while it waits for one.
    pub round: Option<i64>,
    /// When it was published, as stored (ISO 8601: a day or a full
    /// timestamp).
    pub published: Option<String>,
    /// Its headline, when known.
    pub title: Option<String>,
    /// Its clean text (never empty: articles without text wait unplaced).
    pub text: String,
    /// Its outlet: its URL's registrable domain, else the name the input
    /// or the page gave.
    pub outlet: Option<String>,
    /// Where it was read: the input, and after `#` its place in it (a
    /// line, a record) where the input holds several articles.
    pub source: String,
}

impl Store {
    /// Every article with a text as clustering reads it, by round and then
    /// id (arrival) order; articles not yet placed come last. Articles
    /// without text (feed entries waiting for their page) wait unplaced.
    pub fn story_inputs(&self) -> Result<Vec<StoryInput>, StoreError> {
        self.inputs(
            "SELECT a.id, m.round, a.published, a.title, a.text, a.outlet, a.source, a.hash FROM articles a \
             LEFT JOIN story_articles m ON m.article_id = a.id WHERE length(a.text) > 0 \
             ORDER BY m.round IS NULL, m.round, a.id",
            &[],
        )
    }

    /// The first `limit` articles with a text that no round has placed yet,
    /// in id (arrival) order. A text is tested by its `length()`, which
    /// SQLite reads from a BLOB's row header and PostgreSQL from the
    /// value's own header: neither loads (nor un-TOASTs) the text to test
    /// it.
    pub fn unplaced_inputs(&self, limit: usize) -> Result<Vec<StoryInput>, StoreError> {
        self.unplaced_inputs_except(limit, &[])
    }

    /// [`unplaced_inputs`](Self::unplaced_inputs) less the articles in
    /// `except` (a round being placed, not written yet), so that the next
    /// round can be read while this one is clustered.
    pub fn unplaced_inputs_except(
        &self,
        limit: usize,
        except: &[i64],
    ) -> Result<Vec<StoryInput>, StoreError> {
        let sql = format!(
            "SELECT a.id, CAST(NULL AS BIGINT), a.published, a.title, a.text, a.outlet, a.source, a.hash FROM articles a \
             WHERE length(a.text) > 0 AND NOT EXISTS (SELECT 1 FROM story_articles m WHERE m.article_id = a.id) \
             AND a.id NOT IN ({}) ORDER BY a.id LIMIT ?1",
            self.conn.id_set(2)
        );
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        self.inputs(&sql, &[Arg::Int(limit), Arg::Ints(except)])
    }

    fn inputs(&self, sql: &str, args: &[Arg<'_>]) -> Result<Vec<StoryInput>, StoreError> {
        const OP: &str = "reading articles for clustering";
        let rows = self
            .conn
            .query(sql, args, |r| {
                let input = StoryInput {
                    article_id: r.get(0)?,
                    round: r.get(1)?,
                    published: r.get(2)?,
                    title: r.get(3)?,
                    text: String::new(),
                    outlet: r.get(5)?,
                    source: r.get(6)?,
                    hash: r.get(7)?,
                };
                Ok((input, r.get::<raw::Stored>(4)?))
            })
            .map_err(sql_err(&self.path, OP))?;
        // Inflating the texts was a third of reading a round (5,000
        // articles: 145 ms on PostgreSQL): it is spread over the cores.
        rows.into_par_iter()
            .map(|(mut input, stored)| {
                input.text = raw::Text::decode(stored)?.0;
                Ok(input)
            })
            .collect::<DbResult<Vec<_>>>()
            .map_err(sql_err(&self.path, OP))
    }

    /// Whether any article has been placed into a story (one row read,
    /// not the articles).
    pub fn any_placed(&self) -> Result<bool, StoreError> {
        self.conn
            .query_opt("SELECT article_id FROM story_articles LIMIT 1", &[], |r| {
                r.get::<i64>(0)
            })
            .map(|r| r.is_some())
            .map_err(sql_err(&self.path, "reading placements"))
    }

    /// The latest round, if any ran (without reading the state).
    pub fn cluster_round(&self) -> Result<Option<i64>, StoreError> {
        self.conn
            .query_opt("SELECT round FROM cluster_state WHERE id = 1", &[], |r| {
                r.get(0)
            })
            .map_err(sql_err(&self.path, "reading the clustering round"))
    }

    /// The latest round and the clusterer's state after it, if any round ran.
    pub fn cluster_state(&self) -> Result<Option<(i64, Vec<u8>)>, StoreError> {
        let stored: Option<(i64, Vec<u8>)> = self
            .conn
            .query_opt(
                "SELECT round, state FROM cluster_state WHERE id = 1",
                &[],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .map_err(sql_err(&self.path, "reading the clustering state"))?;
        // A state that does not inflate goes on as stored: restoring it
        // fails, as for any state this build cannot read, and every
        // article is placed again.
        Ok(stored.map(|(round, state)| (round, raw::unpack_state(state))))
    }

    /// Writes one round: placements, merges, the summary rows of every story
    /// they touch, and the state, all in one transaction. Returns how many
    /// stories there are.
    pub fn write_clustering(&mut self, w: &ClusterWrite<'_>) -> Result<u64, StoreError> {
        let path = self.path.clone();
        let tx = self
            .conn
            .begin(true)
            .map_err(sql_err(&path, "starting a transaction"))?;
        let err = |what: &'static str| sql_err(&path, what);
        if w.replace {
            tx.batch("DELETE FROM story_articles; DELETE FROM stories; DELETE FROM story_lines;")
                .map_err(err("clearing stories"))?;
            facts::forget_all(&tx).map_err(err("forgetting briefs"))?;
        }
        // Every storyline whose membership this write changes loses its
        // brief: those of the stories it touches, before and after, and
        // those its links rename. The caller computes them again.
        let stories: BTreeSet<i64> = w
            .members
            .iter()
            .map(|m| m.story_id)
            .chain(w.merges.iter().flat_map(|&(a, b)| [a, b]))
            .collect();
        let mut changed = facts::lines_of(&tx, &stories).map_err(err("forgetting briefs"))?;
        changed.extend(w.line_links.iter().flat_map(|&(a, b)| [a, b]));
        let mut touched = BTreeSet::new();
        // Many rows per statement: on a server each statement is a round
        // trip. A row given twice keeps its last value, as one statement
        // per row would.
        let mut members: BTreeMap<i64, &Membership> = BTreeMap::new();
        let mut lines: BTreeMap<i64, i64> = BTreeMap::new();
        for m in w.members {
            members.insert(m.article_id, m);
            lines.insert(m.story_id, m.storyline_id);
            touched.insert(m.story_id);
        }
        let members: Vec<&Membership> = members.into_values().collect();
        if tx.is_postgres() {
            // One statement with four arrays: a round's thousands of rows
            // cost one parse and one round trip, not one per 200.
            let col = |f: fn(&Membership) -> i64| members.iter().map(|m| f(m)).collect::<Vec<_>>();
            let (ids, stories, rounds) =
                (col(|m| m.article_id), col(|m| m.story_id), col(|m| m.round));
            let copies: Vec<Option<i64>> = members.iter().map(|m| m.duplicate_of).collect();
            tx.exec(
                "INSERT INTO story_articles (article_id, story_id, duplicate_of, round) \
                 SELECT * FROM UNNEST(?1::bigint[], ?2::bigint[], ?3::bigint[], ?4::bigint[]) \
                 ON CONFLICT (article_id) DO UPDATE SET \
                 story_id = excluded.story_id, duplicate_of = excluded.duplicate_of, \
                 round = excluded.round",
                &[
                    Arg::Ints(&ids),
                    Arg::Ints(&stories),
                    Arg::OptInts(&copies),
                    Arg::Ints(&rounds),
                ],
            )
            .map_err(err("writing story members"))?;
        } else {
            for chunk in members.chunks(ROWS) {
                let args: Vec<Arg<'_>> = chunk
                    .iter()
                    .flat_map(|m| {
                        [
                            Arg::Int(m.article_id),
                            Arg::Int(m.story_id),
                            m.duplicate_of.into(),
                            Arg::Int(m.round),
                        ]
                    })
                    .collect();
                tx.exec(
                    &format!(
                        "INSERT INTO story_articles (article_id, story_id, duplicate_of, round) \
                     VALUES {} ON CONFLICT (article_id) DO UPDATE SET \
                     story_id = excluded.story_id, duplicate_of = excluded.duplicate_of, \
                     round = excluded.round",
                        values(chunk.len(), 4)
                    ),
                    &args,
                )
                .map_err(err("writing story members"))?;
            }
        }
        let lines: Vec<(i64, i64)> = lines.into_iter().collect();
        for chunk in lines.chunks(ROWS) {
            let args: Vec<Arg<'_>> = chunk
                .iter()
                .flat_map(|&(story, line)| [Arg::Int(story), Arg::Int(line)])
                .collect();
            tx.exec(
                &format!(
                    "INSERT INTO story_lines (story_id, storyline_id) VALUES {} \
                     ON CONFLICT (story_id) DO UPDATE SET storyline_id = excluded.storyline_id",
                    values(chunk.len(), 2)
                ),
                &args,
            )
            .map_err(err("writing storylines"))?;
        }
        for &(from, into) in w.merges {
            tx.exec(
                "UPDATE story_articles SET story_id = ?2 WHERE story_id = ?1",
                args![from, into],
            )
            .map_err(err("merging stories"))?;
            touched.insert(from);
            touched.insert(into);
        }
        // Links come after the placements they rename: a story placed
        // before a link carries the storyline the link renames.
        for &(from, into) in w.line_links {
            tx.exec(
                "UPDATE story_lines SET storyline_id = ?2 WHERE storyline_id = ?1",
                args![from, into],
            )
            .map_err(err("linking storylines"))?;
        }
        let touched: Vec<i64> = touched.into_iter().collect();
        refresh(&tx, &touched).map_err(err("summarising stories"))?;
        changed.extend(facts::lines_of(&tx, &stories).map_err(err("forgetting briefs"))?);
        facts::forget(&tx, changed).map_err(err("forgetting briefs"))?;
        tx.exec(
            "INSERT INTO cluster_state (id, round, state) VALUES (1, ?1, ?2) \
             ON CONFLICT (id) DO UPDATE SET round = excluded.round, state = excluded.state",
            args![w.round, &raw::pack_state(w.state)[..]],
        )
        .map_err(err("saving the clustering state"))?;
        let n: i64 = tx
            .query_one("SELECT COUNT(*) FROM stories", &[], |r| r.get(0))
            .map_err(err("counting stories"))?;
        tx.commit().map_err(err("committing stories"))?;
        Ok(u64::try_from(n).unwrap_or(0))
    }

    /// The story an article belongs to, if a round has placed it.
    pub fn story_of(&self, article: i64) -> Result<Option<i64>, StoreError> {
        self.conn
            .query_opt(
                "SELECT story_id FROM story_articles WHERE article_id = ?1",
                args![article],
                |r| r.get(0),
            )
            .map_err(sql_err(&self.path, "reading an article's story"))
    }

    /// The texts of a story's articles: (article id, text), in id order.
    pub fn story_texts(&self, id: i64) -> Result<Vec<(i64, String)>, StoreError> {
        self.conn
            .query(
                "SELECT a.id, a.text FROM story_articles m JOIN articles a ON a.id = m.article_id \
                 WHERE m.story_id = ?1 ORDER BY a.id",
                args![id],
                |r| Ok((r.get(0)?, r.get::<raw::Text>(1)?.0)),
            )
            .map_err(sql_err(&self.path, "reading a story's texts"))
    }

    /// The texts of the given articles: (article id, text), in id order;
    /// ids with no article are left out. Only the rows asked for are read,
    /// so a few articles of a big story cost a few rows, not the story.
    pub fn texts(&self, ids: &[i64]) -> Result<Vec<(i64, String)>, StoreError> {
        let sql = format!(
            "SELECT id, text FROM articles WHERE id IN ({}) ORDER BY id",
            self.conn.id_set(1)
        );
        self.conn
            .query(&sql, &[Arg::Ints(ids)], |r| {
                Ok((r.get(0)?, r.get::<raw::Text>(1)?.0))
            })
            .map_err(sql_err(&self.path, "reading articles' texts"))
    }

    /// Every story, largest and most recent first.
    pub fn stories(&self) -> Result<Vec<StoryRow>, StoreError> {
        self.conn
            .query(
                "SELECT id, title, first_published, last_published, articles, outlets FROM stories \
                 ORDER BY articles DESC, last_published DESC, id",
                &[],
                story_row,
            )
            .map_err(sql_err(&self.path, "reading stories"))
    }

    /// Every storyline with its stories, each in time order of its first
    /// article (undated last); storylines by id. A story without a stored
    /// storyline stands as its own.
    pub fn storylines(&self) -> Result<Vec<(i64, Vec<StoryRow>)>, StoreError> {
        self.line_rows(
            "SELECT COALESCE(l.storyline_id, s.id), s.id, s.title, s.first_published, \
             s.last_published, s.articles, s.outlets FROM stories s \
             LEFT JOIN story_lines l ON l.story_id = s.id \
             ORDER BY 1, s.first_published IS NULL, s.first_published, s.id",
            None,
        )
    }

    /// The storyline that story `id` belongs to, with its stories in time
    /// order, or `None` when there is no such story.
    pub fn storyline_of(&self, id: i64) -> Result<Option<(i64, Vec<StoryRow>)>, StoreError> {
        let line: Option<i64> = self
            .conn
            .query_opt(
                "SELECT COALESCE(l.storyline_id, s.id) FROM stories s \
                 LEFT JOIN story_lines l ON l.story_id = s.id WHERE s.id = ?1",
                args![id],
                |r| r.get(0),
            )
            .map_err(sql_err(&self.path, "reading a story's storyline"))?;
        let Some(line) = line else { return Ok(None) };
        self.storyline(line)
    }

    /// Storyline `id` (by its own id) with its stories in time order, or
    /// `None` when there is no such storyline.
    pub fn storyline(&self, id: i64) -> Result<Option<(i64, Vec<StoryRow>)>, StoreError> {
        Ok(self
            .line_rows(
                "SELECT COALESCE(l.storyline_id, s.id), s.id, s.title, s.first_published, \
                 s.last_published, s.articles, s.outlets FROM stories s \
                 LEFT JOIN story_lines l ON l.story_id = s.id \
                 WHERE COALESCE(l.storyline_id, s.id) = ?1 \
                 ORDER BY s.first_published IS NULL, s.first_published, s.id",
                Some(id),
            )?
            .pop())
    }

    fn line_rows(
        &self,
        sql: &str,
        arg: Option<i64>,
    ) -> Result<Vec<(i64, Vec<StoryRow>)>, StoreError> {
        let map = |r: &Row<'_>| {
            let line: i64 = r.get(0)?;
            let outlets: String = r.get(6)?;
            Ok((
                line,
                StoryRow {
                    id: r.get(1)?,
                    title: r.get(2)?,
                    first_published: r.get(3)?,
                    last_published: r.get(4)?,
                    articles: u64::try_from(r.get::<i64>(5)?).unwrap_or(0),
                    outlets: serde_json::from_str(&outlets).unwrap_or_default(),
                },
            ))
        };
        let rows: Vec<(i64, StoryRow)> = match arg {
            Some(a) => self.conn.query(sql, args![a], map),
            None => self.conn.query(sql, &[], map),
        }
        .map_err(sql_err(&self.path, "reading storylines"))?;
        let mut out: Vec<(i64, Vec<StoryRow>)> = Vec::new();
        for (line, row) in rows {
            match out.last_mut() {
                Some((l, events)) if *l == line => events.push(row),
                _ => out.push((line, vec![row])),
            }
        }
        Ok(out)
    }

    /// One story and its member articles in time order (undated last).
    pub fn story(&self, id: i64) -> Result<Option<(StoryRow, Vec<StoryMember>)>, StoreError> {
        let row = self
            .conn
            .query_opt(
                "SELECT id, title, first_published, last_published, articles, outlets \
                 FROM stories WHERE id = ?1",
                args![id],
                story_row,
            )
            .map_err(sql_err(&self.path, "reading a story"))?;
        let Some(row) = row else { return Ok(None) };
        let members = self
            .conn
            .query(
                &format!(
                    "SELECT a.id, a.outlet, a.published, a.title, a.url, m.duplicate_of, a.source, \
                     {}, a.lang FROM story_articles m JOIN articles a ON a.id = m.article_id \
                     WHERE m.story_id = ?1 ORDER BY a.published IS NULL, a.published, a.id",
                    extra_text(&self.conn, "outlet_name")
                ),
                args![id],
                |r| {
                    Ok(StoryMember {
                        article_id: r.get(0)?,
                        outlet: r.get(1)?,
                        published: r.get(2)?,
                        title: r.get(3)?,
                        url: r.get(4)?,
                        duplicate_of: r.get(5)?,
                        source: r.get(6)?,
                        outlet_name: r.get(7)?,
                        lang: r.get(8)?,
                    })
                },
            )
            .map_err(sql_err(&self.path, "reading a story's articles"))?;
        Ok(Some((row, members)))
    }
}

/// Rows per multi-row statement: few round trips, and far below either
/// database's limit on bound values.
pub(crate) const ROWS: usize = 200;

/// `(?1, ?2), (?3, ?4), ...`: `rows` rows of `cols` placeholders.
pub(crate) fn values(rows: usize, cols: usize) -> String {
    let mut out = String::with_capacity(rows * cols * 5);
    for r in 0..rows {
        out.push_str(if r == 0 { "(" } else { ", (" });
        for c in 0..cols {
            if c > 0 {
                out.push_str(", ");
            }
            out.push_str(&format!("?{}", r * cols + c + 1));
        }
        out.push(')');
    }
    out
}

/// A story's summary row as written: id, articles, first and last
/// publication, title, outlets (JSON).
type SummaryRow = (
    i64,
    i64,
    Option<String>,
    Option<String>,
    Option<String>,
    String,
);

/// Recomputes the summary rows of stories `ids` from their members
/// (deleting those with none left), a few statements for all of them.
fn refresh(tx: &Conn, ids: &[i64]) -> DbResult<()> {
    let list = tx.id_set(1);
    let args = [Arg::Ints(ids)];
    let join = "FROM story_articles m JOIN articles a ON a.id = m.article_id";
    let mut rows: BTreeMap<i64, (i64, Option<String>, Option<String>)> = BTreeMap::new();
    for (id, n, first, last) in tx.query(
        &format!(
            "SELECT m.story_id, COUNT(*), MIN(a.published), MAX(a.published) {join} \
             WHERE m.story_id IN ({list}) GROUP BY m.story_id"
        ),
        &args,
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    )? {
        rows.insert(id, (n, first, last));
    }
    let gone: Vec<i64> = ids
        .iter()
        .copied()
        .filter(|id| !rows.contains_key(id))
        .collect();
    if !gone.is_empty() {
        let gone = [Arg::Ints(&gone)];
        tx.exec(&format!("DELETE FROM stories WHERE id IN ({list})"), &gone)?;
        tx.exec(
            &format!("DELETE FROM story_lines WHERE story_id IN ({list})"),
            &gone,
        )?;
    }
    if rows.is_empty() {
        return Ok(());
    }
    let mut outlets: BTreeMap<i64, Vec<String>> = BTreeMap::new();
    for (id, outlet) in tx.query(
        &format!(
            "SELECT DISTINCT m.story_id, a.outlet {join} \
             WHERE m.story_id IN ({list}) AND a.outlet IS NOT NULL ORDER BY 1, 2"
        ),
        &args,
        |r| Ok((r.get::<i64>(0)?, r.get::<String>(1)?)),
    )? {
        outlets.entry(id).or_default().push(outlet);
    }
    // The working title: the headline of the story's first article.
    let mut titles: BTreeMap<i64, String> = BTreeMap::new();
    for (id, title) in tx.query(
        &format!(
            "SELECT m.story_id, a.title {join} \
             WHERE m.story_id IN ({list}) AND a.title IS NOT NULL \
             ORDER BY m.story_id, a.published IS NULL, a.published, a.id"
        ),
        &args,
        |r| Ok((r.get::<i64>(0)?, r.get::<String>(1)?)),
    )? {
        titles.entry(id).or_insert(title);
    }
    let rows: Vec<SummaryRow> = rows
        .into_iter()
        .map(|(id, (n, first, last))| {
            let o = outlets.remove(&id).unwrap_or_default();
            let o = serde_json::to_string(&o).unwrap_or_else(|_| "[]".into());
            (id, n, first, last, titles.remove(&id), o)
        })
        .collect();
    let args: Vec<Arg<'_>> = rows
        .iter()
        .flat_map(|(id, n, first, last, title, outlets)| {
            [
                Arg::Int(*id),
                title.as_deref().into(),
                first.as_deref().into(),
                last.as_deref().into(),
                Arg::Int(*n),
                Arg::Text(outlets),
            ]
        })
        .collect();
    tx.exec(
        &format!(
            "INSERT INTO stories (id, title, first_published, last_published, articles, outlets) \
             VALUES {} ON CONFLICT (id) DO UPDATE SET \
             title = excluded.title, first_published = excluded.first_published, \
             last_published = excluded.last_published, articles = excluded.articles, \
             outlets = excluded.outlets",
            values(rows.len(), 6)
        ),
        &args,
    )?;
    Ok(())
}

fn story_row(r: &Row<'_>) -> DbResult<StoryRow> {
    let outlets: String = r.get(5)?;
    Ok(StoryRow {
        id: r.get(0)?,
        title: r.get(1)?,
        first_published: r.get(2)?,
        last_published: r.get(3)?,
        articles: u64::try_from(r.get::<i64>(4)?).unwrap_or(0),
        outlets: serde_json::from_str(&outlets).unwrap_or_default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::NewArticle;
    use crate::testdb::both;
    use storyline_model::{Article, Body};

    fn article(title: &str, day: &str) -> Article {
        Article {
            source: "t".into(),
            outlet: Some("x.example".into()),
            url: None,
            title: Some(title.into()),
            author: None,
            published: Some(day.into()),
            lang: None,
            text: format!("{title} text"),
            extra: Default::default(),
        }
    }

    both! {
        fn texts_are_read_for_the_ids_asked_only(store) {
            let arts: Vec<Article> = (0..3)
                .map(|i| article(&format!("T{i}"), "2025-01-01"))
                .collect();
            let raws: Vec<Body> = (0..3).map(|i| Body::Text(format!("r{i}"))).collect();
            let hashes: Vec<String> = (0..3).map(|i| format!("h{i}")).collect();
            let items: Vec<NewArticle<'_>> = (0..3)
                .map(|i| NewArticle {
                    article: &arts[i],
                    hash: &hashes[i],
                    raw: &raws[i],
                    lines: None,
                    facts: None,
                })
                .collect();
            let ids: Vec<i64> = store
                .insert_batch(&items)
                .unwrap()
                .into_iter()
                .map(|i| i.id())
                .collect();
            let got = store.texts(&[ids[2], ids[0], ids[2] + 100]).unwrap();
            assert_eq!(
                got,
                [
                    (ids[0], "T0 text".to_string()),
                    (ids[2], "T2 text".to_string())
                ]
            );
            assert!(store.texts(&[]).unwrap().is_empty());
            // More ids than SQLite has placeholders.
            let many: Vec<i64> = (0..40_000).rev().collect();
            assert_eq!(store.texts(&many).unwrap().len(), 3);
        }
    }

    both! {
        fn storylines_are_kept_per_story_and_renamed_by_links(store) {
            let arts: Vec<Article> = ["2025-01-01", "2025-01-09", "2025-01-20"]
                .iter()
                .enumerate()
                .map(|(i, d)| article(&format!("A{i}"), d))
                .collect();
            let raws: Vec<Body> = (0..3).map(|i| Body::Text(format!("r{i}"))).collect();
            let hashes: Vec<String> = (0..3).map(|i| format!("h{i}")).collect();
            let items: Vec<NewArticle<'_>> = (0..3)
                .map(|i| NewArticle {
                    article: &arts[i],
                    hash: &hashes[i],
                    raw: &raws[i],
                    lines: None,
                    facts: None,
                })
                .collect();
            let ids: Vec<i64> = store
                .insert_batch(&items)
                .unwrap()
                .into_iter()
                .map(|i| i.id())
                .collect();
            let m = |i: usize, story: i64, line: i64| Membership {
                article_id: ids[i],
                story_id: story,
                duplicate_of: None,
                round: 1,
                storyline_id: line,
            };
            // Three stories, each its own storyline; then story 3 is found to
            // continue 2, and 2 to continue 1, in a later round.
            let write = |store: &mut Store, members: &[Membership], links: &[(i64, i64)], round| {
                store
                    .write_clustering(&ClusterWrite {
                        round,
                        members,
                        merges: &[],
                        line_links: links,
                        state: b"s",
                        replace: false,
                    })
                    .unwrap();
            };
            write(&mut store, &[m(0, 1, 1), m(1, 2, 2)], &[], 1);
            assert_eq!(store.storylines().unwrap().len(), 2);
            write(&mut store, &[m(2, 3, 2)], &[(2, 1)], 2);
            let lines = store.storylines().unwrap();
            assert_eq!(lines.len(), 1);
            let (line, events) = &lines[0];
            assert_eq!(*line, 1);
            let order: Vec<i64> = events.iter().map(|r| r.id).collect();
            assert_eq!(order, [1, 2, 3], "events in time order");
            // Any event finds the whole storyline.
            assert_eq!(store.storyline_of(3).unwrap().unwrap().0, 1);
            assert!(store.storyline_of(9).unwrap().is_none());
        }
    }

    both! {
        fn rounds_merges_and_rebuilds(store) {
            let (a, b) = (article("One", "2025-01-02"), article("Two", "2025-01-01"));
            let (ra, rb) = (Body::Text("one".into()), Body::Text("two".into()));
            let ids: Vec<i64> = store
                .insert_batch(&[
                    NewArticle {
                        article: &a,
                        hash: "h1",
                        raw: &ra,
                        lines: None,
                        facts: None,
                    },
                    NewArticle {
                        article: &b,
                        hash: "h2",
                        raw: &rb,
                        lines: None,
                        facts: None,
                    },
                ])
                .unwrap()
                .into_iter()
                .map(|i| i.id())
                .collect();
            assert_eq!(store.unplaced_inputs(100).unwrap().len(), 2);
            // The next round is read leaving out the one being placed.
            let rest = store.unplaced_inputs_except(100, &ids[..1]).unwrap();
            assert_eq!(rest.iter().map(|i| i.article_id).collect::<Vec<_>>(), [ids[1]]);
            assert_eq!(rest[0].text, store.unplaced_inputs(100).unwrap()[1].text);
            assert!(store.unplaced_inputs_except(100, &ids).unwrap().is_empty());
            assert_eq!(store.unplaced_inputs_except(100, &[]).unwrap().len(), 2);
            assert!(store.cluster_state().unwrap().is_none());
            assert!(!store.any_placed().unwrap());
            let member = |i: usize, story, duplicate_of, round| Membership {
                article_id: ids[i],
                story_id: story,
                duplicate_of,
                round,
                storyline_id: story,
            };
            // Round 1 places the first article; round 2 the second in a story of
            // its own, which it then merges into the first.
            let n = store
                .write_clustering(&ClusterWrite {
                    round: 1,
                    members: &[member(0, 7, None, 1)],
                    merges: &[],
                    line_links: &[],
                    state: b"s1",
                    replace: false,
                })
                .unwrap();
            assert_eq!(n, 1);
            assert!(store.any_placed().unwrap());
            assert_eq!(store.unplaced_inputs(100).unwrap().len(), 1);
            let n = store
                .write_clustering(&ClusterWrite {
                    round: 2,
                    members: &[member(1, 8, Some(ids[0]), 2)],
                    merges: &[(8, 7)],
                    line_links: &[],
                    state: b"s2",
                    replace: false,
                })
                .unwrap();
            assert_eq!(n, 1);
            let row = StoryRow {
                id: 7,
                title: Some("Two".into()),
                first_published: Some("2025-01-01".into()),
                last_published: Some("2025-01-02".into()),
                articles: 2,
                outlets: vec!["x.example".into()],
            };
            assert_eq!(store.stories().unwrap(), vec![row.clone()]);
            let (got, list) = store.story(7).unwrap().unwrap();
            assert_eq!(got, row);
            assert_eq!(list[0].title.as_deref(), Some("Two"), "time order");
            assert_eq!(list[0].duplicate_of, Some(ids[0]));
            assert_eq!(store.cluster_state().unwrap(), Some((2, b"s2".to_vec())));
            let rounds: Vec<Option<i64>> = store
                .story_inputs()
                .unwrap()
                .iter()
                .map(|i| i.round)
                .collect();
            assert_eq!(rounds, vec![Some(1), Some(2)]);
            // A rebuild replaces everything.
            store
                .write_clustering(&ClusterWrite {
                    round: 1,
                    members: &[member(0, 1, None, 1)],
                    merges: &[],
                    line_links: &[],
                    state: b"r",
                    replace: true,
                })
                .unwrap();
            assert!(store.story(7).unwrap().is_none());
            assert_eq!(store.stories().unwrap().len(), 1);
            assert_eq!(store.unplaced_inputs(100).unwrap().len(), 1);
        }
    }
}
