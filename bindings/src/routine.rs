//! The routine across the FFI: the exercise catalog, settings, today's plan, check-ins and the
//! next-morning check.

use chrono::NaiveDate;
use limber_core::calendar::{DayOfWeek, LocalTime};
use limber_core::catalog::{Category, Dose, Equipment, Exercise, ExerciseId};
use limber_core::routine::checkin::{CheckInInput, ExerciseCheckIn, SkipReason};
use limber_core::routine::plan::DoseChangeNote;
use limber_core::routine::progression::{Decision, DoseChange as CoreDoseChange};
use limber_core::routine::today::{SessionState, SessionStatus, Today};
use limber_core::routine::{
    Card, CardId, DayPlan, PlanStatus, PlannedExercise, PlannedSession, RoutineSettings,
};

use crate::error::{LimberError, convert_result};
use crate::limber::Limber;
use crate::types::Timestamp;

/// A local calendar date, `YYYY-MM-DD` (Kotlin and Swift see a String).
pub type LocalDate = NaiveDate;

uniffi::custom_type!(LocalDate, String, {
    remote,
    lower: |d| d.to_string(),
    // Through `convert_result`: a malformed date reaches the shell as a typed InvalidInput.
    try_lift: |text| convert_result(limber_core::calendar::parse_date("date", &text)),
});

/// Every exercise Limber can plan, with steps, default dose, cautions and equipment.
#[uniffi::export]
pub fn exercise_catalog() -> Vec<Exercise> {
    limber_core::catalog::catalog()
}

/// A dose in a few plain words, e.g. "3 × 30 s hold, each side": the same wording everywhere.
#[uniffi::export]
pub fn dose_summary(dose: Dose) -> String {
    dose.summary()
}

/// A dose decision: the exercise and dose before and after, and why.
#[derive(uniffi::Record)]
pub struct DoseChange {
    pub decision: Decision,
    pub from_exercise: ExerciseId,
    pub from_dose: Dose,
    pub to_exercise: ExerciseId,
    pub to_dose: Dose,
    pub reason: String,
}

impl From<CoreDoseChange> for DoseChange {
    fn from(c: CoreDoseChange) -> Self {
        DoseChange {
            decision: c.decision,
            from_exercise: c.from.exercise,
            from_dose: c.from.dose,
            to_exercise: c.to.exercise,
            to_dose: c.to.dose,
            reason: c.reason,
        }
    }
}

#[derive(uniffi::Record)]
pub struct CheckInResult {
    pub id: String,
    pub date: LocalDate,
    pub session: i32,
    pub changes: Vec<DoseChange>,
    /// Symptoms spread down the leg: stop and answer the safety questions again.
    pub stop_and_retriage: bool,
    pub message: Vec<String>,
}

#[derive(uniffi::Record)]
pub struct MorningCheckResult {
    pub date: LocalDate,
    pub pain_entry_id: String,
    pub usual: Option<f64>,
    pub worse_than_usual: bool,
    pub changes: Vec<DoseChange>,
}

#[derive(uniffi::Record)]
pub struct DatedDoseChange {
    pub at: Timestamp,
    pub change: DoseChange,
}

fn changes(list: Vec<CoreDoseChange>) -> Vec<DoseChange> {
    list.into_iter().map(DoseChange::from).collect()
}

#[uniffi::export]
impl Limber {
    /// The saved routine settings, or the defaults until some are saved (one session at 08:00,
    /// strength on Monday, Wednesday and Friday, chair, band or towel and wall, no rolling).
    /// Errors: `Storage`.
    pub fn routine_settings(&self) -> Result<RoutineSettings, LimberError> {
        self.with_core(|s| s.routine_settings())
    }

    /// Saves the routine settings: 1-2 session times, 2-3 strength days, equipment, rolling.
    pub fn set_routine_settings(&self, settings: RoutineSettings) -> Result<RoutineSettings, LimberError> {
        self.with_core(|s| s.set_routine_settings(settings))
    }

    /// The local day at `now` in `time_zone` (IANA id): sessions, doses, states, what is due.
    pub fn today(&self, now: Timestamp, time_zone: String) -> Result<Today, LimberError> {
        self.with_core(|s| s.today(now, &time_zone))
    }

    /// Records a session and returns each exercise's next-dose decision with its reason.
    pub fn check_in(&self, input: CheckInInput, time_zone: String) -> Result<CheckInResult, LimberError> {
        self.with_core(|s| s.check_in(input, &time_zone)).map(|o| CheckInResult {
            id: o.id.to_string(),
            date: o.date,
            session: o.session,
            changes: changes(o.changes),
            stop_and_retriage: o.stop_and_retriage,
            message: o.message,
        })
    }

    /// Records pain on waking (0-10), tied to yesterday's sessions, and settles their doses.
    pub fn morning_check(
        &self,
        pain: i32,
        at: Timestamp,
        time_zone: String,
    ) -> Result<MorningCheckResult, LimberError> {
        self.with_core(|s| s.morning_check(pain, at, &time_zone)).map(|o| MorningCheckResult {
            date: o.date,
            pain_entry_id: o.pain_entry_id.to_string(),
            usual: o.usual,
            worse_than_usual: o.worse_than_usual,
            changes: changes(o.changes),
        })
    }

    /// Every dose decision, newest first, at most `limit`.
    pub fn dose_change_history(&self, limit: i32) -> Result<Vec<DatedDoseChange>, LimberError> {
        self.with_core(|s| s.dose_change_history(limit)).map(|list| {
            list.into_iter().map(|(at, change)| DatedDoseChange { at, change: change.into() }).collect()
        })
    }
}

#[uniffi::remote(Record)]
pub struct LocalTime {
    pub hour: i32,
    pub minute: i32,
}

#[uniffi::remote(Enum)]
pub enum DayOfWeek {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

#[uniffi::remote(Enum)]
pub enum Category {
    Release,
    Stretch,
    Strengthen,
    Mobility,
    Activity,
}

#[uniffi::remote(Enum)]
pub enum Equipment {
    NoEquipment,
    Chair,
    BandOrTowel,
    Wall,
    FoamRoller,
    Anchor,
}

#[uniffi::remote(Record)]
pub struct Dose {
    pub hold_seconds: Option<i32>,
    pub reps: Option<i32>,
    pub sets: i32,
    pub per_side: bool,
    pub minutes: Option<i32>,
}

#[uniffi::remote(Record)]
pub struct Exercise {
    pub id: ExerciseId,
    pub name: String,
    pub category: Category,
    pub targets: String,
    pub steps: Vec<String>,
    pub dose: Dose,
    pub max_dose: Dose,
    pub cautions: Vec<String>,
    pub equipment: Vec<Equipment>,
    pub ladder_level: Option<i32>,
    pub minutes_estimate: i32,
}

#[uniffi::remote(Record)]
pub struct RoutineSettings {
    pub session_times: Vec<LocalTime>,
    pub strength_days: Vec<DayOfWeek>,
    pub equipment: Vec<Equipment>,
    pub include_release: bool,
}

#[uniffi::remote(Enum)]
pub enum Decision {
    Progress,
    Keep,
    Regress,
}

#[uniffi::remote(Record)]
pub struct DoseChangeNote {
    pub decision: Decision,
    pub reason: String,
    pub date: LocalDate,
}

#[uniffi::remote(Record)]
pub struct PlannedExercise {
    pub exercise: ExerciseId,
    pub name: String,
    pub category: Category,
    pub dose: Dose,
    pub pain_ceiling: i32,
    pub condition: Option<String>,
    pub last_dose_change: Option<DoseChangeNote>,
}

#[uniffi::remote(Record)]
pub struct PlannedSession {
    pub session: i32,
    pub time: LocalTime,
    pub exercises: Vec<PlannedExercise>,
    pub minutes: i32,
}

#[uniffi::remote(Enum)]
pub enum PlanStatus {
    Active,
    PausedStop,
    NeedsSafetyAnswers,
    SeeDoctor,
}

#[uniffi::remote(Enum)]
pub enum CardId {
    SeeDoctorSoon,
    CaudaEquina,
    StopAndRetriage,
    SeePhysio,
    NoImprovement,
    RetestDue,
}

#[uniffi::remote(Record)]
pub struct Card {
    pub id: CardId,
    pub title: String,
    pub body: String,
}

#[uniffi::remote(Record)]
pub struct DayPlan {
    pub date: LocalDate,
    pub status: PlanStatus,
    pub message: Vec<String>,
    pub strength_day: bool,
    pub sessions: Vec<PlannedSession>,
    pub activity: Vec<PlannedExercise>,
    pub cards: Vec<Card>,
}

#[uniffi::remote(Enum)]
pub enum SessionState {
    Done,
    Due,
    Upcoming,
    Missed,
}

#[uniffi::remote(Record)]
pub struct SessionStatus {
    pub session: i32,
    pub time: LocalTime,
    pub at: Timestamp,
    pub state: SessionState,
    pub checkin_id: Option<uuid::Uuid>,
}

#[uniffi::remote(Record)]
pub struct Today {
    pub status: PlanStatus,
    pub date: LocalDate,
    pub time_zone: String,
    pub plan: DayPlan,
    pub sessions: Vec<SessionStatus>,
    pub next_session_at: Option<Timestamp>,
    pub morning_check_due: bool,
    pub retest_due: bool,
    pub retest_due_at: Option<Timestamp>,
}

#[uniffi::remote(Enum)]
pub enum SkipReason {
    NoTime,
    TooPainful,
    NoEquipment,
    NotToday,
    Other,
}

#[uniffi::remote(Record)]
pub struct ExerciseCheckIn {
    pub exercise: ExerciseId,
    pub done: bool,
    #[uniffi(default = None)]
    pub skip_reason: Option<SkipReason>,
    #[uniffi(default = None)]
    pub hold_seconds: Option<i32>,
    #[uniffi(default = None)]
    pub reps: Option<i32>,
    #[uniffi(default = None)]
    pub sets: Option<i32>,
    #[uniffi(default = None)]
    pub pain_during: Option<i32>,
    #[uniffi(default = false)]
    pub symptoms_spread: bool,
}

#[uniffi::remote(Record)]
pub struct CheckInInput {
    pub session: i32,
    pub at: Timestamp,
    pub pain_before: Option<i32>,
    pub pain_after: Option<i32>,
    pub exercises: Vec<ExerciseCheckIn>,
    #[uniffi(default = None)]
    pub note: Option<String>,
}

/// The most sessions a day the routine plans (1-based session numbers run up to it): a shell
/// checks a deep link's session number against this, never against its own copy.
#[uniffi::export]
pub fn max_sessions_per_day() -> i32 {
    limber_core::routine::settings::MAX_SESSIONS_PER_DAY as i32
}
