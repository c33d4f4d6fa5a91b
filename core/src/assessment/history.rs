//! Saved assessments and the measurement series they leave behind (SLR, knee extension,
//! bridge), with the real-change rule of CLINICAL.md §1.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::answers::{Answers, MeasuredBy};
use super::explain::RETEST_DAYS;
use super::result::AssessmentResult;
use crate::pain::Side;

/// An assessment as saved: what was answered, what Limber said then, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedAssessment {
    /// Its id (UUID v7, so ids sort by creation time).
    pub id: Uuid,
    /// When it was taken.
    pub taken_at: DateTime<Utc>,
    /// The local UTC offset then, in minutes, -840 to 840: the wall-clock time the person saw.
    pub utc_offset_minutes: i32,
    /// The answers as given, validated.
    pub answers: Answers,
    /// The result shown then; re-evaluated from `answers` when it no longer reads.
    pub result: AssessmentResult,
}

impl SavedAssessment {
    /// When the tests should be repeated: every 14 days.
    pub fn retest_due_at(&self) -> DateTime<Utc> {
        self.taken_at + Duration::days(RETEST_DAYS)
    }

    /// Whether the re-test is due at `now` (at or past `retest_due_at`).
    pub fn retest_due(&self, now: DateTime<Utc>) -> bool {
        now >= self.retest_due_at()
    }
}

text_enum! {
    /// The tests kept as series for progress.
    pub enum MeasuredTest {
        /// Straight leg raise, degrees: higher is more flexible.
        Slr = "slr",
        /// Active knee extension, degrees short of straight: lower is more flexible.
        Ake = "ake",
        /// Single-leg bridge, repetitions: higher is stronger.
        Bridge = "bridge",
    }
}

/// [E: phone inclinometer reliability, J Bodyw Mov Ther 2024] The SLR changes for real by 5
/// degrees with the same helper, 10 otherwise.
pub const SLR_REAL_CHANGE_SAME_HELPER: i32 = 5;
/// The SLR's real change in degrees when the helper differs or it was self-measured (same source).
pub const SLR_REAL_CHANGE_OTHERWISE: i32 = 10;
/// \[D\] A phone-measured series is one method: Limber zeroes and reads the angle the same way
/// every time, which removes the reading error that makes self-measured values vary, so two
/// phone measurements take the same-method threshold. A phone value against a typed one is two
/// methods and takes the other.
pub const SLR_REAL_CHANGE_SAME_METHOD: i32 = SLR_REAL_CHANGE_SAME_HELPER;
/// \[D\] The knee extension test is self-measured, so it takes the self-measured threshold.
pub const AKE_REAL_CHANGE: i32 = 10;
/// \[D\] Bridge repetitions to failure vary from day to day; 5 is the side-difference threshold of §4.
pub const BRIDGE_REAL_CHANGE: i32 = 5;

/// One measurement of one side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeasurementPoint {
    /// The assessment it was taken in.
    pub assessment_id: Uuid,
    /// When that assessment was taken.
    pub taken_at: DateTime<Utc>,
    /// Which test.
    pub test: MeasuredTest,
    /// Which side: `Left` or `Right`, never `Both`.
    pub side: Side,
    /// The value in the test's unit: SLR degrees 0-120, AKE degrees short of straight 0-90,
    /// bridge repetitions 0-60.
    pub value: i32,
    /// Who lifted the leg, for the SLR (`None`: not said, or another test); it decides the
    /// real-change threshold.
    pub measured_by: Option<MeasuredBy>,
    /// The change since the previous measurement of this side, signed as measured.
    pub change: Option<i32>,
    /// Whether `change` is past the real-change threshold (not measurement noise).
    pub real_change: bool,
}

/// The measurements an assessment's answers carry, before the series gives them a change.
pub fn measurements(saved: &SavedAssessment) -> Vec<MeasurementPoint> {
    let a = &saved.answers;
    let mut points = Vec::new();
    let mut push = |test, side, value: Option<i32>, by| {
        if let Some(value) = value {
            points.push(MeasurementPoint {
                assessment_id: saved.id,
                taken_at: saved.taken_at,
                test,
                side,
                value,
                measured_by: by,
                change: None,
                real_change: false,
            });
        }
    };
    if let Some(s) = &a.slr {
        push(MeasuredTest::Slr, Side::Left, s.left_deg, s.measured_by);
        push(MeasuredTest::Slr, Side::Right, s.right_deg, s.measured_by);
    }
    if let Some(k) = &a.ake {
        push(MeasuredTest::Ake, Side::Left, k.left_deficit_deg, None);
        push(MeasuredTest::Ake, Side::Right, k.right_deficit_deg, None);
    }
    if let Some(b) = &a.bridge {
        push(MeasuredTest::Bridge, Side::Left, b.left_reps, None);
        push(MeasuredTest::Bridge, Side::Right, b.right_reps, None);
    }
    points
}

/// The threshold between two measurements of the same test and side.
pub fn real_change_threshold(
    test: MeasuredTest,
    before: Option<MeasuredBy>,
    after: Option<MeasuredBy>,
) -> i32 {
    match test {
        // [D] Two helper measurements are taken to be by the same helper; anything else is not.
        MeasuredTest::Slr if before == Some(MeasuredBy::Helper) && after == Some(MeasuredBy::Helper) => {
            SLR_REAL_CHANGE_SAME_HELPER
        }
        MeasuredTest::Slr if before == Some(MeasuredBy::Phone) && after == Some(MeasuredBy::Phone) => {
            SLR_REAL_CHANGE_SAME_METHOD
        }
        MeasuredTest::Slr => SLR_REAL_CHANGE_OTHERWISE,
        MeasuredTest::Ake => AKE_REAL_CHANGE,
        MeasuredTest::Bridge => BRIDGE_REAL_CHANGE,
    }
}

/// Fills in each point's change against the previous point of the same side. `points` must be
/// in time order and of one test.
pub fn mark_changes(points: &mut [MeasurementPoint]) {
    for i in 0..points.len() {
        let previous = points[..i].iter().rev().find(|p| p.side == points[i].side).cloned();
        if let Some(prev) = previous {
            let change = points[i].value - prev.value;
            let threshold = real_change_threshold(points[i].test, prev.measured_by, points[i].measured_by);
            points[i].change = Some(change);
            points[i].real_change = change.abs() >= threshold;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(side: Side, value: i32, by: Option<MeasuredBy>) -> MeasurementPoint {
        MeasurementPoint {
            assessment_id: Uuid::nil(),
            taken_at: DateTime::UNIX_EPOCH,
            test: MeasuredTest::Slr,
            side,
            value,
            measured_by: by,
            change: None,
            real_change: false,
        }
    }

    #[test]
    fn slr_changes_count_from_5_with_the_same_helper_and_10_otherwise() {
        let helper = Some(MeasuredBy::Helper);
        let own = Some(MeasuredBy::SelfMeasured);
        let mut points = vec![
            point(Side::Left, 60, helper),
            point(Side::Right, 70, helper),
            point(Side::Left, 64, helper),  // +4: noise
            point(Side::Left, 69, helper),  // +5: real
            point(Side::Left, 78, own),     // +9 self-measured: noise
            point(Side::Left, 88, own),     // +10: real
            point(Side::Right, 75, helper), // +5 vs the right side's own last value
        ];
        mark_changes(&mut points);
        let marks: Vec<_> = points.iter().map(|p| (p.change, p.real_change)).collect();
        assert_eq!(
            marks,
            [
                (None, false),
                (None, false),
                (Some(4), false),
                (Some(5), true),
                (Some(9), false),
                (Some(10), true),
                (Some(5), true)
            ]
        );
    }

    #[test]
    fn thresholds_for_knee_extension_and_bridge() {
        assert_eq!(real_change_threshold(MeasuredTest::Ake, None, None), 10);
        assert_eq!(real_change_threshold(MeasuredTest::Bridge, None, None), 5);
        assert_eq!(real_change_threshold(MeasuredTest::Slr, Some(MeasuredBy::Helper), None), 10);
    }

    #[test]
    fn a_phone_measured_series_is_one_method_and_a_typed_value_beside_it_is_another() {
        let phone = Some(MeasuredBy::Phone);
        assert_eq!(real_change_threshold(MeasuredTest::Slr, phone, phone), 5);
        for other in [Some(MeasuredBy::Helper), Some(MeasuredBy::SelfMeasured), None] {
            assert_eq!(real_change_threshold(MeasuredTest::Slr, phone, other), 10);
            assert_eq!(real_change_threshold(MeasuredTest::Slr, other, phone), 10);
        }
        let mut points =
            vec![point(Side::Left, 60, phone), point(Side::Left, 66, phone), point(Side::Left, 70, None)];
        mark_changes(&mut points);
        assert!(points[1].real_change, "6 degrees between two phone measurements is real");
        assert!(!points[2].real_change, "4 degrees from phone to typed is not");
    }
}
