//! Reminders across the FFI. The core computes every reminder; a shell arms what
//! `upcoming_reminders` returns and re-arms from it after a check-in, when a reminder fires, on
//! boot and on time or time-zone changes. Ids are stable, so re-arming is idempotent.

use chrono::{Offset, Timelike};
use limber_core::calendar::{DayOfWeek, LocalTime};
use limber_core::schedule::{Adherence, DayAdherence, ReminderKind, ReminderSettings};

use crate::error::LimberError;
use crate::limber::Limber;
use crate::routine::LocalDate;
use crate::types::Timestamp;

/// A reminder to arm.
#[derive(uniffi::Record)]
pub struct Reminder {
    /// Stable: the same reminder has the same id on every call.
    pub id: String,
    pub kind: ReminderKind,
    /// When to fire (UTC).
    pub fire_at: Timestamp,
    /// The local date and wall-clock time it stands for, and the UTC offset then.
    pub local_date: LocalDate,
    pub local_time: LocalTime,
    pub utc_offset_minutes: i32,
    /// The session it reminds of (1-based), if any.
    pub session: Option<i32>,
    pub title: String,
    pub body: String,
}

impl From<limber_core::schedule::Reminder> for Reminder {
    fn from(r: limber_core::schedule::Reminder) -> Self {
        Reminder {
            id: r.id,
            kind: r.kind,
            fire_at: r.fire_at,
            local_date: r.local_date,
            local_time: LocalTime { hour: r.local.hour() as i32, minute: r.local.minute() as i32 },
            utc_offset_minutes: r.local.offset().fix().local_minus_utc() / 60,
            session: r.session,
            title: r.title,
            body: r.body,
        }
    }
}

#[uniffi::export]
impl Limber {
    /// The saved reminder settings, or the defaults until some are saved (on, every day at 08:00
    /// UTC, snooze 10 minutes, morning check at 08:00, re-test reminders on). Errors: `Storage`.
    pub fn reminder_settings(&self) -> Result<ReminderSettings, LimberError> {
        self.with_core(|s| s.reminder_settings())
    }

    /// Saves reminder settings: 1-4 slots, days, IANA zone, snooze 5-120 minutes, ...
    pub fn set_reminder_settings(&self, settings: ReminderSettings) -> Result<ReminderSettings, LimberError> {
        self.with_core(|s| s.set_reminder_settings(settings))
    }

    /// The next reminders after `now`, in firing order, at most `limit` (1-64; 64 is iOS's cap on
    /// pending notifications, so leave room there for snoozes).
    pub fn upcoming_reminders(&self, now: Timestamp, limit: i32) -> Result<Vec<Reminder>, LimberError> {
        self.with_core(|s| s.upcoming_reminders(now, limit)).map(|v| v.into_iter().map(Into::into).collect())
    }

    /// Snoozes the reminder `id` by the snooze length and returns the new reminder to arm.
    pub fn snooze(&self, id: String, now: Timestamp) -> Result<Reminder, LimberError> {
        self.with_core(|s| s.snooze(&id, now)).map(Into::into)
    }

    /// The last `days` local days (1-366): planned and done sessions, the smoothed score and streaks.
    pub fn adherence(&self, now: Timestamp, days: i32) -> Result<Adherence, LimberError> {
        self.with_core(|s| s.adherence(now, days))
    }
}

#[uniffi::remote(Enum)]
pub enum ReminderKind {
    Session,
    MorningCheck,
    Retest,
    Snoozed,
}

#[uniffi::remote(Record)]
pub struct ReminderSettings {
    pub enabled: bool,
    pub slots: Vec<LocalTime>,
    pub days: Vec<DayOfWeek>,
    pub time_zone: String,
    pub snooze_minutes: i32,
    pub morning_check: Option<LocalTime>,
    pub retest_reminders: bool,
}

#[uniffi::remote(Record)]
pub struct DayAdherence {
    pub date: LocalDate,
    pub planned: i32,
    pub done: i32,
    pub rest_day: bool,
    pub ratio: Option<f64>,
    pub in_progress: bool,
}

#[uniffi::remote(Record)]
pub struct Adherence {
    pub days: Vec<DayAdherence>,
    pub score: i32,
    pub current_streak: i32,
    pub best_streak: i32,
}

/// The most reminder times ("slots") a day the reminder settings take: a settings screen offers
/// "add a time" only below it.
#[uniffi::export]
pub fn max_reminder_slots() -> i32 {
    limber_core::schedule::settings::MAX_SLOTS as i32
}
