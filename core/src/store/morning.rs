//! The next-morning check's pain, kept once: a morning check row points at its pain entry
//! (context `on_waking`), and every reader takes the level from that entry. Editing the entry
//! (`pain edit`) therefore changes what dosing, the backup and `morning_checks.csv` use, and
//! deleting it deletes the morning check.

/// Schema step 6: the morning check's own copy of the pain level goes; the pain entry it points
/// at is the one copy. Rows are kept (the column held the same level the entry was logged with).
pub(super) const SCHEMA_V6: &str = "
ALTER TABLE morning_check DROP COLUMN pain;
";

/// The SELECT every morning-check reader uses: date, entry id and the entry's level.
pub(super) const MORNING_CHECKS: &str = "SELECT m.local_date, m.pain_entry_id, p.level
     FROM morning_check m JOIN pain_entry p ON p.id = m.pain_entry_id";
