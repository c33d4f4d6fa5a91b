//! Measuring the home tests with the phone's gravity sensor: the streaming `Measurement` the
//! guided screen feeds, and the one-shot `measureTrace`. Translation only: the rules, the
//! states and the words to speak come from `limber_core::measure`.

use std::sync::{Arc, Mutex, PoisonError};

use limber_core::measure::{
    GravitySample, MeasurePrompt, MeasureQuality, MeasureResult, MeasureState, MeasureUpdate,
    Measurement as CoreMeasurement, PhoneTest, measure_trace as core_measure_trace,
};

use crate::error::{LimberError, guard};

/// A measurement in progress, for one test. Feed it the sensor's samples in batches (every
/// 100-200 ms is plenty); each call returns the state, the prompt (speak it when `speak`), and
/// `captured` when the hold was taken (play the tone and vibrate). Thread-safe; no I/O.
#[derive(uniffi::Object)]
pub struct Measurement {
    inner: Mutex<CoreMeasurement>,
}

#[uniffi::export]
impl Measurement {
    /// A fresh measurement of `test` (straight leg raise, knee extension or Thomas test), waiting
    /// for the first samples. Never fails.
    #[uniffi::constructor]
    pub fn new(test: PhoneTest) -> Arc<Self> {
        Arc::new(Measurement { inner: Mutex::new(CoreMeasurement::new(test)) })
    }

    /// Takes samples in time order. Errors (`InvalidInput`): a value that is not finite or a
    /// time earlier than the one before; the whole batch is then ignored.
    pub fn push_samples(&self, samples: Vec<GravitySample>) -> Result<MeasureUpdate, LimberError> {
        let mut inner = self.inner.lock().unwrap_or_else(PoisonError::into_inner);
        guard(|| inner.push_samples(&samples))
    }

    /// Where the measurement stands, without new samples (for redrawing the screen).
    pub fn status(&self) -> MeasureUpdate {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner).status()
    }

    /// Ends it: the result if the hold was taken, otherwise why there is none.
    pub fn finish(&self) -> MeasureResult {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner).finish()
    }
}

/// Measures a whole recorded trace at once.
#[uniffi::export]
pub fn measure_trace(test: PhoneTest, samples: Vec<GravitySample>) -> Result<MeasureResult, LimberError> {
    guard(|| core_measure_trace(test, &samples))
}

/// The Thomas answer (`thigh_above_horizontal`) a measured thigh angle gives.
#[uniffi::export]
pub fn thomas_thigh_above_horizontal(angle_deg: i32) -> bool {
    limber_core::measure::thigh_above_horizontal(angle_deg)
}

#[uniffi::remote(Record)]
pub struct GravitySample {
    pub t_ms: i64,
    pub x: f64,
    pub y: f64,
    pub z: f64,
}

#[uniffi::remote(Enum)]
pub enum PhoneTest {
    Slr,
    Ake,
    Thomas,
}

#[uniffi::remote(Enum)]
pub enum MeasureState {
    WaitingForRest,
    RestTaken,
    Moving,
    Holding,
    Done,
}

#[uniffi::remote(Enum)]
pub enum MeasureQuality {
    Ok,
    NoRest,
    NoHold,
    Moving,
    Implausible,
}

#[uniffi::remote(Enum)]
pub enum MeasurePrompt {
    LieStillShin,
    SitStillThigh,
    RaiseLeg,
    LiftThigh,
    StraightenKnee,
    HugKnees,
    LetLegHang,
    Measured,
    NotKept,
    NotMeasured,
}

#[uniffi::remote(Record)]
pub struct MeasureResult {
    pub test: PhoneTest,
    pub angle_deg: Option<i32>,
    pub quality: MeasureQuality,
    pub rest_deg: Option<f64>,
    pub hold_seconds: Option<f64>,
}

#[uniffi::remote(Record)]
pub struct MeasureUpdate {
    pub state: MeasureState,
    pub prompt: MeasurePrompt,
    pub prompt_text: String,
    pub speak: bool,
    pub captured: bool,
    pub live_angle_deg: Option<i32>,
    pub result: Option<MeasureResult>,
}
