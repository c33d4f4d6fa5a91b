//! Pain-guided progression, the traffic light of CLINICAL.md §6 [E: Silbernagel 2007; Smith,
//! BJSM 2017], adapted [D]: pain during exercise 0-2 green, 3-5 amber, above 5 red (under the
//! strain or nerve gate: above 2 is red); any spread of symptoms down the leg is red.
//!
//! | result                                              | next                          |
//! |-----------------------------------------------------|-------------------------------|
//! | green and settled by the next morning, 3 in a row   | one step up                   |
//! | amber                                               | same dose                     |
//! | red, or next-morning pain 2+ above the usual        | one step down, held 3 days    |
//! | two reds in a row                                   | suggest a physiotherapist     |

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::dose::{Step, Track, steps};
use crate::catalog::ExerciseId;

/// Green sessions in a row, each settled by the next morning, before a step up.
pub const GREENS_TO_PROGRESS: i32 = 3;
/// A step down holds this many days before progress can resume ("2-3 days").
pub const HOLD_DAYS_AFTER_REGRESS: u64 = 3;
/// Next-morning pain this far above the usual means the day was too much.
pub const MORNING_RISE: i32 = 2;
/// Reds in a row on one track before suggesting a physiotherapist.
pub const REDS_FOR_PHYSIO: i32 = 2;

text_enum! {
    pub enum Light {
        Green = "green",
        Amber = "amber",
        Red = "red",
    }
}

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
    pub step: usize,
    pub settled_greens: i32,
    pub reds_in_row: i32,
    pub hold_until: Option<NaiveDate>,
}

/// A decision about a track's next dose, with the reason shown to the person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    pub track: Track,
    pub decision: Decision,
    pub from: Step,
    pub to: Step,
    pub reason: String,
}

pub fn light(pain_during: Option<i32>, spread: bool, ceiling: i32) -> Light {
    if spread {
        return Light::Red;
    }
    match pain_during {
        // Done without a pain rating: repeat the dose rather than guess.
        None => Light::Amber,
        Some(p) if p <= 2 => Light::Green,
        Some(p) if p <= ceiling => Light::Amber,
        Some(_) => Light::Red,
    }
}

impl TrackState {
    pub fn new(track: Track, step: usize) -> Self {
        TrackState { track, step, settled_greens: 0, reds_in_row: 0, hold_until: None }
    }

    pub fn current(&self) -> Step {
        let all = steps(self.track);
        all[self.step.min(all.len() - 1)].clone()
    }

    /// The decision after one session's check-in of this track.
    pub fn after_session(&mut self, light: Light, date: NaiveDate) -> Change {
        match light {
            Light::Red => {
                self.reds_in_row += 1;
                self.regress(date, "Pain went above your limit or spread down the leg, so the next sessions are one step easier for a few days.")
            }
            Light::Amber => {
                self.reds_in_row = 0;
                self.settled_greens = 0;
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

    /// The decision after the next-morning check, for a track done the day before with
    /// `greens` green sessions.
    pub fn after_morning(
        &mut self,
        greens: i32,
        worse_morning: bool,
        date: NaiveDate,
        excluded: &[ExerciseId],
    ) -> Option<Change> {
        if worse_morning {
            return Some(self.regress(date, "Pain this morning was 2 or more points above your usual, so the next sessions are one step easier for a few days."));
        }
        if greens == 0 {
            return None;
        }
        self.settled_greens += greens;
        if self.settled_greens < GREENS_TO_PROGRESS {
            return None;
        }
        if self.hold_until.is_some_and(|until| date < until) {
            return Some(self.keep(
                "Green sessions again, but the easier dose holds a few more days after the last flare.",
            ));
        }
        self.settled_greens = 0;
        let all = steps(self.track);
        let Some(next) = all.get(self.step + 1) else {
            return Some(self.keep("Three comfortable sessions in a row, and this exercise is at the top of its range: keep it here."));
        };
        if excluded.contains(&next.exercise) {
            return Some(self.keep("Three comfortable sessions in a row, but the next level is not right for you yet (see your assessment): keep this one."));
        }
        let from = self.current();
        self.step += 1;
        Some(Change {
            track: self.track,
            decision: Decision::Progress,
            from,
            to: self.current(),
            reason: "Three comfortable sessions in a row, each settled by the next morning: one step up."
                .to_owned(),
        })
    }

    pub fn needs_physio(&self) -> bool {
        self.reds_in_row >= REDS_FOR_PHYSIO
    }

    fn regress(&mut self, date: NaiveDate, reason: &str) -> Change {
        let from = self.current();
        self.step = self.step.saturating_sub(1);
        self.settled_greens = 0;
        self.hold_until = date.checked_add_days(Days::new(HOLD_DAYS_AFTER_REGRESS));
        Change {
            track: self.track,
            decision: Decision::Regress,
            from,
            to: self.current(),
            reason: reason.to_owned(),
        }
    }

    fn keep(&self, reason: &str) -> Change {
        let here = self.current();
        Change {
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
