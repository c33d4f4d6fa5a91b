//! Reminders: the settings, the zone handed over by the device, the reminders to arm, snoozes
//! and adherence. The rules are `crate::schedule`; this file gathers their facts.

use chrono::{DateTime, Days, Utc};

use super::{cached, routine, summary};
use crate::routine::status::PlanStatus;
use crate::schedule::zone_hand_over::{self, ZoneDecision, ZoneHandOver};
use crate::schedule::{self, Adherence, Facts, History, Reminder, ReminderSettings, Snooze, Target};
use crate::store::{Db, check_in, morning, setting, snooze as snoozes};
use crate::timestamp::check_instant;
use crate::zone::{local_date, parse_tz};
use crate::{Error, Result};

/// The settings in force: as saved, with the device's zone laid over them on a read-only
/// database (where it could not be saved).
pub(super) fn settings(db: &Db, device_zone: Option<&str>) -> Result<ReminderSettings> {
    let saved = cached::reminder_settings(db)?;
    Ok(match device_zone {
        Some(zone) => ReminderSettings { time_zone: zone.to_owned(), ..saved },
        None => saved,
    })
}

/// The device's zone handed over by [`zone_hand_over::decide`]; a new zone is saved, or on a
/// read-only database returned as unsaved (the third value) for the caller to keep.
pub(super) fn use_device_zone(
    db: &mut Db,
    device_zone: Option<&str>,
    zone: &str,
    now: DateTime<Utc>,
) -> Result<(ZoneHandOver, ReminderSettings, bool)> {
    let current = settings(db, device_zone)?;
    let decision = zone_hand_over::decide(&current.time_zone, zone, now);
    let ZoneDecision::Switch(name) = &decision else { return Ok((decision.outcome(), current, false)) };
    let moved = ReminderSettings { time_zone: name.clone(), ..current };
    if db.is_read_only() {
        return Ok((decision.outcome(), moved, true));
    }
    Ok((decision.outcome(), set_settings(db, moved)?, false))
}

pub(super) fn set_settings(db: &mut Db, settings: ReminderSettings) -> Result<ReminderSettings> {
    let settings = settings.validate()?;
    db.write(|tx| setting::put(tx, setting::REMINDERS, &settings, true).map(drop))?;
    Ok(settings)
}

pub(super) fn upcoming(
    db: &Db,
    device_zone: Option<&str>,
    now: DateTime<Utc>,
    limit: i32,
) -> Result<Vec<Reminder>> {
    let now = check_instant("now", now)?;
    let settings = settings(db, device_zone)?;
    let facts = if settings.enabled { facts(db, &settings, now)? } else { Facts::default() };
    schedule::upcoming(&settings, &facts, now, limit)
}

pub(super) fn snooze(
    db: &mut Db,
    device_zone: Option<&str>,
    id: &str,
    now: DateTime<Utc>,
) -> Result<Reminder> {
    let now = check_instant("now", now)?;
    let target = Target::parse(id)?;
    let settings = settings(db, device_zone)?;
    let facts = facts(db, &settings, now)?;
    let reminder = schedule::snooze(&settings, &facts, id, now)?;
    let snoozed = Snooze { reminder_id: target.to_string(), fire_at: reminder.fire_at };
    db.write_records(|tx| {
        snoozes::delete_fired(tx, now)?;
        snoozes::save(tx, &snoozed, true).map(drop)
    })?;
    Ok(reminder)
}

pub(super) fn adherence(
    db: &Db,
    device_zone: Option<&str>,
    now: DateTime<Utc>,
    days: i32,
) -> Result<Adherence> {
    let now = check_instant("now", now)?;
    let settings = settings(db, device_zone)?;
    let tz = parse_tz("time_zone", &settings.time_zone)?;
    let history = History {
        sessions_per_day: cached::routine_settings(db)?.sessions_per_day() as i32,
        plan_from: summary::plan_changes(db, tz)?,
        checked_in: check_in::sessions_between(db.conn(), None, None)?,
    };
    schedule::adherence(&settings, &history, local_date(tz, now), days)
}

fn facts(db: &Db, settings: &ReminderSettings, now: DateTime<Utc>) -> Result<Facts> {
    let tz = parse_tz("time_zone", &settings.time_zone)?;
    // The day before yesterday is enough: yesterday's check-ins decide this morning's
    // check, and no snooze outlives its day.
    let since =
        local_date(tz, now).checked_sub_days(Days::new(2)).ok_or(Error::invalid("now", "a real date"))?;
    let latest = cached::latest_assessment(db)?;
    Ok(Facts {
        sessions_per_day: cached::routine_settings(db)?.sessions_per_day() as i32,
        // Session reminders, nudges and their snoozes only while the plan is active (§8).
        plan_ready: routine::plan_status(db)? == PlanStatus::Active,
        retest_due_at: latest.as_ref().map(|a| a.retest_due_at()),
        checked_in: check_in::sessions_between(db.conn(), Some(since), None)?,
        // Inserted, not collected: `collect` into a set sorts first, with a sort of its own (crate::sort).
        morning_checks: {
            let mut dates = std::collections::BTreeSet::new();
            dates.extend(morning::dates_from(db.conn(), since)?);
            dates
        },
        snoozes: snoozes::pending(db.conn(), now)?,
    })
}
