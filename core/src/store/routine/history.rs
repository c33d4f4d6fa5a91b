//! What the progression rules need from the routine tables, loaded as plain data: morning
//! pains, a track's sessions at its dose, and the facts behind the cards. Loading only; the
//! rules in `routine::progression::rules` and `routine::cards` decide.

use chrono::{DateTime, Days, NaiveDate, Utc};
use rusqlite::{Transaction, params};

use super::tracks::parse_date;
use crate::assessment::history::SavedAssessment;
use crate::routine::cards::{ProgressFacts, pain_improved};
use crate::routine::dose::Track;
use crate::routine::progression::Light;
use crate::routine::progression::rules::{self, MorningPain, SessionRecord, morning_creeping_two_weeks};
use crate::store::morning::MORNING_CHECKS;
use crate::timestamp::{from_millis, to_millis};
use crate::{Error, Result};

/// Days of morning pains the rules look back over: the last week, the week before, and the
/// same a week earlier for "creeping for two weeks".
const MORNING_LOOKBACK_DAYS: u64 = 21;

/// [D] Before any morning is recorded, the usual is the lowest pain reported before yesterday's
/// sessions.
pub(super) fn first_pain_before(tx: &Transaction<'_>, yesterday: NaiveDate) -> Result<Option<f64>> {
    let before: Option<i32> = tx.query_row(
        "SELECT min(pain_before) FROM checkin WHERE local_date = ?1",
        [yesterday.to_string()],
        |r| r.get(0),
    )?;
    Ok(before.map(f64::from))
}

/// The morning pains the rules need before `date`: the baseline week (the first 7 days from the
/// first morning recorded) and the last 21 days. Loading only; the rules decide.
pub(super) fn morning_pains(conn: &rusqlite::Connection, date: NaiveDate) -> Result<Vec<MorningPain>> {
    let first: Option<String> =
        conn.query_row("SELECT min(local_date) FROM morning_check", [], |r| r.get(0))?;
    let Some(first) = first.as_deref().map(parse_date).transpose()? else { return Ok(Vec::new()) };
    let baseline_end = first.checked_add_days(Days::new(rules::WEEK_DAYS)).unwrap_or(first);
    let recent = date.checked_sub_days(Days::new(MORNING_LOOKBACK_DAYS)).unwrap_or(first);
    // The level comes from the check's pain entry (the one copy): an edited entry counts as edited.
    let mut stmt = conn.prepare_cached(&format!(
        "{MORNING_CHECKS} WHERE m.local_date < ?3 AND (m.local_date < ?1 OR m.local_date >= ?2)
         ORDER BY m.local_date"
    ))?;
    let rows = stmt
        .query_map(params![baseline_end.to_string(), recent.to_string(), date.to_string()], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, i32>(2)?))
        })?;
    rows.map(|row| {
        let (d, p) = row?;
        Ok((parse_date(&d)?, p))
    })
    .collect()
}

/// A track's sessions since its dose last changed (a step up, down or restart), oldest first.
pub(super) fn sessions_at_dose(tx: &Transaction<'_>, track: Track) -> Result<Vec<SessionRecord>> {
    let mut stmt = tx.prepare_cached(
        "SELECT c.local_date, e.light, c.pain_before, c.pain_after
         FROM checkin_exercise e JOIN checkin c ON c.id = e.checkin_id
         WHERE e.track = ?1 AND e.light IS NOT NULL AND c.at_ms > coalesce(
             (SELECT max(at_ms) FROM dose_change WHERE track = ?1 AND decision IN ('progress', 'regress')),
             -9223372036854775807)
         ORDER BY c.at_ms, c.session",
    )?;
    let rows = stmt.query_map([track.key()], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, Option<i32>>(2)?,
            r.get::<_, Option<i32>>(3)?,
        ))
    })?;
    rows.map(|row| {
        let (date, l, pain_before, pain_after) = row?;
        Ok(SessionRecord {
            date: parse_date(&date)?,
            light: Light::parse("light", &l).map_err(|_| Error::Corrupt)?,
            pain_before,
            pain_after,
        })
    })
    .collect()
}

/// Loads what the cards need and reads it through the rules.
pub(super) fn progress_facts(
    conn: &rusqlite::Connection,
    saved: &SavedAssessment,
    mornings: &[MorningPain],
    now: DateTime<Utc>,
    date: NaiveDate,
    retest_due: bool,
) -> Result<ProgressFacts> {
    let two_reds_in_a_row = conn
        .prepare_cached("SELECT 1 FROM track_state WHERE reds_in_row >= ?1")?
        .exists([crate::routine::progression::REDS_FOR_PHYSIO])?;
    // The no-improvement clock runs from the first check-in after the latest assessment, so a
    // new assessment ends the freeze (CLINICAL.md §8).
    let first_ms: Option<i64> = conn
        .prepare_cached("SELECT min(at_ms) FROM checkin WHERE at_ms >= ?1")?
        .query_row([to_millis(saved.taken_at)], |r| r.get(0))?;
    let first = first_ms.map(from_millis).transpose()?;
    let week = chrono::Duration::days(7);
    let mean = |from: DateTime<Utc>, to: DateTime<Utc>| -> Result<Option<f64>> {
        Ok(conn
            .prepare_cached(
                "SELECT avg(level) FROM pain_entry WHERE recorded_at_ms >= ?1 AND recorded_at_ms < ?2",
            )?
            .query_row(params![to_millis(from), to_millis(to)], |r| r.get(0))?)
    };
    let improved = match first {
        Some(f) => pain_improved(mean(f, f + week)?, mean(now - week, now)?),
        None => true,
    };
    Ok(ProgressFacts {
        two_reds_in_a_row,
        morning_creeping_two_weeks: morning_creeping_two_weeks(mornings, date),
        days_on_routine: first.map(|f| (now - f).num_days()),
        pain_improved: improved,
        retest_due,
    })
}
