//! What the phones need to arm reminders: a stable number per reminder (Android's request codes
//! and notification ids) and how many reminders to ask for on each platform.

use chrono::NaiveDate;

use super::upcoming::MAX_LIMIT;

text_enum! {
    /// The phone platforms Limber runs on.
    pub enum Platform {
        /// Android: arms up to 64 reminders ([`MAX_LIMIT`]).
        Android = "android",
        /// iOS: arms up to 60, keeping [`IOS_SNOOZE_ROOM`] of its 64 pending notifications free.
        Ios = "ios",
    }
}

/// iOS keeps at most 64 pending notifications per app; a snooze is armed straight from the
/// notification's action without a full re-plan, so the plan leaves this many places free.
pub const IOS_SNOOZE_ROOM: i32 = 4;

/// How many upcoming reminders a platform arms at once: 64 on Android (each firing re-arms and
/// moves the horizon on), 60 on iOS (its cap of 64 less [`IOS_SNOOZE_ROOM`]).
pub fn reminder_limit(platform: Platform) -> i32 {
    match platform {
        Platform::Android => MAX_LIMIT,
        Platform::Ios => MAX_LIMIT - IOS_SNOOZE_ROOM,
    }
}

const SNOOZE: &str = "snooze:";
/// Session slots 1-6 get their own code (settings allow 1-4 slots; room to grow).
const MAX_SLOT: i32 = 6;
/// 2026-11-20 is day 20,777; dates from 1970-01-01 to 9999-12-31 keep the key positive.
const MAX_EPOCH_DAY: i64 = 2_932_896;

/// A stable number for a reminder id, the same on every call and every phone. The core's ids
/// (`session:2026-11-20:1`, `morning:2026-11-21`, `retest:2026-12-04`, `snooze:<one of those>`)
/// map one-to-one onto non-negative keys: 8 variants a day (morning, re-test, session slots
/// 1-6), times 2 for a snooze. Any other id gets a hash (FNV-1a) with the sign bit set, so it
/// can never take the key of a well-formed id.
pub fn request_key(id: &str) -> i32 {
    let snoozed = id.starts_with(SNOOZE);
    match parse(id.strip_prefix(SNOOZE).unwrap_or(id)) {
        Some((day, variant)) => ((day * 8 + variant) * 2 + i64::from(snoozed)) as i32,
        None => (fnv1a(id) | 0x8000_0000) as i32,
    }
}

/// (days since 1970-01-01, variant), or `None` when `id` is not one of the core's forms.
fn parse(id: &str) -> Option<(i64, i64)> {
    let parts: Vec<&str> = id.split(':').collect();
    let day = crate::calendar::parse_iso_date(parts.get(1)?.as_bytes())?;
    let epoch_day = (day - NaiveDate::from_ymd_opt(1970, 1, 1)?).num_days();
    if !(0..=MAX_EPOCH_DAY).contains(&epoch_day) {
        return None;
    }
    let variant = match (parts[0], parts.len()) {
        ("morning", 2) => 0,
        ("retest", 2) => 1,
        ("session", 3) => {
            let slot: i32 = parts[2].parse().ok()?;
            if !(1..=MAX_SLOT).contains(&slot) || parts[2] != slot.to_string() {
                return None;
            }
            i64::from(slot) + 1
        }
        _ => return None,
    };
    Some((epoch_day, variant))
}

fn fnv1a(text: &str) -> u32 {
    text.bytes().fold(0x811c_9dc5_u32, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use proptest::prelude::*;

    use super::*;

    #[test]
    fn the_cores_ids_get_distinct_non_negative_keys() {
        let mut seen = HashSet::new();
        for day in ["1970-01-01", "2026-11-20", "2026-11-21", "9999-12-31"] {
            let mut ids = vec![format!("morning:{day}"), format!("retest:{day}")];
            ids.extend((1..=6).map(|s| format!("session:{day}:{s}")));
            for id in ids {
                for id in [id.clone(), format!("snooze:{id}")] {
                    let key = request_key(&id);
                    assert!(key >= 0, "{id}: {key}");
                    assert!(seen.insert(key), "{id}: {key} taken twice");
                }
            }
        }
        assert_eq!(request_key("morning:1970-01-01"), 0);
        assert_eq!(request_key("snooze:morning:1970-01-01"), 1);
        assert_eq!(request_key("session:2026-11-20:1"), request_key("session:2026-11-20:1"));
    }

    #[test]
    fn other_ids_are_negative_and_the_limits_fit_each_platform() {
        for id in [
            "",
            "session:2026-11-20:7",
            "session:2026-11-20:01",
            "morning:1969-12-31",
            "junk",
            "retest:2026-02-30",
            // Not Limber's spelling of a date, so not a well-formed id (chrono's reader took
            // these and gave them the keys of the padded ids; found 2026-11-30).
            "morning:2026-11-6",
            "session:2026-1-20:1",
            "retest:+2026-11-20",
        ] {
            assert!(request_key(id) < 0, "{id:?}");
        }
        assert_ne!(request_key("morning:2026-11-6"), request_key("morning:2026-11-06"));
        assert_eq!(reminder_limit(Platform::Android), 64);
        assert_eq!(reminder_limit(Platform::Ios), 60);
    }

    proptest! {
        #[test]
        fn any_string_gets_a_key_and_only_the_cores_forms_are_non_negative(id in ".{0,40}") {
            let key = request_key(&id);
            prop_assert_eq!(key >= 0, parse(id.strip_prefix(SNOOZE).unwrap_or(&id)).is_some());
        }
    }
}
