//! Schema versions, stepped one at a time with `PRAGMA user_version` inside one immediate
//! transaction. A database from a newer version is refused, never downgraded.

use rusqlite::{Connection, TransactionBehavior};

use super::steps::STEPS;
use crate::error::NotADatabase;
use crate::{Error, Result};

/// 'LMBR': marks the file as Limber's, so another app's database is never taken over.
pub const APPLICATION_ID: i32 = 0x4C4D_4252;

/// The schema this code writes: one step per version.
pub const VERSION: i32 = crate::versions::SCHEMA_VERSION;
const _: () =
    assert!(STEPS.len() as i32 == VERSION, "a schema step without its version, or the other way round");

/// The released schema steps, for the migration tests: version `n` is `STEPS[..n]` applied in
/// order to an empty database.
pub fn migration_steps() -> &'static [&'static str] {
    STEPS
}

/// Refuses a SQLite file that belongs to something else. An empty database is ours to set up.
pub(super) fn check_owner(conn: &Connection) -> Result<()> {
    let app_id: i32 = conn.pragma_query_value(None, "application_id", |row| row.get(0))?;
    if app_id == APPLICATION_ID {
        return Ok(());
    }
    let objects: i64 = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |row| row.get(0))?;
    let version = user_version(conn)?;
    if app_id == 0 && objects == 0 && version == 0 {
        Ok(())
    } else {
        Err(Error::NotADatabase(NotADatabase::Foreign))
    }
}

/// Brings the database up to [`VERSION`]: every step after the version found, in order, in one
/// immediate transaction, then marks the file as Limber's. Errors: `Corrupt` (a negative
/// version), `NewerVersion` (a newer Limber wrote it; nothing changed), SQLite's.
pub(super) fn migrate(conn: &mut Connection) -> Result<()> {
    let found = user_version(conn)?;
    refuse_newer(found)?;
    if found == VERSION {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    // Another process may have upgraded while we waited for the lock.
    let found = user_version(&tx)?;
    refuse_newer(found)?;
    for step in &STEPS[found as usize..] {
        tx.execute_batch(step)?;
    }
    // Literal SQL rather than `pragma_update` (see `store::configure`).
    tx.execute_batch(&format!("PRAGMA application_id={APPLICATION_ID}; PRAGMA user_version={VERSION}"))?;
    tx.commit()?;
    Ok(())
}

/// A read-only database must already be at this version: it cannot be upgraded.
pub(super) fn check_current(conn: &Connection) -> Result<()> {
    let found = user_version(conn)?;
    refuse_newer(found)?;
    // An empty file (version 0, nothing in it) or an older schema needs writing first.
    if found == VERSION { Ok(()) } else { Err(Error::ReadOnly) }
}

fn refuse_newer(found: i32) -> Result<()> {
    match found {
        // We never write a negative version: the header was damaged.
        ..0 => Err(Error::Corrupt),
        0..=VERSION => Ok(()),
        _ => Err(Error::NewerVersion { found, supported: VERSION }),
    }
}

/// The schema version the file records (`PRAGMA user_version`; 0 for a new file).
pub(crate) fn user_version(conn: &Connection) -> Result<i32> {
    Ok(conn.pragma_query_value(None, "user_version", |row| row.get(0))?)
}
