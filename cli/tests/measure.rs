//! `limber measure` end to end: recorded sensor traces in, the measurement contract out.
#![allow(clippy::unwrap_used)] // Setup helpers outside #[test] functions: a failed setup should stop the test with its cause.

mod common;

use std::path::PathBuf;

use common::Limber;
use serde_json::json;

fn trace(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/traces").join(name);
    path.to_str().unwrap().to_owned()
}

fn write(dir: &tempfile::TempDir, text: &str) -> String {
    let path = dir.path().join("trace.csv");
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_owned()
}

#[test]
fn a_recorded_straight_leg_raise_prints_the_json_contract() {
    let limber = Limber::new();
    let out = limber.json(&[
        "measure",
        "--test",
        "slr",
        "--side",
        "left",
        "--trace",
        &trace("slr-left-62.csv"),
        "--json",
    ]);
    assert_eq!(out["test"], "slr");
    assert_eq!(out["side"], "left");
    assert_eq!(out["angle_deg"], 62);
    assert_eq!(out["quality"], "ok");
    assert!((out["rest_deg"].as_f64().unwrap() - 4.0).abs() < 0.5, "{out}");
    assert!(out["hold_seconds"].as_f64().unwrap() >= 1.0);
    let keys: Vec<_> = out.as_object().unwrap().keys().cloned().collect();
    assert_eq!(keys.len(), 6, "{keys:?}");
}

#[test]
fn every_committed_trace_measures_to_its_expected_value() {
    let limber = Limber::new();
    let expected = std::fs::read_to_string(trace("expected.csv")).unwrap();
    for line in expected.lines().skip(1) {
        let cells: Vec<&str> = line.split(',').collect();
        let out = limber.json(&["measure", "--test", cells[1], "--trace", &trace(cells[0]), "--json"]);
        let angle = if cells[2].is_empty() { json!(null) } else { json!(cells[2].parse::<i32>().unwrap()) };
        assert_eq!(out["angle_deg"], angle, "{}", cells[0]);
        assert_eq!(out["quality"], cells[3], "{}", cells[0]);
        assert_eq!(out["side"], json!(null));
    }
}

#[test]
fn people_read_the_result_in_words() {
    let limber = Limber::new();
    let out =
        limber.ok(&["measure", "--test", "ake", "--side", "left", "--trace", &trace("ake-left-28.csv")]);
    assert!(out.starts_with("Knee extension (left leg): 28° short of a straight knee\n"), "{out}");
    let out = limber.ok(&["measure", "--test", "thomas", "--trace", &trace("thomas-right-below-10.csv")]);
    assert!(out.starts_with("Thomas test: the thigh rests 10° below level\n"), "{out}");
    let out = limber.ok(&["measure", "--test", "slr", "--trace", &trace("slr-moving.csv")]);
    assert!(out.starts_with("Straight leg raise: no measurement (moving)"), "{out}");
}

#[test]
fn a_phyphox_export_is_read_as_recorded() {
    let limber = Limber::new();
    let out = limber.json(&["measure", "--test", "slr", "--trace", &trace("phyphox-slr-45.csv"), "--json"]);
    assert_eq!((out["angle_deg"].clone(), out["quality"].clone()), (json!(45), json!("ok")));
}

#[test]
fn bad_files_get_one_line_naming_the_row_and_column() {
    let limber = Limber::new();
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        ("t_ms,x,y\n0,0,0\n", "error: invalid trace header: must be t_ms,x,y,z"),
        ("t_ms,x,y,z\n0,0,0,9.8\n10,0,oops,9.8\n", "error: invalid row 3, column y: must be a finite number"),
        ("t_ms,x,y,z\n", "error: invalid trace: must be at least one sample row after the header"),
        (
            "t_ms,x,y,z\n20,0,0,9.8\n10,0,0,9.8\n",
            "error: invalid row 3, column t_ms: must be no earlier than the row before it",
        ),
        ("t_ms,x,y,z\n0,0,0\n", "error: invalid row 2, column z: must be a number (the cell is missing)"),
    ];
    for (text, start) in cases {
        let err = limber.fails(&["measure", "--test", "slr", "--trace", &write(&dir, text)]);
        assert!(err.starts_with(start), "{text:?} gave {err}");
    }
    let err = limber.fails(&["measure", "--test", "knee", "--trace", &trace("slr-left-62.csv")]);
    assert_eq!(err, "error: invalid test: must be one of slr, ake, thomas");
    let err = limber.fails(&["measure", "--test", "slr", "--trace", "/nonexistent/trace.csv"]);
    assert!(err.starts_with("error: cannot read /nonexistent/trace.csv"), "{err}");
}
