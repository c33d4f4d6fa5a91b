//! The self-assessment (CLINICAL.md §1-4, §7): safety first, then what must not be done, then
//! which pattern the tests suggest. `evaluate` is a pure function of the answers.

pub mod answers;
mod explain;
mod gates;
pub mod history;
pub mod missing;
mod patterns;
pub mod questionnaire;
pub mod responses;
pub mod result;
pub mod safety_display;
mod texts;
mod triage;

pub use answers::Answers;
pub use explain::{RETEST_DAYS, answer_safety_first};
pub use gates::{FACE_DOWN, ON_BACK, PREGNANCY_ON_BACK};
pub use result::{
    AssessmentResult, Confidence, ExerciseCaution, Flag, Gate, GateId, Pattern, PatternId, StrainPhase, Tier,
    Triage,
};

use crate::pain::{BodySite, Side};

/// [E: §6] The most pain during exercise the routine allows, normally and under G1/G2.
pub const PAIN_CEILING: i32 = 5;
/// [E: §6; §3 G1 phase II] The pain ceiling (0-10) under the strain gate G1 or the nerve gate G2.
pub const PAIN_CEILING_GATED: i32 = 2;

/// Evaluates validated answers. Deterministic: the same answers always give the same result.
pub fn evaluate(a: &Answers) -> AssessmentResult {
    let triage = triage::triage(a);
    let missing = missing::missing(a);
    let plan_allowed = missing.is_empty() && matches!(triage.tier, Tier::NoFlags | Tier::Soon);
    let outcome = gates::gates(a, triage.tier);
    let nerve = outcome.gates.iter().any(|g| g.id == GateId::Nerve);
    let strain = outcome.gates.iter().any(|g| g.id == GateId::AcuteStrain);
    let mut result = AssessmentResult {
        triage,
        patterns: if plan_allowed { patterns::patterns(a, nerve) } else { Vec::new() },
        gates: outcome.gates,
        strain_phase: outcome.strain_phase,
        plan_allowed,
        missing,
        excluded_exercises: outcome.excluded,
        exercise_cautions: if plan_allowed { outcome.cautions } else { Vec::new() },
        not_judged: not_judged(a),
        pain_ceiling: if nerve || strain { PAIN_CEILING_GATED } else { PAIN_CEILING },
        cauda_equina_card: has_leg_symptoms(a),
        explanation: Vec::new(),
        next_steps: Vec::new(),
    };
    result.explanation = explain::explanation(&result);
    result.next_steps = explain::next_steps(&result);
    result
}

fn has_leg_symptoms(a: &Answers) -> bool {
    let leg = a.leg_symptoms.clone().unwrap_or_default();
    let leg_sites = [BodySite::BackOfThigh, BodySite::BehindKnee, BodySite::BelowKnee, BodySite::Foot];
    leg.any_ticked()
        || leg.both_legs == Some(true)
        || a.pain_sites.as_ref().is_some_and(|s| s.iter().any(|site| leg_sites.contains(site)))
}

/// The tests that were skipped (or not asked, as the SLR and the bridge in the first two weeks
/// after a thigh strain), by their answer path. The safety questions are in `missing` instead.
fn not_judged(a: &Answers) -> Vec<String> {
    let mut skipped = Vec::new();
    let mut skip = |name: &str, absent: bool| {
        if absent {
            skipped.push(name.to_owned());
        }
    };
    skip("slr", a.slr.as_ref().is_none_or(|s| s.left_deg.is_none() && s.right_deg.is_none()));
    if let Some(s) = &a.slr {
        skip("slr.left_deg", s.left_deg.is_none() && s.right_deg.is_some());
        skip("slr.right_deg", s.right_deg.is_none() && s.left_deg.is_some());
    }
    skip("nerve_check", a.nerve_check.is_none());
    skip("slump", a.slump.is_none());
    // Asked only with leg pain on one side.
    let one_side = matches!(a.pain_side, Some(Side::Left | Side::Right));
    skip("crossed_slr", one_side && a.crossed_slr.is_none());
    skip("ake", a.ake.as_ref().is_none_or(|k| k.left_deficit_deg.is_none() && k.right_deficit_deg.is_none()));
    skip("thomas", a.thomas.is_none());
    skip("bridge", a.bridge.as_ref().is_none_or(|b| b.left_reps.is_none() && b.right_reps.is_none()));
    skipped
}

#[cfg(test)]
pub(crate) mod tests;
