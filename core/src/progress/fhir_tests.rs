//! The FHIR export's oracle and its tests: the bundle built as one `serde_json::Value` (as the
//! export was built before it streamed), whose `to_vec_pretty` the streamed bytes must equal.

use chrono::{DateTime, SecondsFormat, TimeZone, Utc};
use proptest::prelude::*;
use serde_json::{Value, json};
use uuid::Uuid;

use super::super::backup::{self, AssessmentRecord, Backup, BackupSettings, PainRecord};
use super::super::listener::{Silent, Throttled};
use super::*;
use crate::assessment::answers::{Answers, Slr};
use crate::pain::{PainContext, Side};

/// The whole bundle as one value.
pub(crate) fn bundle(b: &Backup, now: DateTime<Utc>, bundle_id: Uuid) -> Value {
    let mut entries = Vec::new();
    for p in &b.pain_entries {
        pain_value(&mut entries, p);
    }
    for a in &b.assessments {
        if let Some(observation) = slr_value(a) {
            entries.push(entry(a.id, observation));
        }
    }
    json!({
        "resourceType": "Bundle",
        "id": bundle_id.to_string(),
        "meta": {"lastUpdated": now.to_rfc3339_opts(SecondsFormat::Secs, true)},
        "type": "collection",
        "timestamp": now.to_rfc3339_opts(SecondsFormat::Secs, true),
        "entry": entries,
    })
}

fn entry(id: Uuid, mut resource: Value) -> Value {
    resource["id"] = json!(id.to_string());
    json!({"fullUrl": format!("urn:uuid:{id}"), "resource": resource})
}

fn category(code: &str, display: &str) -> Value {
    json!([{"coding": [{"system": CATEGORY, "code": code, "display": display}]}])
}

fn pain_code() -> Value {
    json!({"coding": [{"system": LOINC, "code": PAIN_CODE, "display": PAIN_DISPLAY}], "text": "Pain, 0-10"})
}

fn pain_value(entries: &mut Vec<Value>, p: &PainRecord) {
    let effective = local_text(p.recorded_at, p.utc_offset_minutes);
    let members: Vec<(Uuid, &SitePain)> = p.sites.iter().map(|s| (site_id(p.id, s), s)).collect();
    let mut notes = vec![json!({"text": format!("Logged {}.", context_name(p.context))})];
    if let Some(note) = &p.note {
        notes.push(json!({"text": note}));
    }
    let mut overall = json!({
        "resourceType": "Observation",
        "status": "final",
        "category": category("survey", "Survey"),
        "code": pain_code(),
        "effectiveDateTime": effective,
        "valueInteger": p.level,
        "note": notes,
    });
    if !members.is_empty() {
        overall["hasMember"] =
            members.iter().map(|(id, _)| json!({"reference": format!("urn:uuid:{id}")})).collect();
    }
    entries.push(entry(p.id, overall));
    for (id, s) in members {
        let (code, display) = snomed_site(s.site);
        let text = match s.side {
            Some(side) => format!("{}, {}", site_name(s.site), side_name(side)),
            None => site_name(s.site).to_owned(),
        };
        entries.push(entry(
            id,
            json!({
                "resourceType": "Observation",
                "status": "final",
                "category": category("survey", "Survey"),
                "code": pain_code(),
                "effectiveDateTime": effective,
                "valueInteger": s.level,
                "bodySite": {"coding": [{"system": SNOMED, "code": code, "display": display}], "text": text},
                "derivedFrom": [{"reference": format!("urn:uuid:{}", p.id)}],
            }),
        ));
    }
}

fn slr_value(a: &AssessmentRecord) -> Option<Value> {
    let s = a.answers.slr.as_ref()?;
    let quantity = |deg: i32| json!({"value": deg, "unit": "deg", "system": UCUM, "code": "deg"});
    let components: Vec<Value> = [("left", s.left_deg), ("right", s.right_deg)]
        .into_iter()
        .filter_map(|(side, deg)| {
            Some(json!({
                "code": {"text": format!("Straight leg raise angle, {side} leg")},
                "valueQuantity": quantity(deg?),
            }))
        })
        .collect();
    if components.is_empty() {
        return None;
    }
    let method = match s.measured_by {
        Some(MeasuredBy::Helper) => "Home test, phone inclinometer on the shin, leg lifted by a helper",
        Some(MeasuredBy::SelfMeasured) => "Home test, phone inclinometer on the shin, self-measured",
        Some(MeasuredBy::Phone) => {
            "Home test, measured by the app from the phone's motion sensor on the shin"
        }
        None => "Home test, phone inclinometer on the shin",
    };
    Some(json!({
        "resourceType": "Observation",
        "status": "final",
        "category": category("exam", "Exam"),
        "code": {"text": "Straight leg raise angle"},
        "effectiveDateTime": local_text(a.taken_at, a.utc_offset_minutes),
        "method": {"text": method},
        "component": components,
    }))
}

fn history(pain_entries: Vec<PainRecord>, assessments: Vec<AssessmentRecord>) -> Backup {
    Backup {
        format: backup::FORMAT.into(),
        format_version: backup::FORMAT_VERSION,
        schema_version: crate::versions::SCHEMA_VERSION,
        exported_at: Utc.with_ymd_and_hms(2026, 11, 30, 12, 0, 0).unwrap(),
        settings: BackupSettings::default(),
        pain_entries,
        assessments,
        check_ins: Vec::new(),
        morning_checks: Vec::new(),
        track_states: Vec::new(),
        dose_changes: Vec::new(),
        snoozes: Vec::new(),
    }
}

/// The streamed bytes and the oracle's, as text.
fn both(b: &Backup) -> (String, String) {
    let now = Utc.with_ymd_and_hms(2026, 11, 30, 12, 0, 7).unwrap();
    let id = Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0001);
    let mut streamed = Vec::new();
    write_to(b, now, id, &mut streamed, &mut Throttled::new(&Silent)).unwrap();
    let whole = serde_json::to_vec_pretty(&bundle(b, now, id)).unwrap();
    (String::from_utf8(streamed).unwrap(), String::from_utf8(whole).unwrap())
}

fn at(seconds: i64, millis: u32) -> DateTime<Utc> {
    Utc.timestamp_opt(seconds, millis * 1_000_000).unwrap()
}

fn assessment(n: u128, slr: Option<Slr>) -> AssessmentRecord {
    AssessmentRecord {
        id: Uuid::from_u128(0x0190_0000_0000_7000_9000_0000_0000_0000 + n),
        taken_at: at(1_780_000_000 + n as i64 * 86_400, 0),
        utc_offset_minutes: -300,
        answers: Answers { age: 40, slr, ..Answers::default() },
        result: None,
    }
}

#[test]
fn a_rich_history_streams_as_the_whole_bundle_pretty_printed() {
    let sides = [None, Some(Side::Left), Some(Side::Right), Some(Side::Both)];
    let every_site: Vec<SitePain> = BodySite::ALL
        .iter()
        .flat_map(|site| sides.iter().map(|side| SitePain { site: *site, side: *side, level: 7 }))
        .collect();
    let notes = [
        None,
        Some("He said \"it's fine\"\nthen it wasn't.\r\n\ttab"),
        Some("Ünïcode ✓ 😀 \u{2028} and \u{1} \u{8} \u{c} \u{1f} \u{7f} \\ /"),
        Some(""),
    ];
    let pain_entries: Vec<PainRecord> = PainContext::ALL
        .iter()
        .enumerate()
        .map(|(i, context)| PainRecord {
            id: Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0000 + i as u128),
            recorded_at: at(1_780_000_000 + i as i64 * 3_600, (i as u32 % 2) * 250),
            utc_offset_minutes: [0, 60, -300, 330, 840, -840, 45][i % 7],
            level: i as i32 % 11,
            sites: if i == 0 { Vec::new() } else { every_site[(i - 1) * 4 % every_site.len()..].to_vec() },
            context: *context,
            note: notes[i % notes.len()].map(str::to_owned),
        })
        .collect();
    let slr =
        |left, right, measured_by| Slr { left_deg: left, right_deg: right, measured_by, ..Slr::default() };
    let mut assessments = vec![assessment(0, None), assessment(1, Some(slr(None, None, None)))];
    for (i, by) in [None, Some(MeasuredBy::Helper), Some(MeasuredBy::SelfMeasured), Some(MeasuredBy::Phone)]
        .into_iter()
        .enumerate()
    {
        let i = i as i32;
        assessments.push(assessment(2 + i as u128, Some(slr(Some(40 + i), (i % 2 == 0).then_some(90), by))));
    }
    assessments.push(assessment(9, Some(slr(None, Some(0), None))));
    let b = history(pain_entries, assessments);
    assert!(b.pain_entries.iter().any(|p| p.sites.len() == every_site.len()));
    let (streamed, whole) = both(&b);
    assert_eq!(streamed, whole);
    // Both ends of the history: nothing at all, and the oracle's shape really varied.
    assert_eq!(whole.matches("\"component\"").count(), 5);
    let (streamed, whole) = both(&history(Vec::new(), vec![assessment(0, None)]));
    assert!(whole.contains("\"entry\": []"), "{whole}");
    assert_eq!(streamed, whole);
}

fn any_pain() -> impl Strategy<Value = PainRecord> {
    let site =
        (prop::sample::select(BodySite::ALL), prop::option::of(prop::sample::select(Side::ALL)), 0..=10)
            .prop_map(|(site, side, level)| SitePain { site, side, level });
    (
        any::<u128>(),
        946_684_800i64..4_102_444_799,
        0u32..1000,
        -840..=840,
        0..=10,
        prop::collection::vec(site, 0..5),
        prop::sample::select(PainContext::ALL),
        prop::option::of(any::<String>()),
    )
        .prop_map(|(id, seconds, millis, offset, level, sites, context, note)| PainRecord {
            id: Uuid::from_u128(id),
            recorded_at: at(seconds, millis),
            utc_offset_minutes: offset,
            level,
            sites,
            context,
            note,
        })
}

fn any_assessment() -> impl Strategy<Value = AssessmentRecord> {
    let by = prop::option::of(prop::sample::select(MeasuredBy::ALL));
    let slr = (prop::option::of(0..=120), prop::option::of(0..=120), by).prop_map(
        |(left_deg, right_deg, measured_by)| Slr { left_deg, right_deg, measured_by, ..Slr::default() },
    );
    (0u128..1000, prop::option::of(slr)).prop_map(|(n, slr)| assessment(n, slr))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn any_history_streams_as_the_whole_bundle_pretty_printed(
        pain in prop::collection::vec(any_pain(), 0..6),
        assessments in prop::collection::vec(any_assessment(), 0..4),
    ) {
        let (streamed, whole) = both(&history(pain, assessments));
        prop_assert_eq!(streamed, whole);
    }
}
