//! Why watching stopped.

/// A failure that ends the watch (a source's failure never does: it is
/// recorded on the source and the watch goes on).
#[derive(Debug, thiserror::Error)]
pub enum WatchError {
    /// The database could not be read or written.
    #[error(transparent)]
    Store(#[from] storyline_store::StoreError),
    /// The HTTP client could not be set up.
    #[error(transparent)]
    Fetch(#[from] storyline_fetch::FetchError),
}
