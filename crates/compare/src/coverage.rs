//! Coverage: which articles each outlet ran, and when.
//!
//! Outlets are ordered by their first publication time; outlets without
//! any dated article come last, in the order they first appear.

use crate::story::Story;

/// One outlet's articles and publication span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coverage {
    /// The outlet's name.
    pub outlet: String,
    /// Its articles (indices into the caller's `articles`), ascending.
    pub articles: Vec<usize>,
    /// Earliest publication time among its dated articles (unix seconds).
    pub first: Option<i64>,
    /// Latest publication time among its dated articles (unix seconds).
    pub last: Option<i64>,
}

/// Earliest and latest time of an outlet's dated articles.
fn span(story: &Story, outlet: usize) -> (Option<i64>, Option<i64>) {
    let times = story
        .outlets
        .get(outlet)
        .into_iter()
        .flat_map(|o| o.articles.iter())
        .filter_map(|&a| story.articles.get(a)?.time);
    times.fold((None, None), |(lo, hi): (Option<i64>, Option<i64>), t| {
        (
            Some(lo.map_or(t, |l| l.min(t))),
            Some(hi.map_or(t, |h| h.max(t))),
        )
    })
}

/// Outlet ids in coverage order: by first publication, undated last.
pub(crate) fn order(story: &Story) -> Vec<usize> {
    let mut ids: Vec<(usize, Option<i64>)> = (0..story.outlets.len())
        .map(|o| (o, span(story, o).0))
        .collect();
    // Stable: ties keep the order of first appearance.
    ids.sort_by_key(|&(_, first)| (first.is_none(), first));
    ids.into_iter().map(|(o, _)| o).collect()
}

/// The coverage of each outlet, in `order`.
pub(crate) fn coverage(story: &Story, order: &[usize]) -> Vec<Coverage> {
    order
        .iter()
        .filter_map(|&o| {
            let outlet = story.outlets.get(o)?;
            let (first, last) = span(story, o);
            Some(Coverage {
                outlet: outlet.name.clone(),
                articles: outlet.articles.clone(),
                first,
                last,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::{Article, compare};

    fn art(outlet: &'static str, time: Option<i64>) -> Article<'static> {
        Article {
            outlet,
            time,
            title: "A title",
            text: "Some text here.",
        }
    }

    #[test]
    fn orders_by_first_publication_undated_last() {
        let arts = [
            art("Daily Post", None),
            art("Wire", Some(200)),
            art("daily  post", Some(300)),
            art("Herald", Some(100)),
            art("", None),
            art(" ", None),
        ];
        let c = compare(&arts, &[]).coverage;
        let names: Vec<&str> = c.iter().map(|c| c.outlet.as_str()).collect();
        // Two articles of unknown outlets are two sources, not one outlet.
        assert_eq!(
            names,
            vec![
                "Herald",
                "Wire",
                "Daily Post",
                "unknown outlet [5]",
                "unknown outlet [6]"
            ]
        );
        assert_eq!(c[2].articles, vec![0, 2]);
        assert_eq!((c[2].first, c[2].last), (Some(300), Some(300)));
        assert_eq!(c[3].first, None);
    }
}
