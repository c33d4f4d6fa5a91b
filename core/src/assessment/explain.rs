//! The plain, honest words around a result (CLINICAL.md §7): what was found, why it matters,
//! what to do, and when to get checked.

use super::missing::describe;
use super::result::{AssessmentResult, GateId, PatternId, Tier};

/// \[E\] Re-test the straight leg raise, knee extension and bridge every 2 weeks.
pub const RETEST_DAYS: i64 = 14;

/// The tests as people know them (CLINICAL.md §7: no internal ids in texts).
fn test_name(id: &str) -> &'static str {
    match id {
        "slr" => "the straight leg raise",
        "slr.left_deg" => "the straight leg raise on the left leg",
        "slr.right_deg" => "the straight leg raise on the right leg",
        "nerve_check" => "the toes-up check at the top of the leg raise",
        "slump" => "the slump test",
        "crossed_slr" => "the leg raise on the other leg",
        "ake" => "the knee straightening test",
        "thomas" => "the Thomas test",
        "bridge" => "the single-leg bridge",
        _ => "a test",
    }
}

/// "a, b and c".
fn listed(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The line that asks for the missing safety answers (`AssessmentResult::missing`), naming them
/// in plain words, never by id. The same line the explanation carries, for any screen that
/// says why there is no plan yet (CLINICAL.md §8 `needs_safety_answers`).
pub fn answer_safety_first(missing: &[String]) -> String {
    let words: Vec<&str> = missing.iter().map(|id| describe(id)).collect();
    format!(
        "Please answer the safety questions first: {}. A skipped safety question is never read as \"no\", so Limber cannot suggest exercises until then.",
        listed(&words)
    )
}

pub fn explanation(r: &AssessmentResult) -> Vec<String> {
    let safety_answered = r.missing.is_empty();
    let mut lines = Vec::new();
    match r.triage.tier {
        Tier::Emergency => lines.push(
            "Some of your answers can be signs of a serious nerve problem that needs treatment today. Exercises cannot help with this, so Limber will not give you a routine until a doctor has seen you.".to_owned(),
        ),
        Tier::Urgent => lines.push(
            "Some of your answers need a doctor to look at them today before you exercise. Limber will not give you a routine until then.".to_owned(),
        ),
        Tier::Soon => lines.push(
            "Some of your answers are worth showing a doctor in the next week or two. Most of the time it turns out fine; meanwhile you can start a gentle routine.".to_owned(),
        ),
        Tier::NoFlags => {}
    }
    if !safety_answered && r.triage.tier < Tier::Urgent {
        lines.push(answer_safety_first(&r.missing));
    }
    if !r.plan_allowed {
        return lines;
    }
    lines.extend(r.gates.iter().map(|g| g.reason.clone()));
    lines.extend(r.patterns.iter().map(|p| p.reason.clone()));
    lines.push(
        "Tight or weak hamstrings and the tilt of the pelvis may play a part in back pain, but they are rarely the whole cause. The aim is to move comfortably and stay active, which is what the research supports best.".to_owned(),
    );
    if !r.not_judged.is_empty() {
        let names: Vec<&str> = r.not_judged.iter().map(|id| test_name(id)).collect();
        lines.push(format!(
            "Some tests were skipped or left out ({}), so they could not be judged; you can add them at the next re-test.",
            listed(&names)
        ));
    }
    lines
}

pub fn next_steps(r: &AssessmentResult) -> Vec<String> {
    let safety_answered = r.missing.is_empty();
    let mut steps = Vec::new();
    match r.triage.tier {
        Tier::Emergency => {
            steps.push("Call your local emergency number or go to the emergency department now.".to_owned());
            steps.push("Do not wait to see if it settles, and do not exercise.".to_owned());
            return steps;
        }
        Tier::Urgent => {
            steps.push("Contact a doctor, urgent care or your health advice line today.".to_owned());
            steps.push(
                "Hold off exercising until you have been checked; walking as comfort allows is fine."
                    .to_owned(),
            );
            return steps;
        }
        Tier::Soon => {
            steps.push(
                "Book a doctor's appointment within the next one to two weeks and show them these results."
                    .to_owned(),
            );
        }
        Tier::NoFlags => {}
    }
    if !safety_answered {
        steps.push("Answer the safety questions first, then take the assessment again.".to_owned());
        return steps;
    }
    if r.has_gate(GateId::Nerve) || r.has_gate(GateId::AcuteStrain) {
        steps.push(
            "Keep exercise pain at 2 out of 10 or less, and stop if symptoms spread down the leg.".to_owned(),
        );
    } else {
        steps.push("Keep exercise pain at 5 out of 10 or less, settling by the next morning.".to_owned());
    }
    if r.has_gate(GateId::Disc) {
        steps.push("After each session, tell Limber whether any stretch brought on leg symptoms.".to_owned());
    }
    if r.cauda_equina_card {
        steps.push("Read the warning card: numbness between the legs or new bladder or bowel trouble means emergency care.".to_owned());
    }
    if r.pattern(PatternId::TightHamstrings).is_some() || r.pattern(PatternId::AnteriorTilt).is_some() {
        steps.push(
            "Follow the daily routine; changes in flexibility usually show after 4 to 6 weeks.".to_owned(),
        );
    } else {
        steps.push("Follow the general routine and keep active every day.".to_owned());
    }
    steps.push(format!("Re-test in {RETEST_DAYS} days to see what has changed."));
    steps
}
