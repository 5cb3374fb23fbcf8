//! Headline: written from the coverage, not from whichever article came first.
//!
//! Among the titles of the latest reports (within two days of the newest:
//! a story that developed is headed by where it stands now; outlet suffixes
//! such as " | Outlet" cut), the one closest to the story's centroid wins. Without titles, the best-scored
//! sentence is compressed: its dateline is already gone; a trailing
//! attribution (", officials said.") and the full stop are cut, and a long
//! one is cut at its first clause boundary.

use crate::group::Groups;
use crate::quality::dangling;
use crate::scoring::Centroid;
use crate::sentences::{Candidate, clean};
use crate::terms::Vectors;
use crate::{LATEST_SECS, Source};

/// Longest headline in words when compressed from a sentence.
const MAX_WORDS: usize = 16;

/// Writes the story's headline (empty only when there is nothing to say).
pub fn write(
    articles: &[Source],
    candidates: &[Candidate],
    groups: &Groups,
    scores: &[f32],
    vectors: &Vectors,
) -> String {
    let center = Centroid::build(candidates, vectors, articles, 0.0);
    // A story that has developed is headed by its latest development: the
    // titles of the last days' reports compete, the rest only without them.
    let newest = articles.iter().filter_map(|a| a.time).max();
    let latest = |a: &Source| match (newest, a.time) {
        (Some(n), Some(t)) => n.saturating_sub(t) <= LATEST_SECS,
        (Some(_), None) => false,
        (None, _) => true,
    };
    let mut best: Option<(f32, String)> = None;
    for a in articles.iter().take(2000).filter(|a| latest(a)) {
        let title = trim_title(&clean(crate::sentences::prefix(a.title, 400)));
        if title.split_whitespace().count() < 3 {
            continue;
        }
        let s = center.cos(&vectors.vector(&title));
        if best.as_ref().is_none_or(|(b, _)| s > *b) {
            best = Some((s, title));
        }
    }
    if let Some((_, t)) = best {
        return t;
    }
    // The best-scored sentences that can stand as a headline: not a quote,
    // not leaning on context.
    let mut order: Vec<usize> = (0..scores.len().min(groups.rep.len())).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]));
    let usable: Vec<&str> = order
        .iter()
        .filter_map(|&g| candidates.get(groups.rep[g]))
        .filter(|c| !c.context)
        .map(|c| c.text.as_str())
        .filter(|t| !t.starts_with(['"', '\u{201c}', '\'', '\u{2018}']) && !dangling(t))
        .take(8)
        .collect();
    let heads: Vec<String> = usable.iter().map(|t| compress(t)).collect();
    if let Some(h) = heads
        .iter()
        .take(3)
        .find(|h| h.split_whitespace().count() <= MAX_WORDS)
    {
        return h.clone();
    }
    if let Some(h) = heads.into_iter().next() {
        return h;
    }
    articles
        .iter()
        .map(|a| trim_title(&clean(crate::sentences::prefix(a.title, 400))))
        .find(|t| !t.is_empty())
        .unwrap_or_default()
}

/// A title without its outlet suffix ("Storm hits coast | The Daily").
fn trim_title(title: &str) -> String {
    for sep in [" | ", " - ", " — ", " – ", " :: "] {
        if let Some(pos) = title.rfind(sep) {
            let (head, tail) = (&title[..pos], &title[pos + sep.len()..]);
            if tail.split_whitespace().count() <= 4 && head.split_whitespace().count() >= 3 {
                return head.trim().to_string();
            }
        }
    }
    title.trim().to_string()
}

/// A sentence made into a headline: without its full stop and a trailing
/// attribution (", officials said"), cut at a clause boundary when long and
/// the clause says enough; never cut mid-phrase.
fn compress(sentence: &str) -> String {
    let mut s = sentence.trim_end_matches(['.', '!', ' ']).to_string();
    if let Some(pos) = s.rfind(", ") {
        let tail = &s[pos + 2..];
        let n = tail.split_whitespace().count();
        let verb = [
            "said",
            "says",
            "reported",
            "reports",
            "announced",
            "confirmed",
        ]
        .iter()
        .any(|v| tail.split_whitespace().any(|w| w == *v));
        if n <= 6 && verb && s[..pos].split_whitespace().count() >= 5 {
            s.truncate(pos);
        }
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.len() <= MAX_WORDS {
        return s;
    }
    let mut out = Vec::new();
    for w in &words {
        out.push(*w);
        if out.len() > MAX_WORDS + 4 {
            break;
        }
        // Only the first clause boundary: a later one may close an
        // apposition ("The site, in the old town, ...").
        if w.ends_with(',') || w.ends_with(';') {
            if out.len() >= 8 && !w.contains('.') {
                return out.join(" ").trim_end_matches([',', ';']).to_string();
            }
            break;
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlet_suffix_cut() {
        assert_eq!(
            trim_title("Ferry sinks near old pier | Harbour Times"),
            "Ferry sinks near old pier"
        );
        assert_eq!(trim_title("Ferry sinks - again"), "Ferry sinks - again");
    }

    #[test]
    fn a_developed_story_is_headed_by_its_latest_report() {
        const DAY: i64 = 86_400;
        let art = |title, text, day: i64| Source {
            title,
            text,
            time: Some(day * DAY),
            ..Source::default()
        };
        let arts = [
            art(
                "Ferry crews strike over unpaid overtime",
                "Ferry crews on the Halvorsund line walked out over unpaid overtime. The union said the strike would go on.",
                0,
            ),
            art(
                "Ferry strike enters second day",
                "The Halvorsund ferry strike went on for a second day over unpaid overtime.",
                1,
            ),
            art(
                "Ferry strike ends with overtime deal",
                "The Halvorsund ferry crews accepted a deal on unpaid overtime and the strike ended.",
                20,
            ),
        ];
        let s = crate::summarize(&arts, 60);
        assert_eq!(s.headline, "Ferry strike ends with overtime deal");
        // ... and its summary opens with the same development.
        assert!(s.sentences[0].text.contains("accepted a deal"), "{s:#?}");
    }

    #[test]
    fn compresses_long_sentence() {
        let s = "The harbour ferry sank near the old pier on Sunday morning, leaving dozens of commuters stranded on the far shore.";
        assert_eq!(
            compress(s),
            "The harbour ferry sank near the old pier on Sunday morning"
        );
        assert_eq!(
            compress("The harbour ferry sank near the old pier, officials said."),
            "The harbour ferry sank near the old pier"
        );
    }
}
