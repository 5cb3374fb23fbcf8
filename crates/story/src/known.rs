//! The story's names as the quote finder takes them.

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
        let Some(canonical) = trimmed(&e.canonical) else {
            continue;
        };
        known.add(KnownName {
            canonical: canonical.to_string(),
            aliases: e
                .aliases
                .iter()
                .filter_map(|a| trimmed(a))
                .map(str::to_string)
                .collect(),
            kind,
            ..KnownName::default()
        });
    }
    known
}

/// A linked name without the words the linker took with it from the
/// start of a sentence (`Should Facebook`, `Saying Hamas`): a function
/// word (but an article: `The Hague`) or a verb of saying opens no name.
/// None when nothing is left.
fn trimmed(name: &str) -> Option<&str> {
    let mut rest = name.trim();
    while let Some((head, tail)) = rest.split_once(' ') {
        let lower = head.to_lowercase();
        let article = matches!(lower.as_str(), "the" | "a" | "an");
        if !article
            && (storyline_lexicon::is_function_word(&lower)
                || storyline_quote::cue::is_cue_word(head))
        {
            rest = tail.trim_start();
        } else {
            break;
        }
    }
    (!rest.is_empty()).then_some(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn people_organisations_and_places_are_known_others_are_not() {
        let entity = |name: &str, kind| storyline_entity::Entity {
            canonical: name.into(),
            kind,
            aliases: vec![name.into()],
            roles: Vec::new(),
            attributes: Vec::new(),
            mentions: Vec::new(),
        };
        use storyline_entity::Kind;
        let known = known_names(&[
            entity("Ilsa Brandt", Kind::Person),
            entity("Velmora Harbour Board", Kind::Organisation),
            entity("Autumn Fair", Kind::Other),
        ]);
        let text = "\"The pier will hold,\" said Ilsa Brandt.";
        let quotes = storyline_quote::find_with(text, &known);
        assert_eq!(quotes[0].speaker_name.as_deref(), Some("Ilsa Brandt"));
    }

    #[test]
    fn a_sentence_opener_taken_with_a_name_is_no_part_of_it() {
        assert_eq!(
            trimmed("Should Velmora Harbour Board"),
            Some("Velmora Harbour Board")
        );
        assert_eq!(trimmed("Saying Ilsa Brandt"), Some("Ilsa Brandt"));
        assert_eq!(trimmed("The Hague"), Some("The Hague"));
        assert_eq!(trimmed("Ilsa Brandt"), Some("Ilsa Brandt"));
        let entity = storyline_entity::Entity {
            canonical: "Should Velmora Harbour Board".into(),
            kind: storyline_entity::Kind::Person,
            aliases: vec![
                "Should Velmora Harbour Board".into(),
                "Velmora Harbour Board".into(),
            ],
            roles: Vec::new(),
            attributes: Vec::new(),
            mentions: Vec::new(),
        };
        let known = known_names(&[entity]);
        let text = "Velmora Harbour Board said the pier would hold through the winter.";
        let quotes = storyline_quote::find_with(text, &known);
        assert_eq!(
            quotes[0].speaker_name.as_deref(),
            Some("Velmora Harbour Board")
        );
    }
}
