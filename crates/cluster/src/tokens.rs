//! Splits text into lowercased word tokens, keeping the case and position
//! facts that entity detection needs (capitalised, sentence-initial, after
//! punctuation).
//!
//! One pass over the characters, no allocation beyond the caller's buffer;
//! the number of tokens is bounded by the caller.

use crate::hash::mix64;

/// The token starts with an uppercase letter.
pub(crate) const CAP: u8 = 1;
/// Every letter of the token is uppercase and it has at least two letters.
pub(crate) const UPPER: u8 = 2;
/// The token opens a sentence, a line or the text.
pub(crate) const START: u8 = 4;
/// Punctuation (not just spaces) separates the token from the previous one.
pub(crate) const BREAK: u8 = 8;
/// The token contains a digit.
pub(crate) const DIGIT: u8 = 16;

/// Longest token kept, in characters; longer runs are URLs or junk.
const MAX_CHARS: usize = 32;

/// The word being assembled.
#[derive(Default)]
struct Word {
    chars: u32,
    letters: u32,
    uppers: u32,
    digits: u32,
    flags: u8,
    /// Starts with a capital: with three characters or fewer ("Mr", "U"),
    /// a following full stop does not end the sentence.
    abbrev: bool,
}

/// The scanner's state between characters.
struct Scan<'b, F> {
    word: Option<Word>,
    pending: u8,
    last_abbrev: bool,
    emitted: usize,
    limit: usize,
    buf: &'b mut String,
    f: F,
}

/// Receives the scanner's tokens: `(token, hash, flags)`. Closures are
/// sinks; a hot caller can write its own type, whose method it can make
/// `#[inline(always)]` (the scanner is too big for the compiler to inline
/// a closure's body into it on its own, and a call per token costs).
pub(crate) trait Sink {
    fn token(&mut self, token: Surface<'_>, hash: u64, flags: u8);
}

impl<F: FnMut(Surface<'_>, u64, u8)> Sink for F {
    #[inline]
    fn token(&mut self, token: Surface<'_>, hash: u64, flags: u8) {
        self(token, hash, flags);
    }
}

impl<F: Sink> Scan<'_, F> {
    /// The current word, opened with its first character's case.
    #[inline]
    fn open(&mut self, upper: bool) -> &mut Word {
        let pending = &mut self.pending;
        self.word.get_or_insert_with(|| {
            let flags = *pending | if upper { CAP } else { 0 };
            *pending = 0;
            Word {
                flags,
                abbrev: upper,
                ..Word::default()
            }
        })
    }

    /// Adds a run of ASCII letters and digits (with `uppers` capitals and
    /// `digits` digits) to the current word.
    #[inline]
    fn push_ascii(&mut self, run: &str, uppers: u32, digits: u32) {
        let Some(&first) = run.as_bytes().first() else {
            return;
        };
        let n = run.len();
        let w = self.open(first.is_ascii_uppercase());
        let room = (MAX_CHARS as u32).saturating_sub(w.chars) as usize;
        w.digits += digits;
        w.letters += n as u32 - digits;
        w.uppers += uppers;
        w.chars = w.chars.saturating_add(n as u32);
        let start = self.buf.len();
        self.buf.push_str(run.get(..n.min(room)).unwrap_or(""));
        if uppers > 0
            && let Some(tail) = self.buf.get_mut(start..)
        {
            tail.make_ascii_lowercase();
        }
    }

    /// Adds one (non-ASCII) letter or digit to the current word.
    #[inline]
    fn push(&mut self, c: char) {
        let w = self.open(c.is_uppercase());
        w.chars = w.chars.saturating_add(1);
        if c.is_alphabetic() {
            w.letters += 1;
            w.uppers += u32::from(c.is_uppercase());
        } else {
            w.digits += 1;
        }
        if w.chars as usize <= MAX_CHARS {
            self.buf.extend(c.to_lowercase());
        }
    }

    /// Ends the current word, handing it on when it is worth keeping.
    #[inline(always)]
    fn finish(&mut self) {
        // Usually no word is open: whole ASCII words skip it.
        if self.word.is_some() {
            self.finish_word();
        }
    }

    /// [`Scan::finish`] with a word open.
    #[inline(never)]
    fn finish_word(&mut self) {
        if let Some(w) = self.word.take() {
            self.last_abbrev = w.abbrev && w.chars <= 3;
            let chars = w.chars as usize;
            if chars <= MAX_CHARS && (chars >= 2 || w.digits > 0) && self.emitted < self.limit {
                let mut flags = w.flags;
                if w.letters >= 2 && w.uppers == w.letters {
                    flags |= UPPER;
                }
                if w.digits > 0 {
                    flags |= DIGIT;
                }
                self.f
                    .token(Surface::Lower(self.buf), token_hash(self.buf), flags);
                self.emitted += 1;
            }
            self.buf.clear();
        }
    }

    /// Emits whole words of ASCII letters and digits, from an ASCII letter
    /// or digit at `i` with no word open, for as long as each is followed
    /// by one space and then another such word: what opening, pushing and
    /// finishing each would do, without copying it, its state in locals
    /// for the whole stretch. Returns where it stopped, and
    /// `false` when the run there goes on past its ASCII letters and digits
    /// (an apostrophe, a point, a non-ASCII letter) and needs the general
    /// path.
    #[inline(always)]
    fn words(&mut self, bytes: &[u8], mut i: usize, win: &mut Window) -> (usize, bool) {
        let (mut pending, mut last_abbrev, mut emitted) =
            (self.pending, self.last_abbrev, self.emitted);
        let limit = self.limit;
        let whole = loop {
            let r = win.run(bytes, i);
            // A whole word, unless something after it may carry it on: an
            // apostrophe, a non-ASCII letter, a decimal point ("5.9").
            let next = bytes.get(r.end).copied();
            let ends = match next {
                // The usual case first.
                Some(b' ') | None => true,
                Some(b'\'') => false,
                Some(b'.') => r.digit == 0 || !bytes.get(r.end + 1).is_some_and(u8::is_ascii_digit),
                Some(n) => n < 0x80,
            };
            if !ends {
                break false;
            }
            let Some(run) = bytes.get(i..r.end) else {
                break true;
            };
            i = r.end;
            // Masks from the window (a run too long for one is dropped
            // below, whatever these say).
            let upper = r.upper & 1 != 0;
            let mut flags = pending | if upper { CAP } else { 0 };
            pending = 0;
            let chars = run.len();
            // `&`, not `&&`: no branch on a coin toss.
            last_abbrev = upper & (chars <= 3);
            let has_digit = r.digit != 0;
            if chars <= MAX_CHARS && (chars >= 2 || has_digit) && emitted < limit {
                // All letters capitals (and at least two of them).
                if r.lower == 0 && r.upper != 0 {
                    let digits = r.digit.count_ones() as usize;
                    if chars - digits >= 2 {
                        flags |= UPPER;
                    }
                }
                if has_digit {
                    flags |= DIGIT;
                }
                self.f
                    .token(Surface::Ascii(run), hash_bytes(run, true), flags);
                emitted += 1;
            }
            // Most words are followed by one space, and then another word.
            if next != Some(b' ') {
                break true;
            }
            last_abbrev = false;
            i += 1;
            let more = bytes
                .get(i)
                .is_some_and(|&b| CLASS[b as usize] & ALNUM != 0);
            if !more || emitted >= limit {
                break true;
            }
        };
        (self.pending, self.last_abbrev, self.emitted) = (pending, last_abbrev, emitted);
        (i, whole)
    }

    /// A separator character: ends the word and notes sentence breaks.
    #[inline]
    fn separator(&mut self, c: char) {
        self.finish();
        match c {
            '\n' | '!' | '?' => self.pending |= START | BREAK,
            // "Mr. Smith", "U.S. forces": no new sentence after a short capitalised word.
            '.' if self.last_abbrev => self.pending |= BREAK,
            '.' => self.pending |= START | BREAK,
            c if c.is_whitespace() => {}
            _ => self.pending |= BREAK,
        }
        self.last_abbrev = false;
    }
}

/// Byte classes for the ASCII fast path.
/// Byte classes are bits, so a run's classes can be OR-ed together.
const LOWER_CLASS: u8 = 1;
const UPPER_CLASS: u8 = 2;
const DIGIT_CLASS: u8 = 4;
const ALNUM: u8 = LOWER_CLASS | UPPER_CLASS | DIGIT_CLASS;
const SPACE_CLASS: u8 = 8;
const OTHER_CLASS: u8 = 16;

static CLASS: [u8; 256] = {
    let mut t = [OTHER_CLASS; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = if b.is_ascii_lowercase() {
            LOWER_CLASS
        } else if b.is_ascii_uppercase() {
            UPPER_CLASS
        } else if b.is_ascii_digit() {
            DIGIT_CLASS
        } else if b == b' ' || b == b'\t' || b == b'\r' {
            SPACE_CLASS
        } else {
            OTHER_CLASS
        };
        i += 1;
    }
    t
};

/// Sixteen bytes of text classified at once: bit `k` of each mask
/// describes byte `k`.
struct Chunk {
    /// ASCII letters and digits.
    alnum: u32,
    /// Uppercase ASCII letters.
    upper: u32,
    /// ASCII digits.
    digit: u32,
}

/// Sixteen bytes of `bytes` from `i` as two little-endian words,
/// zero-padded past the end (a zero byte is no letter, so it ends any run).
#[inline]
fn load16(bytes: &[u8], i: usize) -> (u64, u64) {
    let mut w = [0u8; 16];
    match bytes.get(i..i + 16) {
        Some(b) => w.copy_from_slice(b),
        None => {
            let rest = bytes.get(i..).unwrap_or(&[]);
            w[..rest.len()].copy_from_slice(rest);
        }
    }
    let (lo, hi) = w.split_at(8);
    let word = |b: &[u8]| u64::from_le_bytes(b.try_into().unwrap_or([0; 8]));
    (word(lo), word(hi))
}

/// Classifies sixteen bytes with SSE2 (part of every x86_64 target):
/// each range test is one add and one signed compare per sixteen bytes.
#[cfg(target_arch = "x86_64")]
#[inline]
fn classify(lo: u64, hi: u64) -> Chunk {
    use std::arch::x86_64::{
        _mm_add_epi8, _mm_cmplt_epi8, _mm_movemask_epi8, _mm_or_si128, _mm_set_epi64x,
        _mm_set1_epi8,
    };
    // SAFETY: SSE2 is part of every x86_64 target, and these intrinsics
    // only compute on values (no memory access).
    let (letter, digit, upper) = unsafe {
        let v = _mm_set_epi64x(hi as i64, lo as i64);
        // `lo <= byte < lo + len`: shift the range to start at -128, compare signed.
        let within = |x, lo: u8, len: u8| {
            let shifted = _mm_add_epi8(x, _mm_set1_epi8(0x80u8.wrapping_sub(lo) as i8));
            _mm_cmplt_epi8(shifted, _mm_set1_epi8(0x80u8.wrapping_add(len) as i8))
        };
        // Setting bit 5 folds `A-Z` onto `a-z` (and nothing else onto them).
        let letter = within(_mm_or_si128(v, _mm_set1_epi8(0x20)), b'a', 26);
        let digit = within(v, b'0', 10);
        let upper = within(v, b'A', 26);
        (
            _mm_movemask_epi8(letter) as u32,
            _mm_movemask_epi8(digit) as u32,
            _mm_movemask_epi8(upper) as u32,
        )
    };
    Chunk {
        alnum: letter | digit,
        upper,
        digit,
    }
}

/// [`classify`] without vector instructions: the same tests on eight
/// bytes at a time within a 64-bit word (SWAR).
#[cfg(any(not(target_arch = "x86_64"), test))]
fn classify_swar(lo: u64, hi: u64) -> Chunk {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // The top bit of each byte says `lo <= byte <= hi`, comparing the low
    // seven bits, where adding a constant below 0x80 cannot carry over.
    let within = |v: u64, lo: u8, hi: u8| {
        let at_least = v + ONES * u64::from(0x80 - lo);
        let above = v + ONES * u64::from(0x7F - hi);
        at_least & !above & HIGH
    };
    // Gathers the top bit of each byte into eight bits.
    let gather = |m: u64| ((m >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56) as u32;
    let half = |x: u64| {
        let ascii = !x & HIGH;
        let low = x & !HIGH;
        let letter = within(low | (ONES * 0x20), b'a', b'z') & ascii;
        let digit = within(low, b'0', b'9') & ascii;
        let upper = within(low, b'A', b'Z') & ascii;
        (gather(letter | digit), gather(upper), gather(digit))
    };
    let (a0, u0, d0) = half(lo);
    let (a1, u1, d1) = half(hi);
    Chunk {
        alnum: a0 | (a1 << 8),
        upper: u0 | (u1 << 8),
        digit: d0 | (d1 << 8),
    }
}

#[cfg(not(target_arch = "x86_64"))]
use classify_swar as classify;

/// A run of ASCII letters and digits, as [`ascii_run`] finds it.
struct Run {
    /// Its end (exclusive).
    end: usize,
    /// Nonzero when it has an uppercase letter, a digit, a lowercase letter.
    /// From a [`Window`], and shorter than 64 bytes, these are masks of
    /// its bytes (bit `k` for byte `k` of the run).
    upper: u64,
    digit: u64,
    lower: u64,
}

/// The run of ASCII letters and digits starting at `start`, found sixteen
/// bytes at a time: no branch per byte, so a word's unpredictable length
/// costs no misprediction (the byte-wise loop mispredicted its exit about
/// once a word).
#[inline]
fn ascii_run(bytes: &[u8], start: usize) -> Run {
    let mut i = start;
    let (mut upper, mut digit, mut lower) = (0u32, 0u32, 0u32);
    loop {
        let (lo, hi) = load16(bytes, i);
        let c = classify(lo, hi);
        let stop = !c.alnum & 0xFFFF;
        // The bits of the bytes before the first stop (all when none).
        let keep = (stop & stop.wrapping_neg()).wrapping_sub(1);
        upper |= c.upper & keep;
        digit |= c.digit & keep;
        lower |= c.alnum & !c.upper & !c.digit & keep;
        if stop != 0 {
            return Run {
                end: i + stop.trailing_zeros() as usize,
                upper: upper.into(),
                digit: digit.into(),
                lower: lower.into(),
            };
        }
        i += 16;
    }
}

/// Classified bytes of up to 64 bytes of text from `base`: bit `k` of each
/// mask describes byte `base + k` (zero past the end of the text). Most
/// words are short, so one window serves several of them: classifying
/// afresh for every word cost more than the rest of finding it.
struct Window {
    base: usize,
    alnum: u64,
    upper: u64,
    digit: u64,
}

impl Window {
    /// The window at the start of `bytes`.
    fn new(bytes: &[u8]) -> Self {
        let mut w = Window {
            base: 0,
            alnum: 0,
            upper: 0,
            digit: 0,
        };
        w.load(bytes, 0);
        w
    }

    /// Classifies the 64 bytes from `at`.
    #[inline]
    fn load(&mut self, bytes: &[u8], at: usize) {
        self.base = at;
        let (mut alnum, mut upper, mut digit) = (0u64, 0u64, 0u64);
        // Straight from the text when it has 64 bytes left, else padded.
        let whole = bytes.get(at..).and_then(<[u8]>::first_chunk::<64>);
        for k in 0..4 {
            let (lo, hi) = match whole {
                Some(w) => {
                    let word = |j: usize| {
                        let b = w.get(j..j + 8).and_then(|b| b.first_chunk::<8>());
                        u64::from_le_bytes(b.copied().unwrap_or([0; 8]))
                    };
                    (word(16 * k), word(16 * k + 8))
                }
                None => load16(bytes, at + 16 * k),
            };
            let c = classify(lo, hi);
            alnum |= u64::from(c.alnum & 0xFFFF) << (16 * k);
            upper |= u64::from(c.upper & 0xFFFF) << (16 * k);
            digit |= u64::from(c.digit & 0xFFFF) << (16 * k);
        }
        (self.alnum, self.upper, self.digit) = (alnum, upper, digit);
    }

    /// What [`ascii_run`] says of the run at `start`, from the window
    /// (reloaded when `start` lies near or past its end).
    #[inline(always)]
    fn run(&mut self, bytes: &[u8], start: usize) -> Run {
        let off = start.wrapping_sub(self.base);
        // Used to its end: a run that ends inside the window is read from
        // it, wherever it starts.
        if off < 64 {
            let len = (!(self.alnum >> off)).trailing_zeros() as usize;
            if off + len < 64 {
                return self.masks(start, off, len);
            }
        }
        self.run_afresh(bytes, start)
    }

    /// [`Window::run`] with the window moved to `start` first (once every
    /// several words: kept out of the word loop).
    #[inline(never)]
    fn run_afresh(&mut self, bytes: &[u8], start: usize) -> Run {
        self.load(bytes, start);
        let len = (!self.alnum).trailing_zeros() as usize;
        if len >= 64 {
            return ascii_run(bytes, start);
        }
        self.masks(start, 0, len)
    }

    /// The run of `len` bytes at `start`, `off` into the window.
    #[inline(always)]
    fn masks(&self, start: usize, off: usize, len: usize) -> Run {
        let keep = (1u64 << len) - 1;
        let (upper, digit) = ((self.upper >> off) & keep, (self.digit >> off) & keep);
        Run {
            end: start + len,
            upper,
            digit,
            lower: keep & !upper & !digit,
        }
    }
}

/// A token's text as the scanner hands it on.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Surface<'a> {
    /// ASCII letters and digits as written: lowercase them to read.
    Ascii(&'a [u8]),
    /// Already lowercased.
    Lower(&'a str),
}

impl Surface<'_> {
    /// Writes the lowercased token into `out` (cleared first).
    pub fn write_lower(&self, out: &mut String) {
        out.clear();
        match *self {
            Surface::Ascii(b) => out.extend(b.iter().map(|&c| c.to_ascii_lowercase() as char)),
            Surface::Lower(s) => out.push_str(s),
        }
    }
}

/// Hashes token bytes eight at a time. With `fold`, the bytes must be ASCII
/// letters and digits and are lowercased on the fly: setting bit 5 turns
/// `A-Z` into `a-z` and leaves `a-z` and `0-9` as they are.
#[inline]
fn hash_bytes(bytes: &[u8], fold: bool) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let fold_mask = if fold { 0x2020_2020_2020_2020u64 } else { 0 };
    let mut h = (bytes.len() as u64).wrapping_mul(K);
    if (1..=8).contains(&bytes.len()) {
        // Most words: one round, on what `tail` makes of them (for eight
        // bytes, the same word as the loop below would read).
        let (w, mask) = tail(bytes);
        return mix64((h.rotate_left(23) ^ (w | (fold_mask & mask))).wrapping_mul(K));
    }
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        h = (h.rotate_left(23) ^ (u64::from_le_bytes(w) | fold_mask)).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let (w, mask) = tail(rest);
        h = (h.rotate_left(23) ^ (w | (fold_mask & mask))).wrapping_mul(K);
    }
    mix64(h)
}

/// The last one to seven bytes of a token (or a whole token of one to
/// eight) as one word, and the mask of the bytes it holds. Built from
/// fixed-size reads (two overlapping ones for four bytes or more) rather
/// than a variable-length copy, which costs a library call and a stalled
/// load per token. The length is hashed separately, so the value only has
/// to be a function of the bytes.
#[inline]
fn tail(rest: &[u8]) -> (u64, u64) {
    let n = rest.len();
    if n >= 4 {
        let lo = rest
            .first_chunk::<4>()
            .map_or(0, |b| u32::from_le_bytes(*b));
        let hi = rest.last_chunk::<4>().map_or(0, |b| u32::from_le_bytes(*b));
        (u64::from(lo) | (u64::from(hi) << 32), u64::MAX)
    } else {
        let b = |i: usize| u64::from(rest.get(i).copied().unwrap_or(0));
        (
            b(0) | (b(n / 2) << 8) | (b(n.saturating_sub(1)) << 16),
            0xFF_FFFF,
        )
    }
}

/// The hash of a lowercased token, as the scanner reports it.
#[inline]
pub(crate) fn token_hash(token: &str) -> u64 {
    hash_bytes(token.as_bytes(), false)
}

/// Calls `f(token, hash, flags)` for at most `limit` tokens of `text`;
/// `hash` is [`token_hash`] of the lowercased token.
///
/// Possessive `'s` is dropped, inner apostrophes are removed ("O'Brien" ->
/// "obrien"), a full stop between digits stays ("5.9"). ASCII text takes a
/// byte-wise fast path.
pub(crate) fn for_each_token(text: &str, limit: usize, buf: &mut String, f: impl Sink) {
    scan(text, limit, buf, f, true);
}

/// The scanner; `fast` enables the whole-ASCII-word path (tests turn it off
/// to check that both paths agree).
fn scan(text: &str, limit: usize, buf: &mut String, f: impl Sink, fast: bool) {
    buf.clear();
    let mut s = Scan {
        word: None,
        pending: START,
        last_abbrev: false,
        emitted: 0,
        limit,
        buf,
        f,
    };
    let bytes = text.as_bytes();
    let mut win = Window::new(bytes);
    let mut i = 0;
    while i < bytes.len() && s.emitted < limit {
        let b = bytes[i];
        let class = CLASS[b as usize];
        if class & ALNUM != 0 {
            // The common case: whole ASCII words, one after another.
            if fast && s.word.is_none() {
                let whole;
                (i, whole) = s.words(bytes, i, &mut win);
                if whole {
                    continue;
                }
            }
            // A run of ASCII letters and digits that an apostrophe, a
            // decimal point or a non-ASCII letter may carry on.
            let start = i;
            i = win.run(bytes, start).end;
            let run = bytes.get(start..i).unwrap_or(&[]);
            let uppers = run.iter().filter(|b| b.is_ascii_uppercase()).count() as u32;
            let digits = run.iter().filter(|b| b.is_ascii_digit()).count() as u32;
            // ASCII positions are character boundaries.
            s.push_ascii(text.get(start..i).unwrap_or(""), uppers, digits);
            continue;
        }
        if class == SPACE_CLASS {
            s.finish();
            s.last_abbrev = false;
            i += 1;
            continue;
        }
        let (c, len) = if b < 0x80 {
            (b as char, 1)
        } else {
            match text.get(i..).and_then(|t| t.chars().next()) {
                Some(c) => (c, c.len_utf8()),
                None => break,
            }
        };
        i += len;
        if c.is_alphanumeric() {
            s.push(c);
            continue;
        }
        if s.word.is_some() && (c == '\'' || c == '’') {
            let next = text.get(i..).and_then(|t| t.chars().next());
            match next {
                Some(n) if n.is_alphabetic() => {
                    let after = text.get(i + n.len_utf8()..).and_then(|t| t.chars().next());
                    let possessive =
                        (n == 's' || n == 'S') && !after.is_some_and(char::is_alphanumeric);
                    if possessive {
                        i += 1;
                        s.finish();
                    } else if let Some(w) = s.word.as_mut() {
                        // "O'Brien": one word, written without the mark.
                        w.abbrev = false;
                    }
                }
                _ => s.finish(),
            }
            continue;
        }
        if c == '.'
            && s.word.as_ref().is_some_and(|w| w.digits > 0)
            && bytes.get(i).is_some_and(u8::is_ascii_digit)
        {
            // "5.9": the point stays inside the figure.
            if let Some(w) = s.word.as_mut() {
                w.chars = w.chars.saturating_add(1);
            }
            s.buf.push('.');
            continue;
        }
        s.separator(c);
    }
    s.finish();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<(String, u8)> {
        let mut out = Vec::new();
        let mut buf = String::new();
        let mut lower = String::new();
        for_each_token(text, 1000, &mut buf, |t: Surface<'_>, h: u64, f: u8| {
            t.write_lower(&mut lower);
            assert_eq!(token_hash(&lower), h, "{lower}");
            out.push((lower.clone(), f));
        });
        out
    }

    #[test]
    fn words_case_and_sentences() {
        let t = toks("Mr. Dunmore met Ana O'Neill's team. They won 5.9 points!");
        let words: Vec<&str> = t.iter().map(|(w, _)| w.as_str()).collect();
        assert_eq!(
            words,
            [
                "mr", "dunmore", "met", "ana", "oneill", "team", "they", "won", "5.9", "points"
            ]
        );
        assert!(t[0].1 & START != 0);
        assert!(t[1].1 & START == 0, "no sentence break after Mr.");
        assert!(t[1].1 & CAP != 0);
        assert!(t[6].1 & START != 0);
        assert!(t[8].1 & DIGIT != 0);
    }

    #[test]
    fn breaks_and_upper() {
        let t = toks("NASA, Boeing\nlaunch");
        assert!(t[0].1 & UPPER != 0);
        assert!(t[1].1 & BREAK != 0);
        assert!(t[2].1 & START != 0);
    }

    fn toks_general(text: &str) -> Vec<(String, u8)> {
        let mut out = Vec::new();
        let mut buf = String::new();
        let mut lower = String::new();
        scan(
            text,
            1000,
            &mut buf,
            |t: Surface<'_>, h: u64, f: u8| {
                t.write_lower(&mut lower);
                assert_eq!(token_hash(&lower), h, "{lower}");
                out.push((lower.clone(), f));
            },
            false,
        );
        out
    }

    proptest::proptest! {
        #[test]
        fn fast_path_changes_nothing(picks in proptest::collection::vec(0usize..24, 0..80)) {
            const PIECES: &[&str] = &[
                "word", "Word", "WORD", "Mr", "U", "5", "5.9", "x", " ", " ", "  ", ".", "!", "?",
                "\n", ",", "'", "’", "s", "é", "Ö", "—", "-", "\u{a0}",
            ];
            let text: String = picks.iter().map(|&i| PIECES[i]).collect();
            proptest::prop_assert_eq!(toks(&text), toks_general(&text));
        }
    }

    proptest::proptest! {
        #[test]
        fn swar_matches_bytewise(text in "[a-zA-Z0-9 .,'\u{e9}\u{0}\u{ff}\u{7f}@\\[`{-]{0,40}", start in 0usize..40) {
            let bytes = text.as_bytes();
            let start = start.min(bytes.len());
            let r = ascii_run(bytes, start);
            let run = &bytes[start..r.end];
            let end = bytes[start..]
                .iter()
                .position(|b| !b.is_ascii_alphanumeric())
                .map_or(bytes.len(), |p| start + p);
            proptest::prop_assert_eq!(r.end, end);
            let any = |f: fn(&u8) -> bool| run.iter().any(f);
            proptest::prop_assert_eq!(r.upper != 0, any(u8::is_ascii_uppercase));
            proptest::prop_assert_eq!(r.digit != 0, any(u8::is_ascii_digit));
            proptest::prop_assert_eq!(r.lower != 0, any(u8::is_ascii_lowercase));
            // The portable classifier agrees with the one in use.
            let (lo, hi) = load16(bytes, start);
            let (a, b) = (classify(lo, hi), classify_swar(lo, hi));
            proptest::prop_assert_eq!((a.alnum, a.upper, a.digit), (b.alnum, b.upper, b.digit));
        }
    }

    proptest::proptest! {
        #[test]
        fn window_matches_ascii_run(text in "[a-zA-Z0-9 .,'\u{e9}]{0,300}", steps in proptest::collection::vec(1usize..40, 0..40)) {
            // Runs looked up at increasing positions, as the scanner does.
            let bytes = text.as_bytes();
            let mut w = Window::new(bytes);
            let mut start = 0;
            for step in steps {
                start += step;
                if start >= bytes.len() {
                    break;
                }
                if !bytes[start].is_ascii_alphanumeric() {
                    continue;
                }
                let (a, b) = (w.run(bytes, start), ascii_run(bytes, start));
                proptest::prop_assert_eq!(a.end, b.end);
                proptest::prop_assert_eq!(a.upper != 0, b.upper != 0);
                proptest::prop_assert_eq!(a.digit != 0, b.digit != 0);
                proptest::prop_assert_eq!(a.lower != 0, b.lower != 0);
            }
        }
    }

    #[test]
    fn fast_and_general_paths_agree() {
        // The same words, once as plain ASCII and once pushed through the
        // general path by a trailing apostrophe or accent.
        let plain = toks("Grant and NASA rose");
        let odd = toks("Grant' and NASA' rose’");
        assert_eq!(plain, odd);
        assert_eq!(toks("résumé café")[0].0, "résumé");
        assert_eq!(toks("Zürich")[0].0, "zürich");
    }

    #[test]
    fn limits_and_odd_input() {
        let mut n = 0;
        let mut buf = String::new();
        for_each_token(
            "a bb cc dd ee",
            2,
            &mut buf,
            |_: Surface<'_>, _: u64, _: u8| n += 1,
        );
        assert_eq!(n, 2);
        let long = "x".repeat(100);
        assert!(toks(&long).is_empty());
        assert!(toks("’ ' . \u{0} é").is_empty());
        let t = toks("İstanbul ÉTÉ");
        assert_eq!(t.len(), 2);
    }
}
