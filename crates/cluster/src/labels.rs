//! Final labels for a whole stream: every article's story after all merges.
//!
//! The clusterer forgets articles once they leave the active window, so a
//! caller that wants labels for everything (the evaluation, a rebuild)
//! records the assignments here; merges always go into the older story,
//! so following the merge links gives each article its final story.

use rustc_hash::FxHashMap;

use crate::Assignment;

/// Article ids with the stories they were assigned, plus the merges seen.
#[derive(Default, Debug, Clone)]
pub struct Labels {
    docs: Vec<(String, u64)>,
    into: FxHashMap<u64, u64>,
}

impl Labels {
    /// No articles yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records one article's assignment (and the merges it caused).
    pub fn record(&mut self, id: &str, a: &Assignment) {
        self.docs.push((id.to_string(), a.story));
        for &(from, to) in &a.merged {
            self.into.insert(from, to);
        }
    }

    /// The story `story` ended up in.
    pub fn resolve(&self, mut story: u64) -> u64 {
        // Merges go to strictly older ids, so this ends; the bound is a guard.
        for _ in 0..self.into.len() + 1 {
            match self.into.get(&story) {
                Some(&next) if next != story => story = next,
                _ => break,
            }
        }
        story
    }

    /// Every recorded article with its final story, in recording order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, u64)> + '_ {
        self.docs
            .iter()
            .map(|(id, s)| (id.as_str(), self.resolve(*s)))
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
