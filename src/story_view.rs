//! A story read back from the store with everything the presentation
//! commands need: its row, its member articles in time order, and their
//! texts.

use storyline_store::{Store, StoryMember, StoryRow};

/// One story's articles, with texts, in time order (undated last).
pub struct StoryView {
    pub row: StoryRow,
    pub members: Vec<StoryMember>,
    /// `texts[i]` is the text of `members[i]`.
    pub texts: Vec<String>,
}

impl StoryView {
    /// Story `id`, or `None` when there is no such story.
    pub fn load(store: &Store, id: i64) -> anyhow::Result<Option<StoryView>> {
        let Some((mut row, mut members)) = store.story(id)? else {
            return Ok(None);
        };
        // One name per outlet: its earliest article's, so that pages of one
        // site naming it differently ("DW", "dw.com") are shown as one.
        let mut names: std::collections::HashMap<String, Option<String>> =
            std::collections::HashMap::new();
        for m in &mut members {
            if let Some(outlet) = &m.outlet {
                let name = names
                    .entry(outlet.clone())
                    .or_insert_with(|| m.outlet_name.clone());
                if name.is_none() {
                    *name = m.outlet_name.clone();
                }
            }
        }
        for m in &mut members {
            if let Some(outlet) = &m.outlet {
                m.outlet_name = names.get(outlet).cloned().flatten();
            }
        }
        // The story's outlet list shows the same names.
        let mut shown: Vec<String> = Vec::with_capacity(row.outlets.len());
        for o in &row.outlets {
            let name = names.get(o).cloned().flatten().unwrap_or_else(|| o.clone());
            if !shown.contains(&name) {
                shown.push(name);
            }
        }
        row.outlets = shown;
        let mut texts: std::collections::HashMap<i64, String> =
            store.story_texts(id)?.into_iter().collect();
        let texts = members
            .iter()
            .map(|m| texts.remove(&m.article_id).unwrap_or_default())
            .collect();
        Ok(Some(StoryView {
            row,
            members,
            texts,
        }))
    }

    /// The publication day of member `i`, when it has one.
    pub fn day(&self, i: usize) -> Option<jiff::civil::Date> {
        let p = self.members.get(i)?.published.as_deref()?;
        p.get(..10)?.parse().ok()
    }

    /// The timeline of the story.
    pub fn timeline(&self) -> Vec<storyline_timeline::Event> {
        let articles: Vec<storyline_timeline::Article> = self
            .texts
            .iter()
            .enumerate()
            .map(|(i, text)| storyline_timeline::Article {
                text,
                published: self.day(i),
            })
            .collect();
        storyline_timeline::build(&articles)
    }

    /// A short name for member `i`'s source: its outlet, or else the name
    /// of the file it came from, or its id.
    pub fn source(&self, i: usize) -> String {
        self.members.get(i).map(label).unwrap_or_default()
    }
}

/// A short name for an article: its outlet's name, or the outlet (its
/// domain), or else the name of the file it came from, or its id.
pub fn label(m: &StoryMember) -> String {
    if let Some(o) = m.outlet_name.as_ref().or(m.outlet.as_ref()) {
        return o.clone();
    }
    let file = m.source.rsplit(['/', '\\']).next().unwrap_or("");
    if file.is_empty() || file == "-" {
        format!("article {}", m.article_id)
    } else {
        file.to_string()
    }
}

/// One statement of a story: what was said, by whom, and every article that
/// carries it.
pub struct Said {
    /// The speaker's name as the story knows it (`Vladimir Putin`).
    pub speaker: Option<String>,
    /// The statement as first reported.
    pub text: String,
    pub kind: storyline_quote::Kind,
    /// (member index, content start, content end) of each report.
    pub reports: Vec<(usize, usize, usize)>,
}

impl StoryView {
    /// The people, organisations and places of the story, linked across its
    /// articles (most mentioned first).
    pub fn entities(&self) -> Vec<storyline_entity::Entity> {
        let mentions: Vec<Vec<storyline_entity::Mention>> = self
            .texts
            .iter()
            .map(|t| storyline_entity::find(t))
            .collect();
        let docs: Vec<(&str, &[storyline_entity::Mention])> = self
            .texts
            .iter()
            .zip(&mentions)
            .map(|(t, m)| (t.as_str(), m.as_slice()))
            .collect();
        storyline_entity::link(&docs)
    }

    /// Who said what: every attributed statement of the story, speakers
    /// named as the story's entities name them, the same statement carried
    /// by several articles listed once with all of them.
    pub fn said(&self) -> Vec<Said> {
        let entities = self.entities();
        let known = known_names(&entities);
        // Events, works and nationalities ("World War", "Russian") do not
        // speak (places may: "the Kremlin said", "Ukraine said").
        let mute: Vec<String> = entities
            .iter()
            .filter(|e| e.kind == storyline_entity::Kind::Other)
            .flat_map(|e| e.aliases.iter().chain(std::iter::once(&e.canonical)))
            .map(|a| a.to_lowercase())
            .collect();
        let mut out: Vec<(Said, Vec<String>)> = Vec::new();
        for (i, text) in self.texts.iter().enumerate() {
            let lang = storyline_extract::language::detect(text).map(|l| l.code);
            for mut q in storyline_quote::find_in(text, lang.as_deref().unwrap_or(""), &known) {
                q.speaker_name = q.speaker_name.take().and_then(|n| speaker(n, &mute));
                let mut said = q.words(text);
                // A verb that is more than "said" carries the meaning
                // ("denied that ...", "called it ..."): it stays in front.
                let verb = q
                    .cue
                    .filter(|&(_, end)| q.kind != storyline_quote::Kind::Direct && end <= q.start)
                    .and_then(|(a, b)| text.get(a..b))
                    .filter(|v| !plain_verb(v));
                match verb {
                    Some(v) => said = format!("{v} {said}"),
                    // "said that ..." reads as what was said.
                    None => {
                        if q.kind != storyline_quote::Kind::Direct
                            && let Some(rest) = said.strip_prefix("that ")
                        {
                            said = rest.to_string();
                        }
                    }
                }
                let words = content_words(&said);
                if words.len() < 4 {
                    continue;
                }
                let same = out.iter_mut().find(|(s, w)| {
                    (s.speaker.is_none() || q.speaker_name.is_none() || s.speaker == q.speaker_name)
                        && overlap(w, &words) >= 0.6
                });
                match same {
                    Some((s, _)) => {
                        if !s.reports.iter().any(|r| r.0 == i) {
                            s.reports.push((i, q.start, q.end));
                        }
                        if s.speaker.is_none() {
                            s.speaker = q.speaker_name.clone();
                        }
                    }
                    None => out.push((
                        Said {
                            speaker: q.speaker_name.clone(),
                            text: said,
                            kind: q.kind,
                            reports: vec![(i, q.start, q.end)],
                        },
                        words,
                    )),
                }
            }
        }
        out.into_iter().map(|(s, _)| s).collect()
    }
}

/// A speaker's name without a possessive ending, or none when it names
/// something that cannot speak.
fn speaker(name: String, mute: &[String]) -> Option<String> {
    let name = name
        .strip_suffix("'s")
        .or_else(|| name.strip_suffix("’s"))
        .unwrap_or(&name)
        .trim()
        .to_string();
    let lower = name.to_lowercase();
    let several = lower.contains(' ');
    let muted = TITLES.contains(&lower.as_str())
        || mute.iter().any(|m| {
            lower == *m
                || (several && (m.starts_with(lower.as_str()) || lower.starts_with(m.as_str())))
        });
    (!name.is_empty() && !muted).then_some(name)
}

/// Titles that name no one on their own.
const TITLES: &[&str] = &[
    "president",
    "minister",
    "prime minister",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "official",
    "officials",
    "leader",
    "chairman",
    "governor",
    "senator",
    "mayor",
];

/// Reporting verbs that add nothing to what they introduce: the statement
/// alone reads as what was said.
fn plain_verb(cue: &str) -> bool {
    const PLAIN: &[&str] = &[
        "according",
        "add",
        "added",
        "adds",
        "announce",
        "announced",
        "announces",
        "explain",
        "explained",
        "explains",
        "note",
        "noted",
        "notes",
        "report",
        "reported",
        "reports",
        "said",
        "say",
        "says",
        "state",
        "stated",
        "states",
        "tell",
        "telling",
        "tells",
        "told",
        "write",
        "writes",
        "wrote",
    ];
    let first = cue.split_whitespace().next().unwrap_or("").to_lowercase();
    PLAIN.contains(&first.as_str())
}

/// The story's people and organisations as the quote finder takes them.
pub fn known_names(entities: &[storyline_entity::Entity]) -> storyline_quote::Known {
    use storyline_entity::Kind;
    use storyline_quote::{EntityKind, KnownName};
    let mut known = storyline_quote::Known::new();
    for e in entities {
        let kind = match e.kind {
            Kind::Person => EntityKind::Person,
            Kind::Organisation => EntityKind::Org,
            Kind::Place => EntityKind::Place,
            _ => continue,
        };
        known.add(KnownName {
            canonical: e.canonical.clone(),
            aliases: e.aliases.clone(),
            kind,
            ..KnownName::default()
        });
    }
    known
}

/// Lowercased words of at least three letters, sorted and deduplicated.
fn content_words(s: &str) -> Vec<String> {
    let mut w: Vec<String> = s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3)
        .map(str::to_lowercase)
        .collect();
    w.sort_unstable();
    w.dedup();
    w
}

/// Shared words over the smaller set.
fn overlap(a: &[String], b: &[String]) -> f32 {
    let shared = a.iter().filter(|w| b.binary_search(w).is_ok()).count();
    let small = a.len().min(b.len());
    if small == 0 {
        0.0
    } else {
        shared as f32 / small as f32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbs_that_carry_meaning_are_kept() {
        assert!(plain_verb("said") && plain_verb("according to") && plain_verb("Told"));
        assert!(!plain_verb("denied") && !plain_verb("called") && !plain_verb("asked"));
    }
}
