//! What a person reports after a session and on the next morning.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::progression::Change;
use crate::catalog::ExerciseId;
use crate::validate::{in_range, optional_text};
use crate::{Error, Result, timestamp};

pub const MAX_HOLD_SECONDS: i32 = 600;
pub const MAX_REPS: i32 = 200;
pub const MAX_SETS: i32 = 20;

text_enum! {
    pub enum SkipReason {
        NoTime = "no_time",
        TooPainful = "too_painful",
        NoEquipment = "no_equipment",
        NotToday = "not_today",
        Other = "other",
    }
}

/// One exercise of a session: done (with what was actually done) or skipped (with why).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExerciseCheckIn {
    pub exercise: ExerciseId,
    pub done: bool,
    pub skip_reason: Option<SkipReason>,
    pub hold_seconds: Option<i32>,
    pub reps: Option<i32>,
    pub sets: Option<i32>,
    /// Pain during the exercise, 0-10.
    pub pain_during: Option<i32>,
    /// Did symptoms spread further down the leg?
    pub symptoms_spread: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckInInput {
    /// Which session of the day, 1-based.
    pub slot: i32,
    pub at: DateTime<Utc>,
    pub pain_before: Option<i32>,
    pub pain_after: Option<i32>,
    pub exercises: Vec<ExerciseCheckIn>,
    pub note: Option<String>,
}

/// What a check-in changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckInOutcome {
    pub id: Uuid,
    pub date: NaiveDate,
    pub slot: i32,
    pub changes: Vec<Change>,
    /// Symptoms spread down the leg: stop the routine and answer the safety questions again.
    pub stop_and_retriage: bool,
    pub message: Vec<String>,
}

/// What the next-morning check changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MorningOutcome {
    pub date: NaiveDate,
    pub pain_entry_id: Uuid,
    /// The usual morning pain it was compared with, when there was one.
    pub usual: Option<f64>,
    pub worse_than_usual: bool,
    pub changes: Vec<Change>,
}

pub const STOP_AND_RETRIAGE: &str = super::status::STOP_WAY_BACK;

impl CheckInInput {
    pub fn validate(self, sessions_per_day: usize) -> Result<CheckInInput> {
        in_range("slot", self.slot, 1, sessions_per_day as i32)?;
        timestamp::check_instant("at", self.at)?;
        opt("pain_before", self.pain_before, 10)?;
        opt("pain_after", self.pain_after, 10)?;
        if self.exercises.is_empty() {
            return Err(Error::invalid("exercises", "at least one exercise, done or skipped"));
        }
        for (i, e) in self.exercises.iter().enumerate() {
            let f = |name: &str| format!("exercises[{i}].{name}");
            if self.exercises[..i].iter().any(|x| x.exercise == e.exercise) {
                return Err(Error::invalid(format!("exercises[{i}]"), "each exercise at most once"));
            }
            if !e.done && e.skip_reason.is_none() {
                return Err(Error::invalid(f("skip_reason"), "a reason when an exercise is skipped"));
            }
            opt(&f("hold_seconds"), e.hold_seconds, MAX_HOLD_SECONDS)?;
            opt(&f("reps"), e.reps, MAX_REPS)?;
            opt(&f("sets"), e.sets, MAX_SETS)?;
            opt(&f("pain_during"), e.pain_during, 10)?;
        }
        let note = optional_text("note", self.note.as_deref(), crate::pain::MAX_NOTE_CHARS)?;
        Ok(CheckInInput { note, ..self })
    }

    pub fn symptoms_spread(&self) -> bool {
        self.exercises.iter().any(|e| e.symptoms_spread)
    }
}

fn opt(field: &str, value: Option<i32>, max: i32) -> Result<()> {
    value.map_or(Ok(()), |v| in_range(field, v, 0, max).map(drop))
}
