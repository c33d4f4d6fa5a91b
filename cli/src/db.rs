//! Where the database lives when `--db` is not given, and keeping it private: the data folder
//! Limber creates is `0700` and every file it writes `0600` (the database, and with it SQLite's
//! WAL and SHM files, which take the database's mode; exports, reports, charts). An existing
//! database other accounts can read gets a warning.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use directories::ProjectDirs;
use limber_core::Limber;

use crate::clock::Clock;
use crate::{CliError, CliResult};

pub fn path(db: Option<PathBuf>) -> CliResult<PathBuf> {
    match db {
        Some(path) => Ok(path),
        None => ProjectDirs::from("app", "Limber", "limber")
            .map(|dirs| dirs.data_dir().join("limber.db"))
            .ok_or_else(|| CliError::Usage("no home folder found; pass --db PATH".into())),
    }
}

/// Opens the database, creating it (and its folder) private if it is not there yet.
pub fn open(db: Option<PathBuf>) -> CliResult<Limber> {
    let path = path(db)?;
    let existing = prepare(&path)?;
    let store = Limber::open(&path)?;
    // Only once it is known to be a Limber database.
    if let Some(meta) = existing {
        warn_if_shared(&path, &meta);
    }
    Ok(store)
}

/// [`open`], then hands `--tz` (or the machine's zone) to the core as the device's zone, the
/// rule the phones follow on a zone change, before anything reads the reminders.
pub fn open_at(db: Option<PathBuf>, clock: &Clock) -> CliResult<Limber> {
    let mut store = open(db)?;
    store.use_device_zone(&clock.tz, clock.now)?;
    Ok(store)
}

/// Creates the folder and an empty private file for a new database; returns an existing
/// database's metadata.
fn prepare(path: &Path) -> CliResult<Option<fs::Metadata>> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty() && !p.exists()) {
        private_dir(parent)?;
    }
    match fs::metadata(path) {
        Ok(meta) => return Ok(Some(meta)),
        // A new database starts as an empty private file; SQLite sets it up and gives its WAL
        // and SHM files the same mode.
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let _ = private_file(path, true).map(drop);
        }
        Err(_) => {}
    }
    Ok(None)
}

#[cfg(unix)]
fn private_dir(dir: &Path) -> CliResult {
    use std::os::unix::fs::DirBuilderExt;
    fs::DirBuilder::new().recursive(true).mode(0o700).create(dir).map_err(CliError::Io)
}

#[cfg(not(unix))]
fn private_dir(dir: &Path) -> CliResult {
    fs::create_dir_all(dir).map_err(CliError::Io)
}

/// Opens `path` for writing as a file only its owner can read (`0600`), tightening an existing
/// file's mode too. With `new_only`, an existing file is left alone.
#[cfg(unix)]
fn private_file(path: &Path, new_only: bool) -> std::io::Result<fs::File> {
    use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
    let mut options = fs::OpenOptions::new();
    options.write(true).mode(0o600);
    if new_only {
        options.create_new(true);
    } else {
        options.create(true).truncate(true);
    }
    let file = options.open(path)?;
    file.set_permissions(fs::Permissions::from_mode(0o600))?;
    Ok(file)
}

#[cfg(not(unix))]
fn private_file(path: &Path, new_only: bool) -> std::io::Result<fs::File> {
    let mut options = fs::OpenOptions::new();
    options.write(true);
    if new_only {
        options.create_new(true)
    } else {
        options.create(true).truncate(true)
    };
    options.open(path)
}

/// Writes an export, report or chart as a private file (`0600`).
pub fn write_private(path: &Path, bytes: &[u8]) -> CliResult {
    private_file(path, false)
        .and_then(|mut f| f.write_all(bytes).and_then(|()| f.sync_all()))
        .map_err(|e| CliError::Usage(format!("cannot write {}: {e}", path.display())))
}

#[cfg(unix)]
fn warn_if_shared(path: &Path, meta: &fs::Metadata) {
    use std::os::unix::fs::PermissionsExt;
    if meta.permissions().mode() & 0o077 != 0 {
        eprintln!(
            "warning: {} can be read by other accounts on this computer; `chmod 600` it to keep it private",
            path.display()
        );
    }
}

#[cfg(not(unix))]
fn warn_if_shared(_: &Path, _: &fs::Metadata) {}

/// Creates (or truncates) `path` as a private file (`0600`) for an export to stream into.
pub fn create_private(path: &Path) -> std::io::Result<fs::File> {
    private_file(path, false)
}
