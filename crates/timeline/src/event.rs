//! One development of a story and the reports of it.

use storyline_timex::Period;

/// Where one article reports a development.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// Index of the article in the input.
    pub article: usize,
    /// The sentence's byte span in the article's text.
    pub start: usize,
    /// Where that span ends (exclusive).
    pub end: usize,
}

/// A dated development.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// When it happened (a day, a week, a month...).
    pub period: Period,
    /// The sentence chosen to tell it.
    pub text: String,
    /// Every article reporting it, the chosen sentence's first.
    pub reports: Vec<Report>,
    /// The date was read against the story's dates, not the reporting
    /// article's own (which has none).
    pub inferred: bool,
    /// It happened well before the story's first article (see
    /// [`crate::BACKGROUND_DAYS`]): context the articles recall, not one
    /// of the story's own developments.
    pub background: bool,
}

impl Event {
    /// The period as people write it: `2025-03-02`, `2025-W10` (a week),
    /// `2025-03`, `2025-Q1`, `2025`.
    pub fn when(&self) -> String {
        match self.period {
            Period::Day(d) => d.to_string(),
            Period::Week { year, week } => format!("{year:04}-W{week:02}"),
            Period::Month { year, month } => format!("{year:04}-{month:02}"),
            Period::Quarter { year, quarter } => format!("{year:04}-Q{quarter}"),
            Period::Half { year, half } => format!("{year:04}-H{half}"),
            Period::Season { year, season } => format!("{year:04} {season:?}").to_lowercase(),
            Period::Year(y) => format!("{y:04}"),
            Period::Decade(y) => format!("{y:04}s"),
            Period::Century(y) => format!("{y:04}s century"),
        }
    }

    /// Whether its sentence opens on a pronoun or a demonstrative ("He
    /// canceled ...") that leans on a sentence the reader does not see.
    pub fn leans(&self) -> bool {
        crate::words::leans(&self.text)
    }

    /// Days the period covers (finer periods sort first on a tie).
    pub fn span_days(&self) -> i32 {
        match (self.period.first_day(), self.period.last_day()) {
            (Some(a), Some(b)) => (b - a).get_days(),
            _ => i32::MAX,
        }
    }
}
