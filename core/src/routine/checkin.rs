//! What a person reports after a session and on the next morning.

use crate::zone::Zone;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use std::collections::BTreeMap;

use super::dose::Track;
use super::progression::{DoseChange, Light, light};
use crate::calendar::LocalTime;
use crate::catalog::ExerciseId;
use crate::validate::{At, in_range, optional_text, within};
use crate::zone::{instant, local_date};
use crate::{Error, Result, timestamp};

/// \[D\] The morning check opens at 04:00 local time and stays open to the end of the day. A
/// check just after midnight, straight after a late session, is still the night: taking it as
/// "this morning" would settle yesterday's doses on pain that is not pain on waking, and would
/// then refuse the real check hours later. 04:00 is before almost anyone's waking time, and a
/// late riser (or a night-shift sleeper) can still record it in the afternoon.
pub const MORNING_OPENS: LocalTime = LocalTime { hour: 4, minute: 0 };

/// Why a morning check before [`MORNING_OPENS`] is refused.
pub const BEFORE_MORNING: &str = "the morning check opens at 04:00 local time; record pain on waking after you get up (until then it is still the night)";

/// The local date whose morning a check at `at` in `tz` records: its own date, from 04:00 local
/// time ([`MORNING_OPENS`]; on a date lived twice, from the first 04:00) to the end of the day.
///
/// Errors: `NotNow` ([`BEFORE_MORNING`]) before 04:00.
pub fn morning_date(tz: Zone, at: DateTime<Utc>) -> Result<NaiveDate> {
    let date = local_date(tz, at);
    if at < instant(tz, date, MORNING_OPENS) {
        return Err(Error::NotNow(BEFORE_MORNING));
    }
    Ok(date)
}

/// Longest hold accepted in a check-in, in seconds (10 minutes) [D: a bound on typos; §5 doses
/// are far below it].
pub const MAX_HOLD_SECONDS: i32 = 600;
/// Most repetitions per set accepted in a check-in [D: a bound on typos].
pub const MAX_REPS: i32 = 200;
/// Most sets accepted in a check-in [D: a bound on typos].
pub const MAX_SETS: i32 = 20;

text_enum! {
    /// Why an exercise was skipped. Only `TooPainful` weighs in the dose: it counts as red for that
    /// exercise (CLINICAL.md §8).
    pub enum SkipReason {
        /// No time today.
        NoTime = "no_time",
        /// Too painful to do: a red light (step down, and toward the two-reds card).
        TooPainful = "too_painful",
        /// The equipment was not at hand.
        NoEquipment = "no_equipment",
        /// Chose not to today.
        NotToday = "not_today",
        /// Any other reason.
        Other = "other",
    }
}

/// One exercise of a session: done (with what was actually done) or skipped (with why).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExerciseCheckIn {
    /// The exercise, one of the session's planned ones.
    pub exercise: ExerciseId,
    /// Whether it was done; a skipped one needs `skip_reason`.
    pub done: bool,
    /// Why it was skipped; required when `done` is false.
    pub skip_reason: Option<SkipReason>,
    /// Seconds held per repetition as actually done, 0-600, for holds, stretches and rolling.
    pub hold_seconds: Option<i32>,
    /// Repetitions per set as actually done, 0-200.
    pub reps: Option<i32>,
    /// Sets as actually done, 0-20.
    pub sets: Option<i32>,
    /// Pain during the exercise, 0-10.
    pub pain_during: Option<i32>,
    /// Did symptoms spread further down the leg?
    pub symptoms_spread: bool,
}

/// A session's check-in as the person enters it; checked by [`CheckInInput::validate`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckInInput {
    /// Which session of the day, 1-based.
    pub session: i32,
    /// When the session was done; 2000-01-01 to 2099-12-31 UTC.
    pub at: DateTime<Utc>,
    /// Pain before the session, 0-10 (feeds "settled", CLINICAL.md §8).
    pub pain_before: Option<i32>,
    /// Pain after the session, 0-10: 2 or more above `pain_before` is not settled (§8).
    pub pain_after: Option<i32>,
    /// Every exercise of the session, done or skipped, each at most once; at least one.
    pub exercises: Vec<ExerciseCheckIn>,
    /// A free note, trimmed, at most `pain::MAX_NOTE_CHARS` characters; never in errors or logs.
    pub note: Option<String>,
}

/// What a check-in changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckInOutcome {
    /// The check-in's id (UUID v7).
    pub id: Uuid,
    /// The local date the session was filed on.
    pub date: NaiveDate,
    /// Which session of the day, 1-based.
    pub session: i32,
    /// The dose changes the check-in decided, one per exercise whose dose moved or was held with a
    /// reason (CLINICAL.md §6, §8).
    pub changes: Vec<DoseChange>,
    /// Symptoms spread down the leg: stop the routine and answer the safety questions again.
    pub stop_and_retriage: bool,
    /// Lines to show after the check-in (the stop-and-answer-again card when symptoms spread).
    pub message: Vec<String>,
}

/// What the next-morning check changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MorningOutcome {
    /// The local date whose morning was recorded.
    pub date: NaiveDate,
    /// The pain entry the check saved (context `on_waking`); editing that entry edits the check.
    pub pain_entry_id: Uuid,
    /// The usual morning pain it was compared with, when there was one.
    pub usual: Option<f64>,
    /// Pain 2 or more above `usual`: every exercise done the day before steps down one level
    /// (CLINICAL.md §6), unless a red there already did.
    pub worse_than_usual: bool,
    /// The dose changes the morning settled.
    pub changes: Vec<DoseChange>,
}

/// What to do when symptoms spread: stop and answer the safety questions again (§8).
pub const STOP_AND_RETRIAGE: &str = super::status::STOP_WAY_BACK;

impl ExerciseCheckIn {
    /// `exercise` as done or not, with nothing else reported yet (no pain, dose or reason).
    pub fn untouched(exercise: ExerciseId, done: bool) -> ExerciseCheckIn {
        ExerciseCheckIn {
            exercise,
            done,
            skip_reason: None,
            hold_seconds: None,
            reps: None,
            sets: None,
            pain_during: None,
            symptoms_spread: false,
        }
    }
}

impl CheckInInput {
    /// Checks every field against `sessions_per_day` (the session count of today's settings, 1-2),
    /// naming the first field out of range. Errors: `Invalid`.
    pub fn validate(self, sessions_per_day: usize) -> Result<CheckInInput> {
        in_range("session", self.session, 1, sessions_per_day as i32)?;
        timestamp::check_instant("at", self.at)?;
        opt("pain_before", self.pain_before, 10)?;
        opt("pain_after", self.pain_after, 10)?;
        if self.exercises.is_empty() {
            return Err(Error::invalid("exercises", "at least one exercise, done or skipped"));
        }
        for (i, e) in self.exercises.iter().enumerate() {
            let at = At("exercises", i);
            if self.exercises[..i].iter().any(|x| x.exercise == e.exercise) {
                return Err(Error::invalid(format!("exercises[{i}]"), "each exercise at most once"));
            }
            if !e.done && e.skip_reason.is_none() {
                return Err(Error::invalid(
                    format!("{at}.skip_reason"),
                    "a reason when an exercise is skipped",
                ));
            }
            within(at, opt("hold_seconds", e.hold_seconds, MAX_HOLD_SECONDS))?;
            within(at, opt("reps", e.reps, MAX_REPS))?;
            within(at, opt("sets", e.sets, MAX_SETS))?;
            within(at, opt("pain_during", e.pain_during, 10))?;
        }
        let note = optional_text("note", self.note.as_deref(), crate::pain::MAX_NOTE_CHARS)?;
        Ok(CheckInInput { note, ..self })
    }

    /// Whether any exercise reported symptoms spreading down the leg: the plan stops (§8).
    pub fn symptoms_spread(&self) -> bool {
        self.exercises.iter().any(|e| e.symptoms_spread)
    }
}

/// The light an exercise of a session gets (CLINICAL.md §6, §8): a done exercise by its pain
/// during it and any spread, against the pain `ceiling` (0-10) of the assessment in force; one
/// skipped as too painful is red; any other skip gets none.
pub fn exercise_light(e: &ExerciseCheckIn, ceiling: i32) -> Option<Light> {
    if e.done {
        Some(light(e.pain_during, e.symptoms_spread, ceiling))
    } else {
        (e.skip_reason == Some(SkipReason::TooPainful)).then_some(Light::Red)
    }
}

/// One decision per track and session: the worst light of the track's exercises.
pub fn worst_by_track(lit: impl IntoIterator<Item = (ExerciseId, Option<Light>)>) -> BTreeMap<Track, Light> {
    let mut worst: BTreeMap<Track, Light> = BTreeMap::new();
    for (exercise, l) in lit {
        if let Some(l) = l {
            let w = worst.entry(Track::of(exercise)).or_insert(l);
            *w = (*w).max(l);
        }
    }
    worst
}

fn opt(field: &str, value: Option<i32>, max: i32) -> Result<()> {
    value.map_or(Ok(()), |v| in_range(field, v, 0, max).map(drop))
}

#[cfg(test)]
mod morning_tests {
    use super::*;
    use crate::zone::parse_tz;

    fn check(zone: &str, at: &str) -> Result<NaiveDate> {
        morning_date(parse_tz("tz", zone).unwrap(), at.parse().unwrap())
    }

    #[test]
    fn the_morning_check_opens_at_four_local_time_and_says_so() {
        // Issue 14: 00:05 right after a late session is still the night; 07:00 is the morning.
        let err = check("Europe/London", "2026-11-21T00:05:00Z").unwrap_err();
        assert!(matches!(err, Error::NotNow(BEFORE_MORNING)));
        assert!(err.to_string().contains("opens at 04:00 local time"), "{err}");
        assert_eq!(check("Europe/London", "2026-11-21T07:00:00Z").unwrap().to_string(), "2026-11-21");
        assert!(check("Europe/London", "2026-11-21T03:59:00Z").is_err());
        assert_eq!(check("Europe/London", "2026-11-21T04:00:00Z").unwrap().to_string(), "2026-11-21");
        // Until the end of the day, in local time: 23:30 in Tokyo is 14:30 UTC.
        assert_eq!(check("Asia/Tokyo", "2026-11-21T14:30:00Z").unwrap().to_string(), "2026-11-21");
        // 02:00 in Tokyo (17:00 UTC the day before) is not a morning.
        assert!(check("Asia/Tokyo", "2026-11-20T17:00:00Z").is_err());
    }

    #[test]
    fn on_a_date_lived_twice_the_window_opens_at_the_first_four() {
        // Kwajalein lived 1969-09-30 01:00-24:00 twice (+11, then -12); 02:00 on the second run
        // is after the first run's 04:00.
        assert_eq!(check("Pacific/Kwajalein", "1969-09-30T14:00:00Z").unwrap().to_string(), "1969-09-30");
    }
}
