//! A gzip bomb made on the fly: a small block of deflate data that stands
//! for a mebibyte of zeros, sent over and over, then a valid trailer. It is
//! never built in memory; only the block (about a kilobyte) is kept.

use std::sync::OnceLock;

use bytes::Bytes;
use flate2::{Compress, Compression, Crc, FlushCompress};

/// The zeros one block stands for.
pub(crate) const BLOCK: usize = 1 << 20;
/// Blocks in `bomb.xml`: 1.25 GiB once decompressed.
pub(crate) const BLOCKS: u64 = 1_280;

/// A gzip member's header: magic, deflate, no flags, no time, unknown OS.
const HEADER: [u8; 10] = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff];
/// An empty final block with fixed codes: ends the deflate stream.
const FINAL_BLOCK: [u8; 2] = [0x03, 0x00];

/// The parts of a bomb.
#[derive(Debug)]
pub(crate) struct Bomb {
    /// Deflate blocks for [`BLOCK`] zeros ending on a byte boundary with no
    /// back-references before their start, so copies can follow each other.
    pub block: Bytes,
    /// The CRC of one block's zeros.
    crc: Crc,
}

impl Bomb {
    /// The shared bomb parts, made on first use.
    pub fn get() -> &'static Bomb {
        static BOMB: OnceLock<Bomb> = OnceLock::new();
        BOMB.get_or_init(|| {
            let zeros = vec![0u8; BLOCK];
            let mut c = Compress::new(Compression::best(), false);
            let mut out = Vec::with_capacity(16 * 1024);
            // A full flush empties the window too, so every copy stands
            // alone. The flush is complete once a call leaves output room.
            loop {
                out.reserve(16 * 1024);
                let done = (c.total_in() as usize).min(BLOCK);
                if c.compress_vec(&zeros[done..], &mut out, FlushCompress::Full)
                    .is_err()
                {
                    break;
                }
                if c.total_in() as usize >= BLOCK && out.len() < out.capacity() {
                    break;
                }
            }
            let mut crc = Crc::new();
            crc.update(&zeros);
            Bomb {
                block: Bytes::from(out),
                crc,
            }
        })
    }

    /// The gzip header.
    pub fn header() -> Bytes {
        Bytes::from_static(&HEADER)
    }

    /// The end of a bomb of `blocks` blocks: the final deflate block, the
    /// CRC-32 and the size modulo 2^32.
    pub fn tail(&self, blocks: u64) -> Bytes {
        let mut crc = Crc::new();
        for _ in 0..blocks {
            crc.combine(&self.crc);
        }
        let size = (blocks.wrapping_mul(BLOCK as u64) & 0xffff_ffff) as u32;
        let mut tail = FINAL_BLOCK.to_vec();
        tail.extend_from_slice(&crc.sum().to_le_bytes());
        tail.extend_from_slice(&size.to_le_bytes());
        Bytes::from(tail)
    }
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;

    #[test]
    fn a_small_bomb_is_valid_gzip() {
        let bomb = Bomb::get();
        assert!(
            bomb.block.len() < 2_000,
            "{} bytes a block",
            bomb.block.len()
        );
        let mut gz = Bomb::header().to_vec();
        for _ in 0..3 {
            gz.extend_from_slice(&bomb.block);
        }
        gz.extend_from_slice(&bomb.tail(3));
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(&gz[..])
            .read_to_end(&mut out)
            .unwrap();
        assert_eq!(out.len(), 3 * BLOCK);
        assert!(out.iter().all(|&b| b == 0));
    }
}
