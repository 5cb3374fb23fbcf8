//! The example corpus's source data (`source/outlets.toml` and
//! `source/stories/*.toml`), loaded into articles in publication order.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use jiff::Timestamp;
use serde::Deserialize;

use crate::article::Article;
use crate::error::NewsroomError;

/// The largest corpus file read, in bytes.
const MAX_FILE: u64 = 4 << 20;
/// The most story files read.
const MAX_STORIES: usize = 1_000;
/// The most articles in the whole corpus.
const MAX_ARTICLES: usize = 20_000;

/// An outlet of the corpus.
#[derive(Debug, Clone)]
pub(crate) struct Outlet {
    /// Its display name.
    pub name: String,
    /// Its menu, when the corpus gives one.
    pub nav: Vec<String>,
}

/// A corpus article with where it came from.
#[derive(Debug, Clone)]
pub(crate) struct CorpusArticle {
    /// The article itself.
    pub article: Article,
    /// Index of its outlet in [`Corpus::outlets`].
    pub outlet: usize,
    /// Index of its story in [`Corpus::stories`].
    pub story: usize,
    /// Whether it re-publishes another corpus article.
    pub syndicated: bool,
}

/// The loaded corpus.
#[derive(Debug, Clone)]
pub(crate) struct Corpus {
    /// Outlets in the order of `outlets.toml`.
    pub outlets: Vec<Outlet>,
    /// Story ids, sorted.
    pub stories: Vec<String>,
    /// Articles by publication time (then key).
    pub articles: Vec<CorpusArticle>,
    /// Article index by key.
    pub by_key: HashMap<String, usize>,
}

#[derive(Deserialize)]
struct RawOutlet {
    name: String,
    #[serde(default)]
    nav: Vec<String>,
}

#[derive(Deserialize)]
struct RawStoryFile {
    story: RawStory,
    #[serde(default)]
    article: Vec<RawArticle>,
}

#[derive(Deserialize)]
struct RawStory {
    id: String,
}

#[derive(Deserialize)]
struct RawArticle {
    outlet: String,
    published: String,
    author: String,
    title: String,
    text: String,
    #[serde(default)]
    syndicated_of: String,
}

impl Corpus {
    /// Loads the corpus under `dir` (the folder holding `source/`).
    pub fn load(dir: &Path) -> Result<Corpus, NewsroomError> {
        let source = dir.join("source");
        let outlets_path = source.join("outlets.toml");
        let raw: toml::Table = parse(&outlets_path)?;
        let mut outlets = Vec::new();
        let mut outlet_index = HashMap::new();
        for (key, value) in raw {
            let outlet: RawOutlet = value.try_into().map_err(|e: toml::de::Error| {
                invalid(&outlets_path, format!("outlet {key}: {}", e.message()))
            })?;
            outlet_index.insert(key, outlets.len());
            outlets.push(Outlet {
                name: outlet.name,
                nav: outlet.nav,
            });
        }
        if outlets.is_empty() {
            return Err(invalid(&outlets_path, "no outlets".into()));
        }

        let stories_dir = source.join("stories");
        let mut files: Vec<PathBuf> = std::fs::read_dir(&stories_dir)
            .map_err(|e| read_error(&stories_dir, e))?
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect();
        files.sort();
        if files.len() > MAX_STORIES {
            return Err(invalid(
                &stories_dir,
                format!("more than {MAX_STORIES} story files"),
            ));
        }

        let mut stories = Vec::new();
        let mut articles = Vec::new();
        for path in &files {
            let file: RawStoryFile = parse(path)?;
            let story = stories.len();
            for (i, raw) in file.article.into_iter().enumerate() {
                if articles.len() >= MAX_ARTICLES {
                    return Err(invalid(path, format!("more than {MAX_ARTICLES} articles")));
                }
                let key = format!("{}-{}", file.story.id, i + 1);
                let &outlet = outlet_index.get(&raw.outlet).ok_or_else(|| {
                    invalid(
                        path,
                        format!("article {key}: unknown outlet {:?}", raw.outlet),
                    )
                })?;
                let published: Timestamp = raw.published.parse().map_err(|e| {
                    invalid(
                        path,
                        format!("article {key}: published {:?}: {e}", raw.published),
                    )
                })?;
                let paragraphs = paragraphs(&raw.text);
                if paragraphs.is_empty() {
                    return Err(invalid(path, format!("article {key}: empty text")));
                }
                articles.push(CorpusArticle {
                    article: Article {
                        id: key,
                        story: file.story.id.clone(),
                        title: one_line(&raw.title),
                        author: one_line(&raw.author),
                        published,
                        paragraphs,
                    },
                    outlet,
                    story,
                    syndicated: !raw.syndicated_of.is_empty(),
                });
            }
            stories.push(file.story.id);
        }
        if articles.is_empty() {
            return Err(invalid(&stories_dir, "no articles".into()));
        }
        articles.sort_by(|a, b| {
            (a.article.published, &a.article.id).cmp(&(b.article.published, &b.article.id))
        });
        let by_key = articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.article.id.clone(), i))
            .collect::<HashMap<_, _>>();
        if by_key.len() != articles.len() {
            return Err(invalid(&stories_dir, "two stories share an id".into()));
        }
        Ok(Corpus {
            outlets,
            stories,
            articles,
            by_key,
        })
    }
}

/// The paragraphs of a text: blocks separated by blank lines, each on one line.
fn paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n")
        .map(one_line)
        .filter(|p| !p.is_empty())
        .collect()
}

/// `text` with its whitespace runs collapsed to single spaces.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Reads and parses one TOML file, capped in size.
fn parse<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, NewsroomError> {
    let meta = std::fs::metadata(path).map_err(|e| read_error(path, e))?;
    if meta.len() > MAX_FILE {
        return Err(invalid(path, format!("larger than {MAX_FILE} bytes")));
    }
    let text = std::fs::read_to_string(path).map_err(|e| read_error(path, e))?;
    toml::from_str(&text).map_err(|e| invalid(path, e.message().to_string()))
}

fn read_error(path: &Path, source: std::io::Error) -> NewsroomError {
    NewsroomError::Read {
        path: path.to_path_buf(),
        source,
    }
}

fn invalid(path: &Path, reason: String) -> NewsroomError {
    NewsroomError::Corpus {
        path: path.to_path_buf(),
        reason,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::default_corpus;

    #[test]
    fn loads_the_example_corpus_in_time_order() {
        let c = Corpus::load(&default_corpus()).unwrap();
        assert_eq!(c.articles.len(), 53);
        assert_eq!(c.stories.len(), 9);
        assert_eq!(c.outlets.len(), 8);
        assert_eq!(c.outlets[0].name, "The Harbour Gazette");
        assert!(
            c.articles
                .windows(2)
                .all(|w| w[0].article.published <= w[1].article.published)
        );
        assert_eq!(c.articles.iter().filter(|a| a.syndicated).count(), 3);
        let first = &c.articles[0].article;
        assert_eq!(first.id, "quake-kessel-1");
        assert!(first.paragraphs.len() > 2);
        assert!(c.by_key.contains_key("court-mayor-6"));
    }

    #[test]
    fn bad_corpora_are_named_errors() {
        let dir = tempfile::tempdir().unwrap();
        let err = Corpus::load(dir.path()).unwrap_err().to_string();
        assert!(err.contains("outlets.toml"), "{err}");
        let source = dir.path().join("source");
        std::fs::create_dir_all(source.join("stories")).unwrap();
        std::fs::write(source.join("outlets.toml"), "[a]\nname = \"A\"\n").unwrap();
        std::fs::write(
            source.join("stories/x.toml"),
            "[story]\nid = \"x\"\n[[article]]\noutlet = \"b\"\npublished = \"2025-01-01T00:00:00Z\"\nauthor = \"p\"\ntitle = \"t\"\ntext = \"hello\"\n",
        )
        .unwrap();
        let err = Corpus::load(dir.path()).unwrap_err().to_string();
        assert!(err.contains("unknown outlet \"b\""), "{err}");
        std::fs::write(source.join("stories/x.toml"), "[story\n").unwrap();
        let err = Corpus::load(dir.path()).unwrap_err().to_string();
        assert!(err.contains("x.toml is not valid"), "{err}");
    }
}
