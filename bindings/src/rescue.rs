//! The phones' way out of a damaged database (issue 14, point 6): `Limber.open` refuses it as
//! `Corrupt`, so what can still be read comes out through this function instead.

use limber_core::Limber as Core;

use crate::error::{LimberError, guard};
use crate::types::Timestamp;

/// What could be read from a damaged database.
#[derive(uniffi::Record)]
pub struct Rescue {
    /// Every record that could be read, as a JSON backup (UTF-8): pass it to `importBackup` of
    /// a new database.
    pub backup: Vec<u8>,
    /// What could not be read, in plain words ("pain entries: damaged, none could be read");
    /// empty when nothing was lost.
    pub lost: Vec<String>,
}

/// Reads what can still be read from the damaged database at `path`, without changing a byte
/// of it. The way out: save `backup` where the person can find it, move the damaged file away
/// (keep it until the rescue has been checked), then `Limber.open(path)` starts a new database
/// at the same place and `importBackup(backup)` restores what was saved.
///
/// Errors: `NotADatabase`, `NewerVersion`, `Storage` (no file there, or an older schema that
/// would need writing), `Corrupt` when even the list of tables is unreadable.
#[uniffi::export]
pub fn rescue(path: String, now: Timestamp) -> Result<Rescue, LimberError> {
    guard(|| {
        let rescue = Core::open_damaged(&path)?.rescue(now)?;
        // Compact, as serde_json::to_vec writes it, through the pretty printer the export uses.
        let backup = limber_core::compact_json(&rescue.backup)
            .map(String::into_bytes)
            .map_err(|_| limber_core::Error::Internal("encoding the rescued backup as JSON"))?;
        Ok(Rescue { backup, lost: rescue.lost })
    })
}
