//! Reminders: the core computes every reminder, the phone shells only arm what it returns and
//! re-arm it idempotently (after every edit, on boot, on app resume, and on a time or time
//! zone change), cancelling by id.
//!
//! # Slots and sessions
//!
//! The routine has n sessions a day (`RoutineSettings::session_times`, 1 or 2); the reminder
//! settings have 1-4 slots (local times). Slot k (1-based, slots sorted by time) reminds for
//! session min(k, n): with one session and slots 07:30 and 19:00 the evening slot is a second
//! nudge for the same session; with two sessions and three slots the third nudges session 2.
//! With fewer slots than sessions, the later sessions get no reminder of their own. A slot
//! whose session is already checked in that day is not reminded, so checking in cancels the
//! session's pending reminders (they drop out of the next answer). A session not done by the
//! end of its local day is missed: no reminder or snooze outlives its day.
//!
//! # What is reminded
//!
//! - Session slots, on the exercise days (`days`) only, and only while the plan's status is
//!   `active` (CLINICAL.md §8; `Facts::plan_ready`): not before the safety questions are
//!   answered, not when a doctor should be seen first, and not while the plan is paused after
//!   spreading symptoms. Their snoozes go with them. \[D\] While paused, the morning check after
//!   the day of the stopping check-in is still reminded (it follows a real check-in) and the
//!   check itself is never refused; later mornings follow planned sessions, so none are armed.
//! - The morning check at `morning_check` on day d: today if yesterday had a check-in and this
//!   morning's check is not recorded; a later day when d−1 is an exercise day with a plan in
//!   force. It follows real sessions, so it does not need a plan in force today.
//! - The re-test at the first slot time on the local date the latest assessment falls due
//!   (`SavedAssessment::retest_due_at`), or at the next slot time after `now` once that has
//!   passed (any day of the week: a re-test is not exercise), while `retest_reminders` is on
//!   and the plan is `active` (`Facts::plan_ready`): someone told to see a doctor first, or
//!   whose plan is paused or waits for the safety answers, is not nudged to test their
//!   movement.
//! - Snoozes: only of a reminder that has fired (one still ahead is refused, naming why),
//!   `now + snooze_minutes`, replacing the reminder they put off (and any earlier
//!   snooze of it) until they fire; dropped when the session is checked in or the morning
//!   recorded. Snoozing past the end of the reminder's local day is refused.
//!
//! Only reminders strictly after `now` are returned, in firing order (ties: by kind, then
//! id), at most 64 (the iOS cap on pending notifications), looking at most 60 days ahead.
//!
//! # Ids
//!
//! The same reminder has the same id on every call, so a shell cancels and re-arms by id:
//! `session:2026-11-20:1` (local date and slot), `morning:2026-11-21`, `retest:2026-12-04`
//! (the local date the tests fall due, whenever it is reminded), `snooze:<original id>`.
//!
//! # Wall-clock time
//!
//! A reminder at 07:30 fires at 07:30 local time every day, across DST changes and after a
//! change of time zone (the settings carry the zone; a new zone gives new instants for the same
//! local times). A local time that does not exist fires after the gap at the same distance
//! (02:30 in a 02:00→03:00 jump fires at 03:30); one that happens twice fires once, at the
//! first. All through [`crate::zone::instant`].
//!
//! A calendar date the zone skips whole (Pacific/Apia has no 2011-12-30) has no reminder and
//! plans no session: it is never missed and breaks no streak, and the morning after the day
//! before it is still that day's morning check. A date the zone lives twice is one day: one
//! reminder per slot (at the first of the two times), and it ends after its second run. See
//! [`crate::zone`].
//!
//! # Adherence
//!
//! Planned and done sessions per local day, a smoothed score and streaks: see [`mod@adherence`].

pub mod adherence;
pub mod request_key;
pub mod settings;
pub mod still_due;
pub mod upcoming;
pub mod zone_hand_over;

pub use adherence::{Adherence, DayAdherence, History, Streaks, adherence};
pub use settings::ReminderSettings;
pub use upcoming::{
    Facts, MAX_LIMIT, NOT_FIRED_YET, Reminder, ReminderKind, Snooze, Target, snooze, upcoming,
};

#[cfg(test)]
mod tests;
