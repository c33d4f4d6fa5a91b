//! What a new assessment does to the doses (CLINICAL.md §8), as pure functions: a new
//! assessment that opens the strain gate (G1) or the nerve gate (G2), goes back to the strain's
//! protect phase, or raises the triage tier restarts every exercise at its start dose (or the
//! gate's cap); one that follows a stop resumes every exercise one step below where it was.

use crate::assessment::{AssessmentResult, GateId, StrainPhase};

/// Why a new assessment restarts the doses, when it does.
pub fn restart_reason(previous: Option<&AssessmentResult>, new: &AssessmentResult) -> Option<&'static str> {
    // [D] With no earlier assessment there is nothing to restart: every dose starts anyway.
    let previous = previous?;
    let opened = |gate| new.has_gate(gate) && !previous.has_gate(gate);
    if opened(GateId::AcuteStrain) {
        Some(
            "Your new assessment found a fresh thigh strain, so every exercise starts again at its starting dose.",
        )
    } else if new.strain_phase == Some(StrainPhase::Protect)
        && previous.strain_phase != Some(StrainPhase::Protect)
    {
        Some(
            "Your new assessment puts the strain back in its first, protective phase, so every exercise starts again at its starting dose.",
        )
    } else if opened(GateId::Nerve) {
        Some(
            "Your new assessment found signs that a nerve is irritated, so every exercise starts again at its starting dose.",
        )
    } else if new.triage.tier > previous.triage.tier {
        Some(
            "Your new assessment found something a doctor should check, so every exercise starts again at its starting dose.",
        )
    } else {
        None
    }
}

/// The reason stored when the routine resumes after a stop.
pub const RESUME_AFTER_STOP: &str =
    "The routine resumes after the stop one step easier than before, to see how it settles.";

/// Where a track stands after a new assessment: no higher than `start` when the doses restart,
/// and one step below `current` after a stop. Never higher than `current`.
pub fn step_after_assessment(current: usize, start: usize, restart: bool, after_stop: bool) -> usize {
    let mut step = current;
    if restart {
        step = step.min(start);
    }
    if after_stop {
        step = step.min(current.saturating_sub(1));
    }
    step
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::answers::Strain;
    use crate::assessment::evaluate;
    use crate::assessment::tests::screened;

    #[test]
    fn opening_a_gate_returning_to_protect_or_a_higher_tier_restart_and_nothing_else_does() {
        let clear = evaluate(&screened(65, 70));
        assert_eq!(restart_reason(None, &clear), None);
        assert_eq!(restart_reason(Some(&clear), &clear), None);

        let mut strained = screened(65, 70);
        strained.onset = Some(crate::assessment::answers::Onset::SuddenThighPain);
        strained.strain = Some(Strain {
            days_since: Some(1),
            heel_dig_pain: Some(1),
            walks_normally: Some(true),
            ..Strain::default()
        });
        let strained = evaluate(&strained);
        assert_eq!(strained.strain_phase, Some(StrainPhase::Protect));
        assert!(restart_reason(Some(&clear), &strained).is_some_and(|r| r.contains("strain")));

        let mut nerve = screened(65, 70);
        nerve.slump = Some(true);
        let nerve = evaluate(&nerve);
        assert!(nerve.has_gate(GateId::Nerve));
        assert!(restart_reason(Some(&clear), &nerve).is_some_and(|r| r.contains("nerve")));
        assert_eq!(restart_reason(Some(&nerve), &nerve), None, "a gate already open opens nothing");

        let mut soon = screened(65, 70);
        soon.general.as_mut().unwrap().night_pain = true;
        let soon = evaluate(&soon);
        assert!(soon.triage.tier > clear.triage.tier);
        assert!(restart_reason(Some(&clear), &soon).is_some_and(|r| r.contains("doctor")));
        assert_eq!(restart_reason(Some(&soon), &clear), None, "a lower tier restarts nothing");
    }

    #[test]
    fn a_track_never_rises_after_an_assessment() {
        for current in 0..8 {
            for start in 0..8 {
                for (restart, stop) in [(false, false), (true, false), (false, true), (true, true)] {
                    let step = step_after_assessment(current, start, restart, stop);
                    assert!(step <= current);
                    assert!(!restart || step <= start);
                    assert!(!stop || step < current || current == 0);
                }
            }
        }
    }
}
