//! Time-zone rules across the FFI (issue 17, part 3): the shells hand Limber their platform's
//! rules for a zone over the window it plans (`ZoneRulesProvider`: Android
//! `java.time.zone.ZoneRules`, iOS `TimeZone`), registered once at start
//! ([`register_zone_rules`]) and asked once per zone for 2000-2099. The phone library carries no
//! rules of its own; a library built with the `tzdb` feature (the desktop, the tests) does.

use limber_core::calendar::LocalTime;
use limber_core::zone_rules::{self, Transition, ZoneRules, ZoneWindow};

use crate::error::{LimberError, guard};
use crate::routine::LocalDate;
use crate::types::Timestamp;

/// The platform's rules for one zone. `window` gives the offset in force at `from` and every
/// change up to `to` (oldest first); throw `LimberException.InvalidInput` for a zone the
/// platform does not know. Called off the main thread, on the thread of the call that plans.
#[uniffi::export(with_foreign)]
pub trait ZoneRulesProvider: Send + Sync {
    /// The rules of the IANA zone `zone` (`Europe/London`) over `[from, to]`: `offset_seconds`
    /// in force at `from`, then each change of offset after it up to `to`, oldest first, at most
    /// 1000, every offset within ±14 h (-50400 to 50400 seconds). Limber asks for 2000-2099.
    /// Any exception counts as a zone the platform does not know (`InvalidInput` naming the
    /// field the zone came from, such as `time_zone`); an answer outside these limits is `InvalidInput` naming the bad
    /// field (`transitions[3].at`).
    fn window(&self, zone: String, from: Timestamp, to: Timestamp) -> Result<ZoneWindow, LimberError>;
}

/// Makes `provider` the source of every time zone Limber plans in, from now on. Call it once
/// at app start, before anything plans (Android: `Application.onCreate`; iOS: at launch): the
/// phone library has no rules of its own, and every call that needs a zone is
/// `LimberException.NotNow` until a provider is registered. Registering again forgets the zones
/// read from the previous provider. Each zone is asked for once per process, for 2000-2099.
#[uniffi::export]
pub fn register_zone_rules(provider: std::sync::Arc<dyn ZoneRulesProvider>) {
    limber_core::zone::use_rules(Some(std::sync::Arc::new(Platform(provider))));
}

/// The zone rules compiled into this library (chrono-tz, IANA `builtin_tzdb_version()`), as a
/// window: for the parity tests against the platform's rules. An unknown zone is
/// `InvalidInput`; a library without compiled-in rules (the phones') is `NotNow`.
#[uniffi::export]
pub fn builtin_zone_window(zone: String, from: Timestamp, to: Timestamp) -> Result<ZoneWindow, LimberError> {
    guard(|| match zone_rules::builtin() {
        Some(rules) => rules.window("zone", &zone, from, to),
        None => Err(limber_core::Error::NotNow("this library has no compiled-in time-zone rules")),
    })
}

/// The IANA release of the compiled-in rules, e.g. `2025b`; `None` in a library without them
/// (the phones').
#[uniffi::export]
pub fn builtin_tzdb_version() -> Option<String> {
    zone_rules::builtin_version().map(str::to_owned)
}

/// The instants reminders at each local `times` (`HH:MM`) of each of `days` (1-800) local days
/// from `first_day` fire at under `window`'s rules (checked first: offsets within ±14 h,
/// changes in order), with Limber's rules for times a change skips or repeats.
#[uniffi::export]
pub fn wall_clock_instants(
    window: ZoneWindow,
    times: Vec<String>,
    first_day: LocalDate,
    days: i32,
) -> Result<Vec<Timestamp>, LimberError> {
    guard(|| {
        let window = window.validate()?;
        let times = times
            .iter()
            .enumerate()
            .map(|(i, t)| LocalTime::parse(&format!("times[{i}]"), t))
            .collect::<limber_core::Result<Vec<_>>>()?;
        zone_rules::wall_clock_instants(&window, &times, first_day, days)
    })
}

/// The window `provider` gives for `zone`, checked as the core checks every provider's answer
/// (offsets within ±14 h, changes in order and inside the window). A zone the provider does not
/// know (any error it throws) is `InvalidInput` naming `zone`.
#[uniffi::export]
pub fn checked_zone_window(
    provider: std::sync::Arc<dyn ZoneRulesProvider>,
    zone: String,
    from: Timestamp,
    to: Timestamp,
) -> Result<ZoneWindow, LimberError> {
    guard(|| Platform(provider).window("zone", &zone, from, to))
}

/// The shell's provider seen by the core.
pub(crate) struct Platform(pub std::sync::Arc<dyn ZoneRulesProvider>);

impl ZoneRules for Platform {
    fn window(
        &self,
        field: &str,
        zone: &str,
        from: Timestamp,
        to: Timestamp,
    ) -> limber_core::Result<ZoneWindow> {
        // Whatever the platform could not answer, the zone is one it does not know.
        match self.0.window(zone.to_owned(), from, to) {
            Ok(window) => window.validate(),
            Err(_) => Err(limber_core::Error::invalid(
                field,
                "an IANA time zone id the platform's rules know, such as Europe/London",
            )),
        }
    }
}

/// A zone's rules over `[from, to]`: the offset in force at `from` and every change after it
/// up to `to`, oldest first.
#[uniffi::remote(Record)]
pub struct ZoneWindow {
    /// The IANA id, e.g. `Europe/London`.
    pub zone: String,
    /// The window's start, from 2000-01-01 to 2099-12-31 UTC.
    pub from: Timestamp,
    /// The window's end: not before `from`, at most 100 years after it, in the same years.
    pub to: Timestamp,
    /// The UTC offset in force at `from`, in seconds east of UTC (-50400 to 50400, ±14 h).
    pub offset_seconds: i32,
    /// The changes inside `[from, to]`, oldest first, each after the one before; at most 1000.
    pub transitions: Vec<Transition>,
}

/// One change of a zone's UTC offset: from `at` on, local time is UTC + `offset_seconds`.
#[uniffi::remote(Record)]
pub struct Transition {
    /// The first instant with the new offset.
    pub at: Timestamp,
    /// The new UTC offset, in seconds east of UTC (-50400 to 50400, ±14 h).
    pub offset_seconds: i32,
}
