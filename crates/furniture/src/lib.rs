//! Strips page furniture from plain-text news articles.
//!
//! Plain text scraped from a news page keeps the page's chrome: menus,
//! language switchers, "Advertisement" labels, photo credits, share buttons,
//! and after the article the lists of related and recent headlines.
//! [`clean`] keeps the article's own paragraphs and sub-headings, drops the
//! rest, and picks out the title, byline, dateline and a "Source:" outlet.
//! It works from principles, not site rules: the body is the densest run of
//! real sentences; furniture is short, unpunctuated, drawn from a generic
//! vocabulary, or comes in runs of headline-like lines after the body.
//!
//! What no principle can know, an outlet's own boilerplate ("Support our
//! newsroom!"), [`OutletLines`] learns from repetition across that outlet's
//! articles.
//!
//! ```
//! let page = "Menu\nSkip to content\n\nFerry line to reopen in spring\n\n\
//!             By JANE DOE | March 3, 2025\n\n\
//!             The harbour authority said on Tuesday that the ferry line would reopen in April.\n\n\
//!             Local traders welcomed the decision, which ends months of uncertainty.\n\n\
//!             Related\nPier repairs to start next week\nNew timetable for island buses";
//! let c = storyline_furniture::clean(page);
//! assert_eq!(c.title.as_deref(), Some("Ferry line to reopen in spring"));
//! assert_eq!(c.author.as_deref(), Some("Jane Doe"));
//! assert_eq!(c.dateline.as_deref(), Some("March 3, 2025"));
//! assert!(c.text.starts_with("The harbour authority"));
//! assert!(c.text.ends_with("months of uncertainty."));
//! ```

mod byline;
mod cleaned;
mod cleaner;
mod line_hash;
mod observation;
mod outlet_lines;
mod unit;
mod vocabulary;

pub use cleaned::Cleaned;
pub use cleaner::clean;
pub use line_hash::line_hash;
pub use observation::Observation;
pub use outlet_lines::OutletLines;
