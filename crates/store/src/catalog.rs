//! The catalogue a reader browses: every placed article's metadata with its
//! event and storyline, without texts, in one query; and a cheap counter
//! that says whether another connection has written since it was last read.
//!
//! `storyline serve` keeps this in memory to rank, filter and chart stories
//! without touching the database per request.

use rusqlite::OptionalExtension;

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
            extra_text("outlet_name")
        );
        self.conn
            .prepare(&sql)
            .and_then(|mut st| {
                st.query_map([], |r| {
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
                })?
                .collect::<rusqlite::Result<Vec<_>>>()
            })
            .map_err(sql_err(&self.path, "reading the catalogue"))
    }

    /// A number that changes whenever another connection commits a write to
    /// the file (SQLite's `data_version`); cheap enough to poll.
    pub fn data_version(&self) -> Result<i64, StoreError> {
        self.conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))
            .optional()
            .map(|v| v.unwrap_or(0))
            .map_err(sql_err(&self.path, "reading the data version"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_store_has_an_empty_catalogue() {
        let store = Store::open_in_memory().unwrap();
        assert!(store.placements().unwrap().is_empty());
        store.data_version().unwrap();
    }
}
