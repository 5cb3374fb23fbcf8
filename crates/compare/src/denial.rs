//! Denials: one source reports something, another denies it.
//!
//! A sentence denies when it holds a denial cue: a verb of denying
//! ("denied", "refuted"), a verb of rejecting aimed at a claim ("dismissed
//! the reports", "rejected the claims as false"), or a phrase of falsity
//! ("never happened", "no such", "not true", "was false"). Cues that are
//! negated ("did not deny", "neither confirmed nor denied") or that refuse
//! something rather than deny a claim ("was denied bail", "denied the
//! request") do not count. What is denied is the part after the cue ("denied
//! *that the two leaders spoke by phone*"), or the whole sentence when the
//! cue closes it ("'That call never happened,' she said").
//!
//! A denial is paired with the sentence of another outlet that best holds
//! what is denied: most of its content weight, at least two words, and no
//! denial cue of its own, and neither side may be the writer's commentary
//! (a rhetorical question, the first person: see `fact`). An outlet that carries both the claim and a denial
//! of it has reported the dispute, not taken a side, so its sentences are
//! not paired.

use std::collections::HashSet;

use crate::story::{MAX_TOKENS, Story};
use crate::word::{Kind, Token, content, tokens};
use crate::{Config, Side};

/// A report and a denial of it, from different outlets.
#[derive(Debug, Clone, PartialEq)]
pub struct Denial {
    /// The sentence that reports the claim; `says` holds the words it
    /// shares with what is denied.
    pub claim: Side,
    /// The sentence that denies it; `says` holds the cue ("denied").
    pub denial: Side,
    /// Share (0 to 1) of the denied content's weight found in the claim.
    pub overlap: f32,
}

/// Verbs that deny whatever follows.
const DENY: &[&str] = &[
    "deny", "denies", "denied", "denying", "refute", "refutes", "refuted", "refuting",
];

/// Verbs that deny only when aimed at a claim.
const REJECT: &[&str] = &[
    "rejected",
    "rejects",
    "rejecting",
    "dismissed",
    "dismisses",
    "dismissing",
    "disputed",
    "disputes",
    "disputing",
    "rebutted",
    "contradicted",
    "contradicts",
];

/// Nouns that name a claim.
const CLAIMS: &[&str] = &[
    "report",
    "reports",
    "claim",
    "claims",
    "allegation",
    "allegations",
    "account",
    "accounts",
    "accusation",
    "accusations",
    "suggestion",
    "suggestions",
    "characterization",
    "assertion",
    "assertions",
    "rumor",
    "rumors",
    "rumours",
    "speculation",
    "reporting",
];

/// Nouns that name a claim only when "that" follows ("the notion that").
const WEAK_CLAIMS: &[&str] = &["notion", "idea", "story", "stories", "premise", "theory"];

/// What may follow a verb of denying when it denies a claim: a clause
/// ("denied that", "denied he was"), a pronoun or a claim ("denied it",
/// "denied any wrongdoing"), or nothing ("..., she denied.").
const DENIED_NEXT: &[&str] = &[
    "that",
    "it",
    "this",
    "any",
    "all",
    "ever",
    "having",
    "knowing",
    "being",
    "wrongdoing",
    "involvement",
    "responsibility",
    "he",
    "she",
    "they",
    "we",
    "i",
    "there",
    "on",
    "in",
    "at",
    "to",
    "on",
    "publicly",
    "outright",
    "both",
    "such",
    "these",
    "those",
    "reports",
];

/// Adjectives of falsity.
const FALSE: &[&str] = &[
    "false",
    "untrue",
    "baseless",
    "fabricated",
    "fake",
    "unfounded",
    "groundless",
    "nonsense",
    "inaccurate",
    "lies",
    "lie",
];

/// Things one is denied rather than claims one denies.
const REFUSED: &[&str] = &[
    "bail",
    "entry",
    "access",
    "permission",
    "request",
    "requests",
    "application",
    "appeal",
    "permit",
    "visa",
    "visas",
    "asylum",
    "parole",
    "service",
    "care",
    "treatment",
    "benefits",
    "coverage",
    "funding",
    "motion",
    "petition",
    "admission",
    "the",
    "a",
    "an",
    "his",
    "her",
    "their",
    "them",
    "him",
    "us",
    "me",
    "citizenship",
    "boarding",
    "relief",
    "a",
    "tenure",
];

/// Words that negate a cue just before it.
const NEGATORS: &[&str] = &[
    "not", "n't", "never", "neither", "nor", "without", "refused", "declined", "won't", "wouldn't",
    "didn't", "did", "confirm",
];

/// Words of the cue and claim nouns: they say *that* something is denied,
/// not *what*.
fn is_cue_word(w: &str) -> bool {
    DENY.contains(&w)
        || REJECT.contains(&w)
        || CLAIMS.contains(&w)
        || FALSE.contains(&w)
        || matches!(
            w,
            "happen" | "happened" | "true" | "truth" | "such" | "basis" | "news"
        )
}

/// Finds a denial cue in a sentence: its token range, and the token
/// index where the denied content starts (`None` when it is before).
fn cue(toks: &[Token]) -> Option<(usize, usize, Option<usize>)> {
    let low: Vec<String> = toks.iter().map(Token::lower).collect();
    let w = |k: usize| low.get(k).map_or("", String::as_str);
    let negated = |i: usize| {
        (1..=3).any(|b| {
            i.checked_sub(b)
                .is_some_and(|k| NEGATORS.contains(&w(k)) || w(k) == "or")
        })
    };
    for i in 0..toks.len() {
        let here = w(i);
        if DENY.contains(&here) {
            // "was denied bail", "denied the request": refusals.
            let prev = i.checked_sub(1).map_or("", w);
            if matches!(
                prev,
                "was" | "were" | "been" | "be" | "being" | "is" | "are"
            ) {
                continue;
            }
            // The object must read as a claim: "could deny communion",
            // "denied him the right" are refusals.
            let next = w(i + 1);
            let claim_soon = (i + 1..(i + 4).min(toks.len())).any(|k| {
                CLAIMS.contains(&w(k)) || (WEAK_CLAIMS.contains(&w(k)) && w(k + 1) == "that")
            });
            let clause = DENIED_NEXT.contains(&next)
                || toks
                    .get(i + 1)
                    .is_none_or(|t| t.kind == Kind::Mark && !t.is('$'));
            if !claim_soon && (!clause || REFUSED.contains(&next)) {
                continue;
            }
            if negated(i) {
                continue;
            }
            return Some((i, i + 1, (i + 1 < toks.len()).then_some(i + 1)));
        }
        if REJECT.contains(&here) {
            let aimed = (i + 1..(i + 6).min(toks.len())).any(|k| {
                CLAIMS.contains(&w(k))
                    || (WEAK_CLAIMS.contains(&w(k)) && w(k + 1) == "that")
                    || (w(k) == "as" && FALSE.contains(&w(k + 1)))
            });
            if aimed && !negated(i) {
                return Some((i, i + 1, Some(i + 1)));
            }
            continue;
        }
        // "never happened", "did not happen", "didn't happen".
        if matches!(here, "happened" | "happen")
            && matches!(
                i.checked_sub(1).map_or("", w),
                "never" | "not" | "n't" | "didn't"
            )
        {
            return Some((i.saturating_sub(1), i + 1, None));
        }
        if (here == "no" && matches!(w(i + 1), "such" | "truth" | "basis"))
            || (here == "not" && w(i + 1) == "true")
        {
            return Some((i, i + 2, None));
        }
        if FALSE.contains(&here) && !matches!(here, "lie" | "lies" | "fake") {
            // "was false", "as false", "completely untrue", "false reports".
            let prev = i.checked_sub(1).map_or("", w);
            let copula = matches!(
                prev,
                "is" | "was"
                    | "are"
                    | "were"
                    | "as"
                    | "completely"
                    | "totally"
                    | "entirely"
                    | "absolutely"
                    | "patently"
                    | "simply"
            );
            // "false claims" is a description, not a denial by a source.
            if copula {
                return Some((i, i + 1, None));
            }
        }
        if here == "fake" && w(i + 1) == "news" {
            return Some((i, i + 2, None));
        }
    }
    None
}

/// Words that name the denier rather than what is denied.
const DENIER_WORDS: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "official",
    "officials",
    "ministry",
    "office",
    "statement",
    "press",
    "secretary",
    "aide",
    "representative",
    "reporters",
    "interview",
    "publicly",
    "strongly",
    "flatly",
    "repeatedly",
    "categorically",
];

/// What a denial denies, as content term ids, and whether it is the part
/// after the cue (`true`) or the whole sentence (`false`); with the whole
/// sentence, also the few terms after the cue ("denied there was ever an
/// *affair*"), which a claim must hold. Words of the cue, of the denier's
/// role and of the quoted speaker's name are left out.
fn denied(
    story: &Story,
    toks: &[Token],
    range: (usize, usize, Option<usize>),
    speaker: Option<&str>,
) -> (Vec<u32>, bool, Vec<u32>) {
    let (a, b, after) = range;
    let names: Vec<String> = speaker
        .unwrap_or("")
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(8)
        .map(str::to_lowercase)
        .collect();
    let terms = |from: usize, to: usize| -> Vec<u32> {
        let mut out: Vec<u32> = toks
            .get(from..to)
            .unwrap_or(&[])
            .iter()
            .filter(|t| {
                let l = t.lower();
                !is_cue_word(&l) && !DENIER_WORDS.contains(&l.as_str()) && !names.contains(&l)
            })
            .filter_map(|t| story.term(&content(t)?))
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    };
    // "... suggested that the minister had lied when she denied that ...":
    // the sentence reports the accusation and the denial, a dispute
    // reported whole.
    if toks.get(..a).unwrap_or(&[]).iter().any(|t| {
        matches!(
            t.lower().as_str(),
            "lied" | "lying" | "accused" | "accuses" | "accusing"
        )
    }) {
        return (Vec::new(), false, Vec::new());
    }
    let mut short = Vec::new();
    if let Some(start) = after {
        // "denied the allegations" with no "that ..." says not what is
        // denied: nothing to pair it with.
        let mut k = start;
        while toks.get(k).is_some_and(|t| {
            matches!(
                t.lower().as_str(),
                "the"
                    | "these"
                    | "those"
                    | "a"
                    | "any"
                    | "all"
                    | "media"
                    | "news"
                    | "recent"
                    | "earlier"
            )
        }) {
            k += 1;
        }
        if toks
            .get(k)
            .is_some_and(|t| CLAIMS.contains(&t.lower().as_str()))
            && !toks
                .get(k + 1)
                .is_some_and(|t| matches!(t.lower().as_str(), "that" | "of" | "about" | "on"))
        {
            return (Vec::new(), true, Vec::new());
        }
        let t = terms(start, clause_end(toks, start));
        if t.len() >= 3 {
            return (t, true, Vec::new());
        }
        short = t;
    }
    // "The union says the guard was removed, which the company denies":
    // the sentence carries the claim and its denial, a dispute reported
    // whole, not a side taken against another outlet.
    // So is "... had fled, a report that the government denied." with
    // the cue closing the sentence.
    let closes = toks[b.min(toks.len())..]
        .iter()
        .all(|t| t.kind == Kind::Mark);
    let before = toks.get(a.saturating_sub(6)..a).unwrap_or(&[]);
    if before.iter().enumerate().any(|(i, t)| {
        let l = t.lower();
        let near = before.len() - i <= 4;
        (l == "which" && near) || ((l == "which" || l == "that") && closes)
    }) {
        return (Vec::new(), false, Vec::new());
    }
    let mut t = terms(0, a);
    t.extend(terms(b, toks.len()));
    t.sort_unstable();
    t.dedup();
    (t, false, short)
}

/// A denial found in one unit.
struct Found {
    unit: usize,
    cue: String,
    terms: Vec<u32>,
    /// Whether `terms` is the part after the cue (a sharper object).
    object: bool,
    /// Terms of `terms` written in lowercase: not names. A claim must
    /// share one, or it only names the same people.
    plain: Vec<u32>,
}

/// The weighted share of `terms` found in unit `u`, and how many.
fn held(story: &Story, terms: &[u32], u: usize) -> (f32, usize) {
    let Some(unit) = story.units.get(u) else {
        return (0.0, 0);
    };
    let (mut all, mut got, mut n) = (0.0, 0.0, 0);
    for &t in terms {
        let w = story.idf(t);
        all += w;
        if unit.vector.binary_search_by_key(&t, |&(x, _)| x).is_ok() {
            got += w;
            n += 1;
        }
    }
    if all > 0.0 { (got / all, n) } else { (0.0, 0) }
}

/// Where the clause that starts at token `from` ends: at a comma, colon,
/// semicolon, dash or bracket, or at a conjunction that starts a new clause
/// ("denied the allegations and again this case ..."), so the object of a
/// denial is what is denied, not what the sentence goes on to say.
fn clause_end(toks: &[Token], from: usize) -> usize {
    for k in from..toks.len() {
        let Some(t) = toks.get(k) else {
            break;
        };
        if t.kind == Kind::Mark && matches!(t.text, "," | ";" | ":" | "—" | "–" | "\u{201c}" | "\"")
        {
            return k;
        }
        let l = t.lower();
        if matches!(
            l.as_str(),
            "but" | "while" | "although" | "though" | "saying" | "adding"
        ) {
            return k;
        }
        let next = toks.get(k + 1).map(Token::lower).unwrap_or_default();
        if l == "and"
            && matches!(
                next.as_str(),
                "the"
                    | "this"
                    | "that"
                    | "he"
                    | "she"
                    | "they"
                    | "it"
                    | "again"
                    | "also"
                    | "said"
                    | "called"
                    | "his"
                    | "her"
                    | "their"
            )
        {
            return k;
        }
    }
    toks.len()
}

/// Whether a claim sentence can stand as a report: it opens like a
/// sentence and is not a fragment, a teaser or the writer's commentary.
fn reads_as_report(text: &str) -> bool {
    let first = text.chars().next().unwrap_or(' ');
    (first.is_uppercase() || first.is_ascii_digit() || matches!(first, '"' | '\u{201c}'))
        && text.split_whitespace().count() >= 6
        && !text.ends_with("...")
        && !text.ends_with('\u{2026}')
        && !crate::fact::commentary(text)
}

/// Surname of a speaker, lowercase.
fn surname(name: &str) -> Option<String> {
    name.split_whitespace().last().map(|w| {
        w.trim_end_matches(|c: char| !c.is_alphanumeric())
            .trim_end_matches("'s")
            .trim_end_matches("\u{2019}s")
            .to_lowercase()
    })
}

/// Share of what is denied a claim must hold, and how many of its words:
/// for the part after the cue, and for a whole sentence.
const OBJECT: (f32, usize) = (0.5, 2);
const WHOLE: (f32, usize) = (0.4, 3);

impl Found {
    fn holds(&self, share: f32, n: usize) -> bool {
        let (min, count) = if self.object { OBJECT } else { WHOLE };
        // Two shared words are enough only when they are nearly all of it.
        share >= min && (n >= count.max(3) || (n >= count && share >= 0.8))
    }
}

/// Denial conflicts, clearest first, at most [`Config::max_conflicts`].
pub(crate) fn conflicts(story: &Story, config: &Config) -> Vec<Denial> {
    let mut found: Vec<Found> = Vec::new();
    for (u, unit) in story.units.iter().enumerate() {
        let toks = tokens(story.text(unit), MAX_TOKENS);
        // The writer's own commentary denies nothing on a source's behalf.
        if toks.iter().all(|t| t.kind == Kind::Mark) || crate::fact::commentary(story.text(unit)) {
            continue;
        }
        let Some(range) = cue(&toks) else {
            continue;
        };
        let speaker = story.speaker(unit);
        let (terms, object, short) = denied(story, &toks, range, speaker.as_deref());
        // A claim must hold a plain word of what is denied: of the few
        // words after the cue when there are some ("an affair", not the
        // lawyer who denied it).
        let plain: Vec<u32> = toks
            .iter()
            .filter(|t| t.kind == Kind::Word && !t.capital())
            .filter_map(|t| story.term(&content(t)?))
            .filter(|id| terms.contains(id) && (short.is_empty() || short.contains(id)))
            .collect();
        if terms.len() < 2 {
            continue;
        }
        let cue = story
            .text(unit)
            .get(
                toks.get(range.0).map_or(0, |t| t.start)
                    ..toks.get(range.1 - 1).map_or(0, |t| t.start + t.text.len()),
            )
            .unwrap_or("")
            .to_string();
        found.push(Found {
            unit: u,
            cue,
            terms,
            object,
            plain,
        });
    }
    let denying: HashSet<usize> = found.iter().map(|f| f.unit).collect();
    let mut acc = Vec::new();
    let mut pairs: Vec<(f32, usize, usize, usize)> = Vec::new();
    for (k, f) in found.iter().enumerate() {
        let Some(d) = story.units.get(f.unit) else {
            continue;
        };
        let query: Vec<(u32, f32)> = f.terms.iter().map(|&t| (t, story.idf(t))).collect();
        let near = story.similar(&query, |u| u.outlet != d.outlet, &mut acc);
        let mut best: Option<(f32, usize)> = None;
        for (s, _) in near {
            if denying.contains(&s) {
                continue;
            }
            let (share, n) = held(story, &f.terms, s);
            if !f.holds(share, n) || best.is_some_and(|(b, _)| b >= share) {
                continue;
            }
            if held(story, &f.plain, s).1 == 0 {
                continue;
            }
            let Some(claim) = story.units.get(s) else {
                continue;
            };
            if !claim.title && !reads_as_report(story.text(claim)) {
                continue;
            }
            // One speaker on both sides is not two sources disagreeing.
            let (cs, ds) = (story.speaker(claim), story.speaker(d));
            if cs.is_some() && cs.as_deref().and_then(surname) == ds.as_deref().and_then(surname) {
                continue;
            }
            // The claim's outlet also carries a denial of it: no side taken.
            let both = found.iter().any(|g| {
                story
                    .units
                    .get(g.unit)
                    .is_some_and(|gu| gu.outlet == claim.outlet)
                    && {
                        let (share, n) = held(story, &g.terms, s);
                        g.holds(share, n)
                    }
            });
            if both {
                continue;
            }
            best = Some((share, s));
        }
        if let Some((share, s)) = best {
            pairs.push((share, k, s, f.unit));
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.3.cmp(&b.3)));
    let mut out = Vec::new();
    let mut used: HashSet<String> = HashSet::new();
    for (share, k, s, d) in pairs {
        if out.len() >= config.max_conflicts {
            break;
        }
        let (Some(f), Some(claim), Some(deny)) =
            (found.get(k), story.units.get(s), story.units.get(d))
        else {
            continue;
        };
        let claim_span = story.span(claim);
        let deny_span = story.span(deny);
        // Copies of one sentence across articles show once.
        if !used.insert(claim_span.text.clone()) || !used.insert(deny_span.text.clone()) {
            continue;
        }
        let shared: Vec<String> = tokens(story.text(claim), MAX_TOKENS)
            .iter()
            .filter(|t| {
                content(t)
                    .and_then(|c| story.term(&c))
                    .is_some_and(|id| f.terms.contains(&id))
            })
            .map(|t| t.text.to_string())
            .fold(Vec::new(), |mut v, w| {
                if !v.contains(&w) {
                    v.push(w);
                }
                v
            });
        out.push(Denial {
            claim: Side {
                outlet: story.outlet_name(claim.outlet),
                sentence: claim_span,
                says: shared.join(", "),
                speaker: story.speaker(claim),
            },
            denial: Side {
                outlet: story.outlet_name(deny.outlet),
                sentence: deny_span,
                says: f.cue.clone(),
                speaker: story.speaker(deny),
            },
            overlap: share,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Article, Conflict, QuoteRef, compare};

    fn has_cue(s: &str) -> bool {
        cue(&tokens(s, 200)).is_some()
    }

    #[test]
    fn cues() {
        assert!(has_cue(
            "The ministry denied that the two leaders had spoken."
        ));
        assert!(has_cue("She dismissed the reports as rumours."));
        assert!(has_cue("\"That call never happened,\" he said."));
        assert!(has_cue("The claim was false, the spokesman said."));
        assert!(!has_cue("He was denied bail on Tuesday."));
        assert!(!has_cue("The court denied the request for a delay."));
        assert!(!has_cue(
            "The ministry would neither confirm nor deny the call."
        ));
        assert!(!has_cue("He did not deny that they spoke."));
        assert!(!has_cue("The senate rejected the bill by five votes."));
        assert!(!has_cue(
            "The bishops could deny communion to such figures."
        ));
        assert!(!has_cue(
            "Officials rejected the idea of a new mask mandate."
        ));
        assert!(!has_cue("A judge dismissed the charges against him."));
        assert!(!has_cue("He keeps spreading false claims about the vote."));
        assert!(has_cue("She rejected the notion that the plan had failed."));
        assert!(has_cue("The agency denied he was a target."));
        assert!(has_cue("He dismissed the claims as false."));
    }

    #[test]
    fn report_and_denial_pair_up() {
        let a = Article {
            outlet: "Northern Ledger",
            time: Some(100),
            title: "Talks on the border dispute",
            text: "President Arlo Venn spoke with Premier Ida Sorel by phone on Tuesday about the border crossings, \
                   two people familiar with the matter said. The talks were said to be tense.",
        };
        let b = Article {
            outlet: "Capital Daily",
            time: Some(200),
            title: "Border crossings stay closed",
            text: "The border crossings remained closed on Wednesday. \
                   \"No phone call between Venn and Sorel took place,\" said Mara Quill, a spokeswoman for the premier, who denied that the two had spoken.",
        };
        let q = [QuoteRef {
            article: 1,
            speaker: Some("Mara Quill"),
            text: "No phone call between Venn and Sorel took place,",
        }];
        let c = compare(&[a, b], &q);
        let denials: Vec<&Denial> = c
            .conflicts
            .iter()
            .filter_map(|c| match c {
                Conflict::Denial(d) => Some(d),
                _ => None,
            })
            .collect();
        assert_eq!(denials.len(), 1, "{:?}", c.conflicts);
        assert_eq!(denials[0].claim.outlet, "Northern Ledger");
        assert_eq!(denials[0].denial.outlet, "Capital Daily");
        assert_eq!(denials[0].denial.says, "denied");
        assert_eq!(denials[0].denial.speaker.as_deref(), Some("Mara Quill"));
        assert!(
            denials[0]
                .claim
                .sentence
                .text
                .starts_with("President Arlo Venn")
        );
    }

    #[test]
    fn a_denial_of_something_else_is_no_conflict() {
        // From a real digest: a report of a payment by a lawyer was set
        // against the lawyer's denial of an affair.
        let a = Article {
            outlet: "Northern Ledger",
            time: None,
            title: "Harbour payment",
            text: "The Ledger reported on the details of a $130,000 payment made by the mayor\u{2019}s personal attorney, Ivo Brandt, to Tomas Berg at the height of the campaign.",
        };
        let b = Article {
            outlet: "Capital Daily",
            time: None,
            title: "Harbour payment",
            text: "The mayor's attorney Ivo Brandt has denied there was ever an affair.",
        };
        let c = compare(&[a, b], &[]);
        assert!(c.conflicts.is_empty(), "{:?}", c.conflicts);
    }

    #[test]
    fn a_dispute_reported_whole_is_no_conflict() {
        let a = Article {
            outlet: "Northern Ledger",
            time: None,
            title: "Mill strike",
            text: "The union said the guard on the saw had been taken off weeks ago to speed up the line.",
        };
        let b = Article {
            outlet: "Capital Daily",
            time: None,
            title: "Mill strike",
            text: "The union says the guard on the saw had been taken off to speed up the line, which the mill denies.",
        };
        let c = compare(&[a, b], &[]);
        assert!(c.conflicts.is_empty(), "{:?}", c.conflicts);
        let b = Article {
            outlet: "Capital Daily",
            time: None,
            title: "Mill strike",
            text: "On Monday the union said the guard on the saw had been taken off to speed up the line, a claim that the mill denied.",
        };
        let c = compare(&[a, b], &[]);
        assert!(c.conflicts.is_empty(), "{:?}", c.conflicts);
        let b = Article {
            outlet: "Capital Daily",
            time: None,
            title: "Mill strike",
            text: "The union suggested the mill owner had lied in May when he denied that the guard on the saw had been taken off to speed up the line.",
        };
        let c = compare(&[a, b], &[]);
        assert!(c.conflicts.is_empty(), "{:?}", c.conflicts);
    }

    #[test]
    fn outlet_with_both_sides_is_no_conflict() {
        let a = Article {
            outlet: "Northern Ledger",
            time: None,
            title: "Talks",
            text: "President Arlo Venn spoke with Premier Ida Sorel by phone on Tuesday. \
                   A spokeswoman for Sorel denied that Venn and Sorel had spoken by phone.",
        };
        let b = Article {
            outlet: "Capital Daily",
            time: None,
            title: "Talks",
            text: "A spokeswoman for Sorel denied that Venn and Sorel had spoken by phone.",
        };
        let c = compare(&[a, b], &[]);
        assert!(c.conflicts.is_empty(), "{:?}", c.conflicts);
    }
}
