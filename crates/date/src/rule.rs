//! `Rule`: the kinds of evidence a page date can come from, strongest first, and `Detection`, a chosen
//! date with the rule behind it.

use std::fmt;

/// Which kind of evidence a date came from, strongest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rule {
    /// The date shown to readers next to the headline (byline, dateline, `<time>`).
    Headline,
    /// A publication meta tag (`article:published_time`, `dc.date.issued`, `parsely-pub-date`, ...).
    MetaPublished,
    /// `datePublished` of a JSON-LD article node.
    JsonLdArticle,
    /// A microdata `itemprop="datePublished"` element or meta.
    Microdata,
    /// `datePublished` of another top-level JSON-LD node (web page, unknown holder).
    JsonLdOther,
    /// A `<time>` marked as the publication time (`pubdate`, a "published" class).
    TimePublished,
    /// The text of an element whose class or id speaks of dates ("byline", "post-date", ...).
    Byline,
    /// A plain `<time datetime>` element.
    Time,
    /// A date in the URL path.
    Url,
    /// A modification or creation date (meta, JSON-LD, microdata), used when nothing better exists.
    Modified,
    /// Any date in the visible text of the page.
    PageText,
}

impl Rule {
    /// A short stable name, for reports.
    pub fn name(self) -> &'static str {
        match self {
            Rule::Headline => "headline",
            Rule::MetaPublished => "meta-published",
            Rule::JsonLdArticle => "jsonld-article",
            Rule::Microdata => "microdata",
            Rule::JsonLdOther => "jsonld-other",
            Rule::TimePublished => "time-published",
            Rule::Byline => "byline",
            Rule::Time => "time",
            Rule::Url => "url",
            Rule::Modified => "modified",
            Rule::PageText => "page-text",
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A chosen date and the rule that produced it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Detection {
    /// ISO 8601 date, with time and offset when the page gave them.
    pub iso: String,
    /// The evidence it came from.
    pub rule: Rule,
}
