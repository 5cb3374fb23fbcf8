//! Search pages, exports and API answers (the index comes with the search
//! crate).

use serde_json::Value;

use crate::params::Params;
use crate::{App, Library, ServeError};

fn unavailable() -> ServeError {
    ServeError::NotFound("search is not available yet".into())
}

/// The search page.
pub fn page(_app: &App, _lib: &Library, _p: &Params) -> Result<String, ServeError> {
    Err(unavailable())
}

/// Search results as CSV.
pub fn csv(_app: &App, _lib: &Library, _p: &Params) -> Result<String, ServeError> {
    Err(unavailable())
}

/// Search results as an Atom feed.
pub fn atom(_app: &App, _lib: &Library, _p: &Params) -> Result<String, ServeError> {
    Err(unavailable())
}

/// `GET /api/v1/search`.
pub fn api(_app: &App, _lib: &Library, _p: &Params) -> Result<Value, ServeError> {
    Err(unavailable())
}
