//! The reminder rules the phones would otherwise copy: a stable number per reminder, how many
//! to arm per platform, whether a fired reminder is still due, and the zone hand-over.
//! Translation only; the rules are in `core/src/schedule/`.

use limber_core::schedule::MAX_LIMIT;
use limber_core::schedule::request_key::{self, Platform};
use limber_core::schedule::still_due;
use limber_core::schedule::zone_hand_over::ZoneHandOver;

use crate::error::LimberError;
use crate::limber::Limber;
use crate::reminders::Reminder;
use crate::types::Timestamp;

/// A stable number for reminder `id`: Android's request code and notification id. The core's
/// ids get distinct non-negative numbers; any other string a negative one.
#[uniffi::export]
pub fn request_key(id: String) -> i32 {
    request_key::request_key(&id)
}

/// How many reminders to ask `upcomingReminders` for: 64 on Android, 60 on iOS (room for
/// snoozes under its cap of 64 pending notifications).
#[uniffi::export]
pub fn reminder_limit(platform: Platform) -> i32 {
    request_key::reminder_limit(platform)
}

#[uniffi::export]
impl Limber {
    /// The reminder to show now for alarm `id` set for `fired_at`, with the current words, or
    /// null/nil when it is no longer due (done, moved, turned off, its day over, or the plan is
    /// no longer active).
    pub fn fired_reminder(
        &self,
        id: String,
        fired_at: Timestamp,
        now: Timestamp,
    ) -> Result<Option<Reminder>, LimberError> {
        let plan = self.with_core(|s| s.upcoming_reminders(still_due::plan_from(fired_at), MAX_LIMIT))?;
        Ok(still_due::still_due(&id, fired_at, &plan, now).map(Reminder::from))
    }

    /// Hands the device's zone (an IANA id) to the reminder settings before a re-plan: saved
    /// when it differs (an alias of the saved zone does not), reported as `Rejected` and
    /// otherwise ignored when the core does not know it, so the re-plan goes on.
    pub fn follow_device_zone(
        &self,
        device_zone: String,
        now: Timestamp,
    ) -> Result<ZoneHandOver, LimberError> {
        self.with_core(|s| Ok(s.use_device_zone(&device_zone, now)?.0))
    }
}

#[uniffi::remote(Enum)]
pub enum Platform {
    Android,
    Ios,
}

#[uniffi::remote(Enum)]
pub enum ZoneHandOver {
    Unchanged,
    Switched,
    Rejected,
}
