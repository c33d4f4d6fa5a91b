//! Today: the local day's sessions with doses, what is done, when the next session is, and
//! what is due (the next-morning pain check, a re-test).
#![allow(missing_docs)] // TODO(lints): lead fixes after the move

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use chrono_tz::Tz;

use super::plan::{DayPlan, PlanStatus};
use super::settings::RoutineSettings;
use crate::calendar::LocalTime;
use crate::zone::{instant, next_day};

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

/// Today's sessions in `tz` on local `date` as of `now`: each one done (checked in, with the
/// check-in's id from `done`, session numbers 1-based), due (its time has come) or upcoming,
/// and when the next one starts (today's next, else the first one tomorrow, skipping a date
/// the zone never had). None at all unless the plan is `active` (CLINICAL.md §8).
pub fn sessions(
    settings: &RoutineSettings,
    status: PlanStatus,
    tz: Tz,
    date: NaiveDate,
    now: DateTime<Utc>,
    done: &[(i32, Uuid)],
) -> (Vec<SessionStatus>, Option<DateTime<Utc>>) {
    if status != PlanStatus::Active {
        return (Vec::new(), None);
    }
    let sessions: Vec<SessionStatus> = settings
        .session_times
        .iter()
        .enumerate()
        .map(|(i, time)| {
            let session = i as i32 + 1;
            let at = instant(tz, date, *time);
            let checkin_id = done.iter().find(|(s, _)| *s == session).map(|(_, id)| *id);
            let state = match checkin_id {
                Some(_) => SessionState::Done,
                None if at <= now => SessionState::Due,
                None => SessionState::Upcoming,
            };
            SessionStatus { session, time: *time, at, state, checkin_id }
        })
        .collect();
    let next = sessions.iter().find(|s| s.state == SessionState::Upcoming).map(|s| s.at).or_else(|| {
        let tomorrow = next_day(tz, date)?;
        settings.session_times.first().map(|t| instant(tz, tomorrow, *t))
    });
    (sessions, next)
}
