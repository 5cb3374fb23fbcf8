//! storyline-report: the present stage's sinks for a [`Digest`].
//!
//! A digest is plain data (serialisable as JSON with serde): the stories
//! worth reading, each with its headline, a cited summary, key quotes, a
//! timeline, how outlets covered it, and its numbered sources. Two
//! renderers turn it into text:
//! - [`terminal`]: a briefing for a terminal, with colour when asked;
//! - [`html`]: one self-contained page (no external assets, no scripts),
//!   navigable by story.
//!
//! All text in a digest comes from articles and is untrusted: the HTML
//! renderer escapes every piece of it, only links `http` and `https` URLs,
//! and the terminal renderer drops control characters so an article cannot
//! move the cursor or recolour the screen; [`screen`] is that filter, which
//! every command printing article text uses.

mod digest;
pub mod html;
pub mod screen;
pub mod terminal;

pub use digest::{Coverage, Development, Difference, Digest, Event, Line, Quote, Source, Story};

/// "1 article", "3 articles".
pub(crate) fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// " in 3 events" for a storyline that developed; nothing for one event.
pub(crate) fn events_note(s: &Story) -> String {
    if s.events.len() > 1 {
        format!(" in {} events", s.events.len())
    } else {
        String::new()
    }
}
