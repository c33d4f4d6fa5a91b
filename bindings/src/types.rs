//! How core types cross the FFI: instants as `SystemTime` (Kotlin `Instant`, Swift `Date`), ids
//! as strings, and the core's own records declared as remote types instead of copied.

use std::time::{SystemTime, UNIX_EPOCH};

use chrono::{DateTime, Utc};
use limber_core::pain::{BodySite, PainContext, PainEntry, PainInput, PainPage, PainQuery, Side, SitePain};
use uuid::Uuid;

use crate::error::convert_result;

/// An instant in UTC. Kotlin: `java.time.Instant`; Swift: `Date`.
pub type Timestamp = DateTime<Utc>;

// A lift that can fail goes through `convert_result`, so its failure is a typed `LimberError`.
uniffi::custom_type!(Timestamp, SystemTime, {
    remote,
    lower: |at| SystemTime::from(at),
    try_lift: |time| Ok(utc_from_system_time(time)),
});

uniffi::custom_type!(Uuid, String, {
    remote,
    lower: |id| id.to_string(),
    try_lift: |text| convert_result(limber_core::ids::parse_id("id", &text)),
});

/// Saturates at chrono's limits instead of failing, so an absurd date from a shell reaches the
/// core's range check and comes back as a typed error naming the field.
fn utc_from_system_time(time: SystemTime) -> DateTime<Utc> {
    let converted = match time.duration_since(UNIX_EPOCH) {
        Ok(after) => i64::try_from(after.as_secs())
            .ok()
            .and_then(|s| DateTime::from_timestamp(s, after.subsec_nanos())),
        Err(before) => {
            let before = before.duration();
            i64::try_from(before.as_secs()).ok().and_then(|s| DateTime::from_timestamp(-s, 0)).and_then(|t| {
                t.checked_sub_signed(chrono::Duration::nanoseconds(before.subsec_nanos().into()))
            })
        }
    };
    converted.unwrap_or(if time > UNIX_EPOCH { DateTime::<Utc>::MAX_UTC } else { DateTime::<Utc>::MIN_UTC })
}

#[uniffi::remote(Enum)]
pub enum BodySite {
    LowBack,
    Buttock,
    BackOfThigh,
    BehindKnee,
    BelowKnee,
    Foot,
}

#[uniffi::remote(Enum)]
pub enum Side {
    Left,
    Right,
    Both,
}

#[uniffi::remote(Enum)]
pub enum PainContext {
    OnWaking,
    AfterSitting,
    BeforeSession,
    DuringSession,
    AfterSession,
    Evening,
    Other,
}

#[uniffi::remote(Record)]
pub struct SitePain {
    pub site: BodySite,
    pub side: Option<Side>,
    pub level: i32,
}

#[uniffi::remote(Record)]
pub struct PainInput {
    pub recorded_at: Timestamp,
    pub utc_offset_minutes: i32,
    pub level: i32,
    pub sites: Vec<SitePain>,
    pub context: PainContext,
    pub note: Option<String>,
}

#[uniffi::remote(Record)]
pub struct PainEntry {
    pub id: Uuid,
    pub recorded_at: Timestamp,
    pub utc_offset_minutes: i32,
    pub level: i32,
    pub sites: Vec<SitePain>,
    pub context: PainContext,
    pub note: Option<String>,
}

#[uniffi::remote(Record)]
pub struct PainQuery {
    #[uniffi(default = None)]
    pub from: Option<Timestamp>,
    #[uniffi(default = None)]
    pub to: Option<Timestamp>,
    #[uniffi(default = 50)]
    pub limit: i32,
    #[uniffi(default = None)]
    pub cursor: Option<String>,
}

#[uniffi::remote(Record)]
pub struct PainPage {
    pub entries: Vec<PainEntry>,
    pub next_cursor: Option<String>,
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[test]
    fn system_time_converts_exactly_on_both_sides_of_the_epoch() {
        let after = UNIX_EPOCH + Duration::new(1_763_600_000, 123_000_000);
        assert_eq!(utc_from_system_time(after).timestamp_millis(), 1_763_600_000_123);
        let before = UNIX_EPOCH - Duration::new(10, 250_000_000);
        assert_eq!(utc_from_system_time(before).timestamp_millis(), -10_250);
    }

    /// A shell's id that is not a UUID fails to lift; the call answers with the typed
    /// `InvalidInput` naming the field, as uniffi's scaffolding does for a failed argument.
    #[test]
    fn an_id_that_is_not_a_uuid_is_a_typed_error() {
        use uniffi::{Lift, LiftArgsError, Lower, LowerReturn, RustCallError};

        use crate::UniFfiTag;
        use crate::error::LimberError;

        let lowered = <String as Lower<UniFfiTag>>::lower("not-an-id".to_owned());
        let error = <Uuid as Lift<UniFfiTag>>::try_lift(lowered).expect_err("not a UUID");
        let failed = LiftArgsError { arg_name: "id", error };
        match <Result<(), LimberError> as LowerReturn<UniFfiTag>>::handle_failed_lift(failed) {
            Err(RustCallError::Error(buffer)) => {
                match <LimberError as Lift<UniFfiTag>>::try_lift_from_rust_buffer(buffer) {
                    Ok(LimberError::InvalidInput { field, range, .. }) => {
                        assert_eq!(field, "id");
                        assert!(range.starts_with("a UUID"), "{range}");
                    }
                    other => panic!("expected InvalidInput, got {other:?}"),
                }
            }
            Err(RustCallError::InternalError(message)) => panic!("untyped: {message}"),
            Ok(()) => panic!("a value from a failed lift"),
        }
        let id = Uuid::now_v7();
        let lowered = <String as Lower<UniFfiTag>>::lower(id.to_string());
        assert_eq!(<Uuid as Lift<UniFfiTag>>::try_lift(lowered).expect("a UUID"), id);
    }

    #[test]
    fn absurd_times_saturate_instead_of_panicking() {
        let far = UNIX_EPOCH + Duration::from_secs(i64::MAX as u64 / 2);
        assert_eq!(utc_from_system_time(far), DateTime::<Utc>::MAX_UTC);
    }
}
