//! The routine commands: today, plan, check-in, morning, exercises and the routine settings.

mod checkin;
mod show;

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, Subcommand};
use limber_core::calendar::{DayOfWeek, LocalTime};
use limber_core::catalog::{Equipment, ExerciseId, catalog, exercise};
use limber_core::zone::{local_date, parse_tz};

use crate::clock::Clock;
use crate::{CliResult, db, print_json};

pub use checkin::CheckInArgs;

#[derive(Subcommand)]
pub enum RoutineCommand {
    /// What to do today, what is done, and what is next (the default command).
    Today {
        #[arg(long)]
        json: bool,
    },
    /// The plan for a day: sessions, exercises and doses.
    Plan {
        /// The local date [default: today].
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Record a session: what you did, how much it hurt, and whether symptoms spread.
    CheckIn(CheckInArgs),
    /// Record pain on waking, the morning after a session (0-10).
    Morning {
        #[arg(long, allow_hyphen_values = true)]
        pain: i32,
        #[arg(long)]
        json: bool,
    },
    /// The exercises: all, or one in full with its steps.
    Exercises {
        id: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Show or change the routine: session times, strength days, equipment, foam rolling.
    Routine(RoutineArgs),
}

#[derive(Args)]
pub struct RoutineArgs {
    /// One or two session times, e.g. 08:00 or 08:00,18:30.
    #[arg(long, value_delimiter = ',')]
    times: Option<Vec<String>>,
    /// Two or three strength days, e.g. mon,wed,fri.
    #[arg(long, value_delimiter = ',')]
    strength_days: Option<Vec<String>>,
    /// What you have: chair, band_or_towel, wall, foam_roller, anchor (or none).
    #[arg(long, value_delimiter = ',')]
    equipment: Option<Vec<String>>,
    /// Foam rolling before stretching: on or off.
    #[arg(long, value_parser = ["on", "off"])]
    release: Option<String>,
    #[arg(long)]
    json: bool,
}

pub fn run(db: Option<PathBuf>, clock: Clock, command: RoutineCommand, out: &mut impl Write) -> CliResult {
    match command {
        RoutineCommand::Today { json } => {
            let today = db::open_at(db, &clock)?.today(clock.now, &clock.tz)?;
            if json { print_json(out, &today) } else { show::today(&today, out) }
        }
        RoutineCommand::Plan { date, json } => {
            let store = db::open(db)?;
            let today = local_date(parse_tz("tz", &clock.tz)?, clock.now);
            let date = match date {
                Some(d) => chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d")
                    .map_err(|_| limber_core::Error::invalid("date", "a date as YYYY-MM-DD"))?,
                None => today,
            };
            // Today's plan is the one `today` shows, with the cards that depend on the moment
            // (a physiotherapist, a re-test); another day has only the plan itself.
            let plan =
                if date == today { store.today(clock.now, &clock.tz)?.plan } else { store.day_plan(date)? };
            if json { print_json(out, &plan) } else { show::plan(&plan, out) }
        }
        RoutineCommand::CheckIn(args) => checkin::run(db, clock, args, out),
        RoutineCommand::Morning { pain, json } => {
            let outcome = db::open_at(db, &clock)?.morning_check(pain, clock.now, &clock.tz)?;
            if json {
                return print_json(out, &outcome);
            }
            let usual = outcome.usual.map(|u| format!(" (your usual is about {u:.0})")).unwrap_or_default();
            writeln!(out, "Recorded pain on waking: {pain}/10{usual}.")?;
            if outcome.worse_than_usual {
                writeln!(out, "That is well above your usual, so yesterday's exercises step down a little.")?;
            }
            checkin::print_changes(&outcome.changes, out)
        }
        RoutineCommand::Exercises { id, json } => exercises(id, json, out),
        RoutineCommand::Routine(args) => routine(db, args, out),
    }
}

fn exercises(id: Option<String>, json: bool, out: &mut impl Write) -> CliResult {
    let Some(id) = id else {
        if json {
            return print_json(out, &catalog());
        }
        for e in catalog() {
            writeln!(out, "{:<24} {:<10} {}: {}", e.id, e.category, e.name, e.dose.summary())?;
        }
        return Ok(());
    };
    let e = exercise(ExerciseId::parse("exercise", &id)?);
    if json {
        return print_json(out, e);
    }
    writeln!(out, "{} ({}, {})\nFor: {}\nDose: {}", e.name, e.id, e.category, e.targets, e.dose.summary())?;
    for (i, step) in e.steps.iter().enumerate() {
        writeln!(out, "  {}. {step}", i + 1)?;
    }
    if !e.equipment.is_empty() {
        let kit: Vec<&str> = e.equipment.iter().map(|q| q.as_str()).collect();
        writeln!(out, "You need: {}", kit.join(", "))?;
    }
    for caution in &e.cautions {
        writeln!(out, "Take care: {caution}")?;
    }
    Ok(())
}

fn routine(db: Option<PathBuf>, args: RoutineArgs, out: &mut impl Write) -> CliResult {
    let mut store = db::open(db)?;
    let mut settings = store.routine_settings()?;
    let changing = args.times.is_some()
        || args.strength_days.is_some()
        || args.equipment.is_some()
        || args.release.is_some();
    if let Some(times) = args.times {
        settings.session_times = times
            .iter()
            .enumerate()
            .map(|(i, t)| LocalTime::parse(&format!("times[{i}]"), t))
            .collect::<Result<_, _>>()?;
    }
    if let Some(days) = args.strength_days {
        settings.strength_days = days
            .iter()
            .enumerate()
            .map(|(i, d)| DayOfWeek::parse(&format!("strength_days[{i}]"), d.trim()))
            .collect::<Result<_, _>>()?;
    }
    if let Some(kit) = args.equipment {
        settings.equipment = kit
            .iter()
            .filter(|k| k.trim() != "none")
            .enumerate()
            .map(|(i, k)| Equipment::parse(&format!("equipment[{i}]"), k.trim()))
            .collect::<Result<_, _>>()?;
    }
    if let Some(release) = args.release {
        settings.include_release = release == "on";
    }
    if changing {
        settings = store.set_routine_settings(settings)?;
    }
    if args.json {
        return print_json(out, &settings);
    }
    let times: Vec<String> = settings.session_times.iter().map(ToString::to_string).collect();
    let days: Vec<&str> = settings.strength_days.iter().map(|d| d.as_str()).collect();
    let kit: Vec<&str> = settings.equipment.iter().map(|e| e.as_str()).collect();
    writeln!(out, "Sessions at: {}", times.join(", "))?;
    writeln!(out, "Strength days: {}", days.join(", "))?;
    writeln!(out, "Equipment: {}", if kit.is_empty() { "none".to_owned() } else { kit.join(", ") })?;
    writeln!(out, "Foam rolling: {}", if settings.include_release { "on" } else { "off" })?;
    Ok(())
}
