//! Opens a SQLite database through uniffi: the smallest library that carries what Limber must.

/// Opens the database at `path` and counts its schema objects: -1 when it cannot be opened or
/// read, so the library exercises SQLite's open and query paths without panicking.
#[uniffi::export]
pub fn open_and_count(path: String) -> i64 {
    rusqlite::Connection::open(path)
        .and_then(|c| c.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0)))
        .unwrap_or(-1)
}

uniffi::setup_scaffolding!("bare");
