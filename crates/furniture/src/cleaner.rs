//! The cleaner: from a plain-text page to the article's own paragraphs.
//!
//! Each unit (line) is first judged alone: generic furniture, a byline or
//! dateline, a "Source:" outlet line, prose (a real sentence), or a short
//! line (a heading, a caption, a headline). Then context decides:
//!
//! * the body is the densest span of prose: prose lines score their length,
//!   headline-like lines and furniture score against, and the span with the
//!   best total wins (so an embedded video list does not cut an article in
//!   two, while a headline list after it is never worth crossing);
//! * before the body (the head) only the title, byline, dateline and a
//!   standfirst matter; the rest is navigation;
//! * inside the body only furniture and embedded link lists go; sub-headings
//!   and list items stay;
//! * after the body (the tail) a credit line may stay ("Additional
//!   reporting by ..."), but the first list heading or headline run ends the
//!   article.

use crate::byline::{self, Byline};
use crate::cleaned::Cleaned;
use crate::unit::{self, Unit};
use crate::vocabulary::{self, Furniture};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// Bylines and datelines are looked for in this many first units.
const META_WINDOW: usize = 15;
/// A line ending a sentence with at least this many words is prose.
const PROSE_WORDS: usize = 5;
/// A line of at least this many words is prose whatever its end, if it has
/// the inner punctuation of sentences.
const LONG_WORDS: usize = 25;
/// Headline-like lines have this many words.
const HEADLINE_WORDS: Range<usize> = 5..41;
/// Headline-like lines in one run inside the body that make it a link list.
const BODY_RUN: usize = 3;
/// Headline-like lines that end the article when they follow its body.
const TAIL_RUN: usize = 2;
/// Short tag-like lines in a row that end the article after its body.
const TAG_RUN: usize = 2;
/// A head line this long is a standfirst and kept.
const DECK_WORDS: usize = 15;
/// Title candidates have this many words.
const TITLE_WORDS: Range<usize> = 3..31;
/// Questions and exclamations up to this long may be title-cased headlines.
const TITLE_CASE_WORDS: usize = 15;
/// How far before the body (or into a body-less text) a title is looked for.
const TITLE_WINDOW: usize = 30;
/// What a headline-like line costs the body span (about its length).
const HEADLINE_COST: i64 = 40;
/// What a list heading ("Related") costs the body span.
const END_MARKER_COST: i64 = 200;
/// At most this many headline lines under a list heading make it a box
/// inside the article rather than the list after it.
const INLINE_BOX_LINKS: usize = 2;
/// What any other non-prose line costs the body span.
const LINE_COST: i64 = 5;
/// Prose after a list heading counts a quarter, once [`ARTICLE_MASS`]
/// characters of prose came before it: it is more likely other articles'
/// teasers, or readers' comments.
const AFTER_END_SHARE: i64 = 4;
const ARTICLE_MASS: usize = 400;

/// "Reporting by ...", "Additional sources – AP": the article's own credits.
static ATTRIBUTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:additional |with )?(?:reporting|sources?|writing|editing|compiled|contributions?|research|translated|translation)\b|\b(?:reporting|editing|writing) by\b|\bcontributed (?:to )?(?:this|reporting)\b|^\(?(?:ap|afp|reuters|dpa|tass|ani|pti|ians|ukrinform)\)?$",
    )
    .expect("ATTRIBUTION is a valid regex")
});

/// "Source: Reuters".
static SOURCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:source|sources|via)\s*[:：]\s*(.+)$").expect("SOURCE is a valid regex")
});

/// Lowercase words an outlet's name may hold ("Voice of America").
const OUTLET_CONNECTORS: &[&str] = &[
    "of", "the", "and", "&", "de", "la", "el", "der", "die", "du", "des", "y", "for",
];

/// What one unit is, judged alone.
#[derive(Debug, Clone)]
enum Kind {
    Furniture(Furniture),
    Meta(Byline),
    Outlet(String),
    Prose,
    Short,
}

/// A unit's kind and the context features derived from it.
#[derive(Debug)]
struct Info {
    kind: Kind,
    /// A short line that reads like a headline (of another article, in a list).
    headline: bool,
    /// One to three words without punctuation (a tag, a section name).
    tag: bool,
}

/// Cleans one plain-text article: keeps its paragraphs and sub-headings,
/// drops page furniture, and picks out title, byline, dateline and outlet.
pub fn clean(text: &str) -> Cleaned {
    let units = unit::split(text);
    let info: Vec<Info> = units
        .iter()
        .enumerate()
        .map(|(i, u)| info_of(u, i < META_WINDOW))
        .collect();
    let n = units.len();
    let span = body_span(&units, &info);
    let (head, body, tail) = match span {
        Some((s, e)) => (0..s, s..e + 1, e + 1..n),
        None => (0..n, n..n, n..n),
    };

    let mut out = Cleaned::default();
    let mut keep = vec![false; n];
    let accepted = |i: usize| match &info[i].kind {
        Kind::Meta(b) => head.contains(&i) || b.author.is_some() || b.bare,
        _ => false,
    };

    // Bylines and outlet lines are metadata wherever they stand, up to the
    // point where the article has ended.
    let tail_stop = tail_end(&tail, &info);
    for (i, inf) in info.iter().enumerate().take(tail_stop) {
        match &inf.kind {
            Kind::Meta(b) if accepted(i) => {
                if out.author.is_none() {
                    out.author.clone_from(&b.author);
                }
                if out.dateline.is_none() {
                    out.dateline.clone_from(&b.dateline);
                }
            }
            Kind::Outlet(o) if out.outlet.is_none() => out.outlet = Some(o.clone()),
            _ => {}
        }
    }

    // A name alone on the line next to a dateline is its author
    // ("JANE DOE" above "Friday, 24 January 2025").
    let mut author_line = None;
    if out.author.is_none()
        && let Some(m) = head.clone().find(|&i| accepted(i))
    {
        let name = |i: usize| {
            matches!(info[i].kind, Kind::Short)
                .then(|| byline::person_name(&units[i].text))
                .flatten()
        };
        let before = m.checked_sub(1).filter(|i| head.contains(i));
        let after = Some(m + 1).filter(|i| head.contains(i));
        if let Some((i, a)) = before
            .into_iter()
            .chain(after)
            .find_map(|i| name(i).map(|a| (i, a)))
        {
            out.author = Some(a);
            author_line = Some(i);
        }
    }

    let title = pick_title(&units, &info, &head, span.is_some(), &accepted);
    let title_key = title.map(|t| vocabulary::normalise(&units[t].text));
    out.title = title.map(|t| units[t].text.to_string());
    let is_title = |i: usize| {
        title_key
            .as_deref()
            .is_some_and(|k| vocabulary::normalise(&units[i].text) == k)
    };
    let is_text = |i: usize| match &info[i].kind {
        Kind::Prose | Kind::Short => true,
        Kind::Meta(_) => !accepted(i),
        Kind::Furniture(_) | Kind::Outlet(_) => false,
    };

    if span.is_some() {
        // Head: a standfirst or a sentence between the title (or the last
        // list) and the body may stay.
        let head_lo = head_start(&info, &head, title);
        for i in head_lo..head.end {
            let u = &units[i];
            let sentence = u.words >= 3 && ends_sentence(&u.text);
            keep[i] = is_text(i)
                && !is_title(i)
                && author_line != Some(i)
                && (u.words >= DECK_WORDS || sentence);
        }
        let listed = embedded_lists(&units, &info, &body);
        for i in body.clone() {
            keep[i] = is_text(i) && !is_title(i) && !listed[i - body.start];
        }
        for i in tail.clone() {
            keep[i] = i < tail_stop && is_text(i) && !is_title(i);
        }
    } else {
        // No prose at all: keep what is not furniture; there is no body to
        // measure headline lists against.
        for (i, k) in keep.iter_mut().enumerate() {
            *k = is_text(i) && !is_title(i);
        }
    }

    let mut text = String::with_capacity(text.len().min(1 << 20));
    for (u, k) in units.iter().zip(&keep) {
        if *k {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            text.push_str(&u.text);
        } else {
            out.dropped.push(u.text.to_string());
        }
    }
    out.text = text;
    out
}

/// The first unit of the tail that is no longer the article: a list
/// heading, or a headline or tag line that opens a run of them.
fn tail_end(tail: &Range<usize>, info: &[Info]) -> usize {
    let (mut headlines, mut tags) = (0usize, 0usize);
    // Counts of headline and tag lines from each unit to the end of its run,
    // gathered backwards so the scan stays linear.
    let mut from: Vec<(usize, usize)> = vec![(0, 0); tail.len()];
    for i in tail.clone().rev() {
        if matches!(info[i].kind, Kind::Prose) {
            (headlines, tags) = (0, 0);
        } else {
            headlines += usize::from(info[i].headline);
            tags += usize::from(info[i].tag);
        }
        from[i - tail.start] = (headlines, tags);
    }
    for i in tail.clone() {
        let inf = &info[i];
        if matches!(inf.kind, Kind::Furniture(Furniture::EndMarker)) {
            return i;
        }
        let (h, t) = from[i - tail.start];
        if (inf.headline || inf.tag) && (h >= TAIL_RUN || (inf.tag && t >= TAG_RUN)) {
            return i;
        }
    }
    tail.end
}

/// Judges unit `u` alone; `early` when it is among the first units, where
/// bylines stand.
fn info_of(u: &Unit<'_>, early: bool) -> Info {
    let t = u.text.as_ref();
    let kind = kind_of(t, u.words, early);
    let short = matches!(kind, Kind::Short);
    let plain = short && !unit::starts_list_item(t) && !ATTRIBUTION.is_match(t);
    let last = last_char(t);
    Info {
        headline: plain && HEADLINE_WORDS.contains(&u.words) && last != Some(':'),
        tag: plain && u.words <= 3 && last.is_some_and(char::is_alphanumeric),
        kind,
    }
}

fn kind_of(t: &str, words: usize, early: bool) -> Kind {
    if let Some(f) = vocabulary::classify(t, words) {
        return Kind::Furniture(f);
    }
    if words <= LONG_WORDS {
        if early {
            if let Some(b) = byline::parse(t) {
                return Kind::Meta(b);
            }
        } else if byline::is_date_only(t) {
            return Kind::Furniture(Furniture::Line);
        }
        if let Some(o) = outlet_of(t) {
            return Kind::Outlet(o);
        }
    }
    let last = last_char(t);
    // A long line is prose even without its final stop, if it has the
    // inner punctuation of sentences; a tag cloud has none.
    let long = words >= LONG_WORDS
        && t.contains([',', '.', ';', '—', '–', '(', '"', '“', '，', '。', '、']);
    let prose = (words >= PROSE_WORDS && ends_sentence(t))
        || (words > PROSE_WORDS && last == Some(':'))
        || long;
    // "Why Cheap Repairs Cost More?" is a headline, not a sentence.
    let headline_question =
        words <= TITLE_CASE_WORDS && matches!(last, Some('?' | '!')) && title_cased(t);
    if prose && !headline_question {
        Kind::Prose
    } else {
        Kind::Short
    }
}

/// True when most longer words of `t` are capitalised, as in a headline
/// ("Backpacking Essentials Gear List") and seldom in a sentence.
fn title_cased(t: &str) -> bool {
    let (mut long, mut capital) = (0usize, 0usize);
    for w in t.split_whitespace() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if w.chars().filter(|c| c.is_alphabetic()).count() >= 4 {
            long += 1;
            capital += usize::from(w.chars().next().is_some_and(char::is_uppercase));
        }
    }
    capital >= 3 && capital * 10 >= long * 6
}

/// The X of "Source: X" when X reads like an outlet's name: up to four
/// capitalised words, no clause ("Source: the minister on TV" is a quote's
/// attribution and stays text).
fn outlet_of(line: &str) -> Option<String> {
    let head = line.get(..6).unwrap_or(line);
    if !(head.eq_ignore_ascii_case("source")
        || line.get(..3).is_some_and(|h| h.eq_ignore_ascii_case("via")))
    {
        return None;
    }
    let x = SOURCE.captures(line)?.get(1)?.as_str();
    let x = x.trim().trim_end_matches('.').trim();
    let words: Vec<&str> = x.split_whitespace().collect();
    if words.is_empty() || words.len() > 4 || x.chars().count() > 60 {
        return None;
    }
    if x.contains([',', ';', ':', '"', '“', '”', '«', '»', '(', ')', '!', '?']) {
        return None;
    }
    let capital = |w: &str| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    };
    let ok = capital(words[0])
        && words
            .iter()
            .all(|w| capital(w) || OUTLET_CONNECTORS.contains(&w.to_lowercase().as_str()));
    ok.then(|| x.to_string())
}

/// The last character that is not a closing quote or bracket.
fn last_char(t: &str) -> Option<char> {
    t.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']' | '*')
    })
    .chars()
    .next_back()
}

/// True when `t` ends like a sentence.
fn ends_sentence(t: &str) -> bool {
    matches!(
        last_char(t),
        Some('.' | '!' | '?' | '…' | '。' | '！' | '？')
    )
}

/// The body: the span from a prose unit to a prose unit with the best total
/// score (Kadane's maximum subarray), or `None` when there is no prose.
fn body_span(units: &[Unit<'_>], info: &[Info]) -> Option<(usize, usize)> {
    // Headline lines after each list heading, up to the next prose or
    // list heading.
    let mut ahead = vec![0usize; units.len()];
    let mut count = 0usize;
    for i in (0..units.len()).rev() {
        match info[i].kind {
            Kind::Prose => count = 0,
            Kind::Furniture(Furniture::EndMarker) => {
                ahead[i] = count;
                count = 0;
            }
            _ => count += usize::from(info[i].headline),
        }
    }
    let mut best: Option<(i64, usize, usize)> = None;
    let (mut sum, mut start) = (0i64, 0usize);
    let (mut mass, mut after_end) = (0usize, false);
    // Lines after prose ending in a colon are its list, not headlines.
    let mut intro = false;
    for (i, (u, inf)) in units.iter().zip(info).enumerate() {
        let chars = i64::try_from(u.chars).unwrap_or(i64::MAX / 4);
        // A list heading with one or two links under it, prose going on
        // after, is a box inside the article ("Related: ..."), not its end.
        let inline_box = (1..=INLINE_BOX_LINKS).contains(&ahead[i]);
        let score = match inf.kind {
            Kind::Prose if after_end => chars / AFTER_END_SHARE,
            Kind::Prose => chars,
            Kind::Furniture(Furniture::EndMarker) if inline_box => -LINE_COST,
            Kind::Furniture(Furniture::EndMarker) => -END_MARKER_COST,
            Kind::Short if inf.headline && !intro => -HEADLINE_COST,
            _ => -LINE_COST,
        };
        if matches!(inf.kind, Kind::Prose) {
            intro = last_char(&u.text) == Some(':');
        }
        if sum <= 0 {
            (sum, start) = (score, i);
        } else {
            sum = sum.saturating_add(score);
        }
        match inf.kind {
            Kind::Prose => {
                mass = mass.saturating_add(u.chars);
                if best.is_none_or(|(b, _, _)| sum > b) {
                    best = Some((sum, start, i));
                }
            }
            Kind::Furniture(Furniture::EndMarker) if !inline_box => {
                after_end |= mass >= ARTICLE_MASS
            }
            _ => {}
        }
    }
    best.map(|(_, s, e)| (s, e))
}

/// Marks the units of `body` that belong to a link list embedded in it: the
/// headline and tag lines of a non-prose run that holds a list heading or
/// at least [`BODY_RUN`] headlines (unless the prose before it ends with a
/// colon: then the lines are the article's own list).
fn embedded_lists(units: &[Unit<'_>], info: &[Info], body: &Range<usize>) -> Vec<bool> {
    let prose = |k: usize| matches!(info[k].kind, Kind::Prose);
    let mut listed = vec![false; body.len()];
    let mut i = body.start;
    while i < body.end {
        if prose(i) {
            i += 1;
            continue;
        }
        let j = (i..body.end).find(|&k| prose(k)).unwrap_or(body.end);
        let intro = i > body.start && last_char(&units[i - 1].text) == Some(':');
        let marker = (i..j).any(|k| matches!(info[k].kind, Kind::Furniture(Furniture::EndMarker)));
        let headlines = (i..j).filter(|&k| info[k].headline).count();
        if marker || (headlines >= BODY_RUN && !intro) {
            for k in i..j {
                listed[k - body.start] = info[k].headline || info[k].tag;
            }
        }
        i = j;
    }
    listed
}

/// Where the kept part of the head begins: after the title, the last list
/// heading, and the last pair of headline-like lines before the body.
fn head_start(info: &[Info], head: &Range<usize>, title: Option<usize>) -> usize {
    let mut lo = head.start;
    let mut run = 0usize;
    for i in head.clone() {
        match info[i].kind {
            Kind::Furniture(Furniture::EndMarker) => {
                lo = i + 1;
                run = 0;
            }
            Kind::Furniture(_) => {}
            _ if info[i].headline => {
                run += 1;
                if run >= 2 {
                    lo = i + 1;
                }
            }
            _ => run = 0,
        }
    }
    title.map_or(lo, |t| lo.max(t + 1))
}

/// The head unit that is the title: a short line without final full stop,
/// repeated by the page, else the nearest one before (or after) the byline,
/// else, when `last_resort`, the last one of four words or more before the
/// body.
fn pick_title(
    units: &[Unit<'_>],
    info: &[Info],
    head: &Range<usize>,
    last_resort: bool,
    accepted: &dyn Fn(usize) -> bool,
) -> Option<usize> {
    // Only the end of a long head (the start of a body-less text) is searched:
    // titles sit next to the body, and the search stays bounded.
    let window = if last_resort {
        head.end.saturating_sub(TITLE_WINDOW).max(head.start)..head.end
    } else {
        head.start..head.end.min(head.start + TITLE_WINDOW)
    };
    let candidates: Vec<usize> = window
        .clone()
        .filter(|&i| is_title_candidate(&units[i], &info[i]))
        .collect();
    let keys: Vec<String> = window
        .clone()
        .map(|i| vocabulary::normalise(&units[i].text))
        .collect();
    let key = |i: usize| keys[i - window.start].as_str();
    // A headline the page repeats (above and below the byline); menu items
    // repeat too (menu and breadcrumb) but are shorter.
    let repeated =
        |c: usize| units[c].words >= 4 && window.clone().any(|j| j != c && key(j) == key(c));
    if let Some(&c) = candidates.iter().rev().find(|&&c| repeated(c)) {
        return Some(c);
    }
    if let Some(m) = window.clone().find(|&i| accepted(i)) {
        if let Some(&c) = candidates.iter().rev().find(|&&c| c < m) {
            return Some(c);
        }
        if let Some(&c) = candidates.iter().find(|&&c| c > m) {
            return Some(c);
        }
    }
    if !last_resort {
        return None;
    }
    // A headline has a few words; a shorter line near the body is more
    // often a byline's second line ("Harbour Herald, Lisbon") or a section.
    let last_with = |words: usize| {
        candidates
            .iter()
            .rev()
            .find(|&&c| units[c].words >= words)
            .copied()
    };
    last_with(5)
        .or_else(|| last_with(4))
        .or_else(|| candidates.last().copied())
}

fn is_title_candidate(u: &Unit<'_>, info: &Info) -> bool {
    matches!(info.kind, Kind::Short)
        && TITLE_WORDS.contains(&u.words)
        && u.chars <= 250
        && !unit::starts_list_item(&u.text)
        && !matches!(last_char(&u.text), Some('.' | ':' | ',' | ';') | None)
        && u.text.chars().any(char::is_alphabetic)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraphs(c: &Cleaned) -> Vec<&str> {
        if c.text.is_empty() {
            Vec::new()
        } else {
            c.text.split("\n\n").collect()
        }
    }

    /// A news-agency page in the style of a Ukrainian outlet: menus, a
    /// language switcher, a name glued to the date, the title twice, ads
    /// inside the body, a patron appeal, glued tags and headline lists.
    const AGENCY_PAGE: &str = "\
All Sections
Укр Рус Eng Donate
Укр Рус Eng

Harbour city opens new grain corridor

OLHA MARCHENKOMonday, 3 March 2025, 09:15
Harbour city opens new grain corridor
The port at night. Photo: Getty Images

The port authority opened a second grain corridor on Monday, doubling the number of ships that can leave each day.

Source: the port's director on regional television

Quote: \"We can now load around the clock. The first ship has already left for the Bosphorus.\"

Advertisement:

Details: The corridor runs along the coast and is guarded by the navy, the director said.

Background:

  • In February, the port handled its largest monthly volume since the war began.
  • Insurers cut their premiums for ships calling at the port last week.

Become our patron and support independent journalism!

GrainPorts
Advertisement:
Navy reports calm night along the coast after heavy shelling
Farmers ask government for cheaper loans ahead of sowing season
Rail operator adds night trains to the western border
All News
RECENT NEWS
21:40
Storm warning issued for the southern coast on Tuesday
21:05
Parliament approves new rules for wartime procurement contracts
All News
";

    #[test]
    fn agency_page() {
        let c = clean(AGENCY_PAGE);
        assert_eq!(
            c.title.as_deref(),
            Some("Harbour city opens new grain corridor")
        );
        assert_eq!(c.author.as_deref(), Some("Olha Marchenko"));
        assert_eq!(c.dateline.as_deref(), Some("Monday, 3 March 2025, 09:15"));
        assert_eq!(c.outlet, None, "a quote attribution is not an outlet");
        assert_eq!(
            paragraphs(&c),
            [
                "The port authority opened a second grain corridor on Monday, doubling the number of ships that can leave each day.",
                "Source: the port's director on regional television",
                "Quote: \"We can now load around the clock. The first ship has already left for the Bosphorus.\"",
                "Details: The corridor runs along the coast and is guarded by the navy, the director said.",
                "Background:",
                "• In February, the port handled its largest monthly volume since the war began.",
                "• Insurers cut their premiums for ships calling at the port last week.",
            ]
        );
        assert!(c.dropped.iter().any(|d| d == "21:40"));
        assert!(c.dropped.iter().any(|d| d == "GrainPorts"));
    }

    /// A wire story: two authors, a dateline with a time zone, the
    /// agency's credits at the end, then related stories with teasers.
    const WIRE_STORY: &str = "\
Skip to main content
World | Business | Markets | Sustainability | Legal

Shipping insurers cut war premiums as Black Sea traffic recovers

By ANNA KOWALSKA and TOMÁS REYES
March 3, 2025 5:04 PM GMT Updated 2 hours ago

LONDON, March 3 (Agency) - Insurers have cut the extra premiums they charge ships sailing to Black Sea ports, brokers said on Monday, as traffic through the region recovered to levels last seen before the war.

War-risk premiums fell to around 0.7% of a ship's value from 1% a month ago, three brokers said, asking not to be named because the talks are private.

\"The market has become much more comfortable,\" one broker said. \"Nobody expects the risk to vanish, but the worst fears have not come true.\"

Reporting by Anna Kowalska in London and Tomás Reyes in Istanbul; Editing by Li Wei

Related Stories
Grain exports hit a two-year high. Traders expect more ships in April as the weather improves and insurers return.
Port workers strike over pay. The union says talks with the operator have failed and a second strike is planned.
";

    #[test]
    fn wire_story() {
        let c = clean(WIRE_STORY);
        assert_eq!(
            c.title.as_deref(),
            Some("Shipping insurers cut war premiums as Black Sea traffic recovers")
        );
        assert_eq!(c.author.as_deref(), Some("Anna Kowalska and Tomás Reyes"));
        assert_eq!(c.dateline.as_deref(), Some("March 3, 2025 5:04 PM GMT"));
        let p = paragraphs(&c);
        assert_eq!(p.len(), 4, "{p:#?}");
        assert!(p[0].starts_with("LONDON, March 3 (Agency)"));
        assert!(
            p[3].starts_with("Reporting by Anna Kowalska"),
            "the credit line stays"
        );
        assert!(
            !c.text.contains("Grain exports"),
            "teasers after Related are other articles"
        );
    }

    /// A broadcaster's page: plain menus, a "Published:" date, share
    /// buttons, an inline "Read also" teaser, and videos after the story.
    const BROADCASTER_PAGE: &str = "\
Menu
Search
Home
Live TV

Heavy snow closes mountain passes

Published: 03.03.2025 18:20
Facebook Twitter WhatsApp Email

Heavy snow closed three mountain passes on Monday and left several villages without power, regional officials said.

Road crews worked through the night, but more snow is forecast for Tuesday.

Read also: Avalanche warning raised to the highest level

What drivers should know

Officials advised drivers to carry chains and to check the road service's website before setting off.

Watch
Latest Videos
Snowplough crews battle drifts on the northern pass
Villagers dig out after the storm
© 2025 Mountain Broadcasting. All rights reserved.
";

    #[test]
    fn broadcaster_page() {
        let c = clean(BROADCASTER_PAGE);
        assert_eq!(
            c.title.as_deref(),
            Some("Heavy snow closes mountain passes")
        );
        assert_eq!(c.dateline.as_deref(), Some("03.03.2025 18:20"));
        assert_eq!(c.author, None);
        assert_eq!(
            paragraphs(&c),
            [
                "Heavy snow closed three mountain passes on Monday and left several villages without power, regional officials said.",
                "Road crews worked through the night, but more snow is forecast for Tuesday.",
                "What drivers should know",
                "Officials advised drivers to carry chains and to check the road service's website before setting off.",
            ]
        );
    }

    /// A clean article, one paragraph a line, with a sub-heading and a
    /// final credit: nothing may go.
    const PLAIN_ARTICLE: &str = "\
The city council approved a plan on Tuesday to turn the old tram depot into a public library.
The building has stood empty for more than a decade.
Councillors voted 31 to 4 in favour after a three-hour debate.
Years of delay
The depot was closed in 2012, when the last tram line was replaced by buses.
Several earlier plans, including a hotel and a car park, collapsed for lack of money.
Additional reporting by Marta Nowak";

    #[test]
    fn plain_article_is_unchanged() {
        let c = clean(PLAIN_ARTICLE);
        assert_eq!(paragraphs(&c), PLAIN_ARTICLE.lines().collect::<Vec<_>>());
        assert_eq!((c.title, c.author, c.dateline), (None, None, None));
        assert!(c.dropped.is_empty());
    }

    #[test]
    fn name_above_a_dateline_is_the_author() {
        let text = "Home\nWorld\n\nFerry line to reopen in spring\n\nJOÃO SILVA\nTuesday, 4 March 2025, 11:30\n\n\
                    The harbour authority said on Tuesday that the ferry line would reopen in April.\n\n\
                    Traders welcomed the decision.";
        let c = clean(text);
        assert_eq!(c.author.as_deref(), Some("João Silva"));
        assert_eq!(c.title.as_deref(), Some("Ferry line to reopen in spring"));
        assert_eq!(paragraphs(&c).len(), 2);
    }

    #[test]
    fn short_byline_line_is_not_the_title() {
        let text = "Ferry line to reopen in spring\n\nMarta Nowak\nHarbour Herald, Lisbon\n\n\
                    The harbour authority said on Tuesday that the ferry line would reopen in April.";
        assert_eq!(
            clean(text).title.as_deref(),
            Some("Ferry line to reopen in spring")
        );
    }

    #[test]
    fn title_cased_question_is_a_title() {
        let text = "Home\nBlog\n\nIs a Tiny House Worth the Money?\n\n\
                    Tiny houses cost less to build, but land and permits can eat up the savings.\n\n\
                    Are they worth it? That depends on where you want to live.";
        let c = clean(text);
        assert_eq!(c.title.as_deref(), Some("Is a Tiny House Worth the Money?"));
        assert!(c.text.starts_with("Tiny houses cost less"));
        assert!(c.text.contains("Are they worth it?"));
    }

    #[test]
    fn menu_items_repeated_in_a_breadcrumb_are_not_the_title() {
        let text = "News & Insights\nContact Us\n\nHome\nNews & Insights\n\n\
                    Transition to a vegan diet should be gradual\n\n3 min read\n\n\
                    Dear Doctors: Our daughter wants to become a vegan and we worry about her health.";
        assert_eq!(
            clean(text).title.as_deref(),
            Some("Transition to a vegan diet should be gradual")
        );
    }

    #[test]
    fn title_without_byline_and_one_sentence_lead() {
        let text = "Library to open in old tram depot\n\n\
                    The city will turn its old tram depot into a library.\n\n\
                    Councillors approved the plan on Tuesday after a long debate about its cost.";
        let c = clean(text);
        assert_eq!(
            c.title.as_deref(),
            Some("Library to open in old tram depot")
        );
        assert_eq!(paragraphs(&c).len(), 2);
        assert!(c.text.starts_with("The city will turn"));
    }

    #[test]
    fn outlet_from_a_source_line() {
        let text = "The ministry said exports rose by a tenth in February compared with a year earlier.\n\n\
                    Officials expect a further rise in the spring as more ships arrive.\n\nSource: Harbour Herald";
        let c = clean(text);
        assert_eq!(c.outlet.as_deref(), Some("Harbour Herald"));
        assert!(!c.text.contains("Source:"));
        let quote = "The minister spoke at length about the harbour and its future prospects.\n\n\
                     Source: the minister on the national TV channel";
        assert_eq!(clean(quote).outlet, None);
        assert!(clean(quote).text.contains("Source: the minister"));
    }

    #[test]
    fn outlet_line_above_the_story_and_windows_line_ends() {
        let text = "Source: Harbour Wire\r\n\r\nFerry line to reopen in spring\r\n\r\n\
                    LISBON (Harbour Wire) - The harbour authority said on Tuesday that the ferry line would reopen in April.\r\n\r\n\
                    Traders welcomed the decision, which ends months of uncertainty.\r\n";
        let c = clean(text);
        assert_eq!(c.outlet.as_deref(), Some("Harbour Wire"));
        assert_eq!(c.title.as_deref(), Some("Ferry line to reopen in spring"));
        assert_eq!(paragraphs(&c).len(), 2);
        assert!(!c.text.contains('\r'));
        assert_eq!(
            c.dropped,
            ["Source: Harbour Wire", "Ferry line to reopen in spring"]
        );
    }

    #[test]
    fn comments_after_the_article_go() {
        let text = "The harbour authority said on Tuesday that the ferry line to the islands would reopen in April, weeks later than hoped. \
                    Traders welcomed the decision but asked for a firmer date and for more parking near the pier, which fills up quickly.\n\n\
                    The authority said repairs to the pier would take another month and cost less than planned.\n\n\
                    Share this:\n\n3 responses to \u{201c}Ferry line to reopen\u{201d}\n\nislandfan says:\n\n\
                    March 4, 2025 at 9:12 am\n\n\
                    About time! The island has waited far too long for this, and the summer season is almost upon us now.\n\n\
                    Reply";
        let c = clean(text);
        assert_eq!(paragraphs(&c).len(), 2, "{c:#?}");
        assert!(!c.text.contains("About time"));
    }

    #[test]
    fn headline_run_after_body_goes_without_a_heading() {
        let text = "The bridge reopened on Friday after six months of repairs, the city said.\n\n\
                    Drivers had faced long detours while the work went on.\n\n\
                    Additional sources – Agency\n\n\
                    Mayor promises faster repairs for the other bridges\n\
                    Cyclists demand a separate lane on the reopened bridge\n\
                    City budget for roads to grow by a fifth next year\n";
        let c = clean(text);
        let p = paragraphs(&c);
        assert_eq!(p.last(), Some(&"Additional sources – Agency"), "{p:#?}");
        assert_eq!(p.len(), 3);
    }

    #[test]
    fn related_box_inside_the_article_does_not_end_it() {
        let p = |n: usize| {
            format!(
                "Paragraph {n} of the story about the harbour tells, in some detail, what the council decided and why the traders were pleased with it."
            )
        };
        let text = format!(
            "{}\n\n{}\n\nRelated\n\nPier repairs to start next week across the bay\nRelated\nTown hall debate on parking ends without a vote\n\n{}\n\n{}\n\n{}\n\nRelated Stories\nNew timetable for island buses this summer\nFishing quotas cut again for the coming year\nHarbour museum to close for a year of works",
            p(1),
            p(2),
            p(3),
            p(4),
            p(5)
        );
        let c = clean(&text);
        let kept = paragraphs(&c);
        assert_eq!(kept.len(), 5, "{kept:#?}");
        assert!(kept[4].starts_with("Paragraph 5"));
    }

    #[test]
    fn tag_cloud_is_not_prose() {
        let cloud = "harbour ferries islands trade fishing weather council budget schools roads bridges tourism museums markets festivals parking buses trains port jobs housing health police sport culture";
        let text = format!(
            "{cloud}\n\nThe harbour authority said the ferry line would reopen in April after the repairs."
        );
        assert!(!clean(&text).text.contains("harbour ferries islands"));
    }

    #[test]
    fn list_introduced_by_a_colon_stays() {
        let text = "The union set out its demands at a press conference on Monday morning:\n\
                    A pay rise in line with inflation for all staff\n\
                    An end to compulsory overtime on weekends and holidays\n\
                    Safer working conditions at the night shifts in the port\n\
                    Talks with the operator are due to resume on Thursday, the union said.";
        let c = clean(text);
        assert_eq!(paragraphs(&c).len(), 5, "{c:#?}");
        assert!(c.dropped.is_empty());
    }

    #[test]
    fn real_paragraphs_with_furniture_words_stay() {
        let text = "The council said the new newsletter would be sent to every household, and readers could subscribe online.\n\n\
                    Advertisement\n\n\
                    Related talks with the region will continue next week, officials said, and a copyright dispute over the depot's murals is still open.\n\n\
                    Photos of the depot were shown at the meeting.";
        let c = clean(text);
        assert_eq!(paragraphs(&c).len(), 3, "{c:#?}");
        assert_eq!(c.dropped, ["Advertisement"]);
    }

    #[test]
    fn hard_wrapped_article_is_rejoined() {
        let text = "Ferry line to reopen in spring\n\n\
                    The harbour authority said on Tuesday that the ferry line to\n\
                    the islands would reopen in April, weeks later than the town\n\
                    had hoped when the contract was signed last year.\n\n\
                    Local traders welcomed the decision but asked for a firmer\n\
                    date and for more parking near the pier, which fills up fast\n\
                    on market days.\n\n\
                    Share this article\n";
        let c = clean(text);
        assert_eq!(c.title.as_deref(), Some("Ferry line to reopen in spring"));
        let p = paragraphs(&c);
        assert_eq!(p.len(), 2, "{p:#?}");
        assert!(p[0].ends_with("signed last year."));
    }

    #[test]
    fn empty_and_furniture_only_inputs() {
        assert_eq!(clean(""), Cleaned::default());
        assert_eq!(clean(" \n\n\t\n").text, "");
        let c = clean("Menu\nAdvertisement\nShare\n12:30");
        assert_eq!(c.text, "");
        assert_eq!(c.dropped.len(), 4);
    }

    #[test]
    fn short_text_without_prose_is_kept() {
        let c = clean("Ferries cancelled\n\nAll crossings off today");
        assert_eq!(c.text, "Ferries cancelled\n\nAll crossings off today");
        assert_eq!(c.title, None);
    }

    #[test]
    fn dated_first_sentence_is_not_a_dateline() {
        let text = "Porto [Portugal], March 3 : The harbour reopened on Monday after a week of storms, officials said.\n\n\
                    Fishing boats were the first to leave.";
        let c = clean(text);
        assert_eq!(c.dateline, None);
        assert_eq!(paragraphs(&c).len(), 2);
    }

    #[test]
    fn teasers_before_the_article_do_not_win() {
        let article = "The harbour authority said on Tuesday that the ferry line to the islands would reopen in April. ".repeat(6);
        let text = format!(
            "Breaking: Storm hits the coast.\n\nTrending\nPort workers strike over pay again\nRail line to the border reopens\nNew bridge opens to traffic today\n\n\
             Ferry line to reopen in spring\n\n{article}\n\nThe decision was welcomed by traders.\n\nRelated\nPier repairs start next week"
        );
        let c = clean(&text);
        assert_eq!(c.title.as_deref(), Some("Ferry line to reopen in spring"));
        assert!(c.text.starts_with("The harbour authority"), "{c:#?}");
        assert!(c.text.ends_with("welcomed by traders."));
    }
}
