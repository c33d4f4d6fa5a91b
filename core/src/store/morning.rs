//! The `morning_check` rows. The next-morning check's pain is kept once: a morning check row
//! points at its pain entry (context `on_waking`), and every reader takes the level from that
//! entry. Editing the entry (`pain edit`) therefore changes what dosing, the backup and
//! `morning_checks.csv` use, and deleting it deletes the morning check.

use chrono::NaiveDate;
use rusqlite::{CachedStatement, Connection, params};
use uuid::Uuid;

use super::columns::{date, date_text, text};
use crate::Result;

/// The SELECT every morning-check reader uses: date, entry id and the entry's level.
const MORNING_CHECKS: &str = "SELECT m.local_date, m.pain_entry_id, p.level
     FROM morning_check m JOIN pain_entry p ON p.id = m.pain_entry_id";

/// A morning check as read: its local date, its pain entry and that entry's level (0-10).
pub(crate) type MorningRow = (NaiveDate, Uuid, i32);

/// The one writer of `morning_check`: its statements prepared once, for one check (live use) or
/// every check of a restore.
pub(crate) struct Writer<'c> {
    exists: CachedStatement<'c>,
    insert: CachedStatement<'c>,
}

impl<'c> Writer<'c> {
    pub(crate) fn new(conn: &'c Connection) -> Result<Writer<'c>> {
        Ok(Writer {
            exists: conn.prepare_cached("SELECT 1 FROM morning_check WHERE local_date = ?1")?,
            insert: conn.prepare_cached(
                "INSERT INTO morning_check (local_date, pain_entry_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
            )?,
        })
    }

    /// Whether the morning of a local date is recorded.
    pub(crate) fn exists(&mut self, on: NaiveDate) -> Result<bool> {
        Ok(self.exists.exists([date_text(on)])?)
    }

    /// Writes the morning check of a local date, pointing at its pain entry, unless that date
    /// has one already. Returns whether it was written.
    pub(crate) fn insert(&mut self, on: NaiveDate, pain_entry_id: Uuid) -> Result<bool> {
        Ok(self.insert.execute(params![date_text(on), pain_entry_id])? == 1)
    }
}

/// [`Writer::insert`] for one check.
pub(crate) fn insert(conn: &Connection, on: NaiveDate, pain_entry_id: Uuid) -> Result<bool> {
    Writer::new(conn)?.insert(on, pain_entry_id)
}

/// Whether the morning of a local date is recorded.
pub(crate) fn exists(conn: &Connection, on: NaiveDate) -> Result<bool> {
    Ok(conn.prepare_cached("SELECT 1 FROM morning_check WHERE local_date = ?1")?.exists([date_text(on)])?)
}

/// The first local date with a morning check.
pub(crate) fn first_date(conn: &Connection) -> Result<Option<NaiveDate>> {
    let first: Option<String> =
        conn.query_row("SELECT min(local_date) FROM morning_check", [], |r| r.get(0))?;
    first.as_deref().map(date).transpose()
}

/// The dates with a morning check from `since` on.
pub(crate) fn dates_from(conn: &Connection, since: NaiveDate) -> Result<Vec<NaiveDate>> {
    let mut stmt = conn.prepare_cached("SELECT local_date FROM morning_check WHERE local_date >= ?1")?;
    let mut rows = stmt.query([date_text(since)])?;
    let mut dates = Vec::new();
    while let Some(r) = rows.next()? {
        dates.push(date(text(r, 0)?)?);
    }
    Ok(dates)
}

/// (date, level) of the morning checks before `before` that fall before `early_end` or from
/// `late_start` on (the first week and the recent weeks), oldest first.
pub(crate) fn levels_outside(
    conn: &Connection,
    early_end: NaiveDate,
    late_start: NaiveDate,
    before: NaiveDate,
) -> Result<Vec<(NaiveDate, i32)>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{MORNING_CHECKS} WHERE m.local_date < ?3 AND (m.local_date < ?1 OR m.local_date >= ?2)
         ORDER BY m.local_date"
    ))?;
    let mut rows = stmt.query(params![date_text(early_end), date_text(late_start), date_text(before)])?;
    let mut levels = Vec::new();
    while let Some(r) = rows.next()? {
        levels.push((date(text(r, 0)?)?, r.get(2)?));
    }
    Ok(levels)
}

/// Every morning check, by date, one at a time.
pub(crate) fn each(conn: &Connection, each: &mut dyn FnMut(MorningRow) -> Result<()>) -> Result<()> {
    let mut stmt = conn.prepare(&format!("{MORNING_CHECKS} ORDER BY m.local_date"))?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        each((date(text(r, 0)?)?, r.get(1)?, r.get(2)?))?;
    }
    Ok(())
}

pub(crate) fn count(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT count(*) FROM morning_check", [], |r| r.get(0))?)
}
