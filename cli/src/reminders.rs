//! `limber reminders ...`, `limber snooze` and `limber streak`.

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, Subcommand};
use limber_core::calendar::{DayOfWeek, LocalTime};
use limber_core::schedule::{Reminder, ReminderSettings};
use limber_core::zone::parse_tz;
use serde::Serialize;

use crate::clock::Clock;
use crate::{CliResult, db, print_json};

#[derive(Subcommand)]
pub enum RemindersCommand {
    /// Change reminders; the zone is --tz (or this machine's).
    Set(SetArgs),
    /// Show the reminder settings.
    Show {
        #[arg(long)]
        json: bool,
    },
    /// The next reminders in firing order, as a phone would arm them.
    Upcoming {
        /// At most this many, 1-64 (64 is the iOS limit on pending notifications).
        #[arg(long, default_value_t = 10)]
        limit: i32,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Args)]
pub struct SetArgs {
    /// 1-4 reminder times a day, e.g. 07:30,19:00. A second time for one session is a nudge.
    #[arg(long, value_delimiter = ',')]
    times: Option<Vec<String>>,
    /// The days you plan to exercise, e.g. mon,tue,thu (others are rest days) [default: all].
    #[arg(long, value_delimiter = ',')]
    days: Option<Vec<String>>,
    /// Snooze length in minutes, 5-120.
    #[arg(long)]
    snooze: Option<i32>,
    /// When to ask about pain on waking, e.g. 08:00, or `off`.
    #[arg(long)]
    morning_check: Option<String>,
    /// Re-test reminders every 14 days: on or off.
    #[arg(long, value_parser = ["on", "off"])]
    retest: Option<String>,
    /// All reminders on or off.
    #[arg(long, value_parser = ["on", "off"])]
    reminders: Option<String>,
}

pub fn run(db: Option<PathBuf>, clock: Clock, command: RemindersCommand, out: &mut impl Write) -> CliResult {
    let mut store = db::open_at(db, &clock)?;
    match command {
        RemindersCommand::Set(args) => {
            let mut s = store.reminder_settings()?;
            s.time_zone = clock.tz.clone();
            if let Some(times) = args.times {
                s.slots = times
                    .iter()
                    .enumerate()
                    .map(|(i, t)| LocalTime::parse(&format!("times[{i}]"), t))
                    .collect::<Result<_, _>>()?;
            }
            if let Some(days) = args.days {
                s.days = days
                    .iter()
                    .enumerate()
                    .map(|(i, d)| DayOfWeek::parse(&format!("days[{i}]"), d.trim()))
                    .collect::<Result<_, _>>()?;
            }
            if let Some(snooze) = args.snooze {
                s.snooze_minutes = snooze;
            }
            if let Some(morning) = args.morning_check {
                s.morning_check =
                    if morning == "off" { None } else { Some(LocalTime::parse("morning_check", &morning)?) };
            }
            if let Some(retest) = args.retest {
                s.retest_reminders = retest == "on";
            }
            if let Some(on) = args.reminders {
                s.enabled = on == "on";
            }
            let saved = store.set_reminder_settings(s)?;
            show(&saved, out)
        }
        RemindersCommand::Show { json } => {
            let s = store.reminder_settings()?;
            if json { print_json(out, &s) } else { show(&s, out) }
        }
        RemindersCommand::Upcoming { limit, json } => {
            let list = store.upcoming_reminders(clock.now, limit)?;
            if json {
                return print_json(out, &list.iter().map(ReminderJson::from).collect::<Vec<_>>());
            }
            if list.is_empty() {
                writeln!(out, "No reminders coming up.")?;
            }
            for r in &list {
                writeln!(
                    out,
                    "{}  {:<13} {}  ({})",
                    r.local.format("%a %-d %b %H:%M %:z"),
                    r.kind,
                    r.title,
                    r.id
                )?;
            }
            Ok(())
        }
    }
}

pub fn snooze(db: Option<PathBuf>, clock: Clock, id: &str, json: bool, out: &mut impl Write) -> CliResult {
    let r = db::open_at(db, &clock)?.snooze(id, clock.now)?;
    if json {
        return print_json(out, &ReminderJson::from(&r));
    }
    writeln!(out, "Snoozed until {}: {}", r.local.format("%H:%M"), r.title)?;
    Ok(())
}

pub fn streak(db: Option<PathBuf>, clock: Clock, json: bool, out: &mut impl Write) -> CliResult {
    let adherence = db::open_at(db, &clock)?.adherence(clock.now, 28)?;
    if json {
        return print_json(out, &adherence);
    }
    let day = |n: i32| if n == 1 { "day" } else { "days" };
    writeln!(out, "Current streak: {} {}", adherence.current_streak, day(adherence.current_streak))?;
    writeln!(out, "Best streak: {} {}", adherence.best_streak, day(adherence.best_streak))?;
    writeln!(out, "Adherence score: {}/100 (smoothed over recent weeks)", adherence.score)?;
    let line: String = adherence
        .days
        .iter()
        .map(|d| match (d.rest_day, d.planned, d.done) {
            (true, ..) | (_, 0, _) => '·',
            (_, p, done) if done >= p => '●',
            (_, _, 0) => '○',
            _ => '◐',
        })
        .collect();
    writeln!(out, "Last {} days: {line}  (● all done, ◐ some, ○ none, · rest)", adherence.days.len())?;
    Ok(())
}

fn show(s: &ReminderSettings, out: &mut impl Write) -> CliResult {
    parse_tz("time_zone", &s.time_zone)?;
    let times: Vec<String> = s.slots.iter().map(ToString::to_string).collect();
    let days: Vec<&str> = s.days.iter().map(|d| d.as_str()).collect();
    writeln!(out, "Reminders: {}", if s.enabled { "on" } else { "off" })?;
    writeln!(out, "Times: {} ({})", times.join(", "), s.time_zone)?;
    writeln!(out, "Days: {}", days.join(", "))?;
    writeln!(out, "Snooze: {} minutes", s.snooze_minutes)?;
    let morning = s.morning_check.map_or("off".to_owned(), |t| t.to_string());
    writeln!(out, "Morning check: {morning}")?;
    writeln!(out, "Re-test reminders: {}", if s.retest_reminders { "on" } else { "off" })?;
    Ok(())
}

/// The stable JSON of one reminder: UTC firing instant and the local time it stands for.
#[derive(Serialize)]
struct ReminderJson<'a> {
    id: &'a str,
    kind: &'a str,
    fire_at: String,
    local: String,
    title: &'a str,
    body: &'a str,
    session: Option<i32>,
}

impl<'a> From<&'a Reminder> for ReminderJson<'a> {
    fn from(r: &'a Reminder) -> Self {
        ReminderJson {
            id: &r.id,
            kind: r.kind.as_str(),
            fire_at: r.fire_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            local: r.local.to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
            title: &r.title,
            body: &r.body,
            session: r.session,
        }
    }
}
