//! Limber's public face: one object over one SQLite file, and every call a shell makes.
//!
//! Read this file to see everything the phones (through `limber-ffi`) and the CLI can do. Each
//! call is a few lines: it asks the storage (`crate::store`, rows only) for rows, hands them to
//! the rules (`crate::assessment`, `crate::routine`, `crate::schedule`, `crate::progress`,
//! functions over plain data), and writes the rows that result. The use cases behind the calls
//! live beside this file, one per area.
//!
//! Times are UTC instants; a `time_zone` is an IANA id (`Europe/London`); a `Result` error is a
//! typed [`crate::Error`] naming the field and its valid range for bad input.

mod assessment;
mod backup;
mod cached;
mod export;
mod pain;
mod reminders;
mod rescue;
mod restore;
mod routine;
mod summary;
mod today;

use std::io::{Read, Write};
use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};

use crate::Result;
use crate::assessment::Answers;
use crate::assessment::history::{MeasuredTest, MeasurementPoint, SavedAssessment};
use crate::pain::{PainEntry, PainInput, PainPage, PainQuery};
use crate::progress::backup::{Backup, ImportReport};
use crate::progress::export::{ExportFile, ExportFileInfo, ExportFormat};
use crate::progress::listener::{ProgressListener, Silent};
use crate::progress::summary::ProgressSummary;
use crate::routine::checkin::{CheckInInput, CheckInOutcome, MorningOutcome};
use crate::routine::plan::DayPlan;
use crate::routine::progression::DoseChange;
use crate::routine::settings::RoutineSettings;
use crate::routine::status::PlanStatus;
use crate::routine::today::Today;
use crate::schedule::zone_hand_over::ZoneHandOver;
use crate::schedule::{Adherence, Reminder, ReminderSettings, Streaks};
use crate::store::Db;

pub use rescue::Rescue;

/// One person's Limber: the progress store at a path the shell chooses, and every rule over
/// it. Not `Sync`: a shell keeps one behind a lock (the bindings do).
pub struct Limber {
    db: Db,
    /// The device's zone on a read-only database, where it cannot be saved (see
    /// [`Limber::use_device_zone`]).
    device_zone: Option<String>,
}

impl Limber {
    // ---- Opening ------------------------------------------------------------------------

    /// Opens (creating if needed) the database at `path`, creating missing parent folders,
    /// and brings its schema up to date. A database that cannot be written here opens
    /// read-only: every reading call and export works, every change is [`crate::Error::ReadOnly`].
    ///
    /// Errors: `NotADatabase` (not SQLite, or another app's), `Corrupt` (a damaged file),
    /// `NewerVersion` (from a newer Limber), `ReadOnly` (read-only and in need of an upgrade);
    /// the file is left untouched in each case.
    pub fn open(path: impl AsRef<Path>) -> Result<Limber> {
        Ok(Limber { db: Db::open(path.as_ref())?, device_zone: None })
    }

    /// Opens a database that [`Limber::open`] refuses as damaged, read-only and without
    /// checking it, only to [`rescue`](Limber::rescue) what can still be read. Nothing is ever
    /// written.
    ///
    /// Errors: `NotADatabase`, `NewerVersion`, `ReadOnly` (an older schema, which would need
    /// writing first), `Corrupt` when even the list of tables is unreadable, `Io` when there is
    /// no file.
    pub fn open_damaged(path: impl AsRef<Path>) -> Result<Limber> {
        Ok(Limber { db: Db::open_damaged(path.as_ref())?, device_zone: None })
    }

    /// Remembers that the database at `path` is damaged, for every later open and every
    /// connection already open: a private marker file (`0600`) beside it,
    /// [`Limber::damage_marker`], and not a byte of the database changed. [`Limber::open`] then
    /// refuses it with [`crate::Error::Corrupt`]; [`Limber::open_damaged`] still reads it. For a
    /// shell that meets `Corrupt` after its `Limber` is gone (the CLI, one command per process);
    /// [`Limber::noticed`] does it for an open one. Best effort: nothing is remembered where the
    /// folder cannot be written.
    pub fn remember_damage(path: impl AsRef<Path>) {
        crate::store::damage::remember_damage(path.as_ref())
    }

    /// The marker file [`Limber::remember_damage`] writes beside the database at `path`: the
    /// path with `-damaged` added (`limber.db-damaged`). It is removed by itself when a new
    /// database starts at `path` (the damaged one was moved away).
    pub fn damage_marker(path: impl AsRef<Path>) -> std::path::PathBuf {
        crate::store::damage::marker_path(path.as_ref())
    }

    /// Whether this database was opened read-only (its file or folder cannot be written).
    pub fn is_read_only(&self) -> bool {
        self.db.is_read_only()
    }

    /// Remembers a damaged page met by any call: changes are refused from then on with
    /// [`crate::Error::Corrupt`]. Every write passes through it; a shell that keeps one `Limber` open
    /// (the phones, through the bindings) passes every call's result through it too.
    pub fn noticed<T>(&self, result: Result<T>) -> Result<T> {
        self.db.noticed(result)
    }

    // ---- Assessment (CLINICAL.md §1-§4) ---------------------------------------------------

    /// Validates and evaluates the answers, then saves both with the moment they were taken
    /// (`utc_offset_minutes`: -840 to 840). A new assessment may restart the doses, or end a
    /// stop one step lower (CLINICAL.md §8). Errors: `Invalid` naming the answer.
    pub fn submit_assessment(
        &mut self,
        answers: Answers,
        taken_at: DateTime<Utc>,
        utc_offset_minutes: i32,
    ) -> Result<SavedAssessment> {
        assessment::submit(&mut self.db, answers, taken_at, utc_offset_minutes)
    }

    /// The assessment that drives the routine: the most recent one.
    pub fn latest_assessment(&self) -> Result<Option<SavedAssessment>> {
        cached::latest_assessment(&self.db)
    }

    /// Saved assessments, newest first, `limit` 1-500.
    pub fn assessment_history(&self, limit: i32) -> Result<Vec<SavedAssessment>> {
        assessment::history(&self.db, limit)
    }

    /// One saved assessment by id. Errors: `Invalid` (not an id), `NotFound`.
    pub fn get_assessment(&self, id: &str) -> Result<SavedAssessment> {
        assessment::get(&self.db, id)
    }

    /// One test's measurements over time, oldest first, each with its change since the
    /// previous measurement of the same side and whether that change is real.
    pub fn measurement_series(&self, test: MeasuredTest) -> Result<Vec<MeasurementPoint>> {
        assessment::series(&self.db, test)
    }

    // ---- Pain log -----------------------------------------------------------------------

    /// Logs a pain entry (level 0-10, sites, context, note up to 2,000 characters).
    pub fn add_pain(&mut self, input: PainInput) -> Result<PainEntry> {
        pain::add(&mut self.db, input)
    }

    /// Replaces every field of an entry but its id. Errors: `Invalid`, `NotFound`.
    pub fn update_pain(&mut self, id: &str, input: PainInput) -> Result<PainEntry> {
        pain::update(&mut self.db, id, input)
    }

    /// Deletes an entry (and a morning check pointing at it). Errors: `Invalid`, `NotFound`.
    pub fn delete_pain(&mut self, id: &str) -> Result<()> {
        pain::delete(&mut self.db, id)
    }

    /// One entry by id. Errors: `Invalid`, `NotFound`.
    pub fn get_pain(&self, id: &str) -> Result<PainEntry> {
        pain::get(&self.db, id)
    }

    /// Entries in `[from, to)`, newest first, `limit` (1-500) at a time from `cursor`.
    pub fn list_pain(&self, query: &PainQuery) -> Result<PainPage> {
        pain::list(&self.db, query)
    }

    // ---- Routine (CLINICAL.md §5-§8) ------------------------------------------------------

    /// The routine settings (session times, strength days, equipment), or the defaults.
    pub fn routine_settings(&self) -> Result<RoutineSettings> {
        cached::routine_settings(&self.db)
    }

    /// Checks and saves the routine settings; returns them as saved.
    pub fn set_routine_settings(&mut self, settings: RoutineSettings) -> Result<RoutineSettings> {
        routine::set_settings(&mut self.db, settings)
    }

    /// The plan's status now (CLINICAL.md §8), from the latest assessment and the check-ins
    /// since: what `today` shows first and what every check-in is judged by.
    pub fn plan_status(&self) -> Result<PlanStatus> {
        routine::plan_status(&self.db)
    }

    /// Records a session and decides each exercise's next dose (CLINICAL.md §6, §8).
    /// Errors: `NotNow` when the plan is not `active` or the session is already checked in;
    /// `Invalid` naming the field.
    pub fn check_in(&mut self, input: CheckInInput, time_zone: &str) -> Result<CheckInOutcome> {
        routine::check_in(&mut self.db, input, time_zone)
    }

    /// Records pain on waking (0-10), tied to the previous day's sessions, and decides their
    /// doses (CLINICAL.md §8). Errors: `NotNow` before 04:00 local time or when this morning is
    /// already recorded; `Invalid` naming `pain`.
    pub fn morning_check(&mut self, pain: i32, at: DateTime<Utc>, time_zone: &str) -> Result<MorningOutcome> {
        routine::morning_check(&mut self.db, pain, at, time_zone)
    }

    /// Every dose change, newest first, `limit` 1-10,000.
    pub fn dose_change_history(&self, limit: i32) -> Result<Vec<(DateTime<Utc>, DoseChange)>> {
        routine::dose_change_history(&self.db, limit)
    }

    /// Today in `time_zone`: the plan's status first, sessions with doses and what is done,
    /// the next session, and what is due (morning check, re-test).
    pub fn today(&self, now: DateTime<Utc>, time_zone: &str) -> Result<Today> {
        today::today(&self.db, now, time_zone)
    }

    /// The plan of a local date, with each exercise's dose where its track stands now.
    pub fn day_plan(&self, date: NaiveDate) -> Result<DayPlan> {
        today::day_plan(&self.db, date)
    }

    // ---- Reminders ----------------------------------------------------------------------

    /// The reminder settings (times, days, zone, snooze length), or the defaults.
    pub fn reminder_settings(&self) -> Result<ReminderSettings> {
        reminders::settings(&self.db, self.device_zone.as_deref())
    }

    /// Hands over the device's time zone before reminders are computed (the phones on every
    /// time or zone change, the CLI with `--tz` on every command), by the one rule in
    /// [`crate::schedule::zone_hand_over::decide`]. A new zone is saved in the reminder
    /// settings; on a read-only database it is used without being saved. Returns what happened
    /// and the settings in force.
    pub fn use_device_zone(
        &mut self,
        zone: &str,
        now: DateTime<Utc>,
    ) -> Result<(ZoneHandOver, ReminderSettings)> {
        let (outcome, settings, unsaved) =
            reminders::use_device_zone(&mut self.db, self.device_zone.as_deref(), zone, now)?;
        if unsaved {
            self.device_zone = Some(settings.time_zone.clone());
        }
        Ok((outcome, settings))
    }

    /// Checks and saves the reminder settings: 1-4 times, days, IANA zone, snooze 5-120 min.
    pub fn set_reminder_settings(&mut self, settings: ReminderSettings) -> Result<ReminderSettings> {
        reminders::set_settings(&mut self.db, settings)
    }

    /// The next `limit` (1-64) reminders strictly after `now`, in firing order; see
    /// [`crate::schedule`] for the rules.
    pub fn upcoming_reminders(&self, now: DateTime<Utc>, limit: i32) -> Result<Vec<Reminder>> {
        reminders::upcoming(&self.db, self.device_zone.as_deref(), now, limit)
    }

    /// Puts off a reminder that has fired by the snooze length; the answer replaces it (and
    /// any earlier snooze of it) in [`Limber::upcoming_reminders`]. Errors: `NotNow` for a
    /// reminder that has not fired, `NotFound` for one the plan does not hold.
    pub fn snooze(&mut self, id: &str, now: DateTime<Utc>) -> Result<Reminder> {
        reminders::snooze(&mut self.db, self.device_zone.as_deref(), id, now)
    }

    /// Sessions planned and done for the `days` (1-366) local days ending today, with the
    /// score and streaks; see [`mod@crate::schedule::adherence`].
    pub fn adherence(&self, now: DateTime<Utc>, days: i32) -> Result<Adherence> {
        reminders::adherence(&self.db, self.device_zone.as_deref(), now, days)
    }

    /// The current and best streak of days with every planned session done.
    pub fn streaks(&self, now: DateTime<Utc>) -> Result<Streaks> {
        let a = self.adherence(now, 1)?;
        Ok(Streaks { current: a.current_streak, best: a.best_streak })
    }

    // ---- Progress, backup and exports -----------------------------------------------------

    /// Progress over the local dates `from..=to` (default: from the first record to today in
    /// `time_zone`); see [`mod@crate::progress::summary`]. Errors name `from`, `to`
    /// (2000-01-01 to 2099-12-31; `from` after `to` names `from`), `time_zone` or `now`.
    pub fn progress_summary(
        &self,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
        now: DateTime<Utc>,
        time_zone: &str,
    ) -> Result<ProgressSummary> {
        summary::progress_summary(&self.db, from, to, now, time_zone)
    }

    /// Everything stored, as the records of the JSON backup, oldest first, in memory. Exports
    /// stream instead ([`Limber::export_to`]).
    pub fn backup(&self, now: DateTime<Utc>) -> Result<Backup> {
        backup::backup(&self.db, now)
    }

    /// Restores a JSON backup (at most 64 MiB). The whole file is parsed and checked before
    /// anything is written, then applied in one transaction: all of it or none. Records already
    /// there (by id) are skipped, never overwritten. A file from a newer Limber is
    /// [`crate::Error::NewerBackup`]; anything wrong in it is [`crate::Error::Invalid`] naming the field,
    /// e.g. `pain_entries[3].level`.
    pub fn import_backup(&mut self, bytes: &[u8]) -> Result<ImportReport> {
        restore::import(&mut self.db, bytes, &Silent)
    }

    /// [`Limber::import_backup`] from a file or stream of `len` bytes (0 when unknown), read
    /// in pieces, telling `listener` how far it has got (reading, checking, writing) at most a
    /// few times a second. A stream longer than 64 MiB is refused as soon as it passes the
    /// limit.
    pub fn import_backup_from(
        &mut self,
        file: impl Read,
        len: u64,
        listener: &dyn ProgressListener,
    ) -> Result<ImportReport> {
        restore::import_from(&mut self.db, file, len, listener)
    }

    /// A whole export in memory (small histories, tests); [`Limber::export_to`] streams.
    pub fn export(&self, format: ExportFormat, now: DateTime<Utc>, time_zone: &str) -> Result<ExportFile> {
        export::export(&self.db, format, now, time_zone)
    }

    /// Writes an export to `out` as it reads the records (flat memory however long the
    /// history), telling `listener` how far it has got.
    pub fn export_to(
        &self,
        format: ExportFormat,
        now: DateTime<Utc>,
        time_zone: &str,
        out: &mut dyn Write,
        listener: &dyn ProgressListener,
    ) -> Result<ExportFileInfo> {
        export::export_to(&self.db, format, now, time_zone, out, listener)
    }

    /// Everything that can still be read from a damaged database, kind by kind: a kind whose
    /// table is damaged is left out whole and named in [`Rescue::lost`].
    pub fn rescue(&self, now: DateTime<Utc>) -> Result<Rescue> {
        rescue::rescue(&self.db, now)
    }

    /// Deletes every record of every table (settings go back to their defaults) so that
    /// nothing is left in the file or its WAL. Errors: `NotNow` when another connection keeps
    /// the WAL busy (the records are gone; calling again finishes the job).
    pub fn wipe_all_data(&mut self) -> Result<()> {
        crate::store::wipe::wipe_all_data(&mut self.db)
    }

    // ---- For the core's own tests ---------------------------------------------------------

    /// The connection, to look at the rows themselves.
    #[cfg(test)]
    pub(crate) fn conn(&self) -> &rusqlite::Connection {
        self.db.conn()
    }

    /// Whether the morning check of a local date is recorded.
    #[cfg(test)]
    pub(crate) fn has_morning_check(&self, date: NaiveDate) -> Result<bool> {
        crate::store::morning::exists(self.db.conn(), date)
    }
}

#[cfg(test)]
mod tests;
