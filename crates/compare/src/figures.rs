//! Figures: different numbers for the same thing.
//!
//! Each sentence (titles included) is scanned for numbers attached to a
//! head word: a casualty word right after the number ("12 dead", "nine
//! deaths") or right before it ("killing at least 12", "the death toll
//! rose to 40"), a noun of people or things after it ("300 troops", "five
//! people were killed", "74% of cases", "$2 billion"). The head decides
//! what is counted ("killed", "injured", "troops", "percent", "dollars").
//! Two sentences from different outlets conflict when they count the same
//! thing, their ranges (see [`crate::number`]) cannot both be true, and
//! the sentences otherwise speak of the same thing (cosine over content
//! words). An outlet that itself states both values ("up from nine") has
//! reported the change, not a conflict, so such pairs are skipped; so are
//! figures from reports published more than a day and a half apart.

use crate::number::{Range, qualify, read};
use crate::story::{MAX_TOKENS, Story, cosine};
use crate::word::{Kind, Token, content, stem, stop, tokens};
use crate::{Config, Side};
use storyline_lexicon::{is_month, is_weekday};

/// Different figures for the same thing.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// What is counted ("killed", "injured", "troops", "percent").
    pub what: String,
    /// One side per outlet, ascending by value.
    pub sides: Vec<Side>,
    /// The value each side states, aligned with `sides`.
    pub values: Vec<f64>,
}

impl Figure {
    /// What the sides differ on, for a reader: the quantity and each
    /// side's figure as stated, with its outlet ("the number killed: nine
    /// (Valley Times) vs at least 12 (Coast Herald)").
    pub fn about(&self) -> String {
        let what = match self.what.as_str() {
            w @ ("killed" | "injured" | "missing" | "arrested" | "evacuated" | "displaced") => {
                format!("the number {w}")
            }
            "votes" => "the vote count".to_string(),
            "percent" => "the percentage".to_string(),
            "dollars" => "the sum in dollars".to_string(),
            "euros" => "the sum in euros".to_string(),
            w if w.ends_with('s') => format!("the number of {w}"),
            w => format!("the number of {w}s"),
        };
        let sides: Vec<String> = self
            .sides
            .iter()
            .map(|s| format!("{} ({})", s.says, s.outlet))
            .collect();
        format!("{what}: {}", sides.join(" vs "))
    }
}

/// Casualty and event words, and what they count. Matched on the plain
/// (plural-stripped) lowercase form.
const HEADS: &[(&str, &str)] = &[
    ("killed", "killed"),
    ("dead", "killed"),
    ("died", "killed"),
    ("death", "killed"),
    ("fatality", "killed"),
    ("perished", "killed"),
    ("body", "killed"),
    ("injured", "injured"),
    ("wounded", "injured"),
    ("hurt", "injured"),
    ("injury", "injured"),
    ("hospitalized", "injured"),
    ("hospitalised", "injured"),
    ("missing", "missing"),
    ("arrested", "arrested"),
    ("arrest", "arrested"),
    ("detained", "arrested"),
    ("detainee", "arrested"),
    ("evacuated", "evacuated"),
    ("evacuee", "evacuated"),
    ("displaced", "displaced"),
    ("case", "cases"),
    ("infection", "cases"),
    ("vote", "votes"),
    ("ballot", "votes"),
    ("percent", "percent"),
    ("percentage", "percent"),
    ("troop", "troops"),
    ("soldier", "troops"),
    ("dollar", "dollars"),
    ("euro", "euros"),
];

/// Words before a number that say it counts casualties ("killing 12").
const BEFORE: &[(&str, &str)] = &[
    ("killed", "killed"),
    ("killing", "killed"),
    ("kill", "killed"),
    ("toll", "killed"),
    ("claimed", "killed"),
    ("injured", "injured"),
    ("injuring", "injured"),
    ("wounding", "injured"),
    ("wounded", "injured"),
    ("arrested", "arrested"),
    ("detained", "arrested"),
    ("evacuated", "evacuated"),
];

/// Nouns that count people: a casualty word soon after them says what
/// happened to them ("five people were killed").
const PEOPLE: &[&str] = &[
    "people",
    "person",
    "civilian",
    "resident",
    "children",
    "child",
    "student",
    "migrant",
    "refugee",
    "worker",
    "employee",
    "protester",
    "officer",
    "passenger",
    "patient",
    "member",
    "lawmaker",
    "senator",
    "adult",
    "men",
    "women",
    "victim",
    "firefighter",
    "miner",
    "pilgrim",
    "tourist",
    "fighter",
    "militant",
    "prisoner",
    "hostage",
    "journalist",
    "interpreter",
];

/// Words allowed between a number and its head ("12 more deaths").
const FILLERS: &[&str] = &[
    "more",
    "other",
    "others",
    "additional",
    "new",
    "confirmed",
    "reported",
    "further",
    "total",
    "people",
    "of",
    "the",
    "were",
    "was",
    "have",
    "had",
    "been",
    "are",
    "reportedly",
    "being",
    "later",
    "also",
    "who",
    "now",
    "u.s",
    "american",
    "us",
    "israeli",
    "ukrainian",
    "russian",
];

fn head(w: &str) -> Option<&'static str> {
    HEADS.iter().find(|(k, _)| *k == w).map(|(_, v)| *v)
}

fn lower_stem(t: &Token) -> String {
    stem(&t.lower())
}

/// A number attached to a head in a unit.
#[derive(Debug, Clone)]
struct Mention {
    unit: usize,
    outlet: usize,
    what: String,
    range: Range,
    phrase: String,
    /// Content roots near the figure (not the figure itself).
    local: Vec<String>,
    /// The place the figure is given for ("in Homs"), lowercase.
    place: Option<String>,
}

/// The capitalised word after "in", "at" or "near" (skipping "the")
/// within a few tokens after the figure: where it was counted.
fn place_after(toks: &[Token], end: usize) -> Option<String> {
    let mut k = end;
    while k < toks.len() && k < end + 6 {
        let t = toks.get(k)?;
        if t.kind == Kind::Mark && !t.is('\'') {
            return None;
        }
        if matches!(t.lower().as_str(), "in" | "at" | "near") {
            let mut n = k + 1;
            if toks.get(n).is_some_and(|x| x.lower() == "the") {
                n += 1;
            }
            let p = toks.get(n)?;
            let l = p.lower();
            return (p.capital() && !is_month(&l) && !is_weekday(&l)).then_some(l);
        }
        k += 1;
    }
    None
}

/// The head word at token `j` or after a few fillers ("12 more deaths").
/// Returns it with the index just past it.
fn head_after(toks: &[Token], j: usize, reach: usize) -> Option<(&'static str, usize)> {
    for k in j..(j + reach).min(toks.len()) {
        let t = toks.get(k)?;
        if t.is('%') {
            return Some(("percent", k + 1));
        }
        if t.kind != Kind::Word {
            return None;
        }
        let w = lower_stem(t);
        if let Some(h) = head(&w) {
            return Some((h, k + 1));
        }
        if !FILLERS.contains(&w.as_str()) && !PEOPLE.contains(&w.as_str()) {
            return None;
        }
    }
    None
}

/// Whether the number read at `i..j` is not a count: part of a compound
/// ("COVID-19", "12-year-old"), a day, a time, an age, a numbered thing.
fn not_a_count(toks: &[Token], i: usize, j: usize) -> bool {
    let Some(t) = toks.get(i) else {
        return true;
    };
    let prev = i.checked_sub(1).and_then(|k| toks.get(k));
    let prev_word = prev.map(Token::lower).unwrap_or_default();
    let glued_before = prev.is_some_and(|p| p.is('-') && p.start + 1 == t.start);
    let glued_after = toks
        .get(j)
        .is_some_and(|n| n.is('-') || n.is(':') || n.is('/'));
    let after = toks.get(j).map(Token::lower).unwrap_or_default();
    glued_before
        || glued_after
        || is_month(&prev_word)
        || matches!(
            prev_word.as_str(),
            "no" | "#"
                | "number"
                | "page"
                | "article"
                | "section"
                | "the"
                | "every"
                | "each"
                | "any"
                | "which"
        )
        || matches!(
            after.as_str(),
            "a.m"
                | "p.m"
                | "am"
                | "pm"
                | "o'clock"
                | "years"
                | "year"
                | "days"
                | "day"
                | "hours"
                | "minutes"
                | "weeks"
                | "months"
        )
}

/// Figures in one unit.
fn mentions(unit: usize, outlet: usize, text: &str, out: &mut Vec<Mention>) {
    let toks = tokens(text, MAX_TOKENS);
    let mut i = 0;
    while i < toks.len() {
        let Some((value, j)) = read(&toks, i) else {
            i += 1;
            continue;
        };
        let next = j.max(i + 1);
        if not_a_count(&toks, i, j) {
            i = next;
            continue;
        }
        let t = &toks[i];
        let one = t.lower() == "one";
        let yearish = t.kind == Kind::Number
            && !t.text.contains([',', '.'])
            && (1800.0..=2100.0).contains(&value);
        let prev = i.checked_sub(1).and_then(|k| toks.get(k));
        let (range, start) = qualify(&toks, i, value);
        // What is counted, most specific evidence first.
        let mut end = j;
        let mut what: Option<String> = if prev.is_some_and(|p| p.is('$')) {
            Some("dollars".into())
        } else if prev.is_some_and(|p| p.is('€')) {
            Some("euros".into())
        } else {
            head_after(&toks, j, 3).map(|(h, e)| {
                end = e;
                h.to_string()
            })
        };
        if what.is_none() {
            // "killing at least 12", "the death toll rose to 40".
            for back in 1..=3 {
                let Some(w) = start.checked_sub(back).and_then(|k| toks.get(k)) else {
                    break;
                };
                if w.kind != Kind::Word {
                    break;
                }
                let l = w.lower();
                if let Some((_, v)) = BEFORE.iter().find(|(k, _)| *k == l) {
                    what = Some((*v).to_string());
                    let noun = toks.get(j).map(lower_stem).unwrap_or_default();
                    if PEOPLE.contains(&noun.as_str()) {
                        end = j + 1;
                    }
                    break;
                }
            }
        }
        if what.is_none()
            && let Some(noun) = toks.get(j).filter(|n| n.kind == Kind::Word)
        {
            let w = lower_stem(noun);
            if PEOPLE.contains(&w.as_str()) {
                // "five people were killed": a casualty word soon after.
                let (h, e) = head_after(&toks, j + 1, 4).unwrap_or(("people", j + 1));
                what = Some(h.to_string());
                end = e;
            } else if !one && noun.text.ends_with('s') && !noun.capital() && !stop(&noun.lower()) {
                // "300 homes": a plural noun counts itself.
                what = Some(w);
                end = j + 1;
            }
        }
        let Some(what) = what else {
            i = next;
            continue;
        };
        // "six more bodies", "another 12": an increment, not a total.
        let increment = matches!(
            toks.get(j).map(Token::lower).as_deref(),
            Some("more" | "additional" | "further" | "new")
        ) || matches!(
            start
                .checked_sub(1)
                .and_then(|k| toks.get(k))
                .map(Token::lower)
                .as_deref(),
            Some("another" | "additional")
        );
        if increment {
            i = next;
            continue;
        }
        // A bare year or "one" needs a clear casualty or money head.
        if (yearish || one)
            && !matches!(what.as_str(), "killed" | "injured" | "dollars" | "percent")
        {
            i = next;
            continue;
        }
        // "left 9 dead, including the two crew": a toll told
        // without the ones it includes is no other toll.
        let mut range = range;
        if let Some(n) = included(&toks, end)
            && n < range.low
        {
            range.low -= n;
        }
        let local = toks
            .get(start.saturating_sub(WINDOW)..(end + WINDOW).min(toks.len()))
            .unwrap_or(&[])
            .iter()
            .filter(|t| {
                t.kind == Kind::Word
                    && (t.start < toks[start].start
                        || t.start > toks[end.saturating_sub(1).max(start)].start)
            })
            .filter(|t| head(&lower_stem(t)).is_none())
            .filter_map(content)
            .collect();
        out.push(Mention {
            unit,
            outlet,
            what,
            range,
            phrase: phrase(text, &toks, start, end),
            local,
            place: place_after(&toks, end),
        });
        i = next;
    }
}

/// The number a figure's "including ..." right after it counts in
/// ("9 people dead, including the two crew": 2).
fn included(toks: &[Token], end: usize) -> Option<f64> {
    let at = (end..(end + 3).min(toks.len())).find(|&k| toks[k].lower() == "including")?;
    (at + 1..(at + 3).min(toks.len())).find_map(|k| read(toks, k).map(|(v, _)| v))
}

/// The source text from token `a` to the end of token `b - 1`.
fn phrase(text: &str, toks: &[Token], a: usize, b: usize) -> String {
    let (Some(first), Some(last)) = (toks.get(a), toks.get(b.saturating_sub(1).max(a))) else {
        return String::new();
    };
    text.get(first.start..last.start + last.text.len())
        .unwrap_or("")
        .to_string()
}

/// Counts of harm and enforcement: one story rarely has two of them.
fn casualty(what: &str) -> bool {
    matches!(
        what,
        "killed" | "injured" | "missing" | "arrested" | "evacuated" | "displaced"
    )
}

/// How similar two sentences must be for their figures to be about the
/// same thing: casualty counts in one story nearly always are; percentages
/// and money need the same context.
fn threshold(what: &str) -> f32 {
    if casualty(what) {
        0.2
    } else if HEADS.iter().any(|(_, v)| *v == what) || what == "people" {
        0.3
    } else {
        0.35
    }
}

/// Tokens on each side of a figure that make its local context.
const WINDOW: usize = 5;

/// Local context words two figures must share to be about the same thing:
/// a story has one death toll, but many sums of money and percentages.
fn shared_needed(what: &str) -> usize {
    if casualty(what) { 0 } else { 2 }
}

/// Whether two figures agree, allowing rounding for figures other than
/// casualty counts (percentages and sums are often rounded or updated).
fn agree(what: &str, a: &Range, b: &Range) -> bool {
    if a.agrees(b) {
        return true;
    }
    if casualty(what) {
        return false;
    }
    let (x, y) = (a.value.abs(), b.value.abs());
    (x - y).abs() <= 0.1 * x.max(y)
}

/// Seconds between two dated reports beyond which their different
/// figures are read as an update (a toll that rose), not a conflict.
const UPDATE: u64 = 36 * 3600;

/// Mentions of one head read at most (bounds the pairwise check).
const MAX_GROUP: usize = 300;

/// Figure conflicts, clearest first, at most [`Config::max_conflicts`].
pub(crate) fn conflicts(story: &Story, config: &Config) -> Vec<Figure> {
    let mut ms: Vec<Mention> = Vec::new();
    for (u, unit) in story.units.iter().enumerate() {
        mentions(u, unit.outlet, story.text(unit), &mut ms);
    }
    ms.sort_by(|a, b| a.what.cmp(&b.what).then(a.unit.cmp(&b.unit)));
    let mut found: Vec<(bool, f32, Figure)> = Vec::new();
    for group in ms.chunk_by(|a, b| a.what == b.what) {
        let group = group.get(..MAX_GROUP.min(group.len())).unwrap_or(&[]);
        let Some(what) = group.first().map(|m| m.what.clone()) else {
            continue;
        };
        // An outlet that states a value compatible with `r` has that figure too.
        let states = |outlet: usize, r: &Range| {
            group
                .iter()
                .any(|m| m.outlet == outlet && agree(&what, &m.range, r))
        };
        let tau = threshold(&what);
        let mut best: Option<(f32, usize, usize)> = None;
        for (x, a) in group.iter().enumerate() {
            for (y, b) in group.iter().enumerate().skip(x + 1) {
                if a.outlet == b.outlet || agree(&what, &a.range, &b.range) {
                    continue;
                }
                // "15 killed in Idlib" and "104 killed in Homs" count different things.
                if let (Some(x), Some(y)) = (&a.place, &b.place)
                    && x != y
                {
                    continue;
                }
                let shared = a.local.iter().filter(|w| b.local.contains(w)).count();
                if shared < shared_needed(&what) {
                    continue;
                }
                let (Some(ua), Some(ub)) = (story.units.get(a.unit), story.units.get(b.unit))
                else {
                    continue;
                };
                // Figures published days apart are an update, not a conflict.
                let time = |u: &crate::story::Unit| story.articles.get(u.article)?.time;
                if let (Some(ta), Some(tb)) = (time(ua), time(ub))
                    && ta.abs_diff(tb) > UPDATE
                {
                    continue;
                }
                let c = cosine(&ua.vector, &ub.vector);
                if c < tau || best.is_some_and(|(s, _, _)| s >= c) {
                    continue;
                }
                if states(a.outlet, &b.range) || states(b.outlet, &a.range) {
                    continue;
                }
                best = Some((c, x, y));
            }
        }
        let Some((c, x, y)) = best else {
            continue;
        };
        let mut pair = [&group[x], &group[y]];
        pair.sort_by(|a, b| a.range.value.total_cmp(&b.range.value));
        let mut sides = Vec::new();
        let mut values = Vec::new();
        for m in pair {
            let Some(unit) = story.units.get(m.unit) else {
                continue;
            };
            sides.push(Side {
                outlet: story.outlet_name(m.outlet),
                sentence: story.span(unit),
                says: m.phrase.clone(),
                speaker: story.speaker(unit),
            });
            values.push(m.range.value);
        }
        found.push((
            casualty(&what),
            c,
            Figure {
                what,
                sides,
                values,
            },
        ));
    }
    found.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.total_cmp(&a.1)));
    found
        .into_iter()
        .take(config.max_conflicts)
        .map(|(_, _, f)| f)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Article, Conflict, compare};

    fn whats(text: &str) -> Vec<(String, f64, f64, String)> {
        let mut out = Vec::new();
        mentions(0, 0, text, &mut out);
        out.into_iter()
            .map(|m| (m.what, m.range.low, m.range.value, m.phrase))
            .collect()
    }

    #[test]
    fn reads_heads() {
        let w = whats("A storm killed at least 12 people and injured 30 others in Dunmore.");
        assert_eq!(w[0].0, "killed");
        assert_eq!(w[0].2, 12.0);
        assert_eq!(w[0].3, "at least 12 people");
        assert_eq!(w[1].0, "injured");
        let w = whats("Nine people died and the death toll rose to 14 on March 3, 2024.");
        assert_eq!((w[0].0.as_str(), w[0].2), ("killed", 9.0));
        assert_eq!((w[1].0.as_str(), w[1].2), ("killed", 14.0));
        assert_eq!(w.len(), 2);
        let w = whats(
            "A 45-year-old man and COVID-19 cases rose 4% as 300 homes burned at 5 p.m. in 2021.",
        );
        let got: Vec<(&str, f64)> = w.iter().map(|m| (m.0.as_str(), m.2)).collect();
        assert_eq!(got, vec![("percent", 4.0), ("home", 300.0)]);
        assert_eq!(
            whats("It cost $1.2 million, one official said.")[0].0,
            "dollars"
        );
    }

    fn art(outlet: &'static str, text: &'static str) -> Article<'static> {
        Article {
            outlet,
            time: None,
            title: "Storm hits Dunmore coast",
            text,
        }
    }

    #[test]
    fn different_death_tolls_conflict() {
        let a = art(
            "Coast Herald",
            "A storm that struck the Dunmore coast on Sunday killed at least 12 people, officials said. \
             Power lines were down across the county.",
        );
        let b = art(
            "Valley Times",
            "Nine people died when a storm struck the Dunmore coast on Sunday, officials said. \
             Schools will stay closed until Wednesday.",
        );
        let c = compare(&[a, b], &[]);
        let figs: Vec<&Figure> = c
            .conflicts
            .iter()
            .filter_map(|c| match c {
                Conflict::Figure(f) => Some(f),
                _ => None,
            })
            .collect();
        assert_eq!(figs.len(), 1, "{:?}", c.conflicts);
        assert_eq!(figs[0].what, "killed");
        assert_eq!(figs[0].values, vec![9.0, 12.0]);
        assert_eq!(figs[0].sides[0].outlet, "Valley Times");
        assert_eq!(figs[0].sides[1].outlet, "Coast Herald");
        assert_eq!(figs[0].sides[1].says, "at least 12 people");
    }

    #[test]
    fn deaths_and_injuries_are_different_quantities() {
        let a = art(
            "Coast Herald",
            "A storm that struck the Dunmore coast on Sunday killed 12 people, officials said.",
        );
        let b = art(
            "Valley Times",
            "A storm that struck the Dunmore coast on Sunday injured 30 people, officials said.",
        );
        assert!(compare(&[a, b], &[]).conflicts.is_empty());
    }

    #[test]
    fn a_conflict_says_what_and_who() {
        let a = art(
            "Coast Herald",
            "A storm that struck the Dunmore coast on Sunday killed at least 12 people, officials said.",
        );
        let b = art(
            "Valley Times",
            "Nine people died when a storm struck the Dunmore coast on Sunday, officials said.",
        );
        let c = compare(&[a, b], &[]);
        let Some(Conflict::Figure(f)) = c.conflicts.first() else {
            panic!("{:?}", c.conflicts);
        };
        assert_eq!(
            f.about(),
            "the number killed: Nine people died (Valley Times) vs at least 12 people (Coast Herald)"
        );
    }

    #[test]
    fn figures_days_apart_are_an_update() {
        let mut a = art(
            "Coast Herald",
            "A storm that struck the Dunmore coast on Sunday killed 12 people, officials said.",
        );
        let mut b = art(
            "Valley Times",
            "Nine people died when a storm struck the Dunmore coast on Sunday, officials said.",
        );
        a.time = Some(10 * 86_400);
        b.time = Some(10 * 86_400 + 3600);
        assert_eq!(compare(&[a, b], &[]).conflicts.len(), 1);
        b.time = Some(14 * 86_400);
        assert!(compare(&[a, b], &[]).conflicts.is_empty());
    }

    #[test]
    fn compatible_or_updated_figures_do_not_conflict() {
        let a = art(
            "Coast Herald",
            "A storm that struck the Dunmore coast on Sunday killed at least 12 people, officials said.",
        );
        let b = art(
            "Valley Times",
            "Fifteen people died when a storm struck the Dunmore coast on Sunday, officials said.",
        );
        assert!(compare(&[a, b], &[]).conflicts.is_empty());
        let b = art(
            "Valley Times",
            "The death toll from the storm on the Dunmore coast rose to 15, up from 12 on Sunday, officials said.",
        );
        let a = art(
            "Coast Herald",
            "A storm that struck the Dunmore coast on Sunday killed 12 people, officials said.",
        );
        assert!(compare(&[a, b], &[]).conflicts.is_empty());
        // One toll counts the crew, the other does not.
        let a = art(
            "Coast Herald",
            "The ferry fire off Dunmore in January killed 7 passengers, officials said.",
        );
        let b = art(
            "Valley Times",
            "The ferry fire off Dunmore in January left 9 people dead, including the two crew, officials said.",
        );
        assert!(compare(&[a, b], &[]).conflicts.is_empty());
    }
}
