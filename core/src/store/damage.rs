//! Databases that cannot be written here, and damaged ones: opening read-only, the quick check
//! after an unclean close, and the way out of a damaged file (read what can still be read).

use std::path::Path;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OpenFlags};

use super::Store;
use super::backup::{REMINDERS, ROUTINE};
use crate::progress::backup::{self, Backup, BackupSettings};
use crate::routine::settings::RoutineSettings;
use crate::schedule::ReminderSettings;
use crate::timestamp::check_instant;
use crate::{Error, Result};

/// A WAL file next to the database when it is opened: the last connection did not close
/// cleanly (a crash, a kill, a power cut), or another one is open now. Either way a torn page is
/// possible, so the open checks the file first.
pub(super) fn wal_left_behind(path: &Path) -> bool {
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    std::fs::metadata(wal).is_ok_and(|m| m.len() > 0)
}

/// Whether a failed read-write open means "not writable here" (then read-only is tried).
pub(super) fn cannot_write(e: &Error) -> bool {
    use rusqlite::ffi::ErrorCode;
    match e {
        Error::ReadOnly => true,
        Error::Io(io) => io.kind() == std::io::ErrorKind::PermissionDenied,
        Error::Sqlite(e) => matches!(
            e.sqlite_error_code(),
            Some(ErrorCode::CannotOpen | ErrorCode::PermissionDenied | ErrorCode::ReadOnly)
        ),
        _ => false,
    }
}

/// Opens read-only. A WAL database needs its `-shm` file; in a folder that cannot be written,
/// and with no WAL left behind (a clean close), there is nothing beyond the main file to read,
/// so it is opened as immutable.
pub(super) fn open_read_only(path: &Path) -> Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags)?;
    conn.busy_timeout(super::BUSY_TIMEOUT)?;
    match conn
        .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get::<_, i64>(0))
        .map_err(Error::from)
    {
        Ok(_) => Ok(conn),
        Err(e) if !wal_left_behind(path) && cannot_write(&e) => {
            let uri = format!("file:{}?immutable=1", uri_path(path));
            let conn = Connection::open_with_flags(uri, flags | OpenFlags::SQLITE_OPEN_URI)?;
            Ok(conn)
        }
        Err(e) => Err(e),
    }
}

/// A file path as the path of a `file:` URI: `%`, `?` and `#` (and anything outside ASCII
/// letters, digits and `/._-~`) percent-encoded.
fn uri_path(path: &Path) -> String {
    let mut out = String::new();
    for b in path.as_os_str().as_encoded_bytes() {
        match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'/' | b'.' | b'_' | b'-' | b'~' => {
                out.push(*b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// SQLite's `PRAGMA quick_check`: every page and record readable, without the slower index
/// cross-checks of `integrity_check`. Anything but `ok` is [`Error::Corrupt`].
pub(super) fn quick_check(conn: &Connection) -> Result<()> {
    let mut stmt = conn.prepare("PRAGMA quick_check(1)")?;
    let first: String = stmt.query_row([], |r| r.get(0)).map_err(Error::from)?;
    if first == "ok" { Ok(()) } else { Err(Error::Corrupt) }
}

/// What could be read from a damaged database.
#[derive(Debug, Clone)]
pub struct Rescue {
    /// Every record that could be read, as a JSON backup (importable into a new database).
    pub backup: Backup,
    /// What could not be read, in plain words (`check-ins: damaged, none could be read`);
    /// empty when nothing was lost.
    pub lost: Vec<String>,
}

impl Store {
    /// Opens a database that [`Store::open`] refuses as damaged, read-only and without checking
    /// it, only to [`rescue`](Store::rescue) what can still be read. Nothing is ever written.
    ///
    /// Errors: `NotADatabase` (not SQLite, or another app's), `NewerVersion`, `ReadOnly` (an older
    /// schema, which would need writing first), `Corrupt` when even the list of tables is
    /// unreadable.
    pub fn open_damaged(path: impl AsRef<Path>) -> Result<Store> {
        let path = path.as_ref();
        super::check_header(path)?;
        if !path.exists() {
            return Err(Error::Io(std::io::Error::new(
                std::io::ErrorKind::NotFound,
                "there is no database at that path",
            )));
        }
        let conn = open_read_only(path)?;
        super::schema::check_owner(&conn)?;
        super::schema::check_current(&conn)?;
        Ok(Store::new(conn, true))
    }

    /// Everything that can still be read, kind by kind: a kind whose table is damaged is left
    /// out whole and named in [`Rescue::lost`].
    pub fn rescue(&self, now: DateTime<Utc>) -> Result<Rescue> {
        let now = check_instant("now", now)?;
        let mut lost = Vec::new();
        let mut read = |what: &str, r: Result<()>| {
            if let Err(e) = r {
                let why = if matches!(e, Error::Corrupt) { "damaged" } else { "unreadable" };
                lost.push(format!("{what}: {why}, none could be read"));
            }
        };
        let mut b = Backup {
            format: backup::FORMAT.to_owned(),
            format_version: backup::FORMAT_VERSION,
            schema_version: super::SCHEMA_VERSION,
            exported_at: now,
            settings: BackupSettings { routine: None, reminders: None },
            pain_entries: Vec::new(),
            assessments: Vec::new(),
            check_ins: Vec::new(),
            morning_checks: Vec::new(),
            track_states: Vec::new(),
            dose_changes: Vec::new(),
            snoozes: Vec::new(),
        };
        read(
            "settings",
            (|| {
                b.settings.routine = self.setting::<RoutineSettings>(ROUTINE)?;
                b.settings.reminders = self.setting::<ReminderSettings>(REMINDERS)?;
                Ok(())
            })(),
        );
        read("pain entries", self.all_pain().map(|v| b.pain_entries = v));
        read("assessments", self.all_assessments().map(|v| b.assessments = v));
        read("check-ins", self.all_check_ins().map(|v| b.check_ins = v));
        read("morning checks", self.all_morning_checks().map(|v| b.morning_checks = v));
        read("dose steps", self.all_track_states().map(|v| b.track_states = v));
        read("dose decisions", self.all_dose_changes().map(|v| b.dose_changes = v));
        read("snoozes", self.all_snoozes().map(|v| b.snoozes = v));
        // A morning check whose pain entry was lost cannot be restored without it.
        let entries: std::collections::HashSet<_> = b.pain_entries.iter().map(|p| p.id).collect();
        let before = b.morning_checks.len();
        b.morning_checks.retain(|m| entries.contains(&m.pain_entry_id));
        if b.morning_checks.len() < before {
            lost.push(format!(
                "morning checks: {} without their pain entry",
                before - b.morning_checks.len()
            ));
        }
        Ok(Rescue { backup: b, lost })
    }
}
