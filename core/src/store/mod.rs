//! The offline progress store: one SQLite file at a path the shell chooses.
//!
//! Opening never deletes, truncates or rewrites a file that is not ours: the header and
//! application id are checked before anything is written.

mod assessment;
mod backup;
mod cache;
mod pain;
mod reminders;
mod routine;
mod schema;
mod summary;
mod wipe;

use std::fs;
use std::io::Read;
use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

use crate::error::NotADatabase;
use crate::{Error, Result};

pub use schema::{APPLICATION_ID, VERSION as SCHEMA_VERSION, migration_steps};

/// How long a writer waits for another connection before giving up. Generous: a reminder
/// receiver and the app may write at the same moment, and waiting beats losing an entry.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

pub struct Store {
    conn: Connection,
    cache: cache::Cached,
}

impl Store {
    /// Opens (creating if needed) the database at `path`, creating missing parent folders,
    /// and brings its schema up to date.
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        let path = path.as_ref();
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            fs::create_dir_all(parent)?;
        }
        check_header(path)?;
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut conn = Connection::open_with_flags(path, flags)?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        schema::check_owner(&conn)?;
        configure(&conn)?;
        schema::migrate(&mut conn)?;
        Ok(Store { conn, cache: cache::Cached::default() })
    }

    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Runs `f` in one immediate transaction: it takes the write lock up front, so a busy
    /// database is waited for (busy timeout) instead of failing halfway.
    pub(crate) fn write<T>(&mut self, f: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        self.cache.clear();
        self.write_records(f)
    }

    /// `write` for the day-to-day records (pain entries, check-ins, morning checks, snoozes),
    /// which never change an assessment or a setting, so the cache of those stays.
    pub(crate) fn write_records<T>(&mut self, f: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = f(&tx)?;
        tx.commit()?;
        Ok(value)
    }
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
    let mode: String = conn.pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get(0))?;
    debug_assert_eq!(mode.to_ascii_lowercase(), "wal");
    // FULL: an entry acknowledged to the person survives a power cut, not only a crash.
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // Deleted health data is overwritten with zeros, not left in free pages.
    conn.pragma_update(None, "secure_delete", "ON")?;
    Ok(())
}

#[cfg(test)]
mod tests;
