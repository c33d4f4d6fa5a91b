//! Limber's behaviour, free of any FFI concern.
//!
//! Shells reach this crate through `limber-ffi` (Kotlin, Swift) or the `limber` CLI. Every rule
//! takes `now` and, where it matters, the IANA time zone as arguments so it can be tested.

#[macro_use]
mod text_enum;

pub mod assessment;
pub mod calendar;
pub mod catalog;
mod clock;
pub mod error;
pub mod ids;
mod json_compact;
mod json_path;
mod json_text;
pub mod limber;
pub mod measure;
pub mod pain;
pub mod progress;
pub mod rfc3339;
pub mod routine;
pub mod schedule;
mod seen;
mod sort;
pub mod store;
pub mod timestamp;
pub mod validate;
pub mod versions;
pub mod zone;
pub mod zone_rules;

pub use error::{Error, Result};
pub use json_compact::compact_json;
pub use limber::{Limber, Rescue};
