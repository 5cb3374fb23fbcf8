//! Entity kinds and the per-token labels the tagger predicts.
//!
//! The tagger works in the BIOES scheme (Begin, Inside, End, Single,
//! Outside): it makes a name's boundaries explicit, which a first-order
//! model learns more easily than plain IOB. [`crate::chunk`] turns any of
//! the CoNLL tag schemes back into spans.

use std::fmt;

/// What kind of thing a name refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// A person (CoNLL `PER`).
    Person,
    /// A company, party, team, agency or other organisation (`ORG`).
    Organisation,
    /// A country, city, region or other place (`LOC`).
    Place,
    /// Any other name: nationalities, events, products, titles (`MISC`).
    Other,
}

impl Kind {
    /// All kinds, in label order.
    pub const ALL: [Kind; 4] = [Kind::Person, Kind::Organisation, Kind::Place, Kind::Other];

    /// The CoNLL type name (`PER`, `ORG`, `LOC`, `MISC`).
    pub fn conll(self) -> &'static str {
        match self {
            Kind::Person => "PER",
            Kind::Organisation => "ORG",
            Kind::Place => "LOC",
            Kind::Other => "MISC",
        }
    }

    /// Parses a CoNLL type name; `None` for anything else.
    pub fn from_conll(s: &str) -> Option<Kind> {
        match s {
            "PER" => Some(Kind::Person),
            "ORG" => Some(Kind::Organisation),
            "LOC" => Some(Kind::Place),
            "MISC" => Some(Kind::Other),
            _ => None,
        }
    }

    fn index(self) -> usize {
        match self {
            Kind::Person => 0,
            Kind::Organisation => 1,
            Kind::Place => 2,
            Kind::Other => 3,
        }
    }
}

/// One token's label in the BIOES scheme.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Label {
    /// Not part of a name.
    Outside,
    /// First token of a name of two or more tokens.
    Begin(Kind),
    /// A middle token of a name of three or more tokens.
    Inside(Kind),
    /// Last token of a name of two or more tokens.
    End(Kind),
    /// A one-token name.
    Single(Kind),
}

/// How many distinct labels there are (`O` plus four positions per kind).
pub const NUM_LABELS: usize = 17;

impl Label {
    /// A dense index in `0..NUM_LABELS` (`Outside` is 0).
    pub fn index(self) -> usize {
        match self {
            Label::Outside => 0,
            Label::Begin(k) => 1 + 4 * k.index(),
            Label::Inside(k) => 2 + 4 * k.index(),
            Label::End(k) => 3 + 4 * k.index(),
            Label::Single(k) => 4 + 4 * k.index(),
        }
    }

    /// The label with a given dense index; `Outside` when out of range.
    pub fn from_index(i: usize) -> Label {
        if i == 0 || i >= NUM_LABELS {
            return Label::Outside;
        }
        let kind = Kind::ALL[(i - 1) / 4];
        match (i - 1) % 4 {
            0 => Label::Begin(kind),
            1 => Label::Inside(kind),
            2 => Label::End(kind),
            _ => Label::Single(kind),
        }
    }

    /// The kind of name this token belongs to, if any.
    pub fn kind(self) -> Option<Kind> {
        match self {
            Label::Outside => None,
            Label::Begin(k) | Label::Inside(k) | Label::End(k) | Label::Single(k) => Some(k),
        }
    }

    /// Whether a name may continue from `self` to `next` (BIOES grammar).
    pub fn may_precede(self, next: Label) -> bool {
        match self {
            Label::Begin(k) | Label::Inside(k) => {
                matches!(next, Label::Inside(n) | Label::End(n) if n == k)
            }
            Label::Outside | Label::End(_) | Label::Single(_) => {
                matches!(next, Label::Outside | Label::Begin(_) | Label::Single(_))
            }
        }
    }

    /// Whether a sentence may start with this label.
    pub fn may_start(self) -> bool {
        matches!(self, Label::Outside | Label::Begin(_) | Label::Single(_))
    }

    /// Whether a sentence may end with this label.
    pub fn may_end(self) -> bool {
        matches!(self, Label::Outside | Label::End(_) | Label::Single(_))
    }

    /// BIOES labels for `len` tokens covered by the given spans
    /// (`(start, end, kind)`, end exclusive, in order, not overlapping).
    pub fn from_spans(len: usize, spans: &[(usize, usize, Kind)]) -> Vec<Label> {
        let mut out = vec![Label::Outside; len];
        for &(s, e, k) in spans {
            if s >= e || e > len {
                continue;
            }
            if e - s == 1 {
                out[s] = Label::Single(k);
                continue;
            }
            out[s] = Label::Begin(k);
            for l in &mut out[s + 1..e - 1] {
                *l = Label::Inside(k);
            }
            out[e - 1] = Label::End(k);
        }
        out
    }

    /// Spans (`(start, end, kind)`, end exclusive) of a label sequence.
    ///
    /// Tolerates ill-formed sequences: a name starts at any `B`/`S`, or at an
    /// `I`/`E` that does not continue a name of the same kind.
    pub fn spans(labels: &[Label]) -> Vec<(usize, usize, Kind)> {
        let mut out = Vec::new();
        let mut open: Option<(usize, Kind)> = None;
        for (i, &l) in labels.iter().enumerate() {
            let continues =
                matches!((open, l), (Some((_, k)), Label::Inside(n) | Label::End(n)) if k == n);
            if !continues {
                if let Some((s, k)) = open.take() {
                    out.push((s, i, k));
                }
                if let Some(k) = l.kind() {
                    open = Some((i, k));
                }
            }
            if matches!(l, Label::End(_) | Label::Single(_))
                && let Some((s, k)) = open.take()
            {
                out.push((s, i + 1, k));
            }
        }
        if let Some((s, k)) = open {
            out.push((s, labels.len(), k));
        }
        out
    }
}

impl fmt::Display for Label {
    /// CoNLL BIOES form: `O`, `B-PER`, `I-ORG`, `E-LOC`, `S-MISC`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (p, k) = match self {
            Label::Outside => return f.write_str("O"),
            Label::Begin(k) => ("B", k),
            Label::Inside(k) => ("I", k),
            Label::End(k) => ("E", k),
            Label::Single(k) => ("S", k),
        };
        write!(f, "{p}-{}", k.conll())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indexes_round_trip() {
        for i in 0..NUM_LABELS {
            assert_eq!(Label::from_index(i).index(), i);
        }
        assert_eq!(Label::from_index(99), Label::Outside);
    }

    #[test]
    fn spans_round_trip() {
        let spans = vec![
            (0, 2, Kind::Person),
            (3, 4, Kind::Place),
            (4, 7, Kind::Other),
        ];
        let labels = Label::from_spans(8, &spans);
        assert_eq!(labels[4].to_string(), "B-MISC");
        assert_eq!(Label::spans(&labels), spans);
    }

    #[test]
    fn grammar() {
        let b = Label::Begin(Kind::Person);
        assert!(b.may_precede(Label::End(Kind::Person)));
        assert!(!b.may_precede(Label::End(Kind::Place)));
        assert!(!b.may_precede(Label::Outside));
        assert!(!Label::Inside(Kind::Other).may_start());
    }
}
