//! The schedule's rules on plain data: no database.

mod adherence;
mod upcoming;
mod zones;

use chrono::{DateTime, NaiveDate, Utc};

use super::*;
use crate::calendar::{DayOfWeek, LocalTime};
use crate::zone::{instant, parse_tz};

fn t(hour: i32, minute: i32) -> LocalTime {
    LocalTime { hour, minute }
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Every day at these slots in `tz`, without the morning check or re-test reminders.
fn only_slots(tz: &str, slots: &[LocalTime]) -> ReminderSettings {
    ReminderSettings {
        slots: slots.to_vec(),
        days: DayOfWeek::ALL.to_vec(),
        time_zone: tz.to_owned(),
        morning_check: None,
        retest_reminders: false,
        ..ReminderSettings::default()
    }
}

/// An assessment that allows a plan, `sessions` a day, nothing done yet.
fn ready(sessions: i32) -> Facts {
    Facts { sessions_per_day: sessions, plan_ready: true, ..Facts::default() }
}

/// The instant of a local date and time in `tz`.
fn at(tz: &str, date: NaiveDate, hour: i32, minute: i32) -> DateTime<Utc> {
    instant(parse_tz("tz", tz).unwrap(), date, t(hour, minute))
}

fn locals(rs: &[Reminder]) -> Vec<String> {
    rs.iter().map(|r| r.local.to_rfc3339()).collect()
}

fn ids(rs: &[Reminder]) -> Vec<&str> {
    rs.iter().map(|r| r.id.as_str()).collect()
}
