//! The hold timer's script: every hold of a dose in the order the person does them, with the
//! rest after each, so both phones time exactly the dose the core planned (sets × repetitions ×
//! sides). The words for a dose are [`crate::catalog::Dose::summary`]; this module only orders
//! the holds.

use serde::{Deserialize, Serialize};

use crate::catalog::Dose;
use crate::pain::Side;
use crate::routine::checkin::{MAX_HOLD_SECONDS, MAX_REPS, MAX_SETS};
use crate::validate::in_range;
use crate::{Error, Result};

/// Seconds of rest between two sets **\[D\]**: about a minute, the usual rest between sets of a
/// stretch or a light strength exercise; CLINICAL.md §5 names no rest.
pub const REST_BETWEEN_SETS_SECONDS: i32 = 60;
/// The longest rest between two repetitions on one side **\[D\]**: as long as the hold, at most
/// 30 s (a 5 s bridge hold rests 5 s, a 30 s stretch rests 30 s).
pub const MAX_REST_BETWEEN_REPETITIONS_SECONDS: i32 = 30;

/// One hold: which set (1-based), which repetition within the set on this side (1-based), which
/// side (`None` for an exercise done on both legs at once), how long, and the rest before the
/// next hold (0 after the last hold, and when the next hold is on the other side: changing
/// sides is the rest).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hold {
    /// The set, 1-based.
    pub set: i32,
    /// The repetition within the set on this side, 1-based.
    pub repetition: i32,
    /// The leg, or `None` for an exercise done on both legs at once.
    pub side: Option<Side>,
    /// How long to hold, in seconds.
    pub hold_seconds: i32,
    /// Rest before the next hold, in seconds: 0 after the last hold and before a change of side.
    pub rest_after_seconds: i32,
}

/// Every hold of one exercise's dose, in order: per set, the left side's repetitions, then the
/// right side's (a per-side dose), or the repetitions alone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HoldSequence {
    /// Sets in the dose, 1-20.
    pub sets: i32,
    /// Repetitions per set on each side (a dose without `reps` has one).
    pub repetitions: i32,
    /// 2 for a per-side dose, else 1.
    pub sides: i32,
    /// Seconds per hold, 1-600.
    pub hold_seconds: i32,
    /// Every hold in the order done: sets × repetitions × sides of them.
    pub holds: Vec<Hold>,
}

/// The holds of `dose`, or `None` when it has nothing to time (repetitions without a hold, or
/// minutes of walking).
///
/// Errors: `InvalidInput` naming `dose.sets` (1-20), `dose.reps` (1-200) or
/// `dose.hold_seconds` (1-600) when out of range.
pub fn hold_sequence(dose: &Dose) -> Result<Option<HoldSequence>> {
    let Some(hold_seconds) = dose.hold_seconds else { return Ok(None) };
    if dose.minutes.is_some() {
        return Ok(None);
    }
    in_range("dose.hold_seconds", hold_seconds, 1, MAX_HOLD_SECONDS)?;
    in_range("dose.sets", dose.sets, 1, MAX_SETS)?;
    let repetitions = dose.reps.unwrap_or(1);
    in_range("dose.reps", repetitions, 1, MAX_REPS)?;
    let sides: &[Option<Side>] = if dose.per_side { &[Some(Side::Left), Some(Side::Right)] } else { &[None] };
    let rest = hold_seconds.min(MAX_REST_BETWEEN_REPETITIONS_SECONDS);
    let mut holds = Vec::new();
    for set in 1..=dose.sets {
        for (s, side) in sides.iter().enumerate() {
            for repetition in 1..=repetitions {
                let last_on_side = repetition == repetitions;
                let last_side = s + 1 == sides.len();
                let rest_after_seconds = match (last_on_side, last_side) {
                    (false, _) => rest,
                    (true, false) => 0,
                    (true, true) if set < dose.sets => REST_BETWEEN_SETS_SECONDS,
                    (true, true) => 0,
                };
                holds.push(Hold { set, repetition, side: *side, hold_seconds, rest_after_seconds });
            }
        }
    }
    Ok(Some(HoldSequence { sets: dose.sets, repetitions, sides: sides.len() as i32, hold_seconds, holds }))
}

/// Whole sets finished on every side after `completed` holds (0 to the number of holds).
pub fn sets_done(sequence: &HoldSequence, completed: i32) -> Result<i32> {
    let total = sequence.holds.len() as i32;
    if !(0..=total).contains(&completed) {
        return Err(Error::invalid("completed", format!("a whole number from 0 to {total}")));
    }
    Ok(completed / (sequence.repetitions * sequence.sides).max(1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{ExerciseId, catalog, exercise};

    fn dose(hold: Option<i32>, reps: Option<i32>, sets: i32, per_side: bool) -> Dose {
        Dose { hold_seconds: hold, reps, sets, per_side, minutes: None }
    }

    #[test]
    fn a_stretch_of_two_thirty_second_holds_each_side_is_four_holds() {
        let seq = hold_sequence(&dose(Some(30), Some(2), 1, true)).unwrap().unwrap();
        let order: Vec<_> = seq.holds.iter().map(|h| (h.side, h.repetition, h.rest_after_seconds)).collect();
        assert_eq!(
            order,
            [
                (Some(Side::Left), 1, 30),
                (Some(Side::Left), 2, 0),
                (Some(Side::Right), 1, 30),
                (Some(Side::Right), 2, 0)
            ]
        );
        assert!(seq.holds.iter().all(|h| h.hold_seconds == 30 && h.set == 1));
    }

    #[test]
    fn the_bridge_hold_times_every_repetition_of_every_set() {
        let seq = hold_sequence(&dose(Some(5), Some(10), 2, false)).unwrap().unwrap();
        assert_eq!(seq.holds.len(), 20);
        assert_eq!(seq.holds[9].rest_after_seconds, REST_BETWEEN_SETS_SECONDS);
        assert_eq!(seq.holds[0].rest_after_seconds, 5);
        assert_eq!(seq.holds.last().unwrap().rest_after_seconds, 0);
        assert_eq!(sets_done(&seq, 19).unwrap(), 1);
        assert_eq!(sets_done(&seq, 20).unwrap(), 2);
        assert!(sets_done(&seq, 21).is_err());
    }

    #[test]
    fn nothing_to_time_without_a_hold_and_bad_doses_name_the_field() {
        assert_eq!(hold_sequence(&dose(None, Some(10), 3, false)).unwrap(), None);
        let walk = Dose { hold_seconds: None, reps: None, sets: 1, per_side: false, minutes: Some(20) };
        assert_eq!(hold_sequence(&walk).unwrap(), None);
        let err = hold_sequence(&dose(Some(30), Some(2), i32::MAX, true)).unwrap_err();
        assert!(err.to_string().contains("dose.sets"), "{err}");
        assert!(
            hold_sequence(&dose(Some(0), None, 1, false))
                .unwrap_err()
                .to_string()
                .contains("dose.hold_seconds")
        );
    }

    /// Every catalog dose and every step it can progress to: the timer runs exactly
    /// sets × repetitions × sides holds, never one hold per side.
    #[test]
    fn every_dose_the_core_can_plan_times_sets_times_repetitions_times_sides() {
        use crate::routine::dose::{Track, steps};
        for ex in catalog() {
            for step in steps(Track::of(ex.id)) {
                let d = &step.dose;
                match hold_sequence(d).unwrap() {
                    None => assert!(d.hold_seconds.is_none() || d.minutes.is_some(), "{}: {d:?}", ex.id),
                    Some(seq) => {
                        let sides = if d.per_side { 2 } else { 1 };
                        assert_eq!(
                            seq.holds.len() as i32,
                            d.sets * d.reps.unwrap_or(1) * sides,
                            "{}: {d:?}",
                            ex.id
                        );
                        assert_eq!(sets_done(&seq, seq.holds.len() as i32).unwrap(), d.sets);
                    }
                }
            }
        }
        assert!(hold_sequence(&exercise(ExerciseId::BridgeHold).dose).unwrap().unwrap().holds.len() >= 10);
    }
}
