//! The routine (CLINICAL.md §5-6): what the person does each day, adjusted by how their pain
//! responds.

pub mod card_display;
pub mod cards;
pub mod check_in_defaults;
pub mod checkin;
pub mod dose;
pub mod hold_sequence;
pub mod plan;
pub mod progression;
pub mod settings;
pub mod status;
pub mod today;

pub use plan::{Card, CardId, DayPlan, PlanStatus, PlannedExercise, PlannedSession};
pub use settings::RoutineSettings;
