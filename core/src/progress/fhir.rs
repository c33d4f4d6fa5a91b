//! The FHIR R4 export: a Bundle of type `collection` holding Observations.
//!
//! - Each pain entry: LOINC 72514-3 (pain severity, 0-10 verbal numeric rating), category
//!   `survey`, `valueInteger` 0-10, `effectiveDateTime` at the offset the person was at, status
//!   `final`, the context and note as `note`. Each body site with its own level is a member
//!   Observation (`hasMember`) with the same code, its level, and `bodySite`: a SNOMED CT body
//!   structure, with the side in the text (R4 has no laterality element on Observation, and an
//!   unregistered extension would mean nothing to a reader).
//! - Each assessment with a straight leg raise: one Observation, category `exam`, coded by text
//!   (there is no LOINC code for a home SLR angle), one component per leg with `valueQuantity`
//!   in degrees (UCUM `deg`).
//!
//! Every entry's `fullUrl` is `urn:uuid:<id>`: the record's own id, or for a site a version 8
//! UUID derived from the entry's id and the site, so the same data always gives the same bundle.
//! `tests/fhir/validate.py` checks the output against the R4 models of `fhir.resources`.

use std::io::Write;

use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::{Value, json};
use uuid::Uuid;

use super::backup::{AssessmentRecord, PainRecord};
use super::json_stream::JsonStream;
use super::labels::{context_name, local_text, side_name, site_name};
use super::listener::Throttled;
use super::records::{Records, Tally};
use crate::Result;
use crate::assessment::answers::MeasuredBy;
use crate::pain::{BodySite, SitePain};

const LOINC: &str = "http://loinc.org";
const SNOMED: &str = "http://snomed.info/sct";
const UCUM: &str = "http://unitsofmeasure.org";
const CATEGORY: &str = "http://terminology.hl7.org/CodeSystem/observation-category";
const PAIN_CODE: &str = "72514-3";
const PAIN_DISPLAY: &str = "Pain severity - 0-10 verbal numeric rating [Score] - Reported";

/// SNOMED CT body structures (concept ids and preferred terms as in the International
/// Edition): 37822005 |Lower back structure|, 46862004 |Buttock structure|, 68367000 |Thigh
/// structure| (the back of the thigh is said in the text), 6902008 |Popliteal region
/// structure|, 30021000 |Lower leg structure|, 56459004 |Foot structure|.
fn snomed_site(site: BodySite) -> (&'static str, &'static str) {
    match site {
        BodySite::LowBack => ("37822005", "Lower back structure"),
        BodySite::Buttock => ("46862004", "Buttock structure"),
        BodySite::BackOfThigh => ("68367000", "Thigh structure"),
        BodySite::BehindKnee => ("6902008", "Popliteal region structure"),
        BodySite::BelowKnee => ("30021000", "Lower leg structure"),
        BodySite::Foot => ("56459004", "Foot structure"),
    }
}

/// Writes the bundle entry by entry (one pain entry's Observations in memory at a time). The
/// bytes are those of `serde_json::to_vec_pretty` of the whole bundle, whose keys serde_json
/// keeps in alphabetical order: `entry` comes first.
pub(crate) fn write_to(
    records: &dyn Records,
    now: DateTime<Utc>,
    bundle_id: Uuid,
    out: &mut dyn Write,
    progress: &mut Throttled<'_>,
) -> Result<()> {
    let counts = records.counts()?;
    let mut tally = Tally::new(counts.pain_entries + counts.assessments, progress);
    let mut json = JsonStream::new(out)?;
    json.begin_list("entry")?;
    let mut entries = Vec::new();
    records.pain_entries(&mut |p| {
        tally.tick();
        entries.clear();
        pain(&mut entries, &p);
        entries.iter().try_for_each(|e| json.item(e))
    })?;
    records.assessments(&mut |a| {
        tally.tick();
        match slr(&a) {
            Some(observation) => json.item(&entry(a.id, observation)),
            None => Ok(()),
        }
    })?;
    json.end_list()?;
    let stamp = now.to_rfc3339_opts(SecondsFormat::Secs, true);
    json.field("id", &bundle_id.to_string())?;
    json.field("meta", &json!({"lastUpdated": stamp}))?;
    json.field("resourceType", &"Bundle")?;
    json.field("timestamp", &stamp)?;
    json.field("type", &"collection")?;
    json.finish()?;
    Ok(())
}

/// The whole bundle as one value (tests compare the streamed bytes with it).
#[cfg(test)]
pub(crate) fn bundle(b: &super::backup::Backup, now: DateTime<Utc>, bundle_id: Uuid) -> Value {
    let mut entries = Vec::new();
    for p in &b.pain_entries {
        pain(&mut entries, p);
    }
    for a in &b.assessments {
        if let Some(observation) = slr(a) {
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

fn pain(entries: &mut Vec<Value>, p: &PainRecord) {
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

/// A stable id for one site of one entry: the entry's id with the site and side folded into
/// its last bytes, marked as a version 8 (custom) UUID so it never equals a stored v7 id.
fn site_id(entry: Uuid, s: &SitePain) -> Uuid {
    let mut bytes = *entry.as_bytes();
    let side = s.side.map_or(0u8, |side| side as u8 + 1);
    bytes[14] ^= s.site as u8 + 1;
    bytes[15] ^= side.wrapping_mul(16) | 0x0F;
    uuid::Builder::from_custom_bytes(bytes).into_uuid()
}

fn slr(a: &AssessmentRecord) -> Option<Value> {
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
