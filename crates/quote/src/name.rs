//! The last tidying of a speaker's name as shown: what the name runs and
//! the entity linker took along with it.
//!
//! A sentence's opening word (`But Democratic Congresswoman ...`, `Per
//! Goldman Sachs`), a role or title before a full name (`US Secretary of
//! State Ann Lee`, `Dissident Ivo Brandt`, with the place the person is
//! from: `... Ann Lee of Ohio`), and a name written twice (`Ann Lee Ann
//! Lee`, a byline run into a caption) and a caption's photo credit run
//! into the sentence after it (`AP Kessel Harbour Airlines`) are not the name.

use crate::resolve::is_org_word;

/// Particles inside people's names, written in lower case.
const PARTICLES: &[&str] = &[
    "de", "del", "der", "van", "von", "la", "le", "al", "bin", "da", "di",
];

/// Words that open a sentence and never a name.
const OPENERS: &[&str] = &["per", "but", "and", "so", "yet", "then", "also", "or"];

/// Photo credits that close a caption, run into the sentence after it
/// when a page loses its line breaks (`... a ferry at the pier. AP
/// Kessel Harbour Airlines said`).
const CREDITS: &[&str] = &["AP", "AFP", "EPA", "Reuters", "Getty"];

/// The name to show for `name`.
pub fn tidy(name: &str) -> String {
    let mut words: Vec<&str> = name.split_whitespace().collect();
    while words.len() > 2
        && (OPENERS.iter().any(|o| o.eq_ignore_ascii_case(words[0])) || CREDITS.contains(&words[0]))
    {
        words.remove(0);
    }
    // `Ann Lee Ann Lee`.
    let half = words.len() / 2;
    if words.len() >= 4 && words.len().is_multiple_of(2) && words[..half] == words[half..] {
        words.truncate(half);
    }
    if let Some(person) = after_role(&words) {
        return person.join(" ");
    }
    words.join(" ")
}

/// The person's name after the last role word, when what follows reads
/// as one: two words or more, capitalised (or a particle), no body's word.
fn after_role<'a>(words: &[&'a str]) -> Option<Vec<&'a str>> {
    let lower = |w: &str| w.to_lowercase();
    let start =
        storyline_lexicon::name_start(words, |w| storyline_lexicon::is_role_word(&lower(w)));
    if start == 0 {
        return None;
    }
    let mut rest: Vec<&str> = words[start..].to_vec();
    // `... Ann Lee of Ohio`: where the person is from.
    if let Some(of) = rest.iter().position(|w| *w == "of") {
        rest.truncate(of);
    }
    let person = rest.len() >= 2
        && rest
            .iter()
            .all(|w| w.starts_with(char::is_uppercase) || PARTICLES.contains(&lower(w).as_str()))
        && rest
            .first()
            .is_some_and(|w| w.starts_with(char::is_uppercase))
        && !rest.iter().any(|w| is_org_word(w));
    person.then_some(rest)
}

#[cfg(test)]
mod tests {
    use super::tidy;

    #[test]
    fn what_is_no_part_of_a_name_goes() {
        for (shown, name) in [
            ("But Democratic Congresswoman Ann Lee of Ohio", "Ann Lee"),
            ("US Secretary of State Ann Lee", "Ann Lee"),
            ("Dissident Ivo Brandt", "Ivo Brandt"),
            ("Per Kessel Partners", "Kessel Partners"),
            ("Ann Lee Ann Lee", "Ann Lee"),
            ("Harbour Department Secretary Tom de Vries", "Tom de Vries"),
            ("AP Kessel Harbour Airlines", "Kessel Harbour Airlines"),
        ] {
            assert_eq!(tidy(shown), name, "{shown}");
        }
        // Bodies keep their names.
        for body in [
            "National Weather Service",
            "National Academy of Sciences",
            "Alaska State Troopers",
            "Department of Health and Human Services",
            "Federal Trade Commission",
            "Ann Lee",
            "AP News",
        ] {
            assert_eq!(tidy(body), body);
        }
    }
}
