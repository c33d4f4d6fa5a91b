//! What an evaluation says: the result JSON contract shared by the CLI and the shells.

use serde::{Deserialize, Serialize};

use crate::catalog::ExerciseId;

text_enum! {
    /// How soon a doctor should see the person. Ordered: a higher tier wins.
    pub enum Tier {
        /// No red flag. (Not `None`: Swift would confuse it with `Optional.none`.)
        NoFlags = "none",
        Soon = "soon",
        Urgent = "urgent",
        Emergency = "emergency",
    }
}

text_enum! {
    pub enum GateId {
        AcuteStrain = "acute_strain",
        Nerve = "nerve",
        Disc = "disc",
        Caution = "caution",
    }
}

text_enum! {
    pub enum PatternId {
        TightHamstrings = "tight_hamstrings",
        AnteriorTilt = "anterior_tilt",
        NoClearFinding = "no_clear_finding",
    }
}

text_enum! {
    pub enum Confidence {
        Possible = "possible",
        Likely = "likely",
    }
}

text_enum! {
    /// Hamstring strain recovery (Heiderscheit 2010): protect, then gentle stretching at pain
    /// 2/10 or less, then the full dose.
    pub enum StrainPhase {
        Protect = "protect",
        Gentle = "gentle",
        Full = "full",
    }
}

/// A red flag that fired: `id` names the rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Flag {
    pub id: String,
    pub tier: Tier,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Triage {
    pub tier: Tier,
    pub flags: Vec<Flag>,
}

/// A gate: a group of exercises that must not be done, with the rules that closed it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Gate {
    pub id: GateId,
    pub rules: Vec<String>,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pattern {
    pub id: PatternId,
    pub confidence: Confidence,
    pub rules: Vec<String>,
    pub reason: String,
}

/// A note that must be shown with an exercise wherever the plan lists it (CLINICAL.md §3 G4:
/// in pregnancy, every exercise done lying on the back).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExerciseCaution {
    pub exercise: ExerciseId,
    pub caution: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssessmentResult {
    pub triage: Triage,
    pub gates: Vec<Gate>,
    pub strain_phase: Option<StrainPhase>,
    pub patterns: Vec<Pattern>,
    /// Never true for `urgent` or `emergency`, nor while `missing` is not empty.
    pub plan_allowed: bool,
    /// The safety questions (CLINICAL.md §2) not answered, by stable id: `cauda_equina`,
    /// `leg_symptoms`, `leg_symptoms.both_legs`, `leg_symptoms.worsening`, `general`, `onset`,
    /// `known`, `strain.walks_normally`. Empty when every required one was answered. A shell
    /// shows "answer the safety questions first"; the explanation names them in plain words.
    /// No `serde(default)`: a result saved before this field existed fails to read and is
    /// evaluated again from its answers, under today's rules.
    pub missing: Vec<String>,
    pub excluded_exercises: Vec<ExerciseId>,
    /// Notes to show with these exercises wherever they are planned (pregnancy, lying on the back).
    pub exercise_cautions: Vec<ExerciseCaution>,
    /// Tests skipped or not asked (the leg raise and the bridge within 14 days of a thigh
    /// strain; the crossed leg raise only counts when it was asked), by answer path: `slr`,
    /// `slr.left_deg`, `slr.right_deg`, `nerve_check`, `slump`, `crossed_slr`, `ake`, `thomas`,
    /// `bridge`. The safety questions are in `missing`, not here.
    pub not_judged: Vec<String>,
    /// The highest pain during exercise (0-10) the routine may allow: 2 under the strain or
    /// nerve gate, 5 otherwise (CLINICAL.md §6).
    pub pain_ceiling: i32,
    /// Show the standing cauda equina warning card: the person reported leg symptoms.
    pub cauda_equina_card: bool,
    pub explanation: Vec<String>,
    pub next_steps: Vec<String>,
}

impl AssessmentResult {
    pub fn has_gate(&self, id: GateId) -> bool {
        self.gates.iter().any(|g| g.id == id)
    }

    pub fn pattern(&self, id: PatternId) -> Option<&Pattern> {
        self.patterns.iter().find(|p| p.id == id)
    }

    pub fn is_excluded(&self, exercise: ExerciseId) -> bool {
        self.excluded_exercises.contains(&exercise)
    }
}
