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
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A size cap was hit: a huge file, a long line, or a decompression bomb.
    #[error("{input}: {what} exceeds the limit of {limit} bytes")]
    TooLarge {
        input: String,
        what: &'static str,
        limit: u64,
    },
    /// Compressed data ended early or is corrupt.
    #[error("{input}: corrupt or truncated gzip data ({reason})")]
    Gzip { input: String, reason: String },
    /// The input holds nothing.
    #[error("{input}: empty input")]
    Empty { input: String },
    /// The input is not text in any encoding we know (an image, an executable, junk).
    #[error("{input}: binary data, not an article")]
    Binary { input: String },
    /// One entry of a container could not be parsed; the rest still are.
    #[error("{input}: {reason}")]
    Malformed { input: String, reason: String },
}

impl SourceError {
    pub(crate) fn malformed(input: impl Into<String>, reason: impl Into<String>) -> Self {
        SourceError::Malformed {
            input: input.into(),
            reason: reason.into(),
        }
    }
}
