//! Table-driven progression cases (CLINICAL.md §6).

use chrono::NaiveDate;

use super::*;
use crate::catalog::ExerciseId::*;
use crate::routine::dose::start_index;

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
fn three_settled_greens_progress_one_step() {
    let mut s = stretch();
    let start = s.current();
    for d in 1..=2 {
        assert_eq!(s.after_session(Light::Green, day(d)).decision, Decision::Keep);
        assert_eq!(s.after_morning(1, false, day(d + 1), &[]), None);
    }
    s.after_session(Light::Green, day(3));
    let change = s.after_morning(1, false, day(4), &[]).unwrap();
    assert_eq!(change.decision, Decision::Progress);
    assert_eq!(change.from, start);
    assert_eq!(change.to.dose.hold_seconds, start.dose.hold_seconds.map(|h| h + 10));
    assert_eq!(s.settled_greens, 0);
}

#[test]
fn amber_holds_the_dose_and_breaks_the_run() {
    let mut s = stretch();
    s.after_session(Light::Green, day(1));
    s.after_morning(1, false, day(2), &[]);
    s.after_session(Light::Green, day(2));
    s.after_morning(1, false, day(3), &[]);
    let keep = s.after_session(Light::Amber, day(3));
    assert_eq!((keep.decision, keep.from.clone()), (Decision::Keep, keep.to));
    assert_eq!(s.settled_greens, 0);
}

#[test]
fn red_regresses_and_holds_three_days() {
    let mut s = stretch();
    let before = s.step;
    let change = s.after_session(Light::Red, day(5));
    assert_eq!(change.decision, Decision::Regress);
    assert_eq!(s.step, before - 1);
    assert_eq!(s.hold_until, Some(day(8)));
    // Greens during the hold do not progress yet.
    s.settled_greens = 2;
    let held = s.after_morning(1, false, day(7), &[]).unwrap();
    assert_eq!(held.decision, Decision::Keep);
    assert_eq!(s.step, before - 1);
    // After it, they do.
    s.settled_greens = 2;
    assert_eq!(s.after_morning(1, false, day(8), &[]).unwrap().decision, Decision::Progress);
}

#[test]
fn a_worse_morning_regresses_what_was_done_the_day_before() {
    let mut s = stretch();
    let before = s.step;
    s.after_session(Light::Green, day(1));
    let change = s.after_morning(1, true, day(2), &[]).unwrap();
    assert_eq!(change.decision, Decision::Regress);
    assert_eq!(s.step, before - 1);
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
fn the_ladder_climbs_into_the_next_level_but_never_onto_an_excluded_one() {
    let track = Track::BridgeLadder;
    let all = steps(track);
    let last_single_leg = all.iter().rposition(|s| s.exercise == SingleLegBridge).unwrap();
    let mut s = TrackState::new(track, last_single_leg);
    s.settled_greens = 2;
    let change = s.after_morning(1, false, day(10), &[NordicCurl]).unwrap();
    assert_eq!(change.decision, Decision::Keep);
    assert_eq!(s.current().exercise, SingleLegBridge);

    s.settled_greens = 2;
    let change = s.after_morning(1, false, day(11), &[]).unwrap();
    assert_eq!((change.decision, change.to.exercise), (Decision::Progress, NordicCurl));

    let down = s.after_session(Light::Red, day(12));
    assert_eq!((down.decision, down.to.exercise), (Decision::Regress, SingleLegBridge));
}

#[test]
fn the_top_of_a_range_and_the_bottom_stay_put() {
    let track = Track::Single(Walk);
    let top = steps(track).len() - 1;
    let mut s = TrackState::new(track, top);
    s.settled_greens = 2;
    let keep = s.after_morning(1, false, day(3), &[]).unwrap();
    assert_eq!(keep.decision, Decision::Keep);
    let mut bottom = TrackState::new(track, 0);
    let change = bottom.after_session(Light::Red, day(3));
    assert_eq!(change.from, change.to);
    assert_eq!(bottom.step, 0);
}

mod properties {
    use proptest::prelude::*;

    use super::*;

    fn event() -> impl Strategy<Value = (u8, i32, bool)> {
        // (light 0-2, greens for the morning 0-2, worse morning)
        (0u8..3, 0i32..3, prop::bool::weighted(0.2))
    }

    proptest! {
        #[test]
        fn progression_never_moves_onto_an_excluded_exercise(
            start in 0usize..40,
            events in prop::collection::vec(event(), 1..60),
            exclude_nordic in any::<bool>(),
            exclude_single in any::<bool>(),
        ) {
            let mut excluded = Vec::new();
            if exclude_nordic { excluded.push(NordicCurl); }
            if exclude_single { excluded.push(SingleLegBridge); excluded.push(NordicCurl); }
            let all = steps(Track::BridgeLadder);
            // Start where a plan would: stepped down past excluded levels.
            let mut index = start.min(all.len() - 1);
            while index > 0 && excluded.contains(&all[index].exercise) { index -= 1; }
            let mut s = TrackState::new(Track::BridgeLadder, index);
            for (n, (l, greens, worse)) in events.into_iter().enumerate() {
                let date = day(1).checked_add_days(chrono::Days::new(n as u64)).unwrap();
                let light = [Light::Green, Light::Amber, Light::Red][l as usize];
                let change = s.after_session(light, date);
                prop_assert!(!excluded.contains(&change.to.exercise));
                if let Some(change) = s.after_morning(greens, worse, date, &excluded) {
                    prop_assert!(!excluded.contains(&change.to.exercise), "moved onto {}", change.to.exercise);
                }
                prop_assert!(!excluded.contains(&s.current().exercise));
            }
        }
    }
}
