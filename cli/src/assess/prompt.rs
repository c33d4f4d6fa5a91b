//! The self-assessment as a line-based terminal wizard. Plain lines in, plain lines out, so it
//! works over pipes and with screen readers, and tests can script it. Questions come from the
//! core's questionnaire; nothing here knows what a question means, except that age is required.

use std::io::{self, BufRead, Write};

use limber_core::assessment::questionnaire::{Choice, Question, QuestionKind, Questionnaire};
use limber_core::assessment::responses::{Response, ResponseValue, is_shown};

use crate::ask::{Reading, Step, number, read_answer, yes_no};

/// The one question that cannot be skipped: without it there is no assessment.
const REQUIRED: &str = "age";

/// Asks every question that is shown given the answers so far, in order. Invalid input is asked
/// again; an empty line skips; end of input returns what was collected for the caller to check.
pub fn ask(
    q: &Questionnaire,
    input: &mut (impl BufRead + ?Sized),
    out: &mut (impl Write + ?Sized),
) -> io::Result<Vec<Response>> {
    let mut responses = Vec::new();
    for section in &q.sections {
        let mut introduced = false;
        for question in &section.questions {
            if !is_shown(q, question, &responses) {
                continue;
            }
            if !introduced {
                writeln!(out, "\n== {} ==\n{}", section.title, section.intro)?;
                introduced = true;
            }
            match ask_one(question, input, out)? {
                Step::Answer(value) => responses.push(Response { question_id: question.id.clone(), value }),
                Step::Skip => {}
                Step::End => return Ok(responses),
            }
        }
    }
    Ok(responses)
}

fn ask_one(
    question: &Question,
    input: &mut (impl BufRead + ?Sized),
    out: &mut (impl Write + ?Sized),
) -> io::Result<Step<ResponseValue>> {
    writeln!(out, "\n{}", question.prompt)?;
    for (n, option) in question.kind.options().iter().enumerate() {
        writeln!(out, "  {}. {}", n + 1, option.label)?;
    }
    let required = question.id == REQUIRED;
    let hint = hint(&question.kind);
    let skip = if required { "" } else { ", or press Enter to skip" };
    writeln!(out, "Answer with {hint}{skip}. Type ? for help.")?;
    let how = Reading { hint: &hint, help: &question.help, required };
    Ok(match &question.kind {
        QuestionKind::YesNo => {
            read_answer(input, out, "", &how, yes_no)?.map(|value| ResponseValue::YesNo { value })
        }
        QuestionKind::OneChoice { options } => {
            read_answer(input, out, "", &how, |l| pick(options, l))?.map(|id| ResponseValue::Choice { id })
        }
        QuestionKind::SeveralChoices { options } => {
            read_answer(input, out, "", &how, |l| pick_several(options, l))?
                .map(|ids| ResponseValue::Choices { ids })
        }
        QuestionKind::WholeNumber { min, max, .. } => {
            read_answer(input, out, "", &how, |l| number(l, *min, *max))?
                .map(|value| ResponseValue::Number { value })
        }
        QuestionKind::PerLeg { min, max, .. } => {
            let leg = |line: &str| number(line, *min, *max);
            let Some(left) = read_answer(input, out, "left leg ", &how, leg)?.unless_end() else {
                return Ok(Step::End);
            };
            let Some(right) = read_answer(input, out, "right leg ", &how, leg)?.unless_end() else {
                return Ok(Step::End);
            };
            if left.is_none() && right.is_none() {
                Step::Skip
            } else {
                Step::Answer(ResponseValue::PerLeg { left, right })
            }
        }
    })
}

fn hint(kind: &QuestionKind) -> String {
    match kind {
        QuestionKind::YesNo => "y or n".to_owned(),
        QuestionKind::OneChoice { options } => format!("a number from 1 to {}", options.len()),
        QuestionKind::SeveralChoices { options } => {
            format!("numbers from 1 to {} separated by commas (none if nothing applies)", options.len())
        }
        QuestionKind::WholeNumber { min, max, unit } | QuestionKind::PerLeg { min, max, unit } => {
            format!("a whole number from {min} to {max} ({unit})")
        }
    }
}

fn pick(options: &[Choice], line: &str) -> Option<String> {
    let n: usize = line.parse().ok()?;
    options.get(n.checked_sub(1)?).map(|o| o.id.clone())
}

/// Commas or spaces separate the numbers; a number given twice counts once.
fn pick_several(options: &[Choice], line: &str) -> Option<Vec<String>> {
    if line.eq_ignore_ascii_case("none") {
        return Some(Vec::new());
    }
    let mut ids: Vec<String> = Vec::new();
    for part in line.split(|c: char| c == ',' || c.is_whitespace()).filter(|p| !p.is_empty()) {
        let id = pick(options, part)?;
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    (!ids.is_empty()).then_some(ids)
}

#[cfg(test)]
mod tests {
    use std::io::Cursor;

    use limber_core::assessment::questionnaire::questionnaire;
    use limber_core::assessment::responses::answers_from_responses;

    use super::*;

    fn run(script: &str) -> (Vec<Response>, String) {
        let mut out = Vec::new();
        let responses = ask(&questionnaire(), &mut Cursor::new(script.as_bytes()), &mut out).unwrap();
        (responses, String::from_utf8(out).unwrap())
    }

    fn ids(responses: &[Response]) -> Vec<&str> {
        responses.iter().map(|r| r.question_id.as_str()).collect()
    }

    fn value<'a>(responses: &'a [Response], id: &str) -> Option<&'a ResponseValue> {
        responses.iter().find(|r| r.question_id == id).map(|r| &r.value)
    }

    fn strings(ids: &[&str]) -> Vec<String> {
        ids.iter().map(|s| (*s).to_owned()).collect()
    }

    /// Every visible question answered, one line each (two for a per-leg question).
    const FULL: &str = concat!(
        "none\n1,2\nn\ny\n9\n",                               // safety
        "45\n30\n3\n5\n1 3\n2\n1\ny\n20\n1\n1\nn\n3\n",       // history, with strain
        "61\n\n1\n1\nn\nn\nn\n\n20\n22\n\n15\n17\n0\n3\nn\n", // tests
    );

    #[test]
    fn a_full_run_answers_every_kind_and_converts_to_answers() {
        let (responses, out) = run(FULL);
        assert_eq!(value(&responses, "cauda_equina"), Some(&ResponseValue::Choices { ids: vec![] }));
        assert_eq!(
            value(&responses, "leg_symptoms"),
            Some(&ResponseValue::Choices { ids: strings(&["numbness", "pins_and_needles"]) })
        );
        assert_eq!(value(&responses, "leg_symptoms.both_legs"), Some(&ResponseValue::YesNo { value: false }));
        assert_eq!(value(&responses, "age"), Some(&ResponseValue::Number { value: 45 }));
        assert_eq!(
            value(&responses, "onset"),
            Some(&ResponseValue::Choice { id: "sudden_thigh_pain".into() })
        );
        assert_eq!(
            value(&responses, "pain_sites"),
            Some(&ResponseValue::Choices { ids: strings(&["low_back", "back_of_thigh"]) })
        );
        assert_eq!(value(&responses, "pain_side"), Some(&ResponseValue::Choice { id: "right".into() }));
        assert_eq!(value(&responses, "strain.days_since"), Some(&ResponseValue::Number { value: 20 }));
        assert_eq!(
            value(&responses, "general"),
            Some(&ResponseValue::Choices { ids: strings(&["night_pain"]) })
        );
        assert_eq!(value(&responses, "slr"), Some(&ResponseValue::PerLeg { left: Some(61), right: None }));
        assert_eq!(value(&responses, "crossed_slr"), None);
        assert_eq!(
            value(&responses, "ake"),
            Some(&ResponseValue::PerLeg { left: Some(20), right: Some(22) })
        );
        assert_eq!(value(&responses, "thomas"), None);
        assert_eq!(value(&responses, "knee_click"), Some(&ResponseValue::YesNo { value: false }));
        assert_eq!(out.matches("== Safety check ==").count(), 1);
        assert!(out.find("== Safety check ==") < out.find("== Your back pain =="));
        let answers = answers_from_responses(&questionnaire(), &responses).unwrap();
        assert_eq!(answers.age, 45);
        assert_eq!(answers.bridge.unwrap().left_reps, Some(15));
    }

    #[test]
    fn bad_input_is_asked_again_with_a_hint_naming_the_range() {
        let (responses, out) = run("none\nnone\nnone\n12\nforty\n101\n\n40\n");
        assert_eq!(value(&responses, "age"), Some(&ResponseValue::Number { value: 40 }));
        assert_eq!(
            out.matches("Please enter a whole number from 16 to 100 (years), or ? for help.").count(),
            3
        );
        assert!(out.contains("An answer is needed: a whole number from 16 to 100 (years)."));
        let (responses, out) = run("7\n0\n1,9\nmaybe\nnone\n");
        assert_eq!(ids(&responses), ["cauda_equina"]);
        assert_eq!(
            out.matches("Please enter numbers from 1 to 4 separated by commas (none if nothing applies)")
                .count(),
            4
        );
    }

    #[test]
    fn empty_lines_skip_optional_questions() {
        let (responses, _) = run("\n\n\n50\n\n\n\n\n\n\n");
        assert_eq!(ids(&responses), ["age"]);
    }

    #[test]
    fn strain_questions_appear_only_after_sudden_thigh_pain() {
        let history = |onset: &str| format!("none\nnone\nnone\n30\n\n{onset}\n\n\n");
        let (_, gradual) = run(&history("4"));
        assert!(!gradual.contains("When the thigh pain began"));
        let (responses, sudden) = run(&format!("{}1,2\nn\n", history("3")));
        assert!(sudden.contains("When the thigh pain began"));
        assert_eq!(
            value(&responses, "strain"),
            Some(&ResponseValue::Choices { ids: strings(&["pop", "bruising"]) })
        );
        assert_eq!(value(&responses, "strain.walks_normally"), Some(&ResponseValue::YesNo { value: false }));
    }

    #[test]
    fn leg_follow_ups_appear_only_after_a_leg_symptom() {
        let (_, none) = run("none\nnone\n");
        assert!(!none.contains("Are these in both legs?"));
        let (responses, some) = run("none\n3\ny\n");
        assert!(some.contains("Are these in both legs?"));
        assert_eq!(value(&responses, "leg_symptoms.both_legs"), Some(&ResponseValue::YesNo { value: true }));
    }

    #[test]
    fn within_two_weeks_of_a_thigh_strain_the_leg_raise_and_bridge_are_not_asked() {
        // Safety, then age, duration, sudden thigh pain, pain, thigh site, left side, strain
        // ticks, walking, help then 5 days ago, heel dig, known, inflammatory, weeks; then the tests.
        let script = "none\nnone\nnone\n30\n5\n3\n4\n3\n1\nnone\ny\n?\n5\n1\nnone\nn\n0\nn\nn\n10\n12\n";
        let (responses, out) = run(script);
        assert!(!out.contains("Straight leg raise"), "{out}");
        assert!(!out.contains("Single-leg bridge"), "{out}");
        assert!(out.contains("two of the home tests are left out"), "{out}");
        assert_eq!(value(&responses, "slump"), Some(&ResponseValue::YesNo { value: false }));
        assert_eq!(value(&responses, "crossed_slr"), Some(&ResponseValue::YesNo { value: false }));
        assert_eq!(
            value(&responses, "ake"),
            Some(&ResponseValue::PerLeg { left: Some(10), right: Some(12) })
        );
    }

    #[test]
    fn a_question_mark_shows_the_help_and_asks_again() {
        let help = questionnaire().question("cauda_equina").unwrap().help.clone();
        let (responses, out) = run("?\n2\n");
        assert!(out.contains(&help));
        assert_eq!(
            value(&responses, "cauda_equina"),
            Some(&ResponseValue::Choices { ids: strings(&["bladder"]) })
        );
    }

    #[test]
    fn end_of_input_returns_what_was_collected_without_a_half_answered_leg_question() {
        let (responses, _) = run("none\nnone\nnone\n40");
        assert_eq!(ids(&responses), ["cauda_equina", "leg_symptoms", "general", "age"]);
        let upto_slr_left = FULL.split_inclusive('\n').take(19).collect::<String>();
        let (responses, _) = run(&upto_slr_left);
        assert!(value(&responses, "slr").is_none());
        assert_eq!(ids(&run("").0), Vec::<&str>::new());
    }

    #[test]
    fn garbage_bytes_are_refused_not_fatal() {
        let mut out = Vec::new();
        let script: &[u8] = b"\xff\xfe\n\x00\nnone\n";
        let responses = ask(&questionnaire(), &mut Cursor::new(script), &mut out).unwrap();
        assert_eq!(ids(&responses), ["cauda_equina"]);
    }
}
