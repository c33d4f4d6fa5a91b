//! Record ids: UUID v7, time-ordered, text across FFI and JSON.

use uuid::Uuid;

use crate::{Error, Result};

/// A new record id: UUID v7, so ids sort by creation time.
pub fn new_id() -> Uuid {
    Uuid::now_v7()
}

/// Parses an id handed in as text, naming `field` when it is not a UUID.
pub fn parse_id(field: &str, text: &str) -> Result<Uuid> {
    Uuid::parse_str(text.trim())
        .map_err(|_| Error::invalid(field, "a UUID such as 0192f0c1-7b5e-7cc0-9a4e-1f2d3c4b5a69"))
}
