//! A fresh PostgreSQL database per test, on the throwaway server that
//! `scripts/pg_cluster.sh` starts (and `.ci/run` starts for every run).
//!
//! `STORYLINE_TEST_POSTGRES` names the server: a URL whose database the
//! tests may create others from (`postgres://storyline@127.0.0.1:55432/postgres`).
//! Without it the PostgreSQL half of a test is skipped, with a line saying
//! so, unless `STORYLINE_REQUIRE_POSTGRES` is set (as in CI), where a
//! missing server fails the test instead of passing it unseen.

use std::sync::atomic::{AtomicU64, Ordering};

/// The variable naming the test server.
pub const SERVER_VAR: &str = "STORYLINE_TEST_POSTGRES";

/// The URL of a new, empty database on the test server, or `None` when no
/// server is configured (and none is required).
///
/// # Panics
/// When a server is required but not configured, or cannot be reached: a
/// test helper's failure is the test's.
pub fn fresh_database() -> Option<String> {
    let Ok(server) = std::env::var(SERVER_VAR) else {
        assert!(
            std::env::var_os("STORYLINE_REQUIRE_POSTGRES").is_none(),
            "PostgreSQL is required here (STORYLINE_REQUIRE_POSTGRES) but {SERVER_VAR} is not set"
        );
        eprintln!("skipping the PostgreSQL half: {SERVER_VAR} is not set");
        return None;
    };
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let name = format!(
        "t_{}_{}_{nanos}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    );
    let mut admin = ::postgres::Client::connect(&server, ::postgres::NoTls)
        .unwrap_or_else(|e| panic!("cannot reach the test server {server}: {e}"));
    admin
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .unwrap_or_else(|e| panic!("cannot create a test database on {server}: {e}"));
    Some(with_database(&server, &name))
}

/// `server` with its database (the URL's path) replaced by `name`.
pub fn with_database(server: &str, name: &str) -> String {
    let (base, query) = server.split_once('?').unwrap_or((server, ""));
    // The path starts at the first '/' after "scheme://authority".
    let after = base.find("://").map_or(0, |i| i + 3);
    let cut = base[after..].find('/').map_or(base.len(), |i| after + i);
    let mut url = format!("{}/{name}", &base[..cut]);
    if !query.is_empty() {
        url.push('?');
        url.push_str(query);
    }
    url
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_database_is_replaced_and_options_kept() {
        assert_eq!(
            with_database("postgres://u@h:1/postgres?sslmode=disable", "t_1"),
            "postgres://u@h:1/t_1?sslmode=disable"
        );
        assert_eq!(
            with_database("postgres://u@h:1", "t_2"),
            "postgres://u@h:1/t_2"
        );
    }
}
