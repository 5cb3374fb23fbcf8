//! Stories: groups of articles about one real-world event.
//!
//! The clustering stage decides the groups; the store keeps, per article,
//! its story and the article it is a near-copy of, and per story a summary
//! row for listing. A write replaces all of it in one transaction, so the
//! stories always match one complete clustering of the articles.

use rusqlite::params;

use crate::store::sql_err;
use crate::{Store, StoreError};

/// One article's place in the stories.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Membership {
    pub article_id: i64,
    pub story_id: i64,
    /// The article this one is a near-copy of (syndicated or republished).
    pub duplicate_of: Option<i64>,
}

/// A story's summary row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoryRow {
    pub id: i64,
    /// A working title: the headline of its most central article.
    pub title: Option<String>,
    pub first_published: Option<String>,
    pub last_published: Option<String>,
    /// Articles in the story, near-copies included.
    pub articles: u64,
    /// Outlets that covered it, sorted.
    pub outlets: Vec<String>,
}

/// A member article as a story lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoryMember {
    pub article_id: i64,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub duplicate_of: Option<i64>,
}

/// What clustering needs of an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoryInput {
    pub article_id: i64,
    pub published: Option<String>,
    pub title: Option<String>,
    pub text: String,
    pub outlet: Option<String>,
}

impl Store {
    /// Every article as clustering reads it, in id (arrival) order.
    pub fn story_inputs(&self) -> Result<Vec<StoryInput>, StoreError> {
        self.conn
            .prepare("SELECT id, published, title, text, outlet FROM articles ORDER BY id")
            .and_then(|mut st| {
                st.query_map([], |r| {
                    Ok(StoryInput {
                        article_id: r.get(0)?,
                        published: r.get(1)?,
                        title: r.get(2)?,
                        text: r.get(3)?,
                        outlet: r.get(4)?,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()
            })
            .map_err(sql_err(&self.path, "reading articles for clustering"))
    }

    /// Replaces every story and membership with the given ones.
    pub fn replace_stories(
        &mut self,
        stories: &[StoryRow],
        members: &[Membership],
    ) -> Result<(), StoreError> {
        let path = self.path.clone();
        let tx = self
            .conn
            .transaction()
            .map_err(sql_err(&path, "starting a transaction"))?;
        tx.execute_batch("DELETE FROM story_articles; DELETE FROM stories;")
            .map_err(sql_err(&path, "clearing stories"))?;
        {
            let mut st = tx
                .prepare(
                    "INSERT INTO stories (id, title, first_published, last_published, articles, outlets) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                )
                .map_err(sql_err(&path, "writing stories"))?;
            for s in stories {
                let outlets = serde_json::to_string(&s.outlets).unwrap_or_else(|_| "[]".into());
                st.execute(params![
                    s.id,
                    s.title,
                    s.first_published,
                    s.last_published,
                    i64::try_from(s.articles).unwrap_or(i64::MAX),
                    outlets
                ])
                .map_err(sql_err(&path, "writing stories"))?;
            }
            let mut st = tx
                .prepare("INSERT INTO story_articles (article_id, story_id, duplicate_of) VALUES (?1, ?2, ?3)")
                .map_err(sql_err(&path, "writing story members"))?;
            for m in members {
                st.execute(params![m.article_id, m.story_id, m.duplicate_of])
                    .map_err(sql_err(&path, "writing story members"))?;
            }
        }
        tx.commit().map_err(sql_err(&path, "committing stories"))
    }

    /// Every story, largest and most recent first.
    pub fn stories(&self) -> Result<Vec<StoryRow>, StoreError> {
        self.conn
            .prepare(
                "SELECT id, title, first_published, last_published, articles, outlets FROM stories \
                 ORDER BY articles DESC, last_published DESC, id",
            )
            .and_then(|mut st| {
                st.query_map([], story_row)?
                    .collect::<rusqlite::Result<Vec<_>>>()
            })
            .map_err(sql_err(&self.path, "reading stories"))
    }

    /// One story and its member articles in time order (undated last).
    pub fn story(&self, id: i64) -> Result<Option<(StoryRow, Vec<StoryMember>)>, StoreError> {
        let row = self
            .conn
            .prepare(
                "SELECT id, title, first_published, last_published, articles, outlets FROM stories WHERE id = ?1",
            )
            .and_then(|mut st| {
                let mut rows = st.query_map([id], story_row)?;
                rows.next().transpose()
            })
            .map_err(sql_err(&self.path, "reading a story"))?;
        let Some(row) = row else { return Ok(None) };
        let members = self
            .conn
            .prepare(
                "SELECT a.id, a.outlet, a.published, a.title, a.url, m.duplicate_of \
                 FROM story_articles m JOIN articles a ON a.id = m.article_id \
                 WHERE m.story_id = ?1 ORDER BY a.published IS NULL, a.published, a.id",
            )
            .and_then(|mut st| {
                st.query_map([id], |r| {
                    Ok(StoryMember {
                        article_id: r.get(0)?,
                        outlet: r.get(1)?,
                        published: r.get(2)?,
                        title: r.get(3)?,
                        url: r.get(4)?,
                        duplicate_of: r.get(5)?,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()
            })
            .map_err(sql_err(&self.path, "reading a story's articles"))?;
        Ok(Some((row, members)))
    }
}

fn story_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<StoryRow> {
    let outlets: String = r.get(5)?;
    Ok(StoryRow {
        id: r.get(0)?,
        title: r.get(1)?,
        first_published: r.get(2)?,
        last_published: r.get(3)?,
        articles: u64::try_from(r.get::<_, i64>(4)?).unwrap_or(0),
        outlets: serde_json::from_str(&outlets).unwrap_or_default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::NewArticle;
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

    #[test]
    fn stories_roundtrip_and_replace() {
        let mut store = Store::open_in_memory().unwrap();
        let (a, b) = (article("One", "2025-01-02"), article("Two", "2025-01-01"));
        let (ra, rb) = (Body::Text("one".into()), Body::Text("two".into()));
        let ids: Vec<i64> = store
            .insert_batch(&[
                NewArticle {
                    article: &a,
                    hash: "h1",
                    raw: &ra,
                },
                NewArticle {
                    article: &b,
                    hash: "h2",
                    raw: &rb,
                },
            ])
            .unwrap()
            .into_iter()
            .map(|i| i.id())
            .collect();
        let row = StoryRow {
            id: 7,
            title: Some("One".into()),
            first_published: Some("2025-01-01".into()),
            last_published: Some("2025-01-02".into()),
            articles: 2,
            outlets: vec!["x.example".into()],
        };
        let members = [
            Membership {
                article_id: ids[0],
                story_id: 7,
                duplicate_of: None,
            },
            Membership {
                article_id: ids[1],
                story_id: 7,
                duplicate_of: Some(ids[0]),
            },
        ];
        store
            .replace_stories(std::slice::from_ref(&row), &members)
            .unwrap();
        assert_eq!(store.stories().unwrap(), vec![row.clone()]);
        let (got, list) = store.story(7).unwrap().unwrap();
        assert_eq!(got, row);
        assert_eq!(list[0].title.as_deref(), Some("Two"), "time order");
        assert_eq!(list[0].duplicate_of, Some(ids[0]));
        store.replace_stories(&[], &[]).unwrap();
        assert!(store.stories().unwrap().is_empty());
        assert!(store.story(7).unwrap().is_none());
    }
}
