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
    assert!(r.missing.is_empty());
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

/// A file's own key is its text: an unknown one is named only when it reads as a field name.
#[test]
fn an_unknown_key_that_is_not_a_field_name_is_not_repeated() {
    let (field, range) = field_and_range(r#"{"age": 40, "slr": {"My back hurts since the fall": 1}}"#);
    assert_eq!(field, "slr.?");
    assert!(range.contains("left_deg") && !range.contains("fall"), "{range}");
    assert_eq!(field_and_range(r#"{"age": 40, "Depression": true}"#).0, "?");
    let long = format!(r#"{{"age": 40, "{}": 1}}"#, "a".repeat(41));
    assert_eq!(field_and_range(&long).0, "?");
    // serde's own words inside a key do not let the key through, nor into the list of fields.
    let (field, range) = field_and_range(r#"{"age": 40, "slr": {"a`, My knee hurts a": 1}}"#);
    assert_eq!(field, "slr.?");
    assert!(!range.contains("knee"), "{range}");
    let (field, range) = field_and_range(r#"{"age": 40, "slr": {"`, expected My knee hurts": 1}}"#);
    assert_eq!(field, "slr.?");
    assert!(!range.contains("knee"), "{range}");
    assert_eq!(field_and_range(r#"{"age": 40, "slr": {"": 1}}"#).0, "slr.?");
    // Nor a value's text in what is expected instead.
    let (_, range) = field_and_range(r#"{"age": 40, "onset": "x, expected my knee"}"#);
    assert!(!range.contains("knee"), "{range}");
    // A misspelt field name is still named, so it can be put right.
    assert_eq!(field_and_range(r#"{"age": 40, "slr": {"left_dge": 60}}"#).0, "slr.left_dge");
}

/// One object and nothing after it: text after the answers is refused, not ignored.
#[test]
fn text_after_the_answers_is_refused() {
    let (field, range) = field_and_range(r#"{"age": 40} {"age": 90}"#);
    assert_eq!(field, "answers");
    assert!(range.contains("nothing after"), "{range}");
    assert!(Answers::from_json("{\"age\": 40}\n  ").is_ok(), "white space after it is fine");
}

#[test]
fn answers_round_trip_through_json() {
    let a = Answers::from_json(CONTRACT_EXAMPLE).unwrap();
    let back = Answers::from_json(&serde_json::to_string(&a).unwrap()).unwrap();
    assert_eq!(a, back);
}

#[test]
fn the_old_fever_or_unwell_is_read_as_fever_the_safer_reading() {
    let old = r#"{"age": 40, "general": {"fever_or_unwell": true}}"#;
    let a = Answers::from_json(old).unwrap();
    let g = a.general.as_ref().unwrap();
    assert!(g.fever && !g.unwell);
    let r = super::super::evaluate(&a);
    assert_eq!(r.triage.tier, super::super::Tier::Urgent);
    // Written back in today's shape, and read again the same.
    let json = serde_json::to_string(&a).unwrap();
    assert!(json.contains(r#""fever":true"#) && !json.contains("fever_or_unwell"), "{json}");
    assert_eq!(Answers::from_json(&json).unwrap(), a);
}

/// Answers saved before the follow-ups became optional wrote every flag out; they still load,
/// and an explicit `false` counts as answered.
#[test]
fn answers_saved_in_the_old_shape_still_load_and_evaluate() {
    let old = r#"{"age": 44, "duration_days": 200, "onset": "gradual",
        "leg_symptoms": {"numbness": true, "pins_and_needles": false, "weakness": false,
                         "both_legs": false, "worsening": false,
                         "below_knee_pain_as_bad_as_back": false, "new_difficulty_walking": false},
        "cauda_equina": {"saddle_numbness": false, "bladder": false, "bowel": false, "sexual": false},
        "general": {"fever_or_unwell": false, "weight_loss": false, "past_cancer": false,
                    "steroids_or_immunosuppressed": false, "injecting_drugs": false,
                    "recent_infection": false, "night_pain": false, "thoracic_pain": false,
                    "deformity": false, "pain_in_several_places": false},
        "known": {"disc": false, "sciatica": false, "spinal_surgery_12_months": false,
                  "pregnancy": false, "osteoporosis": false, "new_to_exercise": false}}"#;
    let a = Answers::from_json(old).unwrap();
    let r = super::super::evaluate(&a);
    assert!(r.missing.is_empty(), "{:?}", r.missing);
    assert!(r.plan_allowed);
    assert!(r.has_gate(super::super::GateId::Nerve));
}

#[test]
fn a_result_saved_before_missing_existed_does_not_read_as_todays_shape() {
    // The store says such a result again from its answers (under today's rules).
    let r = super::super::evaluate(&Answers::from_json(CONTRACT_EXAMPLE).unwrap());
    let mut old: serde_json::Value = serde_json::to_value(&r).unwrap();
    old.as_object_mut().unwrap().remove("missing");
    assert!(serde_json::from_value::<super::super::AssessmentResult>(old).is_err());
}

#[test]
fn unanswered_follow_ups_are_left_out_of_the_json_not_written_as_false() {
    let a = Answers::from_json(r#"{"age": 40, "leg_symptoms": {"numbness": true}, "strain": {}}"#).unwrap();
    let json = serde_json::to_string(&a).unwrap();
    assert!(!json.contains("both_legs") && !json.contains("worsening") && !json.contains("walks_normally"));
    let r = super::super::evaluate(&a);
    assert!(r.missing.contains(&"strain.walks_normally".to_owned()));
    assert!(r.missing.contains(&"leg_symptoms.both_legs".to_owned()));
}
