//! One story of the digest: its headline, cited summary, key quotes,
//! timeline, coverage and numbered sources.

use storyline_model::Published;
use storyline_report::{Event, Line, Quote, Source, Story};

use crate::{ArticleView, StoryView, coverage, key_events, key_quotes, label, sample};

/// The digest's story for `full`, read from at most [`crate::MAX_READ`] of
/// its articles, with a summary of about `words` words.
pub fn brief(full: StoryView, words: usize) -> Story {
    // `sample` gives ascending indices; the texts are moved, not copied.
    let picked = sample(full.members.len());
    let StoryView {
        row,
        members,
        texts,
        published,
    } = full;
    let mut view = StoryView {
        row,
        members: Vec::with_capacity(picked.len()),
        texts: Vec::with_capacity(picked.len()),
        published: Vec::with_capacity(picked.len()),
    };
    for (i, ((m, text), p)) in members.into_iter().zip(texts).zip(published).enumerate() {
        if picked.binary_search(&i).is_ok() {
            view.members.push(m);
            view.texts.push(text);
            view.published.push(p);
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
    let summary = storyline_summary::summarize(&inputs, words);
    // The summary crate owns the headline's choice (real titles, else a lead).
    let headline = if summary.headline.trim().is_empty() {
        "(untitled story)".to_string()
    } else {
        summary.headline.clone()
    };
    let lines = summary
        .sentences
        .iter()
        .map(|s| Line {
            text: s.text.clone(),
            sources: s.sources.iter().map(|&i| n(i)).collect(),
        })
        .collect();

    let said = view.said(&view.entities());
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
    let timeline = events.iter().map(entry).collect();
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
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
