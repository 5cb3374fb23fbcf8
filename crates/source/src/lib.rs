//! The source stage: untrusted inputs in, raw [`Record`]s out.
//!
//! An input is a file, a directory (walked recursively) or standard input.
//! Its format is told by content ([`Format::sniff`]), not by name: plain
//! text, HTML, JSON Lines, RSS/Atom/JSON Feed, or WARC; any of them may be
//! gzipped. Everything passes through one capped reader ([`capped`]) so a
//! hostile input can cost at most [`Limits`] of memory and time. Errors name
//! the input and never stop the other inputs: [`read`] yields one result
//! per record.
//!
//! Apart from articles, [`opml`] reads and writes OPML subscription lists,
//! the usual way to move a set of feeds between readers.

pub mod capped;
pub mod charset;
mod error;
mod feed;
mod format;
mod input;
mod jsonl;
mod limits;
pub mod opml;
pub mod sitemap;
mod text;
mod warc;

use std::io::{BufRead, BufReader, Cursor, Read};

pub use error::SourceError;
pub use feed::records as feed_records;
pub use format::Format;
pub use input::{ARTICLE_EXTENSIONS, Input, expand, is_article_file};
pub use limits::Limits;
pub use storyline_model::Record;
pub use text::split_date_prefix;

/// The records of one input, each a success or an error naming where it failed.
pub type Records = Box<dyn Iterator<Item = Result<Record, SourceError>>>;

/// How many bytes are looked at to tell the format.
const HEAD: usize = 8 << 10;

/// Opens one input and streams its records.
pub fn read(input: &Input, limits: &Limits) -> Records {
    let name = input.name();
    match open(input, limits) {
        Ok(stream) => from_reader(stream, &name, limits),
        Err(e) => Box::new(std::iter::once(Err(e))),
    }
}

/// Streams the records of bytes already in memory (used by tests and by
/// callers that receive articles over other channels).
pub fn from_bytes(bytes: Vec<u8>, name: &str, limits: &Limits) -> Records {
    match capped::open(Box::new(Cursor::new(bytes)), limits.max_stream, limits) {
        Ok(stream) => from_reader(stream, name, limits),
        Err(e) => Box::new(std::iter::once(Err(capped::classify(e, name)))),
    }
}

fn open(input: &Input, limits: &Limits) -> Result<Box<dyn BufRead>, SourceError> {
    open_capped(input, limits.max_stream, limits)
}

/// Opens one input through the capped reader, refusing more than `cap`
/// bytes after decompression.
pub(crate) fn open_capped(
    input: &Input,
    cap: u64,
    limits: &Limits,
) -> Result<Box<dyn BufRead>, SourceError> {
    let name = input.name();
    let raw: Box<dyn Read> = match input {
        Input::Stdin => Box::new(std::io::stdin()),
        Input::Path(p) => Box::new(std::fs::File::open(p).map_err(|source| SourceError::Io {
            path: p.clone(),
            source,
        })?),
    };
    capped::open(raw, cap, limits).map_err(|e| capped::classify(e, &name))
}

fn from_reader(mut stream: Box<dyn BufRead>, name: &str, limits: &Limits) -> Records {
    let mut head = Vec::with_capacity(HEAD);
    if let Err(e) = (&mut stream).take(HEAD as u64).read_to_end(&mut head) {
        return one(Err(capped::classify(e, name)));
    }
    if head.trim_ascii().is_empty() {
        return one(Err(SourceError::Empty {
            input: name.to_string(),
        }));
    }
    let format = Format::sniff(&head, name);
    let stream: Box<dyn BufRead> = Box::new(BufReader::new(Cursor::new(head).chain(stream)));
    match format {
        Format::Warc => Box::new(warc::Warc::new(stream, name, *limits)),
        Format::JsonLines => Box::new(jsonl::JsonLines::new(stream, name, *limits)),
        _ => {
            let bytes = match read_document(stream, name, limits) {
                Ok(b) => b,
                Err(e) => return one(Err(e)),
            };
            match format {
                Format::Feed | Format::JsonFeed => {
                    Box::new(feed::records(&bytes, name).into_iter())
                }
                Format::Html => one(charset::decode(&bytes, None, name).map(|html| Record {
                    source: name.to_string(),
                    body: storyline_model::Body::Html(html),
                    hints: Default::default(),
                })),
                _ => one(charset::decode(&bytes, None, name).and_then(|t| text::record(&t, name))),
            }
        }
    }
}

/// Reads a whole-document input, refusing one over `max_document`.
fn read_document(
    stream: Box<dyn BufRead>,
    name: &str,
    limits: &Limits,
) -> Result<Vec<u8>, SourceError> {
    let mut bytes = Vec::new();
    stream
        .take(limits.max_document + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| capped::classify(e, name))?;
    if bytes.len() as u64 > limits.max_document {
        return Err(SourceError::TooLarge {
            input: name.to_string(),
            what: "document size",
            limit: limits.max_document,
        });
    }
    Ok(bytes)
}

fn one(r: Result<Record, SourceError>) -> Records {
    Box::new(std::iter::once(r))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(bytes: &[u8], name: &str) -> Vec<Result<Record, SourceError>> {
        from_bytes(bytes.to_vec(), name, &Limits::default()).collect()
    }

    #[test]
    fn dispatches_by_content() {
        let out = all(b" date 2025-01-02 Title\n\nBody.", "a.dat");
        assert_eq!(
            out[0].as_ref().unwrap().hints.date.as_deref(),
            Some("2025-01-02")
        );
        let out = all(b"<html><body><p>x</p></body></html>", "a.txt");
        assert_eq!(out[0].as_ref().unwrap().body.kind(), "html");
        let out = all(b"{\"text\":\"a\"}\n{\"text\":\"b\"}\n", "a");
        assert_eq!(out.len(), 2);
    }

    #[test]
    fn empty_and_binary_inputs_are_errors() {
        assert!(matches!(all(b"", "e")[0], Err(SourceError::Empty { .. })));
        assert!(matches!(
            all(b"\n \n", "e")[0],
            Err(SourceError::Empty { .. })
        ));
        let junk: Vec<u8> = (0..5000u32)
            .map(|i| (i.wrapping_mul(2654435761) >> 11) as u8)
            .collect();
        let out = all(&junk, "j.bin");
        assert!(
            matches!(out[0], Err(SourceError::Binary { .. })),
            "{:?}",
            out[0]
        );
    }

    #[test]
    fn oversized_document_is_refused() {
        let limits = Limits {
            max_document: 100,
            ..Limits::default()
        };
        let text = "word ".repeat(100);
        let out: Vec<_> = from_bytes(text.into_bytes(), "big.txt", &limits).collect();
        assert!(matches!(out[0], Err(SourceError::TooLarge { .. })));
    }
}
