//! The system clock, read in one place. `chrono::Utc::now` and `uuid::Uuid::now_v7` read it
//! too, but panic (with the error's `Debug`, 2 KiB of duration formatting in the phone library)
//! should it be set before 1970; here such a clock reads as 1970-01-01 instead.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use chrono::{DateTime, Utc};

/// The time since 1970-01-01T00:00:00Z; zero when the system clock is set before it.
pub(crate) fn since_unix_epoch() -> Duration {
    SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or(Duration::ZERO)
}

/// Now, in UTC, to the nanosecond the system clock gives (1970-01-01 when it is set before).
pub(crate) fn now() -> DateTime<Utc> {
    let since = since_unix_epoch();
    // 2^63 seconds are far past chrono's range, which ends in the year 262,143.
    i64::try_from(since.as_secs())
        .ok()
        .and_then(|secs| DateTime::from_timestamp(secs, since.subsec_nanos()))
        .unwrap_or(DateTime::<Utc>::MAX_UTC)
}

#[cfg(test)]
mod tests {
    use chrono::Utc;

    #[test]
    fn now_is_chronos_now() {
        // Read between two readings of chrono's clock (the oracle), in order.
        let before = Utc::now();
        let ours = super::now();
        let after = Utc::now();
        assert!(before <= ours && ours <= after, "{before} {ours} {after}");
        assert!(ours.timestamp() > 1_700_000_000, "{ours}");
    }
}
