//! Today and the plan of a day: the rules of `crate::routine::today` and `routine::plan` over
//! where the tracks stand and what is checked in.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};

use super::{cached, routine};
use crate::Result;
use crate::assessment::history::SavedAssessment;
use crate::routine::cards::progress_cards;
use crate::routine::checkin::morning_date;
use crate::routine::dose::Track;
use crate::routine::plan::{DayPlan, PlanStatus, build};
use crate::routine::settings::RoutineSettings;
use crate::routine::today::{Today, sessions};
use crate::store::track_state::Standing;
use crate::store::{Db, check_in, morning, track_state};
use crate::timestamp::check_instant;
use crate::zone::{local_date, parse_tz, previous_day};

pub(super) fn today(db: &Db, now: DateTime<Utc>, time_zone: &str) -> Result<Today> {
    let now = check_instant("now", now)?;
    let tz = parse_tz("time_zone", time_zone)?;
    let date = local_date(tz, now);
    let settings = cached::routine_settings(db)?;
    let latest = cached::latest_assessment(db)?;
    // Check-ins since the latest assessment: whether one stopped the plan (CLINICAL.md §8) and
    // when the first was, in one read.
    let since = latest.as_ref().map(|s| check_in::since(db.conn(), s.taken_at)).transpose()?;
    let stopped = since.is_some_and(|s| s.spread);
    let tracks = track_state::standings(db.conn())?;
    let mut plan = plan_of(db, date, latest.as_ref(), stopped, &settings, &tracks)?;
    let done = check_in::sessions_on(db.conn(), date)?;
    let (sessions, next_session_at) = sessions(&settings, plan.status, tz, date, now, &done);

    // The check opens at 04:00 (before then it is still the night) and looks back to the
    // day before, skipping a date the zone never had.
    let yesterday = previous_day(tz, date).filter(|_| morning_date(tz, now).is_ok());
    let morning_check_due = match yesterday {
        Some(y) => !check_in::sessions_on(db.conn(), y)?.is_empty() && !morning::exists(db.conn(), date)?,
        None => false,
    };
    let retest_due_at = latest.as_ref().map(|s| s.retest_due_at());
    let retest_due = latest.as_ref().is_some_and(|s| s.retest_due(now));

    if plan.status == PlanStatus::Active && latest.is_some() {
        let mornings = routine::morning_pains(db.conn(), date.succ_opt().unwrap_or(date))?;
        let first = since.and_then(|s| s.first);
        let two_reds = routine::two_reds(&tracks);
        let facts =
            routine::progress_facts_from(db.conn(), first, two_reds, &mornings, now, date, retest_due)?;
        plan.cards.extend(progress_cards(&facts));
    }
    Ok(Today {
        status: plan.status,
        date,
        time_zone: tz.name().to_owned(),
        plan,
        sessions,
        next_session_at,
        morning_check_due,
        retest_due,
        retest_due_at,
    })
}

/// The plan for a local date, each exercise with its latest dose change and reason.
pub(super) fn day_plan(db: &Db, date: NaiveDate) -> Result<DayPlan> {
    let latest = cached::latest_assessment(db)?;
    let stopped = routine::stopped_since(db, latest.as_ref())?;
    let tracks = track_state::standings(db.conn())?;
    plan_of(db, date, latest.as_ref(), stopped, &cached::routine_settings(db)?, &tracks)
}

/// [`day_plan`] from what the caller has read already: the latest assessment, whether a
/// check-in since it stopped the plan, the settings and where the tracks stand.
fn plan_of(
    db: &Db,
    date: NaiveDate,
    latest: Option<&SavedAssessment>,
    stopped: bool,
    settings: &RoutineSettings,
    tracks: &BTreeMap<Track, Standing>,
) -> Result<DayPlan> {
    // Inserted, not collected: `collect` into a map sorts first, with a sort of its own (crate::sort).
    let mut steps: BTreeMap<Track, usize> = BTreeMap::new();
    steps.extend(tracks.iter().map(|(track, t)| (*track, t.step)));
    let mut plan = build(latest, stopped, settings, &steps, date);
    let changes = routine::latest_changes(db, steps.keys().copied())?;
    for e in plan.sessions.iter_mut().flat_map(|s| s.exercises.iter_mut()) {
        e.last_dose_change = changes.get(&Track::of(e.exercise)).cloned();
    }
    Ok(plan)
}
