//! Gzip decompression with a hard cap on the output.
//!
//! We ask servers for gzip and inflate it ourselves rather than let the HTTP
//! client do it, because a few kilobytes of gzip can inflate to gigabytes:
//! the decoder stops one byte past the cap.

use std::io::Read;

use flate2::read::MultiGzDecoder;

/// Why a gzip body could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum DecodeError {
    /// The output passed the cap.
    TooLarge,
    /// The data is not gzip, or corrupt, or cut short.
    Corrupt(String),
}

/// Inflates a whole gzip body (all members), failing past `cap` bytes out.
pub(crate) fn gunzip(bytes: &[u8], cap: u64) -> Result<Vec<u8>, DecodeError> {
    let mut out = Vec::new();
    let mut reader = MultiGzDecoder::new(bytes).take(cap.saturating_add(1));
    reader
        .read_to_end(&mut out)
        .map_err(|e| DecodeError::Corrupt(e.to_string()))?;
    if out.len() as u64 > cap {
        return Err(DecodeError::TooLarge);
    }
    Ok(out)
}

/// Inflates as much of a gzip body as decodes, at most `cap` bytes: for
/// robots.txt, where the first part of a cut-off or damaged file still
/// counts.
pub(crate) fn gunzip_prefix(bytes: &[u8], cap: u64) -> Vec<u8> {
    let mut out = Vec::new();
    let mut reader = MultiGzDecoder::new(bytes).take(cap);
    let mut buf = [0u8; 16 << 10];
    loop {
        match reader.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => out.extend_from_slice(&buf[..n]),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::Compression;
    use flate2::write::GzEncoder;
    use std::io::Write;

    fn gz(data: &[u8]) -> Vec<u8> {
        let mut e = GzEncoder::new(Vec::new(), Compression::default());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    #[test]
    fn round_trip_under_the_cap() {
        assert_eq!(gunzip(&gz(b"hello feed"), 100).unwrap(), b"hello feed");
        assert_eq!(gunzip(&gz(b"exactly"), 7).unwrap(), b"exactly");
    }

    #[test]
    fn concatenated_members_are_all_read() {
        let mut two = gz(b"one ");
        two.extend(gz(b"two"));
        assert_eq!(gunzip(&two, 100).unwrap(), b"one two");
    }

    #[test]
    fn bomb_stops_at_the_cap() {
        let bomb = gz(&vec![0u8; 8 << 20]);
        assert!(bomb.len() < 64 << 10);
        assert_eq!(gunzip(&bomb, 1 << 20), Err(DecodeError::TooLarge));
        assert_eq!(gunzip_prefix(&bomb, 1000).len(), 1000);
    }

    #[test]
    fn garbage_and_truncation_are_corrupt() {
        assert!(matches!(
            gunzip(b"not gzip at all", 100),
            Err(DecodeError::Corrupt(_))
        ));
        // Poorly compressible text, so half the stream holds whole blocks.
        let mut seed = 7u32;
        let text: Vec<u8> = (0..200_000)
            .map(|_| {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                b'a' + (seed >> 16) as u8 % 26
            })
            .collect();
        let whole = gz(&text);
        let cut = &whole[..whole.len() / 2];
        assert!(matches!(gunzip(cut, 1 << 20), Err(DecodeError::Corrupt(_))));
        // The prefix reader keeps what decoded before the cut.
        let prefix = gunzip_prefix(cut, 1 << 20);
        assert!(!prefix.is_empty());
        assert!(text.starts_with(&prefix));
        assert!(gunzip_prefix(b"junk", 10).is_empty());
    }
}
