//! The JSON backup: every table's rows as typed records, settings included, in a versioned
//! format. `Limber::export(ExportFormat::JsonBackup, ..)` writes it and `Limber::import_backup`
//! restores it.
//!
//! ```json
//! {"format": "limber-backup", "format_version": 1, "schema_version": 4,
//!  "exported_at": "2026-11-20T08:30:00Z", "settings": {"routine": {..}, "reminders": {..}},
//!  "pain_entries": [..], "assessments": [..], "check_ins": [..], "morning_checks": [..],
//!  "track_states": [..], "progression_events": [..], "snoozes": [..]}
//! ```
//!
//! Restoring is all or nothing: the whole file is parsed and every value checked exactly like
//! normal input before anything is written, then it is applied in one transaction. Records are
//! merged by id (morning checks by date, track states by track, snoozes by reminder id,
//! settings by name): one already there is skipped, never overwritten. Measurements and the
//! assessment results are not read from the file but worked out from the answers, as when an
//! assessment is submitted, so a file cannot make Limber say what the answers do not.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::listener::{ProgressStage, Silent, Throttled};
use crate::assessment::{Answers, AssessmentResult, evaluate};
use crate::catalog::ExerciseId;
use crate::ids::deserialize_id;
use crate::pain::{MAX_LEVEL, MAX_NOTE_CHARS, PainContext, PainInput, SitePain};
use crate::rfc3339::{deserialize_date, deserialize_moment, deserialize_optional_date, serialize_moment};
use crate::routine::checkin::{CheckInInput, ExerciseCheckIn, SkipReason};
use crate::routine::dose::{DoseProfile, Step, Track, steps, steps_for};
use crate::routine::progression::{Decision, Light};
use crate::routine::settings::{MAX_SESSIONS_PER_DAY, RoutineSettings};
use crate::schedule::{ReminderSettings, Target};
use crate::seen::Seen;
use crate::timestamp::{self, check_instant, check_offset};
use crate::validate::{At, in_range, optional_text, within};
use crate::versions::SCHEMA_VERSION;
use crate::{Error, Result};

/// The `format` a backup file names: anything else is refused as not a Limber backup.
pub const FORMAT: &str = "limber-backup";
/// The backup format this code writes and the newest it reads; a file from 1 up to it is read,
/// a newer one refused with `NewerBackup`.
pub const FORMAT_VERSION: i32 = 1;
/// Bytes: files larger than this (64 MiB) are refused before parsing.
pub const MAX_BYTES: usize = 64 * 1024 * 1024;
/// [D] Counters of a track's state are small; anything larger is not from Limber.
const MAX_COUNTER: i32 = 10_000;

/// A whole backup file, as written and as read (the module's example shows its shape). Every
/// list may be left out of a file (empty); an unknown field is refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Backup {
    /// Always [`FORMAT`].
    pub format: String,
    /// The backup format it was written in: 1 to [`FORMAT_VERSION`].
    pub format_version: i32,
    /// The schema version of its records ([`BACKUP_SCHEMA_VERSION`](crate::versions::BACKUP_SCHEMA_VERSION)
    /// when this code writes it): 1 to the schema this code writes.
    pub schema_version: i32,
    /// When it was written; 2000-01-01 to 2099-12-31 UTC.
    #[serde(serialize_with = "serialize_moment", deserialize_with = "deserialize_moment")]
    pub exported_at: DateTime<Utc>,
    /// The settings the person chose.
    #[serde(default)]
    pub settings: BackupSettings,
    /// The pain log, morning checks' pain included.
    #[serde(default)]
    pub pain_entries: Vec<PainRecord>,
    /// Every assessment's answers.
    #[serde(default)]
    pub assessments: Vec<AssessmentRecord>,
    /// Every session check-in.
    #[serde(default)]
    pub check_ins: Vec<CheckInRecord>,
    /// Every next-morning check, pointing at its pain entry.
    #[serde(default)]
    pub morning_checks: Vec<MorningCheckRecord>,
    /// Where each track's dose stands.
    #[serde(default)]
    pub track_states: Vec<TrackStateRecord>,
    /// Every dose change with its reason (the file's `progression_events`).
    #[serde(default)]
    #[serde(rename = "progression_events")]
    pub dose_changes: Vec<DoseChangeRecord>,
    /// Reminders put off, with when they fire again.
    #[serde(default)]
    pub snoozes: Vec<SnoozeRecord>,
}

/// Settings the person chose; absent means never set (the defaults apply).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BackupSettings {
    /// Session times, strength days, equipment; checked as when saved.
    pub routine: Option<RoutineSettings>,
    /// Reminder times and options; checked as when saved.
    pub reminders: Option<ReminderSettings>,
}

/// One pain log entry, checked like a new entry (`PainInput::validate`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PainRecord {
    /// The entry's id, once in the file.
    #[serde(deserialize_with = "deserialize_id")]
    pub id: Uuid,
    /// When the pain was felt; 2000-01-01 to 2099-12-31 UTC.
    #[serde(serialize_with = "serialize_moment", deserialize_with = "deserialize_moment")]
    pub recorded_at: DateTime<Utc>,
    /// The local UTC offset then, in minutes, -840 to 840.
    pub utc_offset_minutes: i32,
    /// Overall pain, 0-10.
    pub level: i32,
    /// Levels (0-10) for body sites, each site and side once; put in order from the back down
    /// the leg on reading.
    #[serde(default)]
    pub sites: Vec<SitePain>,
    /// What the person was doing.
    pub context: PainContext,
    /// The free note, at most 2,000 characters; trimmed on reading, empty read as none.
    pub note: Option<String>,
}

/// One assessment: its answers, from which a restore works out the result again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AssessmentRecord {
    /// The assessment's id, once in the file.
    #[serde(deserialize_with = "deserialize_id")]
    pub id: Uuid,
    /// When it was taken; 2000-01-01 to 2099-12-31 UTC.
    #[serde(serialize_with = "serialize_moment", deserialize_with = "deserialize_moment")]
    pub taken_at: DateTime<Utc>,
    /// The local UTC offset then, in minutes, -840 to 840.
    pub utc_offset_minutes: i32,
    /// The answers, checked like a new assessment's (CLINICAL.md §1 ranges).
    pub answers: Answers,
    /// What Limber said then, for people and other tools reading the file. Not read back: a
    /// restore works it out again from the answers.
    #[serde(default, deserialize_with = "ignore", skip_serializing_if = "Option::is_none")]
    pub result: Option<AssessmentResult>,
}

/// One session check-in, checked like a new one (`CheckInInput::validate`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckInRecord {
    /// The check-in's id, once in the file.
    #[serde(deserialize_with = "deserialize_id")]
    pub id: Uuid,
    /// The local date it was filed on: the date of `at` at `utc_offset_minutes`.
    #[serde(deserialize_with = "deserialize_date")]
    pub local_date: NaiveDate,
    /// Which session of the day, 1-2 (the file's `slot`); one check-in per date and session.
    #[serde(rename = "slot")]
    pub session: i32,
    /// When the session was done; 2000-01-01 to 2099-12-31 UTC.
    #[serde(serialize_with = "serialize_moment", deserialize_with = "deserialize_moment")]
    pub at: DateTime<Utc>,
    /// The local UTC offset then, in minutes, -840 to 840.
    pub utc_offset_minutes: i32,
    /// Pain before the session, 0-10.
    pub pain_before: Option<i32>,
    /// Pain after the session, 0-10.
    pub pain_after: Option<i32>,
    /// The free note, at most 2,000 characters; trimmed on reading.
    pub note: Option<String>,
    /// Every exercise of the session, each at most once; at least one.
    pub exercises: Vec<CheckInExerciseRecord>,
}

/// One exercise of a check-in: what was done or why it was skipped, and the light it got.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckInExerciseRecord {
    /// The exercise.
    pub exercise: ExerciseId,
    /// Whether it was done.
    pub done: bool,
    /// Why it was skipped; required when `done` is false.
    pub skip_reason: Option<SkipReason>,
    /// Seconds held per repetition as done, 0-600.
    pub hold_seconds: Option<i32>,
    /// Repetitions per set as done, 0-200.
    pub reps: Option<i32>,
    /// Sets as done, 0-20.
    pub sets: Option<i32>,
    /// Pain during the exercise, 0-10.
    pub pain_during: Option<i32>,
    /// Symptoms spread further down the leg.
    pub symptoms_spread: bool,
    /// The traffic light it got then: one for a done exercise, red for one skipped as too
    /// painful (none in files from before that counted), none for any other skip.
    pub light: Option<Light>,
}

/// One next-morning check: the pain on waking after a day with sessions (CLINICAL.md §6).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MorningCheckRecord {
    /// The local date whose morning it records, each date once; 2000-01-01 to 2099-12-31.
    #[serde(deserialize_with = "deserialize_date")]
    pub local_date: NaiveDate,
    /// The pain entry it was logged as (context `on_waking`): the one copy of its pain.
    #[serde(deserialize_with = "deserialize_id")]
    pub pain_entry_id: Uuid,
    /// That entry's level when the backup was written, 0-10, for people reading the file. A
    /// restore takes the level from the entry and ignores this copy.
    pub pain: i32,
}

/// Where one track's dose stands (a [`crate::routine::progression::TrackState`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrackStateRecord {
    /// An exercise id, or `bridge_ladder`; each track once.
    pub track: String,
    /// Index on the track's dose steps, 0 = easiest, up to the last step of its line.
    pub step: i32,
    /// No longer used by the rules (a step up now reads the sessions themselves); kept as the
    /// file holds it, 0-10,000.
    pub settled_greens: i32,
    /// Reds in a row on the track, 0-10,000; 2 or more shows the see-a-physiotherapist card.
    pub reds_in_row: i32,
    /// After a step down, no step up before this local date; 2000-01-01 to 2099-12-31.
    #[serde(default, deserialize_with = "deserialize_optional_date")]
    pub hold_until: Option<NaiveDate>,
}

/// One stored dose change (a [`crate::routine::progression::DoseChange`] with when it was
/// decided).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DoseChangeRecord {
    /// The change's id, once in the file.
    #[serde(deserialize_with = "deserialize_id")]
    pub id: Uuid,
    /// When it was decided; 2000-01-01 to 2099-12-31 UTC.
    #[serde(serialize_with = "serialize_moment", deserialize_with = "deserialize_moment")]
    pub at: DateTime<Utc>,
    /// The local date it was decided on; 2000-01-01 to 2099-12-31.
    #[serde(deserialize_with = "deserialize_date")]
    pub local_date: NaiveDate,
    /// An exercise id, or `bridge_ladder`.
    pub track: String,
    /// Up, the same, or down.
    pub decision: Decision,
    /// The step before, one of the track's dose steps (on either dose line: under 65, or from
    /// 65).
    pub from: Step,
    /// The step after, one of the track's dose steps (either line).
    pub to: Step,
    /// Why, as shown to the person: 1 to 2,000 characters after trimming.
    pub reason: String,
}

/// One reminder put off.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SnoozeRecord {
    /// The reminder's id (`session:2026-11-20:1`, `morning:2026-11-20`, `retest:2026-11-20`),
    /// each reminder once.
    pub reminder_id: String,
    /// When it fires again; 2000-01-01 to 2099-12-31 UTC.
    #[serde(serialize_with = "serialize_moment", deserialize_with = "deserialize_moment")]
    pub fire_at: DateTime<Utc>,
}

/// What a restore did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportReport {
    /// Records written.
    pub added: i32,
    /// Records already there (same id), left as they were.
    pub skipped: i32,
    /// One line per kind of record, e.g. "pain entries: 120 added, 3 already there".
    pub summary: Vec<String>,
}

impl CheckInExerciseRecord {
    /// What the person reported, without the light it got.
    pub fn reported(&self) -> ExerciseCheckIn {
        ExerciseCheckIn {
            exercise: self.exercise,
            done: self.done,
            skip_reason: self.skip_reason,
            hold_seconds: self.hold_seconds,
            reps: self.reps,
            sets: self.sets,
            pain_during: self.pain_during,
            symptoms_spread: self.symptoms_spread,
        }
    }
}

impl Backup {
    /// Records in the file: settings, entries, assessments, check-ins and the rest, each one.
    pub fn records(&self) -> i64 {
        let settings =
            usize::from(self.settings.routine.is_some()) + usize::from(self.settings.reminders.is_some());
        (settings
            + self.pain_entries.len()
            + self.assessments.len()
            + self.check_ins.len()
            + self.morning_checks.len()
            + self.track_states.len()
            + self.dose_changes.len()
            + self.snoozes.len()) as i64
    }
}

fn ignore<'de, D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Option<AssessmentResult>, D::Error> {
    serde::de::IgnoredAny::deserialize(d)?;
    Ok(None)
}

/// Only the versions, read first: a newer file is refused before its contents are looked at.
#[derive(Deserialize)]
struct Header {
    format: String,
    format_version: i32,
    schema_version: i32,
}

/// Parses and checks a whole backup file. The answer is in canonical form (notes trimmed,
/// sites ordered, results worked out from the answers), ready to be written.
pub fn read(bytes: &[u8]) -> Result<Backup> {
    read_with(bytes, &mut Throttled::new(&Silent))
}

/// [`read`], telling `progress` how many records are checked.
pub fn read_with(bytes: &[u8], progress: &mut Throttled<'_>) -> Result<Backup> {
    if bytes.len() > MAX_BYTES {
        return Err(Error::invalid("backup", "a file of at most 64 MiB"));
    }
    if bytes.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'{') {
        return Err(Error::invalid("backup", "a JSON object: a Limber backup file"));
    }
    // The fast path reads the file once. Only a file that does not parse is read again, the
    // slow way, to say what is wrong in the order people should hear it: a newer Limber first,
    // then the field at fault.
    // Checked as UTF-8 once, so no string in it is checked again.
    let parsed =
        std::str::from_utf8(bytes).map_err(drop).and_then(|text| crate::json_path::read(text).map_err(drop));
    let backup: Backup = match parsed {
        Ok(backup) => backup,
        Err(()) => return Err(explain(bytes)),
    };
    versions(&Header {
        format: backup.format.clone(),
        format_version: backup.format_version,
        schema_version: backup.schema_version,
    })?;
    check(backup, progress)
}

/// Why a file that does not parse as a backup is refused.
fn explain(bytes: &[u8]) -> Error {
    // The header from the bytes: a newer Limber is named even if the rest is not UTF-8.
    let header: Header = match crate::json_path::parse_bytes(bytes) {
        Ok(header) => header,
        Err(f) => return describe(&f.path, &f.error),
    };
    if let Err(e) = versions(&header) {
        return e;
    }
    // The body as text, like the fast path, up to any byte that is not UTF-8: reading stops
    // there as reading the bytes would (a damaged file), after any mistake before it.
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default(),
    };
    match parse::<Backup>(text) {
        Err(e) => e,
        // The fast path refused what the slow one accepts: never expected, but refuse anyway.
        Ok(_) => Error::invalid("backup", "a complete JSON file (this one is damaged or cut short)"),
    }
}

fn versions(header: &Header) -> Result<()> {
    if header.format != FORMAT {
        return Err(Error::invalid("format", "limber-backup (a Limber JSON backup)"));
    }
    newer("format_version", "format", header.format_version, FORMAT_VERSION)?;
    newer("schema_version", "database schema", header.schema_version, SCHEMA_VERSION)
}

/// A backup is a backup: a newer one says which of its versions is newer, never "the database".
fn newer(field: &str, what: &'static str, found: i32, supported: i32) -> Result<()> {
    match found {
        ..1 => Err(Error::invalid(field, format!("a whole number from 1 to {supported}"))),
        f if f > supported => Err(Error::NewerBackup { what, found, supported }),
        _ => Ok(()),
    }
}

fn parse<'a, T: Deserialize<'a>>(text: &'a str) -> Result<T> {
    // Deep nesting cannot exhaust the stack: serde_json skips unread values without recursing,
    // refuses unknown fields before reading their values, and refuses typed values nested
    // deeper than 128 levels. The path names the field for any mistake.
    crate::json_path::parse(text).map_err(|f| describe(&f.path, &f.error))
}

/// The field and what is valid there, from serde's message, without echoing the file's
/// contents (they may be health data).
fn describe(path: &str, e: &serde_json::Error) -> Error {
    let message = e.to_string();
    let message = message.split(" at line ").next().unwrap_or(&message);
    let field = if path == "." || path.is_empty() { "backup".to_owned() } else { path.to_owned() };
    let within = |name: &str| if path == "." { name.to_owned() } else { format!("{path}.{name}") };
    let quoted = |t: &str| t.split('`').nth(1).unwrap_or_default().to_owned();
    if message.starts_with("recursion limit exceeded") {
        return Error::invalid(field, "nested at most 128 levels deep");
    }
    if e.is_syntax() || e.is_eof() || e.is_io() {
        return Error::invalid("backup", "a complete JSON file (this one is damaged or cut short)");
    }
    if message.starts_with("missing field") {
        return Error::invalid(within(&quoted(message)), "present");
    }
    if message.starts_with("duplicate field") {
        return Error::invalid(within(&quoted(message)), "given once");
    }
    if message.starts_with("unknown field") {
        let known = crate::json_path::expected(message).unwrap_or_default();
        return Error::invalid(
            crate::json_path::unknown_field(path, message),
            format!("left out: the fields here are {}", known.replace('`', "")),
        );
    }
    let last = field.rsplit(['.', '[']).next().unwrap_or_default();
    let range = if last == "id" || (last.ends_with("_id") && last != "reminder_id") {
        "a UUID such as 0192f0c1-7b5e-7cc0-9a4e-1f2d3c4b5a69".to_owned()
    } else if last == "at" || last.ends_with("_at") {
        "an RFC 3339 moment such as 2026-11-20T08:30:00Z".to_owned()
    } else if last.ends_with("date") || last.ends_with("until") {
        "a date as YYYY-MM-DD".to_owned()
    } else if let Some(expected) = crate::json_path::expected(message) {
        match expected {
            e if e.starts_with('i') && e[1..].chars().all(|c| c.is_ascii_digit()) => {
                "a whole number".to_owned()
            }
            "a boolean" => "true or false".to_owned(),
            "a sequence" => "a list".to_owned(),
            e if e.starts_with("struct ") || e == "a map" => "an object".to_owned(),
            e => e.replace('`', ""),
        }
    } else {
        "a value of the type a Limber backup uses here".to_owned()
    };
    Error::invalid(field, range)
}

/// Checks every record like normal input and puts it in canonical form.
fn check(mut b: Backup, progress: &mut Throttled<'_>) -> Result<Backup> {
    let total = b.records();
    let mut done = 0;
    let mut tick = |progress: &mut Throttled<'_>| {
        done += 1;
        progress.report(ProgressStage::Checking, done, total);
    };
    progress.report(ProgressStage::Checking, 0, total);
    check_instant("exported_at", b.exported_at)?;
    if let Some(routine) = b.settings.routine.take() {
        b.settings.routine = Some(within("settings.routine", routine.validate())?);
    }
    if let Some(reminders) = b.settings.reminders.take() {
        b.settings.reminders = Some(within("settings.reminders", reminders.validate())?);
    }

    let mut ids = Unique::with_capacity(b.pain_entries.len());
    for (i, p) in b.pain_entries.iter_mut().enumerate() {
        tick(progress);
        let at = At("pain_entries", i);
        ids.once(at, p.id)?;
        let input = PainInput {
            recorded_at: p.recorded_at,
            utc_offset_minutes: p.utc_offset_minutes,
            level: p.level,
            sites: std::mem::take(&mut p.sites),
            context: p.context,
            note: p.note.take(),
        };
        let valid = within(at, input.validate())?;
        p.sites = valid.sites;
        p.note = valid.note;
    }

    let mut ids = Unique::with_capacity(b.assessments.len());
    for (i, a) in b.assessments.iter_mut().enumerate() {
        tick(progress);
        let at = At("assessments", i);
        ids.once(at, a.id)?;
        within(at, check_instant("taken_at", a.taken_at))?;
        within(at, check_offset("utc_offset_minutes", a.utc_offset_minutes))?;
        a.answers = within(at, within("answers", std::mem::take(&mut a.answers).validate()))?;
        a.result = Some(evaluate(&a.answers));
    }

    let (mut ids, mut sessions) =
        (Unique::with_capacity(b.check_ins.len()), Seen::with_capacity(b.check_ins.len()));
    for (i, c) in b.check_ins.iter_mut().enumerate() {
        tick(progress);
        let at = At("check_ins", i);
        ids.once(at, c.id)?;
        check_check_in(at, c)?;
        if !sessions.first((c.local_date, c.session)) {
            return Err(Error::invalid(format!("{at}.slot"), "one check-in per session and date"));
        }
    }

    let mut dates = Seen::with_capacity(b.morning_checks.len());
    for (i, m) in b.morning_checks.iter().enumerate() {
        tick(progress);
        let at = At("morning_checks", i);
        within(at, check_date("local_date", m.local_date))?;
        if !dates.first(m.local_date) {
            return Err(Error::invalid(format!("{at}.local_date"), "each date at most once"));
        }
        within(at, in_range("pain", m.pain, 0, MAX_LEVEL))?;
    }

    // A few tracks at most: each is in the list once, or the file is refused.
    let mut tracks: Vec<Track> = Vec::new();
    for (i, t) in b.track_states.iter_mut().enumerate() {
        tick(progress);
        let at = At("track_states", i);
        let track = within(at, parse_track("track", &t.track))?;
        t.track = track.key().to_owned();
        if tracks.contains(&track) {
            return Err(Error::invalid(format!("{at}.track"), "each track at most once"));
        }
        tracks.push(track);
        within(at, in_range("step", t.step, 0, steps(track).len() as i32 - 1))?;
        within(at, in_range("settled_greens", t.settled_greens, 0, MAX_COUNTER))?;
        within(at, in_range("reds_in_row", t.reds_in_row, 0, MAX_COUNTER))?;
        if let Some(d) = t.hold_until {
            within(at, check_date("hold_until", d))?;
        }
    }

    // Each track's dose steps, worked out once per track (a few tracks).
    let (mut ids, mut lines) =
        (Unique::with_capacity(b.dose_changes.len()), Vec::<(Track, Vec<Step>)>::new());
    for (i, e) in b.dose_changes.iter_mut().enumerate() {
        tick(progress);
        let at = At("progression_events", i);
        ids.once(at, e.id)?;
        within(at, check_instant("at", e.at))?;
        within(at, check_date("local_date", e.local_date))?;
        let track = within(at, parse_track("track", &e.track))?;
        e.track = track.key().to_owned();
        let line = match lines.iter().position(|(t, _)| *t == track) {
            Some(k) => &lines[k].1,
            None => {
                lines.push((track, both_lines(track)));
                &lines[lines.len() - 1].1
            }
        };
        for (name, step) in [("from", &e.from), ("to", &e.to)] {
            if !line.contains(step) {
                return Err(Error::invalid(format!("{at}.{name}"), "a dose step of that track"));
            }
        }
        e.reason = within(at, optional_text("reason", Some(&e.reason), MAX_NOTE_CHARS))?
            .ok_or_else(|| Error::invalid(format!("{at}.reason"), "a reason of 1 to 2000 characters"))?;
    }

    let mut reminders = Seen::with_capacity(b.snoozes.len());
    for (i, s) in b.snoozes.iter_mut().enumerate() {
        tick(progress);
        let at = At("snoozes", i);
        let target = Target::parse(&s.reminder_id).map_err(|_| {
            Error::invalid(format!("{at}.reminder_id"), "a reminder id such as session:2026-11-20:1")
        })?;
        s.reminder_id = target.to_string();
        if !reminders.first(target) {
            return Err(Error::invalid(format!("{at}.reminder_id"), "each reminder at most once"));
        }
        within(at, check_instant("fire_at", s.fire_at))?;
    }
    Ok(b)
}

fn check_check_in(at: At, c: &mut CheckInRecord) -> Result<()> {
    within(at, check_offset("utc_offset_minutes", c.utc_offset_minutes))?;
    let input = CheckInInput {
        session: c.session,
        at: c.at,
        pain_before: c.pain_before,
        pain_after: c.pain_after,
        exercises: c.exercises.iter().map(CheckInExerciseRecord::reported).collect(),
        note: c.note.take(),
    };
    c.note = within(at, input.validate(MAX_SESSIONS_PER_DAY))?.note;
    if timestamp::local(c.at, c.utc_offset_minutes).date_naive() != c.local_date {
        return Err(Error::invalid(
            format!("{at}.local_date"),
            "the local date of `at` at `utc_offset_minutes`",
        ));
    }
    for (j, e) in c.exercises.iter().enumerate() {
        if !light_as_lit(e) {
            return Err(Error::invalid(
                format!("{at}.exercises[{j}].light"),
                "green, amber or red for a done exercise, red or none for one skipped as too painful, and none for any other skip",
            ));
        }
    }
    Ok(())
}

/// Whether an exercise's light is one a check-in gives (`checkin::exercise_light`): any for a
/// done exercise; red for one skipped as too painful (CLINICAL.md §8), or none as Limber wrote
/// it before such a skip counted; none for any other skip.
fn light_as_lit(e: &CheckInExerciseRecord) -> bool {
    match (e.done, e.skip_reason, e.light) {
        (true, _, light) => light.is_some(),
        (false, Some(SkipReason::TooPainful), light) => matches!(light, None | Some(Light::Red)),
        (false, _, light) => light.is_none(),
    }
}

/// Every one of `track`'s dose steps, on either dose line (from 65 a stretch grows its hold
/// instead of its repetitions, CLINICAL.md §5): a dose change moves between two of them.
fn both_lines(track: Track) -> Vec<Step> {
    [false, true].into_iter().flat_map(|older_adult| steps_for(track, DoseProfile { older_adult })).collect()
}

fn parse_track(field: &str, key: &str) -> Result<Track> {
    Track::parse(key).ok_or_else(|| Error::invalid(field, "bridge_ladder or an exercise id"))
}

/// The dates Limber accepts anywhere: 2000-01-01 to 2099-12-31.
pub(crate) fn check_date(field: &str, date: NaiveDate) -> Result<NaiveDate> {
    let ok = NaiveDate::from_ymd_opt(2000, 1, 1).is_some_and(|min| date >= min)
        && NaiveDate::from_ymd_opt(2099, 12, 31).is_some_and(|max| date <= max);
    if ok { Ok(date) } else { Err(Error::invalid(field, "a date from 2000-01-01 to 2099-12-31")) }
}

/// Ids seen so far in one list of the file.
struct Unique(Seen<Uuid>);

impl Unique {
    fn with_capacity(n: usize) -> Self {
        Unique(Seen::with_capacity(n))
    }

    fn once(&mut self, at: At, id: Uuid) -> Result<()> {
        if self.0.first(id) {
            Ok(())
        } else {
            Err(Error::invalid(format!("{at}.id"), "an id used only once in the file"))
        }
    }
}
