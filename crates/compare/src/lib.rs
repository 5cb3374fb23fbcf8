//! storyline-compare: how the outlets of one story covered it.
//!
//! [`compare`] takes the articles of one story (already clustered) and the
//! quotes attributed in them, and says, outlet by outlet:
//!
//! 1. **Coverage** ([`coverage`]): which articles each outlet ran, and when
//!    its first and last appeared; outlets in order of first publication.
//! 2. **Exclusives** ([`exclusive`]): up to a few sentences per outlet with
//!    content no other outlet carries (no similar sentence elsewhere, and
//!    words, names or numbers that no other outlet uses), most informative
//!    first. Only statements of fact in the outlet's own voice count:
//!    never commentary, quotations or fragments (`fact`).
//! 3. **Conflicts**: sources that disagree, side by side:
//!    different figures for the same thing ([`figures`], with number words
//!    read by [`number`]), and reports that another source denies
//!    ([`denial`]). Precision comes before recall: a conflict is shown only
//!    when both sentences clearly speak of the same thing.
//! 4. **Quotes** ([`quotes`]): whom each outlet quotes, and which quotes
//!    only it carries.
//!
//! Every stage works on one shared index ([`story`]): the story's sentences
//! (at most [`Config::per_article`] per article, titles included) as
//! TF-IDF vectors over content words, with an inverted index so that
//! finding similar sentences never compares all pairs. No input makes it
//! panic; work is bounded by the caps in [`Config`].

pub mod coverage;
pub mod denial;
pub mod exclusive;
mod fact;
pub mod figures;
pub mod number;
pub mod quotes;
pub mod story;
mod word;

pub use coverage::Coverage;
pub use denial::Denial;
pub use exclusive::Exclusive;
pub use figures::Figure;
pub use quotes::{OutletQuotes, QuoteItem, SpeakerCount};

/// One article of the story.
#[derive(Debug, Clone, Copy)]
pub struct Article<'a> {
    /// The outlet that published it ("Reuters"); articles with the same
    /// name, ignoring case and spacing, belong to one outlet. Empty when
    /// unknown: such an article is then a source of its own, named
    /// "unknown outlet [n]" (n: its index + 1, as the digest cites it),
    /// never lumped with other unknown ones.
    pub outlet: &'a str,
    /// Publication time, unix seconds, when known.
    pub time: Option<i64>,
    /// The headline.
    pub title: &'a str,
    /// The body text.
    pub text: &'a str,
}

/// One quote attributed in an article.
#[derive(Debug, Clone, Copy)]
pub struct QuoteRef<'a> {
    /// Index of the article (into the `articles` given to [`compare`]).
    pub article: usize,
    /// Who is quoted, when known.
    pub speaker: Option<&'a str>,
    /// What they are quoted as saying.
    pub text: &'a str,
}

/// A sentence of an article, located in its title or text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// Index of the article (into the caller's `articles`).
    pub article: usize,
    /// True when the sentence is the article's title (offsets are then
    /// into the title), false when it is in the text.
    pub title: bool,
    /// Byte offset where the sentence starts.
    pub start: usize,
    /// Byte offset where it ends (exclusive).
    pub end: usize,
    /// The sentence, white space collapsed.
    pub text: String,
}

/// One source's side of a conflict.
#[derive(Debug, Clone, PartialEq)]
pub struct Side {
    /// The outlet.
    pub outlet: String,
    /// The sentence that states its side.
    pub sentence: Span,
    /// The figure as stated ("at least 12 killed") for a figure conflict;
    /// the denial cue ("denied") or the claim for a denial.
    pub says: String,
    /// Who is quoted saying it, when the sentence holds an attributed quote.
    pub speaker: Option<String>,
}

/// What two or more sources disagree on.
#[derive(Debug, Clone, PartialEq)]
pub enum Conflict {
    /// Different figures for the same thing.
    Figure(Figure),
    /// One source reports something, another denies it.
    Denial(Denial),
}

/// How the outlets of one story covered it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Comparison {
    /// Per outlet, its articles and publication times; by first publication.
    pub coverage: Vec<Coverage>,
    /// Sentences whose content only one outlet carries; grouped by outlet
    /// in coverage order, best first within an outlet. Empty with one outlet.
    pub exclusives: Vec<Exclusive>,
    /// Conflicts between sources, clearest first.
    pub conflicts: Vec<Conflict>,
    /// Per outlet (coverage order), whom it quotes and what only it quotes.
    pub quotes: Vec<OutletQuotes>,
}

/// Caps and thresholds.
#[derive(Debug, Clone)]
pub struct Config {
    /// Sentences read per article (titles not counted).
    pub per_article: usize,
    /// Sentences read in all; later articles get fewer when this binds.
    pub max_sentences: usize,
    /// Bytes of an article's text that are read.
    pub max_text: usize,
    /// Exclusive sentences per outlet.
    pub exclusives: usize,
    /// Cosine at or above which another outlet's sentence covers one.
    pub covered: f32,
    /// Share of a sentence's content weight that no other outlet uses,
    /// at or above which it may be an exclusive.
    pub novelty: f32,
    /// Conflicts of each kind shown at most.
    pub max_conflicts: usize,
    /// Quotes read in all.
    pub max_quotes: usize,
    /// Quotes listed as carried by one outlet only, per outlet.
    pub only_quotes: usize,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            per_article: 40,
            max_sentences: 8000,
            max_text: 64 * 1024,
            exclusives: 2,
            covered: 0.5,
            novelty: 0.35,
            max_conflicts: 3,
            max_quotes: 4000,
            only_quotes: 3,
        }
    }
}

/// Compares how the outlets covered the story, with the default [`Config`].
pub fn compare(articles: &[Article], quotes: &[QuoteRef]) -> Comparison {
    compare_with(articles, quotes, &Config::default())
}

/// Compares how the outlets covered the story.
pub fn compare_with(articles: &[Article], quotes: &[QuoteRef], config: &Config) -> Comparison {
    let story = story::Story::build(articles, quotes, config);
    let order = coverage::order(&story);
    let mut conflicts: Vec<Conflict> = figures::conflicts(&story, config)
        .into_iter()
        .map(Conflict::Figure)
        .collect();
    conflicts.extend(
        denial::conflicts(&story, config)
            .into_iter()
            .map(Conflict::Denial),
    );
    Comparison {
        exclusives: exclusive::exclusives(&story, &order, config),
        quotes: quotes::quotes(&story, &order, config),
        coverage: coverage::coverage(&story, &order),
        conflicts,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_input_never_panics() {
        let odd = [
            "",
            ".",
            "\u{2026}\n\n",
            "é. É. ü 12% $ € 1,2,3 9999999999999999999999999999 killed",
            "denied denied that that. no such. \"\u{201c}",
            "At least - 12 - people killed; nine died. 1.2.3 million dead, a dozen dozen hurt.",
        ];
        let arts: Vec<Article> = odd
            .iter()
            .enumerate()
            .map(|(i, t)| Article {
                outlet: if i % 2 == 0 { "A" } else { "" },
                time: Some(-(i as i64)),
                title: t,
                text: t,
            })
            .collect();
        let quotes = [
            QuoteRef {
                article: 99,
                speaker: Some(""),
                text: "",
            },
            QuoteRef {
                article: 0,
                speaker: Some("'s"),
                text: "é",
            },
        ];
        let _ = compare(&arts, &quotes);
        let _ = compare(&[], &quotes);
    }

    #[test]
    fn many_articles_stay_bounded() {
        let text: String = (0..60)
            .map(|i| format!("Officials in Town{i} said {i} people were hurt when the roof of hall {i} fell. "))
            .collect();
        let names: Vec<String> = (0..300).map(|i| format!("Outlet {}", i % 40)).collect();
        let arts: Vec<Article> = names
            .iter()
            .map(|n| Article {
                outlet: n,
                time: None,
                title: "Roof falls",
                text: &text,
            })
            .collect();
        let c = compare(&arts, &[]);
        assert_eq!(c.coverage.len(), 40);
        assert!(c.exclusives.is_empty());
    }
}
