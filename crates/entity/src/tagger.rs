//! The tagger: the embedded model applied to tokens or raw text.

use std::sync::OnceLock;

use crate::consistency;
use crate::decode::{Grammar, Scores};
use crate::error::ModelError;
use crate::features::{DocContext, Extractor, analyse};
use crate::gazetteer::Gazetteer;
use crate::label::{Label, NUM_LABELS as L};
use crate::mention::Mention;
use crate::model::Model;
use crate::tokenizer;

/// The model shipped with the crate (see the crate docs for how to rebuild it).
static EMBEDDED: &[u8] = include_bytes!("../model/ner.bin");

/// A loaded model ready to tag. Cheap to share across threads (`&self` only).
pub struct Tagger {
    model: Model,
    gaz: Gazetteer,
    extractor: Extractor,
    grammar: Grammar,
}

impl Default for Tagger {
    fn default() -> Self {
        Tagger::new()
    }
}

impl Tagger {
    /// The tagger with the embedded model.
    ///
    /// The embedded model is checked by the crate's tests; should it ever
    /// fail to load, this returns a tagger that finds nothing rather than
    /// failing (use [`Tagger::from_bytes`] to see the error).
    pub fn new() -> Tagger {
        Tagger::from_bytes(EMBEDDED).unwrap_or_else(|_| Tagger::from_model(Model::empty(1)))
    }

    /// A tagger from model bytes written by [`Model::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, ModelError> {
        Model::from_bytes(bytes).map(Tagger::from_model)
    }

    /// A tagger around an in-memory model.
    pub fn from_model(model: Model) -> Tagger {
        let extractor = Extractor::new(model.bits());
        Tagger {
            model,
            gaz: Gazetteer::new(),
            extractor,
            grammar: Grammar::new(),
        }
    }

    /// Labels one tokenised sentence (treated as a document of its own).
    pub fn tag(&self, tokens: &[&str]) -> Vec<Label> {
        self.tag_document(&[tokens]).pop().unwrap_or_default()
    }

    /// Labels the tokenised sentences of one document; words seen elsewhere
    /// in the document inform each sentence (see [`crate::features`]).
    pub fn tag_document(&self, sentences: &[&[&str]]) -> Vec<Vec<Label>> {
        let words: Vec<_> = sentences.iter().map(|s| analyse(s, &self.gaz)).collect();
        self.tag_words(&words)
    }

    fn tag_words(&self, words: &[Vec<crate::word::Word>]) -> Vec<Vec<Label>> {
        let ctx = DocContext::gather(words);
        let (mut feats, mut offs) = (Vec::new(), Vec::new());
        let (mut emit, mut back, mut best) = (Vec::new(), Vec::new(), Vec::new());
        let mut out = Vec::with_capacity(words.len());
        for w in words {
            self.extractor.sentence(w, &ctx, &mut feats, &mut offs);
            emit.clear();
            emit.resize(w.len(), [0f32; L]);
            for (t, e) in emit.iter_mut().enumerate() {
                let f = feats.get(offs[t]..offs[t + 1]).unwrap_or(&[]);
                self.model.emit(f, e);
            }
            let scores = Scores {
                emit: &emit,
                trans: &self.model.trans,
                start: &self.model.start,
                end: &self.model.end,
            };
            self.grammar.best(&scores, &mut back, &mut best);
            out.push(best.iter().map(|&i| Label::from_index(i)).collect());
        }
        consistency::surnames(words, &mut out);
        consistency::majority(words, &mut out);
        out
    }

    /// Finds the names in raw text (its own tokenizer and sentence splitter).
    pub fn find(&self, text: &str) -> Vec<Mention> {
        let sentences = tokenizer::sentences(text);
        let words: Vec<_> = sentences
            .iter()
            .map(|s| {
                let toks: Vec<&str> = s
                    .iter()
                    .map(|t| text.get(t.start..t.end).unwrap_or(""))
                    .collect();
                analyse(&toks, &self.gaz)
            })
            .collect();
        let labels = self.tag_words(&words);
        let mut out = Vec::new();
        for (sent, labels) in sentences.iter().zip(&labels) {
            for (s, e, kind) in Label::spans(labels) {
                // A word capitalised only because it opens the sentence
                // ("Despite Ada Moss's ...", "Per Harbour Radio, ...") is no part of
                // the name after it.
                let s = if e - s >= 2
                    && sent
                        .get(s)
                        .is_some_and(|t| opener(text.get(t.start..t.end).unwrap_or("")))
                {
                    s + 1
                } else {
                    s
                };
                let (Some(first), Some(last)) =
                    (sent.get(s), e.checked_sub(1).and_then(|l| sent.get(l)))
                else {
                    continue;
                };
                let (start, end) = (first.start, last.end);
                if let Some(t) = text.get(start..end) {
                    out.push(Mention {
                        start,
                        end,
                        kind,
                        text: t.to_string(),
                    });
                }
            }
        }
        out
    }
}

/// Whether a capitalised word is one of the [`OPENERS`] ("Despite",
/// "Per", "Even"), never the first word of a name.
fn opener(word: &str) -> bool {
    let mut chars = word.chars();
    if !chars.next().is_some_and(char::is_uppercase) || !chars.all(char::is_lowercase) {
        return false;
    }
    OPENERS.iter().any(|o| o.eq_ignore_ascii_case(word))
}

/// Prepositions, conjunctions and adverbs that open sentences. Not "the"
/// ("The Hague") nor "new" ("New York").
const OPENERS: &[&str] = &[
    "according",
    "after",
    "also",
    "although",
    "amid",
    "and",
    "as",
    "at",
    "because",
    "before",
    "but",
    "by",
    "despite",
    "during",
    "even",
    "for",
    "from",
    "however",
    "if",
    "in",
    "instead",
    "meanwhile",
    "on",
    "or",
    "per",
    "since",
    "so",
    "still",
    "then",
    "though",
    "thus",
    "unlike",
    "until",
    "upon",
    "via",
    "when",
    "while",
    "with",
    "without",
    "yet",
];

/// Finds the names in raw text with a shared, lazily loaded [`Tagger`].
pub fn find(text: &str) -> Vec<Mention> {
    static TAGGER: OnceLock<Tagger> = OnceLock::new();
    TAGGER.get_or_init(Tagger::new).find(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::label::Kind;

    #[test]
    fn a_sentence_opener_is_no_part_of_a_name() {
        assert!(opener("Despite") && opener("Per") && opener("Even"));
        assert!(!opener("Ada") && !opener("USA") && !opener("despite"));
        assert!(!opener("New") && !opener("The"));
        let text =
            "Despite Ivo Brandt's objections, the pier closed. Per Harbour Radio, the ferry sank.";
        for m in Tagger::new().find(text) {
            assert!(
                !m.text.starts_with("Despite") && !m.text.starts_with("Per "),
                "{m:?}"
            );
        }
    }

    #[test]
    fn embedded_model_loads_and_finds_names() {
        assert!(
            Tagger::from_bytes(EMBEDDED).is_ok(),
            "model/ner.bin must be a valid model"
        );
        let text = "Prime Minister Halvard Ostrem of Norway met executives of Siemens in Berlin on Tuesday.";
        let found = Tagger::new().find(text);
        let kinds: Vec<(&str, Kind)> = found.iter().map(|m| (m.text.as_str(), m.kind)).collect();
        assert!(
            kinds.contains(&("Halvard Ostrem", Kind::Person)),
            "{kinds:?}"
        );
        assert!(kinds.contains(&("Norway", Kind::Place)), "{kinds:?}");
        assert!(kinds.contains(&("Berlin", Kind::Place)), "{kinds:?}");
        for m in &found {
            assert_eq!(&text[m.start..m.end], m.text);
        }
    }

    #[test]
    fn hostile_text_does_not_panic() {
        let tagger = Tagger::new();
        for text in [
            "",
            " ",
            "\u{0}\u{301}",
            "’’’’",
            "A.B.C.D.E.",
            "🙂 Ölçü İstanbul’da",
            "X\n\n\nY",
        ] {
            let _ = tagger.find(text);
        }
        let long = "Zed Qu ".repeat(5000);
        assert!(!tagger.find(&long).is_empty());
        assert!(tagger.tag(&[]).is_empty());
        assert_eq!(tagger.tag(&["", "\u{0}"]).len(), 2);
        // A broken model is an error, not a panic.
        assert!(Tagger::from_bytes(b"SLNER01\nrubbish").is_err());
    }

    #[test]
    fn random_text_gives_valid_spans() {
        let alphabet: Vec<char> = "aZ .,'’\"-\n\t(é東🙂Q0".chars().collect();
        let tagger = Tagger::new();
        let mut seed = 0x1234_5678_u64;
        for _ in 0..200 {
            let text: String = (0..60)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    alphabet[(seed % alphabet.len() as u64) as usize]
                })
                .collect();
            for m in tagger.find(&text) {
                assert_eq!(text.get(m.start..m.end), Some(m.text.as_str()));
            }
        }
    }
}
