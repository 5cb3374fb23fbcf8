//! Document-level agreement between the tags of repeated names.
//!
//! Once "Ilse Varn" is tagged a person, a lone "Varn" elsewhere in the same
//! document is that person, even where its own context (a headline, a
//! sentence start) made the model call it a place or an organisation; and
//! a one-word name takes the kind it is given most often in the document.

use std::collections::{HashMap, HashSet};

use crate::label::{Kind, Label};
use crate::word::Word;

/// Relabels one-token names that repeat a person's last name as persons.
pub(crate) fn surnames(words: &[Vec<Word>], labels: &mut [Vec<Label>]) {
    let mut last_names = HashSet::new();
    for (w, l) in words.iter().zip(labels.iter()) {
        for (s, e, k) in Label::spans(l) {
            if k == Kind::Person
                && e - s >= 2
                && let Some(h) = w.get(e - 1)
            {
                last_names.insert(h.lower);
            }
        }
    }
    if last_names.is_empty() {
        return;
    }
    for (w, l) in words.iter().zip(labels.iter_mut()) {
        for (t, label) in l.iter_mut().enumerate() {
            if let Label::Single(k) = *label
                && k != Kind::Person
                && w.get(t).is_some_and(|h| last_names.contains(&h.lower))
            {
                *label = Label::Single(Kind::Person);
            }
        }
    }
}

/// Gives every one-token name the kind it has most often in the document
/// (ties keep each token's own kind).
pub(crate) fn majority(words: &[Vec<Word>], labels: &mut [Vec<Label>]) {
    let mut votes: HashMap<u64, [usize; 4]> = HashMap::new();
    for (w, l) in words.iter().zip(labels.iter()) {
        for (t, label) in l.iter().enumerate() {
            if let (Label::Single(k), Some(word)) = (*label, w.get(t)) {
                votes.entry(word.lower).or_default()[kind_index(k)] += 1;
            }
        }
    }
    for (w, l) in words.iter().zip(labels.iter_mut()) {
        for (t, label) in l.iter_mut().enumerate() {
            let (Label::Single(k), Some(word)) = (*label, w.get(t)) else {
                continue;
            };
            let Some(v) = votes.get(&word.lower) else {
                continue;
            };
            let best = (0..4).max_by_key(|&i| v[i]).unwrap_or(0);
            if v[best] > v[kind_index(k)] {
                *label = Label::Single(Kind::ALL[best]);
            }
        }
    }
}

fn kind_index(k: Kind) -> usize {
    Kind::ALL.iter().position(|&x| x == k).unwrap_or(3)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lone_surnames_follow_the_full_name() {
        let g = crate::gazetteer::Gazetteer::new();
        let words = vec![
            crate::features::analyse(&["Ilse", "Varn", "spoke"], &g),
            crate::features::analyse(&["Varn", "Vessa"], &g),
        ];
        let mut labels = vec![
            vec![
                Label::Begin(Kind::Person),
                Label::End(Kind::Person),
                Label::Outside,
            ],
            vec![Label::Single(Kind::Place), Label::Single(Kind::Place)],
        ];
        surnames(&words, &mut labels);
        assert_eq!(
            labels[1],
            vec![Label::Single(Kind::Person), Label::Single(Kind::Place)]
        );
    }

    #[test]
    fn one_token_names_take_the_majority_kind() {
        let g = crate::gazetteer::Gazetteer::new();
        let words = vec![
            crate::features::analyse(&["Vessa", "won"], &g),
            crate::features::analyse(&["Vessa", "Vessa", "Orm"], &g),
        ];
        let org = Label::Single(Kind::Organisation);
        let place = Label::Single(Kind::Place);
        let mut labels = vec![vec![place, Label::Outside], vec![org, org, place]];
        majority(&words, &mut labels);
        assert_eq!(
            labels,
            vec![vec![org, Label::Outside], vec![org, org, place]]
        );
    }
}
