//! Today and the plan of a day: the rules of `crate::routine::today` and `routine::plan` over
//! where the tracks stand and what is checked in.

use chrono::{DateTime, NaiveDate, Utc};

use super::{cached, routine};
use crate::Result;
use crate::routine::cards::progress_cards;
use crate::routine::checkin::morning_date;
use crate::routine::dose::Track;
use crate::routine::plan::{DayPlan, PlanStatus, build};
use crate::routine::today::{Today, sessions};
use crate::store::{Db, check_in, morning, track_state};
use crate::timestamp::check_instant;
use crate::zone::{local_date, parse_tz, previous_day};

pub(super) fn today(db: &Db, now: DateTime<Utc>, time_zone: &str) -> Result<Today> {
    let now = check_instant("now", now)?;
    let tz = parse_tz("time_zone", time_zone)?;
    let date = local_date(tz, now);
    let settings = cached::routine_settings(db)?;
    let latest = cached::latest_assessment(db)?;
    let mut plan = day_plan(db, date)?;
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

    if plan.status == PlanStatus::Active
        && let Some(saved) = latest.as_ref()
    {
        let mornings = routine::morning_pains(db.conn(), date.succ_opt().unwrap_or(date))?;
        let facts = routine::progress_facts(db.conn(), saved, &mornings, now, date, retest_due)?;
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
    let steps = track_state::steps(db.conn())?;
    let mut plan = build(latest.as_ref(), stopped, &cached::routine_settings(db)?, &steps, date);
    let changes = routine::latest_changes(db)?;
    for e in plan.sessions.iter_mut().flat_map(|s| s.exercises.iter_mut()) {
        e.last_dose_change = changes.get(&Track::of(e.exercise)).cloned();
    }
    Ok(plan)
}
