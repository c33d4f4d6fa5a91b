//! The pain log's rows: `pain_entry` and its `pain_site`s.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use rusqlite::{CachedStatement, Connection, OptionalExtension, Row, params};
use uuid::Uuid;

use super::columns::{epoch_day, text, value};
use crate::Result;
use crate::pain::{BodySite, PainContext, PainEntry, Side, SitePain};
use crate::progress::summary::DayRow;
use crate::timestamp::{MAX_OFFSET_MINUTES, from_millis, to_millis};

const SELECT: &str = "SELECT id, recorded_at_ms, utc_offset_min, level, context, note FROM pain_entry";

const INSERT_ENTRY: &str = "INSERT INTO pain_entry (id, recorded_at_ms, utc_offset_min, level, context, note)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (id) DO NOTHING";
const EXISTS: &str = "SELECT 1 FROM pain_entry WHERE id = ?1";
const INSERT_SITE: &str = "INSERT INTO pain_site (entry_id, site, side, level) VALUES (?1, ?2, ?3, ?4)";

/// The one writer of `pain_entry` and `pain_site`: its statements prepared once, for one entry
/// (live use) or every entry of a restore.
pub(crate) struct Writer<'c> {
    entry: CachedStatement<'c>,
    site: CachedStatement<'c>,
    exists: CachedStatement<'c>,
}

impl<'c> Writer<'c> {
    pub(crate) fn new(conn: &'c Connection) -> Result<Writer<'c>> {
        Ok(Writer {
            entry: conn.prepare_cached(INSERT_ENTRY)?,
            site: conn.prepare_cached(INSERT_SITE)?,
            exists: conn.prepare_cached(EXISTS)?,
        })
    }

    /// Whether an entry with this id is there.
    pub(crate) fn exists(&mut self, id: Uuid) -> Result<bool> {
        Ok(self.exists.exists([id])?)
    }

    /// Writes an entry and its sites, unless an entry with its id is there already (a restore
    /// skips it). Returns whether it was written.
    pub(crate) fn insert(&mut self, entry: &PainEntry) -> Result<bool> {
        let written = self.entry.execute(params![
            entry.id,
            to_millis(entry.recorded_at),
            entry.utc_offset_minutes,
            entry.level,
            entry.context.as_str(),
            entry.note
        ])? == 1;
        if written {
            self.sites(entry)?;
        }
        Ok(written)
    }

    fn sites(&mut self, entry: &PainEntry) -> Result<()> {
        for site in &entry.sites {
            self.site.execute(params![
                entry.id,
                site.site.as_str(),
                site.side.map_or("", Side::as_str),
                site.level
            ])?;
        }
        Ok(())
    }
}

/// [`Writer::insert`] for one entry.
pub(crate) fn insert(conn: &Connection, entry: &PainEntry) -> Result<bool> {
    Writer::new(conn)?.insert(entry)
}

/// Replaces every field of the entry with `entry.id`; false when there is none.
pub(crate) fn update(conn: &Connection, entry: &PainEntry) -> Result<bool> {
    let changed = conn.prepare_cached(
        "UPDATE pain_entry SET recorded_at_ms = ?2, utc_offset_min = ?3, level = ?4, context = ?5, note = ?6
         WHERE id = ?1",
    )?
    .execute(params![
        entry.id,
        to_millis(entry.recorded_at),
        entry.utc_offset_minutes,
        entry.level,
        entry.context.as_str(),
        entry.note
    ])?;
    if changed == 0 {
        return Ok(false);
    }
    conn.prepare_cached("DELETE FROM pain_site WHERE entry_id = ?1")?.execute([entry.id])?;
    Writer::new(conn)?.sites(entry)?;
    Ok(true)
}

/// Deletes an entry (its sites and a morning check pointing at it go with it); false when
/// there is none.
pub(crate) fn delete(conn: &Connection, id: Uuid) -> Result<bool> {
    Ok(conn.prepare_cached("DELETE FROM pain_entry WHERE id = ?1")?.execute([id])? == 1)
}

pub(crate) fn get(conn: &Connection, id: Uuid) -> Result<Option<PainEntry>> {
    let row =
        conn.prepare_cached(&format!("{SELECT} WHERE id = ?1"))?.query_row([id], read_entry).optional()?;
    row.map(|row| with_sites(conn, row)).transpose()
}

/// Entries recorded in `[from_ms, to_ms)` and before `(before_ms, before_id)` in
/// (time, id) order, newest first, at most `limit`.
pub(crate) fn page(
    conn: &Connection,
    (from_ms, to_ms): (i64, i64),
    (before_ms, before_id): (i64, Uuid),
    limit: i64,
) -> Result<Vec<PainEntry>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{SELECT} WHERE recorded_at_ms >= ?1 AND recorded_at_ms < ?2 AND (recorded_at_ms, id) < (?3, ?4)
         ORDER BY recorded_at_ms DESC, id DESC LIMIT ?5"
    ))?;
    let rows = stmt.query_map(params![from_ms, to_ms, before_ms, before_id, limit], read_entry)?;
    rows.map(|row| with_sites(conn, row?)).collect()
}

/// The mean level (0-10) of the entries recorded in `[from, to)`, if there are any.
pub(crate) fn mean(conn: &Connection, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<Option<f64>> {
    Ok(conn
        .prepare_cached(
            "SELECT avg(level) FROM pain_entry WHERE recorded_at_ms >= ?1 AND recorded_at_ms < ?2",
        )?
        .query_row(params![to_millis(from), to_millis(to)], |r| r.get(0))?)
}

/// Every entry with its sites, oldest first, one at a time.
pub(crate) fn each(conn: &Connection, each: &mut dyn FnMut(PainEntry) -> Result<()>) -> Result<()> {
    let mut stmt = conn.prepare(&format!("{SELECT} ORDER BY recorded_at_ms, id"))?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        each(with_sites(conn, read_entry(r)?)?)?;
    }
    Ok(())
}

pub(crate) fn count(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT count(*) FROM pain_entry", [], |r| r.get(0))?)
}

/// A row as stored, before its sites are attached. Text columns are parsed afterwards so a
/// damaged value becomes a typed error, not a panic.
struct EntryRow {
    id: Uuid,
    recorded_at_ms: i64,
    utc_offset_minutes: i32,
    level: i32,
    context: String,
    note: Option<String>,
}

fn read_entry(row: &Row<'_>) -> rusqlite::Result<EntryRow> {
    Ok(EntryRow {
        id: row.get(0)?,
        recorded_at_ms: row.get(1)?,
        utc_offset_minutes: row.get(2)?,
        level: row.get(3)?,
        context: row.get(4)?,
        note: row.get(5)?,
    })
}

/// Sites by the entry's id (a key prefix), in (site, side) order.
fn with_sites(conn: &Connection, row: EntryRow) -> Result<PainEntry> {
    let mut stmt = conn.prepare_cached("SELECT site, side, level FROM pain_site WHERE entry_id = ?1")?;
    let mut rows = stmt.query([row.id])?;
    let mut sites = Vec::new();
    while let Some(s) = rows.next()? {
        sites.push(SitePain {
            site: value(text(s, 0)?, BodySite::parse)?,
            side: match text(s, 1)? {
                "" => None,
                side => Some(value(side, Side::parse)?),
            },
            level: s.get(2)?,
        });
    }
    crate::sort::sort_by_key(&mut sites, |s| (s.site, s.side));
    Ok(PainEntry {
        id: row.id,
        recorded_at: from_millis(row.recorded_at_ms)?,
        utc_offset_minutes: row.utc_offset_minutes,
        level: row.level,
        sites,
        context: value(&row.context, PainContext::parse)?,
        note: row.note,
    })
}

/// Pain per local day; a day is the date at the entry's own stored offset, as a day number
/// since 1970-01-01 (integer arithmetic: SQLite's `date()` would cost more than the rest of the
/// query). `?1..?2` is a coarse UTC window (the range widened by the largest offset) that lets
/// the time index pick out a short range; days at its edges outside the range are dropped after.
const DAILY_PAIN_SQL: &str = "
SELECT (recorded_at_ms / 1000 + utc_offset_min * 60) / 86400 AS day,
       avg(level), min(level), max(level), count(*)
FROM pain_entry
WHERE recorded_at_ms >= ?1 AND recorded_at_ms < ?2
GROUP BY day
ORDER BY day";

/// The same, reading the table straight through (`+` keeps SQLite off the time index): for a
/// range covering most of the history, one pass over the table beats an index lookup per row.
const DAILY_PAIN_SCAN_SQL: &str = "
SELECT (recorded_at_ms / 1000 + utc_offset_min * 60) / 86400 AS day,
       avg(level), min(level), max(level), count(*)
FROM pain_entry
WHERE +recorded_at_ms >= ?1 AND +recorded_at_ms < ?2
GROUP BY day
ORDER BY day";

const MARGIN_MS: i64 = MAX_OFFSET_MINUTES as i64 * 60_000;

/// Pain per local day (at each entry's own offset) in `from..=to`, oldest first.
pub(crate) fn daily(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<Vec<DayRow>> {
    let start = to_millis(from.and_time(NaiveTime::MIN).and_utc()) - MARGIN_MS;
    let end = to_millis(to.and_time(NaiveTime::MIN).and_utc()) + 86_400_000 + MARGIN_MS;
    // Each bound on its own: SQLite reads a lone min() or max() off the end of the time index,
    // but min() and max() together in one select scan all of it.
    let (first, last): (Option<i64>, Option<i64>) = conn
        .prepare_cached(
            "SELECT (SELECT min(recorded_at_ms) FROM pain_entry), (SELECT max(recorded_at_ms) FROM pain_entry)",
        )?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    let (Some(first), Some(last)) = (first, last) else { return Ok(Vec::new()) };
    // [D] Scan when the range covers more than a third of the time with entries.
    let covered = end.min(last + 1) - start.max(first);
    let sql = if covered * 3 > last + 1 - first { DAILY_PAIN_SCAN_SQL } else { DAILY_PAIN_SQL };
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map(params![start, end], |r| {
        Ok((r.get::<_, i64>(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
    })?;
    let mut days = Vec::new();
    for row in rows {
        let (day, mean, min, max, count) = row?;
        let date = epoch_day(day)?;
        if (from..=to).contains(&date) {
            days.push(DayRow { date, mean, min, max, count });
        }
    }
    Ok(days)
}

/// The earliest local date (at the entry's own offset) of an entry: within the offset margin
/// of the earliest instant.
pub(crate) fn first_day(conn: &Connection) -> Result<Option<NaiveDate>> {
    let day: Option<i64> = conn.query_row(
        "SELECT min((recorded_at_ms / 1000 + utc_offset_min * 60) / 86400) FROM pain_entry
         WHERE recorded_at_ms <= (SELECT min(recorded_at_ms) FROM pain_entry) + ?1",
        [2 * MARGIN_MS],
        |r| r.get(0),
    )?;
    day.map(epoch_day).transpose()
}
