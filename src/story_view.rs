//! A story read back from the store with everything the presentation
//! commands need: its row, its member articles in time order, and their
//! texts.

use storyline_store::{Store, StoryMember, StoryRow};

/// One story's articles, with texts, in time order (undated last).
pub struct StoryView {
    pub row: StoryRow,
    pub members: Vec<StoryMember>,
    /// `texts[i]` is the text of `members[i]`.
    pub texts: Vec<String>,
}

impl StoryView {
    /// Story `id`, or `None` when there is no such story.
    pub fn load(store: &Store, id: i64) -> anyhow::Result<Option<StoryView>> {
        let Some((row, members)) = store.story(id)? else {
            return Ok(None);
        };
        let mut texts: std::collections::HashMap<i64, String> =
            store.story_texts(id)?.into_iter().collect();
        let texts = members
            .iter()
            .map(|m| texts.remove(&m.article_id).unwrap_or_default())
            .collect();
        Ok(Some(StoryView {
            row,
            members,
            texts,
        }))
    }

    /// The publication day of member `i`, when it has one.
    pub fn day(&self, i: usize) -> Option<jiff::civil::Date> {
        let p = self.members.get(i)?.published.as_deref()?;
        p.get(..10)?.parse().ok()
    }

    /// The timeline of the story.
    pub fn timeline(&self) -> Vec<storyline_timeline::Event> {
        let articles: Vec<storyline_timeline::Article> = self
            .texts
            .iter()
            .enumerate()
            .map(|(i, text)| storyline_timeline::Article {
                text,
                published: self.day(i),
            })
            .collect();
        storyline_timeline::build(&articles)
    }

    /// A short name for member `i`'s source: its outlet, or its id.
    pub fn source(&self, i: usize) -> String {
        match self.members.get(i) {
            Some(m) => m
                .outlet
                .clone()
                .unwrap_or_else(|| format!("article {}", m.article_id)),
            None => String::new(),
        }
    }
}
