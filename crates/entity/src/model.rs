//! The trained weights and their compact file format.
//!
//! Weights are quantised to `i8` (one shared scale; argmax decoding does
//! not care about the scale) and stored sparsely, since most (bucket,
//! label) pairs are never touched in training. Layout, little-endian:
//!
//! ```text
//! magic "SLNER01\n" | bits u8 | labels u8 | 0u16
//! transitions labels*labels i16 | start labels i16 | end labels i16
//! nonzero count u32 | per nonzero: varint gap (index - previous - 1), weight i8
//! checksum u64 over everything before it
//! ```
//!
//! Reading validates every field and never panics, whatever the bytes.

use crate::error::ModelError;
use crate::hash::{combine, mix64};
use crate::label::NUM_LABELS as L;

const MAGIC: &[u8; 8] = b"SLNER01\n";
/// The largest bucket table a file may declare (2^24 buckets).
const MAX_BITS: u8 = 24;

/// A linear-chain model: feature weights per label plus label transitions.
#[derive(Clone, Debug)]
pub struct Model {
    bits: u32,
    /// `weights[bucket * L + label]`.
    weights: Vec<i8>,
    /// `trans[prev][next]`, in the same units as the weights.
    pub(crate) trans: [[f32; L]; L],
    pub(crate) start: [f32; L],
    pub(crate) end: [f32; L],
}

fn checksum(bytes: &[u8]) -> u64 {
    let mut h = mix64(bytes.len() as u64);
    for chunk in bytes.chunks(8) {
        let mut word = [0u8; 8];
        word[..chunk.len()].copy_from_slice(chunk);
        h = combine(h, u64::from_le_bytes(word));
    }
    h
}

/// A little reader over the model bytes that reports truncation.
struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self.pos.checked_add(n).ok_or(ModelError::Truncated)?;
        let s = self.bytes.get(self.pos..end).ok_or(ModelError::Truncated)?;
        self.pos = end;
        Ok(s)
    }
    fn u8(&mut self) -> Result<u8, ModelError> {
        Ok(self.take(1)?[0])
    }
    fn i16(&mut self) -> Result<i16, ModelError> {
        let b = self.take(2)?;
        Ok(i16::from_le_bytes([b[0], b[1]]))
    }
    fn u32(&mut self) -> Result<u32, ModelError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn varint(&mut self) -> Result<u64, ModelError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.u8()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(ModelError::Corrupt)
    }
}

impl Model {
    /// A model whose every score is zero (tags everything `O`).
    pub fn empty(bits: u32) -> Model {
        let bits = bits.clamp(1, u32::from(MAX_BITS));
        Model {
            bits,
            weights: vec![0; (1usize << bits) * L],
            trans: [[0.0; L]; L],
            start: [0.0; L],
            end: [0.0; L],
        }
    }

    /// Quantises float weights (`weights[bucket * L + label]`, `2^bits`
    /// buckets) and float transitions into a model.
    #[allow(clippy::needless_range_loop)] // label-by-label tables
    pub fn quantise(
        bits: u32,
        weights: &[f32],
        trans: &[[f32; L]; L],
        start: &[f32; L],
        end: &[f32; L],
    ) -> Model {
        let mut m = Model::empty(bits);
        // Scaling by the largest weight beats clipping outliers: the few
        // large weights (strong word identities) matter most.
        let max = weights.iter().fold(0f32, |a, &w| a.max(w.abs()));
        let scale = if max > 0.0 { 127.0 / max } else { 1.0 };
        for (q, &w) in m.weights.iter_mut().zip(weights) {
            *q = (w * scale).round().clamp(-127.0, 127.0) as i8;
        }
        let q16 = |v: f32| (v * scale).round().clamp(-32767.0, 32767.0);
        for p in 0..L {
            for n in 0..L {
                m.trans[p][n] = q16(trans[p][n]);
            }
            m.start[p] = q16(start[p]);
            m.end[p] = q16(end[p]);
        }
        m
    }

    /// log2 of the number of feature buckets.
    pub fn bits(&self) -> u32 {
        self.bits
    }

    /// Adds the weights of the given features to each label's score.
    #[inline]
    pub(crate) fn emit(&self, features: &[u32], out: &mut [f32; L]) {
        let mut acc = [0i32; L];
        for &f in features {
            let base = f as usize * L;
            if let Some(row) = self.weights.get(base..base + L) {
                for (a, &w) in acc.iter_mut().zip(row) {
                    *a += i32::from(w);
                }
            }
        }
        for (o, a) in out.iter_mut().zip(acc) {
            *o = a as f32;
        }
    }

    /// Serialises the model (see the module docs for the layout).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&[self.bits as u8, L as u8, 0, 0]);
        let i16s = self
            .trans
            .iter()
            .flatten()
            .chain(&self.start)
            .chain(&self.end);
        for &v in i16s {
            out.extend_from_slice(&(v as i16).to_le_bytes());
        }
        let nonzero = self.weights.iter().filter(|&&w| w != 0).count();
        out.extend_from_slice(&(nonzero as u32).to_le_bytes());
        let mut prev: Option<usize> = None;
        for (i, &w) in self.weights.iter().enumerate() {
            if w == 0 {
                continue;
            }
            let mut gap = (i - prev.map_or(0, |p| p + 1)) as u64;
            prev = Some(i);
            loop {
                let b = (gap & 0x7f) as u8;
                gap >>= 7;
                if gap == 0 {
                    out.push(b);
                    break;
                }
                out.push(b | 0x80);
            }
            out.push(w as u8);
        }
        let sum = checksum(&out);
        out.extend_from_slice(&sum.to_le_bytes());
        out
    }

    /// Reads a model written by [`Model::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        if bytes.len() < MAGIC.len() || &bytes[..MAGIC.len()] != MAGIC {
            return Err(ModelError::BadMagic);
        }
        let body_len = bytes.len().checked_sub(8).ok_or(ModelError::Truncated)?;
        let (body, tail) = bytes.split_at(body_len);
        let mut sum = [0u8; 8];
        sum.copy_from_slice(tail);
        if checksum(body) != u64::from_le_bytes(sum) {
            return Err(ModelError::Checksum);
        }
        let mut r = Reader {
            bytes: body,
            pos: MAGIC.len(),
        };
        let bits = r.u8()?;
        let labels = r.u8()?;
        r.take(2)?;
        if bits == 0 || bits > MAX_BITS {
            return Err(ModelError::BadHeader("bits"));
        }
        if usize::from(labels) != L {
            return Err(ModelError::BadHeader("labels"));
        }
        let mut m = Model::empty(u32::from(bits));
        for p in 0..L {
            for n in 0..L {
                m.trans[p][n] = f32::from(r.i16()?);
            }
        }
        for l in 0..L {
            m.start[l] = f32::from(r.i16()?);
        }
        for l in 0..L {
            m.end[l] = f32::from(r.i16()?);
        }
        let nonzero = r.u32()?;
        let mut next = 0usize;
        for _ in 0..nonzero {
            let gap = usize::try_from(r.varint()?).map_err(|_| ModelError::Corrupt)?;
            let i = next.checked_add(gap).ok_or(ModelError::Corrupt)?;
            let w = r.u8()? as i8;
            *m.weights.get_mut(i).ok_or(ModelError::Corrupt)? = w;
            next = i + 1;
        }
        if r.pos != body.len() {
            return Err(ModelError::Corrupt);
        }
        Ok(m)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Model {
        let bits = 6;
        let mut w = vec![0f32; (1 << bits) * L];
        w[3] = 1.5;
        w[100] = -0.75;
        w[(1 << bits) * L - 1] = 0.2;
        let mut t = [[0f32; L]; L];
        t[0][1] = -2.0;
        Model::quantise(bits, &w, &t, &[0.1; L], &[-0.1; L])
    }

    #[test]
    fn round_trips() {
        let m = sample();
        let bytes = m.to_bytes();
        let back = Model::from_bytes(&bytes).expect("valid model");
        assert_eq!(back.weights, m.weights);
        assert_eq!(back.trans, m.trans);
        assert_eq!(back.to_bytes(), bytes);
    }

    #[test]
    fn rejects_damage_without_panicking() {
        let bytes = sample().to_bytes();
        assert_eq!(Model::from_bytes(b"").unwrap_err(), ModelError::BadMagic);
        for cut in 0..bytes.len() {
            assert!(Model::from_bytes(&bytes[..cut]).is_err());
        }
        let mut flipped = bytes.clone();
        flipped[20] ^= 1;
        assert_eq!(
            Model::from_bytes(&flipped).unwrap_err(),
            ModelError::Checksum
        );
    }
}
