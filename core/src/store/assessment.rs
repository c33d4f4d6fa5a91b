//! Assessment history: every submitted assessment with its answers and result, and the
//! measurements it carried, for progress.
#![allow(missing_docs)] // TODO(lints): lead fixes after the move

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, Row, Transaction, params};
use uuid::Uuid;

use super::Store;
use crate::assessment::history::{
    MeasuredTest, MeasurementPoint, SavedAssessment, mark_changes, measurements,
};
use crate::assessment::{Answers, evaluate};
use crate::ids::new_id;
use crate::pain::Side;
use crate::timestamp::{check_instant, check_offset, from_millis, to_millis};
use crate::validate::in_range;
use crate::{Error, Result};

pub(super) const SCHEMA_V2: &str = "
CREATE TABLE assessment (
    id BLOB PRIMARY KEY NOT NULL CHECK (length(id) = 16),
    taken_at_ms INTEGER NOT NULL,
    utc_offset_min INTEGER NOT NULL CHECK (utc_offset_min BETWEEN -840 AND 840),
    answers_json TEXT NOT NULL,
    result_json TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX assessment_by_time ON assessment (taken_at_ms, id);
CREATE TABLE measurement (
    assessment_id BLOB NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    test TEXT NOT NULL,
    side TEXT NOT NULL,
    value INTEGER NOT NULL,
    measured_by TEXT,
    taken_at_ms INTEGER NOT NULL,
    PRIMARY KEY (assessment_id, test, side)
) WITHOUT ROWID;
CREATE INDEX measurement_by_test ON measurement (test, taken_at_ms);
";

pub const MAX_HISTORY_PAGE: i32 = 500;

impl Store {
    /// Validates and evaluates the answers, then saves both with the moment they were taken.
    pub fn submit_assessment(
        &mut self,
        answers: Answers,
        taken_at: DateTime<Utc>,
        utc_offset_minutes: i32,
    ) -> Result<SavedAssessment> {
        let answers = answers.validate()?;
        let saved = SavedAssessment {
            id: new_id(),
            taken_at: check_instant("taken_at", taken_at)?,
            utc_offset_minutes: check_offset("utc_offset_minutes", utc_offset_minutes)?,
            result: evaluate(&answers),
            answers,
        };
        // A new assessment may restart the doses, or end a stop one step lower (CLINICAL.md §8).
        let previous = self.latest_assessment()?;
        let stopped = self.stopped_since(previous.as_ref())?;
        let date = (saved.taken_at + chrono::Duration::minutes(saved.utc_offset_minutes.into())).date_naive();
        self.write(|tx| {
            insert(tx, &saved)?;
            Store::after_assessment(tx, previous.as_ref(), &saved, stopped, date)
        })?;
        Ok(saved)
    }

    /// The assessment that drives the routine: the most recent one.
    pub fn latest_assessment(&self) -> Result<Option<SavedAssessment>> {
        self.cache.get(self.conn(), |c| &mut c.latest, || Ok(self.assessment_history(1)?.pop()))
    }

    /// Saved assessments, newest first.
    pub fn assessment_history(&self, limit: i32) -> Result<Vec<SavedAssessment>> {
        let limit = in_range("limit", limit, 1, MAX_HISTORY_PAGE)?;
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, taken_at_ms, utc_offset_min, answers_json, result_json FROM assessment
             ORDER BY taken_at_ms DESC, id DESC LIMIT ?1",
        )?;
        let rows = stmt.query_map([limit], read_row)?;
        rows.map(|row| decode(row?)).collect()
    }

    /// Every saved assessment, oldest first (for the backup).
    /// Every assessment, oldest first, one at a time.
    pub(super) fn each_assessment_oldest_first(
        &self,
        each: &mut dyn FnMut(SavedAssessment) -> Result<()>,
    ) -> Result<()> {
        let mut stmt = self.conn().prepare(
            "SELECT id, taken_at_ms, utc_offset_min, answers_json, result_json FROM assessment
             ORDER BY taken_at_ms, id",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            each(decode(read_row(r)?)?)?;
        }
        Ok(())
    }

    pub fn get_assessment(&self, id: &str) -> Result<SavedAssessment> {
        let id = crate::ids::parse_id("id", id)?;
        let row = self
            .conn()
            .prepare_cached(
                "SELECT id, taken_at_ms, utc_offset_min, answers_json, result_json FROM assessment WHERE id = ?1",
            )?
            .query_row([id], read_row)
            .optional()?
            .ok_or(Error::NotFound { what: "assessment" })?;
        decode(row)
    }

    /// One test's measurements over time, oldest first, each with its change since the previous
    /// measurement of the same side and whether that change is real.
    pub fn measurement_series(&self, test: MeasuredTest) -> Result<Vec<MeasurementPoint>> {
        let mut stmt = self.conn().prepare_cached(
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
                side: Side::parse("side", &side).map_err(|_| Error::Corrupt)?,
                value,
                measured_by: measured_by
                    .map(|m| crate::assessment::answers::MeasuredBy::parse("measured_by", &m))
                    .transpose()
                    .map_err(|_| Error::Corrupt)?,
                change: None,
                real_change: false,
            });
        }
        mark_changes(&mut points);
        Ok(points)
    }
}

pub(super) fn insert(tx: &Transaction<'_>, saved: &SavedAssessment) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO assessment (id, taken_at_ms, utc_offset_min, answers_json, result_json)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![
        saved.id,
        to_millis(saved.taken_at),
        saved.utc_offset_minutes,
        serde_json::to_string(&saved.answers).map_err(json_bug)?,
        serde_json::to_string(&saved.result).map_err(json_bug)?,
    ])?;
    let mut stmt = tx.prepare_cached(
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
    Ok(())
}

type Row5 = (Uuid, i64, i32, String, String);

fn read_row(r: &Row<'_>) -> rusqlite::Result<Row5> {
    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
}

fn decode((id, taken_at_ms, utc_offset_minutes, answers, result): Row5) -> Result<SavedAssessment> {
    let answers: Answers = serde_json::from_str(&answers).map_err(|_| Error::Corrupt)?;
    // The result as Limber said it then; if its shape is from another version, say it again.
    let result = serde_json::from_str(&result).unwrap_or_else(|_| evaluate(&answers));
    Ok(SavedAssessment { id, taken_at: from_millis(taken_at_ms)?, utc_offset_minutes, answers, result })
}

/// Serialising our own types cannot fail; if it ever does, it is a bug, not bad input.
fn json_bug(_: serde_json::Error) -> Error {
    Error::Internal("encoding an assessment as JSON")
}
