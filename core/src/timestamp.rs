//! Moments as Limber keeps them: a UTC instant plus the local UTC offset at that moment, so a
//! log shows the wall-clock time the person saw even after they change time zone.

use chrono::{DateTime, FixedOffset, Offset, TimeZone, Utc};

use crate::{Error, Result};

/// The earliest and latest instants accepted from people and shells. Outside this, a value is
/// a bug in the caller (a zeroed date, a unit mix-up), not a pain log.
const EARLIEST: i64 = 946_684_800_000; // 2000-01-01T00:00:00Z
const LATEST: i64 = 4_102_444_800_000; // 2100-01-01T00:00:00Z

/// Real offsets run from -12:00 to +14:00; allow the full ±14 h.
pub const MAX_OFFSET_MINUTES: i32 = 14 * 60;

/// `at` when it lies from 2000-01-01 to 2099-12-31 UTC. Errors: `Invalid` naming `field`.
pub fn check_instant(field: &str, at: DateTime<Utc>) -> Result<DateTime<Utc>> {
    if (EARLIEST..LATEST).contains(&at.timestamp_millis()) {
        Ok(at)
    } else {
        Err(Error::invalid(field, "a moment from 2000-01-01 to 2099-12-31 (UTC)"))
    }
}

/// `minutes` when within ±14 h (-840 to 840). Errors: `Invalid` naming `field`.
pub fn check_offset(field: &str, minutes: i32) -> Result<i32> {
    crate::validate::in_range(field, minutes, -MAX_OFFSET_MINUTES, MAX_OFFSET_MINUTES)
}

/// The wall-clock time at `at` for a checked offset.
pub fn local(at: DateTime<Utc>, offset_minutes: i32) -> DateTime<FixedOffset> {
    // An offset past ±24 h (never one `check_offset` let in) falls back to UTC, not a panic.
    let offset = offset_minutes.checked_mul(60).and_then(FixedOffset::east_opt).unwrap_or(Utc.fix());
    offset.from_utc_datetime(&at.naive_utc())
}

/// Milliseconds since 1970-01-01 UTC, as the store keeps instants.
pub fn to_millis(at: DateTime<Utc>) -> i64 {
    at.timestamp_millis()
}

/// Reads a stored instant; a value the store could never have written (outside the range
/// `check_instant` lets in) means damage, and must not reach date arithmetic that would panic.
pub fn from_millis(ms: i64) -> Result<DateTime<Utc>> {
    if !(EARLIEST..LATEST).contains(&ms) {
        return Err(Error::Corrupt);
    }
    DateTime::from_timestamp_millis(ms).ok_or(Error::Corrupt)
}
