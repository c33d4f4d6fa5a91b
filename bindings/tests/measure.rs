//! The measurement object with arbitrary samples (any float, any time, batches in any order):
//! every call returns a value or a typed `InvalidInput`, never a panic or `Internal`; and a
//! refused batch changes nothing.

use limber_core::measure::{GravitySample, MeasureState, PhoneTest};
use limber_ffi::{LimberError, Measurement, measure_trace, thomas_thigh_above_horizontal};
use proptest::prelude::*;
use proptest::sample::select;

fn float() -> impl Strategy<Value = f64> {
    prop_oneof![
        4 => -20.0..20.0f64,
        1 => any::<f64>(),
        1 => select(vec![f64::NAN, f64::INFINITY, f64::NEG_INFINITY, f64::MAX, f64::MIN, 0.0, -0.0]),
    ]
}

fn time() -> impl Strategy<Value = i64> {
    prop_oneof![4 => 0..100_000i64, 1 => any::<i64>(), 1 => select(vec![i64::MIN, i64::MAX, 0])]
}

fn sample() -> impl Strategy<Value = GravitySample> {
    (time(), float(), float(), float()).prop_map(|(t_ms, x, y, z)| GravitySample { t_ms, x, y, z })
}

fn test() -> impl Strategy<Value = PhoneTest> {
    select(PhoneTest::ALL.to_vec())
}

fn typed<T>(result: Result<T, LimberError>) -> Result<(), TestCaseError> {
    match result {
        Ok(_) => Ok(()),
        Err(LimberError::InvalidInput { field, range, .. })
            if field.starts_with("samples[") && !range.is_empty() =>
        {
            Ok(())
        }
        Err(e) => Err(TestCaseError::fail(format!("unexpected error {e:?}"))),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_batches_give_a_value_or_a_typed_error(test in test(), batches in prop::collection::vec(prop::collection::vec(sample(), 0..40), 0..8)) {
        let m = Measurement::new(test);
        for batch in batches {
            let before = m.status();
            let result = m.push_samples(batch);
            if result.is_err() {
                prop_assert_eq!(m.status(), before);
            }
            typed(result)?;
        }
        let _ = m.finish();
    }

    #[test]
    fn the_thomas_answer_takes_any_angle(angle in any::<i32>()) {
        prop_assert_eq!(thomas_thigh_above_horizontal(angle), angle > 0);
    }

    #[test]
    fn sorted_finite_samples_are_always_accepted(test in test(), mut samples in prop::collection::vec((time(), -30.0..30.0f64, -30.0..30.0f64, -30.0..30.0f64), 0..400)) {
        samples.sort_by_key(|s| s.0);
        let samples: Vec<_> = samples.into_iter().map(|(t_ms, x, y, z)| GravitySample { t_ms, x, y, z }).collect();
        let r = measure_trace(test, samples.clone()).unwrap();
        prop_assert_eq!(r.test, test);
        let m = Measurement::new(test);
        let u = m.push_samples(samples).unwrap();
        prop_assert_eq!(u.state == MeasureState::Done, u.result.is_some());
    }
}
