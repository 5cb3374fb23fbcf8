//! The screen: a last look at each English statement before it is
//! reported, so that a reader never sees a wrong speaker or a non-quote.
//!
//! - Embedded social posts (`pic.twitter.com/…`, `— Name (@handle) date`)
//!   and photo captions are no part of the article's reporting: nothing
//!   found inside them is kept.
//! - A speaker must be someone: not a word that merely opens a sentence
//!   (`Moments later …`, `Anyone who …`: a capitalised word met nowhere
//!   else capitalised mid-sentence, nor known as a name), not a place, a
//!   month or a weekday, not the title of a work (a name the article
//!   writes in quotation marks, `“Moonlight”`), and not a possessive
//!   (`Ann’s dismissal` is no one speaking). Such statements are dropped.
//! - A publication cited next to a quote (`the Courier reported: “…”`) is
//!   a source of the report, not a speaker: the statement stays (it is
//!   reported speech all the same) but without a speaker's name.
//! - A piece of a longer name (`Prevention` in `Centers for Disease
//!   Control and Prevention`) gives way to the whole name.

use std::collections::HashSet;

use crate::resolve::{EntityKind, Known};
use crate::token::{Tk, Tok, word_at};

/// Words that end a publication's name (`The Daily Courier`, `Kessel
/// Times`); names that are publications by themselves.
const PRESS: &[&str] = &[
    "times",
    "post",
    "news",
    "journal",
    "tribune",
    "herald",
    "telegraph",
    "guardian",
    "gazette",
    "magazine",
    "review",
    "daily",
    "press",
    "courier",
    "chronicle",
    "examiner",
    "observer",
    "reporter",
    "reuters",
    "bloomberg",
    "politico",
    "axios",
    "cnn",
    "jazeera",
    "cnbc",
    "msnbc",
    "bbc",
    "abc",
    "nbc",
    "cbs",
    "npr",
    "msm",
    "media",
    "tass",
    "interfax",
    "afp",
    "buzzfeed",
    "people",
    "newsweek",
    "variety",
    "breitbart",
    "forbes",
    "fortune",
    "wired",
    "slate",
    "vox",
    "salon",
    "atlantic",
    "economist",
    "verge",
    "insider",
    "tmz",
];

/// Places that stand alone as capitalised abbreviations.
const PLACE_ABBREV: &[&str] = &["u.s.", "u.s", "us", "u.k.", "u.k", "uk", "usa", "u.s.a."];

fn in_list(list: &[&str], w: &str) -> bool {
    w.len() <= 20 && list.iter().any(|x| x.eq_ignore_ascii_case(w))
}

/// What the screen says of one statement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Keep it as it is.
    Keep,
    /// Keep it, but name no speaker.
    Unnamed,
    /// Keep it, naming the longer name this one is part of (a token range).
    Widen(usize, usize),
    /// Keep it, naming the speaker by the name from this byte on (`Lenovo`
    /// for `Apparently Lenovo`).
    Trim(usize),
    /// Leave it out.
    Drop,
}

/// What the screen knows of one article.
pub struct Screen<'a> {
    text: &'a str,
    toks: &'a [Tok],
    /// Per token: inside an embedded post or a caption.
    embedded: Vec<bool>,
    /// Words written capitalised somewhere not at a sentence start.
    mid_caps: HashSet<&'a str>,
    /// Short quoted stretches (titles of works, nicknames), lower-cased.
    titles: HashSet<String>,
}

/// Whether token `i` opens a sentence (or a line, a clause after a colon
/// or dash). After a quotation mark a capitalised word is more often the
/// attribution's subject (`“...,” Ann said`) than a sentence opener.
fn opens(toks: &[Tok], i: usize) -> bool {
    match i.checked_sub(1).and_then(|p| toks.get(p)) {
        None => true,
        Some(t) => matches!(
            t.k,
            Tk::Para | Tk::Punct('.' | '!' | '?' | ':' | ';' | '\u{2014}' | '\u{2013}' | '(' | '-')
        ),
    }
}

/// Plural agent nouns (`Protesters`, `Activists`): a group that speaks,
/// even when it opens the sentence.
fn agents(w: &str) -> bool {
    ["ers", "ors", "ists", "ans"]
        .iter()
        .any(|e| w.len() > 5 && w.ends_with(e))
}

impl<'a> Screen<'a> {
    /// Reads the article once.
    pub fn build(text: &'a str, toks: &'a [Tok], quoted: &[(usize, usize)]) -> Self {
        let mut mid_caps = HashSet::new();
        for (i, t) in toks.iter().enumerate() {
            if !t.is_word() {
                continue;
            }
            let w = t.text(text);
            let mid = i > 0 && (toks[i - 1].is_word() || toks[i - 1].is_punct(','));
            if t.cap && mid {
                mid_caps.insert(w);
                // `Ruiz’s plan` names Ruiz too.
                if let Some(base) = w.strip_suffix("'s").or_else(|| w.strip_suffix("\u{2019}s")) {
                    mid_caps.insert(base);
                }
            }
        }
        let mut titles = HashSet::new();
        for &(open, close) in quoted {
            let inner = toks.get(open + 1..close).unwrap_or(&[]);
            let words = inner.iter().filter(|t| t.is_word()).count();
            if (1..=5).contains(&words) && inner.first().is_some_and(|t| t.cap) {
                let (s, e) = (inner[0].s, inner[inner.len() - 1].e);
                let title = text.get(s..e).unwrap_or("");
                titles.insert(title.trim_end_matches([',', '.']).to_lowercase());
            }
        }
        Screen {
            text,
            toks,
            embedded: embedded(text, toks),
            mid_caps,
            titles,
        }
    }

    /// Whether any token of `[a, b)` lies in an embedded post or caption.
    pub fn in_embed(&self, a: usize, b: usize) -> bool {
        self.embedded
            .get(a..b)
            .is_some_and(|e| e.iter().any(|&x| x))
    }

    /// The verdict on a statement whose speaker phrase is `[a, b)` and
    /// resolves to `name` (of kind `kind`, as the article tells).
    pub fn speaker(
        &self,
        a: usize,
        b: usize,
        name: Option<&str>,
        kind: EntityKind,
        known: &Known,
    ) -> Verdict {
        if a >= b || b > self.toks.len() {
            return Verdict::Keep;
        }
        let last = self.toks[b - 1].text(self.text);
        let next = word_at(self.text, self.toks, b);
        if (last.ends_with("'s") || last.ends_with("\u{2019}s")) && next.ends_with("ed") {
            // `over Ann’s dismissed turned ...`: a possessive before a past
            // form is a garbled noun, not Ann speaking.
            return Verdict::Drop;
        }
        let Some(name) = name else {
            return Verdict::Keep;
        };
        // `they`, `we`, `I`: a group or a voice the article does not pin
        // on one name.
        if b == a + 1 && in_list(&["they", "we", "i", "you"], self.toks[a].text(self.text)) {
            return Verdict::Unnamed;
        }
        let first = self.toks[a].text(self.text);
        let lone = b == a + 1
            || (b == a + 2 && in_list(&["the", "a", "an"], self.toks[a].text(self.text)));
        let known_kind = known.lookup(name).map(|k| k.kind);
        if known_kind == Some(EntityKind::Place)
            || kind == EntityKind::Place
            || in_list(PLACE_ABBREV, name)
        {
            return Verdict::Drop;
        }
        let lname = name.to_lowercase();
        if crate::cue::is_month_name(name) || crate::cue::is_weekday(name) {
            return Verdict::Drop;
        }
        if self.titles.contains(&lname) {
            return Verdict::Drop;
        }
        // A capitalised word opening the sentence, met nowhere else as a
        // name: a common word (`Moments`, `Anyone`, `Shortly`).
        // The entity linker, too, takes such words for names: only the
        // article's own use of the word counts.
        let opener = !name.contains(' ')
            && kind != EntityKind::Org
            && !self.mid_caps.contains(name)
            && !agents(name);
        let here = b == a + 1
            && ((self.toks[a].cap && opens(self.toks, a) && name == first)
                || in_list(&["who", "which"], first));
        if opener && here {
            return Verdict::Drop;
        }
        // `he` resolved to such a word (`Charts indicated ...`, then `he
        // said`): the article's person is not known by it.
        if opener
            && b == a + 1
            && crate::speaker::is_pronoun(first)
            && !first.eq_ignore_ascii_case("it")
        {
            return Verdict::Unnamed;
        }
        // `We're`, `He’s`: a pronoun, whatever follows it.
        for w in [first, name.split(' ').next().unwrap_or(name)] {
            let base = w.split(['\'', '\u{2019}']).next().unwrap_or(w);
            if base.len() < w.len() && crate::speaker::is_pronoun(base) {
                return Verdict::Drop;
            }
        }
        // `D-Mich`: a party and state tag, not a name.
        let tag = name.as_bytes();
        if name.len() <= 8
            && tag.len() > 2
            && matches!(tag[0], b'D' | b'R' | b'I')
            && tag[1] == b'-'
        {
            return Verdict::Unnamed;
        }
        // `The South Carolina Republican`: a description, not a name.
        if name.contains(' ')
            && in_list(
                &[
                    "republican",
                    "democrat",
                    "democratic",
                    "conservative",
                    "liberal",
                ],
                tail_word(name),
            )
        {
            return Verdict::Unnamed;
        }
        // A name run that took a sentence-opening adverb with it.
        if let Some((head, rest)) = name.split_once(' ')
            && head.len() > 4
            && head.ends_with("ly")
            && !self.mid_caps.contains(head)
        {
            return Verdict::Trim(name.len() - rest.len());
        }
        // `Apparently Acme liked ...`: an adverb opening the sentence.
        if b > a + 1
            && opens(self.toks, a)
            && first.len() > 4
            && first.ends_with("ly")
            && !self.mid_caps.contains(first)
        {
            return Verdict::Drop;
        }
        if let Some((x, y)) = self.longer_name(a, b)
            && (lone
                || self
                    .text
                    .get(self.toks[x].s..self.toks[y - 1].e)
                    .is_some_and(|whole| whole.len() > name.len() && whole.ends_with(name)))
        {
            return Verdict::Widen(x, y);
        }
        // `Ann Lee's Hummer`, `the Bureau's U.S. Manual`: a thing someone
        // owns, not a person (`Kessel TV's Ann Lee` is one).
        if let Some(k) = name.find("'s ").or_else(|| name.find("\u{2019}s ")) {
            let owned = name[k..].split_once(' ').map_or("", |(_, o)| o);
            let person = owned.split(' ').count() >= 2
                && !owned.split(' ').next().unwrap_or("").contains('.');
            if !person {
                return Verdict::Unnamed;
            }
        }
        // `PM`, `CEO`: a role's abbreviation names no one.
        if in_list(&["pm", "mp", "ceo", "gop", "vp"], name) {
            return Verdict::Unnamed;
        }
        let tail = lname.rsplit(' ').next().unwrap_or("");
        if in_list(PRESS, tail)
            || in_list(PRESS, &lname)
            || known_kind.is_none() && self.is_outlet(name)
        {
            return Verdict::Unnamed;
        }
        Verdict::Keep
    }

    /// Outlet names written in capitals with a dot-com (`Example.com`).
    fn is_outlet(&self, name: &str) -> bool {
        let l = name.to_ascii_lowercase();
        l.ends_with(".com") || l.ends_with(".org") || l.ends_with(".net")
    }

    /// The name run holding `[a, b)` when it joins more capitalised words
    /// with `of`, `for`, `and` or `&` (`Centers for Disease Control and
    /// Prevention`).
    fn longer_name(&self, a: usize, b: usize) -> Option<(usize, usize)> {
        let t = self.toks;
        let joiner = |k: usize| {
            t.get(k).is_some_and(|x| {
                x.is_word() && in_list(&["of", "for", "and", "&"], x.text(self.text))
                    || x.is_punct('&')
            })
        };
        let cap = |k: usize| t.get(k).is_some_and(|x| x.is_word() && x.cap);
        let (mut x, mut y) = (b - 1, b);
        while x > 0 && cap(x) {
            x -= 1;
        }
        if !cap(x) {
            x += 1;
        }
        let x0 = x;
        // Step back over `Word joiner` pairs.
        while x >= 2 && joiner(x - 1) && cap(x - 2) && x0 - x < 10 {
            x -= 2;
            while x > 0 && cap(x - 1) {
                x -= 1;
            }
        }
        while joiner(y) && cap(y + 1) && y - x < 12 {
            y += 2;
            while cap(y) {
                y += 1;
            }
        }
        while x < y && in_list(&["the", "a", "an"], t[x].text(self.text)) {
            x += 1;
        }
        let widened = x < a.min(x0) || y > b;
        // `Tom and Ann said`: two people, not one name.
        let has_for_of =
            (x..y).any(|k| joiner(k) && !t[k].text(self.text).eq_ignore_ascii_case("and"));
        (widened && has_for_of && x < y).then_some((x, y))
    }
}

/// The last word of a name.
fn tail_word(name: &str) -> &str {
    name.rsplit(' ').next().unwrap_or(name)
}

/// Per token: inside an embedded social post or a caption paragraph.
fn embedded(text: &str, toks: &[Tok]) -> Vec<bool> {
    let mut out = vec![false; toks.len()];
    // Paragraphs as token ranges.
    let mut paras: Vec<(usize, usize)> = Vec::new();
    let mut s = 0;
    for (i, t) in toks.iter().enumerate() {
        if t.k == Tk::Para {
            if i > s {
                paras.push((s, i));
            }
            s = i + 1;
        }
    }
    if s < toks.len() {
        paras.push((s, toks.len()));
    }
    let word = |k: usize| toks.get(k).map(|t| t.text(text)).unwrap_or("");
    for (pi, &(a, b)) in paras.iter().enumerate() {
        let link = (a..b).any(|k| {
            let w = word(k).to_ascii_lowercase();
            w.starts_with("pic.twitter.com")
                || w.contains("twitter.com/")
                || w.contains("instagram.com/")
        });
        // `— Name (@handle) July 18, 2026`: the post's signature line.
        let shared = text
            .get(toks[a].s..toks[(a + 3).min(b - 1)].e)
            .is_some_and(|h| h.eq_ignore_ascii_case("a post shared by"));
        let signature = shared
            || toks[a].k == Tk::Punct('\u{2014}')
            || toks[a].k == Tk::Punct('\u{2013}')
            || toks[a].k == Tk::Punct('-');
        let handle =
            (a..b.saturating_sub(1)).any(|k| toks[k].is_punct('(') && toks[k + 1].is_punct('@'));
        // `... A post shared by Name (@handle) on Jun 20, 2017`: a handle
        // with a date after it signs a post, wherever it stands.
        let dated = (a..b.saturating_sub(1)).any(|k| {
            toks[k].is_punct('(')
                && toks[k + 1].is_punct('@')
                && (k + 2..(k + 14).min(b)).any(|j| {
                    let w = word(j);
                    w.len() == 4
                        && w.starts_with(['1', '2'])
                        && w.chars().all(|c| c.is_ascii_digit())
                })
        });
        let caption = [
            "media caption",
            "image caption",
            "image copyright",
            "photo:",
            "caption:",
        ]
        .iter()
        .any(|c| {
            let head = text
                .get(toks[a].s..toks[(a + 2).min(b - 1)].e)
                .unwrap_or("");
            head.to_ascii_lowercase().starts_with(c)
        });
        // `Media caption Name: “...”` inside a paragraph: from there on.
        if let Some(k) = (a + 1..b).find(|&k| {
            word(k).eq_ignore_ascii_case("caption")
                && ["media", "image", "video"]
                    .iter()
                    .any(|m| m.eq_ignore_ascii_case(word(k - 1)))
        }) {
            for o in &mut out[k - 1..b] {
                *o = true;
            }
        }
        if link || (signature && handle) || dated || caption {
            for o in &mut out[a..b] {
                *o = true;
            }
            // The post's words stand in the paragraph before its signature.
            if signature
                && handle
                && !link
                && let Some(&(pa, pb)) = pi.checked_sub(1).and_then(|p| paras.get(p))
            {
                for o in &mut out[pa..pb] {
                    *o = true;
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::{EntityKind, Kind, Known, KnownName, find, find_with};

    fn named(t: &str) -> Vec<(String, Option<String>)> {
        find(t)
            .iter()
            .map(|q| (q.content(t).to_string(), q.speaker_name.clone()))
            .collect()
    }

    #[test]
    fn a_film_title_is_no_speaker() {
        let t = "The film \u{201C}Starfall\u{201D} won the main prize. Later the director Ivo Brandt \
                 took the stage. Starfall said \u{201C}we are all so proud of this night and the crew.\u{201D}";
        let q = named(t);
        assert!(
            q.iter().all(|x| x.1.as_deref() != Some("Starfall")),
            "{q:?}"
        );
    }

    #[test]
    fn a_place_is_no_speaker() {
        let t = "Rain fell on the coast. Norland said the harbour would stay closed until spring. \
                 The U.S. said it would send ships to the coast soon.";
        let mut known = Known::new();
        known.add(KnownName {
            canonical: "Norland".into(),
            kind: EntityKind::Place,
            ..KnownName::default()
        });
        let q = find_with(t, &known);
        let names: Vec<Option<&str>> = q.iter().map(|x| x.speaker_name.as_deref()).collect();
        assert!(
            !names.contains(&Some("Norland")) && !names.contains(&Some("U.S.")),
            "{names:?}"
        );
    }

    #[test]
    fn a_word_opening_the_sentence_is_no_speaker() {
        let t = "The crowd went quiet. Moments later the lights said \u{201C}this is not a joke at all.\u{201D}\n\n\
                 Anyone who asked \u{201C}why did you stay so long at the fair?\u{201D} got no answer.\n\n\
                 Along with her brother, Ida Wren called the farm \u{201C}a place of quiet and rest\u{201D} in spring.";
        let q = named(t);
        for bad in ["Moments", "Anyone", "Along"] {
            assert!(
                q.iter().all(|x| x.1.as_deref() != Some(bad)),
                "{bad}: {q:?}"
            );
        }
    }

    #[test]
    fn narration_after_a_colon_is_no_quote() {
        let t = "Dana Pike: her plans for the council on Monday, and a long list of names.";
        assert!(find(t).is_empty(), "{:?}", named(t));
    }

    #[test]
    fn a_publication_cited_near_a_quote_is_no_speaker() {
        let t = "The Kessel Courier reported: \u{201C}The mayor has left the city and nobody knows why.\u{201D}\n\n\
                 In an interview with the Kessel Courier, Dana Pike said \u{201C}we will rebuild the old bridge.\u{201D}";
        let q = named(t);
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[0].1, None, "{q:?}");
        assert_eq!(q[1].1.as_deref(), Some("Dana Pike"), "{q:?}");
    }

    #[test]
    fn the_subject_of_told_reporters_that_speaks_and_the_quote_starts_at_its_mark() {
        let t = "The organisers said sorry.\n\n\u{2014} Best singer winner Lena Dahl told reporters \
                 backstage at the big gala telecast that \u{201C}of course it was an amazing thing to hear.\u{201D}";
        let q = find(t);
        let last = q.last().unwrap();
        assert_eq!(last.speaker_name.as_deref(), Some("Lena Dahl"));
        assert!(
            last.content(t).starts_with('\u{201C}'),
            "{}",
            last.content(t)
        );
        assert_eq!(last.kind, Kind::Direct);
    }

    #[test]
    fn embedded_posts_are_not_the_articles_quotes() {
        let t = "Our plan works, said Ana Ruiz, \u{201C}and it will keep working for years.\u{201D} pic.twitter.com/abc123\n\n\
                 \u{2014} Ann Lowe (@annlowe) July 18, 2026\n\n\
                 Mayor Tom Berg said \u{201C}the bridge opens in May for everyone.\u{201D}";
        let q = named(t);
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].1.as_deref(), Some("Tom Berg"));
    }

    #[test]
    fn a_piece_of_a_body_name_gives_way_to_the_whole() {
        let t =
            "Rain fell. A spokesman for the Office for Harbour Safety said the boats were ready.";
        let q = named(t);
        assert!(
            q.iter().all(|x| x.1.as_deref() != Some("Harbour Safety")),
            "{q:?}"
        );
    }

    #[test]
    fn a_possessive_is_no_speaker_and_a_name_is_whole() {
        let t = "Protests over Berg\u{2019}s dismissed turned into a campaign against the chief. \
                 The Office for Harbour Safety and Rescue said the boats were ready.";
        let q = named(t);
        assert!(q.iter().all(|x| x.1.as_deref() != Some("Berg")), "{q:?}");
        assert!(
            q.iter()
                .any(|x| x.1.as_deref() == Some("Office for Harbour Safety and Rescue")),
            "{q:?}"
        );
    }
}
