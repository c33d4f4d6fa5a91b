//! The self-assessment across the FFI: results, history and measurement series. The core's
//! records are declared remote here, not copied.

use limber_core::assessment::answers::MeasuredBy;
use limber_core::assessment::history::{MeasuredTest, MeasurementPoint, SavedAssessment};
use limber_core::assessment::{
    Answers, AssessmentResult, Confidence, ExerciseCaution, Flag, Gate, GateId, Pattern, PatternId,
    StrainPhase, Tier, Triage,
};
use limber_core::catalog::ExerciseId;
use limber_core::pain::Side;

use crate::error::{LimberError, guard};
use crate::limber::Limber;
use crate::types::Timestamp;

/// Evaluates answers in the JSON contract of `limber assess --answers` without saving them.
#[uniffi::export]
pub fn evaluate_answers_json(answers_json: String) -> Result<AssessmentResult, LimberError> {
    guard(|| Ok(limber_core::assessment::evaluate(&Answers::from_json(&answers_json)?)))
}

/// A saved assessment. The answers stay in their JSON contract form.
#[derive(uniffi::Record)]
pub struct AssessmentRecord {
    pub id: String,
    pub taken_at: Timestamp,
    pub utc_offset_minutes: i32,
    pub result: AssessmentResult,
    /// When the tests should be repeated (14 days after).
    pub retest_due_at: Timestamp,
    pub answers_json: String,
}

impl From<SavedAssessment> for AssessmentRecord {
    fn from(saved: SavedAssessment) -> Self {
        AssessmentRecord {
            id: saved.id.to_string(),
            taken_at: saved.taken_at,
            utc_offset_minutes: saved.utc_offset_minutes,
            retest_due_at: saved.retest_due_at(),
            answers_json: limber_core::compact_json(&saved.answers).unwrap_or_default(),
            result: saved.result,
        }
    }
}

#[uniffi::export]
impl Limber {
    /// Evaluates and saves answers given in the JSON contract; the result is the new latest.
    pub fn submit_assessment_json(
        &self,
        answers_json: String,
        taken_at: Timestamp,
        utc_offset_minutes: i32,
    ) -> Result<AssessmentRecord, LimberError> {
        self.with_core(|s| {
            s.submit_assessment(Answers::from_json(&answers_json)?, taken_at, utc_offset_minutes)
        })
        .map(AssessmentRecord::from)
    }

    /// The assessment that drives the routine, if any.
    pub fn latest_assessment(&self) -> Result<Option<AssessmentRecord>, LimberError> {
        self.with_core(|s| s.latest_assessment()).map(|a| a.map(AssessmentRecord::from))
    }

    /// Saved assessments, newest first, at most `limit` (1-500).
    pub fn assessment_history(&self, limit: i32) -> Result<Vec<AssessmentRecord>, LimberError> {
        self.with_core(|s| s.assessment_history(limit)).map(|v| v.into_iter().map(Into::into).collect())
    }

    /// One test's measurements, oldest first, with real changes marked.
    pub fn measurement_series(&self, test: MeasuredTest) -> Result<Vec<MeasurementPoint>, LimberError> {
        self.with_core(|s| s.measurement_series(test))
    }
}

#[uniffi::remote(Enum)]
pub enum Tier {
    NoFlags,
    Soon,
    Urgent,
    Emergency,
}

#[uniffi::remote(Enum)]
pub enum GateId {
    AcuteStrain,
    Nerve,
    Disc,
    Caution,
}

#[uniffi::remote(Enum)]
pub enum PatternId {
    TightHamstrings,
    AnteriorTilt,
    NoClearFinding,
}

#[uniffi::remote(Enum)]
pub enum Confidence {
    Possible,
    Likely,
}

#[uniffi::remote(Enum)]
pub enum StrainPhase {
    Protect,
    Gentle,
    Full,
}

#[uniffi::remote(Enum)]
pub enum MeasuredTest {
    Slr,
    Ake,
    Bridge,
}

#[uniffi::remote(Enum)]
pub enum MeasuredBy {
    Helper,
    SelfMeasured,
    Phone,
}

#[uniffi::remote(Enum)]
pub enum ExerciseId {
    FoamRollHamstrings,
    FoamRollQuads,
    LyingHamstringStretch,
    StandingToeReach,
    ChairHamstringStretch,
    BandHamstringStretch,
    WallHamstringStretch,
    KneesToChest,
    HipFlexorStretch,
    QuadStretch,
    GluteStretch,
    HeelDigHold,
    BridgeHold,
    Bridge,
    SingleLegBridge,
    NordicCurl,
    BandedSquat,
    BirdDog,
    NerveSlider,
    Walk,
}

#[uniffi::remote(Record)]
pub struct Flag {
    pub id: String,
    pub tier: Tier,
    pub reason: String,
}

#[uniffi::remote(Record)]
pub struct Triage {
    pub tier: Tier,
    pub flags: Vec<Flag>,
}

#[uniffi::remote(Record)]
pub struct Gate {
    pub id: GateId,
    pub rules: Vec<String>,
    pub reason: String,
}

#[uniffi::remote(Record)]
pub struct Pattern {
    pub id: PatternId,
    pub confidence: Confidence,
    pub rules: Vec<String>,
    pub reason: String,
}

#[uniffi::remote(Record)]
pub struct AssessmentResult {
    pub triage: Triage,
    pub gates: Vec<Gate>,
    pub strain_phase: Option<StrainPhase>,
    pub patterns: Vec<Pattern>,
    pub plan_allowed: bool,
    pub missing: Vec<String>,
    pub excluded_exercises: Vec<ExerciseId>,
    pub exercise_cautions: Vec<ExerciseCaution>,
    pub not_judged: Vec<String>,
    pub pain_ceiling: i32,
    pub cauda_equina_card: bool,
    pub explanation: Vec<String>,
    pub next_steps: Vec<String>,
}

#[uniffi::remote(Record)]
pub struct ExerciseCaution {
    pub exercise: ExerciseId,
    pub caution: String,
}

#[uniffi::remote(Record)]
pub struct MeasurementPoint {
    pub assessment_id: uuid::Uuid,
    pub taken_at: Timestamp,
    pub test: MeasuredTest,
    pub side: Side,
    pub value: i32,
    pub measured_by: Option<MeasuredBy>,
    pub change: Option<i32>,
    pub real_change: bool,
}
