//! The person's reminder choices, stored under the `reminders` setting.

use serde::{Deserialize, Serialize};

use crate::Result;
use crate::calendar::{DayOfWeek, LocalTime, distinct};
use crate::validate::{At, in_range};
use crate::zone::parse_tz;

/// Most reminder times a day: two sessions, each with a second nudge.
pub const MAX_SLOTS: usize = 4;
/// The shortest snooze, in minutes \[D\].
pub const MIN_SNOOZE_MINUTES: i32 = 5;
/// The longest snooze, in minutes (2 hours) \[D\]; a snooze is also refused when it would end
/// after the reminder's local day (a re-test's excepted).
pub const MAX_SNOOZE_MINUTES: i32 = 120;

/// Defaults: on, one reminder at 08:00 (the routine's default session time) on every day of
/// the week, in UTC until the shell hands over the device's zone, snoozing for 10 minutes, the
/// next-morning check at 08:00 and re-test reminders on. When a slot and the morning check
/// share a minute, both fire (the session first); a shell may show them together.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ReminderSettings {
    /// Whether any reminder is armed: off, [`super::upcoming()`] returns none and
    /// [`super::snooze()`] is `NotNow`. Adherence still counts the exercise `days`.
    pub enabled: bool,
    /// 1-4 local times a day. Sorted by `validate`; slot k (1-based) reminds for session
    /// min(k, sessions a day), see the module doc.
    pub slots: Vec<LocalTime>,
    /// 1-7 days the person plans to exercise; the others are rest days. Sorted by `validate`.
    pub days: Vec<DayOfWeek>,
    /// IANA zone id from the shell (`Europe/London`). Local times are read in it.
    pub time_zone: String,
    /// How long a snooze puts a reminder off, in minutes: [`MIN_SNOOZE_MINUTES`]-
    /// [`MAX_SNOOZE_MINUTES`] (5-120).
    pub snooze_minutes: i32,
    /// When to ask for the next-morning pain check; `None` turns that reminder off. A time
    /// before 04:00 fires at 04:00, when the morning check opens
    /// ([`crate::routine::checkin::MORNING_OPENS`]).
    pub morning_check: Option<LocalTime>,
    /// Remind when the movement tests are due again, 14 days after the latest assessment
    /// (CLINICAL.md §6: re-test every 2 weeks); only while the plan is `active` (§8).
    pub retest_reminders: bool,
}

impl Default for ReminderSettings {
    fn default() -> Self {
        ReminderSettings {
            enabled: true,
            slots: vec![LocalTime { hour: 8, minute: 0 }],
            days: DayOfWeek::ALL.to_vec(),
            time_zone: "UTC".to_owned(),
            snooze_minutes: 10,
            morning_check: Some(LocalTime { hour: 8, minute: 0 }),
            retest_reminders: true,
        }
    }
}

impl ReminderSettings {
    /// Checks every field, naming it and its valid range; sorts slots and days and trims
    /// the zone id.
    ///
    /// Errors: `Invalid` naming the field (`slots`, `slots[1].hour`, `days[1]`, `time_zone`,
    /// `snooze_minutes`, `morning_check.minute`, ...); `NotNow` while no zone rules are
    /// registered ([`crate::zone::parse_tz`]).
    pub fn validate(mut self) -> Result<ReminderSettings> {
        distinct("slots", &self.slots, 1, MAX_SLOTS, "times of day")?;
        for (i, t) in self.slots.iter().enumerate() {
            t.check(At("slots", i))?;
        }
        distinct("days", &self.days, 1, DayOfWeek::ALL.len(), "days of the week")?;
        let zone = parse_tz("time_zone", &self.time_zone)?.name();
        if self.time_zone != zone {
            self.time_zone = zone.to_owned();
        }
        in_range("snooze_minutes", self.snooze_minutes, MIN_SNOOZE_MINUTES, MAX_SNOOZE_MINUTES)?;
        if let Some(t) = self.morning_check {
            t.check("morning_check")?;
        }
        crate::sort::sort_by_key(&mut self.slots, |s| *s);
        crate::sort::sort_by_key(&mut self.days, |d| *d);
        Ok(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Error;

    fn field(s: ReminderSettings) -> String {
        match s.validate() {
            Err(Error::Invalid { field, .. }) => field,
            other => panic!("expected invalid, got {other:?}"),
        }
    }

    #[test]
    fn defaults_are_valid_and_round_trip_as_json() {
        let s = ReminderSettings::default().validate().unwrap();
        let json = serde_json::to_string(&s).unwrap();
        assert!(json.contains("\"slots\":[\"08:00\"]"), "{json}");
        assert_eq!(serde_json::from_str::<ReminderSettings>(&json).unwrap(), s);
        // Missing fields take their defaults, unknown ones are refused.
        let partial: ReminderSettings = serde_json::from_str(r#"{"slots":["19:00"]}"#).unwrap();
        assert_eq!(partial.snooze_minutes, 10);
        assert!(serde_json::from_str::<ReminderSettings>(r#"{"slot":["19:00"]}"#).is_err());
    }

    #[test]
    fn validate_sorts_and_normalises() {
        let t = |hour, minute| LocalTime { hour, minute };
        let s = ReminderSettings {
            slots: vec![t(19, 0), t(7, 30)],
            days: vec![DayOfWeek::Fri, DayOfWeek::Mon],
            time_zone: " America/New_York ".into(),
            ..ReminderSettings::default()
        }
        .validate()
        .unwrap();
        assert_eq!(s.slots, [t(7, 30), t(19, 0)]);
        assert_eq!(s.days, [DayOfWeek::Mon, DayOfWeek::Fri]);
        assert_eq!(s.time_zone, "America/New_York");
    }

    #[test]
    fn each_invalid_field_is_named() {
        let t = |hour, minute| LocalTime { hour, minute };
        let d = ReminderSettings::default;
        assert_eq!(field(ReminderSettings { slots: vec![], ..d() }), "slots");
        assert_eq!(field(ReminderSettings { slots: vec![t(1, 0); 5], ..d() }), "slots");
        assert_eq!(field(ReminderSettings { slots: vec![t(7, 0), t(7, 0)], ..d() }), "slots[1]");
        assert_eq!(field(ReminderSettings { slots: vec![t(7, 0), t(24, 0)], ..d() }), "slots[1].hour");
        assert_eq!(field(ReminderSettings { days: vec![], ..d() }), "days");
        assert_eq!(field(ReminderSettings { days: vec![DayOfWeek::Mon; 2], ..d() }), "days[1]");
        assert_eq!(field(ReminderSettings { time_zone: "Mars/Base".into(), ..d() }), "time_zone");
        assert_eq!(field(ReminderSettings { snooze_minutes: 4, ..d() }), "snooze_minutes");
        assert_eq!(field(ReminderSettings { snooze_minutes: 121, ..d() }), "snooze_minutes");
        assert_eq!(field(ReminderSettings { morning_check: Some(t(8, 60)), ..d() }), "morning_check.minute");
    }
}
