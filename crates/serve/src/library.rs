//! The catalogue the server answers from: every storyline, ranked as the
//! digest ranks them, with its articles' metadata (no texts), held in
//! memory and replaced whole when the database changes.
//!
//! Pages filter, page and chart from here without a query per request;
//! only what a page shows of one story (its stored brief) is read from the
//! database, and the rendered page is cached.

use std::collections::{BTreeMap, HashMap};

use jiff::civil::Date;
use storyline_model::Published;
use storyline_store::{Placement, Store, StoryRow};
use storyline_story::{Storyline, rank};

use crate::ServeError;

/// One storyline as the catalogue holds it.
#[derive(Debug, Clone)]
pub struct Line {
    /// The storyline's id.
    pub id: i64,
    /// Its working headline: its latest development's title.
    pub title: String,
    /// Its place in the ranking, from 0.
    pub rank: usize,
    /// Its events (stories), in time order.
    pub events: Vec<StoryRow>,
    /// Its articles, as positions in [`Library::articles`], in time order
    /// (undated last).
    pub articles: Vec<u32>,
    /// The outlets that covered it, sorted.
    pub outlets: Vec<String>,
    /// Its articles' languages, sorted.
    pub langs: Vec<String>,
    /// Every name its outlets go by (domains and display names), lower
    /// case, sorted: what the outlet filter matches.
    outlet_keys: Vec<String>,
    /// Its earliest and latest dated article.
    pub first: Option<Published>,
    /// See `first`.
    pub last: Option<Published>,
}

impl Line {
    /// Articles per day, oldest day first (dated articles only).
    pub fn days(&self, lib: &Library) -> Vec<(Date, u32)> {
        let mut days: BTreeMap<Date, u32> = BTreeMap::new();
        for &i in &self.articles {
            if let Some(p) = lib.articles[i as usize]
                .published
                .as_deref()
                .and_then(Published::parse)
            {
                *days.entry(p.day()).or_default() += 1;
            }
        }
        days.into_iter().collect()
    }
}

/// What a reader narrows the stories to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Stories with an article on or after this day.
    pub from: Option<Date>,
    /// Stories with an article on or before this day.
    pub to: Option<Date>,
    /// Stories this outlet covered (its domain or display name).
    pub outlet: Option<String>,
    /// Stories with an article in this language.
    pub lang: Option<String>,
    /// Stories in which this person or organisation appears: the caller
    /// resolves the name to storylines.
    pub lines: Option<Vec<i64>>,
}

impl Filter {
    /// Whether any narrowing is asked for.
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }
}

/// Every storyline and placed article, ranked and indexed.
#[derive(Debug, Default)]
pub struct Library {
    /// Changes whenever the library is rebuilt from a changed database.
    pub generation: u64,
    /// Storylines, most important first.
    pub lines: Vec<Line>,
    /// Every placed article, by id.
    pub articles: Vec<Placement>,
    line_at: HashMap<i64, usize>,
    event_line: HashMap<i64, i64>,
    article_at: HashMap<i64, u32>,
    /// Outlets with their article counts, most articles first.
    pub outlets: Vec<(String, usize)>,
    /// Languages with their article counts, most articles first.
    pub langs: Vec<(String, usize)>,
}

impl Library {
    /// Reads the catalogue from `store`.
    pub fn load(store: &Store, generation: u64) -> Result<Library, ServeError> {
        let storylines = Storyline::all(store)?;
        let articles = store.placements()?;
        let mut rows: Vec<StoryRow> = storylines.iter().map(Storyline::row).collect();
        rank(&mut rows);
        let mut events: HashMap<i64, Vec<StoryRow>> =
            storylines.into_iter().map(|l| (l.id, l.events)).collect();
        let mut members: HashMap<i64, Vec<u32>> = HashMap::new();
        let mut outlets: HashMap<&str, usize> = HashMap::new();
        let mut langs: HashMap<&str, usize> = HashMap::new();
        for (i, a) in articles.iter().enumerate() {
            members.entry(a.storyline_id).or_default().push(i as u32);
            if let Some(o) = outlet_of(a) {
                *outlets.entry(o).or_default() += 1;
            }
            if let Some(l) = a.lang.as_deref() {
                *langs.entry(l).or_default() += 1;
            }
        }
        let when = |i: &u32| {
            articles[*i as usize]
                .published
                .as_deref()
                .and_then(Published::parse)
                .map(|p| p.unix_seconds())
        };
        let lines: Vec<Line> = rows
            .into_iter()
            .enumerate()
            .map(|(rank, row)| {
                let mut own = members.remove(&row.id).unwrap_or_default();
                own.sort_by_key(|i| (when(i).is_none(), when(i), *i));
                let mut langs: Vec<String> = own
                    .iter()
                    .filter_map(|&i| articles[i as usize].lang.clone())
                    .collect();
                langs.sort();
                langs.dedup();
                let mut line_outlets: Vec<String> = own
                    .iter()
                    .filter_map(|&i| outlet_of(&articles[i as usize]).map(str::to_string))
                    .collect();
                line_outlets.sort();
                line_outlets.dedup();
                let mut outlet_keys: Vec<String> = own
                    .iter()
                    .flat_map(|&i| {
                        let a = &articles[i as usize];
                        [a.outlet.as_deref(), a.outlet_name.as_deref()]
                    })
                    .flatten()
                    .map(str::to_lowercase)
                    .collect();
                outlet_keys.sort();
                outlet_keys.dedup();
                Line {
                    id: row.id,
                    title: row.title.clone().unwrap_or_default(),
                    rank,
                    events: events.remove(&row.id).unwrap_or_default(),
                    first: row.first_published.as_deref().and_then(Published::parse),
                    last: row.last_published.as_deref().and_then(Published::parse),
                    articles: own,
                    outlets: line_outlets,
                    langs,
                    outlet_keys,
                }
            })
            .collect();
        let count = |m: HashMap<&str, usize>| {
            let mut v: Vec<(String, usize)> =
                m.into_iter().map(|(k, n)| (k.to_string(), n)).collect();
            v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            v
        };
        let (outlets, langs) = (count(outlets), count(langs));
        Ok(Library {
            generation,
            line_at: lines.iter().enumerate().map(|(i, l)| (l.id, i)).collect(),
            event_line: lines
                .iter()
                .flat_map(|l| l.events.iter().map(move |e| (e.id, l.id)))
                .collect(),
            article_at: articles
                .iter()
                .enumerate()
                .map(|(i, a)| (a.article_id, i as u32))
                .collect(),
            lines,
            articles,
            outlets,
            langs,
        })
    }

    /// The storyline with id `id`, or the one its event `id` belongs to.
    pub fn line(&self, id: i64) -> Option<&Line> {
        if let Some(&i) = self.line_at.get(&id) {
            return Some(&self.lines[i]);
        }
        let event_line = self.event_line.get(&id)?;
        self.line_at.get(event_line).map(|&i| &self.lines[i])
    }

    /// The article with id `id`.
    pub fn article(&self, id: i64) -> Option<&Placement> {
        self.article_at
            .get(&id)
            .map(|&i| &self.articles[i as usize])
    }

    /// The storyline article `id` belongs to now.
    pub fn line_of(&self, article: i64) -> Option<i64> {
        self.article(article).map(|a| a.storyline_id)
    }

    /// The storylines `f` lets through, in rank order.
    pub fn filtered<'a>(&'a self, f: &'a Filter) -> impl Iterator<Item = &'a Line> + 'a {
        let outlet = f.outlet.as_deref().map(str::to_lowercase);
        self.lines.iter().filter(move |l| {
            if let Some(ids) = &f.lines
                && !ids.contains(&l.id)
            {
                return false;
            }
            if let Some(o) = &outlet
                && l.outlet_keys.binary_search(o).is_err()
            {
                return false;
            }
            if let Some(lang) = &f.lang
                && !l.langs.iter().any(|x| x.eq_ignore_ascii_case(lang))
            {
                return false;
            }
            if f.from.is_none() && f.to.is_none() {
                return true;
            }
            // Some article inside the range.
            l.articles.iter().any(|&i| {
                self.articles[i as usize]
                    .published
                    .as_deref()
                    .and_then(Published::parse)
                    .is_some_and(|p| {
                        let d = p.day();
                        f.from.is_none_or(|from| d >= from) && f.to.is_none_or(|to| d <= to)
                    })
            })
        })
    }
}

/// The name an article's outlet is shown by: its display name, else its
/// domain.
pub fn outlet_of(a: &Placement) -> Option<&str> {
    a.outlet_name.as_deref().or(a.outlet.as_deref())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_database_is_an_empty_library() {
        let store = Store::open_in_memory().unwrap();
        let lib = Library::load(&store, 1).unwrap();
        assert!(lib.lines.is_empty() && lib.articles.is_empty());
        assert!(lib.line(1).is_none());
        assert_eq!(lib.filtered(&Filter::default()).count(), 0);
    }
}
