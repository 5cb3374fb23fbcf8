//! The catalogue a reader browses: every placed article's metadata with its
//! event and storyline, without texts, in one query; and a cheap counter
//! that says whether another connection has written since it was last read.
//!
//! `storyline serve` keeps this in memory to rank, filter and chart stories
//! without touching the database per request.

use crate::store::{extra_text, sql_err};
use crate::{Store, StoreError};

/// One placed article, as a catalogue lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placement {
    /// The article's id.
    pub article_id: i64,
    /// The storyline it belongs to (its event's, or the event itself).
    pub storyline_id: i64,
    /// The event (story) it belongs to.
    pub story_id: i64,
    /// Its outlet (the URL's registrable domain, else the given name).
    pub outlet: Option<String>,
    /// The outlet's display name, when known.
    pub outlet_name: Option<String>,
    /// Its language code.
    pub lang: Option<String>,
    /// When it was published, as stored (ISO 8601).
    pub published: Option<String>,
    /// Its headline.
    pub title: Option<String>,
    /// Where it was found.
    pub url: Option<String>,
    /// The article it is a near-copy of, if it is one.
    pub duplicate_of: Option<i64>,
}

impl Store {
    /// Every placed article with its event and storyline, by article id.
    pub fn placements(&self) -> Result<Vec<Placement>, StoreError> {
        let sql = format!(
            "SELECT a.id, COALESCE(l.storyline_id, m.story_id), m.story_id, a.outlet, {}, a.lang, \
             a.published, a.title, a.url, m.duplicate_of FROM story_articles m \
             JOIN articles a ON a.id = m.article_id \
             LEFT JOIN story_lines l ON l.story_id = m.story_id ORDER BY a.id",
            extra_text(&self.conn, "outlet_name")
        );
        self.conn
            .query(&sql, &[], |r| {
                Ok(Placement {
                    article_id: r.get(0)?,
                    storyline_id: r.get(1)?,
                    story_id: r.get(2)?,
                    outlet: r.get(3)?,
                    outlet_name: r.get(4)?,
                    lang: r.get(5)?,
                    published: r.get(6)?,
                    title: r.get(7)?,
                    url: r.get(8)?,
                    duplicate_of: r.get(9)?,
                })
            })
            .map_err(sql_err(&self.path, "reading the catalogue"))
    }

    /// A number that changes whenever another connection commits a write to
    /// the file (SQLite's `data_version`); cheap enough to poll. On
    /// PostgreSQL, a sum of what every write moves: the newest article,
    /// the clustering round, the brief generation and the sources' polls.
    pub fn data_version(&self) -> Result<i64, StoreError> {
        let sql = if self.conn.is_postgres() {
            "SELECT coalesce((SELECT max(id) FROM articles), 0) \
             + coalesce((SELECT round FROM cluster_state WHERE id = 1), 0) * 1000003 \
             + coalesce((SELECT generation FROM brief_state WHERE id = 1), 0) * 7919 \
             + coalesce((SELECT CAST(sum(polls) AS BIGINT) FROM sources), 0)"
        } else {
            "PRAGMA data_version"
        };
        self.conn
            .query_opt(sql, &[], |r| r.get(0))
            .map(|v| v.unwrap_or(0))
            .map_err(sql_err(&self.path, "reading the data version"))
    }
}

#[cfg(test)]
mod tests {
    use crate::testdb::both;

    both! {
        fn an_empty_store_has_an_empty_catalogue(store) {
            assert!(store.placements().unwrap().is_empty());
            store.data_version().unwrap();
        }
    }
}
