//! Progress a person can see and data they own, all offline:
//!
//! - [`summary`]: pain per local day, a 7-day rolling mean, the first week against the last
//!   (Farrar 2001, CLINICAL.md §6), sessions per ISO week, the SLR, knee-extension and bridge
//!   series, and the same in plain words for screen readers. `Limber::progress_summary`.
//! - [`chart`]: the summary as one accessible SVG.
//! - [`export`]: CSV (zip), the JSON backup, a FHIR R4 bundle and a clinician report.
//!   `Limber::export`.
//! - [`backup`]: the JSON backup format and its checks; `Limber::import_backup` restores it,
//!   `Limber::wipe_all_data` deletes everything.

pub mod backup;
pub mod chart;
mod crc32;
mod csv_row;
pub(crate) mod csv_zip;
mod decimal_text;
pub mod export;
pub(crate) mod fhir;
pub(crate) mod json_stream;
mod labels;
pub mod listener;
pub mod records;
pub(crate) mod report;
pub mod summary;
mod zip_stream;

pub use backup::{Backup, ImportReport};
pub use export::{ExportFile, ExportFileInfo, ExportFormat};
pub use listener::{ProgressListener, ProgressStage};
pub use summary::{DailyPain, PainChange, PainWindow, ProgressSummary, WeekAdherence};

#[cfg(test)]
mod tests;
