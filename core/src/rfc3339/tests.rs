//! The writer and readers held to chrono, the code they replace, as test oracles.

use chrono::{DateTime, FixedOffset, NaiveDate, SecondsFormat, TimeZone, Utc};
use proptest::prelude::*;

use super::*;

/// chrono's `FromStr`, which read backups before.
fn chrono_reads(text: &str) -> Option<DateTime<Utc>> {
    text.parse::<DateTime<FixedOffset>>().ok().map(|at| at.to_utc())
}

/// Every instant chrono can hold, at any offset it can hold, with nanoseconds of every
/// granularity (whole, milli, micro, nano) and leap seconds.
fn any_moment() -> impl Strategy<Value = DateTime<FixedOffset>> {
    let nanos = prop_oneof![
        Just(0u32),
        (1u32..1000).prop_map(|n| n * 1_000_000),
        (1u32..1_000_000).prop_map(|n| n * 1000),
        0u32..1_000_000_000,
    ];
    let min = NaiveDate::MIN.and_hms_opt(0, 0, 0).unwrap().and_utc().timestamp() + 86_400;
    let max = NaiveDate::MAX.and_hms_opt(0, 0, 0).unwrap().and_utc().timestamp() - 86_400;
    let offset = prop_oneof![Just(0), (-1439i32..=1439).prop_map(|m| m * 60), -86_399i32..=86_399];
    (prop_oneof![min..max, -2_000_000_000_000i64..4_200_000_000_000], nanos, any::<bool>(), offset).prop_map(
        |(seconds, nanos, leap, offset)| {
            // A leap second only where chrono allows one: at second 59.
            let (seconds, nanos) = if leap {
                (seconds - seconds.rem_euclid(60) + 59, nanos + 1_000_000_000)
            } else {
                (seconds, nanos)
            };
            let utc = DateTime::from_timestamp(seconds, nanos).unwrap();
            utc.with_timezone(&FixedOffset::east_opt(offset).unwrap())
        },
    )
}

#[test]
fn writes_the_forms_limber_uses_as_chrono_does() {
    let at = Utc.with_ymd_and_hms(2026, 3, 1, 6, 30, 0).unwrap();
    let plus_one = at.with_timezone(&FixedOffset::east_opt(3600).unwrap());
    assert_eq!(write(plus_one, Seconds::Auto, false), "2026-03-01T07:30:00+01:00");
    assert_eq!(write(at.fixed_offset(), Seconds::Auto, true), "2026-03-01T06:30:00Z");
    assert_eq!(write(at.fixed_offset(), Seconds::Auto, false), "2026-03-01T06:30:00+00:00");
    let fraction = at + chrono::Duration::microseconds(250_500);
    assert_eq!(write(fraction.fixed_offset(), Seconds::Auto, true), "2026-03-01T06:30:00.250500Z");
    assert_eq!(write(fraction.fixed_offset(), Seconds::Whole, true), "2026-03-01T06:30:00Z");
    let leap = NaiveDate::from_ymd_opt(2016, 12, 31).unwrap().and_hms_milli_opt(23, 59, 59, 1_500).unwrap();
    assert_eq!(write(leap.and_utc().fixed_offset(), Seconds::Auto, true), "2016-12-31T23:59:60.500Z");
    let far = NaiveDate::from_ymd_opt(10_000, 1, 1).unwrap().and_hms_opt(0, 0, 0).unwrap().and_utc();
    assert_eq!(write(far.fixed_offset(), Seconds::Whole, true), "+10000-01-01T00:00:00Z");
    let west = FixedOffset::west_opt(23 * 3600 + 59 * 60).unwrap();
    let before = NaiveDate::from_ymd_opt(0, 1, 1).unwrap().and_hms_opt(0, 0, 0).unwrap().and_utc();
    assert_eq!(write(before.with_timezone(&west), Seconds::Whole, false), "-0001-12-31T00:01:00-23:59");
}

#[test]
fn reads_what_limber_writes_and_what_people_type() {
    let at = Utc.with_ymd_and_hms(2026, 3, 1, 6, 30, 0).unwrap();
    for text in [
        "2026-03-01T06:30:00Z",
        "2026-03-01T07:30:00+01:00",
        "2026-03-01t06:30:00z",
        "2026-03-01 06:30:00Z",
        "2026-03-01T07:30:00+0100",
        "2026-03-01T01:30:00-05:00",
        "2026-03-01T01:30:00\u{2212}05:00",
        "2026-03-01 06:30:00 UTC",
        "2026-03-01T06:30:00 utc",
        " 2026-03-01T06:30:00Z\n",
        "2026-03-01T06:30:00.000000000000Z",
    ] {
        assert_eq!(read(text), Ok(at), "{text:?}");
        assert_eq!(chrono_reads(text), Some(at), "{text:?}");
    }
}

#[test]
fn edge_cases_read_as_chrono_reads_them() {
    for text in [
        "2016-12-31T23:59:60Z",
        "2016-12-31T23:59:60.999999999Z",
        "2017-01-01T00:59:60+01:00",
        "2026-03-01T06:30:00+23:59",
        "2026-03-01T06:30:00-23:59",
        "0000-01-01T00:00:00Z",
        "0000-01-01T00:00:00+23:59",
        "9999-12-31T23:59:59.999999999Z",
        "9999-12-31T23:59:59-23:59",
        "2026-03-01T06:30:00.1Z",
        "2026-03-01T06:30:00.12Z",
        "2026-03-01T06:30:00.123Z",
        "2026-03-01T06:30:00.1234Z",
        "2026-03-01T06:30:00.12345Z",
        "2026-03-01T06:30:00.123456Z",
        "2026-03-01T06:30:00.1234567Z",
        "2026-03-01T06:30:00.12345678Z",
        "2026-03-01T06:30:00.123456789Z",
        "2026-03-01T06:30:00.1234567891Z",
        "2026-03-01T06:30:00.12345678912345678912Z",
        "2024-02-29T00:00:00Z",
    ] {
        assert_eq!(read(text).ok(), chrono_reads(text), "{text:?}");
        assert!(read(text).is_ok(), "{text:?}");
        let strict = DateTime::parse_from_rfc3339(text).ok().map(|at| at.to_utc());
        assert_eq!(strict, chrono_reads(text), "{text:?}");
    }
}

#[test]
fn refuses_what_chrono_refused_naming_the_part() {
    for (text, part) in [
        ("", Unreadable::Date),
        ("2026-02-29T06:30:00Z", Unreadable::Date),
        ("2026-13-01T06:30:00Z", Unreadable::Date),
        ("2026-03-01", Unreadable::Time),
        ("2026-03-01X06:30:00Z", Unreadable::Time),
        ("2026-03-01T24:00:00Z", Unreadable::Time),
        ("2026-03-01T06:60:00Z", Unreadable::Time),
        ("2026-03-01T06:30:61Z", Unreadable::Time),
        ("2026-03-01T06:30:00.Z", Unreadable::Fraction),
        ("2026-03-01T06:30:00", Unreadable::Offset),
        ("2026-03-01T06:30:00+24:00", Unreadable::Offset),
        ("2026-03-01T06:30:00+01:60", Unreadable::Offset),
        ("2026-03-01T06:30:00+01", Unreadable::Offset),
        ("2026-03-01T06:30:00ZZ", Unreadable::Offset),
        ("2026-03-01T06:30:00Z x", Unreadable::Offset),
    ] {
        assert_eq!(read(text), Err(part), "{text:?}");
        assert_eq!(chrono_reads(text), None, "{text:?}");
    }
}

/// The forms chrono's `FromStr` took and [`read`] refuses, as the module says (\[D\]).
#[test]
fn refuses_the_loose_forms_chrono_took() {
    for text in [
        "2026-3-1T6:30:0Z",
        "2026 - 03 - 01T06 : 30 : 00Z",
        "+2026-03-01T06:30:00Z",
        "+12026-03-01T06:30:00Z",
        "2026-03-01T07:30:00+01::00",
        "2026-03-01T07:30:00+01 00",
    ] {
        assert!(chrono_reads(text).is_some(), "{text:?}");
        assert!(read(text).is_err(), "{text:?}");
    }
    assert!(read_date("2026-3-1").is_err() && "2026-3-1".parse::<NaiveDate>().is_ok());
}

#[test]
fn dates_read_as_chrono_reads_them() {
    for text in ["2026-03-01", " 2026-03-01 ", "0000-01-01", "9999-12-31", "2024-02-29"] {
        assert_eq!(read_date(text).ok(), text.parse::<NaiveDate>().ok(), "{text:?}");
        assert!(read_date(text).is_ok(), "{text:?}");
    }
    for text in ["", "2026-02-29", "2026-03-01T", "2026-03-01x", "20260301", "2026-00-01"] {
        assert_eq!(read_date(text), Err(Unreadable::Date), "{text:?}");
        assert!(text.parse::<NaiveDate>().is_err(), "{text:?}");
    }
}

proptest! {
    /// The writer is chrono's `to_rfc3339_opts` byte for byte, for both forms, with and without
    /// `Z`, over chrono's whole range of instants and offsets.
    #[test]
    fn writes_as_chrono_writes(at in any_moment(), zulu in any::<bool>()) {
        prop_assert_eq!(write(at, Seconds::Whole, zulu), at.to_rfc3339_opts(SecondsFormat::Secs, zulu));
        prop_assert_eq!(write(at, Seconds::Auto, zulu), at.to_rfc3339_opts(SecondsFormat::AutoSi, zulu));
    }

    /// What Limber writes (whole-minute offsets under 24 h) reads back to the same instant, as
    /// chrono's `FromStr` and `parse_from_rfc3339` read it.
    #[test]
    fn reads_back_what_it_writes(at in any_moment(), zulu in any::<bool>()) {
        let offset = at.offset().local_minus_utc();
        let at = at.with_timezone(&FixedOffset::east_opt(offset - offset % 60).unwrap());
        // Years past 9999 carry a sign, which only chrono's loose reading takes.
        let four_digits = (0..=9999).contains(&chrono::Datelike::year(&at.naive_local()));
        for text in [write(at, Seconds::Whole, zulu), write(at, Seconds::Auto, zulu)] {
            let ours = read(&text).ok();
            prop_assert_eq!(ours.is_some(), four_digits, "{}", text);
            if four_digits {
                prop_assert_eq!(ours, chrono_reads(&text), "{}", text);
                prop_assert_eq!(ours, DateTime::parse_from_rfc3339(&text).ok().map(|at| at.to_utc()));
            }
        }
        if four_digits {
            prop_assert_eq!(read(&write(at, Seconds::Auto, zulu)), Ok(at.to_utc()));
        }
    }

    /// Texts near the written forms (digits out of range, fractions of any length, every
    /// separator, offset and ending): read to the same instant as chrono reads them, or
    /// refused where chrono refuses them.
    #[test]
    fn reads_every_near_text_as_chrono_does(
        text in "\\s?[0-9]{4}-[0-2][0-9]-[0-3][0-9][Tt Xx][0-2][0-9]:[0-6][0-9]:[0-6][0-9](\\.[0-9]{0,12})? ?(Z|z|UTC|utc|Utc|[+−-][0-2][0-9]:?[0-6][0-9]|[+-][0-9]|[+-][0-9]{3}|[+-][0-9]{2}:|x| |)\\s?"
    ) {
        prop_assert_eq!(read(&text).ok(), chrono_reads(&text));
    }

    /// Over any text of the characters a moment is made of: whatever is read is read as
    /// chrono's `FromStr` reads it (the loose forms of the module's list aside, nothing is
    /// refused that it took), and whatever its strict `parse_from_rfc3339` took is read.
    #[test]
    fn never_reads_a_text_otherwise_than_chrono(text in "[0-9 :.+−TtZzUC-]{0,32}") {
        let ours = read(&text).ok();
        if ours.is_some() {
            prop_assert_eq!(ours, chrono_reads(&text));
        }
        if let Ok(strict) = DateTime::parse_from_rfc3339(&text) {
            prop_assert_eq!(ours, Some(strict.to_utc()));
        }
        let date = text.get(..10).unwrap_or_default();
        if let Ok(day) = read_date(date) {
            prop_assert_eq!(Some(day), date.parse::<NaiveDate>().ok());
        }
    }

    /// Every date of four-digit years reads as chrono reads it.
    #[test]
    fn reads_every_date_as_chrono_does(text in "\\s?[0-9]{4}-[0-2][0-9]-[0-3][0-9]\\s?") {
        prop_assert_eq!(read_date(&text).ok(), text.parse::<NaiveDate>().ok());
    }
}

/// A record as the backup's: its moments and dates through this module's serde adapters.
#[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
struct Ours {
    #[serde(serialize_with = "serialize_moment", deserialize_with = "deserialize_moment")]
    at: DateTime<Utc>,
    #[serde(deserialize_with = "deserialize_date")]
    day: NaiveDate,
    #[serde(default, deserialize_with = "deserialize_optional_date")]
    until: Option<NaiveDate>,
}

/// The same record through chrono's serde support, as the backup was read and written before.
#[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
struct Chrono {
    at: DateTime<Utc>,
    day: NaiveDate,
    until: Option<NaiveDate>,
}

fn both(json: &str) -> (Result<Ours, String>, Result<Chrono, String>) {
    (
        serde_json::from_str(json).map_err(|e| e.to_string()),
        serde_json::from_str(json).map_err(|e| e.to_string()),
    )
}

#[test]
fn records_read_as_chrono_read_them() {
    for json in [
        r#"{"at": "2026-03-01T06:30:00Z", "day": "2026-03-01", "until": "2026-03-08"}"#,
        r#"{"at": "2026-03-01T06:30:00.25Z", "day": "2026-03-01", "until": null}"#,
        r#"{"at": "2026-03-01T07:30:00+01:00", "day": " 2026-03-01 "}"#,
    ] {
        let (ours, chrono) = both(json);
        let (ours, chrono) = (ours.unwrap(), chrono.unwrap());
        assert_eq!((ours.at, ours.day, ours.until), (chrono.at, chrono.day, chrono.until), "{json}");
    }
    // A value of the wrong kind: serde's own words, chrono's "expected" ones.
    for json in [
        r#"{"at": 5, "day": "2026-03-01"}"#,
        r#"{"at": "2026-03-01T06:30:00Z", "day": true}"#,
        r#"{"at": "2026-03-01T06:30:00Z", "day": "2026-03-01", "until": 7}"#,
        r#"{"at": "2026-03-01T06:30:00Z"}"#,
    ] {
        let (ours, chrono) = both(json);
        assert_eq!(ours.unwrap_err(), chrono.unwrap_err(), "{json}");
    }
    // A string that is not one: refused by both, ours naming the part.
    let (ours, chrono) = both(r#"{"at": "2026-03-01T06:30:00+25:00", "day": "2026-03-01"}"#);
    assert!(chrono.is_err());
    assert!(ours.unwrap_err().starts_with(&Unreadable::Offset.to_string()));
    let (ours, chrono) = both(r#"{"at": "2026-03-01T06:30:00Z", "day": "2026-02-30"}"#);
    assert!(chrono.is_err());
    assert!(ours.unwrap_err().starts_with(&Unreadable::Date.to_string()));
}

proptest! {
    /// Records are written byte for byte as chrono's `Serialize` wrote them, and read back.
    #[test]
    fn records_are_written_as_chrono_wrote_them(at in any_moment(), day in 0i32..3_652_059) {
        let day = NaiveDate::from_num_days_from_ce_opt(day + 1).unwrap();
        let at = at.to_utc();
        let ours = serde_json::to_string(&Ours { at, day, until: Some(day) }).unwrap();
        prop_assert_eq!(&ours, &serde_json::to_string(&Chrono { at, day, until: Some(day) }).unwrap());
        if (0..=9999).contains(&chrono::Datelike::year(&at)) {
            prop_assert_eq!(serde_json::from_str::<Ours>(&ours).unwrap(), Ours { at, day, until: Some(day) });
        }
    }
}
