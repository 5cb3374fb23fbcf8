//! Cleaned HTML to paragraphs of plain text.
//!
//! trafilatura's own plain text runs paragraphs together; its cleaned HTML
//! keeps them, so we walk that and break at every block element. Text
//! that was UTF-8 misread as Latin-1 is repaired on the way.

use scraper::{ElementRef, Html, Node};

use crate::page::mojibake::repair;

/// Elements that start a new paragraph.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "ul"
            | "ol"
            | "blockquote"
            | "pre"
            | "br"
            | "tr"
            | "table"
            | "section"
            | "article"
            | "header"
            | "footer"
            | "figure"
            | "figcaption"
            | "dd"
            | "dt"
            | "hr"
    )
}

/// The paragraphs of an HTML fragment, separated by blank lines, with
/// whitespace inside each collapsed.
pub fn to_text(fragment: &str) -> String {
    element_text(Html::parse_fragment(fragment).root_element())
}

/// The paragraphs of an element already parsed, as [`to_text`] gives
/// them.
pub(crate) fn element_text(element: ElementRef<'_>) -> String {
    let mut out = String::new();
    let mut para = String::new();
    for edge in element.traverse() {
        match edge {
            ego_tree::iter::Edge::Open(node) => match node.value() {
                // Repaired per text node, before whitespace is collapsed:
                // a misread no-break space is itself a space character.
                Node::Text(t) => para.push_str(&repair(t)),
                Node::Element(e) if is_block(e.name()) => flush(&mut para, &mut out),
                _ => {}
            },
            ego_tree::iter::Edge::Close(node) => {
                if let Node::Element(e) = node.value()
                    && is_block(e.name())
                {
                    flush(&mut para, &mut out);
                }
            }
        }
    }
    flush(&mut para, &mut out);
    out
}

fn flush(para: &mut String, out: &mut String) {
    let mut first = true;
    for word in para.split_whitespace() {
        if first {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            first = false;
        } else {
            out.push(' ');
        }
        out.push_str(word);
    }
    para.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_become_paragraphs() {
        let t = to_text(
            "<h1>Head</h1><p>One <b>bold</b>\n word.</p><ul><li>a</li><li>b</li></ul>tail<br>end &amp; more",
        );
        assert_eq!(t, "Head\n\nOne bold word.\n\na\n\nb\n\ntail\n\nend & more");
    }

    #[test]
    fn misread_utf8_is_repaired_before_spaces_collapse() {
        // "café’s" and a no-break space, each byte read as Latin-1.
        let misread: String = "caf\u{e9}\u{2019}s\u{a0}menu"
            .bytes()
            .map(char::from)
            .collect();
        assert_eq!(
            to_text(&format!("<p>{misread}</p>")),
            "caf\u{e9}\u{2019}s menu"
        );
    }

    #[test]
    fn empty_fragments() {
        assert_eq!(to_text(""), "");
        assert_eq!(to_text("<p> </p><div></div>"), "");
    }
}
