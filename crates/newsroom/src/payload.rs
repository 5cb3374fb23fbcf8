//! Response bodies: whole, or made on the fly while they are sent (the
//! `huge.xml` and `bomb.xml` faults), each counting the bytes it sends.

use std::convert::Infallible;
use std::pin::Pin;
use std::task::{Context, Poll};

use bytes::Bytes;
use http_body::{Body, Frame, SizeHint};

use crate::bomb::{BLOCKS, Bomb};
use crate::stats::Visit;

/// The size of the chunks a generated body is sent in.
const CHUNK: usize = 64 * 1024;

/// What a response body sends.
#[derive(Debug)]
enum Source {
    /// All of it at once (possibly nothing).
    Whole(Option<Bytes>),
    /// `head`, then `chunk` repeated, `left` bytes in all.
    Repeat {
        head: Option<Bytes>,
        chunk: Bytes,
        left: u64,
    },
    /// A gzip bomb: header, `left` blocks, tail.
    Bomb {
        header: Option<Bytes>,
        left: u64,
        tail: Option<Bytes>,
    },
}

/// A response body; counts what it sends into the request's statistics
/// and ends the request's visit when dropped.
#[derive(Debug)]
pub(crate) struct Payload {
    source: Source,
    visit: Option<Visit>,
}

impl Payload {
    /// A whole body.
    pub fn whole(bytes: impl Into<Bytes>) -> Payload {
        Payload::of(Source::Whole(Some(bytes.into())))
    }

    /// No body.
    pub fn empty() -> Payload {
        Payload::of(Source::Whole(None))
    }

    /// `head`, then `filler` repeated, `total` bytes in all.
    pub fn repeat(head: Bytes, filler: &[u8], total: u64) -> Payload {
        let mut chunk = Vec::with_capacity(CHUNK + filler.len());
        while chunk.len() < CHUNK && !filler.is_empty() {
            chunk.extend_from_slice(filler);
        }
        Payload::of(Source::Repeat {
            head: Some(head),
            chunk: Bytes::from(chunk),
            left: total,
        })
    }

    /// A gzip bomb of [`BLOCKS`] mebibytes of zeros.
    pub fn bomb() -> Payload {
        Payload::bomb_of(BLOCKS)
    }

    /// A gzip bomb of `blocks` mebibytes of zeros.
    pub fn bomb_of(blocks: u64) -> Payload {
        Payload::of(Source::Bomb {
            header: Some(Bomb::header()),
            left: blocks,
            tail: Some(Bomb::get().tail(blocks)),
        })
    }

    fn of(source: Source) -> Payload {
        Payload {
            source,
            visit: None,
        }
    }

    /// This body, counting into `visit`.
    pub fn counted(mut self, visit: Visit) -> Payload {
        self.visit = Some(visit);
        self
    }

    /// The next piece to send.
    fn next_piece(&mut self) -> Option<Bytes> {
        match &mut self.source {
            Source::Whole(bytes) => bytes.take(),
            Source::Repeat { head, chunk, left } => {
                if *left == 0 {
                    return None;
                }
                let piece = match head.take() {
                    Some(h) if !h.is_empty() => h,
                    _ if chunk.is_empty() => return None,
                    _ => chunk.clone(),
                };
                let piece = piece.slice(
                    ..piece
                        .len()
                        .min(usize::try_from(*left).unwrap_or(usize::MAX)),
                );
                *left -= piece.len() as u64;
                Some(piece)
            }
            Source::Bomb { header, left, tail } => {
                if let Some(h) = header.take() {
                    return Some(h);
                }
                if *left > 0 {
                    *left -= 1;
                    return Some(Bomb::get().block.clone());
                }
                tail.take()
            }
        }
    }
}

impl Body for Payload {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(
        self: Pin<&mut Self>,
        _cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        let this = self.get_mut();
        let piece = this.next_piece();
        if let (Some(p), Some(v)) = (&piece, &this.visit) {
            v.sent(p.len() as u64);
        }
        Poll::Ready(piece.map(|p| Ok(Frame::data(p))))
    }

    fn is_end_stream(&self) -> bool {
        matches!(self.source, Source::Whole(None))
    }

    fn size_hint(&self) -> SizeHint {
        match &self.source {
            Source::Whole(b) => SizeHint::with_exact(b.as_ref().map_or(0, |b| b.len() as u64)),
            // Generated bodies go out chunked, with no length announced, so a
            // client must cap them while reading.
            _ => SizeHint::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drain(mut p: Payload) -> Vec<u8> {
        let mut out = Vec::new();
        while let Some(piece) = p.next_piece() {
            out.extend_from_slice(&piece);
        }
        out
    }

    #[test]
    fn generated_bodies_have_their_length() {
        let body = drain(Payload::repeat(
            Bytes::from_static(b"<rss>"),
            b"<item/>",
            200_003,
        ));
        assert_eq!(body.len(), 200_003);
        assert!(body.starts_with(b"<rss><item/><item/>"));
        assert_eq!(
            drain(Payload::repeat(Bytes::from_static(b"head"), b"x", 2)),
            b"he"
        );
        assert_eq!(drain(Payload::whole("abc")), b"abc");
        assert!(Payload::empty().is_end_stream());
        let bomb = drain(Payload::bomb_of(2));
        assert_eq!(bomb.len(), 10 + 2 * Bomb::get().block.len() + 10);
    }
}
