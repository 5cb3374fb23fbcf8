//! Headline: written from the coverage, not from whichever article came first.
//!
//! The summary crate owns the whole choice; a caller shows what it gets.
//!
//! A real title comes first. Among the titles of the latest reports (within
//! two days of the newest: a story that developed is headed by where it
//! stands now; outlet suffixes such as " | Outlet" cut), the one closest to
//! the story's centroid wins: the title most representative of the
//! coverage. A report's title comes before commentary's (an opinion
//! desk's piece, "Why ...", "Five takeaways ...", a question), and a
//! column written days after the news is no development. Page furniture
//! that extraction took for a title ("Please enable JavaScript ...",
//! "Media playback is unsupported ...", a photo caption with its credit,
//! share buttons) is no title, and neither is one that shares no word with
//! the story.
//!
//! Without a title, the best-scored lead sentence that stands alone heads
//! the story, compressed: its dateline is already gone; a trailing
//! attribution (", officials said.") and the full stop are cut, and a long
//! one is cut at a clause boundary only where what is left is a complete
//! clause (never "The disclosure by the council on Tuesday").

use crate::group::Groups;
use crate::quality::dangling;
use crate::scoring::Centroid;
use crate::sentences::{Candidate, clean};
use crate::terms::Vectors;
use crate::{LATEST_SECS, Source};

/// Longest headline in words when compressed from a sentence.
const MAX_WORDS: usize = 16;

/// Longest title in words: a longer one is a caption or a paragraph.
const MAX_TITLE_WORDS: usize = 30;

/// Lowest cosine of a title with the story's centroid: below it the title
/// shares (almost) no word with the coverage it would head.
const MIN_TITLE_COS: f32 = 0.05;

/// Writes the story's headline (empty only when there is nothing to say).
pub fn write(
    articles: &[Source],
    candidates: &[Candidate],
    groups: &Groups,
    scores: &[f32],
    vectors: &Vectors,
) -> String {
    let center = Centroid::build(candidates, vectors, articles, 0.0);
    let articles = &articles[..articles.len().min(2000)];
    // A report's title heads before commentary's ("Why the ... matters",
    // an opinion desk's piece): the briefing says what happened. Judged
    // once per article; the choices below read it by index.
    let reports: Vec<bool> = articles.iter().map(|a| !commentary(a)).collect();
    let reported = reports.contains(&true);
    let report = |i: usize| reports[i];
    // A story that has developed is headed by its latest development: the
    // titles of the last days' reports compete, the rest only without them.
    // A column written days after the news is no development.
    let newest = articles
        .iter()
        .enumerate()
        .filter(|&(i, _)| !reported || report(i))
        .filter_map(|(_, a)| a.time)
        .max();
    let latest = |i: usize| match (newest, articles[i].time) {
        (Some(n), Some(t)) => n.saturating_sub(t) <= LATEST_SECS,
        (Some(_), None) => false,
        (None, _) => true,
    };
    // Without sentences there is no centroid to be close to.
    let floor = if center.norm > 0.0 {
        MIN_TITLE_COS
    } else {
        f32::MIN
    };
    let best_title = |pick: &dyn Fn(usize) -> bool| {
        let mut best: Option<(f32, String)> = None;
        for (_, a) in articles.iter().enumerate().filter(|&(i, _)| pick(i)) {
            let title = trim_title(&clean(crate::sentences::prefix(a.title, 400)));
            if !title_like(&title) {
                continue;
            }
            let s = center.cos(&vectors.vector(&title));
            if s >= floor && best.as_ref().is_none_or(|(b, _)| s > *b) {
                best = Some((s, title));
            }
        }
        best.map(|(_, t)| t)
    };
    if let Some(t) = best_title(&|i| latest(i) && report(i)).or_else(|| best_title(&latest)) {
        return t;
    }
    if let Some(h) = lead(candidates, groups, scores) {
        return h;
    }
    best_title(&report)
        .or_else(|| best_title(&|_| true))
        .unwrap_or_default()
}

/// Openings of titles that explain or comment on the news.
const COMMENTARY_OPENINGS: &[&str] = &[
    "why ",
    "how ",
    "what ",
    "inside ",
    "opinion",
    "analysis",
    "explainer",
    "editorial",
    "commentary",
    "perspectives",
    "timeline:",
    "the case for ",
    "the case against ",
    "in defense of ",
];

/// Phrases of such titles anywhere in them.
const COMMENTARY_PHRASES: &[&str] = &[
    "here's why",
    "here's what",
    "what we know",
    "what you need to know",
    "things to know",
    "things to watch",
    "takeaways",
];

/// Whether an article reads as commentary or explanation rather than a
/// report, by its outlet's desk ("New York Times (Opinion)") or its
/// title: a question, an opening or phrase of [`COMMENTARY_OPENINGS`] and
/// [`COMMENTARY_PHRASES`], or a "should" the title itself says, not one it
/// reports ("Mayor says the pier should close" is a report).
pub fn commentary(article: &Source) -> bool {
    if article
        .outlet
        .is_some_and(|o| o.len() < 200 && o.to_lowercase().contains("opinion"))
    {
        return true;
    }
    let title = crate::sentences::prefix(article.title, 400).trim();
    let lower = title.to_lowercase().replace('\u{2019}', "'");
    let said = lower.contains(':')
        || lower
            .split_whitespace()
            .any(|w| storyline_lexicon::is_speech_verb(w) || w == "whether");
    title.ends_with('?')
        || COMMENTARY_OPENINGS.iter().any(|o| lower.starts_with(o))
        || COMMENTARY_PHRASES.iter().any(|p| lower.contains(p))
        || (!said && lower.contains(" should "))
}

/// The best-scored sentence that can head the story, compressed: a lead
/// of its article when one of the best is, one without quotation marks
/// when one is, one short enough when one is.
fn lead(candidates: &[Candidate], groups: &Groups, scores: &[f32]) -> Option<String> {
    let mut order: Vec<usize> = (0..scores.len().min(groups.rep.len())).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]));
    // Candidates are quotable ones that stand alone: not a quote, not
    // leaning on context.
    let usable: Vec<&Candidate> = order
        .iter()
        .filter_map(|&g| candidates.get(groups.rep[g]))
        .filter(|c| !c.context)
        .filter(|c| {
            !c.text.starts_with(['"', '\u{201c}', '\'', '\u{2018}'])
                && !dangling(&c.text)
                && crate::standalone::faults(&c.text).is_none()
        })
        .take(8)
        .collect();
    let quoteless = |c: &Candidate| !c.text.contains(['"', '\u{201c}', '\u{201d}']);
    let lead = |c: &Candidate| c.index == 0 && quoteless(c);
    let tiers: [&dyn Fn(&Candidate) -> bool; 3] = [&lead, &quoteless, &|_| true];
    // A short one first; else a lead a little longer (a reader still
    // takes it in at a glance) before the best, whole, however long.
    for (limit, tiers) in [
        (MAX_WORDS, &tiers[..]),
        (MAX_WORDS + MAX_WORDS / 2, &tiers[..1]),
    ] {
        for tier in tiers {
            let head = usable
                .iter()
                .filter(|c| tier(c))
                .take(3)
                .map(|c| compress(&c.text))
                .find(|h| h.split_whitespace().count() <= limit);
            if head.is_some() {
                return head;
            }
        }
    }
    // None of the best is short: the best of them heads, whole.
    tiers
        .iter()
        .find_map(|tier| usable.iter().find(|c| tier(c)))
        .map(|c| compress(&c.text))
}

/// Whether a title (cleaned, outlet suffix cut) can head a story: a few
/// words of plain text, no page furniture (player notices, captions and
/// their credits, share buttons, bylines), not shouted.
pub fn title_like(title: &str) -> bool {
    let words = title.split_whitespace().count();
    if !(3..=MAX_TITLE_WORDS).contains(&words) || !crate::quality::plain(title) {
        return false;
    }
    // A time stamp ("Update: November 8, 8:25 AM CST") says nothing.
    let worded = title
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| {
            w.chars().any(char::is_alphabetic)
                && !storyline_lexicon::is_month(w)
                && !storyline_lexicon::is_weekday(w)
                && !TIME_WORDS.contains(&w.as_str())
        })
        .count();
    if worded < 2 {
        return false;
    }
    let lower = title.to_lowercase();
    if TITLE_FURNITURE.iter().any(|f| lower.contains(f))
        || crate::quality::personal(&unquoted(title))
    {
        return false;
    }
    // A photo caption ends with its credit: "(Jane Doe/The Daily)".
    if let Some(open) = title.rfind('(')
        && title.ends_with(')')
    {
        let credit = &lower[open..];
        if credit.contains('/') || credit.contains("photo") || credit.contains("getty") {
            return false;
        }
    }
    true
}

/// The title without what it quotes, in single or double marks ("Mayor:
/// 'I will rebuild the pier'" keeps "Mayor:"): a quoted "I" is the
/// speaker's, not the writer's. An apostrophe inside a word ("don't")
/// neither opens nor closes a quote.
fn unquoted(title: &str) -> String {
    let chars: Vec<char> = title.chars().collect();
    let mut out = String::new();
    let mut quoted = false;
    for (i, &c) in chars.iter().enumerate() {
        let before = i
            .checked_sub(1)
            .and_then(|j| chars.get(j))
            .is_some_and(|p| p.is_alphanumeric());
        let after = chars.get(i + 1).is_some_and(|n| n.is_alphanumeric());
        match c {
            '"' | '\u{201c}' | '\u{201d}' | '\u{2018}' | '\'' | '\u{2019}'
                if before != after || !before =>
            {
                quoted = if matches!(c, '\u{201c}' | '\u{2018}') {
                    true
                } else if matches!(c, '\u{201d}') {
                    false
                } else if c == '\u{2019}' || c == '\'' {
                    // Opening at a word's start, closing at its end.
                    !before && after
                } else {
                    !quoted
                };
                out.push(' ');
            }
            _ if !quoted => out.push(c),
            _ => {}
        }
    }
    out
}

/// Words of a time stamp besides months and weekdays.
const TIME_WORDS: &[&str] = &[
    "am",
    "pm",
    "a.m",
    "p.m",
    "update",
    "updated",
    "posted",
    "published",
    "cst",
    "cdt",
    "est",
    "edt",
    "pst",
    "pdt",
    "mst",
    "mdt",
    "gmt",
    "utc",
    "bst",
    "cet",
    "cest",
];

/// Lowercase phrases that mark a page's furniture taken for its title
/// (beyond the sentence furniture of [`crate::quality`]).
const TITLE_FURNITURE: &[&str] = &[
    "share tweet",
    "tweet with a location",
    "add a location",
    "more>>",
    "local news",
    "most popular",
    "years ago",
    "free online",
    "this story is updated",
    "this crawl",
    "abstract and introduction",
    "top stories",
];

/// A title without its outlet suffix ("Storm hits coast | The Daily").
fn trim_title(title: &str) -> String {
    // A run of one word repeated ahead of the title is a tag line or a
    // section label ("news news news Ferry strike ends"), not the title.
    let words: Vec<&str> = title.split_whitespace().collect();
    let run = words
        .iter()
        .take_while(|w| w.eq_ignore_ascii_case(words[0]))
        .count();
    if run >= 3 && words.len() >= run + 3 {
        return trim_title(&words[run..].join(" "));
    }
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
/// what is left is a complete clause; never cut mid-phrase.
fn compress(sentence: &str) -> String {
    let mut s = sentence.trim_end_matches(['.', '!', ' ']).to_string();
    if let Some(pos) = s.rfind(", ") {
        let tail = &s[pos + 2..];
        let n = tail.split_whitespace().count();
        let verb = tail
            .split_whitespace()
            .any(storyline_lexicon::is_speech_verb);
        if n <= 6 && verb && s[..pos].split_whitespace().count() >= 5 {
            s.truncate(pos);
        }
    }
    if s.split_whitespace().count() > MAX_WORDS {
        s = without_asides(&s);
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.len() <= MAX_WORDS {
        return s;
    }
    // Only the first clause boundary: a later one may close an apposition
    // ("The site, in the old town, ..."). It is cut only where what follows
    // is an appendage ("..., leaving", "..., which"), not the rest of a
    // phrase ("should have shut down, or fortified, the pier").
    for (i, w) in words.iter().enumerate().take(MAX_TITLE_WORDS) {
        if !(w.ends_with(',') || w.ends_with(';')) {
            continue;
        }
        let next = words
            .get(i + 1)
            .map(|n| n.to_lowercase())
            .unwrap_or_default();
        let appendage =
            w.ends_with(';') || next.ends_with("ing") || APPENDAGE.contains(&next.as_str());
        let head = words[..=i].join(" ");
        let head = head.trim_end_matches([',', ';']);
        if i + 1 >= 8 && !w.contains('.') && appendage && complete(head) {
            return head.to_string();
        }
        break;
    }
    s
}

/// Lowercase words that open an appendage to a complete clause: a
/// relative clause, an attribution, a circumstance, an apposition ("...
/// found a brachiosaur, a kind of dinosaur").
const APPENDAGE: &[&str] = &[
    "a",
    "according",
    "after",
    "amid",
    "an",
    "as",
    "before",
    "despite",
    "following",
    "including",
    "which",
    "while",
    "who",
    "whose",
    "with",
];

/// The sentence without a parenthesis between dashes ("The officer — fired
/// last week — was found") or an apposition after a short subject ("Ada
/// Moss, the harbour master, closed the pier"), when what is left is still
/// a complete clause; else as it was.
fn without_asides(s: &str) -> String {
    let mut out = without_tags(s);
    for dash in [" \u{2014} ", " \u{2013} ", " -- "] {
        if let Some(a) = out.find(dash)
            && let Some(len) = out[a + dash.len()..].find(dash)
        {
            let inner = &out[a + dash.len()..a + dash.len() + len];
            let cut = format!(
                "{}{}",
                &out[..a],
                &out[a + dash.len() + len + dash.len() - 1..]
            );
            if inner.split_whitespace().count() <= 15 && complete(&cut) {
                out = cut;
            }
        }
    }
    let words: Vec<&str> = out.split_whitespace().collect();
    let Some(i) = words.iter().take(6).position(|w| w.ends_with(',')) else {
        return out;
    };
    let Some(j) = words
        .iter()
        .enumerate()
        .skip(i + 1)
        .take(15)
        .find(|(_, w)| w.ends_with(','))
        .map(|(j, _)| j)
    else {
        return out;
    };
    let subject = words[..=i].join(" ");
    let subject = subject.trim_end_matches(',');
    // An apposition names; a span with a verb of its own is the clause
    // itself ("Ada Moss, Harbour Post The pier is closed, ...").
    let apposition = words[i + 1..=j].join(" ");
    if !subject.starts_with(char::is_uppercase)
        || crate::standalone::has_verb(subject)
        || crate::standalone::has_verb(&apposition)
    {
        return out;
    }
    let cut = format!("{subject} {}", words[j + 1..].join(" "));
    if complete(&cut) { cut } else { out }
}

/// The sentence without short bracketed tags after a name ("Senator Ada
/// Moss (D-Portville) said" becomes "Senator Ada Moss said"): a party and
/// a seat, an age, an abbreviation's expansion; longer brackets stay.
fn without_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(a) = rest.find(" (") {
        let Some(len) = rest[a + 2..].find(')') else {
            break;
        };
        let inner = &rest[a + 2..a + 2 + len];
        out.push_str(&rest[..a]);
        if inner.split_whitespace().count() > 3 || inner.contains('(') {
            out.push_str(&rest[a..a + 3 + len]);
        }
        rest = &rest[a + 3 + len..];
    }
    out.push_str(rest);
    out
}

/// Lowercase words that open a subordinate clause (not those that are
/// also prepositions: "as", "after", "since"): a clause cut short after
/// one of them must still have a verb of its own.
const SUBORDINATE: &[&str] = &[
    "although", "because", "if", "that", "though", "unless", "until", "when", "where", "whether",
    "which", "while", "who",
];

/// Whether `head` reads as a complete clause: it stands alone, does not
/// open with an introductory phrase, and every subordinate clause in it
/// has a verb ("Police said that a man and his son" does not).
fn complete(head: &str) -> bool {
    if crate::standalone::faults(head).is_some() {
        return false;
    }
    let words: Vec<&str> = head.split_whitespace().collect();
    let lower = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    };
    // An introductory phrase ("In a memo to the board") or participle
    // ("Built in 1900 by the town") leaves the subject after the comma.
    if words.first().is_some_and(|w| {
        let w = lower(w);
        crate::compress::INTRO.contains(&w.as_str()) || w.ends_with("ed") || w.ends_with("ing")
    }) {
        return false;
    }
    match words
        .iter()
        .rposition(|w| SUBORDINATE.contains(&lower(w).as_str()))
    {
        Some(i) => crate::standalone::has_verb(&words[i + 1..].join(" ")),
        None => true,
    }
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
    fn a_report_heads_before_a_column_written_days_later() {
        const DAY: i64 = 86_400;
        let art = |title, text, day: i64, outlet| Source {
            title,
            text,
            time: Some(day * DAY),
            outlet,
            ..Source::default()
        };
        let report =
            "The Halvorsund ferry crews accepted a deal on unpaid overtime and the strike ended.";
        let arts = [
            art("Why the ferry deal matters", report, 0, None),
            art("Ferry strike ends with overtime deal", report, 0, None),
            // A column four days on is no development.
            art(
                "The Ferry Board Should Never Have Let It Come to This",
                report,
                4,
                Some("Harbour Times (Opinion)"),
            ),
        ];
        let s = crate::summarize(&arts, 60);
        assert_eq!(s.headline, "Ferry strike ends with overtime deal");
        // With no report's title, commentary's still heads.
        let s = crate::summarize(&arts[..1], 60);
        assert_eq!(s.headline, "Why the ferry deal matters");
    }

    #[test]
    fn commentary_is_told_from_a_report() {
        let art = |title, outlet| Source {
            title,
            outlet,
            ..Source::default()
        };
        for title in [
            "Why the pier matters",
            "Will the ferry run again?",
            "Five takeaways from the harbour vote",
            "Inside the mayor's pier gamble",
            "The Board Should Resign",
            "The pier vote: here's what we know",
        ] {
            assert!(commentary(&art(title, None)), "{title}");
        }
        for title in [
            "Mayor says the pier should close",
            "Harbour board: ferries should run at night",
            "Pier closes after storm",
        ] {
            assert!(!commentary(&art(title, None)), "{title}");
        }
        assert!(commentary(&art(
            "Pier closes",
            Some("Harbour Times (Opinion)")
        )));
    }

    #[test]
    fn page_furniture_is_no_title() {
        for t in [
            "Please enable Javascript to watch this ferry video",
            "Media playback is unsupported on your device Media caption The ferry sank",
            "Image copyright Harbour Press Image caption The old ferry at the pier",
            "share tweet pin email",
            "The old ferry at the north pier. (Ada Moss/The Portville Post)",
            "FERRY SINKS AT THE NORTH PIER",
            "By Ada Moss, harbour reporter",
            "Pier",
            "Today marks a great day in our history",
            "Updated: March 4, 9:15 AM CST",
        ] {
            assert!(!title_like(t), "{t}");
        }
        assert!(title_like("Ferry sinks near the north pier"));
        assert!(title_like("Pier reopens on Monday, March 4"));
        assert!(title_like(
            "Mayor (and harbour master) orders ferry inquiry"
        ));
    }

    #[test]
    fn a_repeated_tag_ahead_of_a_title_is_cut() {
        assert_eq!(
            trim_title("ports ports ports Ferry crews end their strike at Brekka"),
            "Ferry crews end their strike at Brekka"
        );
        assert_eq!(
            trim_title("Bye bye to the old pier"),
            "Bye bye to the old pier"
        );
    }

    #[test]
    fn a_span_with_its_own_verb_is_not_an_apposition() {
        // A photo credit glued to the lead: the span between the commas is
        // the sentence itself, so it stays.
        let s = "Ada Moss, Harbour Post Nordvik Ferries is buying Brekka Lines, a rival operator, in a small deal";
        assert!(without_asides(s).contains("is buying Brekka Lines"));
    }

    #[test]
    fn junk_titles_give_way_to_a_real_one_or_the_lead() {
        let text = "The old harbour ferry sank near the north pier of Portville early on Sunday morning. \
            Fishing boats pulled all forty passengers from the cold water within the hour.";
        let art = |title| Source {
            title,
            text,
            ..Source::default()
        };
        let s = crate::summarize(
            &[
                art("Please enable Javascript to watch this video"),
                art("Ferry sinks near Portville pier"),
            ],
            60,
        );
        assert_eq!(s.headline, "Ferry sinks near Portville pier");
        let s = crate::summarize(&[art("share tweet pin email"), art("")], 60);
        assert_eq!(
            s.headline,
            "The old harbour ferry sank near the north pier of Portville early on Sunday morning"
        );
    }

    #[test]
    fn a_titleless_story_is_headed_by_a_complete_lead() {
        // The first clause boundary would leave a subject without its verb.
        let text = "The report by the harbour board of Portville on Tuesday, which the mayor \
            confirmed, showed that the ferry had missed three safety checks in a row. \
            Divers will raise the wreck of the ferry later this week.";
        let s = crate::summarize(
            &[Source {
                text,
                ..Source::default()
            }],
            60,
        );
        assert!(
            !s.headline.ends_with("on Tuesday") && crate::standalone::has_verb(&s.headline),
            "{}",
            s.headline
        );
        assert_eq!(
            compress(
                "Police in Portville told the harbour board on Tuesday that a man and his son, who had sailed out at dawn, were missing."
            ),
            "Police in Portville told the harbour board on Tuesday that a man and his son, who had sailed out at dawn, were missing"
        );
    }

    #[test]
    fn a_long_lead_loses_its_asides_not_its_verb() {
        assert_eq!(
            compress(
                "A former Portville harbour master \u{2014} fired last week for sinking the old ferry \u{2014} was seen on the north pier on Sunday."
            ),
            "A former Portville harbour master was seen on the north pier on Sunday"
        );
        assert_eq!(
            compress(
                "Ada Moss, the harbour master of Portville and a former ferry captain, closed the north pier to all boats on Sunday morning."
            ),
            "Ada Moss closed the north pier to all boats on Sunday morning"
        );
        assert_eq!(
            compress(
                "Divers from the harbour board of Portville raised the bell of the old ferry from the bottom of the bay, a task that took them three weeks of hard work."
            ),
            "Divers from the harbour board of Portville raised the bell of the old ferry from the bottom of the bay"
        );
        assert_eq!(
            compress(
                "Sen. Ada Moss (D-Portville) on Sunday joined the chorus of councillors criticizing Harbour Board Chairman Ivo Brandt (R-Nord) for publishing the ferry logs on the board's website."
            ),
            "Sen. Ada Moss on Sunday joined the chorus of councillors criticizing Harbour Board Chairman Ivo Brandt for publishing the ferry logs on the board's website"
        );
        assert_eq!(
            without_tags("The pier (closed since the storm in the spring) reopened (again)."),
            "The pier (closed since the storm in the spring) reopened."
        );
        // What follows the comma completes the phrase: no cut.
        let s = "The harbour board of Portville said the council should have closed down, or at least fenced, the old north pier long before the storm.";
        assert_eq!(compress(s), s.trim_end_matches('.'));
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
