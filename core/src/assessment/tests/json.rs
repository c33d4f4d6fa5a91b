//! The answers JSON contract: the documented example parses; bad input names its field.

use super::super::answers::*;
use crate::Error;

/// The answers example of the assessment contract, shared with the CLI tests.
pub(super) const CONTRACT_EXAMPLE: &str = include_str!("../../../../tests/fixtures/answers-example.json");

fn field_and_range(json: &str) -> (String, String) {
    match Answers::from_json(json).unwrap_err() {
        Error::Invalid { field, range } => (field, range),
        other => panic!("expected invalid input, got {other:?}"),
    }
}

#[test]
fn the_documented_example_parses_and_evaluates() {
    let a = Answers::from_json(CONTRACT_EXAMPLE).unwrap();
    assert_eq!(a.slr.as_ref().unwrap().left_deg, Some(65));
    let r = super::super::evaluate(&a);
    assert!(r.plan_allowed);
    assert!(r.pattern(super::super::PatternId::TightHamstrings).is_some());
}

#[test]
fn only_age_is_required() {
    let a = Answers::from_json(r#"{"age": 30}"#).unwrap();
    assert_eq!(a.age, 30);
    assert_eq!(field_and_range("{}").0, "age");
}

#[test]
fn under_16_is_refused_with_a_clear_reason() {
    let (field, range) = field_and_range(r#"{"age": 15}"#);
    assert_eq!(field, "age");
    assert!(range.contains("16"), "{range}");
    assert!(Answers::from_json(r#"{"age": 16}"#).is_ok());
    assert!(Answers::from_json(r#"{"age": 100}"#).is_ok());
    assert_eq!(field_and_range(r#"{"age": 101}"#).0, "age");
}

#[test]
fn every_range_is_checked_by_field_path() {
    let cases = [
        (r#"{"age": 40, "slr": {"left_deg": 121}}"#, "slr.left_deg", "0 to 120"),
        (r#"{"age": 40, "ake": {"right_deficit_deg": 91}}"#, "ake.right_deficit_deg", "0 to 90"),
        (r#"{"age": 40, "bridge": {"left_reps": 61}}"#, "bridge.left_reps", "0 to 60"),
        (r#"{"age": 40, "bridge": {"pain": 11}}"#, "bridge.pain", "0 to 10"),
        (r#"{"age": 40, "pain_now": -1}"#, "pain_now", "0 to 10"),
        (r#"{"age": 40, "duration_days": 36501}"#, "duration_days", "0 to 36500"),
        (r#"{"age": 40, "inflammatory": {"features": 9}}"#, "inflammatory.features", "0 to 8"),
        (r#"{"age": 40, "strain": {"heel_dig_pain": 12}}"#, "strain.heel_dig_pain", "0 to 10"),
    ];
    for (json, field, range) in cases {
        let (f, r) = field_and_range(json);
        assert_eq!(f, field, "{json}");
        assert!(r.contains(range), "{json}: {r}");
    }
}

#[test]
fn wrong_types_unknown_names_and_unknown_fields_name_the_path() {
    let (field, range) = field_and_range(r#"{"age": 40, "slr": {"left_deg": "sixty"}}"#);
    assert_eq!(field, "slr.left_deg");
    assert!(!range.contains("sixty"), "input is not echoed: {range}");
    let (field, range) = field_and_range(r#"{"age": 40, "onset": "slowly"}"#);
    assert_eq!(field, "onset");
    assert!(range.contains("gradual"), "{range}");
    assert_eq!(field_and_range(r#"{"age": 40, "pain_sites": ["knee"]}"#).0, "pain_sites[0]");
    let (field, range) = field_and_range(r#"{"age": 40, "cauda_equina": {"saddle": true}}"#);
    assert_eq!(field, "cauda_equina.saddle");
    assert!(range.contains("known field"), "{range}");
    assert_eq!(field_and_range(r#"{"age": 40, "pain_sites": ["foot", "foot"]}"#).0, "pain_sites[1]");
    assert_eq!(field_and_range("not json").0, "answers");
    assert_eq!(
        field_and_range(r#"{"age": 40, "slump": true, "slump": false}"#),
        ("slump".into(), "given once".into())
    );
}

#[test]
fn answers_round_trip_through_json() {
    let a = Answers::from_json(CONTRACT_EXAMPLE).unwrap();
    let back = Answers::from_json(&serde_json::to_string(&a).unwrap()).unwrap();
    assert_eq!(a, back);
}
