//! Local wall-clock times in IANA time zones, with the rules people expect of a reminder or a
//! session time across DST changes:
//! - a time that does not exist (spring forward) lands after the gap at the same distance
//!   (02:30 in a 02:00→03:00 jump is 03:30);
//! - a time that happens twice (fall back) is the first;
//! - a calendar date that never happens (a zone moving west to east across the date line,
//!   Pacific/Apia has no 2011-12-30) is not a day at all: nothing is planned, reminded or missed
//!   on it, and the day before it is followed by the day after it ([`day_exists`],
//!   [`next_day`], [`previous_day`]);
//! - a calendar date that happens twice (a zone moving east to west, Pacific/Kwajalein went
//!   from +11 to -12 at the end of 1969-09-30 and lived its 01:00-24:00 again) is one day: it
//!   starts at its first midnight and ends at the midnight after its second run, and each
//!   local time on it is the first.
//!
//! The rules of a zone come from the registry (`zone/registry.rs`): the provider a shell
//! registered (the phone's own rules, [`use_rules`]), else the compiled-in tz database
//! (chrono-tz, cargo feature `tzdb`). Every function here takes a [`Zone`] by value, whichever
//! it is.

mod registry;
mod time_zone;

use chrono::{DateTime, Duration, FixedOffset, LocalResult, NaiveDate, NaiveDateTime, Offset, TimeZone, Utc};

pub use registry::{NO_RULES, WINDOW_FROM, WINDOW_TO, use_rules};
pub use time_zone::{Zone, ZoneOffset};

use crate::Result;
use crate::calendar::LocalTime;

/// The zone with the IANA id `name` (trimmed), such as `Europe/London`, from the registered
/// provider (asked once per zone per process) or the compiled-in rules. An unknown zone is
/// [`crate::Error::Invalid`] naming `field`; a library without rules of its own whose shell
/// registered none is [`crate::Error::NotNow`] ([`NO_RULES`]).
pub fn parse_tz(field: &str, name: &str) -> Result<Zone> {
    registry::REGISTRY.zone(field, name)
}

/// The instant a local date and time stands for in `tz`.
pub fn instant(tz: Zone, date: NaiveDate, time: LocalTime) -> DateTime<Utc> {
    resolve(tz, date.and_time(time.naive()))
}

/// Resolves a local date-time with the gap and overlap rules above.
pub fn resolve(tz: Zone, local: NaiveDateTime) -> DateTime<Utc> {
    resolve_with_offset(tz, local).0
}

/// The instant a local date and time stands for in `tz` ([`instant`]), with the offset in
/// force at that instant when the time happens on that date (`None` for a time in a gap, whose
/// instant lies after the gap): the offset comes with the reading, so a caller showing the
/// wall-clock time does not look it up again.
pub fn instant_with_offset(
    tz: Zone,
    date: NaiveDate,
    time: LocalTime,
) -> (DateTime<Utc>, Option<FixedOffset>) {
    resolve_with_offset(tz, date.and_time(time.naive()))
}

fn resolve_with_offset(tz: Zone, local: NaiveDateTime) -> (DateTime<Utc>, Option<FixedOffset>) {
    match tz.from_local_datetime(&local) {
        LocalResult::Single(t) => (t.with_timezone(&Utc), Some(t.offset().fix())),
        LocalResult::Ambiguous(first, _) => (first.with_timezone(&Utc), Some(first.offset().fix())),
        LocalResult::None => {
            // Read the missing time with the offset in force just before the gap: the clock
            // had not yet jumped, so the instant is the same distance past the gap.
            let before = (1..=4 * 48)
                .map(|k| local - Duration::minutes(15 * k))
                .find_map(|t| tz.from_local_datetime(&t).earliest())
                .map(|t| t.offset().fix())
                .unwrap_or_else(|| Utc.fix());
            ((local - Duration::seconds(before.local_minus_utc().into())).and_utc(), None)
        }
    }
}

/// The local calendar date of an instant in `tz`.
pub fn local_date(tz: Zone, at: DateTime<Utc>) -> NaiveDate {
    at.with_timezone(&tz).date_naive()
}

/// The UTC offset in minutes at an instant, as stored beside timestamps.
pub fn offset_minutes(tz: Zone, at: DateTime<Utc>) -> i32 {
    at.with_timezone(&tz).offset().fix().local_minus_utc() / 60
}

/// The first instant of a local date (midnight, or the end of a gap at midnight).
pub fn start_of_day(tz: Zone, date: NaiveDate) -> DateTime<Utc> {
    resolve(tz, date.and_time(chrono::NaiveTime::MIN))
}

/// Whether the local calendar date `date` happens at all in `tz`: false only for a date a zone
/// skipped whole by moving across the date line (Pacific/Apia 2011-12-30, Pacific/Kwajalein
/// 1993-08-21). A date that happens twice exists (once).
pub fn day_exists(tz: Zone, date: NaiveDate) -> bool {
    let midnight = date.and_time(chrono::NaiveTime::MIN);
    match tz.offset_from_local_datetime(&midnight) {
        // Midnight happens (once or twice): the day starts then, on its own date. The rules
        // read a local time only as an offset that maps back to it, so no look-up is needed.
        LocalResult::Single(_) | LocalResult::Ambiguous(..) => true,
        // A gap at midnight: the day starts after it, on this date or (a date skipped whole)
        // a later one.
        LocalResult::None => local_date(tz, resolve(tz, midnight)) == date,
    }
}

/// The first date after `date` that exists in `tz` (the date line is crossed at most once a
/// day, so this looks at most two dates ahead); `None` past chrono's last date.
pub fn next_day(tz: Zone, date: NaiveDate) -> Option<NaiveDate> {
    let mut d = date.succ_opt()?;
    for _ in 0..2 {
        if day_exists(tz, d) {
            return Some(d);
        }
        d = d.succ_opt()?;
    }
    Some(d)
}

/// The last date before `date` that exists in `tz` ("yesterday", skipping a date the zone
/// never had); `None` before chrono's first date.
pub fn previous_day(tz: Zone, date: NaiveDate) -> Option<NaiveDate> {
    previous_existing_day(date, |d| day_exists(tz, d))
}

/// [`previous_day`] with whether a date exists answered by `exists` (the zone's
/// [`day_exists`], perhaps remembered by a caller that walks the dates in order).
pub fn previous_existing_day(
    date: NaiveDate,
    mut exists: impl FnMut(NaiveDate) -> bool,
) -> Option<NaiveDate> {
    let mut d = date.pred_opt()?;
    for _ in 0..2 {
        if exists(d) {
            return Some(d);
        }
        d = d.pred_opt()?;
    }
    Some(d)
}

// The compiled-in rules are the reference these tests compare windows with.
#[cfg(test)]
#[cfg(feature = "tzdb")]
mod tests {
    use super::*;

    /// The zone `name` twice: from the compiled-in rules, and from a provider's window over
    /// `year` and the years either side (as a phone hands them over).
    fn zones(name: &str, year: i32) -> [Zone; 2] {
        use crate::zone_rules::{Tzdb, ZoneRules};
        let utc =
            |y: i32| NaiveDate::from_ymd_opt(y, 1, 1).unwrap().and_time(chrono::NaiveTime::MIN).and_utc();
        let window = Tzdb.window("tz", name, utc(year - 1), utc(year + 2)).unwrap();
        [parse_tz("tz", name).unwrap(), Zone::from_window(window).unwrap()]
    }

    /// The instant of a local time, the same from both sources of rules.
    fn at(tz: &str, date: (i32, u32, u32), h: i32, m: i32) -> String {
        let d = NaiveDate::from_ymd_opt(date.0, date.1, date.2).unwrap();
        let [tzdb, window] = zones(tz, date.0)
            .map(|tz| instant(tz, d, LocalTime { hour: h, minute: m }).with_timezone(&tz).to_rfc3339());
        assert_eq!(tzdb, window, "{tz}: the window gives another instant");
        tzdb
    }

    #[test]
    fn ordinary_days_keep_the_wall_clock() {
        assert_eq!(at("Europe/London", (2026, 1, 10), 7, 30), "2026-01-10T07:30:00+00:00");
        assert_eq!(at("Europe/London", (2026, 7, 10), 7, 30), "2026-07-10T07:30:00+01:00");
    }

    #[test]
    fn a_missing_time_lands_after_the_gap_at_the_same_distance() {
        // New York springs forward 2026-03-08 02:00 -> 03:00.
        assert_eq!(at("America/New_York", (2026, 3, 8), 2, 30), "2026-03-08T03:30:00-04:00");
        // Lord Howe springs forward 30 minutes, 02:00 -> 02:30, on 2026-10-04.
        assert_eq!(at("Australia/Lord_Howe", (2026, 10, 4), 2, 15), "2026-10-04T02:45:00+11:00");
    }

    #[test]
    fn a_repeated_time_is_the_first() {
        // New York falls back 2026-11-01 02:00 -> 01:00: 01:30 happens twice.
        assert_eq!(at("America/New_York", (2026, 11, 1), 1, 30), "2026-11-01T01:30:00-04:00");
    }

    #[test]
    fn midnight_transitions_start_the_day_after_the_gap() {
        // Santiago springs forward at midnight (2026-09-06 00:00 -> 01:00).
        for tz in zones("America/Santiago", 2026) {
            let d = NaiveDate::from_ymd_opt(2026, 9, 6).unwrap();
            assert_eq!(
                start_of_day(tz, d).with_timezone(&tz).to_rfc3339(),
                "2026-09-06T01:00:00-03:00",
                "{tz:?}"
            );
        }
    }

    #[test]
    fn unknown_zones_name_the_field() {
        assert_eq!(
            parse_tz("time_zone", "Mars/Olympus").unwrap_err().to_string().split(':').next(),
            Some("invalid time_zone")
        );
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_date_a_zone_skipped_does_not_exist_and_its_neighbours_follow_each_other() {
        // Samoa moved across the date line: Thursday 2011-12-29 was followed by Saturday 12-31.
        for apia in zones("Pacific/Apia", 2011) {
            assert!(!day_exists(apia, date(2011, 12, 30)), "{apia:?}");
            assert!(day_exists(apia, date(2011, 12, 29)) && day_exists(apia, date(2011, 12, 31)));
            assert_eq!(next_day(apia, date(2011, 12, 29)), Some(date(2011, 12, 31)));
            assert_eq!(previous_day(apia, date(2011, 12, 31)), Some(date(2011, 12, 29)));
        }
        // Kwajalein skipped 1993-08-21 going the same way.
        let kwajalein = parse_tz("tz", "Pacific/Kwajalein").unwrap();
        assert!(!day_exists(kwajalein, date(1993, 8, 21)));
        assert_eq!(next_day(kwajalein, date(1993, 8, 20)), Some(date(1993, 8, 22)));
        // Ordinary days, DST days and a DST gap at midnight all exist.
        for santiago in zones("America/Santiago", 2026) {
            assert!(day_exists(santiago, date(2026, 9, 6)), "{santiago:?}");
            assert_eq!(next_day(santiago, date(2026, 9, 5)), Some(date(2026, 9, 6)));
            assert_eq!(previous_day(santiago, date(2026, 9, 6)), Some(date(2026, 9, 5)));
        }
    }

    /// The short cuts agree with the definitions they stand for: a date exists when its start
    /// falls on it, and the offset read with an instant is the one in force at that instant.
    #[test]
    fn short_cuts_agree_with_the_definitions() {
        let cases = [
            ("Pacific/Apia", 2011),
            ("Pacific/Kwajalein", 1993),
            ("Pacific/Kwajalein", 1969),
            ("America/Santiago", 2026),
            ("America/Havana", 2025),
            ("America/New_York", 2026),
            ("Australia/Lord_Howe", 2026),
            ("Europe/London", 2026),
            ("Asia/Gaza", 2024),
        ];
        let times = [(0, 0), (0, 30), (1, 0), (1, 30), (2, 0), (2, 30), (3, 0), (7, 30), (23, 30)];
        for (name, year) in cases {
            // A provider's window covers 2000-2099 only.
            let sources =
                if year > 2000 { zones(name, year).to_vec() } else { vec![parse_tz("tz", name).unwrap()] };
            for tz in sources {
                let first = date(year - 1, 12, 25);
                for d in first.iter_days().take(400) {
                    assert_eq!(day_exists(tz, d), local_date(tz, start_of_day(tz, d)) == d, "{tz:?} {d}");
                    for (h, m) in times {
                        let time = LocalTime { hour: h, minute: m };
                        let (at, offset) = instant_with_offset(tz, d, time);
                        assert_eq!(at, instant(tz, d, time), "{tz:?} {d} {h}:{m}");
                        if let Some(offset) = offset {
                            assert_eq!(offset, at.with_timezone(&tz).offset().fix(), "{tz:?} {d} {h}:{m}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn a_date_a_zone_repeated_is_one_day_from_its_first_midnight() {
        // Kwajalein went from +11 to -12 at the end of 1969-09-30 and lived it again from 01:00.
        let kwajalein = parse_tz("tz", "Pacific/Kwajalein").unwrap();
        let d = date(1969, 9, 30);
        assert!(day_exists(kwajalein, d));
        let start = start_of_day(kwajalein, d);
        let end = start_of_day(kwajalein, next_day(kwajalein, d).unwrap());
        assert_eq!(start.with_timezone(&kwajalein).to_rfc3339(), "1969-09-30T00:00:00+11:00");
        assert_eq!((end - start).num_hours(), 47, "the day ran twice, 47 hours in all");
        // 08:00 is the first 08:00.
        assert_eq!(
            instant(kwajalein, d, LocalTime { hour: 8, minute: 0 }).with_timezone(&kwajalein).to_rfc3339(),
            "1969-09-30T08:00:00+11:00"
        );
    }
}
