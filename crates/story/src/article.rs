//! One article as the analysis stages read it.
//!
//! Each stage takes its own small input struct (clustering a `Doc`, the
//! summary a `Source`, comparison and timeline an `Article`); they are all
//! built here, from one borrowed view, so that what a stage is told about
//! an article (which title, which time, which outlet) is decided once.

use storyline_model::Published;
use storyline_store::{StoryInput, StoryMember};

/// An article, borrowed from wherever it is held (a store row and its text).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ArticleView<'a> {
    /// The clean text.
    pub text: &'a str,
    /// The headline, when known.
    pub title: Option<&'a str>,
    /// The outlet as stored: its domain, or a name the text gave.
    pub outlet: Option<&'a str>,
    /// When it was published, if known.
    pub published: Option<Published>,
    /// Where it was published, if known.
    pub url: Option<&'a str>,
}

impl<'a> ArticleView<'a> {
    /// A story member with its text and typed time.
    pub fn of_member(m: &'a StoryMember, text: &'a str, published: Option<Published>) -> Self {
        ArticleView {
            text,
            title: m.title.as_deref(),
            outlet: m.outlet.as_deref(),
            published,
            url: m.url.as_deref(),
        }
    }

    /// An article waiting to be clustered.
    pub fn of_input(a: &'a StoryInput) -> Self {
        ArticleView {
            text: &a.text,
            title: a.title.as_deref(),
            outlet: a.outlet.as_deref(),
            published: a.published.as_deref().and_then(Published::parse),
            url: None,
        }
    }

    fn seconds(&self) -> Option<i64> {
        self.published.map(|p| p.unix_seconds())
    }

    /// As clustering reads it, under `id`.
    pub fn for_clustering(&self, id: &'a str) -> storyline_cluster::Doc<'a> {
        storyline_cluster::Doc {
            id,
            time: self.seconds(),
            title: self.title.unwrap_or(""),
            text: self.text,
            outlet: self.outlet,
        }
    }

    /// As the summary reads it.
    pub fn for_summary(&self) -> storyline_summary::Source<'a> {
        storyline_summary::Source {
            id: "",
            title: self.title.unwrap_or(""),
            text: self.text,
            time: self.seconds(),
            outlet: self.outlet,
        }
    }

    /// As the comparison of outlets reads it, under `outlet`: the name a
    /// reader knows it by ([`crate::label`]), so that one site's pages
    /// count as one outlet.
    pub fn for_comparison(&self, outlet: &'a str) -> storyline_compare::Article<'a> {
        storyline_compare::Article {
            outlet,
            time: self.seconds(),
            title: self.title.unwrap_or(""),
            text: self.text,
        }
    }

    /// As the timeline reads it: dated by the publisher's day.
    pub fn for_timeline(&self) -> storyline_timeline::Article<'a> {
        storyline_timeline::Article {
            text: self.text,
            published: self.published.map(|p| p.day()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_stage_is_told_the_same_time_title_and_text() {
        let input = StoryInput {
            article_id: 7,
            hash: "7".into(),
            round: None,
            published: Some("2031-03-04T23:30:00-05:00".into()),
            title: Some("Velmora pier broken".into()),
            text: "The northern pier broke.".into(),
            outlet: Some("coastpost.example".into()),
            source: "pier.html".into(),
        };
        let view = ArticleView::of_input(&input);
        let doc = view.for_clustering("7");
        let source = view.for_summary();
        let compared = view.for_comparison("Coast Post");
        let timed = view.for_timeline();
        let at = Some(1_930_451_400);
        assert_eq!((doc.time, source.time, compared.time), (at, at, at));
        assert_eq!(timed.published, "2031-03-04".parse().ok());
        assert_eq!(
            (doc.title, source.title, compared.title),
            (
                "Velmora pier broken",
                "Velmora pier broken",
                "Velmora pier broken"
            )
        );
        assert_eq!(compared.outlet, "Coast Post");
        assert_eq!(doc.text, timed.text);
    }

    #[test]
    fn an_untitled_undated_article_gives_empty_titles_and_no_time() {
        let input = StoryInput {
            article_id: 1,
            hash: "1".into(),
            round: None,
            published: None,
            title: None,
            text: String::new(),
            outlet: None,
            source: String::new(),
        };
        let view = ArticleView::of_input(&input);
        assert_eq!(view.for_summary().title, "");
        assert_eq!(view.for_clustering("1").time, None);
        assert_eq!(view.for_timeline().published, None);
    }
}
