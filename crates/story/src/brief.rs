//! One story of the digest: its headline, cited summary, key quotes,
//! timeline, coverage and numbered sources.
//!
//! A storyline of several events is told as it developed: its headline is
//! its latest development's, its summary opens with what that development
//! brought and goes on with the background from the events before, and its
//! timeline is its events.

use storyline_model::Published;
use storyline_report::{Development, Event, Line, Quote, Source, Story};

use crate::{
    ArticleView, Said, StoryView, Storyline, coverage, key_events, key_quotes, label, sample,
};

/// Share of a storyline's summary given to its latest development.
const NEW_SHARE: f32 = 0.6;

/// The digest's story for `full`, read from at most [`crate::MAX_READ`] of
/// its articles, with a summary of about `words` words. A view read by
/// [`StoryView::load_sampled`] holds just those and gives the same story.
pub fn brief(full: StoryView, words: usize) -> Story {
    brief_known(full, words, None)
}

/// [`brief`], given who said what in `full` when the caller computed it
/// already (used only when `full` is no bigger than its sample).
pub(crate) fn brief_known(full: StoryView, words: usize, said: Option<Vec<Said>>) -> Story {
    // `sample` gives ascending indices; the texts are moved, not copied.
    let picked = sample(full.members.len());
    let said = said.filter(|_| picked.len() == full.members.len());
    let StoryView {
        row,
        members,
        texts,
        published,
        events,
        storyline,
    } = full;
    let mut view = StoryView {
        row,
        members: Vec::with_capacity(picked.len()),
        texts: Vec::with_capacity(picked.len()),
        published: Vec::with_capacity(picked.len()),
        events: Vec::with_capacity(picked.len()),
        storyline,
    };
    let all = members.into_iter().zip(texts).zip(published).zip(events);
    for (i, (((m, text), p), e)) in all.enumerate() {
        if picked.binary_search(&i).is_ok() {
            view.members.push(m);
            view.texts.push(text);
            view.published.push(p);
            view.events.push(e);
        }
    }
    // Sources are numbered in time order, as the view lists them.
    let n = |i: usize| i + 1;
    let sources: Vec<Source> = view
        .members
        .iter()
        .enumerate()
        .map(|(i, m)| Source {
            n: n(i),
            article: m.article_id,
            outlet: Some(label(m)),
            title: m.title.clone(),
            url: m.url.clone(),
            published: m.published.clone(),
        })
        .collect();
    let inputs: Vec<storyline_summary::Source> = view
        .articles()
        .iter()
        .map(ArticleView::for_summary)
        .collect();
    let latest = Storyline {
        id: view.row.id,
        events: view.storyline.clone(),
    }
    .latest()
    .map(|r| r.id);
    let (new, old): (Vec<usize>, Vec<usize>) =
        (0..inputs.len()).partition(|&i| Some(view.events[i]) == latest);
    let developed = view.storyline.len() > 1 && !new.is_empty() && !old.is_empty();
    let (headline, lines) = if developed {
        // What is new first, then the background the reader needs.
        let fresh = ((words as f32 * NEW_SHARE) as usize).max(1);
        let (headline, mut lines) = summary_of(&inputs, &new, fresh);
        // Background from earlier events, read from a longer summary of
        // them: a sentence that places itself by its writer's day ("on
        // Wednesday") would point at the wrong day here, and is passed over.
        let budget = words.saturating_sub(fresh).max(1);
        let (_, before) = summary_of(&inputs, &old, 3 * budget);
        let mut used = 0;
        for line in before {
            let n = line.text.split_whitespace().count();
            if used + n > budget && used > 0 {
                break;
            }
            if !lines.iter().any(|l| alike(&l.text, &line.text)) && !relative(&line.text) {
                used += n;
                lines.push(line);
            }
        }
        (headline, lines)
    } else {
        let all: Vec<usize> = (0..inputs.len()).collect();
        summary_of(&inputs, &all, words)
    };
    let headline = if headline.trim().is_empty() {
        "(untitled story)".to_string()
    } else {
        headline
    };
    // Each event of a storyline, with the numbers of its sources read here.
    let developments: Vec<Development> = view
        .storyline
        .iter()
        .map(|e| {
            let own: Vec<usize> = (0..inputs.len())
                .filter(|&i| view.events[i] == e.id)
                .collect();
            let headline = if own.is_empty() {
                e.title.clone().unwrap_or_default()
            } else {
                summary_of(&inputs, &own, 20).0
            };
            Development {
                id: e.id,
                headline,
                first: e.first_published.clone(),
                last: e.last_published.clone(),
                articles: e.articles,
                sources: own.iter().map(|&i| n(i)).collect(),
            }
        })
        .collect();

    let said = said.unwrap_or_else(|| view.said(&view.entities()));
    let quotes = key_quotes(&said)
        .into_iter()
        .map(|s| Quote {
            speaker: s.speaker.clone(),
            text: s.text.clone(),
            sources: s.reports.iter().map(|r| n(r.0)).collect(),
        })
        .collect();

    let first = view
        .row
        .first_published
        .as_deref()
        .and_then(Published::parse);
    // Background (well before the story's first article) is shown apart.
    let (old, events): (Vec<_>, Vec<_>) = view.timeline().into_iter().partition(|e| e.background);
    let developments = if developments.is_empty() {
        vec![Development {
            id: view.row.id,
            headline: headline.clone(),
            first: view.row.first_published.clone(),
            last: view.row.last_published.clone(),
            articles: view.row.articles,
            sources: (1..=view.members.len()).collect(),
        }]
    } else {
        developments
    };
    let events = key_events(events, first.map(|p| p.day()));
    let entry = |e: &storyline_timeline::Event| {
        let mut sources: Vec<usize> = e.reports.iter().map(|r| n(r.article)).collect();
        sources.sort_unstable();
        sources.dedup();
        Event {
            when: e.when(),
            text: e.text.clone(),
            sources,
            inferred: e.inferred,
        }
    };
    let timeline = if developed {
        // A storyline's timeline is its events, dated by their first report.
        developments
            .iter()
            .filter_map(|d| {
                let day = d.first.as_deref().and_then(Published::parse)?.day();
                Some(Event {
                    when: day.to_string(),
                    text: d.headline.clone(),
                    sources: d.sources.clone(),
                    inferred: false,
                })
            })
            .collect()
    } else {
        events.iter().map(entry).collect()
    };
    let background = key_events(old, None).iter().map(entry).collect();

    let (coverage, differences) = coverage(&view, &said);
    Story {
        id: view.row.id,
        headline,
        articles: view.row.articles,
        outlets: view.row.outlets.clone(),
        first: view.row.first_published.clone(),
        last: view.row.last_published.clone(),
        summary: lines,
        quotes,
        timeline,
        background,
        coverage,
        differences,
        sources,
        events: developments,
    }
}

/// The summary of some of the read articles (`picked`, indices into
/// `inputs`): its headline, and its lines citing sources by number.
fn summary_of(
    inputs: &[storyline_summary::Source],
    picked: &[usize],
    words: usize,
) -> (String, Vec<Line>) {
    let part: Vec<storyline_summary::Source> = picked.iter().map(|&i| inputs[i]).collect();
    // The summary crate owns the headline's choice (real titles, else a lead).
    let summary = storyline_summary::summarize(&part, words);
    let lines = summary
        .sentences
        .iter()
        .map(|s| Line {
            text: s.text.clone(),
            sources: s
                .sources
                .iter()
                .filter_map(|&i| picked.get(i))
                .map(|&i| i + 1)
                .collect(),
        })
        .collect();
    (summary.headline, lines)
}

/// Whether a sentence names a time relative to its writer's ("Wednesday",
/// "tomorrow", "next week").
fn relative(text: &str) -> bool {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words.iter().any(|w| storyline_lexicon::is_relative_day(w))
        || words.windows(2).any(|p| {
            matches!(p[0].as_str(), "this" | "next" | "last")
                && matches!(p[1].as_str(), "week" | "weekend" | "month")
        })
}

/// Whether two summary sentences say much the same (most words shared).
fn alike(a: &str, b: &str) -> bool {
    let words = |s: &str| -> std::collections::BTreeSet<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.len() > 2)
            .map(str::to_lowercase)
            .collect()
    };
    let (a, b) = (words(a), words(b));
    let shared = a.intersection(&b).count();
    let least = a.len().min(b.len()).max(1);
    shared * 10 >= least * 7
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_relative_to_the_writer_are_recognised() {
        assert!(relative("The House votes on Wednesday."));
        assert!(relative("A decision is due next week."));
        assert!(!relative("The House voted on May 19."));
        assert!(!relative("A week of talks ended."));
    }

    #[test]
    fn a_story_is_briefed_with_cited_sources() {
        let view = crate::fixture::harbour_view();
        let story = brief(view, 60);
        assert_eq!(story.articles, 3);
        assert_eq!(story.sources.len(), 3);
        assert!(!story.headline.is_empty());
        assert!(!story.summary.is_empty());
        // Every citation points at a listed source.
        let cited = story.summary.iter().flat_map(|l| &l.sources);
        assert!(cited.into_iter().all(|&n| (1..=3).contains(&n)));
        assert_eq!(story.first.as_deref(), Some("2031-03-04"));
    }
}
