//! Running one store test on both backends.

use crate::Store;

/// A store on a fresh PostgreSQL database, or `None` where no test server
/// is configured (see `storyline_testkit::postgres`).
pub(crate) fn postgres() -> Option<Store> {
    let url = storyline_testkit::postgres::fresh_database()?;
    Some(Store::open_postgres(&url).unwrap_or_else(|e| panic!("{e}")))
}

/// Defines a test twice, as a module holding `sqlite` (on an in-memory
/// file) and `postgres` (on a fresh database; skipped without a server):
/// `both! { fn name(store) { ... } }`.
macro_rules! both {
    ($(#[$m:meta])* fn $name:ident($store:ident) $body:block) => {
        $(#[$m])*
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            #[test]
            fn sqlite() {
                #[allow(unused_mut)]
                let mut $store = crate::Store::open_in_memory().unwrap();
                $body
            }

            #[test]
            fn postgres() {
                #[allow(unused_mut)]
                let Some(mut $store) = crate::testdb::postgres() else {
                    return;
                };
                $body
            }
        }
    };
}
pub(crate) use both;
