//! The pain log: any number of entries a day, each with an overall 0-10 level and optional
//! levels for body sites.

use chrono::{DateTime, FixedOffset, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::validate::{At, in_range, optional_text, within};
use crate::{Error, Result, timestamp};

/// Top of the 0-10 numeric rating scale (NRS) for every pain level (CLINICAL.md §1).
pub const MAX_LEVEL: i32 = 10;
/// Longest free note, in characters (Unicode scalar values) after trimming.
pub const MAX_NOTE_CHARS: usize = 2000;

text_enum! {
    /// Where it hurts, from the back down the leg.
    pub enum BodySite {
        /// The low back (SNOMED CT 37822005 in the FHIR export).
        LowBack = "low_back",
        /// The buttock (SNOMED CT 46862004).
        Buttock = "buttock",
        /// The back of the thigh, over the hamstrings (SNOMED CT 68367000). A leg site: in the
        /// assessment it asks for the side and shows the cauda equina card.
        BackOfThigh = "back_of_thigh",
        /// Behind the knee (SNOMED CT 6902008, popliteal region). A leg site.
        BehindKnee = "behind_knee",
        /// Below the knee: calf and shin (SNOMED CT 30021000). A leg site; on both sides, read as
        /// nerve pain in both legs (an emergency, CLINICAL.md §2) unless the both-legs question
        /// says otherwise.
        BelowKnee = "below_knee",
        /// The foot (SNOMED CT 56459004). A leg site, weighed as below the knee.
        Foot = "foot",
    }
}

text_enum! {
    /// Which side of the body; `Both` is read as both legs when a site below the knee is given
    /// (the safer reading, CLINICAL.md §2).
    pub enum Side {
        /// The left side.
        Left = "left",
        /// The right side.
        Right = "right",
        /// Both sides.
        Both = "both",
    }
}

text_enum! {
    /// What the person was doing when they logged, so trends compare like with like.
    pub enum PainContext {
        /// On waking; the next-morning check saves its pain with this context.
        OnWaking = "on_waking",
        /// After sitting.
        AfterSitting = "after_sitting",
        /// Before an exercise session.
        BeforeSession = "before_session",
        /// During an exercise session.
        DuringSession = "during_session",
        /// After an exercise session.
        AfterSession = "after_session",
        /// In the evening.
        Evening = "evening",
        /// Any other moment.
        Other = "other",
    }
}

/// One body site's level. `side` is absent where it does not apply or was not given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SitePain {
    /// Where.
    pub site: BodySite,
    /// Which side, for a site that has one.
    pub side: Option<Side>,
    /// The site's pain, 0-10.
    pub level: i32,
}

/// What a person logs; the store gives it an id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PainInput {
    /// When the pain was felt; 2000-01-01 to 2099-12-31 UTC.
    pub recorded_at: DateTime<Utc>,
    /// The local UTC offset then, in minutes, -840 to 840 (±14 h).
    pub utc_offset_minutes: i32,
    /// Overall pain, 0-10 (NRS).
    pub level: i32,
    /// Levels for body sites, each site and side at most once; may be empty.
    pub sites: Vec<SitePain>,
    /// What the person was doing.
    pub context: PainContext,
    /// A free note, at most `MAX_NOTE_CHARS` characters; never in errors or logs.
    pub note: Option<String>,
}

/// A stored entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PainEntry {
    /// The entry's id (UUID v7).
    pub id: Uuid,
    /// When the pain was felt.
    pub recorded_at: DateTime<Utc>,
    /// The local UTC offset then, in minutes.
    pub utc_offset_minutes: i32,
    /// Overall pain, 0-10.
    pub level: i32,
    /// Levels for body sites, ordered from the back down the leg.
    pub sites: Vec<SitePain>,
    /// What the person was doing.
    pub context: PainContext,
    /// The free note, trimmed; `None` when empty.
    pub note: Option<String>,
}

impl PainInput {
    /// Checks every field and returns the entry in canonical form: note trimmed (empty means
    /// none), sites ordered from the back down the leg.
    pub fn validate(self) -> Result<PainInput> {
        let recorded_at = timestamp::check_instant("recorded_at", self.recorded_at)?;
        let utc_offset_minutes = timestamp::check_offset("utc_offset_minutes", self.utc_offset_minutes)?;
        let level = in_range("level", self.level, 0, MAX_LEVEL)?;
        let mut sites = self.sites;
        for (i, site) in sites.iter().enumerate() {
            within(At("sites", i), in_range("level", site.level, 0, MAX_LEVEL))?;
            if sites[..i].iter().any(|s| s.site == site.site && s.side == site.side) {
                return Err(Error::invalid(
                    format!("sites[{i}]"),
                    "each site and side at most once per entry",
                ));
            }
        }
        crate::sort::sort_by_key(&mut sites, |s| (s.site, s.side));
        let note = optional_text("note", self.note.as_deref(), MAX_NOTE_CHARS)?;
        Ok(PainInput { recorded_at, utc_offset_minutes, level, sites, context: self.context, note })
    }

    /// The stored entry this input becomes under `id`; call after `validate`.
    pub fn into_entry(self, id: Uuid) -> PainEntry {
        let PainInput { recorded_at, utc_offset_minutes, level, sites, context, note } = self;
        PainEntry { id, recorded_at, utc_offset_minutes, level, sites, context, note }
    }
}

impl PainEntry {
    /// The wall-clock time the person saw when they logged it.
    pub fn local_time(&self) -> DateTime<FixedOffset> {
        timestamp::local(self.recorded_at, self.utc_offset_minutes)
    }
}

/// A page of entries, newest first. Pass `next_cursor` back to get the following page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PainPage {
    /// Up to `limit` entries, newest first.
    pub entries: Vec<PainEntry>,
    /// Where the next page starts, opaque; `None` on the last page.
    pub next_cursor: Option<String>,
}

/// Which entries to list: `from` inclusive, `to` exclusive, either open.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PainQuery {
    /// Earliest `recorded_at` listed (inclusive); `None`: from the first entry.
    pub from: Option<DateTime<Utc>>,
    /// Latest `recorded_at` bound (exclusive); `None`: to the last entry.
    pub to: Option<DateTime<Utc>>,
    /// 1..=`MAX_PAGE`.
    pub limit: i32,
    /// The previous page's `next_cursor`, or `None` for the first page; a malformed one is `Invalid`.
    pub cursor: Option<String>,
}

/// Most entries in one page.
pub const MAX_PAGE: i32 = 500;

#[cfg(test)]
mod tests;
