//! The digest: the stories that matter most, each briefed.

use storyline_model::Published;
use storyline_report::Digest;
use storyline_store::Store;

use crate::{StoryError, StoryView, brief, rank};

/// What a digest shows.
#[derive(Debug, Clone)]
pub struct Options {
    /// Only stories with an article published on or after this day.
    pub since: Option<jiff::civil::Date>,
    /// Summary length in words.
    pub words: usize,
    /// Stories shown.
    pub limit: usize,
}

/// The digest of `store`'s stories (of `total` in all, as the last
/// clustering round counted them), most important first.
pub fn digest(store: &Store, o: &Options, total: u64) -> Result<Digest, StoryError> {
    let mut rows = store.stories()?;
    if let Some(since) = &o.since {
        rows.retain(|r| {
            r.last_published
                .as_deref()
                .and_then(Published::parse)
                .is_some_and(|p| p.day() >= *since)
        });
    }
    rank(&mut rows);
    rows.truncate(o.limit);
    let mut stories = Vec::with_capacity(rows.len());
    for row in &rows {
        if let Some(view) = StoryView::load(store, row.id)? {
            stories.push(brief(view, o.words));
        }
    }
    Ok(Digest {
        generated: jiff::Timestamp::now()
            .round(jiff::Unit::Second)
            .unwrap_or_else(|_| jiff::Timestamp::now())
            .to_string(),
        since: o.since.map(|d| d.to_string()),
        articles: store.count()?,
        stories_total: total,
        stories,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_digest_lists_the_stories_since_a_day() {
        let store = crate::fixture::harbour();
        let mut o = Options {
            since: None,
            words: 60,
            limit: 10,
        };
        let d = digest(&store, &o, 1).unwrap();
        assert_eq!((d.articles, d.stories.len()), (3, 1));
        o.since = "2031-03-06".parse().ok();
        assert!(digest(&store, &o, 1).unwrap().stories.is_empty());
        o.since = "2031-03-05".parse().ok();
        assert_eq!(digest(&store, &o, 1).unwrap().stories.len(), 1);
    }
}
