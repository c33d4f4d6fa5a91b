//! Two processes and four threads write and read the same database at once: no busy error
//! reaches the caller and no row is lost.
#![allow(clippy::unwrap_used)] // Setup helpers outside #[test] functions: a failed setup should stop the test with its cause.

use std::process::Command;
use std::sync::{Arc, Barrier};

use chrono::{Duration, TimeZone, Utc};
use limber_core::Limber;
use limber_core::pain::{PainContext, PainInput, PainQuery};

const PER_WRITER: i64 = 300;

fn entry(i: i64, tag: &str) -> PainInput {
    PainInput {
        recorded_at: Utc.with_ymd_and_hms(2026, 2, 1, 0, 0, 0).unwrap() + Duration::seconds(i),
        utc_offset_minutes: 0,
        level: (i % 11) as i32,
        sites: vec![],
        context: PainContext::Evening,
        note: Some(format!("{tag}{i}")),
    }
}

fn count(store: &Limber) -> usize {
    let mut n = 0;
    let mut query = PainQuery { limit: 500, ..Default::default() };
    loop {
        let page = store.list_pain(&query).unwrap();
        n += page.entries.len();
        match page.next_cursor {
            Some(c) => query.cursor = Some(c),
            None => return n,
        }
    }
}

#[test]
fn two_processes_and_four_threads_share_one_database_without_busy_errors_or_losses() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shared.db");
    Limber::open(&db).unwrap();

    // Two writer processes and four threads, each with its own connection (like an app, its
    // reminder receiver and a widget), all started together.
    let mut children: Vec<_> = (0..2)
        .map(|p| {
            Command::new(env!("CARGO_BIN_EXE_limber-writer"))
                .arg(&db)
                .arg(PER_WRITER.to_string())
                .arg(format!("p{p}-"))
                .stdout(std::process::Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    let barrier = Arc::new(Barrier::new(4));
    let threads: Vec<_> = (0..4)
        .map(|t| {
            let db = db.clone();
            let barrier = barrier.clone();
            std::thread::spawn(move || {
                let mut store = Limber::open(&db).unwrap();
                barrier.wait();
                for i in 0..PER_WRITER {
                    store.add_pain(entry(i, &format!("t{t}-"))).expect("no error may reach the caller");
                    if i % 25 == 0 {
                        store
                            .list_pain(&PainQuery { limit: 50, ..Default::default() })
                            .expect("reads never fail");
                    }
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    for child in &mut children {
        assert!(child.wait().unwrap().success(), "a writer process failed (busy or other error)");
    }
    let store = Limber::open(&db).unwrap();
    assert_eq!(count(&store) as i64, PER_WRITER * (2 + 4), "every write is there");
    let conn = rusqlite::Connection::open(&db).unwrap();
    let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(check, "ok");
}
