//! Pain-guided progression, the traffic light of CLINICAL.md §6 [E: Silbernagel 2007; Smith,
//! BJSM 2017], adapted \[D\]: pain during exercise 0-2 green, 3-5 amber, above 5 red (under the
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

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::dose::{DoseProfile, Step, Track, steps_for};

pub mod next_morning;
pub mod resets;
pub mod rules;
mod traffic_light;

pub use traffic_light::{Light, light};

pub use rules::{Hold, SESSIONS_TO_STEP_UP as GREENS_TO_PROGRESS};
/// Days a step down holds, counted from its local date: no step up before that date + 3 (CLINICAL.md §6 "drop one level for 2-3 days"; \[D\] the longer end,
/// the safer).
pub const HOLD_DAYS_AFTER_REGRESS: u64 = 3;
/// Points (0-10) by which next-morning pain above the usual means the day was too much: one
/// step down (CLINICAL.md §6 [E: Silbernagel 2007], the 2 points adapted \[D\]).
pub const MORNING_RISE: i32 = rules::UNSETTLED_RISE;
/// Reds in a row on one track (a too-painful skip counts) that suggest a physiotherapist
/// (CLINICAL.md §6 and §8, \[D\]).
pub const REDS_FOR_PHYSIO: i32 = 2;

text_enum! {
    /// What happens to a track's dose after a session, a morning check or a new assessment
    /// (CLINICAL.md §6, §8).
    pub enum Decision {
        /// One step up: three settled greens in a row and no hold rule ([`rules::step_up`]).
        Progress = "progress",
        /// The same dose: an amber or green session, or a step up held back, with the reason.
        Keep = "keep",
        /// Lower, held [`HOLD_DAYS_AFTER_REGRESS`] days: one step down after a red session or a
        /// worse morning; after a new assessment, back to the start dose (G1 or G2 opened, the
        /// strain back in its protect phase, or the tier rose) or one step below where it stood (resuming after a stop), by
        /// [`TrackState::lower_to`] (CLINICAL.md §8).
        Regress = "regress",
    }
}

/// Where a track stands: its step, its reds in a row and any hold after a step down. Stored one
/// row per track (`track_state`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrackState {
    /// The exercise, or the bridge ladder, whose dose this is.
    pub track: Track,
    /// The index on the track's dose line ([`steps_for`]), 0 = easiest. A step past the end reads as
    /// the top ([`TrackState::current`]).
    pub step: usize,
    /// Reds in a row on this track, a too-painful skip included.
    pub reds_in_row: i32,
    /// After a step down, no step up before this local date (the step down's date +
    /// [`HOLD_DAYS_AFTER_REGRESS`]); `None` when nothing holds.
    pub hold_until: Option<NaiveDate>,
    /// Which dose line the step is on (from 65, stretches grow their hold).
    pub profile: DoseProfile,
}

/// A decision about a track's next dose, with the reason shown to the person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DoseChange {
    /// The exercise, or the bridge ladder, the decision is about.
    pub track: Track,
    /// Up, the same, or down.
    pub decision: Decision,
    /// The step before the decision, on the person's dose line.
    pub from: Step,
    /// The step after it: `from` for [`Decision::Keep`], and for a step down already at the
    /// easiest step.
    pub to: Step,
    /// Plain sentences for the person, fixed by the rule that decided (never the logged pain
    /// levels or notes).
    pub reason: String,
}

impl TrackState {
    /// A track at `step` of the under-65 line, with no reds and no hold (a track's first
    /// session, or one read back from its row before [`TrackState::with_profile`]).
    pub fn new(track: Track, step: usize) -> Self {
        TrackState { track, step, reds_in_row: 0, hold_until: None, profile: DoseProfile::default() }
    }

    /// The same track on `profile`'s dose line (from 65, stretches grow their hold; CLINICAL.md
    /// §5). The step index is kept: both lines have the same length.
    pub fn with_profile(self, profile: DoseProfile) -> Self {
        TrackState { profile, ..self }
    }

    /// The exercise and dose at `step`. A step past the end of the line (never written by
    /// Limber) reads as the top step rather than failing.
    pub fn current(&self) -> Step {
        let all = steps_for(self.track, self.profile);
        all[self.step.min(all.len() - 1)].clone()
    }

    /// The decision after one session's check-in of this track, on local `date` (CLINICAL.md §6):
    /// red steps down one step (not below the easiest) and holds [`HOLD_DAYS_AFTER_REGRESS`]
    /// days, counting the red toward [`REDS_FOR_PHYSIO`]; amber and green keep the dose and end
    /// the run of reds. A green's step up is decided the next morning, by [`TrackState::apply`].
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

    /// The next morning's pain (local `date`) was [`MORNING_RISE`] points or more above the
    /// usual (CLINICAL.md §6): one step down, held [`HOLD_DAYS_AFTER_REGRESS`] days. The run of
    /// reds is left as it is.
    pub fn after_worse_morning(&mut self, date: NaiveDate) -> DoseChange {
        self.regress(date, "Pain this morning was 2 or more points above your usual, so the next sessions are one step easier for a few days.")
    }

    /// Applies the step-up rule's verdict ([`rules::step_up`]): `Ok` is one step up (the caller's
    /// rule has checked that the next step exists and suits the person), a hold keeps the dose with
    /// the hold's reason, and [`Hold::NotYet`] says nothing (`None`).
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

    /// Moves the track down to `step` (never up), with `reason`, and holds it
    /// [`HOLD_DAYS_AFTER_REGRESS`] days from local `date`: a reset after a new assessment
    /// (CLINICAL.md §8). `None`, with nothing changed, when it already stands at or below `step`.
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

    /// [`REDS_FOR_PHYSIO`] (2) reds in a row or more on this track: suggest a physiotherapist
    /// (CLINICAL.md §6, §8).
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
