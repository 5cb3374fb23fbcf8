//! The raw body column: how a record's raw body is packed for keeping, and
//! the one way it is read back.
//!
//! Raw pages are most of a store's bytes and are read rarely (to clean an
//! article again), so they are kept compressed with zstd as a BLOB. Older
//! files hold them as plain TEXT; SQLite columns are dynamically typed, so
//! both live in the same column and the value's type says which it is: a
//! BLOB is compressed, TEXT is not. No migration is needed.
//!
//! Reading a BLOB back is capped like every decompression of untrusted
//! bytes: the store file may come from anywhere, and a small blob must not
//! inflate into gigabytes.

use std::io::Read;
use std::path::Path;

use rusqlite::types::ValueRef;

use crate::db::{Arg, DbResult, FromCol};
use storyline_model::Body;

use crate::StoreError;

/// zstd level for raw pages. Measured on the 711 WCXB dev pages (188 KB of
/// HTML each on average), one page at a time: level 3 gives 34.0 KB per
/// page at 0.8 ms, level 5 32.0 KB at 1.5 ms, level 7 31.1 KB at 2.3 ms,
/// level 9 30.8 KB at 3.0 ms. Level 5 is the knee: beyond it each
/// millisecond buys under a kilobyte.
const LEVEL: i32 = 5;

/// The most bytes a raw body may decompress to: twice the source stage's
/// default cap on one record (32 MiB), and its cap on a whole document, so
/// no body a source hands on is refused.
pub(crate) const MAX_RAW_BYTES: u64 = 64 << 20;

/// The largest zstd window a stored body may need, as a power of two (8
/// MiB); `LEVEL` uses at most 2 MiB. Bounds what a corrupt or hostile blob
/// can make the decoder allocate before the output cap is reached.
const MAX_WINDOW_LOG: u32 = 23;

/// A raw body as it goes into the `raw` column.
#[derive(Debug)]
pub(crate) enum Packed<'a> {
    /// zstd-compressed UTF-8, stored as a BLOB.
    Zstd(Vec<u8>),
    /// Stored as TEXT, as older files did: bodies that compression would
    /// not shrink, or too large to be read back under the cap.
    Plain(&'a str),
}

impl Packed<'_> {
    /// The value to bind: a BLOB or TEXT in SQLite; bytes either way in
    /// PostgreSQL's BYTEA column, told apart on reading by zstd's magic
    /// number (which no UTF-8 text starts with).
    pub(crate) fn arg(&self) -> Arg<'_> {
        match self {
            Packed::Zstd(bytes) => Arg::Blob(bytes),
            Packed::Plain(text) => Arg::Text(text),
        }
    }
}

/// Packs one body for the `raw` column.
pub(crate) fn pack(body: &Body) -> Packed<'_> {
    pack_str(body.as_str())
}

/// Packs any text the same way (stored facts and briefs are JSON that
/// compresses well too).
pub(crate) fn pack_str(text: &str) -> Packed<'_> {
    if text.len() as u64 > MAX_RAW_BYTES {
        // The source caps records well below this; if one ever got through,
        // plain text keeps it readable instead of making it unreadable.
        return Packed::Plain(text);
    }
    match zstd::bulk::compress(text.as_bytes(), LEVEL) {
        Ok(bytes) if bytes.len() < text.len() => Packed::Zstd(bytes),
        // Tiny bodies grow by the frame header; an error here can only be
        // the allocator's. Either way the plain text is a correct value.
        _ => Packed::Plain(text),
    }
}

/// Packs many bodies, spread over the cores: compression is most of the
/// work of storing a batch, and done here it stays outside the write lock.
pub(crate) fn pack_all<'a>(bodies: &[&'a Body]) -> Vec<Packed<'a>> {
    // Threads only pay for themselves on a few bodies each.
    const PER_THREAD: usize = 8;
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(bodies.len() / PER_THREAD)
        .max(1);
    if threads == 1 {
        return bodies.iter().map(|b| pack(b)).collect();
    }
    let chunk = bodies.len().div_ceil(threads);
    std::thread::scope(|s| {
        let workers: Vec<_> = bodies
            .chunks(chunk)
            .map(|part| s.spawn(move || part.iter().map(|b| pack(b)).collect::<Vec<_>>()))
            .collect();
        workers
            .into_iter()
            // pack does not panic; if it ever did, the panic goes on up.
            .flat_map(|w| w.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
            .collect()
    })
}

/// The `raw` column of one row, as SQLite gave it, owned so that it can
/// leave the row it was read from.
#[derive(Debug)]
pub(crate) enum Stored {
    /// A TEXT value (written before compression, or kept plain).
    Text(Vec<u8>),
    /// A BLOB: a zstd frame.
    Blob(Vec<u8>),
    /// Anything else, which no build of ours writes: the type's name.
    Other(&'static str),
}

/// The first four bytes of every zstd frame. The second is a UTF-8
/// continuation byte after an ASCII one, so no text starts so.
const ZSTD_MAGIC: [u8; 4] = [0x28, 0xB5, 0x2F, 0xFD];

impl FromCol for Stored {
    fn sqlite(v: ValueRef<'_>) -> DbResult<Option<Self>> {
        Ok(Some(match v {
            ValueRef::Text(t) => Stored::Text(t.to_vec()),
            ValueRef::Blob(b) => Stored::Blob(b.to_vec()),
            ValueRef::Null => Stored::Other("NULL"),
            ValueRef::Integer(_) => Stored::Other("an integer"),
            ValueRef::Real(_) => Stored::Other("a real number"),
        }))
    }

    fn postgres(r: &postgres::Row, i: usize) -> DbResult<Option<Self>> {
        Ok(Some(match r.try_get::<_, Option<Vec<u8>>>(i)? {
            None => Stored::Other("NULL"),
            Some(b) if b.starts_with(&ZSTD_MAGIC) => Stored::Blob(b),
            Some(t) => Stored::Text(t),
        }))
    }
}

/// The raw body of article `id` from its `raw_kind` and `raw` columns: the
/// one function every reader of `raw` goes through.
pub(crate) fn unpack(path: &Path, id: i64, kind: &str, raw: Stored) -> Result<Body, StoreError> {
    let corrupt = |detail: String| StoreError::Corrupt {
        path: path.to_owned(),
        id,
        detail,
    };
    let bytes = match raw {
        Stored::Text(t) => t,
        Stored::Blob(b) => inflate(&b, MAX_RAW_BYTES).map_err(&corrupt)?,
        Stored::Other(what) => return Err(corrupt(format!("raw body is {what}"))),
    };
    let text =
        String::from_utf8(bytes).map_err(|e| corrupt(format!("raw body is not UTF-8: {e}")))?;
    match kind {
        "html" => Ok(Body::Html(text)),
        "text" => Ok(Body::Text(text)),
        other => Err(corrupt(format!("unknown raw body kind {other:?}"))),
    }
}

/// A text column written by [`pack_str`] (`what` names it in errors),
/// read back through the same capped decompression.
pub(crate) fn unpack_str(
    path: &Path,
    id: i64,
    what: &str,
    stored: Stored,
) -> Result<String, StoreError> {
    let corrupt = |detail: String| StoreError::Corrupt {
        path: path.to_owned(),
        id,
        detail: format!("{what}: {detail}"),
    };
    let bytes = match stored {
        Stored::Text(t) => t,
        Stored::Blob(b) => inflate(&b, MAX_RAW_BYTES).map_err(&corrupt)?,
        Stored::Other(kind) => return Err(corrupt(format!("stored as {kind}"))),
    };
    String::from_utf8(bytes).map_err(|e| corrupt(format!("not UTF-8: {e}")))
}

/// Decompresses a zstd blob, refusing to produce more than `cap` bytes.
fn inflate(blob: &[u8], cap: u64) -> Result<Vec<u8>, String> {
    let bad = |e: std::io::Error| format!("raw body does not decompress: {e}");
    // The frame header says the size; trust it only to refuse early and to
    // size the buffer, never past the cap.
    let declared = zstd::zstd_safe::get_frame_content_size(blob).ok().flatten();
    if let Some(n) = declared.filter(|&n| n > cap) {
        return Err(format!(
            "raw body would decompress to {n} bytes, more than the {cap} allowed"
        ));
    }
    let mut decoder = zstd::stream::read::Decoder::with_buffer(blob).map_err(bad)?;
    decoder.window_log_max(MAX_WINDOW_LOG).map_err(bad)?;
    let mut out = Vec::with_capacity(declared.unwrap_or(0) as usize);
    // One byte past the cap tells "exactly the cap" from "more".
    decoder
        .take(cap.saturating_add(1))
        .read_to_end(&mut out)
        .map_err(bad)?;
    if out.len() as u64 > cap {
        return Err(format!(
            "raw body decompresses to more than the {cap} bytes allowed"
        ));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(n: usize) -> Body {
        Body::Html(format!(
            "<html><body>{}</body></html>",
            "<p>The harbour ferry runs again.</p>".repeat(n)
        ))
    }

    fn stored(p: &Packed<'_>) -> Stored {
        match p {
            Packed::Zstd(b) => Stored::Blob(b.clone()),
            Packed::Plain(t) => Stored::Text(t.as_bytes().to_vec()),
        }
    }

    #[test]
    fn pages_are_compressed_and_read_back() {
        let body = page(200);
        let packed = pack(&body);
        let Packed::Zstd(bytes) = &packed else {
            panic!("a repetitive page is compressed: {packed:?}");
        };
        assert!(bytes.len() * 10 < body.as_str().len());
        let back = unpack(Path::new("t.db"), 1, "html", stored(&packed)).unwrap();
        assert_eq!(back, body);
    }

    #[test]
    fn tiny_bodies_stay_plain_and_old_text_rows_read_as_they_are() {
        let body = Body::Text("x".into());
        assert!(matches!(pack(&body), Packed::Plain("x")));
        let old = Stored::Text("Ferry service resumes.".as_bytes().to_vec());
        assert_eq!(
            unpack(Path::new("t.db"), 3, "text", old).unwrap(),
            Body::Text("Ferry service resumes.".into())
        );
    }

    #[test]
    fn many_bodies_pack_in_order() {
        let bodies: Vec<Body> = (1..60).map(page).collect();
        let refs: Vec<&Body> = bodies.iter().collect();
        let packed = pack_all(&refs);
        assert_eq!(packed.len(), bodies.len());
        for (p, b) in packed.iter().zip(&bodies) {
            assert_eq!(&unpack(Path::new("t.db"), 1, "html", stored(p)).unwrap(), b);
        }
        assert!(pack_all(&[]).is_empty());
    }

    #[test]
    fn bad_blobs_are_errors_naming_the_article() {
        let path = Path::new("news.db");
        let err = |raw: Stored| unpack(path, 42, "html", raw).unwrap_err().to_string();
        for msg in [
            err(Stored::Blob(b"not zstd at all".to_vec())),
            err(Stored::Blob(Vec::new())),
            err(Stored::Other("NULL")),
            err(Stored::Text(vec![0xff, 0xfe])),
            // A valid frame of bytes that are not UTF-8.
            err(Stored::Blob(zstd::bulk::compress(&[0xff; 100], 3).unwrap())),
        ] {
            assert!(
                msg.contains("article 42") && msg.contains("news.db"),
                "{msg}"
            );
            assert!(!msg.contains('\n'));
        }
        // A frame cut short.
        let Packed::Zstd(mut bytes) = pack(&page(100)) else {
            panic!()
        };
        bytes.truncate(bytes.len() / 2);
        assert!(err(Stored::Blob(bytes)).contains("does not decompress"));
        let body = page(100);
        let ok = pack(&body);
        let e = unpack(path, 42, "pdf", stored(&ok))
            .unwrap_err()
            .to_string();
        assert!(e.contains("unknown raw body kind"), "{e}");
    }

    #[test]
    fn decompression_stops_at_the_cap() {
        // 1 MiB of zeros packs into a few hundred bytes: a small bomb.
        let bomb = zstd::bulk::compress(&vec![b'a'; 1 << 20], 3).unwrap();
        assert!(bomb.len() < 1000);
        let e = inflate(&bomb, 1000).unwrap_err();
        assert!(e.contains("1000"), "{e}");
        assert_eq!(inflate(&bomb, 1 << 20).unwrap().len(), 1 << 20);
        // The same without a declared size: the streaming cap catches it.
        let mut streamed = Vec::new();
        {
            let mut enc = zstd::stream::write::Encoder::new(&mut streamed, 3).unwrap();
            std::io::Write::write_all(&mut enc, &vec![b'a'; 1 << 20]).unwrap();
            enc.finish().unwrap();
        }
        assert_eq!(
            zstd::zstd_safe::get_frame_content_size(&streamed).unwrap(),
            None
        );
        let e = inflate(&streamed, 1000).unwrap_err();
        assert!(e.contains("more than the 1000 bytes"), "{e}");
        assert_eq!(inflate(&streamed, 1 << 20).unwrap().len(), 1 << 20);
    }
}
