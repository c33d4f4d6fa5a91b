//! Planned and done per day, the score and the streaks.

use super::*;
use crate::Error;

/// 2026-11-16 is a Monday.
fn monday() -> NaiveDate {
    day(2026, 11, 16)
}

fn history(sessions: i32, from: NaiveDate, done: &[(i64, i32)]) -> History {
    History {
        sessions_per_day: sessions,
        plan_from: vec![(from, true)],
        checked_in: done.iter().map(|(d, s)| (from + chrono::Duration::days(*d), *s)).collect(),
    }
}

fn every_day() -> ReminderSettings {
    ReminderSettings::default()
}

fn weekdays() -> ReminderSettings {
    ReminderSettings { days: DayOfWeek::ALL[..5].to_vec(), ..ReminderSettings::default() }
}

fn run(settings: &ReminderSettings, h: &History, today: NaiveDate, days: i32) -> Adherence {
    adherence(settings, h, today, days).unwrap()
}

#[test]
fn the_score_follows_the_smoothing_formula() {
    let m = 0.5f64.powf(1.0 / 13.0);
    // Done, done, missed, done: each planned day moves the score by (1 - m) of the gap.
    let h = history(1, monday(), &[(0, 1), (1, 1), (3, 1)]);
    let a = run(&every_day(), &h, day(2026, 11, 19), 4);
    let mut expected = 0.0;
    for value in [1.0, 1.0, 0.0, 1.0] {
        expected = expected * m + value * (1.0 - m);
    }
    assert_eq!(a.score, (expected * 100.0).round() as i32);
    assert_eq!(a.score, 14);
    // Half a day counts half; today, still open, not yet.
    let half = run(&every_day(), &history(2, monday(), &[(0, 1)]), monday() + chrono::Days::new(1), 2);
    assert_eq!(half.days[0].ratio, Some(0.5));
    assert_eq!(half.score, ((0.5 * (1.0 - m)) * 100.0f64).round() as i32);
}

#[test]
fn a_missed_day_breaks_the_streak_and_the_best_is_kept() {
    // Days 0-4 done, 5 missed, 6-7 done; today is day 7.
    let done: Vec<_> = [0, 1, 2, 3, 4, 6, 7].iter().map(|d| (*d, 1)).collect();
    let a = run(&every_day(), &history(1, monday(), &done), monday() + chrono::Days::new(7), 8);
    assert_eq!((a.current_streak, a.best_streak), (2, 5));
    let missed = &a.days[5];
    assert_eq!((missed.planned, missed.done, missed.ratio, missed.in_progress), (1, 0, Some(0.0), false));
}

#[test]
fn rest_days_neither_break_nor_extend_a_streak() {
    // Monday to Friday done, the weekend off, Monday done: six days in a row.
    let done: Vec<_> = [0, 1, 2, 3, 4, 7].iter().map(|d| (*d, 1)).collect();
    let a = run(&weekdays(), &history(1, monday(), &done), monday() + chrono::Days::new(7), 8);
    assert_eq!((a.current_streak, a.best_streak), (6, 6));
    let saturday = &a.days[5];
    assert!(saturday.rest_day);
    assert_eq!((saturday.planned, saturday.ratio), (0, None));
    // The score ignores the weekend: the same as six planned days in a row.
    let six = run(
        &every_day(),
        &history(1, monday(), &[(0, 1), (1, 1), (2, 1), (3, 1), (4, 1), (5, 1)]),
        monday() + chrono::Days::new(5),
        6,
    );
    assert_eq!(a.score, six.score);
}

#[test]
fn today_still_open_does_not_break_the_streak_or_count() {
    let h = history(2, monday(), &[(0, 1), (0, 2), (1, 1), (1, 2), (2, 1)]);
    let today = monday() + chrono::Days::new(2);
    let a = run(&every_day(), &h, today, 3);
    assert_eq!((a.current_streak, a.best_streak), (2, 2));
    let last = a.days.last().unwrap();
    assert_eq!((last.date, last.planned, last.done, last.in_progress), (today, 2, 1, true));
    let yesterday_only =
        run(&every_day(), &history(2, monday(), &[(0, 1), (0, 2), (1, 1), (1, 2)]), today, 3);
    assert_eq!(a.score, yesterday_only.score, "an open day is not scored");
    // Once both sessions are in, today counts.
    let mut full = h.clone();
    full.checked_in.insert((today, 2));
    let a = run(&every_day(), &full, today, 3);
    assert_eq!((a.current_streak, a.days[2].in_progress), (3, false));
}

#[test]
fn nothing_is_planned_before_the_first_assessment_or_while_a_plan_is_not_allowed() {
    let settings = every_day();
    let h = History {
        sessions_per_day: 1,
        plan_from: vec![(monday(), true), (monday() + chrono::Days::new(2), false)],
        checked_in: [(monday(), 1), (monday() + chrono::Days::new(1), 1)].into_iter().collect(),
    };
    let a = run(&settings, &h, monday() + chrono::Days::new(4), 7);
    let planned: Vec<_> = a.days.iter().map(|d| d.planned).collect();
    assert_eq!(planned, [0, 0, 1, 1, 0, 0, 0]);
    assert!(a.days.iter().all(|d| !d.rest_day));
    assert_eq!((a.current_streak, a.best_streak), (2, 2));
    // A session checked in the day an assessment is taken counts that day as planned.
    let same_day = History { plan_from: vec![(monday() + chrono::Days::new(1), true)], ..h.clone() };
    let a = run(&settings, &same_day, monday() + chrono::Days::new(1), 2);
    assert_eq!(a.days.iter().map(|d| (d.planned, d.done)).collect::<Vec<_>>(), [(1, 1), (1, 1)]);
}

#[test]
fn done_is_distinct_sessions_capped_at_the_sessions_a_day() {
    // Two sessions were done when the routine had two; it now has one.
    let a = run(&every_day(), &history(1, monday(), &[(0, 1), (0, 2)]), monday(), 1);
    assert_eq!((a.days[0].planned, a.days[0].done, a.days[0].ratio), (1, 1, Some(1.0)));
}

#[test]
fn a_dst_day_is_one_day() {
    // New York's 23-hour 2026-03-08 and 25-hour 2026-11-01 are single days in the list.
    for (first, change) in [(day(2026, 3, 5), day(2026, 3, 8)), (day(2026, 10, 29), day(2026, 11, 1))] {
        let done: Vec<_> = (0..7).map(|d| (d, 1)).collect();
        let settings = ReminderSettings { time_zone: "America/New_York".into(), ..every_day() };
        let a = run(&settings, &history(1, first, &done), first + chrono::Days::new(6), 7);
        assert_eq!(a.days.len(), 7);
        assert!(a.days.iter().any(|d| d.date == change && d.done == 1));
        assert_eq!((a.current_streak, a.best_streak), (7, 7));
    }
}

#[test]
fn the_list_covers_the_days_asked_for() {
    let a = run(&every_day(), &History::default(), monday(), 366);
    assert_eq!(a.days.len(), 366);
    assert_eq!(a.days.last().unwrap().date, monday());
    assert_eq!((a.score, a.current_streak, a.best_streak), (0, 0, 0));
    for days in [0, 367] {
        assert!(
            matches!(adherence(&every_day(), &History::default(), monday(), days), Err(Error::Invalid { field, .. }) if field == "days")
        );
    }
}

#[test]
fn a_date_the_zone_skipped_is_not_a_day_and_breaks_no_streak() {
    // Samoa: Thursday 2011-12-29 was followed by Saturday 2011-12-31.
    let apia = ReminderSettings { time_zone: "Pacific/Apia".into(), ..ReminderSettings::default() };
    let from = day(2011, 12, 26);
    // Done every day that happened: 26, 27, 28, 29, 31 December and 1 January.
    let h = history(1, from, &[(0, 1), (1, 1), (2, 1), (3, 1), (5, 1), (6, 1)]);
    let a = run(&apia, &h, day(2012, 1, 1), 7);
    assert_eq!((a.current_streak, a.best_streak), (6, 6));
    let dates: Vec<NaiveDate> = a.days.iter().map(|d| d.date).collect();
    assert!(!dates.contains(&day(2011, 12, 30)), "{dates:?}");
    assert_eq!(dates.len(), 6, "seven dates asked for, six of them days");
    assert!(a.days.iter().all(|d| d.planned == 1 && d.done == 1));
    // The same history in a zone that had the 30th: it was planned and missed.
    let london = ReminderSettings { time_zone: "Europe/London".into(), ..ReminderSettings::default() };
    let a = run(&london, &h, day(2012, 1, 1), 7);
    assert_eq!((a.current_streak, a.best_streak), (2, 4));
}

#[test]
fn a_date_the_zone_lived_twice_is_one_day() {
    // Kwajalein went from +11 to -12 at the end of 1969-09-30 and lived it again from 01:00.
    let kwajalein = ReminderSettings { time_zone: "Pacific/Kwajalein".into(), ..ReminderSettings::default() };
    let h = history(1, day(1969, 9, 29), &[(0, 1), (1, 1), (2, 1)]);
    let a = run(&kwajalein, &h, day(1969, 10, 1), 3);
    assert_eq!(a.days.iter().map(|d| (d.planned, d.done)).collect::<Vec<_>>(), [(1, 1), (1, 1), (1, 1)]);
    assert_eq!(a.current_streak, 3);
}
