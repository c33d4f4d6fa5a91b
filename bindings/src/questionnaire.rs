//! The questionnaire as data, so shells render the assessment without hard-coding a question,
//! and the responses they collect.

use limber_core::assessment::questionnaire::{
    Choice, Condition, Question, QuestionKind, Questionnaire, Section, questionnaire as core_questionnaire,
};
use limber_core::assessment::responses::{
    Response, ResponseValue, answers_from_responses, visible_questions,
};
use limber_core::assessment::{AssessmentResult, evaluate};

use crate::assessment::AssessmentRecord;
use crate::error::{LimberError, guard};
use crate::limber::Limber;
use crate::types::Timestamp;
use limber_core::measure::PhoneTest;

/// The self-assessment: sections in order (safety first), each question with its kind, prompt,
/// help and when it is shown.
#[uniffi::export]
pub fn questionnaire() -> Questionnaire {
    core_questionnaire()
}

/// The ids of the questions to show, in order, given the responses so far. Call it after each
/// answer: follow-up questions appear and disappear here, not in the shell.
#[uniffi::export]
pub fn visible_question_ids(responses: Vec<Response>) -> Vec<String> {
    let q = core_questionnaire();
    visible_questions(&q, &responses).into_iter().map(|question| question.id.clone()).collect()
}

/// Evaluates responses without saving them.
#[uniffi::export]
pub fn evaluate_responses(responses: Vec<Response>) -> Result<AssessmentResult, LimberError> {
    guard(|| Ok(evaluate(&answers_from_responses(&core_questionnaire(), &responses)?)))
}

#[uniffi::export]
impl Limber {
    /// Evaluates and saves the responses; the result becomes the latest assessment.
    pub fn submit_assessment(
        &self,
        responses: Vec<Response>,
        taken_at: Timestamp,
        utc_offset_minutes: i32,
    ) -> Result<AssessmentRecord, LimberError> {
        self.with_core(|s| {
            let answers = answers_from_responses(&core_questionnaire(), &responses)?;
            s.submit_assessment(answers, taken_at, utc_offset_minutes)
        })
        .map(AssessmentRecord::from)
    }
}

#[uniffi::remote(Record)]
pub struct Questionnaire {
    pub version: i32,
    pub sections: Vec<Section>,
}

#[uniffi::remote(Record)]
pub struct Section {
    pub id: String,
    pub title: String,
    pub intro: String,
    pub questions: Vec<Question>,
}

#[uniffi::remote(Record)]
pub struct Question {
    pub id: String,
    pub kind: QuestionKind,
    pub prompt: String,
    pub help: String,
    pub shown_when: Vec<Condition>,
    pub phone_test: Option<PhoneTest>,
}

#[uniffi::remote(Enum)]
pub enum QuestionKind {
    YesNo,
    OneChoice { options: Vec<Choice> },
    SeveralChoices { options: Vec<Choice> },
    WholeNumber { min: i32, max: i32, unit: String },
    PerLeg { min: i32, max: i32, unit: String },
}

#[uniffi::remote(Record)]
pub struct Choice {
    pub id: String,
    pub label: String,
}

#[uniffi::remote(Enum)]
pub enum Condition {
    IsYes { question: String },
    Chose { question: String, choice: String },
    ChoseAny { question: String },
    NotChose { question: String, choice: String },
    AtLeast { question: String, min: i32 },
}

#[uniffi::remote(Enum)]
pub enum ResponseValue {
    YesNo { value: bool },
    Choice { id: String },
    Choices { ids: Vec<String> },
    Number { value: i32 },
    PerLeg { left: Option<i32>, right: Option<i32> },
}

#[uniffi::remote(Record)]
pub struct Response {
    pub question_id: String,
    pub value: ResponseValue,
}
