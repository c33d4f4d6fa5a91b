//! Time-zone rules from a provider (issue 17, part 3): the offsets and transitions of one zone
//! over the window Limber plans (2000-2099), asked for once per zone per process by
//! [`crate::zone::parse_tz`]. On the desktop and in tests the provider is chrono-tz (`Tzdb`,
//! cargo feature `tzdb`); on phones it is the platform's own rules, which the OS keeps up to date
//! (Android `java.time.zone.ZoneRules`, iOS `TimeZone`), through the bindings'
//! `ZoneRulesProvider`.
//!
//! A [`ZoneWindow`] answers the questions [`crate::zone`] answers from chrono-tz, with the same
//! rules for reminders: a local time that does not exist (spring forward) lands after the gap at
//! the same distance, a time that happens twice is the first.

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::calendar::LocalTime;
use crate::timestamp::check_instant;
use crate::validate::{At, within};
use crate::{Error, Result};

/// The largest UTC offset a zone may have, in seconds: ±14 h, the same limit as every stored
/// offset (`timestamp::MAX_OFFSET_MINUTES`), so an instant planned under a provider's rules can
/// always be stored and restored. (java.time allows ±18 h; no zone has been beyond +14 h or
/// -12 h since 2000, and Limber asks for 2000-2099.)
pub const MAX_OFFSET_SECONDS: i32 = crate::timestamp::MAX_OFFSET_MINUTES * 60;

/// Transitions a window may hold: far more than any zone has had in a few years.
pub const MAX_TRANSITIONS: usize = 1000;

/// The longest window, in days: 2000-2099, every moment Limber accepts (the window
/// [`crate::zone::parse_tz`] asks a provider for).
pub const MAX_WINDOW_DAYS: i64 = 100 * 366;

/// `from` and `to` are moments Limber accepts (2000-2099), `to` not before `from`.
fn check_span(from: DateTime<Utc>, to: DateTime<Utc>) -> Result<()> {
    check_instant("from", from)?;
    check_instant("to", to)?;
    if to < from || to - from > Duration::days(MAX_WINDOW_DAYS) {
        return Err(Error::invalid("to", "not before from, and at most 100 years after it"));
    }
    Ok(())
}

/// One change of a zone's UTC offset: from `at` on, local time is UTC + `offset_seconds`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Transition {
    /// The first instant with the new offset.
    pub at: DateTime<Utc>,
    /// The new UTC offset, in seconds east of UTC (-50400..=50400, ±14 h; Europe/London's
    /// summer time is 3600).
    pub offset_seconds: i32,
}

/// A zone's rules over `[from, to]`: the offset in force at `from` and every change after it
/// up to `to`, oldest first. The limits below are what [`ZoneWindow::validate`] checks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ZoneWindow {
    /// The IANA id, e.g. `Europe/London`.
    pub zone: String,
    /// The window's start: a moment from 2000-01-01 to 2099-12-31 UTC.
    pub from: DateTime<Utc>,
    /// The window's end: not before `from`, at most [`MAX_WINDOW_DAYS`] after it, in the same
    /// years. Outside the window the nearest end's offset holds.
    pub to: DateTime<Utc>,
    /// The UTC offset in force at `from`, in seconds east of UTC (-50400..=50400, ±14 h).
    pub offset_seconds: i32,
    /// The changes in `[from, to]`, oldest first, at most [`MAX_TRANSITIONS`].
    pub transitions: Vec<Transition>,
}

/// Where the rules come from. One call per re-plan: `window` covers everything the plan needs.
pub trait ZoneRules: Send + Sync {
    /// The rules of `zone` over `[from, to]`. An unknown zone is [`Error::Invalid`] naming
    /// `field`.
    fn window(&self, field: &str, zone: &str, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<ZoneWindow>;
}

impl ZoneWindow {
    /// Checks a window a provider handed over (it may come from a shell): `from` and `to`
    /// from 2000 to 2099, `to` not before `from` and at most [`MAX_WINDOW_DAYS`] after it,
    /// offsets within ±14 h, at most [`MAX_TRANSITIONS`] transitions, each inside the window
    /// and after the one before (a transition that keeps the offset is accepted). Errors:
    /// `Invalid` naming the field (`to`, `offset_seconds`, `transitions[3].at`, ...).
    pub fn validate(self) -> Result<ZoneWindow> {
        let offset = |field: &str, seconds: i32| {
            // `unsigned_abs`: a shell may hand over i32::MIN, whose `abs` overflows.
            if seconds.unsigned_abs() <= MAX_OFFSET_SECONDS.unsigned_abs() {
                Ok(())
            } else {
                Err(Error::invalid(field, "an offset from -50400 to 50400 seconds (±14 hours)"))
            }
        };
        check_span(self.from, self.to)?;
        offset("offset_seconds", self.offset_seconds)?;
        if self.transitions.len() > MAX_TRANSITIONS {
            return Err(Error::invalid("transitions", "at most 1000 changes"));
        }
        let mut previous = (self.from, self.offset_seconds);
        for (i, t) in self.transitions.iter().enumerate() {
            within(At("transitions", i), offset("offset_seconds", t.offset_seconds))?;
            if t.at <= previous.0 && i > 0 || t.at < self.from || t.at > self.to {
                return Err(Error::invalid(
                    format!("transitions[{i}].at"),
                    "inside the window, after the previous change",
                ));
            }
            previous = (t.at, t.offset_seconds);
        }
        Ok(self)
    }

    /// The offset in force at `at`, in seconds. Outside the window, the nearest end's.
    pub fn offset_at(&self, at: DateTime<Utc>) -> i32 {
        let after = self.transitions.partition_point(|t| t.at <= at);
        match after {
            0 => self.offset_seconds,
            n => self.transitions[n - 1].offset_seconds,
        }
    }

    /// The UTC offset in minutes at an instant, as stored beside timestamps.
    pub fn offset_minutes(&self, at: DateTime<Utc>) -> i32 {
        self.offset_at(at) / 60
    }

    /// The local calendar date of an instant.
    pub fn local_date(&self, at: DateTime<Utc>) -> NaiveDate {
        (at.naive_utc() + Duration::seconds(self.offset_at(at).into())).date()
    }

    /// The instant a local date and time stands for.
    pub fn instant(&self, date: NaiveDate, time: LocalTime) -> DateTime<Utc> {
        self.resolve(date.and_time(time.naive()))
    }

    /// Resolves a local date-time: the first of two readings in an overlap, and after the gap
    /// at the same distance in a gap (read with the offset in force just before it).
    pub fn resolve(&self, local: NaiveDateTime) -> DateTime<Utc> {
        // Spans of constant offset: (start, offset), the first from the window's start.
        let spans = std::iter::once((None, self.offset_seconds))
            .chain(self.transitions.iter().map(|t| (Some(t.at), t.offset_seconds)));
        let mut previous_offset = None;
        let ends = self.transitions.iter().map(|t| Some(t.at)).chain(std::iter::once(None));
        for ((start, offset), end) in spans.zip(ends) {
            let utc = (local - Duration::seconds(offset.into())).and_utc();
            let inside = start.is_none_or(|s| utc >= s) && end.is_none_or(|e| utc < e);
            if inside {
                // The earliest reading that exists: spans are in time order.
                return utc;
            }
            // A gap: the local time falls between this span's end reading and the next's start.
            if let (Some(before), Some(s)) = (previous_offset, start)
                && utc < s
                && (local - Duration::seconds(i64::from(before))).and_utc() >= s
            {
                return (local - Duration::seconds(i64::from(before))).and_utc();
            }
            previous_offset = Some(offset);
        }
        // Past every span's reading (cannot happen: the last span is open-ended).
        (local - Duration::seconds(self.offset_seconds.into())).and_utc()
    }
}

/// Days [`wall_clock_instants`] covers at most: two years and a little.
pub const MAX_DAYS: i32 = 800;

/// The instant each local `time` of each of `days` local days from `first_day` stands for in
/// the window's zone, day by day: what reminders fire at. Errors: `Invalid` naming `days`
/// outside 1-[`MAX_DAYS`] (800), or `first_day` outside 2000-01-01 to 2099-12-31.
pub fn wall_clock_instants(
    window: &ZoneWindow,
    times: &[LocalTime],
    first_day: NaiveDate,
    days: i32,
) -> Result<Vec<DateTime<Utc>>> {
    crate::validate::in_range("days", days, 1, MAX_DAYS)?;
    let (min, max) = (NaiveDate::from_ymd_opt(2000, 1, 1), NaiveDate::from_ymd_opt(2099, 12, 31));
    if min.is_none_or(|min| first_day < min) || max.is_none_or(|max| first_day > max) {
        return Err(Error::invalid("first_day", "a date from 2000-01-01 to 2099-12-31"));
    }
    let mut out = Vec::with_capacity(times.len() * days as usize);
    let mut date = first_day;
    for _ in 0..days {
        out.extend(times.iter().map(|t| window.instant(date, *t)));
        date = date.succ_opt().ok_or_else(|| Error::invalid("first_day", "a date before 9999"))?;
    }
    Ok(out)
}

/// The compiled-in rules (`Tzdb`) when this build has them (cargo feature `tzdb`): not in the
/// phone library, whose shells register their platform's rules.
pub fn builtin() -> Option<&'static dyn ZoneRules> {
    #[cfg(feature = "tzdb")]
    return Some(&Tzdb);
    #[cfg(not(feature = "tzdb"))]
    None
}

/// The IANA release of [`builtin`]'s rules, e.g. `2025b`.
pub fn builtin_version() -> Option<&'static str> {
    #[cfg(feature = "tzdb")]
    return Some(TZDB_VERSION);
    #[cfg(not(feature = "tzdb"))]
    None
}

/// The IANA time-zone database compiled in (chrono-tz): the desktop CLI and the tests.
#[cfg(feature = "tzdb")]
pub struct Tzdb;

/// The `range` of the error for a zone id the compiled-in rules do not know.
#[cfg(feature = "tzdb")]
pub(crate) const ZONE_RANGE: &str = "an IANA time zone id such as Europe/London or America/New_York";

/// The IANA release [`Tzdb`] carries, e.g. `2025b`.
#[cfg(feature = "tzdb")]
pub const TZDB_VERSION: &str = chrono_tz::IANA_TZDB_VERSION;

#[cfg(feature = "tzdb")]
impl ZoneRules for Tzdb {
    /// Scans the window hour by hour and pins each change to the second: zones change their
    /// offset at most a few times a year, never twice within an hour.
    fn window(&self, field: &str, zone: &str, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<ZoneWindow> {
        use chrono::Offset;
        let tz = zone.trim().parse::<chrono_tz::Tz>().map_err(|_| Error::invalid(field, ZONE_RANGE))?;
        check_span(from, to)?;
        let offset = |at: DateTime<Utc>| at.with_timezone(&tz).offset().fix().local_minus_utc();
        let mut transitions = Vec::new();
        let mut at = from;
        let mut current = offset(from);
        while at < to {
            let next = (at + Duration::hours(1)).min(to);
            let o = offset(next);
            if o != current {
                // The first second with the new offset, in (at, next].
                let (mut lo, mut hi) = (at, next);
                while hi - lo > Duration::seconds(1) {
                    let mid = lo + (hi - lo) / 2;
                    if offset(mid) == current { lo = mid } else { hi = mid }
                }
                transitions.push(Transition { at: hi, offset_seconds: o });
                current = o;
            }
            at = next;
        }
        Ok(ZoneWindow { zone: tz.name().to_owned(), from, to, offset_seconds: offset(from), transitions })
    }
}

#[cfg(test)]
#[cfg(feature = "tzdb")]
mod tests;
