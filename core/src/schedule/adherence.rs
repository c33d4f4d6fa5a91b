//! How well the plan was kept: sessions planned and done per local day, a smoothed score and
//! streaks. CLINICAL.md has no rule for adherence: the measures below are design choices
//! \[D\]. A day plans sessions only while a plan was in force (§8 offers none otherwise), or
//! when a session was checked in anyway.
//!
//! - A day is planned when it is one of the exercise days in the reminder settings and a plan
//!   was in force: the assessment in force when the day began allowed one (an assessment counts
//!   from the day after the one it was taken on), or a session was checked in that day anyway.
//!   It then plans n sessions (n = routine sessions a day, 1 or 2); otherwise 0.
//! - Done: distinct sessions checked in that day, at most n.
//! - Score, 0-100, in the style of Loop Habit Tracker's habit score: an exponential moving
//!   average over planned days, `score_d = score_(d-1) · m + value_d · (1 − m)` with
//!   `m = 0.5^(1/13)` (a day's weight halves after 13 planned days) and
//!   `value_d = done_d / planned_d`, starting from 0. Days that plan nothing leave the score
//!   unchanged; today counts only once all its sessions are done (it is not over yet).
//! - Streaks, in days: consecutive planned days with every planned session done. Days that plan
//!   nothing neither break nor extend a streak; today does not break the current streak while
//!   it is still open.
//!
//! Days are calendar dates, so a 23- or 25-hour DST day is one day like any other, and a date
//! the zone lived twice is one day. A date the settings' zone skipped whole (Pacific/Apia has
//! no 2011-12-30) is not a day: it is not listed, plans nothing and breaks no streak. The
//! current settings (their days and zone) are applied to the whole history.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::settings::ReminderSettings;
use crate::calendar::DayOfWeek;
use crate::validate::in_range;
use crate::zone::{day_exists, parse_tz};
use crate::{Error, Result};

/// At most this many days are listed per call (a year, leap or not) \[D\].
pub const MAX_DAYS: i32 = 366;

/// The weight the score keeps per planned day, `m = 0.5^(1/13)` ≈ 0.948 (0-1, unitless): a
/// day's weight halves every 13 planned days, as in Loop Habit Tracker's score for a daily
/// habit \[D\].
pub fn score_multiplier() -> f64 {
    0.5f64.powf(1.0 / 13.0)
}

/// One local day of the history: what was planned and done (see the module doc for the rules).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DayAdherence {
    /// The local calendar date, in the reminder settings' zone.
    pub date: NaiveDate,
    /// Sessions planned: n on a planned day, 0 otherwise.
    pub planned: i32,
    /// Distinct sessions checked in, at most n (a rest day may have some).
    pub done: i32,
    /// Not one of the exercise days in the reminder settings.
    pub rest_day: bool,
    /// done / planned, 0-1; `None` when nothing was planned.
    pub ratio: Option<f64>,
    /// Today, with planned sessions still open: not yet in the score or the streak.
    pub in_progress: bool,
}

/// The streaks alone, in days (the same numbers as [`Adherence::current_streak`] and
/// [`Adherence::best_streak`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Streaks {
    /// Planned days in a row, up to today, with every session done.
    pub current: i32,
    /// The longest such run so far.
    pub best: i32,
}

/// What [`adherence`] returns: the listed days, and the score and streaks over the whole
/// history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Adherence {
    /// The last `days` local days, oldest first, ending today; a date the zone skipped is left
    /// out, so there may be fewer.
    pub days: Vec<DayAdherence>,
    /// 0-100 (the smoothed done/planned ratio, rounded), over the whole history (see the
    /// module doc).
    pub score: i32,
    /// Planned days in a row with every session done, in days, ending at the latest planned
    /// day that counts (a past one, or today once its sessions are all done); 0 when that day
    /// missed a session.
    pub current_streak: i32,
    /// The longest run of planned days with every session done, in days, over the whole
    /// history (the current one included).
    pub best_streak: i32,
}

/// What the store knows about the history.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct History {
    /// Routine sessions a day (1 or 2; 0 reads as 1).
    pub sessions_per_day: i32,
    /// From each date on, whether a plan was in force; sorted by date, a later entry on the
    /// same date wins. Before the first entry no plan was in force.
    pub plan_from: Vec<(NaiveDate, bool)>,
    /// Sessions checked in, as (local date, session number).
    pub checked_in: BTreeSet<(NaiveDate, i32)>,
}

/// Adherence for the `days` (1-[`MAX_DAYS`]) local days ending `today` (a local date in the
/// settings' zone), with the score and streaks over the whole history: the current
/// `settings.days` and zone are applied to every day.
///
/// Errors: `Invalid` naming `days` outside 1-[`MAX_DAYS`] (or reaching before the first
/// date chrono knows); the settings' zone as [`crate::zone::parse_tz`] reports it (`Invalid`
/// naming `time_zone`, or `NotNow` while no zone rules are registered).
pub fn adherence(
    settings: &ReminderSettings,
    history: &History,
    today: NaiveDate,
    days: i32,
) -> Result<Adherence> {
    let days = in_range("days", days, 1, MAX_DAYS)?;
    let tz = parse_tz("time_zone", &settings.time_zone)?;
    let window_start = today
        .checked_sub_days(chrono::Days::new(days as u64 - 1))
        .ok_or(Error::invalid("days", "fewer days"))?;
    let first_known = [history.plan_from.first().map(|p| p.0), history.checked_in.first().map(|c| c.0)]
        .into_iter()
        .flatten()
        .min();
    let start = first_known.map_or(window_start, |f| f.min(window_start));

    let n = history.sessions_per_day.clamp(1, 2);
    let m = score_multiplier();
    let mut exercise_days = [false; 7];
    for d in &settings.days {
        exercise_days[*d as usize] = true;
    }
    let mut plan_changes = history.plan_from.iter().peekable();
    let mut in_force = false;
    let (mut score, mut run, mut best) = (0.0f64, 0, 0);
    let mut listed = Vec::with_capacity(days as usize);

    for date in start.iter_days().take_while(|d| *d <= today).filter(|d| day_exists(tz, *d)) {
        while let Some((_, allowed)) = plan_changes.next_if(|(from, _)| *from <= date) {
            in_force = *allowed;
        }
        let sessions = history.checked_in.range((date, i32::MIN)..=(date, i32::MAX)).count() as i32;
        let rest_day = !exercise_days[DayOfWeek::of(date.weekday()) as usize];
        let planned = if !rest_day && (in_force || sessions > 0) { n } else { 0 };
        let done = sessions.min(n);
        let complete = done >= planned;
        let in_progress = date == today && planned > 0 && !complete;
        if planned > 0 && !in_progress {
            score = score * m + f64::from(done) / f64::from(planned) * (1.0 - m);
            run = if complete { run + 1 } else { 0 };
            best = best.max(run);
        }
        if date >= window_start {
            listed.push(DayAdherence {
                date,
                planned,
                done,
                rest_day,
                ratio: (planned > 0).then(|| f64::from(done) / f64::from(planned)),
                in_progress,
            });
        }
    }
    Ok(Adherence {
        days: listed,
        score: (score * 100.0).round() as i32,
        current_streak: run,
        best_streak: best,
    })
}
