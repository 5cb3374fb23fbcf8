//! One article as the newsroom publishes it: from the corpus or synthetic.

use jiff::Timestamp;

/// The longest summary a feed carries, in bytes.
const MAX_SUMMARY: usize = 300;

/// An article ready to render as a feed item or a page.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Article {
    /// The id in page URLs (`/a/{id}.html`): the corpus key
    /// (`<story>-<n>`) or `syn-<k>` for synthetic article `k`.
    pub id: String,
    /// The story it belongs to: the corpus story id, or
    /// `synthetic-<cycle>-<story>` for a synthetic article.
    pub story: String,
    /// The headline.
    pub title: String,
    /// The byline.
    pub author: String,
    /// The (simulated) publication time.
    pub published: Timestamp,
    /// The body, one string per paragraph.
    pub paragraphs: Vec<String>,
}

impl Article {
    /// The article's first sentence, cut to a few hundred bytes: what a
    /// feed's `<description>` carries.
    pub fn summary(&self) -> String {
        let first = self.paragraphs.first().map(String::as_str).unwrap_or("");
        let sentence = sentences(first).into_iter().next().unwrap_or("");
        cut(sentence, MAX_SUMMARY)
    }

    /// The whole text, paragraphs separated by blank lines.
    #[cfg(test)]
    pub fn text(&self) -> String {
        self.paragraphs.join("\n\n")
    }
}

/// `text` cut at a word boundary to at most `max` bytes, with an ellipsis
/// when cut.
fn cut(text: &str, max: usize) -> String {
    if text.len() <= max {
        return text.to_string();
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    let head = head.rsplit_once(' ').map_or(head, |(h, _)| h);
    format!("{}…", head.trim_end())
}

/// Words whose trailing full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "St", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept",
    "Oct", "Nov", "Dec", "No", "Gov", "Sen", "Rep", "Prof", "Gen", "Lt", "Col", "vs", "etc",
    "approx",
];

/// `text` split into sentences: a sentence ends at `.`, `!` or `?` (with
/// any closing quotes) followed by a space and an upper-case letter, a
/// digit or an opening quote, unless the word before is an abbreviation or
/// a single letter.
pub(crate) fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if matches!(c, '.' | '!' | '?') {
            let mut j = i + 1;
            while j < chars.len() && matches!(chars[j].1, '"' | '\'' | '”' | '’' | ')') {
                j += 1;
            }
            let next_is_start = j + 1 < chars.len() && chars[j].1 == ' ' && {
                let n = chars[j + 1].1;
                n.is_uppercase() || n.is_ascii_digit() || matches!(n, '"' | '“' | '‘' | '\'')
            };
            let word = text[start..pos]
                .rsplit(|ch: char| ch.is_whitespace())
                .next()
                .unwrap_or("");
            let abbreviation =
                c == '.' && (ABBREVIATIONS.contains(&word) || word.chars().count() == 1);
            if next_is_start && !abbreviation {
                let end = chars[j].0;
                out.push(text[start..end].trim());
                start = end;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    let rest = text[start..].trim();
    if !rest.is_empty() {
        out.push(rest);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_sentences_but_not_abbreviations() {
        let s = sentences(
            "Mr. Kell spoke on Oct. 20 in Greyhaven. \"It is over,\" he said. Then 12 left!",
        );
        assert_eq!(
            s,
            vec![
                "Mr. Kell spoke on Oct. 20 in Greyhaven.",
                "\"It is over,\" he said.",
                "Then 12 left!"
            ]
        );
        assert_eq!(sentences(""), Vec::<&str>::new());
    }

    #[test]
    fn summary_is_the_first_sentence_cut_short() {
        let a = Article {
            id: "x".into(),
            story: "s".into(),
            title: "t".into(),
            author: "a".into(),
            published: Timestamp::UNIX_EPOCH,
            paragraphs: vec!["One two. Three four.".into(), "Five.".into()],
        };
        assert_eq!(a.summary(), "One two.");
        let long = "word ".repeat(200);
        let s = cut(&long, 300);
        assert!(s.len() <= 304 && s.ends_with('…'));
        assert_eq!(cut("é".repeat(200).as_str(), 5).chars().count(), 3);
    }
}
