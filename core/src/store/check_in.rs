//! The check-ins' rows: `checkin` (one per session and local date) and the
//! `checkin_exercise`s it recorded, with the traffic light each got.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{CachedStatement, Connection, Row, params};
use uuid::Uuid;

use super::columns::{DateText, date, date_text, text, value};
use crate::catalog::ExerciseId;
use crate::routine::checkin::{ExerciseCheckIn, SkipReason};
use crate::routine::dose::Track;
use crate::routine::progression::Light;
use crate::routine::progression::rules::SessionRecord;
use crate::timestamp::{from_millis, to_millis};
use crate::{Error, Result};

/// A check-in as stored.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CheckInRow {
    pub id: Uuid,
    pub local_date: NaiveDate,
    /// Which session of the day, 1-based.
    pub session: i32,
    pub at: DateTime<Utc>,
    pub utc_offset_minutes: i32,
    pub pain_before: Option<i32>,
    pub pain_after: Option<i32>,
    pub note: Option<String>,
    pub exercises: Vec<ExerciseRow>,
}

/// One exercise of a check-in as stored: what was reported and the light it got (done
/// exercises, and one skipped as too painful).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ExerciseRow {
    pub reported: ExerciseCheckIn,
    pub light: Option<Light>,
}

/// What [`insert`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Inserted {
    Written,
    /// A check-in with this id is there already.
    SameId,
    /// Another check-in holds this session on this date (another phone, say).
    SessionTaken,
}

/// The one writer of `checkin` and `checkin_exercise`: its statements prepared once, for one
/// check-in (live use) or every check-in of a restore.
pub(crate) struct Writer<'c> {
    check_in: CachedStatement<'c>,
    exercise: CachedStatement<'c>,
    same_id: CachedStatement<'c>,
}

impl<'c> Writer<'c> {
    pub(crate) fn new(conn: &'c Connection) -> Result<Writer<'c>> {
        Ok(Writer {
            check_in: conn.prepare_cached(
                "INSERT INTO checkin (id, local_date, session, at_ms, utc_offset_min, pain_before, pain_after,
                 symptoms_spread, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT DO NOTHING",
            )?,
            exercise: conn.prepare_cached(
                "INSERT INTO checkin_exercise (checkin_id, exercise, track, done, skip_reason, hold_seconds,
                 reps, sets, pain_during, symptoms_spread, light) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            )?,
            same_id: conn.prepare_cached("SELECT 1 FROM checkin WHERE id = ?1")?,
        })
    }

    /// Writes a check-in with its exercises unless its id or its (date, session) is there
    /// already. Symptoms spread on the check-in when they spread in any exercise.
    pub(crate) fn insert(&mut self, row: &CheckInRow) -> Result<Inserted> {
        let spread = row.exercises.iter().any(|e| e.reported.symptoms_spread);
        let written = self.check_in.execute(params![
            row.id,
            date_text(row.local_date),
            row.session,
            to_millis(row.at),
            row.utc_offset_minutes,
            row.pain_before,
            row.pain_after,
            spread,
            row.note
        ])? == 1;
        if !written {
            return Ok(if self.same_id.exists([row.id])? {
                Inserted::SameId
            } else {
                Inserted::SessionTaken
            });
        }
        for ExerciseRow { reported: e, light } in &row.exercises {
            self.exercise.execute(params![
                row.id,
                e.exercise.as_str(),
                Track::of(e.exercise).key(),
                e.done,
                e.skip_reason.map(|r| r.as_str()),
                e.hold_seconds,
                e.reps,
                e.sets,
                e.pain_during,
                e.symptoms_spread,
                light.map(Light::as_str)
            ])?;
        }
        Ok(Inserted::Written)
    }
}

/// [`Writer::insert`] for one check-in.
pub(crate) fn insert(conn: &Connection, row: &CheckInRow) -> Result<Inserted> {
    Writer::new(conn)?.insert(row)
}

/// The sessions checked in on a local date, with their check-in ids, by session.
pub(crate) fn sessions_on(conn: &Connection, on: NaiveDate) -> Result<Vec<(i32, Uuid)>> {
    let mut stmt =
        conn.prepare_cached("SELECT session, id FROM checkin WHERE local_date = ?1 ORDER BY session")?;
    let rows = stmt.query_map([date_text(on)], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The (local date, session) pairs checked in within `from..=to` (either end open).
pub(crate) fn sessions_between(
    conn: &Connection,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Result<BTreeSet<(NaiveDate, i32)>> {
    let from = from.map_or_else(|| DateText::Other(String::new()), date_text);
    let to = to.map_or_else(|| DateText::Other("9".to_owned()), date_text);
    let mut stmt =
        conn.prepare_cached("SELECT local_date, session FROM checkin WHERE local_date BETWEEN ?1 AND ?2")?;
    // Read in place (no String per row): ten years are thousands of rows. They come in index
    // order, (date, session), so a day's date is read once and the set is built in one go.
    let mut rows = stmt.query([from, to])?;
    let mut sessions = Vec::new();
    let mut day: Option<([u8; 10], NaiveDate)> = None;
    while let Some(r) = rows.next()? {
        let spelled = text(r, 0)?;
        let on = match day {
            Some((last, on)) if last == spelled.as_bytes() => on,
            _ => {
                let on = date(spelled)?;
                day = spelled.as_bytes().try_into().ok().map(|b| (b, on));
                on
            }
        };
        sessions.push((on, r.get(1)?));
    }
    Ok(sessions.into_iter().collect())
}

/// The check-ins at or after a moment (the latest assessment), in one read: the first, and
/// whether any reported symptoms spreading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Since {
    /// When the first one was made.
    pub first: Option<DateTime<Utc>>,
    /// Whether any reported symptoms spreading (CLINICAL.md §8: the plan stops).
    pub spread: bool,
}

/// [`Since`] the moment `since`, in two index seeks whatever the number of check-ins: the first
/// through `checkin_by_time`, any spread through the partial index `checkin_spread_by_time`
/// (schema step 8; one row read when a spread is found).
pub(crate) fn since(conn: &Connection, since: DateTime<Utc>) -> Result<Since> {
    let (first, spread): (Option<i64>, bool) =
        conn.prepare_cached(SINCE)?.query_row([to_millis(since)], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(Since { first: first.map(from_millis).transpose()?, spread })
}

/// The query behind [`since`], apart so that a test can hold its plan to the two indexes.
pub(crate) const SINCE: &str = "SELECT (SELECT min(at_ms) FROM checkin WHERE at_ms >= ?1),
    EXISTS (SELECT 1 FROM checkin WHERE symptoms_spread AND at_ms >= ?1)";

/// When each check-in that reported symptoms spreading was made (ms), in no promised order.
pub(crate) fn spread_times_ms(conn: &Connection) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached("SELECT at_ms FROM checkin WHERE symptoms_spread")?;
    let rows = stmt.query_map([], |r| r.get::<_, i64>(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The first local date with a check-in.
pub(crate) fn first_date(conn: &Connection) -> Result<Option<NaiveDate>> {
    let first: Option<String> = conn.query_row("SELECT min(local_date) FROM checkin", [], |r| r.get(0))?;
    first.as_deref().map(date).transpose()
}

/// The lowest pain before a session (0-10) on a local date.
pub(crate) fn lowest_pain_before(conn: &Connection, on: NaiveDate) -> Result<Option<i32>> {
    Ok(conn
        .prepare_cached("SELECT min(pain_before) FROM checkin WHERE local_date = ?1")?
        .query_row([date_text(on)], |r| r.get(0))?)
}

/// The lights each track got on a local date.
pub(crate) fn lights_on(conn: &Connection, on: NaiveDate) -> Result<BTreeMap<Track, Vec<Light>>> {
    let mut stmt = conn.prepare_cached(
        "SELECT e.track, e.light FROM checkin_exercise e JOIN checkin c ON c.id = e.checkin_id
         WHERE c.local_date = ?1 AND e.light IS NOT NULL",
    )?;
    let mut rows = stmt.query([date_text(on)])?;
    let mut map: BTreeMap<Track, Vec<Light>> = BTreeMap::new();
    while let Some(r) = rows.next()? {
        map.entry(Track::parse(text(r, 0)?).ok_or(Error::Corrupt)?)
            .or_default()
            .push(value(text(r, 1)?, Light::parse)?);
    }
    Ok(map)
}

/// A track's sessions with a light since its dose last stepped up or down (`dose_change`),
/// oldest first.
pub(crate) fn sessions_at_dose(conn: &Connection, track: Track) -> Result<Vec<SessionRecord>> {
    let mut stmt = conn.prepare_cached(
        "SELECT c.local_date, e.light, c.pain_before, c.pain_after
         FROM checkin_exercise e JOIN checkin c ON c.id = e.checkin_id
         WHERE e.track = ?1 AND e.light IS NOT NULL AND c.at_ms > coalesce(
             (SELECT max(at_ms) FROM dose_change WHERE track = ?1 AND decision IN ('progress', 'regress')),
             -9223372036854775807)
         ORDER BY c.at_ms, c.session",
    )?;
    let mut rows = stmt.query([track.key()])?;
    let mut sessions = Vec::new();
    while let Some(r) = rows.next()? {
        sessions.push(SessionRecord {
            date: date(text(r, 0)?)?,
            light: value(text(r, 1)?, Light::parse)?,
            pain_before: r.get(2)?,
            pain_after: r.get(3)?,
        });
    }
    Ok(sessions)
}

/// Every check-in with its exercises (by key prefix, in exercise order), oldest first, one at
/// a time.
pub(crate) fn each(conn: &Connection, each: &mut dyn FnMut(CheckInRow) -> Result<()>) -> Result<()> {
    // WITHOUT ROWID: rows come back in primary key order, which is all a set of rows has.
    let mut exercises = conn.prepare(
        "SELECT exercise, done, skip_reason, hold_seconds, reps, sets, pain_during, symptoms_spread, light
         FROM checkin_exercise WHERE checkin_id = ?1 ORDER BY exercise",
    )?;
    let mut stmt = conn.prepare(
        "SELECT id, local_date, session, at_ms, utc_offset_min, pain_before, pain_after, note FROM checkin
         ORDER BY at_ms, id",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let id: Uuid = r.get(0)?;
        let mut done = Vec::new();
        let mut exercise_rows = exercises.query([id])?;
        while let Some(e) = exercise_rows.next()? {
            done.push(exercise(e)?);
        }
        each(CheckInRow {
            id,
            local_date: date(text(r, 1)?)?,
            session: r.get(2)?,
            at: from_millis(r.get(3)?)?,
            utc_offset_minutes: r.get(4)?,
            pain_before: r.get(5)?,
            pain_after: r.get(6)?,
            note: r.get(7)?,
            exercises: done,
        })?;
    }
    Ok(())
}

pub(crate) fn count(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT count(*) FROM checkin", [], |r| r.get(0))?)
}

fn exercise(e: &Row<'_>) -> Result<ExerciseRow> {
    let optional = |i: usize| -> Result<Option<String>> { Ok(e.get(i)?) };
    Ok(ExerciseRow {
        reported: ExerciseCheckIn {
            exercise: value(text(e, 0)?, ExerciseId::parse)?,
            done: e.get(1)?,
            skip_reason: optional(2)?.map(|s| value(&s, SkipReason::parse)).transpose()?,
            hold_seconds: e.get(3)?,
            reps: e.get(4)?,
            sets: e.get(5)?,
            pain_during: e.get(6)?,
            symptoms_spread: e.get(7)?,
        },
        light: optional(8)?.map(|l| value(&l, Light::parse)).transpose()?,
    })
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::store::Db;

    fn store() -> (tempfile::TempDir, Db) {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(&dir.path().join("limber.db")).unwrap();
        (dir, db)
    }

    fn add(db: &Db, day: u32, at_ms: i64, spread: bool) {
        db.conn()
            .execute(
                "INSERT INTO checkin VALUES (?1, ?2, 1, ?3, 0, 3, 2, ?4, NULL)",
                params![Uuid::now_v7(), format!("2026-01-{day:02}"), at_ms, spread],
            )
            .unwrap();
    }

    #[test]
    fn since_finds_the_first_check_in_and_a_spread_at_or_after_the_moment_only() {
        let (_dir, db) = store();
        let t = Utc.with_ymd_and_hms(2026, 1, 10, 8, 0, 0).unwrap();
        let ms = to_millis(t);
        assert_eq!(since(db.conn(), t).unwrap(), Since { first: None, spread: false });
        add(&db, 9, ms - 1, true); // before the assessment: does not count
        add(&db, 11, ms + 5_000, false);
        assert_eq!(
            since(db.conn(), t).unwrap(),
            Since { first: Some(from_millis(ms + 5_000).unwrap()), spread: false }
        );
        add(&db, 10, ms, true); // at the very moment: counts, and is the first
        assert_eq!(since(db.conn(), t).unwrap(), Since { first: Some(t), spread: true });
    }

    #[test]
    fn since_seeks_through_indexes_and_never_scans_the_check_ins() {
        let (_dir, db) = store();
        let plan: Vec<String> = db
            .conn()
            .prepare(&format!("EXPLAIN QUERY PLAN {SINCE}"))
            .unwrap()
            .query_map([0_i64], |r| r.get::<_, String>(3))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        let text = plan.join("\n");
        assert!(!text.contains("SCAN checkin"), "{text}");
        assert!(text.contains("INDEX checkin_by_time"), "{text}");
        assert!(text.contains("INDEX checkin_spread_by_time"), "{text}");
    }
}
