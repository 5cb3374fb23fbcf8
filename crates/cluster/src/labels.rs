//! Final labels for a whole stream: every article's story and storyline
//! after all merges and links.
//!
//! The clusterer forgets articles once they leave the active window, so a
//! caller that wants labels for everything (the evaluation, a rebuild)
//! records the assignments here; merges and storyline links always go into
//! the older id, so following them gives each article its final story and
//! storyline.

use rustc_hash::FxHashMap;

use crate::Assignment;

/// Article ids with the stories and storylines they were assigned, plus
/// the merges and links seen.
#[derive(Default, Debug, Clone)]
pub struct Labels {
    docs: Vec<(String, u64, u64)>,
    into: FxHashMap<u64, u64>,
    line_into: FxHashMap<u64, u64>,
}

impl Labels {
    /// No articles yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records one article's assignment (and the merges it caused).
    pub fn record(&mut self, id: &str, a: &Assignment) {
        self.docs.push((id.to_string(), a.story, a.storyline));
        for &(from, to) in &a.merged {
            self.into.insert(from, to);
        }
        for &(from, to) in &a.storyline_merged {
            self.line_into.insert(from, to);
        }
    }

    /// The story `story` ended up in.
    pub fn resolve(&self, story: u64) -> u64 {
        follow(&self.into, story)
    }

    /// The storyline `line` ended up in.
    pub fn resolve_storyline(&self, line: u64) -> u64 {
        follow(&self.line_into, line)
    }

    /// Every recorded article with its final story, in recording order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, u64)> + '_ {
        self.docs
            .iter()
            .map(|(id, s, _)| (id.as_str(), self.resolve(*s)))
    }

    /// Every recorded article with its final storyline, in recording order.
    pub fn storylines(&self) -> impl Iterator<Item = (&str, u64)> + '_ {
        self.docs
            .iter()
            .map(|(id, _, l)| (id.as_str(), self.resolve_storyline(*l)))
    }

    /// Articles recorded.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// Whether nothing was recorded.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }
}

/// Where `id` leads in a map of merges or links.
fn follow(into: &FxHashMap<u64, u64>, mut id: u64) -> u64 {
    // Links go to strictly older ids, so this ends; the bound is a guard.
    for _ in 0..into.len() + 1 {
        match into.get(&id) {
            Some(&next) if next != id => id = next,
            _ => break,
        }
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merges_are_followed() {
        let mut l = Labels::new();
        l.record(
            "a",
            &Assignment {
                story: 3,
                ..Default::default()
            },
        );
        l.record(
            "b",
            &Assignment {
                story: 2,
                merged: vec![(3, 2)],
                ..Default::default()
            },
        );
        l.record(
            "c",
            &Assignment {
                story: 1,
                merged: vec![(2, 1)],
                ..Default::default()
            },
        );
        let got: Vec<(&str, u64)> = l.iter().collect();
        assert_eq!(got, [("a", 1), ("b", 1), ("c", 1)]);
    }
}
