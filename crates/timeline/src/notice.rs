//! Sentences that are the page speaking, not the news: a time stamp, a
//! correction or amendment notice, an embedded social post, a photo
//! caption or credit, a byline. They carry dates (the post's, the
//! notice's, the photo's) but report no development of the story; so
//! does a web archive's note on its crawls, copied with the page.

/// Whether `sentence` is page text rather than a development.
pub(crate) fn is_notice(sentence: &str) -> bool {
    let lower = sentence.trim().to_lowercase();
    stamp(&lower)
        || storyline_lexicon::is_web_archive_note(&lower)
        || storyline_lexicon::is_social_embed(sentence)
        || link(&lower)
        || caption(&lower)
        || portrait(sentence)
        || byline(sentence, &lower)
}

/// A portrait's caption: a name, then how the person looked ("Ivo Brandt
/// as he appeared in court on 3 March 2031."). "Brandt smiled as he
/// appeared" has a verb before the "as" and is news.
fn portrait(sentence: &str) -> bool {
    let Some(at) = [" as he appear", " as she appear", " as they appear"]
        .iter()
        .find_map(|m| sentence.find(m))
    else {
        return false;
    };
    let name: Vec<&str> = sentence[..at].split_whitespace().collect();
    (1..=4).contains(&name.len())
        && name
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// The first word of a lowercased sentence.
fn first_word(lower: &str) -> &str {
    lower
        .split(|c: char| !c.is_alphabetic())
        .find(|w| !w.is_empty())
        .unwrap_or("")
}

/// A page's own time stamp ("Published: Wednesday 12 November 2025,
/// 18:00", "Updated 3 March") or a note about the article itself ("This
/// article was amended on ...", "Correction: ...", "An earlier version of
/// this story ...").
fn stamp(lower: &str) -> bool {
    const FIRST: &[&str] = &[
        "published",
        "updated",
        "posted",
        "modified",
        "correction",
        "corrections",
        "clarification",
        "amended",
        "corrected",
        "update",
    ];
    const ABOUT_PAGE: &[&str] = &[
        "this article was",
        "this article has been",
        "this story was",
        "this story has been",
        "this report was",
        "this report has been",
        "this post was",
        "this post has been",
        "an earlier version of this",
        "a previous version of this",
        "editor's note",
        "editor\u{2019}s note",
        "last updated",
        "first published",
        "updated at",
    ];
    FIRST.contains(&first_word(lower)) || ABOUT_PAGE.iter().any(|p| lower.contains(p))
}

/// A link: a sentence that carries one is the page pointing somewhere
/// (a post, a source), not a development.
fn link(lower: &str) -> bool {
    ["http://", "https://", "t.co/"]
        .iter()
        .any(|m| lower.contains(m))
}

/// A photo caption or credit ("In this 2 May 2030 file photo, ...",
/// "Photo: Agency", "The crowd is pictured ...").
fn caption(lower: &str) -> bool {
    const MARKS: &[&str] = &[
        "file photo",
        "file image",
        "photo by",
        "photo:",
        "photograph:",
        "photos:",
        "image:",
        "picture:",
        "credit:",
        "image caption",
        "media caption",
        "photo credit",
        "getty images",
        "ap photo",
        "afp photo",
        "afp via getty",
        "reuters/",
        "/reuters",
        " is pictured",
        " are pictured",
        " was pictured",
        " were pictured",
        "(pictured",
    ];
    if MARKS.iter().any(|m| lower.contains(m)) {
        return true;
    }
    // "In this photo taken on ...", "(Agency) In this 2 May image, ...".
    let shot = lower.match_indices("in this ").any(|(i, _)| {
        lower[i..]
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .take(8)
            .any(|w| matches!(w, "photo" | "photograph" | "image" | "picture" | "video"))
    });
    shot || dated_caption(lower)
}

/// A gallery caption: a full date, then what the picture shows ("March
/// 3, 2031 Crews gather on the quay").
fn dated_caption(lower: &str) -> bool {
    let mut words = lower.split_whitespace();
    let (Some(month), Some(day), Some(year)) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    storyline_lexicon::is_month(month.trim_end_matches('.'))
        && day
            .trim_end_matches(',')
            .parse::<u8>()
            .is_ok_and(|d| (1..=31).contains(&d))
        && year.len() == 4
        && year.parse::<u16>().is_ok()
}

/// A byline or a credit line ("By Jane Doe and Ola Nord", "Reporting by
/// ...", "... contributed to this report").
fn byline(sentence: &str, lower: &str) -> bool {
    const MARKS: &[&str] = &[
        "contributed to this report",
        "contributed reporting",
        "contributed to this story",
        "reporting by",
        "editing by",
        "writing by",
        "additional reporting",
        "staff writer",
        "all rights reserved",
        "follow him on",
        "follow her on",
        "follow them on",
        "follow us on",
        "contact the author",
        "sign up for",
    ];
    if MARKS.iter().any(|m| lower.contains(m)) {
        return true;
    }
    // "By" and two capitalised words: a name, not "By Monday the crews ...".
    let mut words = sentence.split_whitespace();
    words.next().is_some_and(|w| w == "By" || w == "BY")
        && words.take(2).all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && !storyline_lexicon::is_weekday(&w.to_lowercase())
                && !storyline_lexicon::is_month_name(&w.to_lowercase())
        })
}

#[cfg(test)]
mod tests {
    use super::is_notice;

    #[test]
    fn page_text_is_not_news() {
        for s in [
            "Published: Wednesday 12 November 2031, 18:00",
            "Updated 3 March 2031 at 14:02.",
            "This article was amended on 4 May 2031 to correct the name of the ferry operator.",
            "Correction: an earlier version gave the wrong date for the walk-out on 3 March.",
            "An earlier version of this story misstated when the crews met on Friday.",
            "The harbour looked empty this morning pic.twitter.com/abc123 \u{2014} Kari Lund (@karilund) March 3, 2031",
            "Crews are walking out right now, what a day \u{2014} Port Watch (@portwatch) March 3, 2031",
            "A post shared by Halvorsund Ferries (@halvorsund) on Mar 3, 2031 at 9:12am",
            "In this 3 March 2031 file photo, ferry crews gather on the quay at Halvorsund.",
            "In this photo taken on March 3, 2031, crews wait at the pier.",
            "(Wire Agency) In this Monday, March 3, 2031, photo, crews wait at the pier.",
            "March 3, 2031 Crews wait at the pier as the strike goes on.",
            "Union leader Ingrid Solheim is pictured at the quay on Monday, March 3.",
            "By Kari Lund and Ola Nord, March 3, 2031",
            "Ola Nord contributed to this report from Halvorsund on Monday.",
            "Ivo Brandt as he appeared in court on March 3, 2031.",
            "Crawl of outlinks from the harbour wiki started March, 2031.",
        ] {
            assert!(is_notice(s), "{s}");
        }
        for s in [
            "Ferry crews walked out on Monday over unpaid overtime.",
            "By Monday the crews had walked out over unpaid overtime.",
            "The operator corrected its timetable on 3 March after the walk-out.",
            "In this town, the ferry crews walked out on Monday.",
            "March 3, 2031, was the day the ferry crews walked out.",
            "The union posted a statement on Monday, saying the strike would go on.",
            "Brandt smiled as he appeared in court on Monday, March 3.",
        ] {
            assert!(!is_notice(s), "{s}");
        }
    }
}
