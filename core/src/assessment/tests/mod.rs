//! Table-driven tests: one row per rule and edge of CLINICAL.md §2-4, from a typical baseline.

use std::collections::BTreeSet;

use super::answers::Bridge;
use super::answers::*;
use super::*;
use crate::catalog::ExerciseId::{self, *};
use crate::pain::{BodySite, Side};

mod json;
pub(crate) mod properties;

/// A person with a clear safety screen, pain 4/10 for about three months, a negative nerve
/// check and this straight leg raise: the starting point of the routine and store tests.
pub(crate) fn screened(slr_left: i32, slr_right: i32) -> Answers {
    Answers {
        age: 40,
        duration_days: Some(100),
        onset: Some(Onset::Gradual),
        known: Some(Known::default()),
        pain_now: Some(4),
        leg_symptoms: Some(LegSymptoms::default()),
        cauda_equina: Some(CaudaEquina::default()),
        general: Some(General::default()),
        nerve_check: Some(false),
        slr: Some(Slr { left_deg: Some(slr_left), right_deg: Some(slr_right), ..Slr::default() }),
        ..Answers::default()
    }
}

/// Safety screen answered and clear, tests in the typical range, pain 4/10.
pub(super) fn baseline() -> Answers {
    Answers {
        age: 40,
        duration_days: Some(60),
        onset: Some(Onset::Gradual),
        pain_now: Some(4),
        pain_sites: Some(vec![BodySite::LowBack]),
        pain_side: None,
        leg_symptoms: Some(LegSymptoms::default()),
        cauda_equina: Some(CaudaEquina::default()),
        general: Some(General::default()),
        inflammatory: Some(Inflammatory::default()),
        strain: None,
        known: Some(Known::default()),
        slr: Some(Slr {
            left_deg: Some(85),
            right_deg: Some(85),
            measured_by: Some(MeasuredBy::Helper),
            felt_at: Some(FeltAt::BackOfThigh),
            reproduces_leg_pain: false,
        }),
        nerve_check: Some(false),
        slump: Some(false),
        crossed_slr: Some(false),
        ake: Some(Ake { left_deficit_deg: Some(10), right_deficit_deg: Some(10) }),
        thomas: Some(Thomas::default()),
        bridge: Some(Bridge { left_reps: Some(25), right_reps: Some(25), pain: Some(0) }),
        posture: Some(Posture::NotSure),
        knee_click: Some(false),
        weeks_on_plan_without_improvement: Some(0),
    }
}

struct Case {
    name: &'static str,
    change: fn(&mut Answers),
    tier: Tier,
    flags: &'static [&'static str],
    gates: &'static [GateId],
    patterns: &'static [(PatternId, Confidence)],
    excluded: &'static [ExerciseId],
    allowed: &'static [ExerciseId],
}

const NONE: Tier = Tier::NoFlags;
const SOON: Tier = Tier::Soon;
const URGENT: Tier = Tier::Urgent;
const EMERGENCY: Tier = Tier::Emergency;
const CLEAR: &[(PatternId, Confidence)] = &[(PatternId::NoClearFinding, Confidence::Likely)];
const TIGHT: &[(PatternId, Confidence)] = &[(PatternId::TightHamstrings, Confidence::Likely)];
const TILT: &[(PatternId, Confidence)] = &[(PatternId::AnteriorTilt, Confidence::Possible)];
const NO_PLAN: &[(PatternId, Confidence)] = &[];
const NERVE_CLOSED: &[ExerciseId] = &[
    LyingHamstringStretch,
    StandingToeReach,
    ChairHamstringStretch,
    BandHamstringStretch,
    WallHamstringStretch,
    NordicCurl,
];
const NERVE_OPEN: &[ExerciseId] = &[Walk, NerveSlider, KneesToChest];

fn leg(a: &mut Answers) -> &mut LegSymptoms {
    a.leg_symptoms.as_mut().unwrap()
}
fn general(a: &mut Answers) -> &mut General {
    a.general.as_mut().unwrap()
}
fn known(a: &mut Answers) -> &mut Known {
    a.known.as_mut().unwrap()
}
fn slr(a: &mut Answers) -> &mut Slr {
    a.slr.as_mut().unwrap()
}
fn bridge(a: &mut Answers) -> &mut Bridge {
    a.bridge.as_mut().unwrap()
}
fn strain(a: &mut Answers, days: i32, walks: bool, heel_dig: i32) {
    a.onset = Some(Onset::SuddenThighPain);
    a.pain_side = Some(Side::Left);
    a.strain = Some(Strain {
        days_since: Some(days),
        walks_normally: Some(walks),
        heel_dig_pain: Some(heel_dig),
        pain_on_contraction: true,
        ..Strain::default()
    });
}
/// A leg symptom ticked, with both follow-ups answered "one leg, not getting worse".
fn one_leg(a: &mut Answers) -> &mut LegSymptoms {
    let l = leg(a);
    l.both_legs = Some(false);
    l.worsening = Some(false);
    l
}
fn slr_reproduces_left(a: &mut Answers, deg: i32) {
    a.pain_side = Some(Side::Left);
    let s = slr(a);
    s.left_deg = Some(deg);
    s.reproduces_leg_pain = true;
}

#[rustfmt::skip]
const CASES: &[Case] = &[
    Case { name: "baseline: clear, general plan, nordic waits for pain <= 3", change: |_| {}, tier: NONE, flags: &[], gates: &[], patterns: CLEAR, excluded: &[NordicCurl], allowed: &[LyingHamstringStretch, Bridge, SingleLegBridge] },
    // Emergency.
    Case { name: "saddle numbness", change: |a| a.cauda_equina.as_mut().unwrap().saddle_numbness = true, tier: EMERGENCY, flags: &["cauda_saddle_numbness"], gates: &[], patterns: NO_PLAN, excluded: &[], allowed: &[] },
    Case { name: "bladder change", change: |a| a.cauda_equina.as_mut().unwrap().bladder = true, tier: EMERGENCY, flags: &["cauda_bladder"], gates: &[], patterns: NO_PLAN, excluded: &[], allowed: &[] },
    Case { name: "bowel control", change: |a| a.cauda_equina.as_mut().unwrap().bowel = true, tier: EMERGENCY, flags: &["cauda_bowel"], gates: &[], patterns: NO_PLAN, excluded: &[], allowed: &[] },
    Case { name: "sexual dysfunction", change: |a| a.cauda_equina.as_mut().unwrap().sexual = true, tier: EMERGENCY, flags: &["cauda_sexual"], gates: &[], patterns: NO_PLAN, excluded: &[], allowed: &[] },
    Case { name: "pins and needles in both legs", change: |a| { leg(a).pins_and_needles = true; leg(a).both_legs = Some(true); leg(a).worsening = Some(false); }, tier: EMERGENCY, flags: &["nerve_both_legs"], gates: &[GateId::Nerve], patterns: NO_PLAN, excluded: NERVE_CLOSED, allowed: &[] },
    Case { name: "worsening weakness in both legs", change: |a| { leg(a).weakness = true; leg(a).both_legs = Some(true); leg(a).worsening = Some(true); }, tier: EMERGENCY, flags: &["nerve_both_legs", "worsening_both_legs"], gates: &[], patterns: NO_PLAN, excluded: &[], allowed: &[] },
    Case { name: "new difficulty walking", change: |a| leg(a).new_difficulty_walking = true, tier: EMERGENCY, flags: &["new_difficulty_walking"], gates: &[], patterns: NO_PLAN, excluded: &[], allowed: &[] },
    Case { name: "emergency outranks urgent and soon", change: |a| { a.cauda_equina.as_mut().unwrap().bladder = true; a.crossed_slr = Some(true); general(a).night_pain = true; }, tier: EMERGENCY, flags: &["cauda_bladder", "crossed_slr", "night_pain"], gates: &[], patterns: NO_PLAN, excluded: &[], allowed: &[] },
    // Urgent.
    Case { name: "fever and injecting drugs", change: |a| { general(a).fever = true; general(a).injecting_drugs = true; }, tier: URGENT, flags: &["possible_infection", "injecting_drugs"], gates: &[], patterns: NO_PLAN, excluded: &[], allowed: &[] },
    Case { name: "fever and weak immunity", change: |a| { general(a).fever = true; general(a).steroids_or_immunosuppressed = true; }, tier: URGENT, flags: &["possible_infection", "weak_immunity"], gates: &[], patterns: NO_PLAN, excluded: &[], allowed: &[] },
    Case { name: "fever and recent infection", change: |a| { general(a).fever = true; general(a).recent_infection = true; }, tier: URGENT, flags: &["possible_infection", "recent_infection"], gates: &[], patterns: NO_PLAN, excluded: &[], allowed: &[] },
    Case { name: "back pain after major trauma", change: |a| a.onset = Some(Onset::MajorTrauma), tier: EMERGENCY, flags: &["major_trauma"], gates: &[], patterns: NO_PLAN, excluded: &[], allowed: &[] },
    Case { name: "minor fall with osteoporosis", change: |a| { a.onset = Some(Onset::MinorFallOrLift); known(a).osteoporosis = true; }, tier: URGENT, flags: &["fragility_fracture"], gates: &[GateId::Caution], patterns: NO_PLAN, excluded: &[NordicCurl, StandingToeReach], allowed: &[] },
    Case { name: "minor lift on long-term steroids", change: |a| { a.onset = Some(Onset::MinorFallOrLift); general(a).steroids_or_immunosuppressed = true; }, tier: URGENT, flags: &["fragility_fracture", "weak_immunity"], gates: &[], patterns: NO_PLAN, excluded: &[], allowed: &[] },
    Case { name: "minor lift alone is not a red flag", change: |a| a.onset = Some(Onset::MinorFallOrLift), tier: NONE, flags: &[], gates: &[], patterns: CLEAR, excluded: &[], allowed: &[] },
    Case { name: "past cancer with new pain", change: |a| { general(a).past_cancer = true; a.duration_days = Some(30); }, tier: URGENT, flags: &["past_cancer_new_pain"], gates: &[], patterns: NO_PLAN, excluded: &[], allowed: &[] },
    Case { name: "past cancer with long-standing pain", change: |a| { general(a).past_cancer = true; a.duration_days = Some(200); }, tier: SOON, flags: &["past_cancer"], gates: &[], patterns: CLEAR, excluded: &[], allowed: &[] },
    Case { name: "weakness in one leg", change: |a| leg(a).weakness = true, tier: URGENT, flags: &["one_leg_weakness"], gates: &[], patterns: NO_PLAN, excluded: &[], allowed: &[] },
    Case { name: "crossed straight leg raise: soon, and the nerve gate", change: |a| { a.pain_side = Some(Side::Left); a.crossed_slr = Some(true); }, tier: SOON, flags: &["crossed_slr"], gates: &[GateId::Nerve], patterns: CLEAR, excluded: NERVE_CLOSED, allowed: NERVE_OPEN },
    Case { name: "pop and cannot walk normally: complete tear", change: |a| { strain(a, 1, false, 6); a.strain.as_mut().unwrap().pop = true; }, tier: URGENT, flags: &["complete_tear"], gates: &[GateId::AcuteStrain], patterns: NO_PLAN, excluded: &[], allowed: &[] },
    Case { name: "pop and large bruising", change: |a| { strain(a, 4, true, 2); let s = a.strain.as_mut().unwrap(); s.pop = true; s.bruising = true; }, tier: URGENT, flags: &["complete_tear"], gates: &[], patterns: NO_PLAN, excluded: &[], allowed: &[] },
    Case { name: "pop and a felt gap", change: |a| { strain(a, 4, true, 2); let s = a.strain.as_mut().unwrap(); s.pop = true; s.gap = true; }, tier: URGENT, flags: &["complete_tear"], gates: &[], patterns: NO_PLAN, excluded: &[], allowed: &[] },
    // Issue 12: each red-flag path that was weaker than its guidance, with its right tier.
    Case { name: "issue 12: fever on its own is urgent", change: |a| general(a).fever = true, tier: URGENT, flags: &["possible_infection"], gates: &[], patterns: NO_PLAN, excluded: &[], allowed: &[] },
    Case { name: "issue 12: cancer signs cluster, unwell and weight loss", change: |a| { general(a).unwell = true; general(a).weight_loss = true; }, tier: URGENT, flags: &["several_warning_signs", "weight_loss"], gates: &[], patterns: NO_PLAN, excluded: &[], allowed: &[] },
    Case { name: "issue 12: cancer signs cluster, night pain and onset after 50", change: |a| { a.age = 58; general(a).night_pain = true; }, tier: URGENT, flags: &["several_warning_signs", "night_pain", "onset_after_50"], gates: &[], patterns: NO_PLAN, excluded: &[], allowed: &[] },
    Case { name: "issue 12: cancer signs cluster, past cancer and night pain, long-standing", change: |a| { a.duration_days = Some(400); general(a).past_cancer = true; general(a).night_pain = true; }, tier: URGENT, flags: &["several_warning_signs", "past_cancer", "night_pain"], gates: &[], patterns: NO_PLAN, excluded: &[], allowed: &[] },
    Case { name: "feeling unwell alone is no flag", change: |a| general(a).unwell = true, tier: NONE, flags: &[], gates: &[], patterns: CLEAR, excluded: &[], allowed: &[] },
    Case { name: "issue 12: a felt gap in the thigh muscle alone", change: |a| { strain(a, 5, true, 1); a.strain.as_mut().unwrap().gap = true; }, tier: URGENT, flags: &["complete_tear"], gates: &[], patterns: NO_PLAN, excluded: &[], allowed: &[] },
    Case { name: "pop with walking not answered is not read as walking normally", change: |a| { strain(a, 5, true, 1); let s = a.strain.as_mut().unwrap(); s.pop = true; s.walks_normally = None; }, tier: URGENT, flags: &["complete_tear"], gates: &[], patterns: NO_PLAN, excluded: &[], allowed: &[] },
    Case { name: "pop, walking normally, no bruising: not a tear", change: |a| { strain(a, 20, true, 1); a.strain.as_mut().unwrap().pop = true; }, tier: NONE, flags: &[], gates: &[], patterns: CLEAR, excluded: &[], allowed: &[WallHamstringStretch] },
    Case { name: "issue 12: a leg raise that brings on the usual leg pain", change: |a| slr_reproduces_left(a, 75), tier: NONE, flags: &[], gates: &[GateId::Nerve], patterns: CLEAR, excluded: NERVE_CLOSED, allowed: NERVE_OPEN },
    Case { name: "issue 12: a minor fall at 70", change: |a| { a.age = 70; a.duration_days = Some(20); a.onset = Some(Onset::MinorFallOrLift); }, tier: URGENT, flags: &["fragility_fracture", "onset_after_50"], gates: &[], patterns: NO_PLAN, excluded: &[], allowed: &[] },
    Case { name: "a minor fall at 69 is only the age at onset", change: |a| { a.age = 69; a.duration_days = Some(20); a.onset = Some(Onset::MinorFallOrLift); }, tier: SOON, flags: &["onset_after_50"], gates: &[], patterns: CLEAR, excluded: &[], allowed: &[] },
    Case { name: "issue 12: started before 20, lasting over 90 days", change: |a| { a.age = 30; a.duration_days = Some(13 * 365); }, tier: SOON, flags: &["onset_before_20"], gates: &[], patterns: CLEAR, excluded: &[], allowed: &[] },
    Case { name: "started at 20 is not before 20", change: |a| { a.age = 30; a.duration_days = Some(10 * 365); }, tier: NONE, flags: &[], gates: &[], patterns: CLEAR, excluded: &[], allowed: &[] },
    Case { name: "issue 12: started after 50, lasting over 90 days", change: |a| { a.age = 60; a.duration_days = Some(8 * 365); }, tier: SOON, flags: &["onset_after_50"], gates: &[], patterns: CLEAR, excluded: &[], allowed: &[] },
    Case { name: "started at 50 is not after 50", change: |a| { a.age = 60; a.duration_days = Some(10 * 365); }, tier: NONE, flags: &[], gates: &[], patterns: CLEAR, excluded: &[], allowed: &[] },
    Case { name: "issue 12: back pain after major trauma is an emergency", change: |a| a.onset = Some(Onset::MajorTrauma), tier: EMERGENCY, flags: &["major_trauma"], gates: &[], patterns: NO_PLAN, excluded: &[], allowed: &[] },
    Case { name: "issue 12: chest or belly pain with back pain", change: |a| general(a).chest_or_belly_pain = true, tier: EMERGENCY, flags: &["chest_or_belly_pain"], gates: &[], patterns: NO_PLAN, excluded: &[], allowed: &[] },
    Case { name: "issue 12: a positive crossed leg raise is soon and keeps the plan", change: |a| { a.pain_side = Some(Side::Right); a.pain_sites = Some(vec![BodySite::LowBack, BodySite::BackOfThigh]); a.crossed_slr = Some(true); }, tier: SOON, flags: &["crossed_slr"], gates: &[GateId::Nerve], patterns: CLEAR, excluded: NERVE_CLOSED, allowed: NERVE_OPEN },
    Case { name: "below-knee pain in both legs, confirmed by the both-legs question", change: |a| { leg(a).below_knee_pain_as_bad_as_back = true; leg(a).both_legs = Some(true); leg(a).worsening = Some(false); }, tier: EMERGENCY, flags: &["nerve_both_legs"], gates: &[], patterns: NO_PLAN, excluded: &[], allowed: &[] },
    Case { name: "pain below the knee with both legs as the side", change: |a| { a.pain_sites = Some(vec![BodySite::LowBack, BodySite::BelowKnee]); a.pain_side = Some(Side::Both); }, tier: EMERGENCY, flags: &["below_knee_pain_both_legs"], gates: &[], patterns: NO_PLAN, excluded: &[], allowed: &[] },
    Case { name: "review of issue 12: pain below the knee, back on both sides, but not in both legs", change: |a| { a.pain_sites = Some(vec![BodySite::LowBack, BodySite::BelowKnee]); a.pain_side = Some(Side::Both); leg(a).both_legs = Some(false); }, tier: NONE, flags: &[], gates: &[], patterns: CLEAR, excluded: &[], allowed: &[] },
    Case { name: "thigh pain in both legs is not below the knee", change: |a| { a.pain_sites = Some(vec![BodySite::LowBack, BodySite::BackOfThigh]); a.pain_side = Some(Side::Both); }, tier: NONE, flags: &[], gates: &[], patterns: CLEAR, excluded: &[], allowed: &[] },
    Case { name: "numbness in both legs getting worse", change: |a| { leg(a).numbness = true; leg(a).both_legs = Some(true); leg(a).worsening = Some(true); }, tier: EMERGENCY, flags: &["nerve_both_legs", "worsening_both_legs"], gates: &[], patterns: NO_PLAN, excluded: &[], allowed: &[] },
    Case { name: "injecting drugs alone", change: |a| general(a).injecting_drugs = true, tier: SOON, flags: &["injecting_drugs"], gates: &[], patterns: CLEAR, excluded: &[], allowed: &[] },
    Case { name: "recent infection alone", change: |a| general(a).recent_infection = true, tier: SOON, flags: &["recent_infection"], gates: &[], patterns: CLEAR, excluded: &[], allowed: &[] },
    Case { name: "weak immunity alone", change: |a| general(a).steroids_or_immunosuppressed = true, tier: SOON, flags: &["weak_immunity"], gates: &[], patterns: CLEAR, excluded: &[], allowed: &[] },
    Case { name: "sciatica that stops normal activities", change: |a| one_leg(a).stops_normal_activities = true, tier: SOON, flags: &["sciatica_stops_activities"], gates: &[], patterns: CLEAR, excluded: &[], allowed: &[] },
    Case { name: "pregnancy: nothing face down", change: |a| known(a).pregnancy = true, tier: NONE, flags: &[], gates: &[GateId::Caution], patterns: CLEAR, excluded: &[NordicCurl, StandingToeReach, FoamRollQuads], allowed: &[Bridge, LyingHamstringStretch, FoamRollHamstrings] },
    // Soon, with the age edges.
    Case { name: "age 19, new pain", change: |a| a.age = 19, tier: SOON, flags: &["onset_before_20"], gates: &[], patterns: CLEAR, excluded: &[], allowed: &[] },
    Case { name: "age 20 is not under 20", change: |a| a.age = 20, tier: NONE, flags: &[], gates: &[], patterns: CLEAR, excluded: &[], allowed: &[] },
    Case { name: "age 50 is not over 50", change: |a| a.age = 50, tier: NONE, flags: &[], gates: &[], patterns: CLEAR, excluded: &[], allowed: &[] },
    Case { name: "age 51, new pain", change: |a| a.age = 51, tier: SOON, flags: &["onset_after_50"], gates: &[], patterns: CLEAR, excluded: &[], allowed: &[] },
    Case { name: "age 51, pain for years", change: |a| { a.age = 51; a.duration_days = Some(800); }, tier: NONE, flags: &[], gates: &[], patterns: CLEAR, excluded: &[], allowed: &[] },
    Case { name: "age 51, duration unknown counts as new", change: |a| { a.age = 51; a.duration_days = None; }, tier: SOON, flags: &["onset_after_50"], gates: &[], patterns: CLEAR, excluded: &[], allowed: &[] },
    Case { name: "fever alone", change: |a| general(a).fever = true, tier: URGENT, flags: &["possible_infection"], gates: &[], patterns: NO_PLAN, excluded: &[], allowed: &[] },
    Case { name: "unexplained weight loss", change: |a| general(a).weight_loss = true, tier: SOON, flags: &["weight_loss"], gates: &[], patterns: CLEAR, excluded: &[NordicCurl], allowed: &[] },
    Case { name: "night pain", change: |a| general(a).night_pain = true, tier: SOON, flags: &["night_pain"], gates: &[], patterns: CLEAR, excluded: &[], allowed: &[] },
    Case { name: "pain in several places", change: |a| general(a).pain_in_several_places = true, tier: SOON, flags: &["pain_in_several_places"], gates: &[], patterns: CLEAR, excluded: &[], allowed: &[] },
    Case { name: "deformity", change: |a| general(a).deformity = true, tier: SOON, flags: &["deformity"], gates: &[], patterns: CLEAR, excluded: &[], allowed: &[] },
    Case { name: "upper back pain", change: |a| general(a).thoracic_pain = true, tier: SOON, flags: &["thoracic_pain"], gates: &[], patterns: CLEAR, excluded: &[], allowed: &[] },
    Case { name: "worsening sciatica in one leg", change: |a| { one_leg(a).pins_and_needles = true; leg(a).worsening = Some(true); }, tier: SOON, flags: &["worsening_sciatica"], gates: &[GateId::Nerve], patterns: &[(PatternId::NoClearFinding, Confidence::Likely)], excluded: NERVE_CLOSED, allowed: NERVE_OPEN },
    Case { name: "inflammatory, 4 features", change: |a| a.inflammatory = Some(Inflammatory { onset_before_45_over_3_months: true, features: 4 }), tier: SOON, flags: &["inflammatory"], gates: &[], patterns: CLEAR, excluded: &[], allowed: &[] },
    Case { name: "inflammatory, 3 features", change: |a| a.inflammatory = Some(Inflammatory { onset_before_45_over_3_months: true, features: 3 }), tier: NONE, flags: &[], gates: &[], patterns: CLEAR, excluded: &[], allowed: &[] },
    Case { name: "4 weeks on the plan without improvement", change: |a| a.weeks_on_plan_without_improvement = Some(4), tier: SOON, flags: &["no_improvement"], gates: &[], patterns: CLEAR, excluded: &[], allowed: &[] },
    Case { name: "3 weeks without improvement is not yet", change: |a| a.weeks_on_plan_without_improvement = Some(3), tier: NONE, flags: &[], gates: &[], patterns: CLEAR, excluded: &[], allowed: &[] },
    // Patterns: the SLR edges.
    Case { name: "SLR 79 felt in the thigh, nerve check negative", change: |a| slr(a).left_deg = Some(79), tier: NONE, flags: &[], gates: &[], patterns: TIGHT, excluded: &[], allowed: &[LyingHamstringStretch] },
    Case { name: "SLR 80 is typical", change: |a| slr(a).left_deg = Some(80), tier: NONE, flags: &[], gates: &[], patterns: CLEAR, excluded: &[], allowed: &[] },
    Case { name: "SLR 81 is typical", change: |a| slr(a).left_deg = Some(81), tier: NONE, flags: &[], gates: &[], patterns: CLEAR, excluded: &[], allowed: &[] },
    Case { name: "SLR 70 with nerve check not done: possible", change: |a| { slr(a).left_deg = Some(70); a.nerve_check = None; }, tier: NONE, flags: &[], gates: &[], patterns: &[(PatternId::TightHamstrings, Confidence::Possible)], excluded: &[], allowed: &[] },
    Case { name: "SLR 70 felt below the knee is not a muscle finding", change: |a| { slr(a).left_deg = Some(70); slr(a).felt_at = Some(FeltAt::BelowKnee); }, tier: NONE, flags: &[], gates: &[], patterns: CLEAR, excluded: &[], allowed: &[] },
    Case { name: "AKE 21 short", change: |a| a.ake.as_mut().unwrap().right_deficit_deg = Some(21), tier: NONE, flags: &[], gates: &[], patterns: TIGHT, excluded: &[], allowed: &[] },
    Case { name: "AKE 20 short is typical", change: |a| a.ake.as_mut().unwrap().right_deficit_deg = Some(20), tier: NONE, flags: &[], gates: &[], patterns: CLEAR, excluded: &[], allowed: &[] },
    // The nerve band.
    Case { name: "SLR reproduces leg pain at 30", change: |a| slr_reproduces_left(a, 30), tier: NONE, flags: &[], gates: &[GateId::Nerve], patterns: CLEAR, excluded: NERVE_CLOSED, allowed: NERVE_OPEN },
    Case { name: "SLR reproduces leg pain at 70", change: |a| slr_reproduces_left(a, 70), tier: NONE, flags: &[], gates: &[GateId::Nerve], patterns: CLEAR, excluded: NERVE_CLOSED, allowed: NERVE_OPEN },
    Case { name: "SLR reproduces leg pain at 71: any angle closes the nerve gate", change: |a| slr_reproduces_left(a, 71), tier: NONE, flags: &[], gates: &[GateId::Nerve], patterns: CLEAR, excluded: NERVE_CLOSED, allowed: NERVE_OPEN },
    Case { name: "SLR reproduces leg pain at 85, never a tight-hamstring finding", change: |a| slr_reproduces_left(a, 85), tier: NONE, flags: &[], gates: &[GateId::Nerve], patterns: CLEAR, excluded: NERVE_CLOSED, allowed: NERVE_OPEN },
    Case { name: "SLR reproduces leg pain on the other side", change: |a| { slr_reproduces_left(a, 60); a.pain_side = Some(Side::Right); }, tier: NONE, flags: &[], gates: &[GateId::Nerve], patterns: CLEAR, excluded: NERVE_CLOSED, allowed: NERVE_OPEN },
    Case { name: "SLR reproduces leg pain at 29: even more sensitive", change: |a| slr_reproduces_left(a, 29), tier: NONE, flags: &[], gates: &[GateId::Nerve], patterns: CLEAR, excluded: NERVE_CLOSED, allowed: NERVE_OPEN },
    Case { name: "nerve check positive", change: |a| a.nerve_check = Some(true), tier: NONE, flags: &[], gates: &[GateId::Nerve], patterns: CLEAR, excluded: NERVE_CLOSED, allowed: NERVE_OPEN },
    Case { name: "slump positive", change: |a| a.slump = Some(true), tier: NONE, flags: &[], gates: &[GateId::Nerve], patterns: CLEAR, excluded: NERVE_CLOSED, allowed: NERVE_OPEN },
    Case { name: "leg pain below the knee as bad as the back", change: |a| one_leg(a).below_knee_pain_as_bad_as_back = true, tier: NONE, flags: &[], gates: &[GateId::Nerve], patterns: CLEAR, excluded: NERVE_CLOSED, allowed: NERVE_OPEN },
    Case { name: "numbness: no rolling over numb skin", change: |a| one_leg(a).numbness = true, tier: NONE, flags: &[], gates: &[GateId::Nerve], patterns: CLEAR, excluded: &[LyingHamstringStretch, NordicCurl, FoamRollHamstrings], allowed: NERVE_OPEN },
    Case { name: "nerve gate hides a short SLR from the tight pattern", change: |a| { a.slump = Some(true); slr(a).left_deg = Some(60); }, tier: NONE, flags: &[], gates: &[GateId::Nerve], patterns: CLEAR, excluded: NERVE_CLOSED, allowed: NERVE_OPEN },
    // Disc and caution.
    Case { name: "known disc, no nerve signs", change: |a| known(a).disc = true, tier: NONE, flags: &[], gates: &[GateId::Disc], patterns: CLEAR, excluded: &[StandingToeReach, NordicCurl], allowed: &[LyingHamstringStretch, BandHamstringStretch] },
    Case { name: "known disc with nerve signs is the nerve gate", change: |a| { known(a).disc = true; a.slump = Some(true); }, tier: NONE, flags: &[], gates: &[GateId::Nerve], patterns: CLEAR, excluded: NERVE_CLOSED, allowed: NERVE_OPEN },
    Case { name: "past sciatica, quiet now", change: |a| known(a).sciatica = true, tier: NONE, flags: &[], gates: &[GateId::Disc], patterns: CLEAR, excluded: &[StandingToeReach], allowed: &[] },
    Case { name: "spinal surgery this year", change: |a| known(a).spinal_surgery_12_months = true, tier: NONE, flags: &[], gates: &[GateId::Caution], patterns: CLEAR, excluded: &[NordicCurl, StandingToeReach], allowed: &[LyingHamstringStretch, Bridge] },
    Case { name: "pregnancy", change: |a| known(a).pregnancy = true, tier: NONE, flags: &[], gates: &[GateId::Caution], patterns: CLEAR, excluded: &[NordicCurl, StandingToeReach], allowed: &[] },
    Case { name: "osteoporosis", change: |a| known(a).osteoporosis = true, tier: NONE, flags: &[], gates: &[GateId::Caution], patterns: CLEAR, excluded: &[NordicCurl, StandingToeReach], allowed: &[] },
    Case { name: "65 and new to exercise", change: |a| { a.age = 65; a.duration_days = Some(7300); known(a).new_to_exercise = true; }, tier: NONE, flags: &[], gates: &[GateId::Caution], patterns: CLEAR, excluded: &[NordicCurl], allowed: &[] },
    Case { name: "64 and new to exercise", change: |a| { a.age = 64; a.duration_days = Some(7300); known(a).new_to_exercise = true; }, tier: NONE, flags: &[], gates: &[], patterns: CLEAR, excluded: &[], allowed: &[] },
    // Strain phases.
    Case { name: "strain, day 1: protect", change: |a| strain(a, 1, true, 1), tier: NONE, flags: &[], gates: &[GateId::AcuteStrain], patterns: CLEAR, excluded: &[LyingHamstringStretch, FoamRollHamstrings, NordicCurl, Bridge], allowed: &[Walk, HeelDigHold, BridgeHold] },
    Case { name: "strain, limping: protect", change: |a| strain(a, 6, false, 1), tier: NONE, flags: &[], gates: &[GateId::AcuteStrain], patterns: CLEAR, excluded: &[ChairHamstringStretch, FoamRollHamstrings], allowed: &[Walk, HeelDigHold, BridgeHold] },
    Case { name: "strain, heel dig 3/10: protect", change: |a| strain(a, 6, true, 3), tier: NONE, flags: &[], gates: &[GateId::AcuteStrain], patterns: CLEAR, excluded: &[BandHamstringStretch], allowed: &[HeelDigHold] },
    Case { name: "strain, heel dig 2/10: gentle stretching", change: |a| { strain(a, 6, true, 2); bridge(a).pain = Some(1); }, tier: NONE, flags: &[], gates: &[GateId::AcuteStrain], patterns: CLEAR, excluded: &[WallHamstringStretch, StandingToeReach, FoamRollHamstrings, NordicCurl], allowed: &[LyingHamstringStretch, Bridge] },
    Case { name: "strain, even SLR and pain-free bridges: full dose", change: |a| { strain(a, 20, true, 0); slr(a).left_deg = Some(82); }, tier: NONE, flags: &[], gates: &[], patterns: CLEAR, excluded: &[], allowed: &[WallHamstringStretch, FoamRollHamstrings] },
    // Anterior tilt and the bridge edges.
    Case { name: "Thomas test: thigh above horizontal", change: |a| a.thomas.as_mut().unwrap().thigh_above_horizontal = true, tier: NONE, flags: &[], gates: &[], patterns: TILT, excluded: &[], allowed: &[HipFlexorStretch, QuadStretch] },
    Case { name: "Thomas test: knee bend limited", change: |a| a.thomas.as_mut().unwrap().knee_bend_limited = true, tier: NONE, flags: &[], gates: &[], patterns: TILT, excluded: &[], allowed: &[] },
    Case { name: "bridge 19 reps", change: |a| bridge(a).left_reps = Some(19), tier: NONE, flags: &[], gates: &[], patterns: TILT, excluded: &[], allowed: &[] },
    Case { name: "bridge 20 reps is enough", change: |a| { bridge(a).left_reps = Some(20); bridge(a).right_reps = Some(20); }, tier: NONE, flags: &[], gates: &[], patterns: CLEAR, excluded: &[], allowed: &[] },
    Case { name: "bridge sides 5 apart", change: |a| bridge(a).right_reps = Some(30), tier: NONE, flags: &[], gates: &[], patterns: TILT, excluded: &[], allowed: &[] },
    Case { name: "bridge sides 4 apart", change: |a| bridge(a).right_reps = Some(29), tier: NONE, flags: &[], gates: &[], patterns: CLEAR, excluded: &[], allowed: &[] },
    Case { name: "arched posture and knee clicks alone decide nothing", change: |a| { a.posture = Some(Posture::Arched); a.knee_click = Some(true); }, tier: NONE, flags: &[], gates: &[], patterns: CLEAR, excluded: &[], allowed: &[] },
    Case { name: "tight and tilted together", change: |a| { slr(a).right_deg = Some(65); a.thomas.as_mut().unwrap().thigh_above_horizontal = true; }, tier: NONE, flags: &[], gates: &[], patterns: &[(PatternId::TightHamstrings, Confidence::Likely), (PatternId::AnteriorTilt, Confidence::Possible)], excluded: &[], allowed: &[] },
    // Nordic curl entry.
    Case { name: "nordic ready: pain 3, 20 pain-free bridges each side", change: |a| { a.pain_now = Some(3); bridge(a).left_reps = Some(20); bridge(a).right_reps = Some(20); }, tier: NONE, flags: &[], gates: &[], patterns: CLEAR, excluded: &[], allowed: &[NordicCurl] },
    Case { name: "nordic not ready: bridges hurt", change: |a| { a.pain_now = Some(3); bridge(a).pain = Some(1); }, tier: NONE, flags: &[], gates: &[], patterns: CLEAR, excluded: &[NordicCurl], allowed: &[] },
    Case { name: "nordic not ready: a doctor visit is pending", change: |a| { a.pain_now = Some(2); general(a).night_pain = true; }, tier: SOON, flags: &["night_pain"], gates: &[], patterns: CLEAR, excluded: &[NordicCurl], allowed: &[] },
    // Skipped tests.
    Case { name: "tests skipped: possible, with what was not judged", change: |a| { a.slr = None; a.ake = None; a.thomas = None; a.bridge = None; }, tier: NONE, flags: &[], gates: &[], patterns: &[(PatternId::NoClearFinding, Confidence::Possible)], excluded: &[NordicCurl], allowed: &[] },
];

#[test]
fn every_case_gives_its_tier_flags_gates_patterns_and_exclusions() {
    assert!(CASES.len() >= 40);
    for case in CASES {
        let mut answers = baseline();
        (case.change)(&mut answers);
        let answers = answers.validate().unwrap_or_else(|e| panic!("{}: invalid answers: {e}", case.name));
        let r = evaluate(&answers);
        let n = case.name;
        assert_eq!(r.triage.tier, case.tier, "{n}: tier");
        let flags: BTreeSet<&str> = r.triage.flags.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(flags, case.flags.iter().copied().collect(), "{n}: flags");
        if case.tier >= URGENT {
            assert!(!r.plan_allowed, "{n}: urgent or emergency must not get a plan");
        } else {
            assert!(r.plan_allowed, "{n}: plan");
            let gates: BTreeSet<GateId> = r.gates.iter().map(|g| g.id).collect();
            assert_eq!(gates, case.gates.iter().copied().collect(), "{n}: gates");
        }
        for gate in case.gates {
            assert!(r.has_gate(*gate), "{n}: gate {gate}");
        }
        let patterns: Vec<_> = r.patterns.iter().map(|p| (p.id, p.confidence)).collect();
        assert_eq!(patterns, case.patterns, "{n}: patterns");
        for ex in case.excluded {
            assert!(r.is_excluded(*ex), "{n}: {ex} should be excluded");
        }
        for ex in case.allowed {
            assert!(!r.is_excluded(*ex), "{n}: {ex} should be allowed");
        }
        assert!(!r.explanation.is_empty() && !r.next_steps.is_empty(), "{n}: words");
        for item in r.triage.flags.iter().map(|f| &f.reason).chain(r.gates.iter().map(|g| &g.reason)) {
            assert!(!item.is_empty(), "{n}: every item says why");
        }
    }
}

#[test]
fn every_triage_rule_is_covered_by_a_case() {
    let mut fired = BTreeSet::new();
    for case in CASES {
        let mut answers = baseline();
        (case.change)(&mut answers);
        fired.extend(evaluate(&answers).triage.flags.into_iter().map(|f| f.id));
    }
    for id in super::triage::rule_ids() {
        assert!(fired.contains(id), "no case fires triage rule {id}");
    }
}

/// One row per required safety question (CLINICAL.md §2): what is left out, and the ids named.
type MissingRow = (&'static str, fn(&mut Answers), &'static [&'static str]);

#[rustfmt::skip]
const MISSING: &[MissingRow] = &[
    ("no leg symptoms block", |a| a.leg_symptoms = None, &["leg_symptoms"]),
    ("no cauda equina block", |a| a.cauda_equina = None, &["cauda_equina"]),
    ("no general block", |a| a.general = None, &["general"]),
    ("issue 12: no onset", |a| a.onset = None, &["onset"]),
    ("issue 12: no known conditions", |a| a.known = None, &["known"]),
    ("issue 12: a ticked nerve symptom without its follow-ups", |a| leg(a).pins_and_needles = true, &["leg_symptoms.both_legs", "leg_symptoms.worsening"]),
    ("numbness with only 'both legs?' answered", |a| { leg(a).numbness = true; leg(a).both_legs = Some(false); }, &["leg_symptoms.worsening"]),
    ("stopping activities with only 'getting worse?' answered", |a| { leg(a).stops_normal_activities = true; leg(a).worsening = Some(false); }, &["leg_symptoms.both_legs"]),
    ("issue 12: walking not answered after a strain", |a| { strain(a, 6, true, 1); a.strain.as_mut().unwrap().walks_normally = None; }, &["strain.walks_normally"]),
    ("sudden thigh pain without the strain questions", |a| a.onset = Some(Onset::SuddenThighPain), &["strain.walks_normally"]),
    ("a strain block given with another onset", |a| a.strain = Some(Strain { walks_normally: None, ..Strain::default() }), &["strain.walks_normally"]),
    ("everything skipped", |a| { *a = Answers { age: a.age, ..Answers::default() }; }, &["cauda_equina", "leg_symptoms", "general", "onset", "known"]),
];

#[test]
fn each_required_safety_question_left_out_means_no_plan_and_is_named_in_plain_words() {
    for (name, change, ids) in MISSING {
        let mut a = baseline();
        change(&mut a);
        let r = evaluate(&a.validate().unwrap());
        assert_eq!(r.missing, *ids, "{name}");
        assert!(!r.plan_allowed, "{name}");
        assert!(r.patterns.is_empty(), "{name}");
        let text = r.explanation.join(" ");
        assert!(text.contains("answer the safety questions first"), "{name}: {text}");
        for id in *ids {
            assert!(text.contains(super::missing::describe(id)), "{name}: {id} not named in {text}");
        }
        assert!(!text.contains('_'), "{name}: an internal id in {text}");
        assert!(r.next_steps.iter().any(|s| s.contains("safety questions")), "{name}");
    }
}

#[test]
fn answered_follow_ups_and_present_blocks_are_enough_for_a_plan() {
    let mut a = baseline();
    let l = leg(&mut a);
    (l.numbness, l.both_legs, l.worsening) = (true, Some(false), Some(false));
    strain(&mut a, 20, true, 0);
    // Tick-all blocks present with nothing ticked mean "no".
    a.general = Some(General::default());
    let r = evaluate(&a);
    assert_eq!(r.missing, Vec::<String>::new());
    assert!(r.plan_allowed);
}

#[test]
fn urgent_and_emergency_still_list_what_is_missing_but_lead_with_the_doctor() {
    let mut a = baseline();
    a.onset = None;
    general(&mut a).fever = true;
    let r = evaluate(&a);
    assert_eq!(r.triage.tier, URGENT);
    assert_eq!(r.missing, ["onset"]);
    assert!(r.next_steps[0].contains("today"), "{:?}", r.next_steps);
}

#[test]
fn skipped_tests_are_named_as_people_know_them() {
    let mut a = baseline();
    a.thomas = None;
    a.slr = None;
    let text = evaluate(&a).explanation.join(" ");
    assert!(text.contains("the straight leg raise and the Thomas test"), "{text}");
    assert!(!text.contains("slr") && !text.contains("thomas,"), "{text}");
}

#[test]
fn crossed_slr_counts_as_not_judged_only_when_it_is_asked() {
    let mut a = baseline();
    a.crossed_slr = None;
    assert!(!evaluate(&a).not_judged.contains(&"crossed_slr".to_owned()));
    a.pain_side = Some(Side::Left);
    assert!(evaluate(&a).not_judged.contains(&"crossed_slr".to_owned()));
}

#[test]
fn pregnancy_puts_the_lying_on_the_back_note_on_each_planned_exercise_on_the_back() {
    let mut a = baseline();
    known(&mut a).pregnancy = true;
    let r = evaluate(&a);
    let noted: BTreeSet<ExerciseId> = r.exercise_cautions.iter().map(|c| c.exercise).collect();
    assert_eq!(noted, ON_BACK.iter().copied().collect());
    assert!(r.exercise_cautions.iter().all(|c| c.caution == PREGNANCY_ON_BACK));
    assert!(PREGNANCY_ON_BACK.contains("side") && PREGNANCY_ON_BACK.contains("dizzy"));
    assert!(r.is_excluded(FoamRollQuads));
    assert!(evaluate(&baseline()).exercise_cautions.is_empty());
}

#[test]
fn the_face_down_and_on_the_back_lists_match_the_catalog() {
    for ex in crate::catalog::catalog() {
        let steps = ex.steps.join(" ").to_lowercase();
        assert_eq!(FACE_DOWN.contains(&ex.id), steps.contains("face down"), "{}", ex.id);
        assert_eq!(ON_BACK.contains(&ex.id), steps.contains("lie on your back"), "{}", ex.id);
    }
}

#[test]
fn emergency_words_send_people_to_emergency_care_and_nothing_else() {
    let mut a = baseline();
    a.cauda_equina.as_mut().unwrap().bowel = true;
    let r = evaluate(&a);
    assert!(r.next_steps[0].contains("emergency"));
    assert!(!r.next_steps.iter().any(|s| s.contains("routine")));
}

#[test]
fn the_explanation_is_honest_about_hamstrings() {
    let mut a = baseline();
    a.slr.as_mut().unwrap().left_deg = Some(70);
    let text = evaluate(&a).explanation.join(" ");
    assert!(text.contains("rarely the whole"), "{text}");
    assert!(text.contains("may"), "{text}");
}

#[test]
fn tightness_without_pain_is_called_below_the_typical_range() {
    let mut a = baseline();
    a.pain_now = Some(0);
    a.slr.as_mut().unwrap().left_deg = Some(70);
    let r = evaluate(&a);
    assert!(r.pattern(PatternId::TightHamstrings).unwrap().reason.contains("below the typical range"));
}

#[test]
fn gates_set_the_pain_ceiling_and_leg_symptoms_show_the_warning_card() {
    let plain = evaluate(&baseline());
    assert_eq!((plain.pain_ceiling, plain.cauda_equina_card), (5, false));
    let mut a = baseline();
    a.slump = Some(true);
    a.pain_sites = Some(vec![BodySite::LowBack, BodySite::BelowKnee]);
    let nerve = evaluate(&a);
    assert_eq!((nerve.pain_ceiling, nerve.cauda_equina_card), (2, true));
}

#[test]
fn skipped_tests_are_listed_as_not_judged() {
    let mut a = baseline();
    a.thomas = None;
    a.slr.as_mut().unwrap().right_deg = None;
    let r = evaluate(&a);
    assert_eq!(r.not_judged, ["slr.right_deg", "thomas"]);
}

#[test]
fn evaluation_is_deterministic() {
    let mut a = baseline();
    a.slump = Some(true);
    assert_eq!(evaluate(&a), evaluate(&a.clone()));
}

/// Review of issue 12: three days after a thigh strain, with an even leg raise and a pain-free
/// bridge in the answers (not asked within 14 days, CLINICAL.md §3), the strain stayed at the
/// full dose and foam rolling over the fresh strain was planned. Those tests never move a fresh
/// strain on; past 14 days they do.
#[test]
fn tests_not_asked_after_a_fresh_strain_never_move_it_to_the_full_dose() {
    for (days, phase) in [(3, StrainPhase::Gentle), (14, StrainPhase::Gentle), (15, StrainPhase::Full)] {
        let mut a = baseline();
        strain(&mut a, days, true, 1);
        (slr(&mut a).left_deg, slr(&mut a).right_deg) = (Some(65), Some(70));
        bridge(&mut a).pain = Some(0);
        let r = evaluate(&a);
        assert_eq!(r.strain_phase, Some(phase), "day {days}");
        let foam_roll_excluded = r.excluded_exercises.contains(&ExerciseId::FoamRollHamstrings);
        assert_eq!(
            foam_roll_excluded,
            phase != StrainPhase::Full,
            "day {days}: foam rolling over the strain"
        );
    }
}
