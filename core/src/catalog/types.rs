//! The catalog's vocabulary: exercise ids, categories, equipment, a dose and an exercise entry.

use serde::{Deserialize, Serialize};

text_enum! {
    /// Every exercise in CLINICAL.md §5.
    pub enum ExerciseId {
        FoamRollHamstrings = "foam_roll_hamstrings",
        FoamRollQuads = "foam_roll_quads",
        LyingHamstringStretch = "lying_hamstring_stretch",
        StandingToeReach = "standing_toe_reach",
        ChairHamstringStretch = "chair_hamstring_stretch",
        BandHamstringStretch = "band_hamstring_stretch",
        WallHamstringStretch = "wall_hamstring_stretch",
        KneesToChest = "knees_to_chest",
        HipFlexorStretch = "hip_flexor_stretch",
        QuadStretch = "quad_stretch",
        GluteStretch = "glute_stretch",
        HeelDigHold = "heel_dig_hold",
        BridgeHold = "bridge_hold",
        Bridge = "bridge",
        SingleLegBridge = "single_leg_bridge",
        NordicCurl = "nordic_curl",
        BandedSquat = "banded_squat",
        BirdDog = "bird_dog",
        NerveSlider = "nerve_slider",
        Walk = "walk",
    }
}

text_enum! {
    /// The kinds of exercise of CLINICAL.md §5; a session runs release, then stretch, then
    /// strengthen **[S]**.
    pub enum Category {
        /// Foam rolling; always optional.
        Release = "release",
        Stretch = "stretch",
        Strengthen = "strengthen",
        /// Nerve-friendly movement (nerve sliders).
        Mobility = "mobility",
        /// General activity (walking).
        Activity = "activity",
    }
}

text_enum! {
    /// What an exercise needs besides floor space. An exercise with none lists nothing.
    pub enum Equipment {
        /// Listed for completeness; no exercise lists it (an empty list means the same).
        NoEquipment = "none",
        /// Two chairs of the same height.
        Chair = "chair",
        /// A resistance band, a belt or a towel (the banded squat needs a loop band).
        BandOrTowel = "band_or_towel",
        Wall = "wall",
        FoamRoller = "foam_roller",
        /// Something solid to hook the heels under, or a partner holding the ankles (Nordic curl).
        Anchor = "anchor",
    }
}

/// What one session asks for.
///
/// Units by category: a stretch is `reps` holds of `hold_seconds` in one set (3 x 30 s is
/// `reps: 3, hold_seconds: 30, sets: 1`); release (foam rolling) is `sets` rounds of
/// `hold_seconds` of rolling with no `reps`; strengthening is `sets` x `reps`, and the two
/// isometric holds (bridge hold, heel dig hold) also have `hold_seconds` per rep; mobility is
/// `sets` x `reps` with no hold; walking is `minutes` only (with `sets: 1`). With `per_side`, the
/// whole dose is done on each side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dose {
    /// Seconds per hold, or per round of rolling.
    pub hold_seconds: Option<i32>,
    /// Repetitions per set; holds count as repetitions.
    pub reps: Option<i32>,
    pub sets: i32,
    pub per_side: bool,
    /// Walking only.
    pub minutes: Option<i32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Exercise {
    pub id: ExerciseId,
    pub name: String,
    pub category: Category,
    /// The muscles or body part it works, in plain words.
    pub targets: String,
    /// In order, numbered by position; short sentences, each ending with a full stop.
    pub steps: Vec<String>,
    /// The default (starting) dose.
    pub dose: Dose,
    /// The ceiling progression may reach; never below `dose` and in the same units.
    pub max_dose: Dose,
    pub cautions: Vec<String>,
    /// Empty when nothing is needed.
    pub equipment: Vec<Equipment>,
    /// Level on the strength ladder ([`ladder`]): 1 to 4, `None` off the ladder.
    pub ladder_level: Option<i32>,
    /// Minutes one session of the default dose takes, rounded up, both sides and rests included.
    pub minutes_estimate: i32,
}

impl Dose {
    /// The dose in a few plain words, e.g. "3 × 30 s hold, each side", "60 s per thigh" (foam
    /// rolling: seconds per area, never holds) or "10 minutes".
    pub fn summary(&self) -> String {
        let mut text = match (self.minutes, self.hold_seconds, self.reps) {
            (Some(m), ..) => format!("{m} minutes"),
            // Rolling is the only dose with seconds and no repetitions (CLINICAL.md §5).
            (None, Some(s), None) if self.sets > 1 => {
                return format!("{} rounds of {s} s per thigh", self.sets);
            }
            (None, Some(s), None) => return format!("{s} s per thigh"),
            (None, Some(h), reps) => {
                let reps = reps.unwrap_or(1);
                if self.sets > 1 {
                    format!("{} sets of {reps} × {h} s hold", self.sets)
                } else {
                    format!("{reps} × {h} s hold")
                }
            }
            (None, None, Some(r)) => format!("{} × {r}", self.sets),
            (None, None, None) => format!("{} sets", self.sets),
        };
        if self.per_side {
            text.push_str(", each side");
        }
        text
    }
}
