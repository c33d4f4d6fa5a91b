//! Today: the local day's sessions with doses, what is done, when the next session is, and
//! what is due (the next-morning pain check, a re-test).

use chrono::{DateTime, Days, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::dose::Track;
use super::plan::{Card, CardId, DayPlan, PlanStatus, build};
use crate::calendar::LocalTime;
use crate::zone::{instant, local_date, parse_tz};
use crate::{Result, Store};

/// [E: CLINICAL.md §6] Two weeks without a step up suggests a physiotherapist...
pub const NO_CHANGE_DAYS: i64 = 14;
/// ...and about four weeks without less pain raises the see-a-doctor message.
pub const NO_IMPROVEMENT_DAYS: i64 = 28;

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
    pub slot: i32,
    pub time: LocalTime,
    pub at: DateTime<Utc>,
    pub state: SessionState,
    pub checkin_id: Option<Uuid>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Today {
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
        let sessions: Vec<SessionStatus> = if plan.status == PlanStatus::Ready {
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
                    SessionStatus { slot, time: *time, at, state, checkin_id }
                })
                .collect()
        } else {
            Vec::new()
        };
        let next_session_at = if plan.status != PlanStatus::Ready {
            None
        } else {
            sessions.iter().find(|s| s.state == SessionState::Upcoming).map(|s| s.at).or_else(|| {
                let tomorrow = date.checked_add_days(Days::new(1))?;
                settings.session_times.first().map(|t| instant(tz, tomorrow, *t))
            })
        };

        let yesterday = date.checked_sub_days(Days::new(1));
        let morning_check_due = match yesterday {
            Some(y) => !self.checkins_on(y)?.is_empty() && !self.has_morning_check(date)?,
            None => false,
        };
        let retest_due_at = latest.as_ref().map(|s| s.retest_due_at());
        let retest_due = latest.as_ref().is_some_and(|s| s.retest_due(now));

        if plan.status == PlanStatus::Ready {
            self.add_progress_cards(&mut plan, now, latest.as_ref().map(|s| s.taken_at), retest_due)?;
        }
        Ok(Today {
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
        let mut plan = build(latest.as_ref(), &self.routine_settings()?, &self.track_steps()?, date);
        let changes = self.latest_changes()?;
        for e in plan.sessions.iter_mut().flat_map(|s| s.exercises.iter_mut()) {
            e.last_change = changes.get(&Track::of(e.exercise)).cloned();
        }
        Ok(plan)
    }

    fn add_progress_cards(
        &self,
        plan: &mut DayPlan,
        now: DateTime<Utc>,
        assessed_at: Option<DateTime<Utc>>,
        retest_due: bool,
    ) -> Result<()> {
        if let Some(since) = assessed_at
            && self.spread_since(since)?
        {
            plan.cards.insert(
                0,
                card(CardId::StopAndRetriage, "Stop and re-check", super::checkin::STOP_AND_RETRIAGE),
            );
        }
        let two_reds = self.any_track_needs_physio()?;
        let first = self.first_checkin_at()?;
        let stuck = first.is_some_and(|f| now - f >= Duration::days(NO_CHANGE_DAYS))
            && self.last_progress_at()?.is_none_or(|p| now - p >= Duration::days(NO_CHANGE_DAYS));
        if two_reds || stuck {
            let why = if two_reds {
                "Two sessions in a row went into the red."
            } else {
                "Two weeks have passed without a step up."
            };
            plan.cards.push(card(
                CardId::SeePhysio,
                "A physiotherapist could help",
                &format!("{why} A physiotherapist can look at how you move and adjust the routine."),
            ));
        }
        if let Some(first) = first
            && now - first >= Duration::days(NO_IMPROVEMENT_DAYS)
            && !self.pain_improved(first, now)?
        {
            plan.cards.push(card(
                CardId::NoImprovement,
                "See a doctor in the next 1-2 weeks",
                "About four weeks on the routine have not brought your pain down clearly. A doctor should look again; keep the routine gentle meanwhile.",
            ));
        }
        if retest_due {
            plan.cards.push(card(
                CardId::RetestDue,
                "Time to re-test",
                "Two weeks have passed: repeat the straight leg raise, knee extension and bridge tests (limber assess) to see what has changed.",
            ));
        }
        Ok(())
    }

    /// [E: Farrar 2001] Pain counts as improved when the mean of the last week is 2 points or
    /// 30% below the first week on the routine.
    fn pain_improved(&self, first: DateTime<Utc>, now: DateTime<Utc>) -> Result<bool> {
        let week = Duration::days(7);
        let mean = |from, to| self.mean_pain(from, to);
        match (mean(first, first + week)?, mean(now - week, now)?) {
            (Some(start), Some(end)) => {
                Ok(start - end >= 2.0 || (start > 0.0 && (start - end) / start >= 0.3))
            }
            // Without pain logs either side, do not raise an alarm on no data.
            _ => Ok(true),
        }
    }
}

fn card(id: CardId, title: &str, body: &str) -> Card {
    Card { id, title: title.to_owned(), body: body.to_owned() }
}
