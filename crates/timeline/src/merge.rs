//! Merging candidates that tell the same development.

use storyline_timex::Period;

use crate::candidate::Candidate;
use crate::event::{Event, Report};
use crate::words;

/// Content-word overlap (over the shorter sentence) at which two
/// sentences with the same period tell the same development.
const SAME: f32 = 0.4;
/// Names two sentences about the same day must share to be one
/// development when their wording differs: within one story, the same
/// actors on the same day are one development told differently.
const SAME_DAY_NAMES: usize = 2;

/// Groups candidates into events.
pub(crate) fn merge(mut found: Vec<Candidate>) -> Vec<Event> {
    // The best tellers first: from dated articles, read alone (not "He
    // canceled ..."), early in their article, then by article order.
    found.sort_by_key(|c| {
        let leans = words::leans(&c.text);
        (c.inferred, leans, c.position.min(8), c.article, c.start)
    });
    let mut groups: Vec<(Candidate, Vec<Report>, bool)> = Vec::new();
    for c in found {
        let report = Report {
            article: c.article,
            start: c.start,
            end: c.end,
        };
        let same = groups.iter_mut().find(|(head, _, _)| {
            head.period == c.period
                && (words::overlap(&head.words, &c.words) >= SAME
                    || (matches!(c.period, Period::Day(_))
                        && words::shared(&head.names, &c.names) >= SAME_DAY_NAMES))
        });
        match same {
            Some((_, reports, inferred)) => {
                // One report per article: an article repeating itself counts once.
                if !reports.iter().any(|r| r.article == c.article) {
                    reports.push(report);
                }
                // Dated when any report is dated.
                *inferred &= c.inferred;
            }
            None => {
                let inferred = c.inferred;
                groups.push((c, vec![report], inferred));
            }
        }
    }
    groups
        .into_iter()
        .map(|(head, reports, inferred)| Event {
            period: head.period,
            text: head.text,
            reports,
            inferred,
            background: false,
        })
        .collect()
}
