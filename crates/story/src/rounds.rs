//! Clustering rounds: stored articles -> stories.
//!
//! Clustering runs in rounds: each `storyline ingest` places the articles no
//! round has placed yet, in [`stream_order`], continuing from the clusterer
//! state the previous round saved (so the cost of a run follows the new
//! articles, not the database). A rebuild replays every round from scratch
//! in the same order and so arrives at the same stories; it is also the
//! fallback when the saved state is missing, damaged or from another
//! configuration. A run that brings more than [`ROUND`] articles places them
//! in several rounds, in arrival order.

use storyline_cluster::{Clusterer, Config, Doc, stream_order};
use storyline_store::{ClusterWrite, Membership, Store, StoryInput};

use crate::{ArticleView, StoryError, keep_stored};

/// What [`update`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placed {
    /// How many stories there are now.
    pub stories: u64,
    /// Why every article was re-clustered from scratch (the saved state was
    /// unreadable), when it was; the caller tells the user.
    pub rebuilt: Option<String>,
}

/// Most articles placed in one round: bounds the texts held in memory when
/// a run brings many (a rebuild replays rounds of the same sizes).
const ROUND: usize = 5_000;

/// Places the articles no round has placed yet, then computes what the
/// store keeps of the changed storylines ([`keep_stored`]).
pub fn update(store: &mut Store) -> Result<Placed, StoryError> {
    update_kept(store, &mut None)
}

/// The clusterer kept between rounds by a long-running process (`watch`),
/// so that a round costs its new articles, not a reading of the saved state.
#[derive(Default)]
pub struct Placer {
    kept: Option<(i64, Clusterer)>,
    /// When [`place`](Placer::place) last computed the stored briefs.
    briefed: Option<std::time::Instant>,
    /// How long to wait after that before the next: [`BRIEF_EVERY`], or
    /// [`BRIEF_SHARE`] times what the last took when that is longer.
    wait: std::time::Duration,
}

/// How often a long-running placer computes the briefs of changed
/// storylines at most. A story that grows every few seconds (a watched
/// feed) would otherwise be briefed again each round: measured over an
/// hour of the soak benchmark (20,000 articles), that took the watcher from
/// 4% to 30% of a core as its storylines grew. Readers compute a missing
/// brief themselves meanwhile.
pub const BRIEF_EVERY: std::time::Duration = std::time::Duration::from_secs(30);

/// Briefs take at most one part in this of a long-running placer's time:
/// after briefs that cost `t` of CPU, the next wait at least this many
/// times `t`. A brief reads up to [`crate::MAX_READ`] texts, so as a
/// watched store's storylines grow, each round of briefs costs more; the
/// budget keeps the watcher's load flat (5% of a core for briefs) and lets
/// briefs fall further behind instead. Placing articles is not held back.
pub const BRIEF_SHARE: u32 = 20;

impl Placer {
    /// A placer that reads the saved state on its first round.
    pub fn new() -> Placer {
        Placer::default()
    }

    /// Places the articles no round has placed yet, as [`update`] does, and
    /// computes what the store keeps of the changed storylines when
    /// [`BRIEF_EVERY`] and the [`BRIEF_SHARE`] budget allow. The clusterer
    /// kept from the last call is used while the saved state is still the
    /// one it wrote; when another process placed articles since, the saved
    /// state is read instead.
    pub fn place(&mut self, store: &mut Store) -> Result<Placed, StoryError> {
        let placed = place_rounds(store, &mut self.kept);
        crate::heap::give_back_freed_memory();
        let placed = placed?;
        if self.briefed.is_none_or(|t| t.elapsed() >= self.wait) {
            let (spent, kept) = crate::cpu::timed(|| keep_stored(store));
            crate::heap::give_back_freed_memory();
            kept?;
            self.wait = BRIEF_EVERY.max(spent * BRIEF_SHARE);
            self.briefed = Some(std::time::Instant::now());
        }
        Ok(placed)
    }

    /// Places the articles no round has placed yet, without computing
    /// what the store keeps of the changed storylines: the caller runs
    /// [`keep_stored`] when it chooses (a distributed placer times them
    /// apart).
    pub fn place_rounds(&mut self, store: &mut Store) -> Result<Placed, StoryError> {
        let placed = place_rounds(store, &mut self.kept);
        crate::heap::give_back_freed_memory();
        placed
    }
}

fn update_kept(
    store: &mut Store,
    kept: &mut Option<(i64, Clusterer)>,
) -> Result<Placed, StoryError> {
    let placed = place_rounds(store, kept)?;
    keep_stored(store)?;
    Ok(placed)
}

fn place_rounds(
    store: &mut Store,
    kept: &mut Option<(i64, Clusterer)>,
) -> Result<Placed, StoryError> {
    let on_file = store.cluster_round()?;
    let reuse = matches!((&*kept, on_file), (Some((r, _)), Some(f)) if *r == f);
    if reuse && store.unplaced_inputs(1)?.is_empty() {
        return Ok(Placed {
            stories: store.stories()?.len() as u64,
            rebuilt: None,
        });
    }
    let saved = if reuse {
        kept.take()
    } else {
        *kept = None;
        None
    };
    let (round, mut clusterer) = match saved {
        Some(k) => k,
        None => match store.cluster_state()? {
            Some((round, state)) => match Clusterer::restore(Config::default(), &state) {
                Ok(c) => (round, c),
                Err(e) => {
                    return Ok(Placed {
                        stories: rebuild_rounds(store)?,
                        rebuilt: Some(e.to_string()),
                    });
                }
            },
            // Placements without a state (a database from before rounds): replay.
            None if store.any_placed()? => {
                return Ok(Placed {
                    stories: rebuild_rounds(store)?,
                    rebuilt: None,
                });
            }
            None => (0, Clusterer::new(Config::default())),
        },
    };
    let mut round = round;
    let mut stories = None;
    // A pipeline of two: while a helper thread clusters round N, the
    // connection writes round N - 1 and reads round N + 1 (leaving out
    // round N's articles, which are not written yet). A round then costs
    // the longer of the two, not their sum.
    let mut done: Option<Round> = None;
    let mut inputs = store.unplaced_inputs(ROUND)?;
    while !inputs.is_empty() {
        round += 1;
        let ids: Vec<i64> = inputs.iter().map(|i| i.article_id).collect();
        let (clustered, next) = std::thread::scope(|s| {
            let helper = s.spawn(|| Round::cluster(&mut clusterer, &inputs, round));
            let next = done
                .take()
                .map_or(Ok(None), |d| d.write(store).map(Some))
                .and_then(|n| {
                    stories = n.or(stories);
                    Ok(store.unplaced_inputs_except(ROUND, &ids)?)
                });
            (helper.join(), next)
        });
        // A panic while clustering goes on as it would have without the
        // helper thread.
        done = Some(clustered.unwrap_or_else(|p| std::panic::resume_unwind(p)));
        inputs = next?;
    }
    if let Some(d) = done {
        stories = Some(d.write(store)?);
    }
    let stories = match stories {
        Some(n) => n,
        None => store.stories()?.len() as u64,
    };
    *kept = Some((round, clusterer));
    Ok(Placed {
        stories,
        rebuilt: None,
    })
}

/// Re-clusters every stored article, round by round as they were first
/// placed (articles not placed yet form one more round), and replaces the
/// stories; returns how many there are. Every storyline is briefed again.
pub fn rebuild(store: &mut Store) -> Result<u64, StoryError> {
    let n = rebuild_rounds(store)?;
    keep_stored(store)?;
    Ok(n)
}

fn rebuild_rounds(store: &mut Store) -> Result<u64, StoryError> {
    let inputs = store.story_inputs()?;
    let mut clusterer = Clusterer::new(Config::default());
    let mut members = Vec::with_capacity(inputs.len());
    let mut merges = Vec::new();
    let mut links = Vec::new();
    // Inputs come sorted by round, unplaced last; rounds are renumbered
    // from 1 so that gaps left by earlier rebuilds close.
    let mut round = 0;
    let mut rest = &inputs[..];
    while let Some(first) = rest.first() {
        let n = rest.iter().take_while(|i| i.round == first.round).count();
        let (group, tail) = rest.split_at(n);
        round += 1;
        let lists = (&mut members, &mut merges, &mut links);
        place(&mut clusterer, group, round, lists);
        rest = tail;
    }
    let state = clusterer.snapshot();
    Ok(store.write_clustering(&ClusterWrite {
        round,
        members: &members,
        merges: &merges,
        line_links: &links,
        state: &state,
        replace: true,
    })?)
}

/// One clustered round, waiting to be written.
struct Round {
    round: i64,
    members: Vec<Membership>,
    merges: Vec<(i64, i64)>,
    links: Vec<(i64, i64)>,
    state: Vec<u8>,
}

impl Round {
    /// Places `inputs` and takes the clusterer's state after them.
    fn cluster(clusterer: &mut Clusterer, inputs: &[StoryInput], round: i64) -> Round {
        let mut members = Vec::with_capacity(inputs.len());
        let mut merges = Vec::new();
        let mut links = Vec::new();
        place(
            clusterer,
            inputs,
            round,
            (&mut members, &mut merges, &mut links),
        );
        Round {
            round,
            members,
            merges,
            links,
            state: clusterer.snapshot(),
        }
    }

    /// Writes the round; returns how many stories there are.
    fn write(&self, store: &mut Store) -> Result<u64, StoryError> {
        Ok(store.write_clustering(&ClusterWrite {
            round: self.round,
            members: &self.members,
            merges: &self.merges,
            line_links: &self.links,
            state: &self.state,
            replace: false,
        })?)
    }
}

/// What a round records: placements, story merges and storyline links.
type Lists<'a> = (
    &'a mut Vec<Membership>,
    &'a mut Vec<(i64, i64)>,
    &'a mut Vec<(i64, i64)>,
);

/// Runs one round: adds `inputs` in stream order and records where each
/// went, which stories merged and which storylines were linked.
fn place(clusterer: &mut Clusterer, inputs: &[StoryInput], round: i64, lists: Lists<'_>) {
    let (members, merges, links) = lists;
    let ids: Vec<String> = inputs.iter().map(|a| a.article_id.to_string()).collect();
    let docs: Vec<Doc> = inputs
        .iter()
        .zip(&ids)
        .map(|(a, id)| ArticleView::of_input(a).for_clustering(id))
        .collect();
    let story_id = |s: u64| i64::try_from(s).unwrap_or(i64::MAX);
    for i in stream_order(&docs) {
        let a = clusterer.add(&docs[i]);
        merges.extend(
            a.merged
                .iter()
                .map(|&(from, into)| (story_id(from), story_id(into))),
        );
        links.extend(
            a.storyline_merged
                .iter()
                .map(|&(from, into)| (story_id(from), story_id(into))),
        );
        members.push(Membership {
            article_id: inputs[i].article_id,
            story_id: story_id(a.story),
            duplicate_of: a.duplicate_of.as_deref().and_then(|d| d.parse().ok()),
            round,
            storyline_id: story_id(a.storyline),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_reports_of_one_event_make_one_story_and_a_rebuild_agrees() {
        let mut store = crate::fixture::harbour();
        let before = store.stories().unwrap();
        assert_eq!(before.len(), 1);
        assert_eq!(before[0].articles, 3);
        // A second update finds nothing new.
        let again = update(&mut store).unwrap();
        assert_eq!(
            again,
            Placed {
                stories: 1,
                rebuilt: None
            }
        );
        assert_eq!(rebuild(&mut store).unwrap(), 1);
        assert_eq!(store.stories().unwrap()[0].articles, 3);
    }
}
