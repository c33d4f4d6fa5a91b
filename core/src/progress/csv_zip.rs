//! The CSV export: one RFC 4180 file (CRLF, quotes only where needed, quotes doubled) per kind
//! of record, zipped with deflate. Times appear twice: in UTC and at the offset the person was
//! at (RFC 3339), so a spreadsheet can sort by one and show the other.
//!
//! Every cell is safe to open in a spreadsheet: text that starts with `=`, `+`, `-`, `@`, a tab
//! or a carriage return would be run as a formula (a note `=1+1`, or worse `=HYPERLINK(..)`), so
//! it gets a leading `'` ([`neutralise_cell`], the OWASP rule for CSV injection). Plain numbers
//! such as a negative offset `-300` are left as they are. JSON and FHIR keep the text as typed.

use std::borrow::Cow;
use std::io::Write;

use uuid::Uuid;

use super::backup::{AssessmentRecord, CheckInExerciseRecord, CheckInRecord, DoseChangeRecord, PainRecord};
use super::csv_row::write_record;
use super::labels::{local_text, unit, utc_text};
use super::listener::Throttled;
use super::records::{Records, Tally};
use super::zip_stream::ZipStream;
use crate::assessment::history::MeasurementPoint;
use crate::pain::SitePain;
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
    "dose_changes.csv",
];

/// Writes the zip as the records are read: each CSV file is compressed row by row into `out`
/// (a stream: sizes follow each file's data, so `out` need not seek), one record in memory at
/// a time.
pub(crate) fn write_to(
    records: &dyn Records,
    out: &mut dyn Write,
    progress: &mut Throttled<'_>,
) -> Result<()> {
    let counts = records.counts()?;
    // Pain entries and check-ins are read twice (their sites and exercises are files of their own).
    let total = 2 * counts.pain_entries
        + 2 * counts.check_ins
        + 2 * counts.assessments
        + counts.morning_checks
        + counts.dose_changes;
    let mut tally = Tally::new(total, progress);
    let mut zip = ZipStream::new(out);
    // Each assessment's UTC offset, for its measurements' local times.
    let mut offsets: Vec<(Uuid, i32)> = Vec::new();
    for name in FILES {
        zip.file(name, |w| -> Result<()> {
            // Every row as wide as its file's header, as a strict CSV writer holds it.
            let columns = std::cell::Cell::new(0);
            let header = |w: &mut dyn Write, fields: &[&str]| {
                columns.set(fields.len());
                write_record(w, fields).map_err(csv_error)
            };
            // Every data cell neutralised (the headers are ours).
            let row = |w: &mut dyn Write, fields: &[String]| {
                if fields.len() != columns.get() {
                    return Err(Error::Internal("a CSV row not as wide as its header"));
                }
                write_record(w, fields.iter().map(|cell| neutralise_cell(cell))).map_err(csv_error)
            };
            match *name {
                "pain_entries.csv" => {
                    header(w, PAIN_ENTRIES)?;
                    records.pain_entries(&mut |p| {
                        tally.tick();
                        row(w, &pain_entry(&p))
                    })?;
                }
                "pain_sites.csv" => {
                    header(w, PAIN_SITES)?;
                    records.pain_entries(&mut |p| {
                        tally.tick();
                        p.sites.iter().try_for_each(|site| row(w, &pain_site(&p, site)))
                    })?;
                }
                "check_ins.csv" => {
                    header(w, CHECK_INS)?;
                    records.check_ins(&mut |c| {
                        tally.tick();
                        row(w, &check_in(&c))
                    })?;
                }
                "check_in_exercises.csv" => {
                    header(w, CHECK_IN_EXERCISES)?;
                    records.check_ins(&mut |c| {
                        tally.tick();
                        c.exercises.iter().try_for_each(|e| row(w, &check_in_exercise(&c, e)))
                    })?;
                }
                "morning_checks.csv" => {
                    header(w, MORNING_CHECKS)?;
                    records.morning_checks(&mut |m| {
                        tally.tick();
                        row(w, &[m.local_date.to_string(), m.pain.to_string(), m.pain_entry_id.to_string()])
                    })?;
                }
                "assessments.csv" => {
                    header(w, ASSESSMENTS)?;
                    records.assessments(&mut |a| {
                        tally.tick();
                        offsets.push((a.id, a.utc_offset_minutes));
                        row(w, &assessment(&a)?)
                    })?;
                }
                "measurements.csv" => {
                    header(w, MEASUREMENTS)?;
                    crate::sort::sort_by_key(&mut offsets, |(id, _)| *id);
                    for p in records.measurements()? {
                        row(w, &measurement(&p, offset_of(&offsets, p.assessment_id)))?;
                    }
                    for _ in 0..counts.assessments {
                        tally.tick();
                    }
                }
                "dose_changes.csv" => {
                    header(w, DECISIONS)?;
                    records.dose_changes(&mut |e| {
                        tally.tick();
                        row(w, &decision(&e))
                    })?;
                }
                _ => return Err(Error::Internal("writing a CSV file the archive does not list")),
            }
            // As the csv crate's writer did at the end of each file (deflate's sync point).
            w.flush().map_err(csv_error)
        })
        .map_err(|e| match e {
            Error::Io(e) => csv_error(e),
            e => e,
        })?;
    }
    zip.finish().map_err(csv_error)?.flush().map_err(csv_error)?;
    Ok(())
}

/// The writer's errors (a full disk, a closed descriptor, an archive past zip's 32-bit limits)
/// keep their kind; the underlying error is dropped unread, as it could quote a cell.
fn csv_error(e: std::io::Error) -> Error {
    Error::Io(std::io::Error::from(e.kind()))
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

const PAIN_ENTRIES: &[&str] = &[
    "id",
    "recorded_at_utc",
    "recorded_at_local",
    "utc_offset_minutes",
    "local_date",
    "level",
    "context",
    "note",
];

fn pain_entry(p: &PainRecord) -> [String; 8] {
    [
        p.id.to_string(),
        utc_text(p.recorded_at),
        local_text(p.recorded_at, p.utc_offset_minutes),
        p.utc_offset_minutes.to_string(),
        timestamp::local(p.recorded_at, p.utc_offset_minutes).date_naive().to_string(),
        p.level.to_string(),
        p.context.to_string(),
        opt(p.note.as_ref()),
    ]
}

const PAIN_SITES: &[&str] = &["pain_entry_id", "site", "side", "level"];

fn pain_site(p: &PainRecord, s: &SitePain) -> [String; 4] {
    [p.id.to_string(), s.site.to_string(), opt(s.side), s.level.to_string()]
}

const CHECK_INS: &[&str] = &[
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
];

fn check_in(c: &CheckInRecord) -> [String; 10] {
    [
        c.id.to_string(),
        c.local_date.to_string(),
        c.session.to_string(),
        utc_text(c.at),
        local_text(c.at, c.utc_offset_minutes),
        c.utc_offset_minutes.to_string(),
        opt(c.pain_before),
        opt(c.pain_after),
        c.exercises.iter().any(|e| e.symptoms_spread).to_string(),
        opt(c.note.as_ref()),
    ]
}

const CHECK_IN_EXERCISES: &[&str] = &[
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
];

fn check_in_exercise(c: &CheckInRecord, e: &CheckInExerciseRecord) -> [String; 12] {
    [
        c.id.to_string(),
        c.local_date.to_string(),
        c.session.to_string(),
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
}

const MORNING_CHECKS: &[&str] = &["local_date", "pain", "pain_entry_id"];

const ASSESSMENTS: &[&str] = &[
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
];

fn assessment(a: &AssessmentRecord) -> Result<[String; 21]> {
    let r = a.result.as_ref();
    let join = |items: Vec<String>| items.join(";");
    let answers = &a.answers;
    Ok([
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
        crate::compact_json(answers).map_err(super::json_stream::json_bug)?,
    ])
}

const MEASUREMENTS: &[&str] = &[
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
];

/// The UTC offset in minutes of assessment `id` in `offsets` (sorted by id, stably: of equal
/// ids the last read counts, as in a map); 0 for an id not there.
fn offset_of(offsets: &[(Uuid, i32)], id: Uuid) -> i32 {
    let after = offsets.partition_point(|(k, _)| *k <= id);
    match after.checked_sub(1).map(|k| offsets[k]) {
        Some((k, offset)) if k == id => offset,
        _ => 0,
    }
}

/// `offset`: the assessment's own UTC offset, for the local time.
fn measurement(p: &MeasurementPoint, offset: i32) -> [String; 10] {
    [
        p.assessment_id.to_string(),
        utc_text(p.taken_at),
        local_text(p.taken_at, offset),
        p.test.to_string(),
        p.side.to_string(),
        p.value.to_string(),
        unit(p.test).to_owned(),
        opt(p.measured_by),
        opt(p.change),
        p.real_change.to_string(),
    ]
}

const DECISIONS: &[&str] = &[
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
];

fn decision(e: &DoseChangeRecord) -> [String; 10] {
    [
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

#[cfg(test)]
mod offset_tests {
    use std::collections::HashMap;

    use proptest::prelude::*;

    use super::*;

    proptest! {
        /// The offset a map of the assessments read gave, last read first, for ids there or not
        /// (few ids, so repeats and misses come often).
        #[test]
        fn as_a_map_of_the_assessments_read(
            read in prop::collection::vec((0u128..6, any::<i32>()), 0..30),
            asked in prop::collection::vec(0u128..8, 0..10),
        ) {
            let mut map = HashMap::new();
            let mut offsets = Vec::new();
            for &(id, offset) in &read {
                map.insert(Uuid::from_u128(id), offset);
                offsets.push((Uuid::from_u128(id), offset));
            }
            crate::sort::sort_by_key(&mut offsets, |(id, _)| *id);
            for id in asked.into_iter().map(Uuid::from_u128) {
                prop_assert_eq!(offset_of(&offsets, id), map.get(&id).copied().unwrap_or(0));
            }
        }
    }
}
