//! Which stories lead the digest.

use storyline_model::Published;
use storyline_store::StoryRow;

/// Most important first: bigger (articles, and outlets more) and more
/// recent (against the newest story) stories lead.
pub fn rank(rows: &mut [StoryRow]) {
    let days = |r: &StoryRow| {
        r.last_published
            .as_deref()
            .and_then(Published::parse)
            .map(|p| p.unix_seconds() as f64 / 86_400.0)
    };
    let newest = rows.iter().filter_map(days).fold(f64::MIN, f64::max);
    let score = |r: &StoryRow| {
        let age = days(r).map_or(30.0, |d| (newest - d).max(0.0));
        (1.0 + r.articles as f64).ln() + 0.5 * (1.0 + r.outlets.len() as f64).ln() - age / 7.0
    };
    rows.sort_by(|a, b| score(b).total_cmp(&score(a)).then(a.id.cmp(&b.id)));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: i64, articles: u64, outlets: &[&str], last: Option<&str>) -> StoryRow {
        StoryRow {
            id,
            title: None,
            first_published: last.map(str::to_string),
            last_published: last.map(str::to_string),
            articles,
            outlets: outlets.iter().map(|o| o.to_string()).collect(),
        }
    }

    #[test]
    fn bigger_and_newer_stories_lead() {
        let mut rows = vec![
            row(1, 1, &["a.example"], Some("2031-03-05")),
            row(2, 5, &["a.example", "b.example"], Some("2031-03-05")),
            row(3, 5, &["a.example", "b.example"], Some("2031-01-05")),
        ];
        rank(&mut rows);
        let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
        assert_eq!(ids, [2, 1, 3]);
    }
}
