//! The measurement's plain data: samples, tests, states, qualities, results, and the test's
//! valid ranges. A leaf: every other part of `measure` builds on it.

use serde::{Deserialize, Serialize};

use crate::assessment::answers::{MAX_AKE_DEG, MAX_SLR_DEG};

/// One reading of the gravity sensor. `t_ms`: milliseconds on any monotonic clock (only
/// differences matter), never decreasing; `x`, `y`, `z`: m/s² in Android's convention (a phone
/// standing upright reads about +9.81 on `y`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct GravitySample {
    /// Milliseconds on the sensor's monotonic clock; never earlier than the sample before.
    pub t_ms: i64,
    /// Gravity along the phone's x axis (across the screen), m/s²; finite.
    pub x: f64,
    /// Gravity along the phone's y axis (up the screen), m/s²; finite.
    pub y: f64,
    /// Gravity along the phone's z axis (out of the screen), m/s²; finite.
    pub z: f64,
}

text_enum! {
    /// The home tests the phone measures.
    pub enum PhoneTest {
        /// Straight leg raise: phone on the shin, degrees the leg is raised from flat (0-120).
        Slr = "slr",
        /// Active knee extension: thigh held vertical, phone on the shin, degrees short of a
        /// straight knee (0-90), computed here from the shin's angle.
        Ake = "ake",
        /// Thomas test: phone on the front of the thigh, degrees the hanging thigh sits above
        /// (positive) or below (negative) horizontal (-45 to 45).
        Thomas = "thomas",
    }
}

text_enum! {
    /// Where a measurement stands.
    pub enum MeasureState {
        /// Waiting for the leg to lie flat and still, to zero the phone on it.
        WaitingForRest = "waiting_for_rest",
        /// Zeroed; the movement has not started.
        RestTaken = "rest_taken",
        /// The phone is moving (or not yet still at the end of the movement).
        Moving = "moving",
        /// Still at the end of the movement; not yet for long enough.
        Holding = "holding",
        /// Finished: the result is there (its quality says whether it is a measurement).
        Done = "done",
    }
}

text_enum! {
    /// Whether a result is a measurement. Only `ok` carries an angle.
    pub enum MeasureQuality {
        /// A measurement: `angle_deg` holds the value.
        Ok = "ok",
        /// The leg never lay flat and still for a second, so the phone was never zeroed.
        NoRest = "no_rest",
        /// The end of the movement was never held still for a second.
        NoHold = "no_hold",
        /// The phone was accelerating (gravity's magnitude off) where the hold should be.
        Moving = "moving",
        /// The reading is outside what the test can give; it was not kept.
        Implausible = "implausible",
    }
}

/// The hold must last this long, ms **[D: the "still for at least 1 s"]**.
pub const HOLD_MS: i64 = 1000;
/// Valid Thomas angles, degrees from horizontal **[D: a thigh hanging from the edge of a bed
/// sits within about 30 degrees of horizontal; beyond 45 either way the hold was not the test
/// position]**.
pub const MIN_THOMAS_DEG: i32 = -45;
/// The highest valid Thomas angle, degrees above horizontal (see [`MIN_THOMAS_DEG`]).
pub const MAX_THOMAS_DEG: i32 = 45;

impl PhoneTest {
    /// The valid range of the test's value, as the assessment's answers take it (CLINICAL.md §1).
    pub fn range(self) -> (i32, i32) {
        match self {
            PhoneTest::Slr => (0, MAX_SLR_DEG),
            PhoneTest::Ake => (0, MAX_AKE_DEG),
            PhoneTest::Thomas => (MIN_THOMAS_DEG, MAX_THOMAS_DEG),
        }
    }
}

/// A measurement's outcome.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeasureResult {
    /// The test measured.
    pub test: PhoneTest,
    /// The test's value in whole degrees (SLR: raise; AKE: short of straight; Thomas: above
    /// horizontal, negative below). `None` unless `quality` is `ok`.
    pub angle_deg: Option<i32>,
    /// Whether it is a measurement, or why not.
    pub quality: MeasureQuality,
    /// The long axis's inclination at rest, degrees (the shin's or thigh's shape on the phone):
    /// every reading is taken against it. `None` before a rest was taken.
    pub rest_deg: Option<f64>,
    /// How long the end position was held still, seconds; `None` without a hold.
    pub hold_seconds: Option<f64>,
}
