//! The ways starting a newsroom can fail.

use std::path::PathBuf;

/// Why a [`Newsroom`](crate::Newsroom) could not start.
#[derive(Debug, thiserror::Error)]
pub enum NewsroomError {
    /// A corpus file could not be read.
    #[error("cannot read corpus file {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The reason.
        source: std::io::Error,
    },
    /// A corpus file is not the TOML the corpus promises.
    #[error("corpus file {path} is not valid: {reason}")]
    Corpus {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
    },
    /// The options ask for something the simulator cannot do.
    #[error("invalid newsroom option {option}: {reason}")]
    Option {
        /// The option's name.
        option: &'static str,
        /// What is wrong with its value.
        reason: String,
    },
    /// The listening socket could not be opened.
    #[error("cannot listen on 127.0.0.1:{port}: {source}")]
    Bind {
        /// The port asked for (0 = any).
        port: u16,
        /// The reason.
        source: std::io::Error,
    },
}
