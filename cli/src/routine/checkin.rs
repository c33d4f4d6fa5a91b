//! `limber check-in`: with flags, or asked exercise by exercise.

use std::io::{BufRead, Write};
use std::path::PathBuf;

use clap::Args;
use limber_core::Error;
use limber_core::catalog::ExerciseId;
use limber_core::routine::checkin::{CheckInInput, ExerciseCheckIn, SkipReason};
use limber_core::routine::progression::DoseChange;
use limber_core::routine::today::SessionState;
use limber_core::routine::{PlanStatus, PlannedExercise};

use crate::ask::{Reading, Step, number, read_answer, yes_no};
use crate::clock::Clock;
use crate::{CliResult, db, print_json};

#[derive(Args)]
pub struct CheckInArgs {
    /// Which session, 1 or 2 [default: the first one not checked in today].
    #[arg(long, alias = "slot")]
    session: Option<i32>,
    /// An exercise done and the pain during it, 0-10: ID=PAIN (e.g. bridge=2). Repeat.
    #[arg(long = "done", value_name = "ID=PAIN")]
    done: Vec<String>,
    /// Every exercise of the session done, with this pain during it.
    #[arg(long, value_name = "PAIN", conflicts_with = "done")]
    all_done: Option<i32>,
    /// An exercise skipped and why: ID=REASON (no_time, too_painful, no_equipment, not_today, other).
    #[arg(long = "skip", value_name = "ID=REASON")]
    skip: Vec<String>,
    /// An exercise during which symptoms spread down the leg. Repeat.
    #[arg(long = "spread", value_name = "ID")]
    spread: Vec<String>,
    /// Pain before the session, 0-10.
    #[arg(long)]
    pain_before: Option<i32>,
    /// Pain after the session, 0-10.
    #[arg(long)]
    pain_after: Option<i32>,
    #[arg(long)]
    note: Option<String>,
    #[arg(long)]
    json: bool,
}

pub fn run(db: Option<PathBuf>, clock: Clock, args: CheckInArgs, out: &mut impl Write) -> CliResult {
    let mut store = db::open_at(db, &clock)?;
    let today = store.today(clock.now, &clock.tz)?;
    // No session outside `active` (CLINICAL.md §8): one line naming the status, non-zero exit.
    if today.status != PlanStatus::Active {
        return Err(today.status.refusal().into());
    }
    let slot = match args.session {
        Some(slot) => slot,
        None => today
            .sessions
            .iter()
            .find(|s| s.state != SessionState::Done)
            .map(|s| s.session)
            .ok_or(Error::NotNow("every session today is already checked in"))?,
    };
    let planned: Vec<PlannedExercise> = today
        .plan
        .sessions
        .iter()
        .find(|s| s.session == slot)
        .map(|s| s.exercises.clone())
        .unwrap_or_default();
    let interactive = args.done.is_empty() && args.skip.is_empty() && args.all_done.is_none();
    let mut input = if interactive {
        ask(&planned, &mut std::io::stdin().lock(), &mut std::io::stderr())?
    } else {
        from_flags(&args, &planned)?
    };
    input.session = slot;
    input.at = clock.now;
    input.pain_before = input.pain_before.or(args.pain_before);
    input.pain_after = input.pain_after.or(args.pain_after);
    input.note = input.note.or(args.note);
    let outcome = store.check_in(input, &clock.tz)?;
    if args.json {
        return print_json(out, &outcome);
    }
    writeln!(out, "Checked in session {} of {}.", outcome.session, outcome.date)?;
    for line in &outcome.message {
        writeln!(out, "STOP: {line}")?;
    }
    print_changes(&outcome.changes, out)
}

pub fn print_changes(changes: &[DoseChange], out: &mut impl Write) -> CliResult {
    for c in changes {
        let name = &limber_core::catalog::exercise(c.to.exercise).name;
        let dose = if c.from == c.to {
            c.to.dose.summary()
        } else {
            let from = &limber_core::catalog::exercise(c.from.exercise).name;
            format!("{from} {} → {name} {}", c.from.dose.summary(), c.to.dose.summary())
        };
        writeln!(out, "  {name}: {} ({dose}). {}", c.decision, c.reason)?;
    }
    Ok(())
}

fn pair<'a>(field: &str, text: &'a str, what: &str) -> CliResult<(ExerciseId, &'a str)> {
    let (id, value) = text.split_once('=').ok_or_else(|| Error::invalid(field, format!("ID={what}")))?;
    Ok((ExerciseId::parse(&format!("{field}.exercise"), id.trim())?, value.trim()))
}

fn from_flags(args: &CheckInArgs, planned: &[PlannedExercise]) -> CliResult<CheckInInput> {
    let mut exercises = Vec::new();
    if let Some(pain) = args.all_done {
        for p in planned {
            exercises.push(ExerciseCheckIn {
                pain_during: Some(pain),
                ..ExerciseCheckIn::untouched(p.exercise, true)
            });
        }
    }
    for (i, text) in args.done.iter().enumerate() {
        let field = format!("done[{i}]");
        let (id, pain) = pair(&field, text, "PAIN")?;
        let pain = pain
            .parse()
            .map_err(|_| Error::invalid(format!("{field}.pain"), "a whole number from 0 to 10"))?;
        exercises.push(ExerciseCheckIn { pain_during: Some(pain), ..ExerciseCheckIn::untouched(id, true) });
    }
    for (i, text) in args.skip.iter().enumerate() {
        let field = format!("skip[{i}]");
        let (id, reason) = pair(&field, text, "REASON")?;
        let reason = SkipReason::parse(&format!("{field}.reason"), reason)?;
        exercises
            .push(ExerciseCheckIn { skip_reason: Some(reason), ..ExerciseCheckIn::untouched(id, false) });
    }
    for (i, id) in args.spread.iter().enumerate() {
        let id = ExerciseId::parse(&format!("spread[{i}]"), id.trim())?;
        let e = exercises
            .iter_mut()
            .find(|e| e.exercise == id && e.done)
            .ok_or_else(|| Error::invalid(format!("spread[{i}]"), "an exercise also given with --done"))?;
        e.symptoms_spread = true;
    }
    Ok(CheckInInput {
        session: 1,
        at: chrono::DateTime::UNIX_EPOCH,
        pain_before: None,
        pain_after: None,
        exercises,
        note: None,
    })
}

/// Asks about each planned exercise; questions go to stderr so `--json` stays clean.
fn ask(
    planned: &[PlannedExercise],
    input: &mut impl BufRead,
    out: &mut impl Write,
) -> CliResult<CheckInInput> {
    let yes_no_help = Reading { hint: "y or n", help: "Answer y for yes or n for no.", required: true };
    let pain_help = Reading {
        hint: "a whole number from 0 (none) to 10 (worst)",
        help: "How much did it hurt during the exercise?",
        required: false,
    };
    let reasons: Vec<String> = SkipReason::ALL.iter().map(|r| r.as_str().replace('_', " ")).collect();
    let reason_hint = format!("a number from 1 to {}", reasons.len());
    let reason_help = Reading { hint: &reason_hint, help: "Why was it skipped?", required: true };
    let mut exercises = Vec::new();
    if planned.is_empty() {
        return Err(Error::NotNow("there is no session to check in today").into());
    }
    for p in planned {
        writeln!(out, "\n{}: {}", p.name, p.dose.summary())?;
        writeln!(out, "Did you do it? (y/n)")?;
        let Step::Answer(done) = read_answer(input, out, "", &yes_no_help, yes_no)? else { break };
        if done {
            writeln!(out, "Pain during it, 0-10 (Enter to skip)?")?;
            let pain = match read_answer(input, out, "", &pain_help, |l| number(l, 0, 10))? {
                Step::Answer(p) => Some(p),
                Step::Skip => None,
                Step::End => break,
            };
            writeln!(out, "Did symptoms spread down the leg, or numbness or weakness appear? (y/n)")?;
            let Step::Answer(spread) = read_answer(input, out, "", &yes_no_help, yes_no)? else { break };
            exercises.push(ExerciseCheckIn {
                pain_during: pain,
                symptoms_spread: spread,
                ..ExerciseCheckIn::untouched(p.exercise, true)
            });
        } else {
            for (i, r) in reasons.iter().enumerate() {
                writeln!(out, "  {}. {r}", i + 1)?;
            }
            let Step::Answer(n) =
                read_answer(input, out, "", &reason_help, |l| number(l, 1, reasons.len() as i32))?
            else {
                break;
            };
            let reason = SkipReason::ALL[(n - 1) as usize];
            exercises.push(ExerciseCheckIn {
                skip_reason: Some(reason),
                ..ExerciseCheckIn::untouched(p.exercise, false)
            });
        }
    }
    Ok(CheckInInput {
        session: 1,
        at: chrono::DateTime::UNIX_EPOCH,
        pain_before: None,
        pain_after: None,
        exercises,
        note: None,
    })
}
