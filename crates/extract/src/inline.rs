//! Furniture the main-text extractor leaves inside an HTML article's text.
//!
//! trafilatura keeps what sits inside the article element: the headline
//! again, a "Published: ..." dateline, "Read more:" links between
//! paragraphs. Only short paragraphs of those exact kinds are dropped; the
//! plain-text cleaner is too eager for text that is already the article.

/// Paragraph openings that mark a link or label, not prose.
const LEADS: &[&str] = &[
    "read more",
    "read also",
    "also read",
    "see also",
    "related:",
    "related story",
    "related article",
    "advertisement",
    "sponsored",
    "sign up",
    "subscribe",
    "click here",
    "share this",
    "follow us",
];

/// Longest paragraph that may be dropped as furniture.
const SHORT: usize = 140;

/// Drops a leading repeat of the title, leading datelines and bylines, and
/// short link/label paragraphs anywhere.
pub fn strip(text: &str, title: Option<&str>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut leading = true;
    for para in text.split("\n\n") {
        let p = para.trim();
        if p.is_empty() {
            continue;
        }
        let short = p.len() <= SHORT;
        let lower = p.to_lowercase();
        let drop = (short && LEADS.iter().any(|l| lower.starts_with(l)))
            || feed_footer(&lower)
            || short
                && (leading
                    && (title.is_some_and(|t| same_words(t, p))
                        || is_dateline(p)
                        || lower.starts_with("by ") && p.split_whitespace().count() <= 8));
        if drop {
            continue;
        }
        if p.split_whitespace().count() > 12 {
            leading = false;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(p);
    }
    out
}

/// The footer blogging software appends to feed items: "The post <title>
/// appeared first on <site>."
fn feed_footer(lower: &str) -> bool {
    lower.len() <= 400 && lower.starts_with("the post ") && lower.contains(" appeared first on ")
}

/// A line that is mostly a date ("Published: Monday 3 November 2025, 09:30").
fn is_dateline(p: &str) -> bool {
    match storyline_date::find_in_text(p) {
        Some((_, range)) => p.len() - range.len() <= 24,
        None => false,
    }
}

/// Whether paragraph `p` is the title `t` as the page's heading shows it:
/// the same words, or with a few more around them that the title leaves
/// out (a date, a "Blog:" label, an aggregator's "(source.com) 87").
fn same_words(t: &str, p: &str) -> bool {
    let norm = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let (t, p) = (norm(t), norm(p));
    !t.is_empty()
        && (p == t
            || t.len() >= 3 && p.len() <= t.len() + 3 && (p.starts_with(&t) || p.ends_with(&t)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_inline_furniture_only() {
        let text = "Bridge to close\n\nPublished: Monday 3 November 2025, 09:30\n\nBy Mara Quill\n\n\
                    The bridge will close for six weeks from Monday while engineers replace its supports.\n\n\
                    Read more: Ferry timetable for the winter\n\n\
                    By the end of the works, the council says, the bridge will carry twice the load.\n\n\
                    The post Bridge to close appeared first on Riverside Weekly.";
        let out = strip(text, Some("Bridge to close"));
        assert_eq!(
            out,
            "The bridge will close for six weeks from Monday while engineers replace its supports.\n\n\
             By the end of the works, the council says, the bridge will carry twice the load."
        );
    }

    #[test]
    fn drops_the_heading_with_what_the_title_left_out() {
        let text = "Dec 18 2025 Night trams return\n\nThe valley's night trams run again from Friday, the operator said.";
        assert_eq!(
            strip(text, Some("Night trams return")),
            "The valley's night trams run again from Friday, the operator said."
        );
        // A paragraph that only starts like a short title stays.
        let text = "Trams return to the valley after six years without a single night service.";
        assert_eq!(strip(text, Some("Trams return")), text);
    }

    #[test]
    fn keeps_prose_that_mentions_dates() {
        let text =
            "On 3 November 2025 the council voted to close the bridge for repairs to its supports.";
        assert_eq!(strip(text, None), text);
    }
}
