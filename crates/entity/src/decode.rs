//! Viterbi decoding of the best label sequence under the BIOES grammar.
//!
//! Transitions the grammar forbids (`O` followed by `I-PER`, `B-ORG`
//! followed by `E-LOC`, ...) are never considered, so every output is a
//! well-formed sequence of names.

// Index loops over the small label-by-label tables read clearer than zips.
#![allow(clippy::needless_range_loop)]

use crate::label::{Label, NUM_LABELS as L};

/// Scores for one sentence: per-token label scores plus transitions.
pub(crate) struct Scores<'a> {
    /// `emit[t][l]`: how much token `t` looks like label `l`.
    pub emit: &'a [[f32; L]],
    /// `trans[p][l]`: score of label `l` right after label `p`.
    pub trans: &'a [[f32; L]; L],
    /// Score of a sentence starting with each label.
    pub start: &'a [f32; L],
    /// Score of a sentence ending with each label.
    pub end: &'a [f32; L],
}

/// Which transitions the grammar allows, computed once.
pub(crate) struct Grammar {
    allowed: [[bool; L]; L],
    start: [bool; L],
    end: [bool; L],
}

impl Grammar {
    /// The BIOES grammar.
    pub(crate) fn new() -> Grammar {
        let mut g = Grammar {
            allowed: [[false; L]; L],
            start: [false; L],
            end: [false; L],
        };
        for p in 0..L {
            let lp = Label::from_index(p);
            g.start[p] = lp.may_start();
            g.end[p] = lp.may_end();
            for n in 0..L {
                g.allowed[p][n] = lp.may_precede(Label::from_index(n));
            }
        }
        g
    }

    /// Writes the best label indices for `scores` into `out`; `back` is scratch.
    pub(crate) fn best(&self, scores: &Scores<'_>, back: &mut Vec<[u8; L]>, out: &mut Vec<usize>) {
        out.clear();
        back.clear();
        let n = scores.emit.len();
        if n == 0 {
            return;
        }
        let mut cur = [f32::NEG_INFINITY; L];
        for l in 0..L {
            if self.start[l] {
                cur[l] = scores.start[l] + scores.emit[0][l];
            }
        }
        back.push([0; L]);
        for t in 1..n {
            let mut next = [f32::NEG_INFINITY; L];
            let mut bp = [0u8; L];
            for l in 0..L {
                let mut best = f32::NEG_INFINITY;
                let mut arg = 0usize;
                for p in 0..L {
                    if self.allowed[p][l] {
                        let s = cur[p] + scores.trans[p][l];
                        if s > best {
                            best = s;
                            arg = p;
                        }
                    }
                }
                next[l] = best + scores.emit[t][l];
                bp[l] = arg as u8;
            }
            back.push(bp);
            cur = next;
        }
        let mut best = f32::NEG_INFINITY;
        let mut arg = 0usize;
        for l in 0..L {
            if self.end[l] {
                let s = cur[l] + scores.end[l];
                if s > best {
                    best = s;
                    arg = l;
                }
            }
        }
        out.resize(n, 0);
        out[n - 1] = arg;
        for t in (1..n).rev() {
            arg = usize::from(back[t][arg]);
            out[t - 1] = arg;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::label::Kind;

    #[test]
    fn output_is_well_formed() {
        // Emissions that on their own would say O, I-PER, O: ill-formed.
        let mut emit = vec![[0.0f32; L]; 3];
        emit[1][Label::Inside(Kind::Person).index()] = 5.0;
        emit[1][Label::Single(Kind::Person).index()] = 4.0;
        emit[0][0] = 1.0;
        emit[2][0] = 1.0;
        let trans = [[0.0; L]; L];
        let z = [0.0; L];
        let s = Scores {
            emit: &emit,
            trans: &trans,
            start: &z,
            end: &z,
        };
        let (mut back, mut out) = (Vec::new(), Vec::new());
        Grammar::new().best(&s, &mut back, &mut out);
        assert_eq!(out, vec![0, Label::Single(Kind::Person).index(), 0]);
        let empty = Scores {
            emit: &[],
            trans: &trans,
            start: &z,
            end: &z,
        };
        Grammar::new().best(&empty, &mut back, &mut out);
        assert!(out.is_empty());
    }
}
