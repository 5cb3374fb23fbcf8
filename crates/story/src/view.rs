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

/// One name per outlet, given to each of its articles and to the row's
/// outlet list, so that pages of one site naming it differently ("DW",
/// "dw.com") are shown as one. Of the names its articles carry, one that
/// reads as the site's own comes first: a feed or a data set may put a
/// columnist's name where the outlet's goes, and a story whose earliest
/// New York Times article was a column showed the paper's news reports
/// under the columnist's name. Then the most used; then the earliest.
fn name_outlets(row: &mut StoryRow, members: &mut [StoryMember]) {
    // Per outlet: (name, articles carrying it, first member carrying it).
    let mut seen: std::collections::HashMap<&str, Vec<(&str, usize, usize)>> =
        std::collections::HashMap::new();
    for (i, m) in members.iter().enumerate() {
        let (Some(outlet), Some(name)) = (&m.outlet, &m.outlet_name) else {
            continue;
        };
        let names = seen.entry(outlet.as_str()).or_default();
        match names.iter_mut().find(|(n, _, _)| *n == name.as_str()) {
            Some(entry) => entry.1 += 1,
            None => names.push((name.as_str(), 1, i)),
        }
    }
    // Every outlet in `seen` has at least one name.
    let names: std::collections::HashMap<String, String> = seen
        .into_iter()
        .filter_map(|(outlet, names)| {
            let best = names.iter().max_by_key(|&&(name, count, first)| {
                (names_site(name, outlet), count, std::cmp::Reverse(first))
            })?;
            Some((outlet.to_string(), best.0.to_string()))
        })
        .collect();
    for m in members.iter_mut() {
        if let Some(outlet) = &m.outlet {
            m.outlet_name = names.get(outlet).cloned();
        }
    }
    // The story's outlet list shows the same names.
    let mut shown: Vec<String> = Vec::with_capacity(row.outlets.len());
    for o in &row.outlets {
        let name = names.get(o).cloned().unwrap_or_else(|| o.clone());
        if !shown.contains(&name) {
            shown.push(name);
        }
    }
    row.outlets = shown;
}

/// Whether `name` reads as the name of the site `domain`: a word of it
/// (three letters or more, not a generic one) is in one of the domain's
/// labels ("The Hill", thehill.com; "Fox News", foxnews.com), or its
/// initials or an acronym in it begin one ("New York Times", nytimes.com;
/// "DW", dw.com). A person's name seldom does.
fn names_site(name: &str, domain: &str) -> bool {
    const GENERIC: [&str; 6] = ["the", "and", "news", "online", "opinion", "www"];
    let domain = domain.to_lowercase();
    let mut labels: Vec<&str> = domain
        .split('.')
        .filter(|l| !l.is_empty() && *l != "www")
        .collect();
    // The last label is the top-level domain.
    if labels.len() > 1 {
        labels.pop();
    }
    let words: Vec<&str> = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let begins =
        |head: &str| head.chars().count() >= 2 && labels.iter().any(|l| l.starts_with(head));
    let initials: String = words
        .iter()
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_lowercase)
        .collect();
    words.iter().any(|w| {
        let lower = w.to_lowercase();
        let acronym = w.chars().count() >= 2 && w.chars().all(|c| c.is_uppercase());
        (lower.chars().count() >= 3
            && !GENERIC.contains(&lower.as_str())
            && labels.iter().any(|l| l.contains(&lower)))
            || (acronym && begins(&lower))
    }) || (words.len() >= 2 && begins(&initials))
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
    fn a_site_is_named_by_its_own_name_not_a_columnist() {
        for (name, domain) in [
            ("The Hill", "thehill.com"),
            ("Fox News (Online News)", "foxnews.com"),
            ("New York Times (News)", "www.nytimes.com"),
            ("DW", "dw.com"),
            ("Deutsche Welle", "dw.com"),
            ("Associated Press", "apnews.com"),
            ("BBC News", "bbc.co.uk"),
        ] {
            assert!(names_site(name, domain), "{name} {domain}");
        }
        for (name, domain) in [
            ("Orla Brennan", "nytimes.com"),
            ("Guest Writer - Center", "thehill.com"),
            ("The Daily Record", "heraldnews.example"),
        ] {
            assert!(!names_site(name, domain), "{name} {domain}");
        }
        // Two columns came first; the paper's own report names it.
        let store = crate::fixture::harbour();
        let id = store.stories().unwrap()[0].id;
        let (mut row, mut members) = store.story(id).unwrap().unwrap();
        for (m, name) in members
            .iter_mut()
            .zip(["Orla Brennan", "Orla Brennan", "Bay Herald"])
        {
            m.outlet = Some("bayherald.example".into());
            m.outlet_name = Some(name.into());
        }
        row.outlets = vec!["bayherald.example".into()];
        name_outlets(&mut row, &mut members);
        assert!(
            members
                .iter()
                .all(|m| m.outlet_name.as_deref() == Some("Bay Herald"))
        );
        assert_eq!(row.outlets, ["Bay Herald"]);
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
