//! `limber routine` end to end: today's cards, check-ins, the dose change and the plan.
#![allow(clippy::unwrap_used)] // Setup helpers outside #[test] functions: a failed setup should stop the test with its cause.

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
    // CLINICAL.md §5 (revised): a stretch steps up by a repetition of 30 s, not a longer hold.
    assert_eq!(
        (stretch["dose"]["reps"].clone(), stretch["dose"]["hold_seconds"].clone()),
        (3.into(), 30.into())
    );
    assert_eq!(stretch["last_dose_change"]["decision"], "progress");
    assert!(stretch["last_dose_change"]["reason"].as_str().unwrap().contains("Three comfortable sessions"));
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
        &at(&["check-in", "--session", "1", "--all-done", "0"], "2026-11-16T09:00:00Z")
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
    );
    // CLINICAL.md §8: after a spread the plan is paused, so the status refuses it first.
    assert!(again.contains("paused_stop"), "{again}");
}

fn reminder_kinds(limber: &Limber, now: &str) -> Vec<String> {
    let list = limber.json(&["reminders", "upcoming", "--json", "--now", now]);
    list.as_array().unwrap().iter().map(|r| r["kind"].as_str().unwrap().to_owned()).collect()
}

#[test]
fn a_spread_pauses_the_plan_the_next_day_refuses_check_ins_and_arms_no_session_reminder() {
    let limber = assessed();
    limber.ok(&[
        "reminders",
        "set",
        "--times",
        "08:00,19:00",
        "--tz",
        "Europe/London",
        "--morning-check",
        "07:30",
    ]);
    assert!(reminder_kinds(&limber, "2026-11-16T07:00:00Z").contains(&"session".to_owned()));
    run(
        &limber,
        &["check-in", "--done", "knees_to_chest=2", "--spread", "knees_to_chest"],
        "2026-11-16T08:30:00Z",
    );

    let today = json(&limber, &["today", "--json"], "2026-11-17T09:00:00Z");
    assert_eq!(today["status"], "paused_stop");
    assert_eq!(today["sessions"].as_array().unwrap().len(), 0);
    assert_eq!(today["plan"]["sessions"].as_array().unwrap().len(), 0, "no exercises listed");
    let plan = json(&limber, &["plan", "--json"], "2026-11-17T09:00:00Z");
    assert_eq!(plan["status"], "paused_stop");
    assert_eq!(plan["cards"][0]["id"], "stop_and_retriage");

    let text = run(&limber, &["today"], "2026-11-17T09:00:00Z");
    assert!(text.starts_with("Status: paused_stop"), "{text}");
    assert!(text.contains("Stop and re-check") && text.contains("safety questions again"), "{text}");
    assert!(!text.contains("Session 1"), "{text}");

    let refused = limber.fails(
        &at(&["check-in", "--all-done", "0"], "2026-11-17T09:00:00Z")
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
    );
    assert!(refused.starts_with("error: the plan is paused_stop"), "{refused}");

    let kinds = reminder_kinds(&limber, "2026-11-16T09:00:00Z");
    assert!(kinds.contains(&"morning_check".to_owned()), "the morning check goes on: {kinds:?}");
    assert!(!kinds.iter().any(|k| k == "session" || k == "snoozed"), "{kinds:?}");
    let snooze = limber.fails(&["snooze", "session:2026-11-17:1", "--now", "2026-11-17T08:00:00Z"]);
    assert!(snooze.starts_with("error:"), "{snooze}");
    run(&limber, &["morning", "--pain", "3"], "2026-11-17T07:00:00Z");
    limber.ok(&["pain", "log", "--level", "3"]);

    // The way back: the safety questions again.
    let path = limber.db.parent().unwrap().join("answers.json");
    limber.ok(&["assess", "--answers", path.to_str().unwrap(), "--now", "2026-11-17T11:00:00Z"]);
    assert_eq!(json(&limber, &["today", "--json"], "2026-11-17T12:00:00Z")["status"], "active");
    assert!(reminder_kinds(&limber, "2026-11-17T12:00:00Z").contains(&"session".to_owned()));
}

#[test]
fn without_safety_answers_or_with_a_see_a_doctor_result_there_is_no_session() {
    let limber = Limber::new();
    let today = json(&limber, &["today", "--json"], "2026-11-16T07:00:00Z");
    assert_eq!(today["status"], "needs_safety_answers");
    assert_eq!(today["plan"]["sessions"].as_array().unwrap().len(), 0);
    let refused = limber.fails(
        &at(&["check-in", "--all-done", "0"], "2026-11-16T09:00:00Z")
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
    );
    assert!(refused.contains("needs_safety_answers"), "{refused}");

    let path = limber.db.parent().unwrap().join("urgent.json");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, ANSWERS.replace(r#""cauda_equina": {}"#, r#""cauda_equina": {"bowel": true}"#))
        .unwrap();
    limber.ok(&["assess", "--answers", path.to_str().unwrap(), "--now", "2026-11-16T06:00:00Z"]);
    let plan = json(&limber, &["plan", "--json"], "2026-11-16T07:00:00Z");
    assert_eq!(plan["status"], "see_doctor");
    assert_eq!(plan["sessions"].as_array().unwrap().len(), 0);
    let text = run(&limber, &["plan"], "2026-11-16T07:00:00Z");
    assert!(text.starts_with("Status: see_doctor"), "{text}");
    let refused = limber.fails(
        &at(&["check-in", "--all-done", "0"], "2026-11-16T09:00:00Z")
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
    );
    assert!(refused.contains("see_doctor"), "{refused}");
    assert!(!reminder_kinds(&limber, "2026-11-16T07:00:00Z").iter().any(|k| k == "session"));
}

#[test]
fn foam_rolling_is_dosed_in_seconds_per_thigh() {
    let limber = Limber::new();
    let text = run(&limber, &["exercises", "foam_roll_hamstrings"], "2026-11-16T07:00:00Z");
    assert!(text.contains("Dose: 60 s per thigh"), "{text}");
    assert!(!text.contains("hold"), "{text}");
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
    assert_eq!(result["session"], 1);
    assert_eq!(result["changes"].as_array().unwrap().len(), 2, "two done, one skipped");
}

#[test]
fn plan_exercises_and_routine_settings() {
    let limber = assessed();
    let plan = json(&limber, &["plan", "--json", "--date", "2026-11-16"], "2026-11-16T07:00:00Z");
    assert_eq!(plan["status"], "active");
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

/// Review of issue 12: `plan --json` for today left out the cards `today --json` showed at the
/// same moment (a physiotherapist after two reds in a row), while its reasons referred to them.
#[test]
fn todays_plan_shows_the_same_cards_as_today() {
    let limber = assessed();
    for day in ["2026-11-16", "2026-11-17"] {
        run(&limber, &["check-in", "--done", "band_hamstring_stretch=7"], &format!("{day}T08:30:00Z"));
    }
    let now = "2026-11-18T07:00:00Z";
    let cards = |v: &serde_json::Value| -> Vec<String> {
        v["cards"].as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap().to_owned()).collect()
    };
    let today = json(&limber, &["today", "--json"], now);
    let plan = json(&limber, &["plan", "--json"], now);
    assert!(cards(&today["plan"]).contains(&"see_physio".to_owned()), "{:?}", cards(&today["plan"]));
    assert_eq!(cards(&plan), cards(&today["plan"]));
}
