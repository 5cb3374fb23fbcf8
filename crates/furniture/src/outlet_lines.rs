//! Per-outlet learning of boilerplate lines.
//!
//! Every outlet has its own furniture ("Support UP or become our patron!")
//! that no generic vocabulary knows. A line that recurs in a good share of
//! one outlet's articles is its boilerplate, whatever it says. Counts are
//! kept by [`line_hash`] so the store can persist them compactly.

use crate::line_hash::line_hash;
use crate::observation::Observation;
use crate::vocabulary;
use std::collections::HashMap;

/// Lines this long or longer are article text, never boilerplate.
pub(crate) const MAX_LINE_CHARS: usize = 200;
/// Distinct lines kept in memory per outlet: when full, the rarest are
/// forgotten, so a watcher of many outlets holds a bounded amount (3,584
/// fill a table of 4,096 slots, about 70 KB) however long it runs. Almost
/// all lines are seen once (each article's own text). A line in half the
/// outlet's articles is forgotten only if half the table holds lines in a
/// quarter of them, which takes articles of over 400 short lines each.
const KEPT_PER_OUTLET: usize = 3_584;

/// The line counts of one outlet.
#[derive(Debug, Clone, Default)]
struct Counts {
    /// Articles observed.
    articles: u64,
    /// Articles each line hash was seen in.
    lines: HashMap<u64, u64>,
}

/// Counts of normalised line hashes per outlet, and articles per outlet:
/// learns which lines are an outlet's boilerplate. Outlet names are
/// compared as given, trimmed.
#[derive(Debug, Clone)]
pub struct OutletLines {
    outlets: HashMap<String, Counts>,
    min_articles: u64,
    min_share: f64,
}

impl Default for OutletLines {
    fn default() -> Self {
        Self::new()
    }
}

impl OutletLines {
    /// How many distinct lines are kept per outlet (the most common; see
    /// the module): what a caller loading counts from a store needs.
    pub const KEPT_PER_OUTLET: usize = KEPT_PER_OUTLET;

    /// No counts yet; a line is boilerplate once seen in at least 3 articles
    /// and at least half of its outlet's articles.
    pub fn new() -> Self {
        OutletLines {
            outlets: HashMap::new(),
            min_articles: 3,
            min_share: 0.5,
        }
    }

    /// Sets the thresholds of [`is_boilerplate`](Self::is_boilerplate): the
    /// fewest articles a line must be seen in, and the least share (0..=1)
    /// of the outlet's articles.
    pub fn with_thresholds(mut self, min_articles: u64, min_share: f64) -> Self {
        self.min_articles = min_articles.max(1);
        self.min_share = if min_share.is_finite() {
            min_share.clamp(0.0, 1.0)
        } else {
            0.5
        };
        self
    }

    /// Records the distinct (normalised) lines of one article of `outlet`.
    pub fn observe(&mut self, outlet: &str, text: &str) {
        if let Some(seen) = Observation::new(outlet, text) {
            self.add(&seen);
        }
    }

    /// Records one article's lines, worked out beforehand (so that the
    /// caller can also hand them to the store).
    pub fn add(&mut self, seen: &Observation) {
        let Some(key) = outlet_key(seen.outlet()) else {
            return;
        };
        if !self.outlets.contains_key(key) {
            self.outlets.insert(key.to_string(), Counts::default());
        }
        let Some(counts) = self.outlets.get_mut(key) else {
            return;
        };
        counts.articles = counts.articles.saturating_add(1);
        for &h in seen.lines() {
            if let Some(n) = counts.lines.get_mut(&h) {
                *n = n.saturating_add(1);
            } else {
                if counts.lines.len() >= KEPT_PER_OUTLET {
                    forget_rarest(&mut counts.lines);
                }
                counts.lines.insert(h, 1);
            }
        }
    }

    /// True when `line` has been seen in at least `min_articles` distinct
    /// articles of `outlet` and in at least `min_share` of them, and is
    /// short. Short labels that introduce article content ("Background:")
    /// are never boilerplate: they recur because the outlet's style does.
    pub fn is_boilerplate(&self, outlet: &str, line: &str) -> bool {
        outlet_key(outlet)
            .and_then(|k| self.outlets.get(k))
            .is_some_and(|c| self.learned(c, line))
    }

    /// [`is_boilerplate`](Self::is_boilerplate) against one outlet's counts.
    fn learned(&self, counts: &Counts, line: &str) -> bool {
        let line = line.trim();
        if line.is_empty() || line.chars().take(MAX_LINE_CHARS).count() >= MAX_LINE_CHARS {
            return false;
        }
        let n = counts.lines.get(&line_hash(line)).copied().unwrap_or(0);
        if n < self.min_articles || (n as f64) < self.min_share * counts.articles as f64 {
            return false;
        }
        !is_section_label(line)
    }

    /// Removes learned boilerplate lines from `text`, keeping the rest as it
    /// was and at most one blank line between paragraphs.
    pub fn strip(&self, outlet: &str, text: &str) -> String {
        let counts = outlet_key(outlet).and_then(|k| self.outlets.get(k));
        let mut out = String::with_capacity(text.len());
        let mut blank = false;
        for line in text.lines() {
            if line.trim().is_empty() {
                blank = !out.is_empty();
                continue;
            }
            if counts.is_some_and(|c| self.learned(c, line)) {
                continue;
            }
            if blank {
                out.push('\n');
                blank = false;
            }
            out.push_str(line);
            out.push('\n');
        }
        if out.ends_with('\n') {
            out.pop();
        }
        out
    }

    /// A fingerprint of the lines currently learned as `outlet`'s
    /// boilerplate: when it changes, the outlet's stored articles are worth
    /// cleaning again; when it does not, they are not.
    pub fn learned_fingerprint(&self, outlet: &str) -> u64 {
        let Some(c) = outlet_key(outlet).and_then(|k| self.outlets.get(k)) else {
            return 0;
        };
        let threshold = (self.min_share * c.articles as f64).max(self.min_articles as f64);
        c.lines
            .iter()
            .filter(|(_, n)| **n as f64 >= threshold)
            .fold(0u64, |acc, (h, _)| {
                acc ^ h.wrapping_mul(0x9E37_79B9_7F4A_7C15)
            })
    }

    /// Every count, for persisting: `(outlet, line_hash, articles seen in)`.
    pub fn entries(&self) -> impl Iterator<Item = (&str, u64, u64)> + '_ {
        self.outlets
            .iter()
            .flat_map(|(o, c)| c.lines.iter().map(move |(&h, &n)| (o.as_str(), h, n)))
    }

    /// Articles observed per outlet, for persisting.
    pub fn article_counts(&self) -> impl Iterator<Item = (&str, u64)> + '_ {
        self.outlets.iter().map(|(o, c)| (o.as_str(), c.articles))
    }

    /// How many articles of `outlet` the counts hold.
    pub fn articles_of(&self, outlet: &str) -> u64 {
        outlet_key(outlet)
            .and_then(|k| self.outlets.get(k))
            .map_or(0, |c| c.articles)
    }

    /// Replaces one outlet's counts with `lines` (line hash, articles with
    /// it) over `articles` articles: another writer's, read back from a
    /// shared store, included.
    pub fn replace(
        &mut self,
        outlet: &str,
        lines: impl IntoIterator<Item = (u64, u64)>,
        articles: u64,
    ) {
        let Some(key) = outlet_key(outlet) else {
            return;
        };
        let c = self.outlets.entry(key.to_string()).or_default();
        c.articles = articles;
        c.lines = lines.into_iter().collect();
        bound(&mut c.lines);
    }

    /// Rebuilds the counts from what [`entries`](Self::entries) and
    /// [`article_counts`](Self::article_counts) gave, with the default
    /// thresholds. Repeated rows add up.
    pub fn load<S, T>(
        entries: impl IntoIterator<Item = (S, u64, u64)>,
        articles: impl IntoIterator<Item = (T, u64)>,
    ) -> Self
    where
        S: AsRef<str>,
        T: AsRef<str>,
    {
        let mut me = Self::new();
        for (outlet, n) in articles {
            if let Some(key) = outlet_key(outlet.as_ref()) {
                let c = me.outlets.entry(key.to_string()).or_default();
                c.articles = c.articles.saturating_add(n);
            }
        }
        for (outlet, h, n) in entries {
            if let Some(key) = outlet_key(outlet.as_ref()) {
                let c = me.outlets.entry(key.to_string()).or_default();
                let slot = c.lines.entry(h).or_insert(0);
                *slot = slot.saturating_add(n);
            }
        }
        for c in me.outlets.values_mut() {
            bound(&mut c.lines);
        }
        me
    }
}

/// Counts read in whole (loaded, or another writer's read back) brought
/// within [`KEPT_PER_OUTLET`], their table shrunk to fit.
fn bound(lines: &mut HashMap<u64, u64>) {
    if lines.len() > KEPT_PER_OUTLET {
        forget_rarest(lines);
        lines.shrink_to(KEPT_PER_OUTLET);
    }
}

/// Forgets the lines seen least until at most half of
/// [`KEPT_PER_OUTLET`] are left: first those seen once, then twice or
/// less, four times or less, and so on. The result depends on the counts
/// only, not on the order they came in.
fn forget_rarest(lines: &mut HashMap<u64, u64>) {
    let mut floor = 1u64;
    while lines.len() > KEPT_PER_OUTLET / 2 {
        lines.retain(|_, n| *n > floor);
        floor = floor.saturating_mul(2);
    }
}

/// The map key of an outlet name: trimmed, otherwise as given (so the names
/// [`OutletLines::entries`] gives back are the caller's own); `None` when blank.
pub(crate) fn outlet_key(outlet: &str) -> Option<&str> {
    let o = outlet.trim();
    (!o.is_empty()).then_some(o)
}

/// "Background:", "What we know:": up to three words ending in a colon that
/// are not generic furniture ("Advertisement:").
fn is_section_label(line: &str) -> bool {
    line.ends_with([':', '：'])
        && line.split_whitespace().count() <= 3
        && vocabulary::classify(line, 1).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(n: usize) -> String {
        format!(
            "Harbour Herald\nShare on Fjordbook\n\nStory number {n} about the harbour, told in full sentences.\n\nBackground:\n\nMore detail {n}.\n\nJoin the Herald Circle today!"
        )
    }

    fn trained() -> OutletLines {
        let mut o = OutletLines::new();
        for n in 0..5 {
            o.observe("herald.example", &article(n));
        }
        o
    }

    #[test]
    fn repeated_lines_are_boilerplate() {
        let o = trained();
        assert!(o.is_boilerplate("herald.example", "Join the Herald Circle today!"));
        assert!(o.is_boilerplate(" herald.example ", "  share on  FJORDBOOK"));
        assert!(!o.is_boilerplate(
            "herald.example",
            "Story number 1 about the harbour, told in full sentences."
        ));
        assert!(
            !o.is_boilerplate("herald.example", "Background:"),
            "section labels stay"
        );
        assert!(!o.is_boilerplate("other.example", "Join the Herald Circle today!"));
    }

    #[test]
    fn outlet_names_come_back_as_given() {
        let mut o = OutletLines::new();
        o.observe(" Harbour Herald ", "Menu line");
        assert_eq!(
            o.article_counts().collect::<Vec<_>>(),
            [("Harbour Herald", 1)]
        );
        assert_eq!(
            o.entries().map(|e| e.0).collect::<Vec<_>>(),
            ["Harbour Herald"]
        );
    }

    #[test]
    fn needs_enough_articles() {
        let mut o = OutletLines::new();
        o.observe("a", "Menu line\nBody one.");
        o.observe("a", "Menu line\nBody two.");
        assert!(!o.is_boilerplate("a", "Menu line"));
        o.observe("a", "Menu line\nBody three.");
        assert!(o.is_boilerplate("a", "Menu line"));
        // Seen in 3 of 10 articles: below half.
        for n in 0..7 {
            o.observe("a", &format!("Body {n}."));
        }
        assert!(!o.is_boilerplate("a", "Menu line"));
        assert!(
            o.clone()
                .with_thresholds(3, 0.2)
                .is_boilerplate("a", "Menu line")
        );
    }

    #[test]
    fn strip_removes_learned_lines() {
        let o = trained();
        let out = o.strip("herald.example", &article(9));
        assert_eq!(
            out,
            "Story number 9 about the harbour, told in full sentences.\n\nBackground:\n\nMore detail 9."
        );
    }

    #[test]
    fn export_and_load_round_trip() {
        let o = trained();
        let entries: Vec<(String, u64, u64)> =
            o.entries().map(|(a, h, n)| (a.to_string(), h, n)).collect();
        let articles: Vec<(String, u64)> = o
            .article_counts()
            .map(|(a, n)| (a.to_string(), n))
            .collect();
        assert_eq!(articles, [("herald.example".to_string(), 5)]);
        let back = OutletLines::load(entries, articles);
        assert!(back.is_boilerplate("herald.example", "Join the Herald Circle today!"));
        assert_eq!(
            back.strip("herald.example", &article(7)),
            o.strip("herald.example", &article(7))
        );
    }

    #[test]
    fn counts_stay_bounded_and_keep_the_boilerplate() {
        let mut o = OutletLines::new();
        for n in 0..3_000 {
            let own: String = (0..12)
                .map(|k| format!("Line {k} of story {n}.\n"))
                .collect();
            o.observe("a", &format!("Menu line\n{own}Subscribe today"));
            assert!(o.entries().count() <= KEPT_PER_OUTLET);
        }
        assert!(o.is_boilerplate("a", "Menu line"));
        assert!(o.is_boilerplate("a", "Subscribe today"));
        assert!(!o.is_boilerplate("a", "Line 3 of story 2999."));
        assert_eq!(o.articles_of("a"), 3_000);
    }

    #[test]
    fn loading_keeps_the_most_common_lines() {
        let rows = (0..10_000u64).map(|h| ("a", h, if h < 5 { 900 } else { 1 }));
        let o = OutletLines::load(rows, [("a", 1_000)]);
        let kept: Vec<u64> = o.entries().map(|(_, h, _)| h).collect();
        assert!(kept.len() <= KEPT_PER_OUTLET);
        for h in 0..5 {
            assert!(kept.contains(&h), "common line {h} kept");
        }
    }

    #[test]
    fn long_lines_are_never_boilerplate() {
        let long = "word ".repeat(60);
        let mut o = OutletLines::new();
        for _ in 0..5 {
            o.observe("a", &long);
        }
        assert!(!o.is_boilerplate("a", &long));
        assert_eq!(o.entries().count(), 0);
    }
}
