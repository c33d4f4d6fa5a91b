//! The `dose_change` rows: every decision about a track's dose, with its reason, as shown to
//! the person then.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{CachedStatement, Connection, OptionalExtension, params};
use uuid::Uuid;

use super::columns::{date, date_text, from_json, text, to_json, value};
use crate::routine::dose::{Step, Track};
use crate::routine::progression::Decision;
use crate::timestamp::{from_millis, to_millis};
use crate::{Error, Result};

/// A dose change as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DoseChangeRow {
    pub id: Uuid,
    pub at: DateTime<Utc>,
    pub local_date: NaiveDate,
    pub track: Track,
    pub decision: Decision,
    pub from: Step,
    pub to: Step,
    pub reason: String,
}

/// The one writer of `dose_change`: its statement prepared once, for one change (live use) or
/// every change of a restore.
pub(crate) struct Writer<'c> {
    insert: CachedStatement<'c>,
    /// Steps already encoded: a history of thousands of changes moves between a few dozen.
    encoded: Vec<(Step, String)>,
}

/// How many encoded steps a writer keeps (more than any track has).
const ENCODED_STEPS: usize = 64;

impl<'c> Writer<'c> {
    pub(crate) fn new(conn: &'c Connection) -> Result<Writer<'c>> {
        Ok(Writer {
            insert: conn.prepare_cached(
                "INSERT INTO dose_change (id, at_ms, local_date, track, decision, from_step, to_step, reason)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (id) DO NOTHING",
            )?,
            encoded: Vec::new(),
        })
    }

    /// Writes a dose change unless one with its id is there already (a restore skips it).
    /// Returns whether it was written.
    pub(crate) fn insert(&mut self, row: &DoseChangeRow) -> Result<bool> {
        if self.encoded.len() + 2 > ENCODED_STEPS {
            self.encoded.clear();
        }
        let from = self.encode(&row.from)?;
        let to = self.encode(&row.to)?;
        let (from, to) = (&self.encoded[from].1, &self.encoded[to].1);
        Ok(self.insert.execute(params![
            row.id,
            to_millis(row.at),
            date_text(row.local_date),
            row.track.key(),
            row.decision.as_str(),
            from,
            to,
            row.reason
        ])? == 1)
    }

    /// Where `step`'s JSON is in `encoded`, encoding it the first time.
    fn encode(&mut self, step: &Step) -> Result<usize> {
        if let Some(at) = self.encoded.iter().position(|(s, _)| s == step) {
            return Ok(at);
        }
        self.encoded.push((step.clone(), to_json(step)?));
        Ok(self.encoded.len() - 1)
    }
}

/// [`Writer::insert`] for one change.
pub(crate) fn insert(conn: &Connection, row: &DoseChangeRow) -> Result<bool> {
    Writer::new(conn)?.insert(row)
}

/// A track's latest decision, its reason and local date: one index seek.
pub(crate) fn latest(conn: &Connection, track: Track) -> Result<Option<(Decision, String, NaiveDate)>> {
    let row = conn
        .prepare_cached(
            "SELECT decision, reason, local_date FROM dose_change WHERE track = ?1
             ORDER BY at_ms DESC, id DESC LIMIT 1",
        )?
        .query_row([track.key()], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?))
        })
        .optional()?;
    row.map(|(decision, reason, on)| Ok((value(&decision, Decision::parse)?, reason, date(&on)?))).transpose()
}

/// Stored decisions, oldest or newest first, at most `limit` (-1: all), one at a time.
pub(crate) fn each(
    conn: &Connection,
    newest_first: bool,
    limit: i64,
    each: &mut dyn FnMut(DoseChangeRow) -> Result<()>,
) -> Result<()> {
    let sql = if newest_first {
        "SELECT id, at_ms, local_date, track, decision, from_step, to_step, reason FROM dose_change
         ORDER BY at_ms DESC, id DESC LIMIT ?1"
    } else {
        "SELECT id, at_ms, local_date, track, decision, from_step, to_step, reason FROM dose_change
         ORDER BY at_ms, id LIMIT ?1"
    };
    let mut stmt = conn.prepare_cached(sql)?;
    let mut rows = stmt.query([limit])?;
    while let Some(r) = rows.next()? {
        each(DoseChangeRow {
            id: r.get(0)?,
            at: from_millis(r.get(1)?)?,
            local_date: date(text(r, 2)?)?,
            track: Track::parse(text(r, 3)?).ok_or(Error::Corrupt)?,
            decision: value(text(r, 4)?, Decision::parse)?,
            from: from_json(text(r, 5)?)?,
            to: from_json(text(r, 6)?)?,
            reason: r.get(7)?,
        })?;
    }
    Ok(())
}

pub(crate) fn count(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT count(*) FROM dose_change", [], |r| r.get(0))?)
}
