//! Today and the plan in words for people.

use std::io::Write;

use limber_core::routine::today::{SessionState, Today};
use limber_core::routine::{DayPlan, PlanStatus, PlannedExercise};
use limber_core::zone::parse_tz;

use crate::CliResult;

pub fn today(t: &Today, out: &mut impl Write) -> CliResult {
    let tz = parse_tz("tz", &t.time_zone)?;
    status_line(t.status, out)?;
    writeln!(out, "Today, {}", t.date.format("%A %-d %B"))?;
    if t.status != PlanStatus::Active {
        not_active(&t.plan, out)?;
        // The morning check and the pain log go on while paused (CLINICAL.md §8).
        if t.morning_check_due {
            writeln!(out, "Morning check due: how is your back on waking? `limber morning --pain N`")?;
        }
        return Ok(());
    }
    for (session, status) in t.plan.sessions.iter().zip(&t.sessions) {
        let state = match status.state {
            SessionState::Done => "done",
            SessionState::Due => "to do now",
            SessionState::Upcoming => "later",
            SessionState::Missed => "missed",
        };
        writeln!(
            out,
            "\nSession {} at {} ({}, about {} min): {state}",
            session.session, session.time, t.time_zone, session.minutes
        )?;
        exercises(&session.exercises, out)?;
    }
    if !t.plan.activity.is_empty() {
        let walks: Vec<String> = t
            .plan
            .activity
            .iter()
            .map(|a| format!("{} ({})", a.name.to_lowercase(), a.dose.summary()))
            .collect();
        writeln!(out, "\nAlso today: {}.", walks.join(", "))?;
    }
    if !t.plan.strength_day {
        writeln!(out, "No strengthening today: it is a rest day for strength.")?;
    }
    if let Some(next) = t.next_session_at {
        writeln!(out, "\nNext session: {}", next.with_timezone(&tz).format("%a %-d %b %H:%M"))?;
    }
    if t.morning_check_due {
        writeln!(out, "Morning check due: how is your back on waking? `limber morning --pain N`")?;
    }
    if t.retest_due {
        writeln!(out, "Re-test due: repeat the tests with `limber assess`.")?;
    }
    cards(&t.plan, out)
}

pub fn plan(p: &DayPlan, out: &mut impl Write) -> CliResult {
    status_line(p.status, out)?;
    writeln!(out, "Plan for {}", p.date.format("%A %-d %B"))?;
    if p.status != PlanStatus::Active {
        return not_active(p, out);
    }
    for session in &p.sessions {
        writeln!(out, "\nSession {} at {} (about {} min)", session.session, session.time, session.minutes)?;
        exercises(&session.exercises, out)?;
    }
    cards(p, out)
}

/// The status, first (CLINICAL.md §8).
fn status_line(status: PlanStatus, out: &mut impl Write) -> CliResult {
    let words = match status {
        PlanStatus::Active => "the routine is on",
        PlanStatus::PausedStop => "paused: stop, and answer the safety questions again",
        PlanStatus::NeedsSafetyAnswers => "waiting for the safety questions",
        PlanStatus::SeeDoctor => "no exercises: see a doctor first",
    };
    writeln!(out, "Status: {status} ({words})")?;
    Ok(())
}

/// When the plan is not active: its cards, why, and the way back (the safety questions again).
fn not_active(p: &DayPlan, out: &mut impl Write) -> CliResult {
    cards(p, out)?;
    writeln!(out)?;
    for line in &p.message {
        writeln!(out, "  {line}")?;
    }
    // The core's words for the way back, then the command that takes it.
    writeln!(out, "{} (`limber assess`)", p.status.way_back())?;
    Ok(())
}

fn exercises(list: &[PlannedExercise], out: &mut impl Write) -> CliResult {
    for (i, e) in list.iter().enumerate() {
        writeln!(out, "  {}. {}: {} (pain up to {}/10)", i + 1, e.name, e.dose.summary(), e.pain_ceiling)?;
        if let Some(condition) = &e.condition {
            writeln!(out, "     {condition}")?;
        }
        if let Some(change) = &e.last_dose_change {
            writeln!(out, "     Last change ({}, {}): {}", change.decision, change.date, change.reason)?;
        }
    }
    Ok(())
}

fn cards(p: &DayPlan, out: &mut impl Write) -> CliResult {
    for card in &p.cards {
        writeln!(out, "\n[{}] {}", card.title, card.body)?;
    }
    Ok(())
}
