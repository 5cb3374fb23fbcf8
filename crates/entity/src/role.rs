//! Words that describe people: roles, nationalities, ages.
//!
//! The linker reads "Russian President Vladimir Putin" as a nationality, a
//! role and a name, and "the 72-year-old Russian leader" as an age, a
//! nationality and a role noun. The lists here are small and written by
//! hand for English news.

/// Role nouns that can end a descriptive phrase ("the Russian leader").
const HEADS: &[&str] = &[
    "president",
    "president-elect",
    "minister",
    "premier",
    "chancellor",
    "leader",
    "envoy",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "ambassador",
    "king",
    "queen",
    "prince",
    "chairman",
    "chairwoman",
    "governor",
    "mayor",
    "senator",
    "secretary",
    "general",
    "pope",
    "commander",
    "negotiator",
    "emir",
    "monarch",
    "dictator",
    "premier",
    "ceo",
];

/// Head nouns that agree with any role at all.
const GENERIC_HEADS: &[&str] = &["leader", "head", "chief"];

/// Adjectives that may sit in a descriptive phrase without saying who is meant.
const NEUTRAL: &[&str] = &[
    "new",
    "former",
    "incoming",
    "outgoing",
    "newly",
    "elected",
    "current",
    "then",
    "veteran",
    "top",
    "longtime",
    "long-time",
    "embattled",
    "sitting",
    "acting",
    "interim",
    "late",
];

/// Words that qualify a role without being part of it.
const NOT_ROLE: &[&str] = &[
    "former", "then", "acting", "interim", "late", "incoming", "outgoing",
];

/// Whether a lowercase word is part of a role or title (the list lives in
/// the lexicon, shared with the quote finder).
pub(crate) fn is_role_word(lower: &str) -> bool {
    storyline_lexicon::is_role_word(lower)
}

/// Whether a lowercase word can end a descriptive phrase.
pub(crate) fn is_head(lower: &str) -> bool {
    HEADS.contains(&lower)
}

/// Whether a lowercase head noun agrees with any role.
pub(crate) fn is_generic_head(lower: &str) -> bool {
    GENERIC_HEADS.contains(&lower)
}

/// Whether a lowercase word is a neutral adjective for descriptive phrases.
pub(crate) fn is_neutral(lower: &str) -> bool {
    NEUTRAL.contains(&lower)
}

/// Whether a lowercase word qualifies a role rather than belonging to it.
pub(crate) fn is_qualifier(lower: &str) -> bool {
    NOT_ROLE.contains(&lower)
}

/// An age like `72-year-old`.
pub(crate) fn is_age(word: &str) -> bool {
    let Some(rest) = word.strip_suffix("-year-old") else {
        return false;
    };
    !rest.is_empty() && rest.len() <= 3 && rest.bytes().all(|b| b.is_ascii_digit())
}

/// A key under which a nationality, its country and its capital or seat of
/// power agree: `Russian`, `Russia`, `Kremlin` and `Moscow` all give `russ`.
pub(crate) fn nation_key(word: &str) -> String {
    let word = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("\u{2019}s"))
        .unwrap_or(word);
    let lower: String = word
        .chars()
        .filter(|&c| c != '.')
        .flat_map(char::to_lowercase)
        .collect();
    let mapped = match lower.as_str() {
        "us" | "usa" | "america" | "american" | "americans" | "washington" => "amer",
        "kremlin" | "moscow" => "russ",
        "uk" | "british" | "britain" | "london" | "england" | "english" => "brit",
        "french" => "fran",
        "spanish" => "spai",
        "polish" => "pola",
        "dutch" => "neth",
        "swiss" => "swit",
        "danish" => "denm",
        "welsh" => "wale",
        "beijing" => "chin",
        "kyiv" | "kiev" => "ukra",
        "tehran" => "iran",
        "ankara" => "turk",
        "paris" | "elysee" => "fran",
        "berlin" => "germ",
        _ => "",
    };
    if !mapped.is_empty() {
        return mapped.to_string();
    }
    lower.chars().take(4).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nations_agree() {
        assert_eq!(nation_key("Russian"), nation_key("Russia"));
        assert_eq!(nation_key("Kremlin"), nation_key("Russia"));
        assert_eq!(nation_key("U.S."), nation_key("American"));
        assert_eq!(nation_key("Ukrainian"), nation_key("Ukraine"));
        assert_ne!(nation_key("French"), nation_key("German"));
    }

    #[test]
    fn words() {
        assert!(is_age("72-year-old"));
        assert!(!is_age("-year-old") && !is_age("many-year-old"));
        assert!(is_role_word("minister") && is_head("leader") && is_generic_head("leader"));
        assert!(is_neutral("former") && is_qualifier("former"));
    }
}
