//! Table-driven progression cases (CLINICAL.md §6).

use chrono::NaiveDate;

use super::*;
use crate::catalog::ExerciseId::*;
use crate::routine::dose::{start_index, steps};

fn day(n: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, n).unwrap()
}

fn stretch() -> TrackState {
    let track = Track::Single(LyingHamstringStretch);
    TrackState::new(track, start_index(track, LyingHamstringStretch))
}

#[test]
fn the_traffic_light_reads_pain_and_spread() {
    #[rustfmt::skip]
    let rows = [
        // pain, spread, ceiling, light
        (Some(0), false, 5, Light::Green), (Some(2), false, 5, Light::Green),
        (Some(3), false, 5, Light::Amber), (Some(5), false, 5, Light::Amber),
        (Some(6), false, 5, Light::Red), (Some(10), false, 5, Light::Red),
        (Some(1), true, 5, Light::Red), (None, true, 5, Light::Red), (None, false, 5, Light::Amber),
        // Under the strain or nerve gate the allowance is 2/10.
        (Some(2), false, 2, Light::Green), (Some(3), false, 2, Light::Red), (Some(0), true, 2, Light::Red),
    ];
    for (pain, spread, ceiling, expected) in rows {
        assert_eq!(light(pain, spread, ceiling), expected, "pain {pain:?} spread {spread} ceiling {ceiling}");
    }
}

#[test]
fn a_step_up_verdict_moves_one_step_and_a_hold_keeps_the_dose_with_its_reason() {
    let mut s = stretch();
    let start = s.current();
    assert_eq!(s.apply(Err(Hold::NotYet)), None);
    let kept = s.apply(Err(Hold::MorningCreeping)).unwrap();
    assert_eq!((kept.decision, &kept.to), (Decision::Keep, &start));
    assert_eq!(kept.reason, "Morning pain has been creeping up, so the dose stays the same.");
    let up = s.apply(Ok(())).unwrap();
    assert_eq!(up.decision, Decision::Progress);
    assert_eq!(up.from, start);
    // A stretch steps up by one repetition of 30 s (CLINICAL.md §5).
    assert_eq!(up.to.dose.reps, start.dose.reps.map(|r| r + 1));
    assert_eq!(up.to.dose.hold_seconds, Some(30));
}

#[test]
fn amber_holds_the_dose() {
    let mut s = stretch();
    let keep = s.after_session(Light::Amber, day(3));
    assert_eq!((keep.decision, keep.from.clone()), (Decision::Keep, keep.to));
}

#[test]
fn red_regresses_and_holds_three_days() {
    let mut s = stretch();
    let before = s.step;
    let change = s.after_session(Light::Red, day(5));
    assert_eq!(change.decision, Decision::Regress);
    assert_eq!(s.step, before - 1);
    assert_eq!(s.hold_until, Some(day(8)));
}

#[test]
fn a_worse_morning_regresses_what_was_done_the_day_before() {
    let mut s = stretch();
    let before = s.step;
    s.after_session(Light::Green, day(1));
    let change = s.after_worse_morning(day(2));
    assert_eq!(change.decision, Decision::Regress);
    assert_eq!(s.step, before - 1);
}

#[test]
fn a_reset_only_ever_lowers_the_step() {
    let mut s = stretch();
    s.step += 2;
    let down = s.lower_to(1, day(4), "new assessment").unwrap();
    assert_eq!((down.decision, s.step), (Decision::Regress, 1));
    assert_eq!(s.lower_to(3, day(4), "new assessment"), None);
    assert_eq!(s.step, 1);
}

#[test]
fn two_reds_in_a_row_suggest_a_physiotherapist() {
    let mut s = stretch();
    s.after_session(Light::Red, day(1));
    assert!(!s.needs_physio());
    s.after_session(Light::Red, day(2));
    assert!(s.needs_physio());
    s.after_session(Light::Amber, day(3));
    assert!(!s.needs_physio());
}

#[test]
fn the_ladder_climbs_into_the_next_level_and_a_red_steps_back() {
    let track = Track::BridgeLadder;
    let all = steps(track);
    let last_single_leg = all.iter().rposition(|s| s.exercise == SingleLegBridge).unwrap();
    let mut s = TrackState::new(track, last_single_leg);
    let kept = s.apply(Err(Hold::NextNotSuitable)).unwrap();
    assert_eq!(kept.decision, Decision::Keep);
    assert_eq!(s.current().exercise, SingleLegBridge);
    let change = s.apply(Ok(())).unwrap();
    assert_eq!((change.decision, change.to.exercise), (Decision::Progress, NordicCurl));
    let down = s.after_session(Light::Red, day(12));
    assert_eq!((down.decision, down.to.exercise), (Decision::Regress, SingleLegBridge));
}

#[test]
fn the_bottom_stays_put() {
    let track = Track::Single(Walk);
    let mut bottom = TrackState::new(track, 0);
    let change = bottom.after_session(Light::Red, day(3));
    assert_eq!(change.from, change.to);
    assert_eq!(bottom.step, 0);
}
