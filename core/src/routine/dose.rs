//! Dose steps: every exercise's doses in a line from one easier than the default up to its
//! ceiling, so progressing and regressing are one step along the line (CLINICAL.md §5-6). The
//! bridge ladder is one line through its four levels.
//!
//! - A stretch progresses by repetitions of a 30 s hold: 1 → 2 (the start) → 3 → 4 × 30 s, never
//!   more than 4 × 30 s per muscle per session **[E: Bandy 1997; ACSM 2021; D: the cap]**. From
//!   age 65 the hold grows instead: 2 × 30 → 2 × 45 → 2 × 60 s, never more than 2 × 60 s; the
//!   line has the same length, so a stored step means the same place for either line.
//! - An isometric hold (bridge hold, heel dig hold) grows by 5 s, then +1 rep, then +1 set.
//! - Other strength and mobility: +1 rep, then +1 set; foam rolling: +10 s of rolling per area,
//!   then +1 round; walking: +5 minutes.

use serde::{Deserialize, Serialize};

use crate::catalog::{Category, Dose, ExerciseId, exercise, ladder};

/// [E: CLINICAL.md §5] A stretch hold, in seconds, under 65.
pub const STRETCH_HOLD_SECONDS: i32 = 30;
/// [D from E: Bandy 1997; ACSM 2021] The most repetitions of a 30 s stretch per muscle per session.
pub const STRETCH_MAX_REPS: i32 = 4;
/// [E: ACSM 2021, older adults hold 30-60 s] From this age a stretch's hold may grow instead.
pub const OLDER_ADULT_AGE: i32 = 65;
/// \[D\] From 65: holds of 30, 45, then at most 60 s, at most 2 of them (2 × 60 s per muscle).
pub const OLDER_HOLD_STEP: i32 = 15;
/// \[D\] From 65, the longest stretch hold, in seconds (CLINICAL.md §5: 2 × 60 s per muscle).
pub const OLDER_MAX_HOLD_SECONDS: i32 = 60;
/// \[D\] From 65, the most repetitions of a stretch per muscle per session.
pub const OLDER_MAX_REPS: i32 = 2;
/// [E: CLINICAL.md §6] An isometric hold grows by 5 s a step.
pub const ISOMETRIC_HOLD_STEP: i32 = 5;

/// Which line a person's doses follow: from 65 a stretch's hold may grow (CLINICAL.md §5).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DoseProfile {
    /// 65 or over: a stretch progresses by a longer hold rather than more repetitions.
    pub older_adult: bool,
}

impl DoseProfile {
    /// The profile for an age in years (`None`: unknown, read as under 65, the shorter holds).
    pub fn for_age(age: Option<i32>) -> DoseProfile {
        DoseProfile { older_adult: age.is_some_and(|a| a >= OLDER_ADULT_AGE) }
    }
}

/// What progresses together: one exercise, or the bridge ladder as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Track {
    /// One exercise on its own line.
    Single(ExerciseId),
    /// The bridge ladder: bridge hold, bridge, single-leg bridge, Nordic curl (CLINICAL.md §5).
    BridgeLadder,
}

impl Track {
    /// The track `id` progresses on: the ladder for its four exercises, its own otherwise.
    pub fn of(id: ExerciseId) -> Track {
        if ladder().contains(&id) { Track::BridgeLadder } else { Track::Single(id) }
    }

    /// The stored name: the exercise id, or `bridge_ladder`.
    pub fn key(self) -> &'static str {
        match self {
            Track::Single(id) => id.as_str(),
            Track::BridgeLadder => "bridge_ladder",
        }
    }

    /// The track with stored name `key`; `None` for a name no track has (damage, or a newer build).
    pub fn parse(key: &str) -> Option<Track> {
        match key {
            "bridge_ladder" => Some(Track::BridgeLadder),
            other => ExerciseId::parse("track", other).ok().map(Track::of),
        }
    }
}

/// One place on a track: which exercise, at which dose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    /// The exercise done at this step (on the ladder, the level).
    pub exercise: ExerciseId,
    /// Its dose: holds, repetitions, sets, seconds or minutes.
    pub dose: Dose,
}

/// Every step of a track for someone under 65, easiest first.
pub fn steps(track: Track) -> Vec<Step> {
    steps_for(track, DoseProfile::default())
}

/// Every step of a track on `profile`'s line, easiest first. Both lines have the same length.
pub fn steps_for(track: Track, profile: DoseProfile) -> Vec<Step> {
    match track {
        Track::Single(id) => line(id, true, profile),
        // Only the first level gets an easier-than-default step: below a level's default is the
        // level before.
        Track::BridgeLadder => {
            ladder().iter().enumerate().flat_map(|(level, id)| line(*id, level == 0, profile)).collect()
        }
    }
}

/// Where a track starts: the default dose of `start`.
pub fn start_index(track: Track, start: ExerciseId) -> usize {
    let all = steps(track);
    let default = &exercise(start).dose;
    all.iter().position(|s| s.exercise == start && &s.dose == default).unwrap_or(0)
}

/// How a dose grows.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Growth {
    /// +1 repetition of a 30 s hold, up to the cap.
    Stretch,
    /// From 65: the hold grows by 15 s up to 60 s, with 2 repetitions.
    OlderStretch,
    /// +5 s hold, then reps, then sets.
    Isometric,
    /// Hold (+10 s of rolling), reps, sets, minutes, in that order.
    Other,
}

fn growth(id: ExerciseId, profile: DoseProfile) -> Growth {
    let ex = exercise(id);
    match ex.category {
        Category::Stretch if profile.older_adult => Growth::OlderStretch,
        Category::Stretch => Growth::Stretch,
        Category::Strengthen if ex.dose.hold_seconds.is_some() => Growth::Isometric,
        _ => Growth::Other,
    }
}

fn line(id: ExerciseId, with_easier: bool, profile: DoseProfile) -> Vec<Step> {
    let ex = exercise(id);
    let how = growth(id, profile);
    let mut doses = Vec::new();
    if with_easier && let Some(easier) = easier(&ex.dose, how) {
        doses.push(easier);
    }
    let mut dose = ex.dose.clone();
    doses.push(dose.clone());
    while let Some(next) = harder(&dose, &ex.max_dose, how) {
        doses.push(next.clone());
        dose = next;
    }
    doses.into_iter().map(|dose| Step { exercise: id, dose }).collect()
}

/// One variable up.
fn harder(d: &Dose, max: &Dose, how: Growth) -> Option<Dose> {
    let mut next = d.clone();
    match how {
        Growth::Stretch => match d.reps {
            Some(r) if r < max.reps.unwrap_or(STRETCH_MAX_REPS).min(STRETCH_MAX_REPS) => {
                next.reps = Some(r + 1)
            }
            _ => return None,
        },
        Growth::OlderStretch => match (d.reps, d.hold_seconds) {
            (Some(r), _) if r < OLDER_MAX_REPS => next.reps = Some(r + 1),
            (_, Some(h)) if h < OLDER_MAX_HOLD_SECONDS => {
                next.hold_seconds = Some((h + OLDER_HOLD_STEP).min(OLDER_MAX_HOLD_SECONDS));
            }
            _ => return None,
        },
        Growth::Isometric | Growth::Other => {
            let hold_step = if how == Growth::Isometric { ISOMETRIC_HOLD_STEP } else { 10 };
            match (d.hold_seconds, max.hold_seconds, d.reps, max.reps, d.minutes, max.minutes) {
                (Some(h), Some(m), ..) if h < m => next.hold_seconds = Some((h + hold_step).min(m)),
                (_, _, Some(r), Some(m), ..) if r < m => next.reps = Some(r + 1),
                _ if d.sets < max.sets => next.sets += 1,
                (.., Some(min), Some(m)) if min < m => next.minutes = Some((min + 5).min(m)),
                _ => return None,
            }
        }
    }
    Some(next)
}

/// One variable down from the default: a stretch loses a repetition (its hold stays 30 s).
fn easier(d: &Dose, how: Growth) -> Option<Dose> {
    let mut next = d.clone();
    match how {
        Growth::Stretch | Growth::OlderStretch => match d.reps {
            Some(r) if r > 1 => next.reps = Some(r - 1),
            _ => return None,
        },
        Growth::Isometric | Growth::Other => match (d.hold_seconds, d.reps, d.minutes) {
            (Some(h), ..) if h > 10 => next.hold_seconds = Some((h - 10).max(10)),
            (_, Some(r), _) if r > 1 => next.reps = Some(r - 1),
            _ if d.sets > 1 => next.sets -= 1,
            (.., Some(m)) if m > 5 => next.minutes = Some((m - 5).max(5)),
            _ => return None,
        },
    }
    Some(next)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::catalog;

    #[test]
    fn every_track_climbs_one_variable_at_a_time_from_easier_to_the_ceiling() {
        for (ex, profile) in catalog()
            .into_iter()
            .flat_map(|e| [(e.clone(), DoseProfile::default()), (e, DoseProfile { older_adult: true })])
        {
            let track = Track::of(ex.id);
            let all = steps_for(track, profile);
            assert!(all.len() >= 2, "{}: nowhere to go", ex.id);
            let start = start_index(track, ex.id);
            assert_eq!(all[start].dose, ex.dose, "{}: starts at its default", ex.id);
            for pair in all.windows(2) {
                let (a, b) = (&pair[0], &pair[1]);
                if a.exercise != b.exercise {
                    continue; // a ladder level change
                }
                let changed = [
                    a.dose.hold_seconds != b.dose.hold_seconds,
                    a.dose.reps != b.dose.reps,
                    a.dose.sets != b.dose.sets,
                    a.dose.minutes != b.dose.minutes,
                ];
                assert_eq!(
                    changed.iter().filter(|c| **c).count(),
                    1,
                    "{}: {:?} -> {:?}",
                    ex.id,
                    a.dose,
                    b.dose
                );
            }
        }
    }

    #[test]
    fn stretches_grow_by_repetitions_of_30_s_up_to_4_and_the_ladder_ends_at_nordic_curls() {
        for ex in catalog().iter().filter(|e| e.category == Category::Stretch) {
            let line = steps(Track::of(ex.id));
            let doses: Vec<(Option<i32>, Option<i32>)> =
                line.iter().map(|s| (s.dose.reps, s.dose.hold_seconds)).collect();
            assert_eq!(
                doses,
                vec![(Some(1), Some(30)), (Some(2), Some(30)), (Some(3), Some(30)), (Some(4), Some(30))],
                "{}",
                ex.id
            );
        }
        let ladder_steps = steps(Track::BridgeLadder);
        assert_eq!(ladder_steps.first().unwrap().exercise, ExerciseId::BridgeHold);
        assert_eq!(ladder_steps.last().unwrap().exercise, ExerciseId::NordicCurl);
        let order: Vec<ExerciseId> = ladder_steps.iter().map(|s| s.exercise).fold(Vec::new(), |mut v, e| {
            if v.last() != Some(&e) {
                v.push(e);
            }
            v
        });
        assert_eq!(order, ladder());
    }

    #[test]
    fn from_65_a_stretch_hold_grows_to_45_then_60_s_never_past_2_x_60_s() {
        let older = DoseProfile::for_age(Some(65));
        assert!(!DoseProfile::for_age(Some(64)).older_adult && !DoseProfile::for_age(None).older_adult);
        for ex in catalog().iter().filter(|e| e.category == Category::Stretch) {
            let track = Track::of(ex.id);
            let line = steps_for(track, older);
            assert_eq!(line.len(), steps(track).len(), "{}: same length, same stored steps", ex.id);
            let doses: Vec<(Option<i32>, Option<i32>)> =
                line.iter().map(|s| (s.dose.reps, s.dose.hold_seconds)).collect();
            assert_eq!(
                doses,
                vec![(Some(1), Some(30)), (Some(2), Some(30)), (Some(2), Some(45)), (Some(2), Some(60))],
                "{}",
                ex.id
            );
        }
    }

    #[test]
    fn isometric_holds_grow_by_5_s() {
        for id in [ExerciseId::BridgeHold, ExerciseId::HeelDigHold] {
            let line = steps(Track::of(id));
            let start = start_index(Track::of(id), id);
            assert_eq!(line[start].dose.hold_seconds, Some(5));
            assert_eq!(line[start + 1].dose.hold_seconds, Some(10), "{id}");
        }
    }

    #[test]
    fn no_line_ever_exceeds_the_per_muscle_cap() {
        for ex in catalog() {
            for profile in [DoseProfile::default(), DoseProfile { older_adult: true }] {
                for s in steps_for(Track::of(ex.id), profile) {
                    if exercise(s.exercise).category == Category::Stretch {
                        let (reps, hold) = (s.dose.reps.unwrap(), s.dose.hold_seconds.unwrap());
                        assert!(reps * hold <= 120 && hold <= 60, "{}: {:?}", ex.id, s.dose);
                        assert!(profile.older_adult || hold == 30, "{}: {:?}", ex.id, s.dose);
                    }
                }
            }
        }
    }

    #[test]
    fn track_keys_round_trip() {
        for ex in catalog() {
            let t = Track::of(ex.id);
            assert_eq!(Track::parse(t.key()), Some(t));
        }
        assert_eq!(Track::of(ExerciseId::SingleLegBridge), Track::BridgeLadder);
    }
}
