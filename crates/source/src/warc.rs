//! WARC archives (Common Crawl's CC-NEWS): HTML responses become articles.
//!
//! Records are read one at a time from a stream, so a multi-gigabyte archive
//! costs one record of memory. Requests, metadata, non-HTML and non-200
//! responses are skipped silently; damaged records are errors that end the
//! archive (after a broken length, the next record cannot be found).

use std::io::{BufRead, Read};

use serde_json::Value;
use storyline_model::{Body, Hints, Record};

use crate::{Limits, SourceError, capped, charset};

/// Longest WARC or HTTP header line we accept.
const MAX_LINE: u64 = 64 << 10;
/// Most header lines in one record.
const MAX_HEADERS: usize = 512;

/// Streams the HTML responses of a WARC archive.
pub struct Warc {
    reader: Box<dyn BufRead>,
    input: String,
    index: usize,
    limits: Limits,
    done: bool,
}

impl Warc {
    pub fn new(reader: Box<dyn BufRead>, input: &str, limits: Limits) -> Self {
        Warc {
            reader,
            input: input.to_string(),
            index: 0,
            limits,
            done: false,
        }
    }

    fn fail(&mut self, e: SourceError) -> Option<Result<Record, SourceError>> {
        self.done = true;
        Some(Err(e))
    }

    fn read_line(&mut self, line: &mut Vec<u8>) -> Result<usize, SourceError> {
        line.clear();
        let n = (&mut self.reader)
            .take(MAX_LINE)
            .read_until(b'\n', line)
            .map_err(|e| capped::classify(e, &self.input))?;
        if n as u64 >= MAX_LINE && !line.ends_with(b"\n") {
            return Err(SourceError::TooLarge {
                input: format!("{}#{}", self.input, self.index),
                what: "a WARC header line",
                limit: MAX_LINE,
            });
        }
        Ok(n)
    }
}

impl Iterator for Warc {
    type Item = Result<Record, SourceError>;

    fn next(&mut self) -> Option<Self::Item> {
        let mut line = Vec::new();
        while !self.done {
            // Find the version line, skipping the blank lines between records.
            loop {
                match self.read_line(&mut line) {
                    Ok(0) => return None,
                    Ok(_) if line.trim_ascii().is_empty() => continue,
                    Ok(_) => break,
                    Err(e) => return self.fail(e),
                }
            }
            self.index += 1;
            let here = format!("{}#{}", self.input, self.index);
            if !line.starts_with(b"WARC/") {
                return self.fail(SourceError::malformed(
                    here,
                    "expected a WARC record header",
                ));
            }
            let mut headers = Vec::new();
            loop {
                match self.read_line(&mut line) {
                    Ok(0) => {
                        return self.fail(SourceError::malformed(
                            here,
                            "archive ends inside a record header",
                        ));
                    }
                    Ok(_) if line.trim_ascii().is_empty() => break,
                    Ok(_) => {
                        if headers.len() >= MAX_HEADERS {
                            return self
                                .fail(SourceError::malformed(here, "too many header lines"));
                        }
                        if let Some((k, v)) = split_header(&line) {
                            headers.push((k, v));
                        }
                    }
                    Err(e) => return self.fail(e),
                }
            }
            let get = |name: &str| {
                headers
                    .iter()
                    .find(|(k, _)| k.eq_ignore_ascii_case(name))
                    .map(|(_, v)| v.as_str())
            };
            let Some(len) = get("Content-Length").and_then(|v| v.parse::<u64>().ok()) else {
                return self.fail(SourceError::malformed(
                    here,
                    "record without a valid Content-Length",
                ));
            };
            let wanted = get("WARC-Type") == Some("response")
                && get("Content-Type")
                    .is_some_and(|t| t.to_ascii_lowercase().starts_with("application/http"));
            if !wanted || len > self.limits.max_record {
                let skipped =
                    std::io::copy(&mut (&mut self.reader).take(len), &mut std::io::sink());
                match skipped {
                    Ok(n) if n == len => {}
                    Ok(_) => {
                        return self
                            .fail(SourceError::malformed(here, "archive ends inside a record"));
                    }
                    Err(e) => return self.fail(capped::classify(e, &self.input)),
                }
                if wanted {
                    return Some(Err(SourceError::TooLarge {
                        input: here,
                        what: "a WARC record",
                        limit: self.limits.max_record,
                    }));
                }
                continue;
            }
            let mut block = Vec::with_capacity(len as usize);
            match (&mut self.reader).take(len).read_to_end(&mut block) {
                Ok(n) if n as u64 == len => {}
                Ok(_) => {
                    return self.fail(SourceError::malformed(here, "archive ends inside a record"));
                }
                Err(e) => return self.fail(capped::classify(e, &self.input)),
            }
            let url = get("WARC-Target-URI").map(|u| u.trim_matches(['<', '>']).to_string());
            let crawled = get("WARC-Date").map(str::to_string);
            let id = get("WARC-Record-ID").map(|s| s.trim_matches(['<', '>']).to_string());
            match http_html(&block, &here, &self.limits) {
                Ok(Some(html)) => {
                    let mut extra = serde_json::Map::new();
                    if let Some(c) = crawled {
                        extra.insert("crawled".into(), Value::String(c));
                    }
                    return Some(Ok(Record {
                        source: here,
                        body: Body::Html(html),
                        hints: Hints {
                            id,
                            url,
                            extra,
                            ..Hints::default()
                        },
                    }));
                }
                Ok(None) => continue,
                Err(e) => return Some(Err(e)),
            }
        }
        None
    }
}

fn split_header(line: &[u8]) -> Option<(String, String)> {
    let text = String::from_utf8_lossy(line);
    let (k, v) = text.split_once(':')?;
    Some((k.trim().to_string(), v.trim().to_string()))
}

/// The decoded HTML of an HTTP response block, or None when it is not a
/// successful HTML response.
fn http_html(block: &[u8], here: &str, limits: &Limits) -> Result<Option<String>, SourceError> {
    let Some(split) = find(block, b"\r\n\r\n")
        .map(|p| (p, 4))
        .or_else(|| find(block, b"\n\n").map(|p| (p, 2)))
    else {
        return Ok(None);
    };
    let head = String::from_utf8_lossy(&block[..split.0]);
    let mut lines = head.lines();
    let status = lines.next().unwrap_or_default();
    let code = status
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse::<u16>().ok());
    if code != Some(200) {
        return Ok(None);
    }
    let mut content_type = None;
    let mut gzip = false;
    let mut chunked = false;
    for l in lines {
        let Some((k, v)) = l.split_once(':') else {
            continue;
        };
        let (k, v) = (k.trim(), v.trim());
        if k.eq_ignore_ascii_case("content-type") {
            content_type = Some(v.to_string());
        } else if k.eq_ignore_ascii_case("content-encoding") {
            gzip = v.eq_ignore_ascii_case("gzip") || v.eq_ignore_ascii_case("x-gzip");
        } else if k.eq_ignore_ascii_case("transfer-encoding") {
            chunked = v.eq_ignore_ascii_case("chunked");
        }
    }
    let payload = &block[split.0 + split.1..];
    let is_html = match &content_type {
        Some(t) => {
            let t = t.to_ascii_lowercase();
            t.starts_with("text/html") || t.starts_with("application/xhtml")
        }
        None => payload.iter().take(1024).any(|b| *b == b'<'),
    };
    if !is_html {
        return Ok(None);
    }
    let mut body = if chunked {
        dechunk(payload)
    } else {
        payload.to_vec()
    };
    if gzip || capped::is_gzip(&body) {
        body = capped::gunzip(&body, here, limits)?;
    }
    let declared = content_type.as_deref().and_then(charset::charset_param);
    charset::decode(&body, declared, here).map(Some)
}

/// Undoes HTTP chunked transfer encoding; stops at the first malformed chunk.
fn dechunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len());
    while let Some(eol) = find(data, b"\r\n") {
        let size_text = String::from_utf8_lossy(&data[..eol]);
        let Ok(size) = usize::from_str_radix(size_text.split(';').next().unwrap_or("").trim(), 16)
        else {
            break;
        };
        data = &data[eol + 2..];
        if size == 0 || size > data.len() {
            out.extend_from_slice(&data[..size.min(data.len())]);
            break;
        }
        out.extend_from_slice(&data[..size]);
        data = data.get(size + 2..).unwrap_or_default();
    }
    out
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
        let mut r = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: https://n.example/story\r\nWARC-Date: 2025-01-02T03:04:05Z\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        r.extend_from_slice(block);
        r.extend_from_slice(b"\r\n\r\n");
        r
    }

    fn read(bytes: Vec<u8>) -> Vec<Result<Record, SourceError>> {
        Warc::new(
            Box::new(std::io::Cursor::new(bytes)),
            "a.warc",
            Limits::default(),
        )
        .collect()
    }

    const HTTP: &[u8] = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body><p>Hi</p></body></html>";

    #[test]
    fn html_responses_only() {
        let mut w = record("warcinfo", "application/warc-fields", b"software: x\r\n");
        w.extend(record(
            "request",
            "application/http; msgtype=request",
            b"GET / HTTP/1.1\r\n\r\n",
        ));
        w.extend(record(
            "response",
            "application/http; msgtype=response",
            HTTP,
        ));
        w.extend(record(
            "response",
            "application/http; msgtype=response",
            b"HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\n\r\n\xff\xd8\xff",
        ));
        w.extend(record(
            "response",
            "application/http; msgtype=response",
            b"HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<p>gone</p>",
        ));
        let out = read(w);
        assert_eq!(out.len(), 1);
        let r = out[0].as_ref().unwrap();
        assert_eq!(r.hints.url.as_deref(), Some("https://n.example/story"));
        assert_eq!(r.source, "a.warc#3");
        assert!(r.body.as_str().contains("<p>Hi</p>"));
    }

    #[test]
    fn truncated_record_is_an_error() {
        let mut w = record("response", "application/http; msgtype=response", HTTP);
        w.truncate(w.len() - 20);
        let out = read(w);
        assert_eq!(out.len(), 1);
        assert!(
            out[0]
                .as_ref()
                .unwrap_err()
                .to_string()
                .contains("ends inside")
        );
    }

    #[test]
    fn garbage_is_one_error() {
        let out = read(b"WARC/1.0\r\nno length here\r\n\r\nzzz".to_vec());
        assert_eq!(out.len(), 1);
        assert!(out[0].is_err());
    }

    #[test]
    fn chunked_and_gzipped_payloads() {
        assert_eq!(
            dechunk(b"4\r\nWiki\r\n5\r\npedia\r\n0\r\n\r\n"),
            b"Wikipedia"
        );
        use flate2::{Compression, write::GzEncoder};
        use std::io::Write;
        let mut e = GzEncoder::new(Vec::new(), Compression::fast());
        e.write_all(b"<html><p>Zipped</p></html>").unwrap();
        let mut block =
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n"
                .to_vec();
        block.extend(e.finish().unwrap());
        let out = read(record(
            "response",
            "application/http; msgtype=response",
            &block,
        ));
        assert!(out[0].as_ref().unwrap().body.as_str().contains("Zipped"));
    }
}
