//! Databases that cannot be written here, and damaged ones: opening read-only and the quick
//! check after an unclean close. (The way out of a damaged file is `limber::rescue`.)

use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

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
/// cross-checks of `integrity_check`. Anything but `ok` is [`Error::Corrupt`].
pub(super) fn quick_check(conn: &Connection) -> Result<()> {
    let mut stmt = conn.prepare("PRAGMA quick_check(1)")?;
    let first: String = stmt.query_row([], |r| r.get(0)).map_err(Error::from)?;
    if first == "ok" { Ok(()) } else { Err(Error::Corrupt) }
}
