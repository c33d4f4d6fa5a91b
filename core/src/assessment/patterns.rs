//! Patterns (CLINICAL.md §4): what the tests suggest, after triage and gates. Several can apply.

use super::answers::{Answers, FeltAt, Posture};
use super::result::{Confidence, Pattern, PatternId};

/// [S; E: Ayala] A straight leg raise below this is below the typical 80-90 degrees.
pub const SLR_TYPICAL_MIN: i32 = 80;
/// [E] More than this many degrees short of straight in the active knee extension test.
pub const AKE_TIGHT_OVER: i32 = 20;
/// [E: Freckleton 2014, athletes' norms, used loosely] Fewer single-leg bridges than this...
pub const BRIDGE_LOW_UNDER: i32 = 20;
/// ...or this big a difference between sides.
pub const BRIDGE_SIDE_GAP: i32 = 5;

pub fn patterns(a: &Answers, nerve_gate: bool) -> Vec<Pattern> {
    let mut found = Vec::new();
    if let Some(p) = tight_hamstrings(a, nerve_gate) {
        found.push(p);
    }
    if let Some(p) = anterior_tilt(a) {
        found.push(p);
    }
    if found.is_empty() {
        found.push(no_clear_finding(a));
    }
    found
}

fn tight_hamstrings(a: &Answers, nerve_gate: bool) -> Option<Pattern> {
    // With nerve signs, a short straight leg raise may be the nerve, not the muscle.
    if nerve_gate {
        return None;
    }
    let slr = a.slr.clone().unwrap_or_default();
    let felt = slr.felt_at;
    let slr_counts = matches!(felt, None | Some(FeltAt::BackOfThigh) | Some(FeltAt::BehindKnee));
    let slr_low =
        slr_counts && [slr.left_deg, slr.right_deg].into_iter().flatten().any(|d| d < SLR_TYPICAL_MIN);
    let ake = a.ake.clone().unwrap_or_default();
    let ake_tight =
        [ake.left_deficit_deg, ake.right_deficit_deg].into_iter().flatten().any(|d| d > AKE_TIGHT_OVER);
    if !slr_low && !ake_tight {
        return None;
    }
    let mut rules = Vec::new();
    if slr_low {
        rules.push("slr_below_80".to_owned());
    }
    if ake_tight {
        rules.push("ake_over_20".to_owned());
    }
    let nerve_clear = a.nerve_check == Some(false);
    let located = ake_tight || felt == Some(FeltAt::BackOfThigh);
    let confidence = if nerve_clear && located { Confidence::Likely } else { Confidence::Possible };
    if nerve_clear {
        rules.push("nerve_check_negative".to_owned());
    }
    let untroubled = a.pain_now == Some(0);
    let reason = if untroubled {
        "Your hamstrings are below the typical range of flexibility. Without pain or limits in daily life that is not a problem in itself; many strong, active people are the same."
    } else {
        "Your hamstrings are tighter than typical. Tight hamstrings can tilt the pelvis back and flatten the low back, so bending leans on the back instead of the hips. That may add to back pain; it is rarely the whole story."
    };
    Some(Pattern { id: PatternId::TightHamstrings, confidence, rules, reason: reason.to_owned() })
}

fn anterior_tilt(a: &Answers) -> Option<Pattern> {
    let thomas = a.thomas.clone().unwrap_or_default();
    let bridge = a.bridge.clone().unwrap_or_default();
    let sides = [bridge.left_reps, bridge.right_reps];
    let low = sides.into_iter().flatten().any(|r| r < BRIDGE_LOW_UNDER);
    let uneven = matches!(sides, [Some(l), Some(r)] if (l - r).abs() >= BRIDGE_SIDE_GAP);
    let mut rules: Vec<String> = [
        ("thomas_thigh_above_horizontal", thomas.thigh_above_horizontal),
        ("thomas_knee_bend_limited", thomas.knee_bend_limited),
        ("bridge_under_20", low),
        ("bridge_side_difference", uneven),
    ]
    .iter()
    .filter(|(_, on)| *on)
    .map(|(id, _)| (*id).to_owned())
    .collect();
    // Posture and knee clicks only support a finding; anterior tilt is common without pain.
    if rules.is_empty() {
        return None;
    }
    if a.posture == Some(Posture::Arched) {
        rules.push("supported_by_arched_posture".to_owned());
    }
    if a.knee_click == Some(true) {
        rules.push("supported_by_knee_click".to_owned());
    }
    Some(Pattern {
        id: PatternId::AnteriorTilt,
        confidence: Confidence::Possible,
        rules,
        reason: "Tight hip flexors or thigh muscles, or hamstrings that tire early, can tip the pelvis forward and arch the low back. A forward tilt is normal for most people without pain, so this is a possibility to work on, not a diagnosis.".to_owned(),
    })
}

fn no_clear_finding(a: &Answers) -> Pattern {
    let all_tested = a.slr.is_some() && a.ake.is_some() && a.thomas.is_some() && a.bridge.is_some();
    Pattern {
        id: PatternId::NoClearFinding,
        confidence: if all_tested { Confidence::Likely } else { Confidence::Possible },
        rules: vec![if all_tested { "all_tests_typical" } else { "tests_skipped" }.to_owned()],
        reason: "The tests did not point to one muscle pattern. A general routine of stretching, strengthening and staying active is what helps most back pain.".to_owned(),
    }
}
