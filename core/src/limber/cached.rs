//! What almost every call reads again, through the store's per-connection cache: the latest
//! assessment and the settings (defaults when none are saved).

use crate::Result;
use crate::assessment::history::SavedAssessment;
use crate::routine::settings::RoutineSettings;
use crate::schedule::ReminderSettings;
use crate::store::{Db, assessment, setting};

pub(super) fn latest_assessment(db: &Db) -> Result<Option<SavedAssessment>> {
    db.cached(|c| &mut c.latest, || Ok(assessment::newest(db.conn(), 1)?.pop()))
}

pub(super) fn routine_settings(db: &Db) -> Result<RoutineSettings> {
    db.cached(|c| &mut c.routine, || Ok(setting::get(db.conn(), setting::ROUTINE)?.unwrap_or_default()))
}

/// As saved: the device's zone on a read-only database is laid over it by the caller.
pub(super) fn reminder_settings(db: &Db) -> Result<ReminderSettings> {
    db.cached(|c| &mut c.reminders, || Ok(setting::get(db.conn(), setting::REMINDERS)?.unwrap_or_default()))
}
