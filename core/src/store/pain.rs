//! Pain log tables and queries.
#![allow(missing_docs)] // TODO(lints): lead fixes after the move

use rusqlite::{Connection, OptionalExtension, Row, Transaction, params};
use uuid::Uuid;

use super::Store;
use crate::ids::{new_id, parse_id};
use crate::pain::{
    BodySite, MAX_PAGE, PainContext, PainEntry, PainInput, PainPage, PainQuery, Side, SitePain,
};
use crate::timestamp::{from_millis, to_millis};
use crate::validate::in_range;
use crate::{Error, Result};

pub(super) const SCHEMA_V1: &str = "
CREATE TABLE pain_entry (
    id BLOB PRIMARY KEY NOT NULL CHECK (length(id) = 16),
    recorded_at_ms INTEGER NOT NULL,
    utc_offset_min INTEGER NOT NULL CHECK (utc_offset_min BETWEEN -840 AND 840),
    level INTEGER NOT NULL CHECK (level BETWEEN 0 AND 10),
    context TEXT NOT NULL,
    note TEXT CHECK (note IS NULL OR length(note) <= 2000)
) WITHOUT ROWID;
CREATE INDEX pain_entry_by_time ON pain_entry (recorded_at_ms, id);
CREATE TABLE pain_site (
    entry_id BLOB NOT NULL REFERENCES pain_entry (id) ON DELETE CASCADE,
    site TEXT NOT NULL,
    side TEXT NOT NULL DEFAULT '',
    level INTEGER NOT NULL CHECK (level BETWEEN 0 AND 10),
    PRIMARY KEY (entry_id, site, side)
) WITHOUT ROWID;
";

const WHAT: &str = "pain entry";

impl Store {
    pub fn add_pain(&mut self, input: PainInput) -> Result<PainEntry> {
        let entry = input.validate()?.into_entry(new_id());
        self.write_records(|tx| {
            insert(tx, &entry)?;
            Ok(())
        })?;
        Ok(entry)
    }

    /// Replaces every field of an entry but its id.
    pub fn update_pain(&mut self, id: &str, input: PainInput) -> Result<PainEntry> {
        let id = parse_id("id", id)?;
        let entry = input.validate()?.into_entry(id);
        self.write_records(|tx| {
            let changed = tx.execute(
                "UPDATE pain_entry SET recorded_at_ms = ?2, utc_offset_min = ?3, level = ?4,
                 context = ?5, note = ?6 WHERE id = ?1",
                params![
                    entry.id,
                    to_millis(entry.recorded_at),
                    entry.utc_offset_minutes,
                    entry.level,
                    entry.context.as_str(),
                    entry.note
                ],
            )?;
            if changed == 0 {
                return Err(Error::NotFound { what: WHAT });
            }
            tx.execute("DELETE FROM pain_site WHERE entry_id = ?1", [entry.id])?;
            insert_sites(tx, &entry)
        })?;
        Ok(entry)
    }

    pub fn delete_pain(&mut self, id: &str) -> Result<()> {
        let id = parse_id("id", id)?;
        self.write_records(|tx| match tx.execute("DELETE FROM pain_entry WHERE id = ?1", [id])? {
            0 => Err(Error::NotFound { what: WHAT }),
            _ => Ok(()),
        })
    }

    pub fn get_pain(&self, id: &str) -> Result<PainEntry> {
        let id = parse_id("id", id)?;
        let conn = self.conn();
        let entry = conn
            .prepare_cached(&format!("{SELECT} WHERE id = ?1"))?
            .query_row([id], read_entry)
            .optional()?
            .ok_or(Error::NotFound { what: WHAT })?;
        with_sites(conn, entry)
    }

    /// The mean overall level of the entries in `[from, to)`, if there are any.
    pub fn mean_pain(
        &self,
        from: chrono::DateTime<chrono::Utc>,
        to: chrono::DateTime<chrono::Utc>,
    ) -> Result<Option<f64>> {
        Ok(self
            .conn()
            .prepare_cached(
                "SELECT avg(level) FROM pain_entry WHERE recorded_at_ms >= ?1 AND recorded_at_ms < ?2",
            )?
            .query_row(params![to_millis(from), to_millis(to)], |r| r.get(0))?)
    }

    /// Entries in `[from, to)`, newest first, `limit` at a time.
    pub fn list_pain(&self, query: &PainQuery) -> Result<PainPage> {
        let limit = in_range("limit", query.limit, 1, MAX_PAGE)?;
        let (before_ms, before_id) = match &query.cursor {
            Some(cursor) => parse_cursor(cursor)?,
            None => (i64::MAX, Uuid::max()),
        };
        let from = query.from.map_or(i64::MIN, to_millis);
        let to = query.to.map_or(i64::MAX, to_millis);
        let conn = self.conn();
        let mut stmt = conn.prepare_cached(&format!(
            "{SELECT} WHERE recorded_at_ms >= ?1 AND recorded_at_ms < ?2
             AND (recorded_at_ms, id) < (?3, ?4)
             ORDER BY recorded_at_ms DESC, id DESC LIMIT ?5"
        ))?;
        let rows = stmt.query_map(params![from, to, before_ms, before_id, limit + 1], read_entry)?;
        let mut entries = Vec::with_capacity(limit as usize + 1);
        for row in rows {
            entries.push(with_sites(conn, row?)?);
        }
        let next_cursor = if entries.len() > limit as usize {
            entries.truncate(limit as usize);
            entries.last().map(cursor_of)
        } else {
            None
        };
        Ok(PainPage { entries, next_cursor })
    }
}

const SELECT: &str = "SELECT id, recorded_at_ms, utc_offset_min, level, context, note FROM pain_entry";

pub(super) fn insert(tx: &Transaction<'_>, entry: &PainEntry) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO pain_entry (id, recorded_at_ms, utc_offset_min, level, context, note)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        entry.id,
        to_millis(entry.recorded_at),
        entry.utc_offset_minutes,
        entry.level,
        entry.context.as_str(),
        entry.note
    ])?;
    insert_sites(tx, entry)
}

fn insert_sites(tx: &Transaction<'_>, entry: &PainEntry) -> Result<()> {
    let mut stmt =
        tx.prepare_cached("INSERT INTO pain_site (entry_id, site, side, level) VALUES (?1, ?2, ?3, ?4)")?;
    for site in &entry.sites {
        stmt.execute(params![entry.id, site.site.as_str(), site.side.map_or("", Side::as_str), site.level])?;
    }
    Ok(())
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

fn with_sites(conn: &Connection, row: EntryRow) -> Result<PainEntry> {
    let mut stmt = conn.prepare_cached("SELECT site, side, level FROM pain_site WHERE entry_id = ?1")?;
    let mut sites = stmt
        .query_map([row.id], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, i32>(2)?)))?
        .map(|r| {
            let (site, side, level) = r?;
            Ok(SitePain {
                site: BodySite::parse("site", &site).map_err(|_| Error::Corrupt)?,
                side: match side.as_str() {
                    "" => None,
                    s => Some(Side::parse("side", s).map_err(|_| Error::Corrupt)?),
                },
                level,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    sites.sort_by_key(|s| (s.site, s.side));
    Ok(PainEntry {
        id: row.id,
        recorded_at: from_millis(row.recorded_at_ms)?,
        utc_offset_minutes: row.utc_offset_minutes,
        level: row.level,
        sites,
        context: PainContext::parse("context", &row.context).map_err(|_| Error::Corrupt)?,
        note: row.note,
    })
}

fn cursor_of(entry: &PainEntry) -> String {
    format!("{}_{}", to_millis(entry.recorded_at), entry.id.simple())
}

fn parse_cursor(cursor: &str) -> Result<(i64, Uuid)> {
    let bad = || Error::invalid("cursor", "a next_cursor value returned by the previous page");
    let (ms, id) = cursor.split_once('_').ok_or_else(bad)?;
    Ok((ms.parse().map_err(|_| bad())?, Uuid::try_parse(id).map_err(|_| bad())?))
}
