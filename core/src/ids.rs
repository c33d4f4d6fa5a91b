//! Record ids: UUID v7, time-ordered, text across FFI and JSON.

use std::sync::Mutex;

use uuid::{ContextV7, Timestamp, Uuid};

use crate::{Error, Result};

/// The counter that keeps ids made in one millisecond in order, as `Uuid::now_v7` keeps its own.
static CONTEXT: Mutex<ContextV7> = Mutex::new(ContextV7::new());

/// A new record id: UUID v7 (RFC 9562: the Unix time in milliseconds, a counter, random bits),
/// so ids sort by creation time, each after the one made before it in this process. The same
/// as `Uuid::now_v7` but for the clock, read through [`crate::clock`].
pub fn new_id() -> Uuid {
    let since = crate::clock::since_unix_epoch();
    Uuid::new_v7(Timestamp::from_unix(&CONTEXT, since.as_secs(), since.subsec_nanos()))
}

/// Parses an id handed in as text, naming `field` when it is not a UUID.
pub fn parse_id(field: &str, text: &str) -> Result<Uuid> {
    Uuid::parse_str(text.trim())
        .map_err(|_| Error::invalid(field, "a UUID such as 0192f0c1-7b5e-7cc0-9a4e-1f2d3c4b5a69"))
}

#[cfg(test)]
mod tests {
    use uuid::{Uuid, Variant};

    use super::new_id;

    #[test]
    fn new_ids_are_v7_of_now_and_in_order() {
        // The oracle: uuid's own `now_v7`, read before and after.
        let before = Uuid::now_v7();
        let ids: Vec<Uuid> = (0..10_000).map(|_| new_id()).collect();
        let after = Uuid::now_v7();
        let millis = |id: &Uuid| {
            id.get_timestamp().unwrap().to_unix().0 * 1000
                + u64::from(id.get_timestamp().unwrap().to_unix().1 / 1_000_000)
        };
        for id in &ids {
            assert_eq!((id.get_version_num(), id.get_variant()), (7, Variant::RFC4122), "{id}");
            assert!(millis(&before) <= millis(id) && millis(id) <= millis(&after) + 1, "{id}");
        }
        // Each after the one before, so no two alike.
        assert!(ids.windows(2).all(|w| w[0] < w[1]));
    }
}
