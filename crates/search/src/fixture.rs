//! A small index of invented articles, quotes and stories for the tests.

use storyline_model::Published;

use crate::{ArticleDoc, Index, QuoteDoc, StoryDoc};

/// `(id, outlet, outlet name, lang, day, title, text)`.
pub(crate) const ARTICLES: &[(i64, &str, &str, &str, &str, &str, &str)] = &[
    (
        1,
        "harbourpost.example",
        "Harbour Post",
        "en",
        "2031-03-04",
        "Northern pier to be rebuilt",
        "The city council voted on Tuesday to rebuild the northern pier before the summer ferry season. \"We will have the pier ready for the first ferry of summer,\" said Ilsa Brandt, the harbour engineer.",
    ),
    (
        2,
        "coastwire.example",
        "Coast Wire",
        "en",
        "2031-03-05",
        "Council approves pier budget",
        "Councillors approved the budget for the northern pier, and the harbour master welcomed the vote.",
    ),
    (
        3,
        "tageblatt.example",
        "Tageblatt",
        "de",
        "2031-03-05",
        "Neuer Steg im Norden",
        "Der Stadtrat hat beschlossen, den nördlichen Steg bis zum Sommer neu zu bauen.",
    ),
    (
        4,
        "coastwire.example",
        "Coast Wire",
        "en",
        "2031-04-10",
        "Library extends opening hours",
        "The central library will stay open until ten at night, the council said, after a petition.",
    ),
    (
        5,
        "harbourpost.example",
        "Harbour Post",
        "en",
        "2031-04-11",
        "Ferry strike ends",
        "The ferry strike ended after talks; the union said the pier workers would return on Monday. \"Our members accept the offer,\" said Tomas Reyes.",
    ),
];

pub(crate) fn article(i: usize) -> ArticleDoc<'static> {
    let (id, outlet, name, lang, day, title, text) = ARTICLES[i];
    ArticleDoc {
        id,
        title: Some(title),
        text,
        outlet: Some(outlet),
        outlet_name: Some(name),
        lang: Some(lang),
        published: Published::parse(day),
        url: Some("https://example.org/a"),
    }
}

/// Articles 1-3 are story 100, 4 is story 200, 5 is in no story.
pub(crate) fn story_of(article: i64) -> Option<i64> {
    match article {
        1..=3 => Some(100),
        4 => Some(200),
        _ => None,
    }
}

/// The fixture index: every article, two quotes (words of their
/// articles, as quotes are), one story doc.
pub(crate) fn index() -> Index {
    let index = Index::in_memory().unwrap();
    let mut w = index.writer().unwrap();
    let quotes = |i: usize| -> Vec<QuoteDoc<'static>> {
        match i {
            0 => vec![QuoteDoc {
                text: "We will have the pier ready for the first ferry of summer",
                speaker: Some("Ilsa Brandt"),
            }],
            4 => vec![QuoteDoc {
                text: "Our members accept the offer",
                speaker: Some("Tomas Reyes"),
            }],
            _ => Vec::new(),
        }
    };
    for i in 0..ARTICLES.len() {
        w.add_article(&article(i), &quotes(i)).unwrap();
    }
    w.put_story(&StoryDoc {
        id: 100,
        title: Some("Northern pier rebuilt"),
        summary: "The council decided to rebuild the northern pier.",
        outlets: &["harbourpost.example".into(), "coastwire.example".into()],
        published: Published::parse("2031-03-05"),
    })
    .unwrap();
    w.commit(5).unwrap();
    index
}
