//! What a check-in form starts from, the same on both phones: every exercise done, nothing
//! rated, no reason given, and nothing about sets or holds (the planned dose stands).
//!
//! - Pain during is "not rated" (`None`) until the person rates it: an untouched slider must
//!   not send 0, which would count toward stepping the dose up **\[D\]** (CLINICAL.md §6 steps up
//!   only on pain the person reported).
//! - A skipped exercise has no reason until the person picks one, and saving without one is
//!   refused with an error naming `exercises[i].skip_reason` **\[D\]**: "too painful" counts as
//!   red (§8), so no reason may be assumed for them.

use super::checkin::ExerciseCheckIn;
use super::plan::PlannedSession;

/// One entry per exercise of `session`, in the session's order.
pub fn check_in_defaults(session: &PlannedSession) -> Vec<ExerciseCheckIn> {
    session.exercises.iter().map(|planned| ExerciseCheckIn::untouched(planned.exercise, true)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::LocalTime;
    use crate::catalog::{ExerciseId, exercise};
    use crate::routine::PlannedExercise;
    use crate::routine::checkin::CheckInInput;

    #[test]
    fn nothing_is_rated_or_assumed_and_a_skip_without_a_reason_is_refused() {
        let planned = |id: ExerciseId| PlannedExercise {
            exercise: id,
            name: exercise(id).name.clone(),
            category: exercise(id).category,
            dose: exercise(id).dose.clone(),
            pain_ceiling: 5,
            condition: None,
            last_dose_change: None,
        };
        let session = PlannedSession {
            session: 1,
            time: LocalTime { hour: 8, minute: 0 },
            exercises: vec![planned(ExerciseId::LyingHamstringStretch), planned(ExerciseId::Bridge)],
            minutes: 15,
        };
        let mut entries = check_in_defaults(&session);
        assert_eq!(entries.len(), 2);
        assert!(
            entries
                .iter()
                .all(|e| e.done && e.pain_during.is_none() && e.skip_reason.is_none() && e.sets.is_none())
        );
        entries[1].done = false;
        let input = CheckInInput {
            session: 1,
            at: chrono::Utc::now(),
            pain_before: None,
            pain_after: None,
            exercises: entries,
            note: None,
        };
        let err = input.validate(1).unwrap_err();
        assert!(err.to_string().contains("exercises[1].skip_reason"), "{err}");
    }
}
