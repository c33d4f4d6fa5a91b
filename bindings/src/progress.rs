//! Progress and the person's data across the FFI: the summary and chart, exports, restore from
//! a backup, and wipe.

use std::fs::File;

use limber_core::assessment::history::MeasurementPoint;
use limber_core::progress::{
    DailyPain, ExportFile, ExportFileInfo, ExportFormat, ImportReport, PainChange, PainWindow, ProgressStage,
    ProgressSummary, WeekAdherence, chart, export,
};

use crate::error::LimberError;
use crate::limber::Limber;
use crate::routine::LocalDate;
use crate::types::Timestamp;

#[uniffi::export]
impl Limber {
    /// Pain per local day with a 7-day rolling mean, the baseline week and the change against it
    /// (meaningful at a fall of 2 points or 30%), sessions per week, and the SLR, knee-extension
    /// and bridge series. `from`/`to` are inclusive local dates (`YYYY-MM-DD`); null for all.
    pub fn progress_summary(
        &self,
        from: Option<LocalDate>,
        to: Option<LocalDate>,
        time_zone: String,
        now: Timestamp,
    ) -> Result<ProgressSummary, LimberError> {
        self.with_core(|s| s.progress_summary(from, to, now, &time_zone))
    }

    /// The progress chart as SVG (pain line, sessions bars, SLR points), with a title and a text
    /// description for screen readers. Show it as is, or draw your own from the summary.
    pub fn progress_chart_svg(
        &self,
        from: Option<LocalDate>,
        to: Option<LocalDate>,
        time_zone: String,
        now: Timestamp,
    ) -> Result<String, LimberError> {
        self.with_core(|s| s.progress_summary(from, to, now, &time_zone).map(|summary| chart::svg(&summary)))
    }

    /// One export file in memory, ready to hand to the share sheet. Long histories make large
    /// files: prefer [`Limber::export_to_path`] / [`Limber::export_to_fd`], which stream.
    pub fn export(
        &self,
        format: ExportFormat,
        now: Timestamp,
        time_zone: String,
    ) -> Result<ExportFile, LimberError> {
        self.with_core(|s| s.export(format, now, &time_zone))
    }

    /// Writes the export to the file at `path` (created or truncated), record by record, so
    /// memory stays flat however long the history. `listener` hears how many records are
    /// written, at most 4 times a second, on the calling thread. Name the file with
    /// [`export_file_info`] first.
    pub fn export_to_path(
        &self,
        format: ExportFormat,
        now: Timestamp,
        time_zone: String,
        path: String,
        listener: Box<dyn ProgressListener>,
    ) -> Result<ExportFileInfo, LimberError> {
        let listener = Heard(listener);
        self.with_core(|s| {
            // Bad arguments are refused before the file is made.
            export::file_info(format, now, &time_zone)?;
            let mut file = File::create(&path)?;
            let info = s.export_to(format, now, &time_zone, &mut file, &listener)?;
            file.sync_all()?;
            Ok(info)
        })
    }

    /// [`Limber::export_to_path`] into an open, writable file descriptor (Android:
    /// `ParcelFileDescriptor.fd` from the document picker's `openFileDescriptor(uri, "w")`).
    /// The descriptor stays the caller's: Limber writes through its own duplicate and closes
    /// that; close yours afterwards.
    pub fn export_to_fd(
        &self,
        format: ExportFormat,
        now: Timestamp,
        time_zone: String,
        fd: i32,
        listener: Box<dyn ProgressListener>,
    ) -> Result<ExportFileInfo, LimberError> {
        let listener = Heard(listener);
        self.with_core(|s| {
            let mut file = file_from_fd(fd)?;
            let info = s.export_to(format, now, &time_zone, &mut file, &listener)?;
            // A pipe or socket cannot be synced; a file can, and must be.
            let _ = file.sync_all();
            Ok(info)
        })
    }

    /// Restores a JSON backup: checked whole before anything is written, then merged by id in
    /// one transaction. A broken or hostile file changes nothing.
    pub fn import_backup(&self, bytes: Vec<u8>) -> Result<ImportReport, LimberError> {
        self.with_core(|s| s.import_backup(&bytes))
    }

    /// [`Limber::import_backup`] from the file at `path`, read in pieces; `listener` hears
    /// reading (bytes), checking and writing (records), at most 4 times a second, on the
    /// calling thread.
    pub fn import_backup_from_path(
        &self,
        path: String,
        listener: Box<dyn ProgressListener>,
    ) -> Result<ImportReport, LimberError> {
        let listener = Heard(listener);
        self.with_core(|s| {
            let file = File::open(&path)?;
            let len = file.metadata()?.len();
            s.import_backup_from(file, len, &listener)
        })
    }

    /// [`Limber::import_backup_from_path`] from an open, readable file descriptor (Android:
    /// `openFileDescriptor(uri, "r")`). The descriptor stays the caller's.
    pub fn import_backup_from_fd(
        &self,
        fd: i32,
        listener: Box<dyn ProgressListener>,
    ) -> Result<ImportReport, LimberError> {
        let listener = Heard(listener);
        self.with_core(|s| {
            let file = file_from_fd(fd)?;
            // A pipe has no length: the bar then shows bytes read without an end.
            let len = file.metadata().map(|m| if m.is_file() { m.len() } else { 0 }).unwrap_or(0);
            s.import_backup_from(file, len, &listener)
        })
    }

    /// Deletes every entry, assessment, check-in and setting, leaving no trace in the file.
    pub fn wipe_all_data(&self) -> Result<(), LimberError> {
        self.with_core(|s| s.wipe_all_data())
    }
}

/// The file name and MIME type an export will have, before it is written: for the document
/// picker's suggested name (Android `CreateDocument`, iOS `fileExporter`).
#[uniffi::export]
pub fn export_file_info(
    format: ExportFormat,
    now: Timestamp,
    time_zone: String,
) -> Result<ExportFileInfo, LimberError> {
    crate::error::guard(|| export::file_info(format, now, &time_zone))
}

/// Told how far a long export or restore has got. Called on the thread that made the call, at
/// most 4 times a second, plus once when each stage starts and when it ends: post to the UI
/// thread from here. `total` is 0 when unknown (a stream of unknown length).
#[uniffi::export(callback_interface)]
pub trait ProgressListener: Send + Sync {
    /// `done` of `total` units of `stage` (bytes while reading, records while checking and
    /// writing); `done` never goes down within a stage nor passes a known `total`.
    fn on_progress(&self, stage: ProgressStage, done: i64, total: i64);
}

/// The shell's listener seen by the core.
struct Heard(Box<dyn ProgressListener>);

impl limber_core::progress::ProgressListener for Heard {
    fn on_progress(&self, stage: ProgressStage, done: i64, total: i64) {
        self.0.on_progress(stage, done, total);
    }
}

/// An owned duplicate of the caller's descriptor: closing it leaves the caller's open.
#[cfg(unix)]
fn file_from_fd(fd: i32) -> limber_core::Result<File> {
    use std::os::fd::BorrowedFd;
    if fd < 0 {
        return Err(limber_core::Error::invalid("fd", "an open file descriptor (0 or more)"));
    }
    // SAFETY: the descriptor is only borrowed for the duplication (`dup` with close-on-exec);
    // a descriptor that is not open makes `dup` fail with EBADF, which is returned as an error.
    let borrowed = unsafe { BorrowedFd::borrow_raw(fd) };
    Ok(File::from(borrowed.try_clone_to_owned()?))
}

#[cfg(not(unix))]
fn file_from_fd(_fd: i32) -> limber_core::Result<File> {
    Err(limber_core::Error::invalid("fd", "a path: file descriptors are for Android and iOS"))
}

#[uniffi::remote(Enum)]
pub enum ProgressStage {
    Reading,
    Checking,
    Writing,
}

#[uniffi::remote(Record)]
pub struct ExportFileInfo {
    pub file_name: String,
    pub mime_type: String,
}

#[uniffi::remote(Enum)]
pub enum ExportFormat {
    CsvZip,
    JsonBackup,
    FhirBundle,
    ReportHtml,
}

#[uniffi::remote(Record)]
pub struct ExportFile {
    pub file_name: String,
    pub mime_type: String,
    pub bytes: Vec<u8>,
}

#[uniffi::remote(Record)]
pub struct ImportReport {
    pub added: i32,
    pub skipped: i32,
    pub summary: Vec<String>,
}

#[uniffi::remote(Record)]
pub struct DailyPain {
    pub date: LocalDate,
    pub mean: f64,
    pub min: i32,
    pub max: i32,
    pub count: i32,
    pub rolling_mean_7d: f64,
}

#[uniffi::remote(Record)]
pub struct PainWindow {
    pub first_day: LocalDate,
    pub last_day: LocalDate,
    pub days: i32,
    pub mean: f64,
}

#[uniffi::remote(Record)]
pub struct PainChange {
    pub baseline: PainWindow,
    pub recent: PainWindow,
    pub points: f64,
    pub percent: Option<f64>,
    pub meaningful: bool,
}

#[uniffi::remote(Record)]
pub struct WeekAdherence {
    pub week_start: LocalDate,
    pub iso_year: i32,
    pub iso_week: i32,
    pub planned: i32,
    pub done: i32,
    pub percent: Option<i32>,
}

#[uniffi::remote(Record)]
pub struct ProgressSummary {
    pub from: LocalDate,
    pub to: LocalDate,
    pub time_zone: String,
    pub generated_at: Timestamp,
    pub pain_entries: i32,
    pub days: Vec<DailyPain>,
    pub baseline: Option<PainWindow>,
    pub change: Option<PainChange>,
    pub weeks: Vec<WeekAdherence>,
    pub sessions_planned: i32,
    pub sessions_done: i32,
    pub slr: Vec<MeasurementPoint>,
    pub ake: Vec<MeasurementPoint>,
    pub bridge: Vec<MeasurementPoint>,
    pub description: String,
}
