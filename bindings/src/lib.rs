//! The uniffi facade over `limber-core`. It only translates: types, errors and the `Limber`
//! object. Every rule lives in the core.

mod assessment;
mod error;
mod limber;
mod measure;
mod progress;
mod questionnaire;
mod reminders;
mod routine;
mod shell_reminders;
mod shell_routine;
mod types;

pub use error::LimberError;
pub use limber::Limber;
pub use measure::{Measurement, measure_trace, thomas_thigh_above_horizontal};

uniffi::setup_scaffolding!("limber");

/// Does nothing: the floor for measuring what one call across the FFI costs (see the JVM bench).
#[uniffi::export]
pub fn ffi_probe() {}
