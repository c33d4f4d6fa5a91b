//! How loudly the phones show a result, and when the questionnaire stops early. One rule for
//! both shells, so a result that must not be dismissed is never dismissable on one of them.

use serde::{Deserialize, Serialize};

use super::questionnaire::Questionnaire;
use super::responses::{Response, answers_from_responses};
use super::{AssessmentResult, Tier, evaluate};

text_enum! {
    /// How a result or card is shown.
    pub enum SafetyLevel {
        /// Ordinary information.
        Calm = "calm",
        /// Shown in warning colours, above the routine (see a doctor soon, safety questions
        /// still to answer).
        Warn = "warn",
        /// Fixed, in alarm colours, with no button that closes it and no scroll that hides it:
        /// the advice is to get care now, not to exercise (urgent and emergency).
        Blocking = "blocking",
    }
}

/// The display of an assessment result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResultDisplay {
    /// How loudly: `blocking` for urgent and emergency, `warn` for soon or unanswered safety
    /// questions (no plan), `calm` otherwise.
    pub level: SafetyLevel,
    /// Whether the person may close the advice and go on to the routine.
    pub dismissable: bool,
    /// Whether the result offers a routine at all (`plan_allowed`).
    pub offers_routine: bool,
}

/// [CLINICAL.md §2] The tier decides the level: urgent and emergency block, soon warns.
pub fn tier_level(tier: Tier) -> SafetyLevel {
    match tier {
        Tier::Urgent | Tier::Emergency => SafetyLevel::Blocking,
        Tier::Soon => SafetyLevel::Warn,
        Tier::NoFlags => SafetyLevel::Calm,
    }
}

/// The display of `result`. A result without a plan that does not block (safety questions left
/// unanswered) warns **\[D\]**: the way on is to answer them, which the routine cannot replace.
pub fn result_display(result: &AssessmentResult) -> ResultDisplay {
    let by_tier = tier_level(result.triage.tier);
    let level =
        if by_tier == SafetyLevel::Calm && !result.plan_allowed { SafetyLevel::Warn } else { by_tier };
    ResultDisplay {
        level,
        dismissable: level != SafetyLevel::Blocking,
        offers_routine: result.plan_allowed && level != SafetyLevel::Blocking,
    }
}

/// Whether the questionnaire stops now and shows the result: the answers so far already make
/// the tier urgent or an emergency, so the movement tests are not asked **\[D\]** (testing
/// movement is no use to someone who should see a doctor today). Call after each page. Answers
/// that cannot be evaluated yet (no age) carry on.
pub fn stops_early(questionnaire: &Questionnaire, responses: &[Response]) -> bool {
    answers_from_responses(questionnaire, responses)
        .map(|answers| tier_level(evaluate(&answers).triage.tier) == SafetyLevel::Blocking)
        .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::questionnaire::questionnaire;
    use crate::assessment::responses::ResponseValue;

    #[test]
    fn urgent_and_emergency_block_soon_warns() {
        assert_eq!(tier_level(Tier::Emergency), SafetyLevel::Blocking);
        assert_eq!(tier_level(Tier::Urgent), SafetyLevel::Blocking);
        assert_eq!(tier_level(Tier::Soon), SafetyLevel::Warn);
        assert_eq!(tier_level(Tier::NoFlags), SafetyLevel::Calm);
    }

    fn response(id: &str, value: ResponseValue) -> Response {
        Response { question_id: id.into(), value }
    }

    #[test]
    fn a_cauda_equina_answer_stops_the_questionnaire_and_blocks_the_result() {
        let q = questionnaire();
        let age = response("age", ResponseValue::Number { value: 42 });
        assert!(!stops_early(&q, std::slice::from_ref(&age)));
        assert!(!stops_early(&q, &[]), "no age yet: carry on");
        let ticked = ResponseValue::Choices { ids: vec!["bladder".into()] };
        let bladder = q
            .sections
            .iter()
            .flat_map(|s| &s.questions)
            .find(|question| question.id == "cauda_equina")
            .expect("the cauda equina question");
        // The id of a tick-all option is the question's own (`cauda_equina.bladder` or `bladder`).
        let option = match &bladder.kind {
            crate::assessment::questionnaire::QuestionKind::SeveralChoices { options } => options
                .iter()
                .find(|o| o.id.ends_with("bladder"))
                .map(|o| ResponseValue::Choices { ids: vec![o.id.clone()] })
                .unwrap_or(ticked),
            _ => ticked,
        };
        let answers = [age, response(&bladder.id, option)];
        assert!(stops_early(&q, &answers));
        let result = evaluate(&answers_from_responses(&q, &answers).unwrap());
        let display = result_display(&result);
        assert_eq!(display.level, SafetyLevel::Blocking);
        assert!(!display.dismissable && !display.offers_routine);
    }
}
