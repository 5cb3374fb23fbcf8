//! The digest: the storylines that matter most, each briefed.

use storyline_model::Published;
use storyline_report::Digest;
use storyline_store::Store;

use crate::stored::read_brief;
use crate::{StoryError, StoryView, Storyline, brief, rank};

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

/// The digest of `store`'s storylines, most important first.
pub fn digest(store: &Store, o: &Options) -> Result<Digest, StoryError> {
    let lines = Storyline::all(store)?;
    let total = lines.len() as u64;
    let mut rows: Vec<_> = lines.iter().map(Storyline::row).collect();
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
    let by_id: std::collections::HashMap<i64, &Storyline> =
        lines.iter().map(|l| (l.id, l)).collect();
    for row in &rows {
        if let Some(line) = by_id.get(&row.id) {
            // The stored brief when it is of this length; else computed.
            let story = match read_brief(store, line.id, o.words)? {
                Some(story) => story,
                None => brief(StoryView::load_sampled(store, line)?, o.words),
            };
            stories.push(story);
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
        let d = digest(&store, &o).unwrap();
        assert_eq!((d.articles, d.stories.len()), (3, 1));
        o.since = "2031-03-06".parse().ok();
        assert!(digest(&store, &o).unwrap().stories.is_empty());
        o.since = "2031-03-05".parse().ok();
        assert_eq!(digest(&store, &o).unwrap().stories.len(), 1);
    }
}
