//! A window of rules gives the very instants chrono-tz gives, for every zone over two years:
//! what lets the phones hand Limber their own rules without a reminder moving.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Offset, Utc};
use chrono_tz::TZ_VARIANTS;
use proptest::prelude::*;

use super::*;
use crate::zone::{self, Zone};

fn utc(text: &str) -> DateTime<Utc> {
    text.parse().unwrap()
}

fn two_years() -> (DateTime<Utc>, DateTime<Utc>) {
    (utc("2025-12-31T00:00:00Z"), utc("2028-01-02T00:00:00Z"))
}

/// Reminder-like times: midnight (Santiago, Havana change then), the small hours where most
/// zones change, the morning, and late evening.
const TIMES: [(i32, i32); 6] = [(0, 0), (0, 30), (1, 30), (2, 30), (7, 30), (23, 30)];

#[test]
fn every_zone_over_two_years_resolves_like_chrono_tz() {
    let (from, to) = two_years();
    let mut changes = 0;
    for tz in TZ_VARIANTS {
        let window = Tzdb.window("zone", tz.name(), from, to).unwrap().validate().unwrap();
        changes += window.transitions.len();
        // The same window as a `Zone`: what the planning code reads a phone's rules through.
        let windowed = Zone::from_window(window.clone()).unwrap();
        let tz = Zone::tzdb(tz);
        let mut date = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        while date.year() < 2028 {
            for (hour, minute) in TIMES {
                let time = LocalTime { hour, minute };
                let expected = zone::instant(tz, date, time);
                assert_eq!(window.instant(date, time), expected, "{tz} {date} {hour:02}:{minute:02}");
                assert_eq!(
                    zone::instant(windowed, date, time),
                    expected,
                    "{tz} {date} {hour:02}:{minute:02}"
                );
                assert_eq!(window.local_date(expected), zone::local_date(tz, expected), "{tz}");
                assert_eq!(zone::local_date(windowed, expected), zone::local_date(tz, expected), "{tz}");
                assert_eq!(window.offset_minutes(expected), zone::offset_minutes(tz, expected), "{tz}");
                assert_eq!(
                    zone::offset_minutes(windowed, expected),
                    zone::offset_minutes(tz, expected),
                    "{tz}"
                );
            }
            assert_eq!(zone::day_exists(windowed, date), zone::day_exists(tz, date), "{tz} {date}");
            assert_eq!(zone::start_of_day(windowed, date), zone::start_of_day(tz, date), "{tz} {date}");
            date = date.succ_opt().unwrap();
        }
    }
    // Most zones keep one offset; those with DST change twice a year.
    assert!(changes > 400, "{changes} changes found");
}

#[test]
fn transitions_are_pinned_to_the_second() {
    let (from, to) = two_years();
    let w = Tzdb.window("zone", "America/New_York", from, to).unwrap();
    assert_eq!(w.offset_seconds, -5 * 3600);
    assert_eq!(
        w.transitions.first(),
        Some(&Transition { at: utc("2026-03-08T07:00:00Z"), offset_seconds: -4 * 3600 })
    );
    assert_eq!(w.transitions.len(), 4);
    let w = Tzdb.window("zone", "Australia/Lord_Howe", from, to).unwrap();
    assert!(w.transitions.iter().any(|t| t.offset_seconds == 10 * 3600 + 1800), "{w:?}");
    assert!(Tzdb.window("time_zone", "Mars/Olympus", from, to).is_err());
}

#[test]
fn a_window_from_a_shell_is_checked() {
    let (from, to) = two_years();
    let ok = Tzdb.window("zone", "Europe/London", from, to).unwrap();
    let broken = |f: &dyn Fn(&mut ZoneWindow)| {
        let mut w = ok.clone();
        f(&mut w);
        match w.validate() {
            Err(Error::Invalid { field, .. }) => field,
            other => panic!("accepted: {other:?}"),
        }
    };
    assert_eq!(broken(&|w| w.offset_seconds = 19 * 3600), "offset_seconds");
    assert_eq!(broken(&|w| w.transitions.swap(0, 1)), "transitions[1].at");
    assert_eq!(broken(&|w| w.transitions[0].at = from - Duration::days(1)), "transitions[0].at");
    assert_eq!(broken(&|w| w.transitions[1].offset_seconds = -20 * 3600), "transitions[1].offset_seconds");
    assert_eq!(broken(&|w| w.to = from - Duration::days(1)), "to");
}

proptest! {
    /// Any instant in the window has chrono-tz's offset.
    #[test]
    fn offsets_match_chrono_tz_at_any_instant(zone in 0..TZ_VARIANTS.len(), seconds in 0..(2 * 366 * 86_400i64)) {
        let tz = TZ_VARIANTS[zone];
        let (from, to) = two_years();
        let window = Tzdb.window("zone", tz.name(), from, to).unwrap();
        let at = from + Duration::seconds(seconds);
        prop_assert_eq!(window.offset_at(at), at.with_timezone(&tz).offset().fix().local_minus_utc());
    }
}

/// Found by the bindings' property test: a shell handing over `i32::MIN` seconds overflowed
/// `abs` (a panic, reported as an internal error). Every out-of-range offset is a typed error.
#[test]
fn an_offset_at_the_limits_of_i32_is_a_typed_error_not_a_panic() {
    let at = DateTime::<Utc>::from_timestamp(1_795_000_000, 0).unwrap();
    for seconds in [i32::MIN, i32::MAX, -MAX_OFFSET_SECONDS - 1, MAX_OFFSET_SECONDS + 1] {
        let w = ZoneWindow {
            zone: "Africa/Abidjan".into(),
            from: at,
            to: at,
            offset_seconds: seconds,
            transitions: vec![],
        };
        assert!(matches!(w.validate(), Err(crate::Error::Invalid { .. })), "{seconds}");
    }
    let ok = ZoneWindow {
        zone: "Africa/Abidjan".into(),
        from: at,
        to: at,
        offset_seconds: -MAX_OFFSET_SECONDS,
        transitions: vec![],
    };
    assert!(ok.validate().is_ok());
}
