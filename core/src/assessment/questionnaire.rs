//! The self-assessment as data. Shells (Android, iOS, CLI) render it and never hard-code a
//! question. A question's id is the JSON path of the `Answers` field it fills, so answers map
//! back generically (see `responses`).

use serde::{Deserialize, Serialize};

use super::answers::{
    FeltAt, MAX_AGE, MAX_AKE_DEG, MAX_BRIDGE_REPS, MAX_DURATION_DAYS, MAX_SLR_DEG, MAX_STRAIN_DAYS,
    MAX_WEEKS_ON_PLAN, MIN_AGE, MeasuredBy, Onset, Posture,
};
use super::texts::text;
use crate::measure::PhoneTest;
use crate::pain::{BodySite, Side};

/// Bumped whenever a question, an option or a condition changes, so stored responses can be
/// matched to the questionnaire they answered.
pub const QUESTIONNAIRE_VERSION: i32 = 2;

/// The whole self-assessment for a shell to render: sections in order, each question with its
/// prompt, help, kind and when it is shown. Built by [`questionnaire`]; never stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Questionnaire {
    /// `QUESTIONNAIRE_VERSION` at build time; saved with each set of responses.
    pub version: i32,
    /// Safety first, then history, then the home tests (CLINICAL.md §1, §2).
    pub sections: Vec<Section>,
}

/// A screen of related questions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    /// Stable id: `safety`, `history` or `tests`.
    pub id: String,
    /// Heading to show, in English.
    pub title: String,
    /// One or two sentences to show under the heading, in English.
    pub intro: String,
    /// The questions in the order to ask them.
    pub questions: Vec<Question>,
}

/// One question: its id is the JSON path of the `Answers` field it fills (`leg_symptoms`,
/// `slr.felt_at`), so a response maps back without a table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    /// The `Answers` path, stable across versions; the key of its response.
    pub id: String,
    /// How to answer it, with the options or the valid range.
    pub kind: QuestionKind,
    /// The question to show, in English.
    pub prompt: String,
    /// How to answer or measure, and why it is asked; may be empty.
    pub help: String,
    /// Empty: always shown. Otherwise shown when ANY of the conditions holds. Conditions only
    /// refer to earlier questions; an answer to a question that is itself hidden counts as no
    /// answer (so a condition may chain, one way, down the list).
    pub shown_when: Vec<Condition>,
    /// The home test the phone's gravity sensor can measure to answer this question
    /// (`crate::measure`), if any: a shell offers its measuring screen beside the typed answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_test: Option<PhoneTest>,
}

/// How a question is answered, tagged by `type` in JSON. `unit` is a stable English unit name
/// (years, days, weeks, out of 10, degrees, reps) that a shell may show as is, translate, or use
/// to pick a widget (degrees: an inclinometer).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum QuestionKind {
    /// Yes or no.
    YesNo,
    /// Exactly one of `options`.
    OneChoice {
        /// The choices, in the order to show them.
        options: Vec<Choice>,
    },
    /// Tick all that apply; none ticked is a valid answer, distinct from skipping.
    SeveralChoices {
        /// The items, in the order to show them.
        options: Vec<Choice>,
    },
    /// One whole number in `min..=max` (inclusive); outside is an error naming the question.
    WholeNumber {
        /// Smallest accepted value.
        min: i32,
        /// Largest accepted value.
        max: i32,
        /// Unit of the value.
        unit: String,
    },
    /// A value for each leg; either may be skipped.
    PerLeg {
        /// Smallest accepted value for either leg.
        min: i32,
        /// Largest accepted value for either leg.
        max: i32,
        /// Unit of the values.
        unit: String,
    },
}

/// One option of a choice question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    /// The snake_case value the response carries (`back_of_thigh`), the `Answers` spelling.
    pub id: String,
    /// The text to show, in English.
    pub label: String,
}

/// When a question is shown, tagged by `type` in JSON. `question` is always an earlier
/// question's id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Condition {
    /// A yes/no question answered yes.
    IsYes {
        /// The yes/no question's id.
        question: String,
    },
    /// A one-choice question answered with `choice`, or a several-choices one with it ticked.
    Chose {
        /// The choice question's id.
        question: String,
        /// The `Choice::id` that must be chosen.
        choice: String,
    },
    /// A several-choices question with at least one tick.
    ChoseAny {
        /// The several-choices question's id.
        question: String,
    },
    /// The opposite of `Chose`: answered otherwise, or not answered (or hidden).
    NotChose {
        /// The choice question's id.
        question: String,
        /// The `Choice::id` that must not be chosen.
        choice: String,
    },
    /// A whole-number question answered with `min` or more.
    AtLeast {
        /// The whole-number question's id.
        question: String,
        /// The smallest answer that shows the question (inclusive).
        min: i32,
    },
}

const YEARS: &str = "years";
const DAYS: &str = "days";
const WEEKS: &str = "weeks";
const OUT_OF_10: &str = "out of 10";
const DEGREES: &str = "degrees";
const REPS: &str = "reps";

/// The current questionnaire (`QUESTIONNAIRE_VERSION`), in English; pure and cheap to build.
pub fn questionnaire() -> Questionnaire {
    Questionnaire { version: QUESTIONNAIRE_VERSION, sections: vec![safety(), history(), tests()] }
}

fn safety() -> Section {
    let any_leg_symptom = || vec![Condition::ChoseAny { question: "leg_symptoms".into() }];
    section(
        "safety",
        vec![
            several("cauda_equina", &["saddle_numbness", "bladder", "bowel", "sexual"]),
            several(
                "leg_symptoms",
                &[
                    "numbness",
                    "pins_and_needles",
                    "weakness",
                    "below_knee_pain_as_bad_as_back",
                    "new_difficulty_walking",
                    "stops_normal_activities",
                ],
            ),
            yes_no("leg_symptoms.both_legs").when(any_leg_symptom()),
            yes_no("leg_symptoms.worsening").when(any_leg_symptom()),
            several(
                "general",
                &[
                    "fever",
                    "unwell",
                    "chest_or_belly_pain",
                    "weight_loss",
                    "past_cancer",
                    "steroids_or_immunosuppressed",
                    "injecting_drugs",
                    "recent_infection",
                    "night_pain",
                    "thoracic_pain",
                    "deformity",
                    "pain_in_several_places",
                ],
            ),
        ],
    )
}

fn history() -> Section {
    let sudden = || vec![chose("onset", Onset::SuddenThighPain.as_str())];
    // The side matters for the leg: a leg site, or nerve symptoms that are somewhere in a leg.
    let mut leg_involved: Vec<Condition> =
        [BodySite::BackOfThigh, BodySite::BehindKnee, BodySite::BelowKnee, BodySite::Foot]
            .iter()
            .map(|s| chose("pain_sites", s.as_str()))
            .collect();
    leg_involved.push(Condition::ChoseAny { question: "leg_symptoms".into() });
    section(
        "history",
        vec![
            number("age", MIN_AGE, MAX_AGE, YEARS),
            number("duration_days", 0, MAX_DURATION_DAYS, DAYS),
            one("onset", &names(Onset::ALL)),
            number("pain_now", 0, 10, OUT_OF_10),
            several("pain_sites", &names(BodySite::ALL)),
            one("pain_side", &names(Side::ALL)).when(leg_involved),
            several("strain", &["pop", "bruising", "gap", "pain_on_contraction"]).when(sudden()),
            yes_no("strain.walks_normally").when(sudden()),
            number("strain.days_since", 0, MAX_STRAIN_DAYS, DAYS).when(sudden()),
            number("strain.heel_dig_pain", 0, 10, OUT_OF_10).when(sudden()),
            several(
                "known",
                &[
                    "disc",
                    "sciatica",
                    "spinal_surgery_12_months",
                    "pregnancy",
                    "osteoporosis",
                    "new_to_exercise",
                ],
            ),
            yes_no("inflammatory.onset_before_45_over_3_months"),
            // Only the count of ticks is stored; the ids just label the eight features.
            several(
                "inflammatory.features",
                &[
                    "wakes_late_at_night",
                    "alternating_buttock_pain",
                    "better_with_movement",
                    "better_with_anti_inflammatories",
                    "family_history",
                    "arthritis",
                    "enthesitis",
                    "psoriasis",
                ],
            )
            .when(vec![Condition::IsYes { question: "inflammatory.onset_before_45_over_3_months".into() }]),
            number("weeks_on_plan_without_improvement", 0, MAX_WEEKS_ON_PLAN, WEEKS),
        ],
    )
}

/// [E: CLINICAL.md §3 G1] Within this many days of a thigh strain, the tests that load the
/// muscle to its limit (the SLR to a firm stretch, the single-leg bridge to failure) are not
/// asked. Their help says why. \[D\] Day 14 itself still counts as within, and a strain whose day
/// is not given counts as fresh: the readings that protect the healing muscle.
pub const STRAIN_TEST_FREE_DAYS: i32 = 14;

/// Shown unless the pain began as a thigh strain within `STRAIN_TEST_FREE_DAYS` (or on a day
/// not given: the safer reading).
fn not_a_fresh_strain() -> Vec<Condition> {
    vec![
        Condition::NotChose { question: "onset".into(), choice: Onset::SuddenThighPain.as_str().into() },
        Condition::AtLeast { question: "strain.days_since".into(), min: STRAIN_TEST_FREE_DAYS + 1 },
    ]
}

fn tests() -> Section {
    // The crossed leg raise only means something with leg symptoms on one side (CLINICAL.md §2).
    let one_side = || vec![chose("pain_side", Side::Left.as_str()), chose("pain_side", Side::Right.as_str())];
    section(
        "tests",
        vec![
            per_leg("slr", MAX_SLR_DEG, DEGREES).when(not_a_fresh_strain()).measured_with(PhoneTest::Slr),
            one("slr.measured_by", &names(MeasuredBy::ALL)).when(not_a_fresh_strain()),
            one("slr.felt_at", &names(FeltAt::ALL)).when(not_a_fresh_strain()),
            yes_no("slr.reproduces_leg_pain").when(not_a_fresh_strain()),
            yes_no("nerve_check").when(not_a_fresh_strain()),
            yes_no("slump"),
            yes_no("crossed_slr").when(one_side()),
            per_leg("ake", MAX_AKE_DEG, DEGREES).measured_with(PhoneTest::Ake),
            several("thomas", &["thigh_above_horizontal", "knee_bend_limited"])
                .measured_with(PhoneTest::Thomas),
            per_leg("bridge", MAX_BRIDGE_REPS, REPS).when(not_a_fresh_strain()),
            number("bridge.pain", 0, 10, OUT_OF_10).when(not_a_fresh_strain()),
            one("posture", &names(Posture::ALL)),
            yes_no("knee_click"),
        ],
    )
}

fn section(id: &str, questions: Vec<Question>) -> Section {
    Section {
        id: id.to_owned(),
        title: text(&format!("section.{id}.title")).to_owned(),
        intro: text(&format!("section.{id}.intro")).to_owned(),
        questions,
    }
}

fn question(id: &str, kind: QuestionKind) -> Question {
    Question {
        id: id.to_owned(),
        kind,
        prompt: text(&format!("{id}.prompt")).to_owned(),
        help: text(&format!("{id}.help")).to_owned(),
        shown_when: Vec::new(),
        phone_test: None,
    }
}

impl Question {
    fn when(self, shown_when: Vec<Condition>) -> Question {
        Question { shown_when, ..self }
    }

    fn measured_with(self, test: PhoneTest) -> Question {
        Question { phone_test: Some(test), ..self }
    }
}

fn yes_no(id: &str) -> Question {
    question(id, QuestionKind::YesNo)
}

fn one(id: &str, choices: &[impl AsRef<str>]) -> Question {
    question(id, QuestionKind::OneChoice { options: options(id, choices) })
}

fn several(id: &str, choices: &[impl AsRef<str>]) -> Question {
    question(id, QuestionKind::SeveralChoices { options: options(id, choices) })
}

fn number(id: &str, min: i32, max: i32, unit: &str) -> Question {
    question(id, QuestionKind::WholeNumber { min, max, unit: unit.to_owned() })
}

fn per_leg(id: &str, max: i32, unit: &str) -> Question {
    question(id, QuestionKind::PerLeg { min: 0, max, unit: unit.to_owned() })
}

fn options(id: &str, choices: &[impl AsRef<str>]) -> Vec<Choice> {
    choices
        .iter()
        .map(|c| {
            let c = c.as_ref();
            Choice { id: c.to_owned(), label: text(&format!("{id}.option.{c}")).to_owned() }
        })
        .collect()
}

/// The snake_case names of a closed set, so options match what `Answers` parses.
fn names<T: ToString>(all: &[T]) -> Vec<String> {
    all.iter().map(T::to_string).collect()
}

fn chose(question: &str, choice: &str) -> Condition {
    Condition::Chose { question: question.to_owned(), choice: choice.to_owned() }
}

impl Questionnaire {
    /// Every question in asking order, across sections.
    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.sections.iter().flat_map(|s| s.questions.iter())
    }

    /// The question with this id (an `Answers` path), if there is one.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions().find(|q| q.id == id)
    }
}

impl QuestionKind {
    /// The options of a choice question; empty for the other kinds.
    pub fn options(&self) -> &[Choice] {
        match self {
            QuestionKind::OneChoice { options } | QuestionKind::SeveralChoices { options } => options,
            _ => &[],
        }
    }
}

impl Condition {
    /// The id of the earlier question this condition reads.
    pub fn question(&self) -> &str {
        match self {
            Condition::IsYes { question }
            | Condition::Chose { question, .. }
            | Condition::ChoseAny { question }
            | Condition::NotChose { question, .. }
            | Condition::AtLeast { question, .. } => question,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::super::texts::TEXTS;
    use super::*;

    #[test]
    fn sections_come_safety_first_then_history_then_tests() {
        let q = questionnaire();
        let ids: Vec<&str> = q.sections.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["safety", "history", "tests"]);
        assert_eq!(q.version, QUESTIONNAIRE_VERSION);
        assert!(q.sections.iter().all(|s| !s.questions.is_empty()));
    }

    #[test]
    fn question_ids_are_unique_and_option_ids_unique_within_a_question() {
        let q = questionnaire();
        let mut seen = BTreeSet::new();
        for question in q.questions() {
            assert!(seen.insert(question.id.as_str()), "{} twice", question.id);
            let options: BTreeSet<&str> = question.kind.options().iter().map(|o| o.id.as_str()).collect();
            assert_eq!(options.len(), question.kind.options().len(), "{}", question.id);
        }
    }

    #[test]
    fn conditions_refer_to_earlier_questions_of_the_right_kind_and_real_choices() {
        let q = questionnaire();
        let all: Vec<&Question> = q.questions().collect();
        for (i, question) in all.iter().enumerate() {
            for condition in &question.shown_when {
                let target = all[..i]
                    .iter()
                    .find(|t| t.id == condition.question())
                    .unwrap_or_else(|| panic!("{}: no earlier {}", question.id, condition.question()));
                match condition {
                    Condition::IsYes { .. } => assert_eq!(target.kind, QuestionKind::YesNo),
                    Condition::Chose { choice, .. } | Condition::NotChose { choice, .. } => {
                        assert!(
                            target.kind.options().iter().any(|o| &o.id == choice),
                            "{}: {choice}",
                            question.id
                        )
                    }
                    Condition::ChoseAny { .. } => {
                        assert!(matches!(target.kind, QuestionKind::SeveralChoices { .. }), "{}", question.id)
                    }
                    Condition::AtLeast { min, .. } => match target.kind {
                        QuestionKind::WholeNumber { min: low, max, .. } => {
                            assert!((low..=max).contains(min), "{}", question.id)
                        }
                        _ => panic!("{}: {} is not a number", question.id, target.id),
                    },
                }
            }
        }
    }

    /// CLINICAL.md §7: texts name no command and no internal id, and ask for no arithmetic.
    #[test]
    fn texts_name_no_command_or_id_and_ask_no_arithmetic() {
        for (key, text) in TEXTS {
            let lower = text.to_lowercase();
            for word in ["limber assess", "--", "minus", "average", "subtract", "add up", "_", "about 75"] {
                assert!(!lower.contains(word), "{key}: {word:?} in {text}");
            }
        }
    }

    #[test]
    fn the_safety_section_asks_fever_unwell_and_chest_or_belly_pain_separately() {
        let q = questionnaire();
        let general: Vec<&str> =
            q.question("general").unwrap().kind.options().iter().map(|o| o.id.as_str()).collect();
        for id in ["fever", "unwell", "chest_or_belly_pain"] {
            assert!(general.contains(&id), "{id}");
        }
        assert!(!general.contains(&"fever_or_unwell"));
        let walking = text("leg_symptoms.option.new_difficulty_walking").to_lowercase();
        assert!(walking.contains("not a limp"), "{walking}");
        assert!(text("cauda_equina.prompt").contains("last few days"));
    }

    #[test]
    fn crossed_slr_is_shown_with_one_sided_leg_symptoms_only() {
        let q = questionnaire();
        assert_eq!(
            q.question("crossed_slr").unwrap().shown_when,
            [
                Condition::Chose { question: "pain_side".into(), choice: "left".into() },
                Condition::Chose { question: "pain_side".into(), choice: "right".into() },
            ]
        );
    }

    /// The shells offer the phone's measuring screen where the core says, not by keying on ids.
    #[test]
    fn the_phone_measures_the_slr_the_knee_extension_and_the_thomas_test() {
        let q = questionnaire();
        let measured: Vec<(&str, PhoneTest)> = q
            .sections
            .iter()
            .flat_map(|s| &s.questions)
            .filter_map(|q| q.phone_test.map(|t| (q.id.as_str(), t)))
            .collect();
        assert_eq!(
            measured,
            [("slr", PhoneTest::Slr), ("ake", PhoneTest::Ake), ("thomas", PhoneTest::Thomas)]
        );
        // The angles a phone gives fit the typed answer's range.
        for id in ["slr", "ake"] {
            assert!(matches!(q.question(id).unwrap().kind, QuestionKind::PerLeg { .. }), "{id}");
        }
    }

    #[test]
    fn the_strain_limited_tests_say_why_in_their_help() {
        let q = questionnaire();
        for id in ["slr", "bridge"] {
            let question = q.question(id).unwrap();
            assert_eq!(question.shown_when, not_a_fresh_strain(), "{id}");
            assert!(question.help.contains("two weeks"), "{id}: {}", question.help);
        }
        let ake = q.question("ake").unwrap();
        assert!(ake.shown_when.is_empty());
        assert!(ake.help.contains("gentle"), "{}", ake.help);
    }

    #[test]
    fn every_text_is_present_and_every_table_entry_is_used() {
        let q = questionnaire();
        let mut used = BTreeSet::new();
        for s in &q.sections {
            assert!(!s.title.is_empty() && !s.intro.is_empty(), "section {}", s.id);
            used.insert(format!("section.{}.title", s.id));
            used.insert(format!("section.{}.intro", s.id));
            for question in &s.questions {
                assert!(!question.prompt.is_empty() && !question.help.is_empty(), "{}", question.id);
                used.insert(format!("{}.prompt", question.id));
                used.insert(format!("{}.help", question.id));
                for o in question.kind.options() {
                    assert!(!o.label.is_empty(), "{}.option.{}", question.id, o.id);
                    used.insert(format!("{}.option.{}", question.id, o.id));
                }
            }
        }
        let table: Vec<String> = TEXTS.iter().map(|(k, _)| (*k).to_owned()).collect();
        assert_eq!(table.len(), table.iter().collect::<BTreeSet<_>>().len(), "a key appears twice");
        assert_eq!(table.into_iter().collect::<BTreeSet<_>>(), used);
    }

    #[test]
    fn strain_and_side_and_follow_up_questions_are_conditional() {
        let q = questionnaire();
        for id in ["strain", "strain.walks_normally", "strain.days_since", "strain.heel_dig_pain"] {
            assert_eq!(
                q.question(id).unwrap().shown_when,
                [Condition::Chose { question: "onset".into(), choice: "sudden_thigh_pain".into() }]
            );
        }
        assert!(!q.question("pain_side").unwrap().shown_when.is_empty());
        assert!(!q.question("inflammatory.features").unwrap().shown_when.is_empty());
        assert!(q.question("age").unwrap().shown_when.is_empty());
    }

    #[test]
    fn serializes_with_snake_case_type_tags_and_round_trips() {
        let q = questionnaire();
        let json = serde_json::to_string(&q).unwrap();
        assert!(json.contains(r#""kind":{"type":"per_leg","min":0,"max":120,"unit":"degrees"}"#));
        assert!(json.contains(r#"{"type":"yes_no"}"#));
        assert!(json.contains(r#"{"type":"chose_any","question":"leg_symptoms"}"#));
        let back: Questionnaire = serde_json::from_str(&json).unwrap();
        assert_eq!(back, q);
    }
}
