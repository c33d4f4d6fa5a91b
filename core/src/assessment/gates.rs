//! Gates (CLINICAL.md §3): what must not be done, and why. Evaluated after triage; several can
//! apply. Also the strain phase and the Nordic curl's entry rule (§5).

use super::answers::{Answers, Onset};
use super::questionnaire::STRAIN_TEST_FREE_DAYS;
use super::result::{ExerciseCaution, Gate, GateId, StrainPhase, Tier};
use crate::catalog::ExerciseId::{self, *};

/// [D] Strain phase II starts when walking is normal and a moderate heel dig hurts this much or less.
pub const STRAIN_HEEL_DIG_MAX: i32 = 2;
/// [E: Heiderscheit 2010] The first days after a strain are for protection.
pub const STRAIN_PROTECT_DAYS: i32 = 3;
/// [D] Full stretching once the SLR is within this many degrees of the other leg.
pub const STRAIN_SLR_SIDE_GAP: i32 = 10;

/// [E: CLINICAL.md §3] G4 applies from this age for people new to exercise.
pub const CAUTION_AGE: i32 = 65;

/// [E: §5] Nordic curls need at least this many pain-free single-leg bridges each side...
pub const NORDIC_MIN_BRIDGES: i32 = 20;
/// ...and pain at or below this.
pub const NORDIC_MAX_PAIN: i32 = 3;

/// [E: CLINICAL.md §3 G4] Done lying face down: left out in pregnancy.
pub const FACE_DOWN: &[ExerciseId] = &[FoamRollQuads];

/// [E: CLINICAL.md §3 G4] Done lying on the back: in pregnancy each carries `PREGNANCY_ON_BACK`.
/// A catalog test keeps these lists in step with the exercises' first steps.
pub const ON_BACK: &[ExerciseId] = &[
    LyingHamstringStretch,
    BandHamstringStretch,
    WallHamstringStretch,
    KneesToChest,
    GluteStretch,
    HeelDigHold,
    BridgeHold,
    Bridge,
    SingleLegBridge,
];

/// [E: CLINICAL.md §3 G4] The caution on every exercise done lying on the back, in pregnancy.
pub const PREGNANCY_ON_BACK: &str = "You are pregnant: after the first three months, or at once if you feel dizzy or unwell lying on your back, do this on your side or propped up instead.";

const HAMSTRING_STRETCHES: &[ExerciseId] = &[
    LyingHamstringStretch,
    StandingToeReach,
    ChairHamstringStretch,
    BandHamstringStretch,
    WallHamstringStretch,
];

pub struct GateOutcome {
    pub gates: Vec<Gate>,
    pub strain_phase: Option<StrainPhase>,
    pub excluded: Vec<ExerciseId>,
    pub cautions: Vec<ExerciseCaution>,
}

pub fn gates(a: &Answers, tier: Tier) -> GateOutcome {
    let mut gates = Vec::new();
    let mut excluded = Vec::new();

    let strain = strain_phase(a);
    if let Some((phase, rules)) = &strain {
        let (reason, closed): (&str, &[ExerciseId]) = match phase {
            StrainPhase::Protect => (
                "A recent hamstring strain needs a few days of protection: walking as pain allows, pain-free heel digs and bridge holds, no stretching, rolling or hard strengthening yet.",
                &[
                    LyingHamstringStretch,
                    StandingToeReach,
                    ChairHamstringStretch,
                    BandHamstringStretch,
                    WallHamstringStretch,
                    NordicCurl,
                    FoamRollHamstrings,
                    Bridge,
                    SingleLegBridge,
                ],
            ),
            StrainPhase::Gentle => (
                "The strain is healing: gentle stretches are fine while they hurt no more than 2 out of 10; no deep stretches, rolling over the injury or Nordic curls yet.",
                &[StandingToeReach, WallHamstringStretch, NordicCurl, FoamRollHamstrings],
            ),
            StrainPhase::Full => ("", &[]),
        };
        if *phase != StrainPhase::Full {
            gates.push(gate(GateId::AcuteStrain, rules.clone(), reason));
            excluded.extend_from_slice(closed);
        }
    }

    let nerve_rules = nerve_rules(a);
    let nerve = !nerve_rules.is_empty();
    if nerve {
        gates.push(gate(
            GateId::Nerve,
            nerve_rules,
            "Your answers suggest a sensitive nerve in the leg. Stretches that pull on it can flare it, so hamstring stretches and Nordic curls are left out; walking, gentle nerve sliders and easing positions help instead.",
        ));
        excluded.extend_from_slice(HAMSTRING_STRETCHES);
        excluded.push(NordicCurl);
        if a.leg_symptoms.as_ref().is_some_and(|l| l.numbness) {
            // Never roll over skin that cannot feel.
            excluded.push(FoamRollHamstrings);
        }
    }

    let known = a.known.clone().unwrap_or_default();
    if !nerve && (known.disc || known.sciatica) {
        let rules = [("known_disc", known.disc), ("known_sciatica", known.sciatica)];
        gates.push(gate(
            GateId::Disc,
            fired(&rules),
            "With a known disc problem or past sciatica, hamstring stretches are fine only while they bring on no leg symptoms; Limber asks after each session. Toe touches and Nordic curls are left out.",
        ));
        excluded.extend_from_slice(&[StandingToeReach, NordicCurl]);
    }

    let caution_rules = [
        ("spinal_surgery_12_months", known.spinal_surgery_12_months),
        ("pregnancy", known.pregnancy),
        ("osteoporosis", known.osteoporosis),
        ("age_65_new_to_exercise", a.age >= CAUTION_AGE && known.new_to_exercise),
    ];
    let caution = fired(&caution_rules);
    if !caution.is_empty() {
        let reason = if known.pregnancy {
            "To be on the safe side, Nordic curls, loaded bending to the toes and anything done lying face down are left out unless a clinician has cleared them. Exercises done lying on your back carry a note: after the first three months, or if you feel dizzy, switch to your side."
        } else {
            "To be on the safe side, Nordic curls and loaded bending to the toes are left out unless a clinician has cleared them."
        };
        gates.push(gate(GateId::Caution, caution, reason));
        excluded.extend_from_slice(&[NordicCurl, StandingToeReach]);
        if known.pregnancy {
            excluded.extend_from_slice(FACE_DOWN);
        }
    }
    let cautions: Vec<ExerciseCaution> = if known.pregnancy {
        ON_BACK
            .iter()
            .map(|&exercise| ExerciseCaution { exercise, caution: PREGNANCY_ON_BACK.to_owned() })
            .collect()
    } else {
        Vec::new()
    };

    if !nordic_ready(a, tier, gates.is_empty()) {
        excluded.push(NordicCurl);
    }

    crate::sort::sort_dedup(&mut excluded);
    let cautions = cautions.into_iter().filter(|c| !excluded.contains(&c.exercise)).collect();
    GateOutcome { gates, strain_phase: strain.map(|(phase, _)| phase), excluded, cautions }
}

fn gate(id: GateId, rules: Vec<String>, reason: &str) -> Gate {
    Gate { id, rules, reason: reason.to_owned() }
}

fn fired(rules: &[(&str, bool)]) -> Vec<String> {
    rules.iter().filter(|(_, on)| *on).map(|(id, _)| (*id).to_owned()).collect()
}

/// The strain phase, with the rules that set it, when the pain began suddenly in the thigh.
pub fn strain_phase(a: &Answers) -> Option<(StrainPhase, Vec<String>)> {
    if a.onset != Some(Onset::SuddenThighPain) {
        return None;
    }
    let Some(s) = &a.strain else {
        return Some((StrainPhase::Protect, vec!["strain_not_answered".into()]));
    };
    let protect = fired(&[
        ("strain_first_days", s.days_since.is_some_and(|d| d < STRAIN_PROTECT_DAYS)),
        // Not answered is never read as walking normally.
        ("strain_walking_hurts", s.walks_normally != Some(true)),
        ("strain_heel_dig_painful", s.heel_dig_pain.is_some_and(|p| p > STRAIN_HEEL_DIG_MAX)),
        ("strain_heel_dig_not_tested", s.heel_dig_pain.is_none()),
    ]);
    if !protect.is_empty() {
        return Some((StrainPhase::Protect, protect));
    }
    // [E: CLINICAL.md §3] Within 14 days of the strain (or on a day not given) the raise to a
    // firm stretch and the bridge to failure are not asked, so they can never move a fresh
    // strain to the full dose, even when the answers carry them (issue 12 review: day 3 with an
    // even raise and a pain-free bridge was given foam rolling and full stretching).
    let tests_asked = s.days_since.is_some_and(|d| d > STRAIN_TEST_FREE_DAYS);
    let slr_close = tests_asked
        && a.slr.as_ref().is_some_and(|slr| match (slr.left_deg, slr.right_deg) {
            (Some(l), Some(r)) => (l - r).abs() <= STRAIN_SLR_SIDE_GAP,
            _ => false,
        });
    let bridge_pain_free = tests_asked && a.bridge.as_ref().is_some_and(|b| b.pain == Some(0));
    if slr_close && bridge_pain_free {
        Some((StrainPhase::Full, vec!["strain_slr_even_and_bridge_pain_free".into()]))
    } else {
        Some((StrainPhase::Gentle, vec!["strain_walks_and_heel_dig_easy".into()]))
    }
}

fn nerve_rules(a: &Answers) -> Vec<String> {
    let leg = a.leg_symptoms.clone().unwrap_or_default();
    let slr = a.slr.clone().unwrap_or_default();
    fired(&[
        ("below_knee_pain", leg.below_knee_pain_as_bad_as_back),
        ("pins_and_needles", leg.pins_and_needles),
        ("numbness", leg.numbness),
        // [E: CLINICAL.md §3] The usual leg pain brought on by the raise, at any angle and on
        // either side: a nerve sign, never a tight muscle.
        ("slr_reproduces_leg_pain", slr.reproduces_leg_pain),
        ("nerve_check", a.nerve_check == Some(true)),
        ("slump", a.slump == Some(true)),
        // [D] A sign of a disc pressing on a nerve root.
        ("crossed_slr", a.crossed_slr == Some(true)),
    ])
}

/// Nordic curls (§5): none of the gates, no doctor visit pending, pain 3/10 or less, and 20 or
/// more pain-free single-leg bridges each side. The anchor is asked for when the plan is built.
fn nordic_ready(a: &Answers, tier: Tier, no_gates: bool) -> bool {
    let bridges = a.bridge.as_ref().is_some_and(|b| {
        b.pain == Some(0)
            && b.left_reps.is_some_and(|r| r >= NORDIC_MIN_BRIDGES)
            && b.right_reps.is_some_and(|r| r >= NORDIC_MIN_BRIDGES)
    });
    no_gates && tier == Tier::NoFlags && a.pain_now.is_some_and(|p| p <= NORDIC_MAX_PAIN) && bridges
}
