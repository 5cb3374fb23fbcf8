//! Links the names of one story's articles into entities.
//!
//! [`link`] takes each article's text with the [`Mention`]s found in it and
//! returns one [`Entity`] per person, organisation, place or other name,
//! with every way the story refers to it:
//!
//! 1. **Full names.** Person names of two or more words with the same first
//!    and last word are one person ("Ilse Varn", "Ilse M. Varn"), a
//!    nickname counting as the given name it stands for ("Chuck", "Charles").
//! 2. **Surnames.** A one-word name that is the last word of a known person
//!    joins the most often named such person ("Varn"), and a two-word name
//!    that ends one person's longer name joins that person ("Levine Cava"
//!    of "Daniella Levine Cava").
//! 3. **Titles and appositions.** Role words right before a person's name
//!    become roles, and nationality or organisation words before them
//!    attributes: "Qorthian Foreign Minister Ilse Varn" gives role "Foreign
//!    Minister", attribute "Qorthian" and the whole phrase as an alias. The
//!    same after the name: "Varn, Qorth's foreign minister,".
//! 4. **Descriptions.** "the (age) (nationality/organisation) (role noun)"
//!    ("the 58-year-old Qorthian minister", "the Qorthian leader") joins the
//!    most often named person whose roles and attributes agree with every
//!    word of it (nationality words agree with their country and seat of
//!    government: "Russian", "Russia", "Kremlin"). An age becomes an
//!    attribute.
//!
//! Other names are grouped by their text, case-insensitively. Work is
//! linear in the articles' length times the number of people named.

use std::collections::HashMap;

use crate::gazetteer;
use crate::label::Kind;
use crate::mention::Mention;
use crate::nickname;
use crate::role;
use crate::tokenizer::{self, Token};

/// One person, organisation, place or other thing a story names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    /// The name to show: a person's most frequent full name, otherwise the
    /// most frequent form.
    pub canonical: String,
    /// What it is.
    pub kind: Kind,
    /// Every distinct way it is referred to, in order of first use
    /// ("Vladimir Putin", "Russian President Vladimir Putin", "Putin",
    /// "the Kremlin leader").
    pub aliases: Vec<String>,
    /// Roles and titles ("President", "Foreign Minister"), title-cased.
    pub roles: Vec<String>,
    /// Other descriptions: nationality, organisation, age ("Russian", "72-year-old").
    pub attributes: Vec<String>,
    /// Every reference: (article index, start byte, end byte).
    pub mentions: Vec<(usize, usize, usize)>,
}

/// An entity under construction.
#[derive(Default)]
struct Group {
    forms: Vec<(String, usize)>,
    kinds: [usize; 4],
    aliases: Vec<String>,
    roles: Vec<String>,
    attributes: Vec<String>,
    mentions: Vec<(usize, usize, usize)>,
    names: usize,
    person: bool,
}

impl Group {
    fn name(&mut self, form: &str, kind: Kind, at: (usize, usize, usize)) {
        match self.forms.iter_mut().find(|(f, _)| f == form) {
            Some((_, n)) => *n += 1,
            None => self.forms.push((form.to_string(), 1)),
        }
        self.kinds[Kind::ALL.iter().position(|&k| k == kind).unwrap_or(3)] += 1;
        self.alias(form);
        self.mentions.push(at);
        self.names += 1;
    }

    fn alias(&mut self, s: &str) {
        if !s.is_empty() && !self.aliases.iter().any(|a| a == s) {
            self.aliases.push(s.to_string());
        }
    }

    fn role(&mut self, s: &str) {
        if !s.is_empty() && !self.roles.iter().any(|r| r.eq_ignore_ascii_case(s)) {
            self.roles.push(s.to_string());
        }
    }

    fn attribute(&mut self, s: &str) {
        if !s.is_empty() && !self.attributes.iter().any(|r| r.eq_ignore_ascii_case(s)) {
            self.attributes.push(s.to_string());
        }
    }

    fn nation_keys(&self) -> Vec<String> {
        self.attributes
            .iter()
            .flat_map(|a| a.split_whitespace().map(role::nation_key))
            .collect()
    }

    fn finish(mut self) -> Entity {
        let kind = if self.person {
            Kind::Person
        } else {
            let best = (0..4).max_by_key(|&i| (self.kinds[i], 3 - i)).unwrap_or(3);
            Kind::ALL[best]
        };
        // Most frequent form; for people, full names first, without a
        // title, and not a surname of two words ("Levine Cava" of
        // "Daniella Levine Cava").
        let names: Vec<Vec<String>> = self.forms.iter().map(|(f, _)| name_words(f)).collect();
        let full = |i: usize| {
            let (f, w) = (&self.forms[i].0, &names[i]);
            !self.person
                || (f.contains(' ') && !names.iter().any(|o| o.len() > w.len() && o.ends_with(w)))
        };
        let untitled = |i: usize| names[i].len() == self.forms[i].0.split_whitespace().count();
        // A name met only with its title ("Rep. Ann Lee") is shown
        // without it; the title is a role.
        let canonical = self
            .forms
            .iter()
            .enumerate()
            .max_by_key(|(i, (f, n))| (full(*i), untitled(*i), *n, f.len(), usize::MAX - i))
            .map(|(i, (f, _))| {
                let words: Vec<&str> = f.split_whitespace().collect();
                let keep = names[i].len().min(words.len());
                if self.person && keep < words.len() {
                    words[words.len() - keep..].join(" ")
                } else {
                    f.clone()
                }
            })
            .unwrap_or_default();
        // "Leader" says little once a real role is known.
        if self.roles.iter().any(|r| !role::is_generic_head(&lower(r))) {
            self.roles.retain(|r| !role::is_generic_head(&lower(r)));
        }
        self.mentions.sort_unstable();
        self.mentions.dedup();
        Entity {
            canonical,
            kind,
            aliases: self.aliases,
            roles: self.roles,
            attributes: self.attributes,
            mentions: self.mentions,
        }
    }
}

/// Common nouns that describe a company and open a sentence before its
/// name, so that the tagger takes them in ("Drugmaker Pfizer said").
const DESCRIPTORS: &[&str] = &[
    "airline",
    "automaker",
    "broadcaster",
    "carmaker",
    "chipmaker",
    "drugmaker",
    "insurer",
    "lender",
    "retailer",
    "startup",
];

/// A name without a company descriptor the tagger took in ("Drugmaker
/// Pfizer" is "Pfizer"); `None` when it has none.
fn without_descriptor(form: &str) -> Option<&str> {
    let (head, rest) = form.split_once(' ')?;
    (DESCRIPTORS.contains(&lower(head).as_str()) && is_cap(rest)).then_some(rest)
}

/// The cleaned form of a name: possessive dropped, quotes folded, single spaces.
fn clean(name: &str) -> String {
    let folded: String = name
        .chars()
        .map(|c| if c == '\u{2019}' { '\'' } else { c })
        .collect();
    let t = folded.trim();
    let t = t
        .strip_suffix("'s")
        .or_else(|| t.strip_suffix("'S"))
        .unwrap_or(t);
    let t = t.strip_suffix('\'').unwrap_or(t);
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A person's name in lowercase words, without a title the tagger took
/// into it ("Mayor Daniella Levine Cava", "Miami-Dade County Mayor ...")
/// when two words or more are left ("Prince Harry" stays whole).
fn name_words(form: &str) -> Vec<String> {
    let mut words: Vec<String> = form.split_whitespace().map(lower).collect();
    words.drain(..storyline_lexicon::name_start(&words, |w| role::is_role_word(w)));
    words
}

fn lower(s: &str) -> String {
    s.chars()
        .map(|c| if c == '\u{2019}' { '\'' } else { c })
        .flat_map(char::to_lowercase)
        .collect()
}

/// A key that forgives doubled letters ("Zelenskyy" = "Zelensky").
fn spelling(lower: &str) -> String {
    let mut out = String::with_capacity(lower.len());
    let mut prev = None;
    for c in lower.chars() {
        if prev != Some(c) {
            out.push(c);
        }
        prev = Some(c);
    }
    out
}

/// The key of a given name: its formal form ([`nickname::given`]) as
/// [`spelling`] writes it, and for a name of six letters or more only its
/// first letter and consonants, so that spellings of one name that differ
/// in a vowel ("Lindsey" and "Lindsay") are one person's when the surname
/// is the same. Shorter names keep their vowels: "Dan" and "Don" are two.
fn given_key(word: &str) -> String {
    let key = spelling(nickname::given(word));
    if key.chars().count() < 6 {
        return key;
    }
    let mut chars = key.chars();
    let first = chars.next().into_iter();
    first
        .chain(chars.filter(|c| !matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')))
        .collect()
}

fn is_cap(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// Title-cases a role phrase ("foreign minister" -> "Foreign Minister").
fn title_case(words: &[&str]) -> String {
    let cased: Vec<String> = words
        .iter()
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f.to_uppercase().chain(c).collect(),
                None => String::new(),
            }
        })
        .collect();
    cased.join(" ")
}

/// One article's tokens and names.
struct Article<'a> {
    text: &'a str,
    /// All tokens, in order, with their sentence number.
    tokens: Vec<(Token, usize)>,
    /// Per token: the index of the name covering it, if any.
    covered: Vec<Option<usize>>,
}

impl<'a> Article<'a> {
    fn new(text: &'a str, names: &[(usize, usize)]) -> Article<'a> {
        let tokens: Vec<(Token, usize)> = tokenizer::sentences(text)
            .into_iter()
            .enumerate()
            .flat_map(|(s, toks)| toks.into_iter().map(move |t| (t, s)))
            .collect();
        let mut covered = vec![None; tokens.len()];
        for (n, &(start, end)) in names.iter().enumerate() {
            let first = tokens.partition_point(|(t, _)| t.end <= start);
            // Names are short; the cap bounds the work on hostile spans.
            for k in first..tokens.len().min(first + 64) {
                if tokens[k].0.start >= end {
                    break;
                }
                covered[k] = Some(n);
            }
        }
        Article {
            text,
            tokens,
            covered,
        }
    }

    fn word(&self, k: usize) -> &'a str {
        self.tokens
            .get(k)
            .and_then(|(t, _)| self.text.get(t.start..t.end))
            .unwrap_or("")
    }

    fn sentence(&self, k: usize) -> Option<usize> {
        self.tokens.get(k).map(|&(_, s)| s)
    }

    /// Token range `first..last+1` of a byte span, if it lines up with tokens.
    fn span(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        let first = self.tokens.partition_point(|(t, _)| t.end <= start);
        let last = self.tokens.partition_point(|(t, _)| t.start < end);
        (first < last).then_some((first, last))
    }

    /// Whether token `k` can describe a person's nationality or employer:
    /// a nationality word, or a capitalised word inside a non-person name.
    fn is_affiliation(&self, k: usize, person_names: &[bool]) -> bool {
        let w = self.word(k);
        let lw = lower(w);
        if gazetteer::is_nationality(&lw) {
            return true;
        }
        is_cap(w) && self.covered[k].is_some_and(|n| !person_names.get(n).copied().unwrap_or(true))
    }
}

/// Roles and attributes read from the words around one person's name.
#[derive(Default)]
struct Apposition {
    roles: Vec<String>,
    attributes: Vec<String>,
    /// Byte span of the whole titled name, when a title precedes it.
    titled: Option<(usize, usize)>,
}

/// Reads "Qorthian Foreign Minister <name>" and "<name>, Qorth's foreign minister,".
fn apposition(a: &Article<'_>, first: usize, last: usize, person_names: &[bool]) -> Apposition {
    let mut out = Apposition::default();
    let sent = a.sentence(first);
    // Before the name: role words right before it, affiliations before those.
    let mut k = first;
    let mut role_words: Vec<&str> = Vec::new();
    while k > 0 && a.sentence(k - 1) == sent && first - k < 4 {
        let lw = lower(a.word(k - 1));
        if role::is_role_word(&lw) && a.covered[k - 1].is_none() {
            role_words.push(a.word(k - 1));
            k -= 1;
        } else {
            break;
        }
    }
    if !role_words.is_empty() {
        role_words.reverse();
        let role_start = k;
        let mut attrs: Vec<&str> = Vec::new();
        while k > 0 && a.sentence(k - 1) == sent && role_start - k < 4 {
            let w = a.word(k - 1);
            if matches!(w, "'s" | "\u{2019}s") || a.is_affiliation(k - 1, person_names) {
                attrs.push(w);
                k -= 1;
            } else {
                break;
            }
        }
        attrs.reverse();
        let attrs: Vec<&str> = attrs
            .into_iter()
            .filter(|w| !matches!(*w, "'s" | "\u{2019}s"))
            .collect();
        if !attrs.is_empty() {
            out.attributes.push(attrs.join(" "));
        }
        let kept: Vec<&str> = role_words
            .iter()
            .copied()
            .filter(|w| !role::is_qualifier(&lower(w)))
            .collect();
        if kept
            .iter()
            .any(|w| role::is_head(&lower(w)) || kept.len() == 1)
        {
            out.roles.push(title_case(&kept));
        }
        if let (Some((s, _)), Some((e, _))) = (a.tokens.get(k), a.tokens.get(last - 1)) {
            out.titled = Some((s.start, e.end));
        }
    }
    // After the name: ", [the|a|X's] [affiliations] role words ,|.".
    if a.word(last) == "," && a.sentence(last) == sent {
        let mut k = last + 1;
        let mut attrs: Vec<&str> = Vec::new();
        let mut roles: Vec<&str> = Vec::new();
        while a.sentence(k) == sent && k - last <= 8 {
            let w = a.word(k);
            let lw = lower(w);
            if matches!(w, "," | "." | ";" | ")" | "--") {
                break;
            }
            if matches!(lw.as_str(), "the" | "a" | "an" | "'s") && roles.is_empty() {
                // Articles and possessives carry nothing.
            } else if role::is_role_word(&lw) {
                roles.push(w);
            } else if roles.is_empty() && a.is_affiliation(k, person_names) {
                attrs.push(w);
            } else if !(roles.is_empty() && role::is_neutral(&lw)) {
                roles.clear();
                break;
            }
            k += 1;
        }
        let ends = matches!(a.word(k), "," | "." | ";" | ")" | "--") || a.sentence(k) != sent;
        let kept: Vec<&str> = roles
            .iter()
            .copied()
            .filter(|w| !role::is_qualifier(&lower(w)))
            .collect();
        if ends && kept.last().is_some_and(|w| role::is_head(&lower(w))) {
            out.roles.push(title_case(&kept));
            if !attrs.is_empty() {
                out.attributes.push(attrs.join(" "));
            }
        }
    }
    out
}

/// A descriptive phrase: "the 72-year-old Russian leader".
struct Description {
    start: usize,
    end: usize,
    /// Role words, lowercase, the head last.
    roles: Vec<String>,
    /// Nationality/affiliation keys every candidate must have.
    nations: Vec<String>,
    age: Option<String>,
}

fn descriptions(a: &Article<'_>, person_names: &[bool]) -> Vec<Description> {
    let mut out = Vec::new();
    let n = a.tokens.len();
    for i in 0..n {
        if !a.word(i).eq_ignore_ascii_case("the") {
            continue;
        }
        let sent = a.sentence(i);
        let (mut roles, mut nations, mut age) = (Vec::new(), Vec::new(), None);
        let mut head = None;
        let mut k = i + 1;
        while k < n && a.sentence(k) == sent && k - i <= 6 {
            let w = a.word(k);
            let lw = lower(w);
            if a.covered[k].is_some_and(|m| person_names.get(m).copied().unwrap_or(false)) {
                break;
            }
            if role::is_age(&lw) {
                age = Some(lw);
            } else if role::is_role_word(&lw) {
                roles.push(lw.clone());
                if role::is_head(&lw) {
                    head = Some(k);
                }
            } else if a.is_affiliation(k, person_names) || (is_cap(w) && !roles.is_empty()) {
                if !roles.is_empty() {
                    break; // "the president Xyz": a name follows
                }
                nations.push(role::nation_key(w));
            } else if !role::is_neutral(&lw) {
                break;
            }
            k += 1;
        }
        let Some(h) = head else { continue };
        if h + 1 != k {
            continue; // words after the head that are not a stop: not a description
        }
        // "the President Vladimir Putin": an apposition, handled with the name.
        let next = a.word(k);
        if a.sentence(k) == sent && is_cap(next) && a.covered.get(k).copied().flatten().is_some() {
            continue;
        }
        // "the president of Qorth": the place agrees like a nationality.
        if lower(next) == "of" && a.sentence(k) == sent {
            let mut j = k + 1;
            if lower(a.word(j)) == "the" {
                j += 1;
            }
            if is_cap(a.word(j)) && a.sentence(j) == sent {
                nations.push(role::nation_key(a.word(j)));
            }
        }
        let (Some((s, _)), Some((e, _))) = (a.tokens.get(i), a.tokens.get(h)) else {
            continue;
        };
        out.push(Description {
            start: s.start,
            end: e.end,
            roles,
            nations,
            age,
        });
    }
    out
}

/// Whether a person's roles and attributes agree with a description.
fn agrees(g: &Group, d: &Description) -> bool {
    let Some(head) = d.roles.last() else {
        return false;
    };
    let roles: Vec<Vec<String>> = g
        .roles
        .iter()
        .map(|r| r.split_whitespace().map(lower).collect())
        .collect();
    let role_ok = if role::is_generic_head(head) && d.roles.len() == 1 {
        !roles.is_empty()
    } else {
        roles.iter().any(|r| {
            d.roles.iter().all(|w| {
                r.iter().any(|x| x.starts_with(w.as_str()))
                    || (role::is_generic_head(w) && !r.is_empty())
            })
        })
    };
    if !role_ok {
        return false;
    }
    let keys = g.nation_keys();
    d.nations.iter().all(|n| keys.contains(n))
}

/// Links the names of one story's articles: `docs` holds each article's
/// text and the mentions found in it (e.g. by [`crate::find`]). Entities
/// come back most-mentioned first; mention positions refer to `docs`.
pub fn link(docs: &[(&str, &[Mention])]) -> Vec<Entity> {
    let mut groups: Vec<Group> = Vec::new();
    let mut by_full: HashMap<(String, String), usize> = HashMap::new();
    let mut by_last: HashMap<String, Vec<usize>> = HashMap::new();
    let mut by_text: HashMap<String, usize> = HashMap::new();

    // Valid mentions, cleaned: (doc, start, end, kind, form); and the form
    // with the descriptor it was found with, kept as an alias (the quote
    // finder meets the name so).
    let mut items: Vec<(usize, usize, usize, Kind, String)> = Vec::new();
    let mut described: Vec<Option<String>> = Vec::new();
    for (d, (text, mentions)) in docs.iter().enumerate() {
        for m in mentions.iter() {
            let Some(raw) = text.get(m.start..m.end) else {
                continue;
            };
            let full = clean(raw);
            if full.is_empty() {
                continue;
            }
            match without_descriptor(&full) {
                Some(name) => {
                    items.push((d, m.start, m.end, m.kind, name.to_string()));
                    described.push(Some(full));
                }
                None => {
                    items.push((d, m.start, m.end, m.kind, full));
                    described.push(None);
                }
            }
        }
    }
    // A two-word name that ends a longer one is its owner's surname of two
    // words ("Levine Cava" of "Daniella Levine Cava"), when only one
    // longer name ends so: its key is the longer name's.
    let names: Vec<Vec<String>> = items.iter().map(|it| name_words(&it.4)).collect();
    let mut surnames: HashMap<(String, String), Option<String>> = HashMap::new();
    for ((.., kind, _), words) in items.iter().zip(&names) {
        if *kind == Kind::Person && words.len() >= 3 {
            let n = words.len();
            let owner = given_key(&words[0]);
            surnames
                .entry((spelling(&words[n - 2]), spelling(&words[n - 1])))
                .and_modify(|o| {
                    if o.as_ref() != Some(&owner) {
                        *o = None;
                    }
                })
                .or_insert(Some(owner));
        }
    }
    // Group of each item, filled in two passes: full person names first.
    let mut group_of: Vec<Option<usize>> = vec![None; items.len()];
    for (i, (d, s, e, kind, form)) in items.iter().enumerate() {
        let words = &names[i];
        if *kind != Kind::Person || words.len() < 2 {
            continue;
        }
        let mut key = (given_key(&words[0]), spelling(&words[words.len() - 1]));
        if words.len() == 2
            && let Some(Some(owner)) = surnames.get(&(spelling(&words[0]), key.1.clone()))
        {
            key.0 = owner.clone();
        }
        let last = key.1.clone();
        let g = *by_full.entry(key).or_insert_with(|| {
            groups.push(Group {
                person: true,
                ..Group::default()
            });
            let g = groups.len() - 1;
            by_last.entry(last).or_default().push(g);
            g
        });
        groups[g].name(form, *kind, (*d, *s, *e));
        group_of[i] = Some(g);
    }
    for (i, (d, s, e, kind, form)) in items.iter().enumerate() {
        if group_of[i].is_some() {
            continue;
        }
        let lf = lower(form);
        let sf = spelling(&lf);
        // A one-word name that is a known person's surname is that person,
        // whatever the tagger called it here ("Putin" read as a place in a
        // headline), unless the word is also a well-known place.
        let surname_of = if !lf.contains(' ') && !gazetteer::is_place(&lf) {
            by_last
                .get(&sf)
                .into_iter()
                .flatten()
                .copied()
                .max_by_key(|&g| (groups[g].names, usize::MAX - g))
        } else {
            None
        };
        let g = match surname_of {
            Some(g) => g,
            None => *by_text.entry(lf).or_insert_with(|| {
                groups.push(Group {
                    person: false,
                    ..Group::default()
                });
                groups.len() - 1
            }),
        };
        groups[g].name(form, *kind, (*d, *s, *e));
        group_of[i] = Some(g);
    }
    for (i, full) in described.iter().enumerate() {
        if let (Some(full), Some(g)) = (full, group_of[i]) {
            groups[g].alias(full);
        }
    }
    // A group named only as a person is a person.
    for g in &mut groups {
        if !g.person && g.kinds[0] * 2 > g.names {
            g.person = true;
        }
    }

    // Titles and appositions in every article first, so that descriptions
    // anywhere in the story can use every role and attribute.
    let mut articles = Vec::with_capacity(docs.len());
    for (d, (text, _)) in docs.iter().enumerate() {
        let here: Vec<usize> = (0..items.len()).filter(|&i| items[i].0 == d).collect();
        let spans: Vec<(usize, usize)> = here.iter().map(|&i| (items[i].1, items[i].2)).collect();
        let person_names: Vec<bool> = here
            .iter()
            .map(|&i| group_of[i].is_some_and(|g| groups[g].person))
            .collect();
        let article = Article::new(text, &spans);
        for (n, &i) in here.iter().enumerate() {
            let Some(g) = group_of[i].filter(|_| person_names[n]) else {
                continue;
            };
            let Some((first, last)) = article.span(items[i].1, items[i].2) else {
                continue;
            };
            let app = apposition(&article, first, last, &person_names);
            for r in &app.roles {
                groups[g].role(r);
            }
            for a in &app.attributes {
                groups[g].attribute(a);
            }
            if let Some(t) = app.titled.and_then(|(s, e)| text.get(s..e)) {
                groups[g].alias(&clean(t));
            }
        }
        let named_here: Vec<usize> = here.iter().filter_map(|&i| group_of[i]).collect();
        articles.push((article, person_names, named_here));
    }
    for (d, (article, person_names, named_here)) in articles.iter().enumerate() {
        let text = article.text;
        for desc in descriptions(article, person_names) {
            // People named in the same article first, then the most named.
            let best = (0..groups.len())
                .filter(|&g| groups[g].person && agrees(&groups[g], &desc))
                .max_by_key(|&g| (named_here.contains(&g), groups[g].names, usize::MAX - g));
            let Some(g) = best else { continue };
            if let Some(t) = text.get(desc.start..desc.end) {
                let t = clean(t);
                let t = match t.strip_prefix("The ") {
                    Some(rest) => format!("the {rest}"),
                    None => t,
                };
                groups[g].alias(&t);
            }
            if let Some(age) = &desc.age {
                groups[g].attribute(age);
            }
            groups[g].mentions.push((d, desc.start, desc.end));
        }
    }

    let mut out: Vec<(usize, Entity)> = groups.into_iter().map(|g| (g.names, g.finish())).collect();
    out.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then_with(|| a.1.mentions.first().cmp(&b.1.mentions.first()))
    });
    out.into_iter().map(|(_, e)| e).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(text: &str, name: &str, kind: Kind, nth: usize) -> Mention {
        let start = text
            .match_indices(name)
            .nth(nth)
            .map(|(i, _)| i)
            .expect("name in text");
        Mention {
            start,
            end: start + name.len(),
            kind,
            text: name.to_string(),
        }
    }

    #[test]
    fn a_given_name_spelt_two_ways_is_one_person() {
        // From a real digest, where one senator was two speakers.
        let a = "Senator Lindsey Harlow spoke first. Dan Moss spoke next.";
        let b = "Lindsay Harlow answered. Don Moss did not.";
        let ma = vec![
            m(a, "Lindsey Harlow", Kind::Person, 0),
            m(a, "Dan Moss", Kind::Person, 0),
        ];
        let mb = vec![
            m(b, "Lindsay Harlow", Kind::Person, 0),
            m(b, "Don Moss", Kind::Person, 0),
        ];
        let es = link(&[(a, &ma), (b, &mb)]);
        let harlows = es
            .iter()
            .filter(|e| e.canonical.ends_with("Harlow"))
            .count();
        let mosses = es.iter().filter(|e| e.canonical.ends_with("Moss")).count();
        assert_eq!((harlows, mosses), (1, 2), "{es:?}");
        // A long given name's key still finds its owner's two-word surname.
        let c = "Mayor Annabel Levine Kost spoke. Levine Kost left.";
        let mc = vec![
            m(c, "Annabel Levine Kost", Kind::Person, 0),
            m(c, "Levine Kost", Kind::Person, 0),
        ];
        let es = link(&[(c, &mc)]);
        assert_eq!(es.len(), 1, "{es:?}");
        assert_eq!(es[0].canonical, "Annabel Levine Kost");
    }

    #[test]
    fn a_name_met_only_with_its_title_is_shown_without_it() {
        // A real digest showed "Rep. Pat ..." as a speaker's name.
        let a = "Rep. Ann Corliss said the vote would wait. Corliss left early.";
        let ma = vec![
            m(a, "Rep. Ann Corliss", Kind::Person, 0),
            m(a, "Corliss", Kind::Person, 0),
        ];
        let es = link(&[(a, &ma)]);
        assert_eq!(es.len(), 1, "{es:?}");
        assert_eq!(es[0].canonical, "Ann Corliss");
        assert!(
            es[0].aliases.iter().any(|x| x == "Rep. Ann Corliss"),
            "{es:?}"
        );
    }

    #[test]
    fn links_titles_surnames_and_descriptions() {
        let a = "Qorthian President Ilse Varn met Foreign Minister Tomas Edrel in Vessa. \
                 Varn said talks went well. The Qorthian President later left.";
        let b = "The 58-year-old Qorthian leader spoke again. Edrel, who met reporters, agreed with Varn.";
        let ma = vec![
            m(a, "Qorthian", Kind::Other, 0),
            m(a, "Ilse Varn", Kind::Person, 0),
            m(a, "Tomas Edrel", Kind::Person, 0),
            m(a, "Vessa", Kind::Place, 0),
            m(a, "Varn", Kind::Person, 1),
            m(a, "Qorthian", Kind::Other, 1),
        ];
        let mb = vec![
            m(b, "Qorthian", Kind::Other, 0),
            m(b, "Edrel", Kind::Person, 0),
            m(b, "Varn", Kind::Person, 0),
        ];
        let es = link(&[(a, &ma), (b, &mb)]);
        let varn = es
            .iter()
            .find(|e| e.canonical == "Ilse Varn")
            .expect("Varn");
        assert_eq!(varn.kind, Kind::Person);
        assert_eq!(varn.roles, vec!["President"]);
        assert!(
            varn.attributes.contains(&"Qorthian".to_string()),
            "{varn:?}"
        );
        assert!(
            varn.attributes.contains(&"58-year-old".to_string()),
            "{varn:?}"
        );
        for alias in [
            "Varn",
            "Qorthian President Ilse Varn",
            "the Qorthian President",
            "the 58-year-old Qorthian leader",
        ] {
            assert!(varn.aliases.iter().any(|x| x == alias), "{alias}: {varn:?}");
        }
        assert_eq!(varn.mentions.len(), 5);
        let edrel = es
            .iter()
            .find(|e| e.canonical == "Tomas Edrel")
            .expect("Edrel");
        assert_eq!(edrel.roles, vec!["Foreign Minister"]);
        assert_eq!(edrel.mentions.len(), 2);
        assert!(
            es.iter()
                .any(|e| e.canonical == "Vessa" && e.kind == Kind::Place)
        );
    }

    /// One name in each of two sentences: the entities they link into.
    fn two_names(x: (&str, &str, Kind), y: (&str, &str, Kind)) -> Vec<Entity> {
        let mx = [m(x.0, x.1, x.2, 0)];
        let my = [m(y.0, y.1, y.2, 0)];
        link(&[(x.0, &mx[..]), (y.0, &my[..])])
    }

    #[test]
    fn a_nickname_a_party_or_a_company_descriptor_does_not_make_another_entity() {
        let said = "Senator Chuck Pellow said the vote would wait.";
        let again = "Charles Pellow, the senator, said the vote would wait.";
        let e = two_names(
            (said, "Chuck Pellow", Kind::Person),
            (again, "Charles Pellow", Kind::Person),
        );
        assert_eq!(e.len(), 1, "{e:?}");
        let said = "Democrat Orla Benn said the vote would wait.";
        let again = "Orla Benn said the vote would wait.";
        let e = two_names(
            (said, "Democrat Orla Benn", Kind::Person),
            (again, "Orla Benn", Kind::Person),
        );
        assert_eq!(
            (e.len(), e[0].canonical.as_str()),
            (1, "Orla Benn"),
            "{e:?}"
        );
        let said = "Drugmaker Brevik said the trial would end.";
        let again = "Brevik said the results were strong.";
        let e = two_names(
            (said, "Drugmaker Brevik", Kind::Organisation),
            (again, "Brevik", Kind::Organisation),
        );
        assert_eq!((e.len(), e[0].canonical.as_str()), (1, "Brevik"), "{e:?}");
        // The quote finder meets the name with its descriptor.
        assert!(e[0].aliases.iter().any(|a| a == "Drugmaker Brevik"));
    }

    #[test]
    fn a_surname_of_two_words_is_its_owner() {
        let a = "Mayor Ada Lind Varo opened the pier. Lind Varo said it would hold. \
                 Tomas Lind met her there.";
        let ma = vec![
            m(a, "Ada Lind Varo", Kind::Person, 0),
            m(a, "Lind Varo", Kind::Person, 0),
            m(a, "Tomas Lind", Kind::Person, 0),
        ];
        let es = link(&[(a, &ma)]);
        let ada = es
            .iter()
            .find(|e| e.canonical == "Ada Lind Varo")
            .expect("Ada");
        assert_eq!(ada.mentions.len(), 2, "{es:?}");
        assert!(es.iter().any(|e| e.canonical == "Tomas Lind"));
        // Two longer names ending alike leave the short one alone.
        let b = "Ada Lind Varo and Ben Lind Varo came. Lind Varo spoke.";
        let mb = vec![
            m(b, "Ada Lind Varo", Kind::Person, 0),
            m(b, "Ben Lind Varo", Kind::Person, 0),
            m(b, "Lind Varo", Kind::Person, 2),
        ];
        assert_eq!(link(&[(b, &mb)]).len(), 3);
    }

    #[test]
    fn apposition_after_the_name() {
        let t = "Mara Quell, Dorland's finance minister, resigned. The Dorlandish minister gave no reason.";
        let ms = vec![
            m(t, "Mara Quell", Kind::Person, 0),
            m(t, "Dorland", Kind::Place, 0),
            m(t, "Dorlandish", Kind::Other, 0),
        ];
        let es = link(&[(t, &ms)]);
        let q = es
            .iter()
            .find(|e| e.canonical == "Mara Quell")
            .expect("Quell");
        assert_eq!(q.roles, vec!["Finance Minister"]);
        assert_eq!(q.attributes, vec!["Dorland"]);
        assert!(
            q.aliases.iter().any(|a| a == "the Dorlandish minister"),
            "{q:?}"
        );
    }

    #[test]
    fn descriptions_need_agreement() {
        let t = "Prime Minister Juno Halt of Norvia met Senator Pell Ardo. The Norvian senator said little.";
        let ms = vec![
            m(t, "Juno Halt", Kind::Person, 0),
            m(t, "Norvia", Kind::Place, 0),
            m(t, "Pell Ardo", Kind::Person, 0),
        ];
        let es = link(&[(t, &ms)]);
        // Ardo has no nationality, Halt is no senator: nobody gets the phrase.
        assert!(
            es.iter()
                .all(|e| !e.aliases.iter().any(|a| a.contains("senator"))),
            "{es:?}"
        );
    }

    #[test]
    fn hostile_input_does_not_panic() {
        let t = "é Putin’s";
        let bad = vec![
            Mention {
                start: 1,
                end: 3,
                kind: Kind::Person,
                text: String::new(),
            },
            Mention {
                start: 0,
                end: 99,
                kind: Kind::Person,
                text: String::new(),
            },
            Mention {
                start: 3,
                end: 11,
                kind: Kind::Person,
                text: String::new(),
            },
        ];
        let es = link(&[(t, &bad), ("", &[])]);
        assert_eq!(es.len(), 1);
        assert_eq!(es[0].canonical, "Putin");
        assert!(link(&[]).is_empty());
    }

    #[test]
    fn doubled_letters_are_one_spelling() {
        let t = "Anya Kovalenkko spoke. Anya Kovalenko left. Kovalenkko stayed.";
        let ms = vec![
            m(t, "Anya Kovalenkko", Kind::Person, 0),
            m(t, "Anya Kovalenko", Kind::Person, 0),
            m(t, "Kovalenkko", Kind::Person, 1),
        ];
        let es = link(&[(t, &ms)]);
        assert_eq!(es.len(), 1, "{es:?}");
        assert_eq!(es[0].mentions.len(), 3);
    }
}
