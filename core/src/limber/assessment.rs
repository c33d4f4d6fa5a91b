//! Submitting and reading assessments.

use chrono::{DateTime, Duration, Utc};

use super::{cached, routine};
use crate::assessment::history::{MeasuredTest, MeasurementPoint, SavedAssessment, mark_changes};
use crate::assessment::{Answers, evaluate};
use crate::ids::{new_id, parse_id};
use crate::store::{Db, assessment};
use crate::timestamp::{check_instant, check_offset};
use crate::validate::in_range;
use crate::{Error, Result};

/// The most assessments one history page holds ([`super::Limber::assessment_history`]).
const MAX_HISTORY_PAGE: i32 = 500;

pub(super) fn submit(
    db: &mut Db,
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
    let previous = cached::latest_assessment(db)?;
    let stopped = routine::stopped_since(db, previous.as_ref())?;
    let date = (saved.taken_at + Duration::minutes(saved.utc_offset_minutes.into())).date_naive();
    db.write(|tx| {
        assessment::insert(tx, &saved)?;
        routine::after_assessment(tx, previous.as_ref(), &saved, stopped, date)
    })?;
    Ok(saved)
}

pub(super) fn history(db: &Db, limit: i32) -> Result<Vec<SavedAssessment>> {
    let limit = in_range("limit", limit, 1, MAX_HISTORY_PAGE)?;
    assessment::newest(db.conn(), limit.into())
}

pub(super) fn get(db: &Db, id: &str) -> Result<SavedAssessment> {
    let id = parse_id("id", id)?;
    assessment::get(db.conn(), id)?.ok_or(Error::NotFound { what: "assessment" })
}

pub(super) fn series(db: &Db, test: MeasuredTest) -> Result<Vec<MeasurementPoint>> {
    let mut points = assessment::series(db.conn(), test)?;
    mark_changes(&mut points);
    Ok(points)
}
