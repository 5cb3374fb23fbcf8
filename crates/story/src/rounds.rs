//! Clustering rounds: stored articles -> stories.
//!
//! Clustering runs in rounds: each `storyline ingest` places the articles no
//! round has placed yet, in [`stream_order`] of their sources' order (not
//! the order they were stored in), continuing from the clusterer
//! state the previous round saved (so the cost of a run follows the new
//! articles, not the database). A rebuild replays every round from scratch
//! in the same order and so arrives at the same stories; it is also the
//! fallback when the saved state is missing, damaged or from another
//! configuration. A run that brings more than [`ROUND`] articles places them
//! in several rounds, in arrival order.

use std::collections::HashMap;

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

    /// The kept clusterer's estimate of its heap, by part (none before
    /// the first round).
    pub fn memory(&self) -> Option<storyline_cluster::Memory> {
        self.kept.as_ref().map(|(_, c)| c.memory())
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
    let mut placed = Placements::with_capacity(inputs.len());
    // Inputs come sorted by round, unplaced last; rounds are renumbered
    // from 1 so that gaps left by earlier rebuilds close.
    let mut round = 0;
    let mut rest = &inputs[..];
    while let Some(first) = rest.first() {
        let n = rest.iter().take_while(|i| i.round == first.round).count();
        let (group, tail) = rest.split_at(n);
        round += 1;
        place(&mut clusterer, group, round, &mut placed);
        rest = tail;
    }
    placed.resolve(store)?;
    let state = packed_state(&clusterer);
    Ok(store.write_clustering(&ClusterWrite {
        round,
        members: &placed.members,
        merges: &placed.merges,
        line_links: &placed.links,
        state: &state,
        replace: true,
    })?)
}

/// The clusterer's state as the store keeps it, compressed as it is
/// serialised (a round waiting to be written holds only the compressed
/// bytes); the plain bytes should compressing fail.
fn packed_state(clusterer: &Clusterer) -> Vec<u8> {
    storyline_store::pack_state_with(|w| clusterer.snapshot_to(w))
        .unwrap_or_else(|_| clusterer.snapshot())
}

/// One clustered round, waiting to be written.
struct Round {
    round: i64,
    placed: Placements,
    state: Vec<u8>,
}

impl Round {
    /// Places `inputs` and takes the clusterer's state after them.
    fn cluster(clusterer: &mut Clusterer, inputs: &[StoryInput], round: i64) -> Round {
        let mut placed = Placements::with_capacity(inputs.len());
        place(clusterer, inputs, round, &mut placed);
        Round {
            round,
            placed,
            state: packed_state(clusterer),
        }
    }

    /// Writes the round; returns how many stories there are.
    fn write(mut self, store: &mut Store) -> Result<u64, StoryError> {
        self.placed.resolve(store)?;
        Ok(store.write_clustering(&ClusterWrite {
            round: self.round,
            members: &self.placed.members,
            merges: &self.placed.merges,
            line_links: &self.placed.links,
            state: &self.state,
            replace: false,
        })?)
    }
}

/// What rounds record: placements, story merges and storyline links.
struct Placements {
    members: Vec<Membership>,
    merges: Vec<(i64, i64)>,
    links: Vec<(i64, i64)>,
    /// Members that are near-copies of an article of an earlier round,
    /// known to the clusterer by its hash: (index in `members`, hash).
    copies_of_earlier: Vec<(usize, String)>,
}

impl Placements {
    fn with_capacity(n: usize) -> Placements {
        Placements {
            members: Vec::with_capacity(n),
            merges: Vec::new(),
            links: Vec::new(),
            copies_of_earlier: Vec::new(),
        }
    }

    /// Finds the ids of the originals of near-copies placed in earlier
    /// rounds.
    fn resolve(&mut self, store: &Store) -> Result<(), StoryError> {
        for (i, hash) in self.copies_of_earlier.drain(..) {
            self.members[i].duplicate_of = store.contains_hash(&hash)?;
        }
        Ok(())
    }
}

/// Runs one round: adds `inputs` in stream order and records where each
/// went, which stories merged and which storylines were linked.
///
/// The clusterer knows each article by its content hash and is given the
/// round in the order of the articles' sources (undated articles keep
/// their place in it), not in the order they were stored: two workers
/// store and number the same articles in another order than one ingest,
/// and the stories must not depend on it.
fn place(clusterer: &mut Clusterer, inputs: &[StoryInput], round: i64, placed: &mut Placements) {
    let mut by_source: Vec<usize> = (0..inputs.len()).collect();
    by_source.sort_by_cached_key(|&i| (input_place(&inputs[i].source), &inputs[i].hash));
    let docs: Vec<Doc> = by_source
        .iter()
        .map(|&i| ArticleView::of_input(&inputs[i]).for_clustering(&inputs[i].hash))
        .collect();
    let in_round: HashMap<&str, i64> = inputs
        .iter()
        .map(|a| (a.hash.as_str(), a.article_id))
        .collect();
    let story_id = |s: u64| i64::try_from(s).unwrap_or(i64::MAX);
    for k in stream_order(&docs) {
        let a = clusterer.add(&docs[k]);
        placed.merges.extend(
            a.merged
                .iter()
                .map(|&(from, into)| (story_id(from), story_id(into))),
        );
        placed.links.extend(
            a.storyline_merged
                .iter()
                .map(|&(from, into)| (story_id(from), story_id(into))),
        );
        // A state saved before articles were known by hash names them by id.
        let duplicate_of = a.duplicate_of.as_deref().and_then(|d| {
            let id = in_round.get(d).copied().or_else(|| d.parse().ok());
            if id.is_none() {
                let at = placed.members.len();
                placed.copies_of_earlier.push((at, d.to_string()));
            }
            id
        });
        placed.members.push(Membership {
            article_id: inputs[by_source[k]].article_id,
            story_id: story_id(a.story),
            duplicate_of,
            round,
            storyline_id: story_id(a.storyline),
        });
    }
}

/// A source's input and its place in it: `dir/a.jsonl#10` is line 10 of
/// `dir/a.jsonl`, and comes after line 9 (the sort is by number, not by
/// text). A source without a numbered place is its own input.
fn input_place(source: &str) -> (&str, u64) {
    match source.rsplit_once('#') {
        Some((input, n)) => match n.parse() {
            Ok(n) => (input, n),
            Err(_) => (source, 0),
        },
        None => (source, 0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every story as the set of its articles' titles.
    fn stories_by_title(store: &Store) -> Vec<Vec<String>> {
        let mut out: Vec<Vec<String>> = store
            .stories()
            .unwrap()
            .iter()
            .map(|s| {
                let (_, members) = store.story(s.id).unwrap().unwrap();
                let mut t: Vec<String> = members
                    .into_iter()
                    .filter_map(|m| {
                        let copy = if m.duplicate_of.is_some() {
                            " (copy)"
                        } else {
                            ""
                        };
                        m.title.map(|t| t + copy)
                    })
                    .collect();
                t.sort();
                t
            })
            .collect();
        out.sort();
        out
    }

    #[test]
    fn the_order_of_storing_does_not_change_the_stories() {
        // Undated reports, and pairs published at the same minute, stored
        // forwards and backwards (so every id differs).
        let articles = crate::fixture::crowd_articles();
        let forwards = crate::fixture::store_of(&articles);
        let mut reversed = articles.clone();
        reversed.reverse();
        let backwards = crate::fixture::store_of(&reversed);
        assert_eq!(stories_by_title(&forwards), stories_by_title(&backwards));
        assert!(stories_by_title(&forwards).len() >= 2);
    }

    #[test]
    fn copies_published_at_one_time_name_the_same_original_whatever_the_storing_order() {
        use crate::fixture::article;
        let pier = "The harbour of Velmora closed after a storm broke the northern pier, and \
                    Mayor Ilsa Brandt said the pier would be rebuilt before the autumn fleet \
                    returns. Forty boats waited outside the harbour.";
        let articles: Vec<_> = ["a", "b", "c", "d", "e", "f"]
            .iter()
            .map(|o| {
                let outlet = format!("{o}.example");
                let text = format!("{pier} Filed by {o}.");
                article(
                    Some(&outlet),
                    Some("2031-03-04"),
                    &format!("Pier {o}"),
                    &text,
                )
            })
            .collect();
        let forwards = crate::fixture::store_of(&articles);
        let mut reversed = articles.clone();
        reversed.reverse();
        let backwards = crate::fixture::store_of(&reversed);
        let stories = stories_by_title(&forwards);
        assert_eq!(stories, stories_by_title(&backwards));
        assert_eq!(
            stories[0].iter().filter(|t| t.ends_with("(copy)")).count(),
            5
        );
    }

    #[test]
    fn sources_sort_by_input_then_place() {
        let mut s = ["b.jsonl#2", "a.jsonl#10", "a.jsonl#9", "feed#x7", "a.html"];
        s.sort_by_key(|x| input_place(x));
        assert_eq!(
            s,
            ["a.html", "a.jsonl#9", "a.jsonl#10", "b.jsonl#2", "feed#x7"]
        );
    }

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
