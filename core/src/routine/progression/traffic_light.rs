//! The traffic light of CLINICAL.md §6: how one exercise went in one session.

text_enum! {
    /// How one exercise went in one session, from the pain during it (0-10) and any spread of
    /// symptoms (CLINICAL.md §6 [E: Silbernagel 2007; Smith, BJSM 2017], adapted \[D\]). The
    /// light decides the next dose ([`super::TrackState::after_session`]).
    pub enum Light {
        /// Pain during 0-2, no spread: counts toward a step up (3 settled greens in a row).
        Green = "green",
        /// Pain during 3 up to the assessment's ceiling (5), or done without a pain rating
        /// \[D\]: the same dose next time. Under the strain or nerve gate the ceiling is 2, so
        /// there only a missing rating is amber.
        Amber = "amber",
        /// Pain above the ceiling, symptoms spreading down the leg, or the exercise skipped as too
        /// painful (§8): one step down, held 3 days; two in a row raise the see-a-physiotherapist
        /// card.
        Red = "red",
    }
}

/// The light for an exercise done with `pain_during` (0-10, `None` when not rated), whether
/// symptoms spread down the leg, and the assessment's pain `ceiling` (0-10: 5, or 2 under the
/// strain or nerve gate). A spread is red whatever the pain. An exercise skipped as too painful
/// is red too, decided by `checkin::exercise_light`, which calls this one for done exercises.
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
