//! Errors.

/// Why a model file could not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ModelError {
    /// The bytes do not start with the model's magic number.
    #[error("not a storyline-entity model (bad magic)")]
    BadMagic,
    /// The file ends before its header or weights are complete.
    #[error("model file is truncated")]
    Truncated,
    /// A header field is out of range.
    #[error("model header is invalid: {0}")]
    BadHeader(&'static str),
    /// The weight stream points past the end of the weight table.
    #[error("model weights are corrupt")]
    Corrupt,
    /// The trailing checksum does not match the content.
    #[error("model checksum mismatch")]
    Checksum,
}
