//! The one error type of the server, and how each kind answers a request.

use std::path::PathBuf;

use axum::http::StatusCode;

/// What can go wrong while serving.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// There is no database at the path given.
    #[error("{}: no such database (run `storyline ingest` first)", .0.display())]
    NoDatabase(PathBuf),
    /// Reading the database failed (the message names the file).
    #[error(transparent)]
    Store(#[from] storyline_store::StoreError),
    /// Reading stories failed.
    #[error(transparent)]
    Story(#[from] storyline_story::StoryError),
    /// A request asked for something malformed; the message says what.
    #[error("{0}")]
    BadRequest(String),
    /// Nothing is at the address asked for.
    #[error("{0}")]
    NotFound(String),
    /// A write was asked for without the admin token.
    #[error("this needs the admin token")]
    Unauthorized,
    /// A part of the service is not available (the search index could not
    /// be opened); the message says why.
    #[error("{0}")]
    Unavailable(String),
    /// The address could not be bound or the server failed.
    #[error("{0}")]
    Io(String),
}

impl ServeError {
    /// The HTTP status this error answers with.
    pub fn status(&self) -> StatusCode {
        match self {
            ServeError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ServeError::NotFound(_) => StatusCode::NOT_FOUND,
            ServeError::Unauthorized => StatusCode::UNAUTHORIZED,
            ServeError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// What a client is told: the message for its own mistakes; for the
    /// server's, a generic line (the details go to the log, not to
    /// whoever asked).
    pub fn public_message(&self) -> String {
        match self {
            ServeError::BadRequest(_)
            | ServeError::NotFound(_)
            | ServeError::Unauthorized
            | ServeError::Unavailable(_) => self.to_string(),
            _ => "the server could not answer this request".into(),
        }
    }
}
