//! The uniffi facade over `limber-core`. It only translates: types, errors and the `Limber`
//! object. Every rule lives in the core.

mod assessment;
mod error;
mod limber;
mod questionnaire;
mod reminders;
mod routine;
mod types;

pub use error::LimberError;
pub use limber::Limber;

uniffi::setup_scaffolding!("limber");
