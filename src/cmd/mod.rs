//! One module per subcommand.

pub mod articles;
pub mod digest;
pub mod entities;
pub mod extract;
pub mod index;
pub mod ingest;
pub mod quotes;
pub mod serve;
pub mod sources;
pub mod stories;
pub mod timeline;
pub mod watch;
pub mod work;
