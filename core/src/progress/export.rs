//! Exports: what leaves the phone, only when the person asks.
//!
//! | format   | file                             | what                                            |
//! |----------|----------------------------------|-------------------------------------------------|
//! | `csv`    | `limber-export-<date>.zip`       | one RFC 4180 CSV per kind of record, in a zip    |
//! | `json`   | `limber-backup-<date>.json`      | the JSON backup ([`mod@super::backup`])          |
//! | `fhir`   | `limber-fhir-<date>.json`        | a FHIR R4 Bundle of Observations                 |
//! | `report` | `limber-report-<date>.html`      | one printable page for a clinician               |
//!
//! `<date>` is today's local date in the zone given.

use std::io::Write;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::backup::{FORMAT, FORMAT_VERSION};
use super::json_stream::JsonStream;
use super::labels::utc_text;
use super::listener::Throttled;
use super::records::{Records, Tally};
use crate::Result;
use crate::timestamp::check_instant;
use crate::versions::BACKUP_SCHEMA_VERSION;
use crate::zone::{local_date, parse_tz};

text_enum! {
    /// What kind of file an export makes (the table above).
    pub enum ExportFormat {
        /// One CSV file per kind of record, zipped.
        CsvZip = "csv",
        /// Everything, restorable with `Limber::import_backup`.
        JsonBackup = "json",
        /// Pain and straight leg raise as FHIR R4 Observations.
        FhirBundle = "fhir",
        /// A printable HTML page for a clinician.
        ReportHtml = "report",
    }
}

/// A file for the shell to save or share.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportFile {
    /// `limber-<kind>-<local date>.<ext>`, as [`file_info`] gives it.
    pub file_name: String,
    /// `application/zip`, `application/json`, `application/fhir+json` or `text/html`.
    pub mime_type: String,
    /// The whole file. It holds health data: the shell writes it only where the person chose.
    pub bytes: Vec<u8>,
}

/// The name and type of an export's file, known before it is written (for a document picker
/// or a share sheet).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportFileInfo {
    /// `limber-<kind>-<local date>.<ext>`, e.g. `limber-backup-2026-11-20.json`.
    pub file_name: String,
    /// `application/zip`, `application/json`, `application/fhir+json` or `text/html`.
    pub mime_type: String,
}

/// Writes go out in pieces this large.
pub(crate) const WRITE_BUFFER: usize = 64 * 1024;

/// The file an export in `format` makes on `now`'s local date in `time_zone` (an IANA id).
/// Errors: `Invalid` naming `time_zone` (not an IANA id) or `now` (outside 2000-01-01 to
/// 2099-12-31 UTC).
pub fn file_info(format: ExportFormat, now: DateTime<Utc>, time_zone: &str) -> Result<ExportFileInfo> {
    let tz = parse_tz("time_zone", time_zone)?;
    let day = local_date(tz, check_instant("now", now)?);
    let (name, ext, mime) = match format {
        ExportFormat::CsvZip => ("export", "zip", "application/zip"),
        ExportFormat::JsonBackup => ("backup", "json", "application/json"),
        ExportFormat::FhirBundle => ("fhir", "json", "application/fhir+json"),
        ExportFormat::ReportHtml => ("report", "html", "text/html"),
    };
    Ok(ExportFileInfo { file_name: format!("limber-{name}-{day}.{ext}"), mime_type: mime.to_owned() })
}

/// The JSON backup ([`mod@super::backup`]), record by record: the same bytes as
/// `serde_json::to_vec_pretty` of the whole [`super::Backup`].
pub(crate) fn write_backup(
    records: &dyn Records,
    now: DateTime<Utc>,
    out: &mut dyn Write,
    progress: &mut Throttled<'_>,
) -> Result<()> {
    let mut tally = Tally::new(records.counts()?.all(), progress);
    let mut json = JsonStream::new(out)?;
    json.field("format", &FORMAT)?;
    json.field("format_version", &FORMAT_VERSION)?;
    json.field("schema_version", &BACKUP_SCHEMA_VERSION)?;
    // As the records' moments are written (`rfc3339::serialize_moment`).
    json.field("exported_at", &utc_text(check_instant("now", now)?))?;
    let settings = records.settings()?;
    for _ in 0..(i32::from(settings.routine.is_some()) + i32::from(settings.reminders.is_some())) {
        tally.tick();
    }
    json.field("settings", &settings)?;
    macro_rules! list {
        ($name:literal, $read:ident) => {
            json.begin_list($name)?;
            records.$read(&mut |record| {
                tally.tick();
                json.item(&record)
            })?;
            json.end_list()?;
        };
    }
    list!("pain_entries", pain_entries);
    list!("assessments", assessments);
    list!("check_ins", check_ins);
    list!("morning_checks", morning_checks);
    list!("track_states", track_states);
    list!("progression_events", dose_changes);
    list!("snoozes", snoozes);
    json.finish()?;
    Ok(())
}
