//! The rules the phones would otherwise copy, for the routine and the assessment: the hold
//! timer's script, the check-in form's defaults, how loudly results and cards are shown, and
//! when the questionnaire stops early. Translation only; the rules are in the core.

use limber_core::assessment::questionnaire::questionnaire as core_questionnaire;
use limber_core::assessment::responses::Response;
use limber_core::assessment::safety_display::{self, ResultDisplay, SafetyLevel};
use limber_core::assessment::{AssessmentResult, Tier};
use limber_core::catalog::Dose;
use limber_core::pain::Side;
use limber_core::routine::card_display::{self, CardDisplay};
use limber_core::routine::checkin::ExerciseCheckIn;
use limber_core::routine::hold_sequence::{self, Hold, HoldSequence};
use limber_core::routine::{CardId, PlannedSession, check_in_defaults as core_defaults};

use crate::error::{LimberError, guard};

/// Every hold of `dose` in order (sets × repetitions × sides) with the rest after each, for the
/// hold timer; `null`/`nil` when the dose has nothing to time. Errors: `InvalidInput` naming
/// `dose.sets` (1-20), `dose.reps` (1-200) or `dose.hold_seconds` (1-600).
#[uniffi::export]
pub fn hold_sequence(dose: Dose) -> Result<Option<HoldSequence>, LimberError> {
    guard(|| hold_sequence::hold_sequence(&dose))
}

/// Whole sets finished on every side after `completed` holds of `sequence` (0 to its holds).
#[uniffi::export]
pub fn sets_done(sequence: HoldSequence, completed: i32) -> Result<i32, LimberError> {
    guard(|| hold_sequence::sets_done(&sequence, completed))
}

/// The check-in form's starting entries for `session`: every exercise done, pain during not
/// rated, no skip reason, nothing about sets (see `core/src/routine/check_in_defaults.rs`).
#[uniffi::export]
pub fn check_in_defaults(session: PlannedSession) -> Vec<ExerciseCheckIn> {
    core_defaults::check_in_defaults(&session)
}

/// How loudly a triage tier is shown: urgent and emergency block, soon warns.
#[uniffi::export]
pub fn tier_level(tier: Tier) -> SafetyLevel {
    safety_display::tier_level(tier)
}

/// How an assessment result is shown: its level, whether it may be closed, whether it offers
/// the routine.
#[uniffi::export]
pub fn result_display(result: AssessmentResult) -> ResultDisplay {
    safety_display::result_display(&result)
}

/// How a card beside the plan is shown: its level and whether it offers the questions again.
#[uniffi::export]
pub fn card_display(card: CardId) -> CardDisplay {
    card_display::card_display(card)
}

/// Whether the questionnaire stops now and shows the result (the answers so far are urgent or
/// an emergency). Call after each page with every visible answer so far.
#[uniffi::export]
pub fn stops_early(responses: Vec<Response>) -> bool {
    safety_display::stops_early(&core_questionnaire(), &responses)
}

#[uniffi::remote(Record)]
pub struct Hold {
    pub set: i32,
    pub repetition: i32,
    pub side: Option<Side>,
    pub hold_seconds: i32,
    pub rest_after_seconds: i32,
}

#[uniffi::remote(Record)]
pub struct HoldSequence {
    pub sets: i32,
    pub repetitions: i32,
    pub sides: i32,
    pub hold_seconds: i32,
    pub holds: Vec<Hold>,
}

#[uniffi::remote(Enum)]
pub enum SafetyLevel {
    Calm,
    Warn,
    Blocking,
}

#[uniffi::remote(Record)]
pub struct ResultDisplay {
    pub level: SafetyLevel,
    pub dismissable: bool,
    pub offers_routine: bool,
}

#[uniffi::remote(Record)]
pub struct CardDisplay {
    pub level: SafetyLevel,
    pub offers_reassessment: bool,
}
