use chrono::{Duration, TimeZone, Utc};

use crate::Error;
use crate::Limber;
use crate::assessment::answers::{
    Ake, Bridge, CaudaEquina, General, Known, LegSymptoms, MeasuredBy, Onset, Slr,
};
use crate::assessment::history::MeasuredTest;
use crate::assessment::{Answers, PatternId, Tier};
use crate::pain::Side;

fn answers(slr_left: i32, by: MeasuredBy) -> Answers {
    Answers {
        age: 35,
        onset: Some(Onset::Gradual),
        known: Some(Known::default()),
        leg_symptoms: Some(LegSymptoms::default()),
        cauda_equina: Some(CaudaEquina::default()),
        general: Some(General::default()),
        nerve_check: Some(false),
        slr: Some(Slr {
            left_deg: Some(slr_left),
            right_deg: Some(82),
            measured_by: Some(by),
            ..Slr::default()
        }),
        ake: Some(Ake { left_deficit_deg: Some(25), right_deficit_deg: None }),
        bridge: Some(Bridge { left_reps: Some(18), right_reps: Some(22), pain: Some(0) }),
        ..Answers::default()
    }
}

fn day(n: i64) -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 10, 1, 9, 0, 0).unwrap() + Duration::days(n)
}

#[test]
fn every_assessment_is_saved_and_the_latest_drives_the_routine() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("l.db");
    let mut store = Limber::open(&path).unwrap();
    let first = store.submit_assessment(answers(62, MeasuredBy::Helper), day(0), 60).unwrap();
    let second = store.submit_assessment(answers(70, MeasuredBy::Helper), day(14), 60).unwrap();
    assert!(first.result.pattern(PatternId::TightHamstrings).is_some());

    let store = Limber::open(&path).unwrap();
    let latest = store.latest_assessment().unwrap().unwrap();
    assert_eq!(latest, second);
    let history: Vec<_> = store.assessment_history(10).unwrap().into_iter().map(|s| s.id).collect();
    assert_eq!(history, [second.id, first.id]);
    assert_eq!(store.get_assessment(&first.id.to_string()).unwrap(), first);
}

#[test]
fn a_retest_is_due_fourteen_days_later() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Limber::open(dir.path().join("l.db")).unwrap();
    let saved = store.submit_assessment(answers(62, MeasuredBy::Helper), day(0), 0).unwrap();
    assert_eq!(saved.retest_due_at(), day(14));
    assert!(!saved.retest_due(day(14) - Duration::seconds(1)));
    assert!(saved.retest_due(day(14)));
}

#[test]
fn measurement_series_mark_only_real_changes() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Limber::open(dir.path().join("l.db")).unwrap();
    store.submit_assessment(answers(60, MeasuredBy::Helper), day(0), 0).unwrap();
    store.submit_assessment(answers(64, MeasuredBy::Helper), day(14), 0).unwrap();
    store.submit_assessment(answers(69, MeasuredBy::Helper), day(28), 0).unwrap();
    store.submit_assessment(answers(77, MeasuredBy::SelfMeasured), day(42), 0).unwrap();

    let left: Vec<_> = store
        .measurement_series(MeasuredTest::Slr)
        .unwrap()
        .into_iter()
        .filter(|p| p.side == Side::Left)
        .map(|p| (p.value, p.change, p.real_change))
        .collect();
    assert_eq!(left, [(60, None, false), (64, Some(4), false), (69, Some(5), true), (77, Some(8), false)]);

    let ake = store.measurement_series(MeasuredTest::Ake).unwrap();
    assert_eq!(ake.len(), 4, "only the measured side is kept");
    assert!(ake.iter().all(|p| p.side == Side::Left));
    assert_eq!(store.measurement_series(MeasuredTest::Bridge).unwrap().len(), 8);
}

#[test]
fn invalid_answers_are_refused_and_nothing_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Limber::open(dir.path().join("l.db")).unwrap();
    let mut bad = answers(60, MeasuredBy::Helper);
    bad.slr.as_mut().unwrap().right_deg = Some(130);
    match store.submit_assessment(bad, day(0), 0) {
        Err(Error::Invalid { field, .. }) => assert_eq!(field, "slr.right_deg"),
        other => panic!("expected invalid input, got {other:?}"),
    }
    assert!(store.latest_assessment().unwrap().is_none());
}

#[test]
fn an_emergency_is_saved_too() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Limber::open(dir.path().join("l.db")).unwrap();
    let mut a = answers(60, MeasuredBy::Helper);
    a.cauda_equina.as_mut().unwrap().bladder = true;
    let saved = store.submit_assessment(a, day(0), 0).unwrap();
    assert_eq!(saved.result.triage.tier, Tier::Emergency);
    assert!(!store.latest_assessment().unwrap().unwrap().result.plan_allowed);
}
