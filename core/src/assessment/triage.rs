//! Triage (CLINICAL.md §2): red flags that replace or sit beside the exercise plan. Each rule is
//! one row: an id, a tier, when it fires and why it matters, in our own words.

use super::answers::{Answers, Onset};
use super::result::{Flag, Tier, Triage};

/// [D] Back pain counts as new for the age and cancer rules up to about 3 months (the end of
/// the subacute period). Unknown duration counts as new: the safer reading.
pub const NEW_PAIN_MAX_DAYS: i32 = 90;

/// [E: NICE NG65] Inflammatory back pain needs checking from this many features.
pub const INFLAMMATORY_FEATURES_SOON: i32 = 4;

/// [E] Weeks on the plan without improvement before a doctor should look again.
pub const NO_IMPROVEMENT_WEEKS: i32 = 4;

struct Rule {
    id: &'static str,
    tier: Tier,
    fires: fn(&Answers) -> bool,
    reason: &'static str,
}

fn leg(a: &Answers) -> super::answers::LegSymptoms {
    a.leg_symptoms.clone().unwrap_or_default()
}

fn general(a: &Answers) -> super::answers::General {
    a.general.clone().unwrap_or_default()
}

fn known(a: &Answers) -> super::answers::Known {
    a.known.clone().unwrap_or_default()
}

fn cauda(a: &Answers) -> super::answers::CaudaEquina {
    a.cauda_equina.clone().unwrap_or_default()
}

pub fn is_new_pain(a: &Answers) -> bool {
    a.duration_days.is_none_or(|d| d <= NEW_PAIN_MAX_DAYS)
}

fn any_nerve_symptom(a: &Answers) -> bool {
    let l = leg(a);
    l.numbness || l.pins_and_needles || l.weakness || l.below_knee_pain_as_bad_as_back
}

const RULES: &[Rule] = &[
    // Emergency [E: NHS sciatica page; NICE CKS; GIRFT cauda equina pathway].
    Rule {
        id: "cauda_saddle_numbness",
        tier: Tier::Emergency,
        fires: |a| cauda(a).saddle_numbness,
        reason: "Numbness around the genitals, anus or inner thighs can mean the nerves at the base of the spine are being squeezed.",
    },
    Rule {
        id: "cauda_bladder",
        tier: Tier::Emergency,
        fires: |a| cauda(a).bladder,
        reason: "New trouble starting, stopping or feeling the need to pass urine can mean the nerves at the base of the spine are being squeezed.",
    },
    Rule {
        id: "cauda_bowel",
        tier: Tier::Emergency,
        fires: |a| cauda(a).bowel,
        reason: "New loss of bowel control can mean the nerves at the base of the spine are being squeezed.",
    },
    Rule {
        id: "cauda_sexual",
        tier: Tier::Emergency,
        fires: |a| cauda(a).sexual,
        reason: "New problems with sexual function can mean the nerves at the base of the spine are being squeezed.",
    },
    Rule {
        id: "nerve_both_legs",
        tier: Tier::Emergency,
        fires: |a| leg(a).both_legs,
        reason: "Nerve symptoms in both legs at once need checking straight away.",
    },
    Rule {
        id: "worsening_both_legs",
        tier: Tier::Emergency,
        fires: |a| {
            let l = leg(a);
            l.both_legs && l.worsening && (l.weakness || l.numbness)
        },
        reason: "Weakness or numbness in both legs that is getting worse needs checking straight away.",
    },
    Rule {
        id: "new_difficulty_walking",
        tier: Tier::Emergency,
        fires: |a| leg(a).new_difficulty_walking,
        reason: "New difficulty walking because the legs will not work properly needs checking straight away.",
    },
    // Urgent: the same day.
    Rule {
        id: "possible_infection",
        tier: Tier::Urgent,
        fires: |a| {
            let g = general(a);
            g.fever_or_unwell && (g.injecting_drugs || g.steroids_or_immunosuppressed || g.recent_infection)
        },
        reason: "Fever or feeling unwell together with a higher risk of infection can mean an infection near the spine.",
    },
    Rule {
        id: "major_trauma",
        tier: Tier::Urgent,
        fires: |a| a.onset == Some(Onset::MajorTrauma),
        reason: "Back pain that began with a major accident or fall needs a check for a broken bone.",
    },
    Rule {
        id: "fragility_fracture",
        tier: Tier::Urgent,
        fires: |a| {
            a.onset == Some(Onset::MinorFallOrLift)
                && (known(a).osteoporosis || general(a).steroids_or_immunosuppressed)
        },
        reason: "A small fall or lift can break a bone when bones are thinner, as with osteoporosis or long-term steroids.",
    },
    Rule {
        id: "past_cancer_new_pain",
        tier: Tier::Urgent,
        fires: |a| general(a).past_cancer && is_new_pain(a),
        reason: "New back pain after cancer needs a doctor to rule out a link.",
    },
    Rule {
        id: "one_leg_weakness",
        tier: Tier::Urgent,
        fires: |a| {
            let l = leg(a);
            l.weakness && !l.both_legs
        },
        reason: "New or worsening weakness in a leg (a dropping foot, a knee giving way) means a nerve is affected.",
    },
    Rule {
        id: "crossed_slr",
        tier: Tier::Urgent,
        fires: |a| a.crossed_slr == Some(true),
        reason: "Pain in the bad leg when the good leg is raised points to an irritated nerve root, often from a disc.",
    },
    Rule {
        id: "complete_tear",
        tier: Tier::Urgent,
        fires: |a| a.strain.as_ref().is_some_and(|s| s.pop && (!s.walks_normally || s.bruising || s.gap)),
        reason: "A pop with trouble walking, large bruising or a gap in the muscle can mean a complete tear, which does best when seen within days.",
    },
    // Soon: within 1-2 weeks; a gentle plan may continue.
    Rule {
        id: "age_under_20_new_pain",
        tier: Tier::Soon,
        fires: |a| a.age < 20 && is_new_pain(a),
        reason: "New back pain under the age of 20 is less often simple strain and is worth a check.",
    },
    Rule {
        id: "age_over_50_new_pain",
        tier: Tier::Soon,
        fires: |a| a.age > 50 && is_new_pain(a),
        reason: "New back pain starting after 50 is worth a check.",
    },
    Rule {
        id: "past_cancer",
        tier: Tier::Soon,
        fires: |a| general(a).past_cancer && !is_new_pain(a),
        reason: "Back pain after cancer is worth mentioning to a doctor, even when it is not new.",
    },
    Rule {
        id: "feeling_unwell",
        tier: Tier::Soon,
        fires: |a| {
            let g = general(a);
            g.fever_or_unwell && !(g.injecting_drugs || g.steroids_or_immunosuppressed || g.recent_infection)
        },
        reason: "Back pain with a fever or feeling unwell is worth a check.",
    },
    Rule {
        id: "weight_loss",
        tier: Tier::Soon,
        fires: |a| general(a).weight_loss,
        reason: "Weight loss you cannot explain is worth a check.",
    },
    Rule {
        id: "night_pain",
        tier: Tier::Soon,
        fires: |a| general(a).night_pain,
        reason: "Pain at night that does not ease when you change position is worth a check.",
    },
    Rule {
        id: "pain_in_several_places",
        tier: Tier::Soon,
        fires: |a| general(a).pain_in_several_places,
        reason: "Pain in several parts of the body at once is worth a check.",
    },
    Rule {
        id: "deformity",
        tier: Tier::Soon,
        fires: |a| general(a).deformity,
        reason: "A visible change in the shape of the spine is worth a check.",
    },
    Rule {
        id: "thoracic_pain",
        tier: Tier::Soon,
        fires: |a| general(a).thoracic_pain,
        reason: "Pain in the upper back, between the shoulder blades, is worth a check.",
    },
    Rule {
        id: "worsening_sciatica",
        tier: Tier::Soon,
        fires: |a| {
            let l = leg(a);
            l.worsening && !l.both_legs && !l.weakness && any_nerve_symptom(a)
        },
        reason: "Leg symptoms that are getting worse are worth a check.",
    },
    Rule {
        id: "inflammatory",
        tier: Tier::Soon,
        fires: |a| {
            a.inflammatory
                .as_ref()
                .is_some_and(|i| i.onset_before_45_over_3_months && i.features >= INFLAMMATORY_FEATURES_SOON)
        },
        reason: "Your answers fit inflammatory back pain, which has its own treatment and is worth a check.",
    },
    Rule {
        id: "no_improvement",
        tier: Tier::Soon,
        fires: |a| a.weeks_on_plan_without_improvement.is_some_and(|w| w >= NO_IMPROVEMENT_WEEKS),
        reason: "Four weeks or more on the routine without improvement means a doctor or physiotherapist should look again.",
    },
];

pub fn triage(a: &Answers) -> Triage {
    let flags: Vec<Flag> = RULES
        .iter()
        .filter(|rule| (rule.fires)(a))
        .map(|rule| Flag { id: rule.id.to_owned(), tier: rule.tier, reason: rule.reason.to_owned() })
        .collect();
    let tier = flags.iter().map(|f| f.tier).max().unwrap_or(Tier::NoFlags);
    Triage { tier, flags }
}

/// Every rule id, for tests that prove each one can fire.
#[cfg(test)]
pub fn rule_ids() -> Vec<&'static str> {
    RULES.iter().map(|r| r.id).collect()
}
