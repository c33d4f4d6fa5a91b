//! Issue #12, as a person would live it: each reported history replayed through the store with
//! the answer it must give (CLINICAL.md §5, §8).

use super::*;
use crate::assessment::answers::{Bridge, Onset, Strain};
use crate::catalog::Equipment;
use crate::routine::dose::{Track, steps};
use crate::routine::progression::DoseChange;

fn stretch_dose(store: &Limber, day: i64) -> (Option<i32>, Option<i32>) {
    let today = store.today(at(day, 7), TZ).unwrap();
    let e = today.plan.sessions[0].exercises.iter().find(|e| e.exercise == BandHamstringStretch).unwrap();
    (e.dose.reps, e.dose.hold_seconds)
}

fn with_pains(day: i64, before: i32, after: i32, exercises: Vec<ExerciseCheckIn>) -> CheckInInput {
    CheckInInput { pain_before: Some(before), pain_after: Some(after), ..session(day, exercises) }
}

/// Three comfortable, settled days: every exercise done that day steps up on the third morning.
fn three_good_days(store: &mut Limber, from: i64, exercises: &[ExerciseId]) -> Vec<DoseChange> {
    let mut changes = Vec::new();
    for day in from..from + 3 {
        store.check_in(with_pains(day, 2, 2, exercises.iter().map(|e| done(*e, 1)).collect()), TZ).unwrap();
        changes.extend(store.morning_check(2, at(day + 1, 7), TZ).unwrap().changes);
    }
    changes
}

#[test]
fn morning_pain_rising_from_2_to_9_over_seven_weeks_never_steps_up_once_it_creeps() {
    let (_dir, mut store) = assessed();
    let mut ups = Vec::new();
    for day in 0..49i64 {
        let pain = (2 + day / 6).min(9) as i32;
        let out = store.morning_check(pain, at(day, 7), TZ).unwrap();
        ups.extend(out.changes.iter().filter(|c| c.decision == Decision::Progress).map(|_| day));
        store
            .check_in(with_pains(day, 1, 1, vec![done(BandHamstringStretch, 1), done(KneesToChest, 1)]), TZ)
            .unwrap();
        // Never past the cap, never 60 s holds at 40 years old.
        let (reps, hold) = stretch_dose(&store, day);
        assert!(reps.unwrap() <= 4 && hold == Some(30), "day {day}: {reps:?} × {hold:?}");
    }
    assert!(ups.iter().all(|d| *d < 12), "stepped up on days {ups:?} while morning pain crept up");
    assert_eq!(stretch_dose(&store, 49), (Some(1), Some(30)), "stepped down instead");
    let cards: Vec<CardId> = store.today(at(49, 7), TZ).unwrap().plan.cards.iter().map(|c| c.id).collect();
    assert!(cards.contains(&CardId::SeePhysio), "creeping for two weeks: {cards:?}");
}

#[test]
fn creeping_morning_pain_keeps_the_dose_and_says_why() {
    let (_dir, mut store) = assessed();
    let mut kept = Vec::new();
    for day in 0..17i64 {
        let pain = if day < 7 { 2 } else { 3 };
        let out = store.morning_check(pain, at(day, 7), TZ).unwrap();
        if day >= 13 {
            assert!(out.changes.iter().all(|c| c.decision != Decision::Progress), "day {day}: {out:?}");
            kept.extend(out.changes.into_iter().filter(|c| c.decision == Decision::Keep));
        }
        store.check_in(with_pains(day, 2, 2, vec![done(KneesToChest, 1)]), TZ).unwrap();
    }
    assert!(!kept.is_empty());
    assert!(
        kept.iter().all(|c| c.reason == "Morning pain has been creeping up, so the dose stays the same.")
    );
    store.morning_check(3, at(17, 7), TZ).unwrap();
    let today = store.today(at(17, 8), TZ).unwrap();
    let knees = today.plan.sessions[0].exercises.iter().find(|e| e.exercise == KneesToChest).unwrap();
    assert!(knees.last_dose_change.as_ref().unwrap().reason.contains("creeping up"), "shown beside it");
}

#[test]
fn pain_after_a_session_two_above_before_does_not_count_as_settled() {
    let (_dir, mut store) = assessed();
    for day in 0..3 {
        store.check_in(with_pains(day, 2, 4, vec![done(KneesToChest, 1)]), TZ).unwrap();
        let out = store.morning_check(2, at(day + 1, 7), TZ).unwrap();
        assert!(out.changes.iter().all(|c| c.decision != Decision::Progress), "day {day}: {out:?}");
    }
}

#[test]
fn a_new_assessment_opening_the_strain_gate_restarts_every_dose_with_the_reason() {
    let (_dir, mut store) = assessed();
    let ups = three_good_days(&mut store, 0, &[BandHamstringStretch, Bridge]);
    assert_eq!(ups.iter().filter(|c| c.decision == Decision::Progress).count(), 2, "{ups:?}");
    assert_eq!(stretch_dose(&store, 3), (Some(3), Some(30)));

    let mut strained = tight();
    strained.onset = Some(Onset::SuddenThighPain);
    strained.strain = Some(Strain {
        days_since: Some(4),
        heel_dig_pain: Some(1),
        walks_normally: Some(true),
        ..Strain::default()
    });
    store.submit_assessment(strained, at(3, 12), 0).unwrap();
    let today = store.today(at(4, 7), TZ).unwrap();
    assert_eq!(today.status, PlanStatus::Active);
    for e in &today.plan.sessions[0].exercises {
        assert_eq!(e.dose, crate::catalog::exercise(e.exercise).dose, "{}: its start dose", e.exercise);
    }
    let history = store.dose_change_history(10).unwrap();
    assert!(history.iter().any(|(_, c)| c.decision == Decision::Regress && c.reason.contains("strain")));

    // Once the strain has passed, the stretch comes back at its start, not the old 3 × 30 s.
    store.submit_assessment(tight(), at(20, 12), 0).unwrap();
    assert_eq!(stretch_dose(&store, 21), (Some(2), Some(30)));
}

#[test]
fn the_stop_ends_with_a_new_assessment_and_exercises_resume_one_step_below() {
    let (_dir, mut store) = assessed();
    three_good_days(&mut store, 0, &[BandHamstringStretch]);
    assert_eq!(stretch_dose(&store, 3), (Some(3), Some(30)));
    let mut spread = done(KneesToChest, 1);
    spread.symptoms_spread = true;
    store.check_in(session(3, vec![done(BandHamstringStretch, 1), spread]), TZ).unwrap();
    assert_eq!(store.plan_status().unwrap(), PlanStatus::PausedStop);
    store.submit_assessment(tight(), at(4, 12), 0).unwrap();
    assert_eq!(store.plan_status().unwrap(), PlanStatus::Active);
    assert_eq!(stretch_dose(&store, 5), (Some(2), Some(30)), "one step below 3 × 30 s");
    let history = store.dose_change_history(10).unwrap();
    assert!(history.iter().any(|(_, c)| c.reason.contains("resumes after the stop")));
}

#[test]
fn an_exercise_skipped_as_too_painful_counts_red() {
    let (_dir, mut store) = assessed();
    let skip = |day| {
        let mut e = done(KneesToChest, 0);
        e.done = false;
        e.pain_during = None;
        e.skip_reason = Some(SkipReason::TooPainful);
        session(day, vec![e])
    };
    let out = store.check_in(skip(0), TZ).unwrap();
    assert_eq!(out.changes.len(), 1);
    assert_eq!(out.changes[0].decision, Decision::Regress);
    store.check_in(skip(1), TZ).unwrap();
    let cards: Vec<CardId> = store.today(at(1, 12), TZ).unwrap().plan.cards.iter().map(|c| c.id).collect();
    assert!(cards.contains(&CardId::SeePhysio), "two reds in a row: {cards:?}");
    // A skip for another reason counts for nothing.
    let mut other = done(GluteStretch, 0);
    other.done = false;
    other.skip_reason = Some(SkipReason::NoTime);
    assert!(store.check_in(session(2, vec![other]), TZ).unwrap().changes.is_empty());
}

/// The ladder never shows, or climbs onto, a level whose equipment is missing.
#[test]
fn nordic_curls_never_appear_without_an_anchor() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Limber::open(dir.path().join("l.db")).unwrap();
    let mut strong = tight();
    strong.pain_now = Some(2);
    strong.bridge = Some(Bridge { left_reps: Some(25), right_reps: Some(25), pain: Some(0) });
    let saved = store.submit_assessment(strong, at(-1, 18), 0).unwrap();
    assert!(!saved.result.is_excluded(NordicCurl), "this person may do Nordic curls with an anchor");
    let ladder = steps(Track::BridgeLadder);
    let nordic = ladder.iter().position(|s| s.exercise == NordicCurl).unwrap();
    let set_step = |store: &Limber, step: usize| {
        store
            .conn()
            .execute(
                "INSERT INTO track_state (track, step, settled_greens, reds_in_row) VALUES ('bridge_ladder', ?1, 0, 0)
                 ON CONFLICT (track) DO UPDATE SET step = ?1",
                [step as i64],
            )
            .unwrap();
    };
    let shown = |store: &Limber| {
        let today = store.today(at(0, 7), TZ).unwrap();
        today.plan.sessions[0]
            .exercises
            .iter()
            .map(|e| e.exercise)
            .find(|e| Track::of(*e) == Track::BridgeLadder)
    };
    set_step(&store, nordic);
    assert_eq!(shown(&store), Some(SingleLegBridge), "no anchor: the level below");
    let mut settings = store.routine_settings().unwrap();
    settings.equipment.push(Equipment::Anchor);
    store.set_routine_settings(settings.clone()).unwrap();
    assert_eq!(shown(&store), Some(NordicCurl), "with an anchor");
    settings.equipment.retain(|e| *e != Equipment::Anchor);
    store.set_routine_settings(settings).unwrap();

    // At the top of the single-leg bridges, three good days keep it there and say why.
    set_step(&store, nordic - 1);
    let changes = three_good_days(&mut store, 0, &[SingleLegBridge]);
    let last = changes.last().unwrap();
    assert_eq!((last.decision, last.to.exercise), (Decision::Keep, SingleLegBridge), "{changes:?}");
    assert!(last.reason.contains("equipment"));
}

/// From 65 a stretch's hold grows instead of a third repetition (CLINICAL.md §5). Back pain that
/// started after 50 is a `soon` flag (§2), and `soon` holds every dose (§8), with the reason.
#[test]
fn from_65_stretches_grow_their_hold_and_a_soon_flag_holds_the_dose() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Limber::open(dir.path().join("l.db")).unwrap();
    let mut older = tight();
    older.age = 70;
    let saved = store.submit_assessment(older, at(-1, 18), 0).unwrap();
    assert_eq!(saved.result.triage.tier, crate::assessment::Tier::Soon, "onset after 50");
    let changes = three_good_days(&mut store, 0, &[BandHamstringStretch]);
    let last = changes.last().unwrap();
    assert_eq!(last.decision, Decision::Keep);
    assert!(last.reason.contains("see a doctor soon"), "{}", last.reason);
    assert_eq!(stretch_dose(&store, 3), (Some(2), Some(30)));
    // One step up the older line is 2 × 45 s, not 3 × 30 s.
    store
        .conn()
        .execute(
            "UPDATE track_state SET step = step + 1 WHERE track = ?1",
            [Track::Single(BandHamstringStretch).key()],
        )
        .unwrap();
    assert_eq!(stretch_dose(&store, 3), (Some(2), Some(45)));
}
