//! One test per rule of the upcoming plan and of snoozing.

use chrono::Duration;

use super::*;
use crate::Error;

const NY: &str = "America/New_York";
const LONDON: &str = "Europe/London";

fn next(settings: &ReminderSettings, facts: &Facts, now: DateTime<Utc>, limit: i32) -> Vec<Reminder> {
    upcoming(settings, facts, now, limit).unwrap()
}

#[test]
fn new_york_0730_keeps_0730_local_across_the_march_change() {
    let s = only_slots(NY, &[t(7, 30)]);
    let rs = next(&s, &ready(1), at(NY, day(2026, 3, 6), 12, 0), 4);
    assert_eq!(
        locals(&rs),
        [
            "2026-03-07T07:30:00-05:00",
            "2026-03-08T07:30:00-04:00",
            "2026-03-09T07:30:00-04:00",
            "2026-03-10T07:30:00-04:00"
        ]
    );
    assert_eq!(rs[1].fire_at - rs[0].fire_at, Duration::hours(23), "the short day");
    assert_eq!(ids(&rs)[1], "session:2026-03-08:1");
}

#[test]
fn new_york_0730_keeps_0730_local_across_the_november_change() {
    let s = only_slots(NY, &[t(7, 30)]);
    let rs = next(&s, &ready(1), at(NY, day(2026, 10, 30), 12, 0), 3);
    assert_eq!(
        locals(&rs),
        ["2026-10-31T07:30:00-04:00", "2026-11-01T07:30:00-05:00", "2026-11-02T07:30:00-05:00"]
    );
    assert_eq!(rs[1].fire_at - rs[0].fire_at, Duration::hours(25), "the long day");
}

#[test]
fn a_slot_in_the_spring_gap_fires_after_it_at_the_same_distance() {
    let s = only_slots(NY, &[t(2, 30)]);
    let rs = next(&s, &ready(1), at(NY, day(2026, 3, 7), 12, 0), 2);
    assert_eq!(locals(&rs), ["2026-03-08T03:30:00-04:00", "2026-03-09T02:30:00-04:00"]);
    assert_eq!(rs[0].local_date, day(2026, 3, 8));
    assert_eq!(rs[0].id, "session:2026-03-08:1");
}

#[test]
fn a_slot_in_the_autumn_overlap_fires_once_at_the_first() {
    let s = only_slots(NY, &[t(1, 30)]);
    let rs = next(&s, &ready(1), at(NY, day(2026, 10, 31), 12, 0), 2);
    assert_eq!(locals(&rs), ["2026-11-01T01:30:00-04:00", "2026-11-02T01:30:00-05:00"]);
    assert_eq!(rs[0].fire_at.to_rfc3339(), "2026-11-01T05:30:00+00:00");
    // Between the two 01:30s (01:00 the second time round) the day's reminder is gone.
    let between = "2026-11-01T06:00:00Z".parse().unwrap();
    assert_eq!(ids(&next(&s, &ready(1), between, 1)), ["session:2026-11-02:1"]);
}

#[test]
fn lord_howe_moves_its_clocks_by_30_minutes() {
    const LH: &str = "Australia/Lord_Howe";
    let s = only_slots(LH, &[t(1, 45), t(2, 15)]);
    // 2026-10-04 02:00 -> 02:30: 02:15 does not exist and fires 15 minutes after the gap.
    let spring = next(&s, &ready(1), at(LH, day(2026, 10, 3), 12, 0), 2);
    assert_eq!(locals(&spring), ["2026-10-04T01:45:00+10:30", "2026-10-04T02:45:00+11:00"]);
    // 2026-04-05 02:00 -> 01:30: 01:45 happens twice and fires at the first.
    let autumn = next(&s, &ready(1), at(LH, day(2026, 4, 4), 12, 0), 3);
    assert_eq!(
        locals(&autumn),
        ["2026-04-05T01:45:00+11:00", "2026-04-05T02:15:00+10:30", "2026-04-06T01:45:00+10:30"]
    );
}

#[test]
fn santiago_changes_at_midnight() {
    const SCL: &str = "America/Santiago";
    // 2026-09-06 00:00 -> 01:00: midnight and 00:30 do not exist.
    let s = only_slots(SCL, &[t(0, 0), t(0, 30)]);
    let rs = next(&s, &ready(1), at(SCL, day(2026, 9, 5), 12, 0), 2);
    assert_eq!(locals(&rs), ["2026-09-06T01:00:00-03:00", "2026-09-06T01:30:00-03:00"]);
    assert_eq!(ids(&rs), ["session:2026-09-06:1", "session:2026-09-06:2"]);
    // 2026-04-05 00:00 -> 2026-04-04 23:00: 23:30 on the 4th happens twice, fires once.
    let s = only_slots(SCL, &[t(23, 30)]);
    let rs = next(&s, &ready(1), at(SCL, day(2026, 4, 4), 12, 0), 2);
    assert_eq!(locals(&rs), ["2026-04-04T23:30:00-03:00", "2026-04-05T23:30:00-04:00"]);
}

#[test]
fn havana_changes_at_midnight() {
    const HAV: &str = "America/Havana";
    // 2026-03-08 00:00 -> 01:00.
    let s = only_slots(HAV, &[t(0, 30)]);
    let rs = next(&s, &ready(1), at(HAV, day(2026, 3, 7), 12, 0), 2);
    assert_eq!(locals(&rs), ["2026-03-08T01:30:00-04:00", "2026-03-09T00:30:00-04:00"]);
    // 2026-11-01 01:00 -> 00:00: 00:30 happens twice, fires once.
    let rs = next(&s, &ready(1), at(HAV, day(2026, 10, 31), 12, 0), 2);
    assert_eq!(locals(&rs), ["2026-11-01T00:30:00-04:00", "2026-11-02T00:30:00-05:00"]);
}

#[test]
fn a_new_time_zone_moves_the_instants_and_keeps_the_local_times() {
    let now = "2026-01-10T00:00:00Z".parse().unwrap();
    let london = next(&only_slots(LONDON, &[t(7, 30)]), &ready(1), now, 3);
    let tokyo = next(&only_slots("Asia/Tokyo", &[t(7, 30)]), &ready(1), now, 3);
    for r in london.iter().chain(&tokyo) {
        assert_eq!(r.local.format("%H:%M").to_string(), "07:30");
    }
    assert_eq!(london[0].fire_at.to_rfc3339(), "2026-01-10T07:30:00+00:00");
    assert_eq!(tokyo[0].fire_at.to_rfc3339(), "2026-01-10T22:30:00+00:00");
    assert_eq!(tokyo[0].id, "session:2026-01-11:1");
}

fn everything() -> (ReminderSettings, Facts) {
    let s = ReminderSettings {
        slots: vec![t(7, 30), t(19, 0)],
        time_zone: LONDON.into(),
        morning_check: Some(t(8, 0)),
        ..ReminderSettings::default()
    };
    let facts = Facts { retest_due_at: Some("2026-11-20T18:00:00Z".parse().unwrap()), ..ready(1) };
    (s, facts)
}

#[test]
fn re_arming_twice_gives_the_same_reminders_with_the_same_ids() {
    let (s, facts) = everything();
    let now = "2026-11-16T10:00:00Z".parse().unwrap();
    let first = next(&s, &facts, now, 64);
    assert_eq!(first.len(), 64);
    assert_eq!(next(&s, &facts, now, 64), first);
    // An hour later nothing moved: what is still ahead keeps its id and time.
    let later = next(&s, &facts, now + Duration::hours(1), 64);
    let last = first.last().unwrap().fire_at;
    for r in later.iter().filter(|r| r.fire_at <= last) {
        assert!(first.contains(r), "{r:?}");
    }
    let unique: std::collections::BTreeSet<_> = first.iter().map(|r| &r.id).collect();
    assert_eq!(unique.len(), first.len());
}

#[test]
fn ids_name_the_date_and_slot() {
    let (s, facts) = everything();
    let rs = next(&s, &facts, "2026-11-16T10:00:00Z".parse().unwrap(), 6);
    assert_eq!(
        ids(&rs),
        [
            "session:2026-11-16:2",
            "session:2026-11-17:1",
            "morning:2026-11-17",
            "session:2026-11-17:2",
            "session:2026-11-18:1",
            "morning:2026-11-18"
        ]
    );
    let kinds: Vec<_> = rs.iter().map(|r| r.kind.as_str()).collect();
    assert_eq!(kinds[..3], ["session", "session", "morning_check"]);
    assert_eq!(rs[0].session, Some(1), "the evening slot nudges the one session");
    assert_eq!(rs[2].session, None);
}

#[test]
fn a_checked_in_session_drops_out_and_its_later_nudge_too() {
    let s = only_slots(LONDON, &[t(7, 30), t(19, 0)]);
    let now = "2026-11-16T07:00:00Z".parse().unwrap();
    assert_eq!(ids(&next(&s, &ready(1), now, 2)), ["session:2026-11-16:1", "session:2026-11-16:2"]);
    let mut done = ready(1);
    done.checked_in.insert((day(2026, 11, 16), 1));
    assert_eq!(ids(&next(&s, &done, now, 1)), ["session:2026-11-17:1"]);

    // Two sessions, three slots: the third nudges session 2 and only goes with it.
    let s = only_slots(LONDON, &[t(7, 30), t(12, 0), t(19, 0)]);
    let mut first_done = ready(2);
    first_done.checked_in.insert((day(2026, 11, 16), 1));
    let rs = next(&s, &first_done, now, 2);
    assert_eq!(ids(&rs), ["session:2026-11-16:2", "session:2026-11-16:3"]);
    assert_eq!((rs[0].session, rs[1].session), (Some(2), Some(2)));
    first_done.checked_in.insert((day(2026, 11, 16), 2));
    assert_eq!(ids(&next(&s, &first_done, now, 1)), ["session:2026-11-17:1"]);
}

#[test]
fn only_reminders_strictly_after_now() {
    let s = only_slots(LONDON, &[t(7, 30)]);
    let now = "2026-11-16T07:30:00Z".parse().unwrap();
    assert_eq!(ids(&next(&s, &ready(1), now, 1)), ["session:2026-11-17:1"]);
    let just_before = now - Duration::seconds(1);
    assert_eq!(ids(&next(&s, &ready(1), just_before, 1)), ["session:2026-11-16:1"]);
}

#[test]
fn limit_outside_1_to_64_is_an_error_naming_limit() {
    let s = only_slots(LONDON, &[t(7, 30)]);
    for limit in [0, 65, -1] {
        match upcoming(&s, &ready(1), "2026-11-16T00:00:00Z".parse().unwrap(), limit) {
            Err(Error::Invalid { field, .. }) => assert_eq!(field, "limit"),
            other => panic!("limit {limit}: {other:?}"),
        }
    }
    let two = only_slots(LONDON, &[t(7, 30), t(19, 0)]);
    assert_eq!(next(&two, &ready(1), "2026-11-16T00:00:00Z".parse().unwrap(), 64).len(), 64);
}

#[test]
fn turned_off_reminders_give_an_empty_list() {
    let (mut s, facts) = everything();
    s.enabled = false;
    assert!(next(&s, &facts, "2026-11-16T00:00:00Z".parse().unwrap(), 64).is_empty());
    assert!(matches!(
        snooze(&s, &facts, "session:2026-11-16:1", "2026-11-16T07:31:00Z".parse().unwrap()),
        Err(Error::NotNow(_))
    ));
}

#[test]
fn rest_days_have_no_session_reminders_and_the_morning_after_one_has_no_check() {
    // Monday, Wednesday, Friday; morning checks follow them on Tuesday, Thursday, Saturday.
    let s = ReminderSettings {
        days: vec![DayOfWeek::Mon, DayOfWeek::Wed, DayOfWeek::Fri],
        morning_check: Some(t(8, 0)),
        ..only_slots(LONDON, &[t(18, 0)])
    };
    let rs = next(&s, &ready(1), "2026-11-16T00:00:00Z".parse().unwrap(), 7);
    assert_eq!(
        ids(&rs),
        [
            "session:2026-11-16:1",
            "morning:2026-11-17",
            "session:2026-11-18:1",
            "morning:2026-11-19",
            "session:2026-11-20:1",
            "morning:2026-11-21",
            "session:2026-11-23:1"
        ]
    );
}

#[test]
fn todays_morning_check_needs_yesterdays_check_in_and_goes_once_recorded() {
    let s = ReminderSettings { morning_check: Some(t(8, 0)), ..only_slots(LONDON, &[t(18, 0)]) };
    let now = "2026-11-17T06:00:00Z".parse().unwrap();
    let first = |facts: &Facts| next(&s, facts, now, 1).remove(0).id;
    assert_eq!(first(&ready(1)), "session:2026-11-17:1", "no session yesterday");
    let mut facts = ready(1);
    facts.checked_in.insert((day(2026, 11, 16), 1));
    assert_eq!(first(&facts), "morning:2026-11-17");
    facts.morning_checks.insert(day(2026, 11, 17));
    assert_eq!(first(&facts), "session:2026-11-17:1");
}

#[test]
fn without_a_plan_there_are_no_session_reminders_but_the_morning_check_follows_real_sessions() {
    let (s, _) = everything();
    let now = "2026-11-17T06:00:00Z".parse().unwrap();
    let mut facts = Facts { sessions_per_day: 1, plan_ready: false, ..Facts::default() };
    assert!(next(&s, &facts, now, 64).is_empty());
    // Sessions happened yesterday (before a new assessment said to see a doctor first).
    facts.checked_in.insert((day(2026, 11, 16), 1));
    facts.retest_due_at = Some("2026-11-20T18:00:00Z".parse().unwrap());
    assert_eq!(ids(&next(&s, &facts, now, 64)), ["morning:2026-11-17"], "no re-test without a plan");
}

#[test]
fn the_retest_fires_at_the_first_slot_on_its_day_or_the_next_slot_once_overdue() {
    let (s, facts) = everything();
    let retest = |now: &str, s: &ReminderSettings| {
        next(s, &facts, now.parse().unwrap(), 64).into_iter().find(|r| r.kind == ReminderKind::Retest)
    };
    let r = retest("2026-11-16T10:00:00Z", &s).unwrap();
    assert_eq!(
        (r.id.as_str(), r.local.to_rfc3339()),
        ("retest:2026-11-20", "2026-11-20T07:30:00+00:00".into())
    );
    // Overdue: the next slot after now, same id.
    let r = retest("2026-11-25T12:00:00Z", &s).unwrap();
    assert_eq!(
        (r.id.as_str(), r.local.to_rfc3339()),
        ("retest:2026-11-20", "2026-11-25T19:00:00+00:00".into())
    );
    assert_eq!(r.local_date, day(2026, 11, 25));
    let off = ReminderSettings { retest_reminders: false, ..s.clone() };
    assert!(retest("2026-11-16T10:00:00Z", &off).is_none());
}

#[test]
fn ties_go_by_kind_then_id() {
    let s = ReminderSettings { morning_check: Some(t(8, 0)), ..only_slots(LONDON, &[t(8, 0)]) };
    let rs = next(&s, &ready(1), "2026-11-16T09:00:00Z".parse().unwrap(), 2);
    assert_eq!(ids(&rs), ["session:2026-11-17:1", "morning:2026-11-17"]);
    assert_eq!(rs[0].fire_at, rs[1].fire_at);
}

#[test]
fn the_plan_looks_at_most_60_days_ahead() {
    let s = ReminderSettings { days: vec![DayOfWeek::Sun], ..only_slots(LONDON, &[t(10, 0)]) };
    let now = "2026-11-16T00:00:00Z".parse().unwrap();
    let rs = next(&s, &ready(1), now, 64);
    assert_eq!(rs.len(), 8, "eight Sundays in the next 60 days");
    assert!(rs.iter().all(|r| r.fire_at < now + Duration::days(61)));
}

#[test]
fn words_on_the_lock_screen_carry_no_health_data() {
    let (s, facts) = everything();
    let two = ReminderSettings { slots: vec![t(7, 0), t(12, 0), t(19, 0)], ..s.clone() };
    let now = "2026-11-16T00:00:00Z".parse().unwrap();
    let mut all = next(&s, &facts, now, 64);
    all.extend(next(&two, &Facts { sessions_per_day: 2, ..facts.clone() }, now, 64));
    for r in &all {
        let text = format!("{} {}", r.title, r.body).to_lowercase();
        for word in ["pain", "back", "hamstring", "sciatica", "/10"] {
            assert!(!text.contains(word), "{word} in {text}");
        }
    }
    let titles: std::collections::BTreeSet<_> = all.iter().map(|r| r.title.as_str()).collect();
    assert!(titles.contains("Time for session 2 of 2") && titles.contains("Session 2 is still open"));
}

#[test]
fn snooze_fires_after_the_snooze_length_and_replaces_the_original() {
    let (s, mut facts) = everything();
    let now = "2026-11-16T07:31:00Z".parse().unwrap();
    let r = snooze(&s, &facts, "session:2026-11-16:1", now).unwrap();
    assert_eq!(r.id, "snooze:session:2026-11-16:1");
    assert_eq!(r.kind, ReminderKind::Snoozed);
    assert_eq!(r.fire_at, now + Duration::minutes(10));
    assert_eq!((r.session, r.title.as_str()), (Some(1), "Time for your routine"));
    assert_eq!(r.local_date, day(2026, 11, 16));

    facts.snoozes.push(Snooze { reminder_id: "session:2026-11-16:1".into(), fire_at: r.fire_at });
    let rs = next(&s, &facts, now, 2);
    assert_eq!(rs[0], r);
    // Past snoozes are not returned.
    assert_ne!(next(&s, &facts, r.fire_at, 1)[0].id, r.id);
    // Checking in drops it.
    facts.checked_in.insert((day(2026, 11, 16), 1));
    assert_eq!(ids(&next(&s, &facts, now, 1)), ["session:2026-11-17:1"]);
}

#[test]
fn a_pending_snooze_stands_in_for_a_reminder_still_ahead() {
    let (s, mut facts) = everything();
    let now = "2026-11-16T19:01:00Z".parse().unwrap();
    let r = snooze(&s, &facts, "session:2026-11-16:2", now).unwrap();
    facts.snoozes.push(Snooze { reminder_id: "session:2026-11-16:2".into(), fire_at: r.fire_at });
    let rs = next(&s, &facts, now, 2);
    assert_eq!(ids(&rs), ["snooze:session:2026-11-16:2", "session:2026-11-17:1"]);
    // Snoozing the snooze snoozes the original again.
    let again = snooze(&s, &facts, &r.id, r.fire_at).unwrap();
    assert_eq!((again.id.as_str(), again.fire_at), (r.id.as_str(), r.fire_at + Duration::minutes(10)));
}

#[test]
fn snoozing_an_unknown_done_or_finished_reminder_is_refused() {
    let (s, mut facts) = everything();
    let now = "2026-11-16T07:31:00Z".parse().unwrap();
    let err = |facts: &Facts, id: &str, now| snooze(&s, facts, id, now).unwrap_err();
    // A date is read in Limber's one spelling only: "2026-11-6" is not the id of the 6th
    // (chrono's reader took it, so two ids named one reminder; found 2026-11-30).
    for bad in [
        "",
        "session:2026-11-16",
        "session:2026-13-01:1",
        "session:2026-11-16:5",
        "lunch:2026-11-16",
        "session:2026-11-6:1",
        "morning:+2026-11-16",
        "session:2026-11-16:01",
        "session:2026-11-16:+1",
    ] {
        assert!(matches!(err(&facts, bad, now), Error::Invalid { field, .. } if field == "id"), "{bad}");
    }
    assert!(matches!(err(&facts, "session:2026-11-16:3", now), Error::NotFound { .. }), "no third slot");
    assert!(matches!(err(&facts, "morning:2026-11-16", now), Error::NotFound { .. }), "no session before");
    assert!(matches!(err(&facts, "retest:2026-11-19", now), Error::NotFound { .. }), "not the due date");
    let late = "2026-11-16T23:55:00Z".parse().unwrap();
    assert!(matches!(err(&facts, "session:2026-11-16:2", late), Error::NotNow(_)), "the day ends first");
    facts.checked_in.insert((day(2026, 11, 16), 1));
    assert!(matches!(err(&facts, "session:2026-11-16:1", now), Error::NotNow(_)), "already done");
    // A re-test is not tied to a day.
    let overdue = "2026-11-20T23:55:00Z".parse().unwrap();
    let r = snooze(&s, &facts, "retest:2026-11-20", overdue).unwrap();
    assert_eq!((r.id.as_str(), r.local_date), ("snooze:retest:2026-11-20", day(2026, 11, 21)));
}

#[test]
fn a_rest_day_session_is_not_found() {
    let s = ReminderSettings { days: vec![DayOfWeek::Tue], ..only_slots(LONDON, &[t(7, 30)]) };
    let now = "2026-11-16T07:31:00Z".parse().unwrap();
    assert!(matches!(snooze(&s, &ready(1), "session:2026-11-16:1", now), Err(Error::NotFound { .. })));
}

#[test]
fn a_date_the_zone_skipped_has_no_reminder_and_no_session() {
    // Samoa: Thursday 2011-12-29 23:59:59 -10:00 was followed by Saturday 2011-12-31 00:00 +14:00.
    let settings =
        ReminderSettings { morning_check: Some(t(7, 0)), ..only_slots("Pacific/Apia", &[t(8, 0)]) };
    let mut facts = ready(1);
    facts.checked_in.insert((day(2011, 12, 29), 1));
    let now = at("Pacific/Apia", day(2011, 12, 29), 12, 0);
    let rs = next(&settings, &facts, now, 3);
    // One reminder per instant: nothing for the 30th, and the morning after the 29th is the 31st's.
    assert_eq!(ids(&rs), ["morning:2011-12-31", "session:2011-12-31:1", "morning:2012-01-01"]);
    assert_eq!(locals(&rs)[..2], ["2011-12-31T07:00:00+14:00", "2011-12-31T08:00:00+14:00"]);
    assert!(rs.windows(2).all(|w| w[0].fire_at < w[1].fire_at));
    // It cannot be snoozed either: there is no such reminder.
    let later = at("Pacific/Apia", day(2011, 12, 31), 8, 5);
    assert!(matches!(snooze(&settings, &facts, "session:2011-12-30:1", later), Err(Error::NotFound { .. })));
    // A session on the 29th can be snoozed until the 29th ends (the 31st starts right after).
    let facts = ready(1);
    let late = at("Pacific/Apia", day(2011, 12, 29), 23, 45);
    assert_eq!(
        snooze(&settings, &facts, "session:2011-12-29:1", late).unwrap().local_date,
        day(2011, 12, 29)
    );
    let later = at("Pacific/Apia", day(2011, 12, 29), 23, 55);
    assert!(matches!(snooze(&settings, &facts, "session:2011-12-29:1", later), Err(Error::NotNow(_))));
}

#[test]
fn a_date_the_zone_lived_twice_has_one_reminder_per_slot_at_the_first_time() {
    // Kwajalein went from +11 to -12 at the end of 1969-09-30 and lived it again from 01:00.
    let settings = only_slots("Pacific/Kwajalein", &[t(8, 0)]);
    let now = at("Pacific/Kwajalein", day(1969, 9, 29), 12, 0);
    let rs = next(&settings, &ready(1), now, 3);
    assert_eq!(ids(&rs), ["session:1969-09-30:1", "session:1969-10-01:1", "session:1969-10-02:1"]);
    assert_eq!(
        locals(&rs),
        ["1969-09-30T08:00:00+11:00", "1969-10-01T08:00:00-12:00", "1969-10-02T08:00:00-12:00"]
    );
    // During the second run of the 30th the session is still the 30th's: snoozing it is fine.
    let second_run = "1969-09-30T21:00:00Z".parse().unwrap(); // 09:00 -12:00, the 30th again
    let r = snooze(&settings, &ready(1), "session:1969-09-30:1", second_run).unwrap();
    assert_eq!(r.local_date, day(1969, 9, 30));
}

#[test]
fn every_zone_that_skipped_or_repeated_a_date_has_one_reminder_per_day_that_happened() {
    use crate::zone::day_exists;
    for (zone, first, last) in [
        ("Pacific/Apia", day(2011, 12, 20), day(2012, 1, 10)),
        ("Pacific/Fakaofo", day(2011, 12, 20), day(2012, 1, 10)),
        ("Pacific/Kwajalein", day(1993, 8, 10), day(1993, 8, 30)),
        ("Pacific/Kwajalein", day(1969, 9, 20), day(1969, 10, 10)),
    ] {
        let tz = parse_tz("tz", zone).unwrap();
        let settings = only_slots(zone, &[t(0, 30), t(8, 0), t(23, 30)]);
        let mut now = crate::zone::start_of_day(tz, first);
        let mut seen = Vec::new();
        loop {
            let page = next(&settings, &ready(2), now, 7);
            let Some(end) = page.last() else { break };
            assert!(page.windows(2).all(|w| w[0].fire_at < w[1].fire_at), "{zone}: two at one instant");
            seen.extend(page.iter().map(|r| (r.local_date, r.id.clone())).filter(|(d, _)| *d <= last));
            if end.local_date > last {
                break;
            }
            now = end.fire_at;
        }
        let days: Vec<NaiveDate> =
            first.iter_days().take_while(|d| *d <= last).filter(|d| day_exists(tz, *d)).collect();
        assert!(days.len() <= (last - first).num_days() as usize || zone == "Pacific/Kwajalein");
        assert_eq!(seen.len(), days.len() * 3, "{zone}: {seen:?}");
        for d in days {
            assert_eq!(seen.iter().filter(|(date, _)| *date == d).count(), 3, "{zone} {d}");
        }
    }
}

#[test]
fn snoozing_a_reminder_that_has_not_fired_yet_is_refused_naming_why() {
    let (s, facts) = everything();
    let now: DateTime<Utc> = "2026-11-16T07:31:00Z".parse().unwrap();
    // Issue 14: a session five days ahead, and today's second slot, are still ahead.
    for id in ["session:2026-11-21:1", "session:2026-11-16:2", "morning:2026-11-21"] {
        match snooze(&s, &facts, id, now) {
            Err(Error::NotNow(why)) => assert_eq!(why, NOT_FIRED_YET, "{id}"),
            other => panic!("{id}: {other:?}"),
        }
    }
    assert!(NOT_FIRED_YET.contains("has not fired yet"));
    // The same reminder once it has fired snoozes.
    let fired: DateTime<Utc> = "2026-11-21T07:31:00Z".parse().unwrap();
    assert_eq!(
        snooze(&s, &facts, "session:2026-11-21:1", fired).unwrap().fire_at,
        fired + Duration::minutes(10)
    );
    // A re-test has fired once its due date's first slot has passed.
    let before_due: DateTime<Utc> = "2026-11-19T12:00:00Z".parse().unwrap();
    assert!(matches!(snooze(&s, &facts, "retest:2026-11-20", before_due), Err(Error::NotNow(NOT_FIRED_YET))));
}
