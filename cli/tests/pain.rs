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
