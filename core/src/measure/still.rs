//! Is the phone still? A sliding window over the last second of samples.
//!
//! **[D]** Still means, over at least [`HOLD_MS`](super::model::HOLD_MS): every sample's |g| within
//! 8% of standard gravity and their mean within 5% (anything more is the phone accelerating,
//! which a gravity reading cannot tell from a tilt); the angle's standard deviation at most
//! 1.5° (hand tremor of 1° at 8-12 Hz plus sensor noise of 0.1 m/s² stays near 1°), and no
//! sample more than 3.5° from the mean (a movement starting at the window's end); and the
//! mean of the window's first half within 0.5° of its second half (a raise of 1°/s or more is
//! movement, not a hold). A hold's value is its second half's mean: the most settled part.

use std::collections::VecDeque;

use super::angle::{STANDARD_GRAVITY, magnitude};
use super::model::GravitySample;

pub const SAMPLE_MAGNITUDE_TOLERANCE: f64 = 0.08;
pub const MEAN_MAGNITUDE_TOLERANCE: f64 = 0.05;
pub const MAX_SD_DEG: f64 = 1.5;
pub const MAX_DRIFT_DEG: f64 = 0.5;
pub const MAX_DEVIATION_DEG: f64 = 3.5;
/// [D] A gap longer than this between samples (the sensor paused) starts the window again:
/// nothing says the phone was still in it.
pub const MAX_GAP_MS: i64 = 250;

/// Whether one sample's magnitude is that of gravity alone.
pub fn magnitude_ok(s: &GravitySample) -> bool {
    (magnitude(s) / STANDARD_GRAVITY - 1.0).abs() <= SAMPLE_MAGNITUDE_TOLERANCE
}

/// The samples of the last `span_ms` (plus the one just before, so a full window spans it).
#[derive(Debug, Clone)]
pub struct Window {
    span_ms: i64,
    samples: VecDeque<GravitySample>,
}

/// What a still window shows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stillness {
    pub mean_deg: f64,
    /// The mean over the window's second half.
    pub late_mean_deg: f64,
    pub span_ms: i64,
}

impl Window {
    pub fn new(span_ms: i64) -> Self {
        Window { span_ms, samples: VecDeque::new() }
    }

    pub fn push(&mut self, s: GravitySample) {
        if self.samples.back().is_some_and(|last| s.t_ms.saturating_sub(last.t_ms) > MAX_GAP_MS) {
            self.samples.clear();
        }
        self.samples.push_back(s);
        while self.samples.len() > 2 && self.samples[1].t_ms <= s.t_ms.saturating_sub(self.span_ms) {
            self.samples.pop_front();
        }
    }

    pub fn samples(&self) -> impl Iterator<Item = &GravitySample> {
        self.samples.iter()
    }

    /// `Some` when the window covers its whole span and is still by every test above; angles
    /// come from `angle_of`.
    pub fn still(&self, angle_of: impl Fn(&GravitySample) -> f64) -> Option<Stillness> {
        let (first, last) = (self.samples.front()?, self.samples.back()?);
        let span_ms = last.t_ms.saturating_sub(first.t_ms);
        if span_ms < self.span_ms || !self.samples.iter().all(magnitude_ok) {
            return None;
        }
        let n = self.samples.len() as f64;
        let mean_g = self.samples.iter().map(magnitude).sum::<f64>() / n;
        if (mean_g / STANDARD_GRAVITY - 1.0).abs() > MEAN_MAGNITUDE_TOLERANCE {
            return None;
        }
        let angles: Vec<f64> = self.samples.iter().map(&angle_of).collect();
        let mean = angles.iter().sum::<f64>() / n;
        let sd = (angles.iter().map(|a| (a - mean).powi(2)).sum::<f64>() / n).sqrt();
        let half_t = first.t_ms.saturating_add(span_ms / 2);
        let (mut early, mut late) = ((0.0, 0.0), (0.0, 0.0));
        for (s, a) in self.samples.iter().zip(&angles) {
            let half = if s.t_ms < half_t { &mut early } else { &mut late };
            half.0 += a;
            half.1 += 1.0;
        }
        let spread = angles.iter().map(|a| (a - mean).abs()).fold(0.0, f64::max);
        if sd > MAX_SD_DEG || spread > MAX_DEVIATION_DEG || early.1 == 0.0 || late.1 == 0.0 {
            return None;
        }
        let drift = (late.0 / late.1 - early.0 / early.1).abs();
        (drift <= MAX_DRIFT_DEG).then_some(Stillness {
            mean_deg: mean,
            late_mean_deg: late.0 / late.1,
            span_ms,
        })
    }
}
