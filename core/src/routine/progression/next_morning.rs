//! The next-morning decision for one exercise track that had sessions the day before
//! (CLINICAL.md §8): a step down when this morning is worse than usual, otherwise a step up
//! only when every rule of [`super::rules::step_up`] allows it, else the dose stays with the
//! reason stored. A pure function of the facts; the storage only loads them and saves the
//! result.

use chrono::NaiveDate;

use super::rules::{self, MorningPain, Next, SessionRecord, StepUpFacts};
use super::{DoseChange, Light, TrackState};
use crate::assessment::Tier;
use crate::assessment::history::SavedAssessment;
use crate::catalog::Equipment;
use crate::routine::dose::steps_for;
use crate::routine::plan::{gate_cap, step_allowed};

/// What the morning decision knows about the person and the day, the same for every track.
#[derive(Debug, Clone)]
pub struct Morning<'a> {
    /// The local date of the morning check.
    pub date: NaiveDate,
    /// This morning's pain is 2 or more above the usual ([`rules::worse_than_usual`]).
    pub worse: bool,
    /// The plan's status is `active` (CLINICAL.md §8): no step up while paused or unanswered.
    pub plan_active: bool,
    /// The assessment in force, which allows a plan.
    pub saved: &'a SavedAssessment,
    /// The equipment the person has.
    pub equipment: &'a [Equipment],
    /// Every known morning pain, this one included.
    pub mornings: &'a [MorningPain],
    /// The see-a-physiotherapist card is showing.
    pub physio_card: bool,
    /// The no-improvement card is showing.
    pub no_improvement_card: bool,
}

/// Decides one track's dose on the morning after `yesterday` (the lights its sessions got),
/// with `sessions` its sessions since its dose last changed. Changes `state` and returns the
/// decision to store, or `None` when nothing is to be stored (a bad morning after a red, which
/// already stepped down; or no step up while the plan is not active).
pub fn decide(
    state: &mut TrackState,
    morning: &Morning<'_>,
    yesterday: &[Light],
    sessions: &[SessionRecord],
) -> Option<DoseChange> {
    if morning.worse {
        // A red already stepped down yesterday; a bad morning does not step twice.
        return (!yesterday.contains(&Light::Red)).then(|| state.after_worse_morning(morning.date));
    }
    if !morning.plan_active {
        // [D] No step up while the plan is paused or unanswered.
        return None;
    }
    let saved = morning.saved;
    let next = match steps_for(state.track, state.profile).get(state.step + 1) {
        None => Next::Top,
        Some(step) if !step_allowed(step, saved, morning.equipment) => Next::NotSuitable,
        Some(_) => Next::Available,
    };
    let verdict = rules::step_up(&StepUpFacts {
        sessions,
        mornings: morning.mornings,
        today: morning.date,
        hold_until: state.hold_until,
        soon_tier: saved.result.triage.tier == Tier::Soon,
        physio_card: morning.physio_card,
        no_improvement_card: morning.no_improvement_card,
        at_gate_cap: gate_cap(state.track, saved).is_some_and(|cap| state.step >= cap),
        next,
    });
    state.apply(verdict)
}
