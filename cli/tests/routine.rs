mod common;

use common::Limber;

const ANSWERS: &str = r#"{"age": 42, "duration_days": 60, "pain_now": 4, "onset": "gradual", "known": {}, "leg_symptoms": {}, "cauda_equina": {},
  "general": {}, "slr": {"left_deg": 65, "right_deg": 70, "felt_at": "back_of_thigh"}, "nerve_check": false,
  "bridge": {"left_reps": 12, "right_reps": 14, "pain": 0}}"#;

fn assessed() -> Limber {
    let limber = Limber::new();
    let path = limber.db.parent().unwrap().join("answers.json");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, ANSWERS).unwrap();
    limber.ok(&["assess", "--answers", path.to_str().unwrap(), "--now", "2026-11-15T18:00:00Z"]);
    limber
}

fn at(args: &[&str], now: &str) -> Vec<String> {
    let mut v: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    v.extend(["--now".into(), now.into(), "--tz".into(), "Europe/London".into()]);
    v
}

fn run(limber: &Limber, args: &[&str], now: &str) -> String {
    let args = at(args, now);
    limber.ok(&args.iter().map(String::as_str).collect::<Vec<_>>())
}

fn json(limber: &Limber, args: &[&str], now: &str) -> serde_json::Value {
    serde_json::from_str(&run(limber, args, now)).unwrap()
}

#[test]
fn with_no_command_a_new_user_is_told_to_assess() {
    let limber = Limber::new();
    let text = run(&limber, &[], "2026-11-16T07:00:00Z");
    assert!(text.contains("limber assess"), "{text}");
}

#[test]
fn a_fresh_user_assesses_sees_today_checks_in_records_the_morning_and_sees_the_dose_change() {
    let limber = assessed();
    let text = run(&limber, &[], "2026-11-16T07:00:00Z");
    assert!(text.contains("Session 1 at 08:00"), "{text}");
    assert!(text.contains("Hamstring stretch with a band or towel: 2 × 30 s hold, each side"), "{text}");
    assert!(text.contains("Next session: Mon 16 Nov 08:00"), "{text}");

    for (day, next) in [("16", "17"), ("17", "18"), ("18", "19")] {
        let out = run(
            &limber,
            &["check-in", "--all-done", "1", "--pain-before", "3"],
            &format!("2026-11-{day}T08:30:00Z"),
        );
        assert!(out.contains("Checked in session 1"), "{out}");
        run(&limber, &["morning", "--pain", "3"], &format!("2026-11-{next}T07:00:00Z"));
    }
    let today = json(&limber, &["today", "--json"], "2026-11-19T07:30:00Z");
    let stretch = today["plan"]["sessions"][0]["exercises"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["exercise"] == "band_hamstring_stretch")
        .unwrap()
        .clone();
    assert_eq!(stretch["dose"]["hold_seconds"], 40);
    assert_eq!(stretch["last_change"]["decision"], "progress");
    assert!(stretch["last_change"]["reason"].as_str().unwrap().contains("Three comfortable sessions"));
    let text = run(&limber, &["today"], "2026-11-19T07:30:00Z");
    assert!(text.contains("Last change (progress"), "{text}");
}

#[test]
fn check_in_with_flags_regresses_on_red_and_stops_on_spread() {
    let limber = assessed();
    let out = run(
        &limber,
        &[
            "check-in",
            "--done",
            "band_hamstring_stretch=7",
            "--skip",
            "knees_to_chest=no_time",
            "--spread",
            "band_hamstring_stretch",
        ],
        "2026-11-16T08:30:00Z",
    );
    assert!(out.contains("STOP:"), "{out}");
    assert!(out.contains("regress"), "{out}");
    let again = limber.fails(
        &at(&["check-in", "--slot", "1", "--all-done", "0"], "2026-11-16T09:00:00Z")
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
    );
    assert!(again.contains("already checked in"), "{again}");
}

#[test]
fn the_interactive_check_in_asks_about_each_exercise() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let limber = assessed();
    // Tuesday: stretches only. Done with pain 1, no spread; skipped (no time); done, pain 2.
    let mut child = Command::new(env!("CARGO_BIN_EXE_limber"))
        .arg("--db")
        .arg(&limber.db)
        .args(at(&["check-in", "--json"], "2026-11-17T08:30:00Z"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"y\n1\nn\nn\n1\ny\n2\nn\n").unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let result: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(result["slot"], 1);
    assert_eq!(result["changes"].as_array().unwrap().len(), 2, "two done, one skipped");
}

#[test]
fn plan_exercises_and_routine_settings() {
    let limber = assessed();
    let plan = json(&limber, &["plan", "--json", "--date", "2026-11-16"], "2026-11-16T07:00:00Z");
    assert_eq!(plan["status"], "ready");
    assert_eq!(plan["strength_day"], true);
    let list = run(&limber, &["exercises"], "2026-11-16T07:00:00Z");
    assert_eq!(list.lines().count(), 20);
    let one = run(&limber, &["exercises", "single_leg_bridge"], "2026-11-16T07:00:00Z");
    assert!(one.contains("1. ") && one.contains("Take care"), "{one}");
    assert!(limber.fails(&["exercises", "toe_touch"]).contains("invalid exercise"));

    let set = run(
        &limber,
        &["routine", "--times", "07:30,18:00", "--strength-days", "tue,thu"],
        "2026-11-16T07:00:00Z",
    );
    assert!(set.contains("07:30, 18:00") && set.contains("tue, thu"), "{set}");
    let today = json(&limber, &["today", "--json"], "2026-11-16T07:00:00Z");
    assert_eq!(today["sessions"].as_array().unwrap().len(), 2);
    let bad = limber.fails(&["routine", "--strength-days", "mon"]);
    assert!(bad.contains("strength_days") && bad.contains("2 to 3"), "{bad}");
    assert!(limber.fails(&["routine", "--times", "25:00"]).contains("times[0]"));
}

#[test]
fn a_bad_zone_is_one_clear_error() {
    let limber = assessed();
    let err = limber.fails(&["today", "--tz", "Mars/Base"]);
    assert!(err.starts_with("error: invalid tz"), "{err}");
}
