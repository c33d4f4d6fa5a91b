//! Databases that cannot be written here, and damaged ones: opening read-only, the quick check
//! (after an unclean close, and once a day), and damage remembered across connections and
//! processes (a marker file beside the database). Connection- and file-level only. (The way out
//! of a damaged file is `limber::rescue`.)

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, TimeDelta, Utc};
use rusqlite::{Connection, OpenFlags};

use crate::rfc3339::{self, Seconds};
use crate::{Error, Result};

/// A WAL file next to the database when it is opened: the last connection did not close
/// cleanly (a crash, a kill, a power cut), or another one is open now. Either way a torn page is
/// possible, so the open checks the file first.
pub(crate) fn wal_left_behind(path: &Path) -> bool {
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
pub(super) fn open_read_only(path: &Path, busy_timeout: Duration) -> Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags)?;
    conn.busy_timeout(busy_timeout)?;
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
/// cross-checks of `integrity_check`. Anything but `ok` is [`Error::Corrupt`], and remembered
/// (see [`remember_damage`]).
pub(super) fn quick_check(conn: &Connection) -> Result<()> {
    let result = (|| {
        let mut stmt = conn.prepare("PRAGMA quick_check(1)")?;
        let first: String = stmt.query_row([], |r| r.get(0)).map_err(Error::from)?;
        if first == "ok" { Ok(()) } else { Err(Error::Corrupt) }
    })();
    if matches!(result, Err(Error::Corrupt)) {
        remember_damage_of(conn);
    }
    result
}

/// The setting holding when the last quick check passed: an RFC 3339 UTC time as a JSON string.
const CHECK_PASSED_KEY: &str = "quick_check_passed_at";

/// [D] A cleanly closed database is checked at the first open a day or more after the last
/// passing check. Not at every open: on ten years of history the check takes about 250-340 ms,
/// far over the 1 ms open budget. A day bounds how long damage from a bad disk or a stray write
/// can lie unnoticed at open; a statement that meets it in between is caught at once anyway.
const CHECK_EVERY: TimeDelta = TimeDelta::hours(24);

/// Whether the open must run the quick check: after an unclean close (`unclean`), when no check
/// has passed yet (`last_passed` is `None`), a day or more after the last one passed, or when
/// that time is ahead of `now` ([D] a clock set back must not put the check off).
pub(crate) fn check_due(unclean: bool, last_passed: Option<DateTime<Utc>>, now: DateTime<Utc>) -> bool {
    unclean || last_passed.is_none_or(|at| at > now || now - at >= CHECK_EVERY)
}

/// When the last quick check passed: `None` if never, if the database has no setting table yet
/// (a new or old file), or if the stamp cannot be read as a time. A damaged page is
/// [`Error::Corrupt`].
fn last_passed(conn: &Connection) -> Result<Option<DateTime<Utc>>> {
    let text: Option<String> = match super::setting::get_text(conn, CHECK_PASSED_KEY).map_err(Error::from) {
        Ok(text) => text,
        Err(Error::Corrupt) => return Err(Error::Corrupt),
        Err(_) => None,
    };
    Ok(text.and_then(|t| crate::json_path::read::<String>(&t).ok()).and_then(|t| rfc3339::read(&t).ok()))
}

/// Runs the quick check if it is due (see [`check_due`]), before anything is written. Returns
/// whether the stamp is to be renewed: the check ran, passed, and the stamp was a day old or
/// missing (the caller then stamps it with [`stamp_check`] once the file is set up for
/// writing). A check after an unclean close leaves a fresh stamp as it is: one write less at
/// the open after every crash. Errors: `Corrupt` (the check failed; remembered), or SQLite's.
pub(super) fn check_if_due(conn: &Connection, unclean: bool, now: DateTime<Utc>) -> Result<bool> {
    let stale = check_due(false, last_passed(conn)?, now);
    if !(unclean || stale) {
        return Ok(false);
    }
    quick_check(conn)?;
    Ok(stale)
}

/// Stamps the time of a check that passed. Best effort: if the stamp cannot be written (another
/// connection holds the write lock past the busy timeout) the next open checks again; only a
/// damaged page is an error.
pub(super) fn stamp_check(conn: &Connection, now: DateTime<Utc>) -> Result<()> {
    let at = rfc3339::utc(now, Seconds::Whole);
    match super::setting::put(conn, CHECK_PASSED_KEY, &at, true) {
        Err(Error::Corrupt) => Err(Error::Corrupt),
        _ => Ok(()),
    }
}

/// Opens read-only (see [`open_read_only`]) a database that must already be Limber's and
/// current, and runs the quick check when it is due.
///
/// [D] A read-only open checks when a writable one would (after an unclean close, or a day after
/// the last passing check) but cannot stamp the check, so while the stamp is old every read-only
/// open checks again (hundreds of milliseconds on years of history). A slow open is better than
/// showing a person a history from a damaged file without saying so; a read-only database is
/// rare (a file on a read-only disk or in someone else's folder).
pub(crate) fn open_read_only_checked(
    path: &Path,
    unclean: bool,
    now: DateTime<Utc>,
    busy_timeout: Duration,
) -> Result<Connection> {
    let conn = open_read_only(path, busy_timeout)?;
    super::schema::check_owner(&conn)?;
    super::schema::check_current(&conn)?;
    check_if_due(&conn, unclean, now)?;
    Ok(conn)
}

/// The marker file beside a database found damaged: the database's path with `-damaged` added
/// (`limber.db-damaged`), as SQLite names its `-wal` and `-shm` files.
pub(crate) fn marker_path(db: &Path) -> PathBuf {
    let mut marker = db.as_os_str().to_owned();
    marker.push("-damaged");
    PathBuf::from(marker)
}

/// Remembers, for every later connection and process, that the database at `db` is damaged:
/// writes a private marker file (`0600`) beside it ([`marker_path`]), and never touches the
/// database itself. [`super::Db::open`] then refuses the database with [`Error::Corrupt`] as a
/// failed check does, and a connection already open refuses its next change;
/// [`super::Db::open_damaged`] (for `Limber::rescue`) still reads it.
///
/// `Db::noticed` calls it for its own file; `Limber::remember_damage` is the same for shells
/// that run one command per process (the CLI) and meet `Corrupt` after the database is closed. Best effort: where the folder
/// cannot be written nothing is remembered (and nothing can be written to that database either).
/// An existing marker is kept as it is.
pub(crate) fn remember_damage(db: &Path) {
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    if let Ok(mut file) = options.open(marker_path(db)) {
        // No health data: only when, and what to do.
        let _ = writeln!(
            file,
            "Limber found this database damaged ({}) and will not open it while this file is here.\n\
             `limber rescue --out FILE` saves what can still be read; then move the database away\n\
             (keep it until you have checked what was saved) and `limber import FILE` into a new one.",
            rfc3339::utc(crate::clock::now(), Seconds::Whole)
        );
        let _ = file.sync_all();
    }
}

/// [`remember_damage`] for the file behind `conn` (nothing for an in-memory database).
pub(crate) fn remember_damage_of(conn: &Connection) {
    if let Some(path) = conn.path().filter(|p| !p.is_empty()) {
        remember_damage(Path::new(path));
    }
}

/// Whether the file behind `conn` has been marked damaged since it was opened (by another
/// connection or process). One `stat`: cheap beside a write's `fsync`.
pub(super) fn marked(conn: &Connection) -> bool {
    conn.path()
        .filter(|p| !p.is_empty())
        .is_some_and(|p| fs::symlink_metadata(marker_path(Path::new(p))).is_ok())
}

/// Refuses a database marked damaged with [`Error::Corrupt`], before anything opens it. A marker
/// beside no database, or beside an empty file (the damaged one was moved away and a new one is
/// starting at the same place), is stale and removed.
pub(super) fn refuse_if_marked(db: &Path) -> Result<()> {
    let marker = marker_path(db);
    if fs::symlink_metadata(&marker).is_err() {
        return Ok(());
    }
    match fs::metadata(db) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Ok(meta) if meta.len() == 0 => {}
        _ => return Err(Error::Corrupt),
    }
    let _ = fs::remove_file(marker);
    Ok(())
}
