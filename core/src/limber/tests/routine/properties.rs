//! CLINICAL.md §8's invariants over random histories: random assessments (tier, gates, safety
//! questions missing, age), check-ins (pain during, before and after, skips including too
//! painful, spreading symptoms) and mornings, checked after every step against an oracle written
//! here, not the rules under test:
//! - no session, check-in or session reminder outside `active`;
//! - no excluded exercise or ladder level, no level without its equipment, ever shown;
//! - no dose rises at a check-in, nor at a morning while a hold applies (soon tier, a physio or
//!   no-improvement card, morning pain creeping, the last 3 sessions not green and settled);
//! - under the strain or nerve gate nothing is above its start dose; stretches within the cap.

use chrono::{Days, NaiveDate};
use proptest::prelude::*;

use super::*;
use crate::assessment::answers::{Bridge, Onset, Strain};
use crate::assessment::{GateId, Tier};
use crate::catalog::{Category, exercise};
use crate::routine::PlannedExercise;
use crate::schedule::{ReminderKind, ReminderSettings};

/// A check-in: (which planned exercise or a skip, pain during, spread) each, pain before, after.
type CheckInPlan = (Vec<(u8, i32, bool)>, Option<i32>, Option<i32>);
/// The oracle's record of one session of a track: date, green, pain before, pain after.
type Seen = (NaiveDate, bool, Option<i32>, Option<i32>);

#[derive(Debug, Clone)]
struct Day {
    assess: Option<u8>,
    morning: Option<i32>,
    checkin: Option<CheckInPlan>,
}

fn answers(kind: u8) -> Answers {
    let mut a = tight();
    match kind {
        1 => a.general.as_mut().unwrap().night_pain = true, // soon
        2 => a.slump = Some(true),                          // nerve gate
        3 => {
            a.onset = Some(Onset::SuddenThighPain);
            a.strain = Some(Strain {
                days_since: Some(2),
                heel_dig_pain: Some(1),
                walks_normally: Some(true),
                ..Strain::default()
            });
        }
        4 => a.cauda_equina.as_mut().unwrap().bowel = true, // emergency
        5 => a.general = None,                              // safety questions skipped
        6 => {
            a.pain_now = Some(2);
            a.bridge = Some(Bridge { left_reps: Some(25), right_reps: Some(25), pain: Some(0) });
        }
        7 => a.age = 70,
        _ => {}
    }
    a
}

fn day_strategy() -> impl Strategy<Value = Day> {
    // Mostly comfortable sessions, so that step ups are in reach and the holds are tested.
    let pain = prop_oneof![4 => 0i32..=2, 1 => 0i32..=10];
    let exercise = (0u8..8, pain, prop::bool::weighted(0.03));
    (
        prop::option::weighted(0.08, 0u8..9),
        // A step of the morning pain's random walk: the pain drifts, and sometimes creeps.
        prop::option::weighted(0.9, prop_oneof![2 => Just(0), 1 => Just(1), 1 => Just(-1)]),
        prop::option::weighted(
            0.85,
            (prop::collection::vec(exercise, 1..6), prop::option::of(0i32..=10), prop::option::of(0i32..=10)),
        ),
    )
        .prop_map(|(assess, morning, checkin)| Day { assess, morning, checkin })
}

/// The oracle's own reading of "creeping" (CLINICAL.md §8), independent of the rules module.
fn creeping(mornings: &[(NaiveDate, i32)], on: NaiveDate) -> bool {
    let mean = |from: NaiveDate, to: NaiveDate| {
        let v: Vec<f64> =
            mornings.iter().filter(|(d, _)| *d >= from && *d <= to).map(|(_, p)| *p as f64).collect();
        (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64)
    };
    let back = |n: u64| on.checked_sub_days(Days::new(n)).unwrap();
    let Some(last) = mean(back(6), on) else { return false };
    let first = mornings.iter().map(|(d, _)| *d).min().unwrap();
    let baseline = mean(first, first.checked_add_days(Days::new(6)).unwrap());
    mean(back(13), back(7)).is_some_and(|p| last >= p + 1.0) || baseline.is_some_and(|b| last >= b + 1.0)
}

/// Shown dose no harder than the gate's start dose: the exercise's default, variable by
/// variable; on the bridge ladder, a lower level than where it starts, or that level's default.
fn at_most_start(e: &PlannedExercise, saved: &crate::assessment::history::SavedAssessment) -> bool {
    let d = &exercise(e.exercise).dose;
    let le = |a: Option<i32>, b: Option<i32>| a.unwrap_or(0) <= b.unwrap_or(0);
    let within_default =
        le(e.dose.hold_seconds, d.hold_seconds) && le(e.dose.reps, d.reps) && e.dose.sets <= d.sets;
    let Some(level) = exercise(e.exercise).ladder_level else { return within_default };
    let strong = saved.answers.bridge.as_ref().is_some_and(|b| {
        b.pain == Some(0) && b.left_reps.unwrap_or(0) >= 20 && b.right_reps.unwrap_or(0) >= 20
    });
    let start = if saved.result.strain_phase == Some(crate::assessment::StrainPhase::Protect) {
        1
    } else if strong {
        3
    } else {
        2
    };
    level < start || (level == start && within_default)
}

fn check_day(store: &mut Limber, days: Vec<Day>) -> Result<(), TestCaseError> {
    store
        .set_reminder_settings(ReminderSettings { time_zone: TZ.into(), ..ReminderSettings::default() })
        .unwrap();
    let mut mornings: Vec<(NaiveDate, i32)> = Vec::new();
    let mut walk = 2;
    // Per track key: (date, green, pain_before, pain_after) of every recorded session.
    let mut lights: std::collections::BTreeMap<&'static str, Vec<Seen>> = Default::default();
    for (n, day) in days.into_iter().enumerate() {
        let n = n as i64;
        if let Some(kind) = day.assess {
            store.submit_assessment(answers(kind), at(n, 6), 0).unwrap();
        }
        let latest = store.latest_assessment().unwrap();
        if let Some(step) = day.morning {
            walk = (walk + step).clamp(0, 10);
            let pain = walk;
            let before = store.today(at(n, 6), TZ).unwrap();
            let out = store.morning_check(pain, at(n, 7), TZ).unwrap();
            mornings.push((out.date, pain));
            // The cards as the decision saw them: with this morning's pain recorded.
            let after = store.today(at(n, 7), TZ).unwrap();
            for c in out.changes.iter().filter(|c| c.decision == Decision::Progress) {
                let r = &latest.as_ref().unwrap().result;
                prop_assert_eq!(before.status, PlanStatus::Active, "a step up outside active");
                prop_assert!(r.triage.tier != Tier::Soon, "a step up under the soon tier");
                let cards: Vec<CardId> = after.plan.cards.iter().map(|c| c.id).collect();
                prop_assert!(!cards.contains(&CardId::SeePhysio) && !cards.contains(&CardId::NoImprovement));
                prop_assert!(!creeping(&mornings, out.date), "a step up while morning pain creeps");
                let recent = &lights[c.track.key()];
                prop_assert!(recent.len() >= 3);
                for (date, green, before, after) in &recent[recent.len() - 3..] {
                    prop_assert!(*green, "a step up after a non-green session");
                    let next = mornings.iter().find(|(d, _)| *d == date.succ_opt().unwrap());
                    prop_assert!(next.is_some(), "a step up on a session never settled");
                    if let (Some(b), Some(a)) = (before, after) {
                        prop_assert!(*a < *b + 2, "a step up when pain after rose 2 above before");
                    }
                }
                prop_assert!(!r.is_excluded(c.to.exercise));
            }
        }
        let today = store.today(at(n, 8), TZ).unwrap();
        let active = today.status == PlanStatus::Active;
        prop_assert_eq!(today.status, store.plan_status().unwrap());
        if !active {
            prop_assert!(today.sessions.is_empty() && today.plan.sessions.is_empty());
            prop_assert!(today.plan.activity.is_empty() && today.next_session_at.is_none());
        }
        let reminders = store.upcoming_reminders(at(n, 5), 64).unwrap();
        let session_reminders =
            reminders.iter().filter(|r| r.kind == ReminderKind::Session || r.session.is_some()).count();
        prop_assert!(active || session_reminders == 0, "{:?}: a session reminder", today.status);
        if let Some(saved) = &latest {
            let r = &saved.result;
            let equipment = store.routine_settings().unwrap().equipment;
            let gated = r.has_gate(GateId::AcuteStrain) || r.has_gate(GateId::Nerve);
            for e in today.plan.sessions.iter().flat_map(|s| &s.exercises) {
                prop_assert!(!r.is_excluded(e.exercise), "excluded {} shown", e.exercise);
                prop_assert!(exercise(e.exercise).equipment.iter().all(|q| equipment.contains(q)));
                prop_assert!(
                    !gated || at_most_start(e, saved),
                    "{} above its start under a gate: {:?}",
                    e.exercise,
                    e.dose
                );
                if e.category == Category::Stretch {
                    let (reps, hold) = (e.dose.reps.unwrap(), e.dose.hold_seconds.unwrap());
                    prop_assert!(reps * hold <= 120 && (hold == 30 || saved.answers.age >= 65));
                }
            }
        }
        let Some((picks, before, after)) = day.checkin else { continue };
        let planned: Vec<ExerciseId> = today
            .plan
            .sessions
            .first()
            .map(|s| s.exercises.iter().map(|e| e.exercise).collect())
            .unwrap_or_default();
        let mut exercises: Vec<ExerciseCheckIn> = Vec::new();
        for (pick, pain, spread) in picks {
            let id = planned.get(pick as usize % planned.len().max(1)).copied().unwrap_or(Walk);
            if exercises.iter().any(|e| e.exercise == id) {
                continue;
            }
            let mut e = done(id, pain);
            if pick >= 6 {
                e.done = false;
                e.pain_during = None;
                e.skip_reason = Some(if pick == 7 { SkipReason::TooPainful } else { SkipReason::NoTime });
            } else {
                e.symptoms_spread = spread;
            }
            exercises.push(e);
        }
        let input = CheckInInput { pain_before: before, pain_after: after, ..session(n, exercises.clone()) };
        match store.check_in(input, TZ) {
            Ok(out) => {
                prop_assert!(active, "a check-in accepted while {:?}", today.status);
                prop_assert!(out.changes.iter().all(|c| c.decision != Decision::Progress));
                let ceiling = latest.as_ref().unwrap().result.pain_ceiling;
                for e in &exercises {
                    let green =
                        e.done && !e.symptoms_spread && e.pain_during.is_some_and(|p| p <= 2.min(ceiling));
                    let counted = e.done || e.skip_reason == Some(SkipReason::TooPainful);
                    if counted {
                        let key = crate::routine::dose::Track::of(e.exercise).key();
                        lights.entry(key).or_default().push((out.date, green, before, after));
                    }
                }
            }
            Err(Error::PlanNotActive { status, .. }) => {
                prop_assert!(!active);
                prop_assert_eq!(status, today.status.as_str());
            }
            Err(other) => prop_assert!(false, "unexpected error {other}"),
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]
    #[test]
    fn safety_over_time_holds_for_any_history(
        first in 0u8..9,
        days in prop::collection::vec(day_strategy(), 20..60),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Limber::open(dir.path().join("l.db")).unwrap();
        store.submit_assessment(answers(first), at(-1, 18), 0).unwrap();
        check_day(&mut store, days)?;
    }
}
