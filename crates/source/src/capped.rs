//! The one capped reader every input goes through.
//!
//! Decompression is where untrusted input does the most damage, so there is
//! exactly one place that inflates gzip and it always counts: total output
//! against a cap, and output against input to stop bombs early.

use std::cell::Cell;
use std::io::{self, BufRead, BufReader, Read};
use std::rc::Rc;

use flate2::bufread::MultiGzDecoder;

use crate::{Limits, SourceError};

/// Why the capped reader refused to read on; carried inside `io::Error`.
#[derive(Debug)]
pub(crate) struct CapHit {
    pub what: &'static str,
    pub limit: u64,
}

impl std::fmt::Display for CapHit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} exceeds {} bytes", self.what, self.limit)
    }
}

impl std::error::Error for CapHit {}

/// Counts the bytes read through it into a shared cell.
struct Counting<R> {
    inner: R,
    count: Rc<Cell<u64>>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.set(self.count.get() + n as u64);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Counting<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }
    fn consume(&mut self, amt: usize) {
        self.count.set(self.count.get() + amt as u64);
        self.inner.consume(amt)
    }
}

/// A reader that fails once more than `limit` bytes came out of it, or once
/// its output outgrows its (compressed) input by more than the allowed ratio.
pub struct CappedReader<R> {
    inner: R,
    out: u64,
    limit: u64,
    what: &'static str,
    compressed: Option<Rc<Cell<u64>>>,
    max_ratio: u64,
    ratio_grace: u64,
}

impl<R: Read> Read for CappedReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.out += n as u64;
        if self.out > self.limit {
            return Err(io::Error::other(CapHit {
                what: self.what,
                limit: self.limit,
            }));
        }
        if let Some(c) = &self.compressed
            && self.out > self.ratio_grace
            && self.out / c.get().max(1) > self.max_ratio
        {
            return Err(io::Error::other(CapHit {
                what: "decompressed size (gzip bomb?)",
                limit: self.out,
            }));
        }
        Ok(n)
    }
}

/// Does this start like gzip?
pub fn is_gzip(head: &[u8]) -> bool {
    head.starts_with(&[0x1f, 0x8b])
}

/// Wraps a raw input so that reading it yields decompressed bytes, capped at
/// `limit`. Gzip is recognised by its magic bytes, whatever the file is called.
pub fn open(raw: Box<dyn Read>, limit: u64, limits: &Limits) -> io::Result<Box<dyn BufRead>> {
    let mut buffered = BufReader::with_capacity(64 << 10, raw);
    let gz = is_gzip(buffered.fill_buf()?);
    let reader: Box<dyn Read> = if gz {
        let count = Rc::new(Cell::new(0));
        let counting = Counting {
            inner: buffered,
            count: count.clone(),
        };
        Box::new(CappedReader {
            inner: MultiGzDecoder::new(counting),
            out: 0,
            limit,
            what: "decompressed size",
            compressed: Some(count),
            max_ratio: limits.max_ratio,
            ratio_grace: limits.ratio_grace,
        })
    } else {
        Box::new(CappedReader {
            inner: buffered,
            out: 0,
            limit,
            what: "size",
            compressed: None,
            max_ratio: 0,
            ratio_grace: 0,
        })
    };
    Ok(Box::new(BufReader::with_capacity(64 << 10, reader)))
}

/// Decompresses a gzip body found inside a container (an HTTP payload with
/// `Content-Encoding: gzip`), capped like any input.
pub fn gunzip(bytes: &[u8], input: &str, limits: &Limits) -> Result<Vec<u8>, SourceError> {
    let mut r = open(
        Box::new(io::Cursor::new(bytes.to_vec())),
        limits.max_record,
        limits,
    )
    .map_err(|e| classify(e, input))?;
    let mut out = Vec::new();
    r.read_to_end(&mut out).map_err(|e| classify(e, input))?;
    Ok(out)
}

/// Turns an I/O error from a capped, possibly decompressing reader into the
/// error the user should see.
pub fn classify(e: io::Error, input: &str) -> SourceError {
    if let Some(hit) = e.get_ref().and_then(|r| r.downcast_ref::<CapHit>()) {
        return SourceError::TooLarge {
            input: input.to_string(),
            what: hit.what,
            limit: hit.limit,
        };
    }
    match e.kind() {
        io::ErrorKind::UnexpectedEof | io::ErrorKind::InvalidInput | io::ErrorKind::InvalidData => {
            SourceError::Gzip {
                input: input.to_string(),
                reason: e.to_string(),
            }
        }
        _ => SourceError::Io {
            path: input.into(),
            source: e,
        },
    }
}

/// Reads a whole (capped) stream into memory.
pub fn read_all(r: &mut dyn BufRead, input: &str) -> Result<Vec<u8>, SourceError> {
    let mut out = Vec::new();
    r.read_to_end(&mut out).map_err(|e| classify(e, input))?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::{Compression, write::GzEncoder};
    use std::io::Write;

    fn gz(data: &[u8]) -> Vec<u8> {
        let mut e = GzEncoder::new(Vec::new(), Compression::fast());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    #[test]
    fn plain_input_passes_through() {
        let limits = Limits::default();
        let mut r = open(Box::new(io::Cursor::new(b"hello".to_vec())), 100, &limits).unwrap();
        assert_eq!(read_all(&mut r, "x").unwrap(), b"hello");
    }

    #[test]
    fn gzip_is_detected_by_content() {
        let limits = Limits::default();
        let mut r = open(Box::new(io::Cursor::new(gz(b"hello world"))), 100, &limits).unwrap();
        assert_eq!(read_all(&mut r, "x").unwrap(), b"hello world");
    }

    #[test]
    fn concatenated_members_are_one_stream() {
        let limits = Limits::default();
        let mut both = gz(b"one ");
        both.extend(gz(b"two"));
        let mut r = open(Box::new(io::Cursor::new(both)), 100, &limits).unwrap();
        assert_eq!(read_all(&mut r, "x").unwrap(), b"one two");
    }

    #[test]
    fn size_cap_is_an_error() {
        let limits = Limits::default();
        let mut r = open(Box::new(io::Cursor::new(vec![b'a'; 1000])), 10, &limits).unwrap();
        let e = read_all(&mut r, "big.txt").unwrap_err();
        assert!(matches!(e, SourceError::TooLarge { .. }), "{e}");
        assert!(e.to_string().starts_with("big.txt:"));
    }

    #[test]
    fn bomb_is_stopped_by_ratio() {
        let limits = Limits {
            ratio_grace: 1 << 20,
            ..Limits::default()
        };
        let bomb = gz(&vec![0u8; 32 << 20]);
        let mut r = open(Box::new(io::Cursor::new(bomb)), u64::MAX, &limits).unwrap();
        let e = read_all(&mut r, "bomb.gz").unwrap_err();
        assert!(e.to_string().contains("gzip bomb"), "{e}");
    }

    #[test]
    fn truncated_gzip_is_an_error() {
        let limits = Limits::default();
        let text: Vec<u8> = (0..20000u32)
            .flat_map(|i| i.to_string().into_bytes())
            .collect();
        let full = gz(&text);
        let cut = full[..full.len() / 2].to_vec();
        let mut r = open(Box::new(io::Cursor::new(cut)), u64::MAX, &limits).unwrap();
        let e = read_all(&mut r, "cut.gz").unwrap_err();
        assert!(matches!(e, SourceError::Gzip { .. }), "{e}");
    }
}
