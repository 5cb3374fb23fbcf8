//! Embedded social posts: a post's text or its signature copied into an
//! article ("— Name (@handle) 5 July 2030", "A post shared by ...", a link
//! to the post or picture). What such a line says is the poster's, not the
//! article's: its names, dates and words are no part of the report.

/// Lowercase marks of an embedded post anywhere in a line. A bare link
/// is not one: articles link their sources too.
const MARKS: &[&str] = &[
    "pic.twitter.com",
    "a post shared by",
    "instagram.com/",
    "twitter.com/",
];

/// Whether `line` (a sentence or a paragraph) is, or carries, an embedded
/// social post: one of the marks, or a handle in brackets.
pub fn is_social_embed(line: &str) -> bool {
    let lower = line.to_lowercase();
    MARKS.iter().any(|m| lower.contains(m)) || handle_in_brackets(line)
}

/// Longest line (bytes) read as one post: a post and its signature are
/// short, and a text without line breaks is a whole article, not a post.
const MAX_POST_LINE: usize = 1_200;

/// The byte ranges of the lines of `text` that are, or carry, an embedded
/// social post ([`is_social_embed`]), in order, each with its newline.
pub fn social_embed_lines(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        // A text of one line is an article (or a sentence), not a post.
        let whole = line.len() == text.len();
        if !whole && line.len() <= MAX_POST_LINE && is_social_embed(line) {
            out.push((at, at + line.len()));
        }
        at += line.len();
    }
    out
}

/// "(@handle)": how an embedded post signs itself.
fn handle_in_brackets(line: &str) -> bool {
    line.match_indices("(@").any(|(i, _)| {
        let rest = &line[i + 2..];
        let name = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .map_or(rest, |j| &rest[..j]);
        !name.is_empty() && rest[name.len()..].starts_with(')')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn posts_and_their_signatures() {
        for line in [
            "The harbour looked empty this morning pic.twitter.com/abc123",
            "\u{2014} Kari Lund (@karilund) March 3, 2031",
            "Farewell, old friend A post shared by Ivo Berg (@ivo_b) on Mar 3, 2031 at 9:12am PST",
            "Watch it at https://twitter.com/karilund/status/1",
        ] {
            assert!(is_social_embed(line), "{line}");
        }
        for line in [
            "The council met on Monday (at the harbour office).",
            "Write to the editor at letters@example.org.",
            "The full report is at https://example.org/report.pdf for readers.",
            "Ada Moss said the ferry would sail again.",
        ] {
            assert!(!is_social_embed(line), "{line}");
        }
        let text = "Ada Moss spoke.\nRIP A post shared by Ivo Berg (@ivo_b)\nThe end.";
        assert_eq!(social_embed_lines(text), vec![(16, 55)]);
        assert_eq!(&text[16..55], "RIP A post shared by Ivo Berg (@ivo_b)\n");
        // An article without line breaks is not one post.
        let long = format!(
            "{} Ada Moss posted pic.twitter.com/x1 at noon.",
            "The ferry sailed. ".repeat(80)
        );
        assert!(social_embed_lines(&long).is_empty());
    }
}
