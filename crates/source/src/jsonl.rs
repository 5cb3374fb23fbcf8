//! JSON Lines: one article object a line (or one JSON article, or an array).

use std::io::{BufRead, Read};

use serde_json::{Map, Value};
use storyline_model::{Body, Hints, Record};

use crate::{Limits, SourceError, capped};

/// Streams the articles of a JSON Lines input; a bad line is an error for
/// that line only.
pub struct JsonLines {
    reader: Box<dyn BufRead>,
    input: String,
    line_no: usize,
    limits: Limits,
    done: bool,
    pending: std::vec::IntoIter<Result<Record, SourceError>>,
}

impl JsonLines {
    pub fn new(reader: Box<dyn BufRead>, input: &str, limits: Limits) -> Self {
        JsonLines {
            reader,
            input: input.to_string(),
            line_no: 0,
            limits,
            done: false,
            pending: Vec::new().into_iter(),
        }
    }

    /// Reads one line, refusing lines longer than a record may be.
    fn next_line(&mut self) -> Option<Result<Vec<u8>, SourceError>> {
        let mut line = Vec::new();
        let cap = self.limits.max_record;
        let read = (&mut self.reader)
            .take(cap + 1)
            .read_until(b'\n', &mut line);
        match read {
            Ok(0) => None,
            Ok(_) if line.len() as u64 > cap => {
                self.done = true;
                Some(Err(SourceError::TooLarge {
                    input: format!("{}#{}", self.input, self.line_no + 1),
                    what: "a JSON line",
                    limit: cap,
                }))
            }
            Ok(_) => Some(Ok(line)),
            Err(e) => {
                self.done = true;
                Some(Err(capped::classify(e, &self.input)))
            }
        }
    }

    /// The input is one JSON document spread over lines: read it whole.
    fn whole_document(&mut self, first: Vec<u8>) -> Vec<Result<Record, SourceError>> {
        let mut doc = first;
        let rest = (&mut self.reader)
            .take(self.limits.max_document)
            .read_to_end(&mut doc);
        if let Err(e) = rest {
            return vec![Err(capped::classify(e, &self.input))];
        }
        match serde_json::from_slice::<Value>(&doc) {
            Ok(Value::Array(items)) => items
                .into_iter()
                .enumerate()
                .map(|(i, v)| to_record(v, &format!("{}#{}", self.input, i + 1)))
                .collect(),
            Ok(v) => vec![to_record(v, &self.input)],
            Err(e) => vec![Err(SourceError::malformed(
                &self.input,
                format!("invalid JSON: {e}"),
            ))],
        }
    }
}

impl Iterator for JsonLines {
    type Item = Result<Record, SourceError>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(r) = self.pending.next() {
            return Some(r);
        }
        while !self.done {
            let line = match self.next_line()? {
                Ok(l) => l,
                Err(e) => return Some(Err(e)),
            };
            self.line_no += 1;
            let trimmed = line.trim_ascii();
            if trimmed.is_empty() {
                continue;
            }
            let source = format!("{}#{}", self.input, self.line_no);
            return Some(match serde_json::from_slice::<Value>(trimmed) {
                Ok(Value::Array(items)) => {
                    let base = self.input.clone();
                    self.pending = items
                        .into_iter()
                        .enumerate()
                        .map(|(i, v)| to_record(v, &format!("{base}#{}", i + 1)))
                        .collect::<Vec<_>>()
                        .into_iter();
                    match self.pending.next() {
                        Some(r) => r,
                        None => continue,
                    }
                }
                Ok(v) => to_record(v, &source),
                // A pretty-printed document: its first line is not a whole value.
                Err(e) if self.line_no == 1 && (e.is_eof() || trimmed.starts_with(b"[")) => {
                    self.done = true;
                    self.pending = self.whole_document(line).into_iter();
                    self.pending.next()?
                }
                Err(e) => Err(SourceError::malformed(source, format!("invalid JSON: {e}"))),
            });
        }
        None
    }
}

/// Field names other tools use for the same things, tried in order.
const TEXT: &[&str] = &["text", "maintext", "content", "body"];
const HTML: &[&str] = &["html", "content_html", "raw_html"];
const DATE: &[&str] = &[
    "date",
    "published",
    "date_publish",
    "datePublished",
    "pubDate",
];
const TITLE: &[&str] = &["title", "headline"];
const AUTHOR: &[&str] = &["author", "authors", "byline"];
const OUTLET: &[&str] = &["outlet", "source_domain", "site", "publisher"];
const LANG: &[&str] = &["lang", "language"];

/// Turns one JSON article object into a record.
pub fn to_record(value: Value, source: &str) -> Result<Record, SourceError> {
    let Value::Object(mut obj) = value else {
        return Err(SourceError::malformed(source, "expected a JSON object"));
    };
    let text = take_str(&mut obj, TEXT);
    let html = take_str(&mut obj, HTML);
    let body = match (text, html) {
        (Some(t), _) if !t.trim().is_empty() => Body::Text(t),
        (_, Some(h)) if !h.trim().is_empty() => Body::Html(h),
        (Some(_), _) | (_, Some(_)) => {
            return Err(SourceError::malformed(source, "empty article text"));
        }
        (None, None) => {
            return Err(SourceError::malformed(
                source,
                "no \"text\" or \"html\" field",
            ));
        }
    };
    let hints = Hints {
        id: take_str(&mut obj, &["id"]),
        url: take_str(&mut obj, &["url"]),
        title: take_str(&mut obj, TITLE),
        author: take_str(&mut obj, AUTHOR),
        date: take_str(&mut obj, DATE),
        outlet: take_str(&mut obj, OUTLET),
        lang: take_str(&mut obj, LANG),
        extra: obj,
    };
    let source = match &hints.id {
        Some(id) if !source.contains('#') => format!("{source}#{id}"),
        _ => source.to_string(),
    };
    Ok(Record {
        source,
        body,
        hints,
    })
}

/// Removes the first of `keys` present and gives it as a string: numbers are
/// written out, a list of names is joined, an object's `name` is used.
fn take_str(obj: &mut Map<String, Value>, keys: &[&str]) -> Option<String> {
    for key in keys {
        let Some(v) = obj.get(*key) else { continue };
        let s = match v {
            Value::String(s) => Some(s.trim().to_string()),
            Value::Number(n) => Some(n.to_string()),
            Value::Array(items) => {
                let names: Vec<&str> = items.iter().filter_map(name_of).collect();
                (!names.is_empty()).then(|| names.join(", "))
            }
            Value::Object(_) => name_of(v).map(str::to_string),
            _ => None,
        };
        if let Some(s) = s.filter(|s| !s.is_empty()) {
            obj.remove(*key);
            return Some(s);
        }
    }
    None
}

fn name_of(v: &Value) -> Option<&str> {
    match v {
        Value::String(s) => Some(s.as_str()),
        Value::Object(o) => o.get("name").and_then(Value::as_str),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(s: &str) -> Vec<Result<Record, SourceError>> {
        let r: Box<dyn BufRead> = Box::new(std::io::Cursor::new(s.as_bytes().to_vec()));
        JsonLines::new(r, "in.jsonl", Limits::default()).collect()
    }

    #[test]
    fn fields_and_extras() {
        let out = lines(
            r#"{"id":"a1","url":"https://x.example/a","title":"T","text":"Body.","date":"2025-01-02","outlet":"X","author":["A B","C D"],"lang":"en","section":"world"}"#,
        );
        let r = out[0].as_ref().unwrap();
        assert_eq!(r.source, "in.jsonl#1");
        assert_eq!(r.hints.id.as_deref(), Some("a1"));
        assert_eq!(r.hints.author.as_deref(), Some("A B, C D"));
        assert_eq!(
            r.hints.extra.get("section").and_then(Value::as_str),
            Some("world")
        );
        assert_eq!(r.body, Body::Text("Body.".into()));
    }

    #[test]
    fn a_bad_line_does_not_stop_the_rest() {
        let out = lines("{\"text\":\"one\"}\n{broken\n\n{\"html\":\"<p>three</p>\"}\n");
        assert_eq!(out.len(), 3);
        assert!(out[0].is_ok());
        let e = out[1].as_ref().unwrap_err().to_string();
        assert!(e.starts_with("in.jsonl#2: invalid JSON"), "{e}");
        assert_eq!(
            out[2].as_ref().unwrap().body,
            Body::Html("<p>three</p>".into())
        );
    }

    #[test]
    fn missing_text_is_an_error() {
        let out = lines("{\"title\":\"only\"}\n[1]\n\"str\"\n");
        assert!(out.iter().all(|r| r.is_err()));
    }

    #[test]
    fn pretty_printed_document_and_arrays() {
        let out = lines("{\n  \"text\": \"one\",\n  \"title\": \"T\"\n}\n");
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].as_ref().unwrap().hints.title.as_deref(), Some("T"));
        let out = lines("[{\"text\":\"a\"},{\"text\":\"b\"}]");
        assert_eq!(out.len(), 2);
        assert_eq!(out[1].as_ref().unwrap().source, "in.jsonl#2");
    }

    #[test]
    fn overlong_line_is_refused() {
        let limits = Limits {
            max_record: 16,
            ..Limits::default()
        };
        let r: Box<dyn BufRead> = Box::new(std::io::Cursor::new(
            b"{\"text\":\"0123456789abcdef\"}\n".to_vec(),
        ));
        let out: Vec<_> = JsonLines::new(r, "x", limits).collect();
        assert!(matches!(out[0], Err(SourceError::TooLarge { .. })));
    }
}
