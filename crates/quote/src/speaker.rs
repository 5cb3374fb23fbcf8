//! The local speaker mention: the phrase next to a cue that names the
//! source (`Trump`, `the Kremlin`, `a senior official`, `he`, `who`).

use crate::cue::{is_cue_word, is_stop, is_weekday};
use crate::token::{Tk, Tok};

/// Pronouns that are a whole speaker phrase by themselves.
const PRONOUNS: &[&str] = &["he", "she", "they", "i", "we", "you", "it", "who", "which"];

/// Adverbs and auxiliaries between a subject and its verb (`has also said`);
/// weekdays (`on Monday`) count too.
const BETWEEN: &[&str] = &[
    "has",
    "have",
    "had",
    "also",
    "later",
    "previously",
    "repeatedly",
    "once",
    "again",
    "recently",
    "earlier",
    "then",
    "publicly",
    "privately",
    "reportedly",
    "would",
    "will",
    "did",
    "does",
    "do",
    "is",
    "was",
    "are",
    "were",
    "had",
    "just",
    "last",
    "week",
    "night",
    "year",
    "month",
    "today",
    "yesterday",
    "on",
    "further",
    "first",
    "never",
    "often",
    "already",
    "quickly",
    "flatly",
    "directly",
    "simply",
    "bluntly",
    "openly",
    "explicitly",
    "been",
    "not",
    "separately",
];

/// Whether `w` is a pronoun speaker.
pub fn is_pronoun(w: &str) -> bool {
    w.len() <= 5 && PRONOUNS.iter().any(|p| p.eq_ignore_ascii_case(w))
}

fn in_list(list: &[&str], w: &str) -> bool {
    w.len() <= 12 && list.iter().any(|p| p.eq_ignore_ascii_case(w))
}

/// Whether a word may sit inside a noun phrase.
fn np_word(text: &str, t: &Tok) -> bool {
    if t.k != Tk::Word {
        return false;
    }
    let w = t.text(text);
    !is_stop(w) && !is_cue_word(w)
}

/// The speaker phrase ending just before token `end` (exclusive), not
/// reaching below `lo`. Skips auxiliaries/adverbs first; steps over an
/// appositive or relative clause set off by commas to reach the name.
pub fn before(text: &str, toks: &[Tok], end: usize, lo: usize) -> Option<(usize, usize)> {
    let mut j = end;
    // Auxiliaries and adverbs right before the verb.
    let mut skipped = 0;
    while j > lo && skipped < 4 {
        let t = &toks[j - 1];
        if t.is_word()
            && (in_list(BETWEEN, t.text(text)) || is_weekday(t.text(text)))
            && !(t.cap && !in_list(&["has", "had"], t.text(text)) && j - 1 == lo)
        {
            j -= 1;
            skipped += 1;
        } else {
            break;
        }
    }
    if j > lo && toks[j - 1].is_punct(',') {
        // `Bush, Florida's former governor, said` / `Bush, who ..., said`.
        let comma2 = j - 1;
        let mut k = comma2;
        let mut steps = 0;
        while k > lo && steps < 30 {
            k -= 1;
            steps += 1;
            let t = &toks[k];
            if t.is_punct(',') {
                let inner = toks.get(k + 1).map(|t| t.text(text)).unwrap_or("");
                let mut head = phrase_back(text, toks, k, lo)?;
                // `Ann Lee of the Harbour Trust, a charity, says`: the
                // person before `of` heads the phrase.
                if head.0 >= lo + 2
                    && toks[head.0 - 1].is_word()
                    && in_list(&["of", "at", "from"], toks[head.0 - 1].text(text))
                    && toks[head.0 - 2].cap
                    && let Some(person) = phrase_back(text, toks, head.0 - 1, lo)
                    && toks[person.0].cap
                {
                    head = (person.0, head.1);
                }
                if in_list(&["who", "which"], inner) {
                    return Some(head);
                }
                // `Ada Moss, the former mayor, harbour pilot and author,
                // said`: an appositive that lists roles has commas of its
                // own; the name is before its first.
                if !toks[head.0].cap
                    && head.0 > lo + 1
                    && toks[head.0 - 1].is_punct(',')
                    && let Some(name) = phrase_back(text, toks, head.0 - 1, lo)
                    && toks[name.0].cap
                {
                    head = name;
                }
                return Some((head.0, comma2));
            }
            if matches!(
                t.k,
                Tk::Para | Tk::Mark(_) | Tk::Punct('.') | Tk::Punct(';') | Tk::Punct(':')
            ) {
                break;
            }
        }
        return None;
    }
    phrase_back(text, toks, j, lo)
}

/// The noun phrase ending just before `end`.
fn phrase_back(text: &str, toks: &[Tok], end: usize, lo: usize) -> Option<(usize, usize)> {
    // `Sen. Ann Lee (D-Ohio)`: the bracket belongs to the name before it.
    if end > lo + 1 && toks[end - 1].is_punct(')') {
        let open = (lo..end - 1)
            .rev()
            .take(8)
            .find(|&k| toks[k].is_punct('('))?;
        let (a, _) = phrase_back(text, toks, open, lo)?;
        return Some((a, end));
    }
    let last = toks.get(end.checked_sub(1)?)?;
    if end <= lo || last.k != Tk::Word {
        return None;
    }
    if is_pronoun(last.text(text)) {
        return Some((end - 1, end));
    }
    let mut a = end;
    while a > lo && end - a < 10 && np_word(text, &toks[a - 1]) {
        let w = toks[a - 1].text(text);
        if is_pronoun(w) {
            break;
        }
        a -= 1;
        // A determiner opens the phrase; nothing before it belongs.
        if in_list(
            &[
                "the", "a", "an", "another", "one", "some", "many", "several",
            ],
            w,
        ) {
            break;
        }
    }
    // `Ann Lee, spokeswoman for Mayor Tom Berg`: the one speaking for
    // someone is the speaker, named before the role.
    if a >= lo + 3
        && a < end
        && toks[a - 1].is_word()
        && in_list(&["for", "to"], toks[a - 1].text(text))
        && in_list(SPEAKS_FOR, toks[a - 2].text(text))
    {
        let role = a - 2;
        let head = if role > lo && toks[role - 1].is_punct(',') {
            phrase_back(text, toks, role - 1, lo).map(|h| h.0)
        } else {
            None
        };
        return Some((head.unwrap_or(role), end));
    }
    (a < end).then_some((a, end))
}

/// Roles of people who speak for someone else.
const SPEAKS_FOR: &[&str] = &[
    "spokeswoman",
    "spokesman",
    "spokesperson",
    "aide",
    "adviser",
    "advisor",
    "lawyer",
    "attorney",
    "counsel",
    "representative",
];

/// The subject opening a sentence at `start`: a pronoun or a run of
/// capitalised words followed by a lower-case word, before token `hi`.
pub fn subject(text: &str, toks: &[Tok], mut start: usize, hi: usize) -> Option<(usize, usize)> {
    while start < hi
        && toks[start].is_word()
        && in_list(
            &[
                "but", "and", "so", "yet", "then", "still", "later", "earlier",
            ],
            toks[start].text(text),
        )
    {
        start += 1;
    }
    let mut start = skip_intro(text, toks, start, hi);
    // `Moments later the producer said`: a time phrase, not the subject.
    if start + 2 < hi
        && toks[start].is_word()
        && toks[start + 1].is_word()
        && in_list(
            &["later", "earlier", "ago", "after", "afterwards"],
            toks[start + 1].text(text),
        )
        && toks[start + 2].is_word()
    {
        start += 2;
    }
    let first = toks
        .get(start)
        .filter(|t| t.is_word() && t.cap && start < hi)?;
    let w = first.text(text);
    if is_pronoun(w) {
        return (!in_list(&["it", "i", "you", "which", "who"], w)).then_some((start, start + 1));
    }
    if in_list(&["the", "a", "an"], w) {
        // `The Clinton campaign also said`: the determiner's phrase.
        let mut e = start + 1;
        while e < hi && e - start < 6 && np_word(text, &toks[e]) && !is_pronoun(toks[e].text(text))
        {
            e += 1;
        }
        return (e > start + 1 && toks.get(e).is_some_and(|t| t.is_word())).then_some((start, e));
    }
    let mut e = start;
    while e < hi
        && e - start < 5
        && toks[e].is_word()
        && toks[e].cap
        && !is_stop(toks[e].text(text))
    {
        e += 1;
    }
    let next = toks.get(e).filter(|_| e < hi)?;
    if e > start && next.is_word() && !next.cap && crate::resolve::is_role(next.text(text)) {
        // `Starfall director Ivo Brandt said`: a work or a body, its
        // person's role and name; the phrase runs on to the name.
        let mut f = e + 1;
        while f < hi
            && f - e <= 4
            && toks[f].is_word()
            && toks[f].cap
            && !is_stop(toks[f].text(text))
        {
            f += 1;
        }
        if f >= e + 3 && toks.get(f).is_some_and(|t| t.is_word() && !t.cap) {
            return Some((start, f));
        }
    }
    (e > start && next.is_word() && !next.cap).then_some((start, e))
}

/// Skips an introductory phrase set off by a comma (`Speaking to
/// reporters,`, `Last week,`, `Sunday on CNN,`, `In a statement,`) at
/// `start`; returns `start` when there is none.
pub fn skip_intro(text: &str, toks: &[Tok], start: usize, hi: usize) -> usize {
    const INTRO: &[&str] = &[
        "in",
        "at",
        "on",
        "during",
        "after",
        "before",
        "later",
        "earlier",
        "last",
        "this",
        "asked",
        "speaking",
        "meanwhile",
        "however",
        "still",
        "yet",
        "now",
        "today",
        "yesterday",
        "instead",
        "since",
        "when",
        "while",
        "as",
        "with",
        "without",
        "for",
        "from",
        "despite",
        "following",
        "under",
        "separately",
        "also",
        "then",
        "addressing",
        "writing",
        "responding",
        "appearing",
        "according",
    ];
    let Some(first) = toks.get(start).filter(|t| t.is_word() && start < hi) else {
        return start;
    };
    let w = first.text(text);
    let participle = w.len() > 5 && (w.ends_with("ing") || w.ends_with("ed"));
    if !(participle || in_list(INTRO, w) || is_weekday(w)) {
        return start;
    }
    toks.iter()
        .enumerate()
        .take(hi)
        .skip(start + 1)
        .take(30)
        .take_while(|(_, t)| !matches!(t.k, Tk::Para | Tk::Mark(_)) && !t.is_punct('.'))
        .find(|(_, t)| t.is_punct(','))
        .map_or(start, |(k, _)| k + 1)
}

/// The speaker phrase starting at token `start` (inverted order: `said
/// Trump`, `according to the Kremlin`).
pub fn after(text: &str, toks: &[Tok], start: usize, hi: usize) -> Option<(usize, usize)> {
    let first = toks.get(start)?;
    if start >= hi || first.k != Tk::Word {
        return None;
    }
    if is_pronoun(first.text(text)) {
        return Some((start, start + 1));
    }
    let mut b = start;
    while b < hi && b - start < 10 && np_word(text, &toks[b]) {
        b += 1;
    }
    // `of`-phrases belong to the speaker: `a spokesman for the Kremlin`.
    if b < hi && b > start && toks[b].is_word() && in_list(&["of", "for"], toks[b].text(text)) {
        let mut c = b + 1;
        while c < hi && c - start < 14 && np_word(text, &toks[c]) {
            c += 1;
        }
        if c > b + 1 {
            b = c;
        }
    }
    (b > start).then_some((start, b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;

    fn back(t: &str, cue: &str) -> String {
        let toks = tokenize(t);
        let c = toks.iter().position(|k| k.text(t) == cue).unwrap();
        let (a, b) = before(t, &toks, c, 0).unwrap();
        t[toks[a].s..toks[b - 1].e].to_string()
    }

    #[test]
    fn subjects() {
        assert_eq!(
            back("the old senior official has also said", "said"),
            "the old senior official"
        );
        assert_eq!(back("and he said", "said"), "he");
        assert_eq!(
            back("Ann Lee, the party chair, said", "said"),
            "Ann Lee, the party chair"
        );
        assert_eq!(back("Ann Lee, who leads it, said", "said"), "Ann Lee");
        assert_eq!(
            back(
                "Ada Moss, the former mayor, harbour pilot and author, said",
                "said"
            ),
            "Ada Moss, the former mayor, harbour pilot and author"
        );
    }

    #[test]
    fn one_speaking_for_another() {
        assert_eq!(
            back("Ann Lee, spokeswoman for Mayor Tom Berg, said", "said"),
            "Ann Lee, spokeswoman for Mayor Tom Berg"
        );
    }

    #[test]
    fn inverted() {
        let t = "said Sen. Ann Lee of Ohio.";
        let toks = tokenize(t);
        let (a, b) = after(t, &toks, 1, toks.len()).unwrap();
        assert_eq!(&t[toks[a].s..toks[b - 1].e], "Sen. Ann Lee of Ohio");
    }
}
