//! The catalog's vocabulary: exercise ids, categories, equipment, a dose and an exercise entry.

use serde::{Deserialize, Serialize};

text_enum! {
    /// Every exercise in CLINICAL.md §5.
    pub enum ExerciseId {
        /// Foam rolling the back of the thighs \[S\]; optional, never over a fresh strain or numb skin.
        FoamRollHamstrings = "foam_roll_hamstrings",
        /// Foam rolling the front of the thighs \[S\]; done lying face down, so not in pregnancy (G4).
        FoamRollQuads = "foam_roll_quads",
        /// Lying hamstring stretch \[S\], 30 s holds [E: Bandy 1997].
        LyingHamstringStretch = "lying_hamstring_stretch",
        /// Standing toe reach \[S\], gentle, no bouncing; left out under G2, G3 and G4 (forward bending).
        StandingToeReach = "standing_toe_reach",
        /// Hamstring stretch with one leg on a second chair \[S\].
        ChairHamstringStretch = "chair_hamstring_stretch",
        /// Lying hamstring stretch with a band or towel, each leg \[S\].
        BandHamstringStretch = "band_hamstring_stretch",
        /// Hamstring stretch lying with the leg up a wall \[S\], at the standard stretch dose \[E\].
        WallHamstringStretch = "wall_hamstring_stretch",
        /// Knees to chest \[S\]: the articles' choice when hamstring stretching is not advised.
        KneesToChest = "knees_to_chest",
        /// Kneeling hip flexor stretch \[S\]: for pattern P2, and in the general routine (P3).
        HipFlexorStretch = "hip_flexor_stretch",
        /// Standing quadriceps stretch \[S\]: for pattern P2.
        QuadStretch = "quad_stretch",
        /// Lying glute (hip external-rotator) stretch \[S\].
        GluteStretch = "glute_stretch",
        /// Pain-free isometric heel-dig hold, allowed in the first days of a strain [E: Heiderscheit 2010].
        HeelDigHold = "heel_dig_hold",
        /// Bridge hold, 10 × 5 s: level 1 of the bridge ladder \[E\].
        BridgeHold = "bridge_hold",
        /// Bridge, 3 × 10: level 2 of the ladder \[E\].
        Bridge = "bridge",
        /// Single-leg bridge, 3 × 8-12 each side: level 3 of the ladder \[E\].
        SingleLegBridge = "single_leg_bridge",
        /// Nordic curl: level 4 of the ladder, only with none of G1-G4, pain <= 3/10, >= 20 pain-free
        /// single-leg bridges each side and an anchor [E; CLINICAL.md §5].
        NordicCurl = "nordic_curl",
        /// Squat with a loop band \[S\].
        BandedSquat = "banded_squat",
        /// Bird dog, the low-back strengthening [S; D: the choice of exercise].
        BirdDog = "bird_dog",
        /// Gentle nerve slider, no hold; stop if symptoms spread (G2, §5) \[E\].
        NerveSlider = "nerve_slider",
        /// Walking, 10 minutes to start, at most 30 [E: NICE NG59; D: the minutes].
        Walk = "walk",
    }
}

text_enum! {
    /// The kinds of exercise of CLINICAL.md §5; a session runs release, then stretch, then
    /// strengthen **\[S\]**.
    pub enum Category {
        /// Foam rolling; always optional.
        Release = "release",
        /// Held stretches, to tightness, never pain (CLINICAL.md §5).
        Stretch = "stretch",
        /// Strength work, 2-3 days a week (§5).
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
        /// A clear stretch of wall.
        Wall = "wall",
        /// A foam roller.
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
    /// Sets, at least 1.
    pub sets: i32,
    /// The whole dose is done on each side.
    pub per_side: bool,
    /// Walking only.
    pub minutes: Option<i32>,
}

/// One exercise of the catalog, in Limber's own words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Exercise {
    /// Its stable id.
    pub id: ExerciseId,
    /// Its name to show, in English.
    pub name: String,
    /// Its kind; decides the order within a session.
    pub category: Category,
    /// The muscles or body part it works, in plain words.
    pub targets: String,
    /// In order, numbered by position; short sentences, each ending with a full stop.
    pub steps: Vec<String>,
    /// The default (starting) dose.
    pub dose: Dose,
    /// The ceiling progression may reach; never below `dose` and in the same units.
    pub max_dose: Dose,
    /// Safety notes to show with it (stop if symptoms spread; stretch to tightness, never pain).
    pub cautions: Vec<String>,
    /// Empty when nothing is needed.
    pub equipment: Vec<Equipment>,
    /// Level on the strength ladder ([`super::ladder`]): 1 to 4, `None` off the ladder.
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
