//! Puts content, cue and speaker together, sentence by sentence.
//!
//! Per sentence, in order:
//! 1. a quote opening the sentence with the attribution after it
//!    (`“...,” he said[, “...”]`) is a direct quote;
//! 2. a quote closing the sentence after an attribution ending in `:`/`,`
//!    (`She said: “...”`) is a direct quote;
//! 3. a `Quote:` label or a sentence that is all quote, with no cue, is a
//!    direct quote: it continues the previous quote of the same paragraph
//!    run, or stands alone;
//! 4. every other cue yields reported speech: content after the cue
//!    (`said that ...`), before it (`..., he said.`) or around it
//!    (`..., he said, ...`); mixed when the content holds a quote.

use crate::cue::{Cue, CueKind, cue_at, is_cue_word, is_weekday, takes_addressee};
use crate::layout::Layout;
use crate::marks::Quoted;
use crate::resolve::{EntityKind, Known, Resolver};
use crate::screen::{Screen, Verdict};
use crate::speaker::{after, before, subject};
use crate::token::{Tk, Tok, word_at};
use crate::{Kind, Quote};

/// A token range `[first, end)`.
type Range = (usize, usize);

/// One result before byte conversion: token ranges.
struct Found {
    spans: Vec<(usize, usize)>,
    kind: Kind,
    cue: Option<(usize, usize)>,
    speaker: Option<(usize, usize)>,
    name: Option<String>,
    /// Sentence index, for continuing quotes.
    sent: usize,
}

struct Ctx<'a> {
    text: &'a str,
    toks: &'a [Tok],
    quotes: &'a [Quoted],
    /// Whether each token lies outside quotes.
    outside: &'a [bool],
}

impl Ctx<'_> {
    fn word(&self, i: usize) -> &str {
        word_at(self.text, self.toks, i)
    }

    fn is_end_punct(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| {
            matches!(
                t.k,
                Tk::Punct('.')
                    | Tk::Punct('!')
                    | Tk::Punct('?')
                    | Tk::Punct(',')
                    | Tk::Punct(';')
                    | Tk::Punct(':')
                    | Tk::Punct(')')
                    | Tk::Punct('\u{2026}')
            )
        })
    }

    /// Drops trailing punctuation (outside quotes) from `[a, b)`.
    fn trim_end(&self, a: usize, mut b: usize) -> usize {
        while b > a
            && (self.is_end_punct(b - 1)
                || matches!(
                    self.toks[b - 1].k,
                    Tk::Para | Tk::Punct('\u{2014}') | Tk::Punct('-')
                ))
        {
            b -= 1;
        }
        b
    }

    fn trim_start(&self, mut a: usize, b: usize) -> usize {
        while a < b
            && (self.is_end_punct(a)
                || matches!(
                    self.toks[a].k,
                    Tk::Para | Tk::Punct('\u{2014}') | Tk::Punct('-')
                ))
        {
            a += 1;
        }
        a
    }

    fn words_in(&self, a: usize, b: usize) -> usize {
        self.toks
            .get(a..b)
            .map_or(0, |s| s.iter().filter(|t| t.is_word()).count())
    }

    fn has_quote(&self, a: usize, b: usize) -> bool {
        // Quotes are in text order and do not overlap.
        let k = self.quotes.partition_point(|q| q.open < a);
        self.quotes.get(k).is_some_and(|q| q.close < b)
    }
}

/// Finds the attributed statements of `text` (see the crate docs).
pub fn find_with(text: &str, known: &Known) -> Vec<Quote> {
    let Some(Layout {
        toks,
        quotes,
        outside,
        sents,
    }) = Layout::read(text)
    else {
        return Vec::new();
    };
    // Names in an embedded social post ("RIP King P. Vesk A post shared
    // by ...") are the poster's: no speaker is resolved to them.
    let embeds = storyline_lexicon::social_embed_lines(text);
    let mut named = outside.clone();
    if !embeds.is_empty() {
        for (k, t) in toks.iter().enumerate() {
            if embeds.iter().any(|&(a, b)| t.s >= a && t.s < b) {
                named[k] = false;
            }
        }
    }
    let mut resolver = Resolver::build(text, &toks, &named, known);
    let cx = Ctx {
        text,
        toks: &toks,
        quotes: &quotes,
        outside: &outside,
    };
    let mut found: Vec<Found> = Vec::new();
    let mut qi = 0;
    for (si, &(a, b)) in sents.iter().enumerate() {
        while qi < quotes.len() && quotes[qi].open < a {
            qi += 1;
        }
        let mut qj = qi;
        while qj < quotes.len() && quotes[qj].open < b {
            qj += 1;
        }
        let in_sent = &quotes[qi..qj];
        let cues: Vec<Cue> = (a..b)
            .filter(|&i| outside[i])
            .filter_map(|i| cue_at(text, &toks, i))
            .collect();
        sentence(
            &cx,
            &mut resolver,
            si,
            a,
            b,
            in_sent,
            &cues,
            &sents,
            &mut found,
        );
    }
    // The screen: no embedded posts, no speakers that are no one.
    let quoted: Vec<(usize, usize)> = quotes
        .iter()
        .filter(|q| q.closed)
        .map(|q| (q.open, q.close))
        .collect();
    let screen = Screen::build(text, &toks, &quoted);
    found.retain_mut(|f| {
        let in_embed = |r: &(usize, usize)| screen.in_embed(r.0, r.1);
        if f.spans.iter().any(in_embed) || f.speaker.as_ref().is_some_and(in_embed) {
            return false;
        }
        let Some((x, y)) = f.speaker else {
            return true;
        };
        let kind = f
            .name
            .as_deref()
            .map_or(EntityKind::Unknown, |n| resolver.kind_of(n));
        match screen.speaker(x, y, f.name.as_deref(), kind, known) {
            Verdict::Keep => true,
            Verdict::Unnamed => {
                f.name = None;
                true
            }
            Verdict::Widen(a, b) => {
                f.name = text.get(toks[a].s..toks[b - 1].e).map(str::to_string);
                true
            }
            Verdict::Trim(k) => {
                f.name = f
                    .name
                    .as_deref()
                    .and_then(|n| n.get(k..))
                    .map(str::to_string);
                true
            }
            Verdict::Drop => false,
        }
    });
    let mut out: Vec<Quote> = found
        .into_iter()
        .filter_map(|f| {
            let spans: Vec<(usize, usize)> = f
                .spans
                .iter()
                .filter(|&&(x, y)| y > x && y <= toks.len())
                .map(|&(x, y)| (toks[x].s, toks[y - 1].e))
                .collect();
            let start = spans.first()?.0;
            let end = spans.last()?.1;
            let conv = |r: Option<(usize, usize)>| {
                r.filter(|&(x, y)| y > x && y <= toks.len())
                    .map(|(x, y)| (toks[x].s, toks[y - 1].e))
            };
            Some(Quote {
                start,
                end,
                spans,
                kind: f.kind,
                cue: conv(f.cue),
                speaker: conv(f.speaker),
                speaker_name: f.name,
            })
        })
        .collect();
    // A cue inside reported speech ("police say fraudsters are calling
    // people, asking for passwords") reports nothing of its own.
    // Sorted by start, longest first, an enclosed quote is one that ends
    // no later than some quote before it.
    let mut order: Vec<usize> = (0..out.len()).collect();
    order.sort_by_key(|&i| (out[i].start, std::cmp::Reverse(out[i].end)));
    let mut inner = vec![false; out.len()];
    let mut reach = None;
    for i in order {
        let q = &out[i];
        inner[i] = q.kind == Kind::Indirect && reach.is_some_and(|r| q.end <= r);
        reach = reach.max(Some(q.end));
    }
    let mut keep = inner.into_iter().map(|i| !i);
    out.retain(|_| keep.next().unwrap_or(true));
    out
}

#[allow(clippy::too_many_arguments)]
fn sentence(
    cx: &Ctx,
    resolver: &mut Resolver,
    si: usize,
    a: usize,
    b: usize,
    qs: &[Quoted],
    cues: &[Cue],
    sents: &[(usize, usize)],
    found: &mut Vec<Found>,
) {
    let toks = cx.toks;
    let mut used: Vec<usize> = Vec::new();
    let speaker_of = |resolver: &mut Resolver, sp: &mut Option<(usize, usize)>| {
        resolve_speaker(cx, resolver, sp, a)
    };
    let body_end = cx.trim_end(a, b);

    // 1. Quote first, attribution after.
    if let Some(q1) = qs.first()
        && cx.trim_start(a, b) == q1.open
    {
        let r_start = q1.close + 1;
        let q2 = qs.get(1);
        let r_end = q2.map_or(b, |q| q.open);
        let region: Vec<&Cue> = cues
            .iter()
            .filter(|c| c.first >= r_start && c.end <= r_end)
            .collect();
        // `TASS quoted Putin as saying`: the one after `as` names the speaker.
        let loose = loose_cue(cx, q1, r_start, r_end);
        let pick = region
            .iter()
            .find(|c| cx.word(c.first.wrapping_sub(1)).eq_ignore_ascii_case("as"))
            .or(region.first())
            .copied()
            .or(loose.as_ref());
        // `"... your years here." Ivo replied: "Thank you."`: a cue ending
        // in a colon introduces the quote after it; the finished sentence
        // before it is someone else's.
        let introduces_next = q2.is_some()
            && r_end > r_start
            && toks[r_end - 1].is_punct(':')
            && q1.close > q1.open + 1
            && matches!(
                toks[q1.close - 1].k,
                Tk::Punct('.') | Tk::Punct('!') | Tk::Punct('?')
            );
        if introduces_next
            && let Some(c) = pick
            && let Some(q2) = q2
            && cx.trim_end(q2.close + 1, b) == q2.close + 1
            && cx.words_in(r_start, r_end) <= 16
        {
            // The finished quote goes on the statement of the sentence
            // before, when that is a quote too.
            if let Some(prev) = found
                .last_mut()
                .filter(|f| f.sent + 1 == si && f.kind == Kind::Direct)
            {
                prev.spans.push((q1.open, q1.close + 1));
            }
            let mut sp = speaker_for(cx, c, r_start, r_end);
            let name = speaker_of(resolver, &mut sp);
            found.push(Found {
                spans: vec![(q2.open, q2.close + 1)],
                kind: Kind::Direct,
                cue: Some((c.first, c.end)),
                speaker: sp,
                name,
                sent: si,
            });
            used.extend(region.iter().map(|c| c.first));
            general(cx, resolver, si, a, b, cues, &used, found, true);
            return;
        }
        if let Some(c) = pick
            && !introduces_next
            && (cx.words_in(r_start, r_end) <= 16 || cx.words_in(r_start, c.first) <= 8)
        {
            let mut sp = speaker_for(cx, c, r_start, r_end);
            let mut spans = vec![(q1.open, q1.close + 1)];
            let mut last_end = r_end;
            if let Some(q2) = q2
                && cx.trim_end(q2.close + 1, b) == q2.close + 1
            {
                spans.push((q2.open, q2.close + 1));
                last_end = q2.close + 1;
            }
            let name = speaker_of(resolver, &mut sp);
            found.push(Found {
                spans,
                kind: Kind::Direct,
                cue: Some((c.first, c.end)),
                speaker: sp,
                name,
                sent: si,
            });
            used.extend(region.iter().map(|c| c.first));
            let _ = last_end;
            // Anything after the attribution (`, adding that ...`) still
            // goes through the general rule below with the remaining cues.
            general(cx, resolver, si, a, b, cues, &used, found, true);
            return;
        }
    }

    // 2. Attribution first, quote closing the sentence.
    if let Some(qk) = qs.last()
        && cx.trim_end(qk.close + 1, b) == qk.close + 1
    {
        let r_start = qs.len().checked_sub(2).map_or(a, |p| qs[p].close + 1);
        let r_end = qk.open;
        let lead = r_end.checked_sub(1).and_then(|p| toks.get(p));
        let ends_ok = lead
            .is_some_and(|t| matches!(t.k, Tk::Punct(':') | Tk::Punct(',') | Tk::Word))
            && !cx.word(r_end.wrapping_sub(1)).eq_ignore_ascii_case("that");
        let region: Vec<&Cue> = cues
            .iter()
            .filter(|c| c.first >= r_start && c.end <= r_end)
            .collect();
        if ends_ok && r_end > a && qs.len() == 1 {
            let colon = lead.is_some_and(|t| t.is_punct(':'));
            // The last cue before the quote, close to it.
            let c = region
                .last()
                .copied()
                .filter(|c| r_end - c.end <= 8 || colon);
            if let Some(c) = c {
                let mut sp = speaker_for(cx, c, a, r_end);
                let name = speaker_of(resolver, &mut sp);
                // `said the plan was “a joke”`: the reported clause, not
                // just the fragment, is the content.
                let mut from = qk.open;
                let mut kind = Kind::Direct;
                if lead.is_some_and(|t| t.is_word()) && c.end < r_end {
                    let mut s = c.end;
                    // `told reporters that`, `said on morning shows that`.
                    if let Some(t) = (s..r_end.min(s + 10))
                        .take_while(|&k| toks[k].is_word())
                        .find(|&k| cx.word(k).eq_ignore_ascii_case("that"))
                    {
                        s = t;
                    }
                    let s = cx.trim_start(s, r_end);
                    let inverted = sp.is_some_and(|(x, _)| x >= c.end);
                    if s < r_end && !inverted {
                        from = s;
                        kind = Kind::Mixed;
                    }
                }
                found.push(Found {
                    spans: vec![(from, qk.close + 1)],
                    kind,
                    cue: Some((c.first, c.end)),
                    speaker: sp,
                    name,
                    sent: si,
                });
                used.extend(region.iter().map(|c| c.first));
                general(cx, resolver, si, a, r_end, cues, &used, found, false);
                return;
            }
            if colon {
                // `Quote: “...”` or `Name: “...”`.
                let label = cx.word(a);
                let mut sp = if label.eq_ignore_ascii_case("quote") {
                    None
                } else {
                    before(cx.text, toks, r_end - 1, a)
                };
                let name = match sp {
                    Some(_) => speaker_of(resolver, &mut sp),
                    None => resolver.last_named(a),
                };
                found.push(Found {
                    spans: vec![(qk.open, qk.close + 1)],
                    kind: Kind::Direct,
                    cue: Some((r_end - 1, r_end)),
                    speaker: sp,
                    name,
                    sent: si,
                });
                return;
            }
        }
    }

    // 3. All quote, no cue: continues the previous quote or stands alone.
    if cues.is_empty()
        && let Some(q1) = qs.first()
        && cx.trim_start(a, b) == q1.open
    {
        let outside_words = cx.words_in(a, b)
            - qs.iter()
                .map(|q| cx.words_in(q.open, q.close + 1))
                .sum::<usize>();
        if outside_words <= 1 && cx.words_in(q1.open, q1.close + 1) >= 3 {
            let spans: Vec<(usize, usize)> = qs.iter().map(|q| (q.open, q.close + 1)).collect();
            if let Some(prev) = found.last_mut()
                && prev.kind != Kind::Indirect
                && (si - prev.sent) <= 2
                && (prev.sent + 1..si).all(|s| {
                    sents
                        .get(s)
                        .is_none_or(|&(x, y)| cx.words_in(x, y) == 0 || cx.has_quote(x, y))
                })
            {
                prev.spans.extend(spans);
                prev.sent = si;
                return;
            }
            // `Cruz continued:` closing the paragraph before.
            let (cue, mut speaker) = si
                .checked_sub(1)
                .and_then(|p| sents.get(p))
                .and_then(|&(pa, pb)| colon_intro(cx, pa, pb))
                .unwrap_or((None, None));
            let mut name = speaker_of(resolver, &mut speaker);
            // A quote paragraph right after reported speech is usually
            // the same source's (`Valastro praised X.` then `“...”`).
            if speaker.is_none()
                && cue.is_none()
                && let Some(prev) = found.last()
                && si - prev.sent <= 1
                && prev.speaker.is_some()
                // After `X asked Y ...` the quote is Y's answer.
                && !prev
                    .cue
                    .is_some_and(|(c, _)| ["asked", "asks", "asking"].iter().any(|w| w.eq_ignore_ascii_case(cx.word(c))))
            {
                speaker = prev.speaker;
                name.clone_from(&prev.name);
            }
            found.push(Found {
                spans,
                kind: Kind::Direct,
                cue,
                speaker,
                name,
                sent: si,
            });
            return;
        }
    }
    // `Quote:` label before plain text.
    if cx.word(a).eq_ignore_ascii_case("quote")
        && toks.get(a + 1).is_some_and(|t| t.is_punct(':'))
        && body_end > a + 2
    {
        let name = resolver.last_named(a);
        found.push(Found {
            spans: vec![(a + 2, body_end)],
            kind: Kind::Direct,
            cue: Some((a, a + 2)),
            speaker: None,
            name,
            sent: si,
        });
        return;
    }
    let before_n = found.len();
    general(cx, resolver, si, a, b, cues, &used, found, false);
    fallback(cx, resolver, si, a, b, qs, before_n, found);
}

/// A quote that no cue claimed, inside a sentence with other words:
/// reported speech by the sentence's subject (`Trump blamed it on
/// “sickos”`), when the subject is a name or a pronoun.
#[allow(clippy::too_many_arguments)]
fn fallback(
    cx: &Ctx,
    resolver: &mut Resolver,
    si: usize,
    a: usize,
    b: usize,
    qs: &[Quoted],
    from: usize,
    found: &mut Vec<Found>,
) {
    let toks = cx.toks;
    let covered = |q: &Quoted, found: &[Found]| {
        found[from..]
            .iter()
            .any(|f| f.spans.iter().any(|&(x, y)| x <= q.open && q.close < y))
    };
    let Some(q) = qs.iter().find(|q| !covered(q, found)) else {
        return;
    };
    if title_like(cx, q) {
        return;
    }
    let body_end = cx.trim_end(a, b);
    let s = cx.trim_start(a, body_end);
    if q.open == s || cx.words_in(s, body_end) < 4 {
        return;
    }
    // The subject: a pronoun, a name or a determiner's phrase opening the
    // sentence (after an introductory phrase).
    let Some(sp) = subject(cx.text, toks, s, q.open) else {
        return;
    };
    let name = resolver.resolve(cx.text, toks, sp.0, sp.1);
    // With no cue and no one named, a short quoted phrase is a name or
    // scare quotes (`the company calls it a “table PC”`), not speech.
    if name.is_none() && cx.words_in(q.open, q.close + 1) < 3 {
        return;
    }
    found.push(Found {
        spans: vec![(sp.1, body_end)],
        kind: Kind::Mixed,
        cue: None,
        speaker: Some(sp),
        name,
        sent: si,
    });
}

/// Whether quote `q` reads as a title (`“Hell on Earth”`, `“How to Train
/// Your Dragon 2”`): short, most words capitalised. A title is no one's
/// words.
fn title_like(cx: &Ctx, q: &Quoted) -> bool {
    let inner = cx.toks.get(q.open + 1..q.close).unwrap_or(&[]);
    let words = inner.iter().filter(|t| t.is_word()).count();
    let caps = inner
        .iter()
        .filter(|t| {
            t.is_word() && (t.cap || t.text(cx.text).starts_with(|c: char| c.is_ascii_digit()))
        })
        .count();
    q.closed && words <= 8 && inner.first().is_some_and(|t| t.cap) && caps * 2 > words
}

/// Whether the closing mark at `close` ends a quotation that an attribution
/// may follow: one ending in `,`, `?`, `!` or a dash inside the marks
/// (`“...,” she said`, also inside nested marks: `‘miracles,’”`), one that
/// opens the sentence, or a mark left unpaired (pairing failed; keep the old
/// reading). A quoted phrase inside a clause (`The “peace formula” demanded
/// ...`) is a name or scare quotes, and the verb after it has an object, not
/// a speaker.
fn closes_speech(cx: &Ctx, a: usize, close: usize) -> bool {
    let mut k = close;
    while k > a
        && cx
            .toks
            .get(k - 1)
            .is_some_and(|t| matches!(t.k, Tk::Mark(_)))
    {
        k -= 1;
    }
    let inner = k.checked_sub(1).and_then(|k| cx.toks.get(k));
    let punct = inner.is_some_and(|t| {
        matches!(
            t.k,
            Tk::Punct(',')
                | Tk::Punct('?')
                | Tk::Punct('!')
                | Tk::Punct('.')
                | Tk::Punct('\u{2014}')
                | Tk::Punct('-')
                | Tk::Punct('\u{2026}')
        )
    });
    match cx.quotes.iter().find(|q| q.closed && q.close == close) {
        Some(q) => punct || q.open <= cx.trim_start(a, close),
        None => true,
    }
}

/// A verb of any kind right after a quote that ends in `,`, `?`, `!` or
/// a dash, next to a pronoun or a short name (`“...,” Bozell answers`,
/// `“...,” continued the senator`): the shape alone marks attribution, so
/// verbs missing from the lexicon (and weak ones) count here.
fn loose_cue(cx: &Ctx, q: &Quoted, r_start: usize, r_end: usize) -> Option<Cue> {
    let toks = cx.toks;
    let inner = q.close.checked_sub(1).and_then(|k| toks.get(k));
    let after = toks.get(r_start);
    let opens_attr = inner.is_some_and(|t| {
        matches!(
            t.k,
            Tk::Punct(',') | Tk::Punct('?') | Tk::Punct('!') | Tk::Punct('\u{2014}')
        )
    }) || after.is_some_and(|t| t.is_punct(','));
    if !opens_attr || !q.closed {
        return None;
    }
    let mut s = r_start;
    while s < r_end && toks[s].is_punct(',') {
        s += 1;
    }
    let verbish = |k: usize| {
        let w = cx.word(k);
        k < r_end
            && !w.is_empty()
            && !toks[k].cap
            && (is_cue_word(w)
                || (w.len() > 3
                    && (w.ends_with("ed") || w.ends_with('s'))
                    && !w.contains(['\'', '\u{2019}'])
                    && !crate::cue::is_stop(w)))
    };
    let cue = |k: usize| Cue {
        first: k,
        end: k + 1,
        kind: CueKind::Verb,
    };
    // `he answers`, `Bozell notes`, `the man shouted`.
    let w0 = cx.word(s);
    if crate::speaker::is_pronoun(w0) && !w0.eq_ignore_ascii_case("it") {
        return verbish(s + 1).then(|| cue(s + 1));
    }
    let mut e = s;
    if ["the", "a", "an"]
        .iter()
        .any(|d| d.eq_ignore_ascii_case(w0))
    {
        e += 1;
    }
    let np_start = e;
    while e < r_end
        && e - np_start < 4
        && toks[e].is_word()
        && (toks[e].cap || e > np_start || np_start > s)
    {
        if verbish(e) {
            break;
        }
        e += 1;
    }
    if e > np_start && (toks[np_start].cap || np_start > s) && verbish(e) {
        return Some(cue(e));
    }
    // `continued Carson`.
    if verbish(s) && toks.get(s + 1).is_some_and(|t| t.is_word() && t.cap) {
        return Some(cue(s));
    }
    None
}

/// A cue and a speaker phrase.
type Intro = (Option<Range>, Option<Range>);

/// The cue and speaker of a sentence `[pa, pb)` ending in a colon that
/// introduces the quote after it (`Dr. Ward stated:`, `The Times
/// confirmed it, reporting:`).
fn colon_intro(cx: &Ctx, pa: usize, pb: usize) -> Option<Intro> {
    let colon = cx.trim_end(pa, pb);
    if colon == pa || !cx.toks.get(colon).is_some_and(|t| t.is_punct(':')) {
        return None;
    }
    let cue = (pa..colon)
        .rev()
        .take(40)
        .filter(|&i| cx.outside.get(i).copied().unwrap_or(false))
        .find_map(|i| cue_at(cx.text, cx.toks, i));
    match cue {
        Some(c) => Some((Some((c.first, c.end)), speaker_for(cx, &c, pa, colon))),
        None => Some((None, subject(cx.text, cx.toks, pa, colon))),
    }
}

/// Whether a reported clause follows the attribution ending at `k`
/// (`Later, at a rally, Trump said Bush is ...`) rather than an adjunct
/// (`..., he said on Monday.`) or nothing.
fn clause_follows(cx: &Ctx, k: usize, body_end: usize) -> bool {
    const ADJUNCT: &[&str] = &[
        "in",
        "on",
        "at",
        "during",
        "after",
        "before",
        "to",
        "last",
        "this",
        "yesterday",
        "today",
        "tonight",
        "while",
        "when",
        "as",
        "from",
        "with",
        "via",
        "through",
        "earlier",
        "later",
        "of",
        "about",
        "recently",
        "outside",
        "inside",
        "afterward",
        "afterwards",
        "again",
        "by",
        "for",
        "and",
        "but",
        "or",
        "then",
        "now",
        "also",
        "repeatedly",
        "privately",
        "publicly",
        "simply",
        "flatly",
        "bluntly",
        "late",
        "early",
        "without",
        "under",
        "over",
        "amid",
        "following",
        "told",
        "according",
    ];
    let Some(t) = cx.toks.get(k) else {
        return false;
    };
    if k >= body_end || cx.words_in(k, body_end) < 3 {
        return false;
    }
    match t.k {
        Tk::Mark(_) => true,
        Tk::Word => {
            let w = t.text(cx.text);
            let adjunct = (w.len() <= 12 && ADJUNCT.iter().any(|x| x.eq_ignore_ascii_case(w)))
                || is_weekday(w);
            !(adjunct || w.ends_with("ly") || w.ends_with("ing"))
        }
        _ => false,
    }
}

/// The speaker phrase of cue `c` within `[lo, hi)`.
fn speaker_for(cx: &Ctx, c: &Cue, lo: usize, hi: usize) -> Option<(usize, usize)> {
    match c.kind {
        CueKind::According => after(cx.text, cx.toks, c.end, hi),
        CueKind::Verb => verb_subject(cx, c, lo).or_else(|| inverted(cx, c, hi)),
    }
}

/// The speaker after verb cue `c` (`said Ann Lee`); never after a verb
/// whose object is the one addressed (`told Ann Lee` names the listener).
fn inverted(cx: &Ctx, c: &Cue, hi: usize) -> Option<(usize, usize)> {
    if takes_addressee(cx.word(c.first)) {
        return None;
    }
    after(cx.text, cx.toks, c.end, hi)
}

/// The subject before verb cue `c`, not below `lo`: `X said`, `X quoted Y
/// as saying` (Y), `X ..., saying` and `X ... and said` (the sentence's
/// subject).
fn verb_subject(cx: &Ctx, c: &Cue, lo: usize) -> Option<(usize, usize)> {
    let mut end = c.first;
    if cx.word(c.first.wrapping_sub(1)).eq_ignore_ascii_case("as") {
        end = c.first - 1;
    }
    let w = cx.word(c.first);
    let participle = w.len() > 4 && w.ends_with("ing") && end == c.first;
    let prev = cx.word(end.wrapping_sub(1));
    let joined = [
        "and", "but", "by", "while", "after", "before", "when", "then",
    ]
    .iter()
    .any(|x| x.eq_ignore_ascii_case(prev));
    if (participle || joined)
        && let Some(s) = subject(cx.text, cx.toks, lo, end)
    {
        return Some(s);
    }
    before(cx.text, cx.toks, end, lo)
}

/// The name of the speaker phrase `sp`, which grows to take in a person
/// joined to it by "and" (`Democrat Ann Lee and Republican Tom Berg said`
/// is both of them, not the last); `lo` bounds the sentence.
fn resolve_speaker(
    cx: &Ctx,
    resolver: &mut Resolver,
    sp: &mut Option<Range>,
    lo: usize,
) -> Option<String> {
    let (x, y) = (*sp)?;
    let toks = cx.toks;
    let first = x
        .checked_sub(1)
        .filter(|&and| and > lo && cx.word(and).eq_ignore_ascii_case("and") && toks[x].cap)
        .and_then(|and| before(cx.text, toks, and, lo).filter(|p| p.1 == and && toks[p.0].cap));
    let two = resolver.resolve(cx.text, toks, x, y)?;
    let Some((p, and)) = first else {
        return Some(two);
    };
    // The second phrase is its name after roles at most (`Leader Tom
    // Berg`): `Disease Control and Prevention Director Ann Lee` names a body
    // before the person. Two lone words (`Ways and Means`) name a body too.
    let named_after_roles = (x..y)
        .map(|k| cx.word(k))
        .take_while(|w| !two.split(' ').any(|n| n == *w))
        .all(|w| storyline_lexicon::is_role_word(&w.trim_end_matches('.').to_lowercase()));
    let person = |r: &Resolver, name: &str| r.kind_of(name) == EntityKind::Person;
    if !named_after_roles || !person(resolver, &two) {
        return Some(two);
    }
    match resolver.resolve(cx.text, toks, p, and) {
        Some(one)
            if one != two && person(resolver, &one) && (one.contains(' ') || two.contains(' ')) =>
        {
            *sp = Some((p, y));
            Some(format!("{one} and {two}"))
        }
        _ => Some(two),
    }
}

/// Reported speech for every cue not used yet.
#[allow(clippy::too_many_arguments)]
fn general(
    cx: &Ctx,
    resolver: &mut Resolver,
    si: usize,
    a: usize,
    b: usize,
    cues: &[Cue],
    used: &[usize],
    found: &mut Vec<Found>,
    after_quote: bool,
) {
    let toks = cx.toks;
    let body_end = cx.trim_end(a, b);
    let mut last_content: Option<(usize, usize)> = None;
    for c in cues.iter().filter(|c| c.first >= a && c.end <= b) {
        if used.contains(&c.first) {
            continue;
        }
        // Skip a cue inside the previous cue's speaker phrase or right after another cue.
        if c.first > a && is_cue_word(cx.word(c.first - 1)) {
            continue;
        }
        // `X said the appeal argues that an official who, the defence
        // says, had a grudge ...`: a cue inside the reported words of an
        // earlier cue of the sentence is part of those words, not a second
        // statement. (Words holding a quote may end where an inverted
        // attribution starts: `called it “a gift,” said Ana Ruiz`.)
        if found.iter().any(|f| {
            f.sent == si
                && f.kind == Kind::Indirect
                && f.cue.is_some_and(|(first, _)| first < c.first)
                && f.spans.iter().any(|&(x, y)| x <= c.first && c.end <= y)
        }) {
            continue;
        }
        let (sp, content): (Option<Range>, Option<Vec<Range>>) = match c.kind {
            CueKind::According => {
                let sp = after(cx.text, toks, c.end, b);
                let sp_end = sp.map_or(c.end, |s| s.1);
                let pre = cx.trim_end(a, c.first);
                if cx.words_in(a, pre) >= 3 {
                    (sp, Some(vec![(cx.trim_start(a, pre), pre)]))
                } else {
                    let s = cx.trim_start(sp_end, body_end);
                    (sp, (body_end > s).then(|| vec![(s, body_end)]))
                }
            }
            CueKind::Verb => {
                let before_sp = verb_subject(cx, c, a);
                let (sp, inverted) = match before_sp {
                    Some(s) => (Some(s), false),
                    None => (inverted(cx, c, b), true),
                };
                let Some(sp) = sp else { continue };
                // `Biden, who wrote the 1994 act, sent ...`: a relative
                // clause tells what someone did, not what was said, unless
                // a clause or quote follows the verb.
                if sp.1 == sp.0 + 1
                    && ["who", "which"]
                        .iter()
                        .any(|w| w.eq_ignore_ascii_case(cx.word(sp.0)))
                    && sp.1 == c.first
                    && !cx.word(c.end).eq_ignore_ascii_case("that")
                    && !toks
                        .get(c.end)
                        .is_some_and(|t| matches!(t.k, Tk::Mark(_) | Tk::Punct(':')))
                {
                    continue;
                }
                // What precedes the attribution: a comma or mark means the
                // content came first (`..., he said.`).
                let attr_start = if inverted { c.first } else { sp.0.min(c.first) };
                let attr_end = if inverted { sp.1 } else { c.end };
                let prev_tok = attr_start.checked_sub(1).and_then(|p| toks.get(p));
                let trailing = attr_start > a
                    && prev_tok.is_some_and(|t| match t.k {
                        Tk::Punct(',') | Tk::Punct('\u{2014}') | Tk::Punct('-') => true,
                        Tk::Mark(_) => closes_speech(cx, a, attr_start - 1),
                        _ => false,
                    })
                    && cx.words_in(a, attr_start) >= 3
                    && !clause_follows(cx, attr_end, body_end);
                if trailing {
                    let pre = cx.trim_end(a, attr_start);
                    let pre_start = cx.trim_start(a, pre);
                    // Parenthetical: `The plan, he said, is bad.`
                    let mut k = attr_end;
                    while k < body_end
                        && k - attr_end < 6
                        && !toks[k].is_punct(',')
                        && toks[k].is_word()
                    {
                        k += 1;
                    }
                    let mut spans = vec![(pre_start, pre)];
                    if k < body_end && toks[k].is_punct(',') && cx.words_in(k + 1, body_end) >= 3 {
                        spans.push((cx.trim_start(k + 1, body_end), body_end));
                    }
                    (Some(sp), Some(spans))
                } else {
                    let mut s = if inverted { sp.1 } else { c.end };
                    // `said Sunday the ...`: the day is the reporter's.
                    if (is_weekday(cx.word(s))
                        || ["today", "yesterday", "tonight"]
                            .iter()
                            .any(|w| w.eq_ignore_ascii_case(cx.word(s))))
                        && cx.words_in(s + 1, body_end) >= 3
                    {
                        s += 1;
                    }
                    // `told reporters that ...`, `said on Thursday that ...`:
                    // content starts at `that`.
                    let adverbial = [
                        "on",
                        "in",
                        "at",
                        "late",
                        "earlier",
                        "last",
                        "this",
                        "yesterday",
                        "today",
                        "tonight",
                        "during",
                        "privately",
                        "publicly",
                        "repeatedly",
                    ]
                    .iter()
                    .any(|w| w.eq_ignore_ascii_case(cx.word(s)));
                    if (takes_addressee(cx.word(c.first)) || adverbial)
                        // `told reporters backstage at the gala that ...`.
                        && let Some(t) = (s..(s + if adverbial { 6 } else { 12 }).min(body_end))
                            .take_while(|&k| toks[k].is_word())
                            .find(|&k| cx.word(k).eq_ignore_ascii_case("that"))
                    {
                        s = t;
                    } else if takes_addressee(cx.word(c.first)) {
                        // `told Ann he would ...`: the one told is no part
                        // of what was said.
                        let mut k = s;
                        while k < (s + 4).min(body_end)
                            && toks[k].is_word()
                            && (toks[k].cap
                                || ["him", "her", "them", "us", "me", "reporters", "journalists"]
                                    .iter()
                                    .any(|w| w.eq_ignore_ascii_case(cx.word(k))))
                        {
                            k += 1;
                        }
                        if k > s && cx.words_in(k, body_end) >= 3 {
                            s = k;
                        }
                    } else if adverbial {
                        // `said on Thursday it would ...`, `said on NBC
                        // there was ...`: the time or the channel is the
                        // reporter's, not part of what was said.
                        let mut k = s + 1;
                        while k < (s + 3).min(body_end) && is_time_word(cx.word(k)) {
                            k += 1;
                        }
                        if k == s + 1 && cx.word(s).eq_ignore_ascii_case("on") {
                            while k < (s + 4).min(body_end) && toks[k].is_word() && toks[k].cap {
                                k += 1;
                            }
                        }
                        if k > s + 1 && cx.words_in(k, body_end) >= 3 {
                            s = k;
                        }
                    }
                    let mut s = cx.trim_start(s, body_end);
                    // `told reporters that “...”`: the quote is the content.
                    if cx.word(s).eq_ignore_ascii_case("that")
                        && cx
                            .quotes
                            .iter()
                            .any(|q| q.open == s + 1 && q.close + 1 >= body_end)
                    {
                        s += 1;
                    }
                    if cx.words_in(s, body_end) >= 2 {
                        (Some(sp), Some(vec![(s, body_end)]))
                    } else {
                        (Some(sp), None)
                    }
                }
            }
        };
        let Some(spans) = content else { continue };
        let Some(&(s0, _)) = spans.first() else {
            continue;
        };
        let Some(&(_, e0)) = spans.last() else {
            continue;
        };
        if e0 <= s0 || last_content == Some((s0, e0)) {
            continue;
        }
        if after_quote
            && found
                .last()
                .is_some_and(|f| f.spans.iter().any(|&(x, y)| x <= s0 && e0 <= y))
        {
            continue;
        }
        last_content = Some((s0, e0));
        // `responded with “Burn” the same year`: a title inside reported
        // words makes no quote of them.
        let quoted: Vec<&Quoted> = cx
            .quotes
            .iter()
            .filter(|q| spans.iter().any(|&(x, y)| q.open >= x && q.close < y))
            .collect();
        if !quoted.is_empty()
            && quoted.iter().all(|q| title_like(cx, q))
            && !cx.word(s0).eq_ignore_ascii_case("that")
        {
            continue;
        }
        let kind = if spans.iter().any(|&(x, y)| cx.has_quote(x, y)) {
            if spans.len() == 1 && cx.quotes.iter().any(|q| q.open == s0 && q.close + 1 == e0) {
                Kind::Direct
            } else {
                Kind::Mixed
            }
        } else {
            Kind::Indirect
        };
        let mut sp = sp;
        let name = resolve_speaker(cx, resolver, &mut sp, a);
        found.push(Found {
            spans,
            kind,
            cue: Some((c.first, c.end)),
            speaker: sp,
            name,
            sent: si,
        });
    }
}

/// Words of a short time phrase after a speech verb (`on Thursday`,
/// `last week`, `late on Friday`).
fn is_time_word(w: &str) -> bool {
    const TIME: &[&str] = &[
        "week",
        "month",
        "year",
        "night",
        "morning",
        "afternoon",
        "evening",
        "weekend",
        "on",
    ];
    is_weekday(w) || TIME.iter().any(|t| t.eq_ignore_ascii_case(w))
}

#[cfg(test)]
mod tests {
    use crate::{Kind, find};

    fn show(t: &str) -> Vec<(Kind, String, Option<String>, Option<String>)> {
        find(t)
            .iter()
            .map(|q| {
                (
                    q.kind,
                    q.content(t).to_string(),
                    q.speaker.map(|(a, b)| t[a..b].to_string()),
                    q.speaker_name.clone(),
                )
            })
            .collect()
    }

    /// The name given to the last statement found in `t`, if any is found.
    fn last_speaker(t: &str) -> Option<Option<String>> {
        show(t).pop().map(|x| x.3)
    }

    #[test]
    fn titles_places_and_the_subject_before_a_pronoun() {
        let t = "Police say scammers are calling people and asking for codes. \
                 \"No bank will ever ask for your code,\" said Sergeant Ivo Rask of Tarnby police.\n\n\
                 Inspector Mara Lind, who leads the fraud unit, said Grey Falcon was based abroad. \
                 She urged people not to reply. \"Every answer helps them,\" she said.";
        let q = show(t);
        let names: Vec<Option<&str>> = q.iter().map(|x| x.3.as_deref()).collect();
        assert_eq!(
            names,
            [
                Some("Police"),
                Some("Ivo Rask"),
                Some("Mara Lind"),
                Some("Mara Lind"),
                Some("Mara Lind")
            ],
            "{q:?}"
        );
    }

    #[test]
    fn a_given_name_tells_whom_she_stands_for() {
        // The clerk's words, in an e-mail to the mayor: "she" is not the
        // mayor named just before, a man by his given name (with a name
        // the list does not know, the nearest name still wins).
        let t = |mayor: &str| {
            format!(
                "The harbour clerk has resigned. Anna Voss had denied she was idle. Her \
                 critics do not understand the job, she said. In an e-mail on Monday to Mayor \
                 {mayor} Berg announcing her resignation, she wrote, \"This has been a thankless \
                 job.\""
            )
        };
        assert_eq!(last_speaker(&t("Peter")), Some(Some("Anna Voss".into())));
    }

    #[test]
    fn she_after_a_woman_described_is_not_a_woman_named_before() {
        let t = "Mayor Ada Moss opened the new pier on Monday. A woman who runs the kiosk \
                 by the ferry said trade had fallen. \"Nobody comes any more,\" she said.";
        assert_eq!(last_speaker(t), Some(None));
    }

    #[test]
    fn she_after_a_relative_named_by_a_man_is_not_the_man() {
        let t = "Police are looking into the death of former goalkeeper Sasha Berg on \
                 Friday.\n\nLater that night Berg's wife ran to the harbour office. \
                 \"Someone call a doctor!\" she cried.";
        assert_eq!(last_speaker(t), Some(None));
        // The relative in the name's own sentence is the name himself.
        let t = "Ivo Brandt, Lena Holm's brother, spoke at the pier on Monday.\n\n\
                 \"We will keep the boats running,\" he said.";
        assert_eq!(last_speaker(t), Some(Some("Ivo Brandt".into())));
    }

    #[test]
    fn he_is_the_speaker_not_the_name_in_his_reported_words() {
        let t = "Ivo Brandt says Mayor Tomas Berg's plan for the pier is \"reckless.\"\n\n\
                 He pointed to the storms of last winter.\n\n\
                 \"We will pay for this twice,\" he said.";
        assert_eq!(last_speaker(t), Some(Some("Ivo Brandt".into())));
    }

    #[test]
    fn two_people_joined_by_and_speak_together() {
        let t = "Councillor Ada Moss and Mayor Tomas Berg met the harbour board on Monday. \
                 Moss and Berg told reporters they would back the new pier.\n\n\
                 Democrat Ivo Brandt and Republican Lena Holm noted that the old pier had \
                 been closed for a year.";
        let names: Vec<_> = show(t).into_iter().map(|x| x.3).collect();
        assert_eq!(
            names,
            [
                Some("Ada Moss and Tomas Berg".to_string()),
                Some("Ivo Brandt and Lena Holm".to_string())
            ]
        );
        // Bodies named over "and" stay one body, not two people.
        let t = "Centers for Disease Control and Prevention Director Ada Moss said the \
                 guidance would change.\n\nWays and Means also said the rules were broken.";
        let names: Vec<_> = show(t).into_iter().filter_map(|x| x.3).collect();
        for two in ["Disease Control and Ada Moss", "Ways and Means"] {
            assert!(!names.iter().any(|n| n == two), "{names:?}");
        }
    }

    #[test]
    fn a_platform_is_no_part_of_a_name() {
        let t = "Backstage, Ada Moss laughs as she watches the host make Mayor Tomas Berg \
                 Twitter jokes.\n\n\"What, what?\" she says.";
        assert_eq!(last_speaker(t), Some(Some("Ada Moss".into())));
    }

    /// The speakers `find_with` names when the entity linker knows one
    /// name, `person`, as a person's.
    fn speakers_knowing(t: &str, person: &str) -> Vec<Option<String>> {
        let mut known = crate::Known::new();
        known.add(crate::KnownName {
            canonical: person.into(),
            kind: crate::EntityKind::Person,
            ..Default::default()
        });
        crate::find_with(t, &known)
            .into_iter()
            .map(|q| q.speaker_name)
            .collect()
    }

    #[test]
    fn a_person_of_a_place_named_like_a_body_is_the_person() {
        let t = "\"It never leaves you,\" said Tomas Berg of Harbour Center, Velmora.\n\n\
                 Mr. Berg, 63, joined the navy at 18.\n\n\
                 \"I was young,\" he said.";
        // The entity linker knows him as a person.
        let names = speakers_knowing(t, "Tomas Berg");
        let berg = Some("Tomas Berg".to_string());
        assert_eq!(names, [berg.clone(), berg], "{names:?}");
    }

    #[test]
    fn the_name_before_a_parenthetical_cue_is_not_the_speaker() {
        // From a real digest: "Operation ..., she claimed, ..." went to
        // the operation, which the tagger took for a person.
        let t = "Ada Moss said the plan was drawn up in haste.\n\n\
                 Tomas Berg, she claimed, \u{201c}did nothing to get a single boat on the water.\u{201d}";
        let q = show(t);
        assert_eq!(
            q.last().and_then(|x| x.3.as_deref()),
            Some("Ada Moss"),
            "{q:?}"
        );
    }

    #[test]
    fn a_cue_ending_in_a_colon_introduces_the_quote_after_it() {
        // From a real digest: the pope's words went to the one who replied.
        let t = "Ada Moss also brought a gift to Ivo Brandt, a painting of the harbour.\n\n\
                 \"I thought of you,\" Ada Moss told Ivo Brandt. \"You gave us so many signs of patience in your years here.\" Ivo Brandt replied: \"Thank you, thank you.\"";
        let q = show(t);
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[0].3.as_deref(), Some("Ada Moss"), "{q:?}");
        assert!(q[0].1.contains("signs of patience"), "{q:?}");
        assert_eq!(q[1].3.as_deref(), Some("Ivo Brandt"), "{q:?}");
        assert_eq!(q[1].1, "\"Thank you, thank you.\"");
    }

    #[test]
    fn a_person_of_a_town_is_the_person_whom_she_stands_for() {
        // From a real digest: the town took the words, and then her
        // "she said" too.
        let t = "\"We watched the street all morning,\" said Ada Moss of Port Kessel, who came with a friend.\n\n\
                 She said the police came late.\n\n\
                 \"I would think they would be here,\" she said.";
        // The tagger took the town for a person too.
        let mut known = crate::Known::new();
        for name in ["Ada Moss", "Port Kessel"] {
            known.add(crate::KnownName {
                canonical: name.to_string(),
                kind: crate::EntityKind::Person,
                ..Default::default()
            });
        }
        let names: Vec<Option<String>> = crate::find_with(t, &known)
            .into_iter()
            .map(|q| q.speaker_name)
            .collect();
        assert!(
            !names.is_empty() && names.iter().all(|n| n.as_deref() == Some("Ada Moss")),
            "{names:?}"
        );
    }

    #[test]
    fn a_body_named_over_and_is_named_whole() {
        let t = "The Harbour and Ferry Administration said on Monday that the pier would \
                 reopen. Ports and Coastal Services Minister Ana Ruiz said the repairs were done.";
        let q = show(t);
        let names: Vec<Option<&str>> = q.iter().map(|x| x.3.as_deref()).collect();
        assert_eq!(
            names,
            [Some("Harbour and Ferry Administration"), Some("Ana Ruiz")],
            "{q:?}"
        );
    }

    #[test]
    fn a_venue_is_no_one_he_stands_for() {
        let t = "Former mayor Tomas Berg warned the plan is \"plain folly\" in a speech to \
                 supporters on Saturday night.\n\nBerg spoke at Velmora Federal Theatre for the \
                 \"Open Harbour Rally\" hosted by Harbour First Action, the group's campaign arm, \
                 where he slammed the council.\n\n\"We will not be moved,\" he said.";
        // The entity tagger took the theatre for a person.
        let names = speakers_knowing(t, "Velmora Federal Theatre");
        assert_eq!(
            names.last().cloned().flatten().as_deref(),
            Some("Tomas Berg"),
            "{names:?}"
        );
    }

    #[test]
    fn appositives_and_time_before_that() {
        let t = "Brandt Mills, a bakery that supplies most cafes in the Oster Valley, said it \
                 was sorry. The Tarnby Chamber of Commerce said on Monday that rents had doubled.";
        let q = show(t);
        assert_eq!(q[0].3.as_deref(), Some("Brandt Mills"));
        assert_eq!(q[1].1, "that rents had doubled");
        assert_eq!(q[1].3.as_deref(), Some("Tarnby Chamber of Commerce"));
        let t = "The rights group said on Thursday it would go back to court.";
        assert_eq!(show(t)[0].1, "it would go back to court");
    }

    #[test]
    fn empty_and_odd_inputs() {
        assert!(find("").is_empty());
        assert!(find("\u{201C}").is_empty());
        assert!(
            find("\"\"\"\u{201D}\u{201C}'' `` \u{00BB}\u{00AB} said said according to").len() <= 3
        );
        let _ = find("\u{201C}never closed, she said\n\n\u{201C}and again");
        let _ = find("said, \u{201C}\u{201D}, said \u{2019}\u{2018}");
    }

    #[test]
    fn huge_input_is_linear_enough() {
        let unit = "\u{201C}We will build the bridge,\u{201D} Mayor Ana Ruiz said. She added that it would open in May. ";
        let t = unit.repeat(4_000);
        let started = std::time::Instant::now();
        let q = find(&t);
        assert_eq!(q.len(), 8_000);
        assert!(started.elapsed().as_secs() < 20);
    }

    #[test]
    fn direct_after_and_before() {
        let t = "\u{201C}The bridge will open in May,\u{201D} Mayor Ana Ruiz said on Monday.\n\nHer deputy said: \u{201C}We are ready.\u{201D}";
        let q = show(t);
        assert_eq!(q[0].0, Kind::Direct);
        assert_eq!(q[0].1, "\u{201C}The bridge will open in May,\u{201D}");
        assert_eq!(q[0].2.as_deref(), Some("Mayor Ana Ruiz"));
        assert_eq!(q[0].3.as_deref(), Some("Ana Ruiz"));
        assert_eq!(q[1].1, "\u{201C}We are ready.\u{201D}");
        assert_eq!(q[1].2.as_deref(), Some("Her deputy"));
    }

    #[test]
    fn words_leave_out_the_attribution_between_pieces() {
        let t = "\"It is late,\" said Tom Berg, who ran the mill. \"But not too late.\"";
        let q = crate::find(t);
        assert_eq!(q.len(), 1);
        assert_eq!(
            q[0].words(t),
            "\"It is late,\" \u{2026} \"But not too late.\""
        );
    }

    #[test]
    fn split_quote_and_continuation() {
        let t = "\"It is late,\" said Tom Berg, \"but not too late.\"\n\n\"We go on.\"\n\nThe end came.";
        let q = find(t);
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].spans.len(), 3);
        assert_eq!(q[0].speaker_name.as_deref(), Some("Tom Berg"));
    }

    #[test]
    fn other_mark_styles() {
        for t in [
            "\u{00AB}Nous sommes pr\u{00EA}ts,\u{00BB} the minister said.",
            "\u{201E}Wir sind bereit,\u{201C} the minister said.",
            "\u{2018}We are ready,\u{2019} the minister said.",
            "''We are ready,'' the minister said.",
        ] {
            let q = show(t);
            assert_eq!(q.len(), 1, "{t}");
            assert_eq!(q[0].0, Kind::Direct, "{t}");
            assert_eq!(q[0].2.as_deref(), Some("the minister"), "{t}");
        }
    }

    #[test]
    fn indirect_forms() {
        let t = "Chancellor Lena Vogt said that the budget would pass. \
                 The plan is sound, she added. According to the ministry, costs will fall. \
                 Rates will rise, according to Bank officials. The Kremlin denied the report. \
                 Ms. Vogt told reporters that she would stay.";
        let q = show(t);
        let contents: Vec<&str> = q.iter().map(|x| x.1.as_str()).collect();
        assert!(
            contents.contains(&"that the budget would pass"),
            "{contents:?}"
        );
        assert!(contents.contains(&"The plan is sound"), "{contents:?}");
        assert!(contents.contains(&"costs will fall"), "{contents:?}");
        assert!(contents.contains(&"Rates will rise"), "{contents:?}");
        assert!(contents.contains(&"that she would stay"), "{contents:?}");
        let she = q.iter().find(|x| x.1 == "The plan is sound").unwrap();
        assert_eq!(she.3.as_deref(), Some("Lena Vogt"));
        let kremlin = q.iter().find(|x| x.1.contains("report")).unwrap();
        assert_eq!(kremlin.2.as_deref(), Some("The Kremlin"));
        assert!(q.iter().all(|x| x.0 == Kind::Indirect));
    }

    #[test]
    fn scare_quotes_before_a_verb_are_not_a_quote() {
        // A quoted name inside the subject, then a verb with an object: no
        // one is quoted, and the object ("Norland's") is no speaker.
        let t = "The mayor\u{2019}s first \u{201C}harbour plan\u{201D} demanded Norland\u{2019}s full \
                 withdrawal from the old docks.";
        let q = show(t);
        assert!(q.iter().all(|x| !x.1.contains("harbour plan")), "{q:?}");
        // The shape it must not break: a quote ending in a comma, then an
        // inverted attribution.
        let t = "\u{201C}Leave the docks now,\u{201D} demanded the harbour master.";
        let q = show(t);
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].2.as_deref(), Some("the harbour master"));
        let t = "He called the plan \u{201C}a gift to the developers,\u{201D} said Ana Ruiz, a councillor.";
        let q = show(t);
        assert!(
            q.iter()
                .any(|x| x.3.as_deref() == Some("Ana Ruiz") && x.1.contains("a gift")),
            "{q:?}"
        );
    }

    #[test]
    fn mixed_and_quoted_as_saying() {
        let t = "The senator said the deal was \u{201C}a disaster for farmers\u{201D} and must go. \
                 \u{201C}We will not sign,\u{201D} the agency quoted Ravi Menon as saying.";
        let q = show(t);
        assert_eq!(q[0].0, Kind::Mixed);
        assert_eq!(q[0].2.as_deref(), Some("The senator"));
        assert_eq!(q[1].0, Kind::Direct);
        assert_eq!(q[1].3.as_deref(), Some("Ravi Menon"));
    }

    #[test]
    fn quote_label_and_description() {
        let t = "Danish Premier Ida Holm spoke in Oslo.\n\nQuote: \u{201C}We are ready to talk now.\u{201D}\n\n\
                 \u{201C}Nothing is settled,\u{201D} the 60-year-old Danish leader said.";
        let q = show(t);
        assert_eq!(q.len(), 2);
        assert_eq!(q[0].3.as_deref(), Some("Ida Holm"));
        assert_eq!(q[1].3.as_deref(), Some("Ida Holm"));
    }

    #[test]
    fn verbs_outside_the_lexicon_after_a_quote() {
        let t = "\u{201C}We will win the county,\u{201D} Dana Pike answers.\n\n\
                 \u{201C}Not this year,\u{201D} she shrugged.\n\n\
                 \u{201C}It is late,\u{201D} the old farmer continued.";
        let q = show(t);
        assert_eq!(q.len(), 3, "{q:?}");
        assert_eq!(q[0].3.as_deref(), Some("Dana Pike"));
        assert_eq!(q[1].2.as_deref(), Some("she"));
        assert_eq!(q[2].2.as_deref(), Some("the old farmer"));
    }

    #[test]
    fn clause_after_an_introduction_is_the_content() {
        let t = "Later, at a diner in Dover, Mayor Ana Ruiz said the budget was \u{201C}a mess\u{201D} again. \
                 Speaking on the radio, Tom Berg called the plan \u{201C}a gift to the rich.\u{201D}";
        let q = show(t);
        assert!(q[0].1.starts_with("the budget"), "{q:?}");
        assert_eq!(q[0].0, Kind::Mixed);
        assert_eq!(q[1].2.as_deref(), Some("Tom Berg"), "{q:?}");
    }

    #[test]
    fn colon_paragraph_introduces_the_quote() {
        let t = "The old mayor, Ana Ruiz, wrote:\n\n\u{201C}We have built three bridges and we will build more.\u{201D}";
        let q = show(t);
        let last = q.last().unwrap();
        assert_eq!(last.0, Kind::Direct);
        assert!(last.1.contains("three bridges"));
        assert_eq!(last.3.as_deref(), Some("Ana Ruiz"), "{q:?}");
    }

    /// The seed articles, read at run time; skipped when absent.
    #[test]
    fn seeds() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
        let Ok(entries) = std::fs::read_dir(&dir) else {
            return;
        };
        let mut all: Vec<(String, Option<String>)> = Vec::new();
        for e in entries.flatten() {
            let Ok(text) = std::fs::read_to_string(e.path()) else {
                continue;
            };
            for q in find(&text) {
                all.push((q.content(&text).to_string(), q.speaker_name.clone()));
            }
        }
        let who = |needle: &str| {
            all.iter()
                .find(|(c, _)| c.contains(needle))
                .map(|(_, n)| n.clone().unwrap_or_default())
                .unwrap_or_else(|| panic!("no quote holding {needle:?}"))
        };
        assert!(
            who("We are also open to dialogue with the new US administration").contains("Putin")
        );
        assert!(who("Most likely, indeed, it is better for us to meet").contains("Putin"));
        assert!(
            who("We are open for any talks, if the talks are on the merits").contains("Lavrov")
        );
        assert!(
            who("President Putin said that he wants to meet with me as soon as possible")
                .contains("Trump")
        );
        assert!(who("I don't know when we will meet").contains("Putin"));
    }
}
