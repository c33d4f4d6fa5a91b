//! The `snooze` rows: a reminder put off, and when it fires again.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, params};

use crate::Result;
use crate::schedule::Snooze;
use crate::timestamp::{from_millis, to_millis};

/// Saves a snooze: replacing an earlier snooze of the same reminder (`replace`), or only when
/// there is none (a restore never overwrites). Returns whether it was written. The one writer
/// of `snooze`.
pub(crate) fn save(conn: &Connection, snooze: &Snooze, replace: bool) -> Result<bool> {
    let sql = if replace {
        "INSERT INTO snooze (reminder_id, fire_at_ms) VALUES (?1, ?2)
         ON CONFLICT (reminder_id) DO UPDATE SET fire_at_ms = ?2"
    } else {
        "INSERT INTO snooze (reminder_id, fire_at_ms) VALUES (?1, ?2) ON CONFLICT (reminder_id) DO NOTHING"
    };
    Ok(conn.prepare_cached(sql)?.execute(params![snooze.reminder_id, to_millis(snooze.fire_at)])? == 1)
}

/// Forgets the snoozes that fired at or before `now`: they have done their job.
pub(crate) fn delete_fired(conn: &Connection, now: DateTime<Utc>) -> Result<()> {
    conn.prepare_cached("DELETE FROM snooze WHERE fire_at_ms <= ?1")?.execute([to_millis(now)])?;
    Ok(())
}

/// The snoozes still to fire after `now`.
pub(crate) fn pending(conn: &Connection, now: DateTime<Utc>) -> Result<Vec<Snooze>> {
    let mut stmt = conn.prepare_cached("SELECT reminder_id, fire_at_ms FROM snooze WHERE fire_at_ms > ?1")?;
    let mut rows = stmt.query([to_millis(now)])?;
    let mut snoozes = Vec::new();
    while let Some(r) = rows.next()? {
        snoozes.push(Snooze { reminder_id: r.get(0)?, fire_at: from_millis(r.get(1)?)? });
    }
    Ok(snoozes)
}

/// Every snooze, by firing time, one at a time.
pub(crate) fn each(conn: &Connection, each: &mut dyn FnMut(Snooze) -> Result<()>) -> Result<()> {
    let mut stmt =
        conn.prepare("SELECT reminder_id, fire_at_ms FROM snooze ORDER BY fire_at_ms, reminder_id")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        each(Snooze { reminder_id: r.get(0)?, fire_at: from_millis(r.get(1)?)? })?;
    }
    Ok(())
}

pub(crate) fn count(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT count(*) FROM snooze", [], |r| r.get(0))?)
}
