//! Exports stream: written record by record, they are byte for byte what the whole file built
//! in memory would be, and a writer that fails stops them with a typed error.

use std::cell::RefCell;
use std::io::{Read, Write};

use super::progress::{at, populated};
use crate::Error;
use crate::progress::listener::{ProgressListener, ProgressStage, Silent};
use crate::progress::{ExportFormat, fhir};

#[derive(Default)]
struct Heard(RefCell<Vec<(ProgressStage, i64, i64)>>);

impl ProgressListener for Heard {
    fn on_progress(&self, stage: ProgressStage, done: i64, total: i64) {
        self.0.borrow_mut().push((stage, done, total));
    }
}

#[test]
fn the_streamed_backup_is_the_whole_backup_pretty_printed() {
    let (_dir, store) = populated();
    let now = at(21, 12);
    let heard = Heard::default();
    let mut streamed = Vec::new();
    let info =
        store.export_to(ExportFormat::JsonBackup, now, "Europe/London", &mut streamed, &heard).unwrap();
    assert!(info.file_name.starts_with("limber-backup-") && info.file_name.ends_with(".json"), "{info:?}");
    let whole = serde_json::to_vec_pretty(&store.backup(now).unwrap()).unwrap();
    assert_eq!(String::from_utf8(streamed).unwrap(), String::from_utf8(whole).unwrap());
    let heard = heard.0.into_inner();
    let total = heard[0].2;
    assert!(total > 50, "{heard:?}");
    assert_eq!(heard.first(), Some(&(ProgressStage::Writing, 0, total)));
    assert_eq!(heard.last(), Some(&(ProgressStage::Writing, total, total)));
}

#[test]
fn the_streamed_fhir_bundle_is_the_whole_bundle_pretty_printed() {
    let (_dir, store) = populated();
    let now = at(21, 12);
    let mut streamed = Vec::new();
    store.export_to(ExportFormat::FhirBundle, now, "Europe/London", &mut streamed, &Silent).unwrap();
    let id: serde_json::Value = serde_json::from_slice::<serde_json::Value>(&streamed).unwrap()["id"].clone();
    let id = uuid::Uuid::parse_str(id.as_str().unwrap()).unwrap();
    let whole = serde_json::to_vec_pretty(&fhir::bundle(&store.backup(now).unwrap(), now, id)).unwrap();
    assert_eq!(String::from_utf8(streamed).unwrap(), String::from_utf8(whole).unwrap());
}

#[test]
fn the_streamed_csv_zip_holds_every_row_of_every_table() {
    let (_dir, store) = populated();
    let mut zip = Vec::new();
    store.export_to(ExportFormat::CsvZip, at(21, 12), "Europe/London", &mut zip, &Silent).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip)).unwrap();
    let count = |table: &str| -> usize {
        store.conn().query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get::<_, i64>(0)).unwrap()
            as usize
    };
    let expected = [
        ("pain_entries.csv", count("pain_entry")),
        ("pain_sites.csv", count("pain_site")),
        ("check_ins.csv", count("checkin")),
        ("check_in_exercises.csv", count("checkin_exercise")),
        ("morning_checks.csv", count("morning_check")),
        ("assessments.csv", count("assessment")),
        ("measurements.csv", count("measurement")),
        ("dose_changes.csv", count("dose_change")),
    ];
    for (name, rows) in expected {
        assert!(rows > 0, "{name} has rows to export");
        let mut text = String::new();
        archive.by_name(name).unwrap().read_to_string(&mut text).unwrap();
        let records = csv::Reader::from_reader(text.as_bytes()).records().map(Result::unwrap).count();
        assert_eq!(records, rows, "{name}");
    }
}

/// Accepts `room` bytes, then fails like a full disk.
struct Full {
    room: usize,
}

impl Write for Full {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.room == 0 {
            return Err(std::io::Error::new(std::io::ErrorKind::StorageFull, "no space left"));
        }
        let n = buf.len().min(self.room);
        self.room -= n;
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn a_writer_that_fails_stops_every_format_with_a_file_error() {
    let (_dir, store) = populated();
    for format in ExportFormat::ALL {
        let whole = store.export(*format, at(21, 12), "Europe/London").unwrap().bytes.len();
        for room in [0, 100, whole - 1] {
            let result = store.export_to(*format, at(21, 12), "Europe/London", &mut Full { room }, &Silent);
            assert!(matches!(result, Err(Error::Io(_))), "{format:?} with {room} bytes of room: {result:?}");
        }
    }
}

#[test]
fn compact_json_writes_every_record_as_to_string_does() {
    let (_dir, store) = populated();
    let backup = store.rescue(at(21, 12)).unwrap().backup;
    assert!(
        !backup.assessments.is_empty() && !backup.check_ins.is_empty() && !backup.dose_changes.is_empty()
    );
    assert_eq!(crate::compact_json(&backup).unwrap(), serde_json::to_string(&backup).unwrap());
    for a in &backup.assessments {
        assert_eq!(crate::compact_json(&a.answers).unwrap(), serde_json::to_string(&a.answers).unwrap());
        assert_eq!(crate::compact_json(&a.result).unwrap(), serde_json::to_string(&a.result).unwrap());
    }
}
