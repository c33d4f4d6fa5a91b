//! Deleting everything so that nothing is left in the database file or its WAL.

use super::Db;
use crate::{Error, Result};

/// Deletes every record of every table (settings go back to their defaults) in one
/// transaction, then checkpoints the WAL with TRUNCATE, rebuilds the file with VACUUM and
/// truncates the WAL again, so deleted notes survive neither in free pages (secure_delete
/// zeroes them too) nor in old WAL frames.
///
/// If another connection keeps the WAL busy, the records are gone but leftovers may remain
/// in the WAL: the call fails with [`Error::NotNow`] and calling it again finishes the job.
pub(crate) fn wipe_all_data(db: &mut Db) -> Result<()> {
    // Every table there is, so a table added later is wiped too.
    let tables: Vec<String> = {
        let mut stmt = db.conn().prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
        )?;
        stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?
    };
    db.write(|tx| {
        // Children and parents in any order: foreign keys are checked at commit.
        tx.execute_batch("PRAGMA defer_foreign_keys='ON'")?;
        for table in &tables {
            tx.execute(&format!("DELETE FROM \"{}\"", table.replace('"', "\"\"")), [])?;
        }
        Ok(())
    })?;
    // VACUUM's copy stays in memory rather than in a temporary file on disk.
    // Literal SQL rather than `pragma_update` (see `store::configure`).
    db.conn().execute_batch("PRAGMA temp_store='MEMORY'")?;
    db.conn().flush_prepared_statement_cache();
    checkpoint(db)?;
    db.conn().execute_batch("VACUUM")?;
    checkpoint(db)
}

fn checkpoint(db: &Db) -> Result<()> {
    let busy: i64 = db.conn().query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get(0))?;
    if busy == 0 {
        Ok(())
    } else {
        Err(Error::NotNow("Limber is still busy with the data elsewhere; close it there and try again"))
    }
}
