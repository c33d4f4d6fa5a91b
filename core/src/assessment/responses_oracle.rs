//! The conversion as it was, through a `serde_json::Map` printed with `to_string`: the oracle
//! that the hand-written JSON text must equal, byte for byte, with the same errors.

use std::collections::HashSet;

use proptest::prelude::*;
use serde_json::{Map, Value};

use super::super::questionnaire::questionnaire;
use super::tests::{answer_for, any_response};
use super::*;

fn old_answers_text(q: &Questionnaire, responses: &[Response]) -> Result<String> {
    let mut seen = HashSet::new();
    let mut root = Map::new();
    for (i, response) in responses.iter().enumerate() {
        let id = response.question_id.as_str();
        let question = q.question(id).ok_or_else(|| {
            Error::invalid(format!("responses[{i}].question_id"), "a question id of this questionnaire")
        })?;
        if !seen.insert(id) {
            return Err(Error::invalid(id, "answered at most once"));
        }
        check(question, &response.value)?;
        if is_shown(q, question, responses) {
            old_store(&mut root, question, &response.value)?;
        }
    }
    if !root.contains_key(AGE) {
        return Err(age_error());
    }
    Ok(Value::Object(root).to_string())
}

fn old_store(root: &mut Map<String, Value>, question: &Question, value: &ResponseValue) -> Result<()> {
    let id = question.id.as_str();
    match value {
        ResponseValue::YesNo { value } => old_set(root, id, Value::Bool(*value)),
        ResponseValue::Choice { id: choice } => old_set(root, id, Value::from(choice.as_str())),
        ResponseValue::Number { value } => old_set(root, id, Value::from(*value)),
        ResponseValue::Choices { ids } if AS_LIST.contains(&id) => {
            old_set(root, id, Value::from(ids.clone()))
        }
        ResponseValue::Choices { ids } if AS_COUNT.contains(&id) => old_set(root, id, Value::from(ids.len())),
        ResponseValue::Choices { ids } => {
            let block = old_object_at(root, id)?;
            for choice in ids {
                block.insert(choice.clone(), Value::Bool(true));
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
                    old_set(root, &format!("{id}.{field}"), Value::from(*v))?;
                }
            }
            Ok(())
        }
    }
}

fn old_set(root: &mut Map<String, Value>, path: &str, value: Value) -> Result<()> {
    let (parent, name) = match path.rsplit_once('.') {
        Some((parent, name)) => (old_object_at(root, parent)?, name),
        None => (root, path),
    };
    parent.insert(name.to_owned(), value);
    Ok(())
}

fn old_object_at<'a>(root: &'a mut Map<String, Value>, path: &str) -> Result<&'a mut Map<String, Value>> {
    let mut current = root;
    for name in path.split('.') {
        let next = current.entry(name.to_owned()).or_insert_with(|| Value::Object(Map::new()));
        current = next.as_object_mut().ok_or_else(|| Error::invalid(path, "a question Limber can store"))?;
    }
    Ok(current)
}

/// Some questions answered, each with an answer of its own kind, and up to two responses of
/// any kind (unknown ids, wrong kinds, repeats), in any order.
fn response_set() -> impl Strategy<Value = Vec<Response>> {
    let ids: Vec<String> = questionnaire().questions().map(|q| q.id.clone()).collect();
    let n = ids.len();
    (
        prop::sample::subsequence(ids, 0..=n),
        prop::collection::vec(any::<u32>(), n),
        prop::collection::vec(any_response(), 0..3),
    )
        .prop_map(|(chosen, seeds, extra)| {
            let q = questionnaire();
            let mut responses: Vec<Response> = chosen
                .into_iter()
                .zip(seeds)
                .map(|(id, seed)| {
                    let value = answer_for(q.question(&id).unwrap(), seed);
                    Response { question_id: id, value }
                })
                .collect();
            responses.extend(extra);
            responses
        })
        .prop_shuffle()
}

/// The text, or the error as it is shown.
fn shown(result: Result<String>) -> std::result::Result<String, String> {
    result.map_err(|e| format!("{e:?}"))
}

#[test]
fn every_question_answered_gives_the_old_text() {
    let q = questionnaire();
    for seed in [0, 1, 2, 3, 5, 7, 0xFFFF_FFFF, 0x5555_5555] {
        let responses: Vec<Response> = q
            .questions()
            .map(|question| Response { question_id: question.id.clone(), value: answer_for(question, seed) })
            .collect();
        let text = answers_text(&q, &responses);
        assert_eq!(shown(text), shown(old_answers_text(&q, &responses)), "seed {seed}");
    }
}

proptest! {
    #[test]
    fn any_responses_give_the_old_text_or_the_old_error(
        responses in response_set(),
    ) {
        let q = questionnaire();
        let old = old_answers_text(&q, &responses);
        let new = answers_text(&q, &responses);
        let answers = answers_from_responses(&q, &responses).map_err(|e| format!("{e:?}"));
        let old_answers = old.as_deref().map_err(|e| format!("{e:?}")).and_then(|text| {
            Answers::from_json(text).map_err(|e| format!("{e:?}"))
        });
        prop_assert_eq!(shown(new), shown(old));
        prop_assert_eq!(answers, old_answers);
    }
}
