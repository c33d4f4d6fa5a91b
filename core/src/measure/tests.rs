use proptest::prelude::*;

use super::synth::{HoldKind, Rng, TraceSpec, generate};
use super::trace_file::{parse, to_csv};
use super::*;

fn measure(spec: &TraceSpec) -> MeasureResult {
    measure_trace(spec.test, &generate(spec)).unwrap()
}

fn clean(test: PhoneTest, truth: f64) -> TraceSpec {
    TraceSpec::clean(test, truth)
}

#[test]
fn clean_traces_read_their_angle_for_every_test() {
    for (test, truth) in [
        (PhoneTest::Slr, 20.0),
        (PhoneTest::Slr, 65.0),
        (PhoneTest::Ake, 0.0),
        (PhoneTest::Ake, 35.0),
        (PhoneTest::Ake, 70.0),
        (PhoneTest::Thomas, -15.0),
        (PhoneTest::Thomas, 0.0),
        (PhoneTest::Thomas, 20.0),
    ] {
        let r = measure(&clean(test, truth));
        assert_eq!(r.quality, MeasureQuality::Ok, "{test} {truth}");
        assert_eq!(r.angle_deg, Some(truth as i32), "{test} {truth}");
        assert_eq!(r.rest_deg, Some(0.0));
        assert!(r.hold_seconds.unwrap() >= 1.0, "{r:?}");
    }
}

#[test]
fn a_raise_past_vertical_is_not_folded_back() {
    // The plain inclination reads 110 degrees as 70.
    let r = measure(&clean(PhoneTest::Slr, 110.0));
    assert_eq!(r.angle_deg, Some(110));
}

#[test]
fn a_rest_tilted_the_other_way_is_subtracted_with_its_sign() {
    // |55| - |-5| would say 50.
    let spec = TraceSpec { rest_offset_deg: -5.0, ..clean(PhoneTest::Slr, 60.0) };
    let r = measure(&spec);
    assert_eq!(r.angle_deg, Some(60));
    assert_eq!(r.rest_deg, Some(-5.0));
}

#[test]
fn the_hold_is_timed_until_the_leg_moves_again() {
    let spec = TraceSpec { hold_s: 3.0, ..clean(PhoneTest::Slr, 50.0) };
    let held = measure(&spec).hold_seconds.unwrap();
    assert!((2.8..=3.8).contains(&held), "{held}");
}

#[test]
fn out_of_range_readings_are_implausible_and_carry_no_angle() {
    for spec in [clean(PhoneTest::Slr, 125.0), clean(PhoneTest::Thomas, -55.0)] {
        let r = measure(&spec);
        assert_eq!(r.quality, MeasureQuality::Implausible, "{spec:?}");
        assert_eq!(r.angle_deg, None);
    }
}

#[test]
fn a_knee_straight_within_the_methods_error_reads_zero() {
    // A shin 2 degrees past vertical: a straight knee, not an error.
    let r = measure(&clean(PhoneTest::Ake, -2.0));
    assert_eq!((r.quality, r.angle_deg), (MeasureQuality::Ok, Some(0)));
    let r = measure(&clean(PhoneTest::Ake, -6.0));
    assert_eq!(r.quality, MeasureQuality::Implausible);
}

#[test]
fn without_a_still_start_there_is_no_rest() {
    assert_eq!(measure_trace(PhoneTest::Slr, &[]).unwrap().quality, MeasureQuality::NoRest);
    // Standing on its end the whole time: never flat.
    let upright: Vec<_> =
        (0..500).map(|i| GravitySample { t_ms: i * 10, x: 0.0, y: STANDARD_GRAVITY, z: 0.0 }).collect();
    let r = measure_trace(PhoneTest::Slr, &upright).unwrap();
    assert_eq!((r.quality, r.rest_deg), (MeasureQuality::NoRest, None));
}

#[test]
fn a_trace_that_stops_before_the_hold_has_no_hold() {
    let samples = generate(&clean(PhoneTest::Slr, 60.0));
    // Rest (2-3 s) and half the raise.
    let cut: Vec<_> = samples.iter().copied().take_while(|s| s.t_ms - samples[0].t_ms < 3600).collect();
    let r = measure_trace(PhoneTest::Slr, &cut).unwrap();
    assert_eq!(r.quality, MeasureQuality::NoHold);
    assert_eq!(r.angle_deg, None);
    assert!(r.rest_deg.is_some());
}

#[test]
fn shaky_and_accelerating_holds_are_flagged_not_measured() {
    let mut rng = Rng::new(7);
    for kind in [HoldKind::Shaky, HoldKind::Accelerating] {
        for test in PhoneTest::ALL {
            for _ in 0..10 {
                let spec = TraceSpec::random(&mut rng, *test, kind);
                let r = measure(&spec);
                assert_ne!(r.quality, MeasureQuality::Ok, "{spec:?} gave {r:?}");
                if kind == HoldKind::Accelerating {
                    assert_eq!(r.quality, MeasureQuality::Moving, "{spec:?}");
                }
            }
        }
    }
}

#[test]
fn noisy_traces_meet_the_accuracy_target() {
    // The benchmark (`cargo bench -p limber-core --features synth --bench measure_accuracy`)
    // runs thousands; this keeps the target in the test command.
    let mut rng = Rng::new(16);
    let (mut n, mut within_2) = (0, 0);
    for test in PhoneTest::ALL {
        for _ in 0..40 {
            let spec = TraceSpec::random(&mut rng, *test, HoldKind::Still);
            let r = measure(&spec);
            assert_eq!(r.quality, MeasureQuality::Ok, "{spec:?} gave {r:?}");
            let truth = spec.truth_deg.round().clamp(test.range().0 as f64, test.range().1 as f64);
            let error = (r.angle_deg.unwrap() as f64 - spec.truth_deg).abs();
            assert!(error <= 4.0, "{spec:?}: {r:?} against {truth}");
            n += 1;
            within_2 += usize::from(error <= 2.0);
        }
    }
    assert!(within_2 * 100 >= n * 95, "{within_2} of {n} within 2 degrees");
}

#[test]
fn batches_of_any_size_give_the_same_result_and_walk_the_states_in_order() {
    let samples = generate(&clean(PhoneTest::Ake, 30.0));
    let whole = measure_trace(PhoneTest::Ake, &samples).unwrap();
    for size in [1, 7, 64] {
        let mut m = Measurement::new(PhoneTest::Ake);
        let (mut states, mut spoken, mut captures) = (vec![], vec![], 0);
        for batch in samples.chunks(size) {
            let u = m.push_samples(batch).unwrap();
            if states.last() != Some(&u.state) {
                states.push(u.state);
            }
            if u.speak {
                spoken.push(u.prompt);
            }
            captures += usize::from(u.captured);
        }
        assert_eq!(m.finish(), whole, "batch size {size}");
        assert_eq!(captures, 1);
        assert_eq!(
            spoken,
            [MeasurePrompt::LiftThigh, MeasurePrompt::StraightenKnee, MeasurePrompt::Measured]
        );
        assert_eq!(states.first(), Some(&MeasureState::WaitingForRest));
        assert_eq!(states.last(), Some(&MeasureState::Done));
        for s in [MeasureState::RestTaken, MeasureState::Moving, MeasureState::Holding] {
            assert!(states.contains(&s), "{states:?}");
        }
    }
}

#[test]
fn the_done_prompt_says_the_value_in_words() {
    let mut m = Measurement::new(PhoneTest::Thomas);
    let u = m.push_samples(&generate(&clean(PhoneTest::Thomas, -12.0))).unwrap();
    assert_eq!(u.state, MeasureState::Done);
    assert_eq!(u.prompt_text, "Got it: the thigh rests 12 degrees below level. Sit up slowly.");
    let mut m = Measurement::new(PhoneTest::Ake);
    let u = m.push_samples(&generate(&clean(PhoneTest::Ake, 25.0))).unwrap();
    assert_eq!(u.prompt_text, "Got it: 25 degrees short of straight. Lower the leg slowly.");
}

#[test]
fn prompts_ask_for_no_arithmetic_and_no_angle_by_eye() {
    for p in MeasurePrompt::ALL {
        for test in PhoneTest::ALL {
            let text = p.text(*test, None).to_lowercase();
            for banned in ["minus", "subtract", "90 ", "estimate", "judge", "about 75"] {
                assert!(!text.contains(banned), "{p}: {text}");
            }
        }
    }
}

#[test]
fn a_bad_batch_is_refused_whole_and_names_the_sample() {
    let mut m = Measurement::new(PhoneTest::Slr);
    let good = GravitySample { t_ms: 10, x: 0.0, y: 0.0, z: 9.8 };
    let err = m.push_samples(&[good, GravitySample { x: f64::NAN, ..good }]).unwrap_err();
    assert_eq!(err.to_string(), "invalid samples[1].x: must be a finite number of m/s²");
    let err = m.push_samples(&[good, GravitySample { t_ms: 9, ..good }]).unwrap_err();
    assert!(err.to_string().starts_with("invalid samples[1].t_ms: must be"), "{err}");
    m.push_samples(&[good]).unwrap();
    // Time goes on from the last accepted batch.
    assert!(m.push_samples(&[GravitySample { t_ms: 5, ..good }]).is_err());
}

#[test]
fn trace_files_round_trip_and_read_phyphox_exports() {
    let samples = generate(&clean(PhoneTest::Slr, 40.0));
    let parsed = parse(&to_csv(&samples)).unwrap();
    assert_eq!(parsed.len(), samples.len());
    assert_eq!(measure_trace(PhoneTest::Slr, &parsed).unwrap().angle_deg, Some(40));

    let comma = "\"Time (s)\",\"Acceleration x (m/s^2)\",\"Acceleration y (m/s^2)\",\"Acceleration z (m/s^2)\",\"Absolute acceleration (m/s^2)\"\n\
                 0.000000,0.1,0.2,9.8,9.8\n0.010500,0.1,0.3,9.79,9.8\n";
    let p = parse(comma).unwrap();
    assert_eq!(p[1], GravitySample { t_ms: 11, x: 0.1, y: 0.3, z: 9.79 });
    let semicolon = "\"Time (s)\";\"Acceleration x (m/s^2)\";\"Acceleration y (m/s^2)\";\"Acceleration z (m/s^2)\"\n\
                     0,5;0,1;0,2;9,8\n";
    assert_eq!(parse(semicolon).unwrap()[0], GravitySample { t_ms: 500, x: 0.1, y: 0.2, z: 9.8 });
    let tab =
        "Time (s)\tAcceleration x (m/s^2)\tAcceleration y (m/s^2)\tAcceleration z (m/s^2)\n1\t0\t0\t9.8\n";
    assert_eq!(parse(tab).unwrap()[0].t_ms, 1000);
}

#[test]
fn bad_trace_files_name_the_row_and_column() {
    let cases = [
        ("", "invalid trace: must be a CSV file"),
        ("t_ms,x,y\n0,1,2\n", "invalid trace header: must be t_ms,x,y,z"),
        ("t_ms,x,y,z\n", "invalid trace: must be at least one sample row"),
        ("t_ms,x,y,z\n0,0,0,9.8\n10,0,abc,9.8\n", "invalid row 3, column y: must be a finite number"),
        (
            "t_ms,x,y,z\n0,0,0,9.8\n10,0,0\n",
            "invalid row 3, column z: must be a number (the cell is missing)",
        ),
        ("t_ms,x,y,z\n10,0,0,9.8\n\n5,0,0,9.8\n", "invalid row 4, column t_ms: must be no earlier"),
        ("t_ms,x,y,z\n0,NaN,0,9.8\n", "invalid row 2, column x: must be a finite number"),
        ("\"Time (s)\",\"Linear Acceleration x (m/s^2)\"\n", "invalid trace header: must be phyphox's"),
    ];
    for (text, start) in cases {
        let err = parse(text).unwrap_err().to_string();
        assert!(err.starts_with(start), "{text:?} gave {err}");
        assert_eq!(err.lines().count(), 1);
    }
}

fn any_test() -> impl Strategy<Value = (PhoneTest, f64)> {
    // Whole degrees plus a little, so rounding never sits on a half.
    let value = |lo: i32, hi: i32| (lo..=hi, -0.3..0.3f64).prop_map(|(d, f)| d as f64 + f);
    prop_oneof![
        value(10, 110).prop_map(|v| (PhoneTest::Slr, v)),
        value(0, 70).prop_map(|v| (PhoneTest::Ake, v)),
        value(-30, 30).prop_map(|v| (PhoneTest::Thomas, v)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn roll_about_the_long_axis_does_not_change_the_answer((test, truth) in any_test(), roll in 0.0..360.0f64) {
        let base = measure(&clean(test, truth));
        let rolled = measure(&TraceSpec { roll_deg: roll, ..clean(test, truth) });
        prop_assert_eq!(rolled.angle_deg, base.angle_deg);
        prop_assert_eq!(rolled.angle_deg, Some((truth.round() as i32).max(test.range().0)));
    }

    #[test]
    fn flipping_the_phone_end_for_end_does_not_change_the_answer((test, truth) in any_test(), roll in 0.0..360.0f64) {
        let spec = TraceSpec { roll_deg: roll, ..clean(test, truth) };
        let flipped = TraceSpec { flipped: true, ..spec.clone() };
        prop_assert_eq!(measure(&flipped).angle_deg, measure(&spec).angle_deg);
        prop_assert!(measure(&flipped).angle_deg.is_some());
    }

    #[test]
    fn a_constant_rest_offset_does_not_change_the_answer((test, truth) in any_test(), offset in -8.0..8.0f64, flipped in any::<bool>()) {
        let spec = TraceSpec { flipped, ..clean(test, truth) };
        let shaped = TraceSpec { rest_offset_deg: offset, ..spec.clone() };
        let r = measure(&shaped);
        prop_assert_eq!(r.angle_deg, measure(&spec).angle_deg);
        prop_assert!((r.rest_deg.unwrap().abs() - offset.abs()).abs() <= 0.1);
    }
}

/// The recorded traces committed under `tests/fixtures/traces/` (used by the CLI and Kotlin
/// tests): each is generated here from a fixed spec and must measure to its row in
/// `expected.csv`. `LIMBER_WRITE_FIXTURES=1` writes them again.
#[test]
fn committed_trace_fixtures_measure_to_their_expected_values() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/traces");
    let base = |test, truth: f64, seed| TraceSpec {
        rate_hz: 50.0,
        noise: 0.05,
        tremor_deg: 0.6,
        seed,
        ..TraceSpec::clean(test, truth)
    };
    let fixtures = [
        (
            "slr-left-62.csv",
            TraceSpec { rest_offset_deg: 4.0, roll_deg: 30.0, ..base(PhoneTest::Slr, 62.0, 1) },
        ),
        (
            "slr-right-85-flipped.csv",
            TraceSpec {
                rest_offset_deg: -6.0,
                roll_deg: 200.0,
                flipped: true,
                ..base(PhoneTest::Slr, 85.0, 2)
            },
        ),
        (
            "ake-left-28.csv",
            TraceSpec { rest_offset_deg: 3.0, roll_deg: 90.0, ..base(PhoneTest::Ake, 28.0, 3) },
        ),
        ("thomas-right-below-10.csv", TraceSpec { flipped: true, ..base(PhoneTest::Thomas, -10.0, 4) }),
        ("thomas-left-above-15.csv", TraceSpec { rest_offset_deg: -5.0, ..base(PhoneTest::Thomas, 15.0, 5) }),
        ("slr-shaky.csv", TraceSpec { hold_kind: HoldKind::Shaky, ..base(PhoneTest::Slr, 70.0, 6) }),
        ("slr-moving.csv", TraceSpec { hold_kind: HoldKind::Accelerating, ..base(PhoneTest::Slr, 70.0, 7) }),
    ];
    let write = std::env::var_os("LIMBER_WRITE_FIXTURES").is_some();
    let mut expected = String::from("file,test,angle_deg,quality\n");
    for (name, spec) in &fixtures {
        let samples = generate(spec);
        let r = measure_trace(spec.test, &samples).unwrap();
        let angle = r.angle_deg.map(|a| a.to_string()).unwrap_or_default();
        expected.push_str(&format!("{name},{},{angle},{}\n", spec.test, r.quality));
        if write {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(dir.join(name), to_csv(&samples)).unwrap();
        }
        if spec.hold_kind == HoldKind::Still {
            assert_eq!(r.quality, MeasureQuality::Ok, "{name}");
            assert!((r.angle_deg.unwrap() as f64 - spec.truth_deg).abs() <= 2.0, "{name}: {r:?}");
        } else {
            assert_ne!(r.quality, MeasureQuality::Ok, "{name}");
        }
    }
    // The same SLR as phyphox exports it: seconds, quoted headers, an absolute column.
    let phyphox = generate(&base(PhoneTest::Slr, 45.0, 8));
    let mut text = String::from(
        "\"Time (s)\",\"Acceleration x (m/s^2)\",\"Acceleration y (m/s^2)\",\"Acceleration z (m/s^2)\",\"Absolute acceleration (m/s^2)\"\n",
    );
    let t0 = phyphox[0].t_ms;
    for s in &phyphox {
        let abs = (s.x * s.x + s.y * s.y + s.z * s.z).sqrt();
        text.push_str(&format!(
            "{:.6},{:.4},{:.4},{:.4},{abs:.4}\n",
            (s.t_ms - t0) as f64 / 1000.0,
            s.x,
            s.y,
            s.z
        ));
    }
    let r = measure_trace(PhoneTest::Slr, &parse(&text).unwrap()).unwrap();
    assert_eq!(r.angle_deg, Some(45));
    expected.push_str("phyphox-slr-45.csv,slr,45,ok\n");
    if write {
        std::fs::write(dir.join("phyphox-slr-45.csv"), &text).unwrap();
        std::fs::write(dir.join("expected.csv"), &expected).unwrap();
    }
    // What is committed is what these specs give.
    let committed =
        std::fs::read_to_string(dir.join("expected.csv")).expect("run with LIMBER_WRITE_FIXTURES=1");
    assert_eq!(committed, expected);
    for line in committed.lines().skip(1) {
        let cells: Vec<&str> = line.split(',').collect();
        let file = std::fs::read_to_string(dir.join(cells[0])).unwrap();
        let r = measure_trace(PhoneTest::parse("test", cells[1]).unwrap(), &parse(&file).unwrap()).unwrap();
        assert_eq!(r.angle_deg.map(|a| a.to_string()).unwrap_or_default(), cells[2], "{}", cells[0]);
        assert_eq!(r.quality.as_str(), cells[3], "{}", cells[0]);
    }
}

#[test]
fn the_questionnaire_asks_for_no_arithmetic_and_no_angle_by_eye() {
    // CLINICAL.md §7: the phone converts its own reading; nobody subtracts or estimates degrees.
    let q = serde_json::to_string(&crate::assessment::questionnaire::questionnaire()).unwrap().to_lowercase();
    for banned in ["minus", "subtract", "about 75", "less than about", "read the angle", "angle or level app"]
    {
        assert!(!q.contains(banned), "the questionnaire still says {banned:?}");
    }
    assert!(q.contains("\"phone\""), "the phone is a way of measuring");
}

#[test]
fn a_measured_thomas_angle_becomes_the_thigh_answer() {
    assert!(thigh_above_horizontal(3));
    assert!(!thigh_above_horizontal(0));
    assert!(!thigh_above_horizontal(-12));
}
