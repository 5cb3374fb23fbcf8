//! Words that make up people's roles and titles ("Foreign Minister",
//! "Special Envoy", "Public Defender"): the entity linker reads them as a
//! person's role, the quote finder keeps them out of a speaker's name.

/// Role and title words, lower-case.
const ROLE_WORDS: &[&str] = &[
    "president",
    "president-elect",
    "vice",
    // A party before a name is a label, not part of it ("Democrat Sander Levin").
    "democrat",
    "republican",
    "prime",
    "minister",
    "foreign",
    "defence",
    "defense",
    "interior",
    "finance",
    "economy",
    "justice",
    "health",
    "trade",
    "energy",
    "secretary",
    "general",
    "state",
    "chancellor",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "envoy",
    "special",
    "ambassador",
    "leader",
    "chief",
    "head",
    "commander",
    "king",
    "queen",
    "prince",
    "princess",
    "chairman",
    "chairwoman",
    "chair",
    "ceo",
    "director",
    "governor",
    "mayor",
    "senator",
    "sen.",
    "speaker",
    "deputy",
    "adviser",
    "advisor",
    "aide",
    "premier",
    "pope",
    "judge",
    "attorney",
    "representative",
    "rep.",
    "negotiator",
    "coordinator",
    "commissioner",
    "emir",
    "sheikh",
    "sultan",
    "dictator",
    "monarch",
    "chief-of-staff",
    "staff",
    "national",
    "security",
    "intelligence",
    "press",
    "executive",
    "opposition",
    "party",
    "army",
    "military",
    "gen.",
    "colonel",
    "col.",
    "lieutenant",
    "lt.",
    "captain",
    "admiral",
    "officer",
    "official",
    "coach",
    "manager",
    "founder",
    "owner",
    "publisher",
    "editor",
    "correspondent",
    "analyst",
    "defender",
    "prosecutor",
    "sheriff",
    "professor",
    "producer",
    "counsel",
    "inspector",
    "detective",
    "superintendent",
    "councilman",
    "councilwoman",
    "councillor",
    "assemblyman",
    "assemblywoman",
    "congressman",
    "congresswoman",
    "whip",
    "sgt",
    "sgt.",
    "cmdr",
    "cmdr.",
    "adm",
    "adm.",
    "coroner",
    "marshal",
    "singer",
    "actor",
    "actress",
    "musician",
    "rapper",
    "author",
    "writer",
    "activist",
    "lawyer",
    "economist",
    "strategist",
    "pollster",
    "historian",
    "researcher",
    "scientist",
    "dissident",
    "candidate",
    "nominee",
];

/// Whether a lower-case word is part of a role or title (`minister`,
/// `spokeswoman`, `rep.`, `analyst`).
pub fn is_role_word(lower: &str) -> bool {
    ROLE_WORDS.contains(&lower)
}

/// Where a person's name starts among `words`: after the last title or
/// role word that still leaves two words or more ("Foreign Minister Ann
/// Lee" starts at 2; "Prince Harry" at 0, one word would be left).
pub fn name_start<W>(words: &[W], is_title: impl Fn(&W) -> bool) -> usize {
    words
        .iter()
        .take(words.len().saturating_sub(2))
        .rposition(is_title)
        .map_or(0, |k| k + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles() {
        assert!(is_role_word("minister") && is_role_word("rep.") && is_role_word("defender"));
        assert!(!is_role_word("harbour") && !is_role_word("Minister"));
    }

    #[test]
    fn names_start_after_the_last_title() {
        let start = |s: &str| {
            let words: Vec<&str> = s.split(' ').collect();
            name_start(&words, |w| is_role_word(w))
        };
        assert_eq!(start("foreign minister ann lee"), 2);
        assert_eq!(start("prince harry"), 0);
        assert_eq!(start("harbour master chief tom de vries"), 3);
        assert_eq!(start("ann lee"), 0);
    }
}
