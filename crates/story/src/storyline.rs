//! A storyline as the reader meets it: stories (events) linked into one
//! developing story, read back from the store.

use storyline_model::Published;
use storyline_store::{Store, StoryRow};

use crate::StoryError;

/// How long after the newest event's first article another event still
/// counts as the same day's news, in seconds.
const LATEST_DAY: i64 = 86_400;

/// One developing story: its events in time order (undated last).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Storyline {
    /// The storyline's id: the id of its first event.
    pub id: i64,
    /// Its events, each a story row, in time order of their first article.
    pub events: Vec<StoryRow>,
}

impl Storyline {
    /// Every storyline of the store.
    pub fn all(store: &Store) -> Result<Vec<Storyline>, StoryError> {
        Ok(store
            .storylines()?
            .into_iter()
            .map(|(id, events)| Storyline { id, events })
            .collect())
    }

    /// The storyline that story (event) `id` belongs to; a storyline's own
    /// id is the id of its first event, so either finds it.
    pub fn of(store: &Store, id: i64) -> Result<Option<Storyline>, StoryError> {
        Ok(store
            .storyline_of(id)?
            .map(|(id, events)| Storyline { id, events }))
    }

    /// The latest development: of the events whose first article came
    /// within a day of the newest one, the most reported (a column that
    /// came out an hour after the day's news is no development of its
    /// own), then the newest; an undated event only when none is dated.
    pub fn latest(&self) -> Option<&StoryRow> {
        let dated: Vec<(&StoryRow, i64)> = self
            .events
            .iter()
            .filter_map(|r| {
                let p = Published::parse(r.first_published.as_deref()?)?;
                Some((r, p.unix_seconds()))
            })
            .collect();
        let Some(newest) = dated.iter().map(|&(_, t)| t).max() else {
            return self.events.last();
        };
        dated
            .into_iter()
            .filter(|&(_, t)| newest - t <= LATEST_DAY)
            .max_by_key(|&(r, t)| (r.articles, t, std::cmp::Reverse(r.id)))
            .map(|(r, _)| r)
    }

    /// The storyline as one row: its id, its latest development's title,
    /// its whole span, all its articles and outlets.
    pub fn row(&self) -> StoryRow {
        let times = |f: fn(&StoryRow) -> Option<&String>| {
            self.events
                .iter()
                .filter_map(move |r| f(r).and_then(|s| Some((Published::parse(s)?, s))))
        };
        let first = times(|r| r.first_published.as_ref())
            .min_by_key(|(p, _)| p.unix_seconds())
            .map(|(_, s)| s.clone());
        let last = times(|r| r.last_published.as_ref())
            .max_by_key(|(p, _)| p.unix_seconds())
            .map(|(_, s)| s.clone());
        let mut outlets: Vec<String> = self
            .events
            .iter()
            .flat_map(|r| r.outlets.iter().cloned())
            .collect();
        outlets.sort();
        outlets.dedup();
        StoryRow {
            id: self.id,
            title: self.latest().and_then(|r| r.title.clone()),
            first_published: first,
            last_published: last,
            articles: self.events.iter().map(|r| r.articles).sum(),
            outlets,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(
        id: i64,
        title: &str,
        first: Option<&str>,
        last: Option<&str>,
        outlets: &[&str],
    ) -> StoryRow {
        StoryRow {
            id,
            title: Some(title.into()),
            first_published: first.map(str::to_string),
            last_published: last.map(str::to_string),
            articles: 2,
            outlets: outlets.iter().map(|o| o.to_string()).collect(),
        }
    }

    #[test]
    fn a_storyline_reads_as_its_latest_development_over_its_whole_span() {
        let line = Storyline {
            id: 3,
            events: vec![
                row(
                    3,
                    "Trial opens",
                    Some("2025-11-12"),
                    Some("2025-11-13"),
                    &["a.example"],
                ),
                row(
                    9,
                    "Mayor convicted",
                    Some("2025-11-28T15:30:00+01:00"),
                    Some("2025-11-29"),
                    &["b.example", "a.example"],
                ),
                row(5, "Undated note", None, None, &[]),
            ],
        };
        assert_eq!(line.latest().map(|r| r.id), Some(9));
        let r = line.row();
        assert_eq!(r.id, 3);
        assert_eq!(r.title.as_deref(), Some("Mayor convicted"));
        assert_eq!(r.first_published.as_deref(), Some("2025-11-12"));
        assert_eq!(r.last_published.as_deref(), Some("2025-11-29"));
        assert_eq!(r.articles, 6);
        assert_eq!(r.outlets, ["a.example", "b.example"]);
    }

    #[test]
    fn the_latest_development_is_the_most_reported_of_the_last_day() {
        let mut verdict = row(
            9,
            "Mayor convicted",
            Some("2025-11-28T09:00:00Z"),
            None,
            &[],
        );
        verdict.articles = 5;
        let column = row(
            12,
            "What the verdict means",
            Some("2025-11-28T15:00:00Z"),
            None,
            &[],
        );
        let trial = row(3, "Trial opens", Some("2025-11-12"), None, &[]);
        let line = Storyline {
            id: 3,
            events: vec![trial.clone(), verdict, column.clone()],
        };
        assert_eq!(line.latest().map(|r| r.id), Some(9));
        // A day or more later, the newer event is the development.
        let mut appeal = column;
        appeal.first_published = Some("2025-11-30T15:00:00Z".into());
        let line = Storyline {
            id: 3,
            events: vec![trial, line.events[1].clone(), appeal],
        };
        assert_eq!(line.latest().map(|r| r.id), Some(12));
    }
}
