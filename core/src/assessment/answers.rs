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

/// Youngest age accepted, in years (CLINICAL.md §1): under 16 is out of scope and refused.
pub const MIN_AGE: i32 = 16;
/// Oldest age accepted, in years (CLINICAL.md §1).
pub const MAX_AGE: i32 = 100;
/// Longest pain duration accepted, in days (100 years; CLINICAL.md §1).
pub const MAX_DURATION_DAYS: i32 = 36_500;
/// Largest straight-leg-raise angle accepted, in degrees from horizontal (CLINICAL.md §1).
pub const MAX_SLR_DEG: i32 = 120;
/// Largest active-knee-extension deficit accepted, in degrees short of straight (CLINICAL.md §1).
pub const MAX_AKE_DEG: i32 = 90;
/// Most single-leg bridge repetitions accepted per side (CLINICAL.md §1).
pub const MAX_BRIDGE_REPS: i32 = 60;
/// How many inflammatory features there are to count (CLINICAL.md §1, `inflammatory`).
pub const MAX_INFLAMMATORY_FEATURES: i32 = 8;
/// Most days since a thigh strain accepted (10 years) [D: a bound on typos, not a clinical limit].
pub const MAX_STRAIN_DAYS: i32 = 3650;
/// Most weeks on the plan accepted (10 years) [D: a bound on typos, not a clinical limit].
pub const MAX_WEEKS_ON_PLAN: i32 = 520;

text_enum! {
    /// How the back pain started (CLINICAL.md §1, `onset`); a safety question (§2).
    pub enum Onset {
        /// A road accident, a fall from height: back pain after it is an emergency (possible fracture, §2).
        MajorTrauma = "major_trauma",
        /// A minor fall or a lift: urgent with osteoporosis, long-term steroids or at 70 or over (§2).
        MinorFallOrLift = "minor_fall_or_lift",
        /// Sudden pain at the back of the thigh (sprint, kick, overstretch): a possible hamstring strain,
        /// which opens the strain questions and gate G1 (§3).
        SuddenThighPain = "sudden_thigh_pain",
        /// Came on gradually, with no event.
        Gradual = "gradual",
    }
}

text_enum! {
    /// Who lifted the leg for the straight leg raise: a real change is >= 5 degrees with the same
    /// helper, >= 10 degrees with a different one or self-measured (CLINICAL.md §1).
    pub enum MeasuredBy {
        /// A helper lifted the leg with the knee locked and the other thigh held down.
        Helper = "helper",
        /// The person lifted their own leg (a strap or towel): less repeatable.
        SelfMeasured = "self",
        /// Measured by Limber from the phone's motion sensor (`measure`): the value entered as
        /// the typed one would be, with no reading or arithmetic by the person.
        Phone = "phone",
    }
}

text_enum! {
    /// Where the pull is felt at the end of the straight leg raise.
    pub enum FeltAt {
        /// At the back of the thigh, the hamstrings: a low SLR counts toward pattern P1, which is
        /// `likely` only with this (or a tight AKE) and a negative nerve check (CLINICAL.md §4).
        BackOfThigh = "back_of_thigh",
        /// Behind the knee: a low SLR still counts toward P1.
        BehindKnee = "behind_knee",
        /// Below the knee or into the foot: a low SLR does not count toward P1 (it may be the
        /// nerve, not the muscle).
        BelowKnee = "below_knee",
        /// In the back: a low SLR does not count toward P1.
        Back = "back",
    }
}

text_enum! {
    /// Optional self-report of the low back's curve; supports pattern P2, never decides it
    /// (CLINICAL.md §4: anterior tilt is normal in most pain-free people).
    pub enum Posture {
        /// An exaggerated low-back arch with the buttocks sticking out (anterior tilt).
        Arched = "arched",
        /// A flat low back.
        Flat = "flat",
        /// Not sure: weighs nothing.
        NotSure = "not_sure",
    }
}

/// The whole self-assessment (CLINICAL.md §1). Ranges are checked by [`Answers::validate`];
/// `None` means not asked or skipped, and a skipped safety question means no plan yet (§2).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answers {
    /// Age in years, 16-100 (`MIN_AGE`..=`MAX_AGE`); required.
    pub age: i32,
    /// How long the back has hurt, in days, 0-36500; `None` counts as new pain (§2).
    pub duration_days: Option<i32>,
    /// How the pain started; a safety question.
    pub onset: Option<Onset>,
    /// Pain now on the 0-10 numeric rating scale.
    pub pain_now: Option<i32>,
    /// Where it hurts, each site at most once.
    pub pain_sites: Option<Vec<BodySite>>,
    /// The side of the leg symptoms; asked only when a leg site or a leg symptom is given.
    pub pain_side: Option<Side>,
    /// Leg nerve symptoms and their follow-ups (§1 `nerve`; triage §2, gate G2 §3).
    pub leg_symptoms: Option<LegSymptoms>,
    /// Cauda equina symptoms now or in the last few days: any one is an emergency (§2).
    pub cauda_equina: Option<CaudaEquina>,
    /// General red flags (§1 `general`; triage §2).
    pub general: Option<General>,
    /// Inflammatory back pain: 4 or more features is `soon` [E: NICE NG65] (§2).
    pub inflammatory: Option<Inflammatory>,
    /// A thigh strain, asked only after sudden thigh pain (`Onset::SuddenThighPain`): gate G1 (§3).
    pub strain: Option<Strain>,
    /// Conditions already diagnosed or known (gates G3 and G4, §3); a safety question.
    pub known: Option<Known>,
    /// The straight leg raise (pattern P1, §4; gate G2 when it reproduces leg pain).
    pub slr: Option<Slr>,
    /// At the SLR end point, lowering the leg a little and pulling the toes up or tucking the chin
    /// changes the symptoms: a nerve-type sign (gate G2).
    pub nerve_check: Option<bool>,
    /// The seated slump test brings on the usual leg symptoms, easing when looking up (gate G2).
    pub slump: Option<bool>,
    /// Raising the good leg brings on pain in the painful leg: `soon`, and gate G2 (§2, §3); asked
    /// only with leg symptoms on one side.
    pub crossed_slr: Option<bool>,
    /// Active knee extension deficits (pattern P1 past 20 degrees, §4).
    pub ake: Option<Ake>,
    /// The Thomas test (pattern P2, §4).
    pub thomas: Option<Thomas>,
    /// The single-leg hamstring bridge (pattern P2 under 20 reps or a side difference >= 5, §4).
    pub bridge: Option<Bridge>,
    /// Self-reported posture: low weight, supports P2 only.
    pub posture: Option<Posture>,
    /// The knee clicks or snaps when bending or straightening \[S\]: low weight, supports P2 only.
    pub knee_click: Option<bool>,
    /// Weeks on a plan without improvement, 0-520: about 4 or more is `soon` (§2).
    pub weeks_on_plan_without_improvement: Option<i32>,
}

/// Leg nerve symptoms, tick all that apply (CLINICAL.md §1 `nerve`; triage §2, gate G2 §3).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LegSymptoms {
    /// Numbness in a leg.
    pub numbness: bool,
    /// Pins and needles in a leg.
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
    /// Pain below the knee at least as bad as the back pain (gate G2; in both legs, an emergency).
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

/// Cauda equina symptoms now or in the last few days: any one ticked is an emergency
/// (CLINICAL.md §2) [E: NHS; GIRFT cauda equina pathway].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CaudaEquina {
    /// Numbness around the genitals, anus or inner thighs.
    pub saddle_numbness: bool,
    /// New trouble starting or controlling urine, or not feeling the need to go.
    pub bladder: bool,
    /// New loss of bowel control.
    pub bowel: bool,
    /// New sexual dysfunction.
    pub sexual: bool,
}

/// General red flags, tick all that apply (CLINICAL.md §1 `general`; tiers in §2).
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
    /// Unexplained weight loss: `soon` alone, `urgent` with another cancer flag (§2).
    pub weight_loss: bool,
    /// A past cancer: `soon` alone; `urgent` with new or changed back pain, or with another cancer
    /// flag (§2).
    pub past_cancer: bool,
    /// Long-term steroids or weak immunity: `soon` alone; `urgent` after a minor fall or lift (§2).
    pub steroids_or_immunosuppressed: bool,
    /// Injecting drugs: `soon` (§2, infection risk).
    pub injecting_drugs: bool,
    /// An infection in the last 6 weeks (bladder, kidney, skin, wound; not a cold or flu) \[D\]:
    /// `soon` alone (`recent_infection`), `urgent` with a fever (`possible_infection`).
    pub recent_infection: bool,
    /// Night pain not eased by changing position: `soon` alone, `urgent` with another cancer flag.
    pub night_pain: bool,
    /// Upper (thoracic) back pain: `soon` (§2).
    pub thoracic_pain: bool,
    /// A visible deformity of the spine: `soon` (§2).
    pub deformity: bool,
    /// Pain in several places: `soon` (§2).
    pub pain_in_several_places: bool,
}

/// Inflammatory back pain (CLINICAL.md §1 `inflammatory`) [E: NICE NG65].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Inflammatory {
    /// The back pain started before 45 and has lasted more than 3 months; the features are asked
    /// only then.
    pub onset_before_45_over_3_months: bool,
    /// How many of the eight inflammatory features apply, 0-8.
    pub features: i32,
}

/// A thigh strain after sudden pain at the back of the thigh (CLINICAL.md §1 `strain`; gate G1
/// and its phases, §3) [E: Heiderscheit, JOSPT 2010].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Strain {
    /// A pop was felt: with not walking normally or large bruising, a suspected complete tear
    /// (`urgent`, §2).
    pub pop: bool,
    /// Visible (large) bruising on the back of the thigh.
    pub bruising: bool,
    /// Walking with a normal stride. Required whenever the strain questions are shown; `None`
    /// (not answered) is never read as yes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub walks_normally: Option<bool>,
    /// Pain when tightening the back of the thigh.
    pub pain_on_contraction: bool,
    /// A gap or dent felt in the back of the thigh.
    pub gap: bool,
    /// Days since the injury, 0-3650; `None` counts as a fresh strain (within 14 days) \[D\].
    pub days_since: Option<i32>,
    /// Pain 0-10 when digging the heel into the floor with the knee bent.
    pub heel_dig_pain: Option<i32>,
}

/// What is already known or diagnosed, tick all that apply (CLINICAL.md §1 `known`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Known {
    /// A disc herniation or bulge: gate G3 without nerve signs (§3).
    pub disc: bool,
    /// Diagnosed sciatica: gate G3 like a known disc, when there are no nerve signs (§3).
    pub sciatica: bool,
    /// Spinal surgery in the last 12 months: gate G4 (§3).
    pub spinal_surgery_12_months: bool,
    /// Pregnant: gate G4, with no lying face down and a caution on lying on the back (§3).
    pub pregnancy: bool,
    /// Osteoporosis: gate G4 (§3); after a minor fall or lift, `urgent` (§2).
    pub osteoporosis: bool,
    /// New to exercise: gate G4 at 65 or over (§3).
    pub new_to_exercise: bool,
}

/// Straight leg raise, degrees from horizontal; a leg left out was not measured.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Slr {
    /// Left leg, 0-120 degrees from horizontal; under 80 is below the typical range (P1, §4).
    pub left_deg: Option<i32>,
    /// Right leg, 0-120 degrees from horizontal.
    pub right_deg: Option<i32>,
    /// Who lifted the leg (how large a change must be to be real).
    pub measured_by: Option<MeasuredBy>,
    /// Where the pull is felt at the end point; decides whether a low SLR counts toward P1
    /// (`None`: it counts).
    pub felt_at: Option<FeltAt>,
    /// The raise brings on the usual leg pain, at any angle: gate G2, never counted toward P1.
    pub reproduces_leg_pain: bool,
}

/// Active knee extension with the hip at 90 degrees: degrees short of a straight knee.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Ake {
    /// Left knee, 0-90 degrees short of straight; more than 20 counts toward P1 (§4).
    pub left_deficit_deg: Option<i32>,
    /// Right knee, 0-90 degrees short of straight.
    pub right_deficit_deg: Option<i32>,
}

/// The Thomas test, lying on the back with one leg hanging off the bed's end (pattern P2, §4).
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
    /// Left side, 0-60 repetitions; under 20 counts toward P2 (§4).
    pub left_reps: Option<i32>,
    /// Right side, 0-60 repetitions.
    pub right_reps: Option<i32>,
    /// Pain during the bridge, 0-10.
    pub pain: Option<i32>,
}

impl Answers {
    /// Parses the JSON contract; an error names the offending field by its path.
    pub fn from_json(json: &str) -> Result<Answers> {
        let answers: Answers = crate::json_path::parse(json).map_err(|f| {
            let (field, range) = describe_serde(&f.path, &f.error);
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
    if text.starts_with("trailing characters") {
        ("answers".to_owned(), "one JSON object with nothing after it".to_owned())
    } else if text.starts_with("missing field") {
        (within(&quoted(text)), "present".to_owned())
    } else if text.starts_with("duplicate field") {
        (within(&quoted(text)), "given once".to_owned())
    } else if text.starts_with("unknown field") {
        let known = crate::json_path::expected(text).unwrap_or_default();
        (crate::json_path::unknown_field(path, text), format!("a known field: {}", known.replace('`', "")))
    } else if let Some(expected) = crate::json_path::expected(text) {
        (field, expected.replace('`', ""))
    } else {
        (field, "valid JSON".to_owned())
    }
}
