//! The one public error, mapped from the core's in exactly one place. Reasons are the core's
//! own words, which never carry health data.

use std::panic::{AssertUnwindSafe, catch_unwind};

use limber_core::Error;

/// Every failure a shell can see. Kotlin: `LimberException`; Swift: `LimberError`.
#[derive(Debug, thiserror::Error, uniffi::Error)]
pub enum LimberError {
    /// Input outside its valid range: `field` names it (`sites[1].level`), `range` says what
    /// would be accepted.
    #[error("{reason}")]
    InvalidInput {
        /// The input's path as the shell passed it (`level`, `sites[1].level`, `answers.age`).
        field: String,
        /// What would be accepted, in words a person can act on (`0 to 10`).
        range: String,
        /// The whole sentence to show: `invalid {field}: must be {range}`.
        reason: String,
    },
    /// No record with the given id (a pain entry, an assessment, a reminder): deleted, or never
    /// existed in this database.
    #[error("{reason}")]
    NotFound {
        /// The sentence to show, naming the kind of record, never the id or its content.
        reason: String,
    },
    /// Not possible right now: a session already checked in, no assessment yet, ...
    #[error("{reason}")]
    NotNow {
        /// The sentence to show, saying what is in the way and, for a plan that is not active,
        /// the way back (CLINICAL.md §8).
        reason: String,
    },
    /// The file is not a Limber database. It was not changed.
    #[error("{reason}")]
    NotADatabase {
        /// The sentence to show: not SQLite at all, or the database of another app.
        reason: String,
    },
    /// The database file is damaged. It was not changed.
    #[error("{reason}")]
    Corrupt {
        /// The sentence to show; the shell offers the rescue export beside it.
        reason: String,
    },
    /// The database was written by a newer Limber. It was not changed.
    #[error("{reason}")]
    NewerVersion {
        /// The version the file was written with: the database schema, or for a backup its
        /// format or schema version (the reason says which).
        found: i32,
        /// The newest version of the same kind this build reads (`found` > `supported`).
        supported: i32,
        /// The sentence to show, asking the person to update the app.
        reason: String,
    },
    /// The disk or SQLite failed (full disk, permissions, a lock held too long).
    #[error("{reason}")]
    Storage {
        /// The sentence to show (read-only file, SQLite's or the file system's failure).
        reason: String,
    },
    /// A bug in Limber. Nothing was half-written: every write is one transaction.
    #[error("{reason}")]
    Internal {
        /// The sentence to show, naming the step that failed, never the data it had.
        reason: String,
    },
}

impl From<Error> for LimberError {
    fn from(e: Error) -> Self {
        let reason = e.to_string();
        match e {
            Error::Invalid { field, range } => LimberError::InvalidInput { field, range, reason },
            Error::NotFound { .. } => LimberError::NotFound { reason },
            Error::NotNow(_) | Error::PlanNotActive { .. } => LimberError::NotNow { reason },
            Error::NotADatabase(_) => LimberError::NotADatabase { reason },
            Error::Corrupt => LimberError::Corrupt { reason },
            Error::NewerVersion { found, supported } | Error::NewerBackup { found, supported, .. } => {
                LimberError::NewerVersion { found, supported, reason }
            }
            Error::ReadOnly | Error::Sqlite(_) | Error::Io(_) => LimberError::Storage { reason },
            Error::Internal(_) => LimberError::Internal { reason },
        }
    }
}

/// The one way a custom FFI type (types.rs, `LocalDate`) turns a value from the shell into a
/// Rust one: its failure becomes the core's typed error, mapped to a `LimberError` above.
/// uniffi hands a failed argument lift to the call as its own error only when the error is the
/// call's error type (`LimberError`); anything else would reach the shell untyped (Kotlin's
/// `InternalException`). Same pattern as bitwarden's `convert_result`.
pub(crate) fn convert_result<T>(result: limber_core::Result<T>) -> uniffi::Result<T> {
    result.map_err(|e| LimberError::from(e).into())
}

/// A shell's callback (a zone-rules provider) that threw something other than a
/// `LimberException`: a bug in the shell, reported as one.
impl From<uniffi::UnexpectedUniFFICallbackError> for LimberError {
    fn from(_: uniffi::UnexpectedUniFFICallbackError) -> Self {
        LimberError::Internal { reason: "a callback of the app failed unexpectedly".into() }
    }
}

/// Runs a core call so that neither an error nor a panic escapes untyped. A panic's payload is
/// dropped unread: it could hold data the person logged.
pub(crate) fn guard<T>(call: impl FnOnce() -> limber_core::Result<T>) -> Result<T, LimberError> {
    match catch_unwind(AssertUnwindSafe(call)) {
        Ok(result) => result.map_err(LimberError::from),
        Err(_) => Err(LimberError::Internal {
            reason: "Limber hit an internal error; nothing was half-written".into(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_an_internal_error() {
        let result: Result<(), _> = guard(|| panic!("secret note text"));
        match result {
            Err(LimberError::Internal { reason }) => assert!(!reason.contains("secret")),
            other => panic!("expected Internal, got {other:?}"),
        }
    }

    #[test]
    fn each_core_error_maps_to_its_public_kind() {
        let sqlite = rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_FULL),
            Some("database or disk is full".into()),
        );
        let cases = [
            (Error::NotFound { what: "pain entry" }, "NotFound"),
            (Error::NotNow("already checked in"), "NotNow"),
            (Error::PlanNotActive { status: "paused_stop", way_back: "answer again" }, "NotNow"),
            (Error::NotADatabase(limber_core::error::NotADatabase::NotSqlite), "NotADatabase"),
            (Error::NotADatabase(limber_core::error::NotADatabase::Foreign), "NotADatabase"),
            (Error::Corrupt, "Corrupt"),
            (Error::from(sqlite), "Storage"),
            (Error::Io(std::io::Error::other("disk gone")), "Storage"),
            (Error::Internal("encoding a setting"), "Internal"),
        ];
        for (core, kind) in cases {
            let core_reason = core.to_string();
            let public = LimberError::from(core);
            let name = format!("{public:?}");
            assert!(name.starts_with(kind), "{core_reason} became {name}, expected {kind}");
            assert_eq!(public.to_string(), core_reason, "the reason is the core's own words");
        }
    }

    #[test]
    fn newer_version_keeps_its_name_and_numbers() {
        match LimberError::from(Error::NewerVersion { found: 7, supported: 6 }) {
            LimberError::NewerVersion { found, supported, reason } => {
                assert_eq!((found, supported), (7, 6));
                assert!(reason.contains("newer version"), "{reason}");
            }
            other => panic!("expected NewerVersion, got {other:?}"),
        }
    }

    #[test]
    fn a_bug_is_internal_not_storage() {
        match LimberError::from(Error::Internal("encoding an assessment as JSON")) {
            LimberError::Internal { reason } => {
                assert!(reason.contains("encoding an assessment as JSON"), "{reason}");
                assert!(!reason.contains("storage"), "{reason}");
            }
            other => panic!("expected Internal, got {other:?}"),
        }
    }

    #[test]
    fn a_failed_conversion_is_the_typed_error() {
        let error = convert_result::<()>(Err(Error::invalid("date", "a date as YYYY-MM-DD")))
            .expect_err("a failed conversion");
        // What uniffi does with a failed lift: the call's own error type, if it is one.
        match error.downcast::<LimberError>() {
            Ok(LimberError::InvalidInput { field, range, .. }) => {
                assert_eq!((field.as_str(), range.as_str()), ("date", "a date as YYYY-MM-DD"));
            }
            other => panic!("expected InvalidInput, got {other:?}"),
        }
        assert_eq!(convert_result(Ok(3)).ok(), Some(3));
    }

    #[test]
    fn invalid_input_keeps_field_and_range() {
        let e = LimberError::from(Error::invalid("level", "a whole number from 0 to 10"));
        match e {
            LimberError::InvalidInput { field, range, reason } => {
                assert_eq!(field, "level");
                assert_eq!(range, "a whole number from 0 to 10");
                assert_eq!(reason, "invalid level: must be a whole number from 0 to 10");
            }
            other => panic!("expected InvalidInput, got {other:?}"),
        }
    }
}
