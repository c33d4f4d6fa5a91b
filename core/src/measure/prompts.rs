//! What the phone says at each step. Spoken aloud: the person is lying down with the phone on
//! the leg and cannot look at the screen. Our own words; no arithmetic asked of anyone.

use super::model::{MeasureQuality, MeasureResult, PhoneTest};

text_enum! {
    /// The prompt for the step a measurement is at. [`MeasurePrompt::text`] gives the words.
    pub enum MeasurePrompt {
        /// SLR and AKE: lie flat, phone on the shin, keep still (the phone zeroes on the leg).
        LieStillShin = "lie_still_shin",
        /// Thomas: sit on the edge of a bed, phone on the thigh, keep still.
        SitStillThigh = "sit_still_thigh",
        /// SLR: raise the straight leg to a firm stretch and hold.
        RaiseLeg = "raise_leg",
        /// AKE: bring the thigh upright, hold it behind the knee, let the lower leg relax.
        LiftThigh = "lift_thigh",
        /// AKE: straighten the knee as far as is comfortable and hold.
        StraightenKnee = "straighten_knee",
        /// Thomas: hug both knees and roll back to lie down.
        HugKnees = "hug_knees",
        /// Thomas: keep the other knee hugged, let the tested leg hang over the edge.
        LetLegHang = "let_leg_hang",
        /// Finished with a measurement.
        Measured = "measured",
        /// Finished, but the reading cannot be right; nothing was kept.
        NotKept = "not_kept",
        /// Finished without a measurement (stopped before a rest or a hold).
        NotMeasured = "not_measured",
    }
}

impl MeasurePrompt {
    /// The words to say. `result` fills in the measured value for `Measured`.
    pub fn text(self, test: PhoneTest, result: Option<&MeasureResult>) -> String {
        match self {
            MeasurePrompt::LieStillShin => {
                "Lie on your back with both legs straight. Place the phone lengthwise \
                on the middle of the shin you are testing, either end toward the foot, and keep the leg \
                still for a moment."
                    .into()
            }
            MeasurePrompt::SitStillThigh => {
                "Sit on the edge of a firm bed or table with your thighs resting on it. \
                Place the phone lengthwise on the middle of the front of the thigh you are testing, and \
                keep still for a moment."
                    .into()
            }
            MeasurePrompt::RaiseLeg => {
                "Ready. Keep the knee straight and slowly raise the leg, or let your helper \
                raise it, until you feel a firm stretch or any of your usual symptoms. Then keep still."
                    .into()
            }
            MeasurePrompt::LiftThigh => {
                "Ready. Bend the knee and bring the thigh up until it points straight up. \
                Hold it there with both hands behind the knee, let the lower leg relax, and keep still."
                    .into()
            }
            MeasurePrompt::StraightenKnee => {
                "Now slowly straighten the knee as far as you comfortably can, keeping \
                the thigh upright. Then keep still."
                    .into()
            }
            MeasurePrompt::HugKnees => {
                "Ready. Hug both knees to your chest and roll back to lie down, with your \
                hips near the edge."
                    .into()
            }
            MeasurePrompt::LetLegHang => {
                "Keep the other knee hugged and your lower back flat. Let the leg with the \
                phone hang down over the edge, relax it, and keep still."
                    .into()
            }
            MeasurePrompt::Measured => measured_text(test, result.and_then(|r| r.angle_deg)),
            MeasurePrompt::NotKept => "That reading is outside what this test can give, so it was not kept. \
                Rest a moment, then start again."
                .into(),
            MeasurePrompt::NotMeasured => not_measured_text(result.map(|r| r.quality)).into(),
        }
    }
}

fn measured_text(test: PhoneTest, angle: Option<i32>) -> String {
    let Some(n) = angle else { return "Done.".into() };
    let unit = if n.abs() == 1 { "degree" } else { "degrees" };
    match test {
        PhoneTest::Slr => format!("Got it: {n} {unit}. Lower the leg slowly."),
        PhoneTest::Ake if n == 0 => "Got it: the knee straightens fully. Lower the leg slowly.".into(),
        PhoneTest::Ake => format!("Got it: {n} {unit} short of straight. Lower the leg slowly."),
        PhoneTest::Thomas if n == 0 => "Got it: the thigh rests level. Sit up slowly.".into(),
        PhoneTest::Thomas if n > 0 => {
            format!("Got it: the thigh rests {n} {unit} above level. Sit up slowly.")
        }
        PhoneTest::Thomas => format!("Got it: the thigh rests {} {unit} below level. Sit up slowly.", -n),
    }
}

fn not_measured_text(quality: Option<MeasureQuality>) -> &'static str {
    match quality {
        Some(MeasureQuality::NoRest) => {
            "No measurement: the leg never lay still long enough to zero the phone. Try again, keeping \
             still at the start."
        }
        Some(MeasureQuality::Moving) => {
            "No measurement: the phone kept moving at the end. Try again, and keep the phone pressed to \
             the leg while you hold."
        }
        _ => {
            "No measurement: the end position was not held still for a second. Try again, and hold \
              still at the end."
        }
    }
}
