//! The streaming measurement: batches of samples in, state and prompt out.
//!
//! The steps, per test (the prompts in `prompts.rs` lead the person through them):
//! - every test: the leg (or thigh) lies flat and still for [`HOLD_MS`]: the rest. Its reading
//!   is the shape of the leg under the phone, and every later reading is taken against it.
//! - SLR: the leg rises; the first still hold at least 5° above rest is the result. "Up" is the
//!   way of the largest movement from rest (a straight leg only goes up) **[D]**.
//! - AKE: the thigh comes upright (the first still hold after the phone moves is the set-up),
//!   then the knee straightens: the first still hold at least 10° from the set-up is the end,
//!   and "up" is the way from the set-up to it (straightening only lifts the foot) **[D]**; it
//!   must have the shin at least 10° above flat (a leg laid back down is not a result). The
//!   deficit is 90° minus the shin's rise from flat, computed here, never by the person.
//! - Thomas: sitting with the thigh on the bed is the rest; hugging the knees lifts the thigh at
//!   least 60° (that way is "up"); the first still hold below 60° after that is the hanging thigh.
//! - A still hold back within 5° of rest before the test's own movement re-zeroes the phone
//!   (the person settled the leg again); so does the AKE leg laid flat after the set-up.
//!   Without a movement of 5° between rest and set-up the AKE cannot tell the set-up from the
//!   end, and asks again rather than guess.
//!
//! Values within [`RANGE_TOLERANCE_DEG`] outside the test's range are read as its edge **[D:
//! the method's own error is about 2°, so a knee straight within it is straight]**; beyond that
//! the result is `implausible` and carries no angle.

use super::angle::{across_direction, difference_deg, inclination_deg, rest_inclination_deg};
use super::model::{GravitySample, HOLD_MS, MeasureQuality, MeasureResult, MeasureState, PhoneTest};
use super::prompts::MeasurePrompt;
use super::still::{Window, magnitude_ok};
use crate::{Error, Result};

/// [D] The leg is flat when the phone on it reads within this of horizontal: a shin's or
/// thigh's shape tilts a phone by up to about 10°.
pub const REST_MAX_DEG: f64 = 25.0;
/// [D] Movement from rest begins past this.
pub const MOVE_DEG: f64 = 5.0;
/// [D] AKE: the knee has straightened when the shin is this far from the set-up hold.
pub const AKE_STRAIGHTEN_DEG: f64 = 10.0;
/// [D] AKE: the end hold has the shin at least this far above flat, so a leg laid back down is
/// never read as a knee that cannot straighten (deficits above 80° are typed, not measured).
pub const AKE_MIN_RISE_DEG: f64 = 10.0;
/// [D] Thomas: the knees were hugged once the thigh rose this far; the hanging thigh is below it.
pub const THOMAS_HUG_DEG: f64 = 60.0;
pub const RANGE_TOLERANCE_DEG: i32 = 2;
/// [D] A quarter second still is "holding" on screen; the measurement still needs [`HOLD_MS`].
const SETTLE_MS: i64 = 250;
/// [D] A hold ends (for `hold_seconds`) when the angle leaves it by more than this.
const HOLD_BAND_DEG: f64 = 3.0;
/// [D] Without a hold, the result is `moving` when more than this share of the samples after
/// rest had a magnitude that was not gravity's alone.
const MOVING_SHARE: f64 = 0.10;

#[derive(Debug, Clone, Copy)]
struct Rest {
    across: (f64, f64),
    deg: f64,
}

/// Where in the test's own sequence the person is (below the public state).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Stage {
    /// Before the rest.
    Rest,
    /// SLR: raising. AKE: bringing the thigh up. Thomas: hugging the knees.
    Start,
    /// AKE: the set-up hold was taken at this inclination.
    AkeSetUp(f64),
    /// Thomas: the knees were hugged.
    ThomasHugged,
    Finished,
}

/// One call's outcome for the shell: the state, the prompt (and whether it is new, to be
/// spoken), whether the hold was captured in this batch (sound the tone and vibrate), the live
/// value for the screen, and the result once `done`.
#[derive(Debug, Clone, PartialEq)]
pub struct MeasureUpdate {
    /// Where the measurement stands.
    pub state: MeasureState,
    /// What the person should do now, as a stable id.
    pub prompt: MeasurePrompt,
    /// The prompt in plain English, to show and (when `speak`) to speak.
    pub prompt_text: String,
    /// The prompt changed during this batch: speak `prompt_text`.
    pub speak: bool,
    /// The hold was captured during this batch: play the tone and vibrate.
    pub captured: bool,
    /// The test's value at the last sample, whole degrees, for display only (never a result).
    pub live_angle_deg: Option<i32>,
    /// The outcome once `state` is `done`, else `None`.
    pub result: Option<MeasureResult>,
}

/// A measurement in progress. Feed it samples in time order with [`Measurement::push_samples`];
/// [`Measurement::finish`] ends it (the person stopped) and says why there is no angle if none.
#[derive(Debug, Clone)]
pub struct Measurement {
    test: PhoneTest,
    state: MeasureState,
    stage: Stage,
    prompt: MeasurePrompt,
    window: Window,
    settle: Window,
    last_t_ms: Option<i64>,
    rest: Option<Rest>,
    /// The signed movement from rest with the largest size so far, degrees.
    excursion: f64,
    /// Samples while moving or holding, and how many of them were accelerating.
    after_rest: u64,
    after_rest_accelerating: u64,
    live: Option<f64>,
    result: Option<MeasureResult>,
    /// While the captured hold goes on: its first sample's time and its inclination.
    hold: Option<(i64, f64)>,
}

impl Measurement {
    /// A fresh measurement of `test`, waiting for the leg (or thigh) to lie still.
    pub fn new(test: PhoneTest) -> Self {
        Measurement {
            test,
            state: MeasureState::WaitingForRest,
            stage: Stage::Rest,
            prompt: match test {
                PhoneTest::Thomas => MeasurePrompt::SitStillThigh,
                _ => MeasurePrompt::LieStillShin,
            },
            window: Window::new(HOLD_MS),
            settle: Window::new(SETTLE_MS),
            last_t_ms: None,
            rest: None,
            excursion: 0.0,
            after_rest: 0,
            after_rest_accelerating: 0,
            live: None,
            result: None,
            hold: None,
        }
    }

    /// The test being measured.
    pub fn test(&self) -> PhoneTest {
        self.test
    }

    /// Where the measurement stands now, as [`Measurement::push_samples`] reports it (with
    /// `speak` and `captured` false).
    pub fn status(&self) -> MeasureUpdate {
        MeasureUpdate {
            state: self.state,
            prompt: self.prompt,
            prompt_text: self.prompt.text(self.test, self.result.as_ref()),
            speak: false,
            captured: false,
            live_angle_deg: self.live.map(|v| self.value_of(v).round() as i32),
            result: self.result.clone(),
        }
    }

    /// Takes a batch of samples. The whole batch is checked first: a sample that is not finite
    /// or earlier than the one before it is refused (`samples[i].x`, `samples[i].t_ms`) and
    /// nothing of the batch is used. Samples after `done` are used only to time the hold.
    pub fn push_samples(&mut self, samples: &[GravitySample]) -> Result<MeasureUpdate> {
        let mut last = self.last_t_ms;
        for (i, s) in samples.iter().enumerate() {
            for (name, v) in [("x", s.x), ("y", s.y), ("z", s.z)] {
                if !v.is_finite() {
                    return Err(Error::invalid(format!("samples[{i}].{name}"), "a finite number of m/s²"));
                }
            }
            if last.is_some_and(|l| s.t_ms < l) {
                return Err(Error::invalid(
                    format!("samples[{i}].t_ms"),
                    "a time no earlier than the sample before it",
                ));
            }
            last = Some(s.t_ms);
        }
        let (prompt, state) = (self.prompt, self.state);
        for s in samples {
            self.push(*s);
        }
        let mut update = self.status();
        update.speak = self.prompt != prompt;
        update.captured = state != MeasureState::Done && self.state == MeasureState::Done;
        Ok(update)
    }

    /// Ends the measurement: the result if there is one, otherwise why there is none.
    pub fn finish(&self) -> MeasureResult {
        if let Some(r) = &self.result {
            return r.clone();
        }
        let quality = if self.rest.is_none() {
            MeasureQuality::NoRest
        } else if self.after_rest > 0
            && self.after_rest_accelerating as f64 / self.after_rest as f64 > MOVING_SHARE
        {
            MeasureQuality::Moving
        } else {
            MeasureQuality::NoHold
        };
        MeasureResult {
            test: self.test,
            angle_deg: None,
            quality,
            rest_deg: self.rest.map(|r| round1(r.deg)),
            hold_seconds: None,
        }
    }

    fn push(&mut self, s: GravitySample) {
        self.last_t_ms = Some(s.t_ms);
        self.window.push(s);
        self.settle.push(s);
        let Some(rest) = self.rest else {
            return self.look_for_rest();
        };
        let inclination = inclination_deg(&s, rest.across);
        let delta = difference_deg(inclination, rest.deg);
        if self.stage == Stage::Finished {
            return self.time_the_hold(s, inclination);
        }
        let accelerating = !magnitude_ok(&s);
        if !accelerating && delta.abs() > self.excursion.abs() {
            self.excursion = delta;
        }
        self.live = self.live_rise(inclination, delta);
        if self.state == MeasureState::RestTaken && self.excursion.abs() >= MOVE_DEG {
            self.state = MeasureState::Moving;
        }
        if self.stage == Stage::Start
            && self.test == PhoneTest::Thomas
            && self.excursion.abs() >= THOMAS_HUG_DEG
        {
            self.stage = Stage::ThomasHugged;
            self.prompt = MeasurePrompt::LetLegHang;
        }
        if self.state == MeasureState::RestTaken {
            return;
        }
        self.after_rest += 1;
        self.after_rest_accelerating += u64::from(accelerating);
        let across = rest.across;
        if let Some(still) = self.window.still(|x| inclination_deg(x, across)) {
            self.on_still(s.t_ms, still.late_mean_deg);
        } else {
            let settled = self.settle.still(|x| inclination_deg(x, across)).is_some();
            self.state = if settled { MeasureState::Holding } else { MeasureState::Moving };
        }
    }

    fn look_for_rest(&mut self) {
        let Some(still) = self.window.still(rest_inclination_deg) else { return };
        if still.mean_deg.abs() > REST_MAX_DEG {
            return;
        }
        let (sx, sz) = self.window.samples().fold((0.0, 0.0), |(x, z), s| (x + s.x, z + s.z));
        let Some(across) = across_direction(sx, sz) else { return };
        let n = self.window.samples().count() as f64;
        let deg = self.window.samples().map(|s| inclination_deg(s, across)).sum::<f64>() / n;
        self.rest = Some(Rest { across, deg });
        self.excursion = 0.0;
        self.state = MeasureState::RestTaken;
        self.stage = Stage::Start;
        self.prompt = match self.test {
            PhoneTest::Slr => MeasurePrompt::RaiseLeg,
            PhoneTest::Ake => MeasurePrompt::LiftThigh,
            PhoneTest::Thomas => MeasurePrompt::HugKnees,
        };
    }

    /// A still hold at `inclination` (the window's settled half) ending at `t_ms`.
    fn on_still(&mut self, t_ms: i64, inclination: f64) {
        let Some(rest) = self.rest else { return };
        let delta = difference_deg(inclination, rest.deg);
        match (self.test, self.stage) {
            (PhoneTest::Ake, Stage::Start) => {
                self.stage = Stage::AkeSetUp(inclination);
                self.prompt = MeasurePrompt::StraightenKnee;
                self.state = MeasureState::Holding;
            }
            (PhoneTest::Ake, Stage::AkeSetUp(set_up)) => {
                let moved = difference_deg(inclination, set_up);
                let rise = moved.signum() * delta;
                if moved.abs() >= AKE_STRAIGHTEN_DEG && rise >= AKE_MIN_RISE_DEG {
                    self.capture(t_ms, inclination, rise);
                } else if moved.abs() >= AKE_STRAIGHTEN_DEG && delta.abs() < MOVE_DEG {
                    // The leg was laid flat again: start over from this rest.
                    self.rezero();
                } else {
                    self.state = MeasureState::Holding;
                }
            }
            (_, Stage::Start) if delta.abs() < MOVE_DEG => self.rezero(),
            (PhoneTest::Slr, Stage::Start) if self.up() * delta >= MOVE_DEG => {
                self.capture(t_ms, inclination, self.up() * delta);
            }
            (PhoneTest::Thomas, Stage::ThomasHugged) if self.up() * delta < THOMAS_HUG_DEG => {
                self.capture(t_ms, inclination, self.up() * delta);
            }
            _ => self.state = MeasureState::Holding,
        }
    }

    /// Settled back at rest before the movement: zero again on this position.
    fn rezero(&mut self) {
        self.rest = None;
        self.look_for_rest();
    }

    /// "Up" for SLR and Thomas: the way of the largest movement from rest.
    fn up(&self) -> f64 {
        if self.excursion < 0.0 { -1.0 } else { 1.0 }
    }

    /// The rise from rest shown live: AKE only once set up and moving away from the set-up.
    fn live_rise(&self, inclination: f64, delta: f64) -> Option<f64> {
        match self.stage {
            Stage::AkeSetUp(set_up) => {
                let moved = difference_deg(inclination, set_up);
                (moved.abs() >= MOVE_DEG).then(|| moved.signum() * delta)
            }
            _ if self.test == PhoneTest::Ake => None,
            _ => Some(self.up() * delta),
        }
    }

    /// The test's value for a rise of `rise` degrees from rest.
    fn value_of(&self, rise: f64) -> f64 {
        match self.test {
            PhoneTest::Ake => 90.0 - rise,
            PhoneTest::Slr | PhoneTest::Thomas => rise,
        }
    }

    fn capture(&mut self, t_ms: i64, inclination: f64, rise: f64) {
        let (min, max) = self.test.range();
        let value = self.value_of(rise).round() as i32;
        let within = (min - RANGE_TOLERANCE_DEG..=max + RANGE_TOLERANCE_DEG).contains(&value);
        let (angle, quality, prompt) = if within {
            (Some(value.clamp(min, max)), MeasureQuality::Ok, MeasurePrompt::Measured)
        } else {
            (None, MeasureQuality::Implausible, MeasurePrompt::NotKept)
        };
        let start = self.window.samples().next().map_or(t_ms, |s| s.t_ms);
        self.hold = Some((start, inclination));
        self.result = Some(MeasureResult {
            test: self.test,
            angle_deg: angle,
            quality,
            rest_deg: self.rest.map(|r| round1(r.deg)),
            hold_seconds: Some(round1(t_ms.saturating_sub(start) as f64 / 1000.0)),
        });
        self.live = Some(rise);
        self.state = MeasureState::Done;
        self.stage = Stage::Finished;
        self.prompt = prompt;
    }

    fn time_the_hold(&mut self, s: GravitySample, inclination: f64) {
        let Some((start, held)) = self.hold else { return };
        let gap = self.window.samples().count() < 2;
        if gap || !magnitude_ok(&s) || difference_deg(inclination, held).abs() > HOLD_BAND_DEG {
            self.hold = None;
            return;
        }
        if let Some(r) = &mut self.result {
            r.hold_seconds = Some(round1(s.t_ms.saturating_sub(start) as f64 / 1000.0));
        }
    }
}

fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}
