//! Who said what in a story: its attributed statements, each with every
//! article that carries it.

use storyline_entity::Entity;

use crate::{StoryView, known_names};

/// One statement of a story: what was said, by whom, and every article that
/// carries it.
pub struct Said {
    /// The speaker's name as the story knows it (`Vladimir Putin`).
    pub speaker: Option<String>,
    /// The statement as first reported.
    pub text: String,
    /// Quoted, partly quoted or reported speech.
    pub kind: storyline_quote::Kind,
    /// (member index, content start, content end) of each report.
    pub reports: Vec<(usize, usize, usize)>,
}

impl StoryView {
    /// Who said what: every attributed statement of the story, speakers
    /// named as the story's entities name them, the same statement carried
    /// by several articles listed once with all of them. `entities` are
    /// the story's own ([`StoryView::entities`]), computed once by the
    /// caller.
    pub fn said(&self, entities: &[Entity]) -> Vec<Said> {
        let known = known_names(entities);
        // Events, works and nationalities ("World War", "Russian") do not
        // speak (places may: "the Kremlin said", "Ukraine said").
        let mute: Vec<String> = entities
            .iter()
            .filter(|e| e.kind == storyline_entity::Kind::Other)
            .flat_map(|e| e.aliases.iter().chain(std::iter::once(&e.canonical)))
            .map(|a| a.to_lowercase())
            .collect();
        // Names of two words or more that speak, to name a description by
        // ("the company's oversight board" is the Oversight Board).
        let bodies: Vec<(String, &str)> = entities
            .iter()
            .filter(|e| {
                matches!(
                    e.kind,
                    storyline_entity::Kind::Organisation | storyline_entity::Kind::Person
                ) && e.canonical.contains(' ')
            })
            .map(|e| (e.canonical.to_lowercase(), e.canonical.as_str()))
            .collect();
        // People known by a full name, to name what runs into one.
        let people: Vec<&Entity> = entities
            .iter()
            .filter(|e| e.kind == storyline_entity::Kind::Person && e.canonical.contains(' '))
            .collect();
        let fused = fused_names(entities, &people);
        let mut out: Vec<(Said, Vec<String>)> = Vec::new();
        for (i, text) in self.texts.iter().enumerate() {
            // Quotes are read by the rules of the language ingest detected.
            let lang = self.members.get(i).and_then(|m| m.lang.as_deref());
            for mut q in storyline_quote::find_in(text, lang.unwrap_or(""), &known) {
                q.speaker_name = q
                    .speaker_name
                    .take()
                    .and_then(|n| speaker(n, &mute))
                    .map(|n| named(n, &bodies))
                    .map(|n| unfused(n, &fused, &people));
                // A title quoted after the statement's first piece (`“Sunday
                // Talk.”`) names a show or a prize, not what was said.
                let head = q.spans.first().copied();
                q.spans
                    .retain(|&(a, b)| Some((a, b)) == head || !title(text.get(a..b).unwrap_or("")));
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
                if words.len() < 4 || !balanced(&said) {
                    continue;
                }
                if let Some(name) = &q.speaker_name
                    && !speaks_as(name, &said)
                {
                    q.speaker_name = None;
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
                        if s.speaker.is_none() && q.speaker_name.is_some() {
                            s.speaker = q.speaker_name.clone();
                            // The words shown are those reported of the
                            // speaker shown, not a version no one was named
                            // for.
                            s.text = said;
                            s.kind = q.kind;
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

/// Whether brackets open and close in pairs: a statement cut inside one
/// ("... (Associated Press") is a fragment of the page, not what was said.
fn balanced(text: &str) -> bool {
    let mut depth = 0i32;
    for c in text.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            _ => {}
        }
        if depth < 0 {
            return false;
        }
    }
    depth == 0
}

/// Whether the words can be `name`'s own: a post that names the speaker's
/// handle (`@AdaMoss`) is someone else's, about them, and words that name
/// the speaker in full (`Comey was invited by Sen. Ada Moss to testify`)
/// are the reporter's narration.
fn speaks_as(name: &str, said: &str) -> bool {
    let handle: String = name
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect::<String>()
        .to_lowercase();
    let lower = said.to_lowercase();
    let named = name.contains(' ') && lower.contains(&name.to_lowercase());
    handle.is_empty() || !(lower.contains(&format!("@{handle}")) || named)
}

/// A description that ends with a name the story knows, named by it: `the
/// company's oversight board` is the `Oversight Board`.
fn named(name: String, bodies: &[(String, &str)]) -> String {
    if !name.starts_with(char::is_lowercase) {
        return name;
    }
    let lower = name.to_lowercase();
    let ends_with = |b: &str| {
        lower.len() > b.len() && lower.ends_with(b) && lower[..lower.len() - b.len()].ends_with(' ')
    };
    bodies
        .iter()
        .find(|(b, _)| ends_with(b))
        .map_or(name, |(_, canonical)| canonical.to_string())
}

/// Names met once that run an outlet or a body into the full name of one
/// of `people` met more than once ("told the Harbour Post Moss
/// claimed"): lowercased, with the person they end with.
fn fused_names<'a>(entities: &[Entity], people: &[&'a Entity]) -> Vec<(String, &'a str)> {
    let mut out = Vec::new();
    for e in entities {
        if e.kind == storyline_entity::Kind::Person || e.mentions.len() != 1 {
            continue;
        }
        let words: Vec<&str> = e.canonical.split(' ').collect();
        if words.len() < 3 || words.iter().any(|w| matches!(*w, "&" | "and" | "of")) {
            continue;
        }
        // At least two words of the outlet before the person's.
        for cut in 2..words.len() {
            let tail = words[cut..].join(" ");
            let person = people.iter().find(|p| {
                p.mentions.len() >= 2
                    && (p.canonical == tail
                        || (cut + 1 == words.len()
                            && p.canonical.rsplit(' ').next() == Some(&tail)))
            });
            if let Some(p) = person {
                out.push((e.canonical.to_lowercase(), p.canonical.as_str()));
                break;
            }
        }
    }
    out
}

/// The person a fused name ([`fused_names`]) ends with, or the person of
/// `people` after an owner (`MSNBC’s Nicole Vance`); else the name.
fn unfused(name: String, fused: &[(String, &str)], people: &[&Entity]) -> String {
    let lower = name.to_lowercase();
    if let Some((_, p)) = fused.iter().find(|(f, _)| *f == lower) {
        return p.to_string();
    }
    let owned = ["'s ", "\u{2019}s "]
        .iter()
        .filter_map(|m| name.rfind(m).map(|i| &name[i + m.len()..]))
        .find(|rest| people.iter().any(|p| p.canonical == *rest))
        .map(str::to_string);
    owned.unwrap_or(name)
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
    // A longer or shorter form of a muted name ("World War II", "Nazi
    // Adolf ...") is muted too, but for a body named after one
    // ("American Airlines", "Russian Foreign Ministry").
    let body = lower
        .rsplit(' ')
        .next()
        .is_some_and(storyline_quote::is_body_head);
    let muted = TITLES.contains(&lower.as_str())
        || mute.iter().any(|m| {
            lower == *m
                || (several
                    && !body
                    && (m.starts_with(lower.as_str()) || lower.starts_with(m.as_str())))
        });
    (!name.is_empty() && !muted).then_some(name)
}

/// Whether a quoted piece reads as a title (`“Best Film of the Year”`):
/// two to six words, each capitalised but for short joining words.
fn title(piece: &str) -> bool {
    let words: Vec<&str> = piece
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    (2..=6).contains(&words.len())
        && words.iter().all(|w| {
            w.starts_with(char::is_uppercase)
                || ["of", "in", "a", "an", "the", "and", "for", "on", "to"].contains(w)
        })
}

/// Titles that name no one on their own. Narrower on purpose than the
/// lexicon's role words: "King", "Judge" and "Marshal" are surnames too
/// (a reader met Martin Luther King's words under "King").
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
    // With their participles: "wrote to the mayor, saying that ..." says no
    // more than "wrote that ...".
    const PLAIN: &[&str] = &[
        "according",
        "add",
        "added",
        "adding",
        "adds",
        "announce",
        "announced",
        "announces",
        "announcing",
        "explain",
        "explained",
        "explaining",
        "explains",
        "note",
        "noted",
        "notes",
        "noting",
        "report",
        "reported",
        "reporting",
        "reports",
        "said",
        "say",
        "saying",
        "says",
        "state",
        "stated",
        "states",
        "stating",
        "tell",
        "telling",
        "tells",
        "told",
        "write",
        "writes",
        "writing",
        "wrote",
    ];
    let first = cue.split_whitespace().next().unwrap_or("").to_lowercase();
    PLAIN.contains(&first.as_str())
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
    fn an_outlet_run_into_a_name_or_owning_it_is_the_person() {
        let entity = |name: &str, kind, n: usize| Entity {
            canonical: name.into(),
            kind,
            aliases: vec![name.into()],
            roles: Vec::new(),
            attributes: Vec::new(),
            mentions: vec![(0, 0, 0); n],
        };
        use storyline_entity::Kind;
        let entities = [
            entity("Ada Moss", Kind::Person, 4),
            entity("Harbour Post Moss", Kind::Organisation, 1),
            entity("Evening Star Ivo Brandt", Kind::Organisation, 1),
            entity("Ivo Brandt", Kind::Person, 2),
            entity("Moss and Brandt Holdings Moss", Kind::Organisation, 1),
            entity("Kessel Ferry Company", Kind::Organisation, 3),
        ];
        let people: Vec<&Entity> = entities.iter().filter(|e| e.kind == Kind::Person).collect();
        let fused = fused_names(&entities, &people);
        let unfused = |n: &str| unfused(n.into(), &fused, &people);
        assert_eq!(unfused("Harbour Post Moss"), "Ada Moss");
        assert_eq!(unfused("Evening Star Ivo Brandt"), "Ivo Brandt");
        assert_eq!(
            unfused("Moss and Brandt Holdings Moss"),
            "Moss and Brandt Holdings Moss"
        );
        assert_eq!(unfused("Kessel Ferry Company"), "Kessel Ferry Company");
        // An owner before a person the story knows.
        assert_eq!(unfused("Take Harbour Radio\u{2019}s Ada Moss"), "Ada Moss");
        assert_eq!(
            unfused("Kessel's Foreign Ministry"),
            "Kessel's Foreign Ministry"
        );
    }

    #[test]
    fn a_statement_cut_inside_brackets_is_no_statement() {
        assert!(!balanced("he would not comment further (Harbour Post"));
        assert!(balanced("the pier (built in 1902) will close"));
    }

    #[test]
    fn a_body_named_after_a_nationality_speaks() {
        let mute = ["kesselian".to_string(), "harbour war".to_string()];
        assert_eq!(
            speaker("Kesselian Airlines".into(), &mute).as_deref(),
            Some("Kesselian Airlines")
        );
        assert_eq!(speaker("Kesselian".into(), &mute), None);
        assert_eq!(speaker("Harbour War II".into(), &mute), None);
    }

    #[test]
    fn a_description_ending_with_a_known_name_is_that_name() {
        let bodies = [("harbour board".to_string(), "Harbour Board")];
        let board = named("the town\u{2019}s harbour board".into(), &bodies);
        assert_eq!(board, "Harbour Board");
        assert_eq!(named("Ann Lee".into(), &bodies), "Ann Lee");
        assert_eq!(named("the shipboard".into(), &bodies), "the shipboard");
    }

    #[test]
    fn a_post_naming_the_speaker_is_not_theirs() {
        assert!(speaks_as(
            "Ada Moss",
            "\u{201c}I never thought we would sail again,\u{201d}"
        ));
        assert!(!speaks_as(
            "Ada Moss",
            "\u{201c}Hoping @AdaMoss runs for the harbour board,\u{201d}"
        ));
        assert!(!speaks_as(
            "Ada Moss",
            "the mayor was invited by Sen. Ada Moss to \u{201c}tell her side of the story\u{201d}"
        ));
    }

    #[test]
    fn one_statement_carried_twice_is_listed_once_with_both_reports() {
        let view = crate::fixture::harbour_view();
        let said = view.said(&view.entities());
        let pier = said
            .iter()
            .find(|s| s.text.contains("rebuild the northern pier"))
            .expect("the mayor's promise is found");
        assert_eq!(pier.speaker.as_deref(), Some("Ilsa Brandt"));
        let articles: Vec<usize> = pier.reports.iter().map(|r| r.0).collect();
        assert_eq!(articles, [0, 1]);
    }

    #[test]
    fn titles_alone_do_not_speak_and_possessives_go() {
        assert_eq!(speaker("Mayor".into(), &[]), None);
        assert_eq!(
            speaker("Ilsa Brandt's".into(), &[]).as_deref(),
            Some("Ilsa Brandt")
        );
        assert_eq!(speaker("Autumn Fair".into(), &["autumn fair".into()]), None);
    }

    #[test]
    fn a_quoted_title_is_no_piece_of_a_statement() {
        assert!(title("\u{201C}Best Film of the Year.\u{201D}"));
        assert!(title("\"Harbour Talk Tonight\""));
        assert!(!title("\u{201C}We will rebuild the pier.\u{201D}"));
        assert!(!title("\u{201C}No.\u{201D}"));
    }

    #[test]
    fn a_participle_repeating_the_cue_is_not_what_was_said() {
        let store = crate::fixture::store(&[(
            Some("harbourpost.example"),
            Some("2031-03-04T09:00:00+00:00"),
            "Growers write to the mayor",
            "The Velmora Growers Union wrote to Mayor Ilsa Brandt on Monday, saying that \
             its members \u{201c}ask that you reopen the northern pier before the oyster \
             season begins in May.\u{201d} The mayor has not replied.",
        )]);
        let id = store.stories().unwrap()[0].id;
        let view = StoryView::load(&store, id).unwrap().unwrap();
        let said = view.said(&view.entities());
        let letter = said
            .iter()
            .find(|s| s.text.contains("northern pier"))
            .expect("the letter is found");
        assert!(letter.text.starts_with("its members"), "{}", letter.text);
    }

    #[test]
    fn verbs_that_carry_meaning_are_kept() {
        assert!(plain_verb("said") && plain_verb("according to") && plain_verb("Told"));
        assert!(plain_verb("saying") && plain_verb("adding"));
        assert!(!plain_verb("denied") && !plain_verb("called") && !plain_verb("asked"));
    }
}
