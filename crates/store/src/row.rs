//! The rows the store takes and gives back.

use storyline_model::{Article, Body, Language};

/// One article to store, with the raw body it was extracted from.
#[derive(Debug, Clone, Copy)]
pub struct NewArticle<'a> {
    /// The clean article.
    pub article: &'a Article,
    /// Its [`content_hash`](crate::content_hash); the store's identity key.
    pub hash: &'a str,
    /// The raw record body, kept so the article can be re-cleaned later.
    pub raw: &'a Body,
    /// What the article adds to its outlet's line counts, when the
    /// furniture stage learned from it; counted only if the article is new.
    pub lines: Option<ArticleLines<'a>>,
    /// Its facts (JSON) as the story layer computes them from its clean
    /// text, stored with it when given; an article stored without them
    /// gets them at the next clustering update.
    pub facts: Option<&'a str>,
}

/// One article's contribution to the per-outlet line counts the furniture
/// stage learns boilerplate from: the article counts once for its outlet,
/// and once for each distinct line.
#[derive(Debug, Clone, Copy)]
pub struct ArticleLines<'a> {
    /// The outlet, as the furniture stage keys it.
    pub outlet: &'a str,
    /// The hashes of the article's distinct lines (a hash given twice
    /// still counts once).
    pub hashes: &'a [u64],
}

/// What [`Store::insert_batch`](crate::Store::insert_batch) did with one item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Inserted {
    /// Stored as a new article with this id.
    New(i64),
    /// An article with the same hash was already stored (earlier, or earlier
    /// in the same batch) under this id; nothing was written.
    Duplicate(i64),
}

impl Inserted {
    /// The id of the stored article, new or not.
    pub fn id(self) -> i64 {
        match self {
            Inserted::New(id) | Inserted::Duplicate(id) => id,
        }
    }

    /// Whether the item was written.
    pub fn is_new(self) -> bool {
        matches!(self, Inserted::New(_))
    }
}

/// An article as the store holds it.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredArticle {
    /// The row id; stable for the life of the file.
    pub id: i64,
    /// The [`content_hash`](crate::content_hash) it was stored under.
    pub hash: String,
    /// When it was stored: UTC, RFC 3339 with milliseconds.
    pub ingested_at: String,
    /// The article (with its text as last cleaned).
    pub article: Article,
    /// The raw record body it was extracted from.
    pub raw: Body,
}

/// The few fields of an article needed to list it, without its text.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleSummary {
    /// The row id.
    pub id: i64,
    /// See [`Article::outlet`].
    pub outlet: Option<String>,
    /// The outlet's name for display (`extra["outlet_name"]`), when known.
    pub outlet_name: Option<String>,
    /// See [`Article::published`].
    pub published: Option<String>,
    /// See [`Article::title`].
    pub title: Option<String>,
    /// See [`Article::lang`].
    pub lang: Option<Language>,
    /// Length of the clean text in characters.
    pub text_chars: u64,
    /// Whether the article waits for its page (see
    /// [`storyline_model::PENDING`]).
    pub pending: bool,
    /// See [`Article::url`].
    pub url: Option<String>,
}

/// What a search index takes of an article: its text and the fields it
/// is filtered and shown by, without the raw body.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleText {
    /// The row id.
    pub id: i64,
    /// See [`Article::outlet`].
    pub outlet: Option<String>,
    /// The outlet's name for display (`extra["outlet_name"]`), when known.
    pub outlet_name: Option<String>,
    /// See [`Article::url`].
    pub url: Option<String>,
    /// See [`Article::title`].
    pub title: Option<String>,
    /// See [`Article::published`].
    pub published: Option<String>,
    /// The detected language's code, when one was detected.
    pub lang: Option<String>,
    /// The clean text.
    pub text: String,
}
