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

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{csv_zip, fhir, report};
use crate::Result;
use crate::assessment::history::MeasuredTest;
use crate::store::Store;
use crate::timestamp::check_instant;
use crate::zone::{local_date, parse_tz};

text_enum! {
    pub enum ExportFormat {
        /// One CSV file per kind of record, zipped.
        CsvZip = "csv",
        /// Everything, restorable with `Store::import_backup`.
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
    pub file_name: String,
    pub mime_type: String,
    pub bytes: Vec<u8>,
}

impl Store {
    /// Everything stored, in `format`. `now` stamps the file; local dates and the report are
    /// in `time_zone`.
    pub fn export(&self, format: ExportFormat, now: DateTime<Utc>, time_zone: &str) -> Result<ExportFile> {
        let tz = parse_tz("time_zone", time_zone)?;
        let now = check_instant("now", now)?;
        let day = local_date(tz, now);
        let file = |name: &str, ext: &str, mime: &str, bytes: Vec<u8>| ExportFile {
            file_name: format!("limber-{name}-{day}.{ext}"),
            mime_type: mime.to_owned(),
            bytes,
        };
        Ok(match format {
            ExportFormat::CsvZip => {
                let mut points = Vec::new();
                for test in MeasuredTest::ALL {
                    points.extend(self.measurement_series(*test)?);
                }
                file("export", "zip", "application/zip", csv_zip::write(&self.backup(now)?, &points)?)
            }
            ExportFormat::JsonBackup => {
                let json = serde_json::to_vec_pretty(&self.backup(now)?).map_err(json_bug)?;
                file("backup", "json", "application/json", json)
            }
            ExportFormat::FhirBundle => {
                let json =
                    serde_json::to_vec_pretty(&fhir::bundle(&self.backup(now)?, now)).map_err(json_bug)?;
                file("fhir", "json", "application/fhir+json", json)
            }
            ExportFormat::ReportHtml => {
                let summary = self.progress_summary(None, None, now, time_zone)?;
                let html = report::html(&summary, self.latest_assessment()?.as_ref());
                file("report", "html", "text/html", html.into_bytes())
            }
        })
    }
}

/// Serialising our own types cannot fail; if it ever does, it is a bug, not bad input.
pub(crate) fn json_bug(_: serde_json::Error) -> crate::Error {
    crate::Error::Internal("encoding an export as JSON")
}
