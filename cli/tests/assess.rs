//! `limber assess` end to end: answers from a file or prompts, the result contract, saving.
#![allow(clippy::unwrap_used)] // Setup helpers outside #[test] functions: a failed setup should stop the test with its cause.

mod common;

use std::io::Write;
use std::process::{Command, Stdio};

use common::Limber;

/// The answers example of the assessment contract (README), shared with the core's tests.
const CONTRACT_EXAMPLE: &str = include_str!("../../tests/fixtures/answers-example.json");

fn write(limber: &Limber, name: &str, text: &str) -> String {
    let path = limber.db.parent().unwrap().join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}

fn saved_count(limber: &Limber) -> usize {
    limber_core::Limber::open(&limber.db).unwrap().assessment_history(100).unwrap().len()
}

#[test]
fn answers_from_a_file_print_the_result_contract_and_are_saved() {
    let limber = Limber::new();
    let file = write(&limber, "answers.json", CONTRACT_EXAMPLE);
    let result = limber.json(&["assess", "--answers", &file, "--json"]);
    assert_eq!(result["triage"]["tier"], "none");
    assert_eq!(result["triage"]["flags"], serde_json::json!([]));
    assert_eq!(result["plan_allowed"], true);
    assert_eq!(result["patterns"][0]["id"], "tight_hamstrings");
    assert_eq!(result["patterns"][0]["confidence"], "likely");
    assert!(result["patterns"][0]["reason"].as_str().unwrap().len() > 20);
    assert!(result["excluded_exercises"].as_array().unwrap().contains(&"nordic_curl".into()));
    assert_eq!(result["strain_phase"], serde_json::Value::Null);
    for key in ["gates", "not_judged", "explanation", "next_steps"] {
        assert!(result[key].is_array(), "{key}");
    }
    assert_eq!(saved_count(&limber), 1);
}

#[test]
fn dry_run_evaluates_without_saving() {
    let limber = Limber::new();
    let file = write(&limber, "answers.json", CONTRACT_EXAMPLE);
    let text = limber.ok(&["assess", "--answers", &file, "--dry-run"]);
    assert!(text.contains("Tight hamstrings (likely)"), "{text}");
    assert!(text.contains("Not saved"));
    assert_eq!(saved_count(&limber), 0);
}

#[test]
fn an_emergency_is_a_valid_assessment_with_exit_zero() {
    let limber = Limber::new();
    let file = write(&limber, "e.json", &CONTRACT_EXAMPLE.replace(r#""bowel": false"#, r#""bowel": true"#));
    let result = limber.json(&["assess", "--answers", &file, "--json"]);
    assert_eq!(result["triage"]["tier"], "emergency");
    assert_eq!(result["triage"]["flags"][0]["id"], "cauda_bowel");
    assert_eq!(result["plan_allowed"], false);
    let text = limber.ok(&["assess", "--answers", &file, "--dry-run"]);
    assert!(text.starts_with("EMERGENCY"), "{text}");
}

#[test]
fn invalid_answers_are_one_line_naming_the_field_and_save_nothing() {
    let limber = Limber::new();
    let file =
        write(&limber, "bad.json", &CONTRACT_EXAMPLE.replace(r#""left_deg": 65"#, r#""left_deg": 130"#));
    let err = limber.fails(&["assess", "--answers", &file]);
    assert_eq!(err, "error: invalid slr.left_deg: must be a whole number from 0 to 120");
    let young = write(&limber, "young.json", r#"{"age": 15}"#);
    assert!(limber.fails(&["assess", "--answers", &young]).contains("invalid age"));
    assert!(limber.fails(&["assess", "--answers", "/no/such/file.json"]).contains("cannot read"));
    assert_eq!(saved_count(&limber), 0);
}

#[test]
fn the_wizard_asks_in_the_terminal_and_saves() {
    let limber = Limber::new();
    // safety: nothing, nothing, nothing; history: 40 years, 60 days, gradual (4), pain 3,
    // low back (1), known none, inflammatory no, skip weeks; tests: SLR 70/72, helper (1),
    // back of thigh (1), no leg pain, nerve check no, slump no (no leg side, so no crossed
    // leg raise), AKE 10/10, Thomas none, bridge 25/25, pain 0, posture skip, knee click no.
    let script =
        "none\nnone\nnone\n40\n60\n4\n3\n1\nnone\nn\n\n70\n72\n1\n1\nn\nn\nn\n10\n10\nnone\n25\n25\n0\n\nn\n";
    let mut child = Command::new(env!("CARGO_BIN_EXE_limber"))
        .arg("--db")
        .arg(&limber.db)
        .args(["assess", "--json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(script.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let prompts = String::from_utf8_lossy(&out.stderr);
    assert!(prompts.contains("Safety check"), "questions go to stderr");
    let result: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(result["patterns"][0]["id"], "tight_hamstrings");
    assert_eq!(result["not_judged"], serde_json::json!([]));
    assert_eq!(result["missing"], serde_json::json!([]));
    assert_eq!(result["plan_allowed"], true);
    assert!(!prompts.contains("raising your good leg"), "no crossed leg raise without a leg side");
    assert_eq!(saved_count(&limber), 1);
}

/// The contract example with `block` taken out.
fn without(block: &str) -> String {
    let mut answers: serde_json::Value = serde_json::from_str(CONTRACT_EXAMPLE).unwrap();
    answers.as_object_mut().unwrap().remove(block).unwrap();
    answers.to_string()
}

#[test]
fn answers_with_safety_blocks_left_out_give_no_plan_and_name_them() {
    let limber = Limber::new();
    for (block, id) in [
        ("onset", "onset"),
        ("known", "known"),
        ("general", "general"),
        ("cauda_equina", "cauda_equina"),
        ("leg_symptoms", "leg_symptoms"),
    ] {
        let file = write(&limber, &format!("{block}.json"), &without(block));
        let result = limber.json(&["assess", "--answers", &file, "--json", "--dry-run"]);
        assert_eq!(result["missing"], serde_json::json!([id]), "{block}");
        assert_eq!(result["plan_allowed"], false, "{block}");
        assert_eq!(result["patterns"], serde_json::json!([]), "{block}");
        let explanation = result["explanation"].to_string();
        assert!(explanation.contains("answer the safety questions first"), "{explanation}");
        if id.contains('_') {
            assert!(!explanation.contains(id), "an internal id in {explanation}");
        }
    }
    let file = write(&limber, "none.json", r#"{"age": 40}"#);
    let result = limber.json(&["assess", "--answers", &file, "--json"]);
    assert_eq!(
        result["missing"],
        serde_json::json!(["cauda_equina", "leg_symptoms", "general", "onset", "known"])
    );
    let text = limber.ok(&["assess", "--answers", &file, "--dry-run"]);
    assert!(text.starts_with("Answer the safety questions first"), "{text}");
    assert!(text.contains("how the pain started"), "{text}");
}

#[test]
fn a_ticked_leg_symptom_needs_its_follow_ups_and_a_strain_its_walking_answer() {
    let limber = Limber::new();
    let mut answers: serde_json::Value = serde_json::from_str(CONTRACT_EXAMPLE).unwrap();
    answers["leg_symptoms"]["pins_and_needles"] = true.into();
    answers["onset"] = "sudden_thigh_pain".into();
    answers["strain"] = serde_json::json!({"pop": false, "days_since": 20, "heel_dig_pain": 0});
    let file = write(&limber, "follow-ups.json", &answers.to_string());
    let result = limber.json(&["assess", "--answers", &file, "--json", "--dry-run"]);
    assert_eq!(
        result["missing"],
        serde_json::json!(["leg_symptoms.both_legs", "leg_symptoms.worsening", "strain.walks_normally"])
    );
    assert_eq!(result["plan_allowed"], false);
    // Answered explicitly, the plan comes.
    answers["leg_symptoms"]["both_legs"] = false.into();
    answers["leg_symptoms"]["worsening"] = false.into();
    answers["strain"]["walks_normally"] = true.into();
    let file = write(&limber, "answered.json", &answers.to_string());
    let result = limber.json(&["assess", "--answers", &file, "--json", "--dry-run"]);
    assert_eq!(result["missing"], serde_json::json!([]));
    assert_eq!(result["plan_allowed"], true);
}

#[test]
fn the_old_fever_or_unwell_answer_still_reads_and_is_taken_as_fever() {
    let limber = Limber::new();
    let old = CONTRACT_EXAMPLE.replace(
        r#""fever": false, "unwell": false, "chest_or_belly_pain": false,"#,
        r#""fever_or_unwell": true,"#,
    );
    assert!(old.contains("fever_or_unwell"));
    let file = write(&limber, "old.json", &old);
    let result = limber.json(&["assess", "--answers", &file, "--json"]);
    assert_eq!(result["triage"]["tier"], "urgent");
    assert_eq!(result["triage"]["flags"][0]["id"], "possible_infection");
    assert_eq!(result["plan_allowed"], false);
}

#[test]
fn issue_12_red_flags_give_their_tier_on_the_command_line() {
    let limber = Limber::new();
    let cases = [
        (r#""chest_or_belly_pain": false"#, r#""chest_or_belly_pain": true"#, "emergency"),
        (r#""onset": "gradual""#, r#""onset": "major_trauma""#, "emergency"),
        (r#""fever": false"#, r#""fever": true"#, "urgent"),
        (r#""crossed_slr": false"#, r#""crossed_slr": true"#, "soon"),
        (r#""duration_days": 60"#, r#""duration_days": 9000"#, "soon"),
    ];
    for (from, to, tier) in cases {
        let file = write(&limber, "flag.json", &CONTRACT_EXAMPLE.replace(from, to));
        let result = limber.json(&["assess", "--answers", &file, "--json", "--dry-run"]);
        assert_eq!(result["triage"]["tier"], tier, "{to}");
        assert_eq!(result["plan_allowed"], tier == "soon", "{to}");
    }
}

#[test]
fn the_questionnaire_is_available_as_json() {
    let limber = Limber::new();
    let q = limber.json(&["assess", "--questionnaire"]);
    assert_eq!(q["sections"][0]["id"], "safety");
    assert!(q["sections"][2]["questions"].as_array().unwrap().iter().any(|x| x["id"] == "slr"));
    let questions: Vec<&serde_json::Value> =
        q["sections"].as_array().unwrap().iter().flat_map(|s| s["questions"].as_array().unwrap()).collect();
    let find = |id: &str| *questions.iter().find(|x| x["id"] == id).unwrap();
    let general: Vec<&str> = find("general")["kind"]["options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["id"].as_str().unwrap())
        .collect();
    assert!(general.starts_with(&["fever", "unwell", "chest_or_belly_pain"]), "{general:?}");
    assert_eq!(
        find("crossed_slr")["shown_when"],
        serde_json::json!([
            {"type": "chose", "question": "pain_side", "choice": "left"},
            {"type": "chose", "question": "pain_side", "choice": "right"}
        ])
    );
    assert_eq!(
        find("bridge")["shown_when"],
        serde_json::json!([
            {"type": "not_chose", "question": "onset", "choice": "sudden_thigh_pain"},
            {"type": "at_least", "question": "strain.days_since", "min": 15}
        ])
    );
    let all = q.to_string();
    assert!(!all.contains("minus") && !all.contains("fever_or_unwell") && !all.contains("75 degrees"));
}
