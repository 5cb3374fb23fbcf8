//! The article's title as its readers see it.
//!
//! The visible `<h1>` is what a reader calls the title, but pages also use
//! `<h1>` for logos, section names and taglines. The metadata titles
//! (`og:title`, `<title>`) name the article reliably but often carry the
//! site's name and a search-engine tail. So an `<h1>` is taken when it
//! agrees with the metadata, a headline-sized one when nothing agrees,
//! and otherwise the best metadata title with the site's name cut off.

use std::sync::LazyLock;

use scraper::{ElementRef, Html, Node, Selector};

use super::{clean, sel};
use crate::outlet;

static H1: LazyLock<Selector> = LazyLock::new(|| sel("h1"));
/// Metadata titles, most trusted first: the social-card titles are written
/// for people, `name="title"` and `headline` are often stuffed.
static TITLE_META: LazyLock<[Selector; 4]> = LazyLock::new(|| {
    [
        sel(r#"meta[property="og:title"], meta[name="og:title"]"#),
        sel(r#"meta[name="twitter:title"], meta[property="twitter:title"]"#),
        sel(r#"meta[itemprop="headline"], meta[name="headline"]"#),
        sel(r#"meta[name="title"]"#),
    ]
});
static TITLE_TAG: LazyLock<Selector> = LazyLock::new(|| sel("title"));
static SITE_NAME: LazyLock<Selector> = LazyLock::new(|| {
    sel(
        r#"meta[property="og:site_name"], meta[name="og:site_name"], meta[name="application-name"]"#,
    )
});

/// Separators between a title and what pages chain to it.
const SEPARATORS: [&str; 8] = [" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " • "];

/// How much an `<h1>` must agree with a metadata title to be taken.
const AGREE: f64 = 0.5;

/// The title. `found` is the extractor's own guess, the last resort;
/// `url` is the page's address, whose domain often spells the site name.
pub fn title(doc: &Html, found: &str, url: Option<&str>) -> Option<String> {
    let mut metas: Vec<String> = TITLE_META
        .iter()
        .flat_map(|s| doc.select(s).take(2))
        .filter_map(|e| e.value().attr("content"))
        .filter_map(clean)
        .collect();
    if let Some(t) = doc.select(&TITLE_TAG).next().and_then(|e| clean(&text(e))) {
        metas.push(t);
    }
    let site = Site {
        names: doc
            .select(&SITE_NAME)
            .take(4)
            .filter_map(|e| e.value().attr("content"))
            .filter_map(clean)
            .collect(),
        domain: url.and_then(outlet::from_url),
    };
    let h1s: Vec<String> = doc
        .select(&H1)
        .take(8)
        .filter_map(|e| clean(&text(e)))
        .map(|t| headline_part(&t, &site))
        .filter(|t| !t.is_empty() && t.chars().count() <= 300 && !site.is(t))
        .collect();
    let best_h1 = h1s
        .iter()
        .map(|h| {
            (
                metas
                    .iter()
                    .map(|m| agreement(h, m, &site))
                    .fold(0.0, f64::max),
                h,
            )
        })
        .max_by(|a, b| a.0.total_cmp(&b.0));
    // Failing agreement, a headline-sized <h1> is still the better witness:
    // metadata titles are often written for search engines, not readers.
    let headline = h1s.iter().find(|h| h.split_whitespace().count() >= 4);
    let chosen = match best_h1 {
        Some((score, h)) if score >= AGREE => Some(h.clone()),
        _ => headline
            .cloned()
            .or_else(|| metas.first().map(|m| site.strip(m)))
            .or_else(|| clean(found).map(|f| site.strip(&f))),
    };
    chosen
        .map(|t| plain_punctuation(&t))
        .filter(|t| !t.is_empty())
}

/// An element's text, with a space where a line break or a nested block
/// would show one (`WEEKEND<br>CODING` reads as two words).
fn text(e: ElementRef) -> String {
    let mut out = String::new();
    for node in e.descendants() {
        match node.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(el) if matches!(el.name(), "br" | "div" | "p" | "li") => out.push(' '),
            _ => {}
        }
    }
    out
}

/// The site a page belongs to, as far as its markup and address tell.
struct Site {
    /// `og:site_name` and the like.
    names: Vec<String>,
    /// The registrable domain of the page's address.
    domain: Option<String>,
}

impl Site {
    /// Whether a title segment names the site rather than the article.
    fn is(&self, segment: &str) -> bool {
        let segment = segment.trim();
        if segment.is_empty() {
            return false;
        }
        // A bare domain ("example.com") is a site name wherever it stands.
        if segment.split_whitespace().count() <= 3
            && segment.contains('.')
            && !segment.ends_with('.')
        {
            return true;
        }
        self.names.iter().any(|n| same_name(segment, n))
            || self
                .domain
                .as_deref()
                .is_some_and(|d| outlet::name_matches_domain(segment, d))
    }

    /// A metadata title without the site's name chained to it
    /// (`Title | Site`, `Site - Title`, `Title - Section - Site`).
    fn strip(&self, title: &str) -> String {
        let mut t = title.trim().to_string();
        // A few rounds: pages chain section and site names.
        for _ in 0..3 {
            let next = self.cut_once(&t, true);
            if next == t {
                break;
            }
            t = next;
        }
        t
    }

    /// Cuts one site-name segment off either end; `guess` also cuts a
    /// short segment opposite a headline-sized one, the usual shape of
    /// `Headline | Site` when the site's name is not known.
    fn cut_once(&self, title: &str, guess: bool) -> String {
        for sep in SEPARATORS {
            let parts: Vec<&str> = title.split(sep).collect();
            if parts.len() < 2 {
                continue;
            }
            if let Some(last) = parts.last()
                && (self.is(last)
                    || guess && parts.len() == 2 && short_name(last) && long_title(parts[0]))
            {
                return parts[..parts.len() - 1].join(sep);
            }
            if let Some(first) = parts.first()
                && (self.is(first)
                    || guess && parts.len() == 2 && short_name(first) && long_title(parts[1]))
            {
                return parts[1..].join(sep);
            }
        }
        title.to_string()
    }
}

/// Whether a title segment is the site's name: equal to it, or two or
/// more of its words and nothing else ("Harbour Gazette" for "The Harbour
/// Gazette Group"). A segment with words of its own ("Harbour Gazette
/// #18") is an issue or a section, not the name.
fn same_name(segment: &str, name: &str) -> bool {
    if segment.trim().eq_ignore_ascii_case(name.trim()) {
        return true;
    }
    let (ws, wn) = (words(segment), words(name));
    ws.len() >= 2 && ws.iter().all(|w| wn.contains(w))
}

/// An `<h1>` without what belongs to a page title rather than a headline:
/// a `Headline | Section | Site` chain is cut at its first bar (headlines
/// do not use bars), and a known site name at either end is cut off.
fn headline_part(h1: &str, site: &Site) -> String {
    let h = h1.split(" | ").next().unwrap_or(h1);
    site.cut_once(h, false).trim().to_string()
}

/// How well an `<h1>` agrees with a metadata title: the share of words
/// each has of the other, the lower of the two, against the title without
/// its site name or, failing that, its first segment.
fn agreement(h1: &str, meta: &str, site: &Site) -> f64 {
    let both = |m: &str| overlap(h1, m).min(overlap(m, h1));
    let stripped = site.strip(meta);
    let mut score = both(&stripped);
    if score < AGREE
        && let Some(first) = first_segment(meta)
    {
        score = score.max(both(first));
    }
    score
}

/// The part of a title before its first separator, if it has one.
fn first_segment(title: &str) -> Option<&str> {
    SEPARATORS
        .iter()
        .filter_map(|sep| title.find(sep))
        .min()
        .and_then(|i| title.get(..i))
}

/// A few words, as a site's name is.
fn short_name(s: &str) -> bool {
    s.split_whitespace().count() <= 4
}

/// Enough words to be a headline.
fn long_title(s: &str) -> bool {
    s.split_whitespace().count() > 4
}

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Share of `a`'s words found in `b`, case-folded.
fn overlap(a: &str, b: &str) -> f64 {
    let (wa, wb) = (words(a), words(b));
    if wa.is_empty() {
        return 0.0;
    }
    let hits = wa.iter().filter(|w| wb.contains(w)).count();
    hits as f64 / wa.len() as f64
}

/// Typographic apostrophes and quotes as plain ones, and full-width
/// punctuation as ASCII, so one title is spelled one way whichever way a
/// page typeset it.
fn plain_punctuation(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201F}' | '\u{2033}' => '"',
            // Full-width forms of ASCII punctuation ("？", "！", "：").
            '\u{FF01}'..='\u{FF0F}' | '\u{FF1A}'..='\u{FF20}' => {
                char::from_u32(c as u32 - 0xFF01 + 0x21).unwrap_or(c)
            }
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(head: &str, body: &str) -> Html {
        Html::parse_document(&format!(
            "<html><head>{head}</head><body>{body}</body></html>"
        ))
    }

    fn t(head: &str, body: &str, url: Option<&str>) -> Option<String> {
        title(&page(head, body), "", url)
    }

    #[test]
    fn an_agreeing_h1_beats_the_site_suffixed_metadata() {
        let head = r#"<title>Tram depot to reopen in spring | Valley Courier</title>
            <meta property="og:title" content="Tram depot to reopen in spring | Valley Courier">"#;
        let body = "<h1>Valley Courier</h1><h1>Tram depot to reopen in spring</h1>";
        assert_eq!(
            t(head, body, None).as_deref(),
            Some("Tram depot to reopen in spring")
        );
    }

    #[test]
    fn the_social_title_outranks_a_stuffed_title_meta() {
        let head = r#"<meta name="title" content="cheap trams best trams tram news 2025">
            <meta property="og:title" content="Night trams return to the valley">"#;
        assert_eq!(
            t(head, "<h1>Menu</h1>", None).as_deref(),
            Some("Night trams return to the valley")
        );
    }

    #[test]
    fn a_bar_chain_in_the_h1_is_cut() {
        let head = r#"<meta property="og:title" content="Ferry fares rise again">"#;
        let body = "<h1>Ferry fares rise again | Transport | Valley Courier</h1>";
        assert_eq!(
            t(head, body, None).as_deref(),
            Some("Ferry fares rise again")
        );
    }

    #[test]
    fn a_line_break_in_the_h1_is_a_space() {
        let head = r#"<meta property="og:title" content="Weekend Garden Diary">"#;
        let body = "<h1>WEEKEND<br>GARDEN DIARY</h1>";
        assert_eq!(t(head, body, None).as_deref(), Some("WEEKEND GARDEN DIARY"));
    }

    #[test]
    fn the_domain_spells_the_site_name() {
        let head = "<title>Storm floods the harbour road - Valleycourier</title>";
        assert_eq!(
            t(head, "", Some("https://www.valleycourier.example/news/1")).as_deref(),
            Some("Storm floods the harbour road")
        );
    }

    #[test]
    fn a_short_h1_agrees_with_the_first_segment() {
        let head = r#"<meta property="og:title" content="Compost - County Extension Office - Home Gardening">"#;
        assert_eq!(
            t(head, "<h1>Compost</h1>", None).as_deref(),
            Some("Compost")
        );
    }

    #[test]
    fn a_segment_with_words_of_its_own_is_not_the_site() {
        let head = r#"<meta property="og:site_name" content="Garden Notes">
            <meta property="og:title" content="Garden Notes #12 – A wet spring">"#;
        let body = "<h1>Garden Notes #12 – A wet spring</h1>";
        assert_eq!(
            t(head, body, None).as_deref(),
            Some("Garden Notes #12 – A wet spring")
        );
    }

    #[test]
    fn a_known_site_name_is_cut_from_either_end() {
        let site = Site {
            names: vec!["Valley Courier".into()],
            domain: None,
        };
        assert_eq!(
            site.strip("Valley Courier » Bus lanes widened"),
            "Bus lanes widened"
        );
        assert_eq!(
            site.strip("Bus lanes widened • Valley Courier"),
            "Bus lanes widened"
        );
        assert_eq!(site.strip("Bus lanes widened"), "Bus lanes widened");
    }

    #[test]
    fn punctuation_is_plain() {
        assert_eq!(
            plain_punctuation("Why \u{201c}slow\u{201d} towns don\u{2019}t die\u{ff1f}"),
            "Why \"slow\" towns don't die?"
        );
    }

    #[test]
    fn the_extractors_guess_is_the_last_resort() {
        assert_eq!(
            title(&page("", ""), "  Quiet   week  ", None).as_deref(),
            Some("Quiet week")
        );
        assert_eq!(title(&page("", ""), "", None), None);
    }
}
