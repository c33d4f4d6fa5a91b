//! The person's routine choices.

use serde::{Deserialize, Serialize};

use crate::Result;
use crate::calendar::{DayOfWeek, LocalTime, distinct};
use crate::catalog::Equipment;
use crate::validate::At;

/// How the person wants the routine: when, which strength days, with what. Defaults: one session
/// at 08:00, strength on Monday, Wednesday and Friday, chair, band or towel and wall, no rolling.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoutineSettings {
    /// One or two sessions a day, at these local times.
    pub session_times: Vec<LocalTime>,
    /// Strengthening on 2 or 3 days a week rather than daily (CLINICAL.md §5).
    pub strength_days: Vec<DayOfWeek>,
    /// What the person has at home.
    pub equipment: Vec<Equipment>,
    /// Foam rolling before stretching; optional (§5).
    pub include_release: bool,
}

impl Default for RoutineSettings {
    fn default() -> Self {
        RoutineSettings {
            session_times: vec![LocalTime { hour: 8, minute: 0 }],
            strength_days: vec![DayOfWeek::Mon, DayOfWeek::Wed, DayOfWeek::Fri],
            // Most homes have a chair, a towel and a wall; rollers and anchors are opt-in.
            equipment: vec![Equipment::Chair, Equipment::BandOrTowel, Equipment::Wall],
            include_release: false,
        }
    }
}

/// The most sessions a day the routine plans (CLINICAL.md §5: one or two short sessions).
pub const MAX_SESSIONS_PER_DAY: usize = 2;

impl RoutineSettings {
    /// Checks every field and returns the settings in canonical form (times and days sorted).
    /// Errors: `Invalid` naming `session_times` (1-2 distinct valid times), `strength_days` (2-3
    /// distinct days) or `equipment` (each kind at most once).
    pub fn validate(mut self) -> Result<RoutineSettings> {
        distinct("session_times", &self.session_times, 1, MAX_SESSIONS_PER_DAY, "times of day")?;
        for (i, t) in self.session_times.iter().enumerate() {
            t.check(At("session_times", i))?;
        }
        distinct("strength_days", &self.strength_days, 2, 3, "days of the week")?;
        distinct("equipment", &self.equipment, 0, Equipment::ALL.len(), "kinds of equipment")?;
        crate::sort::sort_by_key(&mut self.session_times, |t| *t);
        crate::sort::sort_by_key(&mut self.strength_days, |d| *d);
        Ok(self)
    }

    /// Sessions a day, 1-2 once validated.
    pub fn sessions_per_day(&self) -> usize {
        self.session_times.len()
    }
}
