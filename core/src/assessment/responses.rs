//! From what a person answered, question by question, to the `Answers` JSON contract. Question
//! ids are JSON paths, so the mapping is generic; only the few questions whose answer is stored
//! in another shape (a list, a count, two leg fields) are listed here.
//!
//! Every response is checked (known question, matching kind, known option, number in range,
//! at most one per question). A response to a question that is hidden given the others is then
//! ignored: what counts is what the person can see, so a shell may keep answers around while
//! someone goes back and changes an earlier one.

use serde::{Deserialize, Serialize};

use super::answers::{Answers, MAX_AGE, MIN_AGE};
use super::questionnaire::{Choice, Condition, Question, QuestionKind, Questionnaire};
use crate::json_text::{Block, Member, write_str};
use crate::validate::in_range;
use crate::{Error, Result};

#[cfg(test)]
#[path = "responses_oracle.rs"]
mod oracle;

/// An answer to one question, tagged by `type` in JSON; its kind must match the question's
/// `QuestionKind`, or the conversion fails naming the question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ResponseValue {
    /// For a `YesNo` question.
    YesNo {
        /// The answer.
        value: bool,
    },
    /// For a `OneChoice` question.
    Choice {
        /// One of the question's `Choice::id`s.
        id: String,
    },
    /// For a `SeveralChoices` question: the ticked items; empty means none apply (not skipped).
    Choices {
        /// `Choice::id`s of the question, each at most once.
        ids: Vec<String>,
    },
    /// For a `WholeNumber` question.
    Number {
        /// Within the question's `min..=max`, in its unit.
        value: i32,
    },
    /// For a `PerLeg` question.
    PerLeg {
        /// The left leg's value within `min..=max`, or `None` when not measured.
        left: Option<i32>,
        /// The right leg's value within `min..=max`, or `None` when not measured.
        right: Option<i32>,
    },
}

/// What a person answered to one question. A question left unanswered has no response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Response {
    /// The question's id (an `Answers` path such as `slr.felt_at`).
    pub question_id: String,
    /// The answer, of the question's kind.
    pub value: ResponseValue,
}

/// Several-choices questions stored as a list of the ticked ids rather than a block of flags.
const AS_LIST: &[&str] = &["pain_sites"];
/// Several-choices questions stored as the number of ticks.
const AS_COUNT: &[&str] = &["inflammatory.features"];
/// Per-leg questions: the left and right fields inside the question's block.
const LEG_FIELDS: &[(&str, &str, &str)] = &[
    ("slr", "left_deg", "right_deg"),
    ("ake", "left_deficit_deg", "right_deficit_deg"),
    ("bridge", "left_reps", "right_reps"),
];
const AGE: &str = "age";

/// Whether `question` of `q` is shown given the responses so far. A response to a question
/// that is itself hidden counts as no response.
pub fn is_shown(q: &Questionnaire, question: &Question, responses: &[Response]) -> bool {
    question.shown_when.is_empty() || question.shown_when.iter().any(|c| holds(q, c, responses))
}

/// The questions to show, in order, given the responses so far.
pub fn visible_questions<'a>(q: &'a Questionnaire, responses: &[Response]) -> Vec<&'a Question> {
    q.questions().filter(|question| is_shown(q, question, responses)).collect()
}

/// Builds and validates the answers. Errors name the question id and what is valid.
pub fn answers_from_responses(q: &Questionnaire, responses: &[Response]) -> Result<Answers> {
    Answers::from_json(&answers_text(q, responses)?)
}

/// The answers' JSON text, compact with keys in alphabetical order (as serde_json printed its
/// `Map`), checked response by response but not yet against `Answers`.
fn answers_text(q: &Questionnaire, responses: &[Response]) -> Result<String> {
    let mut root = Block::default();
    for (i, response) in responses.iter().enumerate() {
        let id = response.question_id.as_str();
        // An unknown id is named by its place, not echoed: it can be any text at all.
        let question = q.question(id).ok_or_else(|| {
            Error::invalid(format!("responses[{i}].question_id"), "a question id of this questionnaire")
        })?;
        // The responses before are all to questions of `q`, each once: a few dozen at most.
        if responses[..i].iter().any(|earlier| earlier.question_id == id) {
            return Err(Error::invalid(id, "answered at most once"));
        }
        check(question, &response.value)?;
        if is_shown(q, question, responses) {
            store(&mut root, question, &response.value)?;
        }
    }
    if root.find(AGE).is_err() {
        return Err(age_error());
    }
    root.text()
}

/// Conditions only refer to earlier questions (a questionnaire test checks it), so the
/// visibility check of the target always ends.
fn holds(q: &Questionnaire, condition: &Condition, responses: &[Response]) -> bool {
    let value = q
        .question(condition.question())
        .filter(|target| is_shown(q, target, responses))
        .and_then(|_| responses.iter().find(|r| r.question_id == condition.question()))
        .map(|r| &r.value);
    match (condition, value) {
        (Condition::IsYes { .. }, Some(ResponseValue::YesNo { value })) => *value,
        (Condition::Chose { choice, .. }, Some(ResponseValue::Choice { id })) => id == choice,
        (Condition::Chose { choice, .. }, Some(ResponseValue::Choices { ids })) => ids.contains(choice),
        (Condition::ChoseAny { .. }, Some(ResponseValue::Choices { ids })) => !ids.is_empty(),
        (Condition::NotChose { choice, .. }, Some(ResponseValue::Choice { id })) => id != choice,
        (Condition::NotChose { choice, .. }, Some(ResponseValue::Choices { ids })) => !ids.contains(choice),
        (Condition::NotChose { .. }, _) => true,
        (Condition::AtLeast { min, .. }, Some(ResponseValue::Number { value })) => value >= min,
        _ => false,
    }
}

/// Same wording as `Answers::validate`, so a missing age reads like a wrong one.
fn age_error() -> Error {
    Error::invalid(
        AGE,
        format!("a whole number from {MIN_AGE} to {MAX_AGE}: Limber is for people aged {MIN_AGE} and over"),
    )
}

fn check(question: &Question, value: &ResponseValue) -> Result<()> {
    let id = question.id.as_str();
    match (&question.kind, value) {
        (QuestionKind::YesNo, ResponseValue::YesNo { .. }) => Ok(()),
        (QuestionKind::OneChoice { options }, ResponseValue::Choice { id: choice }) => {
            if options.iter().any(|o| &o.id == choice) {
                Ok(())
            } else {
                Err(Error::invalid(id, one_of(options)))
            }
        }
        (QuestionKind::SeveralChoices { options }, ResponseValue::Choices { ids }) => {
            for (i, choice) in ids.iter().enumerate() {
                if !options.iter().any(|o| &o.id == choice) {
                    return Err(Error::invalid(id, any_of(options)));
                }
                if ids[..i].contains(choice) {
                    return Err(Error::invalid(id, "each option ticked at most once"));
                }
            }
            Ok(())
        }
        (QuestionKind::WholeNumber { .. }, ResponseValue::Number { value }) if id == AGE => {
            if (MIN_AGE..=MAX_AGE).contains(value) { Ok(()) } else { Err(age_error()) }
        }
        (QuestionKind::WholeNumber { min, max, .. }, ResponseValue::Number { value }) => {
            in_range(id, *value, *min, *max).map(drop)
        }
        (QuestionKind::PerLeg { min, max, .. }, ResponseValue::PerLeg { left, right }) => {
            left.iter().chain(right).try_for_each(|v| in_range(id, *v, *min, *max).map(drop))
        }
        (kind, _) => Err(Error::invalid(id, expected(kind))),
    }
}

fn expected(kind: &QuestionKind) -> String {
    match kind {
        QuestionKind::YesNo => "a yes or no answer".to_owned(),
        QuestionKind::OneChoice { options } => one_of(options),
        QuestionKind::SeveralChoices { options } => any_of(options),
        QuestionKind::WholeNumber { min, max, .. } => format!("a whole number from {min} to {max}"),
        QuestionKind::PerLeg { min, max, .. } => {
            format!("a whole number from {min} to {max} for each leg, or nothing for a leg")
        }
    }
}

fn one_of(options: &[Choice]) -> String {
    format!("one of {}", ids(options))
}

fn any_of(options: &[Choice]) -> String {
    format!("any of {}, or none", ids(options))
}

fn ids(options: &[Choice]) -> String {
    options.iter().map(|o| o.id.as_str()).collect::<Vec<_>>().join(", ")
}

/// Writes one checked response into the JSON object at its question's path.
fn store(root: &mut Block, question: &Question, value: &ResponseValue) -> Result<()> {
    let id = question.id.as_str();
    match value {
        ResponseValue::YesNo { value } => {
            set(root, id, if *value { b"true".to_vec() } else { b"false".to_vec() })
        }
        ResponseValue::Choice { id: choice } => {
            let mut text = Vec::new();
            write_str(&mut text, choice)?;
            set(root, id, text)
        }
        ResponseValue::Number { value } => set(root, id, value.to_string().into_bytes()),
        ResponseValue::Choices { ids } if AS_LIST.contains(&id) => {
            let mut list = vec![b'['];
            for (i, choice) in ids.iter().enumerate() {
                if i > 0 {
                    list.push(b',');
                }
                write_str(&mut list, choice)?;
            }
            list.push(b']');
            set(root, id, list)
        }
        // At most one tick per option (`check`), so the count is small.
        ResponseValue::Choices { ids } if AS_COUNT.contains(&id) => {
            set(root, id, (ids.len() as i32).to_string().into_bytes())
        }
        // A block of flags: ticked options are true, the rest keep their serde default (false);
        // the block exists even with nothing ticked, because "none" is an answer.
        ResponseValue::Choices { ids } => {
            let block = object_at(root, id)?;
            for choice in ids {
                block.insert(choice, Member::Text(b"true".to_vec()));
            }
            Ok(())
        }
        ResponseValue::PerLeg { left, right } => {
            let (_, left_field, right_field) = LEG_FIELDS
                .iter()
                .find(|(q, _, _)| *q == id)
                .ok_or_else(|| Error::invalid(id, "a question Limber can store"))?;
            for (field, v) in [(left_field, left), (right_field, right)] {
                if let Some(v) = v {
                    set(root, &format!("{id}.{field}"), v.to_string().into_bytes())?;
                }
            }
            Ok(())
        }
    }
}

/// Sets the value at a dotted path to `text`, the value's JSON.
fn set(root: &mut Block, path: &str, text: Vec<u8>) -> Result<()> {
    let (parent, name) = match path.rsplit_once('.') {
        Some((parent, name)) => (object_at(root, parent)?, name),
        None => (root, path),
    };
    parent.insert(name, Member::Text(text));
    Ok(())
}

/// The object at a dotted path, created as needed.
fn object_at<'a>(root: &'a mut Block, path: &str) -> Result<&'a mut Block> {
    let mut current = root;
    for name in path.split('.') {
        current = match current.entry(name) {
            Member::Block(block) => block,
            Member::Text(_) => return Err(Error::invalid(path, "a question Limber can store")),
        };
    }
    Ok(current)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use proptest::prelude::*;

    use super::super::answers::*;
    use super::super::questionnaire::questionnaire;
    use super::*;
    use crate::pain::{BodySite, Side};

    fn yes_no(id: &str, value: bool) -> Response {
        Response { question_id: id.into(), value: ResponseValue::YesNo { value } }
    }
    fn choice(id: &str, choice: &str) -> Response {
        Response { question_id: id.into(), value: ResponseValue::Choice { id: choice.into() } }
    }
    fn choices(id: &str, ids: &[&str]) -> Response {
        let ids = ids.iter().map(|c| (*c).to_owned()).collect();
        Response { question_id: id.into(), value: ResponseValue::Choices { ids } }
    }
    fn number(id: &str, value: i32) -> Response {
        Response { question_id: id.into(), value: ResponseValue::Number { value } }
    }
    fn per_leg(id: &str, left: Option<i32>, right: Option<i32>) -> Response {
        Response { question_id: id.into(), value: ResponseValue::PerLeg { left, right } }
    }

    fn convert(responses: &[Response]) -> Result<Answers> {
        answers_from_responses(&questionnaire(), responses)
    }

    fn field_and_range(responses: &[Response]) -> (String, String) {
        match convert(responses).unwrap_err() {
            Error::Invalid { field, range } => (field, range),
            other => panic!("not Invalid: {other:?}"),
        }
    }

    /// Every question answered, with values that differ from the serde defaults.
    fn full() -> Vec<Response> {
        vec![
            choices("cauda_equina", &["bladder"]),
            choices("leg_symptoms", &["numbness", "below_knee_pain_as_bad_as_back"]),
            yes_no("leg_symptoms.both_legs", true),
            yes_no("leg_symptoms.worsening", true),
            choices("general", &["night_pain", "pain_in_several_places", "chest_or_belly_pain"]),
            number("age", 52),
            number("duration_days", 21),
            choice("onset", "sudden_thigh_pain"),
            number("pain_now", 6),
            choices("pain_sites", &["low_back", "back_of_thigh"]),
            choice("pain_side", "left"),
            choices("strain", &["pop", "gap"]),
            yes_no("strain.walks_normally", false),
            number("strain.days_since", 20),
            number("strain.heel_dig_pain", 4),
            choices("known", &["disc", "new_to_exercise"]),
            yes_no("inflammatory.onset_before_45_over_3_months", true),
            choices("inflammatory.features", &["psoriasis", "arthritis", "better_with_movement"]),
            number("weeks_on_plan_without_improvement", 5),
            per_leg("slr", Some(62), Some(80)),
            choice("slr.measured_by", "self"),
            choice("slr.felt_at", "behind_knee"),
            yes_no("slr.reproduces_leg_pain", true),
            yes_no("nerve_check", true),
            yes_no("slump", false),
            yes_no("crossed_slr", true),
            per_leg("ake", Some(25), None),
            choices("thomas", &["knee_bend_limited"]),
            per_leg("bridge", Some(12), Some(18)),
            number("bridge.pain", 2),
            choice("posture", "arched"),
            yes_no("knee_click", true),
        ]
    }

    const FULL_JSON: &str = r#"{
      "age": 52, "duration_days": 21, "onset": "sudden_thigh_pain", "pain_now": 6,
      "pain_sites": ["low_back", "back_of_thigh"], "pain_side": "left",
      "leg_symptoms": {"numbness": true, "below_knee_pain_as_bad_as_back": true,
                       "both_legs": true, "worsening": true},
      "cauda_equina": {"bladder": true},
      "general": {"night_pain": true, "pain_in_several_places": true, "chest_or_belly_pain": true},
      "inflammatory": {"onset_before_45_over_3_months": true, "features": 3},
      "strain": {"pop": true, "gap": true, "walks_normally": false, "days_since": 20, "heel_dig_pain": 4},
      "known": {"disc": true, "new_to_exercise": true},
      "slr": {"left_deg": 62, "right_deg": 80, "measured_by": "self", "felt_at": "behind_knee",
              "reproduces_leg_pain": true},
      "nerve_check": true, "slump": false, "crossed_slr": true,
      "ake": {"left_deficit_deg": 25},
      "thomas": {"knee_bend_limited": true},
      "bridge": {"left_reps": 12, "right_reps": 18, "pain": 2},
      "posture": "arched", "knee_click": true, "weeks_on_plan_without_improvement": 5
    }"#;

    #[test]
    fn full_responses_give_the_same_answers_as_the_equivalent_json() {
        let answers = convert(&full()).unwrap();
        assert_eq!(answers, Answers::from_json(FULL_JSON).unwrap());
        assert_eq!(answers.pain_sites, Some(vec![BodySite::LowBack, BodySite::BackOfThigh]));
        assert_eq!(answers.pain_side, Some(Side::Left));
        assert_eq!(answers.inflammatory.unwrap().features, 3);
        assert_eq!(answers.ake, Some(Ake { left_deficit_deg: Some(25), right_deficit_deg: None }));
    }

    #[test]
    fn every_question_fills_its_own_answers_field() {
        let q = questionnaire();
        let age_only = convert(&[number("age", 40)]).unwrap();
        let full = full();
        for question in q.questions().filter(|question| question.id != AGE) {
            let mut responses = vec![number("age", 40)];
            // Bring in whatever makes the question visible, and whatever makes that visible.
            let mut openers: BTreeSet<&str> = BTreeSet::new();
            let mut todo: Vec<&Question> = vec![question];
            while let Some(next) = todo.pop() {
                for c in &next.shown_when {
                    if openers.insert(c.question()) {
                        todo.extend(q.question(c.question()));
                    }
                }
            }
            responses.extend(full.iter().filter(|r| openers.contains(r.question_id.as_str())).cloned());
            let without = convert(&responses).unwrap();
            responses.push(full.iter().find(|r| r.question_id == question.id).unwrap().clone());
            let with = convert(&responses).unwrap();
            assert_ne!(with, without, "{} changes nothing", question.id);
            assert_ne!(with, age_only, "{}", question.id);
        }
    }

    #[test]
    fn every_option_is_accepted_by_answers() {
        let q = questionnaire();
        // Makes every conditional question visible.
        let openers = [
            choice("onset", "sudden_thigh_pain"),
            number("strain.days_since", 15),
            choices("leg_symptoms", &["numbness"]),
            choice("pain_side", "left"),
            yes_no("inflammatory.onset_before_45_over_3_months", true),
        ];
        for question in q.questions() {
            for option in question.kind.options() {
                let mut responses: Vec<Response> =
                    openers.iter().filter(|r| r.question_id != question.id).cloned().collect();
                responses.push(number("age", 40));
                responses.push(match question.kind {
                    QuestionKind::OneChoice { .. } => choice(&question.id, &option.id),
                    _ => choices(&question.id, &[&option.id]),
                });
                assert!(is_shown(&q, question, &responses), "{}", question.id);
                if let Err(e) = convert(&responses) {
                    panic!("{}.{}: {e}", question.id, option.id);
                }
            }
        }
    }

    #[test]
    fn both_ends_of_every_number_range_are_accepted_and_one_beyond_is_refused() {
        let q = questionnaire();
        for question in q.questions() {
            let (min, max) = match question.kind {
                QuestionKind::WholeNumber { min, max, .. } | QuestionKind::PerLeg { min, max, .. } => {
                    (min, max)
                }
                _ => continue,
            };
            let answer = |v: i32| match question.kind {
                QuestionKind::PerLeg { .. } => per_leg(&question.id, Some(v), Some(v)),
                _ => number(&question.id, v),
            };
            for (v, ok) in [(min, true), (max, true), (min - 1, false), (max + 1, false)] {
                let mut responses = vec![choice("onset", "sudden_thigh_pain")];
                if question.id != "strain.days_since" {
                    responses.push(number("strain.days_since", 30));
                }
                if question.id != AGE {
                    responses.push(number("age", 40));
                }
                responses.push(answer(v));
                let result = convert(&responses);
                assert_eq!(result.is_ok(), ok, "{} = {v}: {result:?}", question.id);
                if let Err(Error::Invalid { field, .. }) = result {
                    assert_eq!(field, question.id);
                }
            }
        }
    }

    #[test]
    fn strain_questions_are_hidden_unless_onset_is_sudden_thigh_pain() {
        let q = questionnaire();
        let strain_ids = ["strain", "strain.walks_normally", "strain.days_since", "strain.heel_dig_pain"];
        let shown = |responses: &[Response]| -> Vec<String> {
            visible_questions(&q, responses).iter().map(|q| q.id.clone()).collect()
        };
        for onset in Onset::ALL {
            let visible = shown(&[choice("onset", onset.as_str())]);
            let sudden = *onset == Onset::SuddenThighPain;
            for id in strain_ids {
                assert_eq!(visible.iter().any(|v| v == id), sudden, "{id} with {onset}");
            }
        }
        assert!(strain_ids.iter().all(|id| !shown(&[]).iter().any(|v| v == id)));
    }

    #[test]
    fn pain_side_is_shown_for_a_leg_site_or_leg_symptoms_only() {
        let q = questionnaire();
        let side = q.question("pain_side").unwrap();
        assert!(!is_shown(&q, side, &[]));
        assert!(!is_shown(&q, side, &[choices("pain_sites", &["low_back", "buttock"])]));
        assert!(is_shown(&q, side, &[choices("pain_sites", &["low_back", "foot"])]));
        assert!(is_shown(&q, side, &[choices("leg_symptoms", &["weakness"])]));
        assert!(!is_shown(&q, side, &[choices("leg_symptoms", &[])]));
    }

    #[test]
    fn crossed_slr_is_asked_only_with_leg_symptoms_on_one_side() {
        let q = questionnaire();
        let crossed = q.question("crossed_slr").unwrap();
        let leg = || choices("pain_sites", &["back_of_thigh"]);
        assert!(!is_shown(&q, crossed, &[]));
        assert!(!is_shown(&q, crossed, &[leg(), choice("pain_side", "both")]));
        assert!(is_shown(&q, crossed, &[leg(), choice("pain_side", "left")]));
        assert!(is_shown(&q, crossed, &[leg(), choice("pain_side", "right")]));
        // A side kept from before the leg was unticked is hidden, so it opens nothing.
        assert!(!is_shown(&q, crossed, &[choices("pain_sites", &["low_back"]), choice("pain_side", "left")]));
        let answers =
            convert(&[number("age", 40), choice("pain_side", "left"), yes_no("crossed_slr", true)]).unwrap();
        assert_eq!(answers.crossed_slr, None);
    }

    #[test]
    fn within_two_weeks_of_a_thigh_strain_the_leg_raise_and_bridge_are_not_asked() {
        let q = questionnaire();
        let ids = |responses: &[Response]| -> Vec<String> {
            visible_questions(&q, responses).iter().map(|q| q.id.clone()).collect()
        };
        let limited = [
            "slr",
            "slr.measured_by",
            "slr.felt_at",
            "slr.reproduces_leg_pain",
            "nerve_check",
            "bridge",
            "bridge.pain",
        ];
        let sudden = || choice("onset", "sudden_thigh_pain");
        for (responses, shown) in [
            (vec![], true),
            (vec![choice("onset", "gradual")], true),
            (vec![sudden()], false),
            (vec![sudden(), number("strain.days_since", 0)], false),
            (vec![sudden(), number("strain.days_since", 14)], false),
            (vec![sudden(), number("strain.days_since", 15)], true),
            // A day count kept from a strain answer that no longer applies is ignored.
            (vec![choice("onset", "gradual"), number("strain.days_since", 3)], true),
        ] {
            let visible = ids(&responses);
            for id in limited {
                assert_eq!(visible.iter().any(|v| v == id), shown, "{id} with {responses:?}");
            }
            assert!(visible.iter().any(|v| v == "ake"), "the knee test is always asked, gently");
        }
        let fresh = convert(&[
            number("age", 30),
            sudden(),
            number("strain.days_since", 5),
            per_leg("slr", Some(50), Some(70)),
        ])
        .unwrap();
        assert_eq!(fresh.slr, None);
    }

    #[test]
    fn responses_to_hidden_questions_are_ignored() {
        let responses = [
            number("age", 30),
            choice("onset", "gradual"),
            choices("strain", &["pop"]),
            yes_no("strain.walks_normally", false),
            choices("leg_symptoms", &[]),
            yes_no("leg_symptoms.both_legs", true),
        ];
        let answers = convert(&responses).unwrap();
        assert_eq!(answers.strain, None);
        assert_eq!(answers.leg_symptoms, Some(LegSymptoms::default()));
    }

    #[test]
    fn nothing_ticked_is_an_answer_and_skipping_is_not() {
        let answers =
            convert(&[number("age", 30), choices("cauda_equina", &[]), choices("pain_sites", &[])]).unwrap();
        assert_eq!(answers.cauda_equina, Some(CaudaEquina::default()));
        assert_eq!(answers.pain_sites, Some(vec![]));
        assert_eq!(answers.general, None);
        let skipped_legs = convert(&[number("age", 30), per_leg("slr", None, None)]).unwrap();
        assert_eq!(skipped_legs.slr, None);
    }

    #[test]
    fn a_missing_age_is_refused_with_the_same_words_as_a_wrong_one() {
        let (field, range) = field_and_range(&[choice("onset", "gradual")]);
        assert_eq!(field, "age");
        let wrong = Answers { age: 15, ..Answers::default() }.validate().unwrap_err();
        assert_eq!(format!("invalid {field}: must be {range}"), wrong.to_string());
        assert_eq!(field_and_range(&[number("age", 15)]), (field, range));
    }

    #[test]
    fn each_error_names_the_question_and_what_is_valid() {
        let age = || number("age", 40);
        let cases: Vec<(Vec<Response>, &str, &str)> = vec![
            (
                vec![age(), yes_no("favourite_colour", true)],
                "responses[1].question_id",
                "a question id of this questionnaire",
            ),
            (vec![age(), number("slump", 1)], "slump", "a yes or no answer"),
            (
                vec![age(), yes_no("slr", true)],
                "slr",
                "a whole number from 0 to 120 for each leg, or nothing for a leg",
            ),
            (vec![age(), choice("posture", "slouched")], "posture", "one of arched, flat, not_sure"),
            (
                vec![age(), choices("thomas", &["wobbly"])],
                "thomas",
                "any of thigh_above_horizontal, knee_bend_limited, or none",
            ),
            (
                vec![age(), choices("pain_sites", &["foot", "foot"])],
                "pain_sites",
                "each option ticked at most once",
            ),
            (vec![age(), number("pain_now", 11)], "pain_now", "a whole number from 0 to 10"),
            (vec![age(), per_leg("bridge", Some(3), Some(61))], "bridge", "a whole number from 0 to 60"),
            (vec![age(), number("pain_now", 3), number("pain_now", 4)], "pain_now", "answered at most once"),
            (vec![age(), age()], "age", "answered at most once"),
        ];
        for (responses, field, range) in cases {
            assert_eq!(field_and_range(&responses), (field.to_owned(), range.to_owned()), "{responses:?}");
        }
    }

    #[test]
    fn responses_serialize_with_snake_case_type_tags() {
        let json = serde_json::to_string(&per_leg("slr", Some(70), None)).unwrap();
        assert_eq!(json, r#"{"question_id":"slr","value":{"type":"per_leg","left":70,"right":null}}"#);
        let back: Response = serde_json::from_str(&json).unwrap();
        assert_eq!(back, per_leg("slr", Some(70), None));
    }

    fn any_value() -> impl Strategy<Value = ResponseValue> {
        let word = prop_oneof![
            Just("sudden_thigh_pain".to_owned()),
            Just("foot".to_owned()),
            Just("numbness".to_owned()),
            "[a-z_.]{0,12}",
        ];
        prop_oneof![
            any::<bool>().prop_map(|value| ResponseValue::YesNo { value }),
            word.clone().prop_map(|id| ResponseValue::Choice { id }),
            prop::collection::vec(word, 0..4).prop_map(|ids| ResponseValue::Choices { ids }),
            prop_oneof![any::<i32>(), -2..130].prop_map(|value| ResponseValue::Number { value }),
            (prop::option::of(any::<i32>()), prop::option::of(-2..130))
                .prop_map(|(left, right)| ResponseValue::PerLeg { left, right }),
        ]
    }

    pub(super) fn any_response() -> impl Strategy<Value = Response> {
        let ids: Vec<String> = questionnaire().questions().map(|q| q.id.clone()).collect();
        let id = prop_oneof![4 => prop::sample::select(ids), 1 => "[a-z_.]{0,12}"];
        (id, any_value()).prop_map(|(question_id, value)| Response { question_id, value })
    }

    /// A well-formed answer of the question's own kind, drawn from `seed`.
    pub(super) fn answer_for(question: &Question, seed: u32) -> ResponseValue {
        let pick = |options: &[Choice]| options[seed as usize % options.len()].id.clone();
        let within = |min: i32, max: i32| min + (seed % (max - min + 1) as u32) as i32;
        match &question.kind {
            QuestionKind::YesNo => ResponseValue::YesNo { value: seed.is_multiple_of(2) },
            QuestionKind::OneChoice { options } => ResponseValue::Choice { id: pick(options) },
            QuestionKind::SeveralChoices { options } => ResponseValue::Choices {
                ids: options
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| (seed >> i) & 1 == 1)
                    .map(|(_, o)| o.id.clone())
                    .collect(),
            },
            QuestionKind::WholeNumber { min, max, .. } => ResponseValue::Number { value: within(*min, *max) },
            QuestionKind::PerLeg { min, max, .. } => ResponseValue::PerLeg {
                left: (!seed.is_multiple_of(3)).then(|| within(*min, *max)),
                right: (!seed.is_multiple_of(5)).then(|| within(*min, *max / 2)),
            },
        }
    }

    proptest! {
        #[test]
        fn arbitrary_responses_never_panic(responses in prop::collection::vec(any_response(), 0..40)) {
            let q = questionnaire();
            let _ = answers_from_responses(&q, &responses);
            let _ = visible_questions(&q, &responses);
        }

        #[test]
        fn any_well_formed_answers_with_an_age_convert(
            seeds in prop::collection::vec(prop::option::of(any::<u32>()), 40),
        ) {
            let q = questionnaire();
            let responses: Vec<Response> = q
                .questions()
                .zip(&seeds)
                .filter_map(|(question, seed)| {
                    let seed = if question.id == AGE { seed.unwrap_or(0) } else { (*seed)? };
                    Some(Response { question_id: question.id.clone(), value: answer_for(question, seed) })
                })
                .collect();
            let result = answers_from_responses(&q, &responses);
            prop_assert!(result.is_ok(), "{:?}", result);
        }
    }
}
