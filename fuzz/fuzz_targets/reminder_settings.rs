//! Reminder settings as JSON (how they are stored and restored): any bytes give a typed error or
//! settings, never a panic; valid settings give a plan in firing order across DST changes.

#![no_main]

use std::collections::{BTreeSet, HashSet};

use chrono::{DateTime, Days, Duration, Utc};
use libfuzzer_sys::fuzz_target;
use limber_core::schedule::{
    Facts, MAX_LIMIT, ReminderKind, ReminderSettings, Snooze, Target, snooze, upcoming,
};
use limber_core::zone::parse_tz;

/// Moments around DST changes: Europe's and Lord Howe's spring forward, America's fall back.
const NOWS: [&str; 3] = ["2026-03-28T23:30:00Z", "2026-10-03T14:00:00Z", "2026-11-01T05:30:00Z"];

/// A person with a plan, two sessions a day, some sessions done, a snooze pending and a re-test
/// falling due.
fn facts(settings: &ReminderSettings, now: DateTime<Utc>) -> Facts {
    let tz = parse_tz("time_zone", &settings.time_zone).expect("validated zone");
    let today = now.with_timezone(&tz).date_naive();
    let yesterday = today.pred_opt().expect("a day before");
    Facts {
        sessions_per_day: 2,
        plan_ready: true,
        retest_due_at: Some(now + Duration::days(3)),
        checked_in: BTreeSet::from([(yesterday, 1), (yesterday, 2), (today, 1)]),
        morning_checks: BTreeSet::from([today]),
        snoozes: vec![
            Snooze { reminder_id: format!("session:{today}:2"), fire_at: now + Duration::minutes(20) },
            Snooze {
                reminder_id: format!("morning:{}", today.checked_add_days(Days::new(1)).expect("tomorrow")),
                fire_at: now + Duration::hours(30),
            },
        ],
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(settings) = serde_json::from_slice::<ReminderSettings>(data) else { return };
    let Ok(valid) = settings.clone().validate() else { return };
    assert_eq!(valid.clone().validate().ok().as_ref(), Some(&valid), "validate is idempotent");
    for now in NOWS {
        let now: DateTime<Utc> = now.parse().expect("a valid instant");
        let facts = facts(&valid, now);
        let plan = upcoming(&valid, &facts, now, MAX_LIMIT).expect("valid settings give a plan");
        // upcoming validates on its own: the raw settings give the same plan.
        assert_eq!(upcoming(&settings, &facts, now, MAX_LIMIT).ok().as_ref(), Some(&plan));
        if !valid.enabled {
            assert!(plan.is_empty(), "reminders while turned off");
            continue;
        }
        assert!(!plan.is_empty(), "no reminder at all in the look-ahead");
        assert!(plan.len() <= MAX_LIMIT as usize);
        let mut ids = HashSet::new();
        for (i, r) in plan.iter().enumerate() {
            assert!(r.fire_at > now, "{} fires at or before now", r.id);
            if i > 0 {
                assert!(plan[i - 1].fire_at <= r.fire_at, "out of order at {}: {}", i, r.id);
            }
            assert!(ids.insert(r.id.clone()), "the id {} twice", r.id);
            assert_eq!(r.local.with_timezone(&Utc), r.fire_at, "local time of {}", r.id);
            let target = Target::parse(&r.id).expect("a plan's ids parse");
            if r.kind == ReminderKind::Snoozed {
                assert_eq!(format!("snooze:{target}"), r.id);
            } else {
                assert_eq!(target.to_string(), r.id);
            }
            if r.kind == ReminderKind::Session {
                assert!(matches!(r.session, Some(1 | 2)), "session {:?}", r.session);
                let done = (r.local_date, r.session.unwrap_or(0));
                assert!(!facts.checked_in.contains(&done), "{} reminds of a session checked in", r.id);
            }
            if r.kind == ReminderKind::MorningCheck {
                assert!(!facts.morning_checks.contains(&r.local_date), "{} is already recorded", r.id);
            }
        }
        // Snoozing what the plan offers gives a typed answer.
        for r in plan.iter().take(3) {
            if let Ok(s) = snooze(&valid, &facts, &r.id, now) {
                assert!(s.fire_at > now);
                assert_eq!(s.kind, ReminderKind::Snoozed);
            }
        }
    }
});
