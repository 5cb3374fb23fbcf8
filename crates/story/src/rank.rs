//! Which stories lead the digest.
//!
//! Coverage leads: a story many outlets carry matters more than one page,
//! however new the page. Recency only orders stories of like coverage.

use storyline_model::Published;
use storyline_store::StoryRow;

/// How widely a story was carried: its distinct known outlets, or, when
/// no outlet of it is known, its articles.
pub fn reach(r: &StoryRow) -> usize {
    if r.outlets.is_empty() {
        r.articles as usize
    } else {
        r.outlets.len()
    }
}

/// Most important first: by coverage ([`reach`] counts twice, articles
/// once, both on a log scale), then freshness against the newest story,
/// worth at most one outlet's step (an undated story is given none, as
/// nothing says it is current).
pub fn rank(rows: &mut [StoryRow]) {
    let days = |r: &StoryRow| {
        r.last_published
            .as_deref()
            .and_then(Published::parse)
            .map(|p| p.unix_seconds() as f64 / 86_400.0)
    };
    let newest = rows.iter().filter_map(days).fold(f64::MIN, f64::max);
    let score = |r: &StoryRow| {
        let coverage = 2.0 * (1.0 + reach(r) as f64).ln() + (1.0 + r.articles as f64).ln();
        let fresh = days(r).map_or(0.0, |d| 1.0 / (1.0 + (newest - d).max(0.0) / 7.0));
        coverage + fresh
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

    fn ranked(mut rows: Vec<StoryRow>) -> Vec<i64> {
        rank(&mut rows);
        rows.iter().map(|r| r.id).collect()
    }

    #[test]
    fn a_story_many_outlets_carry_leads_a_fresh_single_page() {
        let ids = ranked(vec![
            row(1, 1, &["a.example"], Some("2031-03-05")),
            row(
                2,
                6,
                &["a.example", "b.example", "c.example"],
                Some("2031-01-05"),
            ),
            row(3, 2, &["a.example", "b.example"], Some("2030-03-05")),
        ]);
        assert_eq!(ids, [2, 3, 1]);
    }

    #[test]
    fn undated_stories_of_unknown_outlets_count_their_articles() {
        let ids = ranked(vec![
            row(1, 1, &["a.example"], Some("2031-03-05")),
            row(2, 7, &[], None),
            row(3, 1, &[], None),
            row(4, 2, &[], None),
        ]);
        assert_eq!(ids, [2, 4, 1, 3]);
    }

    #[test]
    fn like_coverage_is_ordered_by_recency() {
        let ids = ranked(vec![
            row(1, 3, &["a.example", "b.example"], Some("2031-01-05")),
            row(2, 3, &["a.example", "b.example"], Some("2031-03-05")),
            row(3, 3, &["a.example", "b.example"], None),
        ]);
        assert_eq!(ids, [2, 1, 3]);
    }
}
