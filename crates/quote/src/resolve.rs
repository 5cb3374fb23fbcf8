//! Resolves a speaker mention to a name.
//!
//! One pass collects the capitalised name runs of the article (outside
//! quotes) as mentions of entities: people (a title, a first and last name,
//! `Mr.`), organisations (`the Kremlin`, `Foreign Ministry`) and unknowns.
//! Each entity keeps its longest name and the words that described it
//! (`Russian`, `President`). A speaker mention then resolves:
//! - a name: to its entity (a lone surname joins the person who bore it);
//! - `he`/`she`: to the most recent person of compatible gender;
//! - `who`/`which`: to the name just before it;
//! - a description (`the 72-year-old Russian leader`): to the most recent
//!   entity whose descriptive words agree with it.
//!
//! A [`Known`] list (from an entity linker, say) can name people and
//! organisations in advance, with aliases and gender.

use crate::cue::{is_month_name, is_weekday};
use crate::speaker::is_pronoun;
use crate::token::{Tk, Tok};

/// Gender, as far as the text tells.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Gender {
    /// Not known.
    #[default]
    Unknown,
    /// Male.
    Male,
    /// Female.
    Female,
}

/// What an entity is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum EntityKind {
    /// Not known.
    #[default]
    Unknown,
    /// A person.
    Person,
    /// An organisation (a government body, company, outlet).
    Org,
    /// A place: it may stand for its government ("Ukraine said"), but it
    /// is never `he` or `she`.
    Place,
}

/// One name known in advance.
#[derive(Clone, Debug, Default)]
pub struct KnownName {
    /// The name to report.
    pub canonical: String,
    /// Other spellings found in text (`Putin`, `Vladimir Vladimirovich Putin`).
    pub aliases: Vec<String>,
    /// Person or organisation.
    pub kind: EntityKind,
    /// Gender, for pronoun resolution.
    pub gender: Gender,
}

/// Names known in advance (for example from an entity linker).
#[derive(Clone, Debug, Default)]
pub struct Known {
    names: Vec<KnownName>,
}

impl Known {
    /// An empty list.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds one name.
    pub fn add(&mut self, name: KnownName) {
        self.names.push(name);
    }

    /// The name known under `surface`, if any.
    pub(crate) fn lookup(&self, surface: &str) -> Option<&KnownName> {
        self.names
            .iter()
            .find(|n| n.canonical == surface || n.aliases.iter().any(|a| a == surface))
    }
}

/// Roles many people in a story hold at once ("the president", "a
/// spokesman"): in a description such a word names no one by itself, it
/// only agrees with a role word in an entity's description. A rarer role
/// ("the judge") is matched like any other word, so the list is narrower
/// on purpose than the lexicon's role words ([`is_role`]).
const COMMON_ROLES: &[&str] = &[
    "president",
    "leader",
    "minister",
    "chancellor",
    "premier",
    "king",
    "queen",
    "senator",
    "governor",
    "secretary",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chairman",
    "chief",
    "head",
    "candidate",
    "nominee",
    "president-elect",
    "mayor",
    "ambassador",
    "envoy",
    "congressman",
    "congresswoman",
    "representative",
    "director",
    "official",
    "general",
];

/// Whether `w` names a role or a job a person is described by
/// (`director`, `Spokeswoman`, `analyst`).
pub(crate) fn is_role(w: &str) -> bool {
    w.len() <= 20 && storyline_lexicon::is_role_word(&w.to_lowercase())
}

/// Title words before a person's name.
const TITLES: &[&str] = &[
    "president",
    "president-elect",
    "mr.",
    "mrs.",
    "ms.",
    "dr.",
    "sen.",
    "rep.",
    "gov.",
    "gen.",
    "senator",
    "governor",
    "minister",
    "chancellor",
    "premier",
    "king",
    "queen",
    "prince",
    "secretary",
    "spokesman",
    "spokeswoman",
    "judge",
    "justice",
    "mayor",
    "ambassador",
    "envoy",
    "leader",
    "lt.",
    "col.",
    "sgt.",
    "prof.",
    "rev.",
    "pope",
    "general",
    "lieutenant",
    "congressman",
    "congresswoman",
    "speaker",
    "chairman",
    "director",
    "chief",
    "commissioner",
    "attorney",
    "candidate",
    "nominee",
    "former",
    "foreign",
    "prime",
    "vice",
    "special",
    "sheriff",
    "officer",
    "professor",
    "pres.",
    "lady",
    "mr",
    "mrs",
    "ms",
    "dr",
    "sergeant",
    "inspector",
    "detective",
    "constable",
    "superintendent",
    "captain",
    "capt.",
    "prosecutor",
    "councillor",
    "councilor",
    "sir",
    "dame",
    "bishop",
    "archbishop",
    "host",
    "anchor",
];

/// Last words of the names of laws, documents and events ("the Clean
/// Harbours Act"): such a name is never a person, so never `he` or `she`.
const WORK_HEADS: &[&str] = &[
    "act",
    "amendment",
    "treaty",
    "accord",
    "accords",
    "agreement",
    "resolution",
    "summit",
    "games",
    "cup",
    "prize",
    "festival",
    "article",
    "section",
    "chapter",
    "clause",
    "rally",
    "convention",
    "conference",
    "parade",
    "gala",
];

/// Last words of the names of venues ("Harbour Federal Theatre"): a
/// place, never a person, whatever the entity tagger took it for (not
/// those that speak as bodies: a museum, a hospital, an airport).
const VENUE_HEADS: &[&str] = &[
    "theatre",
    "theater",
    "arena",
    "stadium",
    "auditorium",
    "cathedral",
    "plaza",
    "boulevard",
    "avenue",
];

/// Words that make a name run an organisation (with [`BODY_HEADS`]).
const ORG_WORDS: &[&str] = &[
    "kremlin",
    "chamber",
    "house",
    "party",
    "campaign",
    "times",
    "post",
    "news",
    "office",
    "senate",
    "congress",
    "court",
    "reuters",
    "bank",
    "fund",
    "union",
    "network",
    "cnn",
    "abc",
    "nbc",
    "cbs",
    "bbc",
    "tass",
    "fbi",
    "cia",
    "pentagon",
    "journal",
    "corp.",
    "inc.",
    "group",
    "tribune",
    "press",
    "service",
    "services",
    "nato",
    "un",
    "eu",
    "police",
    "army",
    "parliament",
    "duma",
    "politico",
    "breitbart",
    "fox",
    "msnbc",
    "gop",
    "dnc",
    "rnc",
    "center",
    "centre",
    "board",
    "company",
    "club",
    "church",
    "guardian",
    "telegraph",
    "herald",
    "daily",
    "review",
    "magazine",
    "channel",
    "tv",
    "radio",
    "pac",
];

/// Words that make a name run an organisation and end a body's name, never
/// a person's ("House", "Post" and "Bank" of [`ORG_WORDS`] are surnames
/// too). A platform's name ends no person's name either ("jokes about
/// Mayor Ann Lee Twitter users share" is no "Ann Lee Twitter").
const BODY_HEADS: &[&str] = &[
    "ministry",
    "department",
    "committee",
    "agency",
    "council",
    "administration",
    "government",
    "commission",
    "association",
    "institute",
    "university",
    "foundation",
    "records",
    "recordings",
    "studios",
    "airlines",
    "airways",
    "twitter",
    "facebook",
    "instagram",
    "youtube",
    "tiktok",
    "snapchat",
    "reddit",
    "whatsapp",
];

/// Whether `w` makes a name run an organisation's (`Department`,
/// `Service`, `Times`).
pub(crate) fn is_org_word(w: &str) -> bool {
    in_list(ORG_WORDS, w) || in_list(BODY_HEADS, w)
}

/// Whether `w` ends a body's name and never a person's (`Ministry`,
/// `Airlines`).
pub fn is_body_head(w: &str) -> bool {
    in_list(BODY_HEADS, w)
}

/// Capitalised words that start sentences or name times, never people
/// (weekdays and month names are tested apart, in [`not_name`]).
const NOT_NAMES: &[&str] = &[
    "the",
    "a",
    "an",
    "but",
    "and",
    "in",
    "on",
    "at",
    "for",
    "if",
    "as",
    "after",
    "before",
    "when",
    "while",
    "this",
    "that",
    "these",
    "those",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "their",
    "our",
    "my",
    "its",
    "there",
    "here",
    "what",
    "why",
    "how",
    "so",
    "yet",
    "still",
    "even",
    "per",
    "outgoing",
    "incoming",
    "also",
    "however",
    "earlier",
    "later",
    "now",
    "then",
    "meanwhile",
    "speaking",
    "according",
    "asked",
    "quote",
    "source",
    "read",
    "more",
    "with",
    "from",
    "by",
    "of",
    "to",
    "last",
    "next",
    "during",
    "since",
    "despite",
    "under",
    "over",
    "upon",
    "into",
    "through",
    "until",
    "between",
    "against",
    "beyond",
    "unlike",
    "within",
    "without",
    "across",
    "amid",
    "among",
    "although",
    "though",
    "because",
    "both",
    "all",
    "some",
    "many",
    "most",
    "one",
    "two",
    "no",
    "not",
    "who",
    "which",
    "where",
    "said",
    "says",
    "added",
    "adds",
    "wrote",
    "noted",
    "told",
    "mr",
    "mrs",
    "ms",
];

/// Descriptive words that say nothing about who is meant.
const GENERIC: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "former", "new", "old", "current", "top",
    "senior", "longtime", "then", "this", "that", "once", "future",
];

/// Whether a capitalised word cannot start a name: [`NOT_NAMES`], a weekday
/// or a month's full name.
fn not_name(w: &str) -> bool {
    in_list(NOT_NAMES, w) || is_weekday(w) || is_month_name(w)
}

fn in_list(list: &[&str], w: &str) -> bool {
    w.len() <= 20 && list.iter().any(|x| x.eq_ignore_ascii_case(w))
}

/// An entity met in the article.
#[derive(Clone, Debug)]
struct Entity {
    name: String,
    kind: EntityKind,
    gender: Gender,
    /// Lower-cased words that described it, plus its name words.
    words: Vec<String>,
}

/// A name run seen at a token.
#[derive(Clone, Copy, Debug)]
struct Mention {
    first: usize,
    end: usize,
    entity: usize,
}

/// The entities and mentions of one article.
#[derive(Debug, Default)]
pub struct Resolver {
    entities: Vec<Entity>,
    mentions: Vec<Mention>,
}

impl Resolver {
    /// Collects the name runs of the article. `outside(i)` says whether
    /// token `i` lies outside quotes.
    pub fn build(text: &str, toks: &[Tok], outside: &[bool], known: &Known) -> Self {
        let mut r = Resolver::default();
        let mut i = 0;
        while i < toks.len() {
            if !toks[i].is_word() || !toks[i].cap || !outside.get(i).copied().unwrap_or(true) {
                i += 1;
                continue;
            }
            // Lower-case descriptors just before the run (`the 72-year-old Russian`).
            let mut j = i;
            while j < toks.len()
                && j - i < 8
                && toks[j].is_word()
                && (toks[j].cap
                    || in_list(&["of", "de", "van", "von", "bin", "al"], toks[j].text(text)))
            {
                j += 1;
            }
            // Trailing lower-case joiners belong to no name, nor does a
            // day after it (`Senate Republicans Thursday said`). Months
            // stay: "May" ends names.
            while j > i + 1 && (!toks[j - 1].cap || is_weekday(toks[j - 1].text(text))) {
                j -= 1;
            }
            // `Food and Drug Administration`, `Health and Human Services
            // Secretary Ann Lee`: a body's name goes on over "and".
            if j - i <= 3
                && toks.get(j).is_some_and(|t| t.text(text) == "and")
                && !is_org_word(toks[j - 1].text(text))
            {
                let mut k = j + 1;
                while k < toks.len() && k - j <= 4 && toks[k].is_word() && toks[k].cap {
                    k += 1;
                }
                if (j + 1..k).any(|m| is_org_word(toks[m].text(text))) {
                    while k < toks.len() && k - i < 12 && toks[k].is_word() && toks[k].cap {
                        k += 1;
                    }
                    j = k;
                }
            }
            r.add_run(text, toks, i, j, known);
            i = j.max(i + 1);
        }
        r
    }

    fn add_run(&mut self, text: &str, toks: &[Tok], first: usize, end: usize, known: &Known) {
        let mut a = first;
        // Sentence-initial words and times are not part of names.
        while a < end && not_name(toks[a].text(text).trim_end_matches('.')) {
            a += 1;
        }
        if a >= end {
            return;
        }
        // The title of a work ("a novel entitled Some Quiet Thing") names
        // no one.
        if first > 0
            && toks[first - 1].is_word()
            && in_list(&["entitled", "titled"], toks[first - 1].text(text))
        {
            return;
        }
        // A heading in capitals ("UNUSUAL ENVELOPE") is no name, unless the
        // article names someone so.
        let shouting = |t: &Tok| {
            let w = t.text(text);
            w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !w.chars().any(char::is_lowercase)
        };
        if end - a >= 2
            && toks[a..end].iter().all(shouting)
            && known
                .lookup(text.get(toks[a].s..toks[end - 1].e).unwrap_or(""))
                .is_none()
        {
            return;
        }
        // `Caption The Harbour Board`, `Analysis The ...`: page furniture
        // run into a sentence's first words; the name starts after the
        // article.
        let cut = (a + 1..end)
            .rev()
            .find(|&k| in_list(&["the", "a", "an"], toks[k].text(text)));
        if let Some(k) = cut {
            a = k + 1;
            if a >= end {
                return;
            }
        }
        let mut kind = EntityKind::Unknown;
        let mut gender = Gender::Unknown;
        let mut words: Vec<String> = Vec::new();
        // A body's name keeps its first words (`Justice Department`,
        // `American Airlines`): they are no title or description.
        let body_run = is_body_head(toks[end - 1].text(text));
        // Titles and descriptors: everything up to the last title word.
        let mut name_from = a;
        // A job capitalised before a full name ("Public Defender Mara
        // Oakes") is a title too; not in a body's name ("General Motors",
        // "Director of Public Prosecutions").
        let body = (a..end).any(|k| is_org_word(toks[k].text(text)) || toks[k].text(text) == "of");
        for (k, t) in toks.iter().enumerate().take(end).skip(a) {
            let w = t.text(text);
            let job = !body && k + 2 < end && is_role(w);
            let title = in_list(TITLES, w) && !body_run;
            let adjectival = is_adjectival(w) && !(body_run && k + 2 >= end);
            if k + 1 < end && (title || adjectival || job) {
                if title || job {
                    kind = EntityKind::Person;
                    name_from = k + 1;
                }
                if in_list(
                    &[
                        "mrs.",
                        "ms.",
                        "mrs",
                        "ms",
                        "dame",
                        "queen",
                        "lady",
                        "spokeswoman",
                        "congresswoman",
                    ],
                    w,
                ) {
                    gender = Gender::Female;
                }
                if in_list(
                    &[
                        "mr.",
                        "mr",
                        "sir",
                        "king",
                        "prince",
                        "spokesman",
                        "congressman",
                    ],
                    w,
                ) {
                    gender = Gender::Male;
                }
            }
        }
        while name_from < end
            && is_adjectival(toks[name_from].text(text))
            && name_from + 1 < end
            && !(body_run && name_from + 2 >= end)
        {
            name_from += 1;
        }
        // "Mayor of Velmora Ilsa Brandt": the place goes with the title
        // (a name's own particle stays: "President de Vries"). A place of
        // several words ("Mayor of New York Eric Adams") leaves the name
        // its last two.
        if name_from > a && name_from < end && toks[name_from].text(text) == "of" {
            // ... and a middle initial its given name ("Director of Harbour
            // Safety Ivo K. Brandt").
            let initial = |w: &str| {
                let mut c = w.chars();
                matches!((c.next(), c.next(), c.next()), (Some(l), Some('.'), None) if l.is_uppercase())
            };
            name_from = if end - name_from >= 5 && initial(toks[end - 2].text(text)) {
                end - 3
            } else if end - name_from >= 4 {
                end - 2
            } else {
                name_from + 2
            };
        }
        if name_from >= end || (end - name_from == 1 && is_adjectival(toks[name_from].text(text))) {
            // Only titles (`President`) or a nationality: a description.
            return;
        }
        // Lower-case descriptors before the run, in the same phrase.
        let mut d = first;
        while d > 0 && first - d < 4 && toks[d - 1].is_word() {
            let w = toks[d - 1].text(text);
            if toks[d - 1].cap && !is_adjectival(w) {
                break;
            }
            if in_list(GENERIC, w) || crate::cue::is_stop(w) || crate::cue::is_cue_word(w) {
                break;
            }
            d -= 1;
        }
        for t in toks.iter().take(end).skip(d) {
            let w = t.text(text).to_lowercase();
            if !in_list(GENERIC, &w) {
                words.push(w);
            }
        }
        // "Liv Aronsen of Oldmere police": a person's name stops at "of";
        // the place or body after it is a mention of its own.
        let run_end = end;
        let mut end = end;
        let mut rest = None;
        if let Some(o) = (name_from + 2..end).find(|&k| toks[k].text(text) == "of")
            && o + 1 < end
            && !(name_from..o).any(|k| is_org_word(toks[k].text(text)))
            && (kind == EntityKind::Person
                || text
                    .get(toks[name_from].s..toks[o - 1].e)
                    .and_then(|n| known.lookup(n))
                    .is_some_and(|k| k.kind == EntityKind::Person))
        {
            rest = Some(o + 1);
            end = o;
        }
        // "Politologe Dmitri Oreschkin": a role the language capitalises
        // ahead of a name the article's entities know.
        let whole = text.get(toks[name_from].s..toks[end - 1].e).unwrap_or("");
        if known.lookup(whole).is_none()
            && let Some(k) = (name_from + 1..end.saturating_sub(1)).find(|&k| {
                text.get(toks[k].s..toks[end - 1].e)
                    .and_then(|n| known.lookup(n))
                    .is_some_and(|n| n.kind == EntityKind::Person)
            })
        {
            name_from = k;
        }
        let (s, e) = (toks[name_from].s, toks[end - 1].e);
        let surface = text.get(s..e).unwrap_or("");
        let n_words = end - name_from;
        let is_org = (a..end).any(|k| is_org_word(toks[k].text(text)))
            || (name_from > 0
                && toks[name_from - 1].text(text).eq_ignore_ascii_case("the")
                && n_words == 1
                && kind != EntityKind::Person);
        let venue = n_words >= 2 && in_list(VENUE_HEADS, toks[end - 1].text(text));
        if venue {
            kind = EntityKind::Place;
        } else if is_org {
            kind = EntityKind::Org;
        } else if (2..=4).contains(&n_words)
            && kind == EntityKind::Unknown
            // What is left of a headline in title case is no one's name,
            // and a day's name (`Fourth of July`) none either.
            && cut.is_none()
            && !(name_from..end).any(|k| not_name(toks[k].text(text)))
            && !surface.contains(['&'])
            && !in_list(WORK_HEADS, toks[end - 1].text(text))
        {
            kind = EntityKind::Person;
        }
        let (name, kind, gender) = match known.lookup(surface) {
            // A name headed by a word no person bears ("Quiet Records")
            // is a body's, whatever the entity tagger took it for.
            Some(k)
                if k.kind == EntityKind::Person
                    && in_list(BODY_HEADS, toks[end - 1].text(text)) =>
            {
                (k.canonical.clone(), EntityKind::Org, Gender::Unknown)
            }
            Some(k) if venue => (k.canonical.clone(), EntityKind::Place, Gender::Unknown),
            Some(k) => (k.canonical.clone(), k.kind, k.gender),
            None => (surface.to_string(), kind, gender),
        };
        // Without a title, a common given name hints at the sex ("Anna
        // Berg ... he said" is not Anna Berg's).
        let gender = match (gender, kind) {
            (Gender::Unknown, EntityKind::Person) if name.contains(' ') => name
                .split(' ')
                .next()
                .and_then(|g| storyline_lexicon::given_name_sex(&g.to_lowercase()))
                .map_or(Gender::Unknown, |s| match s {
                    storyline_lexicon::GivenSex::Male => Gender::Male,
                    storyline_lexicon::GivenSex::Female => Gender::Female,
                }),
            (g, _) => g,
        };
        // A surname alone joins the person who bore it in full.
        let existing = self.entities.iter().rposition(|en| {
            en.name == name
                || (n_words == 1
                    && kind != EntityKind::Org
                    && !en.name.contains("'s ")
                    && !en.name.contains("\u{2019}s ")
                    && en.name.rsplit(' ').next() == Some(name.as_str()))
                || (n_words >= 2
                    && !en.name.contains(' ')
                    && name.len() > en.name.len()
                    && name.ends_with(en.name.as_str())
                    && name[..name.len() - en.name.len()].ends_with(' '))
        });
        let entity = match existing {
            Some(x) => {
                let en = &mut self.entities[x];
                if name.len() > en.name.len() && kind != EntityKind::Org {
                    en.name = name;
                }
                if en.kind == EntityKind::Unknown {
                    en.kind = kind;
                }
                if en.gender == Gender::Unknown {
                    en.gender = gender;
                }
                for w in words {
                    if !en.words.contains(&w) && en.words.len() < 24 {
                        en.words.push(w);
                    }
                }
                x
            }
            None => {
                self.entities.push(Entity {
                    name,
                    kind,
                    gender,
                    words,
                });
                self.entities.len() - 1
            }
        };
        self.mentions.push(Mention {
            first: d.min(name_from),
            end,
            entity,
        });
        if let Some(r) = rest {
            self.add_run(text, toks, r, run_end, known);
        }
    }

    /// Resolves the speaker mention covering tokens `[a, b)` to a name.
    /// When the mention is a person named by text, remembers pronoun gender
    /// hints from `he`/`she` resolutions on the way.
    pub fn resolve(&mut self, text: &str, toks: &[Tok], a: usize, b: usize) -> Option<String> {
        if a >= b || b > toks.len() {
            return None;
        }
        // `Halden Foods, a company ... in the Kessel Valley,`: a name
        // before an appositive is the speaker (`The old mayor, Ana Ruiz`
        // names no one before the comma).
        // `Ann Lee’s attorney, Tom Berg,`: a role before the comma is
        // described by the name after it.
        let b = (a + 1..b)
            .find(|&k| toks[k].is_punct(','))
            .filter(|&c| self.mentions.iter().any(|m| m.first < c && m.end > a))
            .filter(|&c| toks[c - 1].cap)
            .unwrap_or(b);
        // A name run inside the mention; a person or body before a place
        // ("Sergeant Liv Aronsen of Oldmere police").
        let inside = |m: &&Mention| {
            m.first < b
                && m.end > a
                && (m.end == b || self.entities[m.entity].kind != EntityKind::Unknown)
        };
        let place = |m: &&Mention| self.entities[m.entity].kind == EntityKind::Place;
        // A person before "of" and a body ("Ann Lee of Harbour Center")
        // speaks, not the body.
        let person_of = |m: &&Mention| {
            self.entities[m.entity].kind == EntityKind::Person
                && toks.get(m.end).is_some_and(|t| t.text(text) == "of")
        };
        if let Some(m) = self
            .mentions
            .iter()
            .rev()
            .filter(inside)
            .find(person_of)
            .or_else(|| {
                self.mentions
                    .iter()
                    .rev()
                    .filter(inside)
                    .find(|m| !place(m))
            })
            .or_else(|| self.mentions.iter().rev().find(inside))
        {
            // "The Kremlin leader", "the White House spokesman": a body's
            // name before a role describes a person of that role.
            let body = matches!(
                self.entities[m.entity].kind,
                EntityKind::Org | EntityKind::Place
            );
            if body
                && let Some(role) = toks
                    .get(m.end..b)
                    .unwrap_or(&[])
                    .iter()
                    .map(|t| t.text(text))
                    .find(|w| in_list(COMMON_ROLES, w))
                && let Some(person) = self
                    .mentions
                    .iter()
                    .rev()
                    .filter(|p| p.end <= a)
                    .take(60)
                    .map(|p| &self.entities[p.entity])
                    .find(|en| {
                        en.kind == EntityKind::Person
                            && en.words.iter().any(|w| w.eq_ignore_ascii_case(role))
                    })
            {
                return Some(person.name.clone());
            }
            let en = &mut self.entities[m.entity];
            // Whoever speaks is a person or an organisation.
            if en.kind == EntityKind::Unknown {
                en.kind = EntityKind::Person;
            }
            return Some(en.name.clone());
        }
        let w = toks[a].text(text);
        if b == a + 1 && is_pronoun(w) {
            let lw = w.to_ascii_lowercase();
            let prior = self.mentions.iter().rev().filter(|m| m.end <= a);
            let found = match lw.as_str() {
                "he" | "she" => {
                    let want = if lw == "he" {
                        Gender::Male
                    } else {
                        Gender::Female
                    };
                    // A one-word name met once (`Hill` in a photo link,
                    // `Skip` in a menu) is no one a pronoun stands for.
                    let named_enough = |e: usize| {
                        self.entities[e].name.contains(' ')
                            || self
                                .mentions
                                .iter()
                                .filter(|m| m.entity == e && m.end <= a)
                                .nth(1)
                                .is_some()
                    };
                    let fits = |e: usize| {
                        let en = &self.entities[e];
                        en.kind == EntityKind::Person
                            && (en.gender == want || en.gender == Gender::Unknown)
                    };
                    // The subject of a recent sentence outranks a name met
                    // later in it ("Inspector Dunne said the group ... . He
                    // urged ..."): only a later subject displaces it.
                    let mut nearest: Option<(usize, usize)> = None;
                    let mut subject = None;
                    // "Ada Moss of Port Kessel": the town a person is of
                    // is no one a pronoun stands for, whatever the tagger
                    // made of it.
                    let of_person = |m: &Mention| {
                        // The mention may take the "of" in.
                        let of = (m.first.saturating_sub(1)..=m.first)
                            .find(|&k| k > 0 && toks[k].text(text) == "of");
                        of.is_some_and(|k| {
                            self.mentions.iter().any(|n| {
                                n.end == k && self.entities[n.entity].kind == EntityKind::Person
                            })
                        })
                    };
                    for m in prior.take(40) {
                        // "The Harbour Fund, she claimed, did ...": the
                        // name before the comma is what she spoke about.
                        let spoken_of = m.end + 1 == a && toks[m.end].is_punct(',');
                        if !fits(m.entity)
                            || spoken_of
                            || of_person(m)
                            || in_opening_phrase(text, toks, m.first, m.end)
                            || pronoun_subject_before(text, toks, m.first, &lw)
                        {
                            continue;
                        }
                        let (_, near_end) = *nearest.get_or_insert((m.entity, m.end));
                        // The nearest name's sentence, or the one before it.
                        if sentences_between(toks, m.end, near_end) > 1 {
                            break;
                        }
                        if starts_clause(text, toks, m.first) || before_verb(text, toks, m.end) {
                            subject = Some(m.entity);
                            break;
                        }
                    }
                    // The one it stands for is a weak name: better no one
                    // than someone further back.
                    let hit = subject
                        .or(nearest.map(|n| n.0))
                        .filter(|&e| named_enough(e));
                    // "The woman said ... she said": a person described,
                    // not named, since the name is who the pronoun is.
                    let since = hit
                        .and_then(|e| {
                            self.mentions
                                .iter()
                                .rev()
                                .find(|m| m.entity == e && m.end <= a)
                        })
                        .map_or(0, |m| m.end);
                    let hit = hit.filter(|_| {
                        !described_since(text, toks, since, a, want)
                            && !relative_since(text, toks, since, a, want)
                    });
                    if let Some(e) = hit
                        && self.entities[e].gender == Gender::Unknown
                    {
                        self.entities[e].gender = want;
                    }
                    hit
                }
                "who" => prior
                    .take(1)
                    .find(|m| a.saturating_sub(m.end) <= 2)
                    .map(|m| m.entity),
                "which" | "it" => prior
                    .take(3)
                    .find(|m| self.entities[m.entity].kind == EntityKind::Org)
                    .map(|m| m.entity),
                _ => None,
            };
            return found.map(|e| self.entities[e].name.clone());
        }
        // A description: the most recent entity whose words agree.
        let mut desc: Vec<&str> = Vec::new();
        for t in &toks[a..b] {
            let w = t.text(text);
            if t.is_word() && !in_list(GENERIC, w) && desc.len() < 12 {
                desc.push(w);
            }
        }
        let has_role = desc.iter().any(|w| in_list(COMMON_ROLES, w));
        let mut best: Option<(usize, usize)> = None;
        for m in self.mentions.iter().rev().filter(|m| m.end <= a).take(60) {
            let en = &self.entities[m.entity];
            // A description names a speaker, not a place: "the island
            // council" is not the island.
            if matches!(en.kind, EntityKind::Unknown | EntityKind::Place) {
                continue;
            }
            let mut score = desc
                .iter()
                .filter(|d| {
                    !in_list(COMMON_ROLES, d) && en.words.iter().any(|w| w.eq_ignore_ascii_case(d))
                })
                .count()
                * 2;
            if has_role
                && en.kind == EntityKind::Person
                && en.words.iter().any(|w| in_list(COMMON_ROLES, w))
            {
                score += 1;
            }
            if score >= 2 && best.is_none_or(|(_, s)| score > s) {
                best = Some((m.entity, score));
            }
        }
        if let Some((e, _)) = best {
            return Some(self.entities[e].name.clone());
        }
        // No one named fits: a body described in full ("the island
        // council") is a speaker by that description.
        let body = desc.len() >= 2 && desc.last().is_some_and(|w| is_org_word(w));
        if body {
            let (s, e) = (toks[a].s, toks[b - 1].e);
            return text.get(s..e).map(str::to_string);
        }
        None
    }

    /// What the entity reported as `name` is, as far as the article tells.
    pub fn kind_of(&self, name: &str) -> EntityKind {
        self.entities
            .iter()
            .find(|e| e.name == name)
            .map_or(EntityKind::Unknown, |e| e.kind)
    }

    /// The most recent person (else organisation) named before token `a`
    /// (the speaker of a bare `Quote:` block).
    pub fn last_named(&self, a: usize) -> Option<String> {
        let prior = || self.mentions.iter().rev().filter(|m| m.end <= a).take(40);
        prior()
            .find(|m| self.entities[m.entity].kind == EntityKind::Person)
            .or_else(|| prior().find(|m| self.entities[m.entity].kind == EntityKind::Org))
            .map(|m| self.entities[m.entity].name.clone())
    }
}

/// Nouns that describe a person of one sex without naming them.
const DESCRIBED_WOMAN: &[&str] = &[
    "woman",
    "girl",
    "mother",
    "wife",
    "daughter",
    "sister",
    "grandmother",
    "widow",
];

/// See [`DESCRIBED_WOMAN`].
const DESCRIBED_MAN: &[&str] = &[
    "man",
    "boy",
    "father",
    "husband",
    "son",
    "brother",
    "grandfather",
    "widower",
];

/// The nouns that describe a person of `sex` without naming them.
fn described(sex: Gender) -> Option<&'static [&'static str]> {
    match sex {
        Gender::Female => Some(DESCRIBED_WOMAN),
        Gender::Male => Some(DESCRIBED_MAN),
        Gender::Unknown => None,
    }
}

/// Whether a sentence in tokens `[from, to)` opens on a person described
/// by sex and not named ("The woman said ...", "Her husband ..."), who a
/// later "she" or "he" of that sex stands for before any name further back.
fn described_since(text: &str, toks: &[Tok], from: usize, to: usize, sex: Gender) -> bool {
    let Some(nouns) = described(sex) else {
        return false;
    };
    let span = toks.get(from..to).unwrap_or(&[]);
    span.iter().enumerate().any(|(i, t)| {
        let opens = i == 0 || span[i - 1].ends_sentence();
        opens
            && t.cap
            && in_list(&["the", "a", "an", "his", "her", "their"], t.text(text))
            && span[i + 1..]
                .iter()
                .take(3)
                .take_while(|w| w.is_word() && !w.cap)
                .any(|w| in_list(nouns, w.text(text)))
    })
}

/// Whether the sentences after the one holding token `from`, up to token
/// `to`, name a relative of that sex by someone else's name ("Berg's
/// wife ... she cried" is the wife, not Berg; "Lee, Ann Moss's brother,
/// said" in the name's own sentence is the name).
fn relative_since(text: &str, toks: &[Tok], from: usize, to: usize, sex: Gender) -> bool {
    let Some(nouns) = described(sex) else {
        return false;
    };
    let Some(from) = (from..to).find(|&k| toks[k].ends_sentence()).map(|k| k + 1) else {
        return false;
    };
    let (Some(a), Some(b)) = (toks.get(from), toks.get(to)) else {
        return false;
    };
    let span = text.get(a.s..b.s).unwrap_or("");
    ["'s ", "\u{2019}s "].iter().any(|owner| {
        span.match_indices(owner).any(|(k, o)| {
            let rest = &span[k + o.len()..];
            let noun = rest
                .find(|c: char| !c.is_alphabetic())
                .map_or(rest, |e| &rest[..e]);
            in_list(nouns, noun)
        })
    })
}

/// Sentence ends (full stops, question and exclamation marks, paragraph
/// breaks) among tokens `[from, to)`.
fn sentences_between(toks: &[Tok], from: usize, to: usize) -> usize {
    toks.get(from..to)
        .map_or(0, |ts| ts.iter().filter(|t| t.ends_sentence()).count())
}

/// Whether the name at token `i` opens a sentence or a clause after a
/// quotation, perhaps after a few words of description ("Chief executive
/// Greta Halden"): where a sentence's subject stands.
fn starts_clause(text: &str, toks: &[Tok], i: usize) -> bool {
    // `... why he was “sure” that Mr Volkov would ...`: a subordinate
    // clause's subject is not the sentence's.
    if i.checked_sub(1)
        .and_then(|p| toks.get(p))
        .is_some_and(|t| t.is_word() && !t.cap && is_subordinator(t.text(text)))
    {
        return false;
    }
    // `Wearing the Harbour Chain, he read ...`: a name in a phrase that
    // opens the sentence is its object, not the sentence's subject.
    let phrase = |k: usize| k < i && toks.get(k).is_some_and(|t| opens_phrase(text, t));
    let mut k = i;
    for _ in 0..4 {
        match k.checked_sub(1).and_then(|p| toks.get(p)) {
            None => return !phrase(k),
            // `Ann Lee says President Ivo Brandt's plan ...`: a name after
            // a verb of speech that has its own subject is no subject of
            // the sentence (after `..., says Ivo Brandt` it is).
            Some(t)
                if t.is_word()
                    && !t.cap
                    && storyline_lexicon::is_speech_verb(&t.text(text).to_lowercase())
                    && k >= 2
                    && toks.get(k - 2).is_some_and(Tok::is_word) =>
            {
                return false;
            }
            Some(t) if t.is_word() => k -= 1,
            // A quoted word closed mid-sentence (`“sure” that`) is no
            // boundary; a quote closed after its punctuation (`...,” said`) is.
            Some(t)
                if matches!(t.k, Tk::Mark(_))
                    && k >= 2
                    && toks.get(k - 2).is_some_and(|p| p.e == t.s && p.is_word()) =>
            {
                k -= 1
            }
            Some(t) => {
                return matches!(
                    t.k,
                    Tk::Para | Tk::Mark(_) | Tk::Punct('.' | '!' | '?' | ':' | ';')
                ) && !phrase(k);
            }
        }
    }
    false
}

/// Whether a sentence's first word opens a phrase before its subject: a
/// participle (`Wearing`) or a preposition (`With`).
fn opens_phrase(text: &str, t: &Tok) -> bool {
    let w = t.text(text);
    crate::strict::participle(w) || in_list(OPENING_PREPOSITIONS, w)
}

/// Whether the name from token `first` to `end` sits in a phrase that
/// opens its sentence and ends in a comma (`Wearing the Harbour Chain,
/// he ...`): the object of the phrase, whom the sentence's `he` is not.
fn in_opening_phrase(text: &str, toks: &[Tok], first: usize, end: usize) -> bool {
    if !toks.get(end).is_some_and(|t| t.is_punct(',')) {
        return false;
    }
    let mut k = first;
    for _ in 0..6 {
        match k.checked_sub(1).and_then(|p| toks.get(p)) {
            Some(t) if t.is_word() => k -= 1,
            Some(t) if !t.ends_sentence() => return false,
            _ => return k < first && toks.get(k).is_some_and(|t| opens_phrase(text, t)),
        }
    }
    false
}

/// Whether the sentence holding token `first` has `pronoun` as a
/// subject before it (`..., he read out a speech written by Tomas
/// Berg`): a name after the sentence's own `he` is who that `he` is
/// not, so a later `he` goes on with the earlier one.
fn pronoun_subject_before(text: &str, toks: &[Tok], first: usize, pronoun: &str) -> bool {
    let mut k = first;
    while let Some(p) = k.checked_sub(1) {
        let t = &toks[p];
        if t.ends_sentence() {
            return false;
        }
        if t.is_word() && t.text(text).eq_ignore_ascii_case(pronoun) {
            let opens = p.checked_sub(1).and_then(|q| toks.get(q)).is_none_or(|b| {
                matches!(
                    b.k,
                    Tk::Para | Tk::Mark(_) | Tk::Punct('.' | '!' | '?' | ',')
                )
            });
            if opens {
                return true;
            }
        }
        k = p;
    }
    false
}

/// Prepositions that open a sentence with a phrase before its subject
/// (`With Ann Lee at his side, he ...`).
const OPENING_PREPOSITIONS: &[&str] = &[
    "after",
    "against",
    "alongside",
    "at",
    "before",
    "behind",
    "beside",
    "despite",
    "during",
    "for",
    "from",
    "in",
    "like",
    "on",
    "to",
    "unlike",
    "with",
    "without",
];

/// Whether a word opens a reported clause or names an agent (`that`,
/// `whether`, `by`), after which a name is not the sentence's subject.
fn is_subordinator(w: &str) -> bool {
    matches!(w, "that" | "whether" | "by")
}

/// Whether a reporting verb follows the name ending before token `end`
/// ("..., last week, Trump suggested"): the name is its clause's subject
/// even after a fronted phrase.
fn before_verb(text: &str, toks: &[Tok], end: usize) -> bool {
    // `Her lawyer, Ann Lee, said`: the comma closes an appositive.
    let end = if toks.get(end).is_some_and(|t| t.is_punct(',')) {
        end + 1
    } else {
        end
    };
    toks.get(end)
        .is_some_and(|t| t.is_word() && crate::cue::is_cue_word(t.text(text)))
}

/// Nationality-like words (`Russian`, `American`) that describe, not name.
fn is_adjectival(w: &str) -> bool {
    (w.ends_with("ian") || w.ends_with("ese") || w.ends_with("ish") || w.ends_with("can"))
        && w.len() > 4
        && w.chars().next().is_some_and(|c| c.is_uppercase())
}

/// Whether token `t` is a word (for callers outside this module).
pub fn is_word(t: &Tok) -> bool {
    t.k == Tk::Word
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;

    fn resolve(t: &str, mention: &str) -> Option<String> {
        let toks = tokenize(t);
        let outside = vec![true; toks.len()];
        let mut r = Resolver::build(t, &toks, &outside, &Known::new());
        let at = t.rfind(mention).unwrap();
        let a = toks.iter().position(|k| k.s == at).unwrap();
        let b = toks.iter().position(|k| k.e == at + mention.len()).unwrap() + 1;
        r.resolve(t, &toks, a, b)
    }

    #[test]
    fn a_law_is_no_he() {
        let t = "Governor Ruth Calder visited the docks on Monday.\n\nUnions were angry with \
                 Calder' public signing of the Fairness in Dockers' Wages Act, which she said \
                 would help protect pay on the docks.";
        assert_eq!(resolve(t, "she").as_deref(), Some("Ruth Calder"));
    }

    #[test]
    fn a_day_after_a_name_is_no_part_of_it() {
        let t = "Harbour Board members Tuesday said the pier would reopen.";
        assert_eq!(
            resolve(t, "Harbour Board members").as_deref(),
            Some("Harbour Board")
        );
        let t = "Councillor Wren Halloway Friday night said the pier would reopen.";
        assert_eq!(
            resolve(t, "Councillor Wren Halloway").as_deref(),
            Some("Wren Halloway")
        );
        // A month may end a name.
        let t = "Councillor Ada May said the pier would reopen.";
        assert_eq!(resolve(t, "Ada May").as_deref(), Some("Ada May"));
    }

    #[test]
    fn a_place_after_a_title_is_no_part_of_the_name() {
        let t = "Mayor of Velmora Ilsa Brandt opened the fair. She said the pier would reopen.";
        assert_eq!(resolve(t, "She").as_deref(), Some("Ilsa Brandt"));
        let t = "Mayor de Vries opened the fair. He said the pier would reopen.";
        assert_eq!(resolve(t, "He").as_deref(), Some("de Vries"));
        // A place of two words: the name is the last two.
        for place in ["Port Aldis", "Aldis"] {
            let mention = format!("Mayor of {place} Mira Feld");
            let t = format!("The pier will be rebuilt, said {mention}.");
            assert_eq!(resolve(&t, &mention).as_deref(), Some("Mira Feld"));
        }
        // A middle initial keeps the given name with it.
        let mention = "Director of Harbour Safety Ivo K. Brandt";
        let t = format!("The pier will be rebuilt, said {mention}.");
        assert_eq!(resolve(&t, mention).as_deref(), Some("Ivo K. Brandt"));
    }

    #[test]
    fn a_clause_of_a_treaty_is_no_speaker() {
        // "Under Article 5" opens a sentence; it names no one for `she`.
        let t = "Under Article 5 of the harbour compact, every port must lend \
                 its tugs, the minister said. \u{201c}We will stand together,\u{201d} she said.";
        assert_eq!(resolve(t, "she"), None);
    }

    #[test]
    fn headings_in_capitals_and_titles_of_works_are_no_speakers() {
        let t = "The harbour master Tom Berg met the crew.\n\nUNUSUAL CARGO\n\n\
                 He said the crates were empty.";
        assert_eq!(resolve(t, "He").as_deref(), Some("Tom Berg"));
        let t = "Ada Moss wrote a novel entitled Some Quiet Harbour. She said it took ten years.";
        assert_eq!(resolve(t, "She").as_deref(), Some("Ada Moss"));
        let t = "Ada Moss met the skipper online. Within days of meeting, they wrote \
                 every night, she said. She said he always called late.";
        assert_eq!(resolve(t, "She").as_deref(), Some("Ada Moss"));
    }

    #[test]
    fn a_role_before_a_comma_is_the_name_after_it() {
        let t = "Ms. Ann Lee\u{2019}s attorney, Tom Berg, said so.";
        assert_eq!(
            resolve(t, "Ms. Ann Lee\u{2019}s attorney, Tom Berg").as_deref(),
            Some("Tom Berg")
        );
    }

    #[test]
    fn a_name_in_an_opening_phrase_is_not_the_subject_for_he() {
        // Nor is a name after the sentence's own `he` (`a speech written by
        // Tomas Berg`): a later `he` goes on with the earlier one.
        let t = "The harbour will reopen in May, Mayor Ivo Brandt said on Monday.\n\n\
                 Wearing the old Harbour Chain, he read out a speech written by Tomas Berg.\n\n\
                 Every berth will be repaired, he said.";
        let q = crate::find(t);
        assert_eq!(
            q.last().and_then(|q| q.speaker_name.as_deref()),
            Some("Ivo Brandt")
        );
    }

    #[test]
    fn a_name_in_apposition_is_the_subject_for_he() {
        let t = "Dana Wren, who owns the mill, filed a claim. Her lawyer, Tom Berg, said she was right. \
                 He said the court would agree.";
        assert_eq!(resolve(t, "He").as_deref(), Some("Tom Berg"));
    }

    #[test]
    fn pronoun_and_surname() {
        let t = "Chancellor Greta Olsen met Mr. Paul Berg. Berg left. Then he spoke.";
        assert_eq!(resolve(t, "he").as_deref(), Some("Paul Berg"));
        assert_eq!(resolve(t, "Berg").as_deref(), Some("Paul Berg"));
    }

    #[test]
    fn a_subject_after_a_fronted_phrase_and_no_place_is_he() {
        // The nearest subject stands after "..., last week,"; the earlier
        // sentence's subject and the places in between are not "he".
        let t = "Governor Ana Ruiz, who met Mr. Karl Moen in Tilde, spoke first. \
            At a briefing in Port Ardent, Kessel, last week, Moen suggested a deal between \
            Estravia and Norland. He added that talks would be hard.";
        let toks = tokenize(t);
        let outside = vec![true; toks.len()];
        let mut known = Known::new();
        for place in ["Estravia", "Norland", "Kessel"] {
            known.add(KnownName {
                canonical: place.into(),
                kind: EntityKind::Place,
                ..KnownName::default()
            });
        }
        let mut r = Resolver::build(t, &toks, &outside, &known);
        let at = t.rfind("He").unwrap();
        let a = toks.iter().position(|k| k.s == at).unwrap();
        assert_eq!(r.resolve(t, &toks, a, a + 1).as_deref(), Some("Karl Moen"));
    }

    #[test]
    fn an_unnamed_body_speaks_by_its_description() {
        let t = "The ferry to Skerra Island ran again. Then the island council spoke.";
        let toks = tokenize(t);
        let outside = vec![true; toks.len()];
        let mut known = Known::new();
        known.add(KnownName {
            canonical: "Skerra Island".into(),
            kind: EntityKind::Place,
            ..KnownName::default()
        });
        let mut r = Resolver::build(t, &toks, &outside, &known);
        let at = t.find("the island").unwrap();
        let a = toks.iter().position(|k| k.s == at).unwrap();
        assert_eq!(
            r.resolve(t, &toks, a, a + 3).as_deref(),
            Some("the island council")
        );
    }

    #[test]
    fn a_body_and_a_role_describe_its_person() {
        let t = "Estravian leader Ana Ruiz met the press. The Citadel said nothing. \
            Later the Citadel leader spoke.";
        assert_eq!(
            resolve(t, "the Citadel leader").as_deref(),
            Some("Ana Ruiz")
        );
    }

    #[test]
    fn description_agrees() {
        let t = "Danish Premier Ida Holm met Kenyan President Omar Ali. Later the 60-year-old Danish leader spoke.";
        assert_eq!(
            resolve(t, "the 60-year-old Danish leader").as_deref(),
            Some("Ida Holm")
        );
    }

    #[test]
    fn a_company_is_not_the_surname_of_a_name_that_ends_with_it() {
        // "Ann Lee's Harbourline" is Ann Lee's ferry account, and the
        // company that speaks later is Harbourline, not part of that name.
        let t = "The board closed Mayor Ann Lee's Harbourline account.\n\n\
                 Harbourline said the mayor's posts were \"a plain breach of our rules\".";
        let mut known = Known::new();
        known.add(KnownName {
            canonical: "Harbourline".into(),
            aliases: vec![],
            kind: EntityKind::Org,
            gender: Gender::Unknown,
        });
        let q = crate::find_with(t, &known);
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].speaker_name.as_deref(), Some("Harbourline"));
        // Nor when the tagger took the company for a person.
        let mut known = Known::new();
        known.add(KnownName {
            canonical: "Harbourline".into(),
            aliases: vec![],
            kind: EntityKind::Person,
            gender: Gender::Unknown,
        });
        let q = crate::find_with(t, &known);
        assert_eq!(q[0].speaker_name.as_deref(), Some("Harbourline"));
    }

    #[test]
    fn known_names_give_canonical_forms() {
        let t = "Then Bobby spoke.";
        let toks = tokenize(t);
        let outside = vec![true; toks.len()];
        let mut known = Known::new();
        known.add(KnownName {
            canonical: "Robert Smith".into(),
            aliases: vec!["Bobby".into()],
            kind: EntityKind::Person,
            gender: Gender::Male,
        });
        let mut r = Resolver::build(t, &toks, &outside, &known);
        assert_eq!(r.resolve(t, &toks, 1, 2).as_deref(), Some("Robert Smith"));
    }

    #[test]
    fn a_capitalised_role_before_a_known_name_is_no_part_of_it() {
        let t = "Hafenmeisterin Ilsa Brandt sprach.";
        let toks = tokenize(t);
        let outside = vec![true; toks.len()];
        let mut known = Known::new();
        known.add(KnownName {
            canonical: "Ilsa Brandt".into(),
            aliases: vec![],
            kind: EntityKind::Person,
            gender: Gender::Female,
        });
        let mut r = Resolver::build(t, &toks, &outside, &known);
        assert_eq!(r.resolve(t, &toks, 0, 3).as_deref(), Some("Ilsa Brandt"));
    }
}
