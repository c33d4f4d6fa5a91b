//! Every stored record in backup order, handed over one at a time, so an export of any length
//! holds one record in memory. The store reads them from SQLite (`store::backup`); a
//! [`Backup`] already in memory hands over its own.

use super::backup::{
    AssessmentRecord, Backup, BackupSettings, CheckInRecord, DoseChangeRecord, MorningCheckRecord,
    PainRecord, SnoozeRecord, TrackStateRecord,
};
use super::listener::{ProgressStage, Throttled};
use crate::Result;
use crate::assessment::history::MeasurementPoint;

/// Called once per record; an error stops the reading and is passed on.
pub type Each<'a, T> = &'a mut dyn FnMut(T) -> Result<()>;

/// How many records of each kind there are, for progress.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Settings records: 0-2 (routine and reminders, each when saved).
    pub settings: i64,
    /// Pain entries.
    pub pain_entries: i64,
    /// Saved assessments.
    pub assessments: i64,
    /// Session check-ins.
    pub check_ins: i64,
    /// Next-morning checks.
    pub morning_checks: i64,
    /// Exercise tracks with their current dose.
    pub track_states: i64,
    /// Dose changes, with their reasons.
    pub dose_changes: i64,
    /// Snoozed reminders.
    pub snoozes: i64,
}

impl Counts {
    /// Every record of every kind: the `total` of the checking and writing stages.
    pub fn all(&self) -> i64 {
        self.settings
            + self.pain_entries
            + self.assessments
            + self.check_ins
            + self.morning_checks
            + self.track_states
            + self.dose_changes
            + self.snoozes
    }
}

/// The records, each kind oldest first (the order of the JSON backup).
pub trait Records {
    /// How many records of each kind will be handed over. Errors: `Storage` or `Corrupt` on a read.
    fn counts(&self) -> Result<Counts>;
    /// The routine and reminder settings, each when saved.
    fn settings(&self) -> Result<BackupSettings>;
    /// Each pain entry, oldest first.
    fn pain_entries(&self, each: Each<'_, PainRecord>) -> Result<()>;
    /// With the result worked out from the answers.
    fn assessments(&self, each: Each<'_, AssessmentRecord>) -> Result<()>;
    /// Each session check-in, oldest first.
    fn check_ins(&self, each: Each<'_, CheckInRecord>) -> Result<()>;
    /// Each next-morning check, oldest first.
    fn morning_checks(&self, each: Each<'_, MorningCheckRecord>) -> Result<()>;
    /// Each exercise track's state, by track.
    fn track_states(&self, each: Each<'_, TrackStateRecord>) -> Result<()>;
    /// Each dose change, oldest first.
    fn dose_changes(&self, each: Each<'_, DoseChangeRecord>) -> Result<()>;
    /// Each snoozed reminder, by the time it fires.
    fn snoozes(&self, each: Each<'_, SnoozeRecord>) -> Result<()>;
    /// The SLR, knee-extension and bridge series, test by test (one point per assessment and
    /// side: a few hundred over ten years).
    fn measurements(&self) -> Result<Vec<MeasurementPoint>>;
}

fn each_of<T: Clone>(items: &[T], each: Each<'_, T>) -> Result<()> {
    items.iter().try_for_each(|item| each(item.clone()))
}

/// A backup in memory (tests, and shells that hold one) hands over its own records; it has no
/// measurement series (those are the store's).
impl Records for Backup {
    fn counts(&self) -> Result<Counts> {
        let n = |len: usize| len as i64;
        Ok(Counts {
            settings: n(
                usize::from(self.settings.routine.is_some()) + usize::from(self.settings.reminders.is_some())
            ),
            pain_entries: n(self.pain_entries.len()),
            assessments: n(self.assessments.len()),
            check_ins: n(self.check_ins.len()),
            morning_checks: n(self.morning_checks.len()),
            track_states: n(self.track_states.len()),
            dose_changes: n(self.dose_changes.len()),
            snoozes: n(self.snoozes.len()),
        })
    }
    fn settings(&self) -> Result<BackupSettings> {
        Ok(self.settings.clone())
    }
    fn pain_entries(&self, each: Each<'_, PainRecord>) -> Result<()> {
        each_of(&self.pain_entries, each)
    }
    fn assessments(&self, each: Each<'_, AssessmentRecord>) -> Result<()> {
        each_of(&self.assessments, each)
    }
    fn check_ins(&self, each: Each<'_, CheckInRecord>) -> Result<()> {
        each_of(&self.check_ins, each)
    }
    fn morning_checks(&self, each: Each<'_, MorningCheckRecord>) -> Result<()> {
        each_of(&self.morning_checks, each)
    }
    fn track_states(&self, each: Each<'_, TrackStateRecord>) -> Result<()> {
        each_of(&self.track_states, each)
    }
    fn dose_changes(&self, each: Each<'_, DoseChangeRecord>) -> Result<()> {
        each_of(&self.dose_changes, each)
    }
    fn snoozes(&self, each: Each<'_, SnoozeRecord>) -> Result<()> {
        each_of(&self.snoozes, each)
    }
    fn measurements(&self) -> Result<Vec<MeasurementPoint>> {
        Ok(Vec::new())
    }
}

/// Counts records written against a total, for a progress bar.
pub(crate) struct Tally<'p, 'l> {
    done: i64,
    total: i64,
    progress: &'p mut Throttled<'l>,
}

impl<'p, 'l> Tally<'p, 'l> {
    pub fn new(total: i64, progress: &'p mut Throttled<'l>) -> Self {
        progress.report(ProgressStage::Writing, 0, total);
        Tally { done: 0, total, progress }
    }

    pub fn tick(&mut self) {
        self.done += 1;
        self.progress.report(ProgressStage::Writing, self.done.min(self.total), self.total);
    }
}
