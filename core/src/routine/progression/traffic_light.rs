//! The traffic light of CLINICAL.md §6: how one exercise went in one session.
#![allow(missing_docs)] // TODO(lints): lead fixes after the move

text_enum! {
    pub enum Light {
        Green = "green",
        Amber = "amber",
        Red = "red",
    }
}

/// The light for an exercise done with `pain_during` (0-10), whether symptoms spread, and the
/// assessment's pain ceiling (5, or 2 under the strain or nerve gate). An exercise skipped as too
/// painful is red too; the store records that as it reads the skip.
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
