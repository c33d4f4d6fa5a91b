//! The next 64 reminders (the iOS cap) across New York's spring-forward change on 2026-03-08,
//! through the pure schedule function: what a shell waits for on every re-arm. Target: < 20 µs.
#![allow(clippy::unwrap_used)] // Benchmark setup: a failure should stop the run with its cause, not be measured.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use limber_core::calendar::LocalTime;
use limber_core::schedule::{Facts, MAX_LIMIT, ReminderSettings, upcoming};

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

    c.bench_function("upcoming_64_new_york_across_dst", |b| {
        b.iter(|| upcoming(black_box(&settings), black_box(&facts), black_box(now), MAX_LIMIT).unwrap())
    });
}

criterion_group!(benches, next_64_across_dst);
criterion_main!(benches);
