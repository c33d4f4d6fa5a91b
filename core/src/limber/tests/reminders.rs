//! Reminders as the shells see them: settings, the upcoming plan from what is stored, snoozes,
//! adherence and streaks.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use crate::Error;
use crate::Limber;
use crate::assessment::answers::Answers;
use crate::calendar::{DayOfWeek, LocalTime};
use crate::catalog::ExerciseId;
use crate::routine::checkin::{CheckInInput, ExerciseCheckIn};
use crate::schedule::{ReminderKind, ReminderSettings};
use crate::store::SCHEMA_VERSION;
use crate::zone::{instant, parse_tz};

const LONDON: &str = "Europe/London";
const NY: &str = "America/New_York";

fn tight() -> Answers {
    crate::assessment::tests::screened(65, 70)
}

fn t(hour: i32, minute: i32) -> LocalTime {
    LocalTime { hour, minute }
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn local(tz: &str, date: NaiveDate, hour: i32, minute: i32) -> DateTime<Utc> {
    instant(parse_tz("tz", tz).unwrap(), date, t(hour, minute))
}

fn utc(text: &str) -> DateTime<Utc> {
    text.parse().unwrap()
}

fn open() -> (tempfile::TempDir, Limber) {
    let dir = tempfile::tempdir().unwrap();
    let store = Limber::open(dir.path().join("l.db")).unwrap();
    (dir, store)
}

fn assessed(taken_at: DateTime<Utc>) -> (tempfile::TempDir, Limber) {
    let (dir, mut store) = open();
    store.submit_assessment(tight(), taken_at, 0).unwrap();
    (dir, store)
}

fn check_in(store: &mut Limber, session: i32, at: DateTime<Utc>, tz: &str) {
    let exercise = ExerciseCheckIn {
        exercise: ExerciseId::KneesToChest,
        done: true,
        skip_reason: None,
        hold_seconds: None,
        reps: None,
        sets: None,
        pain_during: Some(1),
        symptoms_spread: false,
    };
    let input = CheckInInput {
        session,
        at,
        pain_before: Some(3),
        pain_after: Some(3),
        exercises: vec![exercise],
        note: None,
    };
    store.check_in(input, tz).unwrap();
}

/// London, 07:30 and an evening nudge at 19:00, morning check at 07:00.
fn london(store: &mut Limber) -> ReminderSettings {
    store
        .set_reminder_settings(ReminderSettings {
            slots: vec![t(19, 0), t(7, 30)],
            time_zone: LONDON.into(),
            morning_check: Some(t(7, 0)),
            ..ReminderSettings::default()
        })
        .unwrap()
}

fn ids(store: &Limber, now: DateTime<Utc>, limit: i32) -> Vec<String> {
    store.upcoming_reminders(now, limit).unwrap().into_iter().map(|r| r.id).collect()
}

#[test]
fn settings_are_the_defaults_until_set_and_invalid_ones_are_not_stored() {
    let (_dir, mut store) = open();
    assert_eq!(store.reminder_settings().unwrap(), ReminderSettings::default());
    let saved = london(&mut store);
    assert_eq!(saved.slots, [t(7, 30), t(19, 0)], "sorted");
    assert_eq!(store.reminder_settings().unwrap(), saved);
    let bad = ReminderSettings { snooze_minutes: 0, ..saved.clone() };
    assert!(
        matches!(store.set_reminder_settings(bad), Err(Error::Invalid { field, .. }) if field == "snooze_minutes")
    );
    assert_eq!(store.reminder_settings().unwrap(), saved);
}

#[test]
fn without_an_assessment_nothing_is_reminded_and_after_one_the_plan_starts_today() {
    let (_dir, mut store) = open();
    london(&mut store);
    let now = utc("2026-11-16T06:00:00Z");
    assert!(store.upcoming_reminders(now, 64).unwrap().is_empty());
    store.submit_assessment(tight(), utc("2026-11-16T05:00:00Z"), 0).unwrap();
    let rs = store.upcoming_reminders(now, 64).unwrap();
    assert_eq!(rs.len(), 64);
    assert_eq!(
        rs[..5].iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
        [
            "session:2026-11-16:1",
            "session:2026-11-16:2",
            "morning:2026-11-17",
            "session:2026-11-17:1",
            "session:2026-11-17:2"
        ]
    );
    let retest = rs.iter().find(|r| r.kind == ReminderKind::Retest).unwrap();
    assert_eq!(
        (retest.id.as_str(), retest.local.to_rfc3339()),
        ("retest:2026-11-30", "2026-11-30T07:30:00+00:00".into())
    );
    assert!(
        matches!(store.upcoming_reminders(now, 65), Err(Error::Invalid { field, .. }) if field == "limit")
    );
    assert!(
        matches!(store.upcoming_reminders(now, 0), Err(Error::Invalid { field, .. }) if field == "limit")
    );
}

#[test]
fn checking_in_cancels_the_sessions_reminders_and_brings_the_morning_check() {
    let (_dir, mut store) = assessed(utc("2026-11-15T18:00:00Z"));
    london(&mut store);
    let now = utc("2026-11-16T07:45:00Z");
    assert_eq!(ids(&store, now, 1), ["session:2026-11-16:2"]);
    check_in(&mut store, 1, now, LONDON);
    assert_eq!(
        ids(&store, now, 2),
        ["morning:2026-11-17", "session:2026-11-17:1"],
        "the evening nudge went too"
    );
    // The next morning: due until recorded.
    let morning = utc("2026-11-17T06:00:00Z");
    assert_eq!(ids(&store, morning, 1), ["morning:2026-11-17"]);
    store.morning_check(2, morning, LONDON).unwrap();
    assert_eq!(ids(&store, morning, 1), ["session:2026-11-17:1"]);
}

#[test]
fn a_snooze_is_kept_replaced_and_dropped_once_the_session_is_checked_in() {
    let (_dir, mut store) = assessed(utc("2026-11-15T18:00:00Z"));
    london(&mut store);
    let now = utc("2026-11-16T07:31:00Z");
    let r = store.snooze("session:2026-11-16:1", now).unwrap();
    assert_eq!(
        (r.id.as_str(), r.kind, r.fire_at),
        ("snooze:session:2026-11-16:1", ReminderKind::Snoozed, now + Duration::minutes(10))
    );
    assert_eq!(store.upcoming_reminders(now, 1).unwrap(), std::slice::from_ref(&r));
    // Snoozing again (from the snoozed notification) replaces it.
    let later = r.fire_at + Duration::seconds(30);
    let again = store.snooze(&r.id, later).unwrap();
    assert_eq!(again.fire_at, later + Duration::minutes(10));
    let upcoming = ids(&store, now, 3);
    assert_eq!(upcoming, ["snooze:session:2026-11-16:1", "session:2026-11-16:2", "morning:2026-11-17"]);
    let rows: i64 = store.conn().query_row("SELECT count(*) FROM snooze", [], |r| r.get(0)).unwrap();
    assert_eq!(rows, 1);
    // Past snoozes are not returned; a check-in drops a pending one.
    assert_eq!(ids(&store, again.fire_at, 1), ["session:2026-11-16:2"]);
    check_in(&mut store, 1, later, LONDON);
    assert_eq!(ids(&store, later, 1), ["morning:2026-11-17"]);
}

#[test]
fn snoozing_something_that_is_not_in_the_plan_is_refused() {
    let (_dir, mut store) = assessed(utc("2026-11-15T18:00:00Z"));
    london(&mut store);
    let now = utc("2026-11-16T07:31:00Z");
    assert!(matches!(store.snooze("nonsense", now), Err(Error::Invalid { field, .. }) if field == "id"));
    assert!(matches!(store.snooze("session:2026-11-16:3", now), Err(Error::NotFound { .. })));
    check_in(&mut store, 1, now, LONDON);
    assert!(matches!(store.snooze("session:2026-11-16:1", now), Err(Error::NotNow(_))));
    let rows: i64 = store.conn().query_row("SELECT count(*) FROM snooze", [], |r| r.get(0)).unwrap();
    assert_eq!(rows, 0);
}

#[test]
fn a_new_time_zone_keeps_the_local_times() {
    let (_dir, mut store) = assessed(utc("2026-11-15T18:00:00Z"));
    let mut s = ReminderSettings { morning_check: None, ..london(&mut store) };
    store.set_reminder_settings(s.clone()).unwrap();
    let now = utc("2026-11-15T23:00:00Z");
    let before = store.upcoming_reminders(now, 1).unwrap().remove(0);
    s.time_zone = NY.into();
    store.set_reminder_settings(s).unwrap();
    let after = store.upcoming_reminders(now, 2).unwrap();
    assert_eq!(before.local.to_rfc3339(), "2026-11-16T07:30:00+00:00");
    assert_eq!(after[0].local.to_rfc3339(), "2026-11-15T19:00:00-05:00", "the evening nudge, in New York");
    assert_eq!(after[0].fire_at, utc("2026-11-16T00:00:00Z"));
    assert_eq!(after[1].local.to_rfc3339(), "2026-11-16T07:30:00-05:00");
}

#[test]
fn adherence_and_streaks_across_a_missed_day_and_the_dst_change() {
    // Assessed on Monday 2026-03-02; sessions at 23:30 New York time every day but Saturday
    // 2026-03-07, through the 23-hour Sunday 2026-03-08, up to Tuesday 2026-03-10.
    let (_dir, mut store) = assessed(local(NY, day(2026, 3, 2), 18, 0));
    store
        .set_reminder_settings(ReminderSettings { time_zone: NY.into(), ..ReminderSettings::default() })
        .unwrap();
    for d in (3..=10).filter(|d| *d != 7) {
        check_in(&mut store, 1, local(NY, day(2026, 3, d), 23, 30), NY);
    }
    let now = local(NY, day(2026, 3, 10), 23, 45);
    let a = store.adherence(now, 9).unwrap();
    let days: Vec<_> = a.days.iter().map(|d| (d.date.format("%d").to_string(), d.planned, d.done)).collect();
    let expected: Vec<_> =
        [(2, 0, 0), (3, 1, 1), (4, 1, 1), (5, 1, 1), (6, 1, 1), (7, 1, 0), (8, 1, 1), (9, 1, 1), (10, 1, 1)]
            .iter()
            .map(|(d, p, n)| (format!("{d:02}"), *p, *n))
            .collect();
    assert_eq!(days, expected);
    assert_eq!((a.current_streak, a.best_streak), (3, 4));
    let streaks = store.streaks(now).unwrap();
    assert_eq!((streaks.current, streaks.best), (3, 4));
    // Wednesday morning, nothing done yet: the day is open and the streak holds.
    let open = store.adherence(local(NY, day(2026, 3, 11), 9, 0), 1).unwrap();
    assert!(open.days[0].in_progress);
    assert_eq!(open.current_streak, 3);
    // Thursday: Wednesday was missed.
    assert_eq!(store.streaks(local(NY, day(2026, 3, 12), 9, 0)).unwrap().current, 0);
    // Rest days on the weekend: the missed Saturday no longer breaks anything.
    let weekdays =
        ReminderSettings { days: DayOfWeek::ALL[..5].to_vec(), ..store.reminder_settings().unwrap() };
    store.set_reminder_settings(weekdays).unwrap();
    let a = store.adherence(now, 9).unwrap();
    assert_eq!((a.current_streak, a.best_streak), (6, 6));
    assert!(a.days[5].rest_day && a.days[6].rest_day);
}

#[test]
fn a_version_3_database_gains_the_snooze_table_and_keeps_its_settings() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v3.db");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        for step in &crate::store::migration_steps()[..3] {
            conn.execute_batch(step).unwrap();
        }
        conn.pragma_update(None, "application_id", crate::store::schema::APPLICATION_ID).unwrap();
        conn.pragma_update(None, "user_version", 3).unwrap();
        conn.execute("INSERT INTO setting (key, value) VALUES ('reminders', '{\"slots\":[\"06:45\"]}')", [])
            .unwrap();
    }
    let mut store = Limber::open(&path).unwrap();
    assert_eq!(crate::store::schema::user_version(store.conn()).unwrap(), SCHEMA_VERSION);
    assert_eq!(store.reminder_settings().unwrap().slots, [t(6, 45)]);
    store.submit_assessment(tight(), utc("2026-11-15T18:00:00Z"), 0).unwrap();
    let r = store.snooze("session:2026-11-16:1", utc("2026-11-16T06:50:00Z")).unwrap();
    assert_eq!(r.fire_at, utc("2026-11-16T07:00:00Z"));
}

/// The CLI's `--tz` and the phones' device zone go through one rule: an alias changes nothing,
/// a new zone is saved, and a zone the core does not know keeps the saved one.
#[test]
fn the_device_zone_is_handed_over_by_one_rule() {
    use crate::schedule::zone_hand_over::ZoneHandOver;
    let (_dir, mut store) = open();
    let now = utc("2026-11-20T12:00:00Z");
    store
        .set_reminder_settings(ReminderSettings {
            time_zone: "Asia/Kolkata".into(),
            ..ReminderSettings::default()
        })
        .unwrap();
    let (outcome, settings) = store.use_device_zone("Asia/Calcutta", now).unwrap();
    assert_eq!((outcome, settings.time_zone.as_str()), (ZoneHandOver::Unchanged, "Asia/Kolkata"));
    let (outcome, settings) = store.use_device_zone("Asia/Tokyo", now).unwrap();
    assert_eq!((outcome, settings.time_zone.as_str()), (ZoneHandOver::Switched, "Asia/Tokyo"));
    assert_eq!(store.reminder_settings().unwrap().time_zone, "Asia/Tokyo");
    let (outcome, settings) = store.use_device_zone("Mars/Olympus", now).unwrap();
    assert_eq!((outcome, settings.time_zone.as_str()), (ZoneHandOver::Rejected, "Asia/Tokyo"));
    assert_eq!(store.reminder_settings().unwrap().time_zone, "Asia/Tokyo");
}

/// CLINICAL.md §8: after a stop the person is told not to exercise until the safety questions
/// are answered again; those days plan nothing, so following the stop never breaks a streak,
/// and a new assessment plans sessions again from the next day.
#[test]
fn days_paused_by_a_stop_are_not_planned_and_keep_the_streak() {
    let (_dir, mut store) = assessed(local(LONDON, day(2026, 11, 2), 18, 0));
    store
        .set_reminder_settings(ReminderSettings { time_zone: LONDON.into(), ..ReminderSettings::default() })
        .unwrap();
    for d in 3..=5 {
        check_in(&mut store, 1, local(LONDON, day(2026, 11, d), 9, 0), LONDON);
    }
    // Friday's session: symptoms spread down the leg, so the plan stops.
    let mut spread = CheckInInput {
        session: 1,
        at: local(LONDON, day(2026, 11, 6), 9, 0),
        pain_before: Some(3),
        pain_after: Some(3),
        exercises: vec![ExerciseCheckIn {
            exercise: ExerciseId::KneesToChest,
            done: true,
            skip_reason: None,
            hold_seconds: None,
            reps: None,
            sets: None,
            pain_during: Some(2),
            symptoms_spread: true,
        }],
        note: None,
    };
    store.check_in(spread.clone(), LONDON).unwrap();
    let now = local(LONDON, day(2026, 11, 9), 20, 0);
    let a = store.adherence(now, 7).unwrap();
    let planned: Vec<_> = a.days.iter().map(|d| (d.date.format("%d").to_string(), d.planned)).collect();
    let expected: Vec<_> = [(3, 1), (4, 1), (5, 1), (6, 1), (7, 0), (8, 0), (9, 0)]
        .iter()
        .map(|(d, p)| (format!("{d:02}"), *p))
        .collect();
    assert_eq!(planned, expected, "nothing is planned while the plan is stopped");
    assert_eq!(a.current_streak, 4, "following the stop does not break the streak");
    // The safety questions answered again on Monday: Tuesday plans a session again.
    store.submit_assessment(tight(), local(LONDON, day(2026, 11, 9), 20, 30), 0).unwrap();
    let a = store.adherence(local(LONDON, day(2026, 11, 10), 20, 0), 1).unwrap();
    assert_eq!(a.days[0].planned, 1);
    spread.at = local(LONDON, day(2026, 11, 10), 9, 0);
    assert!(store.check_in(spread, LONDON).is_ok());
}
