//! Reminder settings (in the `setting` table) and snoozes; the plan itself is computed by
//! `crate::schedule` from what the other tables hold.
#![allow(missing_docs)] // TODO(lints): lead fixes after the move

use std::collections::BTreeSet;

use chrono::{DateTime, Days, NaiveDate, Utc};
use rusqlite::params;

use super::Store;
use super::routine::put_setting;
use crate::routine::status::PlanStatus;
use crate::schedule::zone_hand_over::{self, ZoneDecision, ZoneHandOver};
use crate::schedule::{self, Adherence, Facts, History, Reminder, ReminderSettings, Snooze, Streaks, Target};
use crate::timestamp::{check_instant, from_millis, to_millis};
use crate::zone::{local_date, parse_tz};
use crate::{Error, Result};

pub(super) const SCHEMA_V4: &str = "
CREATE TABLE snooze (
    reminder_id TEXT PRIMARY KEY NOT NULL,
    fire_at_ms INTEGER NOT NULL
) WITHOUT ROWID;
";

const REMINDER_SETTINGS: &str = "reminders";

impl Store {
    pub fn reminder_settings(&self) -> Result<ReminderSettings> {
        let settings = self.cache.get(
            self.conn(),
            |c| &mut c.reminders,
            || Ok(self.setting(REMINDER_SETTINGS)?.unwrap_or_default()),
        )?;
        Ok(match &self.device_zone {
            Some(zone) => ReminderSettings { time_zone: zone.clone(), ..settings },
            None => settings,
        })
    }

    /// Hands over the device's time zone before reminders are computed (the phones on every
    /// time or zone change and re-arm, the CLI with `--tz` or the machine's zone on every
    /// command), by the one rule in [`crate::schedule::zone_hand_over::decide`]: an alias of the
    /// saved zone changes nothing, an unknown zone is `Rejected` and keeps the saved one. A new
    /// zone is saved in the reminder settings; on a read-only database it is used without being
    /// saved. Returns what happened and the settings in force.
    pub fn use_device_zone(
        &mut self,
        zone: &str,
        now: DateTime<Utc>,
    ) -> Result<(ZoneHandOver, ReminderSettings)> {
        let current = self.reminder_settings()?;
        let decision = zone_hand_over::decide(&current.time_zone, zone, now);
        let ZoneDecision::Switch(name) = &decision else { return Ok((decision.outcome(), current)) };
        let moved = ReminderSettings { time_zone: name.clone(), ..current };
        if self.read_only {
            self.device_zone = Some(moved.time_zone.clone());
            return Ok((decision.outcome(), moved));
        }
        Ok((decision.outcome(), self.set_reminder_settings(moved)?))
    }

    pub fn set_reminder_settings(&mut self, settings: ReminderSettings) -> Result<ReminderSettings> {
        let settings = settings.validate()?;
        self.write(|tx| put_setting(tx, REMINDER_SETTINGS, &settings))?;
        Ok(settings)
    }

    /// The next `limit` (1-64) reminders strictly after `now`, in firing order; see
    /// [`crate::schedule`] for the rules.
    pub fn upcoming_reminders(&self, now: DateTime<Utc>, limit: i32) -> Result<Vec<Reminder>> {
        let now = check_instant("now", now)?;
        let settings = self.reminder_settings()?;
        let facts = if settings.enabled { self.reminder_facts(&settings, now)? } else { Facts::default() };
        schedule::upcoming(&settings, &facts, now, limit)
    }

    /// Puts off a reminder by the snooze length; the answer replaces the original (and any
    /// earlier snooze of it) in [`Store::upcoming_reminders`].
    pub fn snooze(&mut self, id: &str, now: DateTime<Utc>) -> Result<Reminder> {
        let now = check_instant("now", now)?;
        let target = Target::parse(id)?;
        let settings = self.reminder_settings()?;
        let facts = self.reminder_facts(&settings, now)?;
        let reminder = schedule::snooze(&settings, &facts, id, now)?;
        self.write_records(|tx| {
            // Fired snoozes have done their job.
            tx.prepare_cached("DELETE FROM snooze WHERE fire_at_ms <= ?1")?.execute([to_millis(now)])?;
            tx.prepare_cached(
                "INSERT INTO snooze (reminder_id, fire_at_ms) VALUES (?1, ?2)
                 ON CONFLICT (reminder_id) DO UPDATE SET fire_at_ms = ?2",
            )?
            .execute(params![target.to_string(), to_millis(reminder.fire_at)])?;
            Ok(())
        })?;
        Ok(reminder)
    }

    /// Sessions planned and done for the `days` (1-366) local days ending today, with the
    /// score and streaks; see [`mod@crate::schedule::adherence`].
    pub fn adherence(&self, now: DateTime<Utc>, days: i32) -> Result<Adherence> {
        let now = check_instant("now", now)?;
        let settings = self.reminder_settings()?;
        let tz = parse_tz("time_zone", &settings.time_zone)?;
        let history = History {
            sessions_per_day: self.routine_settings()?.sessions_per_day() as i32,
            plan_from: self.plan_changes(tz)?,
            checked_in: self.checked_in_since(None)?,
        };
        schedule::adherence(&settings, &history, local_date(tz, now), days)
    }

    pub fn streaks(&self, now: DateTime<Utc>) -> Result<Streaks> {
        let a = self.adherence(now, 1)?;
        Ok(Streaks { current: a.current_streak, best: a.best_streak })
    }

    fn reminder_facts(&self, settings: &ReminderSettings, now: DateTime<Utc>) -> Result<Facts> {
        let tz = parse_tz("time_zone", &settings.time_zone)?;
        // The day before yesterday is enough: yesterday's check-ins decide this morning's
        // check, and no snooze outlives its day.
        let since =
            local_date(tz, now).checked_sub_days(Days::new(2)).ok_or(Error::invalid("now", "a real date"))?;
        let latest = self.latest_assessment()?;
        let morning_checks = {
            let mut stmt =
                self.conn().prepare_cached("SELECT local_date FROM morning_check WHERE local_date >= ?1")?;
            let rows = stmt.query_map([since.to_string()], |r| r.get::<_, String>(0))?;
            rows.map(|d| parse_date(&d?)).collect::<Result<_>>()?
        };
        let snoozes = {
            let mut stmt = self
                .conn()
                .prepare_cached("SELECT reminder_id, fire_at_ms FROM snooze WHERE fire_at_ms > ?1")?;
            let rows =
                stmt.query_map([to_millis(now)], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
            rows.map(|row| {
                let (reminder_id, ms) = row?;
                Ok(Snooze { reminder_id, fire_at: from_millis(ms)? })
            })
            .collect::<Result<_>>()?
        };
        Ok(Facts {
            sessions_per_day: self.routine_settings()?.sessions_per_day() as i32,
            // Session reminders, nudges and their snoozes only while the plan is active (§8).
            plan_ready: self.plan_status()? == PlanStatus::Active,
            retest_due_at: latest.as_ref().map(|a| a.retest_due_at()),
            checked_in: self.checked_in_since(Some(since))?,
            morning_checks,
            snoozes,
        })
    }

    /// Sessions checked in, as (local date, session), from `since` on (or all).
    fn checked_in_since(&self, since: Option<NaiveDate>) -> Result<BTreeSet<(NaiveDate, i32)>> {
        let since = since.map_or_else(String::new, |d| d.to_string());
        let mut stmt =
            self.conn().prepare_cached("SELECT local_date, session FROM checkin WHERE local_date >= ?1")?;
        let rows = stmt.query_map([since], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i32>(1)?)))?;
        rows.map(|row| {
            let (date, slot) = row?;
            Ok((parse_date(&date)?, slot))
        })
        .collect()
    }
}

fn parse_date(text: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| Error::Corrupt)
}
