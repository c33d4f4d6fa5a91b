//! `limber reminders` end to end: settings, upcoming reminders across DST changes, snooze, streak.
#![allow(clippy::unwrap_used)] // Setup helpers outside #[test] functions: a failed setup should stop the test with its cause.

mod common;

use common::Limber;

const NY: &str = "America/New_York";

fn assessed() -> Limber {
    let limber = Limber::new();
    let path = limber.db.parent().unwrap().join("a.json");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(
        &path,
        r#"{"age": 40, "onset": "gradual", "known": {}, "leg_symptoms": {}, "cauda_equina": {}, "general": {}, "slr": {"left_deg": 70}, "nerve_check": false}"#,
    )
    .unwrap();
    limber.ok(&["assess", "--answers", path.to_str().unwrap(), "--now", "2026-03-01T12:00:00Z", "--tz", NY]);
    limber.ok(&["reminders", "set", "--times", "07:30,19:00", "--tz", NY]);
    limber
}

/// The device is in New York.
fn upcoming(limber: &Limber, now: &str, limit: &str) -> Vec<serde_json::Value> {
    limber
        .json(&["reminders", "upcoming", "--json", "--limit", limit, "--now", now, "--tz", NY])
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn reminders_keep_their_local_time_across_the_dst_change_with_utc_and_local_times() {
    let limber = assessed();
    let list = upcoming(&limber, "2026-03-06T12:00:00Z", "20");
    let sessions: Vec<_> = list
        .iter()
        .filter(|r| r["kind"] == "session" && r["local"].as_str().unwrap().contains("T07:30"))
        .collect();
    // Before and after New York's 2026-03-08 change, 07:30 stays 07:30 local.
    let before = sessions.iter().find(|r| r["id"] == "session:2026-03-07:1").unwrap();
    let after = sessions.iter().find(|r| r["id"] == "session:2026-03-09:1").unwrap();
    assert_eq!(before["fire_at"], "2026-03-07T12:30:00Z");
    assert_eq!(before["local"], "2026-03-07T07:30:00-05:00");
    assert_eq!(after["fire_at"], "2026-03-09T11:30:00Z");
    assert_eq!(after["local"], "2026-03-09T07:30:00-04:00");
    let instants: Vec<&str> = list.iter().map(|r| r["fire_at"].as_str().unwrap()).collect();
    assert!(instants.windows(2).all(|w| w[0] <= w[1]), "firing order");
    for r in &list {
        for key in ["id", "kind", "fire_at", "local", "title"] {
            assert!(r[key].is_string(), "{key} in {r}");
        }
    }
}

#[test]
fn the_same_reminders_come_back_with_the_same_ids_and_a_check_in_drops_its_session() {
    let limber = assessed();
    let first = upcoming(&limber, "2026-03-06T06:00:00Z", "6");
    let again = upcoming(&limber, "2026-03-06T06:00:00Z", "6");
    assert_eq!(first, again);
    assert_eq!(first[0]["id"], "session:2026-03-06:1");

    limber.ok(&["check-in", "--all-done", "1", "--now", "2026-03-06T13:00:00Z", "--tz", NY]);
    let after = upcoming(&limber, "2026-03-06T13:05:00Z", "6");
    assert!(after.iter().all(|r| !r["id"].as_str().unwrap().starts_with("session:2026-03-06")), "{after:?}");
    assert!(after.iter().any(|r| r["id"] == "morning:2026-03-07"));
}

#[test]
fn snooze_returns_the_new_reminder_and_streak_reports_adherence() {
    let limber = assessed();
    let snoozed = limber.json(&[
        "snooze",
        "session:2026-03-06:1",
        "--json",
        "--now",
        "2026-03-06T12:31:00Z",
        "--tz",
        NY,
    ]);
    assert_eq!(snoozed["kind"], "snoozed");
    assert_eq!(snoozed["fire_at"], "2026-03-06T12:41:00Z");
    let list = upcoming(&limber, "2026-03-06T12:32:00Z", "3");
    assert_eq!(list[0]["id"], snoozed["id"]);

    for day in ["02", "03", "04"] {
        limber.ok(&["check-in", "--all-done", "1", "--now", &format!("2026-03-{day}T13:00:00Z"), "--tz", NY]);
    }
    let streak = limber.json(&["streak", "--json", "--now", "2026-03-05T13:00:00Z", "--tz", NY]);
    assert_eq!(streak["current_streak"], 3);
    assert_eq!(streak["best_streak"], 3);
    assert!(streak["score"].as_i64().unwrap() > 0);
}

#[test]
fn bad_settings_and_limits_name_the_field() {
    let limber = assessed();
    assert!(limber.fails(&["reminders", "upcoming", "--limit", "65"]).contains("limit"));
    assert!(limber.fails(&["reminders", "set", "--snooze", "3"]).contains("snooze_minutes"));
    assert!(limber.fails(&["reminders", "set", "--times", "7h"]).contains("times[0]"));
    assert!(limber.fails(&["reminders", "set", "--days", "funday"]).contains("days[0]"));
    assert!(limber.fails(&["snooze", "nonsense"]).contains("id"));
    let shown = limber.ok(&["reminders", "show", "--tz", NY]);
    assert!(shown.contains("07:30, 19:00 (America/New_York)"), "{shown}");
}

#[test]
fn the_zone_is_the_devices_and_moves_the_reminders_like_a_phone_after_travel() {
    let limber = assessed();
    // The same 07:30 in Tokyo, for --tz, for LIMBER_TZ and for TZ.
    let tokyo = |args: &[&str], env: &[(&str, &str)]| -> serde_json::Value {
        let mut all =
            vec!["reminders", "upcoming", "--json", "--limit", "1", "--now", "2026-03-05T20:00:00Z"];
        all.extend_from_slice(args);
        serde_json::from_str::<serde_json::Value>(&limber.ok_env(&all, env)).unwrap()[0].clone()
    };
    for (args, env) in [
        (&["--tz", "Asia/Tokyo"][..], &[][..]),
        (&[][..], &[("LIMBER_TZ", "Asia/Tokyo")][..]),
        (&[][..], &[("TZ", "Asia/Tokyo")][..]),
        (&[][..], &[("TZ", ":Asia/Tokyo")][..]),
        // --tz wins over LIMBER_TZ, which wins over TZ.
        (&["--tz", "Asia/Tokyo"][..], &[("LIMBER_TZ", "Europe/Paris"), ("TZ", "Europe/Paris")][..]),
        (&[][..], &[("LIMBER_TZ", "Asia/Tokyo"), ("TZ", "Europe/Paris")][..]),
    ] {
        let r = tokyo(args, env);
        assert_eq!(r["local"], "2026-03-06T07:30:00+09:00", "{args:?} {env:?}");
    }
    let shown = limber.ok(&["reminders", "show", "--tz", "Asia/Tokyo"]);
    assert!(shown.contains("(Asia/Tokyo)"), "{shown}");
    // streak reads its days in the device's zone too.
    let streak = limber.json(&["streak", "--json", "--now", "2026-03-05T20:00:00Z", "--tz", "Asia/Tokyo"]);
    assert_eq!(streak["days"].as_array().unwrap().last().unwrap()["date"], "2026-03-06");
    let bad = limber.run_env(&["reminders", "upcoming"], &[("TZ", "JST-9")]);
    let err = String::from_utf8(bad.stderr).unwrap();
    assert!(err.starts_with("error: invalid TZ: must be an IANA time zone id"), "{err}");
}

#[test]
fn snoozing_a_reminder_that_has_not_fired_is_refused_naming_why() {
    let limber = assessed();
    // Issue 14: a session five days ahead.
    let err = limber.fails(&["snooze", "session:2026-03-11:1", "--now", "2026-03-06T12:31:00Z", "--tz", NY]);
    assert_eq!(
        err,
        "error: that reminder has not fired yet; a reminder can be snoozed only once it has fired"
    );
    let list = upcoming(&limber, "2026-03-06T12:32:00Z", "64");
    assert!(list.iter().all(|r| r["kind"] != "snoozed"), "nothing was snoozed");
}

#[test]
fn a_date_the_zone_skipped_has_no_reminder() {
    let limber = assessed();
    let apia = |now: &str| -> Vec<serde_json::Value> {
        limber
            .json(&["reminders", "upcoming", "--json", "--limit", "6", "--now", now, "--tz", "Pacific/Apia"])
            .as_array()
            .unwrap()
            .clone()
    };
    let list = apia("2011-12-29T12:00:00-10:00");
    let ids: Vec<&str> = list.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert!(!ids.iter().any(|id| id.contains("2011-12-30")), "{ids:?}");
    assert!(ids.contains(&"session:2011-12-31:1"), "{ids:?}");
    let instants: Vec<&str> = list.iter().map(|r| r["fire_at"].as_str().unwrap()).collect();
    assert!(instants.windows(2).all(|w| w[0] < w[1]), "two reminders at one instant: {instants:?}");
}
