//! Size caps for untrusted inputs.

/// The caps every reader honours. Inputs are hostile: a 10 KB gzip can
/// inflate to gigabytes, a "JSON line" can be a gigabyte long.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Largest input read whole (HTML, text, a feed), after decompression.
    pub max_document: u64,
    /// Largest streamed input (WARC, JSON Lines), after decompression.
    pub max_stream: u64,
    /// Largest single record: one JSON line, one WARC record.
    pub max_record: u64,
    /// Largest inflation ratio tolerated once output passes `ratio_grace`
    /// bytes; real text compresses 3-10x, bombs 1000x.
    pub max_ratio: u64,
    /// Output size below which the ratio is not checked.
    pub ratio_grace: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_document: 64 << 20,
            max_stream: 64 << 30,
            max_record: 32 << 20,
            max_ratio: 100,
            ratio_grace: 16 << 20,
        }
    }
}
