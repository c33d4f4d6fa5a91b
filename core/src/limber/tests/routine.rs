//! The routine as a person lives it: assess, see today, check in, record the next morning,
//! and see the next dose change with its reason.

use chrono::{DateTime, Duration, TimeZone, Utc};

use crate::Error;
use crate::Limber;
use crate::assessment::answers::Answers;
use crate::catalog::ExerciseId::{self, *};
use crate::routine::checkin::{CheckInInput, ExerciseCheckIn, SkipReason};
use crate::routine::dose::Track;
use crate::routine::progression::Decision;
use crate::routine::today::SessionState;
use crate::routine::{CardId, PlanStatus};

const TZ: &str = "Europe/London";

fn tight() -> Answers {
    crate::assessment::tests::screened(65, 70)
}

/// 2026-11-16 is a Monday.
fn at(day: i64, hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 16, hour, 0, 0).unwrap() + Duration::days(day)
}

fn done(exercise: ExerciseId, pain: i32) -> ExerciseCheckIn {
    ExerciseCheckIn {
        exercise,
        done: true,
        skip_reason: None,
        hold_seconds: None,
        reps: None,
        sets: None,
        pain_during: Some(pain),
        symptoms_spread: false,
    }
}

fn session(day: i64, exercises: Vec<ExerciseCheckIn>) -> CheckInInput {
    CheckInInput {
        session: 1,
        at: at(day, 9),
        pain_before: Some(3),
        pain_after: Some(3),
        exercises,
        note: None,
    }
}

fn assessed() -> (tempfile::TempDir, Limber) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Limber::open(dir.path().join("l.db")).unwrap();
    store.submit_assessment(tight(), at(-1, 18), 0).unwrap();
    (dir, store)
}

#[test]
fn without_an_assessment_today_says_to_assess_and_check_ins_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Limber::open(dir.path().join("l.db")).unwrap();
    let today = store.today(at(0, 7), TZ).unwrap();
    assert_eq!(today.plan.status, PlanStatus::NeedsSafetyAnswers);
    assert_eq!(today.status, PlanStatus::NeedsSafetyAnswers);
    assert!(today.next_session_at.is_none());
    assert!(matches!(
        store.check_in(session(0, vec![done(Walk, 0)]), TZ),
        Err(Error::PlanNotActive { status: "needs_safety_answers", .. })
    ));
}

#[test]
fn today_shows_the_sessions_with_doses_and_their_state() {
    let (_dir, mut store) = assessed();
    let today = store.today(at(0, 7), TZ).unwrap();
    assert_eq!(today.plan.status, PlanStatus::Active);
    assert_eq!(today.status, PlanStatus::Active);
    assert_eq!(today.date.to_string(), "2026-11-16");
    assert_eq!(today.sessions.len(), 1);
    assert_eq!(today.sessions[0].state, SessionState::Upcoming);
    assert_eq!(today.next_session_at, Some(at(0, 8)));
    let stretch =
        today.plan.sessions[0].exercises.iter().find(|e| e.exercise == BandHamstringStretch).unwrap();
    assert_eq!(stretch.dose.hold_seconds, Some(30));
    assert!(!today.morning_check_due && !today.retest_due);

    assert_eq!(store.today(at(0, 8), TZ).unwrap().sessions[0].state, SessionState::Due);
    store.check_in(session(0, vec![done(BandHamstringStretch, 1)]), TZ).unwrap();
    let after = store.today(at(0, 10), TZ).unwrap();
    assert_eq!(after.sessions[0].state, SessionState::Done);
    assert_eq!(after.next_session_at, Some(at(1, 8)), "tomorrow's session is next");
    assert!(store.today(at(1, 7), TZ).unwrap().morning_check_due);
    // Before 04:00 it is still the night: the check is not offered, as `morning` would refuse it.
    assert!(!store.today(at(1, 3), TZ).unwrap().morning_check_due);
}

#[test]
fn a_week_progresses_one_exercise_and_regresses_another_with_reasons() {
    let (_dir, mut store) = assessed();
    for day in 0..3 {
        let out = store
            .check_in(session(day, vec![done(BandHamstringStretch, 1), done(KneesToChest, 2)]), TZ)
            .unwrap();
        assert!(out.changes.iter().all(|c| c.decision == Decision::Keep));
        let morning = store.morning_check(3, at(day + 1, 7), TZ).unwrap();
        assert!(!morning.worse_than_usual);
        if day < 2 {
            assert!(morning.changes.is_empty(), "day {day}: {:?}", morning.changes);
        } else {
            let c = &morning.changes;
            assert_eq!(c.len(), 2);
            assert!(c.iter().all(|c| c.decision == Decision::Progress));
            assert!(c[0].reason.contains("Three comfortable sessions"));
        }
    }
    let today = store.today(at(3, 7), TZ).unwrap();
    let stretch =
        today.plan.sessions[0].exercises.iter().find(|e| e.exercise == BandHamstringStretch).unwrap();
    // CLINICAL.md §5 (revised): a stretch steps up by one repetition of 30 s, not a longer hold.
    assert_eq!((stretch.dose.reps, stretch.dose.hold_seconds), (Some(3), Some(30)), "one step up: +1 rep");
    assert_eq!(stretch.last_dose_change.as_ref().unwrap().decision, Decision::Progress);

    // Day 3: the stretch hurts 7/10: red, one step down.
    let out =
        store.check_in(session(3, vec![done(BandHamstringStretch, 7), done(KneesToChest, 1)]), TZ).unwrap();
    let red = out.changes.iter().find(|c| c.track == Track::Single(BandHamstringStretch)).unwrap();
    assert_eq!(red.decision, Decision::Regress);
    assert_eq!((red.to.dose.reps, red.to.dose.hold_seconds), (Some(2), Some(30)));
    let history = store.dose_change_history(50).unwrap();
    assert_eq!(
        history.len(),
        2 * 3 + 2 * 2,
        "every decision is kept: 3 check-ins, 1 morning, 1 more check-in"
    );
    let latest = &history[..2];
    assert!(
        latest.iter().any(|(_, c)| c.decision == Decision::Regress && c.reason.contains("Pain went above"))
    );
}

#[test]
fn a_bad_next_morning_steps_yesterdays_exercises_down() {
    let (_dir, mut store) = assessed();
    store.morning_check(2, at(0, 7), TZ).unwrap();
    store.check_in(session(0, vec![done(KneesToChest, 1)]), TZ).unwrap();
    let morning = store.morning_check(5, at(1, 7), TZ).unwrap();
    assert_eq!(morning.usual, Some(2.0));
    assert!(morning.worse_than_usual);
    assert_eq!(morning.changes[0].decision, Decision::Regress);
    assert!(morning.changes[0].reason.contains("this morning"));
    // The morning check is also a pain entry.
    let logged = store.get_pain(&morning.pain_entry_id.to_string()).unwrap();
    assert_eq!(logged.level, 5);
}

#[test]
fn spreading_symptoms_stop_the_routine_until_a_new_assessment() {
    let (_dir, mut store) = assessed();
    let mut ex = done(KneesToChest, 2);
    ex.symptoms_spread = true;
    let out = store.check_in(session(0, vec![ex]), TZ).unwrap();
    assert!(out.stop_and_retriage);
    assert!(out.message[0].contains("safety questions"));
    assert_eq!(out.changes[0].decision, Decision::Regress);
    let today = store.today(at(0, 12), TZ).unwrap();
    assert_eq!(today.plan.cards[0].id, CardId::StopAndRetriage);
    assert_eq!(today.status, PlanStatus::PausedStop);

    // The next day: still paused, no session, check-ins refused, no session reminder; the
    // morning check and the pain log go on.
    let next = store.today(at(1, 9), TZ).unwrap();
    assert_eq!(next.status, PlanStatus::PausedStop);
    assert!(next.sessions.is_empty() && next.plan.sessions.is_empty() && next.plan.activity.is_empty());
    assert!(next.next_session_at.is_none());
    assert!(next.plan.message.iter().any(|m| m.contains("safety questions")));
    assert!(matches!(
        store.check_in(session(1, vec![done(KneesToChest, 0)]), TZ),
        Err(Error::PlanNotActive { status: "paused_stop", .. })
    ));
    store
        .set_reminder_settings(crate::schedule::ReminderSettings {
            time_zone: TZ.into(),
            morning_check: Some(crate::calendar::LocalTime { hour: 7, minute: 30 }),
            ..crate::schedule::ReminderSettings::default()
        })
        .unwrap();
    let kinds: Vec<_> =
        store.upcoming_reminders(at(0, 12), 64).unwrap().into_iter().map(|r| r.kind).collect();
    assert!(kinds.contains(&crate::schedule::ReminderKind::MorningCheck), "{kinds:?}");
    assert!(!kinds.contains(&crate::schedule::ReminderKind::Session), "{kinds:?}");
    assert!(store.snooze("session:2026-11-17:1", at(1, 8)).is_err());
    store.morning_check(2, at(1, 7), TZ).unwrap();

    store.submit_assessment(tight(), at(1, 13), 0).unwrap();
    let after = store.today(at(1, 14), TZ).unwrap();
    assert_eq!(after.status, PlanStatus::Active);
    assert!(after.plan.cards.iter().all(|c| c.id != CardId::StopAndRetriage));
    let kinds: Vec<_> =
        store.upcoming_reminders(at(1, 14), 64).unwrap().into_iter().map(|r| r.kind).collect();
    assert!(kinds.contains(&crate::schedule::ReminderKind::Session), "{kinds:?}");
}

#[test]
fn check_ins_are_validated_and_once_per_session() {
    let (_dir, mut store) = assessed();
    let field = |r: crate::Result<_>| match r {
        Err(Error::Invalid { field, .. }) => field,
        other => {
            panic!("expected invalid, got {:?}", other.map(|_: crate::routine::checkin::CheckInOutcome| ()))
        }
    };
    let mut skipped = done(Walk, 0);
    skipped.done = false;
    assert_eq!(field(store.check_in(session(0, vec![skipped.clone()]), TZ)), "exercises[0].skip_reason");
    assert_eq!(field(store.check_in(session(0, vec![done(Walk, 11)]), TZ)), "exercises[0].pain_during");
    let mut two = session(0, vec![done(Walk, 1)]);
    two.session = 2;
    assert_eq!(field(store.check_in(two, TZ)), "session");
    assert_eq!(field(store.check_in(session(0, vec![done(Walk, 1)]), "Mars/Base")), "time_zone");

    skipped.skip_reason = Some(SkipReason::NoTime);
    store.check_in(session(0, vec![skipped, done(KneesToChest, 1)]), TZ).unwrap();
    assert!(matches!(store.check_in(session(0, vec![done(Walk, 1)]), TZ), Err(Error::NotNow(_))));
    assert!(
        matches!(store.morning_check(11, at(1, 7), TZ), Err(Error::Invalid { field, .. }) if field == "pain")
    );
    store.morning_check(2, at(1, 7), TZ).unwrap();
    assert!(matches!(store.morning_check(2, at(1, 8), TZ), Err(Error::NotNow(_))));
}

#[test]
fn a_retest_is_prompted_after_two_weeks_and_two_reds_suggest_a_physio() {
    let (_dir, mut store) = assessed();
    store.check_in(session(0, vec![done(KneesToChest, 8)]), TZ).unwrap();
    store.check_in(session(1, vec![done(KneesToChest, 8)]), TZ).unwrap();
    let today = store.today(at(14, 7), TZ).unwrap();
    let cards: Vec<CardId> = today.plan.cards.iter().map(|c| c.id).collect();
    assert!(today.retest_due);
    assert!(cards.contains(&CardId::RetestDue), "{cards:?}");
    assert!(cards.contains(&CardId::SeePhysio), "{cards:?}");
}

#[test]
fn settings_are_validated_and_kept() {
    let (_dir, mut store) = assessed();
    let mut s = store.routine_settings().unwrap();
    s.session_times.push(crate::calendar::LocalTime { hour: 18, minute: 0 });
    store.set_routine_settings(s.clone()).unwrap();
    assert_eq!(store.routine_settings().unwrap(), s);
    s.strength_days.truncate(1);
    assert!(
        matches!(store.set_routine_settings(s), Err(Error::Invalid { field, .. }) if field == "strength_days")
    );
    assert_eq!(store.today(at(0, 7), TZ).unwrap().sessions.len(), 2);
}

mod backup;
mod properties;
mod safety;
