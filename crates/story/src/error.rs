//! The one error type of the story layer.

/// What can go wrong while keeping or reading stories: only the store can
/// fail; the analysis itself takes any text.
#[derive(Debug, thiserror::Error)]
pub enum StoryError {
    /// Reading or writing the database failed (the message names the file).
    #[error(transparent)]
    Store(#[from] storyline_store::StoreError),
}
