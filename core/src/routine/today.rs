//! Today: the local day's sessions with doses, what is done, when the next session is, and
//! what is due (the next-morning pain check, a re-test).
#![allow(missing_docs)] // TODO(lints): lead fixes after the move

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::cards::progress_cards;
use super::checkin::morning_date;
use super::dose::Track;
use super::plan::{DayPlan, PlanStatus, build};
use crate::calendar::LocalTime;
use crate::zone::{instant, local_date, next_day, parse_tz, previous_day};
use crate::{Result, Store};

pub use super::cards::NO_IMPROVEMENT_DAYS;

text_enum! {
    pub enum SessionState {
        Done = "done",
        /// Its time has come today and it is not done yet.
        Due = "due",
        Upcoming = "upcoming",
        /// Its local day ended without a check-in.
        Missed = "missed",
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionStatus {
    pub session: i32,
    pub time: LocalTime,
    pub at: DateTime<Utc>,
    pub state: SessionState,
    pub checkin_id: Option<Uuid>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Today {
    /// Shown first (CLINICAL.md §8); the same as `plan.status`. Sessions only when `active`.
    pub status: PlanStatus,
    pub date: NaiveDate,
    pub time_zone: String,
    pub plan: DayPlan,
    pub sessions: Vec<SessionStatus>,
    pub next_session_at: Option<DateTime<Utc>>,
    /// Yesterday had sessions and this morning's pain is not recorded yet.
    pub morning_check_due: bool,
    pub retest_due: bool,
    pub retest_due_at: Option<DateTime<Utc>>,
}

impl Store {
    pub fn today(&self, now: DateTime<Utc>, time_zone: &str) -> Result<Today> {
        let now = crate::timestamp::check_instant("now", now)?;
        let tz = parse_tz("time_zone", time_zone)?;
        let date = local_date(tz, now);
        let settings = self.routine_settings()?;
        let latest = self.latest_assessment()?;
        let mut plan = self.day_plan(date)?;

        let done = self.checkins_on(date)?;
        let sessions: Vec<SessionStatus> = if plan.status == PlanStatus::Active {
            settings
                .session_times
                .iter()
                .enumerate()
                .map(|(i, time)| {
                    let slot = i as i32 + 1;
                    let at = instant(tz, date, *time);
                    let checkin_id = done.iter().find(|(s, _)| *s == slot).map(|(_, id)| *id);
                    let state = match checkin_id {
                        Some(_) => SessionState::Done,
                        None if at <= now => SessionState::Due,
                        None => SessionState::Upcoming,
                    };
                    SessionStatus { session: slot, time: *time, at, state, checkin_id }
                })
                .collect()
        } else {
            Vec::new()
        };
        let next_session_at = if plan.status != PlanStatus::Active {
            None
        } else {
            sessions.iter().find(|s| s.state == SessionState::Upcoming).map(|s| s.at).or_else(|| {
                let tomorrow = next_day(tz, date)?;
                settings.session_times.first().map(|t| instant(tz, tomorrow, *t))
            })
        };

        // The check opens at 04:00 (before then it is still the night) and looks back to the
        // day before, skipping a date the zone never had.
        let yesterday = previous_day(tz, date).filter(|_| morning_date(tz, now).is_ok());
        let morning_check_due = match yesterday {
            Some(y) => !self.checkins_on(y)?.is_empty() && !self.has_morning_check(date)?,
            None => false,
        };
        let retest_due_at = latest.as_ref().map(|s| s.retest_due_at());
        let retest_due = latest.as_ref().is_some_and(|s| s.retest_due(now));

        if plan.status == PlanStatus::Active {
            self.add_progress_cards(&mut plan, now, retest_due)?;
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

    /// The plan for a local date, each exercise with its latest dose decision and reason.
    pub fn day_plan(&self, date: NaiveDate) -> Result<DayPlan> {
        let latest = self.latest_assessment()?;
        let stopped = self.stopped_since(latest.as_ref())?;
        let mut plan = build(latest.as_ref(), stopped, &self.routine_settings()?, &self.track_steps()?, date);
        let changes = self.latest_changes()?;
        for e in plan.sessions.iter_mut().flat_map(|s| s.exercises.iter_mut()) {
            e.last_dose_change = changes.get(&Track::of(e.exercise)).cloned();
        }
        Ok(plan)
    }

    fn add_progress_cards(&self, plan: &mut DayPlan, now: DateTime<Utc>, retest_due: bool) -> Result<()> {
        let facts = self.progress_facts(now, plan.date, retest_due)?;
        plan.cards.extend(progress_cards(&facts));
        Ok(())
    }
}
