//! Progress and the person's data across the FFI: the summary and chart, exports, restore from
//! a backup, and wipe.

use limber_core::assessment::history::MeasurementPoint;
use limber_core::progress::{
    DailyPain, ExportFile, ExportFormat, ImportReport, PainChange, PainWindow, ProgressSummary,
    WeekAdherence, chart,
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
        self.with_store(|s| s.progress_summary(from, to, now, &time_zone))
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
        self.with_store(|s| s.progress_summary(from, to, now, &time_zone).map(|summary| chart::svg(&summary)))
    }

    /// One export file, ready to hand to the share sheet or a document picker.
    pub fn export(
        &self,
        format: ExportFormat,
        now: Timestamp,
        time_zone: String,
    ) -> Result<ExportFile, LimberError> {
        self.with_store(|s| s.export(format, now, &time_zone))
    }

    /// Restores a JSON backup: checked whole before anything is written, then merged by id in
    /// one transaction. A broken or hostile file changes nothing.
    pub fn import_backup(&self, bytes: Vec<u8>) -> Result<ImportReport, LimberError> {
        self.with_store(|s| s.import_backup(&bytes))
    }

    /// Deletes every entry, assessment, check-in and setting, leaving no trace in the file.
    pub fn wipe_all_data(&self) -> Result<(), LimberError> {
        self.with_store(|s| s.wipe_all_data())
    }
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
