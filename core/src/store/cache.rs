//! What almost every call reads again: the latest assessment, the settings, and whether each
//! assessment allowed a plan (the summary and the reminders' streaks). Kept per
//! connection and dropped whenever the database changed: by this connection (every write goes
//! through `Db::write`) or by another one, which `PRAGMA data_version` reveals.

use std::cell::RefCell;
use std::sync::Arc;

use rusqlite::Connection;

use crate::Result;
use crate::assessment::history::SavedAssessment;
use crate::routine::RoutineSettings;
use crate::schedule::ReminderSettings;

/// What is kept: each `None` until read.
#[derive(Default)]
pub struct Cache {
    data_version: Option<i64>,
    /// The latest assessment (there may be none).
    pub(crate) latest: Option<Option<SavedAssessment>>,
    /// The routine settings.
    pub(crate) routine: Option<RoutineSettings>,
    /// The reminder settings as saved.
    pub(crate) reminders: Option<ReminderSettings>,
    /// Whether each assessment allowed a plan, as (taken at, ms; allowed), oldest first: read
    /// from every stored result. Assessments are written only through `Db::write`, which clears
    /// the cache; `Db::write_records` drops these flags too, in case.
    pub(crate) plan_allowed: Option<Arc<[(i64, bool)]>>,
}

#[derive(Default)]
pub(super) struct Cached(RefCell<Cache>);

impl Cached {
    /// The cached value, or `load` it and keep it. Checks first that no other connection has
    /// committed since the cache was filled.
    pub fn get<T: Clone>(
        &self,
        conn: &Connection,
        slot: fn(&mut Cache) -> &mut Option<T>,
        load: impl FnOnce() -> Result<T>,
    ) -> Result<T> {
        let version: i64 = conn.prepare_cached("PRAGMA data_version")?.query_row([], |r| r.get(0))?;
        {
            let mut cache = self.0.borrow_mut();
            if cache.data_version != Some(version) {
                *cache = Cache { data_version: Some(version), ..Cache::default() };
            }
            if let Some(hit) = slot(&mut cache) {
                return Ok(hit.clone());
            }
        }
        let value = load()?;
        *slot(&mut self.0.borrow_mut()) = Some(value.clone());
        Ok(value)
    }

    /// After this connection wrote: its own commits do not change `data_version`.
    pub fn clear(&mut self) {
        *self.0.get_mut() = Cache::default();
    }

    /// Drops only the assessments' plan flags (cheap to read again, wrong if stale).
    pub fn forget_plan_flags(&mut self) {
        self.0.get_mut().plan_allowed = None;
    }
}
