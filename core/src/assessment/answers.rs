//! The answers to the self-assessment, in the JSON shape shared by the CLI (`--answers`) and
//! the shells. Every block but `age` is optional: absent means not asked or skipped. Inside a
//! tick-all-that-apply block, an item left out means "no". The yes/no follow-ups that a safety
//! rule depends on (`leg_symptoms.both_legs`, `leg_symptoms.worsening`, `strain.walks_normally`)
//! are `Option`s: left out means not answered, never "no" (CLINICAL.md §2; see
//! `evaluate`'s `missing`).

use serde::{Deserialize, Serialize};

use crate::pain::{BodySite, Side};
use crate::validate::in_range;
use crate::{Error, Result};

pub const MIN_AGE: i32 = 16;
pub const MAX_AGE: i32 = 100;
pub const MAX_DURATION_DAYS: i32 = 36_500;
pub const MAX_SLR_DEG: i32 = 120;
pub const MAX_AKE_DEG: i32 = 90;
pub const MAX_BRIDGE_REPS: i32 = 60;
pub const MAX_INFLAMMATORY_FEATURES: i32 = 8;
pub const MAX_STRAIN_DAYS: i32 = 3650;
pub const MAX_WEEKS_ON_PLAN: i32 = 520;

text_enum! {
    pub enum Onset {
        MajorTrauma = "major_trauma",
        MinorFallOrLift = "minor_fall_or_lift",
        SuddenThighPain = "sudden_thigh_pain",
        Gradual = "gradual",
    }
}

text_enum! {
    pub enum MeasuredBy {
        Helper = "helper",
        SelfMeasured = "self",
        /// Measured by Limber from the phone's motion sensor (`measure`): the value entered as
        /// the typed one would be, with no reading or arithmetic by the person.
        Phone = "phone",
    }
}

text_enum! {
    /// Where the pull is felt at the end of the straight leg raise.
    pub enum FeltAt {
        BackOfThigh = "back_of_thigh",
        BehindKnee = "behind_knee",
        BelowKnee = "below_knee",
        Back = "back",
    }
}

text_enum! {
    pub enum Posture {
        Arched = "arched",
        Flat = "flat",
        NotSure = "not_sure",
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answers {
    pub age: i32,
    pub duration_days: Option<i32>,
    pub onset: Option<Onset>,
    pub pain_now: Option<i32>,
    pub pain_sites: Option<Vec<BodySite>>,
    pub pain_side: Option<Side>,
    pub leg_symptoms: Option<LegSymptoms>,
    pub cauda_equina: Option<CaudaEquina>,
    pub general: Option<General>,
    pub inflammatory: Option<Inflammatory>,
    pub strain: Option<Strain>,
    pub known: Option<Known>,
    pub slr: Option<Slr>,
    pub nerve_check: Option<bool>,
    pub slump: Option<bool>,
    pub crossed_slr: Option<bool>,
    pub ake: Option<Ake>,
    pub thomas: Option<Thomas>,
    pub bridge: Option<Bridge>,
    pub posture: Option<Posture>,
    pub knee_click: Option<bool>,
    pub weeks_on_plan_without_improvement: Option<i32>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LegSymptoms {
    pub numbness: bool,
    pub pins_and_needles: bool,
    /// New or worsening weakness: foot drop, the knee giving way.
    pub weakness: bool,
    /// Follow-up, required when any item of this block is ticked: are they in both legs?
    /// `None`: not answered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub both_legs: Option<bool>,
    /// Follow-up, required when any item of this block is ticked: are they getting worse?
    /// `None`: not answered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub worsening: Option<bool>,
    pub below_knee_pain_as_bad_as_back: bool,
    /// New difficulty walking because a leg does not do what it is told (gives way, drags,
    /// the foot catches); not a limp because walking hurts.
    pub new_difficulty_walking: bool,
    /// The leg pain or other leg symptoms stop normal daily activities.
    pub stops_normal_activities: bool,
}

impl LegSymptoms {
    /// Any item of the block ticked: the follow-ups (both legs? getting worse?) are then shown
    /// and required.
    pub fn any_ticked(&self) -> bool {
        self.numbness
            || self.pins_and_needles
            || self.weakness
            || self.below_knee_pain_as_bad_as_back
            || self.new_difficulty_walking
            || self.stops_normal_activities
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CaudaEquina {
    pub saddle_numbness: bool,
    pub bladder: bool,
    pub bowel: bool,
    pub sexual: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct General {
    /// A fever, or feeling hot and shivery. The old `fever_or_unwell` is read as this: the safer
    /// of its two meanings (CLINICAL.md §2: fever alone is urgent).
    #[serde(alias = "fever_or_unwell")]
    pub fever: bool,
    /// Feeling generally unwell.
    pub unwell: bool,
    /// Chest pain, or severe pain in the belly, together with the back pain.
    pub chest_or_belly_pain: bool,
    pub weight_loss: bool,
    pub past_cancer: bool,
    pub steroids_or_immunosuppressed: bool,
    pub injecting_drugs: bool,
    pub recent_infection: bool,
    pub night_pain: bool,
    pub thoracic_pain: bool,
    pub deformity: bool,
    pub pain_in_several_places: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Inflammatory {
    pub onset_before_45_over_3_months: bool,
    /// How many of the eight inflammatory features apply, 0-8.
    pub features: i32,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Strain {
    pub pop: bool,
    pub bruising: bool,
    /// Walking with a normal stride. Required whenever the strain questions are shown; `None`
    /// (not answered) is never read as yes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub walks_normally: Option<bool>,
    pub pain_on_contraction: bool,
    /// A gap or dent felt in the back of the thigh.
    pub gap: bool,
    pub days_since: Option<i32>,
    /// Pain 0-10 when digging the heel into the floor with the knee bent.
    pub heel_dig_pain: Option<i32>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Known {
    pub disc: bool,
    pub sciatica: bool,
    pub spinal_surgery_12_months: bool,
    pub pregnancy: bool,
    pub osteoporosis: bool,
    pub new_to_exercise: bool,
}

/// Straight leg raise, degrees from horizontal; a leg left out was not measured.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Slr {
    pub left_deg: Option<i32>,
    pub right_deg: Option<i32>,
    pub measured_by: Option<MeasuredBy>,
    pub felt_at: Option<FeltAt>,
    pub reproduces_leg_pain: bool,
}

/// Active knee extension with the hip at 90 degrees: degrees short of a straight knee.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Ake {
    pub left_deficit_deg: Option<i32>,
    pub right_deficit_deg: Option<i32>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Thomas {
    /// The hanging thigh lifts off the bed instead of resting on it (above horizontal).
    pub thigh_above_horizontal: bool,
    /// The lower leg does not hang straight down: the foot stays forward of the knee (the knee
    /// bends less than about 75 degrees).
    pub knee_bend_limited: bool,
}

/// Single-leg hamstring bridge: repetitions to failure each side, and pain during, 0-10.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Bridge {
    pub left_reps: Option<i32>,
    pub right_reps: Option<i32>,
    pub pain: Option<i32>,
}

impl Answers {
    /// Parses the JSON contract; an error names the offending field by its path.
    pub fn from_json(json: &str) -> Result<Answers> {
        let deserializer = &mut serde_json::Deserializer::from_str(json);
        let answers: Answers = serde_path_to_error::deserialize(deserializer).map_err(|e| {
            let (field, range) = describe_serde(&e.path().to_string(), e.inner());
            Error::invalid(field, range)
        })?;
        answers.validate()
    }

    /// Checks every range. Skipped tests are fine; out-of-range values are not.
    pub fn validate(self) -> Result<Answers> {
        if !(MIN_AGE..=MAX_AGE).contains(&self.age) {
            return Err(Error::invalid(
                "age",
                format!(
                    "a whole number from {MIN_AGE} to {MAX_AGE}: Limber is for people aged {MIN_AGE} and over"
                ),
            ));
        }
        opt("duration_days", self.duration_days, 0, MAX_DURATION_DAYS)?;
        opt("pain_now", self.pain_now, 0, 10)?;
        opt(
            "weeks_on_plan_without_improvement",
            self.weeks_on_plan_without_improvement,
            0,
            MAX_WEEKS_ON_PLAN,
        )?;
        if let Some(sites) = &self.pain_sites {
            for (i, site) in sites.iter().enumerate() {
                if sites[..i].contains(site) {
                    return Err(Error::invalid(format!("pain_sites[{i}]"), "each site at most once"));
                }
            }
        }
        if let Some(i) = &self.inflammatory {
            in_range("inflammatory.features", i.features, 0, MAX_INFLAMMATORY_FEATURES)?;
        }
        if let Some(s) = &self.strain {
            opt("strain.days_since", s.days_since, 0, MAX_STRAIN_DAYS)?;
            opt("strain.heel_dig_pain", s.heel_dig_pain, 0, 10)?;
        }
        if let Some(s) = &self.slr {
            opt("slr.left_deg", s.left_deg, 0, MAX_SLR_DEG)?;
            opt("slr.right_deg", s.right_deg, 0, MAX_SLR_DEG)?;
        }
        if let Some(a) = &self.ake {
            opt("ake.left_deficit_deg", a.left_deficit_deg, 0, MAX_AKE_DEG)?;
            opt("ake.right_deficit_deg", a.right_deficit_deg, 0, MAX_AKE_DEG)?;
        }
        if let Some(b) = &self.bridge {
            opt("bridge.left_reps", b.left_reps, 0, MAX_BRIDGE_REPS)?;
            opt("bridge.right_reps", b.right_reps, 0, MAX_BRIDGE_REPS)?;
            opt("bridge.pain", b.pain, 0, 10)?;
        }
        Ok(self)
    }
}

fn opt(field: &str, value: Option<i32>, min: i32, max: i32) -> Result<()> {
    value.map_or(Ok(()), |v| in_range(field, v, min, max).map(drop))
}

/// The field and what is valid, from serde's message, without echoing the input (it may be
/// health data).
fn describe_serde(path: &str, e: &serde_json::Error) -> (String, String) {
    let text = e.to_string();
    let text = text.split(" at line ").next().unwrap_or(&text);
    let within = |name: &str| match path {
        "." => name.to_owned(),
        parent => format!("{parent}.{name}"),
    };
    let quoted = |t: &str| t.split('`').nth(1).unwrap_or_default().to_owned();
    let field = if path == "." { "answers".to_owned() } else { path.to_owned() };
    if text.starts_with("missing field") {
        (within(&quoted(text)), "present".to_owned())
    } else if text.starts_with("duplicate field") {
        (within(&quoted(text)), "given once".to_owned())
    } else if text.starts_with("unknown field") {
        let known = text.split_once(", expected ").map_or("", |(_, k)| k);
        (field, format!("a known field: {}", known.replace('`', "")))
    } else if let Some((_, expected)) = text.split_once(", expected ") {
        (field, expected.replace('`', ""))
    } else {
        (field, "valid JSON".to_owned())
    }
}
