//! Exports: every format written as the records are read (`crate::progress::export`), the
//! report from the progress summary.

use std::io::{BufWriter, Write};

use chrono::{DateTime, Utc};

use super::backup::Stored;
use super::{cached, summary};
use crate::Result;
use crate::ids::new_id;
use crate::progress::export::{
    ExportFile, ExportFileInfo, ExportFormat, WRITE_BUFFER, file_info, write_backup,
};
use crate::progress::listener::{ProgressListener, Silent, Throttled};
use crate::progress::{csv_zip, fhir, report};
use crate::store::Db;

/// Everything stored, in `format`, in memory. `now` stamps the file; local dates and the
/// report are in `time_zone`.
pub(super) fn export(
    db: &Db,
    format: ExportFormat,
    now: DateTime<Utc>,
    time_zone: &str,
) -> Result<ExportFile> {
    let mut bytes = Vec::new();
    let info = export_to(db, format, now, time_zone, &mut bytes, &Silent)?;
    Ok(ExportFile { file_name: info.file_name, mime_type: info.mime_type, bytes })
}

/// Writes the export to `out` as the records are read, one record in memory at a time, so
/// memory stays flat however long the history; `listener` hears how many records are
/// written, at most a few times a second. Errors: an unknown `time_zone`, `now` out of
/// range, the writer's own errors ([`crate::Error::Io`]); what was written before an error
/// is not a whole file.
pub(super) fn export_to(
    db: &Db,
    format: ExportFormat,
    now: DateTime<Utc>,
    time_zone: &str,
    out: &mut dyn Write,
    listener: &dyn ProgressListener,
) -> Result<ExportFileInfo> {
    let info = file_info(format, now, time_zone)?;
    let mut progress = Throttled::new(listener);
    let mut out = BufWriter::with_capacity(WRITE_BUFFER, out);
    // Every kind read from one snapshot: a morning check written meanwhile never appears
    // without its pain entry.
    let _snapshot = db.snapshot()?;
    let records = Stored(db);
    match format {
        ExportFormat::CsvZip => csv_zip::write_to(&records, &mut out, &mut progress)?,
        ExportFormat::JsonBackup => write_backup(&records, now, &mut out, &mut progress)?,
        ExportFormat::FhirBundle => fhir::write_to(&records, now, new_id(), &mut out, &mut progress)?,
        ExportFormat::ReportHtml => {
            let summary = summary::progress_summary(db, None, None, now, time_zone)?;
            out.write_all(report::html(&summary, cached::latest_assessment(db)?.as_ref()).as_bytes())?;
        }
    }
    out.flush()?;
    Ok(info)
}
