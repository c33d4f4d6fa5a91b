//! The released schema steps, in order. Append only: a released step is never edited (its
//! fixture in tests/fixtures proves the upgrade, and the migration tests fail on an edit).

/// The pain log.
const SCHEMA_V1: &str = "
CREATE TABLE pain_entry (
    id BLOB PRIMARY KEY NOT NULL CHECK (length(id) = 16),
    recorded_at_ms INTEGER NOT NULL,
    utc_offset_min INTEGER NOT NULL CHECK (utc_offset_min BETWEEN -840 AND 840),
    level INTEGER NOT NULL CHECK (level BETWEEN 0 AND 10),
    context TEXT NOT NULL,
    note TEXT CHECK (note IS NULL OR length(note) <= 2000)
) WITHOUT ROWID;
CREATE INDEX pain_entry_by_time ON pain_entry (recorded_at_ms, id);
CREATE TABLE pain_site (
    entry_id BLOB NOT NULL REFERENCES pain_entry (id) ON DELETE CASCADE,
    site TEXT NOT NULL,
    side TEXT NOT NULL DEFAULT '',
    level INTEGER NOT NULL CHECK (level BETWEEN 0 AND 10),
    PRIMARY KEY (entry_id, site, side)
) WITHOUT ROWID;
";

/// The assessment history and its measurements.
const SCHEMA_V2: &str = "
CREATE TABLE assessment (
    id BLOB PRIMARY KEY NOT NULL CHECK (length(id) = 16),
    taken_at_ms INTEGER NOT NULL,
    utc_offset_min INTEGER NOT NULL CHECK (utc_offset_min BETWEEN -840 AND 840),
    answers_json TEXT NOT NULL,
    result_json TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX assessment_by_time ON assessment (taken_at_ms, id);
CREATE TABLE measurement (
    assessment_id BLOB NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    test TEXT NOT NULL,
    side TEXT NOT NULL,
    value INTEGER NOT NULL,
    measured_by TEXT,
    taken_at_ms INTEGER NOT NULL,
    PRIMARY KEY (assessment_id, test, side)
) WITHOUT ROWID;
CREATE INDEX measurement_by_test ON measurement (test, taken_at_ms);
";

/// Settings, check-ins, morning checks, where each track stands and its dose changes.
const SCHEMA_V3: &str = "
CREATE TABLE setting (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE checkin (
    id BLOB PRIMARY KEY NOT NULL CHECK (length(id) = 16),
    local_date TEXT NOT NULL,
    slot INTEGER NOT NULL CHECK (slot BETWEEN 1 AND 4),
    at_ms INTEGER NOT NULL,
    utc_offset_min INTEGER NOT NULL,
    pain_before INTEGER CHECK (pain_before BETWEEN 0 AND 10),
    pain_after INTEGER CHECK (pain_after BETWEEN 0 AND 10),
    symptoms_spread INTEGER NOT NULL,
    note TEXT,
    UNIQUE (local_date, slot)
) WITHOUT ROWID;
CREATE TABLE checkin_exercise (
    checkin_id BLOB NOT NULL REFERENCES checkin (id) ON DELETE CASCADE,
    exercise TEXT NOT NULL,
    track TEXT NOT NULL,
    done INTEGER NOT NULL,
    skip_reason TEXT,
    hold_seconds INTEGER,
    reps INTEGER,
    sets INTEGER,
    pain_during INTEGER CHECK (pain_during BETWEEN 0 AND 10),
    symptoms_spread INTEGER NOT NULL,
    light TEXT,
    PRIMARY KEY (checkin_id, exercise)
) WITHOUT ROWID;
CREATE TABLE morning_check (
    local_date TEXT PRIMARY KEY NOT NULL,
    pain_entry_id BLOB NOT NULL REFERENCES pain_entry (id) ON DELETE CASCADE,
    pain INTEGER NOT NULL CHECK (pain BETWEEN 0 AND 10)
) WITHOUT ROWID;
CREATE TABLE track_state (
    track TEXT PRIMARY KEY NOT NULL,
    step INTEGER NOT NULL,
    settled_greens INTEGER NOT NULL,
    reds_in_row INTEGER NOT NULL,
    hold_until TEXT
) WITHOUT ROWID;
CREATE TABLE progression_event (
    id BLOB PRIMARY KEY NOT NULL CHECK (length(id) = 16),
    at_ms INTEGER NOT NULL,
    local_date TEXT NOT NULL,
    track TEXT NOT NULL,
    decision TEXT NOT NULL,
    from_step TEXT NOT NULL,
    to_step TEXT NOT NULL,
    reason TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX progression_event_by_track ON progression_event (track, at_ms);
";

/// Snoozed reminders.
const SCHEMA_V4: &str = "
CREATE TABLE snooze (
    reminder_id TEXT PRIMARY KEY NOT NULL,
    fire_at_ms INTEGER NOT NULL
) WITHOUT ROWID;
";

/// Indexes for reading "today" quickly from years of history: the first check-in, any spread
/// since an assessment, and the latest step up, without scanning every row.
const SCHEMA_V5: &str = "
CREATE INDEX checkin_by_time ON checkin (at_ms);
CREATE INDEX progression_event_by_decision ON progression_event (decision, at_ms);
";

/// Schema step 6: the morning check's own copy of the pain level goes; the pain entry it points
/// at is the one copy. Rows are kept (the column held the same level the entry was logged with).
const SCHEMA_V6: &str = "
ALTER TABLE morning_check DROP COLUMN pain;
";

/// One name per concept: a dose decision is a "dose change" everywhere (core, bindings, CLI,
/// shells, tables), and a check-in's 1-based session number is its `session` (a reminder
/// "slot" is a reminder time, which is another thing).
const SCHEMA_V7: &str = "
ALTER TABLE progression_event RENAME TO dose_change;
DROP INDEX progression_event_by_track;
DROP INDEX progression_event_by_decision;
CREATE INDEX dose_change_by_track ON dose_change (track, at_ms);
CREATE INDEX dose_change_by_decision ON dose_change (decision, at_ms);
ALTER TABLE checkin RENAME COLUMN slot TO session;
";

/// Schema step 8: the check-ins that reported symptoms spreading, by time. Whether the plan
/// stopped (CLINICAL.md §8) is asked by every check-in and every "today"; through the time index
/// alone it visited each check-in since the latest assessment (a year without a re-test: 730),
/// and now only the few that spread.
const SCHEMA_V8: &str = "
CREATE INDEX checkin_spread_by_time ON checkin (at_ms) WHERE symptoms_spread;
";

/// `STEPS[n]` upgrades a database at version `n` to `n + 1`.
pub(super) const STEPS: &[&str] =
    &[SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, SCHEMA_V6, SCHEMA_V7, SCHEMA_V8];
