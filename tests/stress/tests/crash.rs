//! Kill a writer with SIGKILL at random moments: every write it acknowledged must be there
//! afterwards, and the database must pass `PRAGMA integrity_check` after every trial.
#![allow(clippy::unwrap_used)] // Setup helpers outside #[test] functions: a failed setup should stop the test with its cause.

use std::collections::HashSet;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use limber_core::Limber;
use limber_core::pain::PainQuery;

const TRIALS: u64 = 200;

/// A small deterministic generator: the kill moments vary but a failure can be replayed.
fn next(seed: &mut u64) -> u64 {
    *seed ^= *seed << 13;
    *seed ^= *seed >> 7;
    *seed ^= *seed << 17;
    *seed
}

fn stored_ids(db: &std::path::Path) -> HashSet<String> {
    let store = Limber::open(db).unwrap();
    let mut ids = HashSet::new();
    let mut query = PainQuery { limit: 500, ..Default::default() };
    loop {
        let page = store.list_pain(&query).unwrap();
        ids.extend(page.entries.iter().map(|e| e.id.to_string()));
        match page.next_cursor {
            Some(c) => query.cursor = Some(c),
            None => return ids,
        }
    }
}

#[test]
#[cfg(unix)]
fn acknowledged_writes_survive_sigkill_and_the_file_stays_sound() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("crash.db");
    let mut seed = 0x5EED_u64 ^ std::process::id() as u64;
    let mut acknowledged: HashSet<String> = HashSet::new();
    let mut killed_mid_write = 0;
    for trial in 0..TRIALS {
        let mut child = Command::new(env!("CARGO_BIN_EXE_limber-writer"))
            .arg(&db)
            .arg("100000")
            .arg(format!("t{trial}-"))
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Let it run for 0-40 ms (opening takes some of that), reading acknowledgements.
        let budget = Duration::from_micros(next(&mut seed) % 40_000);
        let mut reader = BufReader::new(child.stdout.take().unwrap());
        let started = Instant::now();
        let mut line = String::new();
        let mut acked_this_trial = 0;
        while started.elapsed() < budget {
            line.clear();
            if reader.read_line(&mut line).unwrap_or(0) == 0 {
                break;
            }
            acknowledged.insert(line.trim().to_owned());
            acked_this_trial += 1;
        }
        child.kill().unwrap(); // SIGKILL on unix
        child.wait().unwrap();
        // Acknowledgements already in the pipe were acknowledged before the kill too.
        for rest in reader.lines().map_while(Result::ok) {
            acknowledged.insert(rest.trim().to_owned());
            acked_this_trial += 1;
        }
        if acked_this_trial > 0 {
            killed_mid_write += 1;
        }

        let conn = rusqlite::Connection::open(&db).unwrap();
        let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
        assert_eq!(check, "ok", "trial {trial}: integrity");
        drop(conn);
        let stored = stored_ids(&db);
        let lost: Vec<_> = acknowledged.difference(&stored).collect();
        assert!(lost.is_empty(), "trial {trial}: {} acknowledged entries lost", lost.len());
    }
    assert!(killed_mid_write > TRIALS / 4, "only {killed_mid_write} trials were killed while writing");
    assert!(acknowledged.len() > 1000, "too few writes to mean anything: {}", acknowledged.len());
}
