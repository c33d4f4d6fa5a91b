//! The one object shells hold: an open Limber database.

use std::sync::{Arc, Mutex, PoisonError};

use limber_core::Limber as Core;
use limber_core::pain::{PainEntry, PainInput, PainPage, PainQuery};

use crate::error::{LimberError, guard};

/// An open Limber database. Safe to share between threads; calls are serialised. Every call
/// does disk I/O: call it off the main thread.
#[derive(uniffi::Object)]
pub struct Limber {
    core: Mutex<Core>,
}

impl Limber {
    pub(crate) fn with_core<T>(
        &self,
        call: impl FnOnce(&mut Core) -> limber_core::Result<T>,
    ) -> Result<T, LimberError> {
        guard(|| {
            // A panic mid-call rolled its transaction back, so the store is still sound.
            let mut store = self.core.lock().unwrap_or_else(PoisonError::into_inner);
            // A damaged page met by any call, a read too, refuses every change after it.
            let result = call(&mut store);
            store.noticed(result)
        })
    }
}

#[uniffi::export]
impl Limber {
    /// Opens the database at `path`, creating it and its folders if needed. A file that is not
    /// a Limber database, is damaged or comes from a newer version is refused and left as is.
    #[uniffi::constructor]
    pub fn open(path: String) -> Result<Arc<Self>, LimberError> {
        let core = guard(|| Core::open(&path))?;
        Ok(Arc::new(Limber { core: Mutex::new(core) }))
    }

    /// Logs a pain entry (level 0-10, sites, context, note up to 2,000 characters) and returns
    /// it with its new id. Errors: `InvalidInput` naming the field, `Storage`.
    pub fn add_pain(&self, input: PainInput) -> Result<PainEntry, LimberError> {
        self.with_core(|s| s.add_pain(input))
    }

    /// Replaces every field of the entry `id` but the id itself. Errors: `InvalidInput` (a field,
    /// or an `id` that is not a UUID), `NotFound`, `Storage`.
    pub fn update_pain(&self, id: String, input: PainInput) -> Result<PainEntry, LimberError> {
        self.with_core(|s| s.update_pain(&id, input))
    }

    /// Deletes the entry `id`, and the next-morning check it recorded, if any. Errors:
    /// `InvalidInput` (an `id` that is not a UUID), `NotFound`, `Storage`.
    pub fn delete_pain(&self, id: String) -> Result<(), LimberError> {
        self.with_core(|s| s.delete_pain(&id))
    }

    /// The entry `id`. Errors: `InvalidInput` (an `id` that is not a UUID), `NotFound`,
    /// `Storage`.
    pub fn get_pain(&self, id: String) -> Result<PainEntry, LimberError> {
        self.with_core(|s| s.get_pain(&id))
    }

    /// Entries in `[from, to)`, newest first, `limit` (1-500) at a time; pass the page's
    /// `next_cursor` back as `cursor` for the next page. Errors: `InvalidInput` (`limit`, or a
    /// `cursor` that no page gave), `Storage`.
    pub fn list_pain(&self, query: PainQuery) -> Result<PainPage, LimberError> {
        self.with_core(|s| s.list_pain(&query))
    }
}
