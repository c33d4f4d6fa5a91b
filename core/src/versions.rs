//! Version numbers more than one module needs, kept apart so that none of them imports
//! another for a number: the SQLite schema version (the store writes it) and the schema version
//! a backup records (a restore refuses a newer one).

/// The SQLite schema this code writes (`PRAGMA user_version`): one released step per version,
/// checked at compile time against `store`'s steps.
pub const SCHEMA_VERSION: i32 = 8;

/// The schema version a backup records: the latest schema step that changed the records a
/// backup holds. A step that only adds an index (8: the check-ins that reported spreading)
/// leaves it, so a backup made now still restores in a Limber that stops at step 7. Raise it
/// with any step that adds, renames or changes a table or column a backup carries.
pub const BACKUP_SCHEMA_VERSION: i32 = 7;

const _: () = assert!(BACKUP_SCHEMA_VERSION <= SCHEMA_VERSION, "a backup cannot be newer than the store");
