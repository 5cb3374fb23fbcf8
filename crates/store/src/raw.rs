//! The packed columns: how an article's raw body and clean text, and the
//! other large values, are packed for keeping, and the one way each is read
//! back.
//!
//! Raw pages are most of a store's bytes and are read rarely (to clean an
//! article again), so they are kept compressed with zstd as a BLOB, with
//! the article's clean text as a prefix (zstd's "reference prefix", what
//! `zstd --patch-from` uses): the page holds the text, so those bytes cost
//! next to nothing. The clean text itself is compressed too; it is read by
//! most commands, and inflating it costs far less than reading the bytes
//! it saves. Older files hold either as plain TEXT; SQLite columns are
//! dynamically typed, so both live in the same column and the value's type
//! says which it is: a BLOB is compressed, TEXT is not. No migration is
//! needed.
//!
//! Reading a BLOB back is capped like every decompression of untrusted
//! bytes: the store file may come from anywhere, and a small blob must not
//! inflate into gigabytes.

use std::io::Read;
use std::path::Path;

use rusqlite::types::ValueRef;

use crate::db::{Arg, DbError, DbResult, FromCol};
use storyline_model::Body;

use crate::StoreError;

/// zstd level for raw pages and texts. Measured on the 710 WCXB dev pages
/// (the kept page, 116 KB of HTML on average, with its clean text as
/// prefix), one page at a time: level 5 gives 15.6 KB per page at 0.86 ms,
/// level 6 15.2 KB at 1.08 ms, level 7 15.1 KB at 1.28 ms. Level 7: a
/// page's extraction takes some 20 ms, so half a millisecond more is
/// nothing, and a kilobyte in thirty is worth it.
const LEVEL: i32 = 7;

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

/// Packs one raw body for the `raw` column, with `text`, the clean text
/// stored beside it, as the compression's prefix: [`unpack`] needs the same
/// text back.
pub(crate) fn pack<'a>(body: &'a Body, text: &str) -> Packed<'a> {
    let raw = body.as_str();
    if raw.len() as u64 > MAX_RAW_BYTES || text.len() as u64 > MAX_RAW_BYTES {
        return pack_str(raw);
    }
    match deflate_with_prefix(raw.as_bytes(), text.as_bytes()) {
        Ok(bytes) if bytes.len() < raw.len() => Packed::Zstd(bytes),
        _ => pack_str(raw),
    }
}

/// A zstd frame of `body` compressed with `prefix` as history, after
/// [`PREFIXED`].
fn deflate_with_prefix(body: &[u8], prefix: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut c = zstd::bulk::Compressor::new(LEVEL)?;
    // Four bytes that make a wrong prefix an error, not a wrong page.
    c.set_parameter(zstd::zstd_safe::CParameter::ChecksumFlag(true))?;
    c.context_mut()
        .ref_prefix(prefix)
        .map_err(|code| std::io::Error::other(zstd::zstd_safe::get_error_name(code)))?;
    let frame = c.compress(body)?;
    let mut out = Vec::with_capacity(PREFIXED.len() + frame.len());
    out.extend_from_slice(&PREFIXED);
    out.extend_from_slice(&frame);
    Ok(out)
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

/// An article's packed clean text and raw body.
pub(crate) type PackedArticle<'a> = (Packed<'a>, Packed<'a>);

/// Packs one article's clean text and raw body (see [`pack`]).
pub(crate) fn pack_article<'a>(body: &'a Body, text: &'a str) -> PackedArticle<'a> {
    (pack_str(text), pack(body, text))
}

/// Packs many articles' `(raw body, clean text)`, spread over the cores:
/// compression is most of the work of storing a batch, and done here it
/// stays outside the write lock.
pub(crate) fn pack_all<'a>(bodies: &[(&'a Body, &'a str)]) -> Vec<PackedArticle<'a>> {
    // Threads only pay for themselves on a few bodies each.
    const PER_THREAD: usize = 8;
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(bodies.len() / PER_THREAD)
        .max(1);
    if threads == 1 {
        return bodies.iter().map(|&(b, t)| pack_article(b, t)).collect();
    }
    let chunk = bodies.len().div_ceil(threads);
    std::thread::scope(|s| {
        let workers: Vec<_> = bodies
            .chunks(chunk)
            .map(|part| {
                s.spawn(move || {
                    part.iter()
                        .map(|&(b, t)| pack_article(b, t))
                        .collect::<Vec<_>>()
                })
            })
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

/// What starts a raw body compressed with its article's text as prefix: a
/// zstd skippable frame (magic 0x184D2A5E, 4 bytes of payload) that
/// readers without the prefix skip, whose payload starts with 0xFF, a byte
/// no UTF-8 text holds, so that PostgreSQL's bytes tell it from plain text.
const PREFIXED: [u8; 12] = [0x5E, 0x2A, 0x4D, 0x18, 4, 0, 0, 0, 0xFF, b't', b'x', b't'];

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
            Some(b) if b.starts_with(&ZSTD_MAGIC) || b.starts_with(&PREFIXED) => Stored::Blob(b),
            Some(t) => Stored::Text(t),
        }))
    }
}

/// A text column written by [`pack_str`] (an article's clean text), read
/// back through the same capped decompression.
#[derive(Debug)]
pub(crate) struct Text(pub(crate) String);

impl Text {
    /// The text a stored value holds.
    pub(crate) fn decode(stored: Stored) -> DbResult<Text> {
        plain(stored)
            .map(Text)
            .map_err(|e| DbError::Decode(format!("text: {e}")))
    }
}

impl FromCol for Text {
    fn sqlite(v: ValueRef<'_>) -> DbResult<Option<Self>> {
        match Stored::sqlite(v)? {
            Some(Stored::Other("NULL")) | None => Ok(None),
            Some(s) => Text::decode(s).map(Some),
        }
    }

    fn postgres(r: &postgres::Row, i: usize) -> DbResult<Option<Self>> {
        match Stored::postgres(r, i)? {
            Some(Stored::Other("NULL")) | None => Ok(None),
            Some(s) => Text::decode(s).map(Some),
        }
    }
}

/// The raw body of article `id` from its `raw_kind` and `raw` columns and
/// its clean text (the prefix [`pack`] compressed it with): the one
/// function every reader of `raw` goes through.
pub(crate) fn unpack(
    path: &Path,
    id: i64,
    kind: &str,
    raw: Stored,
    text: &str,
) -> Result<Body, StoreError> {
    let corrupt = |detail: String| StoreError::Corrupt {
        path: path.to_owned(),
        id,
        detail,
    };
    let bytes = match raw {
        Stored::Text(t) => t,
        Stored::Blob(b) => {
            inflate(&b, Some(text), MAX_RAW_BYTES).map_err(|e| corrupt(format!("raw body {e}")))?
        }
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
    plain(stored).map_err(|detail| StoreError::Corrupt {
        path: path.to_owned(),
        id,
        detail: format!("{what}: {detail}"),
    })
}

/// A value written by [`pack_str`] as the string it was: the one decoding
/// behind [`unpack_str`] and [`Text`], which differ only in their errors.
fn plain(stored: Stored) -> Result<String, String> {
    let bytes = match stored {
        Stored::Text(t) => t,
        Stored::Blob(b) => inflate(&b, None, MAX_RAW_BYTES)?,
        Stored::Other(kind) => return Err(format!("stored as {kind}")),
    };
    String::from_utf8(bytes).map_err(|e| format!("not UTF-8: {e}"))
}

/// zstd level for the clusterer's state, rewritten after every round of
/// placing: level 3 shrinks a watcher's 15 MB state to 9.1 MB in 70 ms,
/// level 1 to 9.9 MB in 37 ms; on the WCXB pages' state, 43% against
/// 35% smaller. A round every 15 s makes the difference 0.2% of a core.
const STATE_LEVEL: i32 = 3;

/// The most bytes a stored clusterer state may inflate to (SQLite's own
/// cap on one value is 1 GB, which the state met uncompressed).
const MAX_STATE_BYTES: u64 = 2 << 30;

/// Packs the clusterer's state for the `cluster_state` table; a state
/// [`pack_state_with`] packed already goes as it is.
pub(crate) fn pack_state(state: &[u8]) -> std::borrow::Cow<'_, [u8]> {
    if state.starts_with(&ZSTD_MAGIC) {
        return std::borrow::Cow::Borrowed(state);
    }
    match zstd::bulk::compress(state, STATE_LEVEL) {
        Ok(bytes) if bytes.len() < state.len() => bytes.into(),
        _ => state.into(),
    }
}

/// The clusterer's state packed as the `cluster_state` table keeps it,
/// compressed while `write` writes it: a state of many megabytes is never
/// held whole beside its compressed copy (a watcher writes one each round).
/// What comes back goes in [`ClusterWrite::state`](crate::ClusterWrite).
pub fn pack_state_with(
    write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> std::io::Result<Vec<u8>> {
    use std::io::Write;
    let mut encoder = zstd::stream::write::Encoder::new(Vec::new(), STATE_LEVEL)?;
    {
        // The serialiser writes a few bytes at a time.
        let mut buffered = std::io::BufWriter::with_capacity(1 << 16, &mut encoder);
        write(&mut buffered)?;
        buffered.flush()?;
    }
    encoder.finish()
}

/// The clusterer's state as [`pack_state`] stored it. States stored before
/// compression (which never start with zstd's magic number: they open with
/// a small version number), and those that do not inflate, are handed on
/// as they are, for the clusterer to accept or refuse.
pub(crate) fn unpack_state(stored: Vec<u8>) -> Vec<u8> {
    if stored.starts_with(&ZSTD_MAGIC) {
        inflate(&stored, None, MAX_STATE_BYTES).unwrap_or(stored)
    } else {
        stored
    }
}

/// Decompresses a frame that declares its size (at most the cap) in one
/// call into a buffer of exactly that size, which bounds what it can write.
/// The context is kept per thread: creating one costs more than inflating
/// a short text, and a placing round reads thousands.
fn one_shot(blob: &[u8], prefix: Option<&[u8]>, size: usize) -> Result<Vec<u8>, String> {
    use zstd::zstd_safe::DCtx;
    thread_local! {
        static CONTEXT: std::cell::RefCell<Option<DCtx<'static>>> =
            const { std::cell::RefCell::new(None) };
    }
    CONTEXT.with(|cell| {
        let mut slot = cell.borrow_mut();
        let dctx = match &mut *slot {
            Some(d) => d,
            None => slot.insert(DCtx::try_create().ok_or("no memory to decompress")?),
        };
        let mut out = Vec::with_capacity(size);
        // A raw-content dictionary is what a reference prefix is to the
        // compressor: the same bytes before the frame.
        let done = match prefix {
            Some(p) => dctx.decompress_using_dict(&mut out, blob, p),
            None => dctx.decompress(&mut out, blob),
        };
        done.map_err(|code| {
            format!(
                "does not decompress: {}",
                zstd::zstd_safe::get_error_name(code)
            )
        })?;
        Ok(out)
    })
}

/// Decompresses a zstd blob, refusing to produce more than `cap` bytes. A
/// blob that starts with [`PREFIXED`] needs `prefix`, the text it was
/// compressed with.
fn inflate(blob: &[u8], prefix: Option<&str>, cap: u64) -> Result<Vec<u8>, String> {
    let bad = |e: std::io::Error| format!("does not decompress: {e}");
    let (blob, prefix) = match blob.strip_prefix(&PREFIXED) {
        Some(frame) => match prefix {
            Some(p) => (frame, Some(p.as_bytes())),
            None => return Err("compressed with a prefix this value has none of".into()),
        },
        None => (blob, None),
    };
    // The frame header says the size; trust it only to refuse early and to
    // size the buffer, never past the cap.
    let declared = zstd::zstd_safe::get_frame_content_size(blob).ok().flatten();
    if let Some(n) = declared.filter(|&n| n > cap) {
        return Err(format!(
            "would decompress to {n} bytes, more than the {cap} allowed"
        ));
    }
    if let Some(size) = declared {
        return one_shot(blob, prefix, size as usize);
    }
    let mut decoder = match prefix {
        Some(p) => zstd::stream::read::Decoder::with_ref_prefix(blob, p).map_err(bad)?,
        None => zstd::stream::read::Decoder::with_buffer(blob).map_err(bad)?,
    };
    decoder.window_log_max(MAX_WINDOW_LOG).map_err(bad)?;
    let mut out = Vec::with_capacity(declared.unwrap_or(0) as usize);
    // One byte past the cap tells "exactly the cap" from "more".
    decoder
        .take(cap.saturating_add(1))
        .read_to_end(&mut out)
        .map_err(bad)?;
    if out.len() as u64 > cap {
        return Err(format!("decompresses to more than the {cap} bytes allowed"));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "The harbour ferry runs again.";

    fn page(n: usize) -> Body {
        Body::Html(format!(
            "<html><body>{}</body></html>",
            format!("<p>{TEXT}</p>").repeat(n)
        ))
    }

    fn stored(p: &Packed<'_>) -> Stored {
        match p {
            Packed::Zstd(b) => Stored::Blob(b.clone()),
            Packed::Plain(t) => Stored::Text(t.as_bytes().to_vec()),
        }
    }

    #[test]
    fn pages_are_compressed_with_their_text_and_read_back() {
        let body = page(200);
        let packed = pack(&body, TEXT);
        let Packed::Zstd(bytes) = &packed else {
            panic!("a repetitive page is compressed: {packed:?}");
        };
        assert!(bytes.starts_with(&PREFIXED));
        assert!(bytes.len() * 10 < body.as_str().len());
        let back = unpack(Path::new("t.db"), 1, "html", stored(&packed), TEXT).unwrap();
        assert_eq!(back, body);
        // Another text cannot read it back, and says so.
        let e = unpack(
            Path::new("t.db"),
            1,
            "html",
            stored(&packed),
            "Other words here.",
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("article 1") && e.contains("raw body"), "{e}");
    }

    #[test]
    fn the_text_makes_the_page_cheaper() {
        // A page whose words are its text's: with the text as prefix they
        // cost little.
        let text: String = (0..400)
            .map(|i| format!("Sentence {i} about the pier. "))
            .collect();
        let body = Body::Html(format!("<html><body><p>{text}</p></body></html>"));
        let with = match pack(&body, &text) {
            Packed::Zstd(b) => b.len(),
            Packed::Plain(_) => panic!("compressed"),
        };
        let without = zstd::bulk::compress(body.as_str().as_bytes(), LEVEL)
            .unwrap()
            .len();
        assert!(with * 4 < without, "{with} vs {without}");
    }

    #[test]
    fn tiny_bodies_stay_plain_and_old_rows_read_as_they_are() {
        let body = Body::Text("x".into());
        assert!(matches!(pack(&body, "x"), Packed::Plain("x")));
        let old = Stored::Text("Ferry service resumes.".as_bytes().to_vec());
        assert_eq!(
            unpack(Path::new("t.db"), 3, "text", old, "").unwrap(),
            Body::Text("Ferry service resumes.".into())
        );
        // A body compressed without a prefix, as files of before were.
        let plain = zstd::bulk::compress(page(50).as_str().as_bytes(), 3).unwrap();
        assert_eq!(
            unpack(
                Path::new("t.db"),
                3,
                "html",
                Stored::Blob(plain),
                "anything"
            )
            .unwrap(),
            page(50)
        );
    }

    #[test]
    fn texts_read_back_compressed_or_not() {
        let long = TEXT.repeat(50);
        let (Packed::Zstd(bytes), _) = pack_article(&page(1), &long) else {
            panic!("a long text is compressed")
        };
        assert_eq!(Text::decode(Stored::Blob(bytes)).unwrap().0, long);
        assert_eq!(
            Text::decode(Stored::Text(b"Old row.".to_vec())).unwrap().0,
            "Old row."
        );
        assert!(Text::decode(Stored::Blob(b"junk".to_vec())).is_err());
        // A body compressed with a prefix is never read as a text.
        let Packed::Zstd(prefixed) = pack(&page(20), TEXT) else {
            panic!()
        };
        assert!(Text::decode(Stored::Blob(prefixed)).is_err());
    }

    #[test]
    fn states_shrink_and_old_states_read_as_they_are() {
        let state: Vec<u8> = (0..20_000u32)
            .flat_map(|i| (i % 300).to_le_bytes())
            .collect();
        let packed = pack_state(&state);
        assert!(packed.len() < state.len() / 2);
        assert_eq!(unpack_state(packed.to_vec()), state);
        // Packed while written, it goes as it is, and unpacks the same.
        let streamed = pack_state_with(|w| w.write_all(&state)).unwrap();
        assert_eq!(pack_state(&streamed), &streamed[..]);
        assert_eq!(unpack_state(streamed), state);
        let old = vec![3, 1, 2, 3];
        assert_eq!(unpack_state(old.clone()), old);
        // One that does not inflate is handed on for the clusterer to refuse.
        let bad = [&ZSTD_MAGIC[..], b"junk"].concat();
        assert_eq!(unpack_state(bad.clone()), bad);
    }

    #[test]
    fn many_bodies_pack_in_order() {
        let bodies: Vec<Body> = (1..60).map(page).collect();
        let texts: Vec<String> = (1..60).map(|n| TEXT.repeat(n)).collect();
        let items: Vec<(&Body, &str)> = bodies
            .iter()
            .zip(&texts)
            .map(|(b, t)| (b, t.as_str()))
            .collect();
        let packed = pack_all(&items);
        assert_eq!(packed.len(), bodies.len());
        for ((t, p), (b, text)) in packed.iter().zip(&items) {
            assert_eq!(
                &unpack(Path::new("t.db"), 1, "html", stored(p), text).unwrap(),
                *b
            );
            assert_eq!(Text::decode(stored(t)).unwrap().0, *text);
        }
        assert!(pack_all(&[]).is_empty());
    }

    #[test]
    fn bad_blobs_are_errors_naming_the_article() {
        let path = Path::new("news.db");
        let err = |raw: Stored| unpack(path, 42, "html", raw, TEXT).unwrap_err().to_string();
        for msg in [
            err(Stored::Blob(b"not zstd at all".to_vec())),
            err(Stored::Blob(Vec::new())),
            err(Stored::Blob(PREFIXED.to_vec())),
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
        let Packed::Zstd(mut bytes) = pack(&page(100), TEXT) else {
            panic!()
        };
        bytes.truncate(bytes.len() / 2);
        assert!(err(Stored::Blob(bytes)).contains("does not decompress"));
        let body = page(100);
        let ok = pack(&body, TEXT);
        let e = unpack(path, 42, "pdf", stored(&ok), TEXT)
            .unwrap_err()
            .to_string();
        assert!(e.contains("unknown raw body kind"), "{e}");
    }

    #[test]
    fn decompression_stops_at_the_cap() {
        // 1 MiB of zeros packs into a few hundred bytes: a small bomb.
        let bomb = zstd::bulk::compress(&vec![b'a'; 1 << 20], 3).unwrap();
        assert!(bomb.len() < 1000);
        let e = inflate(&bomb, None, 1000).unwrap_err();
        assert!(e.contains("1000"), "{e}");
        assert_eq!(inflate(&bomb, None, 1 << 20).unwrap().len(), 1 << 20);
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
        let e = inflate(&streamed, None, 1000).unwrap_err();
        assert!(e.contains("more than the 1000 bytes"), "{e}");
        assert_eq!(inflate(&streamed, None, 1 << 20).unwrap().len(), 1 << 20);
        // And with a prefix.
        let prefixed = deflate_with_prefix(&vec![b'a'; 1 << 20], b"aaaa").unwrap();
        let e = inflate(&prefixed, Some("aaaa"), 1000).unwrap_err();
        assert!(e.contains("1000"), "{e}");
    }
}
