//! OPML subscription lists: the feeds a reader follows, in and out.
//!
//! Reading accepts OPML 1.0 and 2.0 as feed readers write them: a feed is
//! an `<outline>` with an `xmlUrl`, at any depth under `<body>` (folders are
//! outlines too, usually without one); its `text` (or `title`) is kept as
//! its title; `type` is not checked, since writers disagree (`rss`, `atom`,
//! none). Outlines without an `xmlUrl` are passed over. The document is
//! capped at [`MAX_SIZE`], and quick-xml expands no entities beyond XML's
//! own five, so a hostile file costs little; a malformed one is an error
//! naming the input.
//!
//! Writing gives OPML 2.0 with one outline per feed, every attribute
//! escaped, so that reading it back gives the same list.

use std::borrow::Cow;
use std::io::Read;

use quick_xml::XmlVersion;
use quick_xml::events::{BytesStart, Event};

use crate::{Input, Limits, SourceError, capped, charset};

/// Largest OPML document read, after decompression: room for tens of
/// thousands of feeds.
pub const MAX_SIZE: u64 = 8 << 20;

/// Longest title kept, in characters; the rest is cut.
const MAX_TITLE_CHARS: usize = 300;

/// One feed of a subscription list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outline {
    /// The feed's address (`xmlUrl`), as written, without surrounding spaces.
    pub url: String,
    /// Its name (`text`, else `title`) on one line; `None` when it has none
    /// or only repeats the URL.
    pub title: Option<String>,
}

/// Reads an OPML input (a file or stdin, possibly gzipped) whole, capped at
/// [`MAX_SIZE`] (or `limits.max_document`, if smaller), and parses it.
pub fn read(input: &Input, limits: &Limits) -> Result<Vec<Outline>, SourceError> {
    let name = input.name();
    let cap = MAX_SIZE.min(limits.max_document);
    let mut stream = crate::open_capped(input, cap, limits)?;
    let mut bytes = Vec::new();
    stream
        .read_to_end(&mut bytes)
        .map_err(|e| capped::classify(e, &name))?;
    parse(&bytes, &name)
}

/// Parses an OPML document into its feeds, in document order (duplicates
/// kept). `input` names the document in errors.
pub fn parse(bytes: &[u8], input: &str) -> Result<Vec<Outline>, SourceError> {
    if bytes.len() as u64 > MAX_SIZE {
        return Err(SourceError::TooLarge {
            input: input.to_string(),
            what: "OPML size",
            limit: MAX_SIZE,
        });
    }
    if bytes.trim_ascii().is_empty() {
        return Err(SourceError::Empty {
            input: input.to_string(),
        });
    }
    // By BOM, UTF-8 or the XML prolog's encoding, as feeds are read.
    let text = charset::decode(bytes, None, input).map_err(|e| match e {
        SourceError::Binary { .. } => SourceError::malformed(input, "binary data, not OPML"),
        e => e,
    })?;
    let bad = |reason: String| SourceError::malformed(input, format!("not valid OPML: {reason}"));

    let mut reader = quick_xml::Reader::from_str(&text);
    let mut outlines = Vec::new();
    // Open elements, and the depth at which `<body>` was opened while it is.
    let mut depth = 0usize;
    let mut body: Option<usize> = None;
    let mut seen_root = false;
    loop {
        let event = reader.read_event().map_err(|e| {
            bad(format!(
                "{e} (at byte {})",
                reader.error_position().saturating_add(1)
            ))
        })?;
        let (start, empty) = match &event {
            Event::Start(e) => (e, false),
            Event::Empty(e) => (e, true),
            Event::End(_) => {
                depth = depth.saturating_sub(1);
                if body.is_some_and(|b| depth < b) {
                    body = None;
                }
                continue;
            }
            Event::Eof => break,
            _ => continue,
        };
        let name = start.local_name();
        let name = name.as_ref();
        if !seen_root {
            if !name.eq_ignore_ascii_case("opml") {
                return Err(bad(format!(
                    "the root element is <{}>, not <opml>",
                    cut(name)
                )));
            }
            seen_root = true;
        } else if depth == 0 {
            return Err(bad("a second root element after <opml>".into()));
        } else if depth == 1 && body.is_none() && name.eq_ignore_ascii_case("body") {
            body = Some(depth + 1);
        } else if body.is_some()
            && name.eq_ignore_ascii_case("outline")
            && let Some(o) = outline(start).map_err(bad)?
        {
            outlines.push(o);
        }
        if !empty {
            depth += 1;
        }
    }
    if !seen_root {
        return Err(bad("no <opml> element".into()));
    }
    if depth > 0 {
        return Err(bad(
            "it ends before its elements are closed (truncated?)".into()
        ));
    }
    Ok(outlines)
}

/// The feed an `<outline>` names, if it has an `xmlUrl`.
fn outline(e: &BytesStart<'_>) -> Result<Option<Outline>, String> {
    let (mut url, mut text, mut title) = (None, None, None);
    for attr in e.attributes() {
        let attr = attr.map_err(|e| e.to_string())?;
        let key = attr.key.local_name();
        let slot = match key.as_ref() {
            // Some writers lower-case it.
            k if k.eq_ignore_ascii_case("xmlUrl") => &mut url,
            "text" => &mut text,
            "title" => &mut title,
            _ => continue,
        };
        // A bare `&` (common in hand-edited lists' URLs) or an HTML entity
        // makes the value unreadable as XML; take it as written rather than
        // losing the feed.
        let value = attr
            .normalized_value(XmlVersion::Implicit1_0)
            .unwrap_or_else(|_| attr.value.clone());
        *slot = Some(value);
    }
    let url = url.map(|u| u.chars().filter(|&c| xml_char(c)).collect::<String>());
    let Some(url) = url.map(|u| u.trim().to_string()).filter(|u| !u.is_empty()) else {
        return Ok(None);
    };
    // A title that is only the URL (as writers fill the required `text`),
    // even once put on one line, is no title.
    let url_line = one_line(&url);
    let title = [text, title]
        .into_iter()
        .flatten()
        .filter_map(|t| one_line(&t))
        .find(|t| *t != url && Some(t) != url_line.as_ref());
    Ok(Some(Outline { url, title }))
}

/// `s` on one line, without control characters, cut to [`MAX_TITLE_CHARS`];
/// `None` when nothing is left.
fn one_line(s: &str) -> Option<String> {
    let kept: String = s
        .chars()
        .filter(|&c| xml_char(c))
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let line: String = kept
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(MAX_TITLE_CHARS)
        .collect();
    // The cut may leave a space at the end.
    let line = line.trim_end();
    (!line.is_empty()).then(|| line.to_string())
}

/// Whether XML 1.0 can carry `c` at all (as itself or as a reference).
fn xml_char(c: char) -> bool {
    !matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
}

/// An element name for a message: short and printable.
fn cut(name: &str) -> Cow<'_, str> {
    if name.chars().count() <= 40 && name.chars().all(|c| !c.is_control()) {
        Cow::Borrowed(name)
    } else {
        Cow::Owned(name.chars().filter(|c| !c.is_control()).take(40).collect())
    }
}

/// Writes `outlines` as an OPML 2.0 document: one `<outline type="rss">`
/// per feed, its title (or, lacking one, its URL, since `text` is required)
/// in `text`, and in `title` too when it has one.
pub fn write(outlines: &[Outline]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <opml version=\"2.0\">\n  <head>\n    <title>storyline sources</title>\n  </head>\n  <body>\n",
    );
    for o in outlines {
        let url = escape(&o.url);
        match &o.title {
            Some(t) => {
                let t = escape(t);
                out.push_str(&format!(
                    "    <outline type=\"rss\" text=\"{t}\" title=\"{t}\" xmlUrl=\"{url}\"/>\n"
                ));
            }
            None => out.push_str(&format!(
                "    <outline type=\"rss\" text=\"{url}\" xmlUrl=\"{url}\"/>\n"
            )),
        }
    }
    out.push_str("  </body>\n</opml>\n");
    out
}

/// `s` as the value of a double-quoted attribute. Tabs and line breaks are
/// written as references so a reader's whitespace normalisation keeps them;
/// characters XML 1.0 cannot carry at all are dropped.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if xml_char(c) => out.push(c),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feeds(doc: &str) -> Vec<Outline> {
        parse(doc.as_bytes(), "subs.opml").unwrap()
    }

    fn feed(url: &str, title: Option<&str>) -> Outline {
        Outline {
            url: url.into(),
            title: title.map(Into::into),
        }
    }

    fn err(bytes: &[u8]) -> String {
        let e = parse(bytes, "subs.opml").unwrap_err().to_string();
        assert!(e.starts_with("subs.opml: "), "{e}");
        assert!(!e.contains('\n'), "{e}");
        e
    }

    #[test]
    fn feeds_are_found_in_nested_folders_in_order() {
        let doc = r#"<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>Morning reading</title></head>
  <body>
    <outline text="Local">
      <outline text="Harbour Gazette" type="rss" xmlUrl="https://harbourgazette.example/feed.xml"/>
      <outline text="Boroughs">
        <outline title="Chapel Hill Courier" type="atom" xmlUrl="https://courier.example/atom"/>
      </outline>
    </outline>
    <outline text="A blog, not a feed" type="link" url="https://blog.example/"/>
    <outline text="Wire" xmlUrl="https://wire.example/rss" htmlUrl="https://wire.example/"></outline>
  </body>
</opml>"#;
        assert_eq!(
            feeds(doc),
            [
                feed(
                    "https://harbourgazette.example/feed.xml",
                    Some("Harbour Gazette")
                ),
                feed("https://courier.example/atom", Some("Chapel Hill Courier")),
                feed("https://wire.example/rss", Some("Wire")),
            ]
        );
    }

    #[test]
    fn opml_1_and_odd_writers_are_read() {
        // OPML 1.0, a lower-cased attribute, no text, text repeating the
        // URL, spaces around the URL, an empty xmlUrl, a title over lines.
        let doc = "<opml version=\"1.0\"><head/><body>\
            <outline xmlurl=\"http://a.example/rss\"/>\
            <outline text=\"http://b.example/rss\" xmlUrl=\"http://b.example/rss\"/>\
            <outline text=\"  \" title=\"Bee\" xmlUrl=\" http://c.example/rss \"/>\
            <outline text=\"Nothing\" xmlUrl=\"\"/>\
            <outline text=\"Two&#10;lines\" xmlUrl=\"http://d.example/rss\"/>\
            </body></opml>";
        assert_eq!(
            feeds(doc),
            [
                feed("http://a.example/rss", None),
                feed("http://b.example/rss", None),
                feed("http://c.example/rss", Some("Bee")),
                feed("http://d.example/rss", Some("Two lines")),
            ]
        );
    }

    #[test]
    fn outlines_outside_the_body_are_not_feeds() {
        let doc = r#"<opml version="2.0"><head><outline xmlUrl="http://head.example/"/></head>
            <body><outline xmlUrl="http://body.example/"/></body></opml>"#;
        assert_eq!(feeds(doc), [feed("http://body.example/", None)]);
        assert!(feeds("<opml><body/></opml>").is_empty());
    }

    #[test]
    fn entities_and_escaping_round_trip() {
        let list = vec![
            feed(
                "https://a.example/feed?topic=ports&lang=en",
                Some(r#"Ports & "Harbours" <weekly> it's"#),
            ),
            feed("https://b.example/é/rss", Some("Café Ørsted – news")),
            feed("https://c.example/rss", None),
        ];
        let doc = write(&list);
        assert!(doc.contains("topic=ports&amp;lang=en"), "{doc}");
        assert!(doc.contains("&quot;Harbours&quot; &lt;weekly&gt;"), "{doc}");
        assert_eq!(feeds(&doc), list);
        // Entities and character references as other writers use them.
        let doc = "<opml><body><outline text=\"Caf&#233; &amp; Bar &#x2013; &lt;b&gt;\" \
            xmlUrl=\"https://d.example/?a=1&amp;b=2\"/></body></opml>";
        assert_eq!(
            feeds(doc),
            [feed("https://d.example/?a=1&b=2", Some("Café & Bar – <b>"))]
        );
    }

    #[test]
    fn what_xml_cannot_carry_is_dropped_and_breaks_are_kept_in_writing() {
        let doc = write(&[feed("https://a.example/\u{1}x", Some("a\tb\nc\r\u{7}d"))]);
        assert!(doc.contains("a&#9;b&#10;c&#13;d"), "{doc}");
        assert!(doc.contains("xmlUrl=\"https://a.example/x\""), "{doc}");
        // Read back, the title is one line.
        assert_eq!(feeds(&doc), [feed("https://a.example/x", Some("a b c d"))]);
    }

    #[test]
    fn sloppy_attribute_values_are_taken_as_written() {
        let doc = "<opml><body>\
            <outline text=\"Tom &amp Jerry&nbsp;Daily\" xmlUrl=\"http://a.example/?x=1&y=2\"/>\
            </body></opml>";
        assert_eq!(
            feeds(doc),
            [feed(
                "http://a.example/?x=1&y=2",
                Some("Tom &amp Jerry&nbsp;Daily")
            )]
        );
    }

    #[test]
    fn long_titles_are_cut() {
        let doc = format!(
            "<opml><body><outline text=\"{}\" xmlUrl=\"http://a.example/\"/></body></opml>",
            "é".repeat(5000)
        );
        let got = feeds(&doc);
        assert_eq!(
            got[0].title.as_ref().unwrap().chars().count(),
            MAX_TITLE_CHARS
        );
    }

    #[test]
    fn garbage_is_an_error_naming_the_input() {
        for (bytes, says) in [
            (&b"just some words, no markup"[..], "no <opml> element"),
            (
                b"<html><body><p>hello</p></body></html>",
                "root element is <html>",
            ),
            (
                b"<opml><body><outline xmlUrl=\"x\"></body></opml>",
                "not valid OPML",
            ),
            (b"<opml><body><outline xmlUrl=\"x\"/>", "truncated"),
            (b"<opml/><opml/>", "second root"),
            (
                b"<opml><body><outline xmlUrl=\"a\" xmlUrl=\"b\"/></body></opml>",
                "not valid OPML",
            ),
            (
                b"<opml><body><outline xmlUrl=\"x/></body></opml>",
                "not valid OPML",
            ),
            (b"", "empty input"),
            (b"  \n ", "empty input"),
            (
                b"\x7fELF\x00\x00\x01\x02\x00\x00\x00\x00\xff\xfe\x00",
                "binary data, not OPML",
            ),
        ] {
            let e = err(bytes);
            assert!(
                e.contains(says),
                "{:?}: {e}",
                String::from_utf8_lossy(bytes)
            );
        }
    }

    #[test]
    fn size_is_capped() {
        let big = vec![b' '; MAX_SIZE as usize + 1];
        assert!(matches!(
            parse(&big, "big.opml"),
            Err(SourceError::TooLarge { .. })
        ));
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("subs.opml");
        std::fs::write(
            &path,
            "<opml><body><outline xmlUrl=\"http://a.example/\"/></body></opml>",
        )
        .unwrap();
        let input = Input::Path(path);
        assert_eq!(read(&input, &Limits::default()).unwrap().len(), 1);
        let tiny = Limits {
            max_document: 10,
            ..Limits::default()
        };
        assert!(matches!(
            read(&input, &tiny),
            Err(SourceError::TooLarge { .. })
        ));
    }

    #[test]
    fn deep_nesting_and_many_outlines_cost_no_stack() {
        let depth = 200_000;
        let doc = format!(
            "<opml><body>{}<outline xmlUrl=\"http://deep.example/\"/>{}</body></opml>",
            "<outline>".repeat(depth),
            "</outline>".repeat(depth)
        );
        assert_eq!(feeds(&doc), [feed("http://deep.example/", None)]);
    }

    proptest::proptest! {
        #[test]
        fn any_list_is_written_so_that_it_reads_back(
            list in proptest::collection::vec(
                (proptest::prelude::any::<String>(), proptest::option::of(proptest::prelude::any::<String>())),
                0..6,
            )
        ) {
            let list: Vec<Outline> = list
                .into_iter()
                .map(|(url, title)| Outline { url, title })
                .collect();
            // Read back, each feed is as parse would give it (URLs XML can
            // carry, titles on one line); from then on nothing changes.
            let read = parse(write(&list).as_bytes(), "w.opml").unwrap();
            let again = parse(write(&read).as_bytes(), "w.opml").unwrap();
            proptest::prop_assert_eq!(&again, &read);
        }

        #[test]
        fn any_bytes_are_an_answer_never_a_panic(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..400)) {
            if let Ok(found) = parse(&bytes, "any.opml") {
                let again = parse(write(&found).as_bytes(), "w.opml").unwrap();
                proptest::prop_assert_eq!(again, found);
            }
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic() {
        // A small deterministic fuzz: cut and corrupt a real document.
        let doc = write(&[
            feed("https://a.example/feed?x=1&y=2", Some("A & B")),
            feed("https://b.example/rss", None),
        ])
        .into_bytes();
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for i in 0..2000 {
            let mut bytes = doc[..(i * 7) % doc.len()].to_vec();
            for _ in 0..(i % 5) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                if !bytes.is_empty() {
                    let at = (seed as usize) % bytes.len();
                    bytes[at] = (seed >> 32) as u8;
                }
            }
            let _ = parse(&bytes, "fuzz.opml");
        }
    }
}
