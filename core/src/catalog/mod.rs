//! The exercises Limber can put in a plan, under ids fixed across the assessment, the routine,
//! the CLI and the shells.
//!
//! Each exercise (CLINICAL.md §5) has plain, numbered steps, a starting dose, the ceiling that
//! progression may reach, cautions, equipment and a time estimate. The texts are Limber's own
//! wording; the facts come from the articles **\[S\]** and the dosing evidence **\[E\]** named on each
//! entry in `exercises.rs`.

use std::sync::LazyLock;

mod exercises;
mod types;

pub use types::{Category, Dose, Equipment, Exercise, ExerciseId};

#[cfg(test)]
mod tests;

/// Every exercise in [`ExerciseId::ALL`] order, built once.
static CATALOG: LazyLock<Vec<Exercise>> =
    LazyLock::new(|| ExerciseId::ALL.iter().map(|&id| exercises::entry(id)).collect());

/// The catalog entry for `id`: a reference into a table built once on first use.
pub fn exercise(id: ExerciseId) -> &'static Exercise {
    // `ALL` lists the variants in declaration order, so the discriminant is the index.
    &CATALOG[id as usize]
}

/// Every exercise, in [`ExerciseId::ALL`] order (an owned copy).
pub fn catalog() -> Vec<Exercise> {
    CATALOG.clone()
}

/// The strength ladder **\[E\]**, easiest first: level `n` is at index `n - 1`.
pub fn ladder() -> [ExerciseId; 4] {
    [ExerciseId::BridgeHold, ExerciseId::Bridge, ExerciseId::SingleLegBridge, ExerciseId::NordicCurl]
}

/// The next (harder) ladder level; `None` at the top or off the ladder. The Nordic curl's entry
/// rule (`assessment::gates`) still applies before moving to it.
pub fn next_on_ladder(id: ExerciseId) -> Option<ExerciseId> {
    let ladder = ladder();
    let at = ladder.iter().position(|&l| l == id)?;
    ladder.get(at + 1).copied()
}

/// The previous (easier) ladder level; `None` at the bottom or off the ladder.
pub fn previous_on_ladder(id: ExerciseId) -> Option<ExerciseId> {
    let ladder = ladder();
    let at = ladder.iter().position(|&l| l == id)?;
    at.checked_sub(1).map(|i| ladder[i])
}

#[cfg(test)]
mod summary_tests {
    use super::*;

    #[test]
    fn doses_read_as_people_say_them() {
        let d =
            |hold, reps, sets, per_side, minutes| Dose { hold_seconds: hold, reps, sets, per_side, minutes };
        assert_eq!(d(Some(30), Some(3), 1, true, None).summary(), "3 × 30 s hold, each side");
        assert_eq!(d(Some(5), Some(10), 2, false, None).summary(), "2 sets of 10 × 5 s hold");
        assert_eq!(d(None, Some(10), 3, false, None).summary(), "3 × 10");
        assert_eq!(d(None, None, 1, false, Some(15)).summary(), "15 minutes");
        assert_eq!(d(Some(60), None, 1, false, None).summary(), "60 s per thigh");
        assert_eq!(d(Some(90), None, 2, false, None).summary(), "2 rounds of 90 s per thigh");
        for ex in catalog().iter().filter(|e| e.category == Category::Release) {
            let text = ex.dose.summary();
            assert!(text.contains("per thigh") && !text.contains("hold"), "{}: {text}", ex.id);
        }
    }
}
