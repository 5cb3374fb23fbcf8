//! A story read back from the store with everything the analysis and the
//! commands need: its row, its member articles in time order, and their
//! texts. A storyline is read the same way, its events' articles together.

use storyline_model::Published;
use storyline_store::{Store, StoryMember, StoryRow};

use crate::{ArticleView, StoryError, Storyline, sample};

/// One story's (or storyline's) articles, with texts, in time order
/// (undated last).
pub struct StoryView {
    /// The story's summary row; its outlets as the members name them.
    pub row: StoryRow,
    /// Its articles in time order, undated last; one name per outlet.
    pub members: Vec<StoryMember>,
    /// `texts[i]` is the text of `members[i]`.
    pub texts: Vec<String>,
    /// `published[i]` is when `members[i]` was published, if known: the
    /// one place a story's stored times become typed.
    pub published: Vec<Option<Published>>,
    /// `events[i]` is the event (story) `members[i]` belongs to; all the
    /// same for one story.
    pub events: Vec<i64>,
    /// The storyline's events in time order; empty for a single story.
    pub storyline: Vec<StoryRow>,
}

impl StoryView {
    /// Story `id`, or `None` when there is no such story.
    pub fn load(store: &Store, id: i64) -> Result<Option<StoryView>, StoryError> {
        let Some((mut row, mut members)) = store.story(id)? else {
            return Ok(None);
        };
        name_outlets(&mut row, &mut members);
        let texts = store.story_texts(id)?;
        let events = vec![id; members.len()];
        Ok(Some(Self::assemble(
            row,
            members,
            texts,
            events,
            Vec::new(),
        )))
    }

    /// The storyline that story (event) `id` belongs to, read as one view;
    /// `None` when there is no such story.
    pub fn load_line(store: &Store, id: i64) -> Result<Option<StoryView>, StoryError> {
        match Storyline::of(store, id)? {
            Some(line) => Ok(Some(Self::load_storyline(store, &line)?)),
            None => Ok(None),
        }
    }

    /// A storyline's articles, all its events' together in time order; one
    /// event's storyline reads exactly as that story.
    pub fn load_storyline(store: &Store, line: &Storyline) -> Result<StoryView, StoryError> {
        Self::read_storyline(store, line, false)
    }

    /// A storyline as [`crate::brief`] reads it: the articles [`sample`]
    /// picks from its time order, with their texts, and no others. Every
    /// article's row is read (cheap, no text) so that the order, the pick
    /// and the outlets' names are those of [`StoryView::load_storyline`],
    /// and its brief is the same; only the picked texts are read, so a
    /// storyline of any size costs at most [`crate::MAX_READ`] of them.
    pub fn load_sampled(store: &Store, line: &Storyline) -> Result<StoryView, StoryError> {
        Self::read_storyline(store, line, true)
    }

    fn read_storyline(
        store: &Store,
        line: &Storyline,
        sampled: bool,
    ) -> Result<StoryView, StoryError> {
        let (mut all, mut texts, mut events) = (Vec::new(), Vec::new(), Vec::new());
        for e in &line.events {
            if let Some((_, members)) = store.story(e.id)? {
                events.extend(std::iter::repeat_n(e.id, members.len()));
                all.extend(members);
                if !sampled {
                    texts.extend(store.story_texts(e.id)?);
                }
            }
        }
        // Time order across events, as the store orders one story's.
        let mut order: Vec<usize> = (0..all.len()).collect();
        let key = |m: &StoryMember| {
            let p = m.published.as_deref().and_then(Published::parse);
            (p.is_none(), p.map(|p| p.unix_seconds()), m.article_id)
        };
        order.sort_by_key(|&i| key(&all[i]));
        let mut slots: Vec<Option<StoryMember>> = all.into_iter().map(Some).collect();
        let mut members: Vec<StoryMember> = order.iter().filter_map(|&i| slots[i].take()).collect();
        let mut events: Vec<i64> = order.iter().map(|&i| events[i]).collect();
        let (mut row, storyline) = if line.events.len() > 1 {
            (line.row(), line.events.clone())
        } else {
            let row = line.events.first().cloned().unwrap_or_else(|| line.row());
            (row, Vec::new())
        };
        // Outlets are named from every article, before a sample lets most go.
        name_outlets(&mut row, &mut members);
        if sampled {
            let picked = sample(members.len());
            let keep = |i: &usize| picked.binary_search(i).is_ok();
            members = members
                .into_iter()
                .enumerate()
                .filter_map(|(i, m)| keep(&i).then_some(m))
                .collect();
            events = events
                .into_iter()
                .enumerate()
                .filter_map(|(i, e)| keep(&i).then_some(e))
                .collect();
            let mut ids: Vec<i64> = members.iter().map(|m| m.article_id).collect();
            ids.sort_unstable();
            ids.dedup();
            texts = store.texts(&ids)?;
        }
        Ok(Self::assemble(row, members, texts, events, storyline))
    }

    /// The view of `members`, their outlets named already.
    fn assemble(
        row: StoryRow,
        members: Vec<StoryMember>,
        texts: Vec<(i64, String)>,
        events: Vec<i64>,
        storyline: Vec<StoryRow>,
    ) -> StoryView {
        let mut texts: std::collections::HashMap<i64, String> = texts.into_iter().collect();
        let texts = members
            .iter()
            .map(|m| texts.remove(&m.article_id).unwrap_or_default())
            .collect();
        let published = members
            .iter()
            .map(|m| m.published.as_deref().and_then(Published::parse))
            .collect();
        StoryView {
            row,
            members,
            texts,
            published,
            events,
            storyline,
        }
    }

    /// The publication day of member `i`, when it has one.
    pub fn day(&self, i: usize) -> Option<jiff::civil::Date> {
        self.published.get(i).copied().flatten().map(|p| p.day())
    }

    /// The story's articles as the analysis stages read them, in order.
    pub fn articles(&self) -> Vec<ArticleView<'_>> {
        self.members
            .iter()
            .zip(&self.texts)
            .zip(&self.published)
            .map(|((m, text), &p)| ArticleView::of_member(m, text, p))
            .collect()
    }

    /// The timeline of the story.
    pub fn timeline(&self) -> Vec<storyline_timeline::Event> {
        let articles: Vec<storyline_timeline::Article> = self
            .articles()
            .iter()
            .map(ArticleView::for_timeline)
            .collect();
        let mut events = storyline_timeline::build(&articles);
        // An entry is read alone: a "But" or "However" leaning on the
        // sentence before it in the article goes.
        for e in &mut events {
            if let Some(text) = storyline_summary::standalone::without_connective(&e.text) {
                e.text = text;
            }
        }
        events
    }

    /// A short name for member `i`'s source: its outlet, or else the name
    /// of the file it came from, or its id.
    pub fn source(&self, i: usize) -> String {
        self.members.get(i).map(label).unwrap_or_default()
    }
}

/// One name per outlet, its earliest article's, given to each of its
/// articles and to the row's outlet list.
fn name_outlets(row: &mut StoryRow, members: &mut [StoryMember]) {
    // One name per outlet: its earliest article's, so that pages of one
    // site naming it differently ("DW", "dw.com") are shown as one.
    let mut names: std::collections::HashMap<String, Option<String>> =
        std::collections::HashMap::new();
    for m in members.iter_mut() {
        if let Some(outlet) = &m.outlet {
            let name = names
                .entry(outlet.clone())
                .or_insert_with(|| m.outlet_name.clone());
            if name.is_none() {
                *name = m.outlet_name.clone();
            }
        }
    }
    for m in members.iter_mut() {
        if let Some(outlet) = &m.outlet {
            m.outlet_name = names.get(outlet).cloned().flatten();
        }
    }
    // The story's outlet list shows the same names.
    let mut shown: Vec<String> = Vec::with_capacity(row.outlets.len());
    for o in &row.outlets {
        let name = names.get(o).cloned().flatten().unwrap_or_else(|| o.clone());
        if !shown.contains(&name) {
            shown.push(name);
        }
    }
    row.outlets = shown;
}

/// A short name for an article: its outlet's name, or the outlet (its
/// domain), or else the name of the file it came from, or its id.
pub fn label(m: &StoryMember) -> String {
    if let Some(o) = m.outlet_name.as_ref().or(m.outlet.as_ref()) {
        return o.clone();
    }
    let file = m.source.rsplit(['/', '\\']).next().unwrap_or("");
    if file.is_empty() || file == "-" {
        format!("article {}", m.article_id)
    } else {
        file.to_string()
    }
}

impl StoryView {
    /// The people, organisations and places of the story, linked across its
    /// articles (most mentioned first).
    pub fn entities(&self) -> Vec<storyline_entity::Entity> {
        let mentions: Vec<Vec<storyline_entity::Mention>> = self
            .texts
            .iter()
            .map(|t| crate::facts::mentions(t))
            .collect();
        let docs: Vec<(&str, &[storyline_entity::Mention])> = self
            .texts
            .iter()
            .zip(&mentions)
            .map(|(t, m)| (t.as_str(), m.as_slice()))
            .collect();
        storyline_entity::link(&docs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_come_in_time_order_with_their_texts() {
        let store = crate::fixture::harbour();
        let id = store.stories().unwrap()[0].id;
        let view = StoryView::load(&store, id).unwrap().unwrap();
        let days: Vec<String> = (0..3).map(|i| view.day(i).unwrap().to_string()).collect();
        assert_eq!(days, ["2031-03-04", "2031-03-04", "2031-03-05"]);
        assert!(view.texts[2].contains("reopened"));
        assert_eq!(view.source(2), "bayherald.example");
        assert!(StoryView::load(&store, id + 100).unwrap().is_none());
    }

    #[test]
    fn entities_are_linked_across_articles() {
        let view = crate::fixture::harbour_view();
        let brandt = view
            .entities()
            .into_iter()
            .find(|e| e.canonical.contains("Brandt"))
            .expect("the mayor is found");
        let articles: std::collections::BTreeSet<usize> =
            brandt.mentions.iter().map(|m| m.0).collect();
        assert!(articles.len() >= 2, "{articles:?}");
    }

    #[test]
    fn a_sampled_storyline_reads_only_its_sample_and_briefs_as_the_whole() {
        let store = crate::fixture::crowd();
        let lines = Storyline::all(&store).unwrap();
        let json = |s: &storyline_report::Story| serde_json::to_string(s).unwrap();
        let mut big = 0;
        for line in &lines {
            let full = StoryView::load_storyline(&store, line).unwrap();
            let part = StoryView::load_sampled(&store, line).unwrap();
            let n = full.members.len();
            assert_eq!(part.members.len(), n.min(crate::MAX_READ));
            assert_eq!(part.row, full.row);
            // The picked members, in order, with their texts and events.
            for (k, &i) in crate::sample(n).iter().enumerate() {
                assert_eq!(part.members[k], full.members[i]);
                assert_eq!(part.texts[k], full.texts[i]);
                assert_eq!(part.events[k], full.events[i]);
                assert_eq!(part.published[k], full.published[i]);
            }
            if n > crate::MAX_READ && line.events.len() > 1 {
                big += 1;
                // Named from an article the sample may not hold.
                assert!(full.row.outlets.iter().any(|o| o == "Ferry Wire"));
            }
            for words in [crate::DEFAULT_WORDS, 40] {
                let whole = crate::brief(StoryView::load_storyline(&store, line).unwrap(), words);
                let sampled = crate::brief(StoryView::load_sampled(&store, line).unwrap(), words);
                assert_eq!(json(&sampled), json(&whole));
            }
            // What the store keeps is the same story.
            let kept = crate::stored_brief(&store, line.id).unwrap().unwrap();
            assert_eq!(json(&kept), json(&crate::brief(full, crate::DEFAULT_WORDS)));
        }
        assert!(
            big > 0,
            "{:?}",
            lines.iter().map(|l| l.row().articles).collect::<Vec<_>>()
        );
    }

    #[test]
    fn a_member_without_outlet_is_named_by_its_file() {
        let store = crate::fixture::store(&[(None, None, "lonely note", "Nothing much happened.")]);
        let (_, members) = store
            .story(store.stories().unwrap()[0].id)
            .unwrap()
            .unwrap();
        assert_eq!(label(&members[0]), "lonely note.txt");
    }
}
