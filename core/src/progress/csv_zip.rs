//! The CSV export: one RFC 4180 file (CRLF, quotes only where needed, quotes doubled) per kind
//! of record, zipped with deflate. Times appear twice: in UTC and at the offset the person was
//! at (RFC 3339), so a spreadsheet can sort by one and show the other.
//!
//! Every cell is safe to open in a spreadsheet: text that starts with `=`, `+`, `-`, `@`, a tab
//! or a carriage return would be run as a formula (a note `=1+1`, or worse `=HYPERLINK(..)`), so
//! it gets a leading `'` ([`neutralise_cell`], the OWASP rule for CSV injection). Plain numbers
//! such as a negative offset `-300` are left as they are. JSON and FHIR keep the text as typed.

use std::borrow::Cow;
use std::collections::HashMap;
use std::io::{Cursor, Write};

use uuid::Uuid;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use super::backup::Backup;
use super::labels::{local_text, unit, utc_text};
use crate::assessment::history::MeasurementPoint;
use crate::timestamp;
use crate::{Error, Result};

/// The files in the zip, in order.
pub const FILES: &[&str] = &[
    "pain_entries.csv",
    "pain_sites.csv",
    "check_ins.csv",
    "check_in_exercises.csv",
    "morning_checks.csv",
    "assessments.csv",
    "measurements.csv",
    "progression_decisions.csv",
];

pub(crate) fn write(b: &Backup, points: &[MeasurementPoint]) -> Result<Vec<u8>> {
    let tables = [
        pain_entries(b)?,
        pain_sites(b)?,
        check_ins(b)?,
        check_in_exercises(b)?,
        morning_checks(b)?,
        assessments(b)?,
        measurements(b, points)?,
        decisions(b)?,
    ];
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for (name, bytes) in FILES.iter().zip(tables) {
        zip.start_file(*name, options).map_err(zip_error)?;
        // Into memory: a failure here is a bug, not the disk.
        zip.write_all(&bytes).map_err(|_| Error::Internal("writing the CSV archive"))?;
    }
    Ok(zip.finish().map_err(zip_error)?.into_inner())
}

/// The archive is built in memory: a zip or CSV failure is a bug, not the disk.
fn zip_error(_: zip::result::ZipError) -> Error {
    Error::Internal("writing the CSV archive")
}

fn csv_error(_: csv::Error) -> Error {
    Error::Internal("writing a CSV table")
}

fn table(header: &[&str], rows: impl IntoIterator<Item = Vec<String>>) -> Result<Vec<u8>> {
    let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    w.write_record(header).map_err(csv_error)?;
    for row in rows {
        w.write_record(row.iter().map(|cell| neutralise_cell(cell).into_owned())).map_err(csv_error)?;
    }
    w.into_inner().map_err(|_| Error::Internal("writing a CSV table"))
}

/// A CSV cell as it is safe to open in a spreadsheet (OWASP, CSV injection): text starting with
/// `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, so the spreadsheet shows it
/// as text instead of running it as a formula. A plain number (`-300`, `-1.5`) is a number, not a
/// formula, and is left as it is.
pub fn neutralise_cell(cell: &str) -> Cow<'_, str> {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && !is_plain_number(cell) { Cow::Owned(format!("'{cell}")) } else { Cow::Borrowed(cell) }
}

/// `-?digits(.digits)?`: what a spreadsheet reads as a number and nothing else.
fn is_plain_number(cell: &str) -> bool {
    let digits = cell.strip_prefix('-').unwrap_or(cell);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
    let all_digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    all_digits(whole) && all_digits(fraction)
}

fn opt<T: ToString>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

fn pain_entries(b: &Backup) -> Result<Vec<u8>> {
    table(
        &[
            "id",
            "recorded_at_utc",
            "recorded_at_local",
            "utc_offset_minutes",
            "local_date",
            "level",
            "context",
            "note",
        ],
        b.pain_entries.iter().map(|p| {
            vec![
                p.id.to_string(),
                utc_text(p.recorded_at),
                local_text(p.recorded_at, p.utc_offset_minutes),
                p.utc_offset_minutes.to_string(),
                timestamp::local(p.recorded_at, p.utc_offset_minutes).date_naive().to_string(),
                p.level.to_string(),
                p.context.to_string(),
                opt(p.note.as_ref()),
            ]
        }),
    )
}

fn pain_sites(b: &Backup) -> Result<Vec<u8>> {
    table(
        &["pain_entry_id", "site", "side", "level"],
        b.pain_entries.iter().flat_map(|p| {
            p.sites
                .iter()
                .map(|s| vec![p.id.to_string(), s.site.to_string(), opt(s.side), s.level.to_string()])
        }),
    )
}

fn check_ins(b: &Backup) -> Result<Vec<u8>> {
    table(
        &[
            "id",
            "local_date",
            "session",
            "at_utc",
            "at_local",
            "utc_offset_minutes",
            "pain_before",
            "pain_after",
            "symptoms_spread",
            "note",
        ],
        b.check_ins.iter().map(|c| {
            vec![
                c.id.to_string(),
                c.local_date.to_string(),
                c.slot.to_string(),
                utc_text(c.at),
                local_text(c.at, c.utc_offset_minutes),
                c.utc_offset_minutes.to_string(),
                opt(c.pain_before),
                opt(c.pain_after),
                c.exercises.iter().any(|e| e.symptoms_spread).to_string(),
                opt(c.note.as_ref()),
            ]
        }),
    )
}

fn check_in_exercises(b: &Backup) -> Result<Vec<u8>> {
    table(
        &[
            "check_in_id",
            "local_date",
            "session",
            "exercise",
            "done",
            "skip_reason",
            "hold_seconds",
            "reps",
            "sets",
            "pain_during",
            "symptoms_spread",
            "light",
        ],
        b.check_ins.iter().flat_map(|c| {
            c.exercises.iter().map(|e| {
                vec![
                    c.id.to_string(),
                    c.local_date.to_string(),
                    c.slot.to_string(),
                    e.exercise.to_string(),
                    e.done.to_string(),
                    opt(e.skip_reason),
                    opt(e.hold_seconds),
                    opt(e.reps),
                    opt(e.sets),
                    opt(e.pain_during),
                    e.symptoms_spread.to_string(),
                    opt(e.light),
                ]
            })
        }),
    )
}

fn morning_checks(b: &Backup) -> Result<Vec<u8>> {
    table(
        &["local_date", "pain", "pain_entry_id"],
        b.morning_checks
            .iter()
            .map(|m| vec![m.local_date.to_string(), m.pain.to_string(), m.pain_entry_id.to_string()]),
    )
}

fn assessments(b: &Backup) -> Result<Vec<u8>> {
    let mut rows = Vec::new();
    for a in &b.assessments {
        let r = a.result.as_ref();
        let join = |items: Vec<String>| items.join(";");
        let answers = &a.answers;
        rows.push(vec![
            a.id.to_string(),
            utc_text(a.taken_at),
            local_text(a.taken_at, a.utc_offset_minutes),
            a.utc_offset_minutes.to_string(),
            opt(r.map(|r| r.triage.tier)),
            join(r.map(|r| r.triage.flags.iter().map(|f| f.id.clone()).collect()).unwrap_or_default()),
            join(r.map(|r| r.gates.iter().map(|g| g.id.to_string()).collect()).unwrap_or_default()),
            join(
                r.map(|r| r.patterns.iter().map(|p| format!("{}:{}", p.id, p.confidence)).collect())
                    .unwrap_or_default(),
            ),
            opt(r.and_then(|r| r.strain_phase)),
            opt(r.map(|r| r.plan_allowed)),
            opt(r.map(|r| r.pain_ceiling)),
            answers.age.to_string(),
            opt(answers.pain_now),
            opt(answers.slr.as_ref().and_then(|s| s.left_deg)),
            opt(answers.slr.as_ref().and_then(|s| s.right_deg)),
            opt(answers.slr.as_ref().and_then(|s| s.measured_by)),
            opt(answers.ake.as_ref().and_then(|k| k.left_deficit_deg)),
            opt(answers.ake.as_ref().and_then(|k| k.right_deficit_deg)),
            opt(answers.bridge.as_ref().and_then(|k| k.left_reps)),
            opt(answers.bridge.as_ref().and_then(|k| k.right_reps)),
            serde_json::to_string(answers).map_err(super::export::json_bug)?,
        ]);
    }
    table(
        &[
            "id",
            "taken_at_utc",
            "taken_at_local",
            "utc_offset_minutes",
            "triage_tier",
            "triage_flags",
            "gates",
            "patterns",
            "strain_phase",
            "plan_allowed",
            "pain_ceiling",
            "age",
            "pain_now",
            "slr_left_deg",
            "slr_right_deg",
            "slr_measured_by",
            "ake_left_deficit_deg",
            "ake_right_deficit_deg",
            "bridge_left_reps",
            "bridge_right_reps",
            "answers_json",
        ],
        rows,
    )
}

fn measurements(b: &Backup, points: &[MeasurementPoint]) -> Result<Vec<u8>> {
    let offsets: HashMap<Uuid, i32> = b.assessments.iter().map(|a| (a.id, a.utc_offset_minutes)).collect();
    table(
        &[
            "assessment_id",
            "taken_at_utc",
            "taken_at_local",
            "test",
            "side",
            "value",
            "unit",
            "measured_by",
            "change",
            "real_change",
        ],
        points.iter().map(|p| {
            vec![
                p.assessment_id.to_string(),
                utc_text(p.taken_at),
                local_text(p.taken_at, offsets.get(&p.assessment_id).copied().unwrap_or(0)),
                p.test.to_string(),
                p.side.to_string(),
                p.value.to_string(),
                unit(p.test).to_owned(),
                opt(p.measured_by),
                opt(p.change),
                p.real_change.to_string(),
            ]
        }),
    )
}

fn decisions(b: &Backup) -> Result<Vec<u8>> {
    table(
        &[
            "id",
            "at_utc",
            "local_date",
            "track",
            "decision",
            "from_exercise",
            "from_dose",
            "to_exercise",
            "to_dose",
            "reason",
        ],
        b.progression_events.iter().map(|e| {
            vec![
                e.id.to_string(),
                utc_text(e.at),
                e.local_date.to_string(),
                e.track.clone(),
                e.decision.to_string(),
                e.from.exercise.to_string(),
                e.from.dose.summary(),
                e.to.exercise.to_string(),
                e.to.dose.summary(),
                e.reason.clone(),
            ]
        }),
    )
}

#[cfg(test)]
mod injection_tests {
    use super::*;

    #[test]
    fn cells_a_spreadsheet_would_run_get_a_leading_quote() {
        // Issue 14: notes that a spreadsheet runs as formulas.
        for (note, safe) in [
            ("=1+1", "'=1+1"),
            ("+1+1", "'+1+1"),
            ("-1+1", "'-1+1"),
            ("@SUM(1+1)", "'@SUM(1+1)"),
            ("\t=1+1", "'\t=1+1"),
            ("\r=1+1", "'\r=1+1"),
            ("=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")"),
            ("-", "'-"),
            ("-.5", "'-.5"),
        ] {
            assert_eq!(neutralise_cell(note), safe, "{note:?}");
        }
    }

    #[test]
    fn ordinary_text_and_plain_numbers_are_left_alone() {
        for cell in
            ["long drive", "", "4", "-300", "-1.5", "0.25", "2026-11-20T08:30:00-05:00", "a=b", "'quoted"]
        {
            assert_eq!(neutralise_cell(cell), cell);
        }
    }
}
