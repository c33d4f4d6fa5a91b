//! The day's plan, built from the latest assessment (CLINICAL.md §4-5): which exercises, in
//! which order, at which dose. Priority: triage, then the strain gate, the nerve gate, disc and
//! caution, then the patterns. Choices marked \[D\] are design decisions, kept here to change.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::dose::{DoseProfile, Step, Track, start_index, steps_for};
use super::settings::RoutineSettings;
use super::status::plan_status;
use crate::assessment::history::SavedAssessment;
use crate::assessment::{AssessmentResult, GateId, PatternId, StrainPhase, Tier};
use crate::calendar::{DayOfWeek, LocalTime};
use crate::catalog::ExerciseId::{self, *};
use crate::catalog::{Category, Dose, Equipment, exercise};

/// Minutes a session may take, by the catalog's estimates: \[D\] a session aims at 10-20
/// minutes; beyond this, the last-listed stretches (one always stays), then release, wait for
/// another day. Strength and mobility are never dropped, so a session can still run over.
pub const SESSION_MAX_MINUTES: i32 = 20;

/// One exercise of a session (or the day's activity), at the dose its track stands at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlannedExercise {
    /// The exercise to do; for the bridge ladder, the level its track stands at.
    pub exercise: ExerciseId,
    /// Its name to show, in English (from the catalog).
    pub name: String,
    /// Its kind, which sets its place in the session: release, mobility, stretch, strengthen.
    pub category: Category,
    /// Today's dose: the step its track stands at ([`effective_step`]: within the gate's cap,
    /// never on an excluded level or one whose equipment is missing; CLINICAL.md §5, §8).
    pub dose: Dose,
    /// The most pain (0-10) this exercise may cause: 5, or 2 under the strain or nerve gate
    /// (CLINICAL.md §6). Above it, the exercise is red.
    pub pain_ceiling: i32,
    /// A condition on doing it at all, e.g. only while leg symptoms do not spread.
    pub condition: Option<String>,
    /// The latest decision about this exercise's dose and why, once there is one.
    pub last_dose_change: Option<DoseChangeNote>,
}

/// The latest progression decision for an exercise, as shown beside it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DoseChangeNote {
    /// Up, the same, or down.
    pub decision: super::progression::Decision,
    /// Why, in plain sentences for the person (the stored [`super::progression::DoseChange`]'s
    /// reason).
    pub reason: String,
    /// The local date of the decision.
    pub date: NaiveDate,
}

/// One session of the day: its exercises in the order to do them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlannedSession {
    /// The session number, 1-2, in time order.
    pub session: i32,
    /// Its local time, from the routine settings.
    pub time: LocalTime,
    /// Release (first session only), then nerve-friendly mobility, then stretch, then
    /// strengthen (first session on strength days, or daily under a fresh strain) (CLINICAL.md
    /// §5 \[S\]).
    pub exercises: Vec<PlannedExercise>,
    /// About how long it takes, in minutes: the sum of the catalog's estimates for each
    /// exercise's default dose. At most [`SESSION_MAX_MINUTES`] unless nothing more may be
    /// dropped.
    pub minutes: i32,
}

pub use super::status::PlanStatus;

text_enum! {
    /// Which standing message a [`Card`] is, so a shell can style it and offer its action.
    pub enum CardId {
        /// The assessment's tier is `soon`: see a doctor within 1-2 weeks, and keep the routine
        /// gentle (CLINICAL.md §2).
        SeeDoctorSoon = "see_doctor_soon",
        /// Leg symptoms were reported: get emergency help on any cauda equina sign (CLINICAL.md
        /// §2, \[D\]).
        CaudaEquina = "cauda_equina",
        /// The plan is `paused_stop`: stop and answer the safety questions again (CLINICAL.md §3,
        /// §8).
        StopAndRetriage = "stop_and_retriage",
        /// Two reds in a row, or morning pain creeping for two weeks: a physiotherapist could
        /// help; doses hold while it shows (CLINICAL.md §6, §8).
        SeePhysio = "see_physio",
        /// About 4 weeks on the routine without a meaningful fall in pain: see a doctor within
        /// 1-2 weeks; every dose holds until a new assessment (CLINICAL.md §2, §8).
        NoImprovement = "no_improvement",
        /// The latest assessment is 14 days old or more: re-test the straight leg raise, knee
        /// extension and bridge (CLINICAL.md §6).
        RetestDue = "retest_due",
    }
}

/// A standing message beside the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Card {
    /// Which message it is.
    pub id: CardId,
    /// Its heading, in English.
    pub title: String,
    /// What to do and why, in English; for [`CardId::SeeDoctorSoon`], the triage flags' reasons.
    pub body: String,
}

/// The plan for one local day: its status first, then sessions, activity and cards.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayPlan {
    /// The local date it is for.
    pub date: NaiveDate,
    /// Shown first: sessions and exercises are listed only when it is `active` (CLINICAL.md §8).
    pub status: PlanStatus,
    /// Why there is no plan, and what to do instead (the way back last); empty when active.
    pub message: Vec<String>,
    /// The date's weekday is one of the chosen strength days (2-3 a week, CLINICAL.md §5).
    pub strength_day: bool,
    /// One per session time in the settings (1-2); empty unless the status is `active`.
    pub sessions: Vec<PlannedSession>,
    /// General activity for the day, outside the sessions: walking.
    pub activity: Vec<PlannedExercise>,
    /// Standing messages, in the order shown: the stop card first when paused, then the
    /// assessment's (see a doctor soon, cauda equina); the routine's own cards are added by the
    /// caller.
    pub cards: Vec<Card>,
}

/// Where each track stands; tracks never progressed start where the assessment suggests.
pub trait TrackSteps {
    /// The stored step index of `track` on its dose line, or `None` when it never started.
    fn step(&self, track: Track) -> Option<usize>;
}

impl TrackSteps for std::collections::BTreeMap<Track, usize> {
    fn step(&self, track: Track) -> Option<usize> {
        self.get(&track).copied()
    }
}

/// The plan for `date`. `stopped`: a check-in since `latest` reported spreading symptoms, new
/// numbness or weakness, or leg symptoms from a stretch (CLINICAL.md §8, `paused_stop`).
pub fn build(
    latest: Option<&SavedAssessment>,
    stopped: bool,
    settings: &RoutineSettings,
    tracks: &impl TrackSteps,
    date: NaiveDate,
) -> DayPlan {
    let status = plan_status(latest.map(|s| &s.result), stopped);
    let mut plan = DayPlan {
        date,
        status,
        message: Vec::new(),
        strength_day: settings.strength_days.contains(&DayOfWeek::of(date.weekday())),
        sessions: Vec::new(),
        activity: Vec::new(),
        cards: Vec::new(),
    };
    let Some(saved) = latest else {
        plan.message.push(
            "Take the self-assessment first: it checks it is safe to exercise and shapes your routine."
                .into(),
        );
        return plan;
    };
    let r = &saved.result;
    plan.cards = assessment_cards(r);
    match status {
        PlanStatus::Active => {}
        PlanStatus::PausedStop => {
            plan.cards.insert(0, stop_card());
            plan.message.push(
                "The routine is paused: no sessions until the safety questions are answered again.".into(),
            );
            plan.message.push(status.way_back().into());
            return plan;
        }
        PlanStatus::NeedsSafetyAnswers | PlanStatus::SeeDoctor => {
            plan.message = r.explanation.iter().chain(&r.next_steps).cloned().collect();
            plan.message.push(status.way_back().into());
            return plan;
        }
    }

    let choice = choose(r, settings);
    let planned = |id: ExerciseId| planned(id, saved, settings, tracks);
    let protect = r.strain_phase == Some(StrainPhase::Protect);
    for (slot, time) in settings.session_times.iter().enumerate() {
        let first = slot == 0;
        let mut ids: Vec<ExerciseId> = Vec::new();
        if first {
            ids.extend(&choice.release);
        }
        ids.extend(&choice.mobility);
        ids.extend(&choice.stretch);
        // Strength 2-3 days a week, in the first session; the isometrics of a fresh strain daily.
        if first && (plan.strength_day || protect) {
            ids.extend(&choice.strength);
        }
        let mut exercises: Vec<PlannedExercise> = ids.into_iter().map(planned).collect();
        crate::sort::sort_by_key(&mut exercises, |e| order(e.category));
        trim_to_budget(&mut exercises);
        let minutes = exercises.iter().map(|e| exercise(e.exercise).minutes_estimate).sum();
        plan.sessions.push(PlannedSession { session: slot as i32 + 1, time: *time, exercises, minutes });
    }
    plan.activity = choice.activity.into_iter().map(planned).collect();
    plan
}

/// Release, then nerve-friendly mobility, then stretch, then strengthen (CLINICAL.md §5 [S]).
fn order(category: Category) -> u8 {
    match category {
        Category::Release => 0,
        Category::Mobility => 1,
        Category::Stretch => 2,
        Category::Strengthen => 3,
        Category::Activity => 4,
    }
}

fn trim_to_budget(exercises: &mut Vec<PlannedExercise>) {
    let total =
        |ex: &[PlannedExercise]| -> i32 { ex.iter().map(|e| exercise(e.exercise).minutes_estimate).sum() };
    while total(exercises) > SESSION_MAX_MINUTES {
        // Drop the last-listed stretch first, then release; strength and mobility stay.
        let Some(i) = exercises
            .iter()
            .rposition(|e| e.category == Category::Stretch)
            .filter(|_| exercises.iter().filter(|e| e.category == Category::Stretch).count() > 1)
            .or_else(|| exercises.iter().rposition(|e| e.category == Category::Release))
        else {
            break;
        };
        exercises.remove(i);
    }
}

#[derive(Default)]
struct Choice {
    release: Vec<ExerciseId>,
    mobility: Vec<ExerciseId>,
    stretch: Vec<ExerciseId>,
    strength: Vec<ExerciseId>,
    activity: Vec<ExerciseId>,
}

/// [D] The exercises for this result, most important first, before exclusions and equipment.
fn choose(r: &AssessmentResult, settings: &RoutineSettings) -> Choice {
    let has = |e: Equipment| settings.equipment.contains(&e);
    let hamstring_stretch =
        if has(Equipment::BandOrTowel) { BandHamstringStretch } else { LyingHamstringStretch };
    let tight = r.pattern(PatternId::TightHamstrings).is_some();
    let tilt = r.pattern(PatternId::AnteriorTilt).is_some();
    let gentle = r.triage.tier == Tier::Soon;
    let mut c = Choice { activity: vec![Walk], ..Choice::default() };

    match r.strain_phase {
        Some(StrainPhase::Protect) => {
            c.strength = vec![HeelDigHold, BridgeHold];
        }
        Some(StrainPhase::Gentle) => {
            c.stretch = vec![hamstring_stretch, LyingHamstringStretch, KneesToChest];
            c.strength = vec![HeelDigHold, Bridge];
        }
        _ if r.has_gate(GateId::Nerve) => {
            c.mobility = vec![NerveSlider];
            c.stretch = vec![KneesToChest, GluteStretch];
            if tilt {
                c.stretch.extend([HipFlexorStretch, QuadStretch]);
            }
            c.strength = vec![Bridge, BirdDog];
        }
        _ => {
            if tight {
                c.stretch.extend([hamstring_stretch, LyingHamstringStretch, KneesToChest, GluteStretch]);
            }
            if tilt {
                c.stretch.extend([HipFlexorStretch, QuadStretch]);
            }
            if !tight && !tilt {
                c.stretch.extend([
                    hamstring_stretch,
                    LyingHamstringStretch,
                    HipFlexorStretch,
                    KneesToChest,
                    GluteStretch,
                ]);
            }
            c.strength = vec![Bridge, BirdDog];
            if tilt && !gentle {
                c.strength.push(BandedSquat);
            }
            if settings.include_release && !gentle {
                if tight || !tilt {
                    c.release.push(FoamRollHamstrings);
                }
                if tilt {
                    c.release.push(FoamRollQuads);
                }
            }
        }
    }
    let keep = |id: &ExerciseId| {
        !r.is_excluded(*id) && exercise(*id).equipment.iter().all(|e| has(*e))
        // Ladder exercises are placed by the ladder's own step below.
    };
    for list in [&mut c.release, &mut c.mobility, &mut c.stretch, &mut c.strength, &mut c.activity] {
        let mut seen = Vec::new();
        list.retain(|id| {
            keep(id) && !seen.contains(id) && {
                seen.push(*id);
                true
            }
        });
        // One hamstring stretch is enough: about 60 s per muscle per session (§5).
        let hamstring = [BandHamstringStretch, LyingHamstringStretch, ChairHamstringStretch];
        if let Some(first) = list.iter().position(|id| hamstring.contains(id)) {
            let kept = list[first];
            list.retain(|id| *id == kept || !hamstring.contains(id));
        }
    }
    c
}

/// The exercise and dose for a chosen id, at its track's step. A ladder id stands for the
/// ladder: its current level, never an excluded one nor one whose equipment is missing.
fn planned(
    id: ExerciseId,
    saved: &SavedAssessment,
    settings: &RoutineSettings,
    tracks: &impl TrackSteps,
) -> PlannedExercise {
    let track = Track::of(id);
    let index = effective_step(track, saved, &settings.equipment, tracks.step(track));
    let Step { exercise: chosen, dose } = steps_for(track, profile(saved))[index].clone();
    let ex = exercise(chosen);
    PlannedExercise {
        exercise: chosen,
        name: ex.name.clone(),
        category: ex.category,
        dose,
        pain_ceiling: saved.result.pain_ceiling,
        condition: condition(chosen, &saved.result),
        last_dose_change: None,
    }
}

/// The dose line for the assessed person's age (CLINICAL.md §5: longer holds from 65).
pub fn profile(saved: &SavedAssessment) -> DoseProfile {
    DoseProfile::for_age(Some(saved.answers.age))
}

/// Where a track starts for this assessment: the gate's start dose under a fresh strain, the
/// ladder level the bridge test suggests, or the exercise's default.
pub fn start_step(track: Track, saved: &SavedAssessment) -> usize {
    match track {
        Track::BridgeLadder if saved.result.strain_phase == Some(StrainPhase::Protect) => {
            start_index(track, BridgeHold)
        }
        Track::BridgeLadder => start_index(track, ladder_start(saved)),
        Track::Single(single) => start_index(track, single),
    }
}

/// The highest step a track may stand at for this assessment: under the strain gate (G1) or the
/// nerve gate (G2), its start dose (CLINICAL.md §8); otherwise the top of its line.
pub fn gate_cap(track: Track, saved: &SavedAssessment) -> Option<usize> {
    let r = &saved.result;
    (r.has_gate(GateId::AcuteStrain) || r.has_gate(GateId::Nerve)).then(|| start_step(track, saved))
}

/// Whether the person can do this step: not excluded by the assessment, and every piece of its
/// equipment at hand (checked on the level actually shown, CLINICAL.md §5).
pub fn step_allowed(step: &Step, saved: &SavedAssessment, equipment: &[Equipment]) -> bool {
    !saved.result.is_excluded(step.exercise)
        && exercise(step.exercise).equipment.iter().all(|e| equipment.contains(e))
}

/// Where a track really stands for this assessment: its stored step (or where it starts), no
/// higher than the gate's cap, stepped down past any level the assessment excludes or whose
/// equipment is missing (Nordic curls without an anchor, bridges under a fresh strain).
pub fn effective_step(
    track: Track,
    saved: &SavedAssessment,
    equipment: &[Equipment],
    stored: Option<usize>,
) -> usize {
    let all = steps_for(track, profile(saved));
    let mut index = stored.unwrap_or_else(|| start_step(track, saved)).min(all.len() - 1);
    if let Some(cap) = gate_cap(track, saved) {
        index = index.min(cap);
    }
    while index > 0 && !step_allowed(&all[index], saved, equipment) {
        index -= 1;
    }
    index
}

/// What to mind when doing it: the gate's condition, then every caution the assessment attached
/// to this exercise (CLINICAL.md §3 G4: in pregnancy, each exercise done lying on the back), in
/// one text; `None` when there is nothing to mind.
fn condition(id: ExerciseId, r: &AssessmentResult) -> Option<String> {
    let hamstring =
        [LyingHamstringStretch, BandHamstringStretch, ChairHamstringStretch, WallHamstringStretch];
    let gate = if r.has_gate(GateId::Nerve) && id == KneesToChest {
        Some("Only while it brings on no leg symptoms; stop if anything spreads down the leg.")
    } else if r.has_gate(GateId::Disc) && hamstring.contains(&id) {
        Some("Only if it brings on no leg symptoms; Limber asks after the session.")
    } else if r.strain_phase == Some(StrainPhase::Gentle) && hamstring.contains(&id) {
        Some("Gently: no more than 2 out of 10 at the injury.")
    } else {
        None
    };
    let cautions = r.exercise_cautions.iter().filter(|c| c.exercise == id).map(|c| c.caution.as_str());
    let parts: Vec<&str> = gate.into_iter().chain(cautions).collect();
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// [D] Where the bridge ladder starts: single-leg bridges for someone who already manages 20
/// pain-free each side, plain bridges otherwise.
fn ladder_start(saved: &SavedAssessment) -> ExerciseId {
    let strong = saved.answers.bridge.as_ref().is_some_and(|b| {
        b.pain == Some(0) && b.left_reps.unwrap_or(0) >= 20 && b.right_reps.unwrap_or(0) >= 20
    });
    if strong { SingleLegBridge } else { Bridge }
}

/// The stop card of `paused_stop`: stop, and answer the safety questions again.
pub fn stop_card() -> Card {
    Card {
        id: CardId::StopAndRetriage,
        title: "Stop and re-check".into(),
        body: super::status::STOP_WAY_BACK.into(),
    }
}

fn assessment_cards(r: &AssessmentResult) -> Vec<Card> {
    let mut cards = Vec::new();
    if r.triage.tier == Tier::Soon {
        let reasons: Vec<&str> = r.triage.flags.iter().map(|f| f.reason.as_str()).collect();
        cards.push(Card {
            id: CardId::SeeDoctorSoon,
            title: "See a doctor in the next 1-2 weeks".into(),
            body: format!("{} Keep the routine gentle until then.", reasons.join(" ")),
        });
    }
    if r.cauda_equina_card {
        cards.push(Card {
            id: CardId::CaudaEquina,
            title: "Get emergency help if".into(),
            body: "you notice numbness between your legs or around your bottom, new trouble passing or holding urine or stools, or weakness in both legs. Call your emergency number or go to the emergency department straight away.".into(),
        });
    }
    cards
}

#[cfg(test)]
mod tests;
