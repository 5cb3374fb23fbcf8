//! One spelling per article URL, so that an article several feeds carry
//! (or one feed carries again under a new GUID or title) is stored once.

use url::Url;

/// Query parameters that track the reader, not name the article.
const TRACKING: &[&str] = &[
    "cmpid", "fbclid", "gclid", "igshid", "mc_cid", "mc_eid", "ocid", "ref", "smid",
];

/// The canonical form of an article URL: http or https only, no fragment,
/// no tracking parameters (`utm_*` and the like), host in lower case and no
/// default port (the `url` crate's own normalisation). `None` for anything
/// that is not an absolute http(s) URL.
pub fn canonical(raw: &str) -> Option<String> {
    let mut url = Url::parse(raw.trim()).ok()?;
    if !matches!(url.scheme(), "http" | "https") || url.host().is_none() {
        return None;
    }
    url.set_fragment(None);
    let kept: Vec<(String, String)> = url
        .query_pairs()
        .filter(|(k, _)| {
            let k = k.to_ascii_lowercase();
            !k.starts_with("utm_") && !TRACKING.contains(&k.as_str())
        })
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    if kept.is_empty() {
        url.set_query(None);
    } else {
        url.query_pairs_mut().clear().extend_pairs(kept);
    }
    Some(url.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tracking_fragments_and_case_go_the_article_stays() {
        assert_eq!(
            canonical("HTTPS://News.Example:443/a/1.html?utm_source=rss&utm_medium=feed#top")
                .as_deref(),
            Some("https://news.example/a/1.html")
        );
        assert_eq!(
            canonical("http://news.example/story?id=7&fbclid=x").as_deref(),
            Some("http://news.example/story?id=7")
        );
        assert_eq!(canonical("ftp://news.example/a"), None);
        assert_eq!(canonical("/relative/path"), None);
        assert_eq!(canonical("javascript:alert(1)"), None);
    }
}
