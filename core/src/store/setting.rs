//! The `setting` table: one JSON value per key (the routine and the reminder settings).

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::columns::{from_json, to_json};
use crate::Result;

/// The key of the routine settings.
pub(crate) const ROUTINE: &str = "routine";
/// The key of the reminder settings.
pub(crate) const REMINDERS: &str = "reminders";

/// The value saved under `key`, if any; a value that no longer decodes is `Corrupt`.
pub(crate) fn get<T: DeserializeOwned>(conn: &Connection, key: &str) -> Result<Option<T>> {
    let text = get_text(conn, key)?;
    text.as_deref().map(from_json).transpose()
}

/// The JSON text saved under `key`, if any, as SQLite gives it (for the open's own checks,
/// which read before the schema is known to be current). One statement for every key, prepared
/// once per connection: the open reads a key, and the calls after it read the settings.
pub(crate) fn get_text(conn: &Connection, key: &str) -> rusqlite::Result<Option<String>> {
    conn.prepare_cached("SELECT value FROM setting WHERE key = ?1")?.query_row([key], |r| r.get(0)).optional()
}

/// Saves `value` under `key`, replacing what was there (`replace`) or only when the key is
/// not there yet (a restore never overwrites). Returns whether the row was written.
pub(crate) fn put<T: Serialize>(conn: &Connection, key: &str, value: &T, replace: bool) -> Result<bool> {
    let text = to_json(value)?;
    let sql = if replace {
        "INSERT INTO setting (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = ?2"
    } else {
        "INSERT INTO setting (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO NOTHING"
    };
    Ok(conn.prepare_cached(sql)?.execute(params![key, text])? == 1)
}
