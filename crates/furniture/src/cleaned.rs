//! The result of cleaning one article.

/// What the cleaner found in one plain-text article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cleaned {
    /// The article's own paragraphs and sub-headings, separated by one blank line.
    pub text: String,
    /// A headline line before the body, when one stands out (a short line
    /// without final full stop standing apart from the body, or a line the
    /// page repeats).
    pub title: Option<String>,
    /// The author(s) from a byline; ALL-CAPS names title-cased.
    pub author: Option<String>,
    /// The raw date text of a dateline or byline ("Friday, 24 January 2025,
    /// 17:04"); the caller parses it.
    pub dateline: Option<String>,
    /// The X of a "Source: X" line, only when X is short and reads like an
    /// outlet's name ("Reuters"), not a quote attribution. The line is
    /// furniture; the name is too weak a witness to be the article's outlet,
    /// which the extract stage takes only from the input or the page's
    /// publisher statements.
    pub outlet: Option<String>,
    /// Every line removed from the text (furniture, and the title, byline
    /// and outlet lines now held in the fields above), in input order.
    pub dropped: Vec<String>,
}
