//! storyline-story: the story layer, between the store and the commands.
//!
//! Clustering decides which stored articles tell one story, an event
//! ([`update`], [`rebuild`]: rounds whose state the store keeps), and which
//! events make one [`Storyline`], a developing story. A story or a whole
//! storyline is read back as a [`StoryView`]: its row, its articles in time
//! order and their texts.
//! Over a view the analysis crates are joined: the story's linked
//! [entities](StoryView::entities), who [said](StoryView::said) what
//! (speakers named as those entities name them), its
//! [timeline](StoryView::timeline). [`facts`](of_article) does the same
//! for one article. Every stage is handed an article through one
//! [`ArticleView`], which builds each stage's own input.
//!
//! The digest is built here too: storylines [ranked](rank), a big one
//! [sampled](sample) to at most [`MAX_READ`] articles, each
//! [briefed](brief) with a cited summary, its [key quotes](key_quotes),
//! [key events](key_events) and [coverage](coverage()) by outlet. The
//! commands only parse arguments and print.
//!
//! Each article's facts and each storyline's brief are computed once and
//! [kept in the store](keep_stored), after every clustering update (every
//! [`BRIEF_EVERY`] in a long-running [`Placer`], within its
//! [`BRIEF_SHARE`] budget), for the changed storylines only; readers take
//! the [stored brief](stored_brief), or compute a missing one.

mod article;
mod brief;
mod coverage;
mod cpu;
mod digest;
mod error;
mod events;
mod facts;
pub mod heap;
mod known;
mod quotes;
mod rank;
mod rounds;
mod said;
mod sample;
mod stored;
mod storyline;
mod view;

#[cfg(test)]
mod fixture;

pub use article::ArticleView;
pub use brief::brief;
pub use coverage::coverage;
pub use digest::{Options, digest};
pub use error::StoryError;
pub use events::{MAX_EVENTS, key_events};
pub use facts::{kind, of_article, quotes_of_article};
pub use known::known_names;
pub use quotes::{MAX_QUOTES, key_quotes};
pub use rank::{rank, reach};
pub use rounds::{BRIEF_EVERY, BRIEF_SHARE, Placed, Placer, rebuild, update};
pub use said::Said;
pub use sample::{MAX_READ, sample};
pub use stored::{
    DEFAULT_WORDS, Kept, facts_json, fill_facts, keep_stored, refresh_briefs, stored_brief,
};
pub use storyline::Storyline;
pub use view::{StoryView, label};
