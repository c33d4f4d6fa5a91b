//! [`Zone`]: one IANA time zone's rules as chrono's [`TimeZone`], whoever provided them: the
//! compiled-in tz database (chrono-tz, cargo feature `tzdb`: the desktop and the tests) or a
//! [`ZoneWindow`] a provider handed over (the phone's own rules), loaded once per zone and kept
//! for the life of the process.
//!
//! `Zone` is `Copy`: a window is leaked on purpose when it is loaded ([`Zone::from_window`]),
//! which bounds the memory by the zones a process meets (a phone meets one or two, a few KiB
//! each), and lets every rule take a zone by value as it took chrono-tz's `Tz`.

use std::fmt;

use chrono::{
    DateTime, Duration, FixedOffset, MappedLocalTime, NaiveDate, NaiveDateTime, Offset, TimeZone, Utc,
};

use crate::Result;
use crate::zone_rules::{MAX_OFFSET_SECONDS, ZoneWindow};

/// One time zone's rules. Compare, hash and print it by its IANA id ([`Zone::name`]).
#[derive(Clone, Copy)]
pub struct Zone(Rules);

#[derive(Clone, Copy)]
enum Rules {
    /// The compiled-in tz database: any moment chrono can hold.
    #[cfg(feature = "tzdb")]
    Tzdb(chrono_tz::Tz),
    /// A provider's window. Before its start the offset at the start holds, after its end the
    /// last one: the registry asks for all of 2000-2099, every moment Limber accepts.
    Window(&'static ZoneWindow),
}

impl Zone {
    /// UTC, from the compiled-in rules when there are any.
    pub fn utc() -> Zone {
        #[cfg(feature = "tzdb")]
        return Zone(Rules::Tzdb(chrono_tz::Tz::UTC));
        #[cfg(not(feature = "tzdb"))]
        {
            static UTC: std::sync::OnceLock<ZoneWindow> = std::sync::OnceLock::new();
            Zone(Rules::Window(UTC.get_or_init(|| ZoneWindow {
                zone: "UTC".to_owned(),
                from: DateTime::<Utc>::MIN_UTC,
                to: DateTime::<Utc>::MAX_UTC,
                offset_seconds: 0,
                transitions: Vec::new(),
            })))
        }
    }

    /// The zone of the compiled-in tz database.
    #[cfg(feature = "tzdb")]
    pub fn tzdb(tz: chrono_tz::Tz) -> Zone {
        Zone(Rules::Tzdb(tz))
    }

    /// A zone read from a provider's `window`, checked first ([`ZoneWindow::validate`]: errors
    /// name the field). Leaks the window: call it once per zone (the registry does).
    pub fn from_window(window: ZoneWindow) -> Result<Zone> {
        Ok(Zone(Rules::Window(Box::leak(Box::new(window.validate()?)))))
    }

    /// The IANA id, e.g. `Europe/London`.
    pub fn name(&self) -> &'static str {
        match self.0 {
            #[cfg(feature = "tzdb")]
            Rules::Tzdb(tz) => tz.name(),
            Rules::Window(w) => &w.zone,
        }
    }

    /// The offset from UTC at `utc`, in seconds.
    fn seconds_at(&self, utc: &NaiveDateTime) -> i32 {
        match self.0 {
            #[cfg(feature = "tzdb")]
            Rules::Tzdb(tz) => tz.offset_from_utc_datetime(utc).fix().local_minus_utc(),
            Rules::Window(w) => w.offset_at(utc.and_utc()),
        }
    }

    fn offset(self, seconds: i32) -> ZoneOffset {
        // A checked window holds offsets within ±14 h, which chrono always accepts.
        let fixed = FixedOffset::east_opt(seconds).unwrap_or_else(|| Utc.fix());
        ZoneOffset { zone: self, fixed }
    }
}

/// The local readings of `local` under a window: `Single`, `Ambiguous(earliest, latest)` in a
/// repeated hour, `None` in a gap. Each candidate is an offset in force within 15 hours either
/// side, kept when the instant it gives has that very offset.
fn window_local(w: &ZoneWindow, local: &NaiveDateTime) -> MappedLocalTime<i32> {
    let as_utc = local.and_utc();
    let reach = Duration::seconds((MAX_OFFSET_SECONDS + 3600).into());
    let (Some(lo), Some(hi)) = (as_utc.checked_sub_signed(reach), as_utc.checked_add_signed(reach)) else {
        return MappedLocalTime::Single(w.offset_at(as_utc));
    };
    let first = w.transitions.partition_point(|t| t.at <= lo);
    let last = w.transitions.partition_point(|t| t.at <= hi);
    let candidates =
        std::iter::once(w.offset_at(lo)).chain(w.transitions[first..last].iter().map(|t| t.offset_seconds));
    // The earliest and the latest reading found: (instant, offset).
    let mut earliest: Option<(DateTime<Utc>, i32)> = None;
    let mut latest = earliest;
    for offset in candidates {
        let Some(utc) = as_utc.checked_sub_signed(Duration::seconds(offset.into())) else { continue };
        if w.offset_at(utc) != offset {
            continue;
        }
        if earliest.is_none_or(|(e, _)| utc < e) {
            earliest = Some((utc, offset));
        }
        if latest.is_none_or(|(l, _)| utc > l) {
            latest = Some((utc, offset));
        }
    }
    match (earliest, latest) {
        (Some((e, a)), Some((l, b))) if e != l => MappedLocalTime::Ambiguous(a, b),
        (Some((_, a)), _) => MappedLocalTime::Single(a),
        _ => MappedLocalTime::None,
    }
}

impl TimeZone for Zone {
    type Offset = ZoneOffset;

    fn from_offset(offset: &ZoneOffset) -> Zone {
        offset.zone
    }

    fn offset_from_local_date(&self, local: &NaiveDate) -> MappedLocalTime<ZoneOffset> {
        self.offset_from_local_datetime(&local.and_time(chrono::NaiveTime::MIN))
    }

    fn offset_from_local_datetime(&self, local: &NaiveDateTime) -> MappedLocalTime<ZoneOffset> {
        match self.0 {
            #[cfg(feature = "tzdb")]
            Rules::Tzdb(tz) => {
                tz.offset_from_local_datetime(local).map(|o| self.offset(o.fix().local_minus_utc()))
            }
            Rules::Window(w) => window_local(w, local).map(|seconds| self.offset(seconds)),
        }
    }

    fn offset_from_utc_date(&self, utc: &NaiveDate) -> ZoneOffset {
        self.offset_from_utc_datetime(&utc.and_time(chrono::NaiveTime::MIN))
    }

    fn offset_from_utc_datetime(&self, utc: &NaiveDateTime) -> ZoneOffset {
        self.offset(self.seconds_at(utc))
    }
}

impl PartialEq for Zone {
    fn eq(&self, other: &Zone) -> bool {
        self.name() == other.name()
    }
}

impl Eq for Zone {}

impl std::hash::Hash for Zone {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.name().hash(state);
    }
}

impl fmt::Debug for Zone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Zone({})", self.name())
    }
}

impl fmt::Display for Zone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A [`Zone`]'s offset at one moment: prints as `+01:00`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ZoneOffset {
    zone: Zone,
    fixed: FixedOffset,
}

impl Offset for ZoneOffset {
    fn fix(&self) -> FixedOffset {
        self.fixed
    }
}

impl fmt::Display for ZoneOffset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.fixed, f)
    }
}
