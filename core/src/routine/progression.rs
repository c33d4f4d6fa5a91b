//! Pain-guided progression, the traffic light of CLINICAL.md §6 [E: Silbernagel 2007; Smith,
//! BJSM 2017], adapted [D]: pain during exercise 0-2 green, 3-5 amber, above 5 red (under the
//! strain or nerve gate: above 2 is red); any spread of symptoms down the leg is red, and so is
//! an exercise skipped as too painful (§8).
//!
//! | result                                                      | next                        |
//! |-------------------------------------------------------------|-----------------------------|
//! | green and settled, 3 in a row, and no hold rule ([`rules`]) | one step up                 |
//! | amber                                                       | same dose                   |
//! | red, or next-morning pain 2+ above the usual                | one step down, held 3 days  |
//! | two reds in a row                                           | suggest a physiotherapist   |
//!
//! [`TrackState`] holds where a track stands; the decisions are pure functions of it and of the
//! history [`rules`] takes. The store only loads and saves.
#![allow(missing_docs, rustdoc::broken_intra_doc_links)] // TODO(lints): lead fixes after the move

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::dose::{DoseProfile, Step, Track, steps_for};

pub mod next_morning;
pub mod resets;
pub mod rules;
mod traffic_light;

pub use traffic_light::{Light, light};

pub use rules::{Hold, SESSIONS_TO_STEP_UP as GREENS_TO_PROGRESS};
/// A step down holds this many days before progress can resume ("2-3 days").
pub const HOLD_DAYS_AFTER_REGRESS: u64 = 3;
/// Next-morning pain this far above the usual means the day was too much.
pub const MORNING_RISE: i32 = rules::UNSETTLED_RISE;
/// Reds in a row on one track before suggesting a physiotherapist.
pub const REDS_FOR_PHYSIO: i32 = 2;

text_enum! {
    pub enum Decision {
        Progress = "progress",
        Keep = "keep",
        Regress = "regress",
    }
}

/// Where a track stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrackState {
    pub track: Track,
    /// The index on the track's dose line ([`steps_for`]).
    pub step: usize,
    /// Reds in a row on this track, a too-painful skip included.
    pub reds_in_row: i32,
    /// No step up before this date after a step down.
    pub hold_until: Option<NaiveDate>,
    /// Which dose line the step is on (from 65, stretches grow their hold).
    pub profile: DoseProfile,
}

/// A decision about a track's next dose, with the reason shown to the person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DoseChange {
    pub track: Track,
    pub decision: Decision,
    /// The step before and after, on the person's dose line.
    pub from: Step,
    pub to: Step,
    pub reason: String,
}

impl TrackState {
    pub fn new(track: Track, step: usize) -> Self {
        TrackState { track, step, reds_in_row: 0, hold_until: None, profile: DoseProfile::default() }
    }

    pub fn with_profile(self, profile: DoseProfile) -> Self {
        TrackState { profile, ..self }
    }

    pub fn current(&self) -> Step {
        let all = steps_for(self.track, self.profile);
        all[self.step.min(all.len() - 1)].clone()
    }

    /// The decision after one session's check-in of this track.
    pub fn after_session(&mut self, light: Light, date: NaiveDate) -> DoseChange {
        match light {
            Light::Red => {
                self.reds_in_row += 1;
                self.regress(date, "Pain went above your limit, spread down the leg, or stopped you doing it, so the next sessions are one step easier for a few days.")
            }
            Light::Amber => {
                self.reds_in_row = 0;
                self.keep("Some pain during the exercise: repeat the same dose until it feels easier.")
            }
            Light::Green => {
                self.reds_in_row = 0;
                self.keep(
                    "Comfortable today. If tomorrow morning is no worse, it counts towards the next step.",
                )
            }
        }
    }

    /// The next morning's pain was 2 or more above the usual: one step down for a few days.
    pub fn after_worse_morning(&mut self, date: NaiveDate) -> DoseChange {
        self.regress(date, "Pain this morning was 2 or more points above your usual, so the next sessions are one step easier for a few days.")
    }

    /// Applies the step-up rule's verdict ([`rules::step_up`]): one step up, a kept dose with the
    /// hold's reason, or nothing to say yet.
    pub fn apply(&mut self, verdict: Result<(), Hold>) -> Option<DoseChange> {
        match verdict {
            Ok(()) => {
                let from = self.current();
                self.step += 1;
                Some(DoseChange {
                    track: self.track,
                    decision: Decision::Progress,
                    from,
                    to: self.current(),
                    reason: "Three comfortable sessions in a row, each settled by the next morning, and morning pain steady: one step up.".to_owned(),
                })
            }
            Err(Hold::NotYet) => None,
            Err(hold) => Some(self.keep(hold.reason())),
        }
    }

    /// Moves the track down to `step` (never up), with `reason`: a reset after a new
    /// assessment (CLINICAL.md §8). `None` when it already stands at or below `step`.
    pub fn lower_to(&mut self, step: usize, date: NaiveDate, reason: &str) -> Option<DoseChange> {
        if self.step <= step {
            return None;
        }
        let from = self.current();
        self.step = step;
        self.hold_until = date.checked_add_days(Days::new(HOLD_DAYS_AFTER_REGRESS));
        Some(DoseChange {
            track: self.track,
            decision: Decision::Regress,
            from,
            to: self.current(),
            reason: reason.to_owned(),
        })
    }

    pub fn needs_physio(&self) -> bool {
        self.reds_in_row >= REDS_FOR_PHYSIO
    }

    fn regress(&mut self, date: NaiveDate, reason: &str) -> DoseChange {
        let from = self.current();
        self.step = self.step.saturating_sub(1);
        self.hold_until = date.checked_add_days(Days::new(HOLD_DAYS_AFTER_REGRESS));
        DoseChange {
            track: self.track,
            decision: Decision::Regress,
            from,
            to: self.current(),
            reason: reason.to_owned(),
        }
    }

    fn keep(&self, reason: &str) -> DoseChange {
        let here = self.current();
        DoseChange {
            track: self.track,
            decision: Decision::Keep,
            from: here.clone(),
            to: here,
            reason: reason.to_owned(),
        }
    }
}

#[cfg(test)]
mod tests;
