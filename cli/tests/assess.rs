mod common;

use std::io::Write;
use std::process::{Command, Stdio};

use common::Limber;
use limber_core::Store;

/// The answers example of the assessment contract (README), shared with the core's tests.
const CONTRACT_EXAMPLE: &str = include_str!("../../tests/fixtures/answers-example.json");

fn write(limber: &Limber, name: &str, text: &str) -> String {
    let path = limber.db.parent().unwrap().join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}

fn saved_count(limber: &Limber) -> usize {
    Store::open(&limber.db).unwrap().assessment_history(100).unwrap().len()
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
    // back of thigh (1), no leg pain, nerve check no, slump no, crossed no, AKE 10/10,
    // Thomas none, bridge 25/25, pain 0, posture skip, knee click no.
    let script = "none\nnone\nnone\n40\n60\n4\n3\n1\nnone\nn\n\n70\n72\n1\n1\nn\nn\nn\nn\n10\n10\nnone\n25\n25\n0\n\nn\n";
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
    assert_eq!(saved_count(&limber), 1);
}

#[test]
fn the_questionnaire_is_available_as_json() {
    let limber = Limber::new();
    let q = limber.json(&["assess", "--questionnaire"]);
    assert_eq!(q["sections"][0]["id"], "safety");
    assert!(q["sections"][2]["questions"].as_array().unwrap().iter().any(|x| x["id"] == "slr"));
}
