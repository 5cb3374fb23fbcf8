//! Storylines: stories (events) linked into one developing story.
//!
//! An event is what the benchmarks label: a trial, its verdict and the
//! appeal are three. A storyline links such developments over weeks, as a
//! reader follows them. Links are made as articles arrive: once an article
//! has found its story, the other candidate stories it resembles are
//! compared with that story, and a close enough one links the two
//! storylines. Stories that merge as events are one storyline too.
//!
//! A link needs shared people, organisations and places, not only shared
//! words (two earthquakes a year apart share their vocabulary, not their
//! places), and more than one of them (a governor signing bill after bill
//! shares only the governor), and more than a handful (the governor's
//! two spellings, the state, its capital and the party are one actor and
//! its setting); and nearness in time: within a month the gap
//! costs nothing, then the score decays, and beyond two months there is no
//! link. An undated story has no place in time, so a link with one needs
//! 2.5 times the evidence.
//!
//! A new event is compared with each candidate event, and with each other
//! storyline that two or more of its candidates belong to, taken whole
//! (their summed vectors): what a development shares with the story so
//! far can be spread over its events (a local follow-up on a delay names
//! the tunnel of the first report and the railway of the second). The
//! whole holds more names than any one event, so its entity bars are
//! lower.
//!
//! A storyline's id is the id of its oldest story; linking keeps the older
//! id, as event merges do, and the links are followed like merges. A
//! storyline needs no state of its own: each story names the storyline it
//! was put in, and ages out with it.

use std::collections::BTreeMap;

use crate::Clusterer;
use crate::clusterer::Scored;
use crate::features::{BODY, ENTITY, KINDS, TITLE};
use crate::story::{Story, dot};

/// Follows at most this many storyline links (they go to older ids, so
/// chains end; the bound guards against corrupt state).
const MAX_CHAIN: usize = 64;

/// Links between storylines: (from, into), `into` always the older id.
pub(crate) type LineLinks = BTreeMap<u64, u64>;

impl Clusterer {
    /// The storyline a story belongs to now.
    pub(crate) fn line_of(&self, story: &Story) -> u64 {
        line_root(&self.line_into, story.line)
    }

    /// Links the storyline of the story at `slot` with those of candidate
    /// stories it continues, recording the links in `line_links`.
    pub(crate) fn link_lines(&mut self, slot: u32, scored: &[Scored]) {
        for &(_, raw, _, other) in scored {
            if raw < self.cfg.line_probe || other == slot {
                continue;
            }
            let (Some(a), Some(b)) = (self.story(slot), self.story(other)) else {
                continue;
            };
            let (la, lb) = (self.line_of(a), self.line_of(b));
            // An undated story's time is a guess: nearness in time is not
            // known, so content alone must be that much stronger.
            let mut bar = self.cfg.line_threshold;
            if a.span.is_none() || b.span.is_none() {
                bar *= self.cfg.line_undated_factor;
            }
            if la == lb || self.line_score(a, b) < bar {
                continue;
            }
            self.join_lines(la, lb);
        }
        self.link_whole_lines(slot, scored);
    }

    /// Links the story at `slot` with another storyline taken whole: a
    /// development can share a little with each earlier event and enough
    /// with all of them (a local follow-up on a delay names the tunnel of
    /// the first report and the railway of the second).
    fn link_whole_lines(&mut self, slot: u32, scored: &[Scored]) {
        let Some(a) = self.story(slot) else { return };
        let la = self.line_of(a);
        let mut groups = std::mem::take(&mut self.line_groups);
        groups.clear();
        for &(_, raw, _, other) in scored {
            if raw >= self.cfg.line_group_probe
                && other != slot
                && let Some(b) = self.story(other)
                && self.line_of(b) != la
            {
                groups.push((self.line_of(b), other));
            }
        }
        groups.sort_unstable();
        let caps = [
            self.cfg.story_terms,
            self.cfg.story_title_terms,
            self.cfg.story_entities,
        ];
        let mut sum = std::mem::replace(&mut self.line_sum, Story::new(0, 0, 0));
        let mut scratch = std::mem::take(&mut self.sparse);
        for run in groups.chunk_by(|x, y| x.0 == y.0) {
            // A storyline with one candidate event was weighed above.
            if run.len() < 2 {
                continue;
            }
            sum.reset(run[0].0);
            for &(_, s) in run {
                let Some(b) = self.story(s) else { continue };
                sum.absorb(&b.vecs, b.counts, caps, &mut scratch);
                sum.seen_clock = sum.seen_clock.max(b.seen_clock);
                sum.cover(b.span);
            }
            let Some(a) = self.story(slot) else { break };
            let mut bar = self.cfg.line_group_threshold;
            if a.span.is_none() || sum.span.is_none() {
                bar *= self.cfg.line_undated_factor;
            }
            let bars = self.cfg.line_group_entity;
            let score = self.line_score_with(
                a,
                &sum,
                self.cfg.line_entity_min * bars,
                self.cfg.line_entity_rest * bars,
            );
            if score >= bar {
                let la = self.line_of(a);
                self.join_lines(la, run[0].0);
            }
        }
        self.sparse = scratch;
        self.line_sum = sum;
        self.line_groups = groups;
    }

    /// Puts two storylines together under the older id, recording the link.
    pub(crate) fn join_lines(&mut self, a: u64, b: u64) {
        let (a, b) = (line_root(&self.line_into, a), line_root(&self.line_into, b));
        if a == b {
            return;
        }
        let (into, from) = if a < b { (a, b) } else { (b, a) };
        self.line_into.insert(from, into);
        self.line_links.push((from, into));
    }

    /// How well story `b` continues story `a` (or the other way round):
    /// weighted per-kind similarities, zero without enough shared entities,
    /// decayed by the time between them.
    fn line_score(&self, a: &Story, b: &Story) -> f32 {
        self.line_score_with(a, b, self.cfg.line_entity_min, self.cfg.line_entity_rest)
    }

    /// [`Self::line_score`] with the two entity bars given.
    fn line_score_with(&self, a: &Story, b: &Story, entity_min: f32, entity_rest: f32) -> f32 {
        let cfg = &self.cfg;
        let l = cfg.linkage;
        let sim = |k: usize| {
            if a.norms[k] <= 0.0 || b.norms[k] <= 0.0 {
                return None;
            }
            Some(dot(&a.vecs[k], &b.vecs[k]) / (a.denom(k, l) * b.denom(k, l)))
        };
        // Shared names: all of them, all but the one that weighs most (one
        // famous name in common, a governor signing bill after bill, is not
        // enough), and all but the few that weigh most (nor is that
        // governor with the state and the party).
        let (entity, rest, tail) = if a.norms[ENTITY] > 0.0 && b.norms[ENTITY] > 0.0 {
            let many = cfg.line_entity_many.min(MAX_MANY);
            let (sum, top, tops) = shared(&a.vecs[ENTITY], &b.vecs[ENTITY], many);
            let den = a.denom(ENTITY, l) * b.denom(ENTITY, l);
            (sum / den, (sum - top) / den, (sum - tops) / den)
        } else {
            (0.0, 0.0, 0.0)
        };
        if entity < entity_min || rest < entity_rest || tail < cfg.line_entity_tail {
            return 0.0;
        }
        let weights: [f32; KINDS] = {
            let mut w = [0.0; KINDS];
            w[BODY] = cfg.line_body_weight;
            w[TITLE] = cfg.line_title_weight;
            w[ENTITY] = cfg.line_entity_weight;
            w
        };
        let (mut num, mut den) = (0.0f32, 0.0f32);
        for (k, &wk) in weights.iter().enumerate() {
            if let Some(s) = sim(k) {
                num += wk * s;
                den += wk;
            }
        }
        if den <= 0.0 {
            return 0.0;
        }
        // A story of undated articles sits at the clock of its last one.
        let gap = match (a.span, b.span) {
            (Some(_), Some(_)) => a.span_gap(b),
            (Some(_), None) => a.gap(Some(b.seen_clock)),
            (None, Some(_)) => b.gap(Some(a.seen_clock)),
            (None, None) => Some(a.seen_clock.saturating_sub(b.seen_clock).abs()),
        }
        .unwrap_or(0);
        if gap > cfg.line_max_gap_secs {
            return 0.0;
        }
        let over = gap.saturating_sub(cfg.line_grace_secs).max(0) as f64;
        let decay = (-over / cfg.line_scale_secs.max(1.0)).exp() as f32;
        num / den * decay
    }

    /// Points every story at its current storyline and forgets the links,
    /// so that they do not pile up over a long stream.
    pub(crate) fn compact_lines(&mut self) {
        if self.line_into.is_empty() {
            return;
        }
        let links = std::mem::take(&mut self.line_into);
        for s in self.stories.iter_mut().flatten() {
            s.line = line_root(&links, s.line);
        }
    }
}

/// The most shared names `shared` keeps apart.
const MAX_MANY: usize = 16;

/// The dot product of two sparse vectors sorted by id, its largest single
/// term, and the sum of its `many` largest terms (`many` <= [`MAX_MANY`]).
fn shared(a: &[(u32, f32)], b: &[(u32, f32)], many: usize) -> (f32, f32, f32) {
    let (mut i, mut j, mut sum, mut top) = (0, 0, 0.0f32, 0.0f32);
    // The largest terms so far, in descending order.
    let mut tops = [0.0f32; MAX_MANY];
    let tops = &mut tops[..many.min(MAX_MANY)];
    while let (Some(&(x, wx)), Some(&(y, wy))) = (a.get(i), b.get(j)) {
        if x == y {
            let p = wx * wy;
            sum += p;
            top = top.max(p);
            if let Some(at) = tops.iter().position(|&t| p > t) {
                tops.copy_within(at..tops.len() - 1, at + 1);
                tops[at] = p;
            }
            i += 1;
            j += 1;
        } else if x < y {
            i += 1;
        } else {
            j += 1;
        }
    }
    (sum, top, tops.iter().sum())
}

/// Where a storyline id leads after following its links.
pub(crate) fn line_root(links: &LineLinks, mut line: u64) -> u64 {
    for _ in 0..MAX_CHAIN {
        match links.get(&line) {
            Some(&next) if next < line => line = next,
            _ => break,
        }
    }
    line
}

#[cfg(test)]
mod tests {
    use super::shared;
    use crate::features::{BODY, ENTITY};
    use crate::story::Story;
    use crate::{Clusterer, Config, Doc, Labels};

    const DAY: i64 = 86_400;
    const TRIAL: &str = "The trial of former Calder mayor Oskar Brenneke opened at the Varnholt \
        regional court on Monday. Prosecutors say Brenneke took bribes from the Tessaro \
        construction group in return for the harbour dredging contract. Brenneke denies the \
        charges; his lawyer Mirela Stosch said the payments were legal consultancy fees.";
    const WITNESS: &str = "A former clerk told the Varnholt court on Tuesday that she saw \
        Oskar Brenneke accept an envelope from a Tessaro manager. The defence of the former \
        Calder mayor, led by Mirela Stosch, said the clerk had a grudge against him.";
    const VERDICT: &str = "A jury in Varnholt convicted Oskar Brenneke, the former Calder \
        mayor, on three counts of corruption after a four-week hearing. Judge Ilse Marrow will \
        pass sentence next month. Mirela Stosch called the verdict unjust and promised an appeal.";
    const QUAKE_A: &str = "An earthquake of magnitude 6.1 struck the Orlenz valley before dawn, \
        killing at least nine people in the villages of Saint-Ambre and Vellory. Rescuers \
        searched collapsed houses, the regional governor Hanne Lidstrom said.";
    const QUAKE_B: &str = "An earthquake of magnitude 5.8 shook the coastal province of \
        Karvassa on Thursday, damaging the port of Miradel and killing at least four people. \
        Rescuers searched collapsed buildings, said provincial chief Tomas Okonje.";

    #[test]
    fn developments_weeks_apart_are_one_storyline_of_several_events() {
        // Events kept to their days (no content outweighs a gap), so that
        // the verdict is an event of its own whatever its wording.
        let cfg = Config {
            strong_low: 2.0,
            strong_high: 3.0,
            follow_min: 2.0,
            ..Config::default()
        };
        let mut c = Clusterer::new(cfg);
        let mut labels = Labels::new();
        let t0 = 1_760_000_000;
        let docs = [
            Doc::new(
                "trial",
                Some(t0),
                "Ex-mayor Brenneke goes on trial over bribes",
                TRIAL,
            ),
            Doc::new(
                "witness",
                Some(t0 + DAY),
                "Clerk says she saw Brenneke take envelope",
                WITNESS,
            ),
            Doc::new(
                "verdict",
                Some(t0 + 16 * DAY),
                "Jury convicts Brenneke",
                VERDICT,
            ),
        ];
        let got: Vec<_> = docs.iter().map(|d| c.add(d)).collect();
        for (d, a) in docs.iter().zip(&got) {
            labels.record(d.id, a);
        }
        // The verdict is an event of its own ...
        assert_ne!(got[2].story, got[0].story);
        // ... in the trial's storyline, which keeps the older id.
        let lines: Vec<u64> = labels.storylines().map(|(_, l)| l).collect();
        assert_eq!(lines, [got[0].story; 3]);
    }

    /// A story whose vectors are `body` and `names` (id, weight), dated `t`.
    fn story(id: u64, t: i64, body: &[(u32, f32)], names: &[(u32, f32)]) -> Story {
        let mut s = Story::new(id, 0, t);
        for (k, v) in [(BODY, body), (ENTITY, names)] {
            s.vecs[k] = v.to_vec();
            s.norms[k] = v.iter().map(|e| e.1 * e.1).sum::<f32>().sqrt();
            s.counts[k] = 1.0;
        }
        s.span = Some((t, t));
        s
    }

    #[test]
    fn one_actor_and_its_setting_do_not_make_a_storyline() {
        let c = Clusterer::new(Config::default());
        let body: Vec<(u32, f32)> = (0..20).map(|i| (i, 1.0)).collect();
        // Six names in common (a governor under two spellings, her state,
        // its capital, her party, its senate) and each story's own.
        let setting: Vec<(u32, f32)> = (0..6).map(|i| (i, 2.0)).collect();
        let with = |own: std::ops::Range<u32>| {
            let mut v = setting.clone();
            v.extend(own.map(|i| (i, 1.0)));
            v
        };
        let a = story(1, 0, &body, &with(10..16));
        let b = story(2, DAY, &body, &with(20..26));
        assert_eq!(c.line_score(&a, &b), 0.0);
        let without = Clusterer::new(Config {
            line_entity_tail: 0.0,
            ..Config::default()
        });
        assert!(without.line_score(&a, &b) > 0.0);
        // A development also shares the matter's own people and places.
        let b = story(2, DAY, &body, &with(10..14));
        assert!(c.line_score(&a, &b) > 0.0);
        // The largest products are kept apart whatever their order.
        let x = [(1, 1.0), (2, 3.0), (3, 2.0), (4, 0.5)];
        assert_eq!(shared(&x, &x, 2), (14.25, 9.0, 13.0));
    }

    #[test]
    fn a_follow_up_joins_the_storyline_it_continues_as_a_whole() {
        let mut c = Clusterer::new(Config::default());
        let body: Vec<(u32, f32)> = (0..20).map(|i| (i, 1.0)).collect();
        let names = |shared: std::ops::Range<u32>, own: std::ops::Range<u32>| {
            shared.chain(own).map(|i| (i, 1.0)).collect::<Vec<_>>()
        };
        // Two events of one storyline, each naming half of what the
        // follow-up names, and the follow-up itself.
        let mut first = story(1, 0, &body, &names(0..4, 10..20));
        let mut second = story(2, DAY, &body, &names(4..8, 20..30));
        second.line = 1;
        first.line = 1;
        let next = story(3, 9 * DAY, &body, &names(0..8, 30..40));
        // With either event alone, too few names are shared.
        assert_eq!(c.line_score(&next, &first), 0.0);
        assert_eq!(c.line_score(&next, &second), 0.0);
        c.stories = vec![Some(first), Some(second), Some(next)];
        c.link_whole_lines(2, &[(0.5, 0.5, 1, 0), (0.5, 0.5, 2, 1)]);
        let line = c.story(2).map(|s| c.line_of(s));
        assert_eq!(line, Some(1));
    }

    #[test]
    fn two_events_of_one_kind_are_not_one_storyline() {
        let mut c = Clusterer::new(Config::default());
        let t0 = 1_760_000_000;
        let a = c.add(&Doc::new(
            "a",
            Some(t0),
            "Deadly earthquake in Orlenz valley",
            QUAKE_A,
        ));
        let b = c.add(&Doc::new(
            "b",
            Some(t0 + 3 * DAY),
            "Earthquake hits Karvassa",
            QUAKE_B,
        ));
        assert_ne!(a.story, b.story);
        assert_ne!(a.storyline, b.storyline);
        assert!(b.storyline_merged.is_empty());
    }
}
