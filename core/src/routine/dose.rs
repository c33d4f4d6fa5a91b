//! Dose steps: every exercise's doses in a line from one easier than the default up to its
//! ceiling, so progressing and regressing are one step along the line (CLINICAL.md §6: +10 s
//! hold, +1 rep, +1 set, or the next ladder level). The bridge ladder is one line through its
//! four levels.

use serde::{Deserialize, Serialize};

use crate::catalog::{Dose, ExerciseId, exercise, ladder};

/// What progresses together: one exercise, or the bridge ladder as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Track {
    Single(ExerciseId),
    BridgeLadder,
}

impl Track {
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
    pub exercise: ExerciseId,
    pub dose: Dose,
}

/// Every step of a track, easiest first.
pub fn steps(track: Track) -> Vec<Step> {
    match track {
        Track::Single(id) => line(id, true),
        // Only the first level gets an easier-than-default step: below a level's default is the
        // level before.
        Track::BridgeLadder => {
            ladder().iter().enumerate().flat_map(|(level, id)| line(*id, level == 0)).collect()
        }
    }
}

/// Where a track starts: the default dose of `start`.
pub fn start_index(track: Track, start: ExerciseId) -> usize {
    let all = steps(track);
    let default = &exercise(start).dose;
    all.iter().position(|s| s.exercise == start && &s.dose == default).unwrap_or(0)
}

fn line(id: ExerciseId, with_easier: bool) -> Vec<Step> {
    let ex = exercise(id);
    let mut doses = Vec::new();
    if with_easier && let Some(easier) = easier(&ex.dose) {
        doses.push(easier);
    }
    let mut dose = ex.dose.clone();
    doses.push(dose.clone());
    while let Some(next) = harder(&dose, &ex.max_dose) {
        doses.push(next.clone());
        dose = next;
    }
    doses.into_iter().map(|dose| Step { exercise: id, dose }).collect()
}

/// One variable up, in the order hold, reps, sets, minutes.
fn harder(d: &Dose, max: &Dose) -> Option<Dose> {
    let mut next = d.clone();
    match (d.hold_seconds, max.hold_seconds, d.reps, max.reps, d.minutes, max.minutes) {
        (Some(h), Some(m), ..) if h < m => next.hold_seconds = Some((h + 10).min(m)),
        (_, _, Some(r), Some(m), ..) if r < m => next.reps = Some(r + 1),
        _ if d.sets < max.sets => next.sets += 1,
        (.., Some(min), Some(m)) if min < m => next.minutes = Some((min + 5).min(m)),
        _ => return None,
    }
    Some(next)
}

/// One variable down from the default, mirroring `harder`.
fn easier(d: &Dose) -> Option<Dose> {
    let mut next = d.clone();
    match (d.hold_seconds, d.reps, d.minutes) {
        (Some(h), ..) if h > 10 => next.hold_seconds = Some((h - 10).max(10)),
        (_, Some(r), _) if r > 1 => next.reps = Some(r - 1),
        _ if d.sets > 1 => next.sets -= 1,
        (.., Some(m)) if m > 5 => next.minutes = Some((m - 5).max(5)),
        _ => return None,
    }
    Some(next)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::catalog;

    #[test]
    fn every_track_climbs_one_variable_at_a_time_from_easier_to_the_ceiling() {
        for ex in catalog() {
            let track = Track::of(ex.id);
            let all = steps(track);
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
    fn holds_grow_by_ten_seconds_and_the_ladder_ends_at_nordic_curls() {
        let stretch = steps(Track::Single(ExerciseId::LyingHamstringStretch));
        let holds: Vec<_> = stretch.iter().filter_map(|s| s.dose.hold_seconds).collect();
        assert!(holds.windows(2).all(|w| w[1] - w[0] <= 10 && w[1] >= w[0]));
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
    fn track_keys_round_trip() {
        for ex in catalog() {
            let t = Track::of(ex.id);
            assert_eq!(Track::parse(t.key()), Some(t));
        }
        assert_eq!(Track::of(ExerciseId::SingleLegBridge), Track::BridgeLadder);
    }
}
