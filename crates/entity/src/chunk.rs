//! Chunks (entity spans) from CoNLL tag strings, the way conlleval reads them.
//!
//! Accepts IOB1 (the original CoNLL-2003 files: a name starts at `B-X` only
//! when it directly follows another `X`), IOB2 and BIOES alike: a chunk
//! ends after `E`/`S`, before `B`/`S`/`O`, or where the type changes; it
//! starts at `B`/`S`, at `I`/`E` after `O`/`E`/`S`, or where the type changes.

/// One chunk: tokens `start..end` of type `kind` (e.g. `PER`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Chunk {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The type after the dash (`PER`, `ORG`, ...).
    pub kind: String,
}

/// Splits a tag into its prefix and type: `B-PER` -> (`B`, `PER`), `O` -> (`O`, ``).
fn split(tag: &str) -> (&str, &str) {
    match tag.split_once('-') {
        Some((p, t)) => (p, t),
        None if tag == "O" || tag.is_empty() => ("O", ""),
        // A bare type with no prefix reads as inside that type.
        None => ("I", tag),
    }
}

fn ends(prev: (&str, &str), cur: (&str, &str)) -> bool {
    let (pp, pt) = prev;
    let (cp, ct) = cur;
    matches!(pp, "E" | "S")
        || (matches!(pp, "B" | "I") && matches!(cp, "B" | "S" | "O"))
        || (pp != "O" && pt != ct)
}

fn starts(prev: (&str, &str), cur: (&str, &str)) -> bool {
    let (pp, pt) = prev;
    let (cp, ct) = cur;
    matches!(cp, "B" | "S")
        || (matches!(pp, "E" | "S" | "O") && matches!(cp, "I" | "E"))
        || (cp != "O" && pt != ct)
}

/// The chunks of one sentence's tags.
pub fn chunks<S: AsRef<str>>(tags: &[S]) -> Vec<Chunk> {
    let mut out = Vec::new();
    let mut prev = ("O", "");
    let mut open: Option<usize> = None;
    for (i, tag) in tags.iter().enumerate() {
        let cur = split(tag.as_ref());
        if let Some(s) = open
            && ends(prev, cur)
        {
            out.push(Chunk {
                start: s,
                end: i,
                kind: prev.1.to_string(),
            });
            open = None;
        }
        if starts(prev, cur) {
            open = Some(i);
        }
        prev = cur;
    }
    if let Some(s) = open {
        out.push(Chunk {
            start: s,
            end: tags.len(),
            kind: prev.1.to_string(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(tags: &[&str]) -> Vec<(usize, usize, String)> {
        chunks(tags)
            .into_iter()
            .map(|c| (c.start, c.end, c.kind))
            .collect()
    }

    #[test]
    fn iob1_starts_at_inside() {
        let t = ["I-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-ORG"];
        assert_eq!(
            spans(&t),
            vec![
                (0, 2, "PER".into()),
                (3, 4, "LOC".into()),
                (4, 5, "LOC".into()),
                (5, 6, "ORG".into())
            ]
        );
    }

    #[test]
    fn bioes_singles_do_not_merge() {
        let t = ["S-LOC", "S-LOC", "B-PER", "E-PER", "O"];
        assert_eq!(
            spans(&t),
            vec![
                (0, 1, "LOC".into()),
                (1, 2, "LOC".into()),
                (2, 4, "PER".into())
            ]
        );
    }
}
