//! Arbitrary values for every argument type the bindings take, biased towards the edges: i32
//! extremes, instants at chrono's limits and around DST changes, huge and odd strings, unknown
//! ids and zones, and JSON that is nearly right.

// Each test file uses its own share of these.
#![allow(dead_code)]

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use limber_core::assessment::questionnaire::{QuestionKind, questionnaire};
use limber_core::assessment::responses::{Response, ResponseValue};
use limber_core::calendar::{DayOfWeek, LocalTime};
use limber_core::catalog::{Dose, Equipment, ExerciseId};
use limber_core::pain::{BodySite, PainContext, PainInput, PainQuery, Side, SitePain};
use limber_core::routine::RoutineSettings;
use limber_core::routine::checkin::{CheckInInput, ExerciseCheckIn, SkipReason};
use limber_core::schedule::ReminderSettings;
use proptest::prelude::*;
use proptest::sample::select;
use serde_json::{Value, json};

/// `cases` cases, or `PROPTEST_CASES` for a longer run (`PROPTEST_CASES=20000 cargo test -p
/// limber-ffi --release --test no_panic`).
pub fn config(cases: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(cases);
    ProptestConfig { cases, max_shrink_iters: 2_000, ..ProptestConfig::default() }
}

/// Any i32, with the edges and the small numbers every range check is about much more often.
pub fn int() -> impl Strategy<Value = i32> {
    prop_oneof![
        3 => -3..=130i32,
        2 => select(vec![i32::MIN, i32::MIN + 1, -1_000_000, -1, 0, 1, 59, 60, 1_000_000, i32::MAX - 1, i32::MAX]),
        1 => any::<i32>(),
    ]
}

/// A value in `range` most of the time (where the interesting rules are), any i32 otherwise.
pub fn int_in(range: std::ops::RangeInclusive<i32>) -> impl Strategy<Value = i32> {
    prop_oneof![3 => range, 1 => int()]
}

pub fn opt_int_in(range: std::ops::RangeInclusive<i32>) -> impl Strategy<Value = Option<i32>> {
    prop::option::weighted(0.7, int_in(range))
}

/// Distinct values, as most list fields require, in any order.
fn distinct<T: Clone + std::fmt::Debug + 'static>(
    values: &'static [T],
    len: std::ops::Range<usize>,
) -> impl Strategy<Value = Vec<T>> {
    prop::sample::subsequence(values.to_vec(), len).prop_shuffle()
}

pub fn opt_int() -> impl Strategy<Value = Option<i32>> {
    prop::option::weighted(0.8, int())
}

/// Text people and shells could send: empty, huge, control characters, odd unicode.
pub fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "\\PC{0,40}",
        2 => select(vec![
            "", " ", "\0", "a\0b", "\u{202E}evil", "\u{FEFF}", "e\u{301}\u{301}\u{301}", "🦵🏽‍♀️", "\u{10FFFF}",
            "\r\n", "\\", "\"", "'; DROP TABLE pain_entry; --", "%s%n", "null", "{}", "..", "../..",
        ]).prop_map(str::to_owned),
        1 => any::<String>(),
        1 => (select(vec!["a", "é", "🦵", "\0", " "]), 2_001..70_000usize).prop_map(|(s, n)| s.repeat(n)),
    ]
}

pub fn opt_text() -> impl Strategy<Value = Option<String>> {
    prop::option::weighted(0.7, text())
}

/// A real IANA zone, a near miss, or junk.
pub fn zone() -> impl Strategy<Value = String> {
    let real: Vec<String> = chrono_tz::TZ_VARIANTS.iter().map(|tz| tz.name().to_owned()).collect();
    prop_oneof![
        4 => select(real.clone()),
        1 => select(real).prop_map(|z| format!(" {} ", z.to_lowercase())),
        1 => select(vec![
            "UTC", "utc", "Etc/GMT+12", "Etc/GMT-14", "Mars/Olympus_Mons", "Europe/London\0", "+05:30", "GMT+25",
            "Europe//London", "/etc/localtime", "../../etc/passwd", "",
        ]).prop_map(str::to_owned),
        1 => text(),
    ]
}

/// An instant as the bindings receive it: chrono's limits, near now, around DST changes, or any.
pub fn timestamp() -> impl Strategy<Value = DateTime<Utc>> {
    let at = |s: &str| s.parse::<DateTime<Utc>>().expect("a valid instant");
    let (min, max) = (DateTime::<Utc>::MIN_UTC.timestamp(), DateTime::<Utc>::MAX_UTC.timestamp());
    prop_oneof![
        4 => (-400i64..400, 0..86_400i64).prop_map(move |(days, secs)| {
            at("2026-11-20T00:00:00Z") + chrono::Duration::days(days) + chrono::Duration::seconds(secs)
        }),
        2 => (select(vec![
            "2026-03-29T00:59:59Z", "2026-03-29T01:00:00Z", "2026-03-08T07:00:00Z", "2026-11-01T05:59:59Z",
            "2026-10-25T01:00:00Z", "2026-04-05T02:00:00Z", "1999-12-31T23:59:59Z", "2000-01-01T00:00:00Z",
            "2099-12-31T23:59:59Z", "2100-01-01T00:00:00Z", "1970-01-01T00:00:00Z",
        ]), -90i64..90).prop_map(move |(s, m)| at(s) + chrono::Duration::minutes(m)),
        1 => select(vec![DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC, DateTime::<Utc>::UNIX_EPOCH]),
        1 => (min..=max, 0..1_000_000_000u32)
            .prop_map(|(s, n)| DateTime::from_timestamp(s, n).unwrap_or(DateTime::<Utc>::MAX_UTC)),
        1 => system_time().prop_map(lift_timestamp),
    ]
}

/// Any `SystemTime` a shell can send: Kotlin's `Instant.MIN`/`MAX` and Swift's distant dates
/// are well inside what Linux's `SystemTime` holds.
pub fn system_time() -> impl Strategy<Value = SystemTime> {
    (
        any::<bool>(),
        prop_oneof![any::<u64>(), 0..4_102_444_800u64, Just(i64::MAX as u64)],
        0..1_000_000_000u32,
    )
        .prop_map(|(after, secs, nanos)| {
            let d = Duration::new(secs.min(i64::MAX as u64 - 1), nanos);
            if after { UNIX_EPOCH.checked_add(d) } else { UNIX_EPOCH.checked_sub(d) }.unwrap_or(UNIX_EPOCH)
        })
}

/// The bindings' own conversion of a `SystemTime` from a shell into the core's instant: the
/// custom type's lift, as the scaffolding runs it.
pub fn lift_timestamp(time: SystemTime) -> DateTime<Utc> {
    let lowered = <SystemTime as uniffi::Lower<limber_ffi::UniFfiTag>>::lower(time);
    <DateTime<Utc> as uniffi::Lift<limber_ffi::UniFfiTag>>::try_lift(lowered).expect("every SystemTime lifts")
}

pub fn opt_timestamp() -> impl Strategy<Value = Option<DateTime<Utc>>> {
    prop::option::weighted(0.6, timestamp())
}

pub fn date() -> impl Strategy<Value = NaiveDate> {
    let (min, max) = (NaiveDate::MIN.num_days_from_ce(), NaiveDate::MAX.num_days_from_ce());
    prop_oneof![
        3 => (-800i64..800).prop_map(|d| NaiveDate::from_ymd_opt(2026, 11, 20).expect("a date") + chrono::Duration::days(d)),
        1 => select(vec![NaiveDate::MIN, NaiveDate::MAX, NaiveDate::from_ymd_opt(2000, 1, 1).expect("a date"),
                         NaiveDate::from_ymd_opt(2099, 12, 31).expect("a date")]),
        1 => (min..=max).prop_map(|d| NaiveDate::from_num_days_from_ce_opt(d).unwrap_or(NaiveDate::MIN)),
    ]
}

pub fn local_time() -> impl Strategy<Value = LocalTime> {
    prop_oneof![
        3 => (0..24i32, 0..60i32).prop_map(|(hour, minute)| LocalTime { hour, minute }),
        1 => (int(), int()).prop_map(|(hour, minute)| LocalTime { hour, minute }),
    ]
}

fn all<T: Copy + std::fmt::Debug + 'static>(values: &'static [T]) -> impl Strategy<Value = T> {
    select(values.to_vec())
}

pub fn pain_input() -> impl Strategy<Value = PainInput> {
    let site = (all(BodySite::ALL), prop::option::of(all(Side::ALL)), int_in(0..=10))
        .prop_map(|(site, side, level)| SitePain { site, side, level });
    (
        timestamp(),
        prop_oneof![3 => (-56..=56i32).prop_map(|q| q * 15), 1 => int()],
        int_in(0..=10),
        prop::collection::vec(site, 0..8),
        all(PainContext::ALL),
        opt_text(),
    )
        .prop_map(|(recorded_at, utc_offset_minutes, level, sites, context, note)| PainInput {
            recorded_at,
            utc_offset_minutes,
            level,
            sites,
            context,
            note,
        })
}

/// `cursor`: a cursor text from elsewhere, or `None`.
pub fn pain_query() -> impl Strategy<Value = PainQuery> {
    (opt_timestamp(), opt_timestamp(), int_in(1..=500), opt_text())
        .prop_map(|(from, to, limit, cursor)| PainQuery { from, to, limit, cursor })
}

pub fn routine_settings() -> impl Strategy<Value = RoutineSettings> {
    let plausible = (
        prop::collection::btree_set((5..23i32, 0..60i32), 1..=2)
            .prop_map(|t| t.into_iter().map(|(hour, minute)| LocalTime { hour, minute }).collect()),
        distinct(DayOfWeek::ALL, 2..4),
        distinct(Equipment::ALL, 0..7),
        any::<bool>(),
    );
    let wild = (
        prop::collection::vec(local_time(), 0..4),
        prop::collection::vec(all(DayOfWeek::ALL), 0..9),
        prop::collection::vec(all(Equipment::ALL), 0..8),
        any::<bool>(),
    );
    prop_oneof![plausible, wild].prop_map(|(session_times, strength_days, equipment, include_release)| {
        RoutineSettings { session_times, strength_days, equipment, include_release }
    })
}

pub fn reminder_settings() -> impl Strategy<Value = ReminderSettings> {
    let plausible = (
        any::<bool>(),
        prop::collection::btree_set((0..24i32, 0..60i32), 1..=4)
            .prop_map(|t| t.into_iter().map(|(hour, minute)| LocalTime { hour, minute }).collect()),
        distinct(DayOfWeek::ALL, 1..8),
        zone(),
        5..=120i32,
        prop::option::of((0..24i32, 0..60i32).prop_map(|(hour, minute)| LocalTime { hour, minute })),
        any::<bool>(),
    );
    let wild = (
        any::<bool>(),
        prop::collection::vec(local_time(), 0..6),
        prop::collection::vec(all(DayOfWeek::ALL), 0..9),
        zone(),
        int(),
        prop::option::of(local_time()),
        any::<bool>(),
    );
    prop_oneof![2 => plausible, 1 => wild].prop_map(
        |(enabled, slots, days, time_zone, snooze_minutes, morning_check, retest_reminders)| {
            ReminderSettings {
                enabled,
                slots,
                days,
                time_zone,
                snooze_minutes,
                morning_check,
                retest_reminders,
            }
        },
    )
}

pub fn check_in_input() -> impl Strategy<Value = CheckInInput> {
    let exercise = |id: ExerciseId| {
        (
            prop::option::weighted(0.8, all(SkipReason::ALL)),
            any::<bool>(),
            (opt_int_in(0..=600), opt_int_in(0..=200), opt_int_in(0..=20), opt_int_in(0..=10)),
            prop::bool::weighted(0.1),
        )
            .prop_map(
                move |(skip_reason, done, (hold_seconds, reps, sets, pain_during), symptoms_spread)| {
                    ExerciseCheckIn {
                        exercise: id,
                        done,
                        skip_reason: if done { None } else { skip_reason },
                        hold_seconds,
                        reps,
                        sets,
                        pain_during,
                        symptoms_spread,
                    }
                },
            )
    };
    let exercises = prop_oneof![
        3 => distinct(ExerciseId::ALL, 1..8).prop_flat_map(move |ids| ids.into_iter().map(exercise).collect::<Vec<_>>()),
        1 => prop::collection::vec(all(ExerciseId::ALL).prop_flat_map(exercise), 0..8),
    ];
    (int_in(1..=2), timestamp(), opt_int_in(0..=10), opt_int_in(0..=10), exercises, opt_text()).prop_map(
        |(slot, at, pain_before, pain_after, exercises, note)| CheckInInput {
            session: slot,
            at,
            pain_before,
            pain_after,
            exercises,
            note,
        },
    )
}

pub fn dose() -> impl Strategy<Value = Dose> {
    (opt_int(), opt_int(), int(), any::<bool>(), opt_int()).prop_map(
        |(hold_seconds, reps, sets, per_side, minutes)| Dose { hold_seconds, reps, sets, per_side, minutes },
    )
}

/// Responses to the questionnaire: mostly its own question and choice ids with values of the
/// right kind and any number, sometimes unknown ids or a value of the wrong kind.
pub fn responses() -> impl Strategy<Value = Vec<Response>> {
    let questions: Vec<(String, QuestionKind)> =
        questionnaire().sections.into_iter().flat_map(|s| s.questions).map(|q| (q.id, q.kind)).collect();
    let choice_ids: Vec<String> = questions
        .iter()
        .flat_map(|(_, kind)| match kind {
            QuestionKind::OneChoice { options } | QuestionKind::SeveralChoices { options } => {
                options.iter().map(|c| c.id.clone()).collect()
            }
            _ => Vec::new(),
        })
        .collect();
    let choice = prop_oneof![4 => select(choice_ids), 1 => text()];
    let value = prop_oneof![
        any::<bool>().prop_map(|value| ResponseValue::YesNo { value }),
        choice.clone().prop_map(|id| ResponseValue::Choice { id }),
        prop::collection::vec(choice, 0..6).prop_map(|ids| ResponseValue::Choices { ids }),
        int().prop_map(|value| ResponseValue::Number { value }),
        (opt_int(), opt_int()).prop_map(|(left, right)| ResponseValue::PerLeg { left, right }),
    ];
    let ids: Vec<String> = questions.iter().map(|(id, _)| id.clone()).collect();
    let question_id = prop_oneof![6 => select(ids), 1 => text()];
    let response = (question_id, value).prop_map(|(question_id, value)| Response { question_id, value });
    prop_oneof![
        2 => plausible_responses(),
        1 => prop::collection::vec(response, 0..40),
    ]
}

/// A valid answer to each question in turn, some left out: what a shell sends when the person
/// goes through the questionnaire.
pub fn plausible_responses() -> impl Strategy<Value = Vec<Response>> {
    let answers: Vec<BoxedStrategy<Option<Response>>> = questionnaire()
        .sections
        .into_iter()
        .flat_map(|s| s.questions)
        .map(|q| {
            let id = q.id.clone();
            let value: BoxedStrategy<ResponseValue> = match q.kind {
                QuestionKind::YesNo => any::<bool>().prop_map(|value| ResponseValue::YesNo { value }).boxed(),
                QuestionKind::OneChoice { options } => {
                    select(options).prop_map(|c| ResponseValue::Choice { id: c.id }).boxed()
                }
                QuestionKind::SeveralChoices { options } => {
                    prop::sample::subsequence(options.clone(), 0..=options.len())
                        .prop_map(|cs| ResponseValue::Choices { ids: cs.into_iter().map(|c| c.id).collect() })
                        .boxed()
                }
                QuestionKind::WholeNumber { min, max, .. } => {
                    (min..=max).prop_map(|value| ResponseValue::Number { value }).boxed()
                }
                QuestionKind::PerLeg { min, max, .. } => {
                    (prop::option::weighted(0.9, min..=max), prop::option::weighted(0.9, min..=max))
                        .prop_map(|(left, right)| ResponseValue::PerLeg { left, right })
                        .boxed()
                }
            };
            let always = id == "age";
            (prop::bool::weighted(if always { 1.0 } else { 0.75 }), value)
                .prop_map(move |(given, value)| given.then(|| Response { question_id: id.clone(), value }))
                .boxed()
        })
        .collect();
    answers.prop_map(|all| all.into_iter().flatten().collect())
}

/// Answers in the JSON contract: an object of known and unknown fields holding values of the
/// right shape or not, or text that is not JSON at all.
pub fn answers_json() -> impl Strategy<Value = String> {
    let scalar = prop_oneof![
        4 => int().prop_map(|n| json!(n)),
        3 => any::<bool>().prop_map(|b| json!(b)),
        2 => select(vec![
            "gradual", "major_trauma", "minor_fall_or_lift", "sudden_thigh_pain", "low_back", "back_of_thigh",
            "behind_knee", "below_knee", "foot", "buttock", "left", "right", "both", "helper", "self", "back",
            "arched", "flat", "not_sure",
        ]).prop_map(|s| json!(s)),
        1 => Just(Value::Null),
        1 => any::<i64>().prop_map(|n| json!(n)),
        1 => any::<f64>().prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        1 => text().prop_map(Value::String),
    ];
    let fields = select(vec![
        "numbness",
        "pins_and_needles",
        "weakness",
        "both_legs",
        "worsening",
        "below_knee_pain_as_bad_as_back",
        "new_difficulty_walking",
        "saddle_numbness",
        "bladder",
        "bowel",
        "sexual",
        "fever_or_unwell",
        "fever",
        "unwell",
        "chest_or_belly_pain",
        "stops_normal_activities",
        "weight_loss",
        "past_cancer",
        "night_pain",
        "onset_before_45_over_3_months",
        "features",
        "pop",
        "walks_normally",
        "days_since",
        "heel_dig_pain",
        "disc",
        "pregnancy",
        "left_deg",
        "right_deg",
        "measured_by",
        "felt_at",
        "reproduces_leg_pain",
        "left_deficit_deg",
        "right_deficit_deg",
        "thigh_above_horizontal",
        "left_reps",
        "right_reps",
        "pain",
        "unknown",
    ]);
    let block = prop_oneof![
        3 => prop::collection::btree_map(fields, scalar.clone(), 0..8)
            .prop_map(|m| Value::Object(m.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())),
        1 => prop::collection::vec(scalar.clone(), 0..4).prop_map(Value::Array),
        1 => scalar,
    ];
    let top = select(vec![
        "age",
        "duration_days",
        "onset",
        "pain_now",
        "pain_sites",
        "pain_side",
        "leg_symptoms",
        "cauda_equina",
        "general",
        "inflammatory",
        "strain",
        "known",
        "slr",
        "nerve_check",
        "slump",
        "crossed_slr",
        "ake",
        "thomas",
        "bridge",
        "posture",
        "knee_click",
        "weeks_on_plan_without_improvement",
        "Age",
        "extra",
    ]);
    let object = (16..=100i32, prop::collection::btree_map(top, block, 0..16)).prop_map(|(age, m)| {
        let mut object = serde_json::Map::new();
        object.insert("age".to_owned(), json!(age));
        object.extend(m.into_iter().map(|(k, v)| (k.to_owned(), v)));
        Value::Object(object).to_string()
    });
    let plausible = plausible_responses().prop_map(|responses| {
        limber_core::assessment::responses::answers_from_responses(&questionnaire(), &responses).map_or_else(
            |_| "{\"age\":42}".to_owned(),
            |a| serde_json::to_string(&a).expect("answers serialise"),
        )
    });
    prop_oneof![
        4 => plausible,
        4 => object,
        1 => text(),
        1 => select(vec!["", "{", "[]", "null", "{\"age\":42,\"age\":43}", "{\"age\":1e999}", "{\"age\":42}"])
            .prop_map(str::to_owned),
        1 => (1..200usize).prop_map(|depth| format!("{}{}", "{\"slr\":".repeat(depth), "}".repeat(depth))),
    ]
}
