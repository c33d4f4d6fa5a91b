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

use std::io::{self, Write};

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::backup::{AssessmentRecord, PainRecord};
use super::labels::{context_name, local_text, side_name, site_name};
use super::listener::Throttled;
use super::records::{Records, Tally};
use crate::Result;
use crate::assessment::answers::MeasuredBy;
use crate::json_text::Pretty;
use crate::pain::{BodySite, SitePain};
use crate::rfc3339::{self, Seconds};

#[cfg(test)]
#[path = "fhir_tests.rs"]
mod tests;
#[cfg(test)]
pub(crate) use tests::bundle;

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

/// Writes the bundle entry by entry, as it reads them (one record in memory at a time). The
/// bytes are those of `serde_json::to_vec_pretty` of the whole bundle as one value (the test
/// oracle `bundle`): two-space indent, each object's keys in alphabetical order, as serde_json's
/// `Map` keeps them, so `entry` comes first.
pub(crate) fn write_to(
    records: &dyn Records,
    now: DateTime<Utc>,
    bundle_id: Uuid,
    out: &mut dyn Write,
    progress: &mut Throttled<'_>,
) -> Result<()> {
    let counts = records.counts()?;
    let mut tally = Tally::new(counts.pain_entries + counts.assessments, progress);
    let mut json = Pretty::new(out);
    json.open(None, b'{')?;
    json.open(Some("entry"), b'[')?;
    records.pain_entries(&mut |p| {
        tally.tick();
        Ok(pain(&mut json, &p)?)
    })?;
    records.assessments(&mut |a| {
        tally.tick();
        Ok(slr(&mut json, &a)?)
    })?;
    json.close(b']')?;
    let stamp = rfc3339::utc(now, Seconds::Whole);
    json.str(Some("id"), &bundle_id.to_string())?;
    json.one(Some("meta"), "lastUpdated", &stamp)?;
    json.str(Some("resourceType"), "Bundle")?;
    json.str(Some("timestamp"), &stamp)?;
    json.str(Some("type"), "collection")?;
    json.close(b'}')?;
    out.flush()?;
    Ok(())
}

/// Opens an entry and its resource: `{"fullUrl": "urn:uuid:<id>", "resource": {`.
fn open_entry(json: &mut Pretty<'_>, id: Uuid) -> io::Result<()> {
    json.open(None, b'{')?;
    json.str(Some("fullUrl"), &format!("urn:uuid:{id}"))?;
    json.open(Some("resource"), b'{')
}

/// The last members of every Observation (`valueInteger` when it has one), and the ends of its
/// resource and entry.
fn close_entry(json: &mut Pretty<'_>, value: Option<i32>) -> io::Result<()> {
    json.str(Some("resourceType"), "Observation")?;
    json.str(Some("status"), "final")?;
    if let Some(value) = value {
        json.int(Some("valueInteger"), value)?;
    }
    json.close(b'}')?;
    json.close(b'}')
}

/// A CodeableConcept with one coding: `{"coding": [{"code", "display", "system"}], "text"}`.
fn concept(
    json: &mut Pretty<'_>,
    key: Option<&str>,
    (system, code, display): (&str, &str, &str),
    text: Option<&str>,
) -> io::Result<()> {
    json.open(key, b'{')?;
    json.open(Some("coding"), b'[')?;
    json.open(None, b'{')?;
    json.str(Some("code"), code)?;
    json.str(Some("display"), display)?;
    json.str(Some("system"), system)?;
    json.close(b'}')?;
    json.close(b']')?;
    if let Some(text) = text {
        json.str(Some("text"), text)?;
    }
    json.close(b'}')
}

/// `category` and `code`, the first members of a pain Observation after any `bodySite`.
fn pain_head(json: &mut Pretty<'_>) -> io::Result<()> {
    json.open(Some("category"), b'[')?;
    concept(json, None, (CATEGORY, "survey", "Survey"), None)?;
    json.close(b']')?;
    concept(json, Some("code"), (LOINC, PAIN_CODE, PAIN_DISPLAY), Some("Pain, 0-10"))
}

fn references(json: &mut Pretty<'_>, key: &str, ids: impl Iterator<Item = Uuid>) -> io::Result<()> {
    json.open(Some(key), b'[')?;
    for id in ids {
        json.one(None, "reference", &format!("urn:uuid:{id}"))?;
    }
    json.close(b']')
}

/// One pain entry: its overall Observation, then one per body site.
fn pain(json: &mut Pretty<'_>, p: &PainRecord) -> io::Result<()> {
    let effective = local_text(p.recorded_at, p.utc_offset_minutes);
    open_entry(json, p.id)?;
    pain_head(json)?;
    json.str(Some("effectiveDateTime"), &effective)?;
    if !p.sites.is_empty() {
        references(json, "hasMember", p.sites.iter().map(|s| site_id(p.id, s)))?;
    }
    json.str(Some("id"), &p.id.to_string())?;
    json.open(Some("note"), b'[')?;
    json.one(None, "text", &format!("Logged {}.", context_name(p.context)))?;
    if let Some(note) = &p.note {
        json.one(None, "text", note)?;
    }
    json.close(b']')?;
    close_entry(json, Some(p.level))?;
    for s in &p.sites {
        let id = site_id(p.id, s);
        open_entry(json, id)?;
        let text = match s.side {
            Some(side) => format!("{}, {}", site_name(s.site), side_name(side)),
            None => site_name(s.site).to_owned(),
        };
        let (code, display) = snomed_site(s.site);
        concept(json, Some("bodySite"), (SNOMED, code, display), Some(&text))?;
        pain_head(json)?;
        references(json, "derivedFrom", std::iter::once(p.id))?;
        json.str(Some("effectiveDateTime"), &effective)?;
        json.str(Some("id"), &id.to_string())?;
        close_entry(json, Some(s.level))?;
    }
    Ok(())
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

/// An assessment with a straight leg raise on at least one leg: one Observation.
fn slr(json: &mut Pretty<'_>, a: &AssessmentRecord) -> io::Result<()> {
    let Some(s) = &a.answers.slr else { return Ok(()) };
    let legs = [("left", s.left_deg), ("right", s.right_deg)];
    if legs.iter().all(|(_, deg)| deg.is_none()) {
        return Ok(());
    }
    open_entry(json, a.id)?;
    json.open(Some("category"), b'[')?;
    concept(json, None, (CATEGORY, "exam", "Exam"), None)?;
    json.close(b']')?;
    json.one(Some("code"), "text", "Straight leg raise angle")?;
    json.open(Some("component"), b'[')?;
    for (side, deg) in legs {
        let Some(deg) = deg else { continue };
        json.open(None, b'{')?;
        json.one(Some("code"), "text", &format!("Straight leg raise angle, {side} leg"))?;
        json.open(Some("valueQuantity"), b'{')?;
        json.str(Some("code"), "deg")?;
        json.str(Some("system"), UCUM)?;
        json.str(Some("unit"), "deg")?;
        json.int(Some("value"), deg)?;
        json.close(b'}')?;
        json.close(b'}')?;
    }
    json.close(b']')?;
    json.str(Some("effectiveDateTime"), &local_text(a.taken_at, a.utc_offset_minutes))?;
    json.str(Some("id"), &a.id.to_string())?;
    json.one(Some("method"), "text", method(s.measured_by))?;
    close_entry(json, None)
}

fn method(measured_by: Option<MeasuredBy>) -> &'static str {
    match measured_by {
        Some(MeasuredBy::Helper) => "Home test, phone inclinometer on the shin, leg lifted by a helper",
        Some(MeasuredBy::SelfMeasured) => "Home test, phone inclinometer on the shin, self-measured",
        Some(MeasuredBy::Phone) => {
            "Home test, measured by the app from the phone's motion sensor on the shin"
        }
        None => "Home test, phone inclinometer on the shin",
    }
}
