//! Measuring the home tests with the phone's own gravity sensor (CLINICAL.md §1, Home SLR
//! method): samples in, a test result out, no arithmetic and no angle judged by eye.
//!
//! - [`Measurement`] is the streaming form the phones use: feed it batches of samples and it
//!   says where the person is (`waiting_for_rest`, `rest_taken`, `moving`, `holding`, `done`)
//!   and what to say next. The shells speak the prompt and sound the capture; they decide
//!   nothing.
//! - [`measure_trace`] is the one-shot form over a recorded trace (the CLI, tests).
//! - [`trace_file`] reads a recorded trace (`t_ms,x,y,z`, or phyphox's "Acceleration with g").
//!
//! The method **[E: phone inclinometer reliability, J Bodyw Mov Ther 2024; Topend Sports SLR]**:
//! a phone inclinometer agrees with a goniometer within a few degrees when zeroed and held
//! still. So the phone is zeroed on the leg at rest (leg flat, still), and the result is read
//! from a still hold at the end of the movement. See `angle.rs` for the angle itself.

mod angle;
mod model;
mod prompts;
mod session;
mod still;
#[cfg(any(test, feature = "synth"))]
pub mod synth;
#[cfg(test)]
mod tests;
pub mod trace_file;

use crate::Result;

pub use angle::STANDARD_GRAVITY;
pub use model::{
    GravitySample, HOLD_MS, MAX_THOMAS_DEG, MIN_THOMAS_DEG, MeasureQuality, MeasureResult, MeasureState,
    PhoneTest,
};
pub use prompts::MeasurePrompt;
pub use session::{MeasureUpdate, Measurement};

/// The Thomas answer a measured thigh angle gives: above level when the angle is above 0
/// **[D: CLINICAL.md §4 asks only "above horizontal"; the method's error of about 2° is not
/// widened into a margin, since the pattern it feeds is only ever "possible"]**.
pub fn thigh_above_horizontal(angle_deg: i32) -> bool {
    angle_deg > 0
}

/// Measures a whole recorded trace: the first still hold at the end of the movement, against
/// the rest before it. Errors: a sample that is not finite, or a time earlier than the one
/// before it (`samples[i]...`).
pub fn measure_trace(test: PhoneTest, samples: &[GravitySample]) -> Result<MeasureResult> {
    let mut m = Measurement::new(test);
    m.push_samples(samples)?;
    Ok(m.finish())
}
