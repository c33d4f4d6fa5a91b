//! The assessment history's rows: `assessment` (answers and result as JSON) and the
//! `measurement`s each one carried.

use rusqlite::{Connection, OptionalExtension, Row, params};
use uuid::Uuid;

use super::columns::{from_json, to_json, value as column};
use crate::assessment::answers::MeasuredBy;
use crate::assessment::history::{MeasuredTest, MeasurementPoint, SavedAssessment, measurements};
use crate::assessment::{Answers, evaluate};
use crate::pain::Side;
use crate::timestamp::{from_millis, to_millis};
use crate::{Error, Result};

const SELECT: &str = "SELECT id, taken_at_ms, utc_offset_min, answers_json, result_json FROM assessment";

/// Writes an assessment and its measurements, unless one with its id is there already (a
/// restore skips it). Returns whether it was written. The one writer of both tables.
pub(crate) fn insert(conn: &Connection, saved: &SavedAssessment) -> Result<bool> {
    let written =
        conn.prepare_cached(
            "INSERT INTO assessment (id, taken_at_ms, utc_offset_min, answers_json, result_json)
             VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (id) DO NOTHING",
        )?
        .execute(params![
            saved.id,
            to_millis(saved.taken_at),
            saved.utc_offset_minutes,
            to_json(&saved.answers)?,
            to_json(&saved.result)?,
        ])? == 1;
    if !written {
        return Ok(false);
    }
    let mut stmt = conn.prepare_cached(
        "INSERT INTO measurement (assessment_id, test, side, value, measured_by, taken_at_ms)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for p in measurements(saved) {
        stmt.execute(params![
            p.assessment_id,
            p.test.as_str(),
            p.side.as_str(),
            p.value,
            p.measured_by.map(|m| m.as_str()),
            to_millis(p.taken_at)
        ])?;
    }
    Ok(true)
}

/// The newest `limit` assessments, newest first.
pub(crate) fn newest(conn: &Connection, limit: i64) -> Result<Vec<SavedAssessment>> {
    let mut stmt = conn.prepare_cached(&format!("{SELECT} ORDER BY taken_at_ms DESC, id DESC LIMIT ?1"))?;
    let rows = stmt.query_map([limit], read_row)?;
    rows.map(|row| decode(row?)).collect()
}

pub(crate) fn get(conn: &Connection, id: Uuid) -> Result<Option<SavedAssessment>> {
    let row =
        conn.prepare_cached(&format!("{SELECT} WHERE id = ?1"))?.query_row([id], read_row).optional()?;
    row.map(decode).transpose()
}

/// Every assessment, oldest first, one at a time.
pub(crate) fn each(conn: &Connection, each: &mut dyn FnMut(SavedAssessment) -> Result<()>) -> Result<()> {
    let mut stmt = conn.prepare(&format!("{SELECT} ORDER BY taken_at_ms, id"))?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        each(decode(read_row(r)?)?)?;
    }
    Ok(())
}

pub(crate) fn count(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT count(*) FROM assessment", [], |r| r.get(0))?)
}

/// When the first assessment was taken, in milliseconds since the Unix epoch.
pub(crate) fn first_taken_ms(conn: &Connection) -> Result<Option<i64>> {
    Ok(conn.query_row("SELECT min(taken_at_ms) FROM assessment", [], |r| r.get(0))?)
}

/// Every assessment's id, time (ms) and `plan_allowed`, in (time, id) order, without parsing
/// the results: our serialiser writes `"plan_allowed":true` at the top level (a quote inside a
/// string is escaped, so the text cannot occur there), which is much cheaper to find than
/// parsing ten years of results. `None` for a result saved before `missing` existed: another
/// shape, to be judged again from its answers (see [`get`]).
pub(crate) fn plan_allowed_flags(conn: &Connection) -> Result<Vec<(Uuid, i64, Option<bool>)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, taken_at_ms, CASE WHEN instr(result_json, '\"missing\":') = 0 THEN NULL
         WHEN instr(result_json, '\"plan_allowed\":true') THEN 1
         WHEN instr(result_json, '\"plan_allowed\":false') THEN 0 END FROM assessment",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    // In table order (one pass, no index lookups), sorted here.
    let mut rows = rows.collect::<rusqlite::Result<Vec<_>>>()?;
    crate::sort::sort_by_key(&mut rows, |(id, ms, _)| (*ms, *id));
    Ok(rows)
}

/// One test's measurements, oldest first (by time, assessment, side), as stored: the change
/// between them is a rule of `assessment::history`.
pub(crate) fn series(conn: &Connection, test: MeasuredTest) -> Result<Vec<MeasurementPoint>> {
    let mut stmt = conn.prepare_cached(
        "SELECT assessment_id, taken_at_ms, side, value, measured_by FROM measurement
         WHERE test = ?1 ORDER BY taken_at_ms, assessment_id, side",
    )?;
    let rows = stmt.query_map([test.as_str()], |r| {
        Ok((
            r.get::<_, Uuid>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, i32>(3)?,
            r.get::<_, Option<String>>(4)?,
        ))
    })?;
    let mut points = Vec::new();
    for row in rows {
        let (assessment_id, taken_at_ms, side, value, measured_by) = row?;
        points.push(MeasurementPoint {
            assessment_id,
            taken_at: from_millis(taken_at_ms)?,
            test,
            side: column(&side, Side::parse)?,
            value,
            measured_by: measured_by.map(|m| column(&m, MeasuredBy::parse)).transpose()?,
            change: None,
            real_change: false,
        });
    }
    Ok(points)
}

/// The SLR, knee-extension and bridge series (indexed by `MeasuredTest as usize`), in the
/// order of [`series`], from one pass over the table (three index walks cost more over ten
/// years).
pub(crate) fn all_series(conn: &Connection) -> Result<[Vec<MeasurementPoint>; 3]> {
    let mut stmt = conn.prepare_cached(
        "SELECT test, assessment_id, taken_at_ms, side, value, measured_by FROM measurement",
    )?;
    let rows = stmt.query_map([], |r| {
        // Read in place (no String per row): ten years are thousands of rows.
        let text = |i| r.get_ref(i).and_then(|v| v.as_str_or_null().map_err(Into::into));
        let point = (|| {
            let test = MeasuredTest::parse("test", text(0)?.unwrap_or_default());
            let side = Side::parse("side", text(3)?.unwrap_or_default());
            let by = text(5)?.map(|m| MeasuredBy::parse("measured_by", m)).transpose();
            Ok::<_, rusqlite::Error>((test, side, by))
        })()?;
        Ok((point, r.get::<_, Uuid>(1)?, r.get::<_, i64>(2)?, r.get::<_, i32>(4)?))
    })?;
    let mut series: [Vec<MeasurementPoint>; 3] = Default::default();
    for row in rows {
        let ((test, side, measured_by), assessment_id, ms, value) = row?;
        let (test, side, measured_by) = match (test, side, measured_by) {
            (Ok(test), Ok(side), Ok(by)) => (test, side, by),
            _ => return Err(Error::Corrupt),
        };
        series[test as usize].push(MeasurementPoint {
            assessment_id,
            taken_at: from_millis(ms)?,
            test,
            side,
            value,
            measured_by,
            change: None,
            real_change: false,
        });
    }
    for points in &mut series {
        crate::sort::sort_by_key(points, |p| (p.taken_at, p.assessment_id, p.side.as_str()));
    }
    Ok(series)
}

type Row5 = (Uuid, i64, i32, String, String);

fn read_row(r: &Row<'_>) -> rusqlite::Result<Row5> {
    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
}

fn decode((id, taken_at_ms, utc_offset_minutes, answers, result): Row5) -> Result<SavedAssessment> {
    let answers: Answers = from_json(&answers)?;
    // The result as Limber said it then; if its shape is from another version, say it again.
    let result = crate::json_path::read(&result).unwrap_or_else(|_| evaluate(&answers));
    Ok(SavedAssessment { id, taken_at: from_millis(taken_at_ms)?, utc_offset_minutes, answers, result })
}
