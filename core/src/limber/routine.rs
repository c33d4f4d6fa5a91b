//! The routine's use cases: settings, the plan's status, a check-in and the next-morning
//! check with the dose changes they decide, and the doses restarted after an assessment. The
//! decisions are the pure rules of `crate::routine`; this file loads their facts and saves
//! what they decide.

use std::collections::BTreeMap;

use chrono::{DateTime, Days, NaiveDate, Utc};
use rusqlite::Connection;

use super::cached;
use crate::assessment::history::SavedAssessment;
use crate::catalog::Equipment;
use crate::ids::new_id;
use crate::pain::{PainContext, PainInput};
use crate::routine::cards::{ProgressFacts, pain_improved, progress_cards};
use crate::routine::checkin::{
    CheckInInput, CheckInOutcome, MorningOutcome, STOP_AND_RETRIAGE, exercise_light, morning_date,
    worst_by_track,
};
use crate::routine::dose::Track;
use crate::routine::plan::{CardId, DoseChangeNote, effective_step, profile, start_step};
use crate::routine::progression::next_morning::{self, Morning};
use crate::routine::progression::resets::{RESUME_AFTER_STOP, restart_reason, step_after_assessment};
use crate::routine::progression::rules::{
    self, MorningPain, morning_creeping_two_weeks, usual_morning, worse_than_usual,
};
use crate::routine::progression::{DoseChange, REDS_FOR_PHYSIO, TrackState};
use crate::routine::settings::RoutineSettings;
use crate::routine::status::{PlanStatus, plan_status as status_of};
use crate::store::check_in::{CheckInRow, ExerciseRow, Inserted};
use crate::store::dose_change::DoseChangeRow;
use crate::store::track_state::Standing;
use crate::store::{Db, check_in, dose_change, morning, pain, setting, track_state};
use crate::validate::in_range;
use crate::zone::{local_date, offset_minutes, parse_tz, previous_day};
use crate::{Error, Result};

/// How far back the usual morning pain looks, in days.
const MORNING_LOOKBACK_DAYS: u64 = 21;

pub(super) fn set_settings(db: &mut Db, settings: RoutineSettings) -> Result<RoutineSettings> {
    let settings = settings.validate()?;
    db.write(|tx| setting::put(tx, setting::ROUTINE, &settings, true).map(drop))?;
    Ok(settings)
}

/// The plan's status now (CLINICAL.md §8), from the latest assessment and the check-ins since.
pub(super) fn plan_status(db: &Db) -> Result<PlanStatus> {
    let latest = cached::latest_assessment(db)?;
    Ok(status_of(latest.as_ref().map(|s| &s.result), stopped_since(db, latest.as_ref())?))
}

/// Whether a check-in since `latest` reported spreading symptoms, new numbness or weakness,
/// or leg symptoms from a stretch: all recorded as `symptoms_spread` (CLINICAL.md §8).
pub(super) fn stopped_since(db: &Db, latest: Option<&SavedAssessment>) -> Result<bool> {
    latest.map_or(Ok(false), |s| Ok(check_in::since(db.conn(), s.taken_at)?.spread))
}

/// The assessment a check-in is judged by: the latest, and the plan must be `active`.
fn plan_assessment(db: &Db) -> Result<SavedAssessment> {
    let latest = cached::latest_assessment(db)?;
    let status = status_of(latest.as_ref().map(|s| &s.result), stopped_since(db, latest.as_ref())?);
    match latest {
        Some(saved) if status == PlanStatus::Active => Ok(saved),
        _ => Err(status.refusal()),
    }
}

/// Records a session and decides each exercise's next dose (CLINICAL.md §6).
pub(super) fn check_in(db: &mut Db, input: CheckInInput, time_zone: &str) -> Result<CheckInOutcome> {
    let tz = parse_tz("time_zone", time_zone)?;
    let settings = cached::routine_settings(db)?;
    let input = input.validate(settings.sessions_per_day())?;
    let saved = plan_assessment(db)?;
    let date = local_date(tz, input.at);
    let ceiling = saved.result.pain_ceiling;
    let exercises: Vec<ExerciseRow> = input
        .exercises
        .iter()
        .map(|e| ExerciseRow { reported: e.clone(), light: exercise_light(e, ceiling) })
        .collect();
    let lights = worst_by_track(exercises.iter().map(|e| (e.reported.exercise, e.light)));
    let row = CheckInRow {
        id: new_id(),
        local_date: date,
        session: input.session,
        at: input.at,
        utc_offset_minutes: offset_minutes(tz, input.at),
        pain_before: input.pain_before,
        pain_after: input.pain_after,
        note: input.note.clone(),
        exercises,
    };
    db.write_records(|tx| {
        if check_in::insert(tx, &row)? != Inserted::Written {
            return Err(Error::NotNow("that session is already checked in"));
        }
        let mut changes = Vec::new();
        for (track, l) in lights {
            let mut state = load_state(tx, track, &saved, &settings.equipment)?;
            let change = state.after_session(l, date);
            save_change(tx, &state, &change, input.at, date)?;
            changes.push(change);
        }
        let spread = input.symptoms_spread();
        Ok(CheckInOutcome {
            id: row.id,
            date,
            session: input.session,
            changes,
            stop_and_retriage: spread,
            message: if spread { vec![STOP_AND_RETRIAGE.to_owned()] } else { Vec::new() },
        })
    })
}

/// Records pain on waking, tied to the previous day's sessions, and decides their doses
/// ([`next_morning::decide`]). The pain is stored once, as a pain entry (context `on_waking`)
/// the check points at.
pub(super) fn morning_check(
    db: &mut Db,
    pain_level: i32,
    at: DateTime<Utc>,
    time_zone: &str,
) -> Result<MorningOutcome> {
    let tz = parse_tz("time_zone", time_zone)?;
    let entry = PainInput {
        recorded_at: at,
        utc_offset_minutes: offset_minutes(tz, at),
        level: pain_level,
        sites: Vec::new(),
        context: PainContext::OnWaking,
        note: None,
    }
    .validate()
    .map_err(|e| match e {
        Error::Invalid { field, range } if field == "level" => Error::Invalid { field: "pain".into(), range },
        other => other,
    })?
    .into_entry(new_id());
    let saved = cached::latest_assessment(db)?;
    let status = plan_status(db)?;
    let equipment = cached::routine_settings(db)?.equipment;
    let date = morning_date(tz, at)?;
    // The day before, skipping a date the zone never had (Pacific/Apia 2011-12-30).
    let yesterday = previous_day(tz, date).ok_or(Error::invalid("at", "a real date"))?;
    let retest_due = saved.as_ref().is_some_and(|s| s.retest_due(at));
    db.write_records(|tx| {
        if morning::exists(tx, date)? {
            return Err(Error::NotNow("this morning's pain is already recorded"));
        }
        let mut mornings = morning_pains(tx, date)?;
        let usual =
            usual_morning(&mornings, date).or(check_in::lowest_pain_before(tx, yesterday)?.map(f64::from));
        pain::insert(tx, &entry)?;
        morning::insert(tx, date, entry.id)?;
        mornings.push((date, pain_level));
        let worse = usual.is_some_and(|u| worse_than_usual(pain_level, u));
        let mut changes = Vec::new();
        if let Some(saved) = saved.as_ref().filter(|s| s.result.plan_allowed) {
            let facts = progress_facts(tx, saved, &mornings, at, date, retest_due)?;
            let cards: Vec<CardId> = progress_cards(&facts).into_iter().map(|c| c.id).collect();
            let morning = Morning {
                date,
                worse,
                plan_active: status == PlanStatus::Active,
                saved,
                equipment: &equipment,
                mornings: &mornings,
                physio_card: cards.contains(&CardId::SeePhysio),
                no_improvement_card: cards.contains(&CardId::NoImprovement),
            };
            for (track, lights) in check_in::lights_on(tx, yesterday)? {
                let mut state = load_state(tx, track, saved, &equipment)?;
                let sessions = check_in::sessions_at_dose(tx, track)?;
                match next_morning::decide(&mut state, &morning, &lights, &sessions) {
                    Some(change) => {
                        save_change(tx, &state, &change, at, date)?;
                        changes.push(change);
                    }
                    None => {
                        track_state::save(tx, &state, 0, true)?;
                    }
                }
            }
        }
        Ok(MorningOutcome { date, pain_entry_id: entry.id, usual, worse_than_usual: worse, changes })
    })
}

/// The morning pains the rules look at before `date`: the first week's (the baseline) and the
/// last three weeks'.
pub(super) fn morning_pains(conn: &Connection, date: NaiveDate) -> Result<Vec<MorningPain>> {
    let Some(first) = morning::first_date(conn)? else { return Ok(Vec::new()) };
    let baseline_end = first.checked_add_days(Days::new(rules::WEEK_DAYS)).unwrap_or(first);
    let recent = date.checked_sub_days(Days::new(MORNING_LOOKBACK_DAYS)).unwrap_or(first);
    morning::levels_outside(conn, baseline_end, recent, date)
}

/// The facts the routine's cards are decided from, as of `now` (see `routine::cards`).
pub(super) fn progress_facts(
    conn: &Connection,
    saved: &SavedAssessment,
    mornings: &[MorningPain],
    now: DateTime<Utc>,
    date: NaiveDate,
    retest_due: bool,
) -> Result<ProgressFacts> {
    let first = check_in::since(conn, saved.taken_at)?.first;
    let two_reds = two_reds(&track_state::standings(conn)?);
    progress_facts_from(conn, first, two_reds, mornings, now, date, retest_due)
}

/// Whether any track has had [`REDS_FOR_PHYSIO`] red sessions in a row (CLINICAL.md §6: see a
/// physiotherapist).
pub(super) fn two_reds(tracks: &BTreeMap<Track, Standing>) -> bool {
    tracks.values().any(|t| t.reds_in_row >= REDS_FOR_PHYSIO)
}

/// [`progress_facts`] from what the caller has read already: the first check-in since the
/// latest assessment, and whether any track has had [`REDS_FOR_PHYSIO`] red sessions in a row.
pub(super) fn progress_facts_from(
    conn: &Connection,
    first: Option<DateTime<Utc>>,
    two_reds: bool,
    mornings: &[MorningPain],
    now: DateTime<Utc>,
    date: NaiveDate,
    retest_due: bool,
) -> Result<ProgressFacts> {
    let week = chrono::Duration::days(7);
    let improved = match first {
        Some(f) => pain_improved(pain::mean(conn, f, f + week)?, pain::mean(conn, now - week, now)?),
        None => true,
    };
    Ok(ProgressFacts {
        two_reds_in_a_row: two_reds,
        morning_creeping_two_weeks: morning_creeping_two_weeks(mornings, date),
        days_on_routine: first.map(|f| (now - f).num_days()),
        pain_improved: improved,
        retest_due,
    })
}

/// Restarts or steps down the doses after a new assessment (CLINICAL.md §8): called in the
/// transaction that saves `new`, with the assessment before it and whether a check-in since
/// that one stopped the routine.
pub(super) fn after_assessment(
    tx: &Connection,
    previous: Option<&SavedAssessment>,
    new: &SavedAssessment,
    stopped: bool,
    date: NaiveDate,
) -> Result<()> {
    let restart = restart_reason(previous.map(|p| &p.result), &new.result);
    if restart.is_none() && !stopped {
        return Ok(());
    }
    let reason = restart.unwrap_or(RESUME_AFTER_STOP);
    for track in track_state::steps(tx)?.into_keys() {
        let Some(mut state) = track_state::get(tx, track)? else { continue };
        state.profile = profile(new);
        let target = step_after_assessment(state.step, start_step(track, new), restart.is_some(), stopped);
        match state.lower_to(target, date, reason) {
            Some(change) => save_change(tx, &state, &change, new.taken_at, date)?,
            None => {
                track_state::save(tx, &state, 0, true)?;
            }
        }
    }
    Ok(())
}

/// Where a track stands under the assessment in force: the stored step where it is still
/// suitable (`routine::plan::effective_step`), on the person's dose line.
fn load_state(
    conn: &Connection,
    track: Track,
    saved: &SavedAssessment,
    equipment: &[Equipment],
) -> Result<TrackState> {
    let stored = track_state::get(conn, track)?;
    let step = effective_step(track, saved, equipment, stored.as_ref().map(|s| s.step));
    let mut state = stored.unwrap_or_else(|| TrackState::new(track, step));
    state.step = step;
    state.profile = profile(saved);
    Ok(state)
}

/// Saves where a track now stands and the dose change that put it there.
fn save_change(
    conn: &Connection,
    state: &TrackState,
    change: &DoseChange,
    at: DateTime<Utc>,
    date: NaiveDate,
) -> Result<()> {
    track_state::save(conn, state, 0, true)?;
    dose_change::insert(
        conn,
        &DoseChangeRow {
            id: new_id(),
            at,
            local_date: date,
            track: change.track,
            decision: change.decision,
            from: change.from.clone(),
            to: change.to.clone(),
            reason: change.reason.clone(),
        },
    )?;
    Ok(())
}

/// Every dose change, newest first, at most `limit` (1-10,000).
pub(super) fn dose_change_history(db: &Db, limit: i32) -> Result<Vec<(DateTime<Utc>, DoseChange)>> {
    let limit = in_range("limit", limit, 1, 10_000)?;
    let mut history = Vec::new();
    dose_change::each(db.conn(), true, limit.into(), &mut |r| {
        history.push((
            r.at,
            DoseChange { track: r.track, decision: r.decision, from: r.from, to: r.to, reason: r.reason },
        ));
        Ok(())
    })?;
    Ok(history)
}

/// The latest dose change of every started track (`started`), as shown beside its exercise: one index
/// seek per track (a few dozen at most), never a pass over years of decisions.
pub(super) fn latest_changes(
    db: &Db,
    started: impl Iterator<Item = Track>,
) -> Result<BTreeMap<Track, DoseChangeNote>> {
    let mut map = BTreeMap::new();
    for track in started {
        if let Some((decision, reason, date)) = dose_change::latest(db.conn(), track)? {
            map.insert(track, DoseChangeNote { decision, reason, date });
        }
    }
    Ok(map)
}
