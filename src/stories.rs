//! The analyse stage's story step: stored articles -> stories.
//!
//! Articles are clustered as one time-ordered stream (`storyline-cluster`),
//! and the result replaces the stored stories in one transaction. The
//! clustering is deterministic for a given set of articles, so a rebuild
//! over the database always gives the same stories.

use std::collections::{BTreeMap, BTreeSet};

use storyline_cluster::{Clusterer, Config, Doc, Labels, stream_order};
use storyline_store::{Membership, Store, StoryRow};

/// Re-clusters every stored article and stores the stories; returns how
/// many stories there are.
pub fn rebuild(store: &mut Store) -> anyhow::Result<usize> {
    let inputs = store.story_inputs()?;
    let ids: Vec<String> = inputs.iter().map(|a| a.article_id.to_string()).collect();
    let docs: Vec<Doc> = inputs
        .iter()
        .zip(&ids)
        .map(|(a, id)| Doc {
            id,
            time: a.published.as_deref().and_then(unix_seconds),
            title: a.title.as_deref().unwrap_or(""),
            text: &a.text,
            outlet: a.outlet.as_deref(),
        })
        .collect();
    let mut clusterer = Clusterer::new(Config::default());
    let mut labels = Labels::new();
    let mut copy_of: BTreeMap<i64, i64> = BTreeMap::new();
    for i in stream_order(&docs) {
        let a = clusterer.add(&docs[i]);
        if let Some(original) = a.duplicate_of.as_deref().and_then(|d| d.parse().ok()) {
            copy_of.insert(inputs[i].article_id, original);
        }
        labels.record(docs[i].id, &a);
    }
    let by_id: BTreeMap<i64, usize> = inputs
        .iter()
        .enumerate()
        .map(|(i, a)| (a.article_id, i))
        .collect();
    let mut groups: BTreeMap<u64, Vec<i64>> = BTreeMap::new();
    for (id, story) in labels.iter() {
        if let Ok(id) = id.parse::<i64>() {
            groups.entry(story).or_default().push(id);
        }
    }
    let mut stories = Vec::with_capacity(groups.len());
    let mut members = Vec::with_capacity(inputs.len());
    for (story, mut articles) in groups {
        articles.sort_unstable();
        articles.dedup();
        let story_id = i64::try_from(story).unwrap_or(i64::MAX);
        let rows: Vec<&storyline_store::StoryInput> = articles
            .iter()
            .filter_map(|id| by_id.get(id))
            .map(|&i| &inputs[i])
            .collect();
        let dated = rows.iter().filter_map(|r| r.published.as_deref());
        let first = dated.clone().min().map(str::to_string);
        let last = dated.max().map(str::to_string);
        let outlets: BTreeSet<String> = rows.iter().filter_map(|r| r.outlet.clone()).collect();
        // The working title: the headline of the story's first article.
        let title = rows
            .iter()
            .filter(|r| r.title.is_some())
            .min_by_key(|r| (r.published.is_none(), r.published.clone(), r.article_id))
            .and_then(|r| r.title.clone());
        stories.push(StoryRow {
            id: story_id,
            title,
            first_published: first,
            last_published: last,
            articles: rows.len() as u64,
            outlets: outlets.into_iter().collect(),
        });
        for id in articles {
            members.push(Membership {
                article_id: id,
                story_id,
                duplicate_of: copy_of.get(&id).copied(),
            });
        }
    }
    store.replace_stories(&stories, &members)?;
    Ok(stories.len())
}

/// A stored publication date (`YYYY-MM-DD` or RFC 3339) as unix seconds;
/// a bare day counts from its midnight UTC.
pub fn unix_seconds(s: &str) -> Option<i64> {
    let s = s.trim();
    if let Ok(ts) = s.parse::<jiff::Timestamp>() {
        return Some(ts.as_second());
    }
    let utc = jiff::tz::TimeZone::UTC;
    if let Ok(dt) = s.parse::<jiff::civil::DateTime>() {
        return dt.to_zoned(utc).ok().map(|z| z.timestamp().as_second());
    }
    s.get(..10)?
        .parse::<jiff::civil::Date>()
        .ok()
        .and_then(|d| d.to_zoned(utc).ok())
        .map(|z| z.timestamp().as_second())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_as_seconds() {
        assert_eq!(unix_seconds("1970-01-02"), Some(86_400));
        assert_eq!(unix_seconds("1970-01-01T01:00:00+01:00"), Some(0));
        assert_eq!(unix_seconds("1970-01-01T00:01:00"), Some(60));
        assert_eq!(unix_seconds("soon"), None);
        assert_eq!(unix_seconds(""), None);
    }
}
