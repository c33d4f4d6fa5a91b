//! The JSON backup restored: export, wipe, import gives back every table exactly; merging skips
//! what is there; a bad file writes nothing.

use std::collections::BTreeMap;

use serde_json::Value;

use super::progress::{at, open, pain, populated};
use crate::Error;
use crate::Limber;
use crate::assessment::evaluate;
use crate::progress::ExportFormat;

/// Every row of every table, as text, sorted: what "exactly the same data" means. The time of
/// the last passing quick check is the file's, not the person's: it is neither backed up nor
/// restored, and left out.
fn dump(store: &Limber) -> BTreeMap<String, Vec<String>> {
    let conn = store.conn();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    tables
        .into_iter()
        .map(|table| {
            let mut stmt = conn.prepare(&format!("SELECT * FROM {table}")).unwrap();
            let columns = stmt.column_count();
            let mut rows: Vec<String> = stmt
                .query_map([], |r| {
                    Ok((0..columns)
                        .map(|i| format!("{:?}", r.get::<_, rusqlite::types::Value>(i).unwrap()))
                        .collect())
                })
                .unwrap()
                .map(|r: rusqlite::Result<Vec<String>>| r.unwrap().join(" | "))
                .filter(|row| !row.starts_with("Text(\"quick_check_passed_at\")"))
                .collect();
            rows.sort();
            (table, rows)
        })
        .collect()
}

fn backup_json(store: &Limber) -> Value {
    serde_json::from_slice(
        &store.export(ExportFormat::JsonBackup, at(21, 12), "Europe/London").unwrap().bytes,
    )
    .unwrap()
}

fn bytes(json: &Value) -> Vec<u8> {
    serde_json::to_vec(json).unwrap()
}

#[test]
fn export_wipe_import_restores_every_table_exactly() {
    let (_dir, mut store) = populated();
    let before = dump(&store);
    assert!(before.values().all(|rows| !rows.is_empty()), "every table has rows: {before:#?}");
    let file = store.export(ExportFormat::JsonBackup, at(21, 12), "Europe/London").unwrap();

    store.wipe_all_data().unwrap();
    assert!(dump(&store).values().all(Vec::is_empty));

    let report = store.import_backup(&file.bytes).unwrap();
    assert_eq!(dump(&store), before);
    assert_eq!(report.skipped, 0);
    let records = |name: &str| before[name].len() as i32;
    let expected = 2 // settings
        + records("pain_entry")
        + records("assessment")
        + records("checkin")
        + records("morning_check")
        + records("track_state")
        + records("dose_change")
        + records("snooze");
    assert_eq!(report.added, expected);
    assert!(report.summary.contains(&"pain entries: 44 added".to_owned()), "{:?}", report.summary);
    // And the restored store works as before.
    assert_eq!(store.routine_settings().unwrap().strength_days.len(), 2);
    store.add_pain(pain(22, 8, 1)).unwrap();
}

#[test]
fn importing_again_skips_everything_and_never_overwrites() {
    let (_dir, mut store) = populated();
    let json = backup_json(&store);
    // Change one entry here: the file's older copy must not replace it.
    let id = json["pain_entries"][0]["id"].as_str().unwrap().to_owned();
    let mut edited = pain(0, 7, 9);
    edited.note = Some("changed here".into());
    store.update_pain(&id, edited).unwrap();
    let before = dump(&store);

    let report = store.import_backup(&bytes(&json)).unwrap();
    assert_eq!(report.added, 0);
    assert!(report.skipped > 40);
    assert!(
        report.summary.iter().any(|l| l == "pain entries: 0 added, 44 already there"),
        "{:?}",
        report.summary
    );
    assert_eq!(dump(&store), before);
    assert_eq!(store.get_pain(&id).unwrap().level, 9);
}

#[test]
fn a_backup_merges_into_a_store_with_other_records() {
    let (_dir, source) = populated();
    let json = backup_json(&source);
    let (_dir2, mut target) = open();
    let mine = target.add_pain(pain(30, 8, 2)).unwrap();
    let report = target.import_backup(&bytes(&json)).unwrap();
    assert_eq!(report.skipped, 0);
    assert!(target.get_pain(&mine.id.to_string()).is_ok(), "what was there stays");
    let back = backup_json(&target);
    assert_eq!(back["pain_entries"].as_array().unwrap().len(), 45);
}

#[test]
fn a_session_checked_in_on_both_sides_keeps_the_one_already_there() {
    let (_dir, source) = populated();
    let mut json = backup_json(&source);
    let (_dir2, mut target) = open();
    target.submit_assessment(super::progress::answers(60, 60), at(-1, 18), 0).unwrap();
    super::progress::check_in(&mut target, 0, Some("here"));
    // Keep only what the check-ins need.
    for list in ["morning_checks", "snoozes", "progression_events", "track_states"] {
        json[list] = Value::Array(Vec::new());
    }
    let report = target.import_backup(&bytes(&json)).unwrap();
    let line = report.summary.iter().find(|l| l.starts_with("check-ins")).unwrap();
    assert_eq!(
        line,
        "check-ins: 13 added, 1 already there (1 for a session already checked in on that date)"
    );
    let notes: Vec<Option<String>> = target
        .conn()
        .prepare("SELECT note FROM checkin WHERE local_date = '2026-11-02'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(notes, [Some("here".to_owned())]);
}

fn refused(store: &mut Limber, json: &Value) -> String {
    let before = dump(store);
    let field = match store.import_backup(&bytes(json)) {
        Err(Error::Invalid { field, .. }) => field,
        Err(other) => panic!("expected invalid, got {other:?}"),
        Ok(_) => panic!("accepted: {json}"),
    };
    assert_eq!(dump(store), before, "nothing written for {field}");
    field
}

#[test]
fn a_bad_value_anywhere_in_the_file_writes_nothing() {
    let (_dir, mut store) = populated();
    let good = backup_json(&store);
    store.wipe_all_data().unwrap();
    type Edit = Box<dyn Fn(&mut Value)>;
    let cases: Vec<(&str, Edit)> = vec![
        ("pain_entries[43].level", Box::new(|v| v["pain_entries"][43]["level"] = 11.into())),
        ("pain_entries[3].id", Box::new(|v| v["pain_entries"][3]["id"] = v["pain_entries"][2]["id"].clone())),
        (
            "assessments[1].answers.slr.left_deg",
            Box::new(|v| v["assessments"][1]["answers"]["slr"]["left_deg"] = 130.into()),
        ),
        ("assessments[0].answers.age", Box::new(|v| v["assessments"][0]["answers"]["age"] = 12.into())),
        (
            "check_ins[5].exercises[0].pain_during",
            Box::new(|v| v["check_ins"][5]["exercises"][0]["pain_during"] = 12.into()),
        ),
        (
            // Exercises are listed by id: [1] is the skipped glute stretch.
            "check_ins[2].exercises[1].skip_reason",
            Box::new(|v| v["check_ins"][2]["exercises"][1]["skip_reason"] = Value::Null),
        ),
        ("check_ins[1].local_date", Box::new(|v| v["check_ins"][1]["local_date"] = "2026-11-20".into())),
        (
            "check_ins[1].slot",
            Box::new(|v| {
                v["check_ins"][1]["local_date"] = v["check_ins"][0]["local_date"].clone();
                v["check_ins"][1]["at"] = v["check_ins"][0]["at"].clone();
            }),
        ),
        (
            "check_ins[0].exercises[0].light",
            Box::new(|v| v["check_ins"][0]["exercises"][0]["light"] = Value::Null),
        ),
        ("morning_checks[0].pain", Box::new(|v| v["morning_checks"][0]["pain"] = (-1).into())),
        (
            "progression_events[0].to",
            Box::new(|v| v["progression_events"][0]["to"]["dose"]["sets"] = 99.into()),
        ),
        (
            "progression_events[0].track",
            Box::new(|v| v["progression_events"][0]["track"] = "juggling".into()),
        ),
        (
            "settings.routine.session_times",
            Box::new(|v| v["settings"]["routine"]["session_times"] = serde_json::json!([])),
        ),
    ];
    for (field, edit) in cases {
        let mut json = good.clone();
        edit(&mut json);
        assert_eq!(refused(&mut store, &json), field);
    }
    // Found only while writing: a morning check whose pain entry is nowhere. The pain entries
    // already written in the same transaction are rolled back.
    let mut json = good.clone();
    let morning_id = json["morning_checks"][0]["pain_entry_id"].clone();
    json["pain_entries"].as_array_mut().unwrap().retain(|e| e["id"] != morning_id);
    assert_eq!(refused(&mut store, &json), "morning_checks[0].pain_entry_id");
}

#[test]
fn a_backup_from_a_newer_limber_writes_nothing() {
    let (_dir, mut store) = populated();
    let mut json = backup_json(&store);
    store.wipe_all_data().unwrap();
    json["schema_version"] = (crate::versions::SCHEMA_VERSION + 1).into();
    let err = store.import_backup(&bytes(&json)).unwrap_err();
    assert!(matches!(err, Error::NewerBackup { .. }), "{err:?}");
    assert!(!err.to_string().contains("database was written"), "{err}");
    assert!(dump(&store).values().all(Vec::is_empty));
}

#[test]
fn results_are_worked_out_again_from_the_answers() {
    let (_dir, mut store) = populated();
    let mut json = backup_json(&store);
    store.wipe_all_data().unwrap();
    // A file claiming an emergency result for ordinary answers, and the other way round.
    json["assessments"][0]["result"]["triage"]["tier"] = "emergency".into();
    json["assessments"][1]["result"] = serde_json::json!({"plan_allowed": true, "anything": [1, 2]});
    store.import_backup(&bytes(&json)).unwrap();
    for saved in store.assessment_history(10).unwrap() {
        assert_eq!(saved.result, evaluate(&saved.answers));
    }
}

/// A record repeating one before it is refused at the repeat, naming the field that repeats:
/// an id of any kind, a session's date and slot, a morning check's date, a track, a reminder
/// (in either spelling: a snooze id names the reminder it put off).
#[test]
fn a_repeat_is_refused_where_it_repeats() {
    let (_dir, mut store) = populated();
    let good = backup_json(&store);
    store.wipe_all_data().unwrap();
    const NEW_ID: &str = "0192f0c1-7b5e-7cc0-9a4e-1f2d3c4b5a69";
    type Change = dyn Fn(&mut Value);
    let cases: [(&str, &str, &Change); 9] = [
        ("pain_entries", "id", &|_| {}),
        ("assessments", "id", &|_| {}),
        ("check_ins", "id", &|_| {}),
        ("check_ins", "slot", &|c| c["id"] = NEW_ID.into()),
        ("morning_checks", "local_date", &|_| {}),
        ("track_states", "track", &|_| {}),
        ("progression_events", "id", &|_| {}),
        ("snoozes", "reminder_id", &|_| {}),
        ("snoozes", "reminder_id", &|s| {
            s["reminder_id"] = format!("snooze:{}", s["reminder_id"].as_str().unwrap()).into()
        }),
    ];
    for (list, field, change) in cases {
        let mut json = good.clone();
        let records = json[list].as_array_mut().unwrap();
        assert!(!records.is_empty(), "{list}");
        let mut repeat = records[0].clone();
        change(&mut repeat);
        records.push(repeat);
        let at = records.len() - 1;
        assert_eq!(refused(&mut store, &json), format!("{list}[{at}].{field}"));
    }
    // The first mistake in the list is named, a repeat or not.
    let mut json = good.clone();
    let snoozes = json["snoozes"].as_array_mut().unwrap();
    let mut bad = snoozes[0].clone();
    bad["reminder_id"] = "nap:now".into();
    snoozes.extend([bad.clone(), snoozes[0].clone()]);
    assert_eq!(refused(&mut store, &json), "snoozes[1].reminder_id");
    let snoozes = json["snoozes"].as_array_mut().unwrap();
    snoozes.swap(1, 2);
    assert_eq!(refused(&mut store, &json), "snoozes[1].reminder_id");
    let Err(Error::Invalid { range, .. }) = store.import_backup(&bytes(&json)) else { panic!("accepted") };
    assert_eq!(range, "each reminder at most once");
}
