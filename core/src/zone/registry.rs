//! Where [`Zone`]s come from, process-wide: the zone-rules provider the shell registered
//! ([`use_rules`]: the phone's own rules), else the compiled-in tz database (cargo feature
//! `tzdb`), else a typed error, never a panic.
//!
//! A provider is asked once per zone for the whole of 2000-2099 (every moment Limber accepts,
//! about 200 changes for a zone with daylight saving) and the answer kept for the life of the
//! process: one call for everything planned in that zone, never one per reminder. Phones take a
//! tz-data update with a restart (Android installs it at boot, iOS with a system update), so a
//! process never outlives its rules. Registering a provider forgets every zone loaded before.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, PoisonError};

use chrono::{DateTime, Utc};

use super::Zone;
use crate::zone_rules::ZoneRules;
use crate::{Error, Result};

/// The window a provider is asked for: 2000-01-01T00:00:00Z ...
pub const WINDOW_FROM: DateTime<Utc> = match DateTime::from_timestamp(946_684_800, 0) {
    Some(t) => t,
    None => DateTime::<Utc>::MIN_UTC,
};
/// ... to 2099-12-31T23:59:59Z, the last second Limber accepts.
pub const WINDOW_TO: DateTime<Utc> = match DateTime::from_timestamp(4_102_444_799, 0) {
    Some(t) => t,
    None => DateTime::<Utc>::MAX_UTC,
};

/// What a shell gets when it plans before registering its rules in a library built without the
/// compiled-in tz database (the phone library).
pub const NO_RULES: &str =
    "no time-zone rules: the app registers its platform's rules (registerZoneRules) before it plans";

/// A provider and the zones it gave. One per process ([`REGISTRY`]); tests make their own.
pub(crate) struct Registry {
    state: Mutex<State>,
}

struct State {
    /// Bumped by every registration, so a window asked of an old provider is not kept.
    generation: u64,
    rules: Option<Arc<dyn ZoneRules>>,
    zones: BTreeMap<String, Zone>,
}

pub(crate) static REGISTRY: Registry = Registry::new();

/// Makes `rules` the source of every zone from now on (the phone's rules, registered by the
/// shell at start, before it plans), forgetting the zones loaded before; `None` goes back to
/// the compiled-in rules (or to none).
pub fn use_rules(rules: Option<Arc<dyn ZoneRules>>) {
    REGISTRY.set(rules);
}

impl Registry {
    pub(crate) const fn new() -> Registry {
        Registry { state: Mutex::new(State { generation: 0, rules: None, zones: BTreeMap::new() }) }
    }

    pub(crate) fn set(&self, rules: Option<Arc<dyn ZoneRules>>) {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        state.generation += 1;
        state.rules = rules;
        state.zones.clear();
    }

    /// The zone named `name` (trimmed). Errors name `field`: an unknown zone, a provider's
    /// answer that fails [`crate::zone_rules::ZoneWindow::validate`], or no rules at all.
    pub(crate) fn zone(&self, field: &str, name: &str) -> Result<Zone> {
        let name = name.trim();
        let (generation, rules) = {
            let state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
            if let Some(zone) = state.zones.get(name) {
                return Ok(*zone);
            }
            (state.generation, state.rules.clone())
        };
        let Some(rules) = rules else { return builtin(field, name) };
        // Asked without the lock held: the provider may be a shell's callback, and slow.
        let mut window = rules.window(field, name, WINDOW_FROM, WINDOW_TO)?;
        // The zone is known by the id it was asked for, whatever the provider calls it.
        name.clone_into(&mut window.zone);
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(zone) = state.zones.get(name) {
            return Ok(*zone);
        }
        let zone = Zone::from_window(window)?;
        if state.generation == generation {
            state.zones.insert(name.to_owned(), zone);
        }
        Ok(zone)
    }
}

/// The compiled-in rules, when there are any.
fn builtin(field: &str, name: &str) -> Result<Zone> {
    #[cfg(feature = "tzdb")]
    return name
        .parse::<chrono_tz::Tz>()
        .map(Zone::tzdb)
        .map_err(|_| Error::invalid(field, crate::zone_rules::ZONE_RANGE));
    #[cfg(not(feature = "tzdb"))]
    {
        let _ = (field, name);
        Err(Error::NotNow(NO_RULES))
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;
    use crate::zone_rules::{Transition, ZoneWindow};

    /// A phone's provider that knows one zone, with one change in 2026, and counts its calls.
    struct Phone {
        calls: AtomicUsize,
        offset_after: i32,
    }

    impl ZoneRules for Phone {
        fn window(
            &self,
            field: &str,
            zone: &str,
            from: DateTime<Utc>,
            to: DateTime<Utc>,
        ) -> Result<ZoneWindow> {
            self.calls.fetch_add(1, Ordering::SeqCst);
            if zone != "Europe/Somewhere" {
                return Err(Error::invalid(field, "a zone the phone knows"));
            }
            let at = "2026-03-29T01:00:00Z".parse().unwrap();
            let transitions = vec![Transition { at, offset_seconds: self.offset_after }];
            Ok(ZoneWindow { zone: "ignored".into(), from, to, offset_seconds: 0, transitions })
        }
    }

    fn phone(offset_after: i32) -> Arc<Phone> {
        Arc::new(Phone { calls: AtomicUsize::new(0), offset_after })
    }

    #[test]
    fn a_provider_is_asked_once_per_zone_for_the_whole_window() {
        let registry = Registry::new();
        let rules = phone(3600);
        registry.set(Some(rules.clone()));
        let zone = registry.zone("time_zone", " Europe/Somewhere ").unwrap();
        for _ in 0..100 {
            assert_eq!(registry.zone("time_zone", "Europe/Somewhere").unwrap(), zone);
        }
        assert_eq!(rules.calls.load(Ordering::SeqCst), 1);
        assert_eq!(zone.name(), "Europe/Somewhere", "known by the id asked for");
        let summer = "2026-07-01T12:00:00Z".parse::<DateTime<Utc>>().unwrap();
        assert_eq!(crate::zone::offset_minutes(zone, summer), 60);
        assert_eq!(crate::zone::offset_minutes(zone, summer.with_year_2001()), 0);
    }

    trait Year2001 {
        fn with_year_2001(self) -> Self;
    }

    impl Year2001 for DateTime<Utc> {
        fn with_year_2001(self) -> Self {
            use chrono::Datelike;
            self.with_year(2001).unwrap()
        }
    }

    #[test]
    fn a_new_provider_forgets_the_zones_of_the_old_one() {
        let registry = Registry::new();
        let (old, new) = (phone(3600), phone(7200));
        registry.set(Some(old.clone()));
        let summer = "2026-07-01T12:00:00Z".parse::<DateTime<Utc>>().unwrap();
        let zone = registry.zone("time_zone", "Europe/Somewhere").unwrap();
        assert_eq!(crate::zone::offset_minutes(zone, summer), 60);
        registry.set(Some(new.clone()));
        let zone = registry.zone("time_zone", "Europe/Somewhere").unwrap();
        assert_eq!(crate::zone::offset_minutes(zone, summer), 120);
        assert_eq!((old.calls.load(Ordering::SeqCst), new.calls.load(Ordering::SeqCst)), (1, 1));
    }

    #[test]
    fn an_unknown_zone_or_a_broken_window_is_a_typed_error_naming_the_field() {
        let registry = Registry::new();
        registry.set(Some(phone(3600)));
        let unknown = registry.zone("time_zone", "Mars/Olympus").unwrap_err();
        assert!(matches!(unknown, Error::Invalid { ref field, .. } if field == "time_zone"), "{unknown:?}");
        registry.set(Some(phone(-19 * 3600)));
        let broken = registry.zone("time_zone", "Europe/Somewhere").unwrap_err();
        assert!(
            matches!(broken, Error::Invalid { ref field, .. } if field == "transitions[0].offset_seconds"),
            "{broken:?}"
        );
    }

    /// Without a provider: the compiled-in rules, or (the phone library) a typed error.
    #[test]
    fn without_a_provider_the_compiled_in_rules_or_a_typed_error() {
        let registry = Registry::new();
        let zone = registry.zone("time_zone", "Europe/London");
        #[cfg(feature = "tzdb")]
        assert_eq!(zone.unwrap().name(), "Europe/London");
        #[cfg(not(feature = "tzdb"))]
        assert!(matches!(zone, Err(Error::NotNow(NO_RULES))), "{zone:?}");
    }
}
