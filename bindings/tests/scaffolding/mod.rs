//! Calling the generated scaffolding as a shell does, through the C ABI with a `RustCallStatus`,
//! and reading how the call ended. Shared by the tests that call exports directly.

use std::mem::ManuallyDrop;

use limber_ffi::{LimberError, UniFfiTag};
use proptest::test_runner::TestCaseError;
use uniffi::{Lift, Lower, RustCallStatus, RustCallStatusCode};

/// How a call ended, as the shell sees it.
#[derive(Debug)]
pub enum Ended<T> {
    Value(T),
    /// A `LimberError` the shell can catch by type.
    Typed(LimberError),
    /// uniffi's untyped error: a panic that escaped, or an argument the bindings could not lift.
    Unexpected(String),
}

pub fn ended<T>(status: RustCallStatus, value: impl FnOnce() -> T) -> Ended<T> {
    let buf = ManuallyDrop::into_inner(status.error_buf);
    match status.code {
        RustCallStatusCode::Success => Ended::Value(value()),
        RustCallStatusCode::Error => Ended::Typed(
            <LimberError as Lift<UniFfiTag>>::try_lift_from_rust_buffer(buf).expect("a LimberError"),
        ),
        _ => Ended::Unexpected(<String as Lift<UniFfiTag>>::try_lift(buf).unwrap_or_default()),
    }
}

/// A value or a typed error that is not `Internal`; anything else fails the case.
pub fn typed<T>(what: &dyn std::fmt::Debug, ended: Ended<T>) -> Result<Option<T>, TestCaseError> {
    match ended {
        Ended::Value(v) => Ok(Some(v)),
        Ended::Typed(LimberError::Internal { reason }) => {
            Err(TestCaseError::fail(format!("internal error ({reason}): {what:?}")))
        }
        Ended::Typed(_) => Ok(None),
        Ended::Unexpected(message) => {
            Err(TestCaseError::fail(format!("unexpected error ({message}): {what:?}")))
        }
    }
}

pub fn lower<T: Lower<UniFfiTag>>(value: T) -> T::FfiType {
    T::lower(value)
}
