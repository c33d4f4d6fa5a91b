//! Answers in the JSON contract: any text gives a typed error or answers, never a panic, and the
//! safety rules hold for every answer set that parses.

#![no_main]

use libfuzzer_sys::fuzz_target;
use limber_core::assessment::missing::missing;
use limber_core::assessment::{
    Answers, AssessmentResult, GateId, PAIN_CEILING, PAIN_CEILING_GATED, Tier, evaluate,
};

fuzz_target!(|data: &[u8]| {
    let Ok(json) = std::str::from_utf8(data) else { return };
    let Ok(answers) = Answers::from_json(json) else { return };
    let result = evaluate(&answers);
    safety(&answers, &result);
    assert_eq!(evaluate(&answers), result, "evaluate is deterministic");
    // Saved answers are stored as JSON and read back: the round trip keeps them and the verdict.
    let saved = serde_json::to_string(&answers).expect("answers serialise");
    let again = Answers::from_json(&saved).expect("saved answers read back");
    assert_eq!(again, answers);
    assert_eq!(evaluate(&again), result);
});

fn safety(a: &Answers, r: &AssessmentResult) {
    let tier = r.triage.tier;
    if matches!(tier, Tier::Urgent | Tier::Emergency) {
        assert!(!r.plan_allowed, "an {tier:?} result must not allow a plan");
    }
    // Every required safety question (CLINICAL.md §2) answered, or no plan and the gap named.
    assert_eq!(r.missing, missing(a), "missing lists exactly the unanswered safety questions");
    let safety_answered = a.leg_symptoms.is_some()
        && a.cauda_equina.is_some()
        && a.general.is_some()
        && a.onset.is_some()
        && a.known.is_some();
    if !safety_answered {
        assert!(!r.plan_allowed, "a plan before the safety questions are answered");
        assert!(!r.missing.is_empty(), "a skipped safety block not named in missing");
    }
    if let Some(l) = &a.leg_symptoms
        && l.any_ticked()
        && (l.both_legs.is_none() || l.worsening.is_none())
    {
        assert!(!r.plan_allowed, "a plan with a leg follow-up unanswered");
    }
    if a.strain.as_ref().is_some_and(|s| s.walks_normally.is_none()) {
        assert!(!r.plan_allowed, "a plan with walking after a strain unanswered");
    }
    if !r.missing.is_empty() {
        assert!(!r.plan_allowed, "a plan while safety answers are missing");
    }
    if a.crossed_slr == Some(true) {
        assert!(r.has_gate(GateId::Nerve), "a positive crossed leg raise leaves the nerve gate open");
    }
    for line in r.explanation.iter().chain(&r.next_steps) {
        assert!(!line.contains('_'), "an internal id in a text");
    }
    if !r.plan_allowed {
        assert!(r.patterns.is_empty(), "a pattern without a plan");
    }
    if let Some(c) = &a.cauda_equina
        && (c.saddle_numbness || c.bladder || c.bowel || c.sexual)
    {
        assert_eq!(tier, Tier::Emergency, "any cauda equina answer is an emergency");
    }
    // The tier is the highest of the flags that fired.
    let highest = r.triage.flags.iter().map(|f| f.tier).max().unwrap_or(Tier::NoFlags);
    assert_eq!(tier, highest);
    assert!(r.triage.flags.iter().all(|f| f.tier != Tier::NoFlags), "a flag without a tier");
    assert!([PAIN_CEILING, PAIN_CEILING_GATED].contains(&r.pain_ceiling), "pain ceiling {}", r.pain_ceiling);
    assert!(!r.explanation.is_empty() && !r.next_steps.is_empty(), "a result says what it means");
}
