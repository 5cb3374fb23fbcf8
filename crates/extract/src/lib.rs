//! The extract stage: a raw [`Record`] in, a clean [`Article`] out.
//!
//! HTML goes through trafilatura for the main text and through our own
//! rules for the metadata it is weak at (dates, via `storyline-date`).
//! Plain text goes through `storyline-furniture`, which strips page
//! furniture line by line and picks out the title, byline and dateline.
//! What the container said (a feed's title, a JSON line's date) is kept
//! where it is the better witness. The outlet is never guessed from the
//! text: it is the URL's registrable domain (the key that groups a site's
//! pages), else the name the input or the page's own publisher statements
//! give, else unknown; the name, when known, is kept for display as
//! `extra["outlet_name"]`. The language comes with its confidence.

mod blocks;
pub mod budget;
mod code;
pub mod depth;
mod error;
mod inline;
pub mod language;
mod loose;
pub mod meta;
pub mod outlet;
mod output;
pub mod page;
pub mod publisher;

pub use error::ExtractError;
pub use page::Page;
pub use storyline_model::{Article, Body, Hints, Language, Record};

/// Fewer words than this is a page of furniture, not an article.
const MIN_WORDS: usize = 8;

/// Whether `text` holds at least [`MIN_WORDS`] words. Scripts written
/// without spaces between words (Chinese, Japanese, Thai, ...) count two
/// of their letters as a word, about their average word length.
pub(crate) fn has_words(text: &str) -> bool {
    let mut words = 0usize;
    for token in text.split_whitespace() {
        let dense = token.chars().filter(|&c| unspaced(c)).count();
        words += if dense > 0 { dense.div_ceil(2) } else { 1 };
        if words >= MIN_WORDS {
            return true;
        }
    }
    false
}

/// Most words of a page that may be a site's error page: an article that
/// mentions a missing page is longer.
const ERROR_PAGE_WORDS: usize = 200;

/// Lowercase words by which a site says the page is not there.
const ERROR_PAGE_PHRASES: &[&str] = &[
    "404 not found",
    "page cannot be found",
    "page could not be found",
    "page not found",
    "page url may have changed",
    "page you are looking for",
    "page you requested",
    "this page is no longer available",
];

/// The phrase by which a short text gives itself away as an error page.
fn error_page(text: &str) -> Option<&'static str> {
    if text.split_whitespace().nth(ERROR_PAGE_WORDS).is_some() {
        return None;
    }
    let lower = text.to_lowercase();
    ERROR_PAGE_PHRASES
        .iter()
        .copied()
        .find(|p| lower.contains(p))
}

/// Letters of scripts that do not put spaces between words.
fn unspaced(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}'     // hiragana, katakana
        | '\u{3400}'..='\u{4DBF}'   // CJK extension A
        | '\u{4E00}'..='\u{9FFF}'   // CJK unified ideographs
        | '\u{F900}'..='\u{FAFF}'   // CJK compatibility ideographs
        | '\u{0E00}'..='\u{0EFF}'   // Thai, Lao
        | '\u{1000}'..='\u{109F}'   // Myanmar
        | '\u{1780}'..='\u{17FF}'   // Khmer
    )
}

/// What of an HTML page is worth keeping to extract it again later: the
/// page with the text of its inline scripts and style sheets emptied, as
/// extraction reads it, save JSON-LD and scripts that carry an article's
/// paragraphs. Extracting the kept page gives the article the page gives;
/// on news pages it is about half the compressed bytes.
pub fn kept_page(html: &str) -> std::borrow::Cow<'_, str> {
    code::kept(html)
}

/// Turns records into articles. Cheap to share between threads.
#[derive(Debug, Clone)]
pub struct Extractor {
    options: trafilatura::Options,
}

impl Default for Extractor {
    fn default() -> Self {
        Self::new()
    }
}

impl Extractor {
    /// An extractor with storyline's settings.
    pub fn new() -> Self {
        Extractor {
            options: page::options(),
        }
    }

    /// Extracts one HTML page (exposed for evaluation against page benchmarks).
    pub fn page(&self, html: &str, url: Option<&str>) -> Page {
        page::extract(html, url, &self.options)
    }

    /// Extracts one record into an article.
    pub fn extract(&self, record: &Record) -> Result<Article, ExtractError> {
        let hints = &record.hints;
        let mut article = Article {
            source: record.source.clone(),
            outlet: None,
            url: hints.url.clone(),
            title: hints.title.as_deref().and_then(one_line),
            author: hints.author.as_deref().and_then(one_line),
            published: hints.date.as_deref().and_then(storyline_date::parse),
            lang: None,
            text: String::new(),
            extra: hints.extra.clone(),
        };
        if let (Some(raw), None) = (&hints.date, &article.published) {
            // Keep what the input said, so a bad date is visible, not lost.
            article.extra.insert(
                "date_unparsed".into(),
                serde_json::Value::String(raw.clone()),
            );
        }
        let mut site_name = None;
        let mut declared = None;
        match &record.body {
            Body::Html(html) => {
                let page = self.page(html, hints.url.as_deref());
                article.title = article.title.or(page.title);
                article.text = inline::strip(&page.text, article.title.as_deref());
                article.author = article.author.or(page.author);
                article.published = article.published.or(page.published);
                article.url = article.url.or(page.url);
                site_name = page.site_name;
                declared = page.lang;
            }
            Body::Text(text) => {
                let cleaned = storyline_furniture::clean(text);
                article.text = cleaned.text;
                article.title = article.title.or(cleaned.title);
                article.author = article.author.or(cleaned.author);
                if article.published.is_none() {
                    article.published = cleaned.dateline.as_deref().and_then(storyline_date::parse);
                }
            }
        }
        if article.published.is_none() {
            // Last resorts, marked as such: a day in the URL's path, then
            // one in the file's name (`courier-20251121-strike-ends.txt`).
            let file = record.source.split('#').next().unwrap_or("");
            let name = file.rsplit(['/', '\\']).next().unwrap_or("");
            let guess = [
                (
                    article.url.as_deref().and_then(storyline_date::from_url),
                    "url",
                ),
                (storyline_date::from_url(&format!("/{name}")), "file name"),
            ]
            .into_iter()
            .find_map(|(d, from)| d.map(|d| (d, from)));
            if let Some((day, from)) = guess {
                article.published = Some(day);
                article
                    .extra
                    .insert("date_from".into(), serde_json::Value::String(from.into()));
            }
        }
        // A feed entry known by its title and link alone is kept, waiting
        // for its page; anything else this short is furniture.
        let pending = hints.extra.get(storyline_model::PENDING).is_some()
            && record.body.as_str().trim().is_empty();
        if !pending && !has_words(&article.text) {
            return Err(ExtractError::NoText {
                input: record.source.clone(),
            });
        }
        if let Some(phrase) = error_page(&article.text) {
            return Err(ExtractError::ErrorPage {
                input: record.source.clone(),
                phrase: phrase.into(),
            });
        }
        // The URL's domain names an outlet the same way across formats and
        // pages; the name the input or the publisher gave is kept beside it
        // for display, and is the outlet when there is no URL.
        let by_url = article.url.as_deref().and_then(outlet::from_url);
        let name = hints.outlet.as_deref().and_then(one_line).or(site_name);
        match (by_url, name) {
            (Some(domain), name) => {
                if let Some(name) = name {
                    article
                        .extra
                        .entry("outlet_name")
                        .or_insert(serde_json::Value::String(name));
                }
                article.outlet = Some(domain);
            }
            (None, name) => article.outlet = name,
        }
        article.lang =
            language::with_declared(language::detect(&article.text), declared.as_deref());
        Ok(article)
    }
}

/// Collapses whitespace; empty gives `None`.
pub(crate) fn one_line(s: &str) -> Option<String> {
    let s = collapsed(s);
    (!s.is_empty()).then_some(s)
}

/// `s` with its whitespace runs collapsed to one space and trimmed.
pub(crate) fn collapsed(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_record(text: &str, hints: Hints) -> Record {
        Record {
            source: "t.txt".into(),
            body: Body::Text(text.into()),
            hints,
        }
    }

    #[test]
    fn words_are_counted_in_scripts_without_spaces() {
        assert!(!has_words("Read more"));
        assert!(has_words(
            "The ferry resumed service on Monday after repairs."
        ));
        assert!(has_words(
            "宮崎県で地震があった。気象庁によると震源は日向灘。"
        ));
        assert!(!has_words("会員限定"));
    }

    #[test]
    fn an_error_page_is_no_article() {
        let r = text_record(
            "Oh dear: the page you requested has sailed. The Harbour Post keeps its ferry \
             timetables elsewhere now; try the search box at the top.",
            Hints::default(),
        );
        let err = Extractor::new().extract(&r).unwrap_err().to_string();
        assert!(
            err.starts_with("t.txt: an error page, not an article"),
            "{err}"
        );
        // A report that mentions a missing page is an article.
        let long = format!(
            "{} The council's web page could not be found on Monday, the harbour master said.",
            "The ferry line reopened on Monday after three weeks of repairs to the pier. "
                .repeat(20)
        );
        assert!(
            Extractor::new()
                .extract(&text_record(&long, Hints::default()))
                .is_ok()
        );
    }

    #[test]
    fn hints_beat_the_body() {
        let r = text_record(
            "Ferry line to reopen\n\nThe harbour authority said on Tuesday that the ferry line would reopen in April after repairs.",
            Hints {
                title: Some("Given  title".into()),
                date: Some("2025-03-04".into()),
                url: Some("https://www.northwire.example/a/b".into()),
                ..Hints::default()
            },
        );
        let a = Extractor::new().extract(&r).unwrap();
        assert_eq!(a.title.as_deref(), Some("Given title"));
        assert_eq!(a.published.as_deref(), Some("2025-03-04"));
        assert_eq!(a.outlet.as_deref(), Some("northwire.example"));
    }

    #[test]
    fn a_day_in_the_file_name_dates_an_undated_text() {
        let text = "The harbour authority said on Tuesday that the ferry line would reopen in April after repairs.";
        let mut r = text_record(text, Hints::default());
        r.source = "dump/courier-20250304-ferry-line.txt".into();
        let a = Extractor::new().extract(&r).unwrap();
        assert_eq!(a.published.as_deref(), Some("2025-03-04"));
        assert_eq!(a.extra["date_from"], "file name");
        // Digits that are no day, or none at all, date nothing.
        for source in ["dump/000_56a0f96718bf8a23.txt", "t.txt", "a-20251399-b.txt"] {
            r.source = source.into();
            assert_eq!(Extractor::new().extract(&r).unwrap().published, None);
        }
    }

    #[test]
    fn unparseable_date_is_kept_aside_not_invented() {
        let r = text_record(
            "The harbour authority said on Tuesday that the ferry line would reopen in April after repairs.",
            Hints {
                date: Some("yesterday-ish".into()),
                ..Hints::default()
            },
        );
        let a = Extractor::new().extract(&r).unwrap();
        assert_eq!(a.published, None);
        assert_eq!(
            a.extra.get("date_unparsed").and_then(|v| v.as_str()),
            Some("yesterday-ish")
        );
    }

    #[test]
    fn a_text_never_names_its_own_outlet() {
        let text = "Harbour Wire\n\nFerry line to reopen\n\nThe harbour authority said on Tuesday that the ferry line would reopen in April after repairs.\n\nSource: Tina Quill";
        let a = Extractor::new()
            .extract(&text_record(text, Hints::default()))
            .unwrap();
        assert_eq!(a.outlet, None);
        assert!(!a.extra.contains_key("outlet_name"));
        // A name the input declares is the outlet when there is no URL.
        let declared = Hints {
            outlet: Some(" Harbour  Wire ".into()),
            ..Hints::default()
        };
        let a = Extractor::new()
            .extract(&text_record(text, declared))
            .unwrap();
        assert_eq!(a.outlet.as_deref(), Some("Harbour Wire"));
    }

    #[test]
    fn a_page_keeps_its_domain_as_outlet_and_its_publisher_as_name() {
        let html = r#"<html><head><title>Ferry line to reopen</title>
            <meta property="og:site_name" content="Harbour Wire"></head><body><article>
            <h1>Ferry line to reopen</h1>
            <p>The harbour authority said on Tuesday that the ferry line would reopen in April after repairs to the old pier.</p>
            <p>Passengers will be able to book crossings from next month, a spokesperson for the operator added.</p>
            </article></body></html>"#;
        let mut r = Record {
            source: "p.html".into(),
            body: Body::Html(html.into()),
            hints: Hints {
                url: Some("https://news.harbourwire.example/a/1".into()),
                ..Hints::default()
            },
        };
        let a = Extractor::new().extract(&r).unwrap();
        assert_eq!(a.outlet.as_deref(), Some("harbourwire.example"));
        assert_eq!(a.extra["outlet_name"], "Harbour Wire");
        // Without a URL the publisher's own name is the outlet.
        r.hints.url = None;
        let a = Extractor::new().extract(&r).unwrap();
        assert_eq!(a.outlet.as_deref(), Some("Harbour Wire"));
    }

    #[test]
    fn a_feed_entry_without_text_waits_for_its_page() {
        let mut extra = serde_json::Map::new();
        extra.insert(storyline_model::PENDING.into(), "page".into());
        let r = Record {
            source: "f.xml#1".into(),
            body: Body::Text(String::new()),
            hints: Hints {
                url: Some("https://harbourwire.example/b".into()),
                title: Some("Ferry line to reopen".into()),
                date: Some("Sat, 16 Dec 2023 17:14:01 +0200".into()),
                extra,
                ..Hints::default()
            },
        };
        let a = Extractor::new().extract(&r).unwrap();
        assert!(a.waits_for_page());
        assert_eq!(a.text, "");
        assert_eq!(a.title.as_deref(), Some("Ferry line to reopen"));
        assert_eq!(a.published.as_deref(), Some("2023-12-16T17:14:01+02:00"));
        assert_eq!(a.outlet.as_deref(), Some("harbourwire.example"));
        // The same empty body without the mark is no article.
        let mut bare = r.clone();
        bare.hints.extra.clear();
        assert!(Extractor::new().extract(&bare).is_err());
    }

    #[test]
    fn empty_page_is_an_error() {
        let r = Record {
            source: "p.html".into(),
            body: Body::Html("<html><body><nav>Home</nav></body></html>".into()),
            hints: Hints::default(),
        };
        let e = Extractor::new().extract(&r).unwrap_err();
        assert_eq!(e.to_string(), "p.html: no article text found");
    }
}
