//! The one clock every command reads: `now` and the time zone. `--now` tries a moment; the zone
//! is `--tz`, else `LIMBER_TZ`, else `TZ`, else the system setting, read in that one order and
//! nowhere else (no command reads the host's zone on its own). The zone is the device's zone:
//! the reminder settings follow it through the core rule the phones use when the zone changes
//! ([`limber_core::Limber::use_device_zone`]).

use chrono::{DateTime, FixedOffset, Utc};
use clap::Args;
use limber_core::zone::Zone;
use limber_core::zone::parse_tz;

use crate::{CliResult, when};

#[derive(Args, Clone, Default)]
pub struct ClockArgs {
    /// The IANA time zone [default: LIMBER_TZ, then TZ, then this machine's setting].
    #[arg(long, global = true, env = "LIMBER_TZ", value_name = "ZONE")]
    pub tz: Option<String>,
    /// Act as if it were this moment (RFC 3339) [default: now].
    #[arg(long, global = true, value_name = "RFC3339")]
    pub now: Option<String>,
}

pub struct Clock {
    pub now: DateTime<Utc>,
    /// The IANA id, as chrono-tz spells it.
    pub tz: String,
    pub zone: Zone,
}

impl Clock {
    /// `now` on the local wall clock, with the offset in force.
    pub fn now_local(&self) -> DateTime<FixedOffset> {
        self.now.with_timezone(&self.zone).fixed_offset()
    }
}

impl ClockArgs {
    pub fn resolve(&self) -> CliResult<Clock> {
        let now = match &self.now {
            Some(text) => when::parse_moment("now", text)?.with_timezone(&Utc),
            None => Utc::now(),
        };
        let zone = match self.tz.as_deref().filter(|t| !t.trim().is_empty()) {
            Some(tz) => parse_tz("tz", tz)?,
            None => match std::env::var("TZ").ok().filter(|t| !t.trim().is_empty()) {
                Some(tz) => parse_tz("TZ", from_tz_variable(&tz))?,
                None => system_zone(),
            },
        };
        Ok(Clock { now, tz: zone.name().to_owned(), zone })
    }
}

/// `TZ` as the C library reads an IANA zone: `Asia/Tokyo`, `:Asia/Tokyo`, or a path into the
/// zone database (`/usr/share/zoneinfo/Asia/Tokyo`). POSIX rule strings (`JST-9`) are not zones
/// and are refused, naming `TZ`.
fn from_tz_variable(value: &str) -> &str {
    let value = value.trim().trim_start_matches(':');
    value.rsplit_once("zoneinfo/").map_or(value, |(_, name)| name)
}

/// The system setting (`/etc/localtime` and the platform's equivalents), or UTC when there is
/// none or it is not a zone chrono-tz knows.
fn system_zone() -> Zone {
    iana_time_zone::get_timezone().ok().and_then(|name| parse_tz("TZ", &name).ok()).unwrap_or_else(Zone::utc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tz_variable_reads_like_the_c_library() {
        assert_eq!(from_tz_variable("Asia/Tokyo"), "Asia/Tokyo");
        assert_eq!(from_tz_variable(":Asia/Tokyo"), "Asia/Tokyo");
        assert_eq!(from_tz_variable("/usr/share/zoneinfo/Asia/Tokyo"), "Asia/Tokyo");
        assert!(parse_tz("TZ", from_tz_variable("JST-9")).is_err());
    }
}
