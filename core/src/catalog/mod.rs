//! The exercises Limber can put in a plan, under ids fixed across the assessment, the routine,
//! the CLI and the shells.

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
