//! Why a record gave no article.

/// A record that could not become an article.
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    /// Nothing that reads as article text was found (an empty page, a page
    /// of navigation only).
    #[error("{input}: no article text found")]
    NoText {
        /// Where the record came from: a path, with `#N` or `#ID` for an
        /// entry of a container.
        input: String,
    },
}
