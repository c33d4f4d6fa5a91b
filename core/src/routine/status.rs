//! The plan's status (CLINICAL.md §8): the plan is a state, re-judged every day from the latest
//! assessment and the check-ins since it. Every shell shows it first; sessions, session
//! reminders and check-ins exist only while it is `active`.

use crate::assessment::{AssessmentResult, Tier};

text_enum! {
    /// What the plan allows today (CLINICAL.md §8).
    pub enum PlanStatus {
        /// Safety answered, no stop: sessions, reminders and progression as §6.
        Active = "active",
        /// A check-in since the latest assessment reported symptoms spreading down the leg, new
        /// numbness or weakness, or a stretch that brought on leg symptoms (G3). No sessions and
        /// no check-ins until a new assessment with the safety questions answered; the morning
        /// check and the pain log go on.
        PausedStop = "paused_stop",
        /// No assessment yet, or its safety questions were not all answered.
        NeedsSafetyAnswers = "needs_safety_answers",
        /// Triage tier urgent or emergency: the tier's next steps only.
        SeeDoctor = "see_doctor",
    }
}

impl PlanStatus {
    /// The typed error refusing a session while the plan is not active: one line naming the
    /// status and the way back.
    pub fn refusal(self) -> crate::Error {
        crate::Error::PlanNotActive { status: self.as_str(), way_back: self.way_back() }
    }

    /// What the person should do to get the plan back, in words for any shell.
    pub fn way_back(self) -> &'static str {
        match self {
            PlanStatus::Active => "",
            PlanStatus::PausedStop => {
                "Answer the safety questions of the self-assessment again: that ends the pause, and the exercises resume one step easier."
            }
            PlanStatus::NeedsSafetyAnswers => {
                "Answer the safety questions of the self-assessment: they check it is safe to exercise."
            }
            PlanStatus::SeeDoctor => {
                "See a doctor first, as your assessment says. Take the self-assessment again after that."
            }
        }
    }
}

/// The card's words while the plan is paused.
pub const STOP_WAY_BACK: &str = "Symptoms spreading down the leg, or new numbness or weakness, mean stop the routine for now. Answer the safety questions again before the next session; if it keeps spreading, see a doctor.";

/// Whether the result still lacks answers to safety questions (`missing` names them). \[D\] A
/// result that allows no plan below the urgent tier reads the same way, whatever the reason, so
/// this can only withhold a plan, never grant one.
pub fn safety_unanswered(r: &AssessmentResult) -> bool {
    !r.missing.is_empty() || !r.plan_allowed
}

/// The status for the latest assessment (`None`: none yet) and whether any check-in since it
/// reported spreading symptoms, new numbness or weakness, or leg symptoms from a stretch.
///
/// Order \[D\]: no assessment, then see a doctor (urgent or emergency outranks everything), then
/// unanswered safety questions, then the stop.
pub fn plan_status(latest: Option<&AssessmentResult>, stop_since_latest: bool) -> PlanStatus {
    let Some(r) = latest else { return PlanStatus::NeedsSafetyAnswers };
    if r.triage.tier >= Tier::Urgent {
        PlanStatus::SeeDoctor
    } else if safety_unanswered(r) {
        PlanStatus::NeedsSafetyAnswers
    } else if stop_since_latest {
        PlanStatus::PausedStop
    } else {
        PlanStatus::Active
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::evaluate;
    use crate::assessment::tests::screened;

    #[test]
    fn the_status_follows_the_latest_assessment_and_any_stop_since() {
        let clear = evaluate(&screened(85, 85));
        assert_eq!(plan_status(None, false), PlanStatus::NeedsSafetyAnswers);
        assert_eq!(plan_status(None, true), PlanStatus::NeedsSafetyAnswers);
        assert_eq!(plan_status(Some(&clear), false), PlanStatus::Active);
        assert_eq!(plan_status(Some(&clear), true), PlanStatus::PausedStop);

        let mut urgent = screened(85, 85);
        urgent.cauda_equina.as_mut().unwrap().bowel = true;
        let urgent = evaluate(&urgent);
        assert!(urgent.triage.tier >= Tier::Urgent);
        assert_eq!(plan_status(Some(&urgent), false), PlanStatus::SeeDoctor);
        assert_eq!(plan_status(Some(&urgent), true), PlanStatus::SeeDoctor);

        let mut unanswered = clear.clone();
        unanswered.plan_allowed = false;
        assert_eq!(plan_status(Some(&unanswered), true), PlanStatus::NeedsSafetyAnswers);
        let mut skipped = screened(85, 85);
        skipped.general = None;
        let skipped = evaluate(&skipped);
        assert!(!skipped.missing.is_empty());
        assert_eq!(plan_status(Some(&skipped), false), PlanStatus::NeedsSafetyAnswers);
    }

    #[test]
    fn every_status_but_active_names_a_way_back() {
        for s in PlanStatus::ALL {
            assert_eq!(s.way_back().is_empty(), *s == PlanStatus::Active, "{s}");
        }
    }
}
