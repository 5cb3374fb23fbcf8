//! Training: an averaged structured perceptron over the BIOES grammar.
//!
//! Each epoch visits the sentences in a fixed pseudo-random order (seeded,
//! so the same data always gives the same bytes), decodes each with the
//! current weights, and where the best sequence differs from the gold one
//! moves weight from the predicted labels' features to the gold labels'.
//! The returned model averages the weights over all steps, which is what
//! makes the perceptron generalise.

use crate::decode::{Grammar, Scores};
use crate::features::{DocContext, Extractor, analyse};
use crate::gazetteer::Gazetteer;
use crate::label::{Label, NUM_LABELS as L};
use crate::model::Model;

/// Training settings.
#[derive(Clone, Debug)]
pub struct TrainConfig {
    /// log2 of the number of feature buckets.
    pub bits: u32,
    /// Passes over the data.
    pub epochs: usize,
    /// Seed of the sentence order.
    pub seed: u64,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            bits: 18,
            epochs: 10,
            seed: 0x5EED,
        }
    }
}

/// One training document: sentences of tokens with their gold labels.
#[derive(Clone, Debug, Default)]
pub struct Document {
    /// `(tokens, labels)` per sentence, both of equal length.
    pub sentences: Vec<(Vec<String>, Vec<Label>)>,
}

/// The trainable state: current weights plus the sums for averaging.
struct Perceptron {
    w: Vec<f32>,
    u: Vec<f32>,
    trans: [[f32; L]; L],
    trans_u: [[f32; L]; L],
    start: [f32; L],
    start_u: [f32; L],
    end: [f32; L],
    end_u: [f32; L],
    c: f32,
}

impl Perceptron {
    fn emit(&self, feats: &[u32], out: &mut [f32; L]) {
        *out = [0.0; L];
        for &f in feats {
            let base = f as usize * L;
            for (o, &w) in out.iter_mut().zip(&self.w[base..base + L]) {
                *o += w;
            }
        }
    }

    fn feature(&mut self, feats: &[u32], label: usize, delta: f32) {
        for &f in feats {
            let i = f as usize * L + label;
            self.w[i] += delta;
            self.u[i] += self.c * delta;
        }
    }

    /// The averaged weights as a quantised model.
    #[allow(clippy::needless_range_loop)] // label-by-label tables
    fn averaged(&self, bits: u32) -> Model {
        let c = self.c.max(1.0);
        let w: Vec<f32> = self.w.iter().zip(&self.u).map(|(w, u)| w - u / c).collect();
        let mut trans = [[0f32; L]; L];
        let (mut start, mut end) = ([0f32; L], [0f32; L]);
        for p in 0..L {
            for n in 0..L {
                trans[p][n] = self.trans[p][n] - self.trans_u[p][n] / c;
            }
            start[p] = self.start[p] - self.start_u[p] / c;
            end[p] = self.end[p] - self.end_u[p] / c;
        }
        Model::quantise(bits, &w, &trans, &start, &end)
    }
}

/// A deterministic xorshift generator for the visiting order.
fn shuffle(order: &mut [usize], seed: &mut u64) {
    for i in (1..order.len()).rev() {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        order.swap(i, (*seed % (i as u64 + 1)) as usize);
    }
}

/// Trains a model; `after_epoch(epoch, averaged_model)` is called after
/// every pass (for progress reports and for choosing the number of epochs).
pub fn train(
    docs: &[Document],
    config: &TrainConfig,
    mut after_epoch: impl FnMut(usize, &Model),
) -> Model {
    let bits = config.bits.clamp(1, 24);
    let gaz = Gazetteer::new();
    let ex = Extractor::new(bits);
    // Features never change between epochs: extract them once.
    let mut sents: Vec<(Vec<u32>, Vec<usize>, Vec<usize>)> = Vec::new();
    for doc in docs {
        let words: Vec<_> = doc
            .sentences
            .iter()
            .map(|(t, _)| analyse(&t.iter().map(String::as_str).collect::<Vec<_>>(), &gaz))
            .collect();
        let ctx = DocContext::gather(&words);
        for (w, (_, labels)) in words.iter().zip(&doc.sentences) {
            if w.is_empty() || w.len() != labels.len() {
                continue;
            }
            let (mut f, mut o) = (Vec::new(), Vec::new());
            ex.sentence(w, &ctx, &mut f, &mut o);
            sents.push((f, o, labels.iter().map(|l| l.index()).collect()));
        }
    }
    let mut p = Perceptron {
        w: vec![0.0; (1usize << bits) * L],
        u: vec![0.0; (1usize << bits) * L],
        trans: [[0.0; L]; L],
        trans_u: [[0.0; L]; L],
        start: [0.0; L],
        start_u: [0.0; L],
        end: [0.0; L],
        end_u: [0.0; L],
        c: 1.0,
    };
    let grammar = Grammar::new();
    let mut order: Vec<usize> = (0..sents.len()).collect();
    let mut seed = config.seed | 1;
    let (mut emit, mut back, mut pred) = (Vec::new(), Vec::new(), Vec::new());
    let mut model = p.averaged(bits);
    for epoch in 0..config.epochs {
        shuffle(&mut order, &mut seed);
        for &s in &order {
            let (feats, offs, gold) = &sents[s];
            let n = gold.len();
            emit.clear();
            emit.resize(n, [0f32; L]);
            for (t, e) in emit.iter_mut().enumerate() {
                p.emit(&feats[offs[t]..offs[t + 1]], e);
            }
            let scores = Scores {
                emit: &emit,
                trans: &p.trans,
                start: &p.start,
                end: &p.end,
            };
            grammar.best(&scores, &mut back, &mut pred);
            if pred != *gold {
                for t in 0..n {
                    if pred[t] != gold[t] {
                        let f = &feats[offs[t]..offs[t + 1]];
                        p.feature(f, gold[t], 1.0);
                        p.feature(f, pred[t], -1.0);
                    }
                }
                let c = p.c;
                let mut bump = |seq: &[usize], d: f32| {
                    p.start[seq[0]] += d;
                    p.start_u[seq[0]] += c * d;
                    p.end[seq[n - 1]] += d;
                    p.end_u[seq[n - 1]] += c * d;
                    for t in 1..n {
                        p.trans[seq[t - 1]][seq[t]] += d;
                        p.trans_u[seq[t - 1]][seq[t]] += c * d;
                    }
                };
                bump(gold, 1.0);
                bump(&pred, -1.0);
            }
            p.c += 1.0;
        }
        model = p.averaged(bits);
        after_epoch(epoch + 1, &model);
    }
    model
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::label::Kind;
    use crate::tagger::Tagger;

    fn sentence(words: &str, spans: &[(usize, usize, Kind)]) -> (Vec<String>, Vec<Label>) {
        let t: Vec<String> = words.split(' ').map(str::to_string).collect();
        let l = Label::from_spans(t.len(), spans);
        (t, l)
    }

    #[test]
    fn learns_a_toy_pattern_deterministically() {
        let doc = Document {
            sentences: vec![
                sentence(
                    "Olva Brennic visited Tarsk .",
                    &[(0, 2, Kind::Person), (3, 4, Kind::Place)],
                ),
                sentence(
                    "Then Olva left Tarsk for Quenby .",
                    &[
                        (1, 2, Kind::Person),
                        (3, 4, Kind::Place),
                        (5, 6, Kind::Place),
                    ],
                ),
                sentence(
                    "Brennic said it rained in Quenby .",
                    &[(0, 1, Kind::Person), (5, 6, Kind::Place)],
                ),
            ],
        };
        let cfg = TrainConfig {
            bits: 12,
            epochs: 5,
            seed: 7,
        };
        let a = train(std::slice::from_ref(&doc), &cfg, |_, _| {});
        let b = train(std::slice::from_ref(&doc), &cfg, |_, _| {});
        assert_eq!(a.to_bytes(), b.to_bytes());
        let tagger = Tagger::from_model(a);
        let labels = tagger.tag(&["Olva", "Brennic", "visited", "Quenby", "."]);
        assert_eq!(
            Label::spans(&labels),
            vec![(0, 2, Kind::Person), (3, 4, Kind::Place)]
        );
    }
}
