//! The index's fields and analyzers.
//!
//! One schema holds three kinds of document (articles, quotes, stories);
//! a field a kind has no use for is left empty. Story membership is not a
//! field: it changes as stories merge, so hits are grouped at query time
//! through the caller's map (see [`Index::search`](crate::Index::search)).

use tantivy::schema::{
    DateOptions, DateTimePrecision, Field, IndexRecordOption, NumericOptions, STORED, Schema,
    TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RawTokenizer, RemoveLongFilter, SimpleTokenizer, TextAnalyzer,
};

/// The analyzer of the text fields: words split on non-alphanumerics,
/// lowercased and folded to ASCII (so `Zürich` finds `Zurich`), with
/// tokens over 40 bytes dropped (base64 and other junk in hostile text).
/// No stemming: articles come in several languages.
pub(crate) const TEXT: &str = "storyline_text";

/// The tokenizer of the pair field (see [`crate::vocabulary`]).
pub(crate) const PAIRS: &str = "storyline_pairs";

/// The analyzer of the keyword fields (outlet): the whole value, lowercased.
pub(crate) const KEYWORD: &str = "storyline_keyword";

/// The schema's format; bumped whenever fields or analyzers change, so an
/// index built by another version is built anew instead of misread.
pub(crate) const FORMAT: u32 = 4;

/// The fields, by name.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fields {
    /// `article`, `quote` or `story`.
    pub kind: Field,
    /// The article's id, or the story's for a story doc (fast).
    pub id: Field,
    /// The article a doc comes from: itself for an article, its source
    /// for a quote, nothing for a story (fast).
    pub article: Field,
    /// Headline (articles, stories).
    pub title: Field,
    /// Text: the article's, the quote's words, the story's summary
    /// (stored for snippets; searched through `all`).
    pub body: Field,
    /// What a plain query searches in articles and stories: the headline
    /// (twice, so that its words weigh more) and the text, in one field,
    /// so that a query of several words is one intersection of term lists
    /// that tantivy can prune by block maxima (a query across three fields
    /// is not, and scores every match).
    pub all: Field,
    /// A quote's words and its speaker: the quotes' counterpart of `all`,
    /// kept apart so that a plain query's term lists hold articles and
    /// stories only. Quotes outnumber articles (six to one on the bench
    /// database), and an article's quotes are words of its text already;
    /// a plain query finds the quotes of the articles it ranks in a second,
    /// small pass (see [`Index::search`](crate::Index::search)).
    pub said: Field,
    /// Pairs of adjacent common words of `all`, one term each (`said_on`),
    /// so a phrase of common words is looked up, not checked position by
    /// position (see [`crate::vocabulary`]).
    pub pairs: Field,
    /// Outlet domain and display name, lowercased for matching.
    pub outlet: Field,
    /// Language code.
    pub lang: Field,
    /// The quote's speaker.
    pub speaker: Field,
    /// The publisher's day, as midnight UTC (fast).
    pub published: Field,
    /// Stored only.
    pub url: Field,
}

/// The schema and its fields.
pub(crate) fn build() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let text = TextOptions::default()
        .set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(TEXT)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
        .set_stored();
    let keyword = TextOptions::default()
        .set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(KEYWORD)
                .set_index_option(IndexRecordOption::Basic),
        )
        .set_stored();
    let raw = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer("raw")
            .set_index_option(IndexRecordOption::Basic),
    );
    let number = NumericOptions::default().set_indexed().set_fast();
    // The fields plain queries search: indexed with positions, not stored.
    let searched = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(TEXT)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let fields = Fields {
        kind: b.add_text_field("kind", raw.clone() | STORED),
        id: b.add_i64_field("id", number.clone()),
        article: b.add_i64_field("article", number),
        title: b.add_text_field("title", text.clone()),
        body: b.add_text_field("body", STORED),
        all: b.add_text_field("all", searched.clone()),
        said: b.add_text_field("said", searched),
        pairs: b.add_text_field(
            "pairs",
            TextOptions::default().set_indexing_options(
                TextFieldIndexing::default()
                    // Documents and queries give their pair terms
                    // ready-made, split on spaces.
                    .set_tokenizer(PAIRS)
                    .set_index_option(IndexRecordOption::WithFreqsAndPositions),
            ),
        ),
        outlet: b.add_text_field("outlet", keyword),
        lang: b.add_text_field("lang", raw | STORED),
        speaker: b.add_text_field("speaker", text),
        published: b.add_date_field(
            "published",
            DateOptions::default()
                .set_indexed()
                .set_fast()
                .set_stored()
                .set_precision(DateTimePrecision::Seconds),
        ),
        url: b.add_text_field("url", STORED),
    };
    (b.build(), fields)
}

/// Registers the analyzers [`build`]'s fields name; tantivy does not keep
/// them in the index, so every open must do this.
pub(crate) fn register(index: &tantivy::Index) {
    let text = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build();
    let keyword = TextAnalyzer::builder(RawTokenizer::default())
        .filter(LowerCaser)
        .build();
    index.tokenizers().register(TEXT, text);
    index.tokenizers().register(KEYWORD, keyword);
    index
        .tokenizers()
        .register(PAIRS, crate::vocabulary::PairTokenizer::default());
}

/// A field value's form in the index for the keyword fields: what
/// [`KEYWORD`] makes of it.
pub(crate) fn keyword(value: &str) -> String {
    value.trim().to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_keyword_form_matches_the_analyzer() {
        let index = tantivy::Index::create_in_ram(build().0);
        register(&index);
        let mut a = index.tokenizers().get(KEYWORD).unwrap();
        let mut s = a.token_stream("AP News Ünïcode");
        let mut got = Vec::new();
        s.process(&mut |t| got.push(t.text.clone()));
        assert_eq!(got, vec![keyword("AP News Ünïcode")]);
    }
}
