//! Today: the local day's sessions with doses, what is done, when the next session is, and
//! what is due (the next-morning pain check, a re-test).

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::zone::Zone;

use super::plan::{DayPlan, PlanStatus};
use super::settings::RoutineSettings;
use crate::calendar::LocalTime;
use crate::zone::{instant, next_day};

pub use super::cards::NO_IMPROVEMENT_DAYS;

text_enum! {
    /// Where one of the day's sessions stands.
    pub enum SessionState {
        /// Checked in for this date and session number.
        Done = "done",
        /// Its time has come today and it is not done yet.
        Due = "due",
        /// Its time is still to come today.
        Upcoming = "upcoming",
        /// Its local day ended without a check-in. [`sessions`] lists only the current day, so
        /// it never gives this state at present.
        Missed = "missed",
    }
}

/// One session of the local day and where it stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionStatus {
    /// The session number, 1-2, in time order.
    pub session: i32,
    /// Its local time, from the routine settings.
    pub time: LocalTime,
    /// The instant that local time stands for on the date (a time in a clock change's gap is
    /// read with the offset before the gap; a repeated time is the first).
    pub at: DateTime<Utc>,
    /// Done, due or upcoming.
    pub state: SessionState,
    /// The check-in that did it, when `state` is `done`.
    pub checkin_id: Option<Uuid>,
}

/// The local day as the home screen shows it: status, plan, sessions and what is due.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Today {
    /// Shown first (CLINICAL.md §8); the same as `plan.status`. Sessions only when `active`.
    pub status: PlanStatus,
    /// The local date at `now` in the time zone given.
    pub date: NaiveDate,
    /// The IANA time zone id it was worked out in, as Limber spells it (`Europe/London`).
    pub time_zone: String,
    /// The day's plan: exercises and doses, each with its latest dose change, and the cards.
    pub plan: DayPlan,
    /// The day's sessions (none unless `active`).
    pub sessions: Vec<SessionStatus>,
    /// When the next session starts: today's next upcoming one, else tomorrow's first; `None`
    /// unless `active`.
    pub next_session_at: Option<DateTime<Utc>>,
    /// It is 04:00 local or later, yesterday has checked-in sessions, and today's pain on
    /// waking is not recorded yet (CLINICAL.md §6: pain must settle by the next morning).
    pub morning_check_due: bool,
    /// The latest assessment is 14 days old or more: re-test the straight leg raise, knee
    /// extension and bridge (CLINICAL.md §6).
    pub retest_due: bool,
    /// When the re-test falls due: the latest assessment's time + 14 days; `None` with no
    /// assessment.
    pub retest_due_at: Option<DateTime<Utc>>,
}

/// Today's sessions in `tz` on local `date` as of `now`: each one done (checked in, with the
/// check-in's id from `done`, session numbers 1-based), due (its time has come) or upcoming,
/// and when the next one starts (today's next, else the first one tomorrow, skipping a date
/// the zone never had). None at all unless the plan is `active` (CLINICAL.md §8).
pub fn sessions(
    settings: &RoutineSettings,
    status: PlanStatus,
    tz: Zone,
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
