//! Why an input could not be read.

use std::path::PathBuf;

/// A failure to read one input or one record of it.
///
/// Every variant names the input, so a one-line message tells the user which
/// file (and which entry of it) was bad and why.
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    /// The file or directory could not be opened or read.
    #[error("{path}: {source}")]
    Io {
        /// The file or directory, or the input whose reading failed.
        path: PathBuf,
        /// What the system reported.
        #[source]
        source: std::io::Error,
    },
    /// A size cap was hit: a huge file, a long line, or a decompression bomb.
    #[error("{input}: {what} exceeds the limit of {limit} bytes")]
    TooLarge {
        /// The input, as `path` or `path#entry`.
        input: String,
        /// What outgrew its cap (`size`, `decompressed size`, `a JSON line`).
        what: &'static str,
        /// The cap in bytes; for a decompression bomb, the size reached when
        /// the output outgrew its compressed input by too much.
        limit: u64,
    },
    /// Compressed data ended early or is corrupt.
    #[error("{input}: corrupt or truncated gzip data ({reason})")]
    Gzip {
        /// The input, as `path` or `path#entry`.
        input: String,
        /// The decoder's complaint.
        reason: String,
    },
    /// The input holds nothing.
    #[error("{input}: empty input")]
    Empty {
        /// The input, as `path` or `path#entry`.
        input: String,
    },
    /// The input is not text in any encoding we know (an image, an executable, junk).
    #[error("{input}: binary data, not an article")]
    Binary {
        /// The input, as `path` or `path#entry`.
        input: String,
    },
    /// One entry of a container could not be parsed; the rest still are.
    #[error("{input}: {reason}")]
    Malformed {
        /// The input, as `path` or `path#entry`.
        input: String,
        /// Why it could not be parsed.
        reason: String,
    },
}

impl SourceError {
    pub(crate) fn malformed(input: impl Into<String>, reason: impl Into<String>) -> Self {
        SourceError::Malformed {
            input: input.into(),
            reason: reason.into(),
        }
    }
}
