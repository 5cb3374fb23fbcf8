//! One module per subcommand.

pub mod articles;
pub mod extract;
pub mod ingest;
