//! The types every storyline stage shares.
//!
//! The pipeline is `source -> extract -> analyse -> store -> present`. A
//! [`Record`] is what a source hands on: one article's raw content (HTML or
//! plain text) with whatever the container already told us about it
//! ([`Hints`]: a feed's title, a WARC record's URL, a JSON line's fields).
//! Extraction turns a record into an [`Article`]: clean text plus metadata.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

mod published;

pub use published::Published;

/// The `extra` key that marks an article known only by its title and link
/// (a feed entry without text): its value `"page"` says the text waits for
/// the page to be fetched. Such articles are stored and listed, but have no
/// text for the analysis stages.
pub const PENDING: &str = "pending";

/// The raw content of one article, as a source found it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "content", rename_all = "lowercase")]
pub enum Body {
    /// A whole HTML page or an HTML fragment (a feed entry's content).
    Html(String),
    /// Plain text, possibly with page furniture left in.
    Text(String),
}

impl Body {
    /// The raw content, whatever its kind.
    pub fn as_str(&self) -> &str {
        match self {
            Body::Html(s) | Body::Text(s) => s,
        }
    }

    /// A short name for the kind: `html` or `text`.
    pub fn kind(&self) -> &'static str {
        match self {
            Body::Html(_) => "html",
            Body::Text(_) => "text",
        }
    }
}

/// What the container of a record said about the article, before extraction.
///
/// Every field is untrusted and may be empty; extraction prefers these over
/// what it finds in the body only where the container is the better witness
/// (a feed's `pubDate`, a WARC record's target URI).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Hints {
    /// An identifier the input gave the article (a JSON line's `id`, a feed's `guid`).
    pub id: Option<String>,
    /// The article's URL (a feed entry's link, a WARC record's target URI).
    pub url: Option<String>,
    /// The headline, as the input gives it.
    pub title: Option<String>,
    /// The author(s), as the input names them.
    pub author: Option<String>,
    /// The publication date as the container wrote it, unparsed.
    pub date: Option<String>,
    /// The outlet's name, as the input gives it; shown beside the domain
    /// of the URL, and the outlet itself when there is no URL.
    pub outlet: Option<String>,
    /// The language the input declares (a feed's `language`, a JSON line's
    /// `lang`), unchecked.
    pub lang: Option<String>,
    /// Fields of the input we do not interpret, kept as they were.
    pub extra: Map<String, Value>,
}

/// One raw article from a source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// Where it came from: a path, with `#N` or `#ID` for the N-th entry of a
    /// container (a JSON line, a feed entry, a WARC record).
    pub source: String,
    /// The article's raw content.
    pub body: Body,
    /// What the container said about the article.
    pub hints: Hints,
}

/// The language of an article, with how sure the detector was.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Language {
    /// ISO 639-1 code where one exists (`en`, `uk`), else ISO 639-3.
    pub code: String,
    /// Detector confidence in `0.0..=1.0`; 0 for a reliable language the
    /// page declared and the detector could not read.
    pub confidence: f64,
    /// False when the text is too short or too mixed to say; such an
    /// article's language is shown as unknown, not guessed.
    pub reliable: bool,
}

/// A clean article: the unit every later stage works on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Where it came from (see [`Record::source`]).
    pub source: String,
    /// The registrable domain of its URL (`bbc.co.uk`), else a name the text
    /// gives ("Source: ..."), else none.
    pub outlet: Option<String>,
    /// Its URL: the input's, else the one the page gives for itself.
    pub url: Option<String>,
    /// Its headline.
    pub title: Option<String>,
    /// Its author(s), from the input, the page or a byline.
    pub author: Option<String>,
    /// ISO 8601: `YYYY-MM-DD`, or a full timestamp with offset when the time
    /// of day is known. `None` when no date could be found; never invented.
    pub published: Option<String>,
    /// The language detected from its text; `None` when none could be told
    /// (no text, or no script the detector knows).
    pub lang: Option<Language>,
    /// The article's own paragraphs, separated by blank lines.
    pub text: String,
    /// Fields of the input we keep but do not interpret.
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub extra: Map<String, Value>,
}

impl Article {
    /// When it was published, typed, if known (see [`Published`]).
    pub fn published_at(&self) -> Option<Published> {
        self.published.as_deref().and_then(Published::parse)
    }

    /// The publication day in the publisher's own zone, if known.
    pub fn published_day(&self) -> Option<jiff::civil::Date> {
        self.published_at().map(|p| p.day())
    }

    /// Whether the article is known only by its title and link and waits
    /// for its page (see [`PENDING`]).
    pub fn waits_for_page(&self) -> bool {
        self.text.is_empty() && self.extra.get(PENDING).and_then(Value::as_str) == Some("page")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_day_cuts_the_time() {
        let mut a = Article {
            source: "x".into(),
            outlet: None,
            url: None,
            title: None,
            author: None,
            published: Some("2025-01-24T17:04:00+02:00".into()),
            lang: None,
            text: String::new(),
            extra: Map::new(),
        };
        assert_eq!(a.published_day(), "2025-01-24".parse().ok());
        a.published = None;
        assert_eq!(a.published_day(), None);
    }

    #[test]
    fn body_serialises_with_its_kind() {
        let b = Body::Html("<p>x</p>".into());
        assert_eq!(
            serde_json::to_string(&b).unwrap(),
            r#"{"kind":"html","content":"<p>x</p>"}"#
        );
    }
}
