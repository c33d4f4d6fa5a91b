//! `limber pain` end to end: log, list, edit and delete entries, on the local day of `--tz`.
#![allow(clippy::unwrap_used)] // Setup helpers outside #[test] functions: a failed setup should stop the test with its cause.

mod common;

use common::Limber;
use serde_json::json;

#[test]
fn a_logged_entry_round_trips_through_json() {
    let limber = Limber::new();
    limber.ok(&[
        "pain",
        "log",
        "--level",
        "4",
        "--site",
        "low_back=5",
        "--site",
        "back_of_thigh:left=6",
        "--context",
        "after_sitting",
        "--note",
        "long drive",
        "--at",
        "2026-11-20T08:30:00+01:00",
    ]);
    let list = limber.json(&["pain", "list", "--json"]);
    let entries = list.as_array().unwrap();
    assert_eq!(entries.len(), 1);
    let entry = &entries[0];
    assert_eq!(entry["level"], 4);
    assert_eq!(entry["recorded_at"], "2026-11-20T07:30:00Z");
    assert_eq!(entry["local_time"], "2026-11-20T08:30:00+01:00");
    assert_eq!(entry["utc_offset_minutes"], 60);
    assert_eq!(entry["context"], "after_sitting");
    assert_eq!(entry["note"], "long drive");
    assert_eq!(
        entry["sites"],
        json!([
            {"site": "low_back", "side": null, "level": 5},
            {"site": "back_of_thigh", "side": "left", "level": 6}
        ])
    );
    assert_eq!(entry["id"].as_str().unwrap().len(), 36);
}

#[test]
fn a_level_of_eleven_names_the_field_and_writes_nothing() {
    let limber = Limber::new();
    let err = limber.fails(&["pain", "log", "--level", "11"]);
    assert_eq!(err, "error: invalid level: must be a whole number from 0 to 10");
    assert_eq!(limber.json(&["pain", "list", "--json"]), json!([]));
}

#[test]
fn an_unknown_site_names_the_field_and_lists_the_valid_sites() {
    let limber = Limber::new();
    let err = limber.fails(&["pain", "log", "--level", "3", "--site", "knee=4"]);
    assert!(err.starts_with("error: invalid sites[0].site: must be one of low_back, buttock"), "{err}");
    let err = limber.fails(&["pain", "log", "--level", "3", "--site", "low_back=12"]);
    assert_eq!(err, "error: invalid sites[0].level: must be a whole number from 0 to 10");
    assert_eq!(limber.json(&["pain", "list", "--json"]), json!([]));
}

#[test]
fn bad_flags_are_one_line_errors() {
    let limber = Limber::new();
    assert!(limber.fails(&["pain", "log", "--level", "lots"]).contains("--level"));
    assert!(limber.fails(&["pain", "log", "--level", "3", "--context", "jogging"]).contains("context"));
    assert!(limber.fails(&["pain", "log", "--level", "3", "--at", "yesterday"]).contains("invalid at"));
    assert!(limber.fails(&["pain", "list", "--from", "soon"]).contains("invalid from"));
}

#[test]
fn list_filters_by_local_dates_and_shows_newest_first() {
    let limber = Limber::new();
    for (level, at) in [(2, "2026-11-18T09:00:00Z"), (5, "2026-11-19T09:00:00Z"), (7, "2026-11-20T09:00:00Z")]
    {
        limber.ok(&["pain", "log", "--level", &level.to_string(), "--at", at]);
    }
    let levels = |args: &[&str]| -> Vec<i64> {
        let mut all = vec!["pain", "list", "--json"];
        all.extend_from_slice(args);
        limber.json(&all).as_array().unwrap().iter().map(|e| e["level"].as_i64().unwrap()).collect()
    };
    assert_eq!(levels(&[]), [7, 5, 2]);
    assert_eq!(levels(&["--from", "2026-11-19T00:00:00Z"]), [7, 5]);
    assert_eq!(levels(&["--to", "2026-11-19T12:00:00Z"]), [5, 2]);
    assert_eq!(levels(&["--limit", "1"]), [7]);

    let text = limber.ok(&["pain", "list"]);
    assert_eq!(text.lines().count(), 3);
    assert!(text.lines().next().unwrap().contains(" 7/10"), "{text}");
}

#[test]
fn an_entry_can_be_edited_and_deleted_by_id() {
    let limber = Limber::new();
    limber.ok(&["pain", "log", "--level", "6", "--note", "stiff", "--at", "2026-11-20T08:00:00+00:00"]);
    let id = limber.json(&["pain", "list", "--json"])[0]["id"].as_str().unwrap().to_owned();
    limber.ok(&["pain", "edit", &id, "--level", "3"]);
    let entry = &limber.json(&["pain", "list", "--json"])[0];
    assert_eq!((entry["level"].as_i64(), entry["note"].as_str()), (Some(3), Some("stiff")));
    limber.ok(&["pain", "delete", &id]);
    assert_eq!(limber.json(&["pain", "list", "--json"]), json!([]));
    assert_eq!(limber.fails(&["pain", "delete", &id]), "error: no pain entry with that id");
}

#[test]
fn a_file_that_is_not_a_database_is_refused_and_kept() {
    let limber = Limber::new();
    std::fs::create_dir_all(limber.db.parent().unwrap()).unwrap();
    std::fs::write(&limber.db, "hello").unwrap();
    let err = limber.fails(&["pain", "list"]);
    assert_eq!(err, "error: the file is not a database; it was left untouched");
    assert_eq!(std::fs::read_to_string(&limber.db).unwrap(), "hello");
}

#[test]
fn pain_log_uses_the_clock_of_now_and_tz() {
    // Issue 14: logged the host's real time in the host's zone.
    let limber = Limber::new();
    let out =
        limber.ok(&["--tz", "Asia/Tokyo", "--now", "2026-11-20T08:30:00Z", "pain", "log", "--level", "4"]);
    assert!(out.contains("at 2026-11-20 17:30 (+09:00)"), "{out}");
    // TZ is the same clock when --tz is not given.
    let out = limber
        .ok_env(&["--now", "2026-11-20T08:30:00Z", "pain", "log", "--level", "3"], &[("TZ", "Asia/Tokyo")]);
    assert!(out.contains("at 2026-11-20 17:30 (+09:00)"), "{out}");
}

#[test]
fn list_dates_are_the_entrys_own_local_day_whatever_the_zone() {
    // Issue 14: an entry at 00:30 in Tokyo on the 21st is the 21st's, as in progress and the CSV.
    let limber = Limber::new();
    limber.ok(&["pain", "log", "--level", "4", "--at", "2026-11-21T00:30:00+09:00"]);
    let count = |args: &[&str], env: &[(&str, &str)]| -> usize {
        let mut all = vec!["pain", "list", "--json"];
        all.extend_from_slice(args);
        serde_json::from_str::<serde_json::Value>(&limber.ok_env(&all, env))
            .unwrap()
            .as_array()
            .unwrap()
            .len()
    };
    let day = |d: &'static str| -> [&'static str; 4] { ["--from", d, "--to", d] };
    assert_eq!(count(&[&["--tz", "Asia/Tokyo"][..], &day("2026-11-21")].concat(), &[]), 1);
    assert_eq!(count(&day("2026-11-21"), &[("TZ", "America/New_York")]), 1);
    assert_eq!(count(&day("2026-11-20"), &[("TZ", "America/New_York")]), 0);
    assert_eq!(count(&day("2026-11-20"), &[]), 0);
    assert_eq!(count(&day("2026-11-22"), &[("TZ", "Pacific/Kiritimati")]), 0);
}

fn assessed() -> Limber {
    let limber = Limber::new();
    let path = limber.db.parent().unwrap().join("a.json");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(
        &path,
        r#"{"age": 42, "duration_days": 60, "pain_now": 4, "onset": "gradual", "known": {}, "leg_symptoms": {},
            "cauda_equina": {}, "general": {}, "slr": {"left_deg": 65, "right_deg": 70, "felt_at": "back_of_thigh"},
            "nerve_check": false, "bridge": {"left_reps": 12, "right_reps": 14, "pain": 0}}"#,
    )
    .unwrap();
    limber.ok(&["assess", "--answers", path.to_str().unwrap(), "--now", "2026-11-15T12:00:00Z"]);
    limber
}

#[test]
fn a_check_in_under_tz_is_filed_on_that_zones_day() {
    // Issue 14: with TZ=Asia/Tokyo a check-in at 08:10 local was filed under the previous day.
    let limber = assessed();
    let tokyo = [("TZ", "Asia/Tokyo")];
    let out = limber.ok_env(&["check-in", "--all-done", "1", "--now", "2026-11-19T23:10:00Z"], &tokyo);
    assert!(out.contains("Checked in session 1 of 2026-11-20"), "{out}");
}

#[test]
fn the_morning_check_opens_at_four_and_its_pain_is_the_entry_a_pain_edit_changes() {
    let limber = assessed();
    let london = ["--tz", "Europe/London"];
    limber.ok(&[&["check-in", "--all-done", "1", "--now", "2026-11-16T22:30:00Z"][..], &london].concat());
    // Issue 14: 00:05 right after a late session is not the morning.
    let err =
        limber.fails(&[&["morning", "--pain", "2", "--now", "2026-11-17T00:05:00Z"][..], &london].concat());
    assert!(err.starts_with("error: the morning check opens at 04:00 local time"), "{err}");
    let morning = limber.json(
        &[&["morning", "--pain", "2", "--json", "--now", "2026-11-17T07:00:00Z"][..], &london].concat(),
    );
    assert_eq!(morning["date"], "2026-11-17");
    let entry = morning["pain_entry_id"].as_str().unwrap().to_owned();
    // Issue 14: `pain edit <its entry> --level 8`; the backup (and the CSV built from it) agree.
    limber.ok(&["pain", "edit", &entry, "--level", "8"]);
    let dir = limber.db.parent().unwrap().join("export.json");
    limber.ok(&["export", "--format", "json", "--out", dir.to_str().unwrap()]);
    let backup: serde_json::Value = serde_json::from_slice(&std::fs::read(&dir).unwrap()).unwrap();
    assert_eq!(backup["morning_checks"][0]["pain"], 8);
    // The next morning is compared with 8.
    limber.ok(&[&["check-in", "--all-done", "1", "--now", "2026-11-17T09:00:00Z"][..], &london].concat());
    let next = limber.json(
        &[&["morning", "--pain", "5", "--json", "--now", "2026-11-18T07:00:00Z"][..], &london].concat(),
    );
    assert_eq!(next["usual"], 8.0);
    assert_eq!(next["worse_than_usual"], false);
}
