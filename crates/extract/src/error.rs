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
    /// The page says it is not there ("page not found", "the page you
    /// requested is gone"): a site's error page served in place of the article.
    #[error("{input}: an error page, not an article (\"{phrase}\")")]
    ErrorPage {
        /// Where the record came from, as for [`ExtractError::NoText`].
        input: String,
        /// The error page's words that gave it away.
        phrase: String,
    },
}
