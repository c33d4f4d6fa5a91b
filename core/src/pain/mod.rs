//! The pain log: any number of entries a day, each with an overall 0-10 level and optional
//! levels for body sites.

use chrono::{DateTime, FixedOffset, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::validate::{in_range, optional_text};
use crate::{Error, Result, timestamp};

pub const MAX_LEVEL: i32 = 10;
pub const MAX_NOTE_CHARS: usize = 2000;

text_enum! {
    /// Where it hurts, from the back down the leg.
    pub enum BodySite {
        LowBack = "low_back",
        Buttock = "buttock",
        BackOfThigh = "back_of_thigh",
        BehindKnee = "behind_knee",
        BelowKnee = "below_knee",
        Foot = "foot",
    }
}

text_enum! {
    pub enum Side {
        Left = "left",
        Right = "right",
        Both = "both",
    }
}

text_enum! {
    /// What the person was doing when they logged, so trends compare like with like.
    pub enum PainContext {
        OnWaking = "on_waking",
        AfterSitting = "after_sitting",
        BeforeSession = "before_session",
        DuringSession = "during_session",
        AfterSession = "after_session",
        Evening = "evening",
        Other = "other",
    }
}

/// One body site's level. `side` is absent where it does not apply or was not given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SitePain {
    pub site: BodySite,
    pub side: Option<Side>,
    pub level: i32,
}

/// What a person logs; the store gives it an id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PainInput {
    pub recorded_at: DateTime<Utc>,
    pub utc_offset_minutes: i32,
    pub level: i32,
    pub sites: Vec<SitePain>,
    pub context: PainContext,
    pub note: Option<String>,
}

/// A stored entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PainEntry {
    pub id: Uuid,
    pub recorded_at: DateTime<Utc>,
    pub utc_offset_minutes: i32,
    pub level: i32,
    pub sites: Vec<SitePain>,
    pub context: PainContext,
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
            in_range(&format!("sites[{i}].level"), site.level, 0, MAX_LEVEL)?;
            if sites[..i].iter().any(|s| s.site == site.site && s.side == site.side) {
                return Err(Error::invalid(
                    format!("sites[{i}]"),
                    "each site and side at most once per entry",
                ));
            }
        }
        sites.sort_by_key(|s| (s.site, s.side));
        let note = optional_text("note", self.note.as_deref(), MAX_NOTE_CHARS)?;
        Ok(PainInput { recorded_at, utc_offset_minutes, level, sites, context: self.context, note })
    }

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
    pub entries: Vec<PainEntry>,
    pub next_cursor: Option<String>,
}

/// Which entries to list: `from` inclusive, `to` exclusive, either open.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PainQuery {
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
    /// 1..=`MAX_PAGE`.
    pub limit: i32,
    pub cursor: Option<String>,
}

pub const MAX_PAGE: i32 = 500;

#[cfg(test)]
mod tests;
