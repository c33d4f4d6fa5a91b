//! The offline progress store: one SQLite file at a path the shell chooses. Storage only:
//! `Db` opens, checks and migrates the file and runs reads and write transactions; one
//! module per table family reads and writes its rows (`pain`, `assessment`, `check_in`,
//! `morning`, `track_state`, `dose_change`, `snooze`, `setting`), each the one writer of its
//! tables, live and restore alike. The rules live in the domain modules and the use cases in
//! `crate::limber`; nothing here imports them.
//!
//! Opening never deletes, truncates or rewrites a file that is not ours: the header and
//! application id are checked before anything is written.
//!
//! - A database that cannot be written here (the file, or the folder its WAL lives in, is
//!   read-only) opens read-only: every reading call and export works, every change is refused
//!   up front with [`Error::ReadOnly`].
//! - Damage: after an unclean close (a WAL file is still there when the database is opened,
//!   the case where a crash or a power cut could have left torn pages), and at the first open a
//!   day after the last passing check, the open runs SQLite's `PRAGMA quick_check` and refuses
//!   a damaged file with [`Error::Corrupt`], without writing; a passing check is stamped in the
//!   `setting` table. Any statement that meets a damaged page later also gives
//!   [`Error::Corrupt`], and from then on this connection refuses every change. Damage found
//!   either way is remembered in a private marker file beside the database
//!   (`damage::remember_damage`), so every later open refuses it too, and a connection
//!   already open refuses its next change. `Db::open_damaged` opens one only to read what
//!   can still be read.

pub(crate) mod assessment;
mod cache;
pub(crate) mod check_in;
mod columns;
pub(crate) mod damage;
pub(crate) mod dose_change;
pub(crate) mod morning;
pub(crate) mod pain;
pub(crate) mod schema;
pub(crate) mod setting;
pub(crate) mod snooze;
mod steps;
pub(crate) mod track_state;
pub(crate) mod wipe;

use std::cell::Cell;
use std::fs;
use std::io::Read;
use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, MAIN_DB, OpenFlags, Transaction, TransactionBehavior};

use crate::error::NotADatabase;
use crate::{Error, Result};

pub(crate) use cache::Cache;
pub use schema::{APPLICATION_ID, VERSION as SCHEMA_VERSION, migration_steps};

/// How long a writer waits for another connection before giving up. Generous: a reminder
/// receiver and the app may write at the same moment, and waiting beats losing an entry.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// One open database: its connection, how it may be used, and the cache of what almost every
/// call reads again.
pub(crate) struct Db {
    conn: Connection,
    cache: cache::Cached,
    /// Opened read-only: every change is refused with [`Error::ReadOnly`].
    read_only: bool,
    /// A statement met a damaged page: every change is refused with [`Error::Corrupt`].
    damaged: Cell<bool>,
}

impl Db {
    /// Opens (creating if needed) the database at `path`, creating missing parent folders,
    /// and brings its schema up to date. A database that cannot be written here opens
    /// read-only (see the module doc).
    ///
    /// Errors: `NotADatabase` (not SQLite, or another app's), `Corrupt` (a damaged file),
    /// `NewerVersion` (from a newer Limber), `ReadOnly` (read-only and in need of an upgrade);
    /// the file is left untouched in each case.
    pub(crate) fn open(path: &Path) -> Result<Db> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty() && !p.exists()) {
            fs::create_dir_all(parent)?;
        }
        check_header(path)?;
        damage::refuse_if_marked(path)?;
        let unclean = damage::wal_left_behind(path);
        let now = crate::clock::now();
        match open_read_write(path, unclean, now) {
            Ok(conn) => Ok(Db::new(conn, false)),
            Err(e) if path.exists() && damage::cannot_write(&e) => {
                Ok(Db::new(damage::open_read_only_checked(path, unclean, now, BUSY_TIMEOUT)?, true))
            }
            Err(e) => Err(e),
        }
    }

    /// Opens a database that [`Db::open`] refuses as damaged, read-only and without checking
    /// it, only to read what can still be read. Nothing is ever written.
    ///
    /// Errors: `NotADatabase` (not SQLite, or another app's), `NewerVersion`, `ReadOnly` (an older
    /// schema, which would need writing first), `Corrupt` when even the list of tables is
    /// unreadable, `Io` when there is no file.
    pub(crate) fn open_damaged(path: &Path) -> Result<Db> {
        check_header(path)?;
        if !path.exists() {
            return Err(Error::Io(std::io::Error::new(
                std::io::ErrorKind::NotFound,
                "there is no database at that path",
            )));
        }
        let conn = damage::open_read_only(path, BUSY_TIMEOUT)?;
        schema::check_owner(&conn)?;
        schema::check_current(&conn)?;
        Ok(Db::new(conn, true))
    }

    /// Opens read-only without any check, for the tests of what a read-only database does.
    #[cfg(test)]
    pub(crate) fn open_read_only(path: &Path) -> Result<Db> {
        Ok(Db::new(damage::open_read_only(path, BUSY_TIMEOUT)?, true))
    }

    fn new(conn: Connection, read_only: bool) -> Db {
        Db { conn, cache: cache::Cached::default(), read_only, damaged: Cell::new(false) }
    }

    /// Whether this database was opened read-only (its file or folder cannot be written).
    pub(crate) fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// The connection, for reading rows (a write goes through [`Db::write`]).
    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// A read transaction: until it is dropped, every read sees the database as it was when
    /// the first one ran (WAL snapshot), however long an export takes and whatever another
    /// connection writes meanwhile. Writers are not blocked.
    pub(crate) fn snapshot(&self) -> Result<rusqlite::Transaction<'_>> {
        Ok(self.conn.unchecked_transaction()?)
    }

    /// A value of the cache (`slot`), or `load` it and keep it until the database changes.
    pub(crate) fn cached<T: Clone>(
        &self,
        slot: fn(&mut Cache) -> &mut Option<T>,
        load: impl FnOnce() -> Result<T>,
    ) -> Result<T> {
        self.cache.get(&self.conn, slot, load)
    }

    /// Runs `f` in one immediate transaction: it takes the write lock up front, so a busy
    /// database is waited for (busy timeout) instead of failing halfway.
    pub(crate) fn write<T>(&mut self, f: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        self.cache.clear();
        self.write_records(f)
    }

    /// `write` for the day-to-day records (pain entries, check-ins, morning checks, snoozes),
    /// which never change an assessment or a setting, so the cache of those stays.
    ///
    /// Refused before anything is done on a read-only or damaged database (damage met by this
    /// connection, or remembered by another: see [`damage::remember_damage`]); a damaged page
    /// met here marks the database damaged for every connection from then on.
    pub(crate) fn write_records<T>(&mut self, f: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        if self.read_only {
            return Err(Error::ReadOnly);
        }
        // These records never change an assessment; should one ever, the assessments' plan
        // flags must not outlive it (this connection's commits leave `data_version` as it is).
        self.cache.forget_plan_flags();
        // Damage met here, or by another connection since (the phone's reminder receiver while
        // the app keeps this database open), is refused before anything is written.
        if self.damaged.get() || damage::marked(&self.conn) {
            self.damaged.set(true);
            return Err(Error::Corrupt);
        }
        let result = (|| {
            let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let value = f(&tx)?;
            tx.commit()?;
            Ok(value)
        })();
        self.noticed(result)
    }

    /// Remembers a damaged page met by any statement: changes are refused from then on. Every
    /// write passes through here; a shell that keeps one store open (the phones, through the
    /// bindings) passes every call's result through it too, so a damaged page met by a read
    /// also stops the writes that follow.
    pub(crate) fn noticed<T>(&self, result: Result<T>) -> Result<T> {
        if matches!(result, Err(Error::Corrupt)) && !self.damaged.replace(true) {
            // For the next connection and process too (the CLI's next command, the phone's
            // reminder receiver): a marker beside the file, which itself is left untouched.
            damage::remember_damage_of(&self.conn);
        }
        result
    }
}

fn open_read_write(path: &Path, unclean: bool, now: chrono::DateTime<chrono::Utc>) -> Result<Connection> {
    let flags =
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let mut conn = Connection::open_with_flags(path, flags)?;
    // SQLite opens a write-protected file read-only without saying so.
    if conn.is_readonly(MAIN_DB)? {
        return Err(Error::ReadOnly);
    }
    conn.busy_timeout(BUSY_TIMEOUT)?;
    schema::check_owner(&conn)?;
    // Before anything is written: a damaged file is refused untouched.
    let stamp = damage::check_if_due(&conn, unclean, now)?;
    configure(&conn)?;
    schema::migrate(&mut conn)?;
    if stamp {
        damage::stamp_check(&conn, now)?;
    }
    Ok(conn)
}

/// An existing non-empty file must start with the SQLite header; anything else is refused
/// before SQLite touches it.
fn check_header(path: &Path) -> Result<()> {
    let mut file = match fs::File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e.into()),
    };
    let mut header = Vec::with_capacity(SQLITE_MAGIC.len());
    file.by_ref().take(SQLITE_MAGIC.len() as u64).read_to_end(&mut header)?;
    if header.is_empty() || header == SQLITE_MAGIC {
        Ok(())
    } else {
        Err(Error::NotADatabase(NotADatabase::NotSqlite))
    }
}

/// Durability and safety settings, decided once for every connection.
fn configure(conn: &Connection) -> Result<()> {
    // WAL: readers never block the writer, so the UI can read while a reminder writes.
    // Pragmas are set with literal SQL, the text rusqlite's `pragma_update` would build: its
    // value writer brings in the standard float formatting (issue 17; tests/bench/size.sh).
    let mode: String = conn.query_row("PRAGMA journal_mode='WAL'", [], |row| row.get(0))?;
    debug_assert_eq!(mode.to_ascii_lowercase(), "wal");
    // FULL: an entry acknowledged to the person survives a power cut, not only a crash.
    // Deleted health data (secure_delete) is overwritten with zeros, not left in free pages.
    conn.execute_batch("PRAGMA synchronous='FULL'; PRAGMA foreign_keys='ON'; PRAGMA secure_delete='ON'")?;
    // Every row writer prepares its statement once per connection; a restore uses about 15 at
    // once, beside the live ones, so none is evicted and prepared again per row.
    conn.set_prepared_statement_cache_capacity(64);
    Ok(())
}
