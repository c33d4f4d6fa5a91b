//! A backup of a lived routine restores: the check-ins and dose changes the routine itself wrote
//! are accepted when read back (the backup's checks follow the routine's rules).

use super::*;
use crate::progress::ExportFormat;

/// Export, wipe, import: what a person does when moving to a new phone.
fn move_phone(store: &mut Limber, day: i64) {
    let file = store.export(ExportFormat::JsonBackup, at(day, 12), TZ).unwrap();
    store.wipe_all_data().unwrap();
    let report = store.import_backup(&file.bytes).unwrap();
    assert!(report.added > 0 && report.skipped == 0, "{report:?}");
}

fn skipped(exercise: ExerciseId, reason: SkipReason) -> ExerciseCheckIn {
    ExerciseCheckIn { done: false, pain_during: None, skip_reason: Some(reason), ..done(exercise, 0) }
}

#[test]
fn an_exercise_skipped_as_too_painful_is_restored_with_its_red() {
    let (_dir, mut store) = assessed();
    let out = store.check_in(session(0, vec![skipped(KneesToChest, SkipReason::TooPainful)]), TZ).unwrap();
    assert_eq!(out.changes[0].decision, Decision::Regress);
    move_phone(&mut store, 1);
    // The red came back: a second too-painful skip makes two reds in a row.
    store.check_in(session(1, vec![skipped(KneesToChest, SkipReason::TooPainful)]), TZ).unwrap();
    let cards: Vec<CardId> = store.today(at(1, 12), TZ).unwrap().plan.cards.iter().map(|c| c.id).collect();
    assert!(cards.contains(&CardId::SeePhysio), "{cards:?}");
}

#[test]
fn a_red_on_an_exercise_skipped_for_another_reason_is_still_refused() {
    let (_dir, mut store) = assessed();
    store.check_in(session(0, vec![skipped(KneesToChest, SkipReason::NoTime)]), TZ).unwrap();
    let file = store.export(ExportFormat::JsonBackup, at(1, 12), TZ).unwrap();
    let mut json: serde_json::Value = serde_json::from_slice(&file.bytes).unwrap();
    json["check_ins"][0]["exercises"][0]["light"] = "red".into();
    let err = store.import_backup(&serde_json::to_vec(&json).unwrap()).unwrap_err();
    assert!(
        matches!(&err, Error::Invalid { field, .. } if field == "check_ins[0].exercises[0].light"),
        "{err:?}"
    );
}

/// From 65 a stretch steps up to 2 × 45 s, a step that exists only on the older line (§5).
#[test]
fn an_older_adults_longer_hold_is_restored() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Limber::open(dir.path().join("l.db")).unwrap();
    let mut older = tight();
    older.age = 70;
    // Pain since the age of 40: no "started after 50" flag, so the dose may step up.
    older.duration_days = Some(30 * 365);
    store.submit_assessment(older, at(-1, 18), 0).unwrap();
    let mut last = None;
    for day in 0..3 {
        let input = CheckInInput {
            pain_before: Some(2),
            pain_after: Some(2),
            ..session(day, vec![done(BandHamstringStretch, 1)])
        };
        store.check_in(input, TZ).unwrap();
        last = store.morning_check(2, at(day + 1, 7), TZ).unwrap().changes.pop();
    }
    let last = last.unwrap();
    assert_eq!(
        (last.decision, last.to.dose.reps, last.to.dose.hold_seconds),
        (Decision::Progress, Some(2), Some(45))
    );
    move_phone(&mut store, 3);
    let history = store.dose_change_history(10).unwrap();
    assert!(history.iter().any(|(_, c)| c.to.dose.hold_seconds == Some(45)), "{history:?}");
}
