//! What an evaluation says: the result JSON contract shared by the CLI and the shells.

use serde::{Deserialize, Serialize};

use crate::catalog::ExerciseId;

text_enum! {
    /// How soon a doctor should see the person. Ordered: a higher tier wins.
    pub enum Tier {
        /// No red flag. (Not `None`: Swift would confuse it with `Optional.none`.)
        NoFlags = "none",
        /// See a doctor within 1-2 weeks; a gentle plan may continue (CLINICAL.md §2).
        Soon = "soon",
        /// Same day: a doctor, urgent care or the phone advice line; no plan until checked (§2).
        Urgent = "urgent",
        /// Emergency services or the emergency department now; no plan (§2).
        Emergency = "emergency",
    }
}

text_enum! {
    /// A gate of CLINICAL.md §3: a group of exercises that must not be done.
    pub enum GateId {
        /// G1: a thigh strain not yet past its protect phase; no end-range stretching, Nordic curls or
        /// rolling over the injury [E: Heiderscheit, JOSPT 2010].
        AcuteStrain = "acute_strain",
        /// G2: a nerve-type pattern; no holds that bring on leg symptoms, no Nordic curls.
        Nerve = "nerve",
        /// G3: a known disc problem without nerve signs (or known sciatica); stretching only while it
        /// brings on no leg symptoms \[D\].
        Disc = "disc",
        /// G4: recent spinal surgery, pregnancy, osteoporosis, or 65 or over and new to exercise; no
        /// Nordic curls or loaded end-range bending.
        Caution = "caution",
    }
}

text_enum! {
    /// A muscle pattern of CLINICAL.md §4; several can apply.
    pub enum PatternId {
        /// P1: SLR under 80 degrees or AKE more than 20 short of straight [S; E: Ayala].
        TightHamstrings = "tight_hamstrings",
        /// P2: Thomas test positive, or single-leg bridge under 20 reps or 5 or more apart between sides
        /// [S; E: Freckleton, BJSM 2014].
        AnteriorTilt = "anterior_tilt",
        /// P3: no clear finding; a general routine [E: NICE NG59].
        NoClearFinding = "no_clear_finding",
    }
}

text_enum! {
    /// How sure a pattern is; a result never names a diagnosis either way (CLINICAL.md §4, §7).
    pub enum Confidence {
        /// Fits the answers, but not every test it rests on was done; P2 is never more than this.
        Possible = "possible",
        /// Every test it rests on was done: for P1, a negative nerve check and the pull at the back of
        /// the thigh (or the AKE); for P3, all four tests typical.
        Likely = "likely",
    }
}

text_enum! {
    /// Hamstring strain recovery (Heiderscheit 2010): protect, then gentle stretching at pain
    /// 2/10 or less, then the full dose.
    pub enum StrainPhase {
        /// Phase I: protect, walk as pain allows, pain-free heel-dig and bridge holds.
        Protect = "protect",
        /// Phase II: walking a normal stride is pain-free and the heel dig 2/10 or less \[D\]; gentle
        /// stretching at pain 2/10 or less.
        Gentle = "gentle",
        /// SLR within about 10 degrees of the other side and pain-free bridges \[D\]: the full dose.
        Full = "full",
    }
}

/// A red flag that fired: `id` names the rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Flag {
    /// Stable rule id (`cauda_bladder`, `onset_after_50`) for shells and tests.
    pub id: String,
    /// The tier this rule calls for.
    pub tier: Tier,
    /// Why it matters, in plain English, naming no disease.
    pub reason: String,
}

/// The outcome of triage (CLINICAL.md §2): the highest tier of every flag that fired.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Triage {
    /// The highest tier among `flags`, `NoFlags` when none fired.
    pub tier: Tier,
    /// Every rule that fired, in rule order (emergency first).
    pub flags: Vec<Flag>,
}

/// A gate: a group of exercises that must not be done, with the rules that closed it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Gate {
    /// Which gate (G1-G4).
    pub id: GateId,
    /// The rule ids that closed it (`known_disc`, `slr_reproduces_leg_pain`).
    pub rules: Vec<String>,
    /// Why it is closed and what to do instead, in plain English.
    pub reason: String,
}

/// A muscle pattern found (CLINICAL.md §4), said as a possibility, never a diagnosis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pattern {
    /// Which pattern (P1-P3).
    pub id: PatternId,
    /// `Likely` only when the tests it rests on were all done.
    pub confidence: Confidence,
    /// The findings it rests on (`slr_below_80`, `supported_by_knee_click`).
    pub rules: Vec<String>,
    /// The mechanism in plain English, hedged.
    pub reason: String,
}

/// A note that must be shown with an exercise wherever the plan lists it (CLINICAL.md §3 G4:
/// in pregnancy, every exercise done lying on the back).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExerciseCaution {
    /// The exercise the note goes with.
    pub exercise: ExerciseId,
    /// The note to show, in plain English.
    pub caution: String,
}

/// An evaluation of one set of answers: the result JSON contract (README) the CLI prints and the
/// shells show. Pure: the same answers always give the same result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssessmentResult {
    /// Red flags and how soon to see a doctor (CLINICAL.md §2).
    pub triage: Triage,
    /// Gates closed (§3), in order G1 to G4.
    pub gates: Vec<Gate>,
    /// The strain's recovery phase when gate G1 applies, else `None`.
    pub strain_phase: Option<StrainPhase>,
    /// Muscle patterns (§4); at least one when a plan is allowed.
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
    /// Exercises a gate rules out; never planned.
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
    /// What was found and why it matters, one paragraph per line, in plain English (CLINICAL.md §7).
    pub explanation: Vec<String>,
    /// What to do now and when to get checked, one step per line.
    pub next_steps: Vec<String>,
}

impl AssessmentResult {
    /// Whether the gate `id` is closed.
    pub fn has_gate(&self, id: GateId) -> bool {
        self.gates.iter().any(|g| g.id == id)
    }

    /// The pattern `id`, if it was found.
    pub fn pattern(&self, id: PatternId) -> Option<&Pattern> {
        self.patterns.iter().find(|p| p.id == id)
    }

    /// Whether a gate rules out `exercise`.
    pub fn is_excluded(&self, exercise: ExerciseId) -> bool {
        self.excluded_exercises.contains(&exercise)
    }
}
