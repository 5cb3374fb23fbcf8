//! The digest's data: what the renderers show.

use serde::Serialize;

/// A briefing over the stories of a database.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Digest {
    /// When it was made (RFC 3339).
    pub generated: String,
    /// Only stories active since this day, when given.
    pub since: Option<String>,
    /// Articles and stories in the database.
    pub articles: u64,
    pub stories_total: u64,
    /// The stories shown, most important first.
    pub stories: Vec<Story>,
}

/// One story.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Story {
    pub id: i64,
    pub headline: String,
    /// Articles in the story (near-copies included) and the outlets.
    pub articles: u64,
    pub outlets: Vec<String>,
    /// First and last publication days.
    pub first: Option<String>,
    pub last: Option<String>,
    /// The summary, one sentence per line, each citing its sources.
    pub summary: Vec<Line>,
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
}

/// A sentence of a summary with the numbers of its sources.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Line {
    pub text: String,
    pub sources: Vec<usize>,
}

/// A quote and who said it.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Quote {
    pub speaker: Option<String>,
    pub text: String,
    pub sources: Vec<usize>,
}

/// A dated development.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Event {
    /// `2025-01-23`, `2025-W03`, `2025-01`...
    pub when: String,
    pub text: String,
    pub sources: Vec<usize>,
    /// Dated from the story's other articles (the reporting one is undated).
    pub inferred: bool,
}

/// How one outlet covered the story.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Coverage {
    pub outlet: String,
    pub articles: usize,
    pub first: Option<String>,
    pub last: Option<String>,
    /// What it reported that no other outlet did.
    pub only_here: Vec<Line>,
    /// Speakers it quoted.
    pub quoted: Vec<String>,
}

/// Statements that do not agree, one per side.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Difference {
    /// What they differ on: a quantity with each side's figure and outlet
    /// ("the number killed: nine (Valley Times) vs at least 12 (Coast
    /// Herald)"), or "whether it happened".
    pub about: String,
    pub sides: Vec<Line>,
}

/// A cited article.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Source {
    /// Its number in the story's citations.
    pub n: usize,
    pub article: i64,
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
}
