//! The zone hand-over: reminders are read in the zone the reminder settings carry, so the
//! phones pass the device's zone before every re-plan and this decides whether the settings
//! follow it. One rule for both phones: an alias of the saved zone (the same offsets under an
//! old name, `Asia/Calcutta` for `Asia/Kolkata`) changes nothing, so it never causes a write on
//! every re-plan; and a zone name the core does not know is reported, never an error, so it
//! cannot abort the re-plan (the reminders keep the saved zone's clock until the device names
//! a zone the core knows) **\[D\]**: firing at the old zone's times beats firing not at all.

use chrono::{DateTime, Duration, Offset, TimeZone, Utc};

use crate::zone::{Zone, parse_tz};

text_enum! {
    /// What the hand-over did.
    pub enum ZoneHandOver {
        /// The settings already use the device's zone, or an alias of it.
        Unchanged = "unchanged",
        /// The settings now use the device's zone.
        Switched = "switched",
        /// The device's zone is not an IANA zone the core knows; the saved zone stays.
        Rejected = "rejected",
    }
}

/// The decision, before anything is saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ZoneDecision {
    /// Keep the saved zone: the device names the same zone, or an alias with the same clock
    /// for the next 400 days.
    Keep,
    /// Save this zone name (the device's, trimmed).
    Switch(String),
    /// The device's zone is not one the zone rules know: keep the saved zone \[D\], and say so.
    Rejected,
}

impl ZoneDecision {
    /// What the shell is told the hand-over did.
    pub fn outcome(&self) -> ZoneHandOver {
        match self {
            ZoneDecision::Keep => ZoneHandOver::Unchanged,
            ZoneDecision::Switch(_) => ZoneHandOver::Switched,
            ZoneDecision::Rejected => ZoneHandOver::Rejected,
        }
    }
}

/// How far ahead two zones must agree to count as one: every reminder lies within 60 days, so
/// 400 days is ample.
const AGREE_FOR_DAYS: i64 = 400;
/// Offsets are compared every 30 minutes: every zone's changes fall on a half hour or an hour.
const STEP_MINUTES: i64 = 30;

/// Whether the saved settings should follow `device_zone`, judged from `now`. Never an error:
/// an unknown device zone is [`ZoneDecision::Rejected`] (also while no zone rules are
/// registered), and a saved zone that no longer reads is replaced by a known device zone.
pub fn decide(saved_zone: &str, device_zone: &str, now: DateTime<Utc>) -> ZoneDecision {
    let device_name = device_zone.trim();
    let Ok(device) = parse_tz("zone", device_name) else { return ZoneDecision::Rejected };
    if saved_zone.trim() == device_name {
        return ZoneDecision::Keep;
    }
    match parse_tz("zone", saved_zone) {
        Ok(saved) if same_clock(saved, device, now) => ZoneDecision::Keep,
        _ => ZoneDecision::Switch(device_name.to_owned()),
    }
}

/// The two zones show the same wall-clock time at every moment from `now` for 400 days.
fn same_clock(a: Zone, b: Zone, now: DateTime<Utc>) -> bool {
    let steps = AGREE_FOR_DAYS * 24 * 60 / STEP_MINUTES;
    // Near the end of time there is nothing left to compare: what remains must agree.
    (0..=steps).map_while(|k| now.checked_add_signed(Duration::minutes(k * STEP_MINUTES))).all(|t| {
        a.offset_from_utc_datetime(&t.naive_utc()).fix() == b.offset_from_utc_datetime(&t.naive_utc()).fix()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 20, 12, 0, 0).unwrap()
    }

    #[test]
    fn the_same_zone_or_an_alias_changes_nothing() {
        assert_eq!(decide("Europe/London", "Europe/London", now()), ZoneDecision::Keep);
        assert_eq!(decide("Asia/Kolkata", "Asia/Calcutta", now()), ZoneDecision::Keep);
        assert_eq!(decide("America/New_York", "US/Eastern", now()), ZoneDecision::Keep);
        assert_eq!(decide("Europe/London", " Europe/London ", now()), ZoneDecision::Keep);
    }

    #[test]
    fn another_zone_is_followed_even_when_it_agrees_today_but_not_later() {
        assert_eq!(decide("UTC", "Europe/Paris", now()), ZoneDecision::Switch("Europe/Paris".into()));
        // London and Lisbon share offsets all year; Dublin too, but Reykjavik has no DST.
        assert_eq!(
            decide("Europe/London", "Atlantic/Reykjavik", now()),
            ZoneDecision::Switch("Atlantic/Reykjavik".into())
        );
        assert_eq!(decide("Europe/London", "Europe/Lisbon", now()), ZoneDecision::Keep);
    }

    #[test]
    fn a_zone_the_core_does_not_know_is_rejected_not_an_error() {
        for junk in ["", "Mars/Olympus", "GMT+5:30", "\u{0}"] {
            let decision = decide("Europe/London", junk, now());
            assert_eq!(decision, ZoneDecision::Rejected, "{junk:?}");
            assert_eq!(decision.outcome(), ZoneHandOver::Rejected);
        }
        // At the limits of time the comparison stops where time does, and does not panic.
        assert_eq!(decide("Asia/Kolkata", "Asia/Calcutta", DateTime::<Utc>::MAX_UTC), ZoneDecision::Keep);
        // A saved zone that no longer parses is replaced by a good device zone.
        assert_eq!(
            decide("Nowhere/Gone", "Europe/Paris", now()),
            ZoneDecision::Switch("Europe/Paris".into())
        );
    }
}
