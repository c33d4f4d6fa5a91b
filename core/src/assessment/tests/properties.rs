//! Properties over every combination of answers: safety never gives way.

use proptest::prelude::*;

use super::super::answers::Bridge;
use super::super::answers::*;
use super::super::*;
use crate::assessment::{FACE_DOWN, ON_BACK, PREGNANCY_ON_BACK};
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
    fn leg()(b in prop::array::uniform6(prop::bool::weighted(0.15)), both in opt(prop::bool::weighted(0.2)), worse in opt(prop::bool::weighted(0.2))) -> LegSymptoms {
        LegSymptoms { numbness: b[0], pins_and_needles: b[1], weakness: b[2], both_legs: both, worsening: worse, below_knee_pain_as_bad_as_back: b[3], new_difficulty_walking: b[4], stops_normal_activities: b[5] }
    }
}
prop_compose! {
    fn cauda()(b in prop::array::uniform4(prop::bool::weighted(0.05))) -> CaudaEquina {
        CaudaEquina { saddle_numbness: b[0], bladder: b[1], bowel: b[2], sexual: b[3] }
    }
}
prop_compose! {
    fn general()(b in prop::array::uniform12(prop::bool::weighted(0.08))) -> General {
        General { fever: b[0], unwell: b[10], chest_or_belly_pain: b[11], weight_loss: b[1], past_cancer: b[2], steroids_or_immunosuppressed: b[3], injecting_drugs: b[4], recent_infection: b[5], night_pain: b[6], thoracic_pain: b[7], deformity: b[8], pain_in_several_places: b[9] }
    }
}
prop_compose! {
    fn known()(b in prop::array::uniform6(prop::bool::weighted(0.15))) -> Known {
        Known { disc: b[0], sciatica: b[1], spinal_surgery_12_months: b[2], pregnancy: b[3], osteoporosis: b[4], new_to_exercise: b[5] }
    }
}
prop_compose! {
    fn strain()(b in prop::array::uniform4(any::<bool>()), walks in opt(any::<bool>()), days in opt(0..60), heel in opt(0..=10)) -> Strain {
        Strain { pop: b[0], bruising: b[1], walks_normally: walks, pain_on_contraction: b[2], gap: b[3], days_since: days, heel_dig_pain: heel }
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

/// Answers with every required safety question answered, then one of them taken away.
fn without_one_safety_answer() -> impl Strategy<Value = (Answers, usize)> {
    (answers(), 0..8usize).prop_map(|(mut a, which)| {
        a.onset.get_or_insert(Onset::Gradual);
        a.known.get_or_insert_with(Known::default);
        a.cauda_equina.get_or_insert_with(CaudaEquina::default);
        a.general.get_or_insert_with(General::default);
        let leg = a.leg_symptoms.get_or_insert_with(LegSymptoms::default);
        leg.both_legs.get_or_insert(false);
        leg.worsening.get_or_insert(false);
        if let Some(s) = a.strain.as_mut() {
            s.walks_normally.get_or_insert(true);
        }
        match which {
            0 => a.onset = None,
            1 => a.known = None,
            2 => a.cauda_equina = None,
            3 => a.general = None,
            4 => a.leg_symptoms = None,
            5 => {
                let leg = a.leg_symptoms.as_mut().unwrap();
                leg.numbness = true;
                leg.both_legs = None;
            }
            6 => {
                let leg = a.leg_symptoms.as_mut().unwrap();
                leg.pins_and_needles = true;
                leg.worsening = None;
            }
            _ => {
                a.onset = Some(Onset::SuddenThighPain);
                a.strain.get_or_insert_with(Strain::default).walks_normally = None;
            }
        }
        (a, which)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn a_required_safety_answer_left_out_means_no_plan_and_names_it((a, which) in without_one_safety_answer()) {
        let expected = ["onset", "known", "cauda_equina", "general", "leg_symptoms", "leg_symptoms.both_legs", "leg_symptoms.worsening", "strain.walks_normally"][which];
        let r = evaluate(&a.validate().unwrap());
        prop_assert!(!r.plan_allowed);
        prop_assert!(r.missing.iter().any(|m| m == expected), "{:?} lacks {}", r.missing, expected);
        prop_assert!(r.patterns.is_empty());
    }

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
        // Every required safety question answered, or no plan and the gap named.
        let safety = super::super::missing::missing(&a);
        prop_assert_eq!(&r.missing, &safety);
        if !r.missing.is_empty() {
            prop_assert!(!r.plan_allowed);
            prop_assert!(r.patterns.is_empty());
            prop_assert!(r.exercise_cautions.is_empty());
        }
        if r.plan_allowed {
            prop_assert!(r.missing.is_empty() && r.triage.tier <= Tier::Soon);
        }
        // A positive crossed leg raise always closes the nerve gate, and is never below soon.
        if a.crossed_slr == Some(true) {
            prop_assert!(r.has_gate(GateId::Nerve));
            prop_assert!(r.triage.tier >= Tier::Soon);
        }
        // The leg raise bringing on the usual leg pain is a nerve sign, never tight hamstrings.
        if a.slr.as_ref().is_some_and(|s| s.reproduces_leg_pain) {
            prop_assert!(r.has_gate(GateId::Nerve));
            prop_assert!(r.pattern(PatternId::TightHamstrings).is_none());
        }
        // In pregnancy nothing face down, and every planned exercise on the back carries its note.
        if a.known.as_ref().is_some_and(|k| k.pregnancy) {
            for ex in FACE_DOWN { prop_assert!(r.is_excluded(*ex)); }
            if r.plan_allowed {
                for ex in ON_BACK.iter().filter(|ex| !r.is_excluded(**ex)) {
                    prop_assert!(r.exercise_cautions.iter().any(|c| c.exercise == *ex && c.caution == PREGNANCY_ON_BACK));
                }
            }
        }
        // No text names an internal id of a missing question.
        for line in r.explanation.iter().chain(&r.next_steps) {
            for id in r.missing.iter().chain(&r.not_judged).filter(|id| id.contains(['_', '.'])) {
                prop_assert!(!line.contains(id.as_str()), "{} in {}", id, line);
            }
            prop_assert!(!line.contains('_'), "an internal id in {}", line);
        }
        // The result survives its own JSON contract.
        let json = serde_json::to_string(&r).unwrap();
        prop_assert_eq!(serde_json::from_str::<AssessmentResult>(&json).unwrap(), r);
    }
}
