//! The intake shared by `ingest` and `watch`: extracted articles in, each
//! outlet's boilerplate learned and stripped, articles stored.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::Mutex;

use anyhow::Context;
use rayon::prelude::*;
use storyline_extract::outlet::name_matches_domain;
use storyline_furniture::{Observation, OutletLines};
use storyline_store::{ArticleLines, NewArticle, Store};

use crate::ingest::Outcome;

/// What one batch did.
#[derive(Debug, Default, Clone, Copy)]
pub struct Added {
    /// New articles stored.
    pub stored: u64,
    /// Records already stored (skipped, or found so at insert).
    pub duplicates: u64,
}

/// "Is this record stored already?", asked by the extraction threads on a
/// connection of their own, so they need not wait for the writer.
pub struct Known(Mutex<Store>);

impl Known {
    /// A reading connection to the store at `db`.
    pub fn open(db: &Path) -> anyhow::Result<Known> {
        Ok(Known(Mutex::new(Store::open(db)?)))
    }

    /// Whether a record with this content hash is stored.
    pub fn knows(&self, hash: &str) -> bool {
        self.0
            .lock()
            .ok()
            .and_then(|s| s.contains_hash(hash).ok().flatten())
            .is_some()
    }
}

/// A store taking articles, with the outlets' learned boilerplate.
pub struct Intake {
    store: Store,
    learned: OutletLines,
    /// Outlets seen since the last [`Intake::finish`], with their learned
    /// fingerprint before.
    touched: BTreeSet<String>,
    before: BTreeMap<String, u64>,
}

impl Intake {
    /// Opens the store at `db` and loads what it learned of outlets.
    pub fn open(db: &Path) -> anyhow::Result<Intake> {
        let store = Store::open(db)?;
        // The counts on file decide what is stripped. Each new article adds
        // its own lines to the file's counts as it is stored, so that other
        // writers' articles are counted too and nothing is counted twice;
        // the in-memory copy only learns this process's.
        let (lines, outlets) = store.load_outlet_lines(OutletLines::KEPT_PER_OUTLET)?;
        let learned = OutletLines::load(lines, outlets);
        Ok(Intake {
            store,
            learned,
            touched: BTreeSet::new(),
            before: BTreeMap::new(),
        })
    }

    /// How many (outlet, line) counts are kept in memory.
    pub fn learned_lines(&self) -> usize {
        self.learned.entries().count()
    }

    /// The store, for the stages that follow (clustering).
    pub fn store_mut(&mut self) -> &mut Store {
        &mut self.store
    }

    /// Stores a batch of extraction outcomes in one transaction.
    pub fn add(&mut self, batch: Vec<Outcome>) -> anyhow::Result<Added> {
        let mut added = Added::default();
        let mut kept = Vec::with_capacity(batch.len());
        for outcome in batch {
            match outcome {
                Outcome::Known => added.duplicates += 1,
                Outcome::Article {
                    record,
                    mut article,
                    hash,
                } => {
                    // A name from a text copy joins the outlet's domain when one is known.
                    if let Some(name) = article.outlet.as_deref().filter(|o| !o.contains('.')) {
                        let domain = self
                            .learned
                            .article_counts()
                            .map(|(o, _)| o)
                            .find(|o| name_matches_domain(name, o))
                            .map(str::to_string);
                        if let Some(d) = domain {
                            article.extra.entry("outlet_name").or_insert(name.into());
                            article.outlet = Some(d);
                        }
                    }
                    // A text-less article (waiting for its page) teaches no boilerplate.
                    let seen = match article.outlet.clone().filter(|_| !article.text.is_empty()) {
                        Some(outlet) => {
                            if !self.touched.contains(&outlet) {
                                self.before.insert(
                                    outlet.clone(),
                                    self.learned.learned_fingerprint(&outlet),
                                );
                            }
                            // Worked out once: counted here, and on file with the article.
                            let seen = Observation::new(&outlet, &article.text);
                            if let Some(seen) = &seen {
                                self.learned.add(seen);
                            }
                            article.text = self.learned.strip(&outlet, &article.text);
                            self.touched.insert(outlet);
                            seen
                        }
                        None => None,
                    };
                    kept.push((record, article, hash, seen));
                }
            }
        }
        // Each article's facts, from its clean text, spread over the cores
        // before the write lock is taken; stored with the article.
        let facts: Vec<String> = kept
            .par_iter()
            .map(|(_, a, _, _)| {
                let lang = a.lang.as_ref().map(|l| l.code.as_str());
                storyline_story::facts_json(&a.text, lang, a.published.as_deref())
            })
            .collect();
        let items: Vec<NewArticle<'_>> = kept
            .iter()
            .zip(&facts)
            .map(|((record, article, hash, seen), facts)| NewArticle {
                article,
                hash,
                raw: &record.body,
                lines: seen.as_ref().map(|s| ArticleLines {
                    outlet: s.outlet(),
                    hashes: s.lines(),
                }),
                facts: Some(facts),
            })
            .collect();
        for inserted in self.store.insert_batch(&items)? {
            if inserted.is_new() {
                added.stored += 1;
            } else {
                added.duplicates += 1;
            }
        }
        Ok(added)
    }

    /// Strips boilerplate learned late from the earlier articles of the
    /// outlets seen since the last call; returns how many stored texts
    /// changed. (What was learned is on file already, with the articles.)
    /// Where other writers (workers) added articles of an outlet, its
    /// counts are read back from the file first, so that the last writer
    /// to finish strips by all the outlet's articles, in whatever order
    /// the writers stored them.
    pub fn finish(&mut self) -> anyhow::Result<u64> {
        let mut n = 0;
        for outlet in &self.touched {
            let on_file = self.store.outlet_articles(outlet)?;
            if on_file != self.learned.articles_of(outlet) {
                let (lines, articles) = self
                    .store
                    .outlet_lines_of(outlet, OutletLines::KEPT_PER_OUTLET)?;
                self.learned.replace(outlet, lines, articles);
            }
            let now = self.learned.learned_fingerprint(outlet);
            if now == 0 || self.before.get(outlet).copied().unwrap_or(0) == now {
                continue;
            }
            let texts = self
                .store
                .texts_of_outlet(outlet)
                .with_context(|| format!("reading {outlet}'s articles to re-clean"))?;
            for (id, text) in texts {
                let clean = self.learned.strip(outlet, &text);
                if clean != text && !clean.trim().is_empty() {
                    self.store.update_text(id, &clean)?;
                    n += 1;
                }
            }
        }
        self.touched.clear();
        self.before.clear();
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use storyline_model::{Article, Body, Record};

    fn page(n: u32) -> Outcome {
        let text = format!(
            "Cons\n\nThe Velmora ferry timetable changes in week {n}, the harbour board said on \
             Monday, and crossings to the island will run every hour until the autumn."
        );
        Outcome::Article {
            record: Box::new(Record {
                source: format!("page{n}.txt"),
                body: Body::Text(text.clone()),
                hints: Default::default(),
            }),
            article: Box::new(Article {
                source: format!("page{n}.txt"),
                outlet: Some("harbour.example".into()),
                url: None,
                title: None,
                author: None,
                published: None,
                lang: None,
                text,
                extra: Default::default(),
            }),
            hash: format!("hash{n}"),
        }
    }

    #[test]
    fn the_last_writer_strips_boilerplate_learned_from_every_writers_pages() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("s.db");
        // Two writers, as two workers are: neither alone sees the line in
        // three pages, the minimum for boilerplate.
        let mut a = Intake::open(&db).unwrap();
        let mut b = Intake::open(&db).unwrap();
        a.add(vec![page(1)]).unwrap();
        b.add(vec![page(2)]).unwrap();
        b.add(vec![page(3)]).unwrap();
        a.finish().unwrap();
        b.finish().unwrap();
        let store = Store::open(&db).unwrap();
        let texts = store.texts_of_outlet("harbour.example").unwrap();
        assert_eq!(texts.len(), 3);
        for (_, text) in texts {
            assert!(text.starts_with("The Velmora ferry"), "{text}");
        }
    }
}
