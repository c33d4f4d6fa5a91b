//! `limber assess`: the self-assessment, asked in the terminal or read from a JSON file.

use std::io::{BufRead, Read, Write};
use std::path::PathBuf;

use clap::Args;
use limber_core::assessment::questionnaire::questionnaire;
use limber_core::assessment::responses::answers_from_responses;
use limber_core::assessment::{Answers, AssessmentResult, Tier, evaluate};
use limber_core::zone::{offset_minutes, parse_tz};
use limber_core::{Error, Limber};

use super::prompt;
use crate::clock::Clock;
use crate::{CliError, CliResult, db};

/// Answers files are small; anything larger is a mistake or hostile.
const MAX_ANSWERS_BYTES: u64 = 1 << 20;

#[derive(Args)]
pub struct AssessArgs {
    /// Read answers from a JSON file (`-` for standard input) instead of asking.
    #[arg(long, value_name = "FILE")]
    answers: Option<PathBuf>,
    /// Print the result as JSON.
    #[arg(long)]
    json: bool,
    /// Evaluate without saving.
    #[arg(long)]
    dry_run: bool,
    /// Print the questionnaire as JSON (for shells and translators) and exit.
    #[arg(long, conflicts_with_all = ["answers", "dry_run"])]
    questionnaire: bool,
}

pub fn run(db: Option<PathBuf>, clock: Clock, args: AssessArgs, out: &mut impl Write) -> CliResult {
    if args.questionnaire {
        serde_json::to_writer_pretty(&mut *out, &questionnaire())?;
        writeln!(out)?;
        return Ok(());
    }
    let answers = match &args.answers {
        Some(path) => read_answers(path)?,
        None => ask()?,
    };
    let (result, saved_note) = if args.dry_run {
        (evaluate(&answers), "Not saved (--dry-run).".to_owned())
    } else {
        let mut store: Limber = db::open(db)?;
        let tz = parse_tz("tz", &clock.tz)?;
        let saved = store.submit_assessment(answers, clock.now, offset_minutes(tz, clock.now))?;
        let due = saved.retest_due_at().with_timezone(&tz).format("%Y-%m-%d");
        (saved.result, format!("Saved. Re-test your flexibility and strength on {due}."))
    };
    if args.json {
        serde_json::to_writer_pretty(&mut *out, &result)?;
        writeln!(out)?;
    } else {
        print_result(&result, out)?;
        writeln!(out, "\n{saved_note}")?;
    }
    Ok(())
}

fn read_answers(path: &PathBuf) -> CliResult<Answers> {
    let mut text = String::new();
    let too_big = || Error::invalid("answers", "a JSON file of at most 1 MiB");
    let read = if path.as_os_str() == "-" {
        std::io::stdin().lock().take(MAX_ANSWERS_BYTES + 1).read_to_string(&mut text)
    } else {
        std::fs::File::open(path).and_then(|f| f.take(MAX_ANSWERS_BYTES + 1).read_to_string(&mut text))
    };
    read.map_err(|e| CliError::Usage(format!("cannot read {}: {e}", path.display())))?;
    if text.len() as u64 > MAX_ANSWERS_BYTES {
        return Err(too_big().into());
    }
    Ok(Answers::from_json(&text)?)
}

/// Asks on the terminal. Questions go to stderr so `--json` output stays clean.
fn ask() -> CliResult<Answers> {
    let q = questionnaire();
    let responses =
        prompt::ask(&q, &mut std::io::stdin().lock() as &mut dyn BufRead, &mut std::io::stderr())?;
    Ok(answers_from_responses(&q, &responses)?)
}

fn print_result(r: &AssessmentResult, out: &mut impl Write) -> CliResult {
    let verdict = match r.triage.tier {
        Tier::Emergency => "EMERGENCY: get medical help now.",
        Tier::Urgent => "URGENT: see a doctor today.",
        Tier::Soon => "See a doctor within 1-2 weeks; a gentle routine can start meanwhile.",
        Tier::NoFlags if r.plan_allowed => "No warning signs found.",
        Tier::NoFlags if !r.missing.is_empty() => {
            "Answer the safety questions first: no exercises until then."
        }
        Tier::NoFlags => "Not enough answers to suggest exercises.",
    };
    writeln!(out, "{verdict}")?;
    for flag in &r.triage.flags {
        writeln!(out, "  ! {} ({}): {}", words(&flag.id), flag.tier, flag.reason)?;
    }
    if r.plan_allowed {
        for gate in &r.gates {
            writeln!(out, "\nTake care ({}): {}", words(gate.id.as_str()), gate.reason)?;
        }
        for pattern in &r.patterns {
            writeln!(
                out,
                "\n{} ({}): {}",
                capital(&words(pattern.id.as_str())),
                pattern.confidence,
                pattern.reason
            )?;
        }
        if !r.excluded_exercises.is_empty() {
            let names: Vec<String> = r.excluded_exercises.iter().map(|e| words(e.as_str())).collect();
            writeln!(out, "\nLeft out of your routine: {}.", names.join(", "))?;
        }
        if r.cauda_equina_card {
            writeln!(
                out,
                "\nWarning card: numbness between the legs, or new trouble with bladder or bowel control, means emergency care straight away."
            )?;
        }
    }
    writeln!(out, "\nWhat this means:")?;
    for line in &r.explanation {
        writeln!(out, "  {line}")?;
    }
    writeln!(out, "\nNext steps:")?;
    for (i, step) in r.next_steps.iter().enumerate() {
        writeln!(out, "  {}. {step}", i + 1)?;
    }
    Ok(())
}

fn words(id: &str) -> String {
    id.replace('_', " ")
}

fn capital(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}
