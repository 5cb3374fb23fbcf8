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
        known.add(KnownName {
            canonical: e.canonical.clone(),
            aliases: e.aliases.clone(),
            kind,
            ..KnownName::default()
        });
    }
    known
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
}
