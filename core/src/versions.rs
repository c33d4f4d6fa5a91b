//! Version numbers more than one module needs, kept apart so that none of them imports
//! another for a number: the SQLite schema version (the store writes it, a backup records it
//! and refuses a newer one).

/// The SQLite schema this code writes (`PRAGMA user_version`): one released step per version,
/// checked at compile time against `store`'s steps.
pub const SCHEMA_VERSION: i32 = 8;
