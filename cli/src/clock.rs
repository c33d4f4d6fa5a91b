//! `now` and the time zone for commands that need them: this machine's by default, or
//! `--now` / `--tz` to try a moment or a zone (and for scripts and tests).

use chrono::{DateTime, Utc};
use clap::Args;

use crate::{CliResult, when};

#[derive(Args, Clone, Default)]
pub struct ClockArgs {
    /// The IANA time zone [default: this machine's, e.g. Europe/London].
    #[arg(long, global = true, env = "LIMBER_TZ", value_name = "ZONE")]
    pub tz: Option<String>,
    /// Act as if it were this moment (RFC 3339) [default: now].
    #[arg(long, global = true, value_name = "RFC3339")]
    pub now: Option<String>,
}

pub struct Clock {
    pub now: DateTime<Utc>,
    pub tz: String,
}

impl ClockArgs {
    pub fn resolve(&self) -> CliResult<Clock> {
        let now = match &self.now {
            Some(text) => when::parse_moment("now", text)?.with_timezone(&Utc),
            None => Utc::now(),
        };
        let tz = match &self.tz {
            Some(tz) => tz.clone(),
            None => iana_time_zone::get_timezone().unwrap_or_else(|_| "UTC".to_owned()),
        };
        // Checked here so a bad zone is one clear error before anything is opened.
        limber_core::zone::parse_tz("tz", &tz)?;
        Ok(Clock { now, tz })
    }
}
