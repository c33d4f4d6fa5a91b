//! Triage (CLINICAL.md §2): red flags that replace or sit beside the exercise plan. Each rule is
//! one row: an id, a tier, when it fires and why it matters, in our own words.

use super::answers::{Answers, CaudaEquina, General, Known, LegSymptoms, Onset};
use super::result::{Flag, Tier, Triage};
use crate::pain::{BodySite, Side};

/// [D] Back pain counts as new for the past-cancer rule up to about 3 months (the end of the
/// subacute period). Unknown duration counts as new: the safer reading.
pub const NEW_PAIN_MAX_DAYS: i32 = 90;

/// [E: NICE CKS] Pain that started before this age is worth a check...
pub const ONSET_AGE_YOUNG_BELOW: i32 = 20;
/// ...and after this one.
pub const ONSET_AGE_OLD_ABOVE: i32 = 50;

/// [E: NICE CKS] A minor fall or lift at this age or over can break a bone.
pub const FRAGILITY_AGE: i32 = 70;

/// [D, from NICE CKS red flags for cancer] This many of the cancer signs together need a doctor today.
pub const CANCER_SIGNS_URGENT: usize = 2;

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

fn leg(a: &Answers) -> LegSymptoms {
    a.leg_symptoms.clone().unwrap_or_default()
}

fn general(a: &Answers) -> General {
    a.general.clone().unwrap_or_default()
}

fn known(a: &Answers) -> Known {
    a.known.clone().unwrap_or_default()
}

fn cauda(a: &Answers) -> CaudaEquina {
    a.cauda_equina.clone().unwrap_or_default()
}

pub fn is_new_pain(a: &Answers) -> bool {
    a.duration_days.is_none_or(|d| d <= NEW_PAIN_MAX_DAYS)
}

/// [D] Age when the pain started, in whole years: age minus the whole years it has lasted
/// (CLINICAL.md §2). Unknown duration counts as new pain, so the age at onset is the age now.
pub fn onset_age(a: &Answers) -> i32 {
    a.age - a.duration_days.map_or(0, |d| d / 365)
}

fn nerve_symptom(l: &LegSymptoms) -> bool {
    l.numbness || l.pins_and_needles || l.weakness || l.below_knee_pain_as_bad_as_back
}

fn in_both_legs(a: &Answers) -> bool {
    leg(a).both_legs == Some(true)
}

/// [D] Pain below the knee (or in the foot) on both sides: a leg site ticked and "both" given as
/// the side. Read as nerve pain in both legs, the safer reading.
fn below_knee_pain_both_sides(a: &Answers) -> bool {
    let below = a
        .pain_sites
        .as_ref()
        .is_some_and(|s| s.contains(&BodySite::BelowKnee) || s.contains(&BodySite::Foot));
    // [E: CLINICAL.md §2] Once the both-legs question confirms it: "both sides" may be the back
    // pain's sides while the pain below the knee is in one leg. [D] Unanswered still fires (the
    // safer reading); only an explicit "not in both legs" stands it down.
    let not_both_legs = a.leg_symptoms.as_ref().is_some_and(|l| l.both_legs == Some(false));
    below && a.pain_side == Some(Side::Both) && !not_both_legs
}

/// The cancer signs of CLINICAL.md §2 that are present, for the two-or-more rule.
fn cancer_signs(a: &Answers) -> usize {
    let g = general(a);
    [g.unwell, g.weight_loss, g.night_pain, g.past_cancer, onset_age(a) > ONSET_AGE_OLD_ABOVE]
        .into_iter()
        .filter(|on| *on)
        .count()
}

const RULES: &[Rule] = &[
    // Emergency [E: NHS sciatica and back pain pages; NHS 999 guidance; NICE CKS; GIRFT cauda
    // equina pathway].
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
        // [D] "Both legs" confirmed counts whatever was ticked: the safer reading.
        fires: in_both_legs,
        reason: "Nerve symptoms in both legs at once need checking straight away.",
    },
    Rule {
        id: "below_knee_pain_both_legs",
        tier: Tier::Emergency,
        fires: below_knee_pain_both_sides,
        reason: "Pain below the knee in both legs at once can mean nerves in the back are being squeezed and needs checking straight away.",
    },
    Rule {
        id: "worsening_both_legs",
        tier: Tier::Emergency,
        fires: |a| {
            let l = leg(a);
            in_both_legs(a) && l.worsening == Some(true) && (l.weakness || l.numbness)
        },
        reason: "Weakness or numbness in both legs that is getting worse needs checking straight away.",
    },
    Rule {
        id: "new_difficulty_walking",
        tier: Tier::Emergency,
        fires: |a| leg(a).new_difficulty_walking,
        reason: "New difficulty walking because a leg does not work properly needs checking straight away.",
    },
    Rule {
        id: "major_trauma",
        tier: Tier::Emergency,
        fires: |a| a.onset == Some(Onset::MajorTrauma),
        reason: "Back pain that began with a serious accident or a fall from a height needs a check for a broken bone straight away.",
    },
    Rule {
        id: "chest_or_belly_pain",
        tier: Tier::Emergency,
        fires: |a| general(a).chest_or_belly_pain,
        reason: "Chest pain, or severe pain in the belly, together with back pain can come from the heart or a large blood vessel and needs checking straight away.",
    },
    // Urgent: the same day.
    Rule {
        id: "possible_infection",
        tier: Tier::Urgent,
        // [E: NHS back pain page] A fever on its own is enough.
        fires: |a| general(a).fever,
        reason: "A fever or feeling hot and shivery together with back pain can mean an infection and needs a doctor today.",
    },
    Rule {
        id: "several_warning_signs",
        tier: Tier::Urgent,
        fires: |a| cancer_signs(a) >= CANCER_SIGNS_URGENT,
        reason: "Several signs together (such as feeling unwell, weight loss, night pain, past cancer or pain that began after 50) need a doctor today to rule out a serious cause.",
    },
    Rule {
        id: "past_cancer_new_pain",
        tier: Tier::Urgent,
        fires: |a| general(a).past_cancer && is_new_pain(a),
        reason: "New back pain after cancer needs a doctor to rule out a link.",
    },
    Rule {
        id: "fragility_fracture",
        tier: Tier::Urgent,
        fires: |a| {
            a.onset == Some(Onset::MinorFallOrLift)
                && (known(a).osteoporosis
                    || general(a).steroids_or_immunosuppressed
                    || a.age >= FRAGILITY_AGE)
        },
        reason: "A small fall or lift can break a bone when bones are thinner, as with osteoporosis, long-term steroids or from the age of 70.",
    },
    Rule {
        id: "one_leg_weakness",
        tier: Tier::Urgent,
        fires: |a| leg(a).weakness && !in_both_legs(a),
        reason: "New or worsening weakness in a leg (a dropping foot, a knee giving way) means a nerve is affected.",
    },
    Rule {
        id: "complete_tear",
        tier: Tier::Urgent,
        // [E: nidirect grade 3] A felt gap alone; a pop with a limp or large bruising. Walking not
        // answered is not read as walking normally.
        fires: |a| {
            a.strain
                .as_ref()
                .is_some_and(|s| s.gap || (s.pop && (s.walks_normally != Some(true) || s.bruising)))
        },
        reason: "A gap in the muscle, or a pop with trouble walking or large bruising, can mean a complete tear, which does best when seen within days.",
    },
    // Soon: within 1-2 weeks; a gentle plan may continue.
    Rule {
        id: "onset_before_20",
        tier: Tier::Soon,
        fires: |a| onset_age(a) < ONSET_AGE_YOUNG_BELOW,
        reason: "Back pain that started before the age of 20 is less often simple strain and is worth a check.",
    },
    Rule {
        id: "onset_after_50",
        tier: Tier::Soon,
        fires: |a| onset_age(a) > ONSET_AGE_OLD_ABOVE,
        reason: "Back pain that started after the age of 50 is worth a check.",
    },
    Rule {
        id: "past_cancer",
        tier: Tier::Soon,
        // [D] Long-standing pain after cancer: not in §2's list on its own, kept as a check.
        fires: |a| general(a).past_cancer && !is_new_pain(a),
        reason: "Back pain after cancer is worth mentioning to a doctor, even when it is not new.",
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
        id: "injecting_drugs",
        tier: Tier::Soon,
        fires: |a| general(a).injecting_drugs,
        reason: "Injecting drugs raises the risk of an infection near the spine, so back pain is worth a check.",
    },
    Rule {
        id: "recent_infection",
        tier: Tier::Soon,
        // [D] §2 asks about a recent infection but names no rule for it. The NHS Gloucestershire
        // red-flag pathway (built on NICE CKS; CLINICAL.md's sources) lists a recent bacterial
        // infection beside weak immunity and injecting drugs as signs that may suggest an
        // infection of the spine, and §2 makes those two "soon" on their own: so is this. The
        // question bounds "recent" to 6 weeks and leaves out colds and flu [D], as "soon"
        // holds every dose (§8). With a fever it is already "urgent" (possible_infection).
        fires: |a| general(a).recent_infection,
        reason: "Very rarely, an infection such as a bladder or skin infection can reach the spine, so back pain after a recent infection is worth a check.",
    },
    Rule {
        id: "weak_immunity",
        tier: Tier::Soon,
        fires: |a| general(a).steroids_or_immunosuppressed,
        reason: "Long-term steroids or a weakened immune system raise the risk of infection and of thinner bones, so back pain is worth a check.",
    },
    Rule {
        id: "crossed_slr",
        tier: Tier::Soon,
        // [D] A sign of a disc pressing on a nerve root, not an emergency on its own; it also
        // closes the nerve gate.
        fires: |a| a.crossed_slr == Some(true),
        reason: "Pain in the painful leg when the other leg is raised points to an irritated nerve root, often from a disc, and is worth a check.",
    },
    Rule {
        id: "worsening_sciatica",
        tier: Tier::Soon,
        fires: |a| {
            let l = leg(a);
            // Both legs or weakness: already a higher tier of its own.
            l.worsening == Some(true) && nerve_symptom(&l) && !in_both_legs(a) && !l.weakness
        },
        reason: "Leg symptoms that are getting worse are worth a check.",
    },
    Rule {
        id: "sciatica_stops_activities",
        tier: Tier::Soon,
        fires: |a| leg(a).stops_normal_activities,
        reason: "Leg symptoms that stop you doing your normal activities are worth a check.",
    },
    Rule {
        id: "inflammatory",
        tier: Tier::Soon,
        fires: |a| {
            a.inflammatory
                .as_ref()
                .is_some_and(|i| i.onset_before_45_over_3_months && i.features >= INFLAMMATORY_FEATURES_SOON)
        },
        reason: "Your answers fit back pain that may need checking for an inflammatory cause, which has its own treatment.",
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
