//! The internal error type. Text here may reach people (CLI) and shells (`LimberError`), so it
//! never carries health data: no levels, notes or answers, only field names and valid ranges.

use std::fmt;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Input outside its valid range. `field` names it (`sites[1].level`), `range` says what
    /// is valid in words a person can act on.
    #[error("invalid {field}: must be {range}")]
    Invalid { field: String, range: String },

    /// Not possible in the current state (already checked in, no assessment yet, ...).
    #[error("{0}")]
    NotNow(&'static str),

    #[error("no {what} with that id")]
    NotFound { what: &'static str },

    #[error("{0}")]
    NotADatabase(NotADatabase),

    #[error("the database file is damaged; it was left untouched")]
    Corrupt,

    #[error(
        "the database was written by a newer version of Limber (schema {found}; this version \
         reads up to {supported}); update the app, the file was left untouched"
    )]
    NewerSchema { found: i32, supported: i32 },

    #[error("storage error: {0}")]
    Sqlite(rusqlite::Error),

    #[error("file error: {0}")]
    Io(#[from] std::io::Error),
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
            _ => Error::Sqlite(e),
        }
    }
}
