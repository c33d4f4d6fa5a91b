//! Wall-clock times and weekdays as people set them ("07:30", "mon"), shared by the routine and
//! the reminders.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate, NaiveTime, Weekday};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::validate::{in_range, within};
use crate::{Error, Result};

/// `YYYY-MM-DD` as ASCII, written by hand (the store binds and the reminder ids spell
/// thousands of them); `None` outside years 0-9999, which chrono spells with a sign.
pub(crate) fn iso_date(date: NaiveDate) -> Option<[u8; 10]> {
    let year = u32::try_from(date.year()).ok().filter(|y| *y <= 9999)?;
    let mut b = *b"0000-00-00";
    for (at, n, width) in [(0, year, 4), (5, date.month(), 2), (8, date.day(), 2)] {
        let mut n = n;
        for i in (at..at + width).rev() {
            b[i] = b'0' + (n % 10) as u8;
            n /= 10;
        }
    }
    Some(b)
}

/// The number that ASCII digits spell (`b"0830"` is 830); `None` when a byte is not a digit or
/// the number passes `u32::MAX`. Callers pass a fixed count of digits (no sign, no spaces).
pub(crate) fn ascii_number(digits: &[u8]) -> Option<u32> {
    digits.iter().try_fold(0u32, |n, &c| {
        c.is_ascii_digit().then_some(())?;
        n.checked_mul(10)?.checked_add(u32::from(c - b'0'))
    })
}

/// Reads exactly `YYYY-MM-DD` (ASCII digits, a real date); `None` for anything else.
pub(crate) fn parse_iso_date(b: &[u8]) -> Option<NaiveDate> {
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    NaiveDate::from_ymd_opt(ascii_number(&b[0..4])? as i32, ascii_number(&b[5..7])?, ascii_number(&b[8..10])?)
}

/// Reads a date given as text across the FFI or in a reminder id: exactly `YYYY-MM-DD`, as
/// Limber writes dates (zero-padded, years 0000-9999), so that one date has one spelling (a
/// reminder id is compared and hashed as text). Errors: `Invalid` naming `field`, "a date as
/// YYYY-MM-DD".
pub fn parse_date(field: &str, text: &str) -> Result<NaiveDate> {
    parse_iso_date(text.as_bytes()).ok_or_else(|| Error::invalid(field, "a date as YYYY-MM-DD"))
}

/// A local time of day to the minute. Text form `HH:MM`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LocalTime {
    /// Hour, 0-23.
    pub hour: i32,
    /// Minute, 0-59.
    pub minute: i32,
}

impl LocalTime {
    /// A checked time. Errors: `Invalid` naming `{field}.hour` (0-23) or `{field}.minute` (0-59).
    pub fn new(field: &str, hour: i32, minute: i32) -> Result<LocalTime> {
        LocalTime { hour, minute }.check(field)
    }

    /// Checks a value that came in as two numbers (FFI, JSON); `field` (a name, or an
    /// [`At`](crate::validate::At)) is spelled out only for an error, as settings are checked on
    /// every reminder plan.
    pub fn check(self, field: impl fmt::Display) -> Result<LocalTime> {
        within(field, in_range("hour", self.hour, 0, 23).and(in_range("minute", self.minute, 0, 59)))?;
        Ok(self)
    }

    /// Parses `HH:MM` (`7:30` and `07:30`; surrounding spaces ignored). Errors: `Invalid` naming
    /// `field`, with the valid form and range.
    pub fn parse(field: &str, text: &str) -> Result<LocalTime> {
        let bad = || Error::invalid(field, "a time of day as HH:MM, from 00:00 to 23:59");
        let (h, m) = text.trim().split_once(':').ok_or_else(bad)?;
        if m.len() != 2 {
            return Err(bad());
        }
        LocalTime::new(field, h.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?).map_err(|_| bad())
    }

    /// As a chrono time; midnight for a value that skipped `check` (never panics).
    pub fn naive(self) -> NaiveTime {
        NaiveTime::from_hms_opt(self.hour as u32, self.minute as u32, 0).unwrap_or(NaiveTime::MIN)
    }
}

impl fmt::Display for LocalTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.hour, self.minute)
    }
}

impl FromStr for LocalTime {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        LocalTime::parse("time", s)
    }
}

impl Serialize for LocalTime {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for LocalTime {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        // Checked while the text is read, so a JSON error points at this value (json_path).
        struct Text;
        impl serde::de::Visitor<'_> for Text {
            type Value = LocalTime;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> std::result::Result<LocalTime, E> {
                LocalTime::parse("time", text).map_err(|_| E::custom("a time of day as HH:MM"))
            }
        }
        d.deserialize_string(Text)
    }
}

text_enum! {
    /// A day of the week, Monday first (ISO 8601).
    pub enum DayOfWeek {
        /// Monday.
        Mon = "mon",
        /// Tuesday.
        Tue = "tue",
        /// Wednesday.
        Wed = "wed",
        /// Thursday.
        Thu = "thu",
        /// Friday.
        Fri = "fri",
        /// Saturday.
        Sat = "sat",
        /// Sunday.
        Sun = "sun",
    }
}

impl DayOfWeek {
    /// The day for chrono's weekday.
    pub fn of(day: Weekday) -> DayOfWeek {
        DayOfWeek::ALL[day.num_days_from_monday() as usize]
    }
}

/// Checks a list of distinct items of a bounded length, naming the field.
pub fn distinct<T: PartialEq>(field: &str, items: &[T], min: usize, max: usize, what: &str) -> Result<()> {
    if items.len() < min || items.len() > max {
        let count = if min == max { format!("{min}") } else { format!("{min} to {max}") };
        return Err(Error::invalid(field, format!("{count} {what}")));
    }
    for (i, item) in items.iter().enumerate() {
        if items[..i].contains(item) {
            return Err(Error::invalid(format!("{field}[{i}]"), format!("{what}, each at most once")));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_parse_and_print_as_hh_mm() {
        assert_eq!(LocalTime::parse("t", "07:30").unwrap(), LocalTime { hour: 7, minute: 30 });
        assert_eq!(LocalTime::parse("t", "7:05").unwrap().to_string(), "07:05");
        for bad in ["24:00", "7:5", "07:60", "noon", "-1:00", ""] {
            let err = LocalTime::parse("slot", bad).unwrap_err();
            assert_eq!(err.to_string(), "invalid slot: must be a time of day as HH:MM, from 00:00 to 23:59");
        }
        assert_eq!(serde_json::to_string(&LocalTime { hour: 19, minute: 0 }).unwrap(), "\"19:00\"");
    }

    #[test]
    fn weekdays_map_from_chrono() {
        assert_eq!(DayOfWeek::of(Weekday::Mon), DayOfWeek::Mon);
        assert_eq!(DayOfWeek::of(Weekday::Sun), DayOfWeek::Sun);
    }

    #[test]
    fn distinct_lists_name_the_repeat() {
        assert!(distinct("days", &[1, 2], 1, 7, "days").is_ok());
        assert_eq!(
            distinct("days", &[1, 1], 1, 7, "days").unwrap_err().to_string(),
            "invalid days[1]: must be days, each at most once"
        );
        assert_eq!(
            distinct("times", &[1, 2, 3], 1, 2, "times").unwrap_err().to_string(),
            "invalid times: must be 1 to 2 times"
        );
    }
}
