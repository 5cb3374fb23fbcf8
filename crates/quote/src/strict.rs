//! The strict screen: what [`crate::find_in`] asks of an English statement
//! before a reader is shown it, beyond what [`crate::screen`] asks of all.
//!
//! A reader takes what is shown as words someone said. So:
//! - the cue reports words that were said: not negated (`did not say`,
//!   `declined to say`) and, for reported speech, not yet to come (`will
//!   argue`);
//! - reported speech holds a clause (`that ...`, a subject with a finite
//!   verb), not a noun phrase (`announced his picks`, `stressed the
//!   need`) nor an adjunct of the reporter's (`Responding to a request,
//!   the board said ...`);
//! - a participle cue (`saying`) has the noun before it as its subject
//!   and never a name after it (`Saying Hamas must pay ...`);
//! - the name shown is the one speaking: not a word that merely qualifies
//!   the speaker (`Gazan health officials`, `a Facebook post`, `the Sunshine
//!   State’s chief executive`), not a place after a preposition (`senators
//!   at the Capitol`), not a quantifier (`Others note ...`), not a place,
//!   and not the source of figures (`according to data from ...`).
//!
//! Where the speaker is doubtful the statement stays without a name; where
//! the statement is, it goes.

use crate::resolve::{EntityKind, Known};
use crate::{Kind, Quote};

/// What the strict screen says of one statement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Show it as it is.
    Keep,
    /// Show it without a speaker's name.
    Unnamed,
    /// Show it under this name (`Ann Lee` in `the board’s head, Ann Lee`).
    Named(String),
    /// Do not show it.
    Drop,
}

/// Words before a cue that make it no statement: negation, modals of what
/// has not been said yet, and `to` (`declined to say`, `is expected to
/// say`).
const NOT_SAID: &[&str] = &["not", "never", "to"];

/// Modals: reported speech after `will argue`, `would say` is foretold.
const MODALS: &[&str] = &[
    "will", "would", "could", "can", "may", "might", "should", "must", "shall",
];

/// Words that make a clause finite on their own.
const FINITE: &[&str] = &[
    "is", "are", "was", "were", "am", "has", "have", "had", "do", "does", "did", "will", "would",
    "can", "could", "should", "may", "might", "must", "shall", "said", "told", "went", "came",
    "made", "took", "got", "gave", "saw", "knew", "thought", "found", "became", "left", "felt",
    "kept", "began", "won", "lost", "paid", "sent", "built", "held", "brought", "met", "fell",
    "rose", "grew", "stood", "spent", "led", "meant", "sold", "remains", "seems", "needs", "wants",
    "plans", "expects", "believes", "thinks", "knows", "means",
];

/// Subjects that open a clause by themselves.
const SUBJECTS: &[&str] = &[
    "he", "she", "it", "they", "we", "i", "you", "there", "this", "these", "those",
];

/// Words that stand for an unnamed part of a group (`Others say ...`).
const QUANTIFIERS: &[&str] = &[
    "others",
    "some",
    "many",
    "most",
    "several",
    "few",
    "both",
    "all",
    "everyone",
    "everybody",
    "someone",
    "somebody",
    "nobody",
    "anyone",
    "anybody",
];

/// Prepositions of place and time: a name after one is where or when, not
/// who (`senators at the Capitol said`).
const LOCATIVE: &[&str] = &[
    "at", "in", "inside", "outside", "near", "on", "into", "across", "within", "around", "after",
    "before", "during", "over", "under", "against", "with", "without", "across", "between",
];

/// Heads of a speaker phrase that speak for the name before them
/// (`a ministry spokeswoman`, `the mayor’s office`).
const SPEAKS_FOR: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "spokespeople",
    "spokesmen",
    "spokeswomen",
    "office",
    "representative",
    "representatives",
];

/// Sources of figures, not of words (`according to data from ...`).
const FIGURES: &[&str] = &[
    "data",
    "figures",
    "statistics",
    "numbers",
    "estimates",
    "records",
    "documents",
    "report",
    "reports",
    "study",
    "survey",
    "poll",
    "polls",
    "analysis",
    "research",
    "filings",
    "results",
    "findings",
    "tally",
    "count",
    "projections",
    "census",
];

/// Words no statement ends with: it was cut off (`because it is a`).
const DANGLING: &[&str] = &[
    "a", "an", "the", "of", "to", "and", "or", "but", "because", "whether", "with", "for", "from",
    "by", "in", "on", "at", "that", "which", "who", "as", "than", "its", "their", "his", "her",
    "our", "your", "my",
];

/// Prepositions that open an adjunct of the reporter's rather than what
/// was said (`in an interview Thursday, is ...`).
const ADJUNCT: &[&str] = &[
    "in", "on", "at", "during", "after", "with", "for", "about", "from", "by", "to",
];

fn in_list(list: &[&str], w: &str) -> bool {
    w.len() <= 16 && list.iter().any(|x| x.eq_ignore_ascii_case(w))
}

/// A word without the punctuation around it.
fn bare(w: &str) -> &str {
    w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '\u{2019}')
}

/// Whether a word ends in a negated contraction (`didn’t`, `won't`).
fn negated(w: &str) -> bool {
    let l = w.to_lowercase();
    l.ends_with("n't") || l.ends_with("n\u{2019}t")
}

/// Whether `w` is an `-ing` form (`saying`, `Responding`), not a noun that
/// merely ends so (`nothing`, `King`).
pub(crate) fn participle(w: &str) -> bool {
    let l = w.to_lowercase();
    l.len() > 5
        && l.ends_with("ing")
        && ![
            "nothing",
            "something",
            "anything",
            "everything",
            "beijing",
            "morning",
            "evening",
        ]
        .contains(&l.as_str())
}

/// Words that open a subordinate clause.
const SUBORDINATORS: &[&str] = &[
    "after", "although", "because", "before", "since", "though", "unless", "until", "when",
    "whereas", "while",
];

/// Whether `w` is a past form, not a name (`voted`, not `United`).
fn past_form(w: &str) -> bool {
    w.len() >= 5 && w.ends_with("ed") && w.chars().all(|c| c.is_ascii_lowercase())
}

/// Whether reported words hold a clause: `that ...`, or a subject with a
/// finite verb before the first comma or dash.
pub fn is_clause(content: &str) -> bool {
    let words: Vec<&str> = content.split_whitespace().collect();
    let Some(first) = words.first().map(|w| bare(w)) else {
        return false;
    };
    if in_list(&["that", "if", "whether"], first) || in_list(SUBJECTS, first) {
        return true;
    }
    // `..., adding to worries about a shortage`: a participle's phrase is the
    // reporter's framing, unless it reports words (`adding that ...`).
    if participle(first) {
        let next = words.get(1).map_or("", |w| bare(w));
        return next.eq_ignore_ascii_case("that") || in_list(SUBJECTS, next);
    }
    let noun_first = in_list(&["a", "an", "the", "his", "her", "its", "their"], first);
    // `an inquiry that will look into ...`: the first verb after a relative
    // pronoun is the relative clause's, not the statement's.
    let mut relative = false;
    let mut i = 0;
    while let Some(raw) = words.get(i).filter(|_| i < 24) {
        let w = bare(raw);
        i += 1;
        // `declared a state of emergency after the tower collapsed`, `and
        // asked ...`: past a noun phrase, a clause that opens with a
        // subordinator, or a verb after `and`, is not the statement's own.
        let joins_verb = noun_first
            && in_list(&["and", "or", "but"], w)
            && words
                .get(i)
                .is_some_and(|n| in_list(FINITE, bare(n)) || past_form(bare(n)));
        if i > 1 && (in_list(SUBORDINATORS, w) || joins_verb) {
            break;
        }
        let base = w
            .split(['\'', '\u{2019}'])
            .next()
            .unwrap_or(w)
            .to_lowercase();
        let contracted = base.len() < w.len();
        if noun_first && i > 1 && in_list(&["that", "which", "who", "whom", "where"], w) {
            relative = true;
            continue;
        }
        let finite = in_list(FINITE, w) || negated(w) || (contracted && in_list(SUBJECTS, &base));
        if finite || past_form(w) {
            if !relative {
                return true;
            }
            relative = false;
            continue;
        }
        // `the appeal, lodged with the court on Monday, argues that ...`:
        // a participle's phrase set off by commas after the subject is
        // passed over; the verb after it (`argues that`) is the clause's.
        if noun_first
            && raw.ends_with(',')
            && words.get(i).is_some_and(|n| past_form(bare(n)))
            && let Some(close) = (i..words.len().min(i + 15)).find(|&k| words[k].ends_with(','))
        {
            let verb = words.get(close + 1).map_or("", |w| bare(w));
            let then = words.get(close + 2).map_or("", |w| bare(w));
            if in_list(FINITE, verb)
                || past_form(verb)
                || (verb.len() > 3 && verb.ends_with('s') && then == "that")
            {
                return true;
            }
        }
        // The clause, if any, came before the first pause.
        if raw.ends_with([',', ';', ':']) || ["\u{2014}", "\u{2013}", "-"].contains(raw) {
            break;
        }
    }
    false
}

/// The strict verdict on one statement of `text` (see the module docs).
pub fn verdict(text: &str, q: &Quote, known: &Known) -> Verdict {
    let Some((ca, cb)) = q.cue else {
        return Verdict::Keep;
    };
    let cue = text.get(ca..cb).unwrap_or("");
    let cue_word = cue.split_whitespace().next().unwrap_or("");
    let content = q.content(text);
    let first = content.split_whitespace().next().map_or("", bare);
    let first = first.trim_start_matches(|c: char| !c.is_alphanumeric());
    // A quotation woven into the reporter's sentence (`saying “a plan for
    // ...”`) is held to what reported speech is held to.
    let woven = q.kind == Kind::Direct
        && cb <= q.start
        && content
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .starts_with(char::is_lowercase);
    let reported = q.kind != Kind::Direct || woven;

    // Up to three plain words right before the cue (`did not`, `will`).
    let before: Vec<&str> = text
        .get(..ca)
        .unwrap_or("")
        .split_whitespace()
        .rev()
        .take(3)
        .take_while(|w| {
            w.chars()
                .all(|c| c.is_alphabetic() || c == '\'' || c == '\u{2019}')
        })
        .collect();
    if before
        .iter()
        .any(|w| in_list(NOT_SAID, w) || negated(w) || (reported && in_list(MODALS, w)))
    {
        return Verdict::Drop;
    }
    if reported {
        // An adjunct (`In an interview`, `Responding to ...`) is the
        // reporter's framing, not what was said.
        if in_list(ADJUNCT, first) || participle(first) {
            return Verdict::Drop;
        }
        // `say is the largest drill`: the clause lost its subject.
        if in_list(&["is", "are", "was", "were", "has", "have", "had"], first) {
            return Verdict::Drop;
        }
        // `had predicted — which would have been flat`: a relative clause
        // about the reporter's figure, not what was said.
        if in_list(&["which", "who", "whom", "whose"], first) {
            return Verdict::Drop;
        }
        if !is_clause(content) {
            return Verdict::Drop;
        }
    }
    // `because it is a`: words cut off before their end.
    let last = content
        .rsplit(|c: char| c.is_whitespace() || c == '\u{2014}' || c == '\u{2013}')
        .next()
        .unwrap_or("");
    if in_list(DANGLING, last) {
        return Verdict::Drop;
    }
    let Some((sa, sb)) = q.speaker else {
        return Verdict::Keep;
    };
    // `“...,” she recalls him saying`: the one who spoke is the object,
    // not the subject who remembers it.
    let mut after = text.get(cb..).unwrap_or("").split_whitespace().map(bare);
    if let (Some(object), Some(verb)) = (after.next(), after.next())
        && in_list(&["him", "her", "them"], object)
        && in_list(&["saying", "say", "said", "tell", "telling", "told"], verb)
    {
        return Verdict::Unnamed;
    }
    // `Saying Hamas must pay ...`: the name after a participle is what the
    // statement is about.
    if participle(cue_word) && sa >= cb {
        return Verdict::Drop;
    }
    // `quoted an official saying`: the participle's subject is the noun
    // right before it.
    if participle(cue_word) && sb <= ca {
        let gap = text.get(sb..ca).unwrap_or("");
        // `reacted to the report by saying`: the sentence's subject speaks;
        // `quoted Ann Lee as saying`: the one quoted does.
        let by = gap.split_whitespace().next_back().is_some_and(|w| {
            in_list(
                &[
                    "by", "as", "in", "after", "before", "while", "when", "without",
                ],
                w,
            )
        });
        if gap.chars().any(char::is_alphabetic) && !gap.contains([',', '\u{2014}', '(']) && !by {
            return Verdict::Unnamed;
        }
    }
    let phrase = text.get(sa..sb).unwrap_or("");
    let capitalised = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    // `Ann Lee, the board’s head`: the head of the phrase stands before
    // the apposition; `the board’s head, Ann Lee`: the name after it is
    // the speaker's.
    let (head_part, apposed) = phrase.split_once(',').unwrap_or((phrase, ""));
    let apposed = apposed.trim();
    let named = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    // `Senator Ann Lee, Ohio Republican,`: a party member described, not
    // a name.
    let described = apposed.split_whitespace().next_back().is_some_and(|w| {
        in_list(
            &[
                "republican",
                "democrat",
                "independent",
                "conservative",
                "liberal",
            ],
            bare(w),
        )
    });
    if !apposed.is_empty()
        && !described
        && (2..=4).contains(&apposed.split_whitespace().count())
        && apposed.split_whitespace().all(named)
        && q.speaker_name
            .as_deref()
            .is_some_and(|n| !apposed.contains(n))
    {
        let name = known
            .lookup(apposed)
            .map_or(apposed, |k| k.canonical.as_str());
        return Verdict::Named(name.to_string());
    }
    let words: Vec<&str> = head_part.split_whitespace().map(bare).collect();
    let head = words.last().copied().unwrap_or("");
    // Whether the name shown is written in the phrase: a description
    // (`the 72-year-old harbour master`) the resolver named stands.
    let named_in = q.speaker_name.as_deref().is_some_and(|n| {
        n.split([' ', '\'', '\u{2019}'])
            .filter(|p| p.len() > 1 && p.starts_with(char::is_uppercase))
            .any(|p| words.iter().any(|w| w.starts_with(p)))
    });
    // `Ann Lee of the Harbour Institute`: the person before `of` speaks,
    // not the body after it.
    if let Some(k) = words.iter().position(|w| in_list(&["of", "at", "from"], w))
        && (2..=6).contains(&k)
        && words[..k].iter().all(capitalised)
    {
        // No word of the person's is in the name (`US Department of
        // Defense` is one name).
        if let Some(name) = q.speaker_name.as_deref()
            && !words[..k].iter().any(|w| name.contains(w))
        {
            // `Petty Officer Ann Lee of the Coast Guard`: the person is
            // known by the last words.
            let person = (0..k.saturating_sub(1)).find_map(|from| {
                known
                    .lookup(&words[from..k].join(" "))
                    .filter(|p| p.kind == EntityKind::Person)
            });
            return match person {
                Some(p) => Verdict::Named(p.canonical.clone()),
                None => Verdict::Unnamed,
            };
        }
    }
    // `the former director of the Harbour Board`: a person described by
    // the body named, not the body.
    let role_of = words.windows(2).enumerate().any(|(k, w)| {
        w[0].chars().next().is_some_and(char::is_lowercase)
            && !crate::speaker::is_pronoun(w[0])
            && !in_list(&["the", "a", "an"], w[0])
            && in_list(&["of", "for", "at", "from"], w[1])
            && !in_list(SPEAKS_FOR, w[0])
            && words[k + 2..].iter().any(capitalised)
    });
    // The same when the phrase found is only the name's tail (`director
    // for the Centers for Harbour Safety`).
    let joiner = |w: &str| in_list(&["of", "for", "and", "the", "at", "from", "&"], w);
    // Words before the phrase, back to the last pause.
    let back: Vec<&str> = text
        .get(..sa)
        .unwrap_or("")
        .split_whitespace()
        .rev()
        .take(10)
        .take_while(|w| !w.ends_with(|c: char| !c.is_alphanumeric()))
        .collect();
    let chain = back
        .iter()
        .take_while(|w| capitalised(w) || joiner(w))
        .count();
    let opener = back[..chain]
        .iter()
        .rev()
        .find(|w| !w.eq_ignore_ascii_case("the"));
    let role_before = opener.is_some_and(|w| in_list(&["of", "for", "at", "from"], w))
        && back.get(chain).is_some_and(|w| {
            w.chars().next().is_some_and(char::is_lowercase)
                && !crate::speaker::is_pronoun(w)
                && !in_list(SPEAKS_FOR, w)
        });
    // `Congressional aides said`: many people are not one name.
    let plural = head.len() > 3
        && head.starts_with(char::is_lowercase)
        && head.ends_with('s')
        && !head.ends_with("ss")
        && !head.ends_with("us")
        && !head.ends_with("is");
    if plural && !named_in {
        return Verdict::Unnamed;
    }
    // `an actress who has said ...`: `who` stands for the noun before it,
    // and a common noun names no one.
    let antecedent = text
        .get(..sa)
        .unwrap_or("")
        .split_whitespace()
        .next_back()
        .unwrap_or("");
    if in_list(&["who", "which"], phrase.trim())
        && antecedent.starts_with(|c: char| c.is_lowercase())
    {
        return Verdict::Unnamed;
    }
    if (role_of && named_in) || role_before {
        return Verdict::Unnamed;
    }
    // `at the Capitol said`: where, not who.
    let prev = text.get(..sa).unwrap_or("").split_whitespace().next_back();
    if prev.is_some_and(|p| in_list(LOCATIVE, p)) {
        return Verdict::Unnamed;
    }
    if words.iter().any(|w| in_list(QUANTIFIERS, w)) && words.len() <= 2 {
        return Verdict::Unnamed;
    }
    // `according to data released by ...`: figures, not words.
    if cue_word.eq_ignore_ascii_case("according") && words.iter().any(|w| in_list(FIGURES, w)) {
        return Verdict::Drop;
    }
    // `Gazan health officials`, `a Facebook post`: the name qualifies a
    // common noun that is the real speaker.
    let lower_head =
        head.chars().next().is_some_and(char::is_lowercase) && !crate::speaker::is_pronoun(head);
    if lower_head && named_in && !in_list(SPEAKS_FOR, head) {
        // `the Velmora government`, `the Lee administration` speak as one
        // body: the phrase is the name.
        let body = &words[..words.len() - 1];
        let body = body
            .strip_prefix(&["the"])
            .or_else(|| body.strip_prefix(&["The"]))
            .unwrap_or(body);
        if in_list(&["administration", "government", "campaign"], head)
            && (1..=3).contains(&body.len())
            && body.iter().all(capitalised)
        {
            return Verdict::Named(format!("{} {head}", body.join(" ")));
        }
        return Verdict::Unnamed;
    }
    if let Some(name) = q.speaker_name.as_deref() {
        let name = name
            .strip_suffix("'s")
            .or_else(|| name.strip_suffix("\u{2019}s"))
            .unwrap_or(name);
        if known
            .lookup(name)
            .is_some_and(|k| k.kind == EntityKind::Place)
        {
            return Verdict::Unnamed;
        }
    }
    Verdict::Keep
}

/// `The pier is safe, Ann Lee said on Monday, part of a new push ...`:
/// a later piece of reported speech that holds no clause is the
/// reporter's, not the speaker's.
pub fn pieces(text: &str, q: &mut Quote) {
    if q.kind != Kind::Direct {
        comment(text, q);
        source_after(text, q);
    }
    if q.kind == Kind::Direct || q.spans.len() < 2 {
        return;
    }
    let head = q.spans[0];
    q.spans.retain(|&(a, b)| {
        let piece = text.get(a..b).unwrap_or("");
        (a, b) == head || piece.starts_with(['"', '\u{201C}']) || is_clause(piece)
    });
    if let Some(&(_, end)) = q.spans.last() {
        q.end = end;
    }
}

/// Appositives that judge a whole statement (`..., a move essentially
/// guaranteeing the bill will fail`): the reporter's words, not the
/// speaker's.
const COMMENTS: &[&str] = &[
    ", a move ",
    ", a step ",
    ", a decision ",
    ", a sign ",
    ", a blow ",
    ", a shift ",
    ", a reversal ",
    ", a rebuke ",
    ", an apparent ",
    // `... oppose it, at a press conference that ...`: where and how the
    // words were said is the reporter's framing.
    ", at a press conference",
    ", at a news conference",
    ", during a press conference",
    ", during a news conference",
    ", in a statement",
    ", in an interview",
    // `... paid for by military funds -- part of a broader effort ...`:
    // the reporter placing the words in a wider story.
    " -- part of ",
    " \u{2013} part of ",
    " \u{2014} part of ",
    // `... the operation – just as Biden is facing pressure ...`: the
    // reporter setting the words against something else.
    " \u{2013} just as ",
    " \u{2014} just as ",
    " - just as ",
    ", just as ",
    ", even as ",
    // `... knew about it, though he did not offer any proof`: the
    // reporter weighing the claim.
    ", though he did not ",
    ", though she did not ",
    ", though they did not ",
    ", but did not provide ",
    // `... admitted the timetable was a joke, but the company did get the
    // mayor onto the first boat`: an emphatic `did` is the reporter's voice (the
    // speaker's own words would be reported as `had`).
    ", but the company did ",
    ", but he did ",
    ", but she did ",
    ", but it did ",
    ", but they did ",
    ", but offered no ",
    ", but provided no ",
    ", without offering ",
    ", without providing ",
    ", without citing ",
];

/// Cuts each piece of reported words where a judging appositive or the
/// reporter's framing ([`COMMENTS`]) starts, unless what would go holds
/// quoted words.
fn comment(text: &str, q: &mut Quote) {
    for span in &mut q.spans {
        let (a, b) = *span;
        let piece = text.get(a..b).unwrap_or("");
        let Some(at) = COMMENTS.iter().filter_map(|c| piece.find(c)).min() else {
            continue;
        };
        if piece[..at].split_whitespace().count() >= 3 && !piece[at..].contains(QUOTE_MARKS) {
            span.1 = a + at;
        }
    }
    if let Some(&(_, end)) = q.spans.last() {
        q.end = end;
    }
}

/// Quote marks, straight and curly.
const QUOTE_MARKS: [char; 4] = ['"', '\u{201C}', '\u{201D}', '\u{201E}'];

/// `he expects “a de-escalation,” the White House said`: reported words
/// that end with another's attribution (a few words closing in a verb of
/// saying, after a comma or a closing quote) end before it; the source
/// who reported them is no part of what was said.
fn source_after(text: &str, q: &mut Quote) {
    let Some(&(a, b)) = q.spans.last() else {
        return;
    };
    let piece = text.get(a..b).unwrap_or("").trim_end_matches(['.', ' ']);
    let Some(verb) = piece.rsplit(' ').next() else {
        return;
    };
    // `..., Fox News is told`, `..., CNN has learned`: the outlet's own
    // sourcing, in the passive or the perfect.
    if !in_list(
        &["said", "says", "added", "stated", "told", "learned"],
        verb,
    ) {
        return;
    }
    // The last pause before the verb (a comma or a closing quote), at
    // most six words back.
    let Some(pause) = piece.rfind([',', '\u{201D}', '"']) else {
        return;
    };
    let mark = piece[pause..].chars().next().unwrap_or(',');
    // A closing quote stays with the words it closes.
    let end = if mark == ',' {
        pause
    } else {
        pause + mark.len_utf8()
    };
    let tail = &piece[end..];
    let words = tail.split_whitespace().count();
    if !(1..=6).contains(&words) || tail.contains(QUOTE_MARKS) {
        return;
    }
    if piece[..pause].split_whitespace().count() < 3 {
        return;
    }
    cut(q, a + end);
}

/// Ends the quote's last piece at byte `end`.
fn cut(q: &mut Quote, end: usize) {
    if let Some(last) = q.spans.last_mut() {
        last.1 = end;
    }
    q.end = end;
}

/// `Ann Lee said ... from Tom Berg. He said ...`: a `he` or `she` right
/// after someone's statement most often stands for its speaker; where
/// the resolver named someone else, the name is doubtful and goes.
pub fn pronouns(text: &str, quotes: &mut [Quote]) {
    // `Host Tom Berg asked the mayor about it. “...,” he said`: the one
    // asked answers.
    for q in quotes.iter_mut() {
        let (Some((sa, sb)), Some(name)) = (q.speaker, q.speaker_name.as_deref()) else {
            continue;
        };
        let pronoun = text.get(sa..sb).is_some_and(|p| in_list(&["he", "she"], p));
        let before = text.get(..q.start.min(sa)).unwrap_or("").trim_end();
        // The paragraph before (sentence ends are unsure: `Nov. 6`).
        let sentence = before.rsplit('\n').next().unwrap_or("");
        let surname = name.rsplit(' ').next().unwrap_or(name);
        let asker = sentence
            .split_once(" asked ")
            .is_some_and(|(subject, _)| subject.ends_with(surname));
        if pronoun && asker {
            q.speaker_name = None;
        }
    }
    // `“...,” Ada Moss told the board. He added, “...”`: "added" goes on
    // with the last named speaker; the pronoun is no new person.
    for k in 1..quotes.len() {
        let (done, rest) = quotes.split_at_mut(k);
        let q = &mut rest[0];
        let (Some((sa, sb)), Some((ca, cb))) = (q.speaker, q.cue) else {
            continue;
        };
        let pronoun = text.get(sa..sb).is_some_and(|p| in_list(&["he", "she"], p));
        let goes_on = text
            .get(ca..cb)
            .is_some_and(|c| in_list(&["added", "continued"], c));
        let last = done
            .iter()
            .rev()
            .find(|p| p.speaker_name.is_some() && p.end <= sa.min(q.start))
            .filter(|p| {
                text.get(p.end..sa.min(q.start))
                    .is_some_and(|gap| gap.split_whitespace().count() <= 90)
            });
        if pronoun
            && goes_on
            && let Some(p) = last
        {
            q.speaker_name = p.speaker_name.clone();
        }
    }
    for k in 1..quotes.len() {
        let (done, rest) = quotes.split_at_mut(k);
        let (prev, q) = (&done[k - 1], &mut rest[0]);
        let Some((sa, sb)) = q.speaker else { continue };
        let pronoun = text.get(sa..sb).is_some_and(|p| in_list(&["he", "she"], p));
        let near = prev.end <= sa
            && text
                .get(prev.end..sa)
                .is_some_and(|gap| gap.split_whitespace().count() <= 12);
        if pronoun
            && near
            && prev.speaker_name.is_some()
            && q.speaker_name.is_some()
            && prev.speaker_name != q.speaker_name
        {
            q.speaker_name = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{KnownName, find_in};

    fn shown(t: &str) -> Vec<(String, Option<String>)> {
        find_in(t, "en", &Known::new())
            .iter()
            .map(|q| (q.content(t).to_string(), q.speaker_name.clone()))
            .collect()
    }

    /// Names an entity linker might give a story, mistakes included: a
    /// film taken for a person, a description taken for a body.
    fn linked() -> Known {
        let mut known = Known::new();
        for (name, kind) in [
            ("Starfall", EntityKind::Person),
            ("Skip", EntityKind::Person),
            ("Ivo Brandt", EntityKind::Person),
            ("Ann Lee", EntityKind::Person),
            ("Ohio Republican", EntityKind::Org),
            ("Senate", EntityKind::Org),
        ] {
            known.add(KnownName {
                canonical: name.into(),
                kind,
                ..KnownName::default()
            });
        }
        known
    }

    fn speakers(t: &str) -> Vec<Option<String>> {
        find_in(t, "en", &linked())
            .into_iter()
            .map(|q| q.speaker_name)
            .collect()
    }

    #[test]
    fn a_work_and_a_role_before_a_name_are_no_speaker() {
        // A real digest named a film the speaker of its director's words.
        let t = "The prize went to the wrong film at first.\n\nStarfall director Ivo Brandt \
                 took in the odd moment at once, saying onstage: \"Even in my dreams this \
                 could not be true. But this is true.\"\n\nLater the host made a joke.";
        assert_eq!(speakers(t), [Some("Ivo Brandt".to_string())]);
    }

    #[test]
    fn a_capitalised_job_before_a_full_name_is_no_part_of_it() {
        let t = "The jurors stayed away. Legal Analyst Orla Denning said the boycott had no \
                 precedent in her long career on the bench.\n\n\u{201c}I think the sentence \
                 is fair,\u{201d} said Kessel County Public Defender Mara O\u{2019}Shea, who \
                 was not involved.";
        assert_eq!(
            speakers(t),
            [
                Some("Orla Denning".to_string()),
                Some("Mara O\u{2019}Shea".to_string())
            ]
        );
    }

    #[test]
    fn a_body_keeps_the_words_of_its_name() {
        // Read as a title ("Justice") and a nationality ("American"), these
        // left "Department" and "Airlines" speaking in a real digest.
        let t = "The Justice Department said it would review the harbour contract.\n\n\
                 American Airlines said it had seen fewer bookings on the island route.";
        assert_eq!(
            speakers(t),
            [
                Some("Justice Department".to_string()),
                Some("American Airlines".to_string())
            ]
        );
    }

    #[test]
    fn page_furniture_before_a_name_and_a_word_opening_a_sentence_name_no_one() {
        let t = "Caption The Harbour Board said the pier would close for the winter.\n\n\
                 Charts showed the bay was deeper than the divers had planned for.\n\n\
                 \"We will move the search box a little to the north,\" he said.";
        assert_eq!(speakers(t), [Some("Harbour Board".to_string()), None]);
    }

    #[test]
    fn a_pronoun_does_not_stand_for_a_word_met_once() {
        // A menu's "Skip" taken for a name, then "she said".
        let t = "Skip to content\n\nThe water rose in the night and filled the lower town. \
                 \"We lost the whole ground floor and the shop,\" she said.";
        assert_eq!(speakers(t), [None]);
    }

    #[test]
    fn a_holiday_is_no_one_a_pronoun_stands_for() {
        let t = "He shipped out on the Fourth of July, 1970, and never saw her again.\n\n\
                 \"She told me she would wait for me at the harbour,\" he recalls.";
        assert_eq!(speakers(t), [None]);
    }

    #[test]
    fn a_person_of_a_body_is_known_by_her_name() {
        let t = "\"Our crews train every day for this,\" said Petty Officer Ann Lee of the \
                 Coast Guard, who flew with the rescue team.";
        assert_eq!(speakers(t), [Some("Ann Lee".to_string())]);
    }

    #[test]
    fn the_person_of_a_body_in_apposition_speaks() {
        let t = "Ann Lee of the Kessel-based Harbour Trust, a charity, says that she was \
                 turned away at the pier twice last year.";
        assert_eq!(speakers(t), [Some("Ann Lee".to_string())]);
    }

    #[test]
    fn a_description_after_the_name_is_no_speaker() {
        // "Senate Majority Leader X, New York Democrat, said": the name
        // heads the phrase; a real digest named "New York Democrat".
        let t = "The vote came late.\n\n\u{201c}We said for weeks that we would move two \
                 bills this month,\u{201d}\u{a0}Senate\u{a0}Majority Leader\u{a0}Ann Lee, Ohio \
                 Republican, said of the plan.";
        assert_eq!(speakers(t), [Some("Ann Lee".to_string())]);
    }

    #[test]
    fn added_goes_on_with_the_last_named_speaker() {
        let t = "\u{201c}The pier cannot hold another winter,\u{201d} harbour master \
                 Ada Moss told the board. The board had met Ivo Brandt, the engineer, \
                 on Monday. She added, \u{201c}We close it on Friday and rebuild it in spring.\u{201d}";
        let got = shown(t);
        let last = got.last().expect("a quote");
        assert!(last.0.contains("We close it"), "{got:?}");
        assert_eq!(last.1.as_deref(), Some("Ada Moss"), "{got:?}");
    }

    #[test]
    fn clauses_and_noun_phrases() {
        assert!(is_clause("that the bridge opens in May"));
        assert!(is_clause("the bridge would open in May"));
        assert!(is_clause("it expects more boats"));
        assert!(is_clause("the council approved the plan"));
        assert!(!is_clause(
            "his choices for the harbour board on Friday, naming three"
        ));
        assert!(!is_clause(
            "a truce in the valley on Monday, hoping to end the feud"
        ));
        assert!(!is_clause("adding to worries about unfilled posts"));
        assert!(!is_clause("adding to worries about undelivered orders"));
        assert!(is_clause("adding that the posts would be filled"));
    }

    #[test]
    fn a_noun_phrase_after_announced_is_no_statement() {
        let t = "Mayor Tom Berg announced his choices for the harbour board on Friday, \
                 naming three sailors and two bakers.";
        assert!(shown(t).is_empty(), "{:?}", shown(t));
        let t = "Mayor Tom Berg announced that the harbour board would meet on Friday.";
        assert_eq!(shown(t).len(), 1);
        let t = "Governor Ann Lee declared a state of emergency in Velmora after the old pier \
                 collapsed in the storm.";
        assert!(shown(t).is_empty(), "{:?}", shown(t));
        let t = "Governor Ann Lee declared the pier would stay closed until the storm passed.";
        assert_eq!(shown(t).len(), 1);
        let t =
            "Mayor Tom Berg declared a state of emergency and asked the governor to do the same.";
        assert!(shown(t).is_empty(), "{:?}", shown(t));
        let t = "The board said people who have had both doses can sail without a mask.";
        assert_eq!(shown(t).len(), 1);
        let t = "Ann Lee said a mix of grants and loans will keep the ferry running.";
        assert_eq!(shown(t).len(), 1);
        let t = "Mayor Tom Berg announced an inquiry that will look into the pier's collapse.";
        assert!(shown(t).is_empty(), "{:?}", shown(t));
        // `where` opens a relative clause too: the reporter's gloss on a plan.
        let t = "When Mayor Tom Berg announced last week a bold plan to pick up where his \
                 predecessor left off and rebuild the pier, the harbour board was puzzled.";
        assert!(shown(t).is_empty(), "{:?}", shown(t));
        let t = "Mayor Tom Berg announced a plan to pick up where his predecessor left off.";
        assert!(shown(t).is_empty(), "{:?}", shown(t));
        let t = "Ann Lee said the sailors who have had both doses can board without a mask.";
        assert_eq!(shown(t).len(), 1);
        let t = "The port took 90 ships, more than the 80 the board had predicted \u{2014} which \
                 would have been flat from March.";
        assert!(shown(t).is_empty(), "{:?}", shown(t));
    }

    #[test]
    fn what_was_not_said_or_is_yet_to_be_said_is_no_statement() {
        for t in [
            "The council did not say why it was closing the old ferry line.",
            "Mayor Tom Berg declined to say whether the ferry would run again.",
            "Mayor Tom Berg will argue that the ferry line pays for itself.",
        ] {
            assert!(shown(t).is_empty(), "{t}: {:?}", shown(t));
        }
    }

    #[test]
    fn the_reporters_adjunct_is_no_statement() {
        let t = "Replying to a question from our desk, the Harbour Board said its...";
        assert!(shown(t).is_empty(), "{:?}", shown(t));
    }

    #[test]
    fn one_recalled_speaking_is_not_the_one_who_recalls() {
        let t = "Ann Lee describes an older councillor who stopped her in the hall. \
                 \u{201C}Do not grow thin now,\u{201D} she recalls him saying.";
        assert!(shown(t).iter().all(|x| x.1.is_none()), "{:?}", shown(t));
    }

    #[test]
    fn a_participle_takes_the_noun_before_it_and_no_name_after_it() {
        let t = "Saying Velmora must pay a \u{201C}very heavy price\u{201D} for the raid, the \
                 boats sailed out at dawn.";
        assert!(shown(t).is_empty(), "{:?}", shown(t));
        let mut known = Known::new();
        known.add(KnownName {
            canonical: "Lumen".into(),
            kind: EntityKind::Person,
            ..KnownName::default()
        });
        let t = "Lumen magazine quoted a senior harbour official saying that the pier was \
                 safe for now.";
        let q = find_in(t, "en", &known);
        assert!(q.iter().all(|x| x.speaker_name.is_none()), "{q:?}");
    }

    #[test]
    fn a_name_that_only_qualifies_the_speaker_is_not_shown() {
        for t in [
            "Norlander health officials said the clinic had run out of beds.",
            "\u{201C}The mayor is a fraud,\u{201D} said a May 3 Facebook post from a local group.",
            "Several senators leaving a late meeting at the Town Hall said the deal was close.",
            "Others note that these are only small fines against the firm.",
        ] {
            assert!(
                shown(t).iter().all(|x| x.1.is_none()),
                "{t}: {:?}",
                shown(t)
            );
        }
        // A description the resolver named stands.
        let t = "Velmoran Mayor Ann Lee spoke at noon.\n\n\u{201C}I do not know when the ferry \
                 will come back,\u{201D} the 72-year-old Velmoran leader said.";
        assert_eq!(shown(t)[0].1.as_deref(), Some("Ann Lee"), "{:?}", shown(t));
        let t = "The Lee administration said the ferry would run again in May.";
        assert_eq!(shown(t)[0].1.as_deref(), Some("Lee administration"));
        // A spokeswoman speaks for the body she names.
        let t = "A Harbour Board spokeswoman said the pier had been closed since May.";
        assert_eq!(shown(t)[0].1.as_deref(), Some("Harbour Board"));
    }

    #[test]
    fn figures_are_no_statement_and_a_place_does_not_speak() {
        let t = "Thousands of boats stayed in port, according to data released Monday by the \
                 Harbour Board.";
        assert!(shown(t).is_empty(), "{:?}", shown(t));
        let mut known = Known::new();
        known.add(KnownName {
            canonical: "Lantern Coast".into(),
            kind: EntityKind::Place,
            ..KnownName::default()
        });
        let t = "The Lantern Coast's top official said he disagreed with the new rules.";
        let q = find_in(t, "en", &known);
        assert!(q.iter().all(|x| x.speaker_name.is_none()), "{q:?}");
    }
    #[test]
    fn the_name_in_apposition_after_a_role_speaks() {
        let t = "On Friday, Kessel Ferries head of Harbour Affairs, Ann Lee, announced that the \
                 night boats would stop in May.";
        let q = shown(t);
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].1.as_deref(), Some("Ann Lee"));
        // The head before an apposition decides, not the apposition's last word.
        let t = "Ann Lee, the board\u{2019}s head of harbour affairs, announced that the night \
                 boats would stop in May.";
        assert_eq!(shown(t)[0].1.as_deref(), Some("Ann Lee"));
    }

    #[test]
    fn by_saying_takes_the_sentence_subject() {
        let t = "Mayor Tom Berg answered the angry letter on Friday by saying the harbour \
                 would stay open.";
        assert_eq!(shown(t)[0].1.as_deref(), Some("Tom Berg"));
        let t = "\u{201C}The pier will hold through the winter,\u{201D} the Courier quoted Tom Berg \
                 as saying.";
        assert_eq!(shown(t)[0].1.as_deref(), Some("Tom Berg"));
    }

    #[test]
    fn words_cut_off_are_no_statement() {
        let t = "Tom Berg said he opposes the harbour plan because it is a";
        assert!(shown(t).is_empty(), "{:?}", shown(t));
    }

    #[test]
    fn a_quoted_noun_phrase_after_a_participle_is_no_statement() {
        let t = "The Courier calls the man, Ivo Brandt, a sailor, saying \u{201C}a habit of \
                 sinking other people\u{2019}s boats for fun and for money.\u{201D}";
        assert!(
            shown(t).iter().all(|x| !x.0.starts_with('\u{201C}')),
            "{:?}",
            shown(t)
        );
    }

    #[test]
    fn a_role_of_a_body_is_not_the_body() {
        let t = "The former acting head of the Office for Harbour Safety said that boats were \
                 no longer checked.";
        assert!(shown(t).iter().all(|x| x.1.is_none()), "{:?}", shown(t));
        let t = "A spokeswoman for the Office for Harbour Safety said that boats were checked.";
        assert!(shown(t).iter().all(|x| x.1.is_some()), "{:?}", shown(t));
    }

    #[test]
    fn he_right_after_a_statement_is_not_someone_else() {
        let t = "Mayor Ann Lee said the town inherited \u{201C}one awful mess in the \
                 harbour\u{201D} from former Governor Tom Berg. He said it is the result of \
                 \u{201C}years of neglect by the last council.\u{201D}";
        let q = shown(t);
        assert_eq!(q.len(), 2, "{q:?}");
        assert_ne!(q[1].1.as_deref(), Some("Tom Berg"), "{q:?}");
    }

    #[test]
    fn the_one_asked_answers() {
        let t = "Host Tom Berg asked the mayor what she made of the storm report.\n\n\u{201C}I \
                 think it is a clear warning for the whole coast,\u{201D} she said.";
        let q = shown(t);
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].1, None, "{q:?}");
        // `when asked`: the one asked is the speaker.
        let t = "Mayor Ann Lee was calm when asked about the storm report.\n\n\u{201C}I \
                 think it is a clear warning for the whole coast,\u{201D} she said.";
        assert_eq!(shown(t)[0].1.as_deref(), Some("Ann Lee"));
    }

    #[test]
    fn a_person_of_a_body_speaks_not_the_body() {
        let mut known = Known::new();
        known.add(KnownName {
            canonical: "Ann Lee".into(),
            kind: EntityKind::Person,
            ..KnownName::default()
        });
        known.add(KnownName {
            canonical: "Harbour Institute".into(),
            kind: EntityKind::Org,
            ..KnownName::default()
        });
        let t = "\u{201C}The town is quite keen on a quarrel with the coast,\u{201D} warns Ann Lee \
                 of the Harbour Institute.";
        let q = find_in(t, "en", &known);
        assert!(
            q.iter()
                .all(|x| x.speaker_name.as_deref() != Some("Harbour Institute")),
            "{q:?}"
        );
    }

    #[test]
    fn the_reporters_tail_is_no_piece_of_the_statement() {
        let t = "The ferry is not doing enough to keep its timetable, Mayor Ann Lee said on \
                 Monday, part of a new push by the United Ferry Board on late boats.";
        let q = shown(t);
        assert_eq!(q.len(), 1, "{q:?}");
        assert!(!q[0].0.contains("part of"), "{q:?}");
    }

    #[test]
    fn many_people_or_a_common_noun_are_not_one_name() {
        let t = "Mayor Ann Lee met the board.\n\nHarbour aides said they would like to question \
                 the board about the meeting.";
        assert!(shown(t).iter().all(|x| x.1.is_none()), "{:?}", shown(t));
        let t = "A ferry captain who has said she saw the storm coming filed a claim on Monday.";
        assert!(shown(t).iter().all(|x| x.1.is_none()), "{:?}", shown(t));
        let t = "Harbour officials say is the largest boat show since the war.";
        assert!(shown(t).is_empty(), "{:?}", shown(t));
    }
}
