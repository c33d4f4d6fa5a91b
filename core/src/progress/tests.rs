//! The summary rules, the chart, the CSV files and the backup checks on hand-made data; the
//! store-backed behaviour is in `limber/tests/progress.rs`.

use std::io::Read;

use chrono::{DateTime, Days, NaiveDate, Utc};
use uuid::Uuid;

use super::backup::{self, Backup, BackupSettings, PainRecord};
use super::chart;
use super::summary::{DayRow, Inputs, ProgressSummary, build, meaningful_fall};
use crate::Error;
use crate::assessment::answers::MeasuredBy;
use crate::assessment::history::{MeasuredTest, MeasurementPoint, mark_changes};
use crate::pain::{BodySite, PainContext, Side, SitePain};
use crate::schedule::DayAdherence;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn plus(date: NaiveDate, n: u64) -> NaiveDate {
    date.checked_add_days(Days::new(n)).unwrap()
}

fn utc(text: &str) -> DateTime<Utc> {
    text.parse().unwrap()
}

/// 2026-11-02 is a Monday.
const START: (i32, u32, u32) = (2026, 11, 2);

fn start() -> NaiveDate {
    day(START.0, START.1, START.2)
}

fn rows(means: &[f64]) -> Vec<DayRow> {
    means
        .iter()
        .enumerate()
        .map(|(i, &mean)| DayRow {
            date: plus(start(), i as u64),
            mean,
            min: mean.floor() as i32,
            max: mean.ceil() as i32,
            count: 2,
        })
        .collect()
}

fn inputs(days: Vec<DayRow>, to: NaiveDate) -> Inputs {
    Inputs {
        from: start(),
        to,
        time_zone: "Europe/London".into(),
        generated_at: utc("2026-12-01T09:00:00Z"),
        days,
        adherence: Vec::new(),
        slr: Vec::new(),
        ake: Vec::new(),
        bridge: Vec::new(),
    }
}

/// Seven baseline days at `baseline`, seven later days at `recent`.
fn two_weeks(baseline: f64, recent: f64) -> ProgressSummary {
    let mut means = vec![baseline; 7];
    means.extend([recent; 7]);
    build(inputs(rows(&means), plus(start(), 13)))
}

#[test]
fn farrar_a_fall_of_2_points_or_30_percent_is_meaningful() {
    // (baseline, recent, meaningful): one row per case.
    let cases = [
        (5.0, 3.0, true),   // exactly 2 points (40%)
        (8.0, 6.0, true),   // exactly 2 points, only 25%
        (5.0, 3.5, true),   // exactly 30%, only 1.5 points
        (10.0, 7.0, true),  // 3 points, 30%
        (5.0, 3.55, false), // 29%, 1.45 points
        (8.0, 6.1, false),  // 1.9 points, 23.75%
        (6.0, 4.21, false), // 1.79 points, 29.8%
        (3.0, 5.0, false),  // a rise
        (4.0, 4.0, false),  // no change
        (0.0, 0.0, false),
    ];
    for (baseline, recent, meaningful) in cases {
        assert_eq!(meaningful_fall(baseline, recent), meaningful, "{baseline} -> {recent}");
    }
}

#[test]
fn the_first_week_is_compared_with_the_latest_once_they_do_not_overlap() {
    for (baseline, recent, meaningful) in
        [(5.0, 3.0, true), (5.0, 3.5, true), (5.0, 3.55, false), (8.0, 6.1, false)]
    {
        let s = two_weeks(baseline, recent);
        let change = s.change.as_ref().unwrap();
        assert_eq!(change.baseline.mean, baseline);
        assert_eq!(change.recent.mean, recent);
        assert_eq!(change.meaningful, meaningful, "{baseline} -> {recent}");
        assert_eq!((change.baseline.days, change.recent.days), (7, 7));
        assert_eq!(change.recent.first_day, plus(start(), 7));
    }
    let s = two_weeks(5.0, 3.0);
    let c = s.change.as_ref().unwrap();
    assert_eq!((c.points, c.percent), (-2.0, Some(-40.0)));
    assert!(
        s.description.contains("Average pain fell from 5.0 out of 10 in your first week of logging to 3.0"),
        "{}",
        s.description
    );
    assert!(s.description.contains("a meaningful change"), "{}", s.description);
    let s = two_weeks(5.0, 3.55);
    assert!(s.description.contains("not yet a meaningful change"), "{}", s.description);
    let s = two_weeks(3.0, 4.0);
    assert!(s.description.contains("rose from 3.0"), "{}", s.description);
    assert!(!s.change.unwrap().meaningful);

    // Thirteen days: the windows would share a day, so there is a baseline but no change.
    let s = build(inputs(rows(&[5.0; 13]), plus(start(), 13)));
    assert_eq!(s.baseline.as_ref().unwrap().days, 7);
    assert!(s.change.is_none());
    assert!(s.description.contains("at least 14 days"), "{}", s.description);
}

proptest::proptest! {
    /// The numbers in the summary's words and the report's rows read as std's `{:.1}`, `{:.0}`,
    /// `{:+.1}` and `{:+.0}` wrote them before progress::decimal_text: the oracle.
    #[test]
    fn the_numbers_read_as_std_formatting_wrote_them(a in 0..=1000i32, b in 0..=1000i32) {
        let s = two_weeks(f64::from(a) / 100.0, f64::from(b) / 100.0);
        let c = s.change.as_ref().unwrap();
        let (base, recent, points) = (c.baseline.mean, c.recent.mean, c.points);
        let words = format!("from {base:.1} out of 10 in your first week of logging to {recent:.1} in");
        let share = c.percent.map(|p| format!(" ({:.0}%)", p.abs())).unwrap_or_default();
        let change = if points == 0.0 { "no change.".to_owned() } else { format!(" of {:.1} points{share}", points.abs()) };
        proptest::prop_assert!(s.description.contains(&words) && s.description.contains(&change), "{}", s.description);
        let html = super::report::html(&s, None);
        let percent = c.percent.map(|p| format!(", {p:+.0}%")).unwrap_or_default();
        for row in [format!("{base:.1}/10 ("), format!("{recent:.1}/10 ("), format!("{points:+.1} points{percent} (")] {
            proptest::prop_assert!(html.contains(&row), "{row}");
        }
    }
}

#[test]
fn the_baseline_and_latest_week_count_days_with_entries_not_calendar_days() {
    // Pain logged every other day: the first 7 days with entries span 13 calendar days.
    let days: Vec<DayRow> = (0..20)
        .map(|i| DayRow {
            date: plus(start(), 2 * i),
            mean: if i < 7 { 6.0 } else { 4.0 },
            min: 4,
            max: 6,
            count: 1,
        })
        .collect();
    let s = build(inputs(days, plus(start(), 40)));
    let c = s.change.unwrap();
    assert_eq!((c.baseline.first_day, c.baseline.last_day), (start(), plus(start(), 12)));
    assert_eq!((c.recent.first_day, c.recent.last_day), (plus(start(), 26), plus(start(), 38)));
    assert_eq!((c.baseline.mean, c.recent.mean, c.meaningful), (6.0, 4.0, true));
}

#[test]
fn the_rolling_mean_averages_the_days_with_entries_in_the_last_7() {
    // Days 0-2 before the range feed the first rolling means; day 3 has no entries.
    let mut days = rows(&[1.0, 2.0, 3.0, 0.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0]);
    days.remove(3);
    let mut input = inputs(days, plus(start(), 9));
    input.from = plus(start(), 2);
    let s = build(input);
    let rolling: Vec<(u32, f64)> =
        s.days.iter().map(|d| ((d.date - start()).num_days() as u32, d.rolling_mean_7d)).collect();
    assert_eq!(
        rolling,
        [
            (2, 2.0),  // 1, 2, 3
            (4, 2.75), // 1, 2, 3, 5
            (5, 3.4),  // 1, 2, 3, 5, 6
            (6, 4.0),  // 1, 2, 3, 5, 6, 7
            (7, 5.17), // days 1-7: 2, 3, 5, 6, 7, 8
            (8, 6.33), // days 2-8: 3, 5, 6, 7, 8, 9
            (9, 7.5),  // days 3-9: 5, 6, 7, 8, 9, 10
        ]
    );
    // The range starts at day 2: the baseline does not include the days before it.
    assert_eq!(s.baseline.unwrap().first_day, plus(start(), 2));
    assert_eq!(s.pain_entries, 2 * 7);
}

fn adherence_day(date: NaiveDate, planned: i32, done: i32, in_progress: bool) -> DayAdherence {
    DayAdherence {
        date,
        planned,
        done,
        rest_day: planned == 0,
        ratio: (planned > 0).then(|| f64::from(done) / f64::from(planned)),
        in_progress,
    }
}

#[test]
fn sessions_are_summed_per_iso_week_from_monday_and_today_counts_only_what_is_done() {
    // Thursday 2026-11-05 to Wednesday 2026-11-18: a part week, a whole week, a part week
    // ending today with one of two sessions still open.
    let from = day(2026, 11, 5);
    let mut adherence = Vec::new();
    for i in 0..14 {
        let date = plus(from, i);
        let today = i == 13;
        let (planned, done) = match i {
            _ if today => (2, 1),
            2 | 9 => (0, 0), // rest days (Saturday)
            4 | 5 => (2, 0), // missed
            _ => (2, 2),
        };
        adherence.push(adherence_day(date, planned, done, today));
    }
    let mut input = inputs(Vec::new(), plus(from, 13));
    input.from = from;
    input.adherence = adherence;
    let s = build(input);
    let weeks: Vec<_> = s
        .weeks
        .iter()
        .map(|w| (w.week_start.to_string(), w.iso_week, w.planned, w.done, w.percent))
        .collect();
    assert_eq!(
        weeks,
        [
            ("2026-11-02".into(), 45, 6, 6, Some(100)),
            ("2026-11-09".into(), 46, 12, 8, Some(67)),
            ("2026-11-16".into(), 47, 5, 5, Some(100)),
        ]
    );
    assert_eq!((s.sessions_planned, s.sessions_done), (23, 19));
    assert!(s.description.contains("You did 19 of 23 planned sessions (83%)."), "{}", s.description);
    assert!(s.description.contains("In the week of 16 Nov 2026: 5 of 5."), "{}", s.description);
}

fn slr_point(date: &str, side: Side, value: i32) -> MeasurementPoint {
    MeasurementPoint {
        assessment_id: Uuid::nil(),
        taken_at: utc(date),
        test: MeasuredTest::Slr,
        side,
        value,
        measured_by: Some(MeasuredBy::Helper),
        change: None,
        real_change: false,
    }
}

pub(super) fn rich() -> ProgressSummary {
    let mut slr = vec![
        slr_point("2026-11-02T09:00:00Z", Side::Left, 60),
        slr_point("2026-11-02T09:00:00Z", Side::Right, 70),
        slr_point("2026-11-16T09:00:00Z", Side::Left, 68),
        slr_point("2026-11-16T09:00:00Z", Side::Right, 72),
    ];
    mark_changes(&mut slr);
    let mut input = inputs(
        rows(&[6.0, 5.0, 5.5, 5.0, 4.0, 4.5, 5.0, 4.0, 3.0, 3.5, 3.0, 2.5, 3.0, 3.0, 2.0]),
        plus(start(), 14),
    );
    input.adherence =
        (0..15).map(|i| adherence_day(plus(start(), i), 1, u64::from(i % 3 != 0) as i32, false)).collect();
    input.slr = slr;
    build(input)
}

#[test]
fn the_description_says_the_series_changes_in_words() {
    let s = rich();
    assert!(
        s.description.contains("Straight leg raise: left 60° to 68°, a real change; right 70° to 72°, within the normal variation of the test."),
        "{}",
        s.description
    );
    assert!(s.description.starts_with("From 2 Nov 2026 to 16 Nov 2026."), "{}", s.description);
}

/// An element's name, attributes and text.
pub(super) type Element = (String, Vec<(String, String)>, String);

/// Elements with their attributes and text, read by a real XML parser: it fails on anything
/// that is not well-formed.
pub(super) fn parse_svg(svg: &str) -> Vec<Element> {
    use quick_xml::XmlVersion::Implicit1_0;
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(svg);
    let (mut elements, mut open): (Vec<Element>, Vec<usize>) = (Vec::new(), Vec::new());
    loop {
        let event = reader.read_event().unwrap_or_else(|e| panic!("not well-formed: {e}\n{svg}"));
        let text = match &event {
            Event::Start(e) | Event::Empty(e) => {
                let name = e.name().as_ref().to_owned();
                let attrs = e
                    .attributes()
                    .map(|a| {
                        let a = a.unwrap();
                        (a.key.as_ref().to_owned(), a.normalized_value(Implicit1_0).unwrap().into_owned())
                    })
                    .collect();
                if matches!(event, Event::Start(_)) {
                    open.push(elements.len());
                }
                elements.push((name, attrs, String::new()));
                None
            }
            Event::End(e) => {
                let started = open.pop().expect("an end tag closes an open element");
                assert_eq!(elements[started].0, e.name().as_ref(), "mismatched tags");
                None
            }
            Event::Text(t) => Some(t.xml10_content().into_owned()),
            Event::GeneralRef(r) => Some(match r.resolve_char_ref().unwrap() {
                Some(c) => c.to_string(),
                None => quick_xml::escape::resolve_predefined_entity(&r.clone().into_inner())
                    .expect("only the predefined entities")
                    .to_owned(),
            }),
            Event::Eof => break,
            _ => None,
        };
        if let (Some(text), Some(&inner)) = (text, open.last()) {
            elements[inner].2.push_str(&text);
        }
    }
    assert!(open.is_empty(), "unclosed: {open:?}");
    elements
}

pub(super) fn attr<'a>(element: &'a Element, name: &str) -> Option<&'a str> {
    element.1.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}

#[test]
fn the_chart_is_accessible_scalable_svg_with_the_three_series() {
    let s = rich();
    let svg = chart::svg(&s);
    std::fs::write(std::env::temp_dir().join("limber-chart.svg"), &svg).unwrap();
    let elements = parse_svg(&svg);
    let root = &elements[0];
    assert_eq!(root.0, "svg");
    assert_eq!(attr(root, "role"), Some("img"));
    assert_eq!(attr(root, "width"), Some("100%"));
    assert_eq!(attr(root, "viewBox"), Some("0 0 360 240"));
    assert!(attr(root, "height").is_none(), "the height follows the width");
    let labelled_by: Vec<&str> = attr(root, "aria-labelledby").unwrap().split(' ').collect();
    let title = elements.iter().find(|e| e.0 == "title").unwrap();
    let desc = elements.iter().find(|e| e.0 == "desc").unwrap();
    assert_eq!(labelled_by, [attr(title, "id").unwrap(), attr(desc, "id").unwrap()]);
    assert!(title.2.contains("2 Nov 2026"), "{}", title.2);
    assert_eq!(desc.2, s.description);

    // Pain: a line; sessions: bars in the sessions colour; SLR: circles (left) and triangles
    // (right).
    let lines = elements.iter().filter(|e| e.0 == "polyline" && attr(e, "stroke") == Some("#0072B2")).count();
    assert_eq!(lines, 1 + 1, "the pain line and the legend swatch");
    let bars = elements.iter().filter(|e| e.0 == "rect" && attr(e, "fill") == Some("#009E73")).count();
    assert_eq!(bars, 3 + 1, "three weeks and the legend swatch");
    let left = elements.iter().filter(|e| e.0 == "circle" && attr(e, "fill") == Some("#E69F00")).count();
    let right = elements.iter().filter(|e| e.0 == "polygon" && attr(e, "fill") == Some("#D55E00")).count();
    assert_eq!((left, right), (2 + 1, 2 + 1), "two measurements a side and the legend");
    let texts: String = elements.iter().filter(|e| e.0 == "text").map(|e| e.2.clone()).collect();
    assert!(texts.contains("Pain, daily mean"), "{texts}");
    assert!(texts.contains("SLR right leg"), "{texts}");
    // Nothing depends on fonts installed where it was drawn: text is left to the viewer.
    assert!(!svg.contains("@font-face") && !svg.contains("<image"));
}

#[test]
fn an_empty_history_gives_a_valid_chart_that_says_there_is_nothing_yet() {
    let s = build(inputs(Vec::new(), start()));
    assert!(s.is_empty());
    assert!(s.description.starts_with("Nothing logged yet"), "{}", s.description);
    let svg = chart::svg(&s);
    let elements = parse_svg(&svg);
    assert!(elements.iter().any(|e| e.0 == "text" && e.2.contains("Nothing logged yet")), "{svg}");
    assert!(elements.iter().any(|e| e.0 == "desc" && e.2 == s.description));
    assert!(!elements.iter().any(|e| e.0 == "polyline"));
}

#[test]
fn text_in_the_chart_is_escaped() {
    let mut s = build(inputs(Vec::new(), start()));
    s.description = "pain <b>&</b> \"quotes\"".into();
    let svg = chart::svg(&s);
    let desc = parse_svg(&svg).into_iter().find(|e| e.0 == "desc").unwrap();
    assert_eq!(desc.2, s.description);
}

fn backup_with(pain_entries: Vec<PainRecord>) -> Backup {
    Backup {
        format: backup::FORMAT.into(),
        format_version: backup::FORMAT_VERSION,
        schema_version: crate::versions::SCHEMA_VERSION,
        exported_at: utc("2026-11-20T08:30:00Z"),
        settings: BackupSettings::default(),
        pain_entries,
        assessments: Vec::new(),
        check_ins: Vec::new(),
        morning_checks: Vec::new(),
        track_states: Vec::new(),
        dose_changes: Vec::new(),
        snoozes: Vec::new(),
    }
}

fn pain(level: i32, note: Option<&str>) -> PainRecord {
    PainRecord {
        id: Uuid::now_v7(),
        recorded_at: utc("2026-11-20T07:30:00.250Z"),
        utc_offset_minutes: 60,
        level,
        sites: vec![SitePain { site: BodySite::BackOfThigh, side: Some(Side::Left), level: 6 }],
        context: PainContext::AfterSitting,
        note: note.map(Into::into),
    }
}

fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    read_back(bytes).into_iter().map(|(name, data, _)| (name, data)).collect()
}

/// Every file of `archive` as the `zip` crate reads it (deflated, each CRC-32 checked as it
/// reads): name, bytes and CRC-32.
pub(super) fn read_back(archive: &[u8]) -> Vec<(String, Vec<u8>, u32)> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(archive)).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).unwrap();
            assert_eq!(file.compression(), zip::CompressionMethod::Deflated);
            let mut data = Vec::new();
            file.read_to_end(&mut data).unwrap();
            assert_eq!(file.size(), data.len() as u64);
            (file.name().unwrap().into_owned(), data, file.crc32())
        })
        .collect()
}

fn csv_of(b: &Backup) -> Vec<u8> {
    let mut out = Vec::new();
    let silent = super::listener::Silent;
    super::csv_zip::write_to(b, &mut out, &mut super::listener::Throttled::new(&silent)).unwrap();
    out
}

#[test]
fn csv_files_quote_commas_quotes_and_newlines_as_rfc_4180_says() {
    let note = "long drive, then \"the\" chair\nnext line";
    let b = backup_with(vec![pain(4, Some(note)), pain(2, None)]);
    let files = unzip(&csv_of(&b));
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, super::csv_zip::FILES);
    let (_, pain_csv) = &files[0];
    let text = String::from_utf8(pain_csv.clone()).unwrap();
    assert!(text.contains("\"long drive, then \"\"the\"\" chair\nnext line\""), "{text}");
    assert!(text.starts_with(
        "id,recorded_at_utc,recorded_at_local,utc_offset_minutes,local_date,level,context,note\r\n"
    ));
    assert!(text.ends_with("\r\n"));

    let mut reader = csv::Reader::from_reader(pain_csv.as_slice());
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), 2);
    assert_eq!(&records[0][1], "2026-11-20T07:30:00.250Z");
    assert_eq!(&records[0][2], "2026-11-20T08:30:00.250+01:00");
    assert_eq!(&records[0][5], "4");
    assert_eq!(&records[0][7], note);
    assert_eq!(&records[1][7], "");

    let mut sites = csv::Reader::from_reader(files[1].1.as_slice());
    let site: Vec<csv::StringRecord> = sites.records().map(Result::unwrap).collect();
    assert_eq!(site.len(), 2);
    assert_eq!((&site[0][1], &site[0][2], &site[0][3]), ("back_of_thigh", "left", "6"));
}

fn import_error(json: &str) -> (String, String) {
    match backup::read(json.as_bytes()) {
        Err(Error::Invalid { field, range }) => (field, range),
        other => panic!("expected invalid, got {other:?} for {json}"),
    }
}

fn valid_json() -> serde_json::Value {
    serde_json::to_value(backup_with(vec![pain(4, Some("a")), pain(5, None)])).unwrap()
}

#[test]
fn a_backup_round_trips_through_json() {
    let b = backup_with(vec![pain(4, Some("note")), pain(0, None)]);
    let bytes = serde_json::to_vec(&b).unwrap();
    assert_eq!(backup::read(&bytes).unwrap(), b);
}

#[test]
fn hostile_or_broken_backups_name_the_field() {
    let edit = |f: &dyn Fn(&mut serde_json::Value)| {
        let mut v = valid_json();
        f(&mut v);
        v.to_string()
    };
    let cases: Vec<(String, &str)> = vec![
        (edit(&|v| v["pain_entries"][1]["level"] = 11.into()), "pain_entries[1].level"),
        (edit(&|v| v["pain_entries"][1]["level"] = "four".into()), "pain_entries[1].level"),
        (
            edit(&|v| v["pain_entries"][0]["sites"][0]["level"] = (-1).into()),
            "pain_entries[0].sites[0].level",
        ),
        (edit(&|v| v["pain_entries"][1]["context"] = "bored".into()), "pain_entries[1].context"),
        (edit(&|v| v["pain_entries"][1]["id"] = "not-a-uuid".into()), "pain_entries[1].id"),
        (edit(&|v| v["pain_entries"][1]["id"] = v["pain_entries"][0]["id"].clone()), "pain_entries[1].id"),
        (
            edit(&|v| v["pain_entries"][1]["recorded_at"] = "1970-01-01T00:00:00Z".into()),
            "pain_entries[1].recorded_at",
        ),
        (edit(&|v| v["pain_entries"][1]["recorded_at"] = "yesterday".into()), "pain_entries[1].recorded_at"),
        (
            edit(&|v| v["pain_entries"][1]["utc_offset_minutes"] = 9000.into()),
            "pain_entries[1].utc_offset_minutes",
        ),
        (edit(&|v| v["pain_entries"][0]["note"] = "x".repeat(2001).into()), "pain_entries[0].note"),
        (edit(&|v| v["pain_entries"] = serde_json::json!({"a": 1})), "pain_entries"),
        (
            edit(&|v| v["pain_entries"][1].as_object_mut().unwrap().remove("level").map(drop).unwrap()),
            "pain_entries[1].level",
        ),
        (edit(&|v| v["format"] = "something-else".into()), "format"),
        (edit(&|v| v["format_version"] = 0.into()), "format_version"),
        (edit(&|v| v["exported_at"] = "2150-01-01T00:00:00Z".into()), "exported_at"),
        (
            edit(&|v| {
                v["snoozes"] =
                    serde_json::json!([{"reminder_id": "nap:now", "fire_at": "2026-11-20T08:30:00Z"}])
            }),
            "snoozes[0].reminder_id",
        ),
        (
            edit(
                &|v| v["track_states"] = serde_json::json!([{"track": "bridge_ladder", "step": 999, "settled_greens": 0, "reds_in_row": 0, "hold_until": null}]),
            ),
            "track_states[0].step",
        ),
        (
            edit(&|v| v["settings"] = serde_json::json!({"reminders": {"snooze_minutes": 1}})),
            "settings.reminders.snooze_minutes",
        ),
        ("{\"format\": \"limber-backup\", \"format_version\": 1, ".into(), "backup"),
        ("[1, 2, 3]".into(), "backup"),
        (edit(&|v| v["extra"] = 1.into()), "extra"),
        (edit(&|v| v["pain_entries"][0]["mood"] = "fine".into()), "pain_entries[0].mood"),
    ];
    for (json, field) in cases {
        assert_eq!(import_error(&json).0, field, "{}", &json[..json.len().min(300)]);
    }
    assert_eq!(import_error(&edit(&|v| v["pain_entries"][1]["level"] = "four".into())).1, "a whole number");
    assert_eq!(
        import_error(&edit(&|v| v["pain_entries"][1]["context"] = "bored".into())).1,
        "one of on_waking, after_sitting, before_session, during_session, after_session, evening, other"
    );
    // Error text never repeats the file's contents.
    let (_, range) =
        import_error(&edit(&|v| v["pain_entries"][0]["note"] = serde_json::json!({"secret": "MARKER"})));
    assert!(!range.contains("MARKER"), "{range}");
    // Nor a key of its own that is not a field name: the key is the file's text.
    let (field, range) =
        import_error(&edit(&|v| v["pain_entries"][0]["Knee MARKER since Tuesday"] = 1.into()));
    assert_eq!(field, "pain_entries[0].?");
    assert!(!range.contains("MARKER") && range.contains("level"), "{range}");
    assert_eq!(import_error(&edit(&|v| v["MARKER"] = 1.into())).0, "?");
    for key in ["a`, MARKER a", "`, expected MARKER"] {
        let (field, range) = import_error(&edit(&|v| v["pain_entries"][0][key] = 1.into()));
        assert_eq!(field, "pain_entries[0].?");
        assert!(!range.contains("MARKER"), "{range}");
    }
    let (_, range) = import_error(&edit(&|v| v["pain_entries"][0]["context"] = "x, expected MARKER".into()));
    assert!(!range.contains("MARKER"), "{range}");
    // A plain `at` is a moment like every `..._at`.
    let (field, range) = import_error(&edit(&|v| v["check_ins"] = serde_json::json!([{"at": "yesterday"}])));
    assert_eq!(field, "check_ins[0].at");
    assert!(range.contains("RFC 3339"), "{range}");
}

#[test]
fn deep_nesting_and_huge_files_are_refused_before_they_cost_anything() {
    let deep = "[".repeat(100_000) + &"]".repeat(100_000);
    for (place, field) in
        [("surprise", "surprise"), ("pain_entries", "pain_entries[0]"), ("settings", "settings")]
    {
        let mut v = valid_json().to_string();
        v.insert_str(1, &format!("\"{place}\": {deep}, "));
        if place != "surprise" {
            // The file's own value for the field comes later and is never reached.
            v = v.replacen(
                &format!("\"{place}\": {deep}, "),
                &format!("\"{place}\": {deep}, \"x{place}\": 0, "),
                1,
            );
        }
        let (found, _) = import_error(&v);
        assert!(found.starts_with(field) || found == "backup", "{place}: {found}");
    }
    let mut huge = valid_json().to_string().into_bytes();
    huge.resize(backup::MAX_BYTES + 1, b' ');
    assert!(matches!(backup::read(&huge), Err(Error::Invalid { field, .. }) if field == "backup"));
}

#[test]
fn a_backup_from_a_newer_limber_is_a_typed_error() {
    let mut v = valid_json();
    v["format_version"] = (backup::FORMAT_VERSION + 1).into();
    // Even a body this version cannot read: the versions are checked first.
    v["pain_entries"] = "from the future".into();
    match backup::read(v.to_string().as_bytes()) {
        Err(e @ Error::NewerBackup { what: "format", found: 2, supported: 1 }) => assert_eq!(
            e.to_string(),
            "the file is a backup of format 2 from a newer version of Limber (this version reads backups \
             up to format 1); update the app, nothing was imported"
        ),
        other => panic!("{other:?}"),
    }
    let mut v = valid_json();
    v["schema_version"] = (crate::versions::SCHEMA_VERSION + 1).into();
    assert!(matches!(
        backup::read(v.to_string().as_bytes()),
        Err(Error::NewerBackup { what: "database schema", found, supported }) if found == supported + 1
    ));
}
