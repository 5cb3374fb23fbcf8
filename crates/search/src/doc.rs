//! What the caller hands the index: one article, quote or story, borrowed.

use storyline_model::Published;

/// Text longer than this (bytes) is cut before indexing: stored articles
/// are capped at ingest already, and this bounds what one hostile document
/// can cost the index.
pub const MAX_TEXT: usize = 1 << 20;

/// One stored article.
#[derive(Debug, Clone, Copy)]
pub struct ArticleDoc<'a> {
    /// The article's id in the store.
    pub id: i64,
    /// Its headline.
    pub title: Option<&'a str>,
    /// Its clean text.
    pub text: &'a str,
    /// Its outlet (the registrable domain, as the store keeps it).
    pub outlet: Option<&'a str>,
    /// The outlet's display name (`AP News`), when known; matched by the
    /// `outlet:` filter like the domain.
    pub outlet_name: Option<&'a str>,
    /// Its language code (`en`, `de`).
    pub lang: Option<&'a str>,
    /// When it was published; the publisher's day is indexed.
    pub published: Option<Published>,
    /// Its URL (stored, not searched).
    pub url: Option<&'a str>,
}

/// One attributed quote of an article, added with it
/// ([`Writer::add_article`](crate::Writer::add_article)). It takes the
/// article's outlet, language and day, so the filters apply to quotes too.
#[derive(Debug, Clone, Copy)]
pub struct QuoteDoc<'a> {
    /// The quoted (or reported) words.
    pub text: &'a str,
    /// Who said them, when known.
    pub speaker: Option<&'a str>,
}

/// One story (a storyline): its headline and summary.
#[derive(Debug, Clone, Copy)]
pub struct StoryDoc<'a> {
    /// The story's id.
    pub id: i64,
    /// Its headline.
    pub title: Option<&'a str>,
    /// Its summary (or the headlines of its events).
    pub summary: &'a str,
    /// The outlets that covered it.
    pub outlets: &'a [String],
    /// Its latest publication time.
    pub published: Option<Published>,
}

/// `text` cut to at most [`MAX_TEXT`] bytes, at a character boundary.
pub(crate) fn capped(text: &str) -> &str {
    if text.len() <= MAX_TEXT {
        return text;
    }
    let mut end = MAX_TEXT;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_is_cut_at_a_character_boundary() {
        let s = "é".repeat(MAX_TEXT);
        let c = capped(&s);
        assert!(c.len() <= MAX_TEXT && c.len() + 2 > MAX_TEXT);
        assert_eq!(capped("short"), "short");
    }
}
