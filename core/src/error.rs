//! The internal error type. Text here may reach people (CLI) and shells (`LimberError`), so it
//! never carries health data: no levels, notes or answers, only field names and valid ranges.

use std::fmt;

/// The core's result: `Error` unless said otherwise.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Every failure of the core, mapped once to the shells' `LimberError` (bindings/src/error.rs).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Input outside its valid range. `field` names it (`sites[1].level`), `range` says what
    /// is valid in words a person can act on.
    #[error("invalid {field}: must be {range}")]
    Invalid {
        /// The input's path (`level`, `sites[1].level`), never its value.
        field: String,
        /// What would be accepted (`0 to 10`).
        range: String,
    },

    /// Not possible in the current state (already checked in, no assessment yet, ...).
    #[error("{0}")]
    NotNow(&'static str),

    /// The plan is not `active` (CLINICAL.md §8): no session can be checked in. `status` is the
    /// status's name (`paused_stop`, ...), `way_back` what to do; built by
    /// `routine::status::PlanStatus::refusal`.
    #[error("the plan is {status}: {way_back}")]
    PlanNotActive {
        /// The plan status's name (CLINICAL.md §8).
        status: &'static str,
        /// What the person can do to make the plan active again.
        way_back: &'static str,
    },

    /// No record with the given id (deleted, or never in this database).
    #[error("no {what} with that id")]
    NotFound {
        /// The kind of record (`assessment`, `reminder`).
        what: &'static str,
    },

    /// The file is not a Limber database, and was left untouched.
    #[error("{0}")]
    NotADatabase(NotADatabase),

    /// SQLite found the database damaged; it was left untouched (rescue saves what can be read).
    #[error("the database file is damaged; it was left untouched")]
    Corrupt,

    /// The database was written by a newer Limber: `found` is its schema version, `supported`
    /// the newest this build reads. Same name at the FFI (a newer backup, [`Error::NewerBackup`],
    /// maps to it too).
    #[error(
        "the database was written by a newer version of Limber (schema {found}; this version \
         reads up to {supported}); update the app, the file was left untouched"
    )]
    NewerVersion {
        /// The database's schema version.
        found: i32,
        /// The newest schema version this build reads.
        supported: i32,
    },

    /// A backup file from a newer Limber: `what` is `format` (the backup format version) or
    /// `database schema` (the schema the backup's records were read from).
    #[error(
        "the file is a backup of {what} {found} from a newer version of Limber (this version \
         reads backups up to {what} {supported}); update the app, nothing was imported"
    )]
    NewerBackup {
        /// `format` or `database schema`.
        what: &'static str,
        /// The backup's version of `what`.
        found: i32,
        /// The newest version of `what` this build reads.
        supported: i32,
    },

    /// The database cannot be written here (the file or its folder is read-only): reading and
    /// exports work, changes are refused before anything is done.
    #[error(
        "the database is read-only here (the file or its folder cannot be written); reading and \
         exports work, changes cannot be saved"
    )]
    ReadOnly,

    /// SQLite failed: full disk, permissions, a lock held too long.
    #[error("storage error: {0}")]
    Sqlite(rusqlite::Error),

    /// The file system failed (creating the database's folder, reading its header).
    #[error("file error: {0}")]
    Io(#[from] std::io::Error),

    /// A bug in Limber, not bad input and not the disk: a value of Limber's own that would not
    /// serialise, a broken invariant. The text says what was being done, never with what data;
    /// the underlying error is dropped unread, as it could quote a value. Every write is one
    /// transaction, so nothing was half-written.
    #[error("Limber hit an internal error while {0}; nothing was half-written")]
    Internal(&'static str),
}

/// Why a file was refused as a Limber database.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotADatabase {
    /// Not SQLite at all (wrong header, truncated, encrypted).
    NotSqlite,
    /// A SQLite database that belongs to something else.
    Foreign,
}

impl fmt::Display for NotADatabase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NotADatabase::NotSqlite => f.write_str("the file is not a database; it was left untouched"),
            NotADatabase::Foreign => {
                f.write_str("the file is a database of another app; it was left untouched")
            }
        }
    }
}

impl Error {
    /// `Invalid` for `field` with the valid `range` in words.
    pub fn invalid(field: impl Into<String>, range: impl Into<String>) -> Self {
        Error::Invalid { field: field.into(), range: range.into() }
    }
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ffi::ErrorCode;
        match e.sqlite_error_code() {
            Some(ErrorCode::NotADatabase) => Error::NotADatabase(NotADatabase::NotSqlite),
            Some(ErrorCode::DatabaseCorrupt) => Error::Corrupt,
            Some(ErrorCode::ReadOnly) => Error::ReadOnly,
            _ => Error::Sqlite(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bug_names_the_step_not_the_data() {
        let e = Error::Internal("encoding a setting");
        assert_eq!(
            e.to_string(),
            "Limber hit an internal error while encoding a setting; nothing was half-written"
        );
    }

    #[test]
    fn a_serialisation_failure_is_a_bug_not_storage() {
        let serde_failure = serde_json::from_str::<i32>("\"a note\"").expect_err("not a number");
        let e = crate::progress::json_stream::json_bug(serde_failure);
        assert!(matches!(e, Error::Internal(_)), "{e:?}");
        assert!(!e.to_string().contains("a note"), "{e}");
    }
}
