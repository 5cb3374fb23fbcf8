//! The digest's data: what the renderers show.

use serde::{Deserialize, Serialize};

/// A briefing over the stories of a database.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Digest {
    /// When it was made (RFC 3339).
    pub generated: String,
    /// Only stories active since this day, when given.
    pub since: Option<String>,
    /// Articles in the database.
    pub articles: u64,
    /// Stories in the database, as the last clustering round counted them.
    pub stories_total: u64,
    /// The stories shown, most important first.
    pub stories: Vec<Story>,
}

/// One story: a storyline, the events of one developing story.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Story {
    /// The storyline's id in the store (the id of its first event).
    pub id: i64,
    /// The summary's headline, else the story's working title, else
    /// `(untitled story)`.
    pub headline: String,
    /// Articles in the story, near-copies included.
    pub articles: u64,
    /// The outlets that covered it, by display name, each once.
    pub outlets: Vec<String>,
    /// When its earliest article was published, as stored (ISO 8601: a day
    /// or a full timestamp); `None` when no article is dated.
    pub first: Option<String>,
    /// When its latest article was published, in the same form.
    pub last: Option<String>,
    /// The summary, one sentence per line, each citing its sources.
    pub summary: Vec<Line>,
    /// The key quotes, each with its speaker and sources.
    pub quotes: Vec<Quote>,
    /// The story's own developments, in date order.
    pub timeline: Vec<Event>,
    /// Earlier events the articles recall (dated well before the story's
    /// first article), in date order: context, kept apart from the
    /// developments.
    pub background: Vec<Event>,
    /// Per outlet: when it covered the story and what only it reported.
    pub coverage: Vec<Coverage>,
    /// Statements that conflict between sources, side by side.
    pub differences: Vec<Difference>,
    /// The sources cited by number (`sources[i].n == i + 1`).
    pub sources: Vec<Source>,
    /// Its events (the developments the storyline links), in time order;
    /// one for a story that has not developed.
    pub events: Vec<Development>,
}

/// One event of a storyline.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Development {
    /// The event's id in the store.
    pub id: i64,
    /// Its headline.
    pub headline: String,
    /// When its earliest article was published, as stored.
    pub first: Option<String>,
    /// When its latest article was published, as stored.
    pub last: Option<String>,
    /// Its articles, near-copies included.
    pub articles: u64,
    /// The numbers of its sources that the digest read (see [`Source::n`]).
    pub sources: Vec<usize>,
}

/// A sentence of a summary with the numbers of its sources.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Line {
    /// The sentence as shown.
    pub text: String,
    /// The numbers of the sources it cites (see [`Source::n`]).
    pub sources: Vec<usize>,
}

/// A quote and who said it.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Quote {
    /// Who said it, as the story names them; `None` when unattributed.
    pub speaker: Option<String>,
    /// The statement as first reported: quoted words or reported speech.
    pub text: String,
    /// The numbers of the sources that report it (see [`Source::n`]).
    pub sources: Vec<usize>,
}

/// A dated development.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Event {
    /// `2025-01-23`, `2025-W03`, `2025-01`...
    pub when: String,
    /// The sentence chosen to tell it.
    pub text: String,
    /// The numbers of the sources that report it, ascending, each once.
    pub sources: Vec<usize>,
    /// Dated from the story's other articles (the reporting one is undated).
    pub inferred: bool,
}

/// How one outlet covered the story.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Coverage {
    /// The outlet's name; an article whose outlet is unknown is an entry of
    /// its own, `unknown outlet [n]` (`n` its source number).
    pub outlet: String,
    /// How many of the story's articles it ran, of those the digest read
    /// (a big story is sampled).
    pub articles: usize,
    /// The day of its earliest dated article (`YYYY-MM-DD`, UTC); `None`
    /// when none is dated.
    pub first: Option<String>,
    /// The day of its latest dated article, in the same form.
    pub last: Option<String>,
    /// What it reported that no other outlet did.
    pub only_here: Vec<Line>,
    /// Speakers it quoted.
    pub quoted: Vec<String>,
}

/// Statements that do not agree, one per side.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Difference {
    /// What they differ on: a quantity with each side's figure and outlet
    /// ("the number killed: nine (Valley Times) vs at least 12 (Coast
    /// Herald)"), or "whether it happened".
    pub about: String,
    /// Each side's sentence with its source; a speaker the sentence does
    /// not name follows it in parentheses.
    pub sides: Vec<Line>,
}

/// A cited article.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Source {
    /// Its number in the story's citations.
    pub n: usize,
    /// The article's id in the store.
    pub article: i64,
    /// A short name for it: its outlet's name or domain, else the name of
    /// the file it came from, else `article <id>`.
    pub outlet: Option<String>,
    /// Its headline, when known.
    pub title: Option<String>,
    /// Its URL, when known.
    pub url: Option<String>,
    /// When it was published, as stored (ISO 8601: a day or a full
    /// timestamp).
    pub published: Option<String>,
}
