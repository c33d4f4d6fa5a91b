//! What almost every call reads again, through the store's per-connection cache: the latest
//! assessment, the settings (defaults when none are saved), and whether each assessment allowed
//! a plan.

use std::sync::Arc;

use crate::assessment::history::SavedAssessment;
use crate::routine::settings::RoutineSettings;
use crate::schedule::ReminderSettings;
use crate::store::{Db, assessment, setting};
use crate::{Error, Result};

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

/// Whether each assessment allowed a plan, as (taken at, ms; allowed), in (time, id) order.
/// A result from another version's shape is judged again from its answers, as everywhere else.
pub(super) fn plan_allowed(db: &Db) -> Result<Arc<[(i64, bool)]>> {
    db.cached(
        |c| &mut c.plan_allowed,
        || {
            let mut flags = Vec::new();
            for (id, ms, allowed) in assessment::plan_allowed_flags(db.conn())? {
                let allowed = match allowed {
                    Some(allowed) => allowed,
                    None => {
                        let saved =
                            assessment::get(db.conn(), id)?.ok_or(Error::NotFound { what: "assessment" })?;
                        saved.result.plan_allowed
                    }
                };
                flags.push((ms, allowed));
            }
            Ok(flags.into())
        },
    )
}
