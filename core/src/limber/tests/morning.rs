//! The next-morning check: its window, and its pain stored once (issue 14, point 4).

use std::io::Read;

use chrono::{DateTime, Duration, TimeZone, Utc};

use crate::Error;
use crate::Limber;
use crate::catalog::ExerciseId::{self, *};
use crate::pain::PainInput;
use crate::progress::ExportFormat;
use crate::routine::checkin::{BEFORE_MORNING, CheckInInput, ExerciseCheckIn};

const TZ: &str = "Europe/London";

/// 2026-11-16 is a Monday; London is on UTC in November.
fn at(day: i64, hour: u32, minute: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 16, hour, minute, 0).unwrap() + Duration::days(day)
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

fn check_in(store: &mut Limber, at: DateTime<Utc>) {
    let input = CheckInInput {
        session: 1,
        at,
        pain_before: Some(3),
        pain_after: Some(3),
        exercises: vec![done(Walk, 1)],
        note: None,
    };
    store.check_in(input, TZ).unwrap();
}

fn assessed() -> (tempfile::TempDir, Limber) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Limber::open(dir.path().join("l.db")).unwrap();
    store.submit_assessment(crate::assessment::tests::screened(65, 70), at(-1, 18, 0), 0).unwrap();
    (dir, store)
}

fn csv_morning_pains(store: &Limber) -> Vec<String> {
    let bytes = store.export(ExportFormat::CsvZip, at(5, 12, 0), TZ).unwrap().bytes;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut text = Vec::new();
    zip.by_name("morning_checks.csv").unwrap().read_to_end(&mut text).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_slice());
    let column = reader.headers().unwrap().iter().position(|h| h == "pain").unwrap();
    reader.records().map(|r| r.unwrap()[column].to_owned()).collect()
}

#[test]
fn a_check_just_after_midnight_is_refused_saying_when_the_morning_opens_and_the_real_one_counts() {
    // Issue 14: a late session, a "morning" check at 00:05, then the real one at 07:00.
    let (_dir, mut store) = assessed();
    check_in(&mut store, at(0, 23, 30));
    let err = store.morning_check(2, at(1, 0, 5), TZ).unwrap_err();
    assert!(matches!(err, Error::NotNow(BEFORE_MORNING)), "{err:?}");
    assert!(err.to_string().contains("04:00"), "{err}");
    // Nothing was written: no morning check, no pain entry.
    assert!(!store.has_morning_check(at(1, 0, 5).date_naive()).unwrap());
    assert_eq!(
        store.list_pain(&crate::pain::PainQuery { limit: 10, ..Default::default() }).unwrap().entries.len(),
        0
    );
    let morning = store.morning_check(2, at(1, 7, 0), TZ).unwrap();
    assert_eq!(morning.date.to_string(), "2026-11-17");
}

#[test]
fn editing_the_morning_checks_pain_entry_changes_what_dosing_and_the_exports_use() {
    let (_dir, mut store) = assessed();
    check_in(&mut store, at(0, 9, 0));
    let first = store.morning_check(2, at(1, 7, 0), TZ).unwrap();
    assert_eq!(csv_morning_pains(&store), ["2"]);
    // Issue 14: `pain edit <its entry> --level 8`.
    let entry = store.get_pain(&first.pain_entry_id.to_string()).unwrap();
    let input = PainInput {
        recorded_at: entry.recorded_at,
        utc_offset_minutes: entry.utc_offset_minutes,
        level: 8,
        sites: entry.sites.clone(),
        context: entry.context,
        note: entry.note.clone(),
    };
    store.update_pain(&entry.id.to_string(), input).unwrap();
    // The CSV and the backup agree with the entry.
    assert_eq!(csv_morning_pains(&store), ["8"]);
    let backup = store.backup(at(5, 12, 0)).unwrap();
    assert_eq!(backup.morning_checks[0].pain, 8);
    // The next morning is compared with 8, not 2: 5 is not worse than usual.
    check_in(&mut store, at(1, 9, 0));
    let second = store.morning_check(5, at(2, 7, 0), TZ).unwrap();
    assert_eq!(second.usual, Some(8.0));
    assert!(!second.worse_than_usual);
    // Deleting the entry deletes the morning check with it: nothing is left pointing nowhere.
    store.delete_pain(&second.pain_entry_id.to_string()).unwrap();
    assert!(!store.has_morning_check(second.date).unwrap());
    assert_eq!(csv_morning_pains(&store), ["8"]);
}

#[test]
fn the_day_after_a_date_the_zone_skipped_follows_the_day_before_it() {
    // Samoa: Thursday 2011-12-29 was followed by Saturday 2011-12-31.
    let apia = "Pacific/Apia";
    let dir = tempfile::tempdir().unwrap();
    let mut store = Limber::open(dir.path().join("l.db")).unwrap();
    let thursday = "2011-12-29T09:00:00-10:00".parse::<DateTime<chrono::FixedOffset>>().unwrap().to_utc();
    store
        .submit_assessment(crate::assessment::tests::screened(65, 70), thursday - Duration::days(2), 0)
        .unwrap();
    let input = CheckInInput {
        session: 1,
        at: thursday,
        pain_before: Some(3),
        pain_after: Some(3),
        exercises: vec![done(Walk, 1)],
        note: None,
    };
    store.check_in(input, apia).unwrap();
    // The morning after Thursday is Saturday's: it is compared with Thursday's pain before the
    // session (3), and 5 is 2 above it.
    let saturday = "2011-12-31T07:00:00+14:00".parse::<DateTime<chrono::FixedOffset>>().unwrap().to_utc();
    let morning = store.morning_check(5, saturday, apia).unwrap();
    assert_eq!(morning.date.to_string(), "2011-12-31");
    assert_eq!(morning.usual, Some(3.0), "Thursday was the day before");
    assert!(morning.worse_than_usual);
}

#[test]
fn notes_a_spreadsheet_would_run_are_neutralised_in_the_csv_and_kept_as_typed_elsewhere() {
    // Issue 14, point 5: the notes of the bug report (a note's leading tab or carriage return is
    // trimmed on input; `neutralise_cell`'s own tests cover those).
    let notes = ["=1+1", "+1+1", "-1+1", "@SUM(1+1)"];
    let dir = tempfile::tempdir().unwrap();
    let mut store = Limber::open(dir.path().join("l.db")).unwrap();
    for (i, note) in notes.iter().enumerate() {
        let input = PainInput {
            recorded_at: at(0, 8, i as u32),
            utc_offset_minutes: -300,
            level: 3,
            sites: Vec::new(),
            context: crate::pain::PainContext::Other,
            note: Some((*note).to_owned()),
        };
        store.add_pain(input).unwrap();
    }
    let bytes = store.export(ExportFormat::CsvZip, at(1, 12, 0), TZ).unwrap().bytes;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut text = Vec::new();
    zip.by_name("pain_entries.csv").unwrap().read_to_end(&mut text).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_slice());
    let headers = reader.headers().unwrap().clone();
    let column = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let mut written: Vec<String> = rows.iter().map(|r| r[column("note")].to_owned()).collect();
    written.sort();
    let mut wanted: Vec<String> = notes.iter().map(|n| format!("'{n}")).collect();
    wanted.sort();
    assert_eq!(written, wanted);
    // A negative offset is a number, not a formula.
    assert!(rows.iter().all(|r| &r[column("utc_offset_minutes")] == "-300"));
    // JSON and FHIR keep the text as typed.
    for format in [ExportFormat::JsonBackup, ExportFormat::FhirBundle] {
        let json: serde_json::Value =
            serde_json::from_slice(&store.export(format, at(1, 12, 0), TZ).unwrap().bytes).unwrap();
        let text = json.to_string();
        for note in notes {
            assert!(text.contains(&serde_json::to_string(note).unwrap()), "{format:?} {note:?}");
            assert!(!text.contains(&serde_json::to_string(&format!("'{note}")).unwrap()), "{format:?}");
        }
    }
}

/// Review of issue 13: in the first week, mornings 0, 1, 2, 3 and then 3 compared the last with
/// the mean so far (1.5), the rising days themselves, so a morning 3 above the first did not step
/// the session's dose down. The usual is the first morning until the baseline week is complete.
#[test]
fn a_morning_far_above_the_first_in_the_first_week_steps_the_dose_down() {
    use crate::routine::progression::Decision;
    let (_dir, mut store) = assessed();
    let mut last = None;
    for (day, pain) in [0, 1, 2, 3, 3].into_iter().enumerate() {
        let day = day as i64;
        check_in(&mut store, at(day, 9, 0));
        last = Some(store.morning_check(pain, at(day + 1, 7, 0), TZ).unwrap());
    }
    let last = last.unwrap();
    assert_eq!(last.usual, Some(0.0));
    assert!(last.worse_than_usual);
    assert!(
        last.changes.iter().any(|c| c.decision == Decision::Regress),
        "a morning 3 above the first steps the dose down: {:?}",
        last.changes
    );
}
