//! The outlet an article comes from.

/// The registrable domain of a URL (`https://www.bbc.co.uk/news/x` gives
/// `bbc.co.uk`), by the Public Suffix List; `None` for IP addresses and
/// URLs without a host.
pub fn from_url(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url.trim()).ok()?;
    let host = match parsed.host()? {
        url::Host::Domain(d) => d.trim_end_matches('.').to_ascii_lowercase(),
        _ => return None,
    };
    let domain = psl::domain_str(&host)?;
    Some(domain.to_string())
}

/// Letters and digits alone, lowercased: how names are compared
/// whatever their spacing, punctuation or case.
pub(crate) fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// True when an outlet's name ("The Harbour Gazette") is spelled by a
/// domain's first label (`harbourgazette.example`), so text copies without a
/// URL can be filed under the same outlet as the outlet's web pages.
pub fn name_matches_domain(name: &str, domain: &str) -> bool {
    let name = squash(name);
    let name = name
        .strip_prefix("the")
        .filter(|n| n.len() >= 4)
        .unwrap_or(&name);
    let label = domain.split('.').next().map(squash).unwrap_or_default();
    let label = label
        .strip_prefix("the")
        .filter(|n| n.len() >= 4)
        .unwrap_or(&label);
    name.len() >= 4 && name == label
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_domains() {
        assert!(name_matches_domain(
            "The Harbour Gazette",
            "harbourgazette.example"
        ));
        assert!(name_matches_domain(
            "Lindqvist Courier",
            "lindqvist-courier.example"
        ));
        assert!(name_matches_domain(
            "Capital Ledger",
            "thecapitalledger.example"
        ));
        assert!(!name_matches_domain(
            "Valley Observer",
            "valleytimes.example"
        ));
        assert!(!name_matches_domain("", "x.example"));
    }

    #[test]
    fn registrable_domains() {
        assert_eq!(
            from_url("https://www.bbc.co.uk/news/x").as_deref(),
            Some("bbc.co.uk")
        );
        assert_eq!(
            from_url("http://edition.cnn.com/a?b=c").as_deref(),
            Some("cnn.com")
        );
        assert_eq!(
            from_url("https://www.pravda.com.ua/eng/news/").as_deref(),
            Some("pravda.com.ua")
        );
        assert_eq!(
            from_url("https://harbourgazette.example/a").as_deref(),
            Some("harbourgazette.example")
        );
        assert_eq!(from_url("http://127.0.0.1/a"), None);
        assert_eq!(from_url("not a url"), None);
        assert_eq!(from_url(""), None);
    }
}
