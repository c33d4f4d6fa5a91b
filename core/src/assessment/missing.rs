//! The safety questions that must be answered before any plan (CLINICAL.md §2) **\[D\]**: every
//! cauda equina item, the leg symptoms, the general health items, how the pain started, the
//! known conditions and, whenever shown, the leg follow-ups (both legs? getting worse?) and
//! "can you walk normally?" after a thigh strain. A skipped one means no plan yet, never "no".

use super::answers::{Answers, Onset};

/// Every id `missing` can return, in the order it returns them, with its plain words.
pub const SAFETY_QUESTIONS: &[(&str, &str)] = &[
    ("cauda_equina", "the questions about numbness between the legs and bladder, bowel or sexual changes"),
    ("leg_symptoms", "the questions about numbness, tingling, weakness or pain in the legs"),
    ("leg_symptoms.both_legs", "whether the leg symptoms are in both legs"),
    ("leg_symptoms.worsening", "whether the leg symptoms are getting worse"),
    ("general", "the questions about your general health, such as fever, weight loss or past cancer"),
    ("onset", "how the pain started"),
    ("known", "the conditions you already know about, such as a disc problem, pregnancy or osteoporosis"),
    ("strain.walks_normally", "whether you can walk with your normal stride since the thigh injury"),
];

/// The ids of the safety questions not answered, in `SAFETY_QUESTIONS` order. A tick-all block
/// that is present counts as answered (items left out mean "no"); an absent block does not.
pub fn missing(a: &Answers) -> Vec<String> {
    let leg = a.leg_symptoms.as_ref();
    // The follow-ups are shown, so required, once any leg item is ticked.
    let leg_ticked = leg.is_some_and(|l| l.any_ticked());
    // The strain questions are shown after sudden thigh pain; a strain block given in the JSON
    // without that onset still needs its walking answer.
    let strain_shown = a.onset == Some(Onset::SuddenThighPain) || a.strain.is_some();
    let absent = |id: &str| match id {
        "cauda_equina" => a.cauda_equina.is_none(),
        "leg_symptoms" => leg.is_none(),
        "leg_symptoms.both_legs" => leg_ticked && leg.is_some_and(|l| l.both_legs.is_none()),
        "leg_symptoms.worsening" => leg_ticked && leg.is_some_and(|l| l.worsening.is_none()),
        "general" => a.general.is_none(),
        "onset" => a.onset.is_none(),
        "known" => a.known.is_none(),
        "strain.walks_normally" => {
            strain_shown && a.strain.as_ref().is_none_or(|s| s.walks_normally.is_none())
        }
        _ => false,
    };
    SAFETY_QUESTIONS.iter().map(|(id, _)| *id).filter(|id| absent(id)).map(str::to_owned).collect()
}

/// The plain words for a `missing` id; never the id itself.
pub fn describe(id: &str) -> &'static str {
    SAFETY_QUESTIONS.iter().find(|(k, _)| *k == id).map_or("a safety question", |(_, words)| words)
}
