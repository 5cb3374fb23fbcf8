//! storyline-entity: people, organisations and places named in an article.
//!
//! # Finding names
//!
//! [`find`] (or a [`Tagger`] held by the caller) tokenizes raw news text
//! ([`tokenizer`]), splits it into sentences, and labels every token with a
//! linear-chain model: an averaged structured perceptron over hashed
//! features ([`features`]: the word, its shape, prefixes and suffixes, its
//! neighbours, small hand-written word lists, and whether the word is also
//! seen in lowercase elsewhere in the document), decoded with Viterbi under
//! the BIOES grammar ([`decode`]). Repeated names then agree within the
//! document (a lone surname of a tagged person is that person). Names come
//! back as [`Mention`]s with byte offsets and a [`Kind`]: person,
//! organisation, place or other (the four CoNLL-2003 types).
//! [`Tagger::tag`] and [`Tagger::tag_document`] label pre-tokenised text.
//!
//! Measured on CoNLL-2003 `eng.testa` (`storyline eval ner`): entity F1
//! 0.92 (PER 0.93, LOC 0.95, ORG 0.88, MISC 0.89); 0.3 to 1.3 million
//! tokens a second on one core, depending on how busy the machine is.
//!
//! # Linking names within a story
//!
//! [`link`] takes the mentions of several articles of one story and
//! returns [`Entity`]s: "Russian President Vladimir Putin", "Putin", "the
//! Kremlin leader" and "the 72-year-old Russian leader" become one person
//! with canonical name "Vladimir Putin", role "President" and attributes
//! "Russian" and "72-year-old". See [`linker`] for the rules.
//!
//! ```
//! use storyline_entity::{Kind, find};
//!
//! let text = "Mayor Ilse Varn flew to Paris on Monday.";
//! let names = find(text);
//! assert!(names.iter().any(|m| m.text == "Paris" && m.kind == Kind::Place));
//! assert!(names.iter().all(|m| text[m.start..m.end] == m.text));
//! ```
//!
//! # The model
//!
//! The weights live in `model/ner.bin` and are compiled in with
//! `include_bytes!`: no strings, only `i8` weights per hashed feature
//! bucket and label, stored sparsely (format in [`model`]). Rebuild it,
//! deterministically (same data gives the same bytes), with
//!
//! ```text
//! cargo run -p storyline-entity --release --example train -- \
//!     ../shared/data/ner/eng.train crates/entity/model/ner.bin
//! ```
//!
//! Training takes a few seconds (10 epochs, 2^18 buckets; `--dev FILE`
//! prints the held-out F1 after each epoch, `--epochs` and `--bits` change
//! the settings). The training data (CoNLL-2003 English) is research-only
//! and never enters the repository; only the numbers learned from it do.

pub mod chunk;
mod consistency;
pub mod decode;
pub mod error;
pub mod features;
mod gazetteer;
mod hash;
pub mod label;
pub mod linker;
pub mod mention;
pub mod model;
mod nickname;
mod role;
pub mod tagger;
pub mod tokenizer;
pub mod train;
mod word;

pub use error::ModelError;
pub use label::{Kind, Label};
pub use linker::{Entity, link};
pub use mention::Mention;
pub use model::Model;
pub use tagger::{Tagger, find};
