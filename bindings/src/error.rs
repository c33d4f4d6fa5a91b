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
    InvalidInput { field: String, range: String, reason: String },
    #[error("{reason}")]
    NotFound { reason: String },
    /// Not possible right now: a session already checked in, no assessment yet, ...
    #[error("{reason}")]
    NotNow { reason: String },
    /// The file is not a Limber database. It was not changed.
    #[error("{reason}")]
    NotADatabase { reason: String },
    /// The database file is damaged. It was not changed.
    #[error("{reason}")]
    Corrupt { reason: String },
    /// The database was written by a newer Limber. It was not changed.
    #[error("{reason}")]
    NewerVersion { found: i32, supported: i32, reason: String },
    /// The disk or SQLite failed (full disk, permissions, a lock held too long).
    #[error("{reason}")]
    Storage { reason: String },
    /// A bug in Limber. Nothing was half-written: every write is one transaction.
    #[error("{reason}")]
    Internal { reason: String },
}

impl From<Error> for LimberError {
    fn from(e: Error) -> Self {
        let reason = e.to_string();
        match e {
            Error::Invalid { field, range } => LimberError::InvalidInput { field, range, reason },
            Error::NotFound { .. } => LimberError::NotFound { reason },
            Error::NotNow(_) => LimberError::NotNow { reason },
            Error::NotADatabase(_) => LimberError::NotADatabase { reason },
            Error::Corrupt => LimberError::Corrupt { reason },
            Error::NewerSchema { found, supported } => LimberError::NewerVersion { found, supported, reason },
            Error::Sqlite(_) | Error::Io(_) => LimberError::Storage { reason },
        }
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
