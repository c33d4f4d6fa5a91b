//! Progress from what is stored: the summary over a range, and every export format.

use std::collections::BTreeMap;
use std::io::Read;

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use serde_json::Value;

use crate::Error;
use crate::Limber;
use crate::assessment::answers::{Answers, CaudaEquina, General, Known, LegSymptoms, MeasuredBy, Onset, Slr};
use crate::calendar::{DayOfWeek, LocalTime};
use crate::catalog::ExerciseId::{self, *};
use crate::pain::{BodySite, PainContext, PainInput, Side, SitePain};
use crate::progress::{ExportFormat, ProgressSummary, chart};
use crate::routine::RoutineSettings;
use crate::routine::checkin::{CheckInInput, ExerciseCheckIn, SkipReason};
use crate::schedule::ReminderSettings;

pub(super) const TZ: &str = "Europe/London";
/// The note and check-in note the wipe test looks for, with RFC 4180's awkward characters.
pub(super) const MARKER: &str = "MARKER-5d1e, \"quoted\"\nsecond line";

/// 2026-11-02 is a Monday; London is on UTC in November.
pub(super) fn at(day: i64, hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 2, hour, 0, 0).unwrap() + Duration::days(day)
}

pub(super) fn date(day: u64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 2).unwrap().checked_add_days(chrono::Days::new(day)).unwrap()
}

pub(super) fn answers(slr_left: i32, slr_right: i32) -> Answers {
    Answers {
        age: 44,
        duration_days: Some(120),
        onset: Some(Onset::Gradual),
        pain_now: Some(5),
        leg_symptoms: Some(LegSymptoms::default()),
        cauda_equina: Some(CaudaEquina::default()),
        general: Some(General { night_pain: true, ..General::default() }),
        known: Some(Known { disc: true, ..Known::default() }),
        nerve_check: Some(false),
        slr: Some(Slr {
            left_deg: Some(slr_left),
            right_deg: Some(slr_right),
            measured_by: Some(MeasuredBy::Helper),
            ..Slr::default()
        }),
        ..Answers::default()
    }
}

pub(super) fn pain(day: i64, hour: u32, level: i32) -> PainInput {
    PainInput {
        recorded_at: at(day, hour),
        utc_offset_minutes: 0,
        level,
        sites: Vec::new(),
        context: PainContext::Other,
        note: None,
    }
}

fn done(exercise: ExerciseId, pain: i32) -> ExerciseCheckIn {
    ExerciseCheckIn {
        exercise,
        done: true,
        skip_reason: None,
        hold_seconds: Some(30),
        reps: None,
        sets: None,
        pain_during: Some(pain),
        symptoms_spread: false,
    }
}

pub(super) fn check_in(store: &mut Limber, day: i64, note: Option<&str>) {
    let skipped = ExerciseCheckIn {
        exercise: GluteStretch,
        done: false,
        skip_reason: Some(SkipReason::NoTime),
        ..done(GluteStretch, 0)
    };
    let input = CheckInInput {
        session: 1,
        at: at(day, 9),
        pain_before: Some(4),
        pain_after: Some(3),
        exercises: vec![done(BandHamstringStretch, 1), done(KneesToChest, 2), skipped],
        note: note.map(Into::into),
    };
    store.check_in(input, TZ).unwrap();
}

pub(super) fn open() -> (tempfile::TempDir, Limber) {
    let dir = tempfile::tempdir().unwrap();
    let store = Limber::open(dir.path().join("l.db")).unwrap();
    (dir, store)
}

/// Three weeks of life with Limber through the ordinary API: settings, two assessments, pain
/// with sites, notes and another time zone, check-ins, morning checks (and the dose changes
/// they make) and a snoozed reminder.
pub(super) fn populated() -> (tempfile::TempDir, Limber) {
    let (dir, mut store) = open();
    store
        .set_routine_settings(RoutineSettings {
            strength_days: vec![DayOfWeek::Tue, DayOfWeek::Thu],
            ..RoutineSettings::default()
        })
        .unwrap();
    store
        .set_reminder_settings(ReminderSettings {
            slots: vec![LocalTime { hour: 8, minute: 0 }],
            days: vec![DayOfWeek::Mon, DayOfWeek::Tue, DayOfWeek::Wed, DayOfWeek::Thu, DayOfWeek::Fri],
            time_zone: TZ.into(),
            ..ReminderSettings::default()
        })
        .unwrap();
    store.submit_assessment(answers(62, 70), at(-1, 18), 0).unwrap();
    for day in 0..21 {
        let level = if day < 7 {
            6
        } else if day < 14 {
            5
        } else {
            3
        };
        let mut morning = pain(day, 7, level);
        morning.sites = vec![
            SitePain { site: BodySite::LowBack, side: None, level },
            SitePain { site: BodySite::BackOfThigh, side: Some(Side::Left), level: level - 1 },
        ];
        morning.context = PainContext::OnWaking;
        if day == 3 {
            morning.note = Some(MARKER.into());
        }
        store.add_pain(morning).unwrap();
        store.add_pain(pain(day, 19, level - 1)).unwrap();
        if day % 7 < 5 && day != 9 {
            check_in(&mut store, day, (day == 4).then_some(MARKER));
        }
    }
    // Logged in New York at 22:30 on Sunday 22 Nov: 03:30 UTC on the 23rd.
    let mut travel = pain(21, 3, 4);
    travel.recorded_at += Duration::minutes(30);
    travel.utc_offset_minutes = -300;
    travel.sites = vec![SitePain { site: BodySite::BehindKnee, side: Some(Side::Both), level: 2 }];
    store.add_pain(travel).unwrap();
    store.morning_check(2, at(21, 7) + Duration::hours(1), TZ).unwrap();
    store.submit_assessment(answers(70, 72), at(20, 18), 0).unwrap();
    let next = store.upcoming_reminders(at(21, 8), 1).unwrap();
    store.snooze(&next[0].id, next[0].fire_at).unwrap();
    (dir, store)
}

fn now() -> DateTime<Utc> {
    at(21, 12)
}

fn invalid_field<T: std::fmt::Debug>(result: crate::Result<T>) -> String {
    match result {
        Err(Error::Invalid { field, .. }) => field,
        other => panic!("expected invalid, got {other:?}"),
    }
}

#[test]
fn daily_pain_is_grouped_by_each_entrys_own_local_date() {
    let (_dir, mut store) = open();
    store.add_pain(pain(0, 8, 2)).unwrap();
    store.add_pain(pain(0, 20, 6)).unwrap();
    // 03:30 UTC on 3 Nov, logged in New York: 22:30 on 2 Nov there.
    let mut late = pain(1, 3, 7);
    late.recorded_at += Duration::minutes(30);
    late.utc_offset_minutes = -300;
    store.add_pain(late).unwrap();
    // 23:30 UTC on 3 Nov, logged in Tokyo: 08:30 on 4 Nov there.
    let mut early = pain(1, 23, 1);
    early.utc_offset_minutes = 540;
    store.add_pain(early).unwrap();

    let s = store.progress_summary(None, None, at(5, 12), TZ).unwrap();
    let days: Vec<_> = s.days.iter().map(|d| (d.date, d.mean, d.min, d.max, d.count)).collect();
    assert_eq!(days, [(date(0), 5.0, 2, 7, 3), (date(2), 1.0, 1, 1, 1)]);
    assert_eq!((s.from, s.to), (date(0), date(5)), "the whole history up to today");
    assert_eq!(s.pain_entries, 4);
    assert_eq!(s.days[1].rolling_mean_7d, 3.0, "the mean of the daily means 5 and 1");

    // A range that cuts the day off.
    let s = store.progress_summary(Some(date(1)), Some(date(3)), at(5, 12), TZ).unwrap();
    assert_eq!(s.days.len(), 1);
    assert_eq!(s.days[0].rolling_mean_7d, 3.0, "the rolling mean still sees the days before");
}

#[test]
fn summary_arguments_are_checked_and_name_the_field() {
    let (_dir, store) = open();
    let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
    assert_eq!(invalid_field(store.progress_summary(None, None, now(), "Mars/Olympus")), "time_zone");
    assert_eq!(invalid_field(store.progress_summary(d(2026, 11, 5), d(2026, 11, 4), now(), TZ)), "from");
    assert_eq!(invalid_field(store.progress_summary(d(1999, 12, 31), None, now(), TZ)), "from");
    assert_eq!(invalid_field(store.progress_summary(None, d(2100, 1, 1), now(), TZ)), "to");
    // A `from` after today with no `to` is after the default `to`.
    assert_eq!(invalid_field(store.progress_summary(d(2027, 1, 1), None, now(), TZ)), "from");
    assert!(store.progress_summary(d(2026, 11, 5), d(2026, 11, 5), now(), TZ).is_ok());
}

#[test]
fn an_empty_history_gives_an_empty_summary_and_chart() {
    let (_dir, store) = open();
    let s = store.progress_summary(None, None, now(), TZ).unwrap();
    assert!(s.is_empty());
    assert_eq!((s.from, s.to), (date(21), date(21)));
    assert!(s.baseline.is_none() && s.change.is_none() && s.weeks.iter().all(|w| w.planned == 0));
    assert!(s.description.starts_with("Nothing logged yet"));
    assert!(chart::svg(&s).contains("Nothing logged yet"));
    let round: ProgressSummary = serde_json::from_str(&serde_json::to_string(&s).unwrap()).unwrap();
    assert_eq!(round, s);
}

#[test]
fn three_weeks_of_history_summarised() {
    let (_dir, store) = populated();
    let s = store.progress_summary(None, None, now(), TZ).unwrap();
    assert_eq!((s.from, s.to), (date(0) - Duration::days(1), date(21)), "from the first assessment");
    assert_eq!(s.days.len(), 22);
    assert_eq!(s.days[0].mean, 5.5);
    let change = s.change.as_ref().unwrap();
    assert_eq!(change.baseline.mean, 5.5);
    // The last 7 days with entries: days 15-19 at 3 and 2 (2.5), day 20 with the entry from
    // New York (3.0) and day 21 with the morning check (2.0).
    assert_eq!((change.recent.first_day, change.recent.last_day), (date(15), date(21)));
    assert_eq!((change.recent.mean, change.points, change.percent), (2.5, -3.0, Some(-54.5)));
    assert!(change.meaningful, "{change:?}");
    assert!(s.description.contains("a meaningful change"), "{}", s.description);

    // Sessions: weekdays planned from the day after the first assessment; one missed.
    let weeks: Vec<_> = s.weeks.iter().map(|w| (w.week_start, w.planned, w.done)).collect();
    assert_eq!(
        weeks,
        [
            (date(0) - Duration::days(7), 0, 0),
            (date(0), 5, 5),
            (date(7), 5, 4),
            (date(14), 5, 5),
            (date(21), 0, 0), // today: its session is not missed yet
        ]
    );
    assert_eq!(s.weeks[1].percent, Some(100));
    assert_eq!(s.weeks[2].percent, Some(80));
    assert_eq!((s.weeks[2].iso_year, s.weeks[2].iso_week), (2026, 46));

    // The straight leg raise: left 62 -> 70 with the same helper is real, right 70 -> 72 is not.
    let slr: Vec<_> = s.slr.iter().map(|p| (p.side, p.value, p.real_change)).collect();
    assert_eq!(
        slr,
        [(Side::Left, 62, false), (Side::Right, 70, false), (Side::Left, 70, true), (Side::Right, 72, false)]
    );
    assert!(s.ake.is_empty() && s.bridge.is_empty());
    assert!(
        s.description.contains("Straight leg raise: left 62° to 70°, a real change"),
        "{}",
        s.description
    );
}

#[test]
fn the_first_and_latest_week_in_a_range() {
    let (_dir, store) = populated();
    // Only the second week: 7 days, not enough to compare.
    let s = store.progress_summary(Some(date(7)), Some(date(13)), now(), TZ).unwrap();
    assert_eq!(s.days.len(), 7);
    assert_eq!(s.baseline.as_ref().unwrap().mean, 4.5);
    assert!(s.change.is_none());
    assert_eq!(s.weeks.iter().map(|w| w.planned).sum::<i32>(), 5);
    assert!(s.slr.is_empty(), "no assessment in that week");
}

fn export(store: &Limber, format: ExportFormat) -> crate::progress::ExportFile {
    store.export(format, now(), TZ).unwrap()
}

#[test]
fn every_export_has_its_file_name_and_type() {
    let (_dir, store) = populated();
    let names: Vec<_> = ExportFormat::ALL
        .iter()
        .map(|f| {
            let file = export(&store, *f);
            assert!(!file.bytes.is_empty());
            (f.as_str(), file.file_name, file.mime_type)
        })
        .collect();
    let expect = |f: &'static str, n: &str, m: &str| (f, n.to_owned(), m.to_owned());
    assert_eq!(
        names,
        [
            expect("csv", "limber-export-2026-11-23.zip", "application/zip"),
            expect("json", "limber-backup-2026-11-23.json", "application/json"),
            expect("fhir", "limber-fhir-2026-11-23.json", "application/fhir+json"),
            expect("report", "limber-report-2026-11-23.html", "text/html"),
        ]
    );
    assert_eq!(invalid_field(store.export(ExportFormat::CsvZip, now(), "Nowhere/Land")), "time_zone");
    assert_eq!(ExportFormat::parse("format", "fhir").unwrap(), ExportFormat::FhirBundle);
}

fn csv_files(store: &Limber) -> BTreeMap<String, Vec<csv::StringRecord>> {
    let bytes = export(store, ExportFormat::CsvZip).bytes;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut files = BTreeMap::new();
    for i in 0..zip.len() {
        let mut file = zip.by_index(i).unwrap();
        let mut text = Vec::new();
        file.read_to_end(&mut text).unwrap();
        let mut reader = csv::Reader::from_reader(text.as_slice());
        let mut rows = vec![reader.headers().unwrap().clone()];
        rows.extend(reader.records().map(Result::unwrap));
        files.insert(file.name().unwrap().into_owned(), rows);
    }
    files
}

#[test]
fn the_csv_export_has_one_file_per_kind_of_record() {
    let (_dir, store) = populated();
    let files = csv_files(&store);
    let count = |name: &str| files[name].len() - 1;
    assert_eq!(count("pain_entries.csv"), 21 * 2 + 1 + 1, "with the morning check's entry");
    assert_eq!(count("pain_sites.csv"), 21 * 2 + 1);
    assert_eq!(count("check_ins.csv"), 14);
    assert_eq!(count("check_in_exercises.csv"), 14 * 3);
    assert_eq!(count("morning_checks.csv"), 1);
    assert_eq!(count("assessments.csv"), 2);
    assert_eq!(count("measurements.csv"), 4);
    assert!(count("dose_changes.csv") > 0);

    let pain = &files["pain_entries.csv"];
    let header: Vec<&str> = pain[0].iter().collect();
    assert_eq!(
        header,
        [
            "id",
            "recorded_at_utc",
            "recorded_at_local",
            "utc_offset_minutes",
            "local_date",
            "level",
            "context",
            "note"
        ]
    );
    assert!(pain.iter().any(|r| &r[7] == MARKER), "the note comes back whole");
    let travel = pain.iter().find(|r| &r[3] == "-300").unwrap();
    assert_eq!(
        (&travel[1], &travel[2], &travel[4]),
        ("2026-11-23T03:30:00Z", "2026-11-22T22:30:00-05:00", "2026-11-22")
    );
    let check_ins = &files["check_ins.csv"];
    assert!(check_ins.iter().any(|r| &r[9] == MARKER));
    let skipped = files["check_in_exercises.csv"].iter().find(|r| &r[5] == "no_time").unwrap();
    assert_eq!((&skipped[3], &skipped[4], &skipped[11]), ("glute_stretch", "false", ""));
    let assessments = &files["assessments.csv"];
    assert_eq!(&assessments[0][4], "triage_tier");
    assert_eq!(&assessments[1][4], "soon");
    assert!(assessments[1][7].contains("tight_hamstrings:"), "{:?}", &assessments[1]);
    let answers: Answers = serde_json::from_str(&assessments[1][20]).unwrap();
    assert_eq!(answers.slr.unwrap().left_deg, Some(62));
    let real: Vec<&str> = files["measurements.csv"].iter().skip(1).map(|r| r.get(9).unwrap()).collect();
    assert_eq!(real, ["false", "false", "true", "false"]);
}

#[test]
fn the_json_export_is_the_backup_of_every_table() {
    let (_dir, store) = populated();
    let json: Value = serde_json::from_slice(&export(&store, ExportFormat::JsonBackup).bytes).unwrap();
    assert_eq!(json["format"], "limber-backup");
    assert_eq!(json["format_version"], 1);
    // The records' schema, not the store's: an index-only step (8) must not make a new backup
    // unreadable by a Limber that stops at step 7.
    assert_eq!(json["schema_version"], crate::versions::BACKUP_SCHEMA_VERSION);
    assert_eq!(json["schema_version"], 7);
    assert_eq!(json["exported_at"], "2026-11-23T12:00:00Z");
    for (list, n) in
        [("pain_entries", 44), ("assessments", 2), ("check_ins", 14), ("morning_checks", 1), ("snoozes", 1)]
    {
        assert_eq!(json[list].as_array().unwrap().len(), n, "{list}");
    }
    assert!(!json["track_states"].as_array().unwrap().is_empty());
    assert!(!json["progression_events"].as_array().unwrap().is_empty());
    assert_eq!(json["settings"]["reminders"]["time_zone"], TZ);
    assert_eq!(json["settings"]["routine"]["strength_days"], serde_json::json!(["tue", "thu"]));
    assert_eq!(json["assessments"][0]["result"]["triage"]["tier"], "soon");
}

#[test]
fn the_fhir_export_is_a_collection_of_observations() {
    let (_dir, store) = populated();
    let bundle: Value = serde_json::from_slice(&export(&store, ExportFormat::FhirBundle).bytes).unwrap();
    assert_eq!(
        (bundle["resourceType"].as_str(), bundle["type"].as_str()),
        (Some("Bundle"), Some("collection"))
    );
    let entries = bundle["entry"].as_array().unwrap();
    // 44 entries, 43 site levels, 2 straight leg raises.
    assert_eq!(entries.len(), 44 + 43 + 2);
    let mut urls = std::collections::HashSet::new();
    for e in entries {
        let id = e["resource"]["id"].as_str().unwrap();
        assert_eq!(e["fullUrl"], format!("urn:uuid:{id}"));
        assert!(uuid::Uuid::parse_str(id).is_ok());
        assert!(urls.insert(id.to_owned()), "ids are unique");
        assert_eq!(e["resource"]["status"], "final");
    }
    let travel = entries
        .iter()
        .find(|e| {
            e["resource"]["effectiveDateTime"] == "2026-11-22T22:30:00-05:00"
                && e["resource"]["hasMember"].is_array()
        })
        .unwrap();
    let r = &travel["resource"];
    assert_eq!(r["code"]["coding"][0]["system"], "http://loinc.org");
    assert_eq!(r["code"]["coding"][0]["code"], "72514-3");
    assert_eq!(
        r["code"]["coding"][0]["display"],
        "Pain severity - 0-10 verbal numeric rating [Score] - Reported"
    );
    assert_eq!(r["valueInteger"], 4);
    assert_eq!(r["category"][0]["coding"][0]["code"], "survey");
    let member = r["hasMember"][0]["reference"].as_str().unwrap();
    let site = entries.iter().find(|e| e["fullUrl"] == member).unwrap();
    assert_eq!(site["resource"]["bodySite"]["coding"][0]["system"], "http://snomed.info/sct");
    assert_eq!(site["resource"]["bodySite"]["coding"][0]["code"], "6902008");
    assert_eq!(site["resource"]["bodySite"]["text"], "Behind the knee, both sides");
    assert_eq!(site["resource"]["valueInteger"], 2);

    let slr: Vec<&Value> =
        entries.iter().filter(|e| e["resource"]["code"]["text"] == "Straight leg raise angle").collect();
    assert_eq!(slr.len(), 2);
    let q = &slr[1]["resource"]["component"][0]["valueQuantity"];
    assert_eq!(
        (q["value"].as_i64(), q["unit"].as_str(), q["system"].as_str(), q["code"].as_str()),
        (Some(70), Some("deg"), Some("http://unitsofmeasure.org"), Some("deg"))
    );
    // The same data gives the same entries.
    let again: Value = serde_json::from_slice(&export(&store, ExportFormat::FhirBundle).bytes).unwrap();
    assert_eq!(again["entry"], bundle["entry"]);
}

#[test]
fn the_report_is_one_self_contained_printable_page() {
    let (_dir, store) = populated();
    let html = String::from_utf8(export(&store, ExportFormat::ReportHtml).bytes).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("@page { size: A4; margin: 15mm }"));
    for forbidden in ["<script", "src=", "href=", "@import", "url(", "<link", "<iframe", "<img"] {
        assert!(!html.to_ascii_lowercase().contains(forbidden), "{forbidden}");
    }
    assert!(html.contains("<svg") && html.contains("role=\"img\""), "the chart is inline");
    assert!(html.contains("See a doctor within 1-2 weeks"), "the triage tier");
    assert!(html.contains("Flag (soon)"), "the flags");
    assert!(html.contains("Avoid (disc)"), "the gates");
    assert!(html.contains("Pattern (tight_hamstrings"), "the patterns");
    assert!(html.contains("Sessions per week") && html.contains("80%"), "adherence");
    assert!(html.contains("62°") && html.contains("(real change)"), "measurements");
    assert!(!html.contains("MARKER"), "free-text notes stay out of the report");
    assert_eq!(html.matches("<section").count(), html.matches("</section>").count());
}

/// With `LIMBER_SAMPLE_DIR=dir`, writes the sample history's chart and report there to look at.
#[test]
fn the_sample_chart_and_report_can_be_written_to_look_at() {
    let (_dir, store) = populated();
    let s = store.progress_summary(None, None, now(), TZ).unwrap();
    let svg = chart::svg(&s);
    let report = export(&store, ExportFormat::ReportHtml).bytes;
    assert!(svg.contains("<svg") && report.starts_with(b"<!DOCTYPE html>"));
    if let Some(dir) = std::env::var_os("LIMBER_SAMPLE_DIR").map(std::path::PathBuf::from) {
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("limber-sample-chart.svg"), svg).unwrap();
        std::fs::write(dir.join("limber-sample-report.html"), report).unwrap();
    }
}

/// A result saved before `missing` existed says `"plan_allowed":true` for answers that skipped
/// the safety questions; the summary must judge it again as the reader does, not trust the text.
#[test]
fn an_old_result_without_safety_answers_plans_no_sessions_in_the_summary() {
    let planned_after = |answers: Answers| {
        let (_dir, mut store) = open();
        store
            .set_reminder_settings(ReminderSettings { time_zone: TZ.into(), ..ReminderSettings::default() })
            .unwrap();
        let saved = store.submit_assessment(answers, at(-1, 18), 0).unwrap();
        // Rewrite the stored result in the old shape: no `missing`, and a plan allowed.
        let mut old = serde_json::to_value(&saved.result).unwrap();
        old.as_object_mut().unwrap().remove("missing");
        old["plan_allowed"] = Value::Bool(true);
        store
            .conn()
            .execute("UPDATE assessment SET result_json = ?1", [serde_json::to_string(&old).unwrap()])
            .unwrap();
        store.progress_summary(Some(date(0)), Some(date(6)), at(7, 12), TZ).unwrap().sessions_planned
    };
    let answered = answers(62, 70);
    let skipped = Answers { onset: None, known: None, ..answers(62, 70) };
    assert!(planned_after(answered) > 0, "a fully answered assessment plans sessions");
    assert_eq!(
        planned_after(skipped),
        0,
        "skipped safety questions plan nothing, whatever the old text says"
    );
}
