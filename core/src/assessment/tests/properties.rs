//! Properties over every combination of answers: safety never gives way.

use proptest::prelude::*;

use super::super::answers::Bridge;
use super::super::answers::*;
use super::super::*;
use crate::catalog::ExerciseId::{self, *};
use crate::pain::{BodySite, Side};

fn opt<T: std::fmt::Debug + Clone + 'static>(
    s: impl Strategy<Value = T> + 'static,
) -> BoxedStrategy<Option<T>> {
    prop::option::weighted(0.8, s).boxed()
}

fn pick<T: Copy + std::fmt::Debug + 'static>(all: &'static [T]) -> BoxedStrategy<T> {
    prop::sample::select(all).boxed()
}

prop_compose! {
    fn leg()(b in prop::array::uniform7(prop::bool::weighted(0.15))) -> LegSymptoms {
        LegSymptoms { numbness: b[0], pins_and_needles: b[1], weakness: b[2], both_legs: b[3], worsening: b[4], below_knee_pain_as_bad_as_back: b[5], new_difficulty_walking: b[6] }
    }
}
prop_compose! {
    fn cauda()(b in prop::array::uniform4(prop::bool::weighted(0.05))) -> CaudaEquina {
        CaudaEquina { saddle_numbness: b[0], bladder: b[1], bowel: b[2], sexual: b[3] }
    }
}
prop_compose! {
    fn general()(b in prop::array::uniform10(prop::bool::weighted(0.1))) -> General {
        General { fever_or_unwell: b[0], weight_loss: b[1], past_cancer: b[2], steroids_or_immunosuppressed: b[3], injecting_drugs: b[4], recent_infection: b[5], night_pain: b[6], thoracic_pain: b[7], deformity: b[8], pain_in_several_places: b[9] }
    }
}
prop_compose! {
    fn known()(b in prop::array::uniform6(prop::bool::weighted(0.15))) -> Known {
        Known { disc: b[0], sciatica: b[1], spinal_surgery_12_months: b[2], pregnancy: b[3], osteoporosis: b[4], new_to_exercise: b[5] }
    }
}
prop_compose! {
    fn strain()(b in prop::array::uniform5(any::<bool>()), days in opt(0..60), heel in opt(0..=10)) -> Strain {
        Strain { pop: b[0], bruising: b[1], walks_normally: b[2], pain_on_contraction: b[3], gap: b[4], days_since: days, heel_dig_pain: heel }
    }
}
prop_compose! {
    fn slr()(l in opt(0..=120), r in opt(0..=120), by in opt(pick(MeasuredBy::ALL)), felt in opt(pick(FeltAt::ALL)), rep in any::<bool>()) -> Slr {
        Slr { left_deg: l, right_deg: r, measured_by: by, felt_at: felt, reproduces_leg_pain: rep }
    }
}
prop_compose! {
    fn tests()(
        ake in opt((opt(0..=90), opt(0..=90))),
        thomas in opt((any::<bool>(), any::<bool>())),
        bridge in opt((opt(0..=60), opt(0..=60), opt(0..=10))),
    ) -> (Option<Ake>, Option<Thomas>, Option<Bridge>) {
        (
            ake.map(|(l, r)| Ake { left_deficit_deg: l, right_deficit_deg: r }),
            thomas.map(|(t, k)| Thomas { thigh_above_horizontal: t, knee_bend_limited: k }),
            bridge.map(|(l, r, p)| Bridge { left_reps: l, right_reps: r, pain: p }),
        )
    }
}
prop_compose! {
    pub(crate) fn answers()(
        age in 16..=100,
        duration in opt(0..=2000),
        onset in opt(pick(Onset::ALL)),
        pain in opt(0..=10),
        sites in opt(prop::sample::subsequence(BodySite::ALL.to_vec(), 0..=6)),
        side in opt(pick(Side::ALL)),
        blocks in (opt(leg()), opt(cauda()), opt(general()), opt(known()), opt(strain()), opt(slr())),
        signs in (opt(any::<bool>()), opt(any::<bool>()), opt(any::<bool>()), opt((any::<bool>(), 0..=8))),
        tests in tests(),
        extra in (opt(pick(Posture::ALL)), opt(any::<bool>()), opt(0..=10)),
    ) -> Answers {
        let (leg_symptoms, cauda_equina, general, known, strain, slr) = blocks;
        let (nerve_check, slump, crossed_slr, inflammatory) = signs;
        let (ake, thomas, bridge) = tests;
        let (posture, knee_click, weeks) = extra;
        Answers {
            age, duration_days: duration, onset, pain_now: pain, pain_sites: sites, pain_side: side,
            leg_symptoms, cauda_equina, general,
            inflammatory: inflammatory.map(|(o, f)| Inflammatory { onset_before_45_over_3_months: o, features: f }),
            strain, known, slr, nerve_check, slump, crossed_slr, ake, thomas, bridge, posture, knee_click,
            weeks_on_plan_without_improvement: weeks,
        }
    }
}

const HAMSTRING_STRETCHES: &[ExerciseId] = &[
    LyingHamstringStretch,
    StandingToeReach,
    ChairHamstringStretch,
    BandHamstringStretch,
    WallHamstringStretch,
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn safety_invariants_hold_for_any_answers(a in answers()) {
        let a = a.validate().unwrap();
        let r = evaluate(&a);
        // Urgent and emergency never get a plan.
        if r.triage.tier >= Tier::Urgent {
            prop_assert!(!r.plan_allowed);
            prop_assert!(r.patterns.is_empty());
        }
        // The tier is the highest flag, and every flag says why.
        prop_assert_eq!(r.triage.tier, r.triage.flags.iter().map(|f| f.tier).max().unwrap_or(Tier::NoFlags));
        // A gate closes what it must close.
        if r.has_gate(GateId::Nerve) {
            for ex in HAMSTRING_STRETCHES { prop_assert!(r.is_excluded(*ex)); }
            prop_assert!(r.pattern(PatternId::TightHamstrings).is_none());
            prop_assert_eq!(r.pain_ceiling, 2);
        }
        if r.strain_phase == Some(StrainPhase::Protect) {
            for ex in HAMSTRING_STRETCHES { prop_assert!(r.is_excluded(*ex)); }
            prop_assert!(r.is_excluded(FoamRollHamstrings));
            prop_assert_eq!(r.pain_ceiling, 2);
        }
        if !r.gates.is_empty() || r.triage.tier != Tier::NoFlags {
            prop_assert!(r.is_excluded(NordicCurl));
        }
        // Walking is always allowed when any plan is.
        prop_assert!(!r.is_excluded(Walk));
        // Exclusions are sorted and unique so they compare and display stably.
        prop_assert!(r.excluded_exercises.windows(2).all(|w| w[0] < w[1]));
        if r.plan_allowed {
            prop_assert!(!r.patterns.is_empty());
        }
        // The result survives its own JSON contract.
        let json = serde_json::to_string(&r).unwrap();
        prop_assert_eq!(serde_json::from_str::<AssessmentResult>(&json).unwrap(), r);
    }
}
