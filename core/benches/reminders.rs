//! The next 64 reminders (the iOS cap) across New York's spring-forward change on 2026-03-08,
//! through the pure schedule function: what a shell waits for on every re-arm.
//!
//! Target: at most 2x the floor, measured in the same run (`RATIO next_64_reminders`). The
//! floor is the work any plan of these reminders does: each of the 64 local times (a morning
//! check and two session slots a day) read in the zone with chrono-tz, its id written by hand
//! (as the planner writes it) and its texts copied into an owned [`Reminder`].
//!
//! The first target was absolute: under 20 µs, when this took 13 µs (2026-11-20). On today's
//! machine that same code takes 17 µs against a floor of 11 µs, 1.53-1.55x, so its target
//! stands for about 1.54 x 20/13 = 2.4x here; 2x keeps it, rounded down.
#![allow(clippy::unwrap_used)] // Benchmark setup: a failure should stop the run with its cause, not be measured.

mod common;

use std::hint::black_box;
use std::time::{Duration, Instant};

use chrono::{Datelike, NaiveDate, NaiveTime, TimeZone, Utc};
use common::ratio;
use criterion::{Criterion, criterion_group, criterion_main};
use limber_core::calendar::LocalTime;
use limber_core::schedule::{Facts, MAX_LIMIT, Reminder, ReminderKind, ReminderSettings, upcoming};

/// The floor: the 64 local times from the morning of 2026-03-02 on, in order, each resolved
/// in New York (a time in the gap is skipped, never moved), with an id and owned texts.
fn floor(tz: chrono_tz::Tz, first: NaiveDate) -> Vec<Reminder> {
    let times = [(7, 0, "morning"), (7, 30, "session"), (19, 0, "session")];
    let mut out = Vec::with_capacity(64);
    for date in first.iter_days() {
        for (slot, (hour, minute, kind)) in times.into_iter().enumerate() {
            let Some(local) = tz
                .from_local_datetime(&date.and_time(NaiveTime::from_hms_opt(hour, minute, 0).unwrap()))
                .earliest()
            else {
                continue;
            };
            // Written by hand, as cheaply as the planner writes its ids.
            let mut id = String::with_capacity(32);
            id.push_str(kind);
            id.push(':');
            for (n, width) in [(date.year() as u32, 4), (date.month(), 2), (date.day(), 2)] {
                if width == 2 {
                    id.push('-');
                }
                let mut digits = [b'0'; 4];
                let mut n = n;
                for d in digits[..width].iter_mut().rev() {
                    *d = b'0' + (n % 10) as u8;
                    n /= 10;
                }
                id.push_str(std::str::from_utf8(&digits[..width]).unwrap());
            }
            id.push(':');
            id.push(char::from(b'0' + slot as u8));
            out.push(Reminder {
                id,
                kind: ReminderKind::Session,
                fire_at: local.with_timezone(&Utc),
                local: local.fixed_offset(),
                local_date: date,
                session: Some(slot as i32),
                title: "Time for your routine".to_owned(),
                body: "Your session is ready when you are. Check in afterwards so the next dose fits."
                    .to_owned(),
            });
            if out.len() == 64 {
                return out;
            }
        }
    }
    out
}

/// The fastest time of one call over `samples` batches of `batch` calls (one call is a few µs,
/// too short to time alone). The fastest, not the median: the work is the same every time, so
/// anything above the fastest is the machine's other load, which is what varies here.
fn fastest_per_call(mut f: impl FnMut(), batch: u32, samples: usize) -> Duration {
    (0..samples)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..batch {
                f();
            }
            start.elapsed() / batch
        })
        .min()
        .unwrap_or_default()
}

fn next_64_across_dst(c: &mut Criterion) {
    let settings = ReminderSettings {
        slots: vec![LocalTime { hour: 7, minute: 30 }, LocalTime { hour: 19, minute: 0 }],
        time_zone: "America/New_York".into(),
        morning_check: Some(LocalTime { hour: 7, minute: 0 }),
        ..ReminderSettings::default()
    };
    let facts = Facts {
        sessions_per_day: 1,
        plan_ready: true,
        retest_due_at: Some("2026-03-12T18:00:00Z".parse().unwrap()),
        ..Facts::default()
    };
    let now = "2026-03-01T12:00:00Z".parse().unwrap();
    let plan = upcoming(&settings, &facts, now, MAX_LIMIT).unwrap();
    assert_eq!(plan.len(), 64);
    let change = "2026-03-08".parse().unwrap();
    assert!(plan[0].local_date < change && plan[63].local_date > change);

    let tz: chrono_tz::Tz = "America/New_York".parse().unwrap();
    let first = plan[0].local_date;
    let base = floor(tz, first);
    assert_eq!(base.len(), 64);
    assert!(base[63].local_date > change, "the floor crosses the change too");

    let ours = || {
        black_box(upcoming(black_box(&settings), black_box(&facts), black_box(now), MAX_LIMIT).unwrap());
    };
    let raw = || {
        black_box(floor(black_box(tz), black_box(first)));
    };
    // Alternating, so a change in the machine's load falls on both.
    let (mut a, mut b) = (Duration::MAX, Duration::MAX);
    for _ in 0..20 {
        a = a.min(fastest_per_call(ours, 50, 20));
        b = b.min(fastest_per_call(raw, 50, 20));
    }
    ratio("next_64_reminders", a, b, "<= 2x");

    c.bench_function("upcoming_64_new_york_across_dst", |b| {
        b.iter(|| upcoming(black_box(&settings), black_box(&facts), black_box(now), MAX_LIMIT).unwrap())
    });
    c.bench_function("floor_64_local_times_resolved", |b| b.iter(|| floor(black_box(tz), black_box(first))));
}

criterion_group!(benches, next_64_across_dst);
criterion_main!(benches);
