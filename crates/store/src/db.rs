//! The one connection type the store's queries run on: SQLite or
//! PostgreSQL.
//!
//! Queries are written once, in the SQL both servers accept (`ON CONFLICT`,
//! `RETURNING`, `coalesce`), with SQLite's `?N` placeholders, which become
//! PostgreSQL's `$N` here. The few places where the dialects differ ask
//! [`Conn::is_postgres`] and say so. Values go in as [`Arg`]s and come out
//! through [`Row::get`], so a query reads the same for both backends.
//!
//! PostgreSQL's client needs `&mut` for every call while the store's
//! readers take `&self`; the client sits in a `RefCell`, and rows are
//! collected before any callback runs, so no borrow is ever held across
//! one.

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;

use postgres::types::{IsNull, ToSql as PgToSql, Type};
use rusqlite::types::{ToSqlOutput, Value, ValueRef};

/// What the database said when a statement failed.
#[derive(Debug)]
pub enum DbError {
    /// SQLite's error.
    Sqlite(rusqlite::Error),
    /// PostgreSQL's (or its client's) error.
    Postgres(postgres::Error),
    /// A value came back in a type the store never writes there.
    Decode(String),
}

impl fmt::Display for DbError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DbError::Sqlite(e) => write!(f, "{e}"),
            // The client's own Display says only "db error"; the server's
            // message is in the source.
            DbError::Postgres(e) => match e.as_db_error() {
                Some(db) => write!(f, "{}: {}", db.severity(), db.message()),
                None => write!(f, "{e}"),
            },
            DbError::Decode(s) => f.write_str(s),
        }
    }
}

impl std::error::Error for DbError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            DbError::Sqlite(e) => Some(e),
            DbError::Postgres(e) => Some(e),
            DbError::Decode(_) => None,
        }
    }
}

impl From<rusqlite::Error> for DbError {
    fn from(e: rusqlite::Error) -> Self {
        DbError::Sqlite(e)
    }
}

impl From<postgres::Error> for DbError {
    fn from(e: postgres::Error) -> Self {
        DbError::Postgres(e)
    }
}

impl DbError {
    /// Whether running the same transaction again may succeed: PostgreSQL
    /// aborts one of two transactions that deadlock, or that conflict
    /// under serialisable isolation, and expects the client to retry.
    pub(crate) fn is_transient(&self) -> bool {
        match self {
            DbError::Postgres(e) => e.code().is_some_and(|c| {
                *c == postgres::error::SqlState::T_R_DEADLOCK_DETECTED
                    || *c == postgres::error::SqlState::T_R_SERIALIZATION_FAILURE
            }),
            _ => false,
        }
    }
}

/// A query's result, or what went wrong.
pub type DbResult<T> = Result<T, DbError>;

/// One value bound to a placeholder.
#[derive(Debug, Clone, Copy)]
pub enum Arg<'a> {
    /// SQL NULL.
    Null,
    /// A 64-bit integer (booleans are stored as 0 and 1 in both backends).
    Int(i64),
    /// A double.
    Real(f64),
    /// Text.
    Text(&'a str),
    /// Bytes.
    Blob(&'a [u8]),
    /// A list of integers as one parameter, for a whole batch in one
    /// statement: a `bigint[]` on PostgreSQL, a JSON array on SQLite,
    /// which has no arrays (read it through [`Conn::id_set`]).
    Ints(&'a [i64]),
    /// A list of integers with NULLs, the same way.
    OptInts(&'a [Option<i64>]),
}

impl From<i64> for Arg<'_> {
    fn from(v: i64) -> Self {
        Arg::Int(v)
    }
}
impl From<i32> for Arg<'_> {
    fn from(v: i32) -> Self {
        Arg::Int(i64::from(v))
    }
}
impl From<u32> for Arg<'_> {
    fn from(v: u32) -> Self {
        Arg::Int(i64::from(v))
    }
}
impl From<bool> for Arg<'_> {
    fn from(v: bool) -> Self {
        Arg::Int(i64::from(v))
    }
}
impl From<f64> for Arg<'_> {
    fn from(v: f64) -> Self {
        // SQLite stores a NaN as NULL; PostgreSQL would keep it. Both now
        // read back as NULL.
        if v.is_nan() { Arg::Null } else { Arg::Real(v) }
    }
}
impl<'a> From<&'a str> for Arg<'a> {
    fn from(v: &'a str) -> Self {
        Arg::Text(v)
    }
}
impl<'a> From<&'a String> for Arg<'a> {
    fn from(v: &'a String) -> Self {
        Arg::Text(v)
    }
}
impl<'a> From<&'a [u8]> for Arg<'a> {
    fn from(v: &'a [u8]) -> Self {
        Arg::Blob(v)
    }
}
impl<'a> From<&'a Vec<u8>> for Arg<'a> {
    fn from(v: &'a Vec<u8>) -> Self {
        Arg::Blob(v)
    }
}
impl<'a, T: Copy + Into<Arg<'a>>> From<Option<T>> for Arg<'a> {
    fn from(v: Option<T>) -> Self {
        v.map_or(Arg::Null, Into::into)
    }
}
impl<'a> From<&'a Option<String>> for Arg<'a> {
    fn from(v: &'a Option<String>) -> Self {
        v.as_deref().map_or(Arg::Null, Arg::Text)
    }
}

/// Binds values to a statement's placeholders: `args![a, b]`.
macro_rules! args {
    ($($x:expr),* $(,)?) => { &[$($crate::db::Arg::from($x)),*][..] };
}
pub(crate) use args;

impl rusqlite::ToSql for Arg<'_> {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::Borrowed(match *self {
            Arg::Null => ValueRef::Null,
            Arg::Int(v) => ValueRef::Integer(v),
            Arg::Real(v) => ValueRef::Real(v),
            Arg::Text(s) => ValueRef::Text(s.as_bytes()),
            Arg::Blob(b) => ValueRef::Blob(b),
            Arg::Ints(v) => return Ok(json_list(v)),
            Arg::OptInts(v) => return Ok(json_list(v)),
        }))
    }
}

/// A list bound on SQLite: a JSON array, which `json_each` reads back.
fn json_list<T: serde::Serialize>(v: &[T]) -> ToSqlOutput<'static> {
    // Integers and NULLs always serialise.
    let json = serde_json::to_string(v).unwrap_or_else(|_| "[]".into());
    ToSqlOutput::Owned(Value::Text(json))
}

type BoxError = Box<dyn std::error::Error + Sync + Send>;

impl PgToSql for Arg<'_> {
    fn to_sql(&self, ty: &Type, out: &mut bytes::BytesMut) -> Result<IsNull, BoxError> {
        // The server infers each placeholder's type from the statement;
        // meet it, as SQLite's loose typing would.
        match *self {
            Arg::Null => Ok(IsNull::Yes),
            Arg::Int(v) => match *ty {
                Type::INT2 => i16::try_from(v)?.to_sql(ty, out),
                Type::INT4 => i32::try_from(v)?.to_sql(ty, out),
                Type::FLOAT8 => (v as f64).to_sql(ty, out),
                Type::BOOL => (v != 0).to_sql(ty, out),
                Type::TEXT | Type::VARCHAR => v.to_string().to_sql(ty, out),
                _ => v.to_sql(ty, out),
            },
            Arg::Real(v) => match *ty {
                Type::FLOAT4 => (v as f32).to_sql(ty, out),
                _ => v.to_sql(ty, out),
            },
            Arg::Text(s) => match *ty {
                Type::BYTEA => s.as_bytes().to_sql(ty, out),
                // PostgreSQL's text cannot hold NUL (SQLite's can); a NUL
                // in an article is never meant, and is stored as U+FFFD.
                _ if s.contains('\0') => s.replace('\0', "\u{FFFD}").to_sql(ty, out),
                _ => s.to_sql(ty, out),
            },
            Arg::Blob(b) => b.to_sql(ty, out),
            Arg::Ints(v) => v.to_sql(ty, out),
            Arg::OptInts(v) => v.to_sql(ty, out),
        }
    }

    fn accepts(_: &Type) -> bool {
        true
    }

    postgres::types::to_sql_checked!();
}

/// One result row.
pub enum Row<'a> {
    /// From SQLite.
    Sqlite(&'a rusqlite::Row<'a>),
    /// From PostgreSQL.
    Postgres(&'a postgres::Row),
}

impl Row<'_> {
    /// The value of column `i`, converted to `T`.
    pub fn get<T: FromCol>(&self, i: usize) -> DbResult<T> {
        let v = match self {
            Row::Sqlite(r) => T::sqlite(r.get_ref(i)?),
            Row::Postgres(r) => T::postgres(r, i),
        }?;
        v.map_or_else(|| T::null(), Ok)
    }
}

/// A type a column converts to.
pub trait FromCol: Sized {
    /// From a SQLite value; `None` for NULL.
    fn sqlite(v: ValueRef<'_>) -> DbResult<Option<Self>>;
    /// From column `i` of a PostgreSQL row; `None` for NULL.
    fn postgres(r: &postgres::Row, i: usize) -> DbResult<Option<Self>>;
    /// What a NULL becomes: an error, except for `Option`.
    fn null() -> DbResult<Self> {
        Err(DbError::Decode(format!(
            "unexpected NULL for {}",
            std::any::type_name::<Self>()
        )))
    }
}

fn wrong(what: &str, got: impl fmt::Debug) -> DbError {
    DbError::Decode(format!("expected {what}, found {got:?}"))
}

impl FromCol for i64 {
    fn sqlite(v: ValueRef<'_>) -> DbResult<Option<Self>> {
        match v {
            ValueRef::Null => Ok(None),
            ValueRef::Integer(i) => Ok(Some(i)),
            other => Err(wrong("an integer", other.data_type())),
        }
    }
    fn postgres(r: &postgres::Row, i: usize) -> DbResult<Option<Self>> {
        let ty = r.columns().get(i).map(|c| c.type_().clone());
        Ok(match ty {
            Some(Type::INT2) => r.try_get::<_, Option<i16>>(i)?.map(i64::from),
            Some(Type::INT4) => r.try_get::<_, Option<i32>>(i)?.map(i64::from),
            Some(Type::BOOL) => r.try_get::<_, Option<bool>>(i)?.map(i64::from),
            Some(Type::NUMERIC) => {
                // sum() over BIGINT is NUMERIC; read it as text.
                return Err(wrong("an integer (cast sums to BIGINT)", "NUMERIC"));
            }
            _ => r.try_get::<_, Option<i64>>(i)?,
        })
    }
}

impl FromCol for bool {
    fn sqlite(v: ValueRef<'_>) -> DbResult<Option<Self>> {
        Ok(i64::sqlite(v)?.map(|n| n != 0))
    }
    fn postgres(r: &postgres::Row, i: usize) -> DbResult<Option<Self>> {
        Ok(i64::postgres(r, i)?.map(|n| n != 0))
    }
}

impl FromCol for f64 {
    fn sqlite(v: ValueRef<'_>) -> DbResult<Option<Self>> {
        match v {
            ValueRef::Null => Ok(None),
            ValueRef::Real(f) => Ok(Some(f)),
            ValueRef::Integer(i) => Ok(Some(i as f64)),
            other => Err(wrong("a number", other.data_type())),
        }
    }
    fn postgres(r: &postgres::Row, i: usize) -> DbResult<Option<Self>> {
        let ty = r.columns().get(i).map(|c| c.type_().clone());
        Ok(match ty {
            Some(Type::FLOAT4) => r.try_get::<_, Option<f32>>(i)?.map(f64::from),
            Some(Type::INT8 | Type::INT4 | Type::INT2) => i64::postgres(r, i)?.map(|n| n as f64),
            _ => r.try_get::<_, Option<f64>>(i)?,
        })
    }
}

impl FromCol for String {
    fn sqlite(v: ValueRef<'_>) -> DbResult<Option<Self>> {
        match v {
            ValueRef::Null => Ok(None),
            ValueRef::Text(t) => String::from_utf8(t.to_vec())
                .map(Some)
                .map_err(|e| DbError::Decode(e.to_string())),
            other => Err(wrong("text", other.data_type())),
        }
    }
    fn postgres(r: &postgres::Row, i: usize) -> DbResult<Option<Self>> {
        Ok(r.try_get::<_, Option<String>>(i)?)
    }
}

impl FromCol for Vec<u8> {
    fn sqlite(v: ValueRef<'_>) -> DbResult<Option<Self>> {
        match v {
            ValueRef::Null => Ok(None),
            ValueRef::Blob(b) | ValueRef::Text(b) => Ok(Some(b.to_vec())),
            other => Err(wrong("bytes", other.data_type())),
        }
    }
    fn postgres(r: &postgres::Row, i: usize) -> DbResult<Option<Self>> {
        Ok(r.try_get::<_, Option<Vec<u8>>>(i)?)
    }
}

impl<T: FromCol> FromCol for Option<T> {
    fn sqlite(v: ValueRef<'_>) -> DbResult<Option<Self>> {
        Ok(Some(T::sqlite(v)?))
    }
    fn postgres(r: &postgres::Row, i: usize) -> DbResult<Option<Self>> {
        Ok(Some(T::postgres(r, i)?))
    }
}

/// A PostgreSQL connection with its prepared statements.
pub(crate) struct Pg {
    /// The client.
    client: postgres::Client,
    /// Statements by their SQLite-dialect text.
    cache: HashMap<String, postgres::Statement>,
}

/// An open connection.
pub(crate) enum Conn {
    /// An SQLite file or in-memory database.
    Sqlite(rusqlite::Connection),
    /// A PostgreSQL server (boxed: its client and statement cache are
    /// larger than SQLite's handle).
    Postgres(Box<RefCell<Pg>>),
}

impl Conn {
    /// Connects to the PostgreSQL server at `url` (a `postgres://` URL or a
    /// key=value connection string).
    pub(crate) fn postgres(url: &str) -> DbResult<Conn> {
        let mut config: postgres::Config = url.parse()?;
        config.connect_timeout(std::time::Duration::from_secs(10));
        config.application_name("storyline");
        let client = config.connect(postgres::NoTls)?;
        Ok(Conn::Postgres(Box::new(RefCell::new(Pg {
            client,
            cache: HashMap::new(),
        }))))
    }

    /// Whether this is PostgreSQL (for the few statements written twice).
    pub(crate) fn is_postgres(&self) -> bool {
        matches!(self, Conn::Postgres(_))
    }

    /// A subquery giving the ids of an [`Arg::Ints`] bound to placeholder
    /// `n`, for `IN (...)`: any number of ids in one parameter, where a
    /// placeholder each would meet SQLite's limit.
    pub(crate) fn id_set(&self, n: usize) -> String {
        if self.is_postgres() {
            format!("SELECT UNNEST(?{n}::bigint[])")
        } else {
            format!("SELECT value FROM json_each(?{n})")
        }
    }

    /// The SQLite connection, for what only SQLite has (pragmas, its
    /// integrity check); `None` on PostgreSQL.
    pub(crate) fn sqlite(&self) -> Option<&rusqlite::Connection> {
        match self {
            Conn::Sqlite(c) => Some(c),
            Conn::Postgres(_) => None,
        }
    }

    /// Runs one statement; returns how many rows it changed.
    pub(crate) fn exec(&self, sql: &str, args: &[Arg<'_>]) -> DbResult<u64> {
        match self {
            Conn::Sqlite(c) => {
                let n = c
                    .prepare_cached(sql)?
                    .execute(rusqlite::params_from_iter(args))?;
                Ok(n as u64)
            }
            Conn::Postgres(p) => {
                let mut p = p.borrow_mut();
                let st = p.statement(sql)?;
                Ok(p.client.execute(&st, &pg_args(args))?)
            }
        }
    }

    /// Runs several statements without arguments (schema steps, `BEGIN`).
    pub(crate) fn batch(&self, sql: &str) -> DbResult<()> {
        match self {
            Conn::Sqlite(c) => Ok(c.execute_batch(sql)?),
            Conn::Postgres(p) => Ok(p.borrow_mut().client.batch_execute(sql)?),
        }
    }

    /// Every row of a query, each turned into a `T` by `f`.
    pub(crate) fn query<T>(
        &self,
        sql: &str,
        args: &[Arg<'_>],
        mut f: impl FnMut(&Row<'_>) -> DbResult<T>,
    ) -> DbResult<Vec<T>> {
        match self {
            Conn::Sqlite(c) => {
                let mut st = c.prepare_cached(sql)?;
                let mut rows = st.query(rusqlite::params_from_iter(args))?;
                let mut out = Vec::new();
                while let Some(r) = rows.next()? {
                    out.push(f(&Row::Sqlite(r))?);
                }
                Ok(out)
            }
            Conn::Postgres(p) => {
                let rows = {
                    let mut p = p.borrow_mut();
                    let st = p.statement(sql)?;
                    p.client.query(&st, &pg_args(args))?
                };
                rows.iter().map(|r| f(&Row::Postgres(r))).collect()
            }
        }
    }

    /// The first row of a query, if any.
    pub(crate) fn query_opt<T>(
        &self,
        sql: &str,
        args: &[Arg<'_>],
        f: impl FnOnce(&Row<'_>) -> DbResult<T>,
    ) -> DbResult<Option<T>> {
        match self {
            Conn::Sqlite(c) => {
                let mut st = c.prepare_cached(sql)?;
                let mut rows = st.query(rusqlite::params_from_iter(args))?;
                match rows.next()? {
                    Some(r) => f(&Row::Sqlite(r)).map(Some),
                    None => Ok(None),
                }
            }
            Conn::Postgres(p) => {
                let row = {
                    let mut p = p.borrow_mut();
                    let st = p.statement(sql)?;
                    p.client.query_opt(&st, &pg_args(args))?
                };
                row.map(|r| f(&Row::Postgres(&r))).transpose()
            }
        }
    }

    /// The one row a query must give.
    pub(crate) fn query_one<T>(
        &self,
        sql: &str,
        args: &[Arg<'_>],
        f: impl FnOnce(&Row<'_>) -> DbResult<T>,
    ) -> DbResult<T> {
        self.query_opt(sql, args, f)?
            .ok_or_else(|| DbError::Decode(format!("no row from: {sql}")))
    }

    /// Starts a transaction. `write` takes SQLite's write lock at once
    /// (`BEGIN IMMEDIATE`), so that a writer waits for another instead of
    /// failing at its first write; PostgreSQL locks rows as it goes.
    pub(crate) fn begin(&self, write: bool) -> DbResult<Tx<'_>> {
        let sql = match (self, write) {
            (Conn::Sqlite(_), true) => "BEGIN IMMEDIATE",
            _ => "BEGIN",
        };
        self.batch(sql)?;
        Ok(Tx {
            conn: self,
            done: false,
        })
    }
}

impl Pg {
    /// The prepared statement for `sql`, prepared once per connection.
    fn statement(&mut self, sql: &str) -> DbResult<postgres::Statement> {
        if let Some(st) = self.cache.get(sql) {
            return Ok(st.clone());
        }
        let st = self.client.prepare(&dollars(sql))?;
        self.cache.insert(sql.to_owned(), st.clone());
        Ok(st)
    }
}

fn pg_args<'a>(args: &'a [Arg<'a>]) -> Vec<&'a (dyn PgToSql + Sync)> {
    args.iter().map(|a| a as &(dyn PgToSql + Sync)).collect()
}

/// SQLite's `?N` placeholders as PostgreSQL's `$N`. Quoted text is left
/// alone, though no statement of ours has a `?` in a literal.
pub(crate) fn dollars(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut quoted = false;
    for c in sql.chars() {
        match c {
            '\'' => {
                quoted = !quoted;
                out.push(c);
            }
            '?' if !quoted => out.push('$'),
            _ => out.push(c),
        }
    }
    out
}

/// An open transaction: rolled back when dropped uncommitted, so an early
/// return on error leaves nothing half-written.
pub(crate) struct Tx<'a> {
    conn: &'a Conn,
    done: bool,
}

impl Tx<'_> {
    /// Commits.
    pub(crate) fn commit(mut self) -> DbResult<()> {
        self.done = true;
        self.conn.batch("COMMIT")
    }
}

impl std::ops::Deref for Tx<'_> {
    type Target = Conn;
    fn deref(&self) -> &Conn {
        self.conn
    }
}

impl Drop for Tx<'_> {
    fn drop(&mut self) {
        if !self.done {
            // A failed rollback leaves the connection in an aborted
            // transaction, which the next BEGIN reports.
            let _ = self.conn.batch("ROLLBACK");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_become_dollars_outside_quotes() {
        assert_eq!(
            dollars("SELECT '?' , a FROM t WHERE a = ?1 AND b = ?2"),
            "SELECT '?' , a FROM t WHERE a = $1 AND b = $2"
        );
    }

    #[test]
    fn values_round_trip_through_sqlite() {
        let c = Conn::Sqlite(rusqlite::Connection::open_in_memory().unwrap());
        c.batch("CREATE TABLE t (a INTEGER, b REAL, c TEXT, d BLOB)")
            .unwrap();
        let blob = vec![1u8, 2];
        c.exec(
            "INSERT INTO t VALUES (?1, ?2, ?3, ?4)",
            args![7i64, f64::NAN, "x", &blob],
        )
        .unwrap();
        let got = c
            .query_one("SELECT a, b, c, d FROM t", &[], |r| {
                Ok((
                    r.get::<i64>(0)?,
                    r.get::<Option<f64>>(1)?,
                    r.get::<String>(2)?,
                    r.get::<Vec<u8>>(3)?,
                ))
            })
            .unwrap();
        assert_eq!(got, (7, None, "x".to_string(), blob));
        assert!(
            c.query_one("SELECT c FROM t", &[], |r| r.get::<i64>(0))
                .is_err()
        );
    }

    #[test]
    fn an_id_set_takes_more_ids_than_sqlite_has_placeholders() {
        let c = Conn::Sqlite(rusqlite::Connection::open_in_memory().unwrap());
        c.batch("CREATE TABLE t (a INTEGER)").unwrap();
        c.exec("INSERT INTO t VALUES (3), (40000), (5)", &[])
            .unwrap();
        let ids: Vec<i64> = (1..=40_000).filter(|i| i % 2 == 0 || *i == 3).collect();
        let got = c
            .query(
                &format!("SELECT a FROM t WHERE a IN ({}) ORDER BY a", c.id_set(1)),
                &[Arg::Ints(&ids)],
                |r| r.get::<i64>(0),
            )
            .unwrap();
        assert_eq!(got, [3, 40000]);
        let none = c
            .query(
                &format!("SELECT a FROM t WHERE a NOT IN ({})", c.id_set(1)),
                &[Arg::Ints(&[])],
                |r| r.get::<i64>(0),
            )
            .unwrap();
        assert_eq!(none.len(), 3);
    }

    #[test]
    fn a_dropped_transaction_rolls_back() {
        let c = Conn::Sqlite(rusqlite::Connection::open_in_memory().unwrap());
        c.batch("CREATE TABLE t (a INTEGER)").unwrap();
        {
            let tx = c.begin(true).unwrap();
            tx.exec("INSERT INTO t VALUES (1)", &[]).unwrap();
        }
        let n = c
            .query_one("SELECT count(*) FROM t", &[], |r| r.get::<i64>(0))
            .unwrap();
        assert_eq!(n, 0);
    }
}
