//! Answers in the JSON contract: any text gives a typed error or answers, never a panic, and the
//! safety rules hold for every answer set that parses.

#![no_main]

use libfuzzer_sys::fuzz_target;
use limber_core::assessment::{Answers, AssessmentResult, PAIN_CEILING, PAIN_CEILING_GATED, Tier, evaluate};

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
    let safety_answered = a.leg_symptoms.is_some() && a.cauda_equina.is_some() && a.general.is_some();
    if !safety_answered {
        assert!(!r.plan_allowed, "a plan before the safety questions are answered");
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
